//! Cleaning: raw document text → normalized text with paragraphs and an offset map.
//!
//! The text is read line by line. Furniture lines and scrubbed-link markers are dropped, hard
//! line wraps are undone (with end-of-line hyphenation), and every other line break becomes a
//! paragraph break. Output paragraphs are separated by `"\n\n"` and words by one space, so
//! cleaning already-clean text gives the same text back.

use crate::furniture;

/// Lines at most this long (in chars) count as "short" when deciding whether a document is
/// hard-wrapped: plain-text email and newsletters wrap at 66–78 columns.
const MAX_WRAPPED_LINE_CHARS: usize = 100;

/// Prefixes that keep their hyphen across a line break ("self-\ndefense" → "self-defense").
const KEEP_HYPHEN_PREFIXES: &[&str] = &[
    "self", "well", "non", "cross", "so", "ex", "half", "all", "long", "short", "high", "low",
    "far", "full", "mid", "vice", "two", "three", "four", "five", "six", "ten", "first", "second",
    "third", "anti", "pro", "co", "post", "pre", "multi", "decision", "policy", "law", "drug",
];

/// The result of cleaning.
#[derive(Debug, Default)]
pub(crate) struct Cleaned {
    /// Normalized text.
    pub(crate) text: String,
    /// Byte ranges of paragraphs in `text`.
    pub(crate) paragraphs: Vec<(usize, usize)>,
    /// Checkpoints `(normalized, original)`.
    pub(crate) offset_map: Vec<(usize, usize)>,
    /// The `Date:` value of a forwarded-message header block, if one was dropped.
    pub(crate) forwarded_date: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
    Blank,
    Furniture,
    Content,
}

/// One word of the output: a byte range of the original text.
#[derive(Debug, Clone, Copy)]
struct Token {
    start: usize,
    end: usize,
    /// Punctuation right after a dropped marker ("agreement [[link removed]].") attaches to
    /// the word before the marker.
    touches_previous: bool,
}

/// One input line after quote prefixes, markers and surrounding whitespace are gone.
#[derive(Debug)]
pub(crate) struct Line {
    kind: LineKind,
    tokens: Vec<Token>,
    /// Length in chars of the line as the wrapper saw it (markers included).
    wrapped_chars: usize,
}

/// Cleans `original` (see the module docs).
pub(crate) fn clean(original: &str) -> Cleaned {
    clean_range(original, 0, original.len(), None)
}

/// Cleans the lines of `original[start..end]`, one part of a long document cut by
/// `crate::parts::cut`. Token offsets and the offset map stay offsets into the whole `original`.
/// `wrap_width` is the document's wrap width (from [`WrapStats`] over every part), so that each
/// part joins its lines as the whole document would; `None` computes it from these lines.
pub(crate) fn clean_range(
    original: &str,
    start: usize,
    end: usize,
    wrap_width: Option<Option<usize>>,
) -> Cleaned {
    let mut cleaned = Cleaned {
        text: String::with_capacity(end.saturating_sub(start)),
        ..Cleaned::default()
    };
    let mut lines = read_lines(original, start, end, &mut cleaned.forwarded_date);
    let width = wrap_width.unwrap_or_else(|| WrapStats::of(&lines).width());
    // A furniture line that wraps onto the next line takes that line with it ("You are
    // receiving this email because you subscribed to The Border Review\nnewsletter.").
    for index in 1..lines.len() {
        let (before, after) = lines.split_at_mut(index);
        let (Some(previous), Some(line)) = (before.last(), after.first_mut()) else {
            continue;
        };
        if previous.kind == LineKind::Furniture
            && !previous.tokens.is_empty()
            && line.kind == LineKind::Content
            && is_wrap(original, previous, line, width)
        {
            line.kind = LineKind::Furniture;
        }
    }

    let mut paragraph: Vec<Token> = Vec::new();
    // For each token after the first of the paragraph: whether a space precedes it, and whether
    // the token before it loses its trailing hyphen.
    let mut glue: Vec<Glue> = Vec::new();
    let mut previous_content: Option<&Line> = None;
    for line in &lines {
        if line.kind != LineKind::Content {
            flush_paragraph(original, &paragraph, &glue, &mut cleaned);
            paragraph.clear();
            glue.clear();
            previous_content = None;
            continue;
        }
        match previous_content {
            Some(previous) if is_wrap(original, previous, line, width) => {
                // A dropped hyphen is recorded on the token after it; `flush_paragraph` strips it.
                glue.push(line_join(original, previous, line));
            }
            Some(_) => {
                flush_paragraph(original, &paragraph, &glue, &mut cleaned);
                paragraph.clear();
                glue.clear();
                glue.push(Glue::Space);
            }
            None => glue.push(Glue::Space),
        }
        paragraph.extend_from_slice(&line.tokens);
        // Tokens inside the line are separated by one space.
        glue.extend(line.tokens.iter().skip(1).map(|token| {
            if token.touches_previous {
                Glue::Touch
            } else {
                Glue::Space
            }
        }));
        previous_content = Some(line);
    }
    flush_paragraph(original, &paragraph, &glue, &mut cleaned);
    cleaned
}

