//! The command line: clap definitions, shared flags, and the exit status.
//!
//! Only this module and `main.rs` know about clap, terminals and exit codes.

mod check;
mod coverage;
mod diff;
mod extract;
mod generate;
mod output;
mod rules;

use std::{
    io::{IsTerminal, Write},
    path::{Path, PathBuf},
};

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::{
    config::{self, RulesSource, Settings},
    pipeline::{self, Inputs, Run, Sources},
};

/// How a run ended, as the process exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// Nothing at or above the fail level.
    Success = 0,
    /// Findings at the fail level.
    Findings = 1,
    /// Usage, configuration or input error.
    Error = 2,
}

impl ExitStatus {
    /// The worse of two statuses (errors beat findings beat success).
    pub fn worst(self, other: ExitStatus) -> ExitStatus {
        if (other as i32) > (self as i32) {
            other
        } else {
            self
        }
    }

    /// The process exit code.
    pub fn code(self) -> i32 {
        self as i32
    }
}

/// Cross-reference claims between news articles and check them for consistency.
#[derive(Debug, Parser)]
#[command(name = "corroborate", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Reconcile the claims of several articles and report agreements, conflicts and
    /// single-source claims; exit 1 when a finding reaches the fail level.
    #[command(
        after_help = "Examples:\n  corroborate check examples/harbour-fire/\n  corroborate check wire.txt broadcaster.txt --format json\n  corroborate check drafts/ --fail-on single-source\n  corroborate check drafts/ wires/ --format html -o report.html\n  corroborate check drafts/ --format sarif -o corroborate.sarif\n  corroborate check drafts/ --format github   # annotations in a GitHub Actions job"
    )]
    Check(check::CheckArgs),
    /// Print the claims extracted from articles, without reconciling them.
    #[command(
        after_help = "Examples:\n  corroborate extract article.txt\n  corroborate extract examples/ --format json"
    )]
    Extract(extract::ExtractArgs),
    /// List the finding kinds with their effective severity, or print the effective
    /// rules (built-in rules with every layer applied) as TOML.
    #[command(
        after_help = "Examples:\n  corroborate rules\n  corroborate rules --dump > my-rules.toml\n  corroborate rules --dump --rules newsroom.toml"
    )]
    Rules(rules::RulesArgs),
    /// Print a shell completion script generated from the command line definition.
    #[command(
        after_help = "Examples:\n  corroborate completions bash > ~/.local/share/bash-completion/completions/corroborate\n  corroborate completions zsh > ~/.zfunc/_corroborate\n  corroborate completions fish > ~/.config/fish/completions/corroborate.fish"
    )]
    Completions(generate::CompletionsArgs),
    /// Print the manual page (roff), or write one page per subcommand into a directory.
    #[command(
        after_help = "Examples:\n  corroborate man | man -l -\n  corroborate man --out-dir target/man"
    )]
    Man(generate::ManArgs),
    /// Check a draft against sources: which of its claims are corroborated, contradicted
    /// or unsupported, and what two or more independent sources say that it leaves out.
    #[command(
        after_help = "Examples:\n  corroborate coverage draft.md --against sources/\n  corroborate coverage draft.md --against a.txt b.txt --fail-on unsupported --format json"
    )]
    Coverage(coverage::CoverageArgs),
    /// Compare two sources claim by claim: shared, only in A, only in B, conflicting.
    #[command(
        after_help = "Examples:\n  corroborate diff wire.txt broadcaster.txt\n  corroborate diff claims/wire.toml broadcaster.txt --format json"
    )]
    Diff(diff::DiffArgs),
}

/// The inputs of `check` and `extract`, and the flags of the run.
#[derive(Debug, Clone, Args)]
pub struct Common {
    /// Articles (.txt, .md), claim files (.toml) or directories of them (read
    /// recursively); `-` reads stdin.
    #[arg(value_name = "PATHS", required = true)]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub flags: RunFlags,
}

/// Flags every subcommand that reads articles shares: which rules, how to read the
/// inputs, how to print.
#[derive(Debug, Clone, Args)]
pub struct RunFlags {
    /// A rules file layered over the built-in rules (default: the nearest
    /// corroborate.toml or rules.toml in this directory or a parent).
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,
    /// When to colour output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Print nothing on stderr but errors.
    #[arg(long, short)]
    pub quiet: bool,
    /// Read files that are not UTF-8 in this encoding (a WHATWG label: `windows-1252`,
    /// `latin1`, `utf-16le`, `shift_jis`...); UTF-8 files and files with a byte-order
    /// mark are read as what they are. Offsets then refer to the text decoded to UTF-8.
    #[arg(long, value_name = "LABEL", value_parser = parse_encoding)]
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// Resolve relative dates ("on Monday", "last week") against this day in every input
    /// that gives no date of its own (metadata `date`).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<crate::normalize::date::Civil>,
    /// The largest input read (articles, claim files, standard input), in bytes or with
    /// a suffix: `500K`, `64M`, `2G` (powers of 1024). A larger one is an error naming it.
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value = "256M")]
    pub max_file_size: u64,
    /// Indent JSON output (default: indented only when stdout is a terminal; compact on
    /// one line in a pipe or a file written with `-o`).
    #[arg(long)]
    pub pretty: bool,
}

