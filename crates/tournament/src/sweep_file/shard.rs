//! [`Shard`]: one part `K/N` of a sweep's cells, as parsed from the command
//! line and written to `shard.json`.

#[allow(clippy::wildcard_imports)]
use super::*;

/// A shard of a sweep: `K/N`, the K-th of N (from 1, `1 <= K <= N`). It
/// parses from the text `K/N`, or is built by [`Shard::new`]; a
/// `shard.json` is checked the same way when read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawShard", into = "RawShard")]
pub struct Shard {
    pub(super) index: u32,
    pub(super) count: u32,
}

/// A [`Shard`] as written in `shard.json`, before it is checked.
#[derive(Clone, Copy, Serialize, Deserialize)]
pub(super) struct RawShard {
    index: u32,
    count: u32,
}

impl TryFrom<RawShard> for Shard {
    type Error = SweepError;

    fn try_from(fields: RawShard) -> Result<Self, Self::Error> {
        Shard::new(fields.index, fields.count)
    }
}

impl From<Shard> for RawShard {
    fn from(shard: Shard) -> Self {
        RawShard {
            index: shard.index,
            count: shard.count,
        }
    }
}

impl std::str::FromStr for Shard {
    type Err = SweepError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = |reason: String| SweepError::BadShard { reason };
        let (k, n) = text
            .split_once('/')
            .ok_or_else(|| bad(format!("expected K/N (for example 2/4), got `{text}`")))?;
        let number = |part: &str, what: &str| {
            part.trim().parse::<u32>().map_err(|_| {
                bad(format!(
                    "expected K/N with whole numbers, got {what} `{part}`"
                ))
            })
        };
        Shard::new(number(k, "K =")?, number(n, "N =")?)
    }
}

impl Shard {
    /// The `index`-th shard of `count` (from 1), or an error unless
    /// `1 <= index <= count`.
    pub fn new(index: u32, count: u32) -> Result<Shard, SweepError> {
        let bad = |reason: String| SweepError::BadShard { reason };
        if count == 0 || index == 0 {
            return Err(bad(format!("expected 1 <= K <= N, got {index}/{count}")));
        }
        if index > count {
            return Err(bad(format!(
                "shard K = {index} is greater than N = {count}; expected 1 <= K <= N"
            )));
        }
        Ok(Shard { index, count })
    }

    /// This shard's number K, from 1.
    #[must_use]
    pub const fn index(self) -> u32 {
        self.index
    }

    /// The number of shards N.
    #[must_use]
    pub const fn count(self) -> u32 {
        self.count
    }

    /// Whether cell `cell` belongs to this shard.
    #[must_use]
    pub fn owns(self, cell: usize) -> bool {
        cell % self.count as usize == self.index as usize - 1
    }
}
