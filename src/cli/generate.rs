//! `corroborate completions SHELL` and `corroborate man`: generated from the clap
//! definition, so they never drift from the real flags.

use std::path::PathBuf;

use clap::{Args, CommandFactory};

use super::{Cli, ExitStatus, print, report_error};

/// Arguments of `completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to write completions for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Arguments of `man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write corroborate.1 and one page per subcommand (corroborate-check.1, ...) into DIR
    /// instead of printing the main page.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
}

/// Print the completion script.
pub(crate) fn completions(args: CompletionsArgs) -> ExitStatus {
    let mut command = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut command, "corroborate", &mut out);
    print(&String::from_utf8_lossy(&out));
    ExitStatus::Success
}

/// The man pages could not be written.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("cannot write man pages into `{}`", dir.display())]
#[diagnostic(code(corroborate::cli::man), help("create the directory first"))]
struct ManError {
    dir: PathBuf,
    #[source]
    source: std::io::Error,
}

/// Print or write the man page(s).
pub(crate) fn man(args: ManArgs) -> ExitStatus {
    let command = Cli::command();
    if let Some(dir) = args.out_dir {
        return match clap_mangen::generate_to(command, &dir) {
            Ok(()) => ExitStatus::Success,
            Err(source) => {
                report_error(&ManError { dir, source });
                ExitStatus::Error
            }
        };
    }
    let mut out = Vec::new();
    if let Err(source) = clap_mangen::Man::new(command).render(&mut out) {
        report_error(&ManError {
            dir: PathBuf::from("-"),
            source,
        });
        return ExitStatus::Error;
    }
    print(&String::from_utf8_lossy(&out));
    ExitStatus::Success
}
