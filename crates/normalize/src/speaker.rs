//! Speaker labels of transcript turns: "PRESIDENTA CLAUDIA SHEINBAUM PARDO: …",
//! "SECRETARY RUBIO: …", "Q: …", and in transcripts also "Secretary Rubio: …".
//!
//! The convention (shared with `trecho-ingest`'s transcript reader): a turn is a paragraph that
//! starts with a label of one to sixteen words followed by `": "`. Paragraphs without a label
//! continue the previous turn.

/// The most words a label may have ("ENCARGADO DE DESPACHO DE LA SECRETARÍA DE RELACIONES EXTERIORES, ROBERTO VELASCO ÁLVAREZ" has twelve).
const MAX_LABEL_WORDS: usize = 16;
/// The most bytes a label may have, colon included.
const MAX_LABEL_BYTES: usize = 160;

/// If `text` starts with an upper-case label ("SECRETARY RUBIO:"), its length in bytes with the
/// colon.
pub(crate) fn label_length(text: &str) -> Option<usize> {
    label_length_with(text, false)
}

/// Like [`label_length`], but also accepts title-case labels ("Secretary Rubio:"); used only
/// for documents known to be transcripts.
pub(crate) fn transcript_label_length(text: &str) -> Option<usize> {
    label_length_with(text, true)
}

fn label_length_with(text: &str, allow_title_case: bool) -> Option<usize> {
    let head = text
        .get(..text.len().min(MAX_LABEL_BYTES + 1))
        .unwrap_or(text);
    let colon = head.find(':').or_else(|| {
        // `get` above may have failed on a char boundary; fall back to a char-safe scan.
        text.char_indices()
            .take_while(|&(index, _)| index <= MAX_LABEL_BYTES)
            .find(|&(_, ch)| ch == ':')
            .map(|(index, _)| index)
    })?;
    let label = text.get(..colon)?;
    let after = text.get(colon + 1..)?;
    if !(after.is_empty() || after.starts_with([' ', '\t', '\n'])) {
        return None;
    }
    let words: Vec<&str> = label.split(' ').collect();
    if label.is_empty() || words.len() > MAX_LABEL_WORDS || words.iter().any(|w| w.is_empty()) {
        return None;
    }
    let all_caps = words.iter().all(|word| is_caps_word(word));
    let title_case = allow_title_case
        && words.len() <= 5
        && words.first().is_some_and(|word| is_title_word(word))
        && words
            .iter()
            .all(|word| is_title_word(word) || is_connector(word));
    (all_caps || title_case).then_some(colon + 1)
}

/// "RUBIO", "Q", "O'BRIEN", "MR.", "SHEINBAUM-PARDO".
fn is_caps_word(word: &str) -> bool {
    // A comma may close a word: official transcripts label turns "ROLE, NAME"
    // ("PRESIDENTA DE MÉXICO, CLAUDIA SHEINBAUM PARDO").
    let word = word.strip_suffix(',').unwrap_or(word);
    word.chars().any(char::is_uppercase)
        && word
            .chars()
            .all(|ch| ch.is_uppercase() || matches!(ch, '.' | '\'' | '’' | '-'))
}

/// "Secretary", "Rubio", "Sr.".
fn is_title_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(|ch| ch.is_alphabetic() || matches!(ch, '.' | '\'' | '’' | '-'))
}

fn is_connector(word: &str) -> bool {
    matches!(
        word,
        "de" | "del" | "la" | "las" | "los" | "y" | "of" | "the" | "van" | "von"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: Option<&str>) {
        let found = label_length(text).map(|len| &text[..len]);
        assert_eq!(found, expect, "{text:?}");
    }

    #[test]
    fn upper_case_labels() {
        check(
            "PRESIDENTA CLAUDIA SHEINBAUM PARDO: Buenos días.",
            Some("PRESIDENTA CLAUDIA SHEINBAUM PARDO:"),
        );
        check("SECRETARY RUBIO: Thank you.", Some("SECRETARY RUBIO:"));
        check("Q: What about tariffs?", Some("Q:"));
        check("MR. O'BRIEN: Yes.", Some("MR. O'BRIEN:"));
        // Official Mexican transcripts: "ROLE, NAME:".
        check(
            "PRESIDENTA DE MÉXICO, CLAUDIA SHEINBAUM PARDO: Buenos días.",
            Some("PRESIDENTA DE MÉXICO, CLAUDIA SHEINBAUM PARDO:"),
        );
        check(
            "ENCARGADO DE DESPACHO DE LA SECRETARÍA DE RELACIONES EXTERIORES, ROBERTO VELASCO ÁLVAREZ: Gracias.",
            Some("ENCARGADO DE DESPACHO DE LA SECRETARÍA DE RELACIONES EXTERIORES, ROBERTO VELASCO ÁLVAREZ:"),
        );
    }

    #[test]
    fn prose_is_not_a_label() {
        check("He said: we will act.", None);
        check("At 10:30 the meeting began.", None);
        check("Secretary Rubio: Thank you.", None);
        check("https://example.com", None);
        check("NOTE:the", None);
        check("México, Estados Unidos y Canadá: socios.", None);
    }

    #[test]
    fn title_case_labels_in_transcripts() {
        let text = "Secretary Rubio: Thank you.";
        assert_eq!(transcript_label_length(text), Some(16));
        assert_eq!(transcript_label_length("He said: no."), None);
    }
}
