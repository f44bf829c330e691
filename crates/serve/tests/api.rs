//! HTTP API tests: the router is called with `oneshot`, without a port, on temporary stores:
//! one filled with hand-built events of real US–Mexico sentences (exact expectations), and one
//! filled by the engine from the demo corpus (answers must agree with the store and the ledger).

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use serde_json::Value;
use std::path::{Path, PathBuf};
use tower::ServiceExt;
use trecho::{
    Actor, Document, Event, EventFilter, EventType, Issue, Kind, Lang, Leverage, Normalized,
    PartialDate, Sentence, SpeechAct, Store,
};
use trecho_serve::{app, check_address, AppState, ServeOptions, Token};

mod common;

// ---------- fixture ----------

fn actor(text: &str, country: &str, name: Option<&str>) -> Option<Actor> {
    Some(Actor {
        text: text.into(),
        country: Some(country.into()),
        sector: Some("GOV".into()),
        name: name.map(str::to_string),
    })
}

/// One event of a fixture document, described by its sentence text.
struct Spec {
    sentence: &'static str,
    actor: Option<Actor>,
    recipient: Option<Actor>,
    event_type: EventType,
    kind: Kind,
    speech_act: Option<SpeechAct>,
    content_type: Option<EventType>,
    issues: Vec<Issue>,
    leverage: Option<Leverage>,
    date: Option<&'static str>,
}

/// Stores a document made of paragraphs (joined by blank lines), with one sentence per
/// paragraph line and the given events.
fn add_document(
    store: &mut Store,
    id: &str,
    published: &str,
    lang: Lang,
    paragraphs: &[&[&str]],
    specs: Vec<Spec>,
) {
    let mut text = String::new();
    let mut sentences = Vec::new();
    for (paragraph_idx, paragraph) in paragraphs.iter().enumerate() {
        if paragraph_idx > 0 {
            text.push_str("\n\n");
        }
        for (sentence_idx, sentence) in paragraph.iter().enumerate() {
            if sentence_idx > 0 {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(sentence);
            sentences.push(Sentence {
                start,
                end: text.len(),
                paragraph: paragraph_idx,
                lang,
                speaker: None,
            });
        }
    }
    let published_day = chrono::NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
    let events: Vec<Event> = specs
        .into_iter()
        .enumerate()
        .map(|(idx, spec)| {
            let start = text
                .find(spec.sentence)
                .expect("fixture sentence is in the text");
            Event {
                id: format!("{id}-e{idx}"),
                doc_id: id.to_string(),
                published: published_day,
                lang,
                sentence: spec.sentence.to_string(),
                span: [start, start + spec.sentence.len()],
                date: spec.date.and_then(PartialDate::parse),
                date_source: None,
                actor: spec.actor,
                recipient: spec.recipient,
                event_type: spec.event_type,
                mode: None,
                quad: spec.event_type.quad(),
                kind: spec.kind,
                speech_act: spec.speech_act,
                content_type: spec.content_type,
                issues: spec.issues,
                leverage: spec.leverage,
                negated: false,
                hypothetical: false,
                speaker: None,
                attribution: None,
                reported_count: None,
                confidence: 0.9,
            }
        })
        .collect();
    let document = Document {
        id: id.to_string(),
        source: format!("{id}.txt"),
        title: Some(format!("Fixture {id}")),
        published: published_day,
        lang: Some(lang),
        text: text.clone(),
        ..Document::default()
    };
    let normalized = Normalized {
        text,
        sentences,
        published: published_day,
        lang,
        offset_map: vec![],
        diagnostics: vec![],
    };
    store
        .insert_document(&document, &normalized, &events)
        .expect("fixture document stored");
}

fn said(sentence: &'static str) -> Spec {
    Spec {
        sentence,
        actor: actor("Trump", "USA", Some("Donald Trump")),
        recipient: actor("Sheinbaum", "MEX", Some("Claudia Sheinbaum")),
        event_type: EventType::Threaten,
        kind: Kind::Said,
        speech_act: Some(SpeechAct::Threat),
        content_type: Some(EventType::Sanction),
        issues: vec![Issue::Trade],
        leverage: None,
        date: None,
    }
}

/// A store of five documents with threats, a deed, a red line and a linkage.
fn fixture_store(dir: &Path) -> PathBuf {
    let path = dir.join("fixture.db");
    let mut store = Store::open(&path).unwrap();
    add_document(
        &mut store,
        "doc-water",
        "2025-12-24",
        Lang::En,
        &[
            &["Water deliveries have fallen behind under the 1944 treaty."],
            &[
                "Trump threatened Sheinbaum with more tariffs again this month to force Mexico to send more water from its reservoirs to farmers and ranchers in Texas.",
                "Mexican officials said talks would continue.",
            ],
        ],
        vec![Spec {
            issues: vec![Issue::Trade, Issue::Water],
            leverage: Some(Leverage {
                lever: Issue::Trade,
                goal: Issue::Water,
            }),
            date: Some("2025-12"),
            ..said("Trump threatened Sheinbaum with more tariffs again this month to force Mexico to send more water from its reservoirs to farmers and ranchers in Texas.")
        }],
    );
    add_document(
        &mut store,
        "doc-tariff-threat",
        "2025-02-01",
        Lang::En,
        &[&["Trump said he would impose a 25% tariff on all Mexican goods."]],
        vec![Spec {
            date: Some("2025-02-01"),
            ..said("Trump said he would impose a 25% tariff on all Mexican goods.")
        }],
    );
    add_document(
        &mut store,
        "doc-tariff-done",
        "2025-03-04",
        Lang::En,
        &[&["The United States imposed 25% tariffs on Mexican imports on Tuesday."]],
        vec![Spec {
            actor: actor("The United States", "USA", None),
            recipient: actor("Mexican", "MEX", None),
            event_type: EventType::Sanction,
            kind: Kind::Done,
            speech_act: None,
            content_type: None,
            date: Some("2025-03-04"),
            ..said("The United States imposed 25% tariffs on Mexican imports on Tuesday.")
        }],
    );
    add_document(
        &mut store,
        "doc-redline",
        "2025-11-18",
        Lang::Es,
        &[&["Sheinbaum dijo que México no aceptará tropas estadounidenses en su territorio."]],
        vec![Spec {
            actor: actor("Sheinbaum", "MEX", Some("Claudia Sheinbaum")),
            recipient: actor("estadounidenses", "USA", None),
            event_type: EventType::Reject,
            speech_act: Some(SpeechAct::RedLine),
            content_type: Some(EventType::Mobilize),
            issues: vec![Issue::Security],
            date: Some("2025-11-18"),
            ..said("Sheinbaum dijo que México no aceptará tropas estadounidenses en su territorio.")
        }],
    );
    add_document(
        &mut store,
        "doc-strikes",
        "2025-11-17",
        Lang::En,
        &[&["Trump said the United States would strike cartels on land in Mexico, a step he called 100% fine."]],
        vec![Spec {
            recipient: actor("Mexico", "MEX", None),
            content_type: Some(EventType::Assault),
            issues: vec![Issue::Security, Issue::Drugs],
            date: Some("2025-11-17"),
            ..said("Trump said the United States would strike cartels on land in Mexico, a step he called 100% fine.")
        }],
    );
    path
}

// ---------- request helpers ----------

async fn call(
    router: &axum::Router,
    request: Request<Body>,
) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let response = router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = axum::body::to_bytes(response.into_body(), 64 * 1024 * 1024)
        .await
        .unwrap()
        .to_vec();
    (status, headers, body)
}

