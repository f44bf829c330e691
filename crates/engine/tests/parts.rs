//! Long documents processed in parts give what the whole document gives: the same id,
//! normalized text, sentences and events, with spans into the whole normalized text. Real text
//! from `corpus/demo`, with a small part size so that the tests stay fast.

use std::path::Path;
use trecho::{Engine, EngineOptions, Event, Format, Input, Normalized, Outcome, Sentence};

/// The plain-text documents of `corpus/demo` and `testdata` (each once), one after the other
/// as paragraphs: English and Spanish news, posts, statements and transcripts.
fn corpus_text() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut paths = Vec::new();
    let mut dirs = vec![root.join("corpus/demo"), root.join("testdata")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|ext| ext == "txt") {
                paths.push(path);
            }
        }
    }
    paths.sort();
    let mut texts: Vec<String> = paths
        .iter()
        // Some test inputs are deliberately not UTF-8 or binary.
        .filter_map(|path| std::fs::read_to_string(path).ok())
        .map(|text| text.trim().to_string())
        .collect();
    let mut seen = std::collections::HashSet::new();
    texts.retain(|text| seen.insert(text.clone()));
    texts.join("\n\n")
}

/// What a run gave for one document.
#[derive(Debug, Default)]
struct Result {
    doc_id: String,
    text: String,
    sentences: Vec<Sentence>,
    events: Vec<Event>,
    n_parts: usize,
}

fn run(text: &str, format: Format, part_bytes: usize) -> Result {
    let engine = Engine::new(EngineOptions {
        part_bytes,
        jobs: 2,
        ..EngineOptions::default()
    })
    .unwrap();
    let input = Input {
        source: "long.txt".to_string(),
        format,
        bytes: Ok(text.as_bytes().to_vec()),
    };
    let mut result = Result::default();
    let mut started = None;
    engine
        .run([input], |outcome| -> std::result::Result<(), String> {
            match outcome {
                Outcome::Processed(processed) => {
                    result.doc_id = processed.document.id;
                    result.text = processed.normalized.text;
                    result.sentences = processed.normalized.sentences;
                    result.events = processed.events;
                }
                Outcome::Started(head) => started = Some(head),
                Outcome::Part(part) => {
                    assert_eq!(part.first_sentence, result.sentences.len());
                    assert_eq!(part.events.len(), part.explanations.len());
                    result.sentences.extend(part.sentences);
                    result.events.extend(part.events);
                    result.n_parts += 1;
                }
                Outcome::Finished(processed) => {
                    let head = started.take().expect("Started before Finished");
                    assert_eq!(head.doc_id, processed.document.id);
                    assert_eq!(
                        head.content_hash,
                        trecho::content_hash(&processed.normalized.text)
                    );
                    assert!(processed.document.text.is_empty());
                    result.doc_id = processed.document.id;
                    result.text = processed.normalized.text;
                }
                Outcome::Failed { source, error } => return Err(format!("{source}: {error}")),
                Outcome::Diagnostic(_) | Outcome::FileDone { .. } => {}
            }
            Ok(())
        })
        .unwrap();
    result
}

/// Compares events one by one, so a failure shows the first that differs.
fn same_events(split: &[Event], whole: &[Event], what: &str) {
    for (index, (a, b)) in split.iter().zip(whole).enumerate() {
        assert_eq!(a, b, "{what}: event {index} differs");
    }
    assert_eq!(split.len(), whole.len(), "{what}: number of events");
}

