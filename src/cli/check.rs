//! `corroborate check`: reconcile articles and report every finding.

use clap::{Args, ValueEnum};

use std::path::PathBuf;

use super::{Common, ExitStatus, analyse, output, width};
use crate::{
    baseline::{self, Baseline},
    claim_file,
    reconcile::Finding,
    report::{Analysis, github, html, human, json, jsonl, junit, sarif},
    rules::Verdict,
};

/// Arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Which findings make the run exit 1.
    #[arg(long, value_enum, default_value_t = FailOn::Conflict)]
    pub fail_on: FailOn,
    /// Write the report to FILE (replaced atomically) instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Fail only on findings not recorded in this baseline file.
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    pub baseline: Option<PathBuf>,
    /// Record the current conflicts and single-source findings in FILE as accepted, then
    /// report against it.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Overwrite an existing baseline file.
    #[arg(long, requires = "write_baseline")]
    pub force: bool,
    /// Which findings the human report lists (comma-separated or repeated; default:
    /// conflicts and agreements, single-source claims only counted in the summary).
    #[arg(long, value_enum, value_delimiter = ',', value_name = "WHAT")]
    pub show: Vec<ShowWhat>,
    /// List every finding in the human report, each with its explanation.
    #[arg(long, short)]
    pub verbose: bool,
    #[command(flatten)]
    pub common: Common,
}

/// What `--show` can list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowWhat {
    /// Claims that cannot all be true.
    Conflicts,
    /// Claims two or more independent sources agree on.
    Agreements,
    /// Claims only one independent source makes.
    SingleSource,
    /// All of them.
    All,
}

impl CheckArgs {
    /// What the human report lists.
    fn show(&self) -> human::Show {
        if self.verbose {
            return human::Show::ALL;
        }
        if self.show.is_empty() {
            return human::Show::DEFAULT;
        }
        let has = |w: ShowWhat| self.show.contains(&w) || self.show.contains(&ShowWhat::All);
        human::Show {
            conflicts: has(ShowWhat::Conflicts),
            agreements: has(ShowWhat::Agreements),
            single_source: has(ShowWhat::SingleSource),
            explanations: false,
        }
    }
}

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people: the summary, the sources, then conflicts and agreements, each a
    /// headline and one line per span (docs/guide.md).
    Human,
    /// The JSON report (docs/reference.md).
    Json,
    /// One finding per line, claims inline (JSON Lines).
    Jsonl,
    /// SARIF 2.1.0, for GitHub code scanning.
    Sarif,
    /// GitHub Actions annotations (workflow commands).
    Github,
    /// JUnit XML: one test case per finding, failures for failing findings.
    Junit,
    /// One self-contained HTML page: sources side by side, findings clickable.
    Html,
}

/// Fail levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Exit 1 when a confident conflict is found (every part of the frames matched).
    Conflict,
    /// Exit 1 when any conflict is found, conflicts to check included.
    AnyConflict,
    /// Exit 1 when any conflict or a single-source claim is found.
    SingleSource,
    /// Always exit 0 (unless an input is bad).
    Never,
}

impl FailOn {
    /// Whether `finding` makes the run fail at this level.
    pub fn fails(self, finding: &Finding) -> bool {
        match self {
            // A conflict to check (frames matched only in part) is a warning, not a
            // failure: on real news most of them are two facts, not one (issue 15).
            FailOn::Conflict => finding.verdict == Verdict::Conflict && finding.confident,
            FailOn::AnyConflict => finding.verdict == Verdict::Conflict,
            FailOn::SingleSource => {
                matches!(finding.verdict, Verdict::Conflict | Verdict::SingleSource)
            }
            FailOn::Never => false,
        }
    }
}

/// Run `check`.
/// Why a finding does not count against the run.
struct Excused {
    baselined: Option<String>,
    suppressed: Option<String>,
}

