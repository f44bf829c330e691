//! `trecho export`.

use crate::Cli;
use std::process::ExitCode;

/// Arguments of `trecho export`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `trecho export`.
pub fn run(_cli: &Cli, _args: &Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("trecho export is not available in this build yet")
}
