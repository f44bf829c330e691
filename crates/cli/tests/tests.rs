//! End-to-end tests of the `trecho` binary on real documents: one test binary, a tiny helper
//! (`Dir`, `TestCommand`) so each test reads as the commands a user would type.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// Bad invocations and the messages they give.
mod error_messages;

/// The workspace root, where `corpus/` and `testdata/` live.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn demo() -> PathBuf {
    root().join("corpus/demo")
}

fn chains() -> PathBuf {
    root().join("testdata/chains")
}

/// A scratch directory holding a store, cleaned up at the end of the test.
struct Dir {
    temp: tempfile::TempDir,
}

impl Dir {
    fn new() -> Dir {
        Dir {
            temp: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.temp.path().join(name)
    }

    fn db(&self) -> PathBuf {
        self.path("trecho.db")
    }

    /// `trecho --db <dir>/trecho.db <args>`.
    fn trecho(&self, args: &[&str]) -> TestCommand {
        let mut command = Command::new(env!("CARGO_BIN_EXE_trecho"));
        command
            .arg("--db")
            .arg(self.db())
            .args(args)
            .current_dir(self.temp.path())
            .env("NO_COLOR", "1")
            .env_remove("TRECHO_DB");
        TestCommand { command }
    }
}

struct TestCommand {
    command: Command,
}

impl TestCommand {
    fn arg(mut self, arg: impl AsRef<std::ffi::OsStr>) -> TestCommand {
        self.command.arg(arg);
        self
    }

    fn output_with_stdin(mut self, stdin: &str) -> Output {
        use std::io::Write;
        let mut child = self
            .command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    }

    fn output(mut self) -> Output {
        self.command.output().unwrap()
    }

