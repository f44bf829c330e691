//! Speaker and attribution: who uttered the words and who reports them.
//!
//! [`find`] reads one sentence and returns:
//!
//! - `speaker`: who uttered the quoted or reported words, as written ("Trump", "Secretary of State
//!   Marco Rubio", "la presidenta"): the subject of a reporting verb ("Trump said", "said Trump",
//!   "Sheinbaum told reporters", "dijo Sheinbaum", "afirmó la presidenta") or the person after
//!   "according to" / "según";
//! - `attribution`: who reports the words when that is not the speaker: an unnamed source ("a
//!   senior Mexican official", "officials familiar with the matter", "fuentes"), a news outlet
//!   ("CNN", "Reuters") or a count or report ("a recent CNN tally");
//! - `reported`: the sentence reports words (a reporting verb, "according to", "según");
//! - `speculation`: the sentence gives a third party's speculation: analysts or unnamed others
//!   who "say", "fear" or "believe" something, an impersonal "it is possible that" / "es posible
//!   que", or a modal ("may", "could", "podría") with no named speaker behind it ("Trump said he
//!   could strike" is the speaker's own hedge, not speculation).
//!
//! Pronoun subjects ("he said") give `reported` without a speaker: resolving them is the caller's
//! business. English inversion ("…, said Trump") counts only after a comma or a quote, so that in
//! "Sheinbaum said Trump threatened tariffs" the speaker stays Sheinbaum.
//!
//! # How the subject of a reporting verb is found
//!
//! The sentence is cut into tokens and into segments between punctuation marks.
//!
//! 1. An unnamed source described by a clause right before the verb ("officials familiar with the
//!    matter said") is taken whole.
//! 2. After a comma the whole segment up to the verb is the subject (", the official CTK news
//!    agency said"); a verb right after a comma takes the nearest earlier segment that starts like
//!    a noun phrase ("El vicepresidente de Guatemala, Luis Flores, anunció"; "Sheinbaum, who spoke
//!    with Trump, said").
//! 3. "… and said" after a clause of its own takes the subject that opens the sentence ("Arafat
//!    defended Iraq and said").
//! 4. Otherwise the run of capitalized words, titles and role words before the verb ("Secretary
//!    of State Marco Rubio said", "La presidenta Claudia Sheinbaum dijo").
//! 5. In Spanish, and in English after a comma or a quote, the subject may follow the verb
//!    ("dijo Sheinbaum", "afirmó este martes la presidenta"); a following noun phrase counts only
//!    if it names someone, so "anunció un acuerdo" has no speaker.
//!
//! A phrase is an attribution rather than a speaker when a source noun ("official", "fuentes",
//! "tally", "agency") appears in its lowercase words, or when it names a news outlet. Spanish
//! verbs are matched with their accents ("anunció", not the noun "anuncio") unless the sentence
//! has no accents at all.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;
use trecho_model::Lang;

use crate::dates::{capitalized_at, compile, Folded};

/// Who said it, who reports it, and how sure the sentence is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attribution {
    /// Who uttered the words, as written in the sentence.
    pub speaker: Option<String>,
    /// Who reports them, when distinct from the speaker.
    pub attribution: Option<String>,
    /// The sentence reports words.
    pub reported: bool,
    /// The sentence gives a third party's speculation.
    pub speculation: bool,
    /// When the speculation rests only on a hedge word ("may", "possibly"): the byte offset of
    /// the first one in the sentence. A hedge only hedges what follows it ("escalating
    /// consequences, including tariffs and possibly sanctions" leaves the escalation alone).
    pub hedge_at: Option<usize>,
}

/// Reads the speaker, the attribution and the reporting of a sentence.
///
/// ```
/// use trecho_extract::attribution::find;
/// use trecho_model::Lang;
///
/// let found = find("Trump has threatened strikes at least 17 times, according to a recent CNN tally.", Lang::En);
/// assert_eq!(found.speaker, None);
/// assert_eq!(found.attribution.as_deref(), Some("a recent CNN tally"));
/// assert!(found.reported);
///
/// let found = find("México cumplirá con el tratado, afirmó la presidenta.", Lang::Es);
/// assert_eq!(found.speaker.as_deref(), Some("la presidenta"));
/// ```
pub fn find(sentence: &str, lang: Lang) -> Attribution {
    let folded = Folded::new(sentence);
    let tokens = tokenize(sentence, &folded);
    let has_accents = sentence.chars().any(|c| {
        matches!(
            c,
            'á' | 'é' | 'í' | 'ó' | 'ú' | 'ñ' | 'Á' | 'É' | 'Í' | 'Ó' | 'Ú' | 'Ñ'
        )
    });
    let mut result = Attribution::default();

    // A sentence with hundreds of reporting verbs is not prose; looking at the first few keeps
    // the work linear in the sentence length.
    let mut cues_seen = 0;
    for idx in 0..tokens.len() {
        if cues_seen >= MAX_CUES || (result.speaker.is_some() && result.attribution.is_some()) {
            break;
        }
        let Some(cue) = cue_at(&tokens, idx, lang, has_accents) else {
            continue;
        };
        cues_seen += 1;
        result.reported = true;
        let phrase = match cue {
            Cue::Verb { inversion } => {
                // Right after a comma or a quote the subject usually follows ("…," said
                // Sheinbaum); otherwise it comes first ("La presidenta dijo").
                let after_boundary = idx > 0 && tokens.get(idx - 1).is_some_and(is_boundary);
                let after = || {
                    if inversion {
                        subject_after(sentence, &tokens, idx + 1, lang)
                    } else {
                        None
                    }
                };
                let before = || subject_before(sentence, &folded, &tokens, idx, lang);
                if after_boundary {
                    after().or_else(before)
                } else {
                    before().or_else(after)
                }
            }
            Cue::According { skip } => source_after(sentence, &tokens, idx + skip),
        };
        if let Some(phrase) = phrase {
            place(&mut result, phrase);
        }
    }

    // "A CNN tally counted 17 such promises": a count or report as the source, with or without
    // a reporting verb.
    if result.attribution.is_none() {
        if let Some(found) = REPORT_SOURCE
            .captures(&folded.text)
            .and_then(|c| c.name("np"))
        {
            let start = folded.original(found.start());
            let end = folded.original(found.end());
            if let Some(text) = sentence.get(start..end) {
                result.attribution = Some(trim_phrase(text));
                result.reported = true;
            }
        }
    }

    (result.speculation, result.hedge_at) =
        speculation(sentence, &folded, lang, result.speaker.is_some());
    result
}

/// How many reporting cues a sentence is searched at.
const MAX_CUES: usize = 16;

/// How far back (in bytes of folded text) an unnamed source described by a clause may start.
const ANONYMOUS_REACH: usize = 240;