fn get(uri: &str) -> Request<Body> {
    Request::get(uri)
        .header(header::HOST, "127.0.0.1:8080")
        .body(Body::empty())
        .unwrap()
}

async fn json(router: &axum::Router, uri: &str) -> (StatusCode, Value) {
    let (status, headers, body) = call(router, get(uri)).await;
    assert_eq!(
        headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok()),
        Some("application/json"),
        "{uri} answered {status} without JSON"
    );
    (status, serde_json::from_slice(&body).unwrap())
}

fn ids(value: &Value) -> Vec<String> {
    value["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["id"].as_str().unwrap().to_string())
        .collect()
}

fn setup() -> (tempfile::TempDir, PathBuf, axum::Router) {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture_store(dir.path());
    let router = app(AppState::open(&path, 2).unwrap());
    (dir, path, router)
}

// ---------- events ----------

#[tokio::test]
async fn events_answer_what_the_store_answers_for_the_same_filters() {
    let (_dir, path, router) = setup();
    let store = Store::open(&path).unwrap();
    let cases: Vec<(&str, EventFilter)> = vec![
        ("", EventFilter::default()),
        (
            "actor=USA",
            EventFilter {
                actor: Some("USA".into()),
                ..Default::default()
            },
        ),
        (
            "actor=usa&recipient=MEX",
            EventFilter {
                actor: Some("USA".into()),
                recipient: Some("MEX".into()),
                ..Default::default()
            },
        ),
        (
            "type=SANCTION",
            EventFilter {
                event_type: Some(EventType::Sanction),
                ..Default::default()
            },
        ),
        (
            "kind=done",
            EventFilter {
                kind: Some(Kind::Done),
                ..Default::default()
            },
        ),
        (
            "issue=water",
            EventFilter {
                issue: Some(Issue::Water),
                ..Default::default()
            },
        ),
        (
            "lang=es",
            EventFilter {
                lang: Some(Lang::Es),
                ..Default::default()
            },
        ),
        (
            "text=tariff",
            EventFilter {
                text: Some("tariff".into()),
                ..Default::default()
            },
        ),
        (
            "text=100%25",
            EventFilter {
                text: Some("100%".into()),
                ..Default::default()
            },
        ),
        (
            "from=2025-11&to=2025-12-31",
            EventFilter {
                from: chrono::NaiveDate::from_ymd_opt(2025, 11, 1),
                to: chrono::NaiveDate::from_ymd_opt(2025, 12, 31),
                ..Default::default()
            },
        ),
        (
            "to=2025-03",
            EventFilter {
                to: chrono::NaiveDate::from_ymd_opt(2025, 3, 31),
                ..Default::default()
            },
        ),
    ];
    for (query, filter) in cases {
        let (status, page) = json(&router, &format!("/api/events?{query}")).await;
        assert_eq!(status, StatusCode::OK, "{query}: {page}");
        let expected: Vec<String> = store
            .events(&filter)
            .unwrap()
            .into_iter()
            .map(|e| e.id)
            .collect();
        assert_eq!(ids(&page), expected, "{query}");
        assert_eq!(
            page["total"].as_u64().unwrap(),
            store.count_events(&filter).unwrap(),
            "{query}"
        );
    }
    // Exact expectations on the fixture, so the comparison above is not vacuous.
    let (_, page) = json(&router, "/api/events?issue=water").await;
    assert_eq!(ids(&page), ["doc-water-e0"]);
    let (_, page) = json(&router, "/api/events?text=100%25").await;
    assert_eq!(ids(&page), ["doc-strikes-e0"]);
    let (_, page) = json(&router, "/api/events?from=2025-11&to=2025-12").await;
    assert_eq!(page["total"], 3);
}

#[tokio::test]
async fn events_keep_the_record_field_names_and_page() {
    let (_dir, _path, router) = setup();
    let (_, page) = json(&router, "/api/events?limit=2&offset=1").await;
    assert_eq!(page["total"], 5);
    assert_eq!(page["limit"], 2);
    assert_eq!(page["offset"], 1);
    assert_eq!(page["items"].as_array().unwrap().len(), 2);
    let (_, page) = json(&router, "/api/events?issue=water").await;
    let event = &page["items"][0];
    for field in [
        "id",
        "doc_id",
        "published",
        "lang",
        "sentence",
        "span",
        "date",
        "date_source",
        "actor",
        "recipient",
        "event_type",
        "mode",
        "quad",
        "kind",
        "speech_act",
        "content_type",
        "issues",
        "leverage",
        "negated",
        "hypothetical",
        "speaker",
        "attribution",
        "reported_count",
        "confidence",
    ] {
        assert!(event.get(field).is_some(), "missing field {field}");
    }
    assert_eq!(event["leverage"]["lever"], "trade");
    assert_eq!(event["actor"]["country"], "USA");
}

#[tokio::test]
async fn events_as_csv() {
    let (_dir, _path, router) = setup();
    let (status, headers, body) = call(&router, get("/api/events?actor=USA&format=csv")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "text/csv; charset=utf-8");
    let text = String::from_utf8(body).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header_row = reader.headers().unwrap().clone();
    assert_eq!(&header_row[0], "id");
    assert!(header_row.iter().any(|name| name == "actor_country"));
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 4);
    let issues_col = header_row.iter().position(|name| name == "issues").unwrap();
    assert!(rows.iter().any(|row| &row[issues_col] == "trade;water"));
    // The CLI's layout (`trecho events --format csv`, `trecho export --out x.csv`): span in two
    // columns, confidence as the JSON record prints it.
    let header: Vec<&str> = header_row.iter().collect();
    assert_eq!(header, trecho_table::CSV_COLUMNS);
    let confidence = header
        .iter()
        .position(|name| *name == "confidence")
        .unwrap();
    for row in &rows {
        let cell = &row[confidence];
        let value: f32 = cell.parse().unwrap();
        assert_eq!(
            cell,
            format!("{value}"),
            "confidence printed as the record prints it"
        );
    }
}