impl RunFlags {
    /// Whether JSON is indented: asked for, or printed on a terminal (not into a file).
    pub fn pretty_json(&self, to_file: bool) -> bool {
        self.pretty || (!to_file && std::io::stdout().is_terminal())
    }

    /// How to read the inputs.
    pub fn ingest_options(&self) -> crate::ingest::Options {
        crate::ingest::Options {
            encoding: self.encoding,
            max_file_size: self.max_file_size,
        }
    }
}

fn parse_encoding(label: &str) -> Result<&'static encoding_rs::Encoding, String> {
    encoding_rs::Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
        format!("unknown encoding `{label}` (try `windows-1252`, `latin1`, `utf-16le`, `utf-16be`)")
    })
}

fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (digits, suffix) = t.split_at(split);
    let shift = match suffix.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        "t" | "tb" | "tib" => 40,
        _ => return Err(format!("`{s}` is not a size (try `500K`, `64M`, `2G`)")),
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(1u64 << shift))
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("`{s}` is not a size (try `500K`, `64M`, `2G`)"))
}

fn parse_date(s: &str) -> Result<crate::normalize::date::Civil, String> {
    crate::normalize::date::Civil::parse_iso(s)
        .filter(|_| s.len() == 10)
        .ok_or_else(|| format!("`{s}` is not a calendar date in the form YYYY-MM-DD"))
}

/// Colour choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal, unless `NO_COLOR` is set.
    Auto,
    /// Always colour, in a pipe or a file too.
    Always,
    /// Never colour.
    Never,
}

impl ColorChoice {
    /// Whether to colour stdout.
    pub fn enabled(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => !no_color_requested() && std::io::stdout().is_terminal(),
        }
    }
}

/// Whether `NO_COLOR` is set to a non-empty value (<https://no-color.org>).
pub fn no_color_requested() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// Run the parsed command line.
pub fn run(cli: Cli) -> ExitStatus {
    let status = match cli.command {
        Command::Check(args) => check::run(args),
        Command::Extract(args) => extract::run(args),
        Command::Rules(args) => rules::run(args),
        Command::Completions(args) => generate::completions(args),
        Command::Man(args) => generate::man(args),
        Command::Coverage(args) => coverage::run(args),
        Command::Diff(args) => diff::run(args),
    };
    // A failed write on stdout was reported where it happened; a closed pipe is not an
    // error (the findings decide the status).
    if output::stdout_failed() {
        ExitStatus::Error
    } else {
        status
    }
}

/// Print a diagnostic on stderr.
pub fn report_error(error: &dyn miette::Diagnostic) {
    let handler = miette::GraphicalReportHandler::new_themed(
        if std::io::stderr().is_terminal() && !no_color_requested() {
            miette::GraphicalTheme::unicode()
        } else {
            miette::GraphicalTheme::unicode_nocolor()
        },
    )
    .with_width(100);
    let mut out = String::new();
    let safe = crate::report::terminal::SafeDiagnostic::new(error);
    if handler.render_report(&mut out, &safe).is_err() {
        out = format!("error: {safe}\n");
    }
    let _ = std::io::stderr().write_all(out.as_bytes());
}

/// Names of the rules files corroborate looks for, in order of preference.
pub const RULES_FILE_NAMES: [&str; 2] = ["corroborate.toml", "rules.toml"];

