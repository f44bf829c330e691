//! `trecho bench`.

use crate::Cli;
use std::process::ExitCode;

/// Arguments of `trecho bench`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `trecho bench`.
pub fn run(_cli: &Cli, _args: &Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("trecho bench is not available in this build yet")
}
