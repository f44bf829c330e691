//! `trecho actors`.

use crate::Cli;
use std::process::ExitCode;

/// Arguments of `trecho actors`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `trecho actors`.
pub fn run(_cli: &Cli, _args: &Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("trecho actors is not available in this build yet")
}
