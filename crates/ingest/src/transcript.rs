//! Transcripts: speaker-labelled turns ("PRESIDENTA CLAUDIA SHEINBAUM PARDO: …",
//! "SECRETARY RUBIO: …", "Q: …").
//!
//! # The turn convention
//!
//! The document text this reader produces (and that `trecho-normalize` expects for
//! [`Format::Transcript`]) is a sequence of paragraphs separated by a blank line. A paragraph
//! that opens a turn starts with `LABEL: ` where `LABEL` is the speaker as written in the
//! transcript (one to sixteen words, e.g. `THE PRESIDENT`, `Q`, `Secretary Rubio`, `PRESIDENTA DE MÉXICO, CLAUDIA SHEINBAUM PARDO`). Paragraphs
//! without a label continue the previous speaker's turn; text before the first label (title,
//! date, place) has no speaker. Normalization attaches the label to every sentence of the turn
//! as `Sentence::speaker` and keeps the label out of the sentence spans.
//!
//! Recognised labels: an upper-case label followed by `:` at the start of a line
//! (`THE PRESIDENT:`, `MR. O'BRIEN:`), White House style `Q` or `Q.` followed by a tab or
//! spaces, and a title-case label (`Secretary Rubio:`) when the same label opens at least two
//! lines of the file.

use crate::{Error, Limits};
use std::collections::HashMap;
use trecho_model::{Diagnostic, Document, Format};

/// The most words a label may have.
const MAX_LABEL_WORDS: usize = 16;
/// The most bytes a label may have.
const MAX_LABEL_BYTES: usize = 160;

/// Reads a transcript as one document in the turn convention.
pub(crate) fn parse(
    bytes: &[u8],
    source: &str,
    limits: &Limits,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Vec<Document>, Error> {
    let text = crate::text::decode(bytes, source, diagnostics)?;
    let turns = to_turns(&text);
    if turns.n_turns == 0 {
        diagnostics.push(Diagnostic {
            source: source.to_string(),
            message: "no speaker labels (\"NAME: words\") found: read as plain text".to_string(),
        });
    }
    crate::check_document_size(&turns.text, source, limits)?;
    Ok(vec![Document {
        source: source.to_string(),
        format: Format::Transcript,
        text: turns.text,
        ..Document::default()
    }])
}

/// Text rewritten in the turn convention.
pub(crate) struct Turns {
    pub(crate) text: String,
    pub(crate) n_turns: usize,
}

/// Rewrites transcript text so every turn starts a paragraph with `LABEL: `.
pub(crate) fn to_turns(text: &str) -> Turns {
    // Title-case labels count only when they repeat, so "Note: …" in prose is left alone.
    let mut title_case_counts: HashMap<&str, usize> = HashMap::new();
    for line in text.lines() {
        if let Some((label, _)) = split_label(line.trim_start()) {
            if !is_upper_case_label(label) {
                *title_case_counts.entry(label).or_default() += 1;
            }
        }
    }
    let mut out = String::with_capacity(text.len() + 64);
    let mut n_turns = 0usize;
    for line in text.lines() {
        let trimmed = line.trim();
        let label = split_label(trimmed).filter(|(label, _)| {
            is_upper_case_label(label) || title_case_counts.get(label).is_some_and(|&n| n >= 2)
        });
        match label {
            Some((label, words)) => {
                n_turns += 1;
                paragraph_break(&mut out);
                out.push_str(label);
                out.push_str(": ");
                out.push_str(words.trim());
                out.push('\n');
            }
            None if trimmed.is_empty() => {
                paragraph_break(&mut out);
            }
            None => {
                out.push_str(trimmed);
                out.push('\n');
            }
        }
    }
    Turns {
        text: out.trim_end().to_string(),
        n_turns,
    }
}

fn paragraph_break(out: &mut String) {
    if out.is_empty() || out.ends_with("\n\n") {
        return;
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out.push('\n');
}

/// Splits `LABEL: words` (or White House `Q    words`) into the label and the words.
pub(crate) fn split_label(line: &str) -> Option<(&str, &str)> {
    // "Q\tMr. President…" and "Q.  Mr. President…" in White House transcripts.
    for prefix in ["Q.", "Q"] {
        if let Some(rest) = line.strip_prefix(prefix) {
            if rest.starts_with('\t') || rest.starts_with("  ") {
                return Some((&line[..1], rest));
            }
        }
    }
    let head_end = line
        .char_indices()
        .take_while(|&(index, _)| index <= MAX_LABEL_BYTES)
        .find(|&(_, ch)| ch == ':')
        .map(|(index, _)| index)?;
    let label = line.get(..head_end)?.trim_end();
    let rest = line.get(head_end + 1..)?;
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) || label.is_empty() {
        return None;
    }
    let words: Vec<&str> = label.split_whitespace().collect();
    if words.len() > MAX_LABEL_WORDS {
        return None;
    }
    let upper = words.iter().all(|word| is_caps_word(word));
    let title = words.len() <= 4
        && words.first().is_some_and(|word| is_title_word(word))
        && words
            .iter()
            .all(|word| is_title_word(word) || matches!(*word, "de" | "del" | "la" | "of" | "the"));
    (upper || title).then_some((label, rest))
}

fn is_upper_case_label(label: &str) -> bool {
    label.split_whitespace().all(is_caps_word)
}

fn is_caps_word(word: &str) -> bool {
    // A comma may close a word: official transcripts label turns "ROLE, NAME"
    // ("PRESIDENTA DE MÉXICO, CLAUDIA SHEINBAUM PARDO").
    let word = word.strip_suffix(',').unwrap_or(word);
    word.chars().any(char::is_uppercase)
        && word
            .chars()
            .all(|ch| ch.is_uppercase() || matches!(ch, '.' | '\'' | '’' | '-'))
}

fn is_title_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(|ch| ch.is_alphabetic() || matches!(ch, '.' | '\'' | '’' | '-'))
}

