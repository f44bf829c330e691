//! Golden tests on the product's own domain: US–Mexico statements of 2025–26 from `corpus/demo`
//! and the synthetic magazine article of `testdata/magazine`. Each expectation was coded by
//! reading the sentence (see `testdata/magazine/EXPECTED.md` and `testdata/chains/**/EXPECTED.md`),
//! not copied from the extractor's output.
//!
//! Set `TRECHO_DUMP=1` to print every event of the documents read.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use trecho_extract::Dictionaries;
use trecho_model::{Event, EventType, Kind, SpeechAct};

static DICTIONARIES: LazyLock<Dictionaries> = LazyLock::new(Dictionaries::builtin);

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Reads, normalizes and extracts one file of the repository, as the CLI does.
fn events_of(relative: &str) -> Vec<Event> {
    let path = repo().join(relative);
    let bytes = std::fs::read(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
    let format = trecho_ingest::detect_format(&path, &bytes);
    let parsed = trecho_ingest::parse(&bytes, relative, format)
        .unwrap_or_else(|err| panic!("{relative}: {err}"));
    let mut events = Vec::new();
    for document in &parsed.documents {
        let normalized = trecho_normalize::run(document);
        events.extend(trecho_extract::run("golden", &normalized, &DICTIONARIES).events);
    }
    if std::env::var("TRECHO_DUMP").is_ok() {
        for event in &events {
            eprintln!("{}", line(event));
        }
    }
    events
}

fn country(actor: &Option<trecho_model::Actor>) -> Option<&str> {
    actor.as_ref().and_then(|a| a.country.as_deref())
}

fn line(event: &Event) -> String {
    let side = |a: &Option<trecho_model::Actor>| {
        a.as_ref()
            .map(|a| format!("{}[{}]", a.text, a.country.as_deref().unwrap_or("-")))
            .unwrap_or_else(|| "-".into())
    };
    format!(
        "{} {} {:?} content={:?} {} → {} neg={} hyp={} count={:?} | {}",
        event.event_type,
        event.kind,
        event.speech_act,
        event.content_type,
        side(&event.actor),
        side(&event.recipient),
        event.negated,
        event.hypothetical,
        event.reported_count,
        event.sentence
    )
}

/// The events whose sentence contains `needle`.
fn at<'a>(events: &'a [Event], needle: &str) -> Vec<&'a Event> {
    events
        .iter()
        .filter(|e| e.sentence.contains(needle))
        .collect()
}

/// What an analyst expects of one event: type, kind, speech act, content type, actor and
/// recipient country.
struct Expect {
    event_type: EventType,
    kind: Kind,
    speech_act: Option<SpeechAct>,
    content_type: Option<EventType>,
    actor: Option<&'static str>,
    recipient: Option<&'static str>,
}

fn assert_has(events: &[Event], needle: &str, expect: &Expect) -> Event {
    let found = at(events, needle);
    let hit = found.iter().find(|e| {
        e.event_type == expect.event_type
            && e.kind == expect.kind
            && e.speech_act == expect.speech_act
            && e.content_type == expect.content_type
            && country(&e.actor) == expect.actor
            && country(&e.recipient) == expect.recipient
    });
    match hit {
        Some(event) => (*event).clone(),
        None => panic!(
            "no {} {} {:?} {:?} {:?}→{:?} event at {needle:?}; found:\n{}",
            expect.event_type,
            expect.kind,
            expect.speech_act,
            expect.content_type,
            expect.actor,
            expect.recipient,
            found.iter().map(|e| line(e)).collect::<Vec<_>>().join("\n")
        ),
    }
}

fn assert_none(events: &[Event], needle: &str) {
    let found = at(events, needle);
    assert!(
        found.is_empty(),
        "background sentence {needle:?} gave events:\n{}",
        found.iter().map(|e| line(e)).collect::<Vec<_>>().join("\n")
    );
}

/// Words that only open a fragment ("I just", "We further", "That means", "So far the", "None of
/// the", "Would I"): never an actor's text.
fn assert_no_fragment_actors(events: &[Event]) {
    const HEADS: &[&str] = &[
        "i",
        "we",
        "that",
        "so",
        "none",
        "would",
        "it",
        "they",
        "he",
        "she",
        "god",
        "cooperation",
    ];
    for event in events {
        for actor in [&event.actor, &event.recipient].into_iter().flatten() {
            {
                let head = actor
                    .text
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .to_lowercase();
                assert!(
                    !HEADS.contains(&head.as_str()),
                    "fragment actor {:?}: {}",
                    actor.text,
                    line(event)
                );
            }
        }
    }
}

