//! `trecho serve`: the HTTP API and the dashboard.

use crate::Cli;
use anyhow::Context;
use std::net::SocketAddr;
use std::process::ExitCode;

/// How `trecho serve` guards remote access (the end of its help).
const SECURITY: &str = "\
Security:
  Without --allow-remote, only loopback addresses (127.0.0.1, ::1) are accepted.
  To listen on another address, pass --allow-remote AND set TRECHO_TOKEN to a secret of at
  least 16 characters; every request must then send it as `Authorization: Bearer <token>`
  or `?token=<token>` (open the dashboard as http://HOST:PORT/?token=<token>).
  The token is read from the environment only, so it never shows in the process list.";

/// Arguments of `trecho serve`.
#[derive(Debug, clap::Args)]
#[command(after_help = format!("{}\n{SECURITY}", trecho_serve::endpoints_help()))]
pub struct Args {
    #[command(flatten)]
    pub store: super::common::StoreArg,

    /// Address to listen on (port 0 picks a free port).
    #[arg(long, default_value = trecho_serve::DEFAULT_ADDR)]
    pub addr: SocketAddr,

    /// Allow a non-loopback address (requires the TRECHO_TOKEN environment variable).
    #[arg(long)]
    pub allow_remote: bool,

    /// Seconds one request may take before it is answered 503.
    #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=600))]
    pub timeout: u64,
}

/// Runs `trecho serve`.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    let token = std::env::var("TRECHO_TOKEN")
        .ok()
        .filter(|token| !token.is_empty());
    let options = trecho_serve::ServeOptions {
        addr: args.addr,
        allow_remote: args.allow_remote,
        token,
        timeout: std::time::Duration::from_secs(args.timeout),
        ..trecho_serve::ServeOptions::new(cli.db.clone())
    };
    // Refuse a bad address before starting anything, with the full explanation.
    trecho_serve::check_address(&options)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(trecho_serve::serve(options))?;
    Ok(ExitCode::SUCCESS)
}