#[tokio::test]
async fn event_detail_has_paragraph_and_document() {
    let (_dir, _path, router) = setup();
    let (status, detail) = json(&router, "/api/events/doc-water-e0").await;
    assert_eq!(status, StatusCode::OK);
    let paragraph = detail["context"]["paragraph"].as_str().unwrap();
    assert!(paragraph.starts_with("Trump threatened Sheinbaum"));
    assert!(paragraph.ends_with("talks would continue."));
    let start = detail["context"]["sentence_start"].as_u64().unwrap() as usize;
    let end = detail["context"]["sentence_end"].as_u64().unwrap() as usize;
    assert_eq!(
        &paragraph[start..end],
        detail["event"]["sentence"].as_str().unwrap()
    );
    assert_eq!(detail["document"]["title"], "Fixture doc-water");
    assert_eq!(detail["document"]["published"], "2025-12-24");
    let roles: Vec<&str> = detail["marks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["role"].as_str().unwrap())
        .collect();
    assert_eq!(roles, ["actor", "event", "recipient"]);

    let (status, error) = json(&router, "/api/events/no-such-event").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(error["error"].as_str().unwrap().contains("no event"));
}

#[tokio::test]
async fn document_detail() {
    let (_dir, _path, router) = setup();
    let (status, detail) = json(&router, "/api/documents/doc-redline").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(detail["document"]["lang"], "es");
    assert_eq!(detail["events"].as_array().unwrap().len(), 1);
    let text = detail["text"].as_str().unwrap();
    let span = &detail["events"][0]["span"];
    let (start, end) = (
        span[0].as_u64().unwrap() as usize,
        span[1].as_u64().unwrap() as usize,
    );
    assert_eq!(
        &text[start..end],
        detail["events"][0]["sentence"].as_str().unwrap()
    );
    let (status, _) = json(&router, "/api/documents/nope").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

// ---------- bad parameters and injection ----------

#[tokio::test]
async fn bad_parameters_are_400_naming_the_parameter() {
    let (_dir, _path, router) = setup();
    for (query, parameter) in [
        ("type=BOMB", "type"),
        ("kind=perhaps", "kind"),
        ("issue=weather", "issue"),
        ("from=2025-13", "from"),
        ("to=yesterday", "to"),
        ("from=2026&to=2025", "to"),
        ("lang=fr", "lang"),
        ("limit=-1", "limit"),
        ("limit=5000", "limit"),
        ("offset=abc", "offset"),
        ("format=xml", "format"),
        ("actr=USA", "actr"),
        ("actor=USA&actor=MEX", "actor"),
        ("actor=%00USA", "actor"),
    ] {
        let (status, error) = json(&router, &format!("/api/events?{query}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{query}");
        assert_eq!(error["parameter"], parameter, "{query}: {error}");
        assert!(!error["error"].as_str().unwrap().is_empty());
    }
    let long = "a".repeat(201);
    let (status, error) = json(&router, &format!("/api/events?text={long}")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error["parameter"], "text");
    let (status, error) = json(&router, "/api/ledger?status=done").await;
    assert_eq!(
        (status, error["parameter"].as_str()),
        (StatusCode::BAD_REQUEST, Some("status"))
    );
    let (status, error) = json(&router, "/api/index?interval=year").await;
    assert_eq!(
        (status, error["parameter"].as_str()),
        (StatusCode::BAD_REQUEST, Some("interval"))
    );
}

#[tokio::test]
async fn injection_attempts_are_refused_or_match_nothing() {
    let (_dir, _path, router) = setup();
    let attacks = [
        "' OR '1'='1",
        "USA' OR 1=1 --",
        "\"; DROP TABLE events; --",
        "%' UNION SELECT text FROM documents --",
        "1) OR (1=1",
        "../../etc/passwd",
        "<script>alert(1)</script>",
        "%_%",
        "\\",
        "USA\u{0}",
    ];
    let endpoints = [
        "events", "timeline", "index", "ledger", "redlines", "linkage",
    ];
    for attack in attacks {
        let encoded: String = url_encode(attack);
        for parameter in [
            "actor",
            "recipient",
            "type",
            "kind",
            "issue",
            "from",
            "to",
            "lang",
            "text",
            "limit",
            "offset",
            "status",
            "interval",
            "format",
        ] {
            for endpoint in endpoints {
                let uri = format!("/api/{endpoint}?{parameter}={encoded}");
                let (status, _, body) = call(&router, get(&uri)).await;
                assert!(
                    status == StatusCode::OK || status == StatusCode::BAD_REQUEST,
                    "{uri}: {status}"
                );
                let text = String::from_utf8_lossy(&body);
                assert!(!text.to_lowercase().contains("sql"), "{uri}: {text}");
                if status == StatusCode::OK && endpoint == "events" {
                    let page: Value = serde_json::from_slice(&body).unwrap();
                    assert_eq!(page["total"], 0, "{uri} matched events");
                }
            }
        }
    }
    // The store is intact afterwards.
    let (_, page) = json(&router, "/api/events").await;
    assert_eq!(page["total"], 5);
}

fn url_encode(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' => {
                (byte as char).to_string()
            }
            _ => format!("%{byte:02X}"),
        })
        .collect()
}