static MAGAZINE: LazyLock<Vec<Event>> =
    LazyLock::new(|| events_of("testdata/magazine/article.eml"));

#[test]
fn magazine_reported_threat_counted_seventeen_times() {
    // S02: a future act in reported speech is a threat, not a deed.
    let event = assert_has(
        &MAGAZINE,
        "land strikes on the cartels in Mexico would come",
        &Expect {
            event_type: EventType::Threaten,
            kind: Kind::Said,
            speech_act: Some(SpeechAct::Threat),
            content_type: Some(EventType::Assault),
            actor: Some("USA"),
            recipient: Some("MEX"),
        },
    );
    assert_eq!(event.reported_count, Some(17));
    assert!(
        !at(
            &MAGAZINE,
            "land strikes on the cartels in Mexico would come"
        )
        .iter()
        .any(|e| e.kind == Kind::Done),
        "no deed in S02"
    );
}

#[test]
fn magazine_red_line_on_a_pronoun_object() {
    // S03: "Mexico will not allow them" — them = the land strikes of S02, threatened by the US.
    assert_has(
        &MAGAZINE,
        "Mexico will not allow them",
        &Expect {
            event_type: EventType::Reject,
            kind: Kind::Said,
            speech_act: Some(SpeechAct::RedLine),
            content_type: Some(EventType::Assault),
            actor: Some("MEX"),
            recipient: Some("USA"),
        },
    );
}

#[test]
fn magazine_red_line_no_strikes_is_held_by_mexico() {
    // S14: the US act is ruled out; the holder is Sheinbaum (named in S13), never the US military.
    assert_has(
        &MAGAZINE,
        "there will be no US military strikes on Mexican soil",
        &Expect {
            event_type: EventType::Reject,
            kind: Kind::Said,
            speech_act: Some(SpeechAct::RedLine),
            content_type: Some(EventType::Assault),
            actor: Some("MEX"),
            recipient: Some("USA"),
        },
    );
    assert!(at(&MAGAZINE, "there will be no US military strikes")
        .iter()
        .all(|e| country(&e.actor) != Some("USA")));
}

#[test]
fn magazine_we_do_not_accept_is_sheinbaums() {
    // S15: "we" inside the quote is the speaker "she", who is Sheinbaum.
    let events = at(&MAGAZINE, "We do not accept intervention");
    assert!(
        events
            .iter()
            .any(|e| e.speech_act == Some(SpeechAct::RedLine) && country(&e.actor) == Some("MEX")),
        "{:#?}",
        events.iter().map(|e| line(e)).collect::<Vec<_>>()
    );
}

#[test]
fn magazine_red_line_no_armed_troops_is_held_by_mexico() {
    // S16: "no armed US troops will be embedded" (a passive, with "she has said" in the middle
    // and another clause's "may" beside it) is Sheinbaum's red line on a US deployment, not a
    // hypothetical and not the act of the Mexican soldiers named after the reporting verb.
    let event = assert_has(
        &MAGAZINE,
        "no armed US troops will be embedded",
        &Expect {
            event_type: EventType::Reject,
            kind: Kind::Said,
            speech_act: Some(SpeechAct::RedLine),
            content_type: Some(EventType::Mobilize),
            actor: Some("MEX"),
            recipient: Some("USA"),
        },
    );
    assert!(!event.hypothetical, "{}", line(&event));
    // S15: "any foreign government" is of no known country, least of all Mexico.
    assert!(at(&MAGAZINE, "We do not accept intervention")
        .iter()
        .all(|e| country(&e.recipient) != Some("MEX")));
    // S60: "It is not going to happen," she said: her red line, not an act of "it".
    let events = at(&MAGAZINE, "It is not going to happen");
    assert!(
        events
            .iter()
            .any(|e| e.speech_act == Some(SpeechAct::RedLine)
                && country(&e.actor) == Some("MEX")
                && country(&e.recipient) == Some("USA")),
        "{:#?}",
        events.iter().map(|e| line(e)).collect::<Vec<_>>()
    );
}