/// A phrase found next to a reporting cue, with its class.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Phrase {
    text: String,
    class: Class,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// A named person or body: the speaker.
    Speaker,
    /// An unnamed source, an outlet or a report: the attribution.
    Source,
    /// A pronoun: words are reported, but nobody is named.
    Pronoun,
}

fn place(result: &mut Attribution, phrase: Phrase) {
    match phrase.class {
        Class::Speaker if result.speaker.is_none() => result.speaker = Some(phrase.text),
        Class::Source if result.attribution.is_none() => result.attribution = Some(phrase.text),
        _ => {}
    }
}

/// Keeps the phrase as written, only trimmed of surrounding punctuation and spaces.
fn trim_phrase(text: &str) -> String {
    text.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '"' | '\''))
        .to_string()
}

// ---------------------------------------------------------------------------------------------
// Tokens.

/// A word or a punctuation mark of the original sentence.
#[derive(Debug, Clone)]
struct Token<'a> {
    /// Byte offset in the sentence.
    start: usize,
    /// Byte offset one past the end in the sentence.
    end: usize,
    /// Byte offset in the folded sentence.
    folded_start: usize,
    /// The original text.
    text: &'a str,
    /// Lowercase, accents stripped: a slice of the folded sentence.
    folded: &'a str,
    /// Starts with an uppercase letter.
    capitalized: bool,
    /// A word (letters or digits), not punctuation.
    word: bool,
}

/// Splits a sentence into words (letters, digits and inner `.`, `'`, `’`, `-` as in "U.S.",
/// "O'Neill", "high-ranking") and single punctuation marks. `folded` is the sentence folded, which
/// has one char for each char of the sentence, so the two are walked side by side.
fn tokenize<'a>(sentence: &'a str, folded: &'a Folded) -> Vec<Token<'a>> {
    let chars: Vec<(usize, usize, char)> = sentence
        .char_indices()
        .zip(folded.text.char_indices())
        .map(|((original, ch), (folded_idx, _))| (original, folded_idx, ch))
        .collect();
    let original_at = |idx: usize| chars.get(idx).map_or(sentence.len(), |c| c.0);
    let folded_at = |idx: usize| chars.get(idx).map_or(folded.text.len(), |c| c.1);
    let char_at = |idx: usize| chars.get(idx).map(|c| c.2);
    let mut tokens = Vec::with_capacity(chars.len() / 4);
    let mut idx = 0;
    while let Some(ch) = char_at(idx) {
        if ch.is_whitespace() {
            idx += 1;
            continue;
        }
        let mut next_idx = idx + 1;
        let word = ch.is_alphanumeric();
        if word {
            while let Some(next) = char_at(next_idx) {
                let inner = matches!(next, '.' | '\'' | '\u{2019}' | '-')
                    && char_at(next_idx + 1).is_some_and(char::is_alphanumeric);
                if next.is_alphanumeric() || inner {
                    next_idx += 1;
                } else {
                    break;
                }
            }
            // Keep the final period of an initial or abbreviation ("J.", "U.S.").
            if char_at(next_idx) == Some('.') && ch.is_uppercase() {
                let body = sentence
                    .get(original_at(idx)..original_at(next_idx))
                    .unwrap_or("");
                if next_idx - idx == 1 || body.contains('.') {
                    next_idx += 1;
                }
            }
        }
        let (start, end) = (original_at(idx), original_at(next_idx));
        let (folded_start, folded_end) = (folded_at(idx), folded_at(next_idx));
        tokens.push(Token {
            start,
            end,
            folded_start,
            text: sentence.get(start..end).unwrap_or(""),
            folded: folded.text.get(folded_start..folded_end).unwrap_or(""),
            capitalized: ch.is_uppercase(),
            word,
        });
        idx = next_idx;
    }
    tokens
}

// ---------------------------------------------------------------------------------------------
// Cues.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// A reporting verb; `inversion` when its subject may follow it (", said Trump").
    Verb { inversion: bool },
    /// "according to", "según", "de acuerdo con": the source follows after `skip` tokens.
    According { skip: usize },
}

const EN_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "wrote",
    "writes",
    "posted",
    "announced",
    "announces",
    "stated",
    "declared",
    "declares",
    "noted",
    "explained",
    "explains",
    "insisted",
    "insists",
    "argued",
    "argues",
    "warned",
    "warns",
    "claimed",
    "stressed",
    "stresses",
    "emphasized",
    "emphasised",
    "tweeted",
    "asserted",
    "asserts",
    "affirmed",
    "remarked",
    "acknowledged",
    "acknowledges",
    "replied",
    "responded",
    "confirmed",
    "confirms",
    "reiterated",
    "reiterates",
    "vowed",
    "vows",
    "pledged",
    "pledges",
    "promised",
    "denied",
    "denies",
    "admitted",
    "suggested",
    "suggests",
    "predicted",
    "contended",
    "maintained",
    "asked",
    "recalled",
    "reported",
    "revealed",
    "disclosed",
];

/// English verbs whose subject may follow them after a comma or quote ("…, said Trump").
const EN_INVERSION_VERBS: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "wrote",
    "writes",
    "noted",
    "explained",
    "asked",
    "insisted",
    "argued",
    "stated",
    "declared",
    "warned",
    "replied",
    "recalled",
];

/// Spanish reporting verbs as written, with their accents: "anunció" is a verb, "anuncio" a noun.
/// In a sentence written without any accents the folded forms are compared instead.
const ES_VERBS: &[&str] = &[
    "dijo",
    "dice",
    "dijeron",
    "afirmó",
    "afirma",
    "afirmaron",
    "señaló",
    "señala",
    "señalaron",
    "declaró",
    "declara",
    "declararon",
    "aseguró",
    "asegura",
    "aseguraron",
    "indicó",
    "indica",
    "indicaron",
    "expresó",
    "sostuvo",
    "sostiene",
    "advirtió",
    "advierte",
    "advirtieron",
    "explicó",
    "explica",
    "explicaron",
    "comentó",
    "manifestó",
    "puntualizó",
    "subrayó",
    "destacó",
    "insistió",
    "reiteró",
    "reitera",
    "anunció",
    "anuncia",
    "anunciaron",
    "agregó",
    "agregaron",
    "añadió",
    "añadieron",
    "escribió",
    "publicó",
    "respondió",
    "informó",
    "informa",
    "informaron",
    "detalló",
    "precisó",
    "precisaron",
    "mencionó",
    "enfatizó",
    "acotó",
    "apuntó",
    "recalcó",
    "refirió",
    "admitió",
    "reconoció",
    "denunció",
    "denunciaron",
    "confirmó",
    "confirma",
    "confirmaron",
    "prometió",
    "expuso",
    "planteó",
    "aclaró",
    "insiste",
    "reveló",
    "relató",
    "narró",
    "cuestionó",
    "lamentó",
    "celebró",
    "reportó",
    "reportaron",
    "sostuvieron",
    "comunicó",
    "difundió",
];

