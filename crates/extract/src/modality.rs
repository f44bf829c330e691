//! Modality cues around a trigger: negation, future (announced acts), hypothetical (conditions,
//! counterfactuals, modals of possibility and advice, questions) and passive voice, read from the
//! folded tokens of the sentence.

use crate::tokens::Tokens;
use trecho_model::Lang;

/// What the words around a trigger say about it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Modality {
    /// The cue that negates the trigger ("not", "never", "no", "nunca", "descartó").
    pub negation: Option<String>,
    /// The cue that puts the act in the future ("will", "va a", a future tense).
    pub future: Option<String>,
    /// The cue that makes it hypothetical ("if", "could", "debería", "?").
    pub hypothetical: Option<String>,
    /// The cue of an obligation put on the subject ("must", "debe", "tiene que"): a demand when
    /// someone else says it.
    pub obligation: Option<String>,
}

const NEGATIONS: &[&str] = &[
    "not", "n't", "never", "no", "nunca", "jamas", "tampoco", "cannot", "ni", "nor", "without",
    "sin", "failed", "fail", "fails", "refused", "refuses", "declined",
];
const RULE_OUT: &[&str] = &[
    "descarto",
    "descarta",
    "descartan",
    "descartaron",
    "ruled",
    "rules",
];
const FUTURE_EN: &[&str] = &["will", "'ll", "shall", "wo"];
const MODALS_EN: &[&str] = &["could", "can", "might", "may", "should", "ought", "must"];
const MODALS_ES: &[&str] = &[
    "podria",
    "podrian",
    "deberia",
    "deberian",
    "pudiera",
    "pudieran",
    "quizas",
    "quiza",
    "tal",
    "posiblemente",
    "probablemente",
    "podra",
    "podran",
];
const CONDITIONS: &[&str] = &["if", "unless", "whether", "si", "should"];
const ADVICE: &[&str] = &[
    "recommend",
    "recommends",
    "recommended",
    "advise",
    "advised",
    "advises",
    "suggest",
    "suggests",
    "suggested",
    "recomendo",
    "recomienda",
    "recomiendan",
    "sugirio",
    "sugiere",
    "sugieren",
    "aconsejo",
];
/// Tokens that may stand between an auxiliary and its verb without breaking the link.
const SKIPPABLE: &[&str] = &[
    "not",
    "n't",
    "never",
    "also",
    "again",
    "still",
    "soon",
    "already",
    "now",
    "then",
    "reportedly",
    "allegedly",
    "then",
    "no",
    "ya",
    "tambien",
    "se",
    "le",
    "les",
    "lo",
    "la",
    "los",
    "las",
    "nunca",
    "only",
    "just",
    "even",
    "further",
    "formally",
    "publicly",
];

