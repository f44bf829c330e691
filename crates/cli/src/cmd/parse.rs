//! `trecho parse`: tag and parse text, printing CoNLL-U.

use crate::Cli;
use anyhow::Context;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use trecho::syntax::{self, conllu, Model};
use trecho::{Document, Format, Lang};

/// Arguments of `trecho parse`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  echo 'Trump said land strikes will commence soon.' | trecho parse -
  trecho parse --lang es corpus/demo/some-file.txt
  trecho parse --input-format conllu ../shared/data/ud/en_ewt-ud-test.conllu > predicted.conllu

Raw text is one document per file, split into sentences as the pipeline splits them; each
sentence is parsed with the model of its language unless --lang says which. With
--input-format conllu the words of columns 1-2 (and multiword-token lines) are kept and
everything else is predicted, so the output can be scored against the treebank.")]
pub struct Args {
    /// A file, or - for standard input.
    #[arg(value_name = "FILE")]
    pub path: PathBuf,

    /// Language of every sentence: en or es (default: detected per sentence).
    #[arg(long, value_parser = ["en", "es"])]
    pub lang: Option<String>,

    /// Input format.
    #[arg(long, value_enum, default_value_t = ParseInput::Text)]
    pub input_format: ParseInput,

    /// A model file written by `trecho train syntax` instead of the shipped one.
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
}

/// Input formats of `trecho parse`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ParseInput {
    /// Raw text.
    Text,
    /// CoNLL-U with gold tokens.
    Conllu,
}

/// Runs `trecho parse`.
pub fn run(_cli: &Cli, args: &Args) -> anyhow::Result<ExitCode> {
    let (name, text) = read_text(&args.path)?;
    let custom = match &args.model {
        Some(path) => Some(load_model(path)?),
        None => None,
    };
    let model_for = |lang: &str| -> anyhow::Result<&Model> {
        match &custom {
            Some(m) => Ok(m),
            None => Model::builtin(lang).with_context(|| format!("no model for language {lang:?}")),
        }
    };
    let mut out = String::new();
    let mut scratch = syntax::Scratch::default();
    match args.input_format {
        ParseInput::Conllu => {
            let sentences = conllu::read(&text, &name)?;
            let model = model_for(args.lang.as_deref().unwrap_or("en"))?;
            for mut s in sentences {
                let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
                let words = model.analyze(&forms, &mut scratch);
                for (gold, w) in s.words.iter_mut().zip(words) {
                    gold.lemma = w.lemma;
                    gold.upos = w.upos.to_string();
                    gold.xpos = String::new();
                    gold.feats = w.feats;
                    gold.head = Some(w.head);
                    gold.deprel = w.deprel;
                }
                conllu::write(&mut out, &s);
            }
        }
        ParseInput::Text => {
            let document = Document {
                source: name.clone(),
                text,
                format: Format::Text,
                ..Document::default()
            };
            let normalized = trecho::normalize(&document);
            for (i, sentence) in normalized.sentences.iter().enumerate() {
                let lang = match (&args.lang, sentence.lang) {
                    (Some(l), _) => l.as_str(),
                    (None, Lang::Es) => "es",
                    (None, _) => "en",
                };
                let model = model_for(lang)?;
                let sentence_text = normalized.sentence_text(sentence);
                let parsed = model.parse(sentence_text, &mut scratch);
                let comments = vec![format!("# sent_id = {}", i + 1), format!("# lang = {lang}")];
                syntax::to_conllu(&mut out, sentence_text, &parsed, &comments);
            }
        }
    }
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(out.as_bytes())?;
    stdout.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The text of a file or of standard input, with the name errors should use.
pub fn read_text(path: &PathBuf) -> anyhow::Result<(String, String)> {
    if path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .context("reading standard input")?;
        return Ok(("<stdin>".to_string(), text));
    }
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{}: not UTF-8 text (invalid byte at offset {})",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })?;
    Ok((path.display().to_string(), text))
}

/// A model file written by `trecho train syntax`.
pub fn load_model(path: &PathBuf) -> anyhow::Result<Model> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    Model::from_bytes(&bytes)
        .with_context(|| format!("{}: not a usable syntax model", path.display()))
}
