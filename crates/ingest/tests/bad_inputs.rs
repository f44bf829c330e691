//! Bad inputs under `testdata/inputs/bad/`: each gives a clear error or diagnostic naming the
//! file, never a panic.

use std::path::{Path, PathBuf};
use trecho_ingest::{detect_format, parse, Parsed};
use trecho_model::Format;

fn bad_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../testdata/inputs/bad")
        .join(name)
}

/// Reads a bad fixture with its detected format.
fn read(name: &str) -> (Format, Result<Parsed, String>) {
    let path = bad_path(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|err| panic!("reading {name}: {err}"));
    let format = detect_format(&path, &bytes);
    (
        format,
        parse(&bytes, name, format).map_err(|err| err.to_string()),
    )
}

fn diagnostics(parsed: &Parsed) -> Vec<String> {
    parsed.diagnostics.iter().map(ToString::to_string).collect()
}

#[test]
fn binary_file_is_an_error_naming_the_file() {
    let (_, result) = read("binary.txt");
    let err = result.err().unwrap_or_default();
    assert!(
        err.starts_with("binary.txt: looks like a binary file"),
        "{err}"
    );
}

#[test]
fn empty_file_is_an_error_naming_the_file() {
    let (_, result) = read("empty.txt");
    let err = result.err().unwrap_or_default();
    assert_eq!(err, "empty.txt: the file is empty (no text to read)");
}

#[test]
fn invalid_utf8_is_decoded_as_windows_1252_with_a_diagnostic() {
    let (_, result) = read("invalid_utf8.txt");
    let parsed = result.unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(
        parsed.documents[0].text,
        "Señora Sheinbaum dijo que México no aceptará aranceles.\nThe Secretary’s statement followed.\n"
    );
    assert_eq!(
        diagnostics(&parsed),
        ["invalid_utf8.txt: not valid UTF-8 (first bad byte at offset 2): decoded as Windows-1252"]
    );
}

#[test]
fn latin1_email_is_decoded_by_its_declared_charset() {
    let (format, result) = read("latin1.eml");
    assert_eq!(format, Format::Email);
    let parsed = result.unwrap_or_else(|err| panic!("{err}"));
    let document = &parsed.documents[0];
    assert!(
        document
            .text
            .starts_with("La Cancillería informó que México entregará agua"),
        "{:?}",
        document.text
    );
    assert_eq!(
        document.published.map(|d| d.to_string()).as_deref(),
        Some("2025-12-12")
    );
}

#[test]
fn malformed_mime_reads_what_it_can() {
    let (format, result) = read("malformed_mime.eml");
    assert_eq!(format, Format::Email);
    // mail-parser is lenient: the broken base64 part is skipped or decoded partially and the
    // unclosed HTML part still gives text; either way no panic and the error names the file.
    match result {
        Ok(parsed) => assert!(!parsed.documents[0].text.trim().is_empty()),
        Err(err) => assert!(err.starts_with("malformed_mime.eml: "), "{err}"),
    }
}

#[test]
fn truncated_feed_keeps_complete_items_with_a_diagnostic() {
    let (format, result) = read("truncated_feed.xml");
    assert_eq!(format, Format::Feed);
    let parsed = result.unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(parsed.documents.len(), 1);
    assert!(parsed.documents[0]
        .text
        .contains("Secretary Rubio expressed appreciation"));
    let messages = diagnostics(&parsed);
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(
        messages[0].starts_with("truncated_feed.xml: feed is truncated"),
        "{messages:?}"
    );
}

#[test]
fn wrong_format_is_an_error_naming_the_file() {
    let err = parse(b"just some words\n", "notes.xml", Format::Feed)
        .err()
        .map(|e| e.to_string());
    assert_eq!(
        err.as_deref(),
        Some("notes.xml: not an RSS or Atom feed (no <rss>, <feed> or <item> element)")
    );
    let err = parse(b"plain words, no headers\n", "x.eml", Format::Email)
        .err()
        .map(|e| e.to_string());
    assert!(
        err.as_deref().is_some_and(|e| e.starts_with("x.eml: ")),
        "{err:?}"
    );
}

#[test]
fn formats_are_detected() {
    let check = |name: &str, bytes: &[u8], expect: Format| {
        assert_eq!(detect_format(Path::new(name), bytes), expect, "{name}");
    };
    check("a.html", b"", Format::Html);
    check(
        "a",
        b"<!DOCTYPE html><html><body>x</body></html>",
        Format::Html,
    );
    check(
        "a",
        b"<?xml version=\"1.0\"?><rss version=\"2.0\">",
        Format::Feed,
    );
    check(
        "a",
        b"<feed xmlns=\"http://www.w3.org/2005/Atom\">",
        Format::Feed,
    );
    check(
        "a",
        b"From a@b Fri Dec 12 19:17:00 2025\nSubject: x\n\nbody\n",
        Format::Mbox,
    );
    check(
        "a",
        b"From: a@b\r\nSubject: x\r\n\r\nbody\r\n",
        Format::Email,
    );
    check(
        "a",
        b"{\"id\":\"1\",\"text\":\"x\"}\n{\"id\":\"2\",\"text\":\"y\"}\n",
        Format::Jsonl,
    );
    check(
        "a.txt",
        b"THE PRESIDENT: Hello.\nQ: What?\nTHE PRESIDENT: Yes.\n",
        Format::Transcript,
    );
    check("a.txt", b"Plain words: nothing else.\n", Format::Text);
    check("a", b"Plain words.\n", Format::Text);
}

#[test]
fn fuzz_found_misnested_html_is_read() {
    let (format, result) = read("fuzz_misnested_anchor.html");
    assert_eq!(format, Format::Html);
    let parsed = result.unwrap_or_else(|err| panic!("{err}"));
    assert!(parsed.documents[0]
        .text
        .contains("Fact Sheet: President Donald J. Trump"));
}