// ---------- ledger ----------

#[tokio::test]
async fn ledger_lists_match_the_ledger_built_from_the_store() {
    let (_dir, path, router) = setup();
    let events = Store::open(&path)
        .unwrap()
        .events(&EventFilter::default())
        .unwrap();
    let ledger = trecho::ledger::build(&events);
    assert!(!ledger.commitments.is_empty(), "fixture yields commitments");

    let (status, list) = json(&router, "/api/ledger").await;
    assert_eq!(status, StatusCode::OK);
    let expected: Vec<String> = ledger.commitments.iter().map(|c| c.id.clone()).collect();
    assert_eq!(ids(&list), expected);
    assert_eq!(list["total"].as_u64().unwrap() as usize, expected.len());
    // The wire names of spec/ledger.md.
    let first = &list["items"][0];
    for field in [
        "id",
        "speech_act",
        "actor",
        "recipient",
        "content_type",
        "issues",
        "leverage",
        "summary",
        "first_said",
        "last_said",
        "mentions",
        "reported_count",
        "times_said",
        "deadline",
        "deadline_text",
        "status",
        "status_date",
        "evidence",
        "status_evidence",
    ] {
        assert!(first.get(field).is_some(), "missing {field}");
    }

    let (_, red_lines) = json(&router, "/api/redlines").await;
    let expected: Vec<String> = ledger.red_lines.iter().map(|r| r.id.clone()).collect();
    assert_eq!(ids(&red_lines), expected);
    let (_, linkage) = json(&router, "/api/linkage").await;
    assert_eq!(
        linkage["total"].as_u64().unwrap() as usize,
        ledger.linkages.len()
    );
    let (_, linkage) = json(&router, "/api/linkage?issue=water").await;
    assert_eq!(linkage["items"][0]["lever"], "trade");
    assert_eq!(linkage["items"][0]["goal"], "water");
    let (_, none) = json(&router, "/api/linkage?actor=MEX").await;
    assert_eq!(none["total"], 0);

    // Filters on items.
    let (_, threats) = json(
        &router,
        "/api/ledger?actor=USA&recipient=MEX&speech_act=threat",
    )
    .await;
    assert_eq!(
        threats["total"].as_u64().unwrap() as usize,
        ledger
            .commitments
            .iter()
            .filter(|c| c.speech_act == SpeechAct::Threat
                && c.actor.as_ref().and_then(|a| a.country.as_deref()) == Some("USA"))
            .count()
    );
    let (_, none) = json(&router, "/api/ledger?actor=CAN").await;
    assert_eq!(none["total"], 0);
}