pub(crate) fn run(args: CheckArgs) -> ExitStatus {
    let settings = match super::settings_for(&args.common.flags) {
        Ok(s) => s,
        Err(status) => return status,
    };
    let crate::pipeline::Run {
        inputs: run,
        reconciled,
    } = analyse(&args.common, &settings);
    if run.articles.is_empty() {
        if run.errors.is_empty() {
            super::report_error(&NoInput);
        }
        return ExitStatus::Error;
    }
    let findings = &reconciled.findings;
    // Fingerprints are needed only against a baseline (one string per finding: a huge run
    // has hundreds of thousands of findings).
    let with_baseline = args.baseline.is_some() || args.write_baseline.is_some();
    let fingerprints: Vec<String> = if with_baseline {
        findings
            .iter()
            .map(|f| baseline::fingerprint(f, &run.claims, &run.articles))
            .collect()
    } else {
        Vec::new()
    };
    let (baseline, baseline_path) = match (&args.baseline, &args.write_baseline) {
        (Some(path), _) => match Baseline::read(path) {
            Ok(b) => (Some(b), Some(path)),
            Err(e) => {
                super::report_error(&e);
                return ExitStatus::Error;
            }
        },
        (None, Some(path)) => {
            let b = Baseline::of(findings, &run.claims, &run.articles);
            let mut inputs = run.files.clone();
            inputs.extend(args.common.paths.iter().cloned());
            if let Err(e) = claim_file::write_new(path, b.to_toml().as_bytes(), args.force, &inputs)
            {
                super::report_error(&e);
                return ExitStatus::Error;
            }
            if !args.common.flags.quiet {
                super::eprint(&format!(
                    "wrote {} ({} findings)\n",
                    path.display(),
                    b.findings.len()
                ));
            }
            (Some(b), Some(path))
        }
        (None, None) => (None, None),
    };
    let excused: Vec<Excused> = findings
        .iter()
        .enumerate()
        .map(|(i, f)| Excused {
            baselined: baseline
                .as_ref()
                .zip(fingerprints.get(i))
                .and_then(|(b, print)| b.entry(print))
                .map(|e| e.reason.clone()),
            suppressed: f.claims.iter().find_map(|i| run.suppressed.get(i)).cloned(),
        })
        .collect();
    let is_excused = |i: usize| excused[i].baselined.is_some() || excused[i].suppressed.is_some();
    // The human report and the machine formats other than JSON, SARIF and HTML carry only
    // the findings that count; the excused ones are listed apart or marked.
    // Usually none is excused: then the findings are used as they are, not copied.
    let active: std::borrow::Cow<[Finding]> = if (0..findings.len()).any(is_excused) {
        findings
            .iter()
            .enumerate()
            .filter(|(i, _)| !is_excused(*i))
            .map(|(_, f)| f.clone())
            .collect()
    } else {
        std::borrow::Cow::Borrowed(findings)
    };
    let active_analysis = Analysis {
        articles: &run.articles,
        claims: &run.claims,
        groups: &reconciled.groups,
        findings: &active,
        comparisons: reconciled.comparisons,
    };
    let full_analysis = Analysis {
        findings,
        ..active_analysis
    };
    let baseline_prints: std::collections::BTreeSet<String> = baseline
        .as_ref()
        .map(|b| b.findings.iter().map(|e| e.fingerprint.clone()).collect())
        .unwrap_or_default();
    let report = match args.format {
        Format::Human => Rendered::Text({
            let mut out = human::render_with(
                &active_analysis,
                &human::Options {
                    style: human::Style {
                        color: args.common.flags.color.enabled(),
                        width: width(),
                    },
                    show: args.show(),
                    ranking: &settings.ranking,
                },
            );
            for (f, e) in findings.iter().zip(&excused) {
                let (what, reason) = match (&e.suppressed, &e.baselined) {
                    (Some(r), _) => ("suppressed", r.as_str()),
                    (None, Some(r)) => ("baselined", r.as_str()),
                    (None, None) => continue,
                };
                let reason = if reason.is_empty() {
                    String::new()
                } else {
                    format!(" ({reason})")
                };
                out.push_str(&format!(
                    "{what}{reason}: {} {}: {}\n",
                    f.id,
                    f.verdict.name(),
                    f.explanation
                ));
            }
            for g in &run.ignored {
                let a = &run.articles[g.article];
                let (line, column) = a.lines.line_col(&a.text, g.span.start);
                out.push_str(&format!(
                    "ignored by a reviewer: {}:{line}:{column} `{}`{}\n",
                    a.display_path(),
                    crate::report::terminal_safe(a.slice(g.span)),
                    g.reason
                        .as_deref()
                        .map(|r| format!(" ({r})"))
                        .unwrap_or_default()
                ));
            }
            out
        }),
        Format::Json => {
            let mut report = json::report(&full_analysis, true);
            if let Some(list) = report.findings.as_mut() {
                for (i, (entry, e)) in list.iter_mut().zip(&excused).enumerate() {
                    entry.suppressed.clone_from(&e.suppressed);
                    if let (Some(_), Some(print)) = (&baseline, fingerprints.get(i)) {
                        entry.fingerprint = Some(print.clone());
                        entry.baseline_state = Some(if e.baselined.is_some() {
                            baseline::State::Baselined
                        } else {
                            baseline::State::New
                        });
                        entry.baseline_reason = e.baselined.clone().filter(|r| !r.is_empty());
                    }
                }
            }
            report.baseline = baseline_path.map(|p| {
                let baselined = excused.iter().filter(|e| e.baselined.is_some()).count();
                json::BaselineSummary {
                    file: p.display().to_string(),
                    baselined,
                    new: findings.len() - baselined,
                }
            });
            report.ignored_claims = run
                .ignored
                .iter()
                .map(|g| {
                    let a = &run.articles[g.article];
                    json::IgnoredClaim {
                        source: &a.id,
                        kind: g.kind.name(),
                        text: a.slice(g.span),
                        start: g.span.start,
                        end: g.span.end,
                        reason: g.reason.as_deref(),
                    }
                })
                .collect();
            Rendered::Json(Box::new(report))
        }
        Format::Jsonl => Rendered::Text(jsonl::render(&active_analysis)),
        Format::Sarif => Rendered::Text(sarif::render(
            &full_analysis,
            baseline.as_ref().map(|_| sarif::Baseline {
                fingerprints: &baseline_prints,
            }),
        )),
        Format::Github => Rendered::Text(github::render(&active_analysis)),
        Format::Junit => {
            Rendered::Text(junit::render(&active_analysis, &|f| args.fail_on.fails(f)))
        }
        Format::Html => Rendered::Text(html::render_ranked(&full_analysis, &settings.ranking)),
    };
    let pretty = args.common.flags.pretty_json(args.output.is_some());
    // JSON is streamed into its destination: for a huge article it is many times the
    // size of the input, and need not be one string in memory.
    let render = |w: &mut dyn std::io::Write| match &report {
        Rendered::Text(text) => w.write_all(text.as_bytes()),
        Rendered::Json(report) => json::write(w, report, pretty),
    };
    if let Err(status) = output(args.output.as_deref(), &run.files, &render) {
        return status;
    }
    let failing = findings
        .iter()
        .enumerate()
        .any(|(i, f)| !is_excused(i) && args.fail_on.fails(f));
    let status = if failing {
        ExitStatus::Findings
    } else {
        ExitStatus::Success
    };
    if !run.errors.is_empty() {
        ExitStatus::Error
    } else {
        status
    }
}

/// No article could be read at all.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("no articles to check")]
#[diagnostic(
    code(corroborate::cli::no_input),
    help("give .txt or .md files, or directories holding them")
)]
struct NoInput;

/// A report ready to be written: text, or JSON still to be serialized.
// One value per run, never in a collection: the size of the larger variant does not matter.
#[allow(clippy::large_enum_variant)]
enum Rendered<'a> {
    Text(String),
    Json(Box<json::Report<'a>>),
}
