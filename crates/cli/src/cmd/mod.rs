//! One module per subcommand. Each exposes `Args` (clap) and `run(&Cli, &Args)`; `common` and
//! `output` hold what several of them share.

pub mod actors;
pub mod bench;
pub mod common;
pub mod eval;
pub mod events;
pub mod export;
pub mod extract;
pub mod ingest;
pub mod ledger;
pub mod output;
pub mod parse;
pub mod serve;
pub mod train;
