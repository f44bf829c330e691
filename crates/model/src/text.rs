//! Folding text for matching: the one rule by which lexicons, actor names and the text filter
//! of queries compare words, whatever their case and accents.

/// Lowercases and removes accents (á → a, ñ → n, ü → u); curly apostrophes become `'`.
pub fn fold_char(ch: char, out: &mut String) {
    let folded = match ch {
        'á' | 'à' | 'â' | 'ä' | 'Á' | 'À' | 'Â' | 'Ä' | 'ã' | 'Ã' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Ì' | 'Î' | 'Ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'Ó' | 'Ò' | 'Ô' | 'Ö' | 'õ' | 'Õ' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Ù' | 'Û' | 'Ü' => 'u',
        'ñ' | 'Ñ' => 'n',
        'ç' | 'Ç' => 'c',
        '’' | '‘' => '\'',
        _ => {
            for lower in ch.to_lowercase() {
                out.push(lower);
            }
            return;
        }
    };
    out.push(folded);
}

/// Folds a whole string (lexicon entries, search words).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        fold_char(ch, &mut out);
    }
    out
}

/// Whether `text` holds the words of `query` in this order, next to each other, each as the
/// start of a word ("arancel" matches "aranceles", "tariff" "tariffs"), ignoring case and
/// accents; words are runs of letters and digits. A query without any word matches nothing.
/// Queries of stored events use the full-text index with the same rule; this is it for text
/// that is not indexed (ledger summaries).
pub fn words_match(query: &str, text: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        fold(s)
            .split(|ch: char| !ch.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .map(str::to_string)
            .collect()
    };
    let wanted = words(query);
    if wanted.is_empty() {
        return false;
    }
    let have = words(text);
    have.windows(wanted.len()).any(|window| {
        window
            .iter()
            .zip(&wanted)
            .all(|(word, prefix)| word.starts_with(prefix.as_str()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_match_by_prefix_in_order_ignoring_case_and_accents() {
        let summary = "México impondrá ARANCELES del 30% al acero";
        assert!(words_match("arancel", summary));
        assert!(words_match("mexico impondra", summary));
        assert!(words_match("MÉX", summary));
        assert!(words_match("30", summary));
        assert!(!words_match("impondra mexico", summary), "order counts");
        assert!(
            !words_match("ancel", summary),
            "a word's start, not its middle"
        );
        assert!(
            !words_match("mexico aranceles", summary),
            "next to each other"
        );
        assert!(!words_match(" - ", summary));
        assert!(words_match("tariff", "Tariffs on steel"));
    }
}
