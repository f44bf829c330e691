//! `trecho train syntax`: build the tagger and parser weights from UD treebanks.

use crate::Cli;
use anyhow::Context;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;
use trecho::syntax;

/// Arguments of `trecho train`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub what: What,
}

/// What to train.
#[derive(Debug, clap::Subcommand)]
pub enum What {
    /// The tagger, lemmatizer and dependency parser of one language.
    Syntax(SyntaxArgs),
}

/// Arguments of `trecho train syntax`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  trecho train syntax --lang en
  trecho train syntax --lang es --data ../shared/data/ud --out models/es.bin

English trains on en_ewt-ud-train.conllu with en_ewt-ud-dev.conllu for early stopping;
Spanish on es_gsd-ud-dev.conllu, es_pud-ud-test.conllu and es_ancora-ud-dev.conllu (every
tenth sentence held out to choose the epochs, then all of them), keeping es_gsd-ud-test and
es_ancora-ud-test for testing. The same files and seed give byte-identical weights.")]
pub struct SyntaxArgs {
    /// Language: en or es.
    #[arg(long, value_parser = ["en", "es"])]
    pub lang: String,

    /// Folder of the UD treebanks.
    #[arg(long, value_name = "DIR", default_value = "../shared/data/ud")]
    pub data: PathBuf,

    /// Where to write the weights (default: crates/syntax/models/LANG.bin, the shipped model).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,

    /// Seed of the shuffling and exploration.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,

    /// Train on only the first N sentences (a quick check, not a model to ship).
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,

    /// Most tagger epochs.
    #[arg(long, value_name = "N", default_value_t = 12)]
    pub tagger_epochs: usize,

    /// Most parser epochs.
    #[arg(long, value_name = "N", default_value_t = 15)]
    pub parser_epochs: usize,
}

/// The treebank files of a language: (train, dev).
pub fn files(lang: &str, data: &Path) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let f = |name: &str| data.join(name);
    match lang {
        "en" => (
            vec![f("en_ewt-ud-train.conllu")],
            vec![f("en_ewt-ud-dev.conllu")],
        ),
        _ => (
            vec![
                f("es_gsd-ud-dev.conllu"),
                f("es_pud-ud-test.conllu"),
                f("es_ancora-ud-dev.conllu"),
            ],
            vec![],
        ),
    }
}

/// Runs `trecho train`.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    let What::Syntax(args) = &args.what;
    let (train, dev) = files(&args.lang, &args.data);
    for path in train.iter().chain(&dev) {
        if !path.is_file() {
            anyhow::bail!(
                "{} not found; --data names the folder of the UD treebanks (in a clone of trecho: ../shared/data/ud)",
                path.display()
            );
        }
    }
    let mut options = syntax::train::Options::new(&args.lang, train, dev);
    options.seed = args.seed;
    options.limit = args.limit;
    options.tagger_epochs = args.tagger_epochs.max(1);
    options.parser_epochs = args.parser_epochs.max(1);
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("crates/syntax/models/{}.bin", args.lang)));
    let started = Instant::now();
    let quiet = cli.quiet;
    let model = syntax::train::train(&options, &mut |line| {
        if !quiet {
            eprintln!("[{:6.1} s] {line}", started.elapsed().as_secs_f64());
        }
    })?;
    let bytes = model.to_bytes();
    std::fs::write(&out, &bytes).with_context(|| format!("writing {}", out.display()))?;
    println!(
        "wrote {} ({:.1} MB) in {:.1} s",
        out.display(),
        bytes.len() as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}
