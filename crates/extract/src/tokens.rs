//! Word tokens of a sentence with byte offsets and a folded form (lowercase, accents removed)
//! that the lexicons are matched against.

/// One token: a word, a number or a punctuation mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset in the sentence.
    pub start: usize,
    /// Byte offset one past the token.
    pub end: usize,
    /// Range of the folded form in [`Tokens::folded`].
    folded_start: u32,
    folded_end: u32,
    /// Whether the token is a word (letters, digits, apostrophes, inner hyphens).
    pub is_word: bool,
}

/// The tokens of one sentence; the folded forms share one buffer to avoid an allocation per
/// token.
#[derive(Debug, Clone, Default)]
pub struct Tokens {
    /// Every token in order.
    pub list: Vec<Token>,
    folded: String,
}

impl Tokens {
    /// Splits `sentence` into words and punctuation. English clitics `n't` and `'s` become tokens
    /// of their own so that negation and possessives can be seen.
    pub fn new(sentence: &str) -> Tokens {
        let mut tokens = Tokens {
            list: Vec::with_capacity(sentence.len() / 5 + 4),
            folded: String::with_capacity(sentence.len() + 8),
        };
        let mut word_start: Option<usize> = None;
        let mut chars = sentence.char_indices().peekable();
        while let Some((idx, ch)) = chars.next() {
            let in_word = ch.is_alphanumeric()
                || ((ch == '\'' || ch == '’' || ch == '-' || ch == '.' || ch == ',')
                    && word_start.is_some()
                    && chars
                        .peek()
                        .is_some_and(|&(_, next)| next.is_alphanumeric())
                    && (ch != ',' && ch != '.' || is_digit_before(sentence, idx)));
            if in_word {
                if word_start.is_none() {
                    word_start = Some(idx);
                }
                continue;
            }
            if let Some(start) = word_start.take() {
                tokens.push_word(sentence, start, idx);
            }
            if !ch.is_whitespace() {
                tokens.push(sentence, idx, idx + ch.len_utf8(), false);
            }
        }
        if let Some(start) = word_start {
            tokens.push_word(sentence, start, sentence.len());
        }
        tokens
    }

    /// The folded form of token `idx` (empty when out of range).
    pub fn norm(&self, idx: usize) -> &str {
        match self.list.get(idx) {
            Some(token) => self
                .folded
                .get(token.folded_start as usize..token.folded_end as usize)
                .unwrap_or(""),
            None => "",
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Index of the first token that starts at or after byte `offset`.
    pub fn index_at(&self, offset: usize) -> usize {
        self.list.partition_point(|token| token.start < offset)
    }

    /// Index of the last token that ends at or before byte `offset`, plus one.
    pub fn index_before(&self, offset: usize) -> usize {
        self.list.partition_point(|token| token.end <= offset)
    }

    fn push_word(&mut self, sentence: &str, start: usize, end: usize) {
        let word = &sentence[start..end];
        // Split English clitics off: "didn't" → "did" "n't", "Mexico's" → "Mexico" "'s".
        let lower_tail = |n: usize| word.len() > n && word.is_char_boundary(word.len() - n);
        for clitic in ["n't", "n’t", "'s", "’s"] {
            if lower_tail(clitic.len())
                && word[word.len() - clitic.len()..].eq_ignore_ascii_case(clitic)
            {
                let split = end - clitic.len();
                self.push(sentence, start, split, true);
                self.push(sentence, split, end, true);
                return;
            }
        }
        self.push(sentence, start, end, true);
    }

    fn push(&mut self, sentence: &str, start: usize, end: usize, is_word: bool) {
        let folded_start = self.folded.len() as u32;
        for ch in sentence[start..end].chars() {
            fold_char(ch, &mut self.folded);
        }
        self.list.push(Token {
            start,
            end,
            folded_start,
            folded_end: self.folded.len() as u32,
            is_word,
        });
    }
}

fn is_digit_before(sentence: &str, idx: usize) -> bool {
    sentence[..idx]
        .chars()
        .next_back()
        .is_some_and(|ch| ch.is_ascii_digit())
}

pub use trecho_model::text::{fold, fold_char};

#[cfg(test)]
mod tests {
    use super::*;

    fn check(sentence: &str, expect: &[&str]) {
        let tokens = Tokens::new(sentence);
        let got: Vec<&str> = (0..tokens.len()).map(|i| tokens.norm(i)).collect();
        assert_eq!(got, expect);
        for token in &tokens.list {
            assert!(sentence.is_char_boundary(token.start) && sentence.is_char_boundary(token.end));
        }
    }

    #[test]
    fn splits_words_clitics_and_punctuation() {
        check(
            "Mexico's president didn't agree.",
            &["mexico", "'s", "president", "did", "n't", "agree", "."],
        );
        check(
            "Amenazó con aranceles del 25%, dijo.",
            &[
                "amenazo",
                "con",
                "aranceles",
                "del",
                "25",
                "%",
                ",",
                "dijo",
                ".",
            ],
        );
        check(
            "10,000 troops in U.S.-Mexico",
            &["10,000", "troops", "in", "u", ".", "s", ".", "-", "mexico"],
        );
    }
}
