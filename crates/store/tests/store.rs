//! Store tests: round trips, deduplication, every filter, SQL injection, crash-safe files.

use chrono::NaiveDate;
use trecho_model::{
    Actor, DateSource, Document, Event, EventType, Format, Issue, Kind, Lang, Leverage, Normalized,
    PartialDate, Sentence, SpeechAct,
};
use trecho_store::{EventFilter, Inserted, Store};

/// From the AP story quoted in `spec/events.md` (published 2025-12-24).
const WATER: &str = "Trump threatened Sheinbaum with more tariffs again this month to force Mexico to send more water from its reservoirs to farmers and ranchers in Texas.";
const TROOPS: &str =
    "Sheinbaum said Mexico would not accept the presence of US troops on its territory.";
const EXTRADITION: &str = "Mexico sent 26 cartel figures to the United States in August.";

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn actor(text: &str, country: &str, name: &str) -> Actor {
    Actor {
        text: text.into(),
        country: Some(country.into()),
        sector: Some("GOV".into()),
        name: Some(name.into()),
    }
}

/// A document made of the given sentences (one paragraph each), published on `published`.
fn document(id: &str, sentences: &[&str], published: &str) -> (Document, Normalized) {
    let text = sentences.join("\n\n");
    let mut spans = Vec::new();
    let mut start = 0;
    for (paragraph, sentence) in sentences.iter().enumerate() {
        spans.push(Sentence {
            start,
            end: start + sentence.len(),
            paragraph,
            lang: Lang::En,
            speaker: None,
        });
        start += sentence.len() + 2;
    }
    let document = Document {
        id: id.into(),
        source: format!("testdata/{id}.txt"),
        format: Format::Text,
        title: Some("US-Mexico".into()),
        url: None,
        published: Some(day(published)),
        lang: Some(Lang::En),
        text: text.clone(),
    };
    let normalized = Normalized {
        text,
        sentences: spans,
        published: Some(day(published)),
        lang: Lang::En,
        offset_map: vec![],
        diagnostics: vec![],
    };
    (document, normalized)
}

fn event(doc: &Normalized, doc_id: &str, sentence_idx: usize, event_type: EventType) -> Event {
    let sentence = &doc.sentences[sentence_idx];
    Event {
        id: format!("{doc_id}-{sentence_idx}-{event_type}"),
        doc_id: doc_id.into(),
        published: doc.published,
        lang: Lang::En,
        sentence: doc.sentence_text(sentence).into(),
        span: [sentence.start, sentence.end],
        date: None,
        date_source: Some(DateSource::Published),
        actor: None,
        recipient: None,
        event_type,
        mode: None,
        quad: event_type.quad(),
        kind: Kind::Done,
        speech_act: None,
        content_type: None,
        issues: vec![],
        leverage: None,
        negated: false,
        hypothetical: false,
        speaker: None,
        attribution: None,
        reported_count: None,
        confidence: 0.5,
    }
}

