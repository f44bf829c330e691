//! `trecho eval`.

use crate::Cli;
use std::process::ExitCode;

/// Arguments of `trecho eval`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `trecho eval`.
pub fn run(_cli: &Cli, _args: &Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("trecho eval is not available in this build yet")
}
