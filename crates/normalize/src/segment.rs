//! Sentence segmentation of one paragraph of normalized text, for English and Spanish.
//!
//! A byte scanner: a sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or
//! brackets after it) when a space and a sentence start (an upper-case letter, a digit, an
//! opening quote or `¿`/`¡`) follow, unless the word before the period is an abbreviation
//! ("U.S.", "Gen.", "Sra.", "Dec. 24", "No. 5") or an initial ("Donald J. Trump").

/// Titles and other abbreviations that are followed by a name, so never end a sentence.
const TITLE_ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "Drs", "Gen", "Sen", "Sens", "Rep", "Reps", "Gov", "Govs",
    "Lt", "Col", "Capt", "Sgt", "Adm", "Cmdr", "Maj", "Brig", "Prof", "St", "Sr", "Sra", "Srta",
    "Sres", "Dra", "Gral", "Lic", "Ing", "Mtro", "Mtra", "Pres", "Hon", "Rev", "Fr", "Supt", "Amb",
    "Emb", "Cnel", "Tte", "Mons", "Dip", "Sto", "Sta", "Atty", "Asst", "Dep", "Sec",
];

/// Abbreviations that are followed by a number ("No. 5", "Dec. 24", "art. 14").
const NUMBER_ABBREVIATIONS: &[&str] = &[
    "No", "Nos", "no", "núm", "Núm", "art", "Art", "arts", "Vol", "vol", "p", "pp", "Fig", "fig",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "ene",
    "Ene", "abr", "Abr", "ago", "Ago", "sept", "oct", "nov", "dic", "Dic", "ch", "Ch", "sec",
    "Sec", "Para", "para",
];

/// Abbreviations that may end a sentence: they end one only when a typical sentence opener
/// follows ("… in the U.S. The next day …").
const AMBIGUOUS_ABBREVIATIONS: &[&str] = &[
    "Inc", "Corp", "Ltd", "Co", "Jr", "etc", "Bros", "LLC", "vs", "approx", "Ave", "Blvd", "Mt",
    "Ft", "Dept", "Univ", "Assn", "Av", "Cía", "Hnos", "aprox", "Edo", "Cd", "Col", "Jan", "Feb",
    "Aug", "Sept", "Oct", "Nov", "Dec",
];

/// Words that typically open a sentence, checked after an ambiguous abbreviation.
const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "In",
    "On",
    "At",
    "But",
    "And",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "For",
    "As",
    "After",
    "Before",
    "While",
    "When",
    "If",
    "Although",
    "However",
    "Meanwhile",
    "Still",
    "Yet",
    "So",
    "El",
    "La",
    "Los",
    "Las",
    "Lo",
    "Un",
    "Una",
    "En",
    "Por",
    "Pero",
    "Sin",
    "Con",
    "Este",
    "Esta",
    "Estos",
    "Estas",
    "Ese",
    "Esa",
    "Según",
    "Además",
    "Sin",
    "Sus",
    "Su",
    "Al",
    "Del",
    "Mientras",
    "Cuando",
    "Si",
    "También",
    "Ayer",
    "Hoy",
];

/// Byte ranges `(start, end)` of the sentences of `paragraph`, trimmed, in order.
pub(crate) fn sentences(paragraph: &str) -> Vec<(usize, usize)> {
    let bytes = paragraph.as_bytes();
    let mut spans = Vec::new();
    let mut sentence_start = 0;
    let mut index = 0;
    while index < bytes.len() {
        let byte = bytes[index];
        let terminator_len = match byte {
            b'.' | b'!' | b'?' => 1,
            // "…" is E2 80 A6.
            0xE2 if bytes.get(index + 1..index + 3) == Some(&[0x80, 0xA6]) => 3,
            _ => {
                index += 1;
                continue;
            }
        };
        let mut end = index + terminator_len;
        // Further terminators ("?!", "...") and closing quotes or brackets.
        loop {
            match bytes.get(end) {
                Some(b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | b']') => end += 1,
                Some(0xE2)
                    if matches!(
                        bytes.get(end + 1..end + 3),
                        Some([0x80, 0x9D | 0x99 | 0xA6])
                    ) =>
                {
                    end += 3
                }
                // "»" is C2 BB.
                Some(0xC2) if bytes.get(end + 1) == Some(&0xBB) => end += 2,
                _ => break,
            }
        }
        if end >= bytes.len() {
            break;
        }
        if bytes[end] != b' ' {
            index = end.max(index + 1);
            continue;
        }
        let next_start = end + 1;
        let next_word = word_at(paragraph, next_start);
        if starts_sentence(next_word)
            && !is_abbreviation(paragraph, sentence_start, index, byte, next_word)
        {
            push_trimmed(paragraph, sentence_start, end, &mut spans);
            sentence_start = next_start;
        }
        index = end;
    }
    push_trimmed(paragraph, sentence_start, bytes.len(), &mut spans);
    spans
}

/// The word starting at `start` (up to the next space).
fn word_at(text: &str, start: usize) -> &str {
    let rest = text.get(start..).unwrap_or("");
    rest.split(' ').next().unwrap_or("")
}

