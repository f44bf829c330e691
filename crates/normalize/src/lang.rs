//! Language detection between English and Spanish by counting stop words.
//!
//! Stop words are frequent and nearly disjoint between the two languages, so counting them is
//! accurate on a sentence and far cheaper than n-gram models.

use trecho_model::Lang;

/// Stop-word counts of a piece of text.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Votes {
    pub(crate) english: usize,
    pub(crate) spanish: usize,
}

impl Votes {
    /// Adds another count.
    pub(crate) fn add(&mut self, other: Votes) {
        self.english += other.english;
        self.spanish += other.spanish;
    }

    /// The language with more votes, or `fallback` on a tie.
    pub(crate) fn winner(self, fallback: Lang) -> Lang {
        match self.english.cmp(&self.spanish) {
            std::cmp::Ordering::Greater => Lang::En,
            std::cmp::Ordering::Less => Lang::Es,
            std::cmp::Ordering::Equal => fallback,
        }
    }
}

/// Counts English and Spanish stop words in `text`.
pub(crate) fn votes(text: &str) -> Votes {
    let mut votes = Votes::default();
    let mut lower = String::new();
    for word in text.split(|ch: char| !ch.is_alphabetic()) {
        if word.is_empty() || word.len() > 12 {
            continue;
        }
        let word = if word
            .bytes()
            .any(|byte| byte.is_ascii_uppercase() || byte >= 0x80)
        {
            lower.clear();
            lower.extend(word.chars().flat_map(char::to_lowercase));
            lower.as_str()
        } else {
            word
        };
        if is_english(word) {
            votes.english += 1;
        } else if is_spanish(word) {
            votes.spanish += 1;
        }
    }
    votes
}

fn is_english(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "of"
            | "and"
            | "to"
            | "in"
            | "is"
            | "that"
            | "for"
            | "on"
            | "with"
            | "was"
            | "said"
            | "by"
            | "it"
            | "as"
            | "be"
            | "at"
            | "from"
            | "this"
            | "has"
            | "have"
            | "will"
            | "would"
            | "his"
            | "her"
            | "they"
            | "their"
            | "which"
            | "were"
            | "are"
            | "been"
            | "not"
            | "an"
            | "or"
            | "but"
            | "after"
            | "who"
            | "its"
            | "we"
            | "our"
            | "he"
            | "she"
            | "had"
            | "about"
            | "than"
            | "more"
            | "into"
            | "over"
            | "also"
            | "there"
            | "what"
            | "when"
            | "could"
            | "should"
            | "can"
            | "you"
            | "i"
            | "them"
            | "these"
            | "those"
            | "against"
            | "because"
            | "if"
    )
}

fn is_spanish(word: &str) -> bool {
    matches!(
        word,
        "el" | "la"
            | "de"
            | "que"
            | "y"
            | "en"
            | "los"
            | "las"
            | "del"
            | "se"
            | "por"
            | "un"
            | "una"
            | "con"
            | "para"
            | "es"
            | "al"
            | "lo"
            | "como"
            | "más"
            | "su"
            | "sus"
            | "fue"
            | "dijo"
            | "pero"
            | "le"
            | "ya"
            | "este"
            | "esta"
            | "entre"
            | "sobre"
            | "también"
            | "sin"
            | "muy"
            | "hay"
            | "está"
            | "son"
            | "ha"
            | "han"
            | "sido"
            | "desde"
            | "nos"
            | "nuestro"
            | "nuestra"
            | "porque"
            | "cuando"
            | "donde"
            | "qué"
            | "estos"
            | "estas"
            | "ese"
            | "esa"
            | "eso"
            | "había"
            | "hemos"
            | "tiene"
            | "contra"
            | "hasta"
            | "ni"
            | "les"
            | "mi"
            | "yo"
            | "usted"
            | "gobierno"
            | "presidenta"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: Lang) {
        assert_eq!(votes(text).winner(Lang::En), expect, "{text:?}");
    }

    #[test]
    fn detects_english_and_spanish() {
        check(
            "Trump threatened Sheinbaum with more tariffs again this month.",
            Lang::En,
        );
        check(
            "Nosotros no aceptamos una intervención de ningún gobierno extranjero.",
            Lang::Es,
        );
        check("La presidenta dijo que México no es colonia.", Lang::Es);
        check("Texas farmers need the water.", Lang::En);
    }

    #[test]
    fn ties_fall_back() {
        assert_eq!(votes("Sheinbaum").winner(Lang::Es), Lang::Es);
    }
}
