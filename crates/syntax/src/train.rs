//! Training a [`Model`] from UD treebanks: the tokenizer's tables, the tagger, then the parser
//! on tags predicted by taggers that did not see the sentence (jackknifing), so that it learns
//! from the kind of tags it will get on new text.
//!
//! Everything is deterministic: the same files, settings and seed give byte-identical models.

use crate::conllu::{self, Sentence};
use crate::lexicon::{self, upos_index};
use crate::{parser, tagger, tokenize, Model};
use std::collections::BTreeSet;
use std::path::PathBuf;

#[derive(Debug, Clone)]
pub struct Options {
    pub lang: String,
    pub train: Vec<PathBuf>,
    /// Sentences for early stopping; when empty, every tenth training sentence is held out to
    /// choose the number of epochs, and the final model is trained on all of them.
    pub dev: Vec<PathBuf>,
    pub seed: u64,
    pub tagger_epochs: usize,
    pub parser_epochs: usize,
    /// Folds for the jackknifed tags the parser trains on (1: gold tags).
    pub folds: usize,
    /// Use only the first this many training sentences (for quick checks).
    pub limit: Option<usize>,
    /// Chance of following the parser's own wrong move during training.
    pub explore: f64,
    /// A feature is kept only if it took part in this many updates.
    pub min_updates: u32,
}

