//! `trecho serve`.

use crate::Cli;
use std::process::ExitCode;

/// Arguments of `trecho serve`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `trecho serve`.
pub fn run(_cli: &Cli, _args: &Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("trecho serve is not available in this build yet")
}
