//! Normalizing a long document part by part, so that its memory cost is bounded by the part
//! size rather than the document size.
//!
//! [`cut`] cuts the original text into parts of about `part_bytes`: after a blank line where one
//! is found in the second half of the part (a paragraph break, exactly as the whole document
//! would have it), else at a sentence start inside a line, else after a space, else on a char
//! boundary. The caller then reads the document in three passes over the parts, each of which
//! can run in parallel:
//!
//! 1. [`wrap_stats`] of every part, added up with [`WrapStats::add`]: whether the document is
//!    hard-wrapped, and at which width;
//! 2. [`run_part`] with [`PartContext::first_pass`]: each part's normalized text (joined with
//!    [`Cut::join`] they make the whole normalized text), language votes, transcript labels,
//!    paragraph count, dateline;
//! 3. [`run_part`] again with the context that pass 2 gives ([`Summary::context`]): sentences
//!    whose spans, paragraph indices, languages and speakers are those of the whole document.
//!
//! Cut after a blank line, the parts give the same normalized text and sentences as the whole
//! document. A cut inside a paragraph (a document without blank lines) ends a sentence at the
//! cut; where the cut is at a sentence start, as it nearly always is, nothing changes.

use crate::clean::{self, WrapStats as CleanWrapStats};
use crate::{lang, segment_paragraphs, Continuation, Options};
use chrono::NaiveDate;
use std::collections::HashMap;
use trecho_model::{Diagnostic, Document, Lang, Sentence};

/// How a part attaches to the text before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Join {
    /// A new paragraph: `"\n\n"` between the parts' texts (when neither is empty).
    Paragraph,
    /// Inside a paragraph, between two words: one space.
    Space,
    /// Inside a word (a text with no space for a whole part): nothing.
    Nothing,
}

impl Join {
    /// What goes between the text so far and the next part's text.
    pub fn separator(self) -> &'static str {
        match self {
            Join::Paragraph => "\n\n",
            Join::Space => " ",
            Join::Nothing => "",
        }
    }
}

/// One part of a document: a byte range of `Document::text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cut {
    /// First byte of the part in the original text.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// How it attaches to the part before it (`Paragraph` for the first part).
    pub join: Join,
}

/// How far back from the part size a sentence start is looked for, in bytes.
const SENTENCE_WINDOW: usize = 16 * 1024;

