//! Times ingest of large and pathological inputs, to catch quadratic behaviour.
//!
//! `cargo run --release -p trecho-ingest --example ingest_stress`

use std::time::Instant;
use trecho_model::Format;

fn main() {
    let n = 100_000;
    let cases: Vec<(&str, Format, String)> = vec![
        ("html paragraphs", Format::Html, format!("<html><body><article>{}</article></body></html>", "<p>Mexico agreed to send water to Texas farmers.</p>".repeat(n))),
        ("html unclosed p", Format::Html, "<p>Mexico agreed".repeat(n)),
        ("html nested 900", Format::Html, format!("{}<p>x</p>", "<div>".repeat(900)).repeat(100)),
        ("html unclosed b/i", Format::Html, "<b><i>bold italic ".repeat(n)),
        ("html many anchors", Format::Html, "<a href=x>link ".repeat(n)),
        ("html table soup", Format::Html, "<table><tr><td>cell<td><table>".repeat(n / 10)),
        ("html depth 999 x100", Format::Html, format!("{}x{}", "<div>".repeat(999), "</div>".repeat(999)).repeat(100)),
        ("html 999 b + blocks", Format::Html, format!("{}{}", (0..999).map(|i| format!("<b id={i}>")).collect::<String>(), "<p>text</p>".repeat(20_000))),
        ("rss items", Format::Feed, format!("<rss><channel>{}</channel></rss>", "<item><title>T</title><description>&lt;p&gt;Mexico agreed.&lt;/p&gt;</description></item>".repeat(n / 10))),
        ("mbox messages", Format::Mbox, "From a@b Fri Dec 12 19:17:00 2025\nSubject: S\n\nMexico agreed.\n\n".repeat(n / 10)),
        ("email long body", Format::Email, format!("From: a@b\nSubject: S\n\n{}", "Mexico agreed to send water.\n".repeat(n))),
        ("jsonl lines", Format::Jsonl, "{\"id\":\"a\",\"text\":\"Mexico agreed.\"}\n".repeat(n)),
        ("transcript turns", Format::Transcript, "THE PRESIDENT: We will act.\nQ: When?\n".repeat(n)),
    ];
    for (name, format, text) in cases {
        let started = Instant::now();
        let result = trecho_ingest::parse(text.as_bytes(), name, format);
        let summary = match &result {
            Ok(parsed) => format!(
                "{} documents, {} diagnostics",
                parsed.documents.len(),
                parsed.diagnostics.len()
            ),
            Err(err) => format!(
                "error: {}",
                err.to_string().chars().take(90).collect::<String>()
            ),
        };
        println!(
            "{name:<18} {:>6.2} MB {:>8.3} s  {summary}",
            text.len() as f64 / 1e6,
            started.elapsed().as_secs_f64()
        );
    }
}