/// Word lists as hash sets, built once: the lists are checked for every token.
struct WordSets {
    en_verbs: HashSet<&'static str>,
    /// Folded Spanish verb → the accented forms that fold to it.
    es_verbs: HashMap<String, Vec<&'static str>>,
    phrase_words: HashSet<&'static str>,
    skipped: HashSet<&'static str>,
}

static WORDS: LazyLock<WordSets> = LazyLock::new(|| {
    let mut es_verbs: HashMap<String, Vec<&'static str>> = HashMap::new();
    for verb in ES_VERBS {
        let folded: String = verb.chars().map(crate::dates::fold_char).collect();
        es_verbs.entry(folded).or_default().push(verb);
    }
    WordSets {
        en_verbs: EN_VERBS.iter().copied().collect(),
        es_verbs,
        phrase_words: PHRASE_WORDS.iter().copied().collect(),
        skipped: SKIPPED.iter().copied().collect(),
    }
});

fn cue_at(tokens: &[Token<'_>], idx: usize, lang: Lang, has_accents: bool) -> Option<Cue> {
    let token = tokens.get(idx)?;
    let word = token.folded;
    let next = tokens.get(idx + 1).map(|t| t.folded);
    let next2 = tokens.get(idx + 2).map(|t| t.folded);
    // Both languages: a Spanish quote in an English story and the reverse are common.
    if word == "according" && next == Some("to") {
        return Some(Cue::According { skip: 2 });
    }
    if word == "segun" {
        return Some(Cue::According { skip: 1 });
    }
    if word == "de" && next == Some("acuerdo") && next2 == Some("con") {
        return Some(Cue::According { skip: 3 });
    }
    if word == "per" && lang == Lang::En && idx > 0 {
        let previous = tokens.get(idx - 1).map(|t| t.text);
        if previous == Some(",") {
            return Some(Cue::According { skip: 1 });
        }
    }
    let is_verb = match lang {
        Lang::En => {
            // "is said", "was reported": passive, nobody is reporting here.
            let passive = idx > 0
                && tokens.get(idx - 1).is_some_and(|t| {
                    matches!(t.folded, "is" | "was" | "are" | "were" | "be" | "been")
                });
            WORDS.en_verbs.contains(word) && !passive
        }
        Lang::Es => {
            let lowercase_is = |verb: &&str| {
                token
                    .text
                    .chars()
                    .flat_map(char::to_lowercase)
                    .eq(verb.chars())
            };
            // The folded form finds the candidates; with accents in the text, the accents
            // must match too.
            WORDS
                .es_verbs
                .get(word)
                .is_some_and(|forms| !has_accents || forms.iter().any(lowercase_is))
        }
    };
    if !is_verb {
        return None;
    }
    let inversion = match lang {
        Lang::En => {
            EN_INVERSION_VERBS.contains(&word)
                && (idx == 0
                    || tokens.get(idx - 1).is_some_and(|t| {
                        matches!(
                            t.text,
                            "," | "\"" | "\u{201D}" | "'" | "\u{2019}" | "-" | "\u{2014}"
                        )
                    }))
        }
        Lang::Es => true,
    };
    Some(Cue::Verb { inversion })
}

// ---------------------------------------------------------------------------------------------
// Phrases around cues.

/// Words allowed inside a speaker or source phrase even when lowercase: determiners, titles,
/// roles and the adjectives that go with them.
const PHRASE_WORDS: &[&str] = &[
    // possessives and bodies that speak
    "negotiator",
    "negotiators",
    "negociador",
    "negociadora",
    "profesor",
    "profesora",
    "dirigente",
    "dirigentes",
    "abogado",
    "abogada",
    "alcalde",
    "alcaldesa",
    "activista",
    "candidato",
    "candidata",
    "testigo",
    "lawyer",
    "activist",
    "witness",
    "mayor",
    "candidate",
    "entidad",
    "organismo",
    "autoridades",
    "authorities",
    "his",
    "her",
    "its",
    "their",
    "su",
    "sus",
    "police",
    "policia",
    "army",
    "ejercito",
    "office",
    "oficina",
    "embassy",
    "embajada",
    "council",
    "consejo",
    "media",
    "news",
    "agency",
    "agencia",
    "newspaper",
    "diario",
    "periodico",
    "radio",
    "television",
    "television's",
    "ministry's",
    "ministerio",
    "spokesman's",
    "military",
    "militares",
    "forces",
    "fuerzas",
    "cabinet",
    "gabinete",
    "presidency",
    "presidencia",
    "cancilleria",
    "secretariat",
    "secretaria",
    // determiners and connectors
    "the",
    "a",
    "an",
    "one",
    "two",
    "three",
    "several",
    "some",
    "many",
    "other",
    "of",
    "for",
    "el",
    "la",
    "los",
    "las",
    "un",
    "una",
    "unos",
    "unas",
    "de",
    "del",
    "varios",
    "varias",
    "algunos",
    "algunas",
    "otro",
    "otra",
    "'s",
    // roles
    "president",
    "presidente",
    "presidenta",
    "secretary",
    "secretario",
    "secretaria",
    "minister",
    "ministro",
    "ministra",
    "canciller",
    "official",
    "officials",
    "funcionario",
    "funcionaria",
    "funcionarios",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "vocero",
    "vocera",
    "portavoz",
    "mandatario",
    "mandataria",
    "ambassador",
    "embajador",
    "embajadora",
    "envoy",
    "enviado",
    "source",
    "sources",
    "fuente",
    "fuentes",
    "aide",
    "aides",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "asesor",
    "asesores",
    "diplomat",
    "diplomats",
    "diplomatico",
    "diplomaticos",
    "analyst",
    "analysts",
    "analista",
    "analistas",
    "expert",
    "experts",
    "experto",
    "expertos",
    "person",
    "people",
    "persona",
    "personas",
    "ministry",
    "department",
    "departamento",
    "agency",
    "agencia",
    "government",
    "gobierno",
    "administration",
    "administracion",
    "governor",
    "gobernador",
    "gobernadora",
    "senator",
    "senador",
    "senadora",
    "lawmaker",
    "lawmakers",
    "legislador",
    "legisladores",
    "legisladora",
    "diputado",
    "diputada",
    "titular",
    "leader",
    "lider",
    "director",
    "directora",
    "chief",
    "jefe",
    "jefa",
    "prosecutor",
    "prosecutors",
    "fiscal",
    "attorney",
    "general",
    "subsecretario",
    "subsecretaria",
    "representative",
    "representante",
    "commander",
    "comandante",
    "officer",
    "officers",
    "tally",
    "count",
    "analysis",
    "report",
    "review",
    "poll",
    "survey",
    "conteo",
    "recuento",
    "analisis",
    "informe",
    "reporte",
    "encuesta",
    "statement",
    "comunicado",
    // adjectives common in descriptors
    "senior",
    "top",
    "former",
    "current",
    "high-ranking",
    "recent",
    "new",
    "mexican",
    "mexicano",
    "mexicana",
    "mexicanos",
    "american",
    "estadounidense",
    "estadounidenses",
    "us",
    "u.s.",
    "foreign",
    "federal",
    "military",
    "security",
    "intelligence",
    "trade",
    "defense",
    "state",
    "alto",
    "alta",
    "altos",
    "altas",
    "exterior",
    "exteriores",
    "relaciones",
    "house",
    "white",
    "anonymous",
    "anonimo",
    "anonima",
    "unnamed",
    "administration's",
];

/// Words skipped between a subject and its verb ("Trump has repeatedly said", "Trump on Monday
/// said", "Sheinbaum también dijo").
const SKIPPED: &[&str] = &[
    "has",
    "had",
    "have",
    "also",
    "later",
    "previously",
    "then",
    "repeatedly",
    "again",
    "recently",
    "once",
    "often",
    "publicly",
    "privately",
    "reportedly",
    "himself",
    "herself",
    "first",
    "earlier",
    "had",
    "on",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
    "tambien",
    "ya",
    "luego",
    "posteriormente",
    "incluso",
    "ha",
    "han",
    "habia",
    "le",
    "les",
    "lo",
    "se",
    "me",
    "nos",
    "no",
    "not",
    "never",
    "nunca",
    "ayer",
    "hoy",
    "just",
    "recientemente",
    "previamente",
    "nuevamente",
    "reiteradamente",
    "would",
    "will",
    "could",
    "may",
    "might",
    "must",
    "should",
    "can",
    "did",
    "does",
];

const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "el", "ella", "ellos", "ellas", "yo", "nosotros",
    "who", "which", "that", "quien", "quienes", "que",
];