/// Cuts `text` into parts of at most `part_bytes` bytes (see the module docs). A text no
/// longer than `part_bytes` is one part; `part_bytes` of 0 counts as 1.
pub fn cut(text: &str, part_bytes: usize) -> Vec<Cut> {
    let part_bytes = part_bytes.max(1);
    let mut cuts = Vec::new();
    let mut start = 0;
    let mut join = Join::Paragraph;
    while text.len() - start > part_bytes {
        let limit = floor_char_boundary(text, start + part_bytes);
        let low = floor_char_boundary(text, start + part_bytes / 2).max(start);
        let (at, next_join) = after_blank_line(text, low, limit)
            .map(|at| (at, Join::Paragraph))
            .or_else(|| sentence_start(text, low, limit).map(|at| (at, Join::Space)))
            .or_else(|| after_space(text, low, limit).map(|at| (at, Join::Space)))
            .unwrap_or_else(|| {
                // A part of at least one char, so the loop always moves on.
                let at = if limit > start {
                    limit
                } else {
                    ceil_char_boundary(text, start + 1)
                };
                // Landing next to a space is a cut between words after all.
                let bytes = text.as_bytes();
                let beside_space = [at.wrapping_sub(1), at]
                    .iter()
                    .any(|&index| matches!(bytes.get(index), Some(b' ' | b'\t')));
                (
                    at,
                    if beside_space {
                        Join::Space
                    } else {
                        Join::Nothing
                    },
                )
            });
        cuts.push(Cut {
            start,
            end: at,
            join,
        });
        start = at;
        join = next_join;
    }
    cuts.push(Cut {
        start,
        end: text.len(),
        join,
    });
    cuts
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_char_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// The start of the line after the last blank line (only spaces, tabs or `\r`) that ends in
/// `low..limit`, if it is past `low`.
fn after_blank_line(text: &str, low: usize, limit: usize) -> Option<usize> {
    let window = text.get(low..limit)?;
    let bytes = window.as_bytes();
    let mut end = bytes.len();
    while let Some(newline) = bytes[..end].iter().rposition(|&byte| byte == b'\n') {
        let line_start = bytes[..newline]
            .iter()
            .rposition(|&byte| byte == b'\n')
            .map(|at| at + 1);
        // The line must lie wholly inside the window, so that it is known to be blank.
        let Some(line_start) = line_start else { break };
        let line = &bytes[line_start..newline];
        if line
            .iter()
            .all(|&byte| matches!(byte, b' ' | b'\t' | b'\r'))
        {
            return Some(low + newline + 1);
        }
        end = newline;
    }
    None
}

/// The start of the last sentence that begins inside a line in the window before `limit`,
/// preceded by a space (so the cut falls between two words of the same line).
fn sentence_start(text: &str, low: usize, limit: usize) -> Option<usize> {
    let from = floor_char_boundary(text, limit.saturating_sub(SENTENCE_WINDOW)).max(low);
    let window = text.get(from..limit)?;
    // The window may start inside a sentence: the first one found is not a real start, and
    // the last one may be cut short by the window's end, so its start is the best cut.
    crate::segment::sentences(window)
        .into_iter()
        .skip(1)
        .map(|(start, _)| start)
        .rev()
        .find(|&start| {
            let before = &window.as_bytes()[..start];
            before.last() == Some(&b' ')
                && !window[start..].starts_with('>')
                && before
                    .iter()
                    .rev()
                    .find(|&&byte| byte != b' ')
                    .is_some_and(|&byte| byte != b'\n')
        })
        .map(|start| from + start)
}

/// The start of the last word preceded by a space or tab (not a line break) in the window.
fn after_space(text: &str, low: usize, limit: usize) -> Option<usize> {
    let window = text.get(low..limit)?;
    let bytes = window.as_bytes();
    (1..bytes.len())
        .rev()
        .find(|&at| {
            matches!(bytes[at - 1], b' ' | b'\t')
                && !matches!(bytes[at], b' ' | b'\t' | b'\n' | b'\r' | b'>')
                && window.is_char_boundary(at)
        })
        .map(|at| low + at)
}

/// Counts that decide whether a document is hard-wrapped; see [`wrap_stats`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WrapStats(CleanWrapStats);

impl WrapStats {
    /// Adds the counts of another part.
    pub fn add(&mut self, other: &WrapStats) {
        self.0.add(&other.0);
    }

    /// The document's wrap width, or `None` when it is not hard-wrapped.
    pub fn width(&self) -> Option<usize> {
        self.0.width()
    }
}

/// The wrap counts of the lines that start in a part (a line cut by the part's end counts
/// whole, in the part where it starts), so that adding up every part's counts gives the
/// whole document's.
pub fn wrap_stats(text: &str, cut: &Cut) -> WrapStats {
    let line_start = |at: usize| {
        if at == 0 || text.as_bytes().get(at - 1) == Some(&b'\n') {
            at
        } else {
            text.get(at..)
                .and_then(|rest| rest.find('\n'))
                .map_or(text.len(), |newline| at + newline + 1)
        }
    };
    let start = line_start(cut.start);
    let end = if cut.end >= text.len() {
        text.len()
    } else {
        line_start(cut.end).saturating_sub(1).max(start)
    };
    if start >= end {
        return WrapStats::default();
    }
    WrapStats(CleanWrapStats::of_range(text, start, end))
}

/// What a part needs to know about the whole document.
#[derive(Debug, Clone, Default)]
pub struct PartContext {
    /// The document's wrap width ([`WrapStats::width`] over every part).
    pub wrap_width: Option<usize>,
    /// The document's language; `None` in the first pass (sentence languages are then
    /// provisional).
    pub lang: Option<Lang>,
    /// How many paragraphs each title-case transcript label opens in the whole document;
    /// `None` in the first pass (counted in the part).
    pub title_case_labels: Option<HashMap<String, usize>>,
    /// Byte offset of the part's text in the whole normalized text (0 in the first pass).
    pub normalized_offset: usize,
    /// Index of the part's first paragraph in the whole document (0 in the first pass).
    pub paragraph_offset: usize,
    /// The transcript speaker in effect where the part starts.
    pub speaker: Option<String>,
}

impl PartContext {
    /// The context of the first pass, when only the wrap width is known.
    pub fn first_pass(wrap_width: Option<usize>) -> PartContext {
        PartContext {
            wrap_width,
            ..PartContext::default()
        }
    }
}

/// English and Spanish function-word votes of a text; the document's language is the winner of
/// the votes of all its sentences.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LanguageVotes {
    /// English votes.
    pub english: usize,
    /// Spanish votes.
    pub spanish: usize,
}

