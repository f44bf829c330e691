//! Assertion: does the sentence report the act a noun names as brought about or occurring?
//!
//! A noun such as "tariffs", "strikes" or "la intervención" names an act without saying that it
//! happened: "the goal of the tariffs", "called the tariffs reciprocal", "the tariffs are likely
//! to disrupt trade" report no tariff. The dependency tree says which predicate the noun is an
//! argument of, and `data/assertion.tsv` which predicates report the act:
//!
//! - the object or passive subject of a support verb: "imposed tariffs", "tariffs were
//!   imposed", "se realizaron ataques";
//! - the subject of a verb of occurrence or phase: "the strikes began", "estallaron protestas";
//! - the head of an adverbial that presupposes the act: "killed in an attack", "tras el ataque";
//! - the head of a sentence with no verb (a headline: "Airstrikes on Gaza").
//!
//! A noun that modifies another ("the imposition of tariffs", "the threat of tariffs") stands
//! where that noun stands, and a conjunct or apposition where its first conjunct stands. Where
//! the tree says nothing either way (an unusual relation), the act counts as asserted: the tree
//! only removes what it positively places in the background.

use std::collections::HashSet;
use std::sync::LazyLock;
use trecho_model::Lang;
use trecho_syntax::Parsed;

static DATA: &str = include_str!("../data/assertion.tsv");

/// The verb and preposition lists of `data/assertion.tsv`, keyed by (language, lemma).
struct Lists {
    support: HashSet<(Lang, &'static str)>,
    occur: HashSet<(Lang, &'static str)>,
    case: HashSet<(Lang, &'static str)>,
    modal: HashSet<(Lang, &'static str)>,
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    let mut lists = Lists {
        support: HashSet::new(),
        occur: HashSet::new(),
        case: HashSet::new(),
        modal: HashSet::new(),
    };
    for line in DATA.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(lang), Some(role), Some(lemma)) = (cols.next(), cols.next(), cols.next()) else {
            continue;
        };
        let lang = match lang {
            "en" => Lang::En,
            "es" => Lang::Es,
            _ => continue,
        };
        let set = match role {
            "support" => &mut lists.support,
            "occur" => &mut lists.occur,
            "case" => &mut lists.case,
            "modal" => &mut lists.modal,
            _ => continue,
        };
        set.insert((lang, lemma));
    }
    lists
});

/// What the tree says about the act a trigger names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    /// The trigger is no noun here (a verb, an adjective): the clause rules decide.
    NotNoun,
    /// The sentence reports the act; the tree path that says so.
    Asserted(String),
    /// The noun is background; the tree path that says so.
    Background(String),
}

/// The head word (0-based) of the words at bytes `start..end`: the one whose head lies
/// outside them.
pub(crate) fn head_within(parsed: &Parsed, start: usize, end: usize) -> Option<usize> {
    let words = &parsed.words;
    let inside = |i: usize| words[i].start < end && words[i].end > start;
    (0..words.len())
        .filter(|&i| inside(i))
        .find(|&i| words[i].head == 0 || !inside(words[i].head - 1))
}

/// Most steps up through modifiers, conjuncts and appositions before the noun's own predicate.
const MAX_STEPS: usize = 4;

