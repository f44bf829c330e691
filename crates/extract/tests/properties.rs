//! Properties of the whole sentence extractor on arbitrary text: it never panics, its evidence
//! is the sentence as given, and every trigger offset lies on a character boundary inside it.
//! The generators lean on what the newer rules read: wire datelines and agency credits in
//! parentheses, dashes of every width, commas around relative clauses, capitals-only headlines
//! and accented Spanish.

use proptest::prelude::*;
use trecho_extract::{extract_sentence, Dictionaries};
use trecho_model::Lang;

fn dictionaries() -> &'static Dictionaries {
    static DICTIONARIES: std::sync::OnceLock<Dictionaries> = std::sync::OnceLock::new();
    DICTIONARIES.get_or_init(Dictionaries::builtin)
}

/// Words and marks the extractor's rules react to, strung together at random.
fn pieces() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "QUITO",
        "(AFP)",
        "( AFP)",
        "(Reuters)",
        "-",
        "–",
        "—",
        ",",
        ";",
        "(",
        ")",
        "que",
        "which",
        "protestaron",
        "se",
        "manifiestan",
        "SE",
        "UN",
        "unos",
        "210",
        "detenidos",
        "sin",
        "without",
        "March",
        "MARCH",
        "FOURTH",
        "on",
        "will",
        "go",
        "into",
        "effect",
        "tariffs",
        "the",
        "proposed",
        "Mexico",
        "México",
        "Sheinbaum",
        "Trump",
        "told",
        "AFP",
        "by",
        "phone",
        "según",
        "el",
        "gobierno",
        "A",
        "raíz",
        "del",
        "secuestro",
        "Tras",
        "corregimiento",
        "Rincon",
        "Hondo",
        "en",
        "negotiations",
        "to",
        "finalize",
        "a",
        "plan",
        "We",
        "cannot",
        "allow",
        "harm",
        "the",
        "USA",
        "therefore",
        "no",
        "U.S.",
        "forces",
        "harmed",
        "All",
        "acordaron",
        "una",
        "huelga",
        "ñ",
        "é",
        "\"",
        "?",
    ]);
    prop::collection::vec(words, 0..40).prop_map(|w| w.join(" "))
}

fn check(sentence: &str, lang: Lang) {
    for (event, explanation) in extract_sentence(sentence, lang, None, None, dictionaries()) {
        assert_eq!(event.sentence, sentence);
        assert!(!explanation.steps.is_empty());
        for actor in [&event.actor, &event.recipient].into_iter().flatten() {
            assert!(!actor.text.is_empty());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_text_extracts_without_panicking(text in "\\PC{0,160}", spanish in any::<bool>()) {
        check(&text, if spanish { Lang::Es } else { Lang::En });
    }

    #[test]
    fn rule_words_in_any_order_extract_without_panicking(text in pieces(), spanish in any::<bool>()) {
        check(&text, if spanish { Lang::Es } else { Lang::En });
    }
}
