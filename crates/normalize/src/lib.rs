//! Normalize: a [`Document`]'s text → canonical normalized text, sentences with byte offsets,
//! publication date (dateline) and language.
//!
//! No IO, no `Result`: problems become diagnostics in [`Normalized::diagnostics`].
//!
//! What normalization does, in order:
//! 1. cleaning (`clean.rs`): scrubbed-link markers (`[[link removed]]`, `<https://…>`) and
//!    newsletter furniture (share buttons, "View in browser", subscription footers, forwarded
//!    header blocks, postal addresses, copyright lines) are dropped; hard line wraps and
//!    end-of-line hyphenation are undone; every intended line break (headline, dateline, bullet,
//!    speaker turn) becomes a paragraph break `"\n\n"`; whitespace collapses to one space;
//! 2. segmentation (`segment.rs`): sentences inside each paragraph, aware of abbreviations,
//!    initials, numbers and quotes; spans are trimmed byte ranges of the normalized text;
//! 3. speakers (`speaker.rs`): in transcripts, a paragraph starting with `"NAME: "` opens a turn;
//!    its sentences get `speaker = NAME` and the label stays out of the sentence span;
//! 4. language (`lang.rs`) per sentence and per document, and the publication date
//!    (`dateline.rs`) when the document has none.
//!
//! Normalizing the normalized text again gives the same text.
//!
//! ```
//! use trecho_model::{Document, Format};
//! let document = Document {
//!     text: "Trump threatened Sheinbaum with more tariffs again this month to\n\
//!            force Mexico to send more water.  Mexico said it would com-\n\
//!            ply.\n".into(),
//!     format: Format::Text,
//!     ..Document::default()
//! };
//! let normalized = trecho_normalize::run(&document);
//! let sentences: Vec<&str> =
//!     normalized.sentences.iter().map(|s| normalized.sentence_text(s)).collect();
//! assert_eq!(sentences, [
//!     "Trump threatened Sheinbaum with more tariffs again this month to force Mexico to send more water.",
//!     "Mexico said it would comply.",
//! ]);
//! ```

mod clean;
mod dateline;
mod furniture;
mod lang;
pub mod parts;
mod segment;
mod speaker;

use std::collections::HashMap;
use trecho_model::{Diagnostic, Document, Format, Lang, Normalized, Sentence};

/// Knobs of normalization.
#[derive(Debug, Clone)]
pub struct Options {
    /// Sentences longer than this many bytes are split at a clause or word boundary, with a
    /// diagnostic. Extraction patterns do not need more, and it bounds the work per sentence.
    pub max_sentence_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_sentence_bytes: 2_000,
        }
    }
}

/// Normalizes a document with the default [`Options`].
pub fn run(document: &Document) -> Normalized {
    run_with_options(document, &Options::default())
}

/// Normalizes a document.
pub fn run_with_options(document: &Document, options: &Options) -> Normalized {
    let cleaned = clean::clean(&document.text);
    let mut segmented =
        segment_paragraphs(&cleaned, document, options, &Continuation::default(), None);
    let document_lang = document
        .lang
        .unwrap_or_else(|| segmented.votes.winner(Lang::En));
    let sentences = segmented
        .sentences
        .into_iter()
        .map(|(mut sentence, votes)| {
            sentence.lang = votes.winner(document_lang);
            sentence
        })
        .collect();
    let published = document
        .published
        .or_else(|| dateline::dateline(&cleaned.text, &cleaned.paragraphs))
        .or_else(|| forwarded_date(&cleaned));
    Normalized {
        text: cleaned.text,
        sentences,
        published,
        lang: document_lang,
        offset_map: cleaned.offset_map,
        diagnostics: std::mem::take(&mut segmented.diagnostics),
    }
}

fn forwarded_date(cleaned: &clean::Cleaned) -> Option<chrono::NaiveDate> {
    cleaned
        .forwarded_date
        .as_deref()
        .and_then(dateline::find_date)
        .map(|(_, date)| date)
}