/// How a token attaches to the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Glue {
    /// One space between them.
    Space,
    /// No space ("U.S.-\nMexico" → "U.S.-Mexico").
    Touch,
    /// No space and the previous token's trailing hyphen is dropped ("inter-\nnational").
    DropHyphen,
}

/// Splits `original[start..end]` into lines and classifies them.
fn read_lines(
    original: &str,
    start: usize,
    end: usize,
    forwarded_date: &mut Option<String>,
) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut in_forwarded_headers = false;
    let mut line_start = start;
    let raw_lines: Vec<(usize, &str)> = original
        .get(start..end)
        .unwrap_or("")
        .split('\n')
        .map(|raw| {
            let start = line_start;
            line_start += raw.len() + 1;
            (start, raw)
        })
        .collect();
    for (index, &(start, raw)) in raw_lines.iter().enumerate() {
        let (tokens, wrapped_chars) = tokenize_line(raw, start);
        if tokens.is_empty() {
            in_forwarded_headers = false;
            // A line that held only markers is a dropped link (an image or a button), which
            // ends the paragraph like furniture does.
            let kind = if raw.trim().is_empty() || raw.trim_start_matches('>').trim().is_empty() {
                LineKind::Blank
            } else {
                LineKind::Furniture
            };
            lines.push(Line {
                kind,
                tokens,
                wrapped_chars,
            });
            continue;
        }
        let line_text = joined_text(original, &tokens);
        let mut kind = LineKind::Content;
        if furniture::is_forwarded_start(&line_text) {
            in_forwarded_headers = true;
            kind = LineKind::Furniture;
        } else if let Some((name, value)) = furniture::forwarded_header(&line_text) {
            // A header block without an opening line counts only if another header follows.
            let next_is_header = raw_lines.get(index + 1).is_some_and(|&(next_start, next)| {
                let (next_tokens, _) = tokenize_line(next, next_start);
                furniture::forwarded_header(&joined_text(original, &next_tokens)).is_some()
            });
            if in_forwarded_headers || (name == "from" && next_is_header) {
                in_forwarded_headers = true;
                kind = LineKind::Furniture;
                if matches!(name.as_str(), "date" | "fecha" | "sent" | "enviado")
                    && forwarded_date.is_none()
                {
                    *forwarded_date = Some(value.to_string());
                }
            }
        } else {
            in_forwarded_headers = false;
        }
        if kind == LineKind::Content && furniture::is_furniture(&line_text) {
            kind = LineKind::Furniture;
        }
        lines.push(Line {
            kind,
            tokens,
            wrapped_chars,
        });
    }
    lines
}