/// Whether a word can open a sentence: an upper-case letter, a digit, an opening quote,
/// bracket or Spanish inverted mark, or a bullet.
fn starts_sentence(word: &str) -> bool {
    let Some(first) = word.chars().next() else {
        return false;
    };
    first.is_uppercase()
        || first.is_ascii_digit()
        || matches!(
            first,
            '"' | '\'' | '“' | '‘' | '«' | '(' | '[' | '¿' | '¡' | '—' | '–' | '•' | '-'
        )
}

/// Whether the period at `period` ends an abbreviation or initial rather than the sentence.
fn is_abbreviation(
    paragraph: &str,
    sentence_start: usize,
    period: usize,
    terminator: u8,
    next_word: &str,
) -> bool {
    if terminator != b'.' {
        return false;
    }
    // An ellipsis or "?." is not an abbreviation.
    if paragraph.as_bytes().get(period + 1) == Some(&b'.') {
        return false;
    }
    let before = paragraph.get(sentence_start..period).unwrap_or("");
    let word = before.rsplit(' ').next().unwrap_or("");
    // Strip opening punctuation: "(Gen." → "Gen".
    let word = word.trim_start_matches(['"', '\'', '(', '[', '“', '‘', '«', '¿', '¡']);
    if word.is_empty() {
        return false;
    }
    let next_is_digit = next_word.starts_with(|ch: char| ch.is_ascii_digit());
    if TITLE_ABBREVIATIONS.contains(&word) {
        return true;
    }
    if next_is_digit && NUMBER_ABBREVIATIONS.contains(&word) {
        return true;
    }
    let mut chars = word.chars();
    // A single capital letter is an initial ("Donald J. Trump").
    if let (Some(first), None) = (chars.next(), chars.next()) {
        if first.is_uppercase() {
            return true;
        }
    }
    let next_opens = SENTENCE_OPENERS.contains(&next_word.trim_end_matches([',', ':', ';']));
    // Dotted acronyms: "U.S", "U.N", "EE.UU", "a.m", "p.m", "D.C".
    let dotted = word.contains('.')
        && word.split('.').all(|part| {
            !part.is_empty() && part.chars().count() <= 2 && part.chars().all(char::is_alphabetic)
        });
    if dotted || AMBIGUOUS_ABBREVIATIONS.contains(&word) {
        return !next_opens;
    }
    false
}

/// Pushes `start..end` with surrounding spaces removed, if anything is left.
fn push_trimmed(text: &str, start: usize, end: usize, spans: &mut Vec<(usize, usize)>) {
    let Some(slice) = text.get(start..end) else {
        return;
    };
    let trimmed_start = start + (slice.len() - slice.trim_start().len());
    let trimmed_end = start + slice.trim_end().len();
    if trimmed_start < trimmed_end {
        spans.push((trimmed_start, trimmed_end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(paragraph: &str, expect: &[&str]) {
        let found: Vec<&str> = sentences(paragraph)
            .into_iter()
            .map(|(start, end)| &paragraph[start..end])
            .collect();
        assert_eq!(found, expect);
    }

    #[test]
    fn plain_sentences() {
        check(
            "Mexico sent troops. The U.S. paused tariffs! Why? Nobody knows…",
            &[
                "Mexico sent troops.",
                "The U.S. paused tariffs!",
                "Why?",
                "Nobody knows…",
            ],
        );
    }

    #[test]
    fn abbreviations_and_initials() {
        check(
            "President Donald J. Trump spoke with Gen. Smith and Sen. Cruz on Dec. 24 about U.S. troops. It was brief.",
            &[
                "President Donald J. Trump spoke with Gen. Smith and Sen. Cruz on Dec. 24 about U.S. troops.",
                "It was brief.",
            ],
        );
        check(
            "La Sra. Sheinbaum habló con el Gral. Treviño y el Lic. Pérez. Luego se fue.",
            &[
                "La Sra. Sheinbaum habló con el Gral. Treviño y el Lic. Pérez.",
                "Luego se fue.",
            ],
        );
        check(
            "Tariffs rose 3.5 percent under Executive Order No. 14157. The U.S. The end.",
            &[
                "Tariffs rose 3.5 percent under Executive Order No. 14157.",
                "The U.S.",
                "The end.",
            ],
        );
        check(
            "He met officials from the U.N. Security Council. Mr. Rubio left.",
            &[
                "He met officials from the U.N. Security Council.",
                "Mr. Rubio left.",
            ],
        );
    }

    #[test]
    fn quotes_close_sentences() {
        check(
            "\"We will never accept that,\" she said. \"Never.\" Then she left.",
            &[
                "\"We will never accept that,\" she said.",
                "\"Never.\"",
                "Then she left.",
            ],
        );
        check(
            "Dijo: «No aceptamos una intervención.» ¿Qué sigue? ¡Nada!",
            &[
                "Dijo: «No aceptamos una intervención.»",
                "¿Qué sigue?",
                "¡Nada!",
            ],
        );
        check(
            "He said “we are done.” The talks ended.",
            &["He said “we are done.”", "The talks ended."],
        );
    }

    #[test]
    fn lower_case_continuation_does_not_split() {
        check(
            "Officials said e.g. the border and the river. Then more.",
            &[
                "Officials said e.g. the border and the river.",
                "Then more.",
            ],
        );
    }
}
