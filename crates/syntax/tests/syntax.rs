//! The shipped models on real sentences (golden parses), the tree invariants on arbitrary text
//! (property tests), and training end to end on a slice of a treebank.

use proptest::prelude::*;
use std::path::PathBuf;
use trecho_syntax::{conllu, train, Model, Parsed, Scratch};

fn parse(lang: &str, sentence: &str) -> Parsed {
    Model::builtin(lang)
        .expect("shipped model")
        .parse(sentence, &mut Scratch::default())
}

/// One line a word: id, form, lemma, UPOS, features, head, relation, surface range.
fn readable(sentence: &str, parsed: &Parsed) -> String {
    let mut out = format!("{sentence}\n");
    for (i, w) in parsed.words.iter().enumerate() {
        out.push_str(&format!(
            "{:>2} {:<14} {:<12} {:<6} {:<40} {:>2} {:<12} {}\n",
            i + 1,
            w.form,
            w.lemma,
            w.upos,
            w.feats,
            w.head,
            w.deprel,
            &sentence[w.start..w.end]
        ));
    }
    out
}

/// The word with this form (the first one).
fn word<'a>(parsed: &'a Parsed, form: &str) -> &'a trecho_syntax::Word {
    parsed
        .words
        .iter()
        .find(|w| w.form == form)
        .unwrap_or_else(|| panic!("no word {form:?} in {parsed:?}"))
}

fn check_tree(text: &str, parsed: &Parsed) {
    if let Some(problem) = parsed.problem(text) {
        panic!("{problem} in {text:?}: {parsed:?}");
    }
}

#[test]
fn broken_trees_are_caught() {
    let text = "Mexico said no.";
    let mut p = parse("en", text);
    check_tree(text, &p);
    p.words[0].head = 1;
    assert!(p.problem(text).is_some());
    let mut p = parse("en", text);
    let root = p.words.iter().position(|w| w.head == 0).unwrap();
    p.words[root].head = if root == 0 { 2 } else { 1 };
    assert!(p.problem(text).is_some(), "no root, or a cycle");
}

// Real sentences: corpus/demo (US statements, 2025) and the Mexican president's morning
// conference of 9 December 2025 (gob.mx).
const ENGLISH: [&str; 3] = [
    "I've been speaking to Mexico; they know how I stand.",
    "We're losing hundreds of thousands of people to drugs.",
    "So let me just put it this way: I am not happy with Mexico.",
];
const SPANISH: [&str; 3] = [
    "Les adelanto que el día de hoy a las 02:00 de la tarde ya se tenía una reunión con el área técnica de Estados Unidos.",
    "Y yo espero que haya un acuerdo.",
    "La actuación entre las distintas instituciones de Seguridad del país ha contribuido a una notable disminución del trasiego de drogas en la frontera con los Estados Unidos de América.",
];

#[test]
fn golden_english_news() {
    let out: Vec<String> = ENGLISH
        .iter()
        .map(|s| readable(s, &parse("en", s)))
        .collect();
    insta::assert_snapshot!(out.join("\n"));
}

#[test]
fn golden_spanish_news() {
    let out: Vec<String> = SPANISH
        .iter()
        .map(|s| readable(s, &parse("es", s)))
        .collect();
    insta::assert_snapshot!(out.join("\n"));
}

#[test]
fn english_clitics_are_words_of_their_token() {
    let s = "Mexico's president said the U.S. doesn't decide.";
    let p = parse("en", s);
    check_tree(s, &p);
    let forms: Vec<&str> = p.words.iter().map(|w| w.form.as_str()).collect();
    assert_eq!(
        forms,
        [
            "Mexico",
            "'s",
            "president",
            "said",
            "the",
            "U.S.",
            "does",
            "n't",
            "decide",
            "."
        ]
    );
    assert_eq!(p.multiwords.len(), 2);
    assert_eq!(&s[p.multiwords[0].start..p.multiwords[0].end], "Mexico's");
    assert_eq!(word(&p, "n't").lemma, "not");
    assert_eq!(word(&p, "said").feat("Tense"), Some("Past"));
    assert_eq!(word(&p, "president").deprel, "nsubj");
}

#[test]
fn spanish_contractions_and_clitics_are_split() {
    let s = "El gobierno del país tendrá que dárselo al pueblo.";
    let p = parse("es", s);
    check_tree(s, &p);
    let forms: Vec<&str> = p.words.iter().map(|w| w.form.as_str()).collect();
    assert_eq!(
        forms,
        [
            "El", "gobierno", "de", "el", "país", "tendrá", "que", "dar", "se", "lo", "a", "el",
            "pueblo", "."
        ]
    );
    let dar = word(&p, "dar");
    assert_eq!(&s[dar.start..dar.end], "dárselo");
    assert_eq!(word(&p, "tendrá").feat("Tense"), Some("Fut"));
    assert_eq!(word(&p, "gobierno").deprel, "nsubj");
}

#[test]
fn words_that_end_like_clitics_stay_whole() {
    let p = parse("es", "La clase media paga los aranceles.");
    assert!(p.words.iter().any(|w| w.form == "clase"), "{p:?}");
    assert!(p.multiwords.is_empty());
}