/// A store with two documents and three events of different shapes.
fn sample_store() -> (Store, Vec<Event>) {
    let mut store = Store::open_in_memory().unwrap();
    let (doc_a, norm_a) = document("ap-water", &[WATER, TROOPS], "2025-12-24");
    let mut threat = event(&norm_a, "ap-water", 0, EventType::Threaten);
    threat.kind = Kind::Said;
    threat.speech_act = Some(SpeechAct::Threat);
    threat.content_type = Some(EventType::Sanction);
    threat.mode = Some("sanction".into());
    threat.actor = Some(actor("Trump", "USA", "Donald Trump"));
    threat.recipient = Some(actor("Sheinbaum", "MEX", "Claudia Sheinbaum"));
    threat.issues = vec![Issue::Trade, Issue::Water];
    threat.leverage = Some(Leverage {
        lever: Issue::Trade,
        goal: Issue::Water,
    });
    threat.date = Some(PartialDate::month(2025, 12));
    threat.date_source = Some(DateSource::Relative);
    threat.confidence = 0.9;
    let mut red_line = event(&norm_a, "ap-water", 1, EventType::Reject);
    red_line.kind = Kind::Said;
    red_line.speech_act = Some(SpeechAct::RedLine);
    red_line.actor = Some(actor("Sheinbaum", "MEX", "Claudia Sheinbaum"));
    red_line.recipient = Some(actor("US", "USA", "United States"));
    red_line.issues = vec![Issue::Security];
    red_line.negated = true;
    red_line.speaker = Some("Sheinbaum".into());
    red_line.reported_count = Some(17);
    assert_eq!(
        store
            .insert_document(&doc_a, &norm_a, &[threat.clone(), red_line.clone()])
            .unwrap(),
        Inserted::New
    );
    let (doc_b, norm_b) = document("reuters-extradition", &[EXTRADITION], "2025-08-13");
    let mut extradition = event(&norm_b, "reuters-extradition", 0, EventType::Cooperate);
    extradition.actor = Some(actor("Mexico", "MEX", "Mexico"));
    extradition.recipient = Some(actor("the United States", "USA", "United States"));
    extradition.issues = vec![Issue::Justice, Issue::Drugs];
    extradition.date = Some(PartialDate::month(2025, 8));
    extradition.date_source = Some(DateSource::Text);
    assert_eq!(
        store
            .insert_document(&doc_b, &norm_b, std::slice::from_ref(&extradition))
            .unwrap(),
        Inserted::New
    );
    (store, vec![threat, red_line, extradition])
}

fn ids(store: &Store, filter: EventFilter) -> Vec<String> {
    let events = store.events(&filter).unwrap();
    if filter.limit.is_none() && filter.offset == 0 {
        assert_eq!(store.count_events(&filter).unwrap() as usize, events.len());
    }
    events.into_iter().map(|event| event.id).collect()
}

#[test]
fn events_round_trip_every_field() {
    let (store, events) = sample_store();
    assert_eq!(store.events(&EventFilter::default()).unwrap(), events);
    assert_eq!(
        store.event(&events[1].id).unwrap().as_ref(),
        Some(&events[1])
    );
    assert_eq!(store.event("no-such-event").unwrap(), None);
}

#[test]
fn documents_keep_normalized_text_and_sentences() {
    let (store, events) = sample_store();
    let stored = store.document("ap-water").unwrap().unwrap();
    assert_eq!(stored.source, "testdata/ap-water.txt");
    assert_eq!(stored.published, Some(day("2025-12-24")));
    assert_eq!(stored.sentences.len(), 2);
    assert_eq!(
        stored.content_hash,
        trecho_store::content_hash(&stored.text)
    );
    // Evidence can always be shown: every span points at its sentence in the stored text.
    for event in events.iter().filter(|event| event.doc_id == "ap-water") {
        assert_eq!(&stored.text[event.span[0]..event.span[1]], event.sentence);
    }
    assert_eq!(store.document("missing").unwrap(), None);
    let stats = store.stats().unwrap();
    assert_eq!((stats.documents, stats.sentences, stats.events), (2, 3, 3));
}

#[test]
fn same_content_is_unchanged_and_adds_nothing() {
    let (mut store, _) = sample_store();
    let before = store.stats().unwrap();
    let (doc, norm) = document("ap-water", &[WATER, TROOPS], "2025-12-24");
    let events = vec![event(&norm, "ap-water", 0, EventType::Assault)];
    assert_eq!(
        store.insert_document(&doc, &norm, &events).unwrap(),
        Inserted::Unchanged
    );
    // Same text under another id is the same report: still nothing added.
    let (mut other, _) = document("copy", &[WATER, TROOPS], "2025-12-24");
    other.source = "mirror.txt".into();
    assert_eq!(
        store.insert_document(&other, &norm, &[]).unwrap(),
        Inserted::Unchanged
    );
    assert_eq!(store.stats().unwrap(), before);
}