/// Whether a char separates words. Control and zero-width chars count as spaces so that they
/// never reach the normalized text.
fn is_separator(ch: char) -> bool {
    ch.is_whitespace() || ch.is_control() || matches!(ch, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// The words of one raw line (without its `\n`) as original byte ranges, skipping markers and
/// a leading email quote prefix (`> `). Also returns the line's length in chars.
fn tokenize_line(raw: &str, line_start: usize) -> (Vec<Token>, usize) {
    let mut tokens = Vec::new();
    let mut wrapped_chars = 0;
    let mut segment_start = 0;
    let mut at_line_start = true;
    let markers: Vec<(usize, usize)> = furniture::marker_ranges(raw).collect();
    let boundaries = markers
        .iter()
        .copied()
        .chain(std::iter::once((raw.len(), raw.len())));
    for (marker_start, marker_end) in boundaries {
        let segment = raw.get(segment_start..marker_start).unwrap_or("");
        let mut token_start: Option<usize> = None;
        let after_marker = segment_start > 0;
        let mut push = |from: usize, to: usize, at_line_start: &mut bool| {
            let mut from = from;
            if *at_line_start {
                // Email quote prefixes: "> > text" or ">text".
                while raw.as_bytes().get(from) == Some(&b'>') && from < to {
                    from += 1;
                }
            }
            if from < to {
                let touches_previous = after_marker
                    && from == segment_start
                    && !tokens.is_empty()
                    && raw.get(from..).is_some_and(|rest| {
                        rest.starts_with([
                            '.', ',', ';', ':', '!', '?', ')', ']', '"', '\'', '”', '’', '»',
                        ])
                    });
                *at_line_start = false;
                tokens.push(Token {
                    start: line_start + from,
                    end: line_start + to,
                    touches_previous,
                });
            }
        };
        for (offset, ch) in segment.char_indices() {
            wrapped_chars += 1;
            let position = segment_start + offset;
            if is_separator(ch) {
                if let Some(start) = token_start.take() {
                    push(start, position, &mut at_line_start);
                }
            } else if token_start.is_none() {
                token_start = Some(position);
            }
        }
        if let Some(start) = token_start.take() {
            push(start, marker_start, &mut at_line_start);
        }
        wrapped_chars += raw
            .get(marker_start..marker_end)
            .map_or(0, |m| m.chars().count());
        segment_start = marker_end;
    }
    (tokens, wrapped_chars)
}

/// The tokens joined by single spaces.
fn joined_text(original: &str, tokens: &[Token]) -> String {
    let mut text = String::new();
    for (index, token) in tokens.iter().enumerate() {
        if index > 0 {
            text.push(' ');
        }
        text.push_str(original.get(token.start..token.end).unwrap_or(""));
    }
    text
}

/// The classified lines of a whole text, for tests of [`WrapStats`].
#[cfg(test)]
pub(crate) fn read_lines_for_tests(original: &str) -> Vec<Line> {
    read_lines(original, 0, original.len(), &mut None)
}

/// Lines longer than this are counted by [`WrapStats::of_range`] without reading their words.
const LONG_LINE_BYTES: usize = 64 * 1024;

/// What decides whether a document is hard-wrapped: how many content lines it has, and how
/// many short ones of each length. Kept as counts so that the parts of a long document can be
/// read one at a time and added up to the whole document's figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WrapStats {
    n_content: usize,
    /// `short[n]`: content lines of `n` chars, for `n <= MAX_WRAPPED_LINE_CHARS`.
    short: [usize; MAX_WRAPPED_LINE_CHARS + 1],
}

impl Default for WrapStats {
    fn default() -> Self {
        WrapStats {
            n_content: 0,
            short: [0; MAX_WRAPPED_LINE_CHARS + 1],
        }
    }
}

impl WrapStats {
    pub(crate) fn of(lines: &[Line]) -> WrapStats {
        let mut stats = WrapStats::default();
        for line in lines.iter().filter(|line| line.kind == LineKind::Content) {
            stats.n_content += 1;
            if let Some(count) = stats.short.get_mut(line.wrapped_chars) {
                *count += 1;
            }
        }
        stats
    }

    /// The counts of the whole lines of `original[start..end]` (the range starts and ends at
    /// line boundaries).
    ///
    /// A line longer than [`LONG_LINE_BYTES`] is counted without being read word by word (a
    /// one-line document of 50 MB would otherwise take several times its size in tokens): it
    /// is a long content line unless it is all whitespace. Such a line can be neither
    /// furniture nor a forwarded header (both are short), and it ends a forwarded-header block
    /// as any content line does, so the runs of lines between long lines are read as usual.
    pub(crate) fn of_range(original: &str, start: usize, end: usize) -> WrapStats {
        let mut stats = WrapStats::default();
        let mut run_start = start;
        let mut line_start = start;
        let text = original.get(start..end).unwrap_or("");
        for line in text.split_inclusive('\n') {
            let line_end = line_start + line.len();
            if line.len() > LONG_LINE_BYTES {
                if run_start < line_start {
                    let lines = read_lines(original, run_start, line_start - 1, &mut None);
                    stats.add(&WrapStats::of(&lines));
                }
                if !line.trim().is_empty() {
                    stats.n_content += 1;
                }
                run_start = line_end;
            }
            line_start = line_end;
        }
        if run_start < end {
            stats.add(&WrapStats::of(&read_lines(
                original, run_start, end, &mut None,
            )));
        }
        stats
    }

    /// Adds the counts of another part.
    pub(crate) fn add(&mut self, other: &WrapStats) {
        self.n_content += other.n_content;
        for (count, more) in self.short.iter_mut().zip(other.short.iter()) {
            *count += more;
        }
    }

    /// The wrap width of a hard-wrapped document, or `None` when lines are not hard-wrapped.
    pub(crate) fn width(&self) -> Option<usize> {
        let n_short: usize = self.short.iter().sum();
        let width = self.short.iter().rposition(|&count| count > 0).unwrap_or(0);
        // Lines filled close to the width are the mark of a wrapper.
        let n_near_width: usize = self
            .short
            .iter()
            .enumerate()
            .filter(|&(chars, _)| chars <= width && chars * 4 >= width * 3)
            .map(|(_, count)| count)
            .sum();
        // Nearly all lines short, several of them full: wrapped by a mailer or an editor.
        (self.n_content >= 2 && n_short * 10 >= self.n_content * 9 && n_near_width >= 2)
            .then_some(width)
    }
}

fn token_text<'a>(original: &'a str, token: &Token) -> &'a str {
    original.get(token.start..token.end).unwrap_or("")
}