/// Reads the cues for a trigger spanning tokens `start..end`, looking back to `clause_start`.
///
/// `in_mention` marks tokens inside actor names, which are no cues ("Theresa May").
pub fn read(
    tokens: &Tokens,
    lang: Lang,
    clause_start: usize,
    start: usize,
    reported: bool,
    in_mention: &[bool],
) -> Modality {
    let mut modality = Modality::default();
    let skip = |idx: usize| in_mention.get(idx).copied().unwrap_or(false);
    let window_start = start.saturating_sub(6).max(clause_start);
    // Negation: a cue within the few tokens right before the trigger.
    for idx in (window_start..start).rev() {
        if skip(idx) {
            continue;
        }
        let word = tokens.norm(idx);
        if NEGATIONS.contains(&word) {
            // "without"/"sin" negate only their own phrase: in "Sin hacer rehenes, los amotinados
            // reclamaban…" the demand stands.
            // They govern the word right after them ("sin protestar", "without having
            // attacked"); '"sin techos" protestaron' are the homeless protesting.
            let own_phrase_closed = matches!(word, "sin" | "without")
                && ((idx + 1..start).any(|k| tokens.norm(k) == ",")
                    || (idx + 1..start).any(|k| {
                        !matches!(
                            tokens.norm(k),
                            "haber"
                                | "having"
                                | "being"
                                | "ser"
                                | "se"
                                | "lo"
                                | "la"
                                | "los"
                                | "las"
                                | "le"
                                | "les"
                        )
                    }));
            // "not only" is not a negation.
            if tokens.norm(idx + 1) != "only" && !own_phrase_closed {
                modality.negation = Some(word.to_string());
            }
            break;
        }
        // "cooperation rather than surrender", "talks instead of strikes": the act is set aside.
        if idx > 0
            && matches!(
                (tokens.norm(idx - 1), word),
                ("rather", "than") | ("instead", "of") | ("en", "vez") | ("en", "lugar")
            )
        {
            modality.negation = Some(format!("{} {word}", tokens.norm(idx - 1)));
            break;
        }
        if RULE_OUT.contains(&word)
            && (word != "ruled" && word != "rules" || tokens.norm(idx + 1) == "out")
        {
            modality.negation = Some(word.to_string());
            break;
        }
        if is_barrier(word) {
            break;
        }
    }
    // "una eventual guerra en Irak", "possible strikes", "a potential attack": an act that may
    // come, not one that happened.
    if start > clause_start
        && matches!(
            tokens.norm(start - 1),
            "eventual"
                | "eventuales"
                | "posible"
                | "posibles"
                | "potencial"
                | "potenciales"
                | "hipotetico"
                | "hipotetica"
                | "possible"
                | "potential"
                | "hypothetical"
                | "prospective"
        )
    {
        modality.hypothetical = Some(tokens.norm(start - 1).to_string());
    }
    // Future and modals.
    for idx in (window_start..start).rev() {
        if skip(idx) {
            continue;
        }
        let word = tokens.norm(idx);
        if is_barrier(word) {
            break;
        }
        match lang {
            Lang::En => {
                if FUTURE_EN.contains(&word) {
                    modality.future = Some(word.to_string());
                    break;
                }
                if word == "would" {
                    // Future-in-the-past in reported speech ("said it would impose"), otherwise a
                    // counterfactual.
                    if reported {
                        modality.future = Some(word.to_string());
                    } else {
                        modality.hypothetical = Some(word.to_string());
                    }
                    break;
                }
                if word == "going" && tokens.norm(idx + 1) == "to" {
                    modality.future = Some("going to".to_string());
                    break;
                }
                if matches!(
                    word,
                    "willing" | "ready" | "prepared" | "plans" | "planned" | "intends" | "intended"
                ) && tokens.norm(idx + 1) == "to"
                {
                    modality.future = Some(word.to_string());
                    break;
                }
                if word == "must"
                    || (matches!(word, "has" | "have" | "had") && tokens.norm(idx + 1) == "to")
                {
                    modality.obligation = Some(word.to_string());
                    break;
                }
                if MODALS_EN.contains(&word) {
                    modality.hypothetical = Some(word.to_string());
                    break;
                }
            }
            Lang::Es => {
                if matches!(word, "va" | "van" | "vamos" | "iba" | "iban" | "voy")
                    && tokens.norm(idx + 1) == "a"
                {
                    modality.future = Some(format!("{word} a"));
                    break;
                }
                if matches!(
                    word,
                    "dispuesto" | "dispuesta" | "dispuestos" | "listo" | "lista" | "listos"
                ) && tokens.norm(idx + 1) == "a"
                {
                    modality.future = Some(word.to_string());
                    break;
                }
                if matches!(word, "debe" | "deben" | "debia" | "debian")
                    || (matches!(word, "tiene" | "tienen" | "tenia" | "tenian")
                        && tokens.norm(idx + 1) == "que")
                {
                    modality.obligation = Some(word.to_string());
                    break;
                }
                if MODALS_ES.contains(&word) {
                    modality.hypothetical = Some(word.to_string());
                    break;
                }
            }
        }
    }
    // Conditions and advice anywhere earlier in the clause; a question anywhere in the sentence.
    for idx in clause_start..start {
        if skip(idx) {
            continue;
        }
        let word = tokens.norm(idx);
        if modality.obligation.is_none() && (word == "must" || matches!(word, "debe" | "deben")) {
            modality.obligation = Some(word.to_string());
        }
        if CONDITIONS.contains(&word)
            && !(word == "should" && idx > clause_start)
            && !(word == "si" && tokens.norm(idx + 1) == "bien")
        {
            // "if" opens a condition only when the trigger sits inside it: a comma closes it.
            if !(idx + 1..start).any(|k| tokens.norm(k) == ",") {
                modality.hypothetical = Some(word.to_string());
            }
        }
        if ADVICE.contains(&word) {
            modality.hypothetical = Some(word.to_string());
        }
    }
    let last = tokens.len().saturating_sub(1);
    if tokens.norm(last) == "?"
        || tokens.norm(0) == "¿"
        || (0..tokens.len()).any(|k| tokens.norm(k) == "¿" && k <= start)
    {
        modality.hypothetical = Some("?".to_string());
    }
    modality
}