#[tokio::test]
async fn ledger_item_has_utterances_and_history() {
    let (_dir, _path, router) = setup();
    let (_, list) = json(&router, "/api/ledger").await;
    for item in list["items"].as_array().unwrap() {
        let id = item["id"].as_str().unwrap();
        let (status, detail) = json(&router, &format!("/api/ledger/{id}")).await;
        assert_eq!(status, StatusCode::OK);
        let utterances = detail["utterances"].as_array().unwrap();
        assert_eq!(utterances.len(), item["evidence"].as_array().unwrap().len());
        for utterance in utterances {
            assert_eq!(utterance["event"]["kind"], "said");
            assert!(utterance["marks"].is_array());
        }
        let history = detail["item"]["history"].as_array().unwrap();
        assert_eq!(history[0]["status"], "open");
        let months: u64 = detail["by_month"]
            .as_object()
            .unwrap()
            .values()
            .map(|n| n.as_u64().unwrap())
            .sum();
        assert_eq!(months as usize, utterances.len());
    }
    let (status, _) = json(&router, "/api/ledger/cmt-0000").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn index_and_timeline() {
    let (_dir, path, router) = setup();
    let events = Store::open(&path)
        .unwrap()
        .events(&EventFilter::default())
        .unwrap();
    let options = trecho::ledger::IndexOptions {
        actor: Some("USA".into()),
        recipient: Some("MEX".into()),
        issue: Some(Issue::Trade),
        interval: trecho::ledger::Interval::Week,
    };
    let rows = trecho::ledger::index(&events, &options);
    let (status, index) = json(
        &router,
        "/api/index?actor=USA&recipient=MEX&issue=trade&interval=week",
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(index["items"], serde_json::to_value(&rows).unwrap());
    assert!(!rows.is_empty());

    let (status, timeline) = json(&router, "/api/timeline?actor=USA").await;
    assert_eq!(status, StatusCode::OK);
    let buckets = timeline["buckets"].as_array().unwrap();
    let said: u64 = buckets.iter().map(|b| b["said"].as_u64().unwrap()).sum();
    let done: u64 = buckets.iter().map(|b| b["done"].as_u64().unwrap()).sum();
    assert_eq!((said, done), (3, 1));
    assert_eq!(buckets[0]["start"], "2025-01-27"); // the Monday of the week of 2025-02-01
                                                   // Weeks are consecutive, gaps included.
    assert!(buckets.len() > 40);
}

// ---------- security ----------

#[tokio::test]
async fn token_is_required_when_set() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture_store(dir.path());
    let secret = "a-long-enough-secret-token";
    let router = app(AppState::open(&path, 1)
        .unwrap()
        .with_token(Some(Token::new(secret))));
    let request = |uri: &str, auth: Option<&str>| {
        let mut builder = Request::get(uri).header(header::HOST, "trecho.example:8080");
        if let Some(auth) = auth {
            builder = builder.header(header::AUTHORIZATION, auth);
        }
        builder.body(Body::empty()).unwrap()
    };
    for (uri, auth, expect) in [
        ("/api/events", None, StatusCode::UNAUTHORIZED),
        ("/", None, StatusCode::UNAUTHORIZED),
        ("/assets/app.js", None, StatusCode::UNAUTHORIZED),
        (
            "/api/events",
            Some("Bearer wrong"),
            StatusCode::UNAUTHORIZED,
        ),
        ("/api/events", Some("Basic YTpi"), StatusCode::UNAUTHORIZED),
        (
            "/api/events?token=a-long-enough-secret-tokeN",
            None,
            StatusCode::UNAUTHORIZED,
        ),
        (
            "/api/events",
            Some("Bearer a-long-enough-secret-token"),
            StatusCode::OK,
        ),
        (
            "/api/events?token=a-long-enough-secret-token",
            None,
            StatusCode::OK,
        ),
        ("/?token=a-long-enough-secret-token", None, StatusCode::OK),
    ] {
        let (status, headers, _) = call(&router, request(uri, auth)).await;
        assert_eq!(status, expect, "{uri} {auth:?}");
        if status == StatusCode::UNAUTHORIZED {
            assert!(headers.contains_key(header::WWW_AUTHENTICATE));
        }
    }
}

#[tokio::test]
async fn without_token_only_loopback_host_names_pass() {
    let (_dir, _path, router) = setup();
    for (host, expect) in [
        ("127.0.0.1:8080", StatusCode::OK),
        ("localhost:8080", StatusCode::OK),
        ("[::1]:8080", StatusCode::OK),
        ("evil.example", StatusCode::FORBIDDEN),
        ("evil.example:8080", StatusCode::FORBIDDEN),
        ("192.168.1.5:8080", StatusCode::FORBIDDEN),
    ] {
        let request = Request::get("/api/events")
            .header(header::HOST, host)
            .body(Body::empty())
            .unwrap();
        let (status, _, _) = call(&router, request).await;
        assert_eq!(status, expect, "{host}");
    }
}

#[test]
fn non_loopback_addresses_need_allow_remote_and_token() {
    let options = |addr: &str, allow_remote: bool, token: Option<&str>| ServeOptions {
        addr: addr.parse().unwrap(),
        allow_remote,
        token: token.map(str::to_string),
        ..ServeOptions::new("trecho.db".into())
    };
    let token = Some("0123456789abcdef0123");
    assert!(check_address(&options("127.0.0.1:8080", false, None)).is_ok());
    assert!(check_address(&options("[::1]:8080", false, None)).is_ok());
    for (allow, token) in [(false, None), (true, None), (false, token)] {
        let error = check_address(&options("0.0.0.0:8080", allow, token))
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("--allow-remote") && error.contains("TRECHO_TOKEN"),
            "{error}"
        );
    }
    assert!(check_address(&options("0.0.0.0:8080", true, token)).is_ok());
    let error = check_address(&options("0.0.0.0:8080", true, Some("short")))
        .unwrap_err()
        .to_string();
    assert!(error.contains("too short"), "{error}");
}