/// Common nouns that mark an unnamed source or a report: the phrase is an attribution.
static SOURCE_MARK: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"\b(?:officials?|sources?|people|person|aides?|advisers?|advisors?|diplomats?|analysts?|experts?|observers?|lawmakers?|tally|count|analysis|review|report|reports|poll|survey|investigation|database|tracker|agency|newspaper|media|radio|television|outlet|statement|communique|funcionarios?|fuentes?|asesores|diplomaticos|analistas|expertos|conteo|recuento|analisis|informe|reporte|encuesta|medios|agencia|diario|periodico|comunicado|balance|prensa|reportes|informes|versiones|denuncia)\b",
    )
});

/// News outlets: a phrase naming one is an attribution.
static OUTLETS: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"\b(?:cnn|reuters|ap|associated press|bloomberg|new york times|washington post|wall street journal|axios|politico|nbc|cbs|abc|fox news|el pais|reforma|milenio|el universal|la jornada|proceso|efe|afp|el financiero|the guardian|bbc)\b",
    )
});

/// Whether a phrase found next to a reporting cue names a speaker or a source.
///
/// Source nouns count only in lowercase words (or the first word), so that the name "Juan Ramón
/// de la Fuente" is not read as "fuente" (source); outlets count anywhere.
fn classify(text: &str) -> Class {
    let folded: String = text.chars().map(crate::dates::fold_char).collect();
    let words: Vec<&str> = folded.split_whitespace().collect();
    if matches!(words.as_slice(), [only] if PRONOUNS.contains(only)) {
        return Class::Pronoun;
    }
    if OUTLETS.is_match(&folded) {
        return Class::Source;
    }
    let common: Vec<String> = text
        .split_whitespace()
        .enumerate()
        .map(|(idx, word)| {
            let capitalized = word.chars().next().is_some_and(char::is_uppercase);
            if idx > 0 && capitalized {
                "_".to_string()
            } else {
                word.chars().map(crate::dates::fold_char).collect()
            }
        })
        .collect();
    if SOURCE_MARK.is_match(&common.join(" ")) {
        return Class::Source;
    }
    Class::Speaker
}

/// An unnamed source right before the verb, with words the role list does not cover
/// ("officials familiar with the matter said").
static ANONYMOUS_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?P<np>\b(?:(?:a|an|one|two|three|several|some|other|the|unos|unas|varios|algunos)\s+)?(?:[a-z.'-]+\s+){0,4}?(?:officials?|sources?|people|person|aides?|advisers?|advisors?|diplomats?|funcionarios?|fuentes?)\s+(?:familiar with|close to|with knowledge of|briefed on|involved in|speaking on condition of anonymity|who spoke on condition of anonymity|cercanas? a|cercanos? a|consultad[oa]s? por|con conocimiento de)[^,;.]{0,60}?)\s*,?\s*$",
    )
});