impl Options {
    pub fn new(lang: &str, train: Vec<PathBuf>, dev: Vec<PathBuf>) -> Options {
        Options {
            lang: lang.to_string(),
            train,
            dev,
            seed: 1,
            tagger_epochs: 12,
            parser_epochs: 15,
            folds: 4,
            limit: None,
            explore: 0.9,
            min_updates: 3,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("reading {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    Conllu(#[from] conllu::Error),
    #[error("{0}")]
    Data(String),
}

pub fn read_files(paths: &[PathBuf]) -> Result<Vec<Sentence>, Error> {
    let mut out = Vec::new();
    for p in paths {
        let text = std::fs::read_to_string(p).map_err(|source| Error::Io {
            path: p.display().to_string(),
            source,
        })?;
        out.extend(conllu::read(&text, &p.display().to_string())?);
    }
    Ok(out)
}

fn tag_example(s: &Sentence) -> tagger::Example {
    tagger::Example {
        forms: s.words.iter().map(|w| w.form.clone()).collect(),
        upos: s.words.iter().map(|w| upos_index(&w.upos)).collect(),
        feats: s
            .words
            .iter()
            .map(|w| {
                if w.feats.is_empty() {
                    "_".into()
                } else {
                    w.feats.clone()
                }
            })
            .collect(),
        lemmas: s.words.iter().map(|w| w.lemma.clone()).collect(),
    }
}

fn check_trees(sentences: &[Sentence], what: &str) -> Result<(), Error> {
    for s in sentences {
        if !s.has_tree() {
            return Err(Error::Data(format!(
                "{what}: the sentence at line {} has words without a head",
                s.line
            )));
        }
    }
    Ok(())
}

/// Trains a model; `log` hears progress lines.
pub fn train(options: &Options, log: &mut dyn FnMut(String)) -> Result<Model, Error> {
    let mut all = read_files(&options.train)?;
    if let Some(n) = options.limit {
        all.truncate(n);
    }
    if all.is_empty() {
        return Err(Error::Data("no training sentences".into()));
    }
    check_trees(&all, "training data")?;
    let mut dev = read_files(&options.dev)?;
    if let Some(n) = options.limit {
        dev.truncate(n / 4 + 1);
    }
    check_trees(&dev, "development data")?;
    let held_out = dev.is_empty();
    let (train_part, dev) = if held_out {
        let (mut t, mut d) = (Vec::new(), Vec::new());
        for (i, s) in all.iter().enumerate() {
            if i % 10 == 9 {
                d.push(s.clone());
            } else {
                t.push(s.clone());
            }
        }
        (t, d)
    } else {
        (all.clone(), dev)
    };
    log(format!(
        "{} training sentences, {} for early stopping{}",
        train_part.len(),
        dev.len(),
        if held_out {
            " (every tenth, held out; the final model retrains on all)"
        } else {
            ""
        }
    ));
    let labels: Vec<String> = all
        .iter()
        .flat_map(|s| s.words.iter().map(|w| w.deprel.clone()))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let splitter = tokenize::Splitter::learn(&all);

    // Tagger.
    let tag_train: Vec<tagger::Example> = train_part.iter().map(tag_example).collect();
    let tag_dev: Vec<tagger::Example> = dev.iter().map(tag_example).collect();
    let tagger_settings = tagger::Settings {
        epochs: options.tagger_epochs,
        seed: options.seed,
        min_updates: options.min_updates,
    };
    let (mut tagger, tagger_epochs) = tagger::train(&tag_train, &tag_dev, &tagger_settings, log);
    let tag_all: Vec<tagger::Example> = all.iter().map(tag_example).collect();
    if held_out {
        log(format!(
            "tagger: retraining on all sentences for {tagger_epochs} epochs"
        ));
        let settings = tagger::Settings {
            epochs: tagger_epochs,
            seed: options.seed,
            min_updates: options.min_updates,
        };
        tagger = tagger::train(&tag_all, &[], &settings, log).0;
    }

    // Jackknifed tags for the parser's training sentences.
    let parse_source = if held_out { &all } else { &train_part };
    let tag_source: Vec<tagger::Example> = parse_source.iter().map(tag_example).collect();
    let mut predicted: Vec<Option<Vec<(u8, String)>>> = vec![None; tag_source.len()];
    if options.folds > 1 {
        for fold in 0..options.folds {
            let rest: Vec<tagger::Example> = tag_source
                .iter()
                .enumerate()
                .filter(|(i, _)| i % options.folds != fold)
                .map(|(_, s)| s.clone())
                .collect();
            let settings = tagger::Settings {
                epochs: tagger_epochs,
                seed: options.seed + 1 + fold as u64,
                min_updates: options.min_updates,
            };
            let (fold_tagger, _) = tagger::train(&rest, &[], &settings, &mut |_| {});
            let mut scratch = tagger::Scratch::default();
            for (i, s) in tag_source.iter().enumerate() {
                if i % options.folds == fold {
                    let forms: Vec<&str> = s.forms.iter().map(|f| f.as_str()).collect();
                    predicted[i] = Some(
                        fold_tagger
                            .tag(&forms, &mut scratch)
                            .into_iter()
                            .map(|t| (t.upos, fold_tagger.feats_str(t.feats).to_string()))
                            .collect(),
                    );
                }
            }
            log(format!(
                "jackknife fold {} of {} tagged",
                fold + 1,
                options.folds
            ));
        }
    }
    let label_index = |l: &str| labels.binary_search_by(|x| x.as_str().cmp(l)).unwrap_or(0) as u16;
    let to_parse = |s: &Sentence, tags: Option<&Vec<(u8, String)>>| -> parser::Example {
        let tokens = s
            .words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let (tag, feats) = match tags {
                    Some(tags) => tags[i].clone(),
                    None => (
                        upos_index(&w.upos),
                        if w.feats.is_empty() {
                            "_".to_string()
                        } else {
                            w.feats.clone()
                        },
                    ),
                };
                parser::token(&lexicon::key(&w.form), tag, &feats)
            })
            .collect();
        let mut heads = vec![0];
        let mut rels = vec![0];
        for w in &s.words {
            heads.push(w.head.expect("checked: every word has a head"));
            rels.push(label_index(&w.deprel));
        }
        parser::Example {
            tokens,
            heads,
            labels: rels,
        }
    };
    let parse_train: Vec<parser::Example> = parse_source
        .iter()
        .zip(&predicted)
        .map(|(s, p)| to_parse(s, p.as_ref()))
        .collect();
    // Development sentences get the final tagger's tags, as new text will.
    let mut scratch = tagger::Scratch::default();
    let parse_dev: Vec<parser::Example> = if held_out {
        Vec::new()
    } else {
        dev.iter()
            .map(|s| {
                let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
                let tags: Vec<(u8, String)> = tagger
                    .tag(&forms, &mut scratch)
                    .into_iter()
                    .map(|t| (t.upos, tagger.feats_str(t.feats).to_string()))
                    .collect();
                to_parse(s, Some(&tags))
            })
            .collect()
    };
    let parser_settings = parser::Settings {
        epochs: options.parser_epochs,
        seed: options.seed,
        explore: options.explore,
        min_updates: options.min_updates,
    };
    let parser = if held_out {
        // Choose the epochs on the held-out tenth, with jackknifed tags for the rest.
        let (train_idx, dev_idx): (Vec<usize>, Vec<usize>) =
            (0..parse_train.len()).partition(|i| i % 10 != 9);
        let t: Vec<parser::Example> = train_idx.iter().map(|i| parse_train[*i].clone()).collect();
        let d: Vec<parser::Example> = dev_idx.iter().map(|i| parse_train[*i].clone()).collect();
        let (_, epochs) = parser::train(labels.clone(), &t, &d, &parser_settings, log);
        log(format!(
            "parser: retraining on all sentences for {epochs} epochs"
        ));
        let settings = parser::Settings {
            epochs,
            ..parser_settings
        };
        parser::train(labels, &parse_train, &[], &settings, log).0
    } else {
        parser::train(labels, &parse_train, &parse_dev, &parser_settings, log).0
    };
    let files: Vec<String> = options
        .train
        .iter()
        .map(|p| {
            p.file_name().map_or(p.display().to_string(), |f| {
                f.to_string_lossy().into_owned()
            })
        })
        .collect();
    let about = format!(
        "{} model trained on {} ({} sentences), seed {}, tagger {} epochs, parser up to {} epochs",
        options.lang,
        files.join(" + "),
        all.len(),
        options.seed,
        tagger_epochs,
        options.parser_epochs
    );
    Ok(Model {
        lang: options.lang.clone(),
        about,
        splitter,
        tagger,
        parser,
    })
}
