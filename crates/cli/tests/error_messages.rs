//! Every error a user can cause names what failed and says what to do: the real `trecho`
//! binary is run on a table of bad invocations, and each must exit non-zero without a panic,
//! with a message that names the input and carries the remedy.

use std::path::Path;
use std::process::Command;

/// One bad invocation: the arguments (run in a scratch directory, with `--db` set only where
/// the arguments set it), and the texts its stderr must contain: the input it names, then the
/// remedy.
struct Case {
    args: &'static [&'static str],
    env: &'static [(&'static str, &'static str)],
    names: &'static str,
    remedy: &'static str,
}

const fn case(args: &'static [&'static str], names: &'static str, remedy: &'static str) -> Case {
    Case {
        args,
        env: &[],
        names,
        remedy,
    }
}

const CASES: &[Case] = &[
    case(&["extract", "missing.txt"], "missing.txt", "check the path"),
    case(
        &["extract", "no-inputs"],
        "no-inputs",
        "name a file directly",
    ),
    case(
        &["ingest", "--db", "new.db", "no-inputs"],
        "no-inputs",
        "name a file directly",
    ),
    case(&["extract", "blob.bin"], "blob.bin", "leave it out"),
    case(
        &["extract", "lines.jsonl"],
        "lines.jsonl",
        "--input-format text",
    ),
    case(
        &["extract", "--published", "2025-13-01", "a.txt"],
        "2025-13-01",
        "YYYY-MM-DD",
    ),
    case(
        &["extract", "--max-input-size", "12Q", "a.txt"],
        "12Q",
        "e.g. 500K",
    ),
    case(
        &["extract", "--actors", "bad.tsv", "a.txt"],
        "bad.tsv:1",
        "fix that line",
    ),
    case(
        &["extract", "--actors", "missing.tsv", "a.txt"],
        "missing.tsv",
        "check the path",
    ),
    case(
        &["ingest", "--db", "text.db", "a.txt"],
        "text.db",
        "pass --db with a new file name",
    ),
    case(
        &["events", "--db", "other.db"],
        "other.db",
        "not a trecho store",
    ),
    case(
        &["events", "--db", "newer.db"],
        "newer.db",
        "upgrade trecho",
    ),
    case(&["events", "--db", "nope.db"], "nope.db", "trecho ingest"),
    case(
        &["ingest", "--db", "no-such-dir/x.db", "a.txt"],
        "no-such-dir/x.db",
        "check that its directory exists",
    ),
    case(
        &["ingest", "--db", "a-directory", "a.txt"],
        "a-directory",
        "not a directory",
    ),
    case(
        &["events", "--db", "empty.db", "--limit", "-1"],
        "-1",
        "--help",
    ),
    case(
        &[
            "export", "--db", "empty.db", "--format", "xml", "--out", "e.xml",
        ],
        "xml",
        "possible values",
    ),
    case(
        &[
            "export",
            "--db",
            "empty.db",
            "--format",
            "csv",
            "--out",
            "no-such-dir/e.csv",
        ],
        "no-such-dir",
        "must exist",
    ),
    case(
        &[
            "export", "--db", "empty.db", "--format", "csv", "--out", "/",
        ],
        "--out /",
        "give a file path",
    ),
    case(
        &["eval", "missing.gold"],
        "missing.gold",
        "the shared gold sets are in ../shared/data/gold",
    ),
    case(
        &["serve", "--db", "empty.db", "--addr", "0.0.0.0:8080"],
        "0.0.0.0:8080",
        "--allow-remote AND set the TRECHO_TOKEN",
    ),
    Case {
        args: &[
            "serve",
            "--db",
            "empty.db",
            "--addr",
            "0.0.0.0:8080",
            "--allow-remote",
        ],
        env: &[("TRECHO_TOKEN", "short")],
        names: "TRECHO_TOKEN",
        remedy: "at least 16 characters",
    },
    // A missing store: one wording, whichever command reads it.
    case(
        &["serve", "--db", "nope.db"],
        "no store at nope.db",
        "run `trecho ingest FILES…` first",
    ),
    case(
        &["--db", "nope.db", "events"],
        "no store at nope.db",
        "run `trecho ingest FILES…` first",
    ),
    case(
        &["--db", "nope.db", "ledger"],
        "no store at nope.db",
        "run `trecho ingest FILES…` first",
    ),
    case(
        &["--db", "nope.db", "export", "--out", "x.csv"],
        "no store at nope.db",
        "run `trecho ingest FILES…` first",
    ),
];