#[test]
fn magazine_authorized_tariff_and_escalation_are_threats() {
    // S36: a tariff "authorized" and held over Mexico; S41: "would keep escalating
    // consequences, including tariffs and possibly sanctions" — the hedge "possibly" hedges the
    // sanctions after it, not the threat before it.
    for needle in [
        "he had authorized a 5 percent tariff",
        "would keep escalating consequences",
    ] {
        let event = assert_has(
            &MAGAZINE,
            needle,
            &Expect {
                event_type: EventType::Threaten,
                kind: Kind::Said,
                speech_act: Some(SpeechAct::Threat),
                content_type: Some(EventType::Sanction),
                actor: Some("USA"),
                recipient: Some("MEX"),
            },
        );
        assert!(!event.hypothetical, "{}", line(&event));
    }
}

#[test]
fn magazine_designation_is_a_sanction() {
    // S27.
    assert_has(
        &MAGAZINE,
        "designated six Mexican cartels as foreign terrorist",
        &Expect {
            event_type: EventType::Sanction,
            kind: Kind::Done,
            speech_act: None,
            content_type: None,
            actor: Some("USA"),
            recipient: Some("MEX"),
        },
    );
}

#[test]
fn magazine_transfers_are_mexican_cooperation() {
    // S24: "It" = Mexico (S23); 55 cartel figures sent to the United States.
    assert_has(
        &MAGAZINE,
        "It has sent 55 cartel figures to the United States",
        &Expect {
            event_type: EventType::Cooperate,
            kind: Kind::Done,
            speech_act: None,
            content_type: None,
            actor: Some("MEX"),
            recipient: Some("USA"),
        },
    );
}

#[test]
fn magazine_tariff_threat_for_water() {
    // S34: the example record of spec/events.md.
    assert_has(
        &MAGAZINE,
        "Trump threatened Sheinbaum with more tariffs again this month",
        &Expect {
            event_type: EventType::Threaten,
            kind: Kind::Said,
            speech_act: Some(SpeechAct::Threat),
            content_type: Some(EventType::Sanction),
            actor: Some("USA"),
            recipient: Some("MEX"),
        },
    );
}

#[test]
fn magazine_background_gives_nothing() {
    for needle in [
        "The message from Washington has not changed",
        "Last week I drove from Reynosa",
        "The farmers I met",
        "Mexico sold about $505 billion",
        "The red lines are only half the story",
    ] {
        assert_none(&MAGAZINE, needle);
    }
}

#[test]
fn magazine_no_fragment_actors() {
    assert_no_fragment_actors(&MAGAZINE);
}

#[test]
fn magazine_question_is_hypothetical_without_fragment_actor() {
    // S04: "Would I launch strikes in Mexico to stop drugs?" — hypothetical; "I" is Trump or null.
    for event in at(&MAGAZINE, "Would I launch strikes") {
        assert!(
            event.kind != Kind::Done || event.hypothetical,
            "{}",
            line(event)
        );
        assert!(
            event
                .actor
                .as_ref()
                .is_none_or(|a| a.country.as_deref() == Some("USA")),
            "{}",
            line(event)
        );
    }
}

#[test]
fn truth_social_first_person_is_the_author() {
    let events = events_of("corpus/demo/2025-02-03_trump_truth_social_mexico_pause.txt");
    assert_no_fragment_actors(&events);
    // "We further agreed to immediately pause the anticipated tariffs": Trump (USA), not "We further".
    let paused = at(&events, "We further agreed");
    assert!(!paused.is_empty(), "no event for the pause");
    assert!(
        paused.iter().all(|e| country(&e.actor) == Some("USA")),
        "{:#?}",
        paused.iter().map(|e| line(e)).collect::<Vec<_>>()
    );
    // "she agreed to immediately supply 10,000 Mexican Soldiers": she = Sheinbaum (named in the
    // sentence before).
    let supplied = at(&events, "she agreed to immediately supply");
    assert!(
        supplied.iter().any(|e| country(&e.actor) == Some("MEX")),
        "{:#?}",
        supplied.iter().map(|e| line(e)).collect::<Vec<_>>()
    );
}

