//! Property tests of normalization invariants: sentence spans are trimmed, ordered,
//! non-overlapping slices of the normalized text on char boundaries; offsets map back to the
//! same characters of the original; normalizing normalized text changes nothing; no input panics.

use proptest::prelude::*;
use trecho_model::{Document, Format, Lang, Normalized};

/// Text shaped like the inputs: words, abbreviations, punctuation, quotes, wraps, hyphens,
/// markers, labels, bullets, Spanish and odd whitespace.
fn news_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Trump".to_string()),
        Just("threatened".to_string()),
        Just("Sheinbaum".to_string()),
        Just("U.S.".to_string()),
        Just("Gen.".to_string()),
        Just("Dec. 24, 2025".to_string()),
        Just("inter-".to_string()),
        Just("national".to_string()),
        Just("U.S.-".to_string()),
        Just("Mexico".to_string()),
        Just("the".to_string()),
        Just("la".to_string()),
        Just("México".to_string()),
        Just("dijo".to_string()),
        Just("\"We will act.\"".to_string()),
        Just("«No.»".to_string()),
        Just("¿Qué?".to_string()),
        Just("[[link removed]]".to_string()),
        Just("<https://t.example/x>".to_string()),
        Just("THE PRESIDENT:".to_string()),
        Just("Q:".to_string()),
        Just("- ".to_string()),
        Just("1.".to_string()),
        Just("Share".to_string()),
        Just("Unsubscribe".to_string()),
        Just("> ".to_string()),
        Just(".".to_string()),
        Just("…".to_string()),
        Just("3.5".to_string()),
        Just("—".to_string()),
        Just(" ".to_string()),
        Just("  ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("\t".to_string()),
        Just("\u{a0}".to_string()),
        Just("\u{0}".to_string()),
        Just("\u{200B}".to_string()),
        Just("[[link".to_string()),
        Just("removed]]".to_string()),
        Just("View in browser".to_string()),
        Just("---------- Forwarded message ---------".to_string()),
        Just("From: a@example.org".to_string()),
        Just("Date: Mon, Dec 29, 2025".to_string()),
        "[a-zA-Z]{1,12}",
        "\\PC{1,4}",
    ];
    proptest::collection::vec(piece, 0..120).prop_map(|pieces| {
        let mut text = String::new();
        for (index, piece) in pieces.iter().enumerate() {
            if index > 0 && !piece.starts_with(['\n', ' ', '\t']) && index % 3 != 0 {
                text.push(' ');
            }
            text.push_str(piece);
        }
        text
    })
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![news_like(), "\\PC{0,300}", any::<String>()]
}

fn document(text: String, format: Format) -> Document {
    Document {
        text,
        format,
        ..Document::default()
    }
}

fn check_invariants(document: &Document, normalized: &Normalized) {
    let text = &normalized.text;
    let mut previous_end = 0;
    let mut previous_paragraph = 0;
    for sentence in &normalized.sentences {
        assert!(sentence.start < sentence.end, "empty sentence {sentence:?}");
        assert!(
            sentence.start >= previous_end,
            "overlap or disorder at {sentence:?}"
        );
        assert!(sentence.end <= text.len());
        assert!(text.is_char_boundary(sentence.start) && text.is_char_boundary(sentence.end));
        assert!(sentence.paragraph >= previous_paragraph);
        let slice = normalized.sentence_text(sentence);
        assert_eq!(slice, slice.trim(), "untrimmed sentence");
        assert!(!slice.contains("\n\n"), "sentence crosses a paragraph");
        // The first char of every sentence maps back to the same char of the original.
        let original = normalized.original_offset(sentence.start);
        let first = slice.chars().next();
        assert_eq!(
            document
                .text
                .get(original..)
                .and_then(|rest| rest.chars().next()),
            first,
            "sentence at {} maps to original {original}",
            sentence.start
        );
        previous_end = sentence.end;
        previous_paragraph = sentence.paragraph;
    }
    assert!(normalized
        .offset_map
        .windows(2)
        .all(|pair| pair[0].0 < pair[1].0 && pair[0].1 < pair[1].1));
    assert!(!text.starts_with(char::is_whitespace) && !text.ends_with(char::is_whitespace));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn spans_are_ordered_trimmed_slices(text in any_text(), transcript in any::<bool>()) {
        let format = if transcript { Format::Transcript } else { Format::Text };
        let document = document(text, format);
        let normalized = trecho_normalize::run(&document);
        check_invariants(&document, &normalized);
    }

    #[test]
    fn normalization_is_idempotent(text in any_text()) {
        let once = trecho_normalize::run(&document(text, Format::Text));
        let twice = trecho_normalize::run(&document(once.text.clone(), Format::Text));
        prop_assert_eq!(&twice.text, &once.text);
        prop_assert_eq!(twice.sentences.len(), once.sentences.len());
    }

    #[test]
    fn languages_are_en_or_es_and_overridden(text in news_like()) {
        let mut given = document(text, Format::Text);
        given.lang = Some(Lang::Es);
        let normalized = trecho_normalize::run(&given);
        prop_assert_eq!(normalized.lang, Lang::Es);
    }
}

#[test]
fn long_sentences_are_split_with_a_diagnostic() {
    let sentence = format!("{}end.", "word, ".repeat(1_000));
    let normalized = trecho_normalize::run(&document(sentence, Format::Text));
    check_invariants(
        &document(format!("{}end.", "word, ".repeat(1_000)), Format::Text),
        &normalized,
    );
    assert!(normalized.sentences.len() >= 3);
    assert!(normalized
        .sentences
        .iter()
        .all(|sentence| sentence.end - sentence.start <= 2_000));
    assert_eq!(normalized.diagnostics.len(), 1);
    assert!(normalized.diagnostics[0]
        .message
        .contains("over the limit of 2000"));
}

/// Inputs found by the `normalize` fuzz target.
#[test]
fn fuzz_found_inputs_are_idempotent() {
    for text in [
        "THE BORDER REVIEW [[link removed\u{0}\u{0}\u{11}\u{0}]]\n\nTrump's Water War With Mexico",
        "Share this article [[link\u{200B}removed]]\nNext line.",
        "Mexico said <https://a\u{0}b> it would act.",
    ] {
        let once = trecho_normalize::run(&document(text.to_string(), Format::Text));
        let twice = trecho_normalize::run(&document(once.text.clone(), Format::Text));
        assert_eq!(twice.text, once.text, "{text:?}");
        assert!(!once.text.contains("link"), "{:?}", once.text);
    }
}