/// The scratch files the cases refer to.
fn setup(dir: &Path) {
    std::fs::write(
        dir.join("a.txt"),
        "The United States threatened Mexico with tariffs.\n",
    )
    .unwrap();
    let mut blob = vec![0u8; 512];
    blob.extend((0..=255u8).cycle().take(2048));
    std::fs::write(dir.join("blob.bin"), blob).unwrap();
    std::fs::write(dir.join("lines.jsonl"), "{\"title\": \"no text field\"}\n").unwrap();
    std::fs::write(dir.join("bad.tsv"), "only one field\n").unwrap();
    std::fs::write(dir.join("text.db"), "these are notes, not a database\n").unwrap();
    std::fs::create_dir(dir.join("a-directory")).unwrap();
    std::fs::create_dir(dir.join("no-inputs")).unwrap();
    std::fs::write(
        dir.join("no-inputs").join("notes.doc"),
        "not a known extension\n",
    )
    .unwrap();
    // A SQLite file of another program: it has a table and no schema version.
    let other = rusqlite::Connection::open(dir.join("other.db")).unwrap();
    other
        .execute_batch("CREATE TABLE notes (body TEXT)")
        .unwrap();
    // A store from a future trecho.
    let newer = rusqlite::Connection::open(dir.join("newer.db")).unwrap();
    newer.execute_batch("PRAGMA user_version = 999").unwrap();
    // An empty file is an empty SQLite database, which trecho makes a store of.
    std::fs::write(dir.join("empty.db"), "").unwrap();
}

fn run(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> (Option<i32>, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_trecho"));
    command
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("TRECHO_DB")
        .env_remove("TRECHO_TOKEN");
    for (name, value) in env {
        command.env(name, value);
    }
    let output = command.output().unwrap();
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Checks one run; returns what is wrong with it, if anything.
fn check(args: &[&str], code: Option<i32>, stderr: &str, names: &str, remedy: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let shown = format!("trecho {}", args.join(" "));
    // 101 is the exit code of a Rust panic; None means killed by a signal.
    match code {
        Some(0) => problems.push(format!("{shown}: exit code 0")),
        Some(101) | None => problems.push(format!("{shown}: crashed ({code:?})")),
        Some(_) => {}
    }
    if stderr.contains("panicked") {
        problems.push(format!("{shown}: panicked: {stderr}"));
    }
    if !stderr.contains(names) {
        problems.push(format!(
            "{shown}: message does not name {names:?}: {stderr}"
        ));
    }
    if !stderr.contains(remedy) {
        problems.push(format!(
            "{shown}: message lacks the remedy {remedy:?}: {stderr}"
        ));
    }
    problems
}

#[test]
fn bad_invocations_name_the_input_and_the_remedy() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    let mut problems = Vec::new();
    for case in CASES {
        let (code, stderr) = run(dir.path(), case.args, case.env);
        problems.extend(check(case.args, code, &stderr, case.names, case.remedy));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_port_in_use_names_the_address_and_another_choice() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    // Hold a port so that the server cannot have it.
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let args = ["serve", "--db", "empty.db", "--addr", addr.as_str()];
    let (code, stderr) = run(dir.path(), &args, &[]);
    let problems = check(&args, code, &stderr, &addr, "pass another --addr");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The cause is said once, not once per wrapping error.
    assert_eq!(stderr.matches("listening on").count(), 1, "{stderr}");
}

#[test]
fn each_cause_is_said_once() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    let (_, stderr) = run(
        dir.path(),
        &["extract", "--actors", "bad.tsv", "a.txt"],
        &[],
    );
    assert_eq!(stderr.matches("expected 7").count(), 1, "{stderr}");
    let (_, stderr) = run(dir.path(), &["events", "--db", "text.db"], &[]);
    assert_eq!(stderr.matches("not a database").count(), 1, "{stderr}");
    assert!(!stderr.contains("Error code"), "{stderr}");
}
