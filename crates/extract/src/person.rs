//! Whose words, by the tree: is the clause of a trigger in the first person?
//!
//! In a transcript or a statement the speaker acts in the first person, and Spanish leaves the
//! pronoun out: "vamos a seguir en diálogo", "tenemos un acuerdo", "estamos apoyando". The
//! tagger marks the person on the verb or its auxiliary (`Person=1`); the tree says which verb
//! is the trigger's: the trigger itself, or the predicate a trigger noun is an argument of
//! ("tenemos un acuerdo"), climbing to the verb a completion or a conjunct shares its subject
//! with ("podemos poner de acuerdo").

use trecho_syntax::{Parsed, Word};

/// Most steps from the trigger up to the verb that carries its person.
const MAX_CLIMB: usize = 4;

/// Whether the clause of the trigger at bytes `start..end` is in the first person: its verb,
/// or an auxiliary of that verb, is first person and no other subject is named.
pub fn first(parsed: &Parsed, start: usize, end: usize) -> bool {
    let words = &parsed.words;
    let Some(mut at) = crate::assertion::head_within(parsed, start, end) else {
        return false;
    };
    let first_person = |w: &Word| w.feat("Person") == Some("1");
    for _ in 0..MAX_CLIMB {
        let word = &words[at];
        if matches!(word.upos, "VERB" | "AUX") {
            let children = || words.iter().filter(move |w| w.head == at + 1);
            // A named subject decides: "nosotros acordamos" yes, "México y nosotros…" no.
            if let Some(subject) = children().find(|w| w.deprel.starts_with("nsubj")) {
                return first_person(subject);
            }
            if first_person(word)
                || children().any(|w| w.deprel.starts_with("aux") && first_person(w))
            {
                return true;
            }
            // A completion or a conjunct shares the subject of the verb above it.
            if word.head == 0 || !matches!(word.deprel.as_str(), "xcomp" | "conj") {
                return false;
            }
        } else if word.head == 0
            || !matches!(
                word.deprel.as_str(),
                "obj" | "obl" | "nsubj:pass" | "compound" | "nmod" | "conj" | "xcomp"
            )
        {
            // A noun: climb to the predicate it is an argument of.
            return false;
        }
        at = word.head - 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(sentence: &str, trigger: &str) -> bool {
        let model = trecho_syntax::Model::builtin("es").expect("shipped model");
        let parsed = model.parse(sentence, &mut Default::default());
        let at = sentence.find(trigger).expect("trigger in sentence");
        first(&parsed, at, at + trigger.len())
    }

    #[test]
    fn first_person_from_the_verb_or_its_auxiliary() {
        assert!(check(
            "Entonces, vamos a seguir en diálogo con la Embajada.",
            "diálogo"
        ));
        assert!(check(
            "Tenemos un acuerdo con los ganaderos de Sonora.",
            "acuerdo"
        ));
        assert!(check("Estamos apoyando a la gente.", "apoyando"));
    }

    #[test]
    fn third_person_and_named_subjects_are_not() {
        assert!(!check(
            "El gobierno tiene un acuerdo con los ganaderos.",
            "acuerdo"
        ));
        assert!(!check(
            "Los ganaderos firmaron un acuerdo con Sonora.",
            "acuerdo"
        ));
    }
}