#[test]
fn truth_social_statistics_and_slogans_give_nothing() {
    let events = events_of("corpus/demo/2025-02-27_trump_truth_social_tariffs_march_fourth.txt");
    assert_no_fragment_actors(&events);
    assert_none(&events, "More than 100,000 people died last year");
    assert_none(&events, "Millions of people have died");
    assert_none(
        &events,
        "The April Second Reciprocal Tariff date will remain",
    );
    assert_none(&events, "GOD BLESS AMERICA");
}

#[test]
fn object_list_is_not_coordinated_agreement() {
    // "hold Mexico, Canada, and China accountable to their promises": no agreement between the
    // three listed countries.
    let events = events_of("corpus/demo/2025-02-01_wh_tariffs_canada_mexico_china.html");
    let listed = ["MEX", "CAN", "CHN"];
    for event in at(&events, "accountable to their promises") {
        let pair = (country(&event.actor), country(&event.recipient));
        assert!(
            !(pair.0.is_some_and(|c| listed.contains(&c))
                && pair.1.is_some_and(|c| listed.contains(&c))),
            "reciprocal pair inside an object list: {}",
            line(event)
        );
    }
    // The tariffs are imposed by the United States.
    assert_has(
        &events,
        "is implementing a 25% additional tariff on imports from Canada and Mexico",
        &Expect {
            event_type: EventType::Sanction,
            kind: Kind::Done,
            speech_act: None,
            content_type: None,
            actor: Some("USA"),
            recipient: Some("CAN"),
        },
    );
}

#[test]
fn custody_from_mexico_is_mexican_cooperation() {
    let events = events_of("corpus/demo/2025-02-27_doj_29_defendants_from_mexico.eml");
    assert_has(
        &events,
        "secured custody of 29 defendants from Mexico",
        &Expect {
            event_type: EventType::Cooperate,
            kind: Kind::Done,
            speech_act: None,
            content_type: None,
            actor: Some("MEX"),
            recipient: Some("USA"),
        },
    );
    assert!(at(&events, "secured custody of 29 defendants")
        .iter()
        .all(|e| e.event_type != EventType::Assault));
}

#[test]
fn red_lines_never_have_the_ruled_out_party_as_actor() {
    for events in [&*MAGAZINE, &events_of("corpus/demo/mx_quotes_es.jsonl")] {
        for event in events
            .iter()
            .filter(|e| e.speech_act == Some(SpeechAct::RedLine))
        {
            assert_ne!(country(&event.actor), Some("USA"), "{}", line(event));
        }
    }
}

#[test]
fn magazine_plain_text_copy_agrees_on_threat_and_red_lines() {
    // The hard-wrapped .txt copy of the same article (forwarded message, hyphenations).
    let events = events_of("testdata/magazine/article.txt");
    assert_no_fragment_actors(&events);
    let threat = Expect {
        event_type: EventType::Threaten,
        kind: Kind::Said,
        speech_act: Some(SpeechAct::Threat),
        content_type: Some(EventType::Assault),
        actor: Some("USA"),
        recipient: Some("MEX"),
    };
    assert_eq!(
        assert_has(
            &events,
            "land strikes on the cartels in Mexico would come",
            &threat
        )
        .reported_count,
        Some(17)
    );
    let red_line = Expect {
        event_type: EventType::Reject,
        kind: Kind::Said,
        speech_act: Some(SpeechAct::RedLine),
        content_type: Some(EventType::Assault),
        actor: Some("MEX"),
        recipient: Some("USA"),
    };
    assert_has(&events, "Mexico will not allow them", &red_line);
    assert_has(
        &events,
        "there will be no US military strikes on Mexican soil",
        &red_line,
    );
    assert_none(&events, "Last week I drove from Reynosa");
}

#[test]
fn magazine_answer_to_a_question_is_a_threat() {
    // S04–S05: "Would I launch strikes in Mexico to stop drugs? It's OK with me," Trump told
    // reporters: the answer approves the act the question raised.
    let event = assert_has(
        &MAGAZINE,
        "OK with me",
        &Expect {
            event_type: EventType::Threaten,
            kind: Kind::Said,
            speech_act: Some(SpeechAct::Threat),
            content_type: Some(EventType::Assault),
            actor: Some("USA"),
            recipient: Some("MEX"),
        },
    );
    assert!(!event.hypothetical);
    assert_eq!(
        event.date.map(|d| d.to_string()).as_deref(),
        Some("2025-11")
    );
}