#[tokio::test]
async fn no_cors_and_security_headers() {
    let (_dir, _path, router) = setup();
    let request = Request::get("/api/events")
        .header(header::HOST, "127.0.0.1:8080")
        .header(header::ORIGIN, "https://evil.example")
        .body(Body::empty())
        .unwrap();
    let (status, headers, _) = call(&router, request).await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers
        .keys()
        .all(|name| !name.as_str().starts_with("access-control-")));
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["x-frame-options"], "DENY");
    assert!(headers["content-security-policy"]
        .to_str()
        .unwrap()
        .contains("default-src 'self'"));
    // A preflight is not answered with CORS headers either.
    let request = Request::options("/api/events")
        .header(header::HOST, "127.0.0.1:8080")
        .header(header::ORIGIN, "https://evil.example")
        .header("access-control-request-method", "GET")
        .body(Body::empty())
        .unwrap();
    let (_, headers, _) = call(&router, request).await;
    assert!(headers
        .keys()
        .all(|name| !name.as_str().starts_with("access-control-")));
}

#[tokio::test]
async fn oversized_bodies_and_other_methods_are_refused() {
    let (_dir, _path, router) = setup();
    let request = Request::post("/api/events")
        .header(header::HOST, "127.0.0.1:8080")
        .header(header::CONTENT_LENGTH, "10000000")
        .body(Body::from(vec![b'x'; 10]))
        .unwrap();
    let (status, _, _) = call(&router, request).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    let request = Request::delete("/api/events")
        .header(header::HOST, "127.0.0.1:8080")
        .body(Body::empty())
        .unwrap();
    let (status, _, _) = call(&router, request).await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
}

