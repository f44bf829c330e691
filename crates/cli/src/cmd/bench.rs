//! `trecho bench`: throughput of the whole pipeline (parse, normalize, extract, store) on a
//! corpus made by repeating real documents, with peak memory.

use super::common::parse_format;
use crate::Cli;
use anyhow::Context;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;
use trecho::{
    read_input, walk_inputs, Engine, EngineOptions, Format, IngestProgress, Input, Store,
};

/// Arguments of `trecho bench`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  trecho bench corpus/demo
  trecho bench --repeat 50 --jobs 1 testdata/chains

The inputs are read into memory once; each round then parses, normalizes, extracts and stores
every one of them into a fresh store in a temporary directory (fresh, so that no document is
skipped as already stored). Peak memory is the process's VmHWM from /proc/self/status.")]
pub struct Args {
    /// Files or directories of real documents (default: corpus/demo).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// How many times the corpus is processed.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub repeat: usize,

    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N", default_value_t = 0)]
    pub jobs: usize,

    /// Read every input in this format instead of detecting it.
    #[arg(long, value_name = "FORMAT", value_parser = parse_format)]
    pub input_format: Option<Format>,

    /// Also tag and parse every sentence in the pipeline (the syntax models).
    #[arg(long)]
    pub parse: bool,
}

/// Runs `trecho bench`.
pub fn run(cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("corpus/demo")]
    } else {
        args.paths.clone()
    };
    let engine = Engine::new(EngineOptions {
        jobs: args.jobs,
        syntax: args.parse,
        ..EngineOptions::default()
    })
    .context("loading dictionaries")?;
    let max_bytes = engine.options().max_input_bytes;
    let mut corpus: Vec<(String, Format, Vec<u8>)> = Vec::new();
    for input_path in walk_inputs(&paths) {
        let input = read_input(&input_path, args.input_format, max_bytes);
        let bytes = input.bytes?;
        corpus.push((input.source, input.format, bytes));
    }
    if corpus.is_empty() {
        anyhow::bail!("no input files found in {}", describe(&paths));
    }
    let corpus_bytes: usize = corpus.iter().map(|(_, _, bytes)| bytes.len()).sum();
    let temp_dir = std::env::temp_dir().join(format!("trecho-bench-{}", std::process::id()));
    std::fs::create_dir_all(&temp_dir)
        .with_context(|| format!("creating {}", temp_dir.display()))?;

    let (mut n_documents, mut n_sentences, mut n_events, mut n_failed) = (0u64, 0u64, 0u64, 0u64);
    let started = Instant::now();
    for round in 0..args.repeat.max(1) {
        let db_path = temp_dir.join(format!("bench-{round}.db"));
        let mut store = Store::open(&db_path)?;
        let inputs = corpus.iter().map(|(source, format, bytes)| Input {
            source: source.clone(),
            format: *format,
            bytes: Ok(bytes.clone()),
        });
        // Stored exactly as `trecho ingest` stores them.
        let summary = trecho::ingest(&engine, &mut store, inputs, |progress| {
            if let (0, IngestProgress::Warning(message)) = (round, progress) {
                eprintln!("warning: {message}");
            }
        })?;
        n_documents += summary.new + summary.replaced + summary.unchanged;
        n_sentences += summary.sentences;
        n_events += summary.events;
        n_failed += summary.files_failed + summary.documents_failed;
        drop(store);
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(temp_dir.join(format!("bench-{round}.db{suffix}")));
        }
    }
    let seconds = started.elapsed().as_secs_f64().max(1e-9);
    let _ = std::fs::remove_dir(&temp_dir);
    let rounds = args.repeat.max(1);
    let total_mib = (corpus_bytes * rounds) as f64 / (1024.0 * 1024.0);
    println!(
        "corpus: {} files, {} bytes ({}), repeated {rounds} times",
        corpus.len(),
        corpus_bytes,
        describe(&paths)
    );
    println!("threads: {}", engine.jobs());
    println!(
        "parsing: {}",
        if args.parse {
            "on (tagger and parser on every sentence)"
        } else {
            "off (--parse turns it on)"
        }
    );
    println!(
        "processed: {n_documents} documents, {n_sentences} sentences, {n_events} events \
         ({n_failed} failed) in {seconds:.2} s"
    );
    println!("documents/s: {:.1}", n_documents as f64 / seconds);
    println!("sentences/s: {:.1}", n_sentences as f64 / seconds);
    println!("MiB/s: {:.2}", total_mib / seconds);
    let (syntax_sentences, syntax_words, syntax_seconds) = syntax_speed(&engine, &corpus, rounds)?;
    println!(
        "syntax alone (tokenize, tag, parse; one thread): {:.0} sentences/s, {:.0} words/s ({syntax_sentences} sentences, {syntax_words} words per round)",
        (syntax_sentences * rounds) as f64 / syntax_seconds,
        (syntax_words * rounds) as f64 / syntax_seconds,
    );
    match peak_rss_kib() {
        Some(kib) => println!("peak RSS: {:.1} MiB", kib as f64 / 1024.0),
        None => println!("peak RSS: unknown (no /proc/self/status)"),
    }
    let _ = cli;
    Ok(ExitCode::SUCCESS)
}

/// Tagging and parsing alone: the corpus's sentences, normalized once, parsed `rounds` times
/// on this thread. Returns the sentences and words of one round and the seconds of all.
fn syntax_speed(
    engine: &Engine,
    corpus: &[(String, Format, Vec<u8>)],
    rounds: usize,
) -> anyhow::Result<(usize, usize, f64)> {
    use trecho::syntax::{Model, Scratch};
    let mut sentences: Vec<(String, trecho::Lang)> = Vec::new();
    for (source, format, bytes) in corpus {
        let input = Input {
            source: source.clone(),
            format: *format,
            bytes: Ok(bytes.clone()),
        };
        let Ok(parsed) = engine.parse(input) else {
            continue;
        };
        for document in parsed.documents {
            let normalized = trecho::normalize(&document);
            for s in &normalized.sentences {
                sentences.push((normalized.sentence_text(s).to_string(), s.lang));
            }
        }
    }
    let en = Model::builtin("en").context("the English syntax model")?;
    let es = Model::builtin("es").context("the Spanish syntax model")?;
    let mut scratch = Scratch::default();
    let mut words = 0;
    let started = Instant::now();
    for _ in 0..rounds {
        words = 0;
        for (text, lang) in &sentences {
            let model = if *lang == trecho::Lang::Es { es } else { en };
            words += model.parse(text, &mut scratch).words.len();
        }
    }
    Ok((
        sentences.len(),
        words,
        started.elapsed().as_secs_f64().max(1e-9),
    ))
}

fn describe(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|path| path.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Peak resident set size in KiB (`VmHWM`), on Linux.
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