/// Where a part of a long document starts in the whole one (all zero for a whole document).
#[derive(Debug, Clone, Default)]
pub(crate) struct Continuation {
    /// Byte offset of the part's text in the whole normalized text.
    pub(crate) normalized_offset: usize,
    /// Index of the part's first paragraph in the whole document.
    pub(crate) paragraph_offset: usize,
    /// The part starts inside a paragraph (its first paragraph continues the previous part's
    /// last one), so that paragraph has no speaker label or bullet of its own.
    pub(crate) inside_paragraph: bool,
    /// The transcript speaker in effect where the part starts.
    pub(crate) speaker: Option<String>,
}

/// What segmentation found: sentences with their language votes (the language is decided once
/// the whole document's votes are known), and the speaker labels seen.
pub(crate) struct Segmented {
    pub(crate) sentences: Vec<(Sentence, lang::Votes)>,
    pub(crate) votes: lang::Votes,
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// Transcript labels opening paragraphs, in order: `(label, title_case)`. Title-case ones
    /// count as speakers only when the document has them twice or more.
    pub(crate) labels: Vec<(String, bool)>,
    /// How many paragraphs the text has.
    pub(crate) paragraphs: usize,
}

/// Sentences of cleaned text. `title_case_counts` are the whole document's counts of
/// title-case labels; `None` counts them in `cleaned` (a whole document).
pub(crate) fn segment_paragraphs(
    cleaned: &clean::Cleaned,
    document: &Document,
    options: &Options,
    continuation: &Continuation,
    title_case_counts: Option<&HashMap<String, usize>>,
) -> Segmented {
    let mut diagnostics = Vec::new();
    let mut labels = Vec::new();
    let is_transcript = document.format == Format::Transcript;
    let opens_paragraph =
        |paragraph_idx: usize| paragraph_idx > 0 || !continuation.inside_paragraph;
    // Title-case labels ("Secretary Rubio:") count only when they open two or more paragraphs,
    // as in the ingest transcript reader, so "Washington: …" in a header is not a speaker.
    let mut local_counts: HashMap<String, usize> = HashMap::new();
    if is_transcript && title_case_counts.is_none() {
        for (paragraph_idx, &(start, end)) in cleaned.paragraphs.iter().enumerate() {
            let paragraph = cleaned.text.get(start..end).unwrap_or("");
            if opens_paragraph(paragraph_idx) && speaker::label_length(paragraph).is_none() {
                if let Some(label_len) = speaker::transcript_label_length(paragraph) {
                    let label = paragraph.get(..label_len).unwrap_or("");
                    *local_counts.entry(label.to_string()).or_default() += 1;
                }
            }
        }
    }
    let title_case_counts = title_case_counts.unwrap_or(&local_counts);

    let mut sentences = Vec::new();
    let mut document_votes = lang::Votes::default();
    let mut speaker: Option<String> = continuation.speaker.clone();
    for (paragraph_idx, &(paragraph_start, paragraph_end)) in cleaned.paragraphs.iter().enumerate()
    {
        let paragraph = cleaned
            .text
            .get(paragraph_start..paragraph_end)
            .unwrap_or("");
        let mut body_offset = 0;
        let opens = opens_paragraph(paragraph_idx);
        if is_transcript && opens {
            let upper_len = speaker::label_length(paragraph);
            let title_len = upper_len
                .is_none()
                .then(|| speaker::transcript_label_length(paragraph))
                .flatten();
            if let Some(len) = title_len {
                labels.push((paragraph.get(..len).unwrap_or("").to_string(), true));
            }
            let label_len = upper_len.or_else(|| {
                title_len.filter(|&len| {
                    let label = paragraph.get(..len).unwrap_or("");
                    title_case_counts
                        .get(label)
                        .is_some_and(|&count| count >= 2)
                })
            });
            if let Some(label_len) = label_len {
                let label = paragraph.get(..label_len - 1).unwrap_or("").trim();
                if upper_len.is_some() {
                    labels.push((label.to_string(), false));
                }
                speaker = Some(label.to_string());
                body_offset = label_len;
            }
        }
        let body = paragraph.get(body_offset..).unwrap_or("");
        let bullet = if opens { bullet_length(body) } else { 0 };
        let body_offset = paragraph_start + body_offset + bullet;
        let body = cleaned.text.get(body_offset..paragraph_end).unwrap_or("");
        for (start, end) in segment::sentences(body) {
            let pieces = split_long(
                &cleaned.text,
                body_offset + start,
                body_offset + end,
                options.max_sentence_bytes,
                continuation.normalized_offset,
                &document.source,
                &mut diagnostics,
            );
            for (piece_start, piece_end) in pieces {
                let sentence_text = cleaned.text.get(piece_start..piece_end).unwrap_or("");
                let votes = lang::votes(sentence_text);
                document_votes.add(votes);
                sentences.push((
                    Sentence {
                        start: continuation.normalized_offset + piece_start,
                        end: continuation.normalized_offset + piece_end,
                        paragraph: continuation.paragraph_offset + paragraph_idx,
                        lang: Lang::En,
                        speaker: speaker.clone(),
                    },
                    votes,
                ));
            }
        }
    }
    Segmented {
        sentences,
        votes: document_votes,
        diagnostics,
        labels,
        paragraphs: cleaned.paragraphs.len(),
    }
}