/// Whether the break between two consecutive content lines is a hard wrap (join) rather than
/// an intended break (new paragraph: headline, dateline, bullet, speaker turn).
fn is_wrap(original: &str, previous: &Line, next: &Line, width: Option<usize>) -> bool {
    let (Some(last), Some(first)) = (previous.tokens.last(), next.tokens.first()) else {
        return false;
    };
    let last_text = token_text(original, last);
    let first_text = token_text(original, first);
    // A date does not span a paragraph break, and a day after a month is no list number ("on
    // November / 18.").
    if is_month(last_text)
        && first_text
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit())
    {
        return true;
    }
    if is_bullet(first_text) || starts_with_label(original, &next.tokens) {
        return false;
    }
    if line_join(original, previous, next) != Glue::Space {
        return true;
    }
    let ends_sentence = ends_sentence(last_text);
    let next_is_lower = first_text.chars().next().is_some_and(char::is_lowercase);
    if !ends_sentence && next_is_lower {
        return true;
    }
    // No headline, dateline or paragraph ends on an article, a preposition or a conjunction
    // ("…against the cartels, the / United States will."): the line was wrapped, even where the
    // next word would have fitted (a hand-wrapped or unevenly wrapped text).
    if !ends_sentence && ends_with_function_word(last_text) {
        return true;
    }

    match width {
        // A greedy wrapper breaks a line only when the next word does not fit; if it would
        // have fitted, the writer broke the line on purpose.
        Some(width) => previous.wrapped_chars + 1 + first_text.chars().count() > width,
        None => false,
    }
}

/// English and Spanish month names.
fn is_month(word: &str) -> bool {
    const MONTHS: &[&str] = &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "setiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ];
    MONTHS.contains(&word.to_lowercase().as_str())
}

/// Words that never end a headline or a paragraph.
fn ends_with_function_word(word: &str) -> bool {
    const FUNCTION_WORDS: &[&str] = &[
        "the", "a", "an", "of", "to", "and", "or", "in", "on", "for", "with", "at", "by", "from",
        "that", "as", "into", "than", "el", "la", "los", "las", "un", "una", "de", "del", "al",
        "y", "o", "en", "con", "por", "para", "que",
    ];
    FUNCTION_WORDS.contains(&word.to_lowercase().as_str())
}

/// Whether a word ends a sentence or clause: final punctuation, possibly inside closing
/// quotes or brackets (`treaty."`, but not `"has not violated the treaty"`).
fn ends_sentence(word: &str) -> bool {
    let core = word.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»']);
    core.ends_with(['.', '!', '?', ':', ';', '…'])
}

