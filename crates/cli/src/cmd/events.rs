//! `trecho events`.

use crate::Cli;
use std::process::ExitCode;

/// Arguments of `trecho events`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `trecho events`.
pub fn run(_cli: &Cli, _args: &Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("trecho events is not available in this build yet")
}
