//! Counts of utterances ("has said at least 17 times") for `reported_count`.
//!
//! [`reported_count`] reads how many times a source says something was said or done:
//! "at least 17 times", "for the 17th time", "twice", "17 veces", "en al menos 17 ocasiones",
//! "por tercera vez", "a CNN tally counted 17 such promises". Numbers may be digits or words
//! (English one..ninety-nine, "a dozen"; Spanish uno..noventa y nueve, "una docena").
//!
//! Only counts of occasions or of statements are read, so ages ("17 years old"), money, percentages
//! and troop numbers never match. Multipliers ("three times more", "twice as many", "ten times
//! harder") and frequencies ("three times a week", "dos veces por semana") are skipped, and so is
//! a count of one ("for the first time" says nothing about repetition). When a sentence
//! holds several counts the largest is returned, because the ledger keeps the largest count a
//! source reports.

use std::sync::LazyLock;

use regex::{Captures, Regex};
use trecho_model::Lang;

use crate::dates::{compile, Folded};

/// The number of times the sentence says something was said or done, if it says so.
///
/// ```
/// use trecho_extract::counts::reported_count;
/// use trecho_model::Lang;
///
/// let sentence = "Trump has said at least 17 times that strikes on land would begin soon.";
/// assert_eq!(reported_count(sentence, Lang::En), Some(17));
/// assert_eq!(reported_count("Lo ha dicho en al menos diecisiete ocasiones.", Lang::Es), Some(17));
/// assert_eq!(reported_count("Mexico sent 10,000 troops to the border.", Lang::En), None);
/// ```
pub fn reported_count(sentence: &str, lang: Lang) -> Option<u32> {
    let folded = Folded::new(sentence);
    let rules: &[CountRule] = match lang {
        Lang::En => &EN_RULES,
        Lang::Es => &ES_RULES,
    };
    let mut best: Option<u32> = None;
    for rule in rules {
        for caps in rule.regex.captures_iter(&folded.text) {
            if let Some(count) = read_count(rule, &caps, &folded.text, lang) {
                if (2..=10_000).contains(&count) {
                    best = Some(best.map_or(count, |b| b.max(count)));
                }
            }
        }
    }
    best
}

/// The value of a number written in digits or words (folded, lowercase), English or Spanish.
///
/// Accepts "17", "seventeen", "twenty-five", "twenty five", "a dozen", "diecisiete",
/// "veintidós" (folded "veintidos"), "treinta y dos", "una docena".
pub(crate) fn number_value(text: &str) -> Option<u32> {
    let text = text.trim();
    if let Ok(value) = text.parse::<u32>() {
        return Some(value);
    }
    if let Some(value) = word_value(text) {
        return Some(value);
    }
    // Compounds: "twenty-five", "twenty five", "treinta y dos".
    let parts: Vec<&str> = text
        .split(|c: char| c == '-' || c.is_whitespace())
        .filter(|p| !p.is_empty() && *p != "y")
        .collect();
    if let [tens, units] = parts.as_slice() {
        let tens = word_value(tens)?;
        let units = word_value(units)?;
        if tens % 10 == 0 && (20..=90).contains(&tens) && (1..=9).contains(&units) {
            return Some(tens + units);
        }
    }
    None
}

fn word_value(word: &str) -> Option<u32> {
    Some(match word {
        "one" | "uno" | "una" | "un" => 1,
        "two" | "dos" => 2,
        "three" | "tres" => 3,
        "four" | "cuatro" => 4,
        "five" | "cinco" => 5,
        "six" | "seis" => 6,
        "seven" | "siete" => 7,
        "eight" | "ocho" => 8,
        "nine" | "nueve" => 9,
        "ten" | "diez" => 10,
        "eleven" | "once" => 11,
        "twelve" | "doce" | "dozen" | "a dozen" | "una docena" | "docena" => 12,
        "thirteen" | "trece" => 13,
        "fourteen" | "catorce" => 14,
        "fifteen" | "quince" => 15,
        "sixteen" | "dieciseis" => 16,
        "seventeen" | "diecisiete" => 17,
        "eighteen" | "dieciocho" => 18,
        "nineteen" | "diecinueve" => 19,
        "twenty" | "veinte" => 20,
        "veintiuno" | "veintiuna" | "veintiun" => 21,
        "veintidos" => 22,
        "veintitres" => 23,
        "veinticuatro" => 24,
        "veinticinco" => 25,
        "veintiseis" => 26,
        "veintisiete" => 27,
        "veintiocho" => 28,
        "veintinueve" => 29,
        "thirty" | "treinta" => 30,
        "forty" | "cuarenta" => 40,
        "fifty" | "cincuenta" => 50,
        "sixty" | "sesenta" => 60,
        "seventy" | "setenta" => 70,
        "eighty" | "ochenta" => 80,
        "ninety" | "noventa" => 90,
        "half a dozen" | "media docena" => 6,
        _ => return None,
    })
}