/// The subject written before a reporting verb.
fn subject_before(
    sentence: &str,
    folded: &Folded,
    tokens: &[Token<'_>],
    verb_idx: usize,
    lang: Lang,
) -> Option<Phrase> {
    let mut end_idx = verb_idx;
    // Step back over auxiliaries, adverbs and "on Monday".
    while end_idx > 0 {
        let previous = tokens.get(end_idx - 1)?;
        if previous.word && WORDS.skipped.contains(previous.folded) {
            end_idx -= 1;
        } else {
            break;
        }
    }
    if end_idx == 0 {
        return None;
    }
    // Unnamed sources described by a clause.
    let folded_end = tokens.get(end_idx)?.folded_start;
    let mut reach_start = folded_end.saturating_sub(ANONYMOUS_REACH);
    while !folded.text.is_char_boundary(reach_start) {
        reach_start -= 1;
    }
    if let Some(np) = folded
        .text
        .get(reach_start..folded_end)
        .and_then(|left| ANONYMOUS_BEFORE.captures(left))
        .and_then(|c| c.name("np"))
    {
        let (np_start, np_end) = (reach_start + np.start(), reach_start + np.end());
        let text = sentence.get(folded.original(np_start)..folded.original(np_end))?;
        return Some(Phrase {
            text: trim_phrase(text),
            class: Class::Source,
        });
    }
    let previous = tokens.get(end_idx - 1)?;
    // A lone pronoun right before the verb.
    if previous.word && PRONOUNS.contains(&previous.folded) && previous.folded != "that" {
        return Some(Phrase {
            text: previous.text.to_string(),
            class: Class::Pronoun,
        });
    }
    // "Arafat defended Iraq and said…": the subject of the first verb, at the sentence start.
    if previous.word && matches!(previous.folded, "and" | "y" | "e" | "but" | "pero") {
        let before_conjunction = end_idx.checked_sub(2).and_then(|i| tokens.get(i));
        // A name before the conjunction makes it a joint subject ("Trump and Sheinbaum said");
        // a weekday or a common word ends the first verb's clause.
        let ends_clause =
            |t: &Token<'_>| t.word && (!t.capitalized || WEEKDAYS.contains(&t.folded));
        if before_conjunction.is_some_and(ends_clause) {
            return initial_subject(sentence, tokens, lang);
        }
    }
    // Segments are the stretches between punctuation marks. After a comma the whole segment up
    // to the verb is the subject (", the official CTK news agency said"); a verb right after a
    // comma takes the segment before it ("El vicepresidente, Luis Flores, anunció").
    let segment_start = segment_start(tokens, end_idx);
    if segment_start == end_idx {
        return appositive_before(sentence, tokens, end_idx, lang);
    }
    if segment_start > 0 && end_idx - segment_start <= 12 {
        let mut start_idx = segment_start;
        // Keep what follows the last "but", or the last "and" after a longer stretch.
        for idx in (segment_start..end_idx).rev() {
            let token = tokens.get(idx)?;
            let conjunction = match token.folded {
                "but" | "pero" => true,
                "and" | "y" => idx >= segment_start + 3,
                _ => false,
            };
            if conjunction && idx + 1 < end_idx {
                start_idx = idx + 1;
                break;
            }
        }
        let first = tokens.get(start_idx)?;
        let noun_like = (first.capitalized && !CAPITALIZED_FUNCTION_WORDS.contains(&first.folded))
            || is_connector(first.folded)
            || WORDS.phrase_words.contains(first.folded);
        if noun_like {
            if let Some(phrase) = phrase_from(sentence, tokens, start_idx, end_idx) {
                return Some(phrase);
            }
        }
    }
    // At the sentence start (or a long segment): the run of name and role words before the verb.
    let mut start_idx = end_idx;
    let mut bridged = 0;
    while start_idx > 0 {
        let previous = tokens.get(start_idx - 1)?;
        // Between two capitalized words, name particles ("De la Fuente") and "and"/"y" (a
        // joint subject: "Rubio and De la Fuente said") belong to the phrase.
        let between_names = tokens.get(start_idx).is_some_and(|t| t.capitalized)
            && start_idx >= 2
            && tokens.get(start_idx - 2).is_some_and(|t| t.capitalized)
            && matches!(
                previous.folded,
                "and" | "y" | "de" | "del" | "la" | "van" | "von"
            );
        let particle = previous.capitalized
            && matches!(previous.folded, "de" | "del" | "la")
            && tokens
                .get(start_idx..end_idx)
                .is_some_and(|run| run.iter().any(|t| t.capitalized));
        // An unknown lowercase word right after a name or a possessive describes the role:
        // "Iraq's interim government", "Ankara's Cankaya district administration".
        let bridge = bridged < 2
            && previous.word
            && !previous.capitalized
            && !is_connector(previous.folded)
            && start_idx >= 2
            && tokens.get(start_idx - 2).is_some_and(|t| {
                t.word
                    && (t.capitalized
                        || t.folded.ends_with("'s")
                        || t.folded.ends_with("\u{2019}s"))
                    && !CAPITALIZED_FUNCTION_WORDS.contains(&t.folded)
            });
        if bridge && !in_phrase(previous, lang) {
            bridged += 1;
        }
        if in_phrase(previous, lang) || between_names || particle || bridge {
            start_idx -= 1;
        } else {
            break;
        }
    }
    if start_idx == end_idx {
        return None;
    }
    phrase_from(sentence, tokens, start_idx, end_idx)
}

/// Whether a token ends a segment: punctuation other than the possessive and the ampersand.
fn is_boundary(token: &Token<'_>) -> bool {
    !token.word && !matches!(token.text, "'s" | "\u{2019}s" | "&")
}

/// The index of the first token of the segment that ends at `end_idx`.
fn segment_start(tokens: &[Token<'_>], end_idx: usize) -> usize {
    let mut idx = end_idx;
    while idx > 0 && tokens.get(idx - 1).is_some_and(|t| !is_boundary(t)) {
        idx -= 1;
    }
    idx
}

/// "El vicepresidente de Guatemala, Luis Flores, anunció": the verb follows a comma, so the
/// subject is the nearest earlier segment that starts like a noun phrase (a capital, a
/// determiner or a possessive) and is not a relative or participial clause.
fn appositive_before(
    sentence: &str,
    tokens: &[Token<'_>],
    verb_idx: usize,
    lang: Lang,
) -> Option<Phrase> {
    let mut end_idx = verb_idx;
    for _ in 0..3 {
        // Step over the punctuation before the verb or the previous segment.
        while end_idx > 0 && tokens.get(end_idx - 1).is_some_and(is_boundary) {
            end_idx -= 1;
        }
        if end_idx == 0 {
            return None;
        }
        let start_idx = segment_start(tokens, end_idx);
        let first = tokens.get(start_idx)?;
        let clause = matches!(
            first.folded,
            "who" | "which" | "that" | "quien" | "quienes" | "que" | "cuyo" | "cuya" | "el cual"
        ) || (!first.capitalized && first.folded.ends_with("ing"));
        let noun_like = first.capitalized
            || matches!(
                first.folded,
                "the"
                    | "a"
                    | "an"
                    | "his"
                    | "her"
                    | "its"
                    | "their"
                    | "el"
                    | "la"
                    | "los"
                    | "las"
                    | "un"
                    | "una"
                    | "su"
                    | "sus"
            );
        if !clause && noun_like && end_idx - start_idx <= 12 {
            // A long segment that opens the sentence with a name is a clause of its own ("Trump
            // threatened tariffs, …"): take its head. One that opens with a determiner is a noun
            // phrase ("Una agrupación de familiares de presos, por su parte, manifestó").
            if start_idx == 0 && end_idx - start_idx > 6 && !is_connector(first.folded) {
                return initial_subject(sentence, tokens, lang);
            }
            return phrase_from(sentence, tokens, start_idx, end_idx);
        }
        end_idx = start_idx;
    }
    None
}

/// The run of name and role words that opens the sentence ("Palestinian leader Yasser Arafat").
fn initial_subject(sentence: &str, tokens: &[Token<'_>], lang: Lang) -> Option<Phrase> {
    let mut end_idx = 0;
    while let Some(token) = tokens.get(end_idx) {
        if end_idx < 10 && in_phrase(token, lang) {
            end_idx += 1;
        } else {
            break;
        }
    }
    if end_idx == 0 {
        return None;
    }
    phrase_from(sentence, tokens, 0, end_idx)
}

/// The subject written after a reporting verb ("dijo la presidenta Claudia Sheinbaum", ", said
/// Trump").
fn subject_after(sentence: &str, tokens: &[Token<'_>], from: usize, lang: Lang) -> Option<Phrase> {
    let mut start_idx = from;
    // Spanish often puts the time first: "afirmó este lunes la presidenta".
    loop {
        let token = tokens.get(start_idx)?;
        let next = tokens.get(start_idx + 1).map(|t| t.folded);
        let weekday = |w: Option<&str>| {
            matches!(
                w,
                Some(
                    "lunes"
                        | "martes"
                        | "miercoles"
                        | "jueves"
                        | "viernes"
                        | "sabado"
                        | "domingo"
                        | "monday"
                        | "tuesday"
                        | "wednesday"
                        | "thursday"
                        | "friday"
                        | "saturday"
                        | "sunday"
                )
            )
        };
        let next2 = tokens.get(start_idx + 2).map(|t| t.folded);
        let next3 = tokens.get(start_idx + 3).map(|t| t.folded);
        match (token.folded, next, next2) {
            ("este" | "el" | "on", _, _) if weekday(next) => start_idx += 2,
            ("ayer" | "hoy" | "yesterday" | "today" | "also" | "tambien" | "anoche", _, _) => {
                start_idx += 1
            }
            // "declaró por teléfono", "dijo a la prensa", "afirmó en conferencia de prensa".
            ("por", Some("telefono" | "escrito"), _) => start_idx += 2,
            ("a", Some("periodistas" | "reporteros"), _) => start_idx += 2,
            ("a", Some("la" | "los"), Some("prensa" | "medios" | "periodistas" | "reporteros")) => {
                start_idx += 3
            }
            ("en", Some("conferencia"), Some("de")) if next3 == Some("prensa") => start_idx += 4,
            ("en", Some("un" | "una" | "el"), Some("comunicado" | "mensaje" | "entrevista")) => {
                start_idx += 3
            }
            _ => break,
        }
    }
    // Spanish inversion with a determiner: "declaró un profesor que pidió el anonimato" takes
    // the noun phrase up to a relative pronoun, a preposition or punctuation.
    if lang == Lang::Es
        && tokens.get(start_idx).is_some_and(|t| {
            matches!(
                t.folded,
                "el" | "la" | "los" | "las" | "un" | "una" | "unos" | "unas"
            )
        })
    {
        let mut end_idx = start_idx + 1;
        while let Some(token) = tokens.get(end_idx) {
            let stop = !token.word
                || matches!(
                    token.folded,
                    "que"
                        | "quien"
                        | "quienes"
                        | "en"
                        | "a"
                        | "al"
                        | "durante"
                        | "tras"
                        | "ante"
                        | "desde"
                        | "sobre"
                        | "con"
                        | "y"
                        | "e"
                        | "para"
                        | "por"
                        | "cuando"
                );
            if stop || end_idx - start_idx >= 9 {
                break;
            }
            end_idx += 1;
        }
        // A subject names someone ("el canciller", "un profesor"); "anunció un acuerdo" has an
        // object there instead.
        let names_someone = tokens.get(start_idx + 1..end_idx).is_some_and(|run| {
            run.iter().any(|t| {
                t.capitalized
                    || (WORDS.phrase_words.contains(t.folded)
                        && !is_connector(t.folded)
                        && !is_adjective(t.folded))
            })
        });
        if names_someone {
            return phrase_from(sentence, tokens, start_idx, end_idx);
        }
        return None;
    }
    let mut end_idx = start_idx;
    while let Some(token) = tokens.get(end_idx) {
        if in_phrase(token, lang) {
            end_idx += 1;
        } else {
            break;
        }
    }
    // A lone trailing determiner or connector is not part of the subject.
    while end_idx > start_idx {
        let last = tokens.get(end_idx - 1)?;
        if !last.capitalized && is_connector(last.folded) {
            end_idx -= 1;
        } else {
            break;
        }
    }
    if end_idx == start_idx {
        return None;
    }
    // The subject must name someone: a capitalized word or a role, not only determiners.
    let names_someone = tokens
        .get(start_idx..end_idx)?
        .iter()
        .any(|t| t.capitalized || (!is_connector(t.folded) && !is_adjective(t.folded)));
    if !names_someone {
        return None;
    }
    phrase_from(sentence, tokens, start_idx, end_idx)
}

/// The source after "according to" / "según": everything up to the next punctuation mark.
fn source_after(sentence: &str, tokens: &[Token<'_>], from: usize) -> Option<Phrase> {
    // "según trascendió", "según informó": a verb, not a source.
    if tokens
        .get(from)
        .is_some_and(|t| t.text.ends_with('ó') || t.folded == "se")
    {
        return None;
    }
    let mut end_idx = from;
    while let Some(token) = tokens.get(end_idx) {
        if !token.word && token.text != "'" && token.text != "\u{2019}" && token.text != "&" {
            break;
        }
        if end_idx - from >= 12 {
            break;
        }
        // "according to reports the UK is…": a second determiner starts a new clause, unless a
        // preposition introduces it ("officials familiar with the matter").
        if end_idx > from
            && matches!(
                token.folded,
                "the" | "a" | "an" | "el" | "la" | "los" | "las" | "un" | "una"
            )
        {
            let previous = tokens.get(end_idx - 1).map(|t| t.folded);
            let after_preposition = matches!(
                previous,
                Some(
                    "of" | "by"
                        | "at"
                        | "in"
                        | "from"
                        | "with"
                        | "for"
                        | "on"
                        | "de"
                        | "del"
                        | "en"
                        | "con"
                        | "para"
                        | "por"
                        | "a"
                )
            );
            if !after_preposition {
                break;
            }
        }
        end_idx += 1;
    }
    if end_idx == from {
        return None;
    }
    let start = tokens.get(from)?.start;
    let end = tokens.get(end_idx - 1)?.end;
    let text = trim_phrase(sentence.get(start..end)?);
    let class = classify(&text);
    Some(Phrase { text, class })
}

fn phrase_from(
    sentence: &str,
    tokens: &[Token<'_>],
    mut start_idx: usize,
    end_idx: usize,
) -> Option<Phrase> {
    // Drop leading connectors ("of", "de") that belong to what came before.
    while start_idx < end_idx {
        let first = tokens.get(start_idx)?;
        if !first.capitalized
            && matches!(
                first.folded,
                "of" | "de" | "del" | "for" | "'s" | "and" | "but" | "y" | "e" | "pero"
            )
        {
            start_idx += 1;
        } else {
            break;
        }
    }
    if start_idx >= end_idx {
        return None;
    }
    let start = tokens.get(start_idx)?.start;
    let end = tokens.get(end_idx - 1)?.end;
    let text = trim_phrase(sentence.get(start..end)?);
    let names_someone = tokens
        .get(start_idx..end_idx)?
        .iter()
        .any(|t| t.word && !is_connector(t.folded) && (t.capitalized || !is_adjective(t.folded)));
    if text.is_empty() || !names_someone {
        return None;
    }
    let class = classify(&text);
    Some(Phrase { text, class })
}

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "lunes",
    "martes",
    "miercoles",
    "jueves",
    "viernes",
    "sabado",
    "domingo",
];

/// Words that open a sentence with a capital but never start a name.
const CAPITALIZED_FUNCTION_WORDS: &[&str] = &[
    "segun",
    "en",
    "in",
    "on",
    "at",
    "for",
    "by",
    "but",
    "and",
    "however",
    "after",
    "before",
    "when",
    "while",
    "although",
    "tambien",
    "pero",
    "y",
    "tras",
    "durante",
    "ante",
    "desde",
    "luego",
    "asimismo",
    "ademas",
    "mientras",
    "if",
    "si",
    "as",
    "como",
    "meanwhile",
    "still",
    "yet",
    "also",
    "late",
    "early",
    "earlier",
    "later",
    "today",
    "yesterday",
    "hoy",
    "ayer",
    "according",
    "de",
    "con",
    "para",
    "por",
    "sin",
    "sobre",
    "despite",
    "with",
    "without",
];

fn in_phrase(token: &Token<'_>, _lang: Lang) -> bool {
    if !token.word {
        return token.text == "'s" || token.text == "\u{2019}s";
    }
    if token.capitalized && CAPITALIZED_FUNCTION_WORDS.contains(&token.folded) {
        return false;
    }
    if token.capitalized {
        // A capitalized pronoun at the sentence start is not a name ("El" is also the article).
        return token.folded == "el" || !PRONOUNS.contains(&token.folded);
    }
    if token.folded.ends_with("'s") || token.folded.ends_with("\u{2019}s") {
        return true;
    }
    WORDS.phrase_words.contains(token.folded)
}

fn is_connector(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "of"
            | "for"
            | "el"
            | "la"
            | "los"
            | "las"
            | "un"
            | "una"
            | "de"
            | "del"
            | "unos"
            | "unas"
            | "and"
            | "but"
            | "y"
            | "e"
            | "pero"
            | "su"
            | "sus"
            | "his"
            | "her"
            | "its"
            | "their"
    )
}

fn is_adjective(word: &str) -> bool {
    matches!(
        word,
        "senior" | "top" | "former" | "current" | "recent" | "new" | "alto" | "alta"
    )
}

// ---------------------------------------------------------------------------------------------
// Reports as sources and speculation.

/// "a recent CNN tally counted…", "an analysis by Reuters found…", "un conteo de CNN…".
static REPORT_SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?P<np>\b(?:a|an|the|un|una|el|la)\s+(?:(?:recent|new|separate|latest|reciente|nuevo|nueva)\s+)?(?:[a-z.&'-]+\s+){0,2}?(?:tally|count|analysis|review|survey|poll|investigation|database|tracker|conteo|recuento|analisis|informe|reporte|encuesta|investigacion)(?:\s+(?:by|from|de|del)\s+(?:[a-z.&'-]+\s+){0,2}?[a-z.&'-]+)?)\s+(?:counted|found|finds|shows|showed|tallied|identified|estimated|estimates|recorded|documented|registro|contabilizo|encontro|identifico|muestra|mostro|revela|revelo)\b",
    )
});

/// Third parties guessing: "analysts say", "some fear", "expertos creen". Vague subjects
/// ("some", "many") must touch the verb; named kinds of speculator may have up to three words
/// between ("analysts at Capital Economics say").
static SPECULATORS: LazyLock<Regex> = LazyLock::new(|| {
    let verbs = "say|said|believe|believed|fear|feared|fears|worry|worried|worries|speculate|speculated|predict|predicted|expect|expected|suspect|suspected|suggest|suggested|think|thought|argue|argued|warn|warned|estiman|creen|temen|consideran|preven|especulan|opinan|suponen|anticipan|dicen|advierten";
    compile(&format!(
        r"\b(?:analysts?|experts?|observers?|critics?|economists?|commentators?|pundits?|skeptics|analistas|expertos|especialistas|observadores|criticos)(?:\s+[a-z'-]+){{0,3}}\s+(?:{verbs})\b|\b(?:some|many|others|algunos|muchos|otros)\s+(?:{verbs})\b"
    ))
});

static IMPERSONAL: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"\b(?:it is possible|it's possible|it is unclear whether|it remains unclear|it is likely|it is unlikely|there is speculation|there are fears|raising (?:the )?(?:possibility|prospect|fears?)|fears that|es posible que|podria ser que|se especula|no se descarta|existe la posibilidad|cabe la posibilidad|es probable que|segun analistas|segun expertos|according to analysts|according to experts|could potentially)\b",
    )
});

