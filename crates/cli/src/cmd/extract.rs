//! `trecho extract`.

use crate::Cli;
use std::process::ExitCode;

/// Arguments of `trecho extract`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `trecho extract`.
pub fn run(_cli: &Cli, _args: &Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("trecho extract is not available in this build yet")
}