/// How many lines of `text` open an upper-case speaker turn (for format sniffing).
pub(crate) fn count_upper_case_turns(text: &str) -> usize {
    text.lines()
        .filter_map(|line| split_label(line.trim_start()))
        .filter(|(label, _)| is_upper_case_label(label))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: &str) {
        assert_eq!(to_turns(input).text, expect);
    }

    #[test]
    fn turns_start_paragraphs() {
        check(
            "Remarks (excerpts)\nNovember 17, 2025\nTHE PRESIDENT: Would I launch strikes?\nIt's OK with me.\nQ:  What about Mexico?\nTHE PRESIDENT:   I am not happy with Mexico.",
            "Remarks (excerpts)\nNovember 17, 2025\n\nTHE PRESIDENT: Would I launch strikes?\nIt's OK with me.\n\nQ: What about Mexico?\n\nTHE PRESIDENT: I am not happy with Mexico.",
        );
    }

    #[test]
    fn role_and_name_labels_of_official_transcripts() {
        check(
            "PRESIDENTA DE MÉXICO, CLAUDIA SHEINBAUM PARDO: Buenos días.\nSECRETARIO DE SEGURIDAD Y PROTECCIÓN CIUDADANA, OMAR GARCÍA HARFUCH: Gracias.",
            "PRESIDENTA DE MÉXICO, CLAUDIA SHEINBAUM PARDO: Buenos días.\n\nSECRETARIO DE SEGURIDAD Y PROTECCIÓN CIUDADANA, OMAR GARCÍA HARFUCH: Gracias.",
        );
    }

    #[test]
    fn white_house_q_and_title_case_labels() {
        check(
            "Q\tMr. President, will you?\nSecretary Rubio: Yes.\nSecretary Rubio: No.\nNote: once.",
            "Q: Mr. President, will you?\n\nSecretary Rubio: Yes.\n\nSecretary Rubio: No.\nNote: once.",
        );
    }

    #[test]
    fn spanish_labels() {
        check(
            "PRESIDENTA CLAUDIA SHEINBAUM PARDO: Buenos días.\nINTERLOCUTORA: Gracias.",
            "PRESIDENTA CLAUDIA SHEINBAUM PARDO: Buenos días.\n\nINTERLOCUTORA: Gracias.",
        );
    }
}