static MODALS: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"\b(?P<modal>may|might|could|perhaps|possibly|likely|podria|podrian|pudiera|pudieran|puede que|quizas|quiza|tal vez|acaso|probablemente|posiblemente)\b(?P<not>\s+(?:not|n't|never|be reached))?",
    )
});

/// Whether the sentence gives a third party's speculation, and where its first hedge word is
/// when a hedge word alone makes it so.
fn speculation(
    sentence: &str,
    folded: &Folded,
    lang: Lang,
    has_speaker: bool,
) -> (bool, Option<usize>) {
    let text = folded.text.as_str();
    if SPECULATORS.is_match(text) || IMPERSONAL.is_match(text) {
        return (true, None);
    }
    if has_speaker {
        return (false, None);
    }
    let hedge = MODALS.captures_iter(text).find(|caps| {
        let Some(modal) = caps.name("modal") else {
            return false;
        };
        // "could not reach a deal" is a fact, not a guess; capitalized "May" is the month.
        if caps.name("not").is_some() {
            return false;
        }
        if lang == Lang::En
            && modal.as_str() == "may"
            && capitalized_at(sentence, folded, modal.start())
            && modal.start() > 0
        {
            return false;
        }
        true
    });
    match hedge.and_then(|caps| caps.name("modal")) {
        Some(modal) => (true, Some(folded.original(modal.start()))),
        None => (false, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders the attribution as `speaker | attribution | reported | speculation`.
    fn check(sentence: &str, lang: Lang, expect: &str) {
        let found = find(sentence, lang);
        let got = format!(
            "{} | {} | {} | {}",
            found.speaker.as_deref().unwrap_or("-"),
            found.attribution.as_deref().unwrap_or("-"),
            if found.reported { "reported" } else { "-" },
            if found.speculation {
                "speculation"
            } else {
                "-"
            },
        );
        assert_eq!(got, expect, "sentence: {sentence}");
    }

    #[test]
    fn english_speakers() {
        // Synthetic sentences in wire style.
        check(
            "Trump said the United States would strike cartels on land.",
            Lang::En,
            "Trump | - | reported | -",
        );
        check(
            "\"We will not accept intervention,\" said Sheinbaum.",
            Lang::En,
            "Sheinbaum | - | reported | -",
        );
        check(
            "Sheinbaum told reporters that Mexico would deliver the water.",
            Lang::En,
            "Sheinbaum | - | reported | -",
        );
        check(
            "Mexico agreed to send more water, according to Rubio.",
            Lang::En,
            "Rubio | - | reported | -",
        );
        check(
            "Secretary of State Marco Rubio said the talks were productive.",
            Lang::En,
            "Secretary of State Marco Rubio | - | reported | -",
        );
        check(
            "Sheinbaum said Trump threatened tariffs again.",
            Lang::En,
            "Sheinbaum | - | reported | -",
        );
        check(
            "Trump on Monday said tariffs would rise.",
            Lang::En,
            "Trump | - | reported | -",
        );
        check(
            "Rubio and De la Fuente said they would meet again in January.",
            Lang::En,
            "Rubio and De la Fuente | - | reported | -",
        );
        check(
            "Sheinbaum, who spoke with Trump by phone on Thursday, said the call was productive.",
            Lang::En,
            "Sheinbaum | - | reported | -",
        );
        check(
            "Iraq's interim government announced that it is prepared to impose martial law.",
            Lang::En,
            "Iraq's interim government | - | reported | -",
        );
        check(
            "He said Mexico must do more.",
            Lang::En,
            "- | - | reported | -",
        );
    }

    #[test]
    fn english_attributions() {
        // Synthetic sentences in wire style.
        check(
            "Trump has privately discussed strikes on Mexican soil, a senior Mexican official said.",
            Lang::En,
            "- | a senior Mexican official | reported | -",
        );
        check(
            "Trump has threatened land strikes at least 17 times, according to a recent CNN tally.",
            Lang::En,
            "- | a recent CNN tally | reported | -",
        );
        check(
            "A CNN tally counted 17 such promises.",
            Lang::En,
            "- | A CNN tally | reported | -",
        );
        check(
            "The plan includes drone strikes, officials familiar with the matter said.",
            Lang::En,
            "- | officials familiar with the matter | reported | -",
        );
        check(
            "Incremental progress in facing border security challenges is unacceptable, a senior State Department official said.",
            Lang::En,
            "- | a senior State Department official | reported | -",
        );
        check(
            "Mexico on Tuesday transferred 26 fugitives to the United States, the Mexican government said in a joint statement.",
            Lang::En,
            "the Mexican government | - | reported | -",
        );
        check(
            "Palestinian leader Yasser Arafat defended Iraq on Friday and said the West was applying double standards.",
            Lang::En,
            "Palestinian leader Yasser Arafat | - | reported | -",
        );
        check(
            "Trump said he would impose tariffs, according to Reuters.",
            Lang::En,
            "Trump | Reuters | reported | -",
        );
    }

    #[test]
    fn spanish_speakers_and_sources() {
        // Synthetic sentences in the style of Mexican press.
        check(
            "No habrá intervención, dijo Sheinbaum.",
            Lang::Es,
            "Sheinbaum | - | reported | -",
        );
        check(
            "México cumplirá con el tratado, afirmó la presidenta.",
            Lang::Es,
            "la presidenta | - | reported | -",
        );
        check(
            "El acuerdo está cerca, señaló el canciller Juan Ramón de la Fuente.",
            Lang::Es,
            "el canciller Juan Ramón de la Fuente | - | reported | -",
        );
        check(
            "La presidenta Claudia Sheinbaum dijo que no aceptará tropas.",
            Lang::Es,
            "La presidenta Claudia Sheinbaum | - | reported | -",
        );
        check(
            "México liberará agua a partir del 15 de diciembre, informó la Secretaría de Relaciones Exteriores.",
            Lang::Es,
            "la Secretaría de Relaciones Exteriores | - | reported | -",
        );
        check(
            "\"No aceptamos una intervención\", afirmó este martes la presidenta Claudia Sheinbaum en su conferencia.",
            Lang::Es,
            "la presidenta Claudia Sheinbaum | - | reported | -",
        );
        check(
            "El vicepresidente de Guatemala, Luis Flores, anunció este miércoles un acuerdo.",
            Lang::Es,
            "Luis Flores | - | reported | -",
        );
        // "anuncio" is a noun, "anunció" the verb (text with accents is read with them).
        check(
            "El Gobierno de México prepara un anuncio del acuerdo.",
            Lang::Es,
            "- | - | - | -",
        );
        check(
            "El Gobierno anunció el acuerdo.",
            Lang::Es,
            "El Gobierno | - | reported | -",
        );
        check(
            "Una agrupación de familiares de presos, por su parte, manifestó su preocupación.",
            Lang::Es,
            "Una agrupación de familiares de presos | - | reported | -",
        );
        check(
            "Según fuentes del gobierno, el acuerdo está listo.",
            Lang::Es,
            "- | fuentes del gobierno | reported | -",
        );
        check(
            "Según analistas, los aranceles podrían subir.",
            Lang::Es,
            "- | analistas | reported | speculation",
        );
    }

    #[test]
    fn speculation_by_third_parties() {
        // Synthetic.
        check(
            "Analysts say the tariffs may hurt both economies.",
            Lang::En,
            "- | Analysts | reported | speculation",
        );
        check(
            "Some fear the United States could act alone.",
            Lang::En,
            "- | - | - | speculation",
        );
        check(
            "It is possible that Trump will announce new tariffs.",
            Lang::En,
            "- | - | - | speculation",
        );
        check(
            "Los aranceles podrían entrar en vigor en marzo.",
            Lang::Es,
            "- | - | - | speculation",
        );
        check(
            "Trump said he could launch strikes in Mexico.",
            Lang::En,
            "Trump | - | reported | -",
        );
        check("The tariffs took effect in May.", Lang::En, "- | - | - | -");
        check(
            "Negotiators could not reach a deal.",
            Lang::En,
            "- | - | - | -",
        );
    }

    #[test]
    fn no_report() {
        check(
            "The United States imposed tariffs on Mexican steel.",
            Lang::En,
            "- | - | - | -",
        );
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn never_panics(text in "\\PC{0,120}", es in any::<bool>()) {
                let lang = if es { Lang::Es } else { Lang::En };
                let found = find(&text, lang);
                if let Some(speaker) = found.speaker {
                    prop_assert!(text.contains(&speaker));
                }
                if let Some(attribution) = found.attribution {
                    prop_assert!(text.contains(&attribution));
                }
            }

            #[test]
            fn reporting_words_never_panic(words in proptest::collection::vec(prop_oneof![
                Just("said"), Just("Trump"), Just(","), Just("according"), Just("to"), Just("según"),
                Just("dijo"), Just("la"), Just("presidenta"), Just("a"), Just("senior"), Just("official"),
                Just("\""), Just("'s"), Just("J."), Just("officials"), Just("familiar"), Just("with"),
            ], 0..14)) {
                let text = words.join(" ");
                for lang in [Lang::En, Lang::Es] {
                    let _ = find(&text, lang);
                }
            }
        }
    }
}
