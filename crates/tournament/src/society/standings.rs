//! Where standings are kept: one per state (public assessment) or one
//! image of every state in every state's eyes (private assessment, a bit
//! matrix).

use twolevel_game::Standing;

/// A square bit matrix; a set bit is a bad image, so a zeroed matrix is a
/// society in which everyone thinks well of everyone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BitMatrix {
    size: usize,
    words_per_row: usize,
    bad: Vec<u64>,
}

impl BitMatrix {
    /// A `size` x `size` matrix of good images.
    #[must_use]
    pub fn all_good(size: usize) -> BitMatrix {
        let words_per_row = size.div_ceil(64);
        BitMatrix {
            size,
            words_per_row,
            bad: vec![0; words_per_row * size],
        }
    }

    /// The number of rows (and columns).
    #[must_use]
    pub const fn size(&self) -> usize {
        self.size
    }

    /// How `observer` sees `subject`.
    #[inline]
    #[must_use]
    pub fn get(&self, observer: usize, subject: usize) -> Standing {
        let word = self.bad[observer * self.words_per_row + subject / 64];
        Standing::from_good(word >> (subject % 64) & 1 == 0)
    }

    /// Sets how `observer` sees `subject`; returns the previous image.
    #[inline]
    pub fn set(&mut self, observer: usize, subject: usize, standing: Standing) -> Standing {
        let word = &mut self.bad[observer * self.words_per_row + subject / 64];
        let mask = 1u64 << (subject % 64);
        let previous = Standing::from_good(*word & mask == 0);
        if standing.is_good() {
            *word &= !mask;
        } else {
            *word |= mask;
        }
        previous
    }

    /// The bytes allocated for the bits: `size * ceil(size / 64) * 8`,
    /// which is `Z^2 / 8` rounded up to whole 64-bit words per row.
    #[must_use]
    pub fn bytes(&self) -> usize {
        self.bad.capacity() * std::mem::size_of::<u64>()
    }

    /// The number of bad images in the whole matrix.
    #[must_use]
    pub fn count_bad(&self) -> u64 {
        self.bad.iter().map(|w| u64::from(w.count_ones())).sum()
    }
}

/// The standings of a society.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Standings {
    /// One standing per state.
    Public(Vec<Standing>),
    /// Every state's image of every state.
    Private(BitMatrix),
}

impl Standings {
    /// How `observer` sees `subject` (the public standing under public
    /// assessment).
    #[inline]
    pub(crate) fn seen_by(&self, observer: usize, subject: usize) -> Standing {
        match self {
            Standings::Public(standings) => standings[subject],
            Standings::Private(images) => images.get(observer, subject),
        }
    }

    /// The bytes allocated for the standings.
    pub(crate) fn bytes(&self) -> usize {
        match self {
            Standings::Public(standings) => standings.capacity() * std::mem::size_of::<Standing>(),
            Standings::Private(images) => images.bytes(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bits_set_and_read_back_across_word_boundaries() {
        let mut matrix = BitMatrix::all_good(130);
        assert_eq!(matrix.set(3, 64, Standing::Bad), Standing::Good);
        assert_eq!(matrix.set(129, 129, Standing::Bad), Standing::Good);
        assert_eq!(matrix.get(3, 64), Standing::Bad);
        assert_eq!(matrix.get(3, 63), Standing::Good);
        assert_eq!(matrix.get(4, 64), Standing::Good);
        assert_eq!(matrix.count_bad(), 2);
        assert_eq!(matrix.set(3, 64, Standing::Good), Standing::Bad);
        assert_eq!(matrix.count_bad(), 1);
    }

    #[test]
    fn the_matrix_takes_z_squared_bits_rounded_to_whole_words() {
        for size in [64, 130, 10_000] {
            let matrix = BitMatrix::all_good(size);
            let exact_bits = size * size;
            assert!(matrix.bytes() * 8 >= exact_bits);
            // At most one partly used word per row.
            assert!(matrix.bytes() <= exact_bits / 8 + 8 * size, "Z = {size}");
        }
        assert_eq!(BitMatrix::all_good(64).bytes(), 64 * 8);
        // Z = 10,000: 157 words a row, 12.56 MB, far below 100 MB.
        assert_eq!(BitMatrix::all_good(10_000).bytes(), 10_000 * 157 * 8);
    }
}