/// The nearest rules file: `corroborate.toml` or `rules.toml` in `start` or a parent.
/// The search stops at a repository root (a directory holding `.git`), so that a project
/// never picks up rules from outside itself.
pub fn discover_rules(start: &Path) -> Option<PathBuf> {
    for dir in start.ancestors() {
        for name in RULES_FILE_NAMES {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
        if dir.join(".git").exists() {
            break;
        }
    }
    None
}

/// The rules file in force: `--rules FILE`, else the discovered one, else none.
pub fn rules_file(rules: Option<&Path>) -> Option<PathBuf> {
    rules.map(Path::to_path_buf).or_else(|| {
        let cwd = std::env::current_dir().ok()?;
        let found = discover_rules(&cwd)?;
        // Show a path relative to the working directory when it is one.
        Some(
            found
                .strip_prefix(&cwd)
                .map(Path::to_path_buf)
                .unwrap_or(found),
        )
    })
}

/// The rules layers in force: `--rules FILE`, else the nearest `corroborate.toml` or
/// `rules.toml` (see [`discover_rules`]).
///
/// # Errors
/// The rules cannot be read or are invalid; the error has been printed.
pub fn load_settings(rules: Option<&Path>) -> Result<Settings, ExitStatus> {
    load_rules(rules)
}

/// The settings for a run: the rules layers plus the flags that override them.
///
/// # Errors
/// The rules cannot be read or are invalid; the error has been printed.
pub fn settings_for(flags: &RunFlags) -> Result<Settings, ExitStatus> {
    let mut settings = load_rules(flags.rules.as_deref())?;
    settings.reference_date = flags.date;
    Ok(settings)
}

fn load_rules(rules: Option<&Path>) -> Result<Settings, ExitStatus> {
    let mut layers: Vec<RulesSource> = Vec::new();
    if let Some(path) = rules_file(rules) {
        match config::read_layer(&path) {
            Ok(layer) => layers.push(layer),
            Err(e) => {
                report_error(&e);
                return Err(ExitStatus::Error);
            }
        }
    }
    Settings::from_layers(&layers).map_err(|e| {
        report_error(&e);
        ExitStatus::Error
    })
}

/// Read inputs (articles and claim files, printing each bad one), extract and reconcile.
pub fn analyse(common: &Common, settings: &Settings) -> Run {
    let mut progress = output::Progress::new(common.flags.quiet);
    let sources = Sources {
        paths: common.paths.clone(),
        options: common.flags.ingest_options(),
    };
    let run = pipeline::run(&sources, settings, &mut |done, total| {
        progress.update(done, total);
    });
    progress.finish();
    report_inputs(&run.inputs, &common.flags);
    run
}

/// Read articles and claim files as the flags say, with a progress bar on a terminal,
/// printing each bad input.
pub(crate) fn read_inputs(paths: &[PathBuf], flags: &RunFlags, settings: &Settings) -> Inputs {
    let mut progress = output::Progress::new(flags.quiet);
    let inputs = pipeline::read(
        paths,
        settings,
        flags.ingest_options(),
        &mut |done, total| {
            progress.update(done, total);
        },
    );
    progress.finish();
    report_inputs(&inputs, flags);
    inputs
}

/// Print the inputs that could not be used, then (unless `--quiet`) the warnings about
/// the ones read.
fn report_inputs(inputs: &Inputs, flags: &RunFlags) {
    for e in &inputs.errors {
        report_error(e);
    }
    if !flags.quiet {
        for article in &inputs.articles {
            if let Some((date, at)) = &article.meta.invalid_date {
                let (line, _) = article.lines.line_col(&article.text, *at);
                report_error(&InvalidDate {
                    path: article.path.clone(),
                    line,
                    date: date.clone(),
                });
            }
        }
    }
}

/// A metadata `date` that is no calendar day: a warning, the article is still read.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("`{}` line {line}: metadata date `{date}` is not a calendar date; ignored", path.display())]
#[diagnostic(
    code(corroborate::ingest::invalid_date),
    severity(Warning),
    help(
        "write the publication date as YYYY-MM-DD (a real day); relative dates in the article are read without it"
    )
)]
struct InvalidDate {
    path: PathBuf,
    line: usize,
    date: String,
}

pub use output::{print, print_with, write_report_with as output};

/// Write a note about the run on stderr.
pub fn eprint(text: &str) {
    let _ = std::io::stderr().write_all(text.as_bytes());
}

/// Terminal width for wrapping human output.
pub fn width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_beat_findings_beat_success() {
        assert_eq!(
            ExitStatus::Success.worst(ExitStatus::Findings),
            ExitStatus::Findings
        );
        assert_eq!(
            ExitStatus::Error.worst(ExitStatus::Findings),
            ExitStatus::Error
        );
        assert_eq!(
            ExitStatus::Findings.worst(ExitStatus::Success),
            ExitStatus::Findings
        );
        assert_eq!(ExitStatus::Error.code(), 2);
    }

    #[test]
    fn sizes_read_with_their_suffix() {
        assert_eq!(parse_size("256M"), Ok(256 << 20));
        assert_eq!(parse_size("10"), Ok(10));
        assert_eq!(parse_size("2gib"), Ok(2 << 30));
        assert_eq!(parse_size("1K"), Ok(1024));
        for bad in ["", "0", "M", "12X", "-1", "99999999999T"] {
            assert!(parse_size(bad).is_err(), "{bad}");
        }
        assert_eq!(parse_size("256M"), Ok(crate::ingest::DEFAULT_MAX_FILE_SIZE));
    }

    #[test]
    fn the_command_line_is_well_formed() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
