//! `trecho ingest`.

use crate::Cli;
use std::process::ExitCode;

/// Arguments of `trecho ingest`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `trecho ingest`.
pub fn run(_cli: &Cli, _args: &Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("trecho ingest is not available in this build yet")
}
