//! `trecho eval`: score the extractor on gold files.

use crate::Cli;
use anyhow::Context;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use trecho::{Engine, EngineOptions};

/// Arguments of `trecho eval`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  trecho eval gold/plover_gsr.jsonl gold/up_spanish_validation.jsonl
  trecho eval --format json gold/*.jsonl > report.json

  trecho eval ../shared/data/ud/en_ewt-ud-test.conllu ../shared/data/ud/es_gsd-ud-test.conllu

Gold files are JSON Lines in the shape of data/gold (one sentence per line with its events).
Every item belongs to a development part or a frozen test part by a fixed rule on its id (30%
test; up_spanish_protest is development only). The report gives, per set, language and part,
event-type precision, recall and F1, actor and recipient country accuracy; for sets labelled
with words versus deeds, kind and speech-act accuracy, the share of no-event sentences given
an event and the share of hypothetical events coded as deeds. The sentences where prediction
and gold differ (JSON: misses) are listed for the development part only: read those, report
the test part.

A .conllu file is a treebank: its words are tagged and parsed again by the syntax model of
its language (the file name's prefix, en_ or es_, or --lang), and UPOS, UFeats, lemma, UAS
and LAS are reported as the CoNLL 2018 scorer computes them (universal relations,
punctuation included), with the speed on one thread. The gold data of a clone of trecho lives
beside it, in ../shared/data.")]
pub struct Args {
    /// Gold files (JSON Lines).
    #[arg(required = true, value_name = "GOLD.jsonl")]
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = EvalFormat::Table)]
    pub format: EvalFormat,

    /// An extra actor dictionary; may be repeated.
    #[arg(long = "actors", value_name = "FILE")]
    pub actors: Vec<PathBuf>,

    /// Language of the .conllu files, when their names do not start with en_ or es_.
    #[arg(long, value_parser = ["en", "es"])]
    pub lang: Option<String>,

    /// A syntax model file (from `trecho train syntax`) to score instead of the shipped one.
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
}

/// Output formats of `trecho eval`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EvalFormat {
    /// A readable report.
    Table,
    /// The report as one JSON object.
    Json,
}

/// Runs `trecho eval`.
pub fn run(_cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    for path in &args.paths {
        if !path.exists() {
            anyhow::bail!(
                "{} not found; check the path (in a clone of trecho the shared gold sets are in ../shared/data/gold, the treebanks in ../shared/data/ud)",
                path.display()
            );
        }
    }
    let (treebanks, gold): (Vec<PathBuf>, Vec<PathBuf>) = args
        .paths
        .iter()
        .cloned()
        .partition(|p| p.extension().is_some_and(|e| e == "conllu"));
    if !treebanks.is_empty() {
        eval_treebanks(&treebanks, args)?;
    }
    if gold.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    let engine = Engine::new(EngineOptions {
        user_actors: args.actors.clone(),
        ..EngineOptions::default()
    })
    .context("loading the --actors dictionaries")?;
    let report = engine.eval(&gold)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.format {
        EvalFormat::Table => write!(out, "{report}")?,
        EvalFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &report)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Scores the syntax model on treebanks with gold tokens.
fn eval_treebanks(paths: &[PathBuf], args: &Args) -> anyhow::Result<()> {
    use trecho::syntax::{eval, train::read_files, Model};
    let custom = match &args.model {
        Some(path) => Some(super::parse::load_model(path)?),
        None => None,
    };
    let mut rows = Vec::new();
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let lang = match &args.lang {
            Some(l) => l.clone(),
            None if name.starts_with("en_") => "en".into(),
            None if name.starts_with("es_") => "es".into(),
            None => anyhow::bail!(
                "{}: say the language with --lang (the name does not start with en_ or es_)",
                path.display()
            ),
        };
        let model = match &custom {
            Some(m) => m,
            None => Model::builtin(&lang).with_context(|| format!("no syntax model for {lang}"))?,
        };
        let gold = read_files(std::slice::from_ref(path))?;
        let s = eval::score(model, &gold);
        rows.push((path.display().to_string(), lang, s));
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.format {
        EvalFormat::Table => {
            writeln!(out, "treebank\tlang\tsentences\twords\tUPOS\tUFeats\tLemma\tUAS\tLAS\tLAS (subtypes)\tsentences/s\twords/s")?;
            for (p, lang, s) in &rows {
                writeln!(
                    out,
                    "{p}\t{lang}\t{}\t{}\t{:.2}\t{:.2}\t{:.2}\t{:.2}\t{:.2}\t{:.2}\t{:.0}\t{:.0}",
                    s.sentences,
                    s.words,
                    s.upos,
                    s.ufeats,
                    s.lemma,
                    s.uas,
                    s.las,
                    s.las_full,
                    s.sentences as f64 / s.seconds.max(1e-9),
                    s.words as f64 / s.seconds.max(1e-9)
                )?;
            }
        }
        EvalFormat::Json => {
            let list: Vec<serde_json::Value> = rows
                .iter()
                .map(|(p, lang, s)| {
                    serde_json::json!({
                        "treebank": p, "lang": lang, "sentences": s.sentences, "words": s.words,
                        "upos": s.upos, "ufeats": s.ufeats, "lemma": s.lemma, "uas": s.uas,
                        "las": s.las, "las_subtypes": s.las_full, "seconds": s.seconds,
                        "sentences_per_second": s.sentences as f64 / s.seconds.max(1e-9),
                    })
                })
                .collect();
            serde_json::to_writer_pretty(&mut out, &serde_json::json!({ "treebanks": list }))?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(())
}