#[tokio::test]
async fn assets_are_embedded_and_paths_cannot_escape() {
    let (_dir, _path, router) = setup();
    let (status, headers, body) = call(&router, get("/")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "text/html; charset=utf-8");
    assert!(String::from_utf8_lossy(&body).contains("<title>trecho"));
    for (uri, content_type) in [
        ("/assets/app.js", "text/javascript; charset=utf-8"),
        ("/assets/app.css", "text/css; charset=utf-8"),
        ("/assets/favicon.svg", "image/svg+xml"),
    ] {
        let (status, headers, body) = call(&router, get(uri)).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert_eq!(headers[header::CONTENT_TYPE], content_type);
        assert!(!body.is_empty());
    }
    for uri in [
        "/assets/../Cargo.toml",
        "/assets/..%2fCargo.toml",
        "/assets/..%2F..%2F..%2FCargo.toml",
        "/assets/%2e%2e/%2e%2e/Cargo.toml",
        "/assets/%2e%2e%2fsrc%2flib.rs",
        "/assets/....//Cargo.toml",
        "/assets/app.js%00.png",
        "/assets/APP.JS",
        "/assets/",
        "/../../../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/src/lib.rs",
        "/Cargo.toml",
        "/assets/index.html",
    ] {
        let (status, _, body) = call(&router, get(uri)).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
        let text = String::from_utf8_lossy(&body);
        assert!(
            !text.contains("[package]") && !text.contains("root:"),
            "{uri}"
        );
    }
    let (status, error) = json(&router, "/api/nothing-here").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(error["error"].is_string());
}

#[tokio::test]
async fn openapi_description_is_valid_json_listing_every_endpoint() {
    let (_dir, _path, router) = setup();
    let (status, spec) = json(&router, "/api/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    assert!(spec["openapi"].as_str().unwrap().starts_with("3."));
    for path in [
        "/api/events",
        "/api/events/{id}",
        "/api/documents/{id}",
        "/api/ledger",
        "/api/ledger/{id}",
        "/api/redlines",
        "/api/linkage",
        "/api/index",
        "/api/timeline",
    ] {
        assert!(spec["paths"].get(path).is_some(), "{path} undocumented");
    }
}

#[tokio::test]
async fn missing_store_is_refused_not_created() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("absent.db");
    let error = AppState::open(&path, 1).err().unwrap().to_string();
    assert!(
        error.contains("absent.db") && error.contains("trecho ingest"),
        "{error}"
    );
    assert!(!path.exists());
}

// ---------- the demo corpus through the engine ----------

/// Ingests `corpus/demo` with the engine into a temporary store, if the corpus is present.
fn demo_store(dir: &Path) -> Option<PathBuf> {
    if !common::demo_corpus().is_dir() {
        eprintln!("corpus/demo not found; skipping the demo-corpus test");
        return None;
    }
    let path = dir.join("demo.db");
    common::ingest_demo(&path);
    Some(path)
}

#[tokio::test]
async fn demo_corpus_answers_agree_with_store_and_ledger() {
    let dir = tempfile::tempdir().unwrap();
    let Some(path) = demo_store(dir.path()) else {
        return;
    };
    let store = Store::open(&path).unwrap();
    let all = store.events(&EventFilter::default()).unwrap();
    assert!(
        all.len() > 20,
        "the demo corpus gives events ({})",
        all.len()
    );
    let router = app(AppState::open(&path, 2).unwrap());

    let (_, page) = json(&router, "/api/events?limit=1000").await;
    assert_eq!(page["total"].as_u64().unwrap() as usize, all.len());
    for query in [
        "actor=USA&recipient=MEX",
        "kind=said",
        "kind=done&issue=security",
        "lang=es",
        "text=tariff",
        "from=2025-11",
    ] {
        let (status, page) = json(&router, &format!("/api/events?limit=1000&{query}")).await;
        assert_eq!(status, StatusCode::OK);
        let pairs: Vec<(String, String)> = query
            .split('&')
            .map(|kv| {
                let (k, v) = kv.split_once('=').unwrap();
                (k.to_string(), v.to_string())
            })
            .collect();
        let get = |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        };
        let filter = EventFilter {
            actor: get("actor"),
            recipient: get("recipient"),
            kind: get("kind").and_then(|k| Kind::parse(&k)),
            issue: get("issue").and_then(|i| Issue::parse(&i)),
            lang: get("lang").and_then(|l| Lang::parse(&l)),
            text: get("text"),
            from: get("from").map(|_| chrono::NaiveDate::from_ymd_opt(2025, 11, 1).unwrap()),
            limit: Some(1000),
            ..EventFilter::default()
        };
        let expected: Vec<String> = store
            .events(&filter)
            .unwrap()
            .into_iter()
            .map(|e| e.id)
            .collect();
        assert_eq!(ids(&page), expected, "{query}");
    }
    let ledger = trecho::ledger::build(&all);
    let (_, list) = json(&router, "/api/ledger").await;
    assert_eq!(
        list["total"].as_u64().unwrap() as usize,
        ledger.commitments.len()
    );
    let (_, list) = json(&router, "/api/redlines").await;
    assert_eq!(
        list["total"].as_u64().unwrap() as usize,
        ledger.red_lines.len()
    );
    // Every event's detail opens with its paragraph.
    for event in all.iter().take(40) {
        let (status, detail) =
            json(&router, &format!("/api/events/{}", url_encode(&event.id))).await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            detail["context"]["paragraph"]
                .as_str()
                .unwrap()
                .contains(&event.sentence),
            "{}",
            event.id
        );
    }
}