#[test]
fn same_id_new_content_replaces_the_document_and_its_events() {
    let (mut store, _) = sample_store();
    let (doc, norm) = document("ap-water", &[TROOPS], "2025-12-25");
    let events = vec![event(&norm, "ap-water", 0, EventType::Reject)];
    assert_eq!(
        store.insert_document(&doc, &norm, &events).unwrap(),
        Inserted::Replaced
    );
    let stored = store.events(&EventFilter {
        doc_id: Some("ap-water".into()),
        ..EventFilter::default()
    });
    assert_eq!(stored.unwrap(), events);
    let stats = store.stats().unwrap();
    assert_eq!((stats.documents, stats.sentences, stats.events), (2, 2, 2));
}

#[test]
fn an_event_of_another_document_is_refused_and_nothing_is_stored() {
    let mut store = Store::open_in_memory().unwrap();
    let (doc, norm) = document("a", &[WATER], "2025-12-24");
    let stray = event(&norm, "b", 0, EventType::Threaten);
    let err = store.insert_document(&doc, &norm, &[stray]).unwrap_err();
    assert!(err.to_string().contains("belongs to document"), "{err}");
    assert_eq!(store.stats().unwrap().documents, 0);
}

#[test]
fn every_filter_narrows() {
    let (store, events) = sample_store();
    let [threat, red_line, extradition] = [
        events[0].id.as_str(),
        events[1].id.as_str(),
        events[2].id.as_str(),
    ];
    let filter = EventFilter::default;
    assert_eq!(
        ids(
            &store,
            EventFilter {
                actor: Some("usa".into()),
                ..filter()
            }
        ),
        [threat]
    );
    assert_eq!(
        ids(
            &store,
            EventFilter {
                recipient: Some("USA".into()),
                ..filter()
            }
        ),
        [red_line, extradition]
    );
    assert_eq!(
        ids(
            &store,
            EventFilter {
                event_type: Some(EventType::Cooperate),
                ..filter()
            }
        ),
        [extradition]
    );
    assert_eq!(
        ids(
            &store,
            EventFilter {
                kind: Some(Kind::Said),
                ..filter()
            }
        ),
        [threat, red_line]
    );
    assert_eq!(
        ids(
            &store,
            EventFilter {
                issue: Some(Issue::Water),
                ..filter()
            }
        ),
        [threat]
    );
    assert_eq!(
        ids(
            &store,
            EventFilter {
                issue: Some(Issue::Energy),
                ..filter()
            }
        ),
        Vec::<String>::new()
    );
    // "2025-12" overlaps a range starting mid-December; the undated red line falls back to
    // its publication date.
    assert_eq!(
        ids(
            &store,
            EventFilter {
                from: Some(day("2025-12-15")),
                ..filter()
            }
        ),
        [threat, red_line]
    );
    assert_eq!(
        ids(
            &store,
            EventFilter {
                to: Some(day("2025-08-31")),
                ..filter()
            }
        ),
        [extradition]
    );
    assert_eq!(
        ids(
            &store,
            EventFilter {
                from: Some(day("2025-09-01")),
                to: Some(day("2025-11-30")),
                ..filter()
            }
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        ids(
            &store,
            EventFilter {
                lang: Some(Lang::Es),
                ..filter()
            }
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        ids(
            &store,
            EventFilter {
                doc_id: Some("reuters-extradition".into()),
                ..filter()
            }
        ),
        [extradition]
    );
    assert_eq!(
        ids(
            &store,
            EventFilter {
                text: Some("US TROOPS".into()),
                ..filter()
            }
        ),
        [red_line]
    );
    assert_eq!(
        ids(
            &store,
            EventFilter {
                text: Some("%".into()),
                ..filter()
            }
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        ids(
            &store,
            EventFilter {
                limit: Some(1),
                offset: 1,
                ..filter()
            }
        ),
        [red_line]
    );
    assert_eq!(
        store
            .count_events(&EventFilter {
                limit: Some(1),
                ..filter()
            })
            .unwrap(),
        3
    );
}

#[test]
fn sql_injection_through_every_text_filter_is_inert() {
    let (store, _) = sample_store();
    let attacks = [
        "' OR '1'='1",
        "USA'; DROP TABLE events; --",
        "\") OR 1=1 --",
        "%' UNION SELECT * FROM documents --",
        "\\'; DELETE FROM documents; --",
    ];
    for attack in attacks {
        let attack = Some(attack.to_string());
        let filters = [
            EventFilter {
                actor: attack.clone(),
                ..EventFilter::default()
            },
            EventFilter {
                recipient: attack.clone(),
                ..EventFilter::default()
            },
            EventFilter {
                doc_id: attack.clone(),
                ..EventFilter::default()
            },
            EventFilter {
                text: attack.clone(),
                ..EventFilter::default()
            },
        ];
        for filter in filters {
            assert_eq!(store.events(&filter).unwrap(), vec![], "{filter:?}");
            assert_eq!(store.count_events(&filter).unwrap(), 0, "{filter:?}");
        }
        assert_eq!(store.event(attack.as_deref().unwrap()).unwrap(), None);
        assert_eq!(store.document(attack.as_deref().unwrap()).unwrap(), None);
    }
    let stats = store.stats().unwrap();
    assert_eq!((stats.documents, stats.events), (2, 3));
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

#[test]
fn for_each_event_streams_and_stops_on_callback_error() {
    let (store, events) = sample_store();
    let mut seen = Vec::new();
    let result = store.for_each_event(&EventFilter::default(), |event| {
        seen.push(event.id);
        if seen.len() == 2 {
            return Err(trecho_store::Error::callback("disk full"));
        }
        Ok(())
    });
    assert_eq!(result.unwrap_err().to_string(), "disk full");
    assert_eq!(seen, [events[0].id.clone(), events[1].id.clone()]);
}

#[test]
fn file_store_persists_and_is_versioned() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("trecho.db");
    {
        let mut store = Store::open(&path).unwrap();
        let (doc, norm) = document("ap-water", &[WATER], "2025-12-24");
        let events = [event(&norm, "ap-water", 0, EventType::Threaten)];
        store.insert_document(&doc, &norm, &events).unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.user_version().unwrap(), trecho_store::SCHEMA_VERSION);
    assert_eq!(store.stats().unwrap().events, 1);
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

#[test]
fn newer_schema_is_refused_with_the_file_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    {
        let connection = rusqlite::Connection::open(&path).unwrap();
        connection
            .execute_batch("PRAGMA user_version = 99")
            .unwrap();
    }
    let err = Store::open(&path).unwrap_err().to_string();
    assert!(err.contains("future.db") && err.contains("99"), "{err}");
}

#[test]
fn a_file_that_is_not_sqlite_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    std::fs::write(
        &path,
        "Sheinbaum said Mexico would not accept US troops. ".repeat(200),
    )
    .unwrap();
    let err = Store::open(&path).unwrap_err().to_string();
    assert!(err.contains("notes.txt"), "{err}");
}

#[test]
fn a_sqlite_file_of_another_program_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("contacts.sqlite");
    {
        let connection = rusqlite::Connection::open(&path).unwrap();
        connection
            .execute_batch("CREATE TABLE contacts (name TEXT)")
            .unwrap();
    }
    let err = Store::open(&path).unwrap_err().to_string();
    assert!(
        err.contains("contacts.sqlite") && err.contains("not a trecho store"),
        "{err}"
    );
    let connection = rusqlite::Connection::open(&path).unwrap();
    let tables: i64 = connection
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
            [],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(tables, 1, "trecho added tables to another program's file");
}

#[test]
fn a_current_store_opens_while_another_connection_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("trecho.db");
    drop(Store::open(&path).unwrap());
    let writer = rusqlite::Connection::open(&path).unwrap();
    writer.execute_batch("BEGIN IMMEDIATE").unwrap();
    // Opening takes no write lock when the schema is current, so it does not wait.
    let store = Store::open(&path).unwrap();
    assert_eq!(store.stats().unwrap().events, 0);
    writer.execute_batch("ROLLBACK").unwrap();
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Whatever text the filters carry, queries answer without error and never match
        /// more than the unfiltered set.
        #[test]
        fn arbitrary_filter_text_never_errors(text in ".{0,40}") {
            let (store, _) = sample_store();
            for filter in [
                EventFilter { actor: Some(text.clone()), ..EventFilter::default() },
                EventFilter { recipient: Some(text.clone()), ..EventFilter::default() },
                EventFilter { doc_id: Some(text.clone()), ..EventFilter::default() },
                EventFilter { text: Some(text.clone()), ..EventFilter::default() },
            ] {
                prop_assert!(store.count_events(&filter).unwrap() <= 3);
            }
        }

        /// Arbitrary strings in free-text fields come back byte for byte.
        #[test]
        fn free_text_fields_round_trip(speaker in ".{0,30}", mode in ".{0,10}", title in ".{0,30}") {
            let mut store = Store::open_in_memory().unwrap();
            let (mut doc, norm) = document("p", &[WATER], "2025-12-24");
            doc.title = Some(title.clone());
            let mut stored = event(&norm, "p", 0, EventType::Threaten);
            stored.speaker = Some(speaker);
            stored.mode = Some(mode);
            store.insert_document(&doc, &norm, std::slice::from_ref(&stored)).unwrap();
            prop_assert_eq!(store.events(&EventFilter::default()).unwrap(), vec![stored]);
            prop_assert_eq!(store.document("p").unwrap().unwrap().title, Some(title));
        }
    }
}

