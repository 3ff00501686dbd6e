//! `corroborate rules`: the finding kinds with their effective severity, or (`--dump`)
//! the effective rules as TOML.

use std::{fmt::Write as _, path::PathBuf};

use clap::Args;

use super::{ExitStatus, load_settings, print, rules_file};
use crate::{config, rules::KINDS};

/// Arguments of `rules`.
#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Print the effective rules (built-in rules with every layer applied) as TOML.
    #[arg(long)]
    pub dump: bool,
    /// A rules file layered over the built-in rules (default: the nearest
    /// corroborate.toml or rules.toml in this directory or a parent).
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,
}

/// Run `rules`.
pub(crate) fn run(args: RulesArgs) -> ExitStatus {
    let settings = match load_settings(args.rules.as_deref()) {
        Ok(s) => s,
        Err(status) => return status,
    };
    let mut sources = vec!["built-in rules.toml".to_owned()];
    sources.extend(rules_file(args.rules.as_deref()).map(|p| p.display().to_string()));
    if args.dump {
        print(&config::effective_toml(&settings, &sources));
        return ExitStatus::Success;
    }
    let mut out = format!("rules: {}\n\n", sources.join(" < "));
    let width = KINDS.iter().map(|k| k.name.len()).max().unwrap_or(0);
    for kind in KINDS {
        let _ = writeln!(
            out,
            "{:width$}  {:13}  {:7}  {}",
            kind.name,
            kind.verdict.name(),
            settings.severity_of(kind.kind).name(),
            kind.summary,
        );
    }
    out.push_str(
        "\nSet a severity (error, warning, note, off) under [severity] in a rules file.\n",
    );
    print(&out);
    ExitStatus::Success
}