#[tokio::test]
async fn caches_follow_writes_to_the_store() {
    let (_dir, path, router) = setup();
    let (_, page) = json(&router, "/api/events?actor=USA").await;
    assert_eq!(page["total"], 4);
    let (_, ledger_before) = json(&router, "/api/ledger").await;
    let (_, facets) = json(&router, "/api/facets").await;
    assert_eq!(facets["events"], 5);
    let said_in = |timeline: &Value| -> u64 {
        timeline["buckets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["said"].as_u64().unwrap())
            .sum()
    };
    let (_, timeline) = json(&router, "/api/timeline?actor=USA").await;
    assert_eq!(said_in(&timeline), 3);
    let (_, index_before) = json(&router, "/api/index?actor=USA").await;
    let mut details_before = Vec::new();
    for id in ids(&ledger_before) {
        let (_, detail) = json(&router, &format!("/api/ledger/{}", url_encode(&id))).await;
        details_before.push((id, detail["utterances"].as_array().unwrap().len()));
    }

    // Another process (here: another connection) ingests while the server runs.
    let mut store = Store::open(&path).unwrap();
    add_document(
        &mut store,
        "doc-late",
        "2026-01-20",
        Lang::En,
        &[&["Trump warned Mexico he would impose 30% tariffs on all Mexican imports."]],
        vec![said(
            "Trump warned Mexico he would impose 30% tariffs on all Mexican imports.",
        )],
    );
    drop(store);

    let (_, page) = json(&router, "/api/events?actor=USA").await;
    assert_eq!(page["total"], 5, "the cached count was not refreshed");
    let (_, facets) = json(&router, "/api/facets").await;
    assert_eq!(facets["events"], 6, "the cached snapshot was not refreshed");
    let (_, timeline) = json(&router, "/api/timeline?actor=USA").await;
    assert_eq!(
        said_in(&timeline),
        4,
        "the cached timeline was not refreshed"
    );
    let (_, index_after) = json(&router, "/api/index?actor=USA").await;
    assert_ne!(
        index_before, index_after,
        "the cached index was not refreshed"
    );
    let (_, ledger_after) = json(&router, "/api/ledger").await;
    let mentions = |list: &Value| -> u64 {
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|item| item["mentions"].as_u64().unwrap())
            .sum()
    };
    assert_eq!(mentions(&ledger_after), mentions(&ledger_before) + 1);
    // The kept item answers follow too: the item that gained the new sentence lists it.
    let mut grown = 0;
    for (id, before) in details_before {
        let (status, detail) = json(&router, &format!("/api/ledger/{}", url_encode(&id))).await;
        if status != StatusCode::OK {
            continue;
        }
        let after = detail["utterances"].as_array().unwrap().len();
        assert_eq!(after, detail["item"]["evidence"].as_array().unwrap().len());
        if after == before + 1 {
            grown += 1;
        }
    }
    assert_eq!(grown, 1, "the cached ledger item answer was not refreshed");
}

#[tokio::test]
async fn store_failures_answer_500_without_details() {
    let (_dir, path, router) = setup();
    let (status, _) = json(&router, "/api/events").await;
    assert_eq!(status, StatusCode::OK);
    // Damage the file under the running server: every query now fails inside SQLite.
    let size = std::fs::metadata(&path).unwrap().len() as usize;
    std::fs::write(&path, vec![0x5a; size]).unwrap();
    let _ = std::fs::remove_file(path.with_extension("db-wal"));
    let (status, error) = json(&router, "/api/events?actor=USA").await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(error, serde_json::json!({"error": "internal error"}));
}

/// Every endpoint of `ENDPOINTS` (what the README and `trecho serve --help` list) is routed:
/// none answers the unknown-endpoint 404 (an `{id}` that matches nothing gets the item's own
/// 404, which names the item).
#[tokio::test]
async fn every_listed_endpoint_is_routed() {
    let (_dir, _path, router) = setup();
    let (status, unknown) = json(&router, "/api/nothing-here").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    for (path, _) in trecho_serve::ENDPOINTS {
        let uri = path.replace("{id}", "no-such-id");
        let (status, _, body) = call(&router, get(&uri)).await;
        assert_ne!(
            serde_json::from_slice::<Value>(&body).ok().as_ref(),
            Some(&unknown),
            "{uri} is not routed"
        );
        assert!(
            status == StatusCode::OK || status == StatusCode::NOT_FOUND,
            "{uri}: {status}"
        );
    }
}
