//! Fuzz target: date finding and parsing.
//!
//! `trecho_extract::dates::find_all` never panics on any text, language or publication date
//! (including dates near the ends of chrono's range, where "next month" must not overflow); every
//! mention's span lies on char boundaries inside the sentence and its date is a real date that
//! survives a print/parse round trip. `PartialDate::parse` never panics and round-trips what it
//! accepts.
#![no_main]

use chrono::{Duration, NaiveDate};
use libfuzzer_sys::fuzz_target;
use trecho_model::{Lang, PartialDate};

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    // First two bytes pick the publication date: 0 means none, else a day within ~180 years of
    // 1900, plus the extremes chrono allows.
    let selector = u16::from_le_bytes([data[0], data[1]]);
    let published = match selector {
        0 => None,
        1 => Some(NaiveDate::MIN),
        2 => Some(NaiveDate::MAX),
        n => NaiveDate::from_ymd_opt(1900, 1, 1)
            .and_then(|base| base.checked_add_signed(Duration::days(i64::from(n)))),
    };
    let lang = if data[2] % 2 == 0 { Lang::En } else { Lang::Es };
    let text = String::from_utf8_lossy(&data[3..]);

    for mention in trecho_extract::dates::find_all(&text, lang, published) {
        assert!(mention.start <= mention.end && mention.end <= text.len());
        assert!(text.is_char_boundary(mention.start) && text.is_char_boundary(mention.end));
        let printed = mention.date.to_string();
        assert_eq!(
            PartialDate::parse(&printed),
            Some(mention.date),
            "{printed}"
        );
    }

    if let Some(date) = PartialDate::parse(&text) {
        assert_eq!(PartialDate::parse(&date.to_string()), Some(date));
    }
});
