//! The presets shipped in the top-level `strategies/` folder: `pairwise`
//! for the strategies of pairwise games, `regime` for those of
//! `strategies/regime/`. Every file loads and builds, the copies compiled
//! into the library equal the folder, and a bad file is an error naming
//! the field.

mod pairwise;
mod regime;
