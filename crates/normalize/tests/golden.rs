//! Golden tests: every file of `testdata/inputs/` (real federal text and marked SYNTHETIC
//! fixtures) is ingested and normalized; the sentences, speakers, languages and dates are
//! compared with an insta snapshot in a readable layout (`cargo insta review` to accept).

use std::fmt::Write;
use std::path::{Path, PathBuf};
use trecho_model::{Document, Normalized};

fn inputs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/inputs")
}

/// Ingests and normalizes one fixture.
fn process(name: &str) -> Vec<(Document, Normalized)> {
    let path = inputs_dir().join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|err| panic!("reading {name}: {err}"));
    let format = trecho_ingest::detect_format(&path, &bytes);
    let parsed = trecho_ingest::parse(&bytes, name, format)
        .unwrap_or_else(|err| panic!("ingesting {name}: {err}"));
    parsed
        .documents
        .into_iter()
        .map(|document| {
            let normalized = trecho_normalize::run(&document);
            // Idempotence on real text: normalizing the normalized text changes nothing.
            let again = trecho_normalize::run(&Document {
                text: normalized.text.clone(),
                ..document.clone()
            });
            assert_eq!(again.text, normalized.text, "{name}: not idempotent");
            assert_eq!(
                again.sentences, normalized.sentences,
                "{name}: sentences differ"
            );
            (document, normalized)
        })
        .collect()
}

/// One document per block: metadata, then one sentence per line.
fn render(documents: &[(Document, Normalized)]) -> String {
    let mut out = String::new();
    for (document, normalized) in documents {
        let date =
            |date: Option<chrono::NaiveDate>| date.map_or("-".to_string(), |d| d.to_string());
        let _ = writeln!(
            out,
            "# {} format={} title={:?} url={:?} published(meta)={} published={} lang={}",
            document.source,
            document.format.as_str(),
            document.title.as_deref().unwrap_or("-"),
            document.url.as_deref().unwrap_or("-"),
            date(document.published),
            date(normalized.published),
            normalized.lang,
        );
        for diagnostic in &normalized.diagnostics {
            let _ = writeln!(out, "! {diagnostic}");
        }
        for sentence in &normalized.sentences {
            let speaker = sentence
                .speaker
                .as_deref()
                .map_or(String::new(), |speaker| format!(" <{speaker}>"));
            let _ = writeln!(
                out,
                "[p{} {} {}..{}]{} {}",
                sentence.paragraph,
                sentence.lang,
                sentence.start,
                sentence.end,
                speaker,
                normalized.sentence_text(sentence)
            );
        }
        out.push('\n');
    }
    out
}

macro_rules! golden {
    ($test:ident, $file:literal) => {
        #[test]
        fn $test() {
            let documents = process($file);
            insta::assert_snapshot!(stringify!($test), render(&documents));
        }
    };
}

golden!(wh_tariffs_html, "wh_tariffs_2025-02-01.html");
golden!(doj_email, "doj_29_defendants_2025-02-27.eml");
golden!(usda_email, "usda_water_2025-12-12.eml");
golden!(oval_office_transcript, "oval_office_remarks_2025-11-17.txt");
golden!(state_readouts_feed, "state_readouts.xml");
golden!(us_statements_jsonl, "us_statements.jsonl");
golden!(newsletter_txt, "newsletter_forwarded.txt");
golden!(newsletter_eml, "newsletter_forwarded.eml");
golden!(mananera_transcript_es, "mananera_synthetic_es.txt");
golden!(usda_state_water_html, "usda_state_water_2026-02-03.html");
golden!(federal_releases_mbox, "federal_releases.mbox");
golden!(state_readouts_atom, "state_readouts_atom.xml");

/// The sentences of the newsletter body, the same from the text and the e-mail version.
const NEWSLETTER_SENTENCES: [&str; 9] = [
    "President Donald J. Trump threatened Sheinbaum with more tariffs again this month to force Mexico to send more water from its reservoirs to farmers and ranchers in Texas.",
    "The 1944 treaty obliges Mexico to deliver 1.75 million acre-feet over each five-year cycle, and the U.S.-Mexico dispute over the shortfall has become a test of the international agreement.",
    "\"If Mexico does not release the water, we will impose a 5% tariff,\" Mr. Trump wrote on Dec. 8.",
    "Mexican officials said they would deliver 202,000 acre-feet starting the week of December 15, 2025.",
    "Sheinbaum said on Tuesday that Mexico \"has not violated the treaty\" and blamed an extraordinary drought.",
    "Her government agreed to finalize a delivery plan by the end of January 2026.",
    "Trump's Water War With Mexico",
    "December 24, 2025",
    "Read the joint statement",
];

fn check_newsletter(name: &str) {
    let documents = process(name);
    assert_eq!(documents.len(), 1);
    let (_, normalized) = &documents[0];
    assert_eq!(
        normalized.published.map(|date| date.to_string()).as_deref(),
        Some("2025-12-24"),
        "the dateline under the title, not the forwarding date"
    );
    let sentences: Vec<&str> = normalized
        .sentences
        .iter()
        .map(|sentence| normalized.sentence_text(sentence))
        .collect();
    for expected in NEWSLETTER_SENTENCES {
        assert!(
            sentences.contains(&expected),
            "missing {expected:?} in {sentences:#?}"
        );
    }
    let lower = normalized.text.to_lowercase();
    for furniture in [
        "link removed",
        "unsubscribe",
        "manage subscription",
        "view this email",
        "forwarded message",
        "copyright",
        "suite 400",
        "share this",
        "tweet",
        "https://",
        "you are receiving",
        "newsletter.",
    ] {
        assert!(
            !lower.contains(furniture),
            "{furniture:?} left in {:?}",
            normalized.text
        );
    }
    // The wraps are undone: no paragraph holds a line break.
    assert!(!normalized.text.replace("\n\n", "").contains('\n'));
}

#[test]
fn newsletter_txt_is_clean() {
    check_newsletter("newsletter_forwarded.txt");
}

#[test]
fn newsletter_eml_is_clean() {
    check_newsletter("newsletter_forwarded.eml");
}

#[test]
fn transcript_speakers_are_attached() {
    let documents = process("mananera_synthetic_es.txt");
    let (document, normalized) = &documents[0];
    assert_eq!(document.format, trecho_model::Format::Transcript);
    assert_eq!(normalized.lang, trecho_model::Lang::Es);
    assert_eq!(
        normalized.published.map(|d| d.to_string()).as_deref(),
        Some("2025-11-18")
    );
    let turn: Vec<(&str, Option<&str>)> = normalized
        .sentences
        .iter()
        .map(|s| (normalized.sentence_text(s), s.speaker.as_deref()))
        .collect();
    assert!(turn.contains(&("Buenos días.", Some("PRESIDENTA CLAUDIA SHEINBAUM PARDO"))));
    assert!(turn.contains(&(
        "Hay colaboración y hay coordinación, pero nunca subordinación.",
        Some("PRESIDENTA CLAUDIA SHEINBAUM PARDO")
    )));
    assert!(turn.contains(&(
        "Presidenta, ¿qué responde a la amenaza de un arancel del 5% por el agua?",
        Some("INTERLOCUTOR")
    )));
    assert!(turn.contains(&(
        "La Sra. Bárcena y el Lic. Ramírez están en conversaciones con el Departamento de Estado de EE.UU. para acordar las entregas.",
        Some("PRESIDENTA CLAUDIA SHEINBAUM PARDO")
    )));
    assert!(turn.contains(&("CONFERENCIA DE PRENSA MATUTINA", None)));
}