/// Whether the trigger at `start` is in the passive voice: a form of "to be" / "ser" (or
/// "resultar") right before it.
pub fn is_passive(tokens: &Tokens, clause_start: usize, start: usize) -> bool {
    let mut idx = start;
    while idx > clause_start {
        idx -= 1;
        let word = tokens.norm(idx);
        if SKIPPABLE.contains(&word) || word.ends_with("ly") {
            continue;
        }
        return matches!(
            word,
            "was"
                | "were"
                | "been"
                | "being"
                | "is"
                | "are"
                | "be"
                | "got"
                | "get"
                | "fue"
                | "fueron"
                | "sido"
                | "es"
                | "son"
                | "sera"
                | "seran"
                | "resulto"
                | "resultaron"
                | "siendo"
        );
    }
    false
}

fn is_barrier(word: &str) -> bool {
    matches!(
        word,
        ";" | ":"
            | "."
            | "but"
            | "pero"
            | "while"
            | "mientras"
            | "although"
            | "aunque"
            | "after"
            | "before"
            | "tras"
            | "despues"
            | "antes"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(sentence: &str, lang: Lang, trigger: &str) -> Modality {
        let tokens = Tokens::new(sentence);
        let start = (0..tokens.len())
            .find(|&k| tokens.norm(k) == trigger)
            .unwrap();
        read(&tokens, lang, 0, start, false, &[])
    }

    #[test]
    fn without_negates_only_its_own_phrase() {
        assert_eq!(
            check(
                "Sin hacer rehenes, los amotinados reclamaban un juez.",
                Lang::Es,
                "reclamaban"
            )
            .negation,
            None
        );
        assert_eq!(
            check(
                "Familias \"sin techos\" protestaron este martes.",
                Lang::Es,
                "protestaron"
            )
            .negation,
            None
        );
        assert_eq!(
            check("Lo liberaron sin pagar rescate.", Lang::Es, "pagar")
                .negation
                .as_deref(),
            Some("sin")
        );
        assert_eq!(
            check(
                "Without firing a shot, the rebels seized the town.",
                Lang::En,
                "seized"
            )
            .negation,
            None
        );
    }

    #[test]
    fn negation_future_and_conditions() {
        assert_eq!(
            check("Mexico did not extradite him.", Lang::En, "extradite")
                .negation
                .as_deref(),
            Some("not")
        );
        assert_eq!(
            check("The US will impose tariffs.", Lang::En, "impose")
                .future
                .as_deref(),
            Some("will")
        );
        assert_eq!(
            check("Trump could order strikes.", Lang::En, "order")
                .hypothetical
                .as_deref(),
            Some("could")
        );
        assert_eq!(
            check(
                "If Mexico fails, the US will impose tariffs.",
                Lang::En,
                "impose"
            )
            .hypothetical,
            None
        );
        assert_eq!(
            check(
                "If the US attacked Mexico, it would be a disaster.",
                Lang::En,
                "attacked"
            )
            .hypothetical
            .as_deref(),
            Some("if")
        );
        assert_eq!(
            check("Will the US attack Mexico?", Lang::En, "attack")
                .hypothetical
                .as_deref(),
            Some("?")
        );
        assert_eq!(
            check("Sheinbaum descartó imponer aranceles.", Lang::Es, "imponer")
                .negation
                .as_deref(),
            Some("descarto")
        );
        assert_eq!(
            check(
                "Estados Unidos va a imponer aranceles.",
                Lang::Es,
                "imponer"
            )
            .future
            .as_deref(),
            Some("va a")
        );
        assert_eq!(
            check(
                "México debería extraditar a los capos.",
                Lang::Es,
                "extraditar"
            )
            .hypothetical
            .as_deref(),
            Some("deberia")
        );
    }
}