    /// Runs and expects exit status 0; returns stdout.
    fn stdout(self) -> String {
        let output = self.output();
        assert!(
            output.status.success(),
            "status {:?}\nstderr:\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    }
}

fn jsonl(text: &str) -> Vec<serde_json::Value> {
    text.lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Every field of spec/events.md, in order.
const SPEC_FIELDS: [&str; 24] = [
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
];

/// Checks that a JSON Lines record has exactly the spec's fields, in the spec's order.
fn assert_spec_record(line: &str) {
    let event: serde_json::Value = serde_json::from_str(line).unwrap();
    let object = event.as_object().unwrap();
    assert_eq!(object.len(), 24, "{line}");
    let mut from = 0;
    for field in SPEC_FIELDS {
        assert!(object.contains_key(field), "{field} missing: {line}");
        let key = format!("\"{field}\":");
        let at = line[from..]
            .find(&key)
            .unwrap_or_else(|| panic!("{field} out of order: {line}"));
        from += at + key.len();
    }
}

#[test]
fn help_shows_examples() {
    let dir = Dir::new();
    let help = dir.trecho(&["--help"]).stdout();
    assert!(help.contains("Examples:"), "{help}");
    let help = dir.trecho(&["ingest", "--help"]).stdout();
    assert!(help.contains("trecho ingest corpus/demo"), "{help}");
}

#[test]
fn extract_prints_spec_records_and_stores_nothing() {
    let dir = Dir::new();
    let out = dir.trecho(&["extract"]).arg(demo()).stdout();
    let events = jsonl(&out);
    assert!(!events.is_empty(), "no events from corpus/demo");
    for line in out.lines() {
        assert_spec_record(line);
    }
    for event in &events {
        // The span is the sentence's place in the normalized text.
        let span = event["span"].as_array().unwrap();
        let (start, end) = (span[0].as_u64().unwrap(), span[1].as_u64().unwrap());
        assert_eq!(
            (end - start) as usize,
            event["sentence"].as_str().unwrap().len()
        );
    }
    assert!(!dir.db().exists(), "extract must not create a store");
    // Same input, same output (ids are stable).
    assert_eq!(dir.trecho(&["extract"]).arg(demo()).stdout(), out);
}

#[test]
fn extract_jsonl_input_uses_line_ids_as_doc_ids() {
    let dir = Dir::new();
    let fixture = root().join("testdata/cli/SYNTHETIC-two-docs.jsonl");
    let events = jsonl(&dir.trecho(&["extract"]).arg(&fixture).stdout());
    assert!(!events.is_empty());
    for event in &events {
        let doc_id = event["doc_id"].as_str().unwrap();
        assert!(
            ["truth-2025-12-08", "hegseth-2025-10-28"].contains(&doc_id),
            "{doc_id}"
        );
    }
    // The same documents through stdin with an explicit format.
    let text = std::fs::read_to_string(&fixture).unwrap();
    let output = dir
        .trecho(&["extract", "--input-format", "jsonl", "-"])
        .output_with_stdin(&text);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(jsonl(&String::from_utf8(output.stdout).unwrap()), events);
}

#[test]
fn extract_explain_and_table_and_csv() {
    let dir = Dir::new();
    let explained_text = dir.trecho(&["extract", "--explain"]).arg(demo()).stdout();
    let explained = jsonl(&explained_text);
    assert!(explained
        .iter()
        .all(|event| event["explanation"].is_array()));
    // The explanation comes after the record's own fields.
    for line in explained_text.lines() {
        let at = line.rfind(",\"explanation\":").unwrap();
        assert_spec_record(&format!("{}}}", &line[..at]));
    }
    let table = dir
        .trecho(&["extract", "--format", "table"])
        .arg(demo())
        .stdout();
    let mut lines = table.lines();
    let header = lines.next().unwrap();
    assert!(header.starts_with("DATE"), "{header}");
    // Aligned: every column after DATE starts at the same offset on every row.
    let actor_column = header.find("ACTOR").unwrap();
    for line in lines {
        assert_eq!(line.chars().nth(actor_column - 1), Some(' '), "{line}");
    }
    assert_eq!(table.lines().count(), explained.len() + 1);
    let csv = dir
        .trecho(&["extract", "--format", "csv"])
        .arg(demo())
        .stdout();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert!(header.starts_with(&["id".to_string(), "doc_id".to_string()]));
    for column in [
        "actor_text",
        "actor_country",
        "actor_sector",
        "actor_name",
        "recipient_country",
    ] {
        assert!(header.iter().any(|name| name == column), "{column}");
    }
    assert_eq!(reader.records().count(), explained.len());
}

#[test]
fn ingest_twice_adds_nothing_the_second_time() {
    let dir = Dir::new();
    let first = dir.trecho(&["ingest"]).arg(demo()).output();
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(
        stderr(&first).contains(" 0 unchanged"),
        "{}",
        stderr(&first)
    );
    let events_before = dir.trecho(&["events"]).stdout();
    let second = dir.trecho(&["ingest"]).arg(demo()).output();
    assert!(second.status.success(), "{}", stderr(&second));
    let summary = stderr(&second);
    assert!(summary.contains("documents: 0 new"), "{summary}");
    assert!(
        summary.contains("stored 0 sentences and 0 events"),
        "{summary}"
    );
    assert_eq!(dir.trecho(&["events"]).stdout(), events_before);
}

#[test]
fn ingest_of_only_missing_files_creates_no_store() {
    let dir = Dir::new();
    let output = dir
        .trecho(&["ingest"])
        .arg(dir.path("no-such-article.html"))
        .arg(dir.path("nor-this.txt"))
        .output();
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let messages = stderr(&output);
    assert!(messages.contains("no-such-article.html"), "{messages}");
    assert!(messages.contains("nor-this.txt"), "{messages}");
    assert!(messages.contains("no store was created"), "{messages}");
    assert!(!dir.db().exists());
}

#[test]
fn a_bad_file_is_named_and_the_good_one_is_stored() {
    let dir = Dir::new();
    let good = demo().join("2025-10-28_hegseth_eastern_pacific_strikes.txt");
    let binary = root().join("testdata/cli/SYNTHETIC-not-a-feed.xml");
    let missing = dir.path("no-such-article.html");
    let output = dir
        .trecho(&["ingest"])
        .arg(&binary)
        .arg(&missing)
        .arg(&good)
        .output();
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let messages = stderr(&output);
    assert!(
        messages.contains("warning: ") && messages.contains("SYNTHETIC-not-a-feed.xml"),
        "{messages}"
    );
    assert!(messages.contains("no-such-article.html"), "{messages}");
    assert!(
        messages.contains("files: 1 read, 2 failed; documents: 1 new"),
        "{messages}"
    );
    let events = jsonl(&dir.trecho(&["events"]).stdout());
    assert!(!events.is_empty());
    assert!(events
        .iter()
        .all(|event| event["sentence"].as_str().is_some()));
    // Nothing already stored changes when a later run has only bad files.
    let again = dir.trecho(&["ingest"]).arg(&binary).output();
    assert_eq!(again.status.code(), Some(1));
    assert_eq!(jsonl(&dir.trecho(&["events"]).stdout()), events);
}

#[test]
fn events_filters_narrow_the_result() {
    let dir = Dir::new();
    dir.trecho(&["ingest", "--quiet"])
        .arg(demo())
        .arg(chains())
        .stdout();
    let all = jsonl(&dir.trecho(&["events"]).stdout());
    assert!(!all.is_empty());
    let said = jsonl(&dir.trecho(&["events", "--kind", "said"]).stdout());
    let done = jsonl(&dir.trecho(&["events", "--kind", "done"]).stdout());
    assert_eq!(said.len() + done.len(), all.len());
    assert!(said.iter().all(|event| event["kind"] == "said"));
    let usa = jsonl(&dir.trecho(&["events", "--actor", "usa"]).stdout());
    assert!(usa.iter().all(|event| event["actor"]["country"] == "USA"));
    let expected_usa = all
        .iter()
        .filter(|event| event["actor"]["country"] == "USA")
        .count();
    assert_eq!(usa.len(), expected_usa);
    let first_type = all[0]["event_type"].as_str().unwrap().to_string();
    let typed = jsonl(&dir.trecho(&["events", "--type", &first_type]).stdout());
    assert!(
        !typed.is_empty()
            && typed
                .iter()
                .all(|event| event["event_type"] == first_type.as_str())
    );
    for issue in ["trade", "water", "security"] {
        let by_issue = jsonl(&dir.trecho(&["events", "--issue", issue]).stdout());
        let expected = all
            .iter()
            .filter(|event| {
                event["issues"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|i| i == issue)
            })
            .count();
        assert_eq!(by_issue.len(), expected, "{issue}");
    }
    let limited = jsonl(
        &dir.trecho(&["events", "--limit", "2", "--offset", "1"])
            .stdout(),
    );
    assert_eq!(limited, all[1..3.min(all.len())].to_vec());
    let none = dir.trecho(&["events", "--from", "2030-01-01"]).stdout();
    assert_eq!(none, "");
    let bad = dir.trecho(&["events", "--type", "NOT_A_TYPE"]).output();
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("NOT_A_TYPE"));
}

#[test]
fn events_without_a_store_is_an_error_naming_it() {
    let dir = Dir::new();
    let output = dir.trecho(&["events"]).output();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("trecho.db"), "{}", stderr(&output));
    assert!(!dir.db().exists());
}

#[test]
fn export_jsonl_csv_parquet_are_readable() {
    let dir = Dir::new();
    dir.trecho(&["ingest", "--quiet"]).arg(demo()).stdout();
    let all = jsonl(&dir.trecho(&["events"]).stdout());

    let jsonl_path = dir.path("events.jsonl");
    dir.trecho(&["export", "--format", "jsonl", "--out"])
        .arg(&jsonl_path)
        .stdout();
    assert_eq!(jsonl(&std::fs::read_to_string(&jsonl_path).unwrap()), all);

    let csv_path = dir.path("events.csv");
    dir.trecho(&["export", "--format", "csv", "--out"])
        .arg(&csv_path)
        .stdout();
    let mut reader = csv::Reader::from_path(&csv_path).unwrap();
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), all.len());
    let country = header
        .iter()
        .position(|name| name == "actor_country")
        .unwrap();
    for (record, event) in records.iter().zip(&all) {
        assert_eq!(&record[0], event["id"].as_str().unwrap());
        assert_eq!(
            &record[country],
            event["actor"]["country"].as_str().unwrap_or("")
        );
    }

