//! Case and accent folding with a map back to the original bytes.
//!
//! Matching runs over a folded copy of the sentence (lowercase, Latin accents removed, hyphens
//! and whitespace runs turned into one space, curly apostrophes made straight), so "México",
//! "MEXICO" and "Mexico" meet the same pattern. Every folded byte remembers the original char it
//! came from, so a match in the folded text maps back to char-aligned offsets in the original.

/// A folded text and, for every folded byte, the original char it came from.
#[derive(Debug, Default)]
pub(crate) struct Folded {
    /// The folded text.
    pub(crate) text: String,
    /// For each byte of `text`: byte offset of the start of the original char.
    starts: Vec<usize>,
    /// For each byte of `text`: byte offset one past the original char (extended over any
    /// combining marks that follow it, which fold to nothing).
    ends: Vec<usize>,
}

impl Folded {
    /// Maps a folded byte range back to the original text. `None` if the range is empty or out
    /// of bounds (which a correct caller never asks for).
    pub(crate) fn original_range(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        if start >= end {
            return None;
        }
        let original_start = *self.starts.get(start)?;
        let original_end = *self.ends.get(end - 1)?;
        Some((original_start, original_end))
    }
}

/// Folds `text` for matching, keeping the offset map.
pub(crate) fn fold(text: &str) -> Folded {
    let mut folded = Folded {
        text: String::with_capacity(text.len()),
        starts: Vec::with_capacity(text.len()),
        ends: Vec::with_capacity(text.len()),
    };
    let mut last_was_space = false;
    for (offset, ch) in text.char_indices() {
        let end = offset + ch.len_utf8();
        if is_combining_mark(ch) {
            // A decomposed accent: drop it, but let the previous char's span cover it so a
            // match never ends in the middle of a grapheme.
            if let Some(&last_start) = folded.starts.last() {
                let n_bytes = folded
                    .starts
                    .iter()
                    .rev()
                    .take_while(|&&s| s == last_start)
                    .count();
                let len = folded.ends.len();
                for slot in &mut folded.ends[len - n_bytes..] {
                    *slot = end;
                }
            }
            continue;
        }
        if ch.is_whitespace() || is_dash(ch) {
            if last_was_space {
                continue;
            }
            last_was_space = true;
            push(&mut folded, ' ', offset, end);
            continue;
        }
        last_was_space = false;
        match fold_char(ch) {
            Some(simple) => push(&mut folded, simple, offset, end),
            None => {
                for lower in ch.to_lowercase() {
                    push(&mut folded, lower, offset, end);
                }
            }
        }
    }
    folded
}

/// Folds a dictionary alias the same way as sentences, without the map and trimmed, into
/// `text` (cleared first; reused so that building the dictionary does not allocate per alias).
pub(crate) fn fold_into(text: &mut String, alias: &str) {
    text.clear();
    if alias.is_ascii() {
        // The common case, byte by byte: most aliases are plain ASCII.
        let mut last_was_space = true;
        for &byte in alias.as_bytes() {
            if byte.is_ascii_whitespace() || byte == b'-' {
                if !last_was_space {
                    text.push(' ');
                }
                last_was_space = true;
            } else {
                text.push(char::from(byte.to_ascii_lowercase()));
                last_was_space = false;
            }
        }
        if text.ends_with(' ') {
            text.pop();
        }
        return;
    }
    let mut last_was_space = true;
    for ch in alias.chars() {
        if is_combining_mark(ch) {
            continue;
        }
        let folded = if ch.is_whitespace() || is_dash(ch) {
            Some(' ')
        } else {
            fold_char(ch)
        };
        match folded {
            Some(' ') => {
                if !last_was_space {
                    text.push(' ');
                }
                last_was_space = true;
            }
            Some(simple) => {
                text.push(simple);
                last_was_space = false;
            }
            None => {
                text.extend(ch.to_lowercase());
                last_was_space = false;
            }
        }
    }
    if text.ends_with(' ') {
        text.pop();
    }
}

/// FNV-1a (64 bit) of `bytes`, continuing from `state` (start with [`FNV_START`]). The index
/// is keyed by this hash, so a sentence span can be hashed a byte at a time as it grows.
pub(crate) fn fnv(state: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(state, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The FNV-1a offset basis.
pub(crate) const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// A map keyed by an FNV hash we computed ourselves: it hashes the key no further.
pub(crate) type HashKeyed<V> =
    std::collections::HashMap<u64, V, std::hash::BuildHasherDefault<KeyIsHash>>;

/// A hasher for keys that already are hashes.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct KeyIsHash(u64);

impl std::hash::Hasher for KeyIsHash {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv(self.0 ^ FNV_START, bytes);
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

fn push(folded: &mut Folded, ch: char, start: usize, end: usize) {
    folded.text.push(ch);
    for _ in 0..ch.len_utf8() {
        folded.starts.push(start);
        folded.ends.push(end);
    }
}

/// Hyphens and dashes separate words the way spaces do ("Guinea-Bissau", "US-Mexico").
fn is_dash(ch: char) -> bool {
    matches!(
        ch,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}'
    )
}

fn is_combining_mark(ch: char) -> bool {
    ('\u{0300}'..='\u{036f}').contains(&ch)
}

/// Folds the Latin letters news text uses to one ASCII letter; `None` means "just lowercase it".
fn fold_char(ch: char) -> Option<char> {
    if ch.is_ascii() {
        return Some(ch.to_ascii_lowercase());
    }
    Some(match ch {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'Á' | 'À' | 'Â' | 'Ä' | 'Ã' | 'Å' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Ì' | 'Î' | 'Ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' | 'Ø' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Ù' | 'Û' | 'Ü' => 'u',
        'ñ' | 'Ñ' => 'n',
        'ç' | 'Ç' => 'c',
        'ý' | 'ÿ' | 'Ý' => 'y',
        '\u{2019}' | '\u{2018}' | '\u{02bc}' => '\'',
        '\u{00a0}' => ' ',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: &str) {
        assert_eq!(fold(input).text, expect);
    }

    #[test]
    fn folds_case_accents_dashes_and_spaces() {
        check("Ciudad de MÉXICO", "ciudad de mexico");
        check("Guinea-Bissau", "guinea bissau");
        check("Mexico\u{2019}s  army", "mexico's army");
        check("Bogota\u{301}", "bogota");
    }

    #[test]
    fn map_points_back_to_original_chars() {
        let text = "la Cancillería de México";
        let folded = fold(text);
        let start = folded.text.find("mexico").unwrap();
        let (s, e) = folded.original_range(start, start + 6).unwrap();
        assert_eq!(&text[s..e], "México");
        let decomposed = "Bogota\u{301} dijo";
        let folded = fold(decomposed);
        let (s, e) = folded.original_range(0, 6).unwrap();
        assert_eq!(&decomposed[s..e], "Bogota\u{301}");
    }
}