/// A store written by schema version 1 still opens, upgrades and reads back.
#[test]
fn compat_store_v1_opens_and_reads() {
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/compat/store-v1.db");
    // Work on a copy: opening upgrades the file and writes its WAL next to it.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store-v1.db");
    std::fs::copy(&fixture, &path).unwrap();
    let store = Store::open(&path).unwrap();
    assert_eq!(store.user_version().unwrap(), trecho_store::SCHEMA_VERSION);
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let stats = store.stats().unwrap();
    assert_eq!(stats.documents, 3);
    let events = store.events(&EventFilter::default()).unwrap();
    assert_eq!(events.len() as u64, stats.events);
    assert!(!events.is_empty());
    for event in &events {
        let document = store.document(&event.doc_id).unwrap().unwrap();
        assert_eq!(&document.text[event.span[0]..event.span[1]], event.sentence);
    }
    let water = store.document("truth-2025-12-08").unwrap().unwrap();
    assert_eq!(water.published, Some(day("2025-12-08")));
}

#[test]
fn a_batch_is_stored_whole_and_deduplicates_within_itself() {
    let mut store = Store::open_in_memory().unwrap();
    let (doc_a, norm_a) = document("a", &[WATER], "2025-12-24");
    let (doc_b, norm_b) = document("b", &[TROOPS], "2025-12-24");
    let (doc_a_copy, _) = document("a-copy", &[WATER], "2025-12-24");
    let events_a = [event(&norm_a, "a", 0, EventType::Threaten)];
    let inserted = store
        .insert_documents([
            (&doc_a, &norm_a, &events_a[..]),
            (&doc_b, &norm_b, &[][..]),
            (&doc_a_copy, &norm_a, &[][..]),
        ])
        .unwrap();
    assert_eq!(
        inserted,
        [Inserted::New, Inserted::New, Inserted::Unchanged]
    );
    // A bad document fails the whole batch: nothing of it is stored.
    let (doc_c, norm_c) = document("c", &[EXTRADITION], "2025-08-13");
    let stray = [event(&norm_c, "not-c", 0, EventType::Cooperate)];
    let (doc_d, norm_d) = document("d", &[EXTRADITION, TROOPS], "2025-08-13");
    let err = store
        .insert_documents([(&doc_d, &norm_d, &[][..]), (&doc_c, &norm_c, &stray[..])])
        .unwrap_err();
    assert!(err.to_string().contains("not-c"), "{err}");
    assert_eq!(store.document_ids().unwrap(), ["a", "b"]);
}