/// How the first token of `next` attaches to the last token of `previous` if the lines join.
fn line_join(original: &str, previous: &Line, next: &Line) -> Glue {
    let (Some(last), Some(first)) = (previous.tokens.last(), next.tokens.first()) else {
        return Glue::Space;
    };
    let last_text = token_text(original, last);
    let first_text = token_text(original, first);
    let Some(stem) = last_text.strip_suffix('-') else {
        if last_text.chars().count() > 1 && last_text.ends_with('—') {
            return Glue::Touch;
        }
        return Glue::Space;
    };
    let stem_last = stem.chars().next_back();
    let first_char = first_text.chars().next();
    match (stem_last, first_char) {
        (Some(before), Some(after)) if before.is_alphabetic() && after.is_alphanumeric() => {
            // The word part of the stem, after any earlier hyphen ("U.S.-" → "", "anti-" → "anti").
            let word = stem
                .rsplit(['-', '.', '(', '"', '“'])
                .next()
                .unwrap_or(stem);
            let keep = KEEP_HYPHEN_PREFIXES
                .iter()
                .any(|prefix| word.eq_ignore_ascii_case(prefix));
            if after.is_lowercase() && before.is_lowercase() && !keep && !stem.contains('-') {
                Glue::DropHyphen
            } else {
                Glue::Touch
            }
        }
        (Some(before), Some(after)) if before == '.' && after.is_alphanumeric() => Glue::Touch,
        _ => Glue::Space,
    }
}

/// A list bullet that starts its own line: "-", "*", "•", "·", "–", "1.", "2)", "a)".
pub(crate) fn is_bullet(token: &str) -> bool {
    if matches!(token, "-" | "*" | "•" | "·" | "–" | "—" | "▪" | "◦" | "‣") {
        return true;
    }
    let Some(stem) = token.strip_suffix('.').or_else(|| token.strip_suffix(')')) else {
        return false;
    };
    (!stem.is_empty() && stem.len() <= 2 && stem.bytes().all(|byte| byte.is_ascii_digit()))
        || (token.ends_with(')') && stem.len() == 1 && stem.bytes().all(|b| b.is_ascii_lowercase()))
}

/// Whether the line starts with an upper-case speaker label ("SECRETARY RUBIO:", "Q:").
fn starts_with_label(original: &str, tokens: &[Token]) -> bool {
    let end = tokens
        .iter()
        .take(9)
        .position(|token| token_text(original, token).ends_with(':'));
    let Some(label_end) = end else {
        return false;
    };
    // Joined with single spaces, as the label will read in the normalized text.
    let label = joined_text(original, tokens.get(..=label_end).unwrap_or(&[]));
    crate::speaker::label_length(&label).is_some_and(|len| len == label.len())
}

/// Appends one paragraph to the output, unless it is empty or furniture as a whole.
fn flush_paragraph(original: &str, tokens: &[Token], glue: &[Glue], cleaned: &mut Cleaned) {
    if tokens.is_empty() {
        return;
    }
    let before_separator = cleaned.text.len();
    let map_len = cleaned.offset_map.len();
    if !cleaned.text.is_empty() {
        cleaned.text.push_str("\n\n");
    }
    let paragraph_start = cleaned.text.len();
    for (index, token) in tokens.iter().enumerate() {
        let mut text = token_text(original, token);
        let next_glue = glue.get(index + 1).copied();
        if next_glue == Some(Glue::DropHyphen) {
            text = text.strip_suffix('-').unwrap_or(text);
        }
        if index > 0 && glue.get(index).copied().unwrap_or(Glue::Space) == Glue::Space {
            cleaned.text.push(' ');
        }
        push_checkpoint(cleaned, token.start);
        cleaned.text.push_str(text);
    }
    remove_joined_markers(cleaned, paragraph_start);
    let paragraph = cleaned.text.get(paragraph_start..).unwrap_or("");
    if paragraph.is_empty()
        || furniture::is_furniture(paragraph)
        || furniture::is_forwarded_start(paragraph)
    {
        cleaned.text.truncate(before_separator);
        cleaned.offset_map.truncate(map_len);
        return;
    }
    cleaned
        .paragraphs
        .push((paragraph_start, cleaned.text.len()));
}

/// Rounds of marker removal on a joined paragraph. Real text never nests markers; fuzzed text
/// may ("[[link [[link removed]] removed]]"), and each round unwraps one level.
const MAX_MARKER_ROUNDS: usize = 8;

