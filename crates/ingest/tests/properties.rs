//! No parser panics, whatever the bytes: every format gets arbitrary bytes, markup-like text
//! and mutations of the real fixtures.

use proptest::prelude::*;
use std::path::Path;
use trecho_model::Format;

const FORMATS: [Format; 7] = [
    Format::Text,
    Format::Html,
    Format::Email,
    Format::Mbox,
    Format::Feed,
    Format::Transcript,
    Format::Jsonl,
];

const FIXTURES: [&str; 6] = [
    "wh_tariffs_2025-02-01.html",
    "doj_29_defendants_2025-02-27.eml",
    "state_readouts.xml",
    "us_statements.jsonl",
    "oval_office_remarks_2025-11-17.txt",
    "newsletter_forwarded.eml",
];

fn parse_everything(bytes: &[u8]) {
    for format in FORMATS {
        if let Ok(parsed) = trecho_ingest::parse(bytes, "fuzz.in", format) {
            for document in &parsed.documents {
                assert!(!document.source.is_empty());
            }
        }
    }
    let _ = trecho_ingest::detect_format(Path::new("fuzz.in"), bytes);
}

/// Markup-ish text: tags, entities, CDATA, MIME and mbox lines, JSON fragments.
fn markup_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<html>"),
        Just("<body>"),
        Just("<article>"),
        Just("</article>"),
        Just("<p>"),
        Just("</p>"),
        Just("<div class=\"share\">"),
        Just("</div>"),
        Just("<script>"),
        Just("</script>"),
        Just("<br>"),
        Just("&amp;"),
        Just("&nbsp;"),
        Just("&#x1F600;"),
        Just("<rss>"),
        Just("<channel>"),
        Just("<item>"),
        Just("</item>"),
        Just("<title>"),
        Just("</title>"),
        Just("<description>"),
        Just("<![CDATA["),
        Just("]]>"),
        Just("<feed>"),
        Just("<entry>"),
        Just("<link href=\"x\"/>"),
        Just("<pubDate>"),
        Just("Fri, 12 Dec 2025"),
        Just("From a@b Fri Dec 12 19:17:00 2025\n"),
        Just("From: a@b\r\n"),
        Just("Content-Type: multipart/mixed; boundary=\"b\"\r\n"),
        Just("--b\r\n"),
        Just("Content-Transfer-Encoding: base64\r\n"),
        Just("\r\n"),
        Just("\n"),
        Just("{\"id\":\"1\",\"text\":\"x\"}"),
        Just("{\"text\":"),
        Just("THE PRESIDENT:"),
        Just("Mexico"),
        Just("tariffs."),
        Just("=C3=A9"),
        Just("=\r\n"),
    ];
    proptest::collection::vec(piece, 0..80).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..3000)) {
        parse_everything(&bytes);
    }

    #[test]
    fn markup_like_text_never_panics(text in markup_like()) {
        parse_everything(text.as_bytes());
    }

    #[test]
    fn mutated_fixtures_never_panic(
        fixture in 0..FIXTURES.len(),
        cut in any::<proptest::sample::Index>(),
        flips in proptest::collection::vec((any::<proptest::sample::Index>(), any::<u8>()), 0..8),
    ) {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/inputs").join(FIXTURES[fixture]);
        let mut bytes = std::fs::read(path).unwrap_or_default();
        if !bytes.is_empty() {
            for (at, value) in flips {
                let index = at.index(bytes.len());
                bytes[index] = value;
            }
            bytes.truncate(cut.index(bytes.len() + 1));
        }
        parse_everything(&bytes);
    }
}
