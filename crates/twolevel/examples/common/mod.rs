//! Command-line handling shared by the `tournament` and `evolution`
//! examples: the tournament file argument, the `--seed`, `--output` and
//! `--no-output` flags, and loading the tournament they name.
//!
//! Cargo does not build files in subfolders of `examples/` as examples;
//! each example includes this one with `#[path = "common/mod.rs"] mod common;`.

use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use twolevel::AnyFile;
use twolevel::tournament::Tournament;
use twolevel::tournament::config::{FileKind, PresetCatalog, shipped_tournament};

/// The arguments both examples take.
#[derive(Debug, Default)]
pub struct CommonArgs {
    /// The tournament file, if one is given.
    pub file: Option<PathBuf>,
    /// `--seed N`: replaces the file's seed.
    pub seed: Option<u64>,
    /// `--output PATH`: replaces the file's output path.
    pub output: Option<String>,
    /// `--no-output`: writes no file.
    pub no_output: bool,
}

/// The command-line arguments not read yet.
pub struct RemainingArgs(std::iter::Skip<std::env::Args>);

impl RemainingArgs {
    /// The value following `flag`, which must be there.
    pub fn value(&mut self, flag: &str) -> Result<String> {
        self.0
            .next()
            .with_context(|| format!("`{flag}` needs a value"))
    }

    /// The number following `flag`.
    pub fn number<T>(&mut self, flag: &str) -> Result<T>
    where
        T: std::str::FromStr,
        T::Err: std::error::Error + Send + Sync + 'static,
    {
        let n = self.value(flag)?;
        n.parse()
            .with_context(|| format!("`{flag}` expects a number, got `{n}`"))
    }
}

impl CommonArgs {
    /// Parses the command line. `own_flag` is offered every flag first and
    /// returns whether it is one of the example's own (reading its value
    /// from the remaining arguments if it has one); `usage` is printed for
    /// `-h` or `--help`.
    pub fn parse(
        usage: &str,
        mut own_flag: impl FnMut(&str, &mut RemainingArgs) -> Result<bool>,
    ) -> Result<Self> {
        let mut args = CommonArgs::default();
        let mut remaining = RemainingArgs(std::env::args().skip(1));
        while let Some(arg) = remaining.0.next() {
            if own_flag(&arg, &mut remaining)? {
                continue;
            }
            match arg.as_str() {
                "--seed" => args.seed = Some(remaining.number("--seed")?),
                "--output" => args.output = Some(remaining.value("--output")?),
                "--no-output" => args.no_output = true,
                "-h" | "--help" => {
                    println!("{usage}");
                    std::process::exit(0);
                }
                flag if flag.starts_with("--") => bail!("unknown flag `{flag}` (see --help)"),
                file => {
                    if args.file.is_some() {
                        bail!("only one tournament file may be given, got a second: `{file}`");
                    }
                    args.file = Some(PathBuf::from(file));
                }
            }
        }
        Ok(args)
    }

    /// The tournament in the given file, or else the embedded `default_text`
    /// (reported as coming from `default_origin`) with the built-in presets,
    /// loaded through [`AnyFile`]; the `--seed`, if one was given, replaces
    /// its seeds ([`AnyFile::with_seed`]: the round robin's and its
    /// evolution block's).
    // The `society` example loads a society file instead.
    #[allow(dead_code)]
    pub fn load_tournament(&self, default_text: &str, default_origin: &str) -> Result<Tournament> {
        let file = match &self.file {
            Some(path) => AnyFile::from_file_as(path, FileKind::RoundRobin)?,
            None => AnyFile::from_ron_as(
                default_text,
                default_origin,
                FileKind::RoundRobin,
                Some(&PresetCatalog::builtin()?),
            )?,
        };
        file.with_seed_option(self.seed)
            .into_tournament()
            .context("a round-robin file")
    }

    /// The tournament in the given file, or else the shipped file
    /// `tournaments/STEM.ron` as compiled into the library
    /// ([`shipped_tournament`]); see [`CommonArgs::load_tournament`].
    // The `tournament` and `society` examples have defaults of their own.
    #[allow(dead_code)]
    pub fn load_shipped_tournament(&self, stem: &str) -> Result<Tournament> {
        let text = shipped_tournament(stem)
            .with_context(|| format!("no tournament file `{stem}.ron` is compiled in"))?;
        self.load_tournament(text, &format!("<embedded tournaments/{stem}.ron>"))
    }

    /// Where to write the results: nowhere under `--no-output`, else the
    /// `--output` path, else the file's own path `from_file`.
    // Not every example writes files (`campaigns` only prints).
    #[allow(dead_code)]
    pub fn output<P: From<String>>(self, from_file: Option<P>) -> Option<P> {
        if self.no_output {
            None
        } else {
            self.output.map(P::from).or(from_file)
        }
    }
}

/// Runs an example's body and turns an error into a message on standard
/// error and a failing exit code, never a panic. The chain of causes is
/// printed, skipping a cause whose text the message before it already
/// includes (an IO error's text is usually part of the config error's).
pub fn exit_with(result: Result<()>) -> std::process::ExitCode {
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            let mut message = error.to_string();
            for cause in error.chain().skip(1) {
                let cause = cause.to_string();
                if !message.contains(&cause) {
                    message = format!("{message}: {cause}");
                }
            }
            eprintln!("error: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}
