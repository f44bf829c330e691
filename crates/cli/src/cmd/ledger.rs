//! `trecho ledger`, `trecho redlines`, `trecho linkage` and `trecho index`.

use crate::Cli;
use std::process::ExitCode;

/// Arguments of `trecho ledger`.
#[derive(Debug, clap::Args)]
pub struct LedgerArgs {}
/// Arguments of `trecho redlines`.
#[derive(Debug, clap::Args)]
pub struct RedlinesArgs {}
/// Arguments of `trecho linkage`.
#[derive(Debug, clap::Args)]
pub struct LinkageArgs {}
/// Arguments of `trecho index`.
#[derive(Debug, clap::Args)]
pub struct IndexArgs {}

/// Runs `trecho ledger`.
pub fn run_ledger(_cli: &Cli, _args: &LedgerArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("trecho ledger is not available in this build yet")
}
/// Runs `trecho redlines`.
pub fn run_redlines(_cli: &Cli, _args: &RedlinesArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("trecho redlines is not available in this build yet")
}
/// Runs `trecho linkage`.
pub fn run_linkage(_cli: &Cli, _args: &LinkageArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("trecho linkage is not available in this build yet")
}
/// Runs `trecho index`.
pub fn run_index(_cli: &Cli, _args: &IndexArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("trecho index is not available in this build yet")
}