/// The value of an ordinal ("seventeenth", "17th", "tercera", "17a").
fn ordinal_value(text: &str) -> Option<u32> {
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        return digits.parse().ok();
    }
    Some(match text {
        "first" | "primera" | "primer" | "primero" => 1,
        "second" | "segunda" | "segundo" => 2,
        "third" | "tercera" | "tercer" | "tercero" => 3,
        "fourth" | "cuarta" | "cuarto" => 4,
        "fifth" | "quinta" | "quinto" => 5,
        "sixth" | "sexta" | "sexto" => 6,
        "seventh" | "septima" | "septimo" => 7,
        "eighth" | "octava" | "octavo" => 8,
        "ninth" | "novena" | "noveno" => 9,
        "tenth" | "decima" | "decimo" => 10,
        "eleventh" | "undecima" | "onceava" | "decimoprimera" => 11,
        "twelfth" | "duodecima" | "doceava" | "decimosegunda" => 12,
        "thirteenth" | "decimotercera" | "treceava" => 13,
        "fourteenth" | "decimocuarta" | "catorceava" => 14,
        "fifteenth" | "decimoquinta" | "quinceava" => 15,
        "sixteenth" | "decimosexta" => 16,
        "seventeenth" | "decimoseptima" => 17,
        "eighteenth" | "decimoctava" | "decimooctava" => 18,
        "nineteenth" | "decimonovena" => 19,
        "twentieth" | "vigesima" => 20,
        _ => return None,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CountKind {
    /// "17 times", "17 veces", "en 17 ocasiones": a cardinal before an occasion noun.
    Times,
    /// "for the 17th time", "por tercera vez".
    Ordinal,
    /// "twice", "thrice".
    Twice,
    /// "a CNN tally counted 17 such promises", "made 17 threats", "17 amenazas".
    Statements,
}

struct CountRule {
    regex: Regex,
    kind: CountKind,
}

const EN_NUMBER: &str = r"\d{1,5}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|half a dozen|a dozen|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";
const ES_NUMBER: &str = r"\d{1,5}|(?:treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa)(?:\s+y\s+(?:uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve))?|media docena|una docena|veinti(?:uno|una|un|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)|dieci(?:seis|siete|ocho|nueve)|veinte|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince";
const EN_ORDINAL: &str = r"\d{1,4}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth";
const ES_ORDINAL: &str = r"\d{1,4}(?:a|o)?\.?|primera|primer|segunda|tercera|cuarta|quinta|sexta|septima|octava|novena|decima|undecima|onceava|duodecima|doceava|decimo\w+|vigesima";
const EN_STATEMENTS: &str = r"threats|promises|pledges|vows|warnings|statements|remarks|comments|posts|mentions|references|demands|times|occasions|instances";
const ES_STATEMENTS: &str =
    r"amenazas|promesas|advertencias|declaraciones|menciones|publicaciones|exigencias|mensajes";

static EN_RULES: LazyLock<Vec<CountRule>> = LazyLock::new(|| {
    vec![
        CountRule {
            kind: CountKind::Times,
            regex: compile(&format!(
                r"\b(?P<n>{EN_NUMBER})\s+(?:(?:separate|different|distinct|other|previous|prior|more|public|such)\s+)?(?:times|occasions|instances)\b"
            )),
        },
        CountRule {
            kind: CountKind::Ordinal,
            regex: compile(&format!(
                r"\bfor\s+(?:at least\s+)?(?:the|a)\s+(?P<n>{EN_ORDINAL})\s+(?:straight\s+|consecutive\s+)?(?:time|occasion)\b"
            )),
        },
        CountRule {
            kind: CountKind::Twice,
            regex: compile(r"\b(?P<n>twice|thrice)\b"),
        },
        CountRule {
            kind: CountKind::Statements,
            regex: compile(&format!(
                r"\b(?:counted|found|identified|recorded|tallied|made|issued|repeated|logged|documented|listed)\s+(?:at least\s+|more than\s+|some\s+|nearly\s+|almost\s+|about\s+)?(?P<n>{EN_NUMBER})\s+(?:(?:such|separate|different|distinct|public|similar|other)\s+)*(?:{EN_STATEMENTS})\b"
            )),
        },
        CountRule {
            kind: CountKind::Statements,
            regex: compile(&format!(
                r"\b(?P<n>{EN_NUMBER})\s+(?:such|separate|similar|distinct)\s+(?:{EN_STATEMENTS})\b"
            )),
        },
    ]
});

static ES_RULES: LazyLock<Vec<CountRule>> = LazyLock::new(|| {
    vec![
        CountRule {
            kind: CountKind::Times,
            regex: compile(&format!(
                r"\b(?P<n>{ES_NUMBER})\s+(?:(?:distintas|diferentes)\s+)?(?:veces|ocasiones)\b"
            )),
        },
        CountRule {
            kind: CountKind::Ordinal,
            regex: compile(&format!(r"\bpor\s+(?P<n>{ES_ORDINAL})\s+(?:vez|ocasion)\b")),
        },
        CountRule {
            kind: CountKind::Statements,
            regex: compile(&format!(
                r"\b(?:conto|contabilizo|registro|identifico|encontro|hizo|emitio|lanzo|repitio|suma|sumo|acumula|acumulo)\s+(?:al menos\s+|mas de\s+|por lo menos\s+|unas\s+|casi\s+)?(?P<n>{ES_NUMBER})\s+(?:{ES_STATEMENTS})\b"
            )),
        },
        CountRule {
            kind: CountKind::Statements,
            regex: compile(&format!(
                r"\b(?:al menos|mas de|por lo menos)\s+(?P<n>{ES_NUMBER})\s+(?:{ES_STATEMENTS})\b"
            )),
        },
    ]
});

/// What follows a count that makes it a frequency ("a week", "al día", "por semana").
static FREQUENCY: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^\s*(?:a|an|per|each|every|al|por|cada|a la)\s+(?:day|week|month|year|hour|dia|semana|mes|ano|hora)\b",
    )
});