/// Like [`same_events`], but an actor or recipient may resolve to another country, sector or
/// canonical name (and the event id, which hashes the country, may differ): role words ("the
/// farmers", "the president") resolve against the most mentioned country of the part rather
/// than of the whole document. Everything else must be equal.
fn same_events_but_role_countries(split: &[Event], whole: &[Event], what: &str) {
    let mut n_different = 0;
    for (index, (a, b)) in split.iter().zip(whole).enumerate() {
        let mut a = a.clone();
        if a != *b {
            n_different += 1;
            a.id.clone_from(&b.id);
            for (mine, theirs) in [(&mut a.actor, &b.actor), (&mut a.recipient, &b.recipient)] {
                if let (Some(mine), Some(theirs)) = (mine.as_mut(), theirs) {
                    if mine.text == theirs.text {
                        mine.clone_from(theirs);
                    }
                }
            }
        }
        assert_eq!(a, *b, "{what}: event {index} differs");
    }
    assert_eq!(split.len(), whole.len(), "{what}: number of events");
    // Parts of a few kB see few countries each; 1 MiB parts far more.
    eprintln!(
        "{what}: {n_different} of {} events resolve a role word to another country",
        whole.len()
    );
}

/// Spans slice the normalized text on char boundaries, and each event's sentence is its span.
fn check_spans(result: &Result) {
    let normalized = Normalized {
        text: result.text.clone(),
        sentences: Vec::new(),
        published: None,
        lang: trecho::Lang::En,
        offset_map: Vec::new(),
        diagnostics: Vec::new(),
    };
    for pair in result.sentences.windows(2) {
        assert!(pair[0].end <= pair[1].start, "sentences overlap: {pair:?}");
    }
    for sentence in &result.sentences {
        assert!(normalized.text.get(sentence.start..sentence.end).is_some());
    }
    for event in &result.events {
        assert_eq!(event.doc_id, result.doc_id);
        let [start, end] = event.span;
        assert_eq!(
            normalized.text.get(start..end),
            Some(event.sentence.as_str())
        );
    }
}

#[test]
fn a_document_in_parts_gives_the_whole_documents_results() {
    // Three copies of the corpus, one per part: each part mentions the same countries as the
    // whole document, so every event must be the same, pronouns and authors included.
    let copy = corpus_text();
    let text = [copy.as_str(); 3].join("\n\n");
    let whole = run(&text, Format::Text, usize::MAX);
    assert_eq!(whole.n_parts, 0);
    assert!(whole.events.len() > 150, "{} events", whole.events.len());
    check_spans(&whole);
    let split = run(&text, Format::Text, copy.len() + 2);
    assert_eq!(split.n_parts, 3);
    check_spans(&split);
    assert_eq!(split.doc_id, whole.doc_id);
    assert_eq!(split.text, whole.text);
    assert_eq!(split.sentences, whole.sentences);
    same_events(&split.events, &whole.events, "one copy per part");
}

#[test]
fn a_document_just_over_the_part_size_gives_the_same_sentences_and_events() {
    let text = corpus_text();
    let whole = run(&text, Format::Text, usize::MAX);
    for part_bytes in [text.len() - 2_000, 4_000] {
        let what = format!("part size {part_bytes}");
        let split = run(&text, Format::Text, part_bytes);
        assert!(split.n_parts >= 2, "{what}: {} parts", split.n_parts);
        check_spans(&split);
        assert_eq!(split.doc_id, whole.doc_id, "{what}");
        assert_eq!(split.text, whole.text, "{what}");
        assert_eq!(split.sentences, whole.sentences, "{what}");
        same_events_but_role_countries(&split.events, &whole.events, &what);
    }
}

#[test]
fn a_one_line_document_in_parts_keeps_its_text_and_id() {
    let text = corpus_text()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let whole = run(&text, Format::Text, usize::MAX);
    let split = run(&text, Format::Text, 2_000);
    assert!(split.n_parts > 5);
    check_spans(&split);
    assert_eq!(split.doc_id, whole.doc_id);
    assert_eq!(split.text, whole.text);
    assert_eq!(split.sentences, whole.sentences);
    same_events_but_role_countries(&split.events, &whole.events, "one line");
}

#[test]
fn processing_in_parts_is_deterministic() {
    let text = corpus_text();
    let first = run(&text, Format::Text, 5_000);
    let second = run(&text, Format::Text, 5_000);
    assert_eq!(first.events, second.events);
    assert_eq!(first.sentences, second.sentences);
}