/// One part, normalized.
#[derive(Debug, Clone)]
pub struct Part {
    /// The part's normalized text (joined to the text before it with its cut's [`Join`]).
    pub text: String,
    /// Its sentences, with offsets into the whole normalized text (given by
    /// [`PartContext::normalized_offset`]) and paragraph indices of the whole document.
    pub sentences: Vec<Sentence>,
    /// Checkpoints `(normalized_offset, original_offset)` like `Normalized::offset_map`:
    /// offsets into the whole normalized text and the whole original text.
    pub offset_map: Vec<(usize, usize)>,
    /// Warnings (byte offsets into the whole normalized text).
    pub diagnostics: Vec<Diagnostic>,
    /// Language votes of the part's sentences.
    pub votes: LanguageVotes,
    /// Transcript labels opening the part's paragraphs, in order: `(label, title_case)`.
    /// Upper-case labels are given as the speaker name; title-case ones as written with their
    /// colon, which is how [`PartContext::title_case_labels`] counts them.
    pub labels: Vec<(String, bool)>,
    /// How many paragraphs the part's text has (the first one continues the previous part's
    /// last paragraph when the cut is not [`Join::Paragraph`]).
    pub paragraphs: usize,
    /// A dateline found in the part's first paragraphs (meaningful for the first part only).
    pub dateline: Option<NaiveDate>,
    /// The `Date:` of a forwarded-message header block dropped from the part.
    pub forwarded_date: Option<NaiveDate>,
}

/// Normalizes one part of `document` (see the module docs for the passes).
pub fn run_part(document: &Document, cut: &Cut, context: &PartContext, options: &Options) -> Part {
    let cleaned = clean::clean_range(&document.text, cut.start, cut.end, Some(context.wrap_width));
    let continuation = Continuation {
        normalized_offset: context.normalized_offset,
        paragraph_offset: context.paragraph_offset,
        inside_paragraph: cut.join != Join::Paragraph,
        speaker: context.speaker.clone(),
    };
    let segmented = segment_paragraphs(
        &cleaned,
        document,
        options,
        &continuation,
        context.title_case_labels.as_ref(),
    );
    let fallback = context.lang.or(document.lang).unwrap_or(Lang::En);
    let sentences = segmented
        .sentences
        .into_iter()
        .map(|(mut sentence, votes)| {
            sentence.lang = votes.winner(fallback);
            sentence
        })
        .collect();
    let lang::Votes { english, spanish } = segmented.votes;
    Part {
        dateline: crate::dateline::dateline(&cleaned.text, &cleaned.paragraphs),
        forwarded_date: crate::forwarded_date(&cleaned),
        offset_map: cleaned
            .offset_map
            .iter()
            .map(|&(normalized, original)| (context.normalized_offset + normalized, original))
            .collect(),
        text: cleaned.text,
        sentences,
        diagnostics: segmented.diagnostics,
        votes: LanguageVotes { english, spanish },
        labels: segmented.labels,
        paragraphs: segmented.paragraphs,
    }
}

/// Where a part lies in the whole document, and the transcript labels it holds.
#[derive(Debug, Clone, Default)]
struct PartPlace {
    normalized_offset: usize,
    paragraph_offset: usize,
    labels: Vec<(String, bool)>,
}

/// What the first pass over every part says about the whole document; gathered with
/// [`Summary::add`] part after part, in order.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    wrap_width: Option<usize>,
    /// Length of the whole normalized text so far.
    pub text_bytes: usize,
    paragraphs: usize,
    votes: lang::Votes,
    title_case_labels: HashMap<String, usize>,
    parts: Vec<PartPlace>,
    dateline: Option<NaiveDate>,
    forwarded_date: Option<NaiveDate>,
}