    let parquet_path = dir.path("events.parquet");
    dir.trecho(&["export", "--format", "parquet", "--out"])
        .arg(&parquet_path)
        .stdout();
    let file = std::fs::File::open(&parquet_path).unwrap();
    let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file)
        .unwrap()
        .build()
        .unwrap();
    let mut ids = Vec::new();
    for batch in reader {
        let batch = batch.unwrap();
        let column = batch.column_by_name("id").unwrap();
        let strings = column
            .as_any()
            .downcast_ref::<arrow_array::StringArray>()
            .unwrap();
        ids.extend(strings.iter().map(|id| id.unwrap().to_string()));
        assert!(batch.column_by_name("recipient_country").is_some());
    }
    let expected_ids: Vec<String> = all
        .iter()
        .map(|event| event["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, expected_ids);
    // No temporary files are left next to the outputs.
    let leftovers: Vec<_> = std::fs::read_dir(dir.temp.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_name().to_string_lossy().contains(".partial-"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn export_follows_the_extension_and_writes_to_standard_output() {
    let dir = Dir::new();
    dir.trecho(&["ingest", "--quiet"]).arg(demo()).stdout();
    let all = jsonl(&dir.trecho(&["events"]).stdout());

    // No --format: the extension decides.
    let parquet_path = dir.path("events.parquet");
    dir.trecho(&["export", "--quiet", "--out"])
        .arg(&parquet_path)
        .stdout();
    let magic = std::fs::read(&parquet_path).unwrap();
    assert_eq!(&magic[..4], b"PAR1");
    let csv_path = dir.path("events.csv");
    dir.trecho(&["export", "--quiet", "--out"])
        .arg(&csv_path)
        .stdout();
    assert!(std::fs::read_to_string(&csv_path)
        .unwrap()
        .starts_with("id,doc_id,"));

    // `--out -`: JSON Lines on standard output, the same records as `events`.
    let stdout = dir.trecho(&["export", "--quiet", "--out", "-"]).stdout();
    assert_eq!(jsonl(&stdout), all);
    let csv = dir
        .trecho(&["export", "--quiet", "--out", "-", "--format", "csv"])
        .stdout();
    let rows = csv::Reader::from_reader(csv.as_bytes()).records().count();
    assert_eq!(rows, all.len());

    // An extension that names no format is refused before anything is written.
    let output = dir
        .trecho(&["export", "--out"])
        .arg(dir.path("events.xlsx"))
        .output();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--format"), "{}", stderr(&output));
    assert!(!dir.path("events.xlsx").exists());
}

#[test]
fn events_by_id_come_in_the_order_asked_and_missing_ones_are_named() {
    let dir = Dir::new();
    dir.trecho(&["ingest", "--quiet"]).arg(demo()).stdout();
    let all = jsonl(&dir.trecho(&["events"]).stdout());
    let (first, last) = (
        all[0]["id"].as_str().unwrap(),
        all[all.len() - 1]["id"].as_str().unwrap(),
    );
    let both = jsonl(
        &dir.trecho(&["events", "--id", last, "--id", first])
            .stdout(),
    );
    assert_eq!(both, vec![all[all.len() - 1].clone(), all[0].clone()]);
    let output = dir
        .trecho(&["events", "--id", first, "--id", "no-such-id"])
        .output();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("no-such-id"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        jsonl(&String::from_utf8_lossy(&output.stdout)),
        vec![all[0].clone()]
    );
}

#[test]
fn db_is_an_option_of_the_commands_that_use_a_store_only() {
    let help = |command: &str| {
        let output = Command::new(env!("CARGO_BIN_EXE_trecho"))
            .args([command, "--help"])
            .output()
            .unwrap();
        String::from_utf8(output.stdout).unwrap()
    };
    for command in ["extract", "actors", "eval", "bench", "parse"] {
        assert!(
            !help(command).contains("--db"),
            "{command} --help offers --db"
        );
    }
    for command in ["ingest", "events", "export", "ledger", "index", "serve"] {
        assert!(
            help(command).contains("--db"),
            "{command} --help lacks --db"
        );
    }
    // After the command's name, --db names the store too (and wins over the one before it).
    let dir = Dir::new();
    let other = dir.path("other.db");
    dir.trecho(&["ingest", "--quiet", "--db"])
        .arg(&other)
        .arg(demo())
        .stdout();
    assert!(other.exists() && !dir.db().exists());
    let events = jsonl(&dir.trecho(&["events", "--db"]).arg(&other).stdout());
    assert!(!events.is_empty());
    let output = dir.trecho(&["extract", "--db", "x.db", "a.txt"]).output();
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn a_failed_export_leaves_nothing_behind() {
    let dir = Dir::new();
    dir.trecho(&["ingest", "--quiet"]).arg(demo()).stdout();
    let out = dir.path("missing-dir/events.parquet");
    let output = dir
        .trecho(&["export", "--format", "parquet", "--out"])
        .arg(&out)
        .output();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("events.parquet"),
        "{}",
        stderr(&output)
    );
    assert!(!out.exists());
}

#[test]
fn actors_lookup_answers_in_input_order() {
    let dir = Dir::new();
    let queries = ["Sheinbaum", "no such actor here", "Mexico", "Donald Trump"];
    let mut command = dir.trecho(&["actors", "lookup"]);
    for query in queries {
        command = command.arg(query);
    }
    let answers: serde_json::Value = serde_json::from_str(&command.stdout()).unwrap();
    let answers = answers.as_array().unwrap();
    let order: Vec<&str> = answers
        .iter()
        .map(|answer| answer["query"].as_str().unwrap())
        .collect();
    assert_eq!(order, queries);
    assert_eq!(answers[0]["actor"]["country"], "MEX");
    assert!(answers[1]["actor"].is_null());
    assert_eq!(answers[3]["actor"]["country"], "USA");
    // The same from standard input, one name a line.
    let output = dir
        .trecho(&["actors", "lookup", "-"])
        .output_with_stdin(&queries.join("\n"));
    assert!(output.status.success());
    let from_stdin: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(from_stdin.as_array().unwrap(), answers);
}

/// Writes `n` distinct documents made from the real documents of `corpus/demo`: each copy
/// starts with its own numbered line, so no two have the same content hash.
fn generate_corpus(dir: &Path, n: usize) {
    let mut sources = Vec::new();
    for entry in std::fs::read_dir(demo()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|ext| ext == "txt") {
            sources.push(std::fs::read_to_string(&path).unwrap());
        }
    }
    sources.sort();
    assert!(!sources.is_empty());
    std::fs::create_dir_all(dir).unwrap();
    for index in 0..n {
        let text = &sources[index % sources.len()];
        std::fs::write(
            dir.join(format!("copy-{index:05}.txt")),
            format!("Copy {index} of a real statement.\n\n{text}"),
        )
        .unwrap();
    }
}

fn count_documents(db: &Path) -> i64 {
    let Ok(connection) =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
    else {
        return 0;
    };
    connection
        .query_row("SELECT COUNT(*) FROM documents", [], |row| row.get(0))
        .unwrap_or(0)
}

fn documents_table(db: &Path) -> Vec<(String, String, String)> {
    let connection = rusqlite::Connection::open(db).unwrap();
    let mut statement = connection
        .prepare("SELECT id, content_hash, text FROM documents ORDER BY id")
        .unwrap();
    statement
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn killed_ingest_leaves_a_sound_store_and_a_rerun_completes_it() {
    const N_DOCUMENTS: usize = 1500;
    let dir = Dir::new();
    let corpus = dir.path("corpus");
    generate_corpus(&corpus, N_DOCUMENTS);

    let mut child = dir
        .trecho(&["ingest", "--quiet", "--jobs", "2"])
        .arg(&corpus)
        .command
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until some documents are stored, then kill -9 in the middle of the run.
    let started = std::time::Instant::now();
    let mut stored_at_kill = 0;
    while started.elapsed() < std::time::Duration::from_secs(120) {
        stored_at_kill = count_documents(&dir.db());
        if stored_at_kill >= 20 {
            break;
        }
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    child.kill().unwrap(); // SIGKILL on Unix.
    child.wait().unwrap();
    let stored_after_kill = count_documents(&dir.db());
    assert!(
        stored_after_kill > 0 && (stored_after_kill as usize) < N_DOCUMENTS,
        "the kill should land mid-run: {stored_after_kill} of {N_DOCUMENTS} stored (seen {stored_at_kill})"
    );

    let connection = rusqlite::Connection::open(dir.db()).unwrap();
    let integrity: String = connection
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    // Every stored document is whole: its sentences are there.
    let orphans: i64 = connection
        .query_row(
            "SELECT COUNT(*) FROM documents d WHERE NOT EXISTS \
             (SELECT 1 FROM sentences s WHERE s.doc_id = d.id)",
            [],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(orphans, 0);
    drop(connection);

    // Re-running completes the store.
    dir.trecho(&["ingest", "--quiet"]).arg(&corpus).stdout();
    // A clean ingest into a fresh store.
    let clean = Dir::new();
    clean.trecho(&["ingest", "--quiet"]).arg(&corpus).stdout();

    assert_eq!(documents_table(&dir.db()), documents_table(&clean.db()));
    assert_eq!(documents_table(&dir.db()).len(), N_DOCUMENTS);
    let mut resumed = dir
        .trecho(&["events"])
        .stdout()
        .lines()
        .map(String::from)
        .collect::<Vec<_>>();
    let mut fresh = clean
        .trecho(&["events"])
        .stdout()
        .lines()
        .map(String::from)
        .collect::<Vec<_>>();
    resumed.sort();
    fresh.sort();
    assert_eq!(resumed.len(), fresh.len());
    assert!(
        resumed == fresh,
        "events differ between the resumed and the clean store"
    );
}

/// A long plain-text document: the demo posts and statements, three times over, as paragraphs.
fn long_document(dir: &Dir) -> PathBuf {
    let mut texts = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(demo())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    paths.sort();
    for path in paths {
        texts.push(std::fs::read_to_string(path).unwrap().trim().to_string());
    }
    let copy = texts.join("\n\n");
    let path = dir.path("long.txt");
    std::fs::write(&path, [copy.as_str(); 3].join("\n\n")).unwrap();
    path
}

#[test]
fn a_long_document_in_parts_gives_the_same_events_and_stored_document() {
    let dir = Dir::new();
    let path = long_document(&dir);
    let whole = dir.trecho(&["extract"]).arg(&path).stdout();
    let parts = dir
        .trecho(&["extract", "--part-size", "2K"])
        .arg(&path)
        .stdout();
    let (whole, parts) = (jsonl(&whole), jsonl(&parts));
    assert!(whole.len() > 20, "{} events", whole.len());
    assert_eq!(parts.len(), whole.len());
    for (split, one) in parts.iter().zip(&whole) {
        // Same document id, evidence and type; role words may resolve against the part's
        // countries (see ARCHITECTURE.md), which changes an actor's country and the event id.
        for field in ["doc_id", "sentence", "span", "event_type", "kind", "issues"] {
            assert_eq!(split[field], one[field], "{field}");
        }
    }
    // Stored in parts: the same document text and as many sentences and events.
    let ingest = dir
        .trecho(&["ingest", "--part-size", "2K"])
        .arg(&path)
        .output();
    assert!(ingest.status.success(), "{}", stderr(&ingest));
    let summary = stderr(&ingest);
    assert!(summary.contains("documents: 1 new"), "{summary}");
    let other = Dir::new();
    let whole_ingest = other.trecho(&["ingest"]).arg(&path).output();
    assert_eq!(documents_table(&dir.db()), documents_table(&other.db()));
    let counts = |text: String| text.split(" in ").next().unwrap_or("").to_string();
    assert_eq!(counts(summary), counts(stderr(&whole_ingest)));
    // Again: recognised as stored, nothing added.
    let again = dir
        .trecho(&["ingest", "--part-size", "2K"])
        .arg(&path)
        .output();
    assert!(
        stderr(&again).contains("documents: 0 new, 1 unchanged"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn a_document_over_the_size_limit_is_named_with_its_size_and_the_option() {
    let dir = Dir::new();
    let path = long_document(&dir);
    let size = std::fs::metadata(&path).unwrap().len();
    let output = dir
        .trecho(&["extract", "--max-document-size", "10K"])
        .arg(&path)
        .output();
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    for expected in [
        "long.txt".to_string(),
        format!("{size} bytes"),
        "limit of 10240 bytes".to_string(),
        "--max-document-size".to_string(),
    ] {
        assert!(message.contains(&expected), "{expected:?} in {message}");
    }
    let output = dir
        .trecho(&["extract", "--max-input-size", "1K"])
        .arg(&path)
        .output();
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.contains("long.txt") && message.contains("--max-input-size"),
        "{message}"
    );
    let output = dir
        .trecho(&["extract", "--part-size", "lots"])
        .arg(&path)
        .output();
    assert!(
        stderr(&output).contains("invalid size"),
        "{}",
        stderr(&output)
    );
}

/// The UD treebanks beside a clone of trecho, if they are there.
fn ud(name: &str) -> Option<PathBuf> {
    let path = root().join("../shared/data/ud").join(name);
    path.exists().then_some(path)
}

#[test]
fn parse_prints_conllu_of_raw_text_in_both_languages() {
    let dir = Dir::new();
    let text = "Trump said land strikes will commence soon.\n\nLa presidenta dijo que no lo vamos a permitir.\n";
    let out = dir.trecho(&["parse", "-"]).output_with_stdin(text);
    assert!(out.status.success(), "{}", stderr(&out));
    let conllu = String::from_utf8(out.stdout).unwrap();
    assert!(
        conllu.contains("# text = Trump said land strikes will commence soon."),
        "{conllu}"
    );
    assert!(conllu.contains("# lang = es"), "{conllu}");
    let rows: Vec<Vec<&str>> = conllu
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.split('\t').collect())
        .collect();
    assert!(rows.iter().all(|r| r.len() == 10));
    let said = rows.iter().find(|r| r[1] == "said").unwrap();
    assert_eq!((said[2], said[3], said[7]), ("say", "VERB", "root"));
    let dijo = rows.iter().find(|r| r[1] == "dijo").unwrap();
    assert_eq!((dijo[2], dijo[3]), ("decir", "VERB"));
}

/// Syntactic-word lines of a CoNLL-U text (ids that are plain numbers).
fn word_lines(conllu: &str) -> usize {
    conllu
        .lines()
        .filter(|l| {
            l.split('\t')
                .next()
                .is_some_and(|id| id.parse::<usize>().is_ok())
        })
        .count()
}

#[test]
fn parse_conllu_keeps_the_words_and_eval_scores_them() {
    let Some(test) = ud("en_ewt-ud-test.conllu") else {
        return;
    };
    let dir = Dir::new();
    // The first 200 sentences of the English test file, re-tagged and re-parsed.
    let text = std::fs::read_to_string(&test).unwrap();
    let head: String = text
        .split("\n\n")
        .take(200)
        .map(|s| format!("{s}\n\n"))
        .collect();
    std::fs::write(dir.path("en_small.conllu"), &head).unwrap();
    let predicted = dir
        .trecho(&["parse", "--input-format", "conllu", "en_small.conllu"])
        .stdout();
    let gold_words = word_lines(&head);
    let words = word_lines(&predicted);
    assert_eq!(words, gold_words);
    let report = dir
        .trecho(&["eval", "--format", "json", "en_small.conllu"])
        .stdout();
    let report: serde_json::Value = serde_json::from_str(&report).unwrap();
    let row = &report["treebanks"][0];
    assert_eq!(row["lang"], "en");
    assert!(
        row["upos"].as_f64().unwrap() > 90.0 && row["las"].as_f64().unwrap() > 70.0,
        "{row}"
    );
}

#[test]
fn malformed_conllu_is_named_with_its_line() {
    let dir = Dir::new();
    std::fs::write(
        dir.path("en_bad.conllu"),
        "1\tHello\thello\tINTJ\t_\t_\t0\troot\t_\t_\n2\tthere\n",
    )
    .unwrap();
    for args in [
        &["eval", "en_bad.conllu"][..],
        &["parse", "--input-format", "conllu", "en_bad.conllu"],
    ] {
        let out = dir.trecho(args).output();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let message = stderr(&out);
        assert!(
            message.contains("en_bad.conllu:2:") && message.contains("10 tab-separated columns"),
            "{message}"
        );
        assert!(!message.contains("panicked"), "{message}");
    }
}

#[test]
fn train_syntax_on_a_slice_writes_a_model_that_parses() {
    let Some(_) = ud("en_ewt-ud-train.conllu") else {
        return;
    };
    let dir = Dir::new();
    let data = root().join("../shared/data/ud");
    let out = dir
        .trecho(&[
            "train",
            "syntax",
            "--lang",
            "en",
            "--limit",
            "200",
            "--tagger-epochs",
            "2",
            "--parser-epochs",
            "2",
        ])
        .arg("--data")
        .arg(&data)
        .arg("--out")
        .arg(dir.path("tiny.bin"))
        .stdout();
    assert!(out.contains("tiny.bin"), "{out}");
    let parsed = dir
        .trecho(&["parse", "--model"])
        .arg(dir.path("tiny.bin"))
        .arg("-")
        .output_with_stdin("The president said the tariffs will start on Monday.");
    assert!(parsed.status.success(), "{}", stderr(&parsed));
    let missing = dir
        .trecho(&["train", "syntax", "--lang", "es", "--data", "nowhere"])
        .output();
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("nowhere/es_gsd-ud-dev.conllu not found"),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn eval_reports_development_and_test_parts_and_lists_development_errors_only() {
    let dir = Dir::new();
    // Two modern-shape items, each with a missed THREATEN; by the split rule the first id is
    // in the test part and the second in the development part.
    let item = |id: &str| {
        serde_json::json!({
            "id": id, "set": "modern_dev", "lang": "en",
            "text": "The weather in Washington was cold on Tuesday.",
            "events": [{"event_type": "THREATEN", "actor": null, "recipient": null,
                        "kind": "said", "speech_act": "threat", "content_type": null,
                        "negated": false, "hypothetical": false}]
        })
        .to_string()
    };
    std::fs::write(
        dir.path("gold.jsonl"),
        format!(
            "{}\n{}\n",
            item("modern-dev-en-0001"),
            item("modern-dev-en-0003")
        ),
    )
    .unwrap();
    let report = dir
        .trecho(&["eval", "--format", "json", "gold.jsonl"])
        .stdout();
    let report: serde_json::Value = serde_json::from_str(&report).unwrap();
    let parts: Vec<&str> = report["sets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|set| set["part"].as_str().unwrap())
        .collect();
    assert_eq!(parts, ["dev", "test"]);
    assert!(report["sets"][0]["modality"]["hypothetical_gold"].is_number());
    let missed: Vec<&str> = report["misses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|miss| miss["id"].as_str().unwrap())
        .collect();
    assert_eq!(missed, ["modern-dev-en-0003"]);
}

/// The `trecho …` lines of the README's command block, in order.
fn readme_commands() -> Vec<String> {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let section = readme
        .split("\n## Commands\n")
        .nth(1)
        .expect("the README has a Commands section");
    let block = section
        .split("```sh\n")
        .nth(1)
        .and_then(|rest| rest.split("\n```").next())
        .expect("the Commands section has a sh block");
    block
        .lines()
        .map(str::trim)
        .filter(|line| line.starts_with("trecho ") || line.contains("| trecho "))
        .map(String::from)
        .collect()
}

/// Every `trecho …` line of the README's command block runs as written from the repository
/// root and succeeds (the root is mirrored in a scratch folder, so what the lines write lands
/// there). Left out: `serve` (it does not return), `train` (minutes of training) and `bench`
/// (a benchmark, run by scripts/bench.sh); lines reading ../shared when this checkout has none
/// beside it.
#[test]
fn readme_commands_run_as_written() {
    let commands = readme_commands();
    assert!(commands.len() >= 20, "{commands:?}");
    let dir = Dir::new();
    let work = dir.path("repo");
    std::fs::create_dir(&work).unwrap();
    for name in ["corpus", "testdata", "crates"] {
        std::os::unix::fs::symlink(root().join(name), work.join(name)).unwrap();
    }
    let shared = root().join("../shared");
    if shared.exists() {
        std::os::unix::fs::symlink(&shared, dir.path("shared")).unwrap();
    }
    let binary = PathBuf::from(env!("CARGO_BIN_EXE_trecho"));
    let path = format!(
        "{}:{}",
        binary.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut ran = 0;
    for line in &commands {
        let command = line.split("   #").next().unwrap().trim();
        let skipped = ["trecho serve", "trecho train", "trecho bench"]
            .iter()
            .any(|prefix| command.starts_with(prefix));
        if skipped || (command.contains("../shared") && !shared.exists()) {
            continue;
        }
        let output = Command::new("bash")
            .args(["-c", &format!("set -eo pipefail; {command}")])
            .current_dir(&work)
            .env("PATH", &path)
            .env("NO_COLOR", "1")
            .env_remove("TRECHO_DB")
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "README line failed: {command}\nstatus {:?}\nstderr:\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
        ran += 1;
    }
    assert!(ran >= 15, "only {ran} README lines ran");
}

/// The README and `trecho serve --help` list every API endpoint.
#[test]
fn readme_and_serve_help_list_the_api_endpoints() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let help = Command::new(env!("CARGO_BIN_EXE_trecho"))
        .args(["serve", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8(help.stdout).unwrap();
    for (path, _) in trecho_serve::ENDPOINTS {
        assert!(readme.contains(&format!("`{path}`")), "README lacks {path}");
        assert!(help.contains(path), "serve --help lacks {path}");
    }
}

/// Exports written in the repository root by the README's examples are ignored by git.
#[test]
fn exports_in_the_repository_root_are_ignored_by_git() {
    for path in ["events.parquet", "events.csv", "events.jsonl", "trecho.db"] {
        let git = Command::new("git")
            .args(["check-ignore", "-q", path])
            .current_dir(root())
            .status();
        match git {
            // 0: ignored; 1: not ignored; 128: not a git checkout (a source tarball).
            Ok(status) if status.code() == Some(128) => return,
            Ok(status) => assert!(status.success(), "git does not ignore {path}"),
            Err(_) => return, // no git on this machine
        }
    }
}

/// `trecho ledger --format table --evidence` shows, under each item, the sentences of the
/// events it cites.
#[test]
fn ledger_table_shows_evidence_sentences() {
    let dir = Dir::new();
    dir.trecho(&["ingest", "--quiet"]).arg(demo()).stdout();
    let items: serde_json::Value =
        serde_json::from_str(&dir.trecho(&["ledger", "--format", "json"]).stdout()).unwrap();
    let first = &items.as_array().unwrap()[0];
    let cited = first["evidence"][0].as_str().unwrap();
    let event = &jsonl(&dir.trecho(&["events", "--id", cited]).stdout())[0];
    let sentence = event["sentence"].as_str().unwrap();
    let table = dir
        .trecho(&["ledger", "--format", "table", "--evidence"])
        .stdout();
    assert!(
        table
            .lines()
            .any(|line| line.contains("evidence") && line.contains(sentence)),
        "{table}"
    );
    let plain = dir.trecho(&["ledger", "--format", "table"]).stdout();
    assert!(
        !plain.contains(sentence),
        "no evidence lines without --evidence"
    );
}

/// The scripts' headings carry no ANSI codes when their output is not a terminal (here, a
/// pipe), so `scripts/demo.sh | less` or a log file stays plain text.
#[test]
fn script_headings_are_plain_text_into_a_pipe() {
    let output = Command::new("bash")
        .args(["-c", ". scripts/heading.sh; heading events"])
        .current_dir(root())
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "\n== events ==\n"
    );
}
