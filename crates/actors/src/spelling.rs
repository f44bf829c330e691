//! Spelling keys for people's names: one key for the ways news and the dictionaries write the
//! same name in Latin letters ("Alexander Lukashenko" and Phoenix's "Alyaksandr Lukashenka",
//! "Kassym-Jomart Tokayev" and "Kasymzhomart Tokayev").
//!
//! Transliterations of one name differ mostly in vowels, doubled letters and a few consonant
//! spellings (`zh`/`j`, `kh`/`h`, `x`/`ks`, `c`/`k`, `w`/`v`, `y`/`i`), so a word's key is its
//! first letter followed by its consonants, with those spellings made one and doubles
//! collapsed. A name's key is the key of its first word and of its last one: the first name
//! must agree as well as the surname, because surnames alone collide.

use crate::fold::{fnv, fold_into, FNV_START};

/// The key of one word, or `None` for a word with letters that are not Latin.
pub(crate) fn word_key(word: &str) -> Option<String> {
    let mut letters = String::with_capacity(word.len());
    fold_into(&mut letters, word);
    if letters
        .chars()
        .any(|ch| ch.is_alphabetic() && !ch.is_ascii_alphabetic())
    {
        return None;
    }
    letters.retain(|ch| ch.is_ascii_alphabetic());
    if letters.is_empty() {
        return None;
    }
    // Multi-letter spellings first, longest first.
    for (from, to) in [
        ("dzh", "j"),
        ("zh", "j"),
        ("kh", "h"),
        ("ph", "f"),
        ("ck", "k"),
        ("x", "ks"),
        ("c", "k"),
        ("q", "k"),
        ("w", "v"),
        ("y", "i"),
    ] {
        if letters.contains(from) {
            letters = letters.replace(from, to);
        }
    }
    let mut key = String::with_capacity(letters.len());
    for (index, ch) in letters.chars().enumerate() {
        let vowel = matches!(ch, 'a' | 'e' | 'i' | 'o' | 'u');
        if index > 0 && vowel {
            continue;
        }
        if key.ends_with(ch) {
            continue;
        }
        key.push(ch);
    }
    Some(key)
}

/// The key of a name written as `words` (two or more): its first and last words' keys. `None`
/// when the surname's key is too short to tell names apart (under three letters).
pub(crate) fn name_key<'a>(words: impl IntoIterator<Item = &'a str>) -> Option<u64> {
    let words: Vec<&str> = words.into_iter().collect();
    if words.len() < 2 {
        return None;
    }
    let first = word_key(words.first()?)?;
    let last = word_key(words.last()?)?;
    if last.len() < 3 {
        return None;
    }
    let hash = fnv(FNV_START, first.as_bytes());
    Some(fnv(fnv(hash, b" "), last.as_bytes()))
}

/// The words of a name: runs of letters, with hyphens and apostrophes inside a word kept
/// ("Kassym-Jomart" is one word).
pub(crate) fn name_words(name: &str) -> impl Iterator<Item = &str> {
    name.split(|ch: char| !(ch.is_alphabetic() || ch == '-' || ch == '\''))
        .filter(|word| word.chars().any(char::is_alphabetic))
}

/// The words of a sentence (as [`name_words`]) with their byte offsets.
pub(crate) fn word_spans(sentence: &str) -> impl Iterator<Item = (usize, &str)> {
    let is_word_char = |ch: char| ch.is_alphabetic() || ch == '-' || ch == '\'';
    let mut spans = Vec::new();
    let mut start: Option<usize> = None;
    for (index, ch) in sentence.char_indices() {
        match (is_word_char(ch), start) {
            (true, None) => start = Some(index),
            (false, Some(from)) => {
                spans.push(from..index);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        spans.push(from..sentence.len());
    }
    spans.into_iter().filter_map(move |range| {
        let word = sentence.get(range.clone())?;
        word.chars()
            .any(char::is_alphabetic)
            .then_some((range.start, word))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(name: &str) -> Option<u64> {
        name_key(name_words(name))
    }

    #[test]
    fn transliterations_of_one_name_share_a_key() {
        for (news, dictionary) in [
            ("Alexander Lukashenko", "Alyaksandr Lukashenka"),
            ("Kassym-Jomart Tokayev", "Kasymzhomart Tokayev"),
            ("Boiko Borisov", "Boyko Borisov"),
            ("Mikhail Mishustin", "Mihail Mishoustin"),
            ("José Raúl Mulino", "Jose Mulino"),
        ] {
            assert!(key(news).is_some(), "{news}");
            assert_eq!(key(news), key(dictionary), "{news} / {dictionary}");
        }
    }

    #[test]
    fn different_names_have_different_keys() {
        for (a, b) in [
            ("Maria Lopez", "Mario Lopes"),
            ("Alexander Lukashenko", "Alexander Lebed"),
            ("Carlos Gomez", "Carlos Gomes"),
            ("Viktor Orban", "Viktor Orlov"),
        ] {
            assert_ne!(key(a), key(b), "{a} / {b}");
        }
    }

    #[test]
    fn one_word_and_short_surnames_have_no_key() {
        assert_eq!(key("Lukashenko"), None);
        assert_eq!(
            key("Muhammad Ali"),
            None,
            "a two-letter surname tells nothing apart"
        );
        assert_eq!(
            key("Владимир Путин"),
            None,
            "Cyrillic is not spelled out here"
        );
    }
}