/// Length of a list bullet ("- ", "• ", "1. ") at the start of a paragraph, space included.
fn bullet_length(paragraph: &str) -> usize {
    let Some(first) = paragraph.split(' ').next() else {
        return 0;
    };
    if first.len() < paragraph.len() && clean::is_bullet(first) {
        first.len() + 1
    } else {
        0
    }
}

/// Splits `start..end` into pieces of at most `max` bytes at a clause or word boundary.
fn split_long(
    text: &str,
    start: usize,
    end: usize,
    max: usize,
    reported_offset: usize,
    source: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<(usize, usize)> {
    if end - start <= max || max == 0 {
        return vec![(start, end)];
    }
    diagnostics.push(Diagnostic {
        source: source.to_string(),
        message: format!(
            "sentence at byte {} is {} bytes long, over the limit of {max}: split at clause boundaries",
            reported_offset + start,
            end - start
        ),
    });
    let mut pieces = Vec::new();
    let mut piece_start = start;
    while end - piece_start > max {
        let mut limit = piece_start + max;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = text.get(piece_start..limit).unwrap_or("");
        // Prefer a clause break, then any space; as a last resort cut inside a word.
        let cut = ["; ", ", ", " "]
            .iter()
            .find_map(|sep| window.rfind(sep).filter(|&at| at > 0).map(|at| at + 1))
            .unwrap_or(window.len());
        let cut = if cut == 0 { window.len().max(1) } else { cut };
        let piece_end = piece_start + cut;
        let trimmed_end = piece_start
            + text
                .get(piece_start..piece_end)
                .unwrap_or("")
                .trim_end()
                .len();
        if trimmed_end > piece_start {
            pieces.push((piece_start, trimmed_end));
        }
        piece_start = piece_end;
        while text.as_bytes().get(piece_start) == Some(&b' ') {
            piece_start += 1;
        }
        if window.is_empty() {
            break;
        }
    }
    if piece_start < end {
        pieces.push((piece_start, end));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Normalizes `text` and lists `(sentence, speaker, lang)`.
    fn check(text: &str, format: Format, expect: &[(&str, Option<&str>, Lang)]) -> Normalized {
        let document = Document {
            text: text.to_string(),
            format,
            ..Document::default()
        };
        let normalized = run(&document);
        let found: Vec<(&str, Option<&str>, Lang)> = normalized
            .sentences
            .iter()
            .map(|s| (normalized.sentence_text(s), s.speaker.as_deref(), s.lang))
            .collect();
        assert_eq!(found, expect);
        normalized
    }

    #[test]
    fn speaker_labels_stay_out_of_spans() {
        let normalized = check(
            "Remarks\n\nTHE PRESIDENT: We will act. Soon.\n\nMore words here.\n\nQ: And Mexico?",
            Format::Transcript,
            &[
                ("Remarks", None, Lang::En),
                ("We will act.", Some("THE PRESIDENT"), Lang::En),
                ("Soon.", Some("THE PRESIDENT"), Lang::En),
                ("More words here.", Some("THE PRESIDENT"), Lang::En),
                ("And Mexico?", Some("Q"), Lang::En),
            ],
        );
        assert!(normalized.text.contains("THE PRESIDENT: We will act."));
    }

    #[test]
    fn title_case_labels_need_to_repeat() {
        check(
            "Washington: A statement.\n\nSecretary Rubio: Thank you.\n\nSecretary Rubio: Yes.",
            Format::Transcript,
            &[
                ("Washington: A statement.", None, Lang::En),
                ("Thank you.", Some("Secretary Rubio"), Lang::En),
                ("Yes.", Some("Secretary Rubio"), Lang::En),
            ],
        );
    }

    #[test]
    fn labels_in_plain_text_are_not_speakers() {
        check(
            "THE PRESIDENT: We will act.",
            Format::Text,
            &[("THE PRESIDENT: We will act.", None, Lang::En)],
        );
    }

    #[test]
    fn bullets_are_sentences_without_their_marker() {
        check(
            "Mexico agreed to three things:\n- 10,000 troops at the border\n- extraditions of cartel leaders\n• water deliveries",
            Format::Text,
            &[
                ("Mexico agreed to three things:", None, Lang::En),
                ("10,000 troops at the border", None, Lang::En),
                ("extraditions of cartel leaders", None, Lang::En),
                ("water deliveries", None, Lang::En),
            ],
        );
    }

    #[test]
    fn language_per_sentence() {
        let normalized = check(
            "La presidenta dijo que no. \"We will never accept that,\" the official said. El gobierno de México respondió con una nota.",
            Format::Text,
            &[
                ("La presidenta dijo que no.", None, Lang::Es),
                ("\"We will never accept that,\" the official said.", None, Lang::En),
                ("El gobierno de México respondió con una nota.", None, Lang::Es),
            ],
        );
        assert_eq!(normalized.lang, Lang::Es);
    }

    #[test]
    fn publication_date_priority() {
        let date = |text: &str, published: Option<&str>| {
            let document = Document {
                text: text.to_string(),
                published: published.and_then(|p| p.parse().ok()),
                ..Document::default()
            };
            run(&document).published.map(|d| d.to_string())
        };
        let text = "---------- Forwarded message ---------\nDate: Mon, Dec 29, 2025 at 7:02 AM\n\nTitle\n\nDecember 24, 2025\n\nBody text.";
        assert_eq!(
            date(text, Some("2025-12-01")).as_deref(),
            Some("2025-12-01")
        );
        assert_eq!(date(text, None).as_deref(), Some("2025-12-24"));
        let no_dateline = "---------- Forwarded message ---------\nDate: Mon, Dec 29, 2025 at 7:02 AM\n\nBody text.";
        assert_eq!(date(no_dateline, None).as_deref(), Some("2025-12-29"));
        assert_eq!(date("Body text.", None), None);
    }

    #[test]
    fn offset_map_points_into_the_original() {
        let text = "> Quoted  line with inter-\n> national words [[link removed]].\n\n\nNext.";
        let document = Document {
            text: text.to_string(),
            ..Document::default()
        };
        let normalized = run(&document);
        assert_eq!(
            normalized.text,
            "Quoted line with international words.\n\nNext."
        );
        for word in ["Quoted", "line", "inter", "national", "Next"] {
            let at = normalized.text.find(word).unwrap_or(0);
            let original = normalized.original_offset(at);
            assert!(text[original..].starts_with(word), "{word} → {original}");
        }
    }
}