/// Stores `document` part by part (two sentences per part), as `trecho ingest` does for a
/// long document.
fn store_in_parts(
    store: &mut Store,
    doc: &Document,
    norm: &Normalized,
    events: &[Event],
) -> Inserted {
    let hash = trecho_store::content_hash(&norm.text);
    let inserted = store.begin_document(&doc.id, &hash, &doc.source).unwrap();
    if inserted == Inserted::Unchanged {
        return inserted;
    }
    for (part, sentences) in norm.sentences.chunks(2).enumerate() {
        let first = part * 2;
        let part_events: Vec<Event> = events
            .iter()
            .filter(|event| sentences.iter().any(|s| s.start == event.span[0]))
            .cloned()
            .collect();
        store
            .insert_document_part(first, sentences, &part_events)
            .unwrap();
    }
    let head = Normalized {
        sentences: Vec::new(),
        ..norm.clone()
    };
    store.finish_document(doc, &head).unwrap();
    inserted
}

#[test]
fn a_document_stored_in_parts_reads_back_as_one_stored_whole() {
    let (doc, norm) = document("long", &[WATER, TROOPS, EXTRADITION], "2025-12-24");
    let events = vec![
        event(&norm, "long", 0, EventType::Threaten),
        event(&norm, "long", 2, EventType::Cooperate),
    ];
    let mut whole = Store::open_in_memory().unwrap();
    whole.insert_document(&doc, &norm, &events).unwrap();
    let mut parts = Store::open_in_memory().unwrap();
    assert_eq!(
        store_in_parts(&mut parts, &doc, &norm, &events),
        Inserted::New
    );
    let read = |store: &Store| {
        let mut stored = store.document("long").unwrap().unwrap();
        stored.ingested_at.clear();
        (stored, store.events(&EventFilter::default()).unwrap())
    };
    assert_eq!(read(&parts), read(&whole));
    // The same text again is recognised before any part is stored.
    assert_eq!(
        store_in_parts(&mut parts, &doc, &norm, &events),
        Inserted::Unchanged
    );
    assert_eq!(parts.stats().unwrap(), whole.stats().unwrap());
    // New text under the same id replaces it.
    let (doc, norm) = document("long", &[TROOPS, WATER], "2025-12-25");
    assert_eq!(
        store_in_parts(&mut parts, &doc, &norm, &[]),
        Inserted::Replaced
    );
    let stats = parts.stats().unwrap();
    assert_eq!((stats.documents, stats.sentences, stats.events), (1, 2, 0));
}

#[test]
fn an_abandoned_document_leaves_nothing() {
    let (mut store, _) = sample_store();
    let before = store.stats().unwrap();
    let (doc, norm) = document("long", &[WATER, EXTRADITION], "2025-12-26");
    let hash = trecho_store::content_hash(&norm.text);
    let events = vec![event(&norm, "long", 0, EventType::Threaten)];
    store.begin_document(&doc.id, &hash, &doc.source).unwrap();
    store
        .insert_document_part(0, &norm.sentences, &events)
        .unwrap();
    store.abandon_document().unwrap();
    assert_eq!(store.stats().unwrap(), before);
    // A part without a begun document is an error, not a panic.
    let err = store
        .insert_document_part(0, &norm.sentences, &[])
        .unwrap_err();
    assert!(err.to_string().contains("no document was begun"), "{err}");
    // A part's event must belong to the open document.
    store.begin_document("other", &hash, "other.txt").unwrap();
    let err = store
        .insert_document_part(0, &norm.sentences, &events)
        .unwrap_err();
    assert!(err.to_string().contains("belongs to document"), "{err}");
    store.abandon_document().unwrap();
    assert_eq!(store.stats().unwrap(), before);
}
