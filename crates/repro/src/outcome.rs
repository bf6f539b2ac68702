//! What a reproduction returns: tables of our numbers beside the
//! published ones, the checks of the paper's claim with their numbers, and
//! the figures a program may draw.

use serde::{Deserialize, Serialize};

/// How big a run is: `Quick` is the size CI runs (seconds), `Full` the
/// paper's size (what `scripts/reproduce-all.sh` runs).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Size {
    /// The size CI runs: fewer replicates or shorter simulations, the same
    /// set-up otherwise.
    Quick,
    /// The paper's size.
    Full,
}

impl Size {
    /// `quick` when `Quick`, `full` otherwise.
    #[must_use]
    pub fn pick<T>(self, quick: T, full: T) -> T {
        match self {
            Size::Quick => quick,
            Size::Full => full,
        }
    }

    /// The size's name, `quick` or `full`.
    #[must_use]
    pub fn name(self) -> &'static str {
        self.pick("quick", "full")
    }
}

/// A table of text cells with a header, written as CSV or markdown.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Table {
    /// A file-name stem (`ranking`, `fixation`), unique within an outcome.
    pub name: String,
    /// A one-line caption that names the currency of every number.
    pub caption: String,
    /// The column names.
    pub header: Vec<String>,
    /// The rows, each as long as the header.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// An empty table with a name, a caption and a header.
    #[must_use]
    pub fn new(name: &str, caption: &str, header: &[&str]) -> Table {
        Table {
            name: name.to_owned(),
            caption: caption.to_owned(),
            header: header.iter().map(|h| (*h).to_owned()).collect(),
            rows: Vec::new(),
        }
    }

    /// Appends a row (cells beyond the header's length are kept; a
    /// short row is padded with empty cells).
    pub fn push(&mut self, row: Vec<String>) {
        let mut row = row;
        while row.len() < self.header.len() {
            row.push(String::new());
        }
        self.rows.push(row);
    }

    /// The table as CSV (RFC 4180 quoting where a cell needs it).
    #[must_use]
    pub fn to_csv(&self) -> String {
        let line = |cells: &[String]| {
            cells
                .iter()
                .map(|c| {
                    if c.contains([',', '"', '\n']) {
                        format!("\"{}\"", c.replace('"', "\"\""))
                    } else {
                        c.clone()
                    }
                })
                .collect::<Vec<_>>()
                .join(",")
        };
        let mut text = line(&self.header);
        text.push('\n');
        for row in &self.rows {
            text.push_str(&line(row));
            text.push('\n');
        }
        text
    }

    /// The table as a markdown table under its caption.
    #[must_use]
    pub fn to_markdown(&self) -> String {
        let line = |cells: &[String]| {
            let cells: Vec<String> = cells.iter().map(|c| c.replace('|', "\\|")).collect();
            format!("| {} |\n", cells.join(" | "))
        };
        let mut text = format!("{}\n\n", self.caption);
        text.push_str(&line(&self.header));
        text.push_str(&line(&vec!["---".to_owned(); self.header.len()]));
        for row in &self.rows {
            text.push_str(&line(row));
        }
        text
    }
}

/// One check of the paper's claim: a sentence, whether it holds, and the
/// numbers it rests on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Check {
    /// The claim checked, as a sentence.
    pub claim: String,
    /// Whether it holds in this run.
    pub holds: bool,
    /// The numbers the verdict rests on, by name.
    pub numbers: Vec<(String, f64)>,
}

impl Check {
    /// A check of `claim` with its verdict and numbers.
    #[must_use]
    pub fn new(claim: impl Into<String>, holds: bool, numbers: &[(&str, f64)]) -> Check {
        Check {
            claim: claim.into(),
            holds,
            numbers: numbers.iter().map(|(n, v)| ((*n).to_owned(), *v)).collect(),
        }
    }

    /// The number named `name`, if the check has one.
    #[must_use]
    pub fn number(&self, name: &str) -> Option<f64> {
        self.numbers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| *v)
    }
}

/// A figure a program may draw: lines over a shared x axis or horizontal
/// bars.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Figure {
    /// One line per named series over a shared x axis.
    Lines {
        /// A file-name stem, unique within an outcome.
        name: String,
        /// The title.
        title: String,
        /// The x and y axis titles.
        axes: (String, String),
        /// The shared x values.
        x: Vec<f64>,
        /// The named series, each as long as `x`.
        series: Vec<(String, Vec<f64>)>,
    },
    /// One horizontal bar per name.
    Bars {
        /// A file-name stem, unique within an outcome.
        name: String,
        /// The title.
        title: String,
        /// The value axis title.
        axis: String,
        /// The bar names.
        names: Vec<String>,
        /// The values, one per name.
        values: Vec<f64>,
    },
}

impl Figure {
    /// The figure's file-name stem.
    #[must_use]
    pub fn name(&self) -> &str {
        match self {
            Figure::Lines { name, .. } | Figure::Bars { name, .. } => name,
        }
    }
}

/// What one run of a reproduction produced.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    /// The reproduction's name.
    pub reproduction: String,
    /// The size it was run at.
    pub size: Size,
    /// The master seed.
    pub seed: u64,
    /// Tables of ours beside the published values.
    pub tables: Vec<Table>,
    /// The checks of the claim.
    pub checks: Vec<Check>,
    /// Figures to draw.
    pub figures: Vec<Figure>,
}

impl Outcome {
    /// An outcome with no tables, checks or figures yet.
    #[must_use]
    pub fn new(reproduction: &str, size: Size, seed: u64) -> Outcome {
        Outcome {
            reproduction: reproduction.to_owned(),
            size,
            seed,
            tables: Vec::new(),
            checks: Vec::new(),
            figures: Vec::new(),
        }
    }

    /// Whether every check holds: the paper's claim, as this run tests it.
    #[must_use]
    pub fn check(&self) -> bool {
        !self.checks.is_empty() && self.checks.iter().all(|c| c.holds)
    }

    /// The check whose claim starts with `prefix`, if any.
    #[must_use]
    pub fn find_check(&self, prefix: &str) -> Option<&Check> {
        self.checks.iter().find(|c| c.claim.starts_with(prefix))
    }

    /// The table named `name`, if any.
    #[must_use]
    pub fn table(&self, name: &str) -> Option<&Table> {
        self.tables.iter().find(|t| t.name == name)
    }

    /// The checks as a markdown list, each with its verdict and numbers.
    #[must_use]
    pub fn checks_markdown(&self) -> String {
        let mut text = String::new();
        for check in &self.checks {
            let numbers: Vec<String> = check
                .numbers
                .iter()
                .map(|(n, v)| format!("{n} = {}", fmt(*v, 4)))
                .collect();
            text.push_str(&format!(
                "- [{}] {} ({})\n",
                if check.holds {
                    "holds"
                } else {
                    "does not hold"
                },
                check.claim,
                numbers.join(", ")
            ));
        }
        text
    }
}

/// A number with `digits` significant decimals after the point, for tables.
#[must_use]
pub fn fmt(value: f64, digits: usize) -> String {
    if value.is_finite() && value != 0.0 && value.abs() < 10f64.powi(-(digits as i32)) {
        format!("{value:.*e}", digits.saturating_sub(1).max(1))
    } else {
        format!("{value:.digits$}")
    }
}