/// Removes markers that only appear once lines are joined: split over a line break or a
/// hyphenation, or uncovered by removing an inner marker. Without this, normalizing the
/// normalized text would remove them and change it.
fn remove_joined_markers(cleaned: &mut Cleaned, paragraph_start: usize) {
    let mut removed_any = false;
    for _ in 0..MAX_MARKER_ROUNDS {
        let paragraph = cleaned.text.get(paragraph_start..).unwrap_or("");
        let ranges: Vec<(usize, usize)> = furniture::marker_ranges(paragraph).collect();
        if ranges.is_empty() {
            break;
        }
        removed_any = true;
        // Right to left, so earlier ranges keep their offsets.
        for &(start, end) in ranges.iter().rev() {
            remove_range(cleaned, paragraph_start + start, paragraph_start + end);
            tidy_spaces_at(cleaned, paragraph_start, paragraph_start + start);
        }
    }
    if removed_any {
        // What the line-level pass would have done: no quote prefix or space at the start.
        let paragraph = cleaned.text.get(paragraph_start..).unwrap_or("");
        let lead = paragraph.len() - paragraph.trim_start_matches(['>', ' ']).len();
        remove_range(cleaned, paragraph_start, paragraph_start + lead);
        let paragraph = cleaned.text.get(paragraph_start..).unwrap_or("");
        let end = paragraph_start + paragraph.trim_end_matches(' ').len();
        remove_range(cleaned, end, cleaned.text.len());
    }
}

