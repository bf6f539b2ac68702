//! PNG images of the plots: the SVG text as written is rendered by resvg
//! (pure Rust) at twice its size, so a PNG shows exactly what its SVG
//! shows. The text is drawn in DejaVu Sans, embedded in the program
//! (`crates/cli/fonts`, with its licence), so the images are the same on
//! every machine and need no font installed.

use std::sync::Arc;

use anyhow::{Result, anyhow};
use resvg::{tiny_skia, usvg};

/// DejaVu Sans, the font of every text in a PNG plot.
static FONT: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");

/// The family name of [`FONT`].
const FAMILY: &str = "DejaVu Sans";

/// How many pixels of the PNG image a pixel of the SVG plot becomes.
const SCALE: f32 = 2.0;

/// The PNG image of the SVG document `svg`.
pub fn rasterize(svg: &str) -> Result<Vec<u8>> {
    let mut fonts = usvg::fontdb::Database::new();
    fonts.load_font_data(FONT.to_vec());
    // Every family the plots name (`sans-serif`) is drawn in DejaVu Sans.
    fonts.set_sans_serif_family(FAMILY);
    fonts.set_serif_family(FAMILY);
    fonts.set_monospace_family(FAMILY);
    let options = usvg::Options {
        font_family: FAMILY.to_owned(),
        fontdb: Arc::new(fonts),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| anyhow!("{e}"))?;
    let size = tree
        .size()
        .to_int_size()
        .scale_by(SCALE)
        .ok_or_else(|| anyhow!("the plot's size cannot be scaled by {SCALE}"))?;
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| anyhow!("cannot allocate a {size:?} image"))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(SCALE, SCALE),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| anyhow!("{e}"))
}