#[test]
fn magazine_subject_to_attack_is_the_speakers_threat() {
    // S06: "he went further, saying of the traffickers: '… is subject to attack'": he is Trump,
    // the traffickers are whom the words are about, not their speaker.
    let event = assert_has(
        &MAGAZINE,
        "is subject to attack",
        &Expect {
            event_type: EventType::Threaten,
            kind: Kind::Said,
            speech_act: Some(SpeechAct::Threat),
            content_type: Some(EventType::Assault),
            actor: Some("USA"),
            recipient: Some("MEX"),
        },
    );
    assert_ne!(event.speaker.as_deref(), Some("traffickers"));
}

#[test]
fn magazine_elliptical_consequence_repeats_the_land_strike_threat() {
    // S58: "if Mexico does not act against the cartels, the United States will." The condition
    // names no codable act; the last threat against the cartels was of strikes.
    let event = assert_has(
        &MAGAZINE,
        "the United States will.",
        &Expect {
            event_type: EventType::Threaten,
            kind: Kind::Said,
            speech_act: Some(SpeechAct::Threat),
            content_type: Some(EventType::Assault),
            actor: Some("USA"),
            recipient: Some("MEX"),
        },
    );
    assert!(event.hypothetical, "a conditional threat");
    // S60 "It is not going to happen" then rules out that act.
    assert_has(
        &MAGAZINE,
        "It is not going to happen",
        &Expect {
            event_type: EventType::Reject,
            kind: Kind::Said,
            speech_act: Some(SpeechAct::RedLine),
            content_type: Some(EventType::Assault),
            actor: Some("MEX"),
            recipient: Some("USA"),
        },
    );
}

#[test]
fn magazine_refused_advisers_keep_their_content() {
    // S20: turning down a proposal to place armed advisers rules out a deployment.
    assert_has(
        &MAGAZINE,
        "turned down a US proposal",
        &Expect {
            event_type: EventType::Reject,
            kind: Kind::Said,
            speech_act: Some(SpeechAct::Refusal),
            content_type: Some(EventType::Mobilize),
            actor: Some("MEX"),
            recipient: Some("USA"),
        },
    );
}

#[test]
fn magazine_date_wrapped_over_two_lines() {
    // S15: "on November / 18." is one date, not a sentence "18.".
    let events = at(&MAGAZINE, "We do not accept intervention");
    assert!(
        events
            .iter()
            .any(|e| e.date.map(|d| d.to_string()).as_deref() == Some("2025-11-18")),
        "{:#?}",
        events.iter().map(|e| line(e)).collect::<Vec<_>>()
    );
}

#[test]
fn chain_troop_promise_is_made_to_the_author() {
    // Trump's own post: "she agreed to immediately supply 10,000 Mexican Soldiers on the
    // Border": Sheinbaum's promise of a deployment, made to Trump (the post's author).
    let events = events_of("testdata/chains/02_2025-02-03_trump_truth_social_mexico_pause.txt");
    let event = assert_has(
        &events,
        "supply 10,000 Mexican Soldiers",
        &Expect {
            event_type: EventType::Agree,
            kind: Kind::Said,
            speech_act: Some(SpeechAct::Promise),
            content_type: Some(EventType::Mobilize),
            actor: Some("MEX"),
            recipient: Some("USA"),
        },
    );
    assert!(!event.hypothetical);
}

#[test]
fn chain_vague_commitments_take_the_issue_of_the_sentences_before() {
    // "if Mexico continues to violate its commitments, the United States … will impose 5%
    // tariffs": the commitments are the water treaty the statement was just talking about.
    let events =
        events_of("testdata/chains/water/04_2025-12-12_usda_mexico_water_treaty_obligations.eml");
    let threats = at(&events, "continues to violate its commitments");
    assert!(
        threats.iter().any(|e| e.leverage.is_some_and(
            |l| l.lever == trecho_model::Issue::Trade && l.goal == trecho_model::Issue::Water
        )),
        "{:#?}",
        threats.iter().map(|e| line(e)).collect::<Vec<_>>()
    );
}