/// Reads one match, or `None` where the context shows it is not a count of occasions.
fn read_count(rule: &CountRule, caps: &Captures<'_>, folded: &str, lang: Lang) -> Option<u32> {
    let number = caps.name("n")?;
    let whole = caps.get(0)?;
    // "10,000 times" or "$17 times": the digits are part of a larger number or an amount.
    let before = folded.get(..number.start()).unwrap_or("");
    if before
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '$' | '€' | '£'))
    {
        return None;
    }
    let after = folded.get(whole.end()..).unwrap_or("");
    let next_word = after
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    match rule.kind {
        CountKind::Times | CountKind::Statements => {
            // Multipliers: "three times more", "five times as many", "tres veces más".
            let multiplier = match lang {
                Lang::En => matches!(
                    next_word,
                    "more"
                        | "less"
                        | "higher"
                        | "larger"
                        | "greater"
                        | "bigger"
                        | "smaller"
                        | "faster"
                        | "as"
                        | "the"
                        | "over"
                        | "lower"
                        | "fewer"
                ),
                Lang::Es => matches!(
                    next_word,
                    "mas" | "menos" | "mayor" | "menor" | "superior" | "inferior"
                ),
            };
            // Frequencies: "three times a week", "dos veces al día".
            let frequency =
                matches!(next_word, "daily" | "weekly" | "monthly") || FREQUENCY.is_match(after);
            // English comparatives: "ten times harder", "three times stronger".
            let comparative = lang == Lang::En && next_word.len() > 4 && next_word.ends_with("er");
            let immediately_after = after.trim_start();
            if multiplier || frequency || comparative || immediately_after.starts_with('%') {
                return None;
            }
            number_value(number.as_str())
        }
        CountKind::Ordinal => ordinal_value(number.as_str()),
        CountKind::Twice => {
            if matches!(
                next_word,
                "as" | "the"
                    | "a"
                    | "an"
                    | "that"
                    | "its"
                    | "their"
                    | "his"
                    | "her"
                    | "over"
                    | "per"
                    | "weekly"
                    | "daily"
                    | "monthly"
                    | "yearly"
            ) {
                return None;
            }
            match number.as_str() {
                "twice" => Some(2),
                _ => Some(3),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(sentence: &str, lang: Lang, expect: Option<u32>) {
        assert_eq!(
            reported_count(sentence, lang),
            expect,
            "sentence: {sentence}"
        );
    }

    #[test]
    fn english_counts() {
        // Synthetic sentences in wire style.
        check(
            "Trump has said at least 17 times that he would strike cartels on land.",
            Lang::En,
            Some(17),
        );
        check(
            "Trump repeated the threat for the 17th time on Monday.",
            Lang::En,
            Some(17),
        );
        check(
            "He has said so repeatedly, at least five times since November.",
            Lang::En,
            Some(5),
        );
        check(
            "A CNN tally counted 17 such promises since September.",
            Lang::En,
            Some(17),
        );
        check(
            "For the third time this year, Trump warned of tariffs.",
            Lang::En,
            Some(3),
        );
        check(
            "Trump has twice threatened tariffs on Mexico.",
            Lang::En,
            Some(2),
        );
        check(
            "Trump has made twenty-five threats, a tally counted 25 separate threats.",
            Lang::En,
            Some(25),
        );
    }

    #[test]
    fn spanish_counts() {
        // Synthetic sentences in Mexican press style.
        check(
            "Trump ha dicho 17 veces que atacaría a los cárteles.",
            Lang::Es,
            Some(17),
        );
        check(
            "La amenaza se repitió en al menos 17 ocasiones.",
            Lang::Es,
            Some(17),
        );
        check(
            "Sheinbaum rechazó por tercera vez una intervención.",
            Lang::Es,
            Some(3),
        );
        check(
            "El presidente lo ha dicho diecisiete veces.",
            Lang::Es,
            Some(17),
        );
    }

    #[test]
    fn not_ages_money_percentages_or_troops() {
        check(
            "Mexico will send 10,000 troops to the border.",
            Lang::En,
            None,
        );
        check("The 17-year-old was extradited.", Lang::En, None);
        check("A 25% tariff on imports from Mexico.", Lang::En, None);
        check("Mexico paid $17 million in 2025.", Lang::En, None);
        check(
            "Fentanyl is fifty times more potent than heroin.",
            Lang::En,
            None,
        );
        check("Deportations were twice as high.", Lang::En, None);
        check("Trump posts three times a day.", Lang::En, None);
        check("La presidenta habla dos veces por semana.", Lang::Es, None);
        check(
            "México ha rechazado en 17 ocasiones por escrito la propuesta.",
            Lang::Es,
            Some(17),
        );
        // Synthetic.
        check(
            "Trump claimed the military is hitting the cartels 10 times harder than before.",
            Lang::En,
            None,
        );
        check(
            "It was the first time a US president said so.",
            Lang::En,
            None,
        );
        check(
            "El fentanilo es 50 veces más potente que la heroína.",
            Lang::Es,
            None,
        );
        check(
            "Los 10,000 elementos de la Guardia Nacional llegaron.",
            Lang::Es,
            None,
        );
        check("The New York Times reported the threat.", Lang::En, None);
    }

    #[test]
    fn number_words() {
        assert_eq!(number_value("seventeen"), Some(17));
        assert_eq!(number_value("twenty-five"), Some(25));
        assert_eq!(number_value("treinta y dos"), Some(32));
        assert_eq!(number_value("veintidos"), Some(22));
        assert_eq!(number_value("a dozen"), Some(12));
        assert_eq!(number_value("zillion"), None);
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn never_panics(text in "\\PC{0,120}") {
                let _ = reported_count(&text, Lang::En);
                let _ = reported_count(&text, Lang::Es);
            }

            #[test]
            fn digit_counts_are_read_back(n in 2u32..5000) {
                let english = format!("Trump has said at least {n} times that tariffs are coming.");
                prop_assert_eq!(reported_count(&english, Lang::En), Some(n));
                let spanish = format!("Trump lo ha dicho en al menos {n} ocasiones.");
                prop_assert_eq!(reported_count(&spanish, Lang::Es), Some(n));
            }
        }
    }
}
