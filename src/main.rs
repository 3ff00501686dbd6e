//! The `corroborate` binary: parse arguments, run, exit with the run's status.

use clap::Parser;

fn main() {
    let cli = corroborate::cli::Cli::parse_from(std::env::args_os());
    let status = corroborate::cli::run(cli);
    std::process::exit(status.code());
}