#[test]
fn english_plurals_are_not_split_like_treebank_typos() {
    // The treebank spells "lets" for "let's" and "its" for "it's" (Typo=Yes); those are no rule
    // for splitting an unknown plural.
    let s = "Trump signed orders imposing tariffs on goods from the two countries.";
    let p = parse("en", s);
    check_tree(s, &p);
    assert!(p.multiwords.is_empty(), "{p:?}");
    assert_eq!(word(&p, "tariffs").upos, "NOUN");
}

#[test]
fn golden_sentences_are_well_formed_trees() {
    for s in ENGLISH {
        check_tree(s, &parse("en", s));
    }
    for s in SPANISH {
        check_tree(s, &parse("es", s));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_text_gives_a_tree(text in "\\PC{0,120}") {
        for lang in ["en", "es"] {
            check_tree(&text, &parse(lang, &text));
        }
    }

    #[test]
    fn word_like_text_gives_a_tree(words in proptest::collection::vec(
        "(Mexico's|don't|del|al|dárselo|U\\.S\\.|\\(|\\)|\"|,|\\.|-|cárteles|tariffs|—|[a-zA-Záéñ]{1,9}|[0-9]{1,4})", 0..40)) {
        let text = words.join(" ");
        for lang in ["en", "es"] {
            check_tree(&text, &parse(lang, &text));
        }
    }
}

fn ud(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/ud")
        .join(name)
}

#[test]
fn training_on_a_slice_is_reproducible_and_parses() {
    let train_file = ud("en_ewt-ud-train.conllu");
    let dev_file = ud("en_ewt-ud-dev.conllu");
    if !train_file.exists() {
        eprintln!("skipped: {} is not here", train_file.display());
        return;
    }
    let mut options = train::Options::new("en", vec![train_file], vec![dev_file]);
    options.limit = Some(300);
    options.tagger_epochs = 3;
    options.parser_epochs = 3;
    options.folds = 2;
    let first = train::train(&options, &mut |_| {}).unwrap().to_bytes();
    let second = train::train(&options, &mut |_| {}).unwrap().to_bytes();
    assert!(
        first == second,
        "the same data and seed give the same bytes"
    );
    let model = Model::from_bytes(&first).unwrap();
    assert_eq!(
        model.to_bytes(),
        first,
        "reading and writing a model keeps its bytes"
    );
    let text = "The president said the tariffs will start on Monday.";
    let p = model.parse(text, &mut Scratch::default());
    check_tree(text, &p);
    // 300 sentences are enough to tag the commonest words.
    assert_eq!(word(&p, "The").upos, "DET");
    assert_eq!(word(&p, "said").upos, "VERB");
    options.seed = 2;
    let other = train::train(&options, &mut |_| {}).unwrap().to_bytes();
    assert!(other != first, "the seed matters");
}

#[test]
fn truncated_or_foreign_model_bytes_are_errors() {
    let bytes = Model::builtin("en").unwrap().to_bytes();
    assert!(Model::from_bytes(&bytes[..bytes.len() / 2]).is_err());
    assert!(Model::from_bytes(b"not a model").is_err());
    let e = Model::from_bytes(b"").unwrap_err();
    assert!(e.to_string().contains("offset 0"), "{e}");
}

#[test]
fn malformed_treebanks_name_file_and_line() {
    let text =
        "# text = a\n1\ta\ta\tDET\t_\t_\t0\troot\t_\t_\n2\tb\tb\tNOUN\t_\t_\tz\tnsubj\t_\t_\n";
    let e = conllu::read(text, "bad.conllu").unwrap_err();
    assert_eq!((e.source_name.as_str(), e.line), ("bad.conllu", 3));
}

#[test]
fn shipped_models_score_the_treebanks_they_were_not_trained_on() {
    // Floors well under the README's figures: a check that the shipped weights are the
    // trained ones, not a target.
    for (lang, file, upos, las) in [
        ("en", "en_ewt-ud-test.conllu", 93.0, 75.0),
        ("es", "es_gsd-ud-test.conllu", 90.0, 68.0),
    ] {
        let path = ud(file);
        if !path.exists() {
            continue;
        }
        let gold = train::read_files(&[path]).unwrap();
        let gold = &gold[..400.min(gold.len())];
        let s = trecho_syntax::eval::score(Model::builtin(lang).unwrap(), gold);
        assert!(s.upos > upos && s.las > las, "{file}: {s:?}");
    }
}

/// `Model::tag` gives the words, tags, features and lemmas of `parse`, without a tree.
#[test]
fn tagging_alone_gives_the_parse_s_words_without_heads() {
    for (lang, sentence) in [
        ("en", "Trump said land strikes will commence soon."),
        (
            "es",
            "Nosotros no aceptamos una intervención de ningún gobierno extranjero.",
        ),
    ] {
        let model = Model::builtin(lang).unwrap();
        let parsed = model.parse(sentence, &mut Scratch::default());
        let tagged = model.tag(sentence, &mut Scratch::default());
        assert_eq!(parsed.words.len(), tagged.words.len());
        for (p, t) in parsed.words.iter().zip(&tagged.words) {
            assert_eq!(
                (&p.form, p.upos, &p.feats, &p.lemma, p.start, p.end),
                (&t.form, t.upos, &t.feats, &t.lemma, t.start, t.end)
            );
            assert_eq!((t.head, t.deprel.as_str()), (0, ""));
        }
        assert!(parsed.words.iter().any(|w| w.head != 0));
    }
}
