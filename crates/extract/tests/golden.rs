//! Golden tests on real paragraphs: US federal public-domain text (White House and State
//! Department releases) and Spanish sentences from the UniversalPetrarch gold sets (MIT), run
//! through `trecho_extract::run` on a hand-built normalized document.

use trecho_extract::{run, Dictionaries};
use trecho_model::{EventType, Kind, Lang, Normalized, Sentence, SpeechAct};

/// Builds a normalized document from sentences (one paragraph, separated by spaces).
fn document(sentences: &[&str], lang: Lang, published: &str) -> Normalized {
    let mut text = String::new();
    let mut spans = Vec::new();
    for sentence in sentences {
        if !text.is_empty() {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(sentence);
        spans.push(Sentence {
            start,
            end: text.len(),
            paragraph: 0,
            lang,
            speaker: None,
        });
    }
    Normalized {
        text,
        sentences: spans,
        published: chrono::NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
        lang,
        offset_map: vec![],
        diagnostics: vec![],
    }
}

/// One line per event: type kind speech_act content actor→recipient [negated] [hypothetical].
fn render(normalized: &Normalized) -> Vec<String> {
    let dictionaries = Dictionaries::builtin();
    let extraction = run("doc", normalized, &dictionaries);
    assert_eq!(extraction.events.len(), extraction.explanations.len());
    extraction
        .events
        .iter()
        .map(|event| {
            assert_eq!(
                &normalized.text[event.span[0]..event.span[1]],
                event.sentence
            );
            assert_eq!(event.quad, event.event_type.quad());
            assert!(event.kind == Kind::Said || event.speech_act.is_none());
            assert!((0.0..=1.0).contains(&event.confidence));
            let country = |a: &Option<trecho_model::Actor>| {
                a.as_ref()
                    .and_then(|a| a.country.clone())
                    .unwrap_or_else(|| "-".into())
            };
            format!(
                "{} {} {} {} {}→{}{}{}",
                event.event_type,
                event.kind,
                event.speech_act.map_or("-", SpeechAct::as_str),
                event.content_type.map_or("-", EventType::as_str),
                country(&event.actor),
                country(&event.recipient),
                if event.negated { " negated" } else { "" },
                if event.hypothetical {
                    " hypothetical"
                } else {
                    ""
                },
            )
        })
        .collect()
}

#[test]
fn white_house_tariff_fact_sheet() {
    // The White House, "Fact Sheet: President Donald J. Trump Imposes Tariffs on Imports from
    // Canada, Mexico and China", February 1, 2025 (US federal work, public domain).
    let normalized = document(
        &[
            "President Donald J. Trump is implementing a 25% additional tariff on imports from Canada and Mexico and a 10% additional tariff on imports from China.",
            "The extraordinary threat posed by illegal aliens and drugs, including deadly fentanyl, constitutes a national emergency under the International Emergency Economic Powers Act (IEEPA).",
            "Mexico's cartels are the world's leading traffickers of fentanyl, meth, and other drugs.",
        ],
        Lang::En,
        "2025-02-01",
    );
    let lines = render(&normalized);
    assert_eq!(
        lines.first().map(String::as_str),
        Some("SANCTION done - - USA→CAN"),
        "{lines:#?}"
    );
    assert!(
        lines.iter().any(|l| l == "SANCTION done - - USA→MEX"),
        "{lines:#?}"
    );
    // Background description of cartels is no event between actors.
    assert!(
        lines.iter().all(|l| !l.starts_with("ASSAULT")),
        "{lines:#?}"
    );
}

#[test]
fn state_department_terrorist_designation() {
    // US Department of State, "Designation of International Cartels", February 20, 2025 (public
    // domain).
    let normalized = document(
        &[
            "Today, the Department of State designated Tren de Aragua, Mara Salvatrucha, Cartel de Sinaloa and Cartel de Jalisco Nueva Generacion as Foreign Terrorist Organizations.",
            "The United States will use every tool at its disposal to protect the American people.",
        ],
        Lang::En,
        "2025-02-20",
    );
    let lines = render(&normalized);
    assert!(
        lines
            .first()
            .is_some_and(|l| l.starts_with("SANCTION done - - USA→")),
        "{lines:#?}"
    );
    let dictionaries = Dictionaries::builtin();
    let extraction = run("doc", &normalized, &dictionaries);
    let first = &extraction.events[0];
    // The date resolves to the publication day ("Today").
    assert_eq!(
        first.date.map(|d| d.to_string()).as_deref(),
        Some("2025-02-20")
    );
    // Ids are stable and distinct.
    let again = run("doc", &normalized, &dictionaries);
    assert_eq!(
        extraction.events.iter().map(|e| &e.id).collect::<Vec<_>>(),
        again.events.iter().map(|e| &e.id).collect::<Vec<_>>()
    );
    // Explanations name the lexicon entry that fired.
    assert!(
        extraction.explanations[0]
            .steps
            .iter()
            .any(|s| s.contains("lexicon_en.tsv:")),
        "{:#?}",
        extraction.explanations[0]
    );
}

#[test]
fn threats_promises_and_red_lines_in_english() {
    let normalized = document(
        &[
            "Trump threatened Sheinbaum with more tariffs again this month to force Mexico to send more water from its reservoirs to farmers and ranchers in Texas.",
            "Sheinbaum said Mexico would not accept a US military intervention.",
            "Analysts said the United States could strike cartel targets inside Mexico.",
        ],
        Lang::En,
        "2025-12-24",
    );
    let lines = render(&normalized);
    assert_eq!(
        lines[0], "THREATEN said threat SANCTION USA→MEX",
        "{lines:#?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("REJECT said red_line ASSAULT MEX→USA")),
        "{lines:#?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("ASSAULT said other - USA→MEX") && l.ends_with("hypothetical")),
        "{lines:#?}"
    );
}

#[test]
fn spanish_protest_and_fight_sentences() {
    // Sentences from UniversalPetrarch's Spanish validation sets (MIT).
    let normalized = document(
        &[
            "Guerrilleros del Frente 21 de las FARC EP atacaron el puesto de Policia de esta poblacion durante horas de la mannana",
            "Paramilitares ejecutaron en el sitio Vuelta de los Balsos , vereda Corinto a dos personas",
            "Guerrilleros del Frente 13 de las FARC EP amenazaron de muerte a traves de un comuicado a los candidatos a la gobernacion , alcaldias , y concejos municipales en el Huila",
            "Los pescadores exigen la aplicación estricta de la reglamentación de la Comunidad Económica Europea.",
        ],
        Lang::Es,
        "2000-05-16",
    );
    let lines = render(&normalized);
    let types: Vec<&str> = lines
        .iter()
        .map(|l| l.split(' ').next().unwrap_or(""))
        .collect();
    assert_eq!(
        types,
        ["ASSAULT", "ASSAULT", "THREATEN", "REQUEST"],
        "{lines:#?}"
    );
    assert!(lines[0].starts_with("ASSAULT done - - COL→"), "{lines:#?}");
    assert!(
        lines[2].starts_with("THREATEN said threat ASSAULT COL→"),
        "{lines:#?}"
    );
}
