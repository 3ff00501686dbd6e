//! The `corroborate` binary: parse arguments, run, exit with the run's status.

use clap::Parser;

fn main() {
    // An interrupt removes the temporary file of a report being written (issue 18);
    // 130 is what a shell reports for a process ended by SIGINT.
    let _ = ctrlc::set_handler(|| {
        corroborate::safe_write::remove_temporaries();
        std::process::exit(130);
    });
    let cli = corroborate::cli::Cli::parse_from(std::env::args_os());
    let status = corroborate::cli::run(cli);
    std::process::exit(status.code());
}
