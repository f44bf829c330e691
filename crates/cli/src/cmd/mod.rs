//! One module per subcommand. Each exposes `Args` (clap) and `run(&Cli, &Args)`.

pub mod actors;
pub mod bench;
pub mod eval;
pub mod events;
pub mod export;
pub mod extract;
pub mod ingest;
pub mod ledger;
pub mod serve;