impl Summary {
    /// A summary for a document with this wrap width.
    pub fn new(wrap_width: Option<usize>) -> Summary {
        Summary {
            wrap_width,
            ..Summary::default()
        }
    }

    /// Adds the next part from the first pass; returns the separator to put before its text
    /// in the whole normalized text.
    pub fn add(&mut self, cut: &Cut, part: &Part) -> &'static str {
        let separator = if self.text_bytes == 0 || part.text.is_empty() {
            ""
        } else {
            cut.join.separator()
        };
        // Inside a paragraph, the part's first paragraph is the last one so far.
        let continues = cut.join != Join::Paragraph && self.text_bytes > 0 && !part.text.is_empty();
        let paragraph_offset = if continues {
            self.paragraphs - 1
        } else {
            self.paragraphs
        };
        let normalized_offset = self.text_bytes + separator.len();
        if self.parts.is_empty() {
            self.dateline = part.dateline;
        }
        self.forwarded_date = self.forwarded_date.or(part.forwarded_date);
        self.text_bytes = normalized_offset + part.text.len();
        self.paragraphs = paragraph_offset + part.paragraphs;
        self.votes.add(lang::Votes {
            english: part.votes.english,
            spanish: part.votes.spanish,
        });
        for (label, title_case) in &part.labels {
            if *title_case {
                *self.title_case_labels.entry(label.clone()).or_default() += 1;
            }
        }
        self.parts.push(PartPlace {
            normalized_offset,
            paragraph_offset,
            labels: part.labels.clone(),
        });
        separator
    }

    /// The document's language: `given` (metadata), else the winner of every sentence's votes.
    pub fn lang(&self, given: Option<Lang>) -> Lang {
        given.unwrap_or_else(|| self.votes.winner(Lang::En))
    }

    /// The publication date: `given` (metadata), else the dateline, else a forwarded
    /// message's date, as for a whole document.
    pub fn published(&self, given: Option<NaiveDate>) -> Option<NaiveDate> {
        given.or(self.dateline).or(self.forwarded_date)
    }

    /// The context for normalizing part `index` in the last pass.
    pub fn context(&self, index: usize, lang: Lang) -> PartContext {
        let (normalized_offset, paragraph_offset) = self
            .parts
            .get(index)
            .map_or((self.text_bytes, self.paragraphs), |part| {
                (part.normalized_offset, part.paragraph_offset)
            });
        // The speaker where the part starts: the last label before it that counts.
        let speaker = self.parts[..index.min(self.parts.len())]
            .iter()
            .rev()
            .flat_map(|part| part.labels.iter().rev())
            .find_map(|(label, title_case)| {
                if !title_case {
                    Some(label.clone())
                } else if self.title_case_labels.get(label).is_some_and(|&n| n >= 2) {
                    let name = label.get(..label.len().saturating_sub(1)).unwrap_or("");
                    Some(name.trim().to_string())
                } else {
                    None
                }
            });
        PartContext {
            wrap_width: self.wrap_width,
            lang: Some(lang),
            title_case_labels: Some(self.title_case_labels.clone()),
            normalized_offset,
            paragraph_offset,
            speaker,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use trecho_model::Format;

    /// Normalizes `document` in parts of `part_bytes` and returns the whole text and sentences.
    fn in_parts(document: &Document, part_bytes: usize) -> (String, Vec<Sentence>, usize) {
        let options = Options::default();
        let cuts = cut(&document.text, part_bytes);
        let mut stats = WrapStats::default();
        for part in &cuts {
            stats.add(&wrap_stats(&document.text, part));
        }
        let mut summary = Summary::new(stats.width());
        let mut text = String::new();
        for part_cut in &cuts {
            let part = run_part(
                document,
                part_cut,
                &PartContext::first_pass(stats.width()),
                &options,
            );
            text.push_str(summary.add(part_cut, &part));
            text.push_str(&part.text);
        }
        let lang = summary.lang(document.lang);
        let mut sentences = Vec::new();
        for (index, part_cut) in cuts.iter().enumerate() {
            let part = run_part(document, part_cut, &summary.context(index, lang), &options);
            sentences.extend(part.sentences);
        }
        (text, sentences, cuts.len())
    }

    fn corpus_text() -> String {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/demo");
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
            .collect();
        paths.sort();
        paths
            .iter()
            .map(|path| std::fs::read_to_string(path).unwrap())
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    #[test]
    fn cuts_cover_the_text_on_char_boundaries() {
        let text = "Él dijo. ".repeat(50) + &"ñ".repeat(300) + "\n\nOtro párrafo aquí.";
        for part_bytes in [1, 7, 64, 100, 1000] {
            let cuts = cut(&text, part_bytes);
            assert_eq!(cuts[0].start, 0);
            assert_eq!(cuts.last().unwrap().end, text.len());
            for pair in cuts.windows(2) {
                assert_eq!(pair[0].end, pair[1].start);
            }
            for part in &cuts {
                assert!(part.start < part.end, "{part:?}");
                assert!(text.is_char_boundary(part.start) && text.is_char_boundary(part.end));
            }
        }
    }

    #[test]
    fn cuts_prefer_paragraphs_then_sentences() {
        let paragraph = "Mexico sent troops to the border. The United States paused tariffs.";
        let text = [paragraph; 6].join("\n\n");
        let cuts = cut(&text, 150);
        assert!(cuts.len() > 1);
        assert!(cuts[1..].iter().all(|part| part.join == Join::Paragraph));
        assert!(cuts[1..]
            .iter()
            .all(|part| text[part.start..].starts_with("Mexico")));
        let one_line = [paragraph; 6].join(" ");
        let cuts = cut(&one_line, 150);
        assert!(cuts[1..].iter().all(|part| part.join == Join::Space));
        for part in &cuts[1..] {
            let rest = &one_line[part.start..];
            assert!(
                rest.starts_with("Mexico") || rest.starts_with("The United"),
                "{rest}"
            );
        }
    }

    #[test]
    fn parts_give_the_whole_documents_text_and_sentences() {
        let text = corpus_text();
        let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for (text, format) in [
            (text.clone(), Format::Text),
            (one_line, Format::Text),
            (text, Format::Transcript),
        ] {
            let document = Document {
                text,
                format,
                ..Document::default()
            };
            let whole = crate::run(&document);
            for part_bytes in [2_000, 10_000, 50_000] {
                let (joined, sentences, n_parts) = in_parts(&document, part_bytes);
                assert!(n_parts > 1 || part_bytes >= document.text.len());
                assert_eq!(joined, whole.text, "part size {part_bytes}");
                assert_eq!(sentences, whole.sentences, "part size {part_bytes}");
                for sentence in &sentences {
                    assert!(joined.is_char_boundary(sentence.start));
                    assert!(joined.is_char_boundary(sentence.end));
                }
            }
        }
    }

    #[test]
    fn wrap_counts_of_parts_add_up_to_the_whole_documents() {
        // Hard-wrapped paragraphs, then a line longer than the long-line threshold.
        let wrapped = "Mexico agreed to send ten thousand soldiers to the border after the\n\
                       call, and the United States paused the tariffs for one month while\n\
                       the two governments negotiated the rest of the agreement.\n\n";
        let long_line = "The talks went on. ".repeat(5_000);
        let text = wrapped.repeat(40) + &long_line + "\n\n" + &wrapped.repeat(40);
        let whole = WrapStats(CleanWrapStats::of(&clean::read_lines_for_tests(&text)));
        assert!(whole.width().is_some());
        for part_bytes in [500, 5_000, 50_000] {
            let mut stats = WrapStats::default();
            for part in cut(&text, part_bytes) {
                stats.add(&wrap_stats(&text, &part));
            }
            assert_eq!(stats, whole, "part size {part_bytes}");
        }
    }

    #[test]
    fn a_cut_inside_a_word_keeps_the_text() {
        let document = Document {
            text: "Mexicoandthe".repeat(10) + " and more words.",
            ..Document::default()
        };
        let whole = crate::run(&document);
        let (joined, sentences, n_parts) = in_parts(&document, 30);
        assert!(n_parts > 3);
        assert_eq!(joined, whole.text);
        for sentence in &sentences {
            assert!(sentence.start < sentence.end && sentence.end <= joined.len());
        }
    }
}