/// After a removal at `at`: one space between words, none before closing punctuation or at
/// the ends of the paragraph.
fn tidy_spaces_at(cleaned: &mut Cleaned, paragraph_start: usize, at: usize) {
    let before = if at > paragraph_start {
        cleaned
            .text
            .get(..at)
            .and_then(|head| head.chars().next_back())
    } else {
        None
    };
    let after = cleaned.text.get(at..).and_then(|tail| tail.chars().next());
    match (before, after) {
        (Some(' '), Some(' ')) | (None, Some(' ')) => remove_range(cleaned, at, at + 1),
        (Some(' '), None) => remove_range(cleaned, at - 1, at),
        (
            Some(' '),
            Some('.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '"' | '\'' | '”' | '’' | '»'),
        ) => remove_range(cleaned, at - 1, at),
        _ => {}
    }
}

/// Removes `start..end` from the normalized text, keeping the offset map exact: checkpoints
/// after the range shift left and a new one maps `start` to where `end` was in the original.
fn remove_range(cleaned: &mut Cleaned, start: usize, end: usize) {
    if start >= end
        || end > cleaned.text.len()
        || !cleaned.text.is_char_boundary(start)
        || !cleaned.text.is_char_boundary(end)
    {
        return;
    }
    let original_at_end = original_offset(&cleaned.offset_map, end);
    cleaned.text.replace_range(start..end, "");
    let removed = end - start;
    let first_affected = cleaned
        .offset_map
        .partition_point(|&(normalized, _)| normalized < start);
    let mut tail: Vec<(usize, usize)> = cleaned
        .offset_map
        .drain(first_affected..)
        .filter(|&(normalized, _)| normalized >= end)
        .map(|(normalized, original)| (normalized - removed, original))
        .collect();
    if tail
        .first()
        .is_none_or(|&(normalized, _)| normalized != start)
    {
        tail.insert(0, (start, original_at_end));
    }
    cleaned.offset_map.extend(tail);
}

/// The original offset of a normalized offset (as `Normalized::original_offset`).
fn original_offset(offset_map: &[(usize, usize)], normalized_offset: usize) -> usize {
    let index = offset_map.partition_point(|&(normalized, _)| normalized <= normalized_offset);
    match index.checked_sub(1).and_then(|i| offset_map.get(i)) {
        Some(&(normalized, original)) => original + (normalized_offset - normalized),
        None => normalized_offset,
    }
}

/// Records a checkpoint if the next byte does not follow one to one from the last checkpoint.
fn push_checkpoint(cleaned: &mut Cleaned, original_offset: usize) {
    let normalized_offset = cleaned.text.len();
    let follows = cleaned.offset_map.last().is_some_and(|&(norm, orig)| {
        original_offset.checked_sub(orig) == Some(normalized_offset - norm)
    });
    if !follows {
        cleaned
            .offset_map
            .push((normalized_offset, original_offset));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: &str) {
        let cleaned = clean(input);
        assert_eq!(cleaned.text, expect);
        // Every paragraph maps back to its words in the original.
        for &(start, end) in &cleaned.paragraphs {
            assert!(cleaned.text.is_char_boundary(start) && cleaned.text.is_char_boundary(end));
        }
    }

    #[test]
    fn hard_wraps_are_undone() {
        check(
            "Trump threatened Sheinbaum with more tariffs again this month to\n\
             force Mexico to send more water from its reservoirs to farmers\n\
             and ranchers in Texas.\n\
             \n\
             The treaty dates from 1944.\n",
            "Trump threatened Sheinbaum with more tariffs again this month to force Mexico to send \
             more water from its reservoirs to farmers and ranchers in Texas.\n\n\
             The treaty dates from 1944.",
        );
    }

    #[test]
    fn a_line_ending_on_a_function_word_is_wrapped_even_if_the_next_word_fits() {
        check(
            "Trump has said that if Mexico does not act against the cartels, the\n\
             United States will.\n",
            "Trump has said that if Mexico does not act against the cartels, the United States will.",
        );
        check(
            "She spoke at her morning news conference on November\n18. The rest followed.\n",
            "She spoke at her morning news conference on November 18. The rest followed.",
        );
        // A headline before a capitalized line stays a paragraph of its own.
        check(
            "Tariffs and Water\nThe president threatened tariffs.\n",
            "Tariffs and Water\n\nThe president threatened tariffs.",
        );
    }

    #[test]
    fn hyphenation_is_undone_but_real_hyphens_stay() {
        check(
            "The agreement was reached after long inter-\nnational talks about the U.S.-\nMexico border and self-\ndefense.\n",
            "The agreement was reached after long international talks about the U.S.-Mexico border and self-defense.",
        );
    }

    #[test]
    fn intended_breaks_are_paragraphs() {
        check(
            "Trump's Water War\nDecember 24, 2025\nThe president threatened tariffs on Mexico over water deliveries under\nthe 1944 treaty, officials said on Tuesday in a long statement to the\npress.\n",
            "Trump's Water War\n\nDecember 24, 2025\n\nThe president threatened tariffs on Mexico over water deliveries under the 1944 treaty, officials said on Tuesday in a long statement to the press.",
        );
    }

    #[test]
    fn markers_and_furniture_go() {
        check(
            "View in browser\n\nMexico said [[link removed]] it would act.\nShare this article\n\nTo unsubscribe, click here.\n",
            "Mexico said it would act.",
        );
        check(
            "---------- Forwarded message ---------\nFrom: Example <news@example.com>\nDate: Wed, Dec 24, 2025 at 7:02 AM\nSubject: News\n\nBody text.\n",
            "Body text.",
        );
    }

    #[test]
    fn offsets_map_back() {
        let original = "Hello  world.\r\n\r\nSecond   one.";
        let cleaned = clean(original);
        assert_eq!(cleaned.text, "Hello world.\n\nSecond one.");
        let normalized = trecho_model::Normalized {
            text: cleaned.text.clone(),
            sentences: vec![],
            published: None,
            lang: trecho_model::Lang::En,
            offset_map: cleaned.offset_map.clone(),
            diagnostics: vec![],
        };
        let second = cleaned.text.find("Second").unwrap();
        assert_eq!(
            &original[normalized.original_offset(second)..][..6],
            "Second"
        );
        let world = cleaned.text.find("world").unwrap();
        assert_eq!(&original[normalized.original_offset(world)..][..5], "world");
    }

    #[test]
    fn markers_split_over_lines_or_nested_go() {
        check(
            "Mexico said it would act [[link\nremoved]] soon and often.\n",
            "Mexico said it would act soon and often.",
        );
        check("[[link [[link removed]] removed]] Mexico.", "Mexico.");
        check("The agreement [[link re-\nmoved]].\n", "The agreement.");
    }

    #[test]
    fn bullets_are_paragraphs() {
        check(
            "The plan has three parts:\n- more troops at the border\n- extraditions\n- water deliveries\n",
            "The plan has three parts:\n\n- more troops at the border\n\n- extraditions\n\n- water deliveries",
        );
    }
}