/// Reads the act named by the trigger at bytes `start..end` of the parsed sentence.
/// `lexicon_noun`: the lexicon knows the trigger as a noun, so a tagger's adjective or unknown
/// word there is one too ("impuso aranceles" tagged ADJ); a tagger's verb still wins.
pub fn read(parsed: &Parsed, start: usize, end: usize, lang: Lang, lexicon_noun: bool) -> Reading {
    let words = &parsed.words;
    let Some(head) = head_within(parsed, start, end) else {
        return Reading::NotNoun;
    };
    let noun_tag = match words[head].upos {
        "NOUN" | "PROPN" => true,
        "ADJ" | "X" => lexicon_noun,
        _ => false,
    };
    if !noun_tag {
        return Reading::NotNoun;
    }
    let lists = &*LISTS;
    let lemma = |i: usize| words[i].lemma.to_lowercase();
    let children = |i: usize| {
        words
            .iter()
            .enumerate()
            .filter(move |(_, w)| w.head == i + 1)
            .map(|(k, _)| k)
    };
    let noun = &words[head].form;
    let mut node = head;
    for _ in 0..MAX_STEPS {
        let word = &words[node];
        // "the protests that the drivers staged", "the attack that killed five": a relative
        // clause of the phrase that brings the act about or reports it occurring.
        if let Some(verb) = children(node).find(|&k| {
            words[k].deprel.starts_with("acl")
                && (lists.support.contains(&(lang, lemma(k).as_str()))
                    || lists.occur.contains(&(lang, lemma(k).as_str())))
        }) {
            return Reading::Asserted(format!(
                "tree: \"{noun}\" in a phrase with the clause \"{}\"",
                words[verb].form
            ));
        }
        let rel = word.deprel.as_str();
        let base = rel.split(':').next().unwrap_or(rel);
        if word.head == 0 {
            // A verbless sentence names its act as a headline does; a noun predicate ("those
            // were strikes") asserts nothing.
            let predicate = children(node).any(|k| {
                let r = words[k].deprel.as_str();
                r == "cop" || r.starts_with("nsubj")
            });
            let has_verb = words.iter().any(|w| w.upos == "VERB");
            return if predicate || has_verb {
                Reading::Background(format!("tree: \"{noun}\" heads a nominal clause"))
            } else {
                Reading::Asserted(format!("tree: \"{noun}\" heads a sentence with no verb"))
            };
        }
        let up = word.head - 1;
        let predicate = lemma(up);
        match rel {
            "obj" | "nsubj:pass" | "iobj" => {
                // A Spanish subject after its verb is often parsed as the object
                // ("estallaron protestas"): with no other subject, a verb of occurrence
                // reports it.
                let postverbal_subject = rel == "obj"
                    && lists.occur.contains(&(lang, predicate.as_str()))
                    && !children(up).any(|k| words[k].deprel.starts_with("nsubj"));
                return if lists.support.contains(&(lang, predicate.as_str())) || postverbal_subject
                {
                    Reading::Asserted(format!(
                        "tree: \"{noun}\" {rel} of the support verb \"{predicate}\""
                    ))
                } else {
                    Reading::Background(format!("tree: \"{noun}\" {rel} of \"{predicate}\""))
                };
            }
            // "there was an attack", "hubo una intervención": existence asserts the act.
            "nsubj" if predicate == "be" && children(up).any(|k| words[k].deprel == "expl") => {
                return Reading::Asserted(format!("tree: \"{noun}\" said to exist"));
            }
            "nsubj" => {
                // A Spanish passive with "se" ("se realizaron ataques") has a subject where
                // English has an object.
                let reflexive_passive = children(up).any(|k| words[k].deprel.starts_with("expl"));
                let occurs = words[up].upos == "VERB"
                    && (lists.occur.contains(&(lang, predicate.as_str()))
                        || (reflexive_passive
                            && lists.support.contains(&(lang, predicate.as_str()))));
                return if occurs {
                    Reading::Asserted(format!("tree: \"{noun}\" subject of \"{predicate}\""))
                } else {
                    Reading::Background(format!("tree: \"{noun}\" subject of \"{predicate}\""))
                };
            }
            _ => {}
        }
        match base {
            "obl" => {
                let case = children(node)
                    .filter(|&k| words[k].deprel == "case" || words[k].deprel == "mark")
                    .map(lemma)
                    .find(|c| lists.case.contains(&(lang, c.as_str())));
                if lists.support.contains(&(lang, predicate.as_str())) {
                    // "came to an agreement", "remained on alert", "responsible for killings".
                    return Reading::Asserted(format!(
                        "tree: \"{noun}\" {rel} of the support word \"{predicate}\""
                    ));
                }
                return match case {
                    Some(case) => Reading::Asserted(format!(
                        "tree: \"{noun}\" in an adverbial with \"{case}\""
                    )),
                    None if rel == "obl:agent" => {
                        Reading::Asserted(format!("tree: \"{noun}\" agent of \"{predicate}\""))
                    }
                    None => Reading::Background(format!(
                        "tree: \"{noun}\" adverbial of \"{predicate}\""
                    )),
                };
            }
            // "the threat of tariffs", "tariff threats", "la amenaza de aranceles": the act is
            // the content of a noun of intent, risk or speech, which has not happened.
            "nmod" | "compound" if lists.modal.contains(&(lang, predicate.as_str())) => {
                return Reading::Background(format!(
                    "tree: \"{noun}\" content of \"{}\"",
                    words[up].form
                ));
            }
            // "the imposition of tariffs", "a mediation effort", "U.S. strikes and sanctions",
            // "the operation, an airstrike": the noun stands where its phrase stands.
            "nmod" | "compound" | "conj" | "appos" => node = up,
            _ => return Reading::Asserted(format!("tree: \"{noun}\" {rel} of \"{predicate}\"")),
        }
    }
    Reading::Asserted(format!("tree: \"{noun}\" deep in a phrase"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads the first occurrence of `trigger` in `sentence` with the shipped model.
    fn check(sentence: &str, trigger: &str, lang: Lang) -> Reading {
        let model = trecho_syntax::Model::builtin(match lang {
            Lang::En => "en",
            Lang::Es => "es",
        })
        .expect("shipped model");
        let parsed = model.parse(sentence, &mut Default::default());
        let start = sentence.find(trigger).expect("trigger in sentence");
        read(&parsed, start, start + trigger.len(), lang, true)
    }

    fn asserted(sentence: &str, trigger: &str, lang: Lang) -> bool {
        matches!(check(sentence, trigger, lang), Reading::Asserted(_))
    }

    #[test]
    fn support_verbs_and_occurrence_assert_the_act() {
        for (sentence, trigger, lang) in [
            (
                "The United States imposed new tariffs on Mexican steel.",
                "tariffs",
                Lang::En,
            ),
            (
                "Israeli forces carried out airstrikes on Gaza on Monday.",
                "airstrikes",
                Lang::En,
            ),
            (
                "The protests began on Monday in the capital.",
                "protests",
                Lang::En,
            ),
            (
                "Three soldiers died in an attack on the base.",
                "attack",
                Lang::En,
            ),
            (
                "Estados Unidos impuso aranceles a México.",
                "aranceles",
                Lang::Es,
            ),
            ("Estallaron protestas en la capital.", "protestas", Lang::Es),
            ("Tres policías murieron tras el ataque.", "ataque", Lang::Es),
        ] {
            assert!(
                asserted(sentence, trigger, lang),
                "{sentence}: {:?}",
                check(sentence, trigger, lang)
            );
        }
    }

    #[test]
    fn background_nouns_assert_nothing() {
        for (sentence, trigger, lang) in [
            (
                "The Trump administration called the tariffs reciprocal.",
                "tariffs",
                Lang::En,
            ),
            (
                "Economists said the tariffs are likely to disrupt trade.",
                "tariffs",
                Lang::En,
            ),
            (
                "The goal of the tariffs was to stop illegal immigration.",
                "tariffs",
                Lang::En,
            ),
            (
                "Los analistas creen que la amenaza de aranceles pesa sobre la economía.",
                "aranceles",
                Lang::Es,
            ),
        ] {
            assert!(
                matches!(check(sentence, trigger, lang), Reading::Background(_)),
                "{sentence}: {:?}",
                check(sentence, trigger, lang)
            );
        }
    }

    #[test]
    fn verbs_are_left_to_the_clause_rules() {
        assert_eq!(
            check("Israel strikes Gaza again.", "strikes", Lang::En),
            Reading::NotNoun
        );
    }
}
