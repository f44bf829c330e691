//! Issues of a sentence (trade, water, migration…) and leverage (one issue used to move another).
//!
//! Three readings of a sentence live here, because all three rest on the same issue lexicon:
//!
//! - [`issues`]: every issue a sentence touches, from keyword lexicons in English and Spanish
//!   ("tariffs", "aranceles", "1944 Water Treaty", "huachicol"…). Matching is case- and
//!   accent-insensitive and stems cover inflections ("deport*" matches "deported",
//!   "deportaciones"). Longer entries win over the shorter ones they contain, so "international
//!   waters" is security and not water, "trade war" is trade and not security, and a few entries
//!   exist only to block a false reading ("sin embargo", "strike a deal").
//! - [`leverage`]: one issue used to move another. A connective ("to force", "unless", "until",
//!   "in exchange for", "para obligar a", "a cambio de", "hasta que"…) splits the sentence; the
//!   lever is the issue of the coercive instrument before it (tariffs → trade, strikes →
//!   security), the goal the first other issue after it. "To avoid" and "para evitar" turn the
//!   order round ("Mexico sent troops to avoid tariffs": lever trade, goal security). Weak
//!   connectives ("over", "until", "para que", "hasta que") need a truly coercive instrument:
//!   troops sent "para que los migrantes no crucen" are a deployment, not a lever, while troops
//!   threatened "unless Mexico acts" are one. "Over the weekend" is time, not a matter. When the
//!   goal side only names an agreement ("until Mexico honors the Treaty"), the goal is the other
//!   issue the sentence names.
//! - [`deadline`]: a time limit ("within 30 days", "by January 31", "for a one month period",
//!   "a más tardar el 31 de enero", "soon"), with its date resolved against the publication date
//!   where the text allows.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use chrono::{Datelike, NaiveDate, Weekday};
use regex::{Captures, Regex};
use trecho_model::{Issue, Lang, Leverage};

use crate::counts::number_value;
use crate::dates::{
    compile, month_number, resolve_day_month, shift_days, shift_months, triggers, Direction,
    Folded, EN_MONTHS, ES_MONTHS, TRIGGER_DAY_WORD, TRIGGER_DIGIT, TRIGGER_MONTH, TRIGGER_PERIOD,
    TRIGGER_WEEKDAY,
};

/// Every issue the sentence touches, sorted and without duplicates; empty when none is found
/// (the caller decides whether that means `other`).
///
/// ```
/// use trecho_extract::issues::issues;
/// use trecho_model::{Issue, Lang};
///
/// let sentence = "Trump threatened more tariffs to force Mexico to send more water.";
/// assert_eq!(issues(sentence, Lang::En), [Issue::Trade, Issue::Water]);
/// ```
pub fn issues(sentence: &str, lang: Lang) -> Vec<Issue> {
    let folded = Folded::new(sentence);
    let mut found: Vec<Issue> = ISSUE_LEXICON
        .find(sentence, &folded, lang)
        .into_iter()
        .flat_map(|hit| hit.issues.iter().copied())
        .collect();
    found.sort();
    found.dedup();
    found
}

/// The issue of a short phrase ("tariffs" → trade, "agua" → water): the issue of its first
/// lexicon entry, or `None`.
pub fn issue_of(phrase: &str, lang: Lang) -> Option<Issue> {
    let folded = Folded::new(phrase);
    ISSUE_LEXICON
        .find(phrase, &folded, lang)
        .into_iter()
        .find_map(|hit| hit.issues.first().copied())
}

/// One issue used to move another, or `None` when the sentence has no such structure or lever
/// and goal are the same issue.
///
/// ```
/// use trecho_extract::issues::leverage;
/// use trecho_model::{Issue, Lang};
///
/// let found = leverage("Trump amenazó con aranceles para obligar a México a entregar agua.", Lang::Es);
/// let found = found.map(|l| (l.lever, l.goal));
/// assert_eq!(found, Some((Issue::Trade, Issue::Water)));
/// ```
pub fn leverage(sentence: &str, lang: Lang) -> Option<Leverage> {
    leverage_in_context(sentence, lang, &[])
}

/// [`leverage`], where a vague goal ("if Mexico continues to violate its commitments") that the
/// sentence does not name takes the issue of the sentences just before (`earlier`, most
/// recent first): the commitments are the ones the text was just talking about.
pub fn leverage_in_context(sentence: &str, lang: Lang, earlier: &[&str]) -> Option<Leverage> {
    let folded = Folded::new(sentence);
    let connectives: &Regex = match lang {
        Lang::En => &EN_CONNECTIVES,
        Lang::Es => &ES_CONNECTIVES,
    };
    // Both lexicons run once; each connective only looks at the hits on either side.
    let instruments = INSTRUMENT_LEXICON.find(sentence, &folded, lang);
    let hits = ISSUE_LEXICON.find(sentence, &folded, lang);
    for caps in connectives.captures_iter(&folded.text) {
        let Some(connective) = caps.get(0) else {
            continue;
        };
        let inverted = caps.name("avoid").is_some();
        let exchange = caps.name("exchange").is_some();
        let clause_end = clause_end(&folded.text, connective.end());
        let left = Part {
            start: 0,
            end: connective.start(),
        };
        // "if this water isn't released": the condition's subject, inside the connective
        // match, is what is wanted.
        let conditional = caps
            .name("strong")
            .is_some_and(|m| m.as_str().starts_with("if ") || m.as_str().starts_with("si "));
        let right = Part {
            start: if conditional {
                connective.start()
            } else {
                connective.end()
            },
            end: clause_end,
        };
        let (instrument_part, goal_part) = if inverted {
            (right, left)
        } else {
            (left, right)
        };
        // "over the weekend", "over the past month": time, not a matter.
        if caps.name("weak").is_some_and(|m| m.as_str() == "over")
            && OVER_TIME.is_match(folded.text.get(connective.end()..).unwrap_or(""))
        {
            continue;
        }
        let allow_soft = caps.name("weak").is_none();
        // "if Mexico continues to violate its commitments, the United States will impose
        // tariffs": the instrument is in the consequence after the condition's comma, and the
        // goal is in the condition.
        let consequence = conditional
            .then(|| {
                folded
                    .text
                    .get(connective.end()..clause_end)
                    .and_then(|rest| rest.find(','))
                    .map(|comma| connective.end() + comma)
            })
            .flatten();
        let mut goal_part = goal_part;
        let lever = last_instrument(&instruments, instrument_part, allow_soft)
            .or_else(|| {
                let comma = consequence?;
                let found = last_instrument(
                    &instruments,
                    Part {
                        start: comma,
                        end: clause_end,
                    },
                    allow_soft,
                )?;
                goal_part = Part {
                    start: goal_part.start,
                    end: comma,
                };
                Some(found)
            })
            .or_else(|| {
                // An exchange needs no coercive word: "troops in exchange for a tariff pause".
                if exchange {
                    last_issue(&hits, instrument_part)
                } else {
                    None
                }
            });
        let Some(lever) = lever else { continue };
        let goal = first_issue_other_than(&hits, goal_part, lever).or_else(|| {
            // "until Mexico honors the Treaty": a vague object stands for an issue named
            // elsewhere in the sentence.
            let goal_text = folded
                .text
                .get(goal_part.start..goal_part.end)
                .unwrap_or("");
            if VAGUE_OBJECT.is_match(goal_text) {
                let whole = Part {
                    start: 0,
                    end: folded.text.len(),
                };
                first_issue_other_than(&hits, whole, lever).or_else(|| {
                    earlier.iter().find_map(|before| {
                        issues(before, lang)
                            .into_iter()
                            .find(|issue| *issue != lever)
                    })
                })
            } else {
                None
            }
        });
        if let Some(goal) = goal {
            return Some(Leverage { lever, goal });
        }
    }
    None
}

/// A time limit found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline {
    /// The date the limit falls on, where the text and the publication date allow.
    pub date: Option<NaiveDate>,
    /// The words that set the limit, as written ("within 30 days", "soon").
    pub text: String,
}

/// The time limit the sentence sets, if any: the first one that resolves to a date, else the
/// first vague one ("soon", "pronto").
///
/// Resolution: "within N days/weeks/months", "for a one month period", "a 30-day pause", "en 30
/// días" → `published` plus that; "by January 31", "a más tardar el 31 de enero" → that day in
/// the year nearest `published` (see [`crate::dates`]); "by March" → the last day of the next
/// March on or after `published`; "by Friday" → the next Friday on or after `published`; "next
/// week" → the Sunday ending next week; "next month" → its last day; "tomorrow" → the day after
/// `published`; "by the end of 2025", "a finales de 2025" → December 31 of that year.
///
/// ```
/// use trecho_extract::issues::deadline;
/// use trecho_model::Lang;
///
/// let published = chrono::NaiveDate::from_ymd_opt(2025, 2, 3);
/// let sentence = "We further agreed to immediately pause the anticipated tariffs for a one month period.";
/// let found = deadline(sentence, Lang::En, published).unwrap();
/// assert_eq!(found.text, "for a one month period");
/// assert_eq!(found.date, chrono::NaiveDate::from_ymd_opt(2025, 3, 3));
/// ```
pub fn deadline(sentence: &str, lang: Lang, published: Option<NaiveDate>) -> Option<Deadline> {
    let folded = Folded::new(sentence);
    let rules: &[DeadlineRule] = match lang {
        Lang::En => &EN_DEADLINES,
        Lang::Es => &ES_DEADLINES,
    };
    let present = triggers(&folded.text);
    let mut dated: Option<(usize, Deadline)> = None;
    let mut vague: Option<(usize, Deadline)> = None;
    for rule in rules {
        // Skip rules whose words are absent (see `dates::triggers`); 0 means always run.
        let needed = rule.kind.trigger();
        if needed != 0 && present & needed == 0 {
            continue;
        }
        for caps in rule.regex.captures_iter(&folded.text) {
            let Some(whole) = caps.get(0) else { continue };
            let start = folded.original(whole.start());
            let end = folded.original(whole.end());
            let text = sentence.get(start..end).unwrap_or("").trim().to_string();
            let Some(date) = resolve_deadline(rule.kind, &caps, &folded.text, published) else {
                continue;
            };
            let slot = if date.is_some() {
                &mut dated
            } else {
                &mut vague
            };
            if slot.as_ref().is_none_or(|(s, _)| start < *s) {
                *slot = Some((start, Deadline { date, text }));
            }
        }
    }
    dated.or(vague).map(|(_, deadline)| deadline)
}

// ---------------------------------------------------------------------------------------------
// The issue lexicon.

/// One lexicon line per entry: `pattern = issue, issue [en|es]`.
///
/// Patterns are folded (lowercase, no accents). A trailing `*` makes a stem (any word ending); a
/// leading `^` requires the original to be upper case (acronyms such as ICE); an empty issue list
/// blocks the shorter entries it contains; `[en]` or `[es]` limits an entry to one language.
const ISSUE_LEXICON_TEXT: &str = r"
# security
strike* = security
airstrike* = security
land strikes = security
military* = security
militar* = security
militariz* = security
armed forces = security
fuerzas armadas = security
troop* = security
tropas = security
soldier* = security
soldado* = security
national guard = security
guardia nacional = security
marines = security
navy = security
armada = security [es]
ejercito = security
army = security
^SEDENA = security
^SEMAR = security
pentagon = security
department of war = security
secretary of war = security
war = security [en]
guerra = security [es]
terroris* = security
narcoterroris* = security, drugs
^FTO = security
^FTOs = security
foreign terrorist organization* = security
cartel violence = security
violence = security
violencia = security
violent* = security
violent = security
security = security
seguridad = security
border security = security
seguridad fronteriza = security
national security = security
seguridad nacional = security
sovereign* = security
soberan* = security
intervention* = security
intervene* = security
intervencion* = security
intervenir = security
invad* = security
invasion* = security
attack* = security
ataque* = security
atacar* = security
bomb* = security
bombarde* = security
drone* = security
dron = security
weapon* = security
arma = security [es]
armas = security [es]
firearm* = security
gun = security
guns = security
gunmen = security
arms trafficking = security
trafico de armas = security
homicide* = security
homicidio* = security
killing* = security
asesinato* = security
special forces = security
fuerzas especiales = security
^CIA = security
use of force = security
uso de la fuerza = security
military action = security
defense department = security
department of defense = security
secretary of defense = security
defense secretary = security
defense minister* = security
ministry of defense = security
defense ministry = security
secretaria de la defensa = security
secretaria de defensa = security
ministerio de defensa = security
tear gas = security
gas lacrimogeno = security
international waters = security
territorial waters = security
aguas internacionales = security
aguas territoriales = security
strike a deal =
struck a deal =
strikes a deal =
hunger strike =
labor strike =
on strike =
general strike =
strike action =
strikers =
ceasefire = security
cease-fire = security
alto el fuego = security
militia* = security
milicia* = security
guerrill* = security
rebel* = security
insurgen* = security
armed group* = security
grupo armado = security
grupos armados = security
hombres armados = security
enfrentamiento armado = security
enfrentamientos armados = security
impacto de bala = security
impactos de bala = security
balazo* = security
arma de fuego = security
armas de fuego = security
asesin* = security
atentado* = security
human shield* = security
offensive = security
jihadist* = security
yihadista* = security
paramilitar* = security
killed = security
missile* = security
misil* = security
cyberattack* = security
cyber-attack* = security
ciberataque* = security
curfew = security
toque de queda = security
state of siege = security
estado de sitio = security
peacekeep* = security
sin embargo =

# drugs
fentanyl = drugs
fentanilo = drugs
fentanil = drugs
narco* = drugs
narcotic* = drugs
drug = drugs
drugs = drugs
drug trafficking = drugs
droga* = drugs
cartel* = drugs
precursor* = drugs
cocaine = drugs
cocaina = drugs
heroin = drugs
heroina = drugs
meth = drugs
methamphetamine* = drugs
metanfetamina* = drugs
opioid* = drugs
opioide* = drugs
overdose* = drugs
sobredosis = drugs
^CJNG = drugs
^DEA = drugs
marijuana = drugs
marihuana = drugs
poppy = drugs
amapola* = drugs
pill press* = drugs
chapitos = drugs
el mencho = drugs
el chapo = drugs
gun smuggling = security
trafico de armas = security

# trade
tariff* = trade
arancel* = trade
duties = trade
usmca = trade
t-mec = trade
tmec = trade
t mec = trade
nafta = trade
tlcan = trade
export = trade
exports = trade
exported = trade
exporting = trade
exporter* = trade
exportacion* = trade
exportador* = trade
exportar = trade
import = trade
imports = trade
imported = trade
importing = trade
importer* = trade
importacion* = trade
importador* = trade
trade = trade
trading partner* = trade
trade deal* = trade
trade war* = trade
guerra comercial = trade
comercio = trade
comercial = trade
comerciales = trade
free trade = trade
libre comercio = trade
steel = trade
acero = trade
aluminum = trade
aluminium = trade
aluminio = trade
tomato* = trade
tomate* = trade
jitomate* = trade
antidumping = trade
anti-dumping = trade
dumping = trade
^IEEPA = trade
section 232 = trade
seccion 232 = trade
customs = trade
aduana* = trade
supply chain* = trade
cadena de suministro = trade
cadenas de suministro = trade
nearshoring = trade
^USTR = trade
embargo* = trade
auto parts = trade
autopartes = trade
automotive = trade
automotriz = trade
cattle = trade
ganado = trade
screwworm = trade
gusano barrenador = trade
gm corn = trade
maiz transgenico = trade

# migration
migra* = migration
inmigra* = migration
immigra* = migration
emigra* = migration
deport* = migration
asylum = migration
asilo = migration
refugee* = migration
refugiado* = migration
border crossing* = migration
crossings = migration
cruces fronterizos = migration
cruces ilegales = migration
remittance* = migration
remesa* = migration
undocumented = migration
indocumentado* = migration
illegal alien* = migration
remain in mexico = migration
quedate en mexico = migration
caravan* = migration
caravana* = migration
human smuggling = migration
human trafficking = migration
trata de personas = migration
trafico de personas = migration
^ICE = migration
^CBP = migration
redada* = migration
border patrol = migration
patrulla fronteriza = migration
border wall = migration
muro fronterizo = migration
displaced = migration
desplazad* = migration

# water
1944 water treaty = water
water treaty = water
treaty of 1944 = water
tratado de aguas = water
tratado de aguas de 1944 = water
tratado de 1944 = water
water = water
waters = water
agua = water
aguas = water
water deliveries = water
entregas de agua = water
reservoir* = water
presa = water [es]
presas = water [es]
dam = water [en]
dams = water [en]
rio grande = water
rio bravo = water
colorado river = water
rio colorado = water
irrigation = water
riego = water
drought* = water
sequia* = water
acre-feet = water
acre feet = water
acre-foot = water
metros cubicos = water
^IBWC = water
^CILA = water
international boundary and water commission = water
comision internacional de limites y aguas = water
water debt = water
deuda de agua = water

# energy
oil = energy
crude = energy
crudo = energy
petroleo = energy
petroleum = energy
petrolera* = energy
gas = energy
natural gas = energy
gas natural = energy
gasoline = energy
gasolina* = energy
fuel* = energy
combustible* = energy
huachicol* = energy
pemex = energy
^CFE = energy
electric* = energy
electricidad = energy
electrica* = energy
power grid = energy
power plant* = energy
energ* = energy
refiner* = energy
refineria* = energy
diesel = energy
lithium = energy
litio = energy
pipeline* = energy
gasoducto* = energy
oleoducto* = energy
^LNG = energy

# justice
extradit* = justice
extradicion* = justice
extradita* = justice
prosecut* = justice
fiscalia* = justice
fiscal general = justice
attorney general = justice
department of justice = justice
justice department = justice
^DOJ = justice
^FGR = justice
court = justice
courts = justice
courtroom = justice
corte suprema = justice
suprema corte = justice
tribunal* = justice
juzgado* = justice
juez = justice
jueza = justice
jueces = justice
judge = justice
judges = justice
judicial* = justice
indict* = justice
acusacion formal = justice
charged with = justice
trial = justice
juicio = justice
death penalty = justice
pena de muerte = justice
pena capital = justice
fugitive* = justice
fugitivo* = justice
sentenced = justice
sentencia* = justice
convicted = justice
conviction* = justice
pleaded guilty = justice
lawsuit* = justice
prison = justice
carcel = justice
prision = justice
arrest warrant* = justice
orden de aprehension = justice
custody = justice
judiciary = justice
poder judicial = justice
ministerio de justicia = justice
ministro de justicia = justice
ministry of justice = justice
justice minister = justice
^ICC = justice
charges against = justice
cargos contra = justice
prisoner* = justice
presos = justice
pardon* = justice
indult* = justice

# diplomacy
ambassador* = diplomacy
embajador* = diplomacy
embass* = diplomacy
embajada* = diplomacy
consul* = diplomacy
summit* = diplomacy
cumbre* = diplomacy
talks = diplomacy
dialogue = diplomacy
dialogo* = diplomacy
negotiat* = diplomacy
negocia* = diplomacy
phone call = diplomacy
telephone call = diplomacy
call with = diplomacy
spoke by phone = diplomacy
spoke by telephone = diplomacy
llamada* = diplomacy
conversacion telefonica = diplomacy
foreign minister = diplomacy
foreign secretary = diplomacy
secretary of state = diplomacy
state department = diplomacy
departamento de estado = diplomacy
canciller* = diplomacy
^SRE = diplomacy
relaciones exteriores = diplomacy
diplomat* = diplomacy
diplomac* = diplomacy
bilateral* = diplomacy
meetings = diplomacy
a meeting = diplomacy
the meeting = diplomacy
meeting with = diplomacy
meeting between = diplomacy
met with = diplomacy
reunion* = diplomacy
visit = diplomacy
visits = diplomacy
visited = diplomacy
visita = diplomacy
visitas = diplomacy
visito = diplomacy
visitara = diplomacy
visitar = diplomacy
envoy* = diplomacy
enviado* = diplomacy
readout = diplomacy
joint statement = diplomacy
declaracion conjunta = diplomacy

# human rights
human rights = human_rights
derechos humanos = human_rights
rights = human_rights
derechos = human_rights
due process = human_rights
debido proceso = human_rights
abuse* = human_rights
abuso* = human_rights
desaparecid* = human_rights
desapareci* = human_rights
disappeared = human_rights
disappearance* = human_rights
tortur* = human_rights
civil liberties = human_rights
racial profiling = human_rights
perfil racial = human_rights
extrajudicial = human_rights
family separation* = human_rights
separacion familiar = human_rights
";

/// Coercive instruments, for the lever side of [`leverage`]. Same line format; the issue is the
/// one the instrument belongs to when used as a lever (sanctions are economic, so trade).
/// `[soft]` marks means that coerce only when a strong connective says so: troops sent "to force"
/// or "unless" are a lever, troops sent "para que los migrantes no crucen" are not.
const INSTRUMENT_LEXICON_TEXT: &str = r"
tariff* = trade
arancel* = trade
duties = trade
sanction* = trade
sancion* = trade
embargo* = trade
trade restrictions = trade
strikes = security
strike = security
airstrike* = security
military action = security
military force = security
military* = security [soft]
militar* = security [soft]
troop* = security [soft]
tropas = security [soft]
soldier* = security [soft]
soldado* = security [soft]
invasion = security
invade = security
intervention = security
intervencion = security
attack* = security
ataque* = security
bomb* = security
bombarde* = security
terrorist designation* = security
designat* = security
designacion* = security
deport* = migration
visa* = migration
close the border = migration
closing the border = migration
border closure = migration
shut down the border = migration
cerrar la frontera = migration
cierre de la frontera = migration
remittance tax = migration
impuesto a las remesas = migration
cut off water = water
withhold water = water
water deliveries = water
entregas de agua = water
oil = energy
petroleo = energy
fuel = energy
extradit* = justice
extradicion* = justice
";

/// A compiled lexicon: one Aho-Corasick automaton over all patterns.
struct Lexicon {
    automaton: AhoCorasick,
    entries: Vec<Entry>,
}

#[derive(Debug, Clone)]
struct Entry {
    /// The issues the entry stands for; empty for a blocking entry.
    issues: Vec<Issue>,
    /// Any word ending may follow.
    stem: bool,
    /// The original text must be upper case.
    upper: bool,
    /// Limited to one language.
    lang: Option<Lang>,
    /// An instrument that coerces only with a strong connective.
    soft: bool,
}

/// A lexicon entry found in a sentence, with its span in the folded text.
struct Hit<'a> {
    start: usize,
    end: usize,
    issues: &'a [Issue],
    soft: bool,
}

impl Lexicon {
    /// Parses lexicon lines (see [`ISSUE_LEXICON_TEXT`]).
    ///
    /// # Panics
    ///
    /// Panics on a malformed built-in line: a bug caught by every test.
    fn parse(text: &str) -> Lexicon {
        let mut patterns = Vec::new();
        let mut entries = Vec::new();
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((pattern, rest)) = line.split_once('=') else {
                panic!("lexicon line without '=': {line:?}");
            };
            let mut rest = rest.trim();
            let mut lang = None;
            let mut soft = false;
            loop {
                if let Some(head) = rest.strip_suffix("[en]") {
                    lang = Some(Lang::En);
                    rest = head.trim();
                } else if let Some(head) = rest.strip_suffix("[es]") {
                    lang = Some(Lang::Es);
                    rest = head.trim();
                } else if let Some(head) = rest.strip_suffix("[soft]") {
                    soft = true;
                    rest = head.trim();
                } else {
                    break;
                }
            }
            let issues: Vec<Issue> = rest
                .split(',')
                .map(str::trim)
                .filter(|name| !name.is_empty())
                .map(|name| {
                    Issue::parse(name).unwrap_or_else(|| {
                        panic!("unknown issue {name:?} in lexicon line {line:?}")
                    })
                })
                .collect();
            let mut pattern = pattern.trim();
            let upper = pattern.starts_with('^');
            pattern = pattern.trim_start_matches('^');
            let stem = pattern.ends_with('*');
            pattern = pattern.trim_end_matches('*');
            if pattern.contains('*') {
                panic!("lexicon pattern with '*' before its end: {line:?}");
            }
            let folded: String = pattern.chars().map(crate::dates::fold_char).collect();
            patterns.push(folded);
            entries.push(Entry {
                issues,
                stem,
                upper,
                lang,
                soft,
            });
        }
        let automaton = match AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
        {
            Ok(automaton) => automaton,
            Err(error) => panic!("building the issue lexicon: {error}"),
        };
        Lexicon { automaton, entries }
    }

    /// Every entry found, leftmost-longest among those whose word boundaries hold, in order.
    fn find<'a>(&'a self, sentence: &str, folded: &Folded, lang: Lang) -> Vec<Hit<'a>> {
        let text = folded.text.as_str();
        let bytes = text.as_bytes();
        let mut hits: Vec<Hit<'a>> = Vec::new();
        for found in self.automaton.find_overlapping_iter(text) {
            let Some(entry) = self.entries.get(found.pattern().as_usize()) else {
                continue;
            };
            if entry.lang.is_some_and(|only| only != lang) {
                continue;
            }
            let (start, mut end) = (found.start(), found.end());
            if start > 0 && bytes.get(start - 1).is_some_and(|b| is_word_byte(*b)) {
                continue;
            }
            if entry.stem {
                while bytes.get(end).is_some_and(|b| is_word_byte(*b)) {
                    end += 1;
                }
            } else if bytes.get(end).is_some_and(|b| is_word_byte(*b)) {
                continue;
            }
            if entry.upper {
                let original = sentence
                    .get(folded.original(start)..folded.original(found.end()))
                    .unwrap_or("");
                if !original.chars().all(|c| !c.is_lowercase()) {
                    continue;
                }
            }
            hits.push(Hit {
                start,
                end,
                issues: &entry.issues,
                soft: entry.soft,
            });
        }
        // Leftmost-longest: a longer entry hides the shorter ones inside it.
        hits.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut kept: Vec<Hit<'a>> = Vec::with_capacity(hits.len());
        for hit in hits {
            if kept.last().is_some_and(|last| hit.start < last.end) {
                continue;
            }
            kept.push(hit);
        }
        kept.retain(|hit| !hit.issues.is_empty());
        kept
    }
}

/// Letters, digits and any non-ASCII byte (a letter the fold kept, such as `ß`) continue a word.
fn is_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte >= 0x80
}

static ISSUE_LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::parse(ISSUE_LEXICON_TEXT));
static INSTRUMENT_LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::parse(INSTRUMENT_LEXICON_TEXT));

// ---------------------------------------------------------------------------------------------
// Leverage.

/// A byte range of the folded text.
#[derive(Debug, Clone, Copy)]
struct Part {
    start: usize,
    end: usize,
}

impl Part {
    fn holds(&self, hit: &Hit<'_>) -> bool {
        hit.start >= self.start && hit.end <= self.end
    }
}

static EN_CONNECTIVES: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"\b(?:(?P<exchange>in exchange for|in return for|as a bargaining chip for|as leverage (?:for|on|over))|(?P<avoid>to avoid|to avert|to stave off|to head off|to ward off|in order to avoid)|(?P<strong>in order to force|to force|forcing|to compel|to pressure|pressuring|to coerce|to squeeze|to punish|to hold\s+[^,.;]{0,60}?\s+accountable|unless|if\s+(?:[a-z']+\s+){0,3}(?:does not|doesn't|do not|don't|did not|is not|isn't|are not|aren't|fails to|failed to|refuses to|won't|will not|continues to violate|keeps violating))|(?P<weak>to press|to push|pushing|to get|until|for failing to|for not|over))\b",
    )
});

static ES_CONNECTIVES: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"\b(?:(?P<exchange>a cambio de|como moneda de cambio)|(?P<avoid>para evitar|a fin de evitar|y evitar)|(?P<strong>para obligar|para forzar|para presionar|presionar a|a menos que|salvo que|si\s+(?:[a-z]+\s+){0,3}no|como medida de presion|en represalia por)|(?P<weak>para que|hasta que|por no|por incumplir|ante el incumplimiento))\b",
    )
});

/// Words that make a sentence look ahead, for a bare "in 30 days" / "en 30 días".
static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"\b(?:will|would|must|should|shall|could|going to|has to|have to|plans?|expects?|expected|deadline|threat\w*|warn\w*|vowed|promised|\w+'ll|debera|deberan|tendra|tendran|va a|van a|plazo|amenaz\w*|advirtio|prometio|sera|seran|habra|comenzara|entrara|entraran|vencera)\b",
    )
});

/// Spanish future forms ("comenzarán", "entregará"): a word ending in -ará, -erá, -irá
/// (folded), checked against [`NOT_FUTURE`].
static ES_FUTURE: LazyLock<Regex> = LazyLock::new(|| compile(r"\b[a-z]{3,}(?:ara|era|ira)n?\b"));

/// Common words that end like a Spanish future form but are not verbs.
const NOT_FUTURE: &[&str] = &[
    "frontera",
    "fronteras",
    "primera",
    "primeras",
    "tercera",
    "terceras",
    "manera",
    "maneras",
    "carretera",
    "carreteras",
    "bandera",
    "banderas",
    "cartera",
    "carrera",
    "carreras",
    "afuera",
    "madera",
    "escalera",
    "cualquiera",
    "quienquiera",
    "dondequiera",
    "siquiera",
    "cabecera",
    "trinchera",
    "tijera",
    "pradera",
    "ladera",
    "esfera",
    "espera",
    "atmosfera",
    "ganadera",
    "ganaderas",
    "petrolera",
    "petroleras",
    "pesquera",
];

/// Whether the text before a bare "in 30 days" / "en 30 días" looks ahead.
fn looks_ahead(before: &str) -> bool {
    FUTURE.is_match(before)
        || ES_FUTURE
            .find_iter(before)
            .any(|m| !NOT_FUTURE.contains(&m.as_str()))
}

/// "for the first time in 23 years", "por primera vez en 20 años", "the highest level in a
/// decade": the span measures a record, it sets no limit.
fn after_superlative(before: &str) -> bool {
    let last_word = before
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    matches!(
        last_word,
        "time"
            | "first"
            | "highest"
            | "lowest"
            | "largest"
            | "longest"
            | "biggest"
            | "worst"
            | "best"
            | "ever"
            | "level"
            | "levels"
            | "vez"
            | "ocasion"
            | "nivel"
    )
}

/// Words of a pause or a grace period, which turn "for 30 days" into a limit.
static PAUSE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"\b(?:paus\w*|suspen\w*|delay\w*|postpon\w*|extend\w*|extension|halt\w*|freez\w*|froze\w*|reprieve|truce|deadline|grace|moratori\w*|aplaz\w*|pospu\w*|pospon\w*|prorrog\w*|plazo|tregua|congel\w*)\b",
    )
});

/// Time after "over": "over the weekend", "over the past month", "over two days".
static OVER_TIME: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"^\s+(?:the\s+)?(?:(?:past|last|next|coming|previous|following|first|same|entire|whole|holiday)\s+)?(?:\w+\s+)?(?:weekend|week|weeks|month|months|year|years|day|days|decade|decades|period|time|course|summer|winter|spring|fall|autumn|night|hours)\b",
    )
});

/// Words that stand for an agreement whose issue is named elsewhere ("honors the Treaty").
static VAGUE_OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"\b(?:treaty|agreement|deal|obligations?|commitments?|promises?|tratado|acuerdo|obligaciones|compromisos?|promesas?)\b",
    )
});

/// Where the clause that starts at `from` ends: at a sentence end or a semicolon.
fn clause_end(text: &str, from: usize) -> usize {
    text.get(from..)
        .and_then(|rest| rest.find([';', '.', '?', '!']).map(|idx| from + idx))
        .unwrap_or(text.len())
}

/// The issue of the last instrument inside `part` (soft ones only when allowed).
fn last_instrument(instruments: &[Hit<'_>], part: Part, allow_soft: bool) -> Option<Issue> {
    instruments
        .iter()
        .rev()
        .filter(|hit| part.holds(hit) && (allow_soft || !hit.soft))
        .find_map(|hit| hit.issues.first().copied())
}

/// The issue of the last lexicon entry inside `part`.
fn last_issue(hits: &[Hit<'_>], part: Part) -> Option<Issue> {
    hits.iter()
        .rev()
        .filter(|hit| part.holds(hit))
        .find_map(|hit| hit.issues.first().copied())
}

/// The first issue inside `part` that is not the lever.
fn first_issue_other_than(hits: &[Hit<'_>], part: Part, lever: Issue) -> Option<Issue> {
    hits.iter()
        .filter(|hit| part.holds(hit))
        .flat_map(|hit| hit.issues.iter().copied())
        .find(|issue| *issue != lever)
}

// ---------------------------------------------------------------------------------------------
// Deadlines.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DeadlineKind {
    /// "within 30 days", "for a one month period", "en 30 días": a span from `published`.
    Span,
    /// "by January 31", "a más tardar el 31 de enero".
    Day,
    /// "by March", "antes de marzo": the month's last day.
    Month,
    /// "by Friday", "antes del viernes".
    Weekday,
    /// "next week", "next month", "the end of the year", "la próxima semana".
    Period,
    /// "tomorrow", "mañana".
    Tomorrow,
    /// "by the end of 2025", "a finales de 2025", "para 2026": the year's last day.
    Year,
    /// "soon", "pronto": no date.
    Vague,
}

impl DeadlineKind {
    /// The trigger bits of which a sentence needs one for this kind of rule to match (0: none).
    fn trigger(self) -> u8 {
        match self {
            DeadlineKind::Span | DeadlineKind::Period => TRIGGER_PERIOD,
            DeadlineKind::Day => TRIGGER_MONTH | TRIGGER_DIGIT,
            DeadlineKind::Month => TRIGGER_MONTH,
            DeadlineKind::Weekday => TRIGGER_WEEKDAY,
            DeadlineKind::Tomorrow => TRIGGER_DAY_WORD,
            DeadlineKind::Year => TRIGGER_DIGIT,
            DeadlineKind::Vague => 0,
        }
    }
}

struct DeadlineRule {
    regex: Regex,
    kind: DeadlineKind,
}

fn deadline_rule(kind: DeadlineKind, pattern: &str) -> DeadlineRule {
    DeadlineRule {
        regex: compile(pattern),
        kind,
    }
}

const EN_SPAN_NUMBER: &str = r"\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty-five|sixty|ninety";
const ES_SPAN_NUMBER: &str = r"\d{1,3}|un|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|quince|veinte|treinta|cuarenta y cinco|sesenta|noventa";
const EN_MARKER: &str = r"(?:by|before|no later than|until|till|through|deadline(?:\s+(?:of|is|was|on))?|due(?:\s+on|\s+by)?|ahead of|as soon as|as early as)";
const ES_MARKER: &str = r"(?:a mas tardar|antes del?|para el|hasta el|plazo(?:\s+(?:al|del|hasta el|que vence el|vence el))?|fecha limite(?:\s+(?:del?|el))?|vence el|vencia el)";

static EN_DEADLINES: LazyLock<Vec<DeadlineRule>> = LazyLock::new(|| {
    let months = EN_MONTHS;
    vec![
        deadline_rule(
            DeadlineKind::Span,
            &format!(
                r"\b(?P<pre>within|in the next|over the next|in the coming|in)\s+(?:the\s+next\s+)?(?P<n>{EN_SPAN_NUMBER})\s+(?P<unit>days?|weeks?|months?|years?)\b(?:\s+(?P<ago>ago|earlier|before|later))?"
            ),
        ),
        deadline_rule(
            DeadlineKind::Span,
            &format!(
                r"\b(?:for\s+)?(?:a|an|the)\s+(?P<n>{EN_SPAN_NUMBER})[\s-](?P<unit>days?|weeks?|months?)[\s-](?:pause|deadline|window|grace period|extension|delay|reprieve|truce|period|suspension)\b"
            ),
        ),
        deadline_rule(
            DeadlineKind::Span,
            &format!(
                r"\b(?P<pre>for)\s+(?:another\s+|a further\s+)?(?P<n>{EN_SPAN_NUMBER})\s+(?:more\s+)?(?P<unit>days?|weeks?|months?)\b"
            ),
        ),
        deadline_rule(
            DeadlineKind::Day,
            &format!(
                r"\b{EN_MARKER}\s+(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?(?P<mon>{months})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}})\b)?"
            ),
        ),
        deadline_rule(
            DeadlineKind::Day,
            &format!(
                r"\b{EN_MARKER}\s+(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{months})\b(?:,?\s+(?P<year>\d{{4}})\b)?"
            ),
        ),
        deadline_rule(
            DeadlineKind::Day,
            &format!(r"\b{EN_MARKER}\s+(?P<year>\d{{4}})-(?P<month>\d{{2}})-(?P<day>\d{{2}})\b"),
        ),
        deadline_rule(
            DeadlineKind::Month,
            &format!(
                r"\b{EN_MARKER}\s+(?:the\s+end\s+of\s+|end\s+of\s+|the\s+start\s+of\s+|early\s+|mid-?|late\s+)?(?P<mon>{months})\b(?:,?\s+(?P<year>\d{{4}})\b)?"
            ),
        ),
        deadline_rule(
            DeadlineKind::Weekday,
            r"\b(?:by|before|no later than|until|deadline of|as soon as)\s+(?:next\s+|this\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
        ),
        deadline_rule(
            DeadlineKind::Period,
            r"\b(?:(?:by|before|until)\s+)?(?:the\s+)?end\s+of\s+(?:the|this)\s+(?P<unit>week|month|year)\b",
        ),
        deadline_rule(DeadlineKind::Period, r"\bby\s+(?P<unit>year)-end\b"),
        deadline_rule(
            DeadlineKind::Year,
            r"\b(?:by|before|no later than|until)\s+(?:the\s+end\s+of\s+|the\s+close\s+of\s+|end\s+of\s+)?(?P<year>20\d{2})\b",
        ),
        deadline_rule(
            DeadlineKind::Period,
            r"\b(?:(?:by|before|until|within)\s+)?next\s+(?P<unit>week|month|year)\b",
        ),
        deadline_rule(DeadlineKind::Tomorrow, r"\b(?:by\s+)?tomorrow\b"),
        deadline_rule(
            DeadlineKind::Vague,
            r"\b(?:very soon|soon|shortly|imminently|in the coming (?:days|weeks|months)|in the near future|within (?:hours|days|weeks)|any day now)\b",
        ),
    ]
});

static ES_DEADLINES: LazyLock<Vec<DeadlineRule>> = LazyLock::new(|| {
    let months = ES_MONTHS;
    vec![
        deadline_rule(
            DeadlineKind::Span,
            &format!(
                r"\b(?P<pre>en|dentro de|en un plazo de|en los proximos|en las proximas|un plazo de|una pausa de|por|durante|por otros|por otras)\s+(?P<n>{ES_SPAN_NUMBER})\s+(?P<unit>dias|dia|semanas|semana|meses|mes|anos|ano)\b"
            ),
        ),
        deadline_rule(
            DeadlineKind::Day,
            &format!(
                r"\b{ES_MARKER}\s+(?:el\s+)?(?:(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)\s+)?(?P<day>\d{{1,2}}|primero)(?:o\.?)?\s+de\s+(?P<mon>{months})\b(?:\s+(?:de|del)\s+(?P<year>\d{{4}})\b)?"
            ),
        ),
        deadline_rule(
            DeadlineKind::Day,
            &format!(
                r"\b{ES_MARKER}\s+(?:el\s+)?(?P<year>\d{{4}})-(?P<month>\d{{2}})-(?P<day>\d{{2}})\b"
            ),
        ),
        deadline_rule(
            DeadlineKind::Month,
            &format!(
                r"\b(?:antes de|a mas tardar en|para|hasta|a finales de|a fines de|finales de|fines de)\s+(?:(?:finales|fines)\s+de\s+)?(?P<mon>{months})\b(?:\s+(?:de|del)\s+(?P<year>\d{{4}})\b)?"
            ),
        ),
        deadline_rule(
            DeadlineKind::Weekday,
            r"\b(?:antes del|a mas tardar el|para el|hasta el)\s+(?:proximo\s+)?(?P<wd>lunes|martes|miercoles|jueves|viernes|sabado|domingo)\b",
        ),
        deadline_rule(
            DeadlineKind::Period,
            r"\b(?:antes de|para|a mas tardar a|a|hasta)\s+(?:(?:(?:finales|fines|fin)\s+(?:de|del)\s+(?:este\s+)?(?P<unit>ano|mes))|(?:(?:finales|fines)\s+de\s+(?:la\s+|esta\s+)?(?P<week>semana)))\b",
        ),
        deadline_rule(
            DeadlineKind::Period,
            r"\b(?:la|el)\s+(?:proxima\s+|proximo\s+)(?P<unit>semana|mes|ano)\b",
        ),
        deadline_rule(
            DeadlineKind::Period,
            r"\b(?:la|el)\s+(?P<unit>semana|mes|ano)\s+(?:proxima|proximo|entrante)\b",
        ),
        deadline_rule(
            DeadlineKind::Tomorrow,
            r"\b(?P<word>(?:[a-z]+\s+)?manana)\b",
        ),
        deadline_rule(
            DeadlineKind::Year,
            r"\b(?:a finales de|a fines de|antes de que termine|antes de finales de|antes de fin de|a mas tardar en|para finales de|para)\s+(?P<year>20\d{2})\b",
        ),
        deadline_rule(
            DeadlineKind::Vague,
            r"\b(?:muy pronto|pronto|proximamente|en breve|en los proximos dias|en las proximas semanas|en los proximos meses|en el corto plazo|a la brevedad)\b",
        ),
    ]
});

fn span_unit_days(unit: &str) -> Option<(i64, i64)> {
    // (days, months) per unit.
    let unit = unit.trim_end_matches('s');
    Some(match unit {
        "day" | "dia" => (1, 0),
        "week" | "semana" => (7, 0),
        "month" | "mes" | "mese" => (0, 1),
        "year" | "ano" => (0, 12),
        _ => return None,
    })
}

/// Resolves a deadline match: `None` rejects the match, `Some(None)` keeps it without a date.
fn resolve_deadline(
    kind: DeadlineKind,
    caps: &Captures<'_>,
    folded: &str,
    published: Option<NaiveDate>,
) -> Option<Option<NaiveDate>> {
    let text = |name: &str| caps.name(name).map(|m| m.as_str());
    match kind {
        DeadlineKind::Vague => Some(None),
        DeadlineKind::Span => {
            // "in 30 days" is a limit; "in two days before the vote" or "30 days ago" is not.
            if caps.name("ago").is_some() {
                return None;
            }
            let before = caps
                .get(0)
                .and_then(|m| folded.get(..m.start()))
                .unwrap_or("");
            match text("pre") {
                // A bare "in 30 days" is a limit only when the sentence looks ahead ("will take
                // effect in 30 days"), not in "the first talks in seven years".
                Some("in" | "en") if !looks_ahead(before) || after_superlative(before) => {
                    return None
                }
                // "for 30 days", "por 90 días" is a duration; it sets a limit only for a pause,
                // a suspension or a grace period ("pause the tariffs for 30 days").
                Some("for" | "por" | "durante") if !PAUSE.is_match(folded) => return None,
                _ => {}
            }
            let n = match text("n")? {
                "a" | "an" | "un" | "una" | "uno" => 1,
                word => i64::from(number_value(word)?),
            };
            let (days, months) = span_unit_days(text("unit")?)?;
            Some(published.map(|published| {
                let moved = shift_days(published, days * n);
                shift_months(moved, months * n)
            }))
        }
        DeadlineKind::Day => {
            let month = match text("mon") {
                Some(word) => month_number(word)?,
                None => text("month")?.parse().ok()?,
            };
            let day = match text("day")? {
                "primero" => 1,
                digits => digits.parse().ok()?,
            };
            if let Some(year) = text("year").and_then(|y| y.parse::<i32>().ok()) {
                return Some(Some(NaiveDate::from_ymd_opt(year, month, day)?));
            }
            // Check the day exists in some year before accepting a match without a year.
            NaiveDate::from_ymd_opt(2024, month, day)?;
            Some(published.and_then(|p| resolve_day_month(p, month, day, Direction::Nearest)))
        }
        DeadlineKind::Month => {
            let month = month_number(text("mon")?)?;
            let year = match text("year").and_then(|y| y.parse::<i32>().ok()) {
                Some(year) => Some(year),
                None => published.map(|p| {
                    if month >= p.month() {
                        p.year()
                    } else {
                        p.year() + 1
                    }
                }),
            };
            Some(year.and_then(|year| last_day_of_month(year, month)))
        }
        DeadlineKind::Weekday => {
            let weekday = match text("wd")? {
                "monday" | "lunes" => Weekday::Mon,
                "tuesday" | "martes" => Weekday::Tue,
                "wednesday" | "miercoles" => Weekday::Wed,
                "thursday" | "jueves" => Weekday::Thu,
                "friday" | "viernes" => Weekday::Fri,
                "saturday" | "sabado" => Weekday::Sat,
                _ => Weekday::Sun,
            };
            Some(published.map(|p| {
                let ahead = (i64::from(weekday.num_days_from_monday())
                    - i64::from(p.weekday().num_days_from_monday()))
                .rem_euclid(7);
                shift_days(p, ahead)
            }))
        }
        DeadlineKind::Period => {
            let whole = caps.get(0).map(|m| m.as_str()).unwrap_or("");
            let next =
                whole.contains("next") || whole.contains("proxim") || whole.contains("entrante");
            let unit = text("unit").or(text("week"))?;
            Some(published.and_then(|p| match unit {
                "week" | "semana" => {
                    let to_sunday = 6 - i64::from(p.weekday().num_days_from_monday());
                    Some(shift_days(p, to_sunday + if next { 7 } else { 0 }))
                }
                "month" | "mes" => {
                    let base = if next { shift_months(p, 1) } else { p };
                    last_day_of_month(base.year(), base.month())
                }
                _ => NaiveDate::from_ymd_opt(p.year() + i32::from(next), 12, 31),
            }))
        }
        DeadlineKind::Year => {
            let year: i32 = text("year")?.parse().ok()?;
            Some(NaiveDate::from_ymd_opt(year, 12, 31))
        }
        DeadlineKind::Tomorrow => {
            // Spanish "mañana" is also "morning": "esta mañana", "una gélida mañana", "la mañana
            // del lunes". It is "tomorrow" after a verb or a preposition ("será mañana", "hasta
            // mañana") and "the day after tomorrow" after "pasado".
            let mut days = 1;
            if let Some(word) = text("word") {
                let previous = word.trim_end_matches("manana").trim();
                let adjective_like = matches!(
                    previous,
                    "esta"
                        | "la"
                        | "una"
                        | "cada"
                        | "de"
                        | "toda"
                        | "misma"
                        | "esa"
                        | "aquella"
                        | "otra"
                        | "media"
                        | "primera"
                        | "entera"
                        | "clara"
                        | "buena"
                ) || (previous.ends_with('a')
                    && !previous.ends_with("ra")
                    && !matches!(previous, "hasta" | "para"));
                if adjective_like {
                    return None;
                }
                if previous == "pasado" {
                    days = 2;
                }
                let after = caps
                    .get(0)
                    .and_then(|m| folded.get(m.end()..))
                    .unwrap_or("");
                if after.trim_start().starts_with("de ") || after.trim_start().starts_with("del ") {
                    return None;
                }
            }
            Some(published.map(|p| shift_days(p, days)))
        }
    }
}

fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    Some(shift_days(shift_months(first, 1), -1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_issues(sentence: &str, lang: Lang, expect: &[&str]) {
        let got: Vec<&str> = issues(sentence, lang).iter().map(|i| i.as_str()).collect();
        assert_eq!(got, expect, "sentence: {sentence}");
    }

    fn check_leverage(sentence: &str, lang: Lang, expect: Option<(&str, &str)>) {
        let got = leverage(sentence, lang).map(|l| (l.lever.as_str(), l.goal.as_str()));
        assert_eq!(got, expect, "sentence: {sentence}");
    }

    fn check_deadline(
        sentence: &str,
        lang: Lang,
        published: Option<&str>,
        expect: Option<(&str, &str)>,
    ) {
        let published = published.and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok());
        let got = deadline(sentence, lang, published);
        let got = got.as_ref().map(|d| {
            (
                d.text.as_str(),
                d.date
                    .map(|date| date.to_string())
                    .unwrap_or_else(|| "-".into()),
            )
        });
        let expect = expect.map(|(text, date)| (text, date.to_string()));
        assert_eq!(got, expect, "sentence: {sentence}");
    }

    #[test]
    fn english_issues() {
        // spec/events.md example.
        check_issues(
            "Trump threatened Sheinbaum with more tariffs again this month to force Mexico to send more water from its reservoirs to farmers and ranchers in Texas.",
            Lang::En,
            &["trade", "water"],
        );
        // White House fact sheet, 1 Feb 2025 (public domain).
        check_issues(
            "President Donald J. Trump is implementing a 25% additional tariff on imports from Canada and Mexico and a 10% additional tariff on imports from China.",
            Lang::En,
            &["trade"],
        );
        // State Department, 20 Feb 2025 (public domain).
        check_issues(
            "Today, the State Department is fulfilling one of President Trump's first promises by designating eight cartels as Foreign Terrorist Organizations.",
            Lang::En,
            &["security", "drugs", "diplomacy"],
        );
        // Executive order, 15 Dec 2025 (public domain).
        check_issues(
            "Illicit fentanyl is closer to a chemical weapon than a narcotic.",
            Lang::En,
            &["security", "drugs"],
        );
        // Treasury/OFAC, 1 May 2025 (public domain).
        check_issues(
            "Sanctioning a key network involved in fentanyl trafficking, fuel theft, and crude oil smuggling.",
            Lang::En,
            &["drugs", "energy"],
        );
        // Synthetic.
        check_issues(
            "Mexico transferred 26 fugitives to the United States, and the Justice Department agreed not to seek the death penalty.",
            Lang::En,
            &["justice"],
        );
        check_issues(
            "US forces struck a boat in international waters.",
            Lang::En,
            &["security"],
        );
        check_issues(
            "The two sides hope to strike a deal on migrants and asylum.",
            Lang::En,
            &["migration"],
        );
        check_issues(
            "ICE agents detained migrants; the ice on the Rio Grande melted.",
            Lang::En,
            &["migration", "water"],
        );
        check_issues("It is important to note the weather.", Lang::En, &[]);
        check_issues("Teachers went on strike for better pay.", Lang::En, &[]);
        // State Department, 15 Jan 2026 (public domain).
        check_issues(
            "Incremental progress in facing border security challenges is unacceptable.",
            Lang::En,
            &["security"],
        );
        // USDA, Apr 2025 (public domain).
        check_issues(
            "Mexico finally meeting the water needs of Texas farmers and ranchers under the 1944 Water Treaty is a major win.",
            Lang::En,
            &["water"],
        );
    }

    #[test]
    fn spanish_issues() {
        // Synthetic, in the style of SRE communiqués.
        check_issues(
            "México entregará agua conforme al Tratado de Aguas de 1944 y evitará aranceles.",
            Lang::Es,
            &["trade", "water"],
        );
        check_issues(
            "Sin embargo, la presidenta pidió respeto a los derechos humanos de los migrantes.",
            Lang::Es,
            &["migration", "human_rights"],
        );
        check_issues(
            "La Fiscalía General de la República confirmó la extradición de 29 narcotraficantes.",
            Lang::Es,
            &["drugs", "justice"],
        );
        check_issues(
            "Sheinbaum rechazó cualquier intervención militar en territorio mexicano.",
            Lang::Es,
            &["security"],
        );
        check_issues(
            "Miembros de un grupo armado desaparecieron a dos personas en la zona rural.",
            Lang::Es,
            &["security", "human_rights"],
        );
        check_issues(
            "Las cadenas de suministro de acero se reorganizan.",
            Lang::Es,
            &["trade"],
        );
        check_issues(
            "México suspendió la importación de ganado por el gusano barrenador.",
            Lang::Es,
            &["trade"],
        );
        check_issues(
            "Pemex combate el huachicol en Tamaulipas.",
            Lang::Es,
            &["energy"],
        );
    }

    #[test]
    fn issue_of_phrases() {
        assert_eq!(issue_of("tariffs", Lang::En), Some(Issue::Trade));
        assert_eq!(issue_of("agua", Lang::Es), Some(Issue::Water));
        assert_eq!(issue_of("Aranceles", Lang::Es), Some(Issue::Trade));
        assert_eq!(issue_of("land strikes", Lang::En), Some(Issue::Security));
        assert_eq!(issue_of("extraditions", Lang::En), Some(Issue::Justice));
        assert_eq!(issue_of("deportaciones", Lang::Es), Some(Issue::Migration));
        assert_eq!(issue_of("the weather", Lang::En), None);
    }

    #[test]
    fn english_leverage() {
        check_leverage(
            "Trump threatened Sheinbaum with more tariffs again this month to force Mexico to send more water from its reservoirs to farmers and ranchers in Texas.",
            Lang::En,
            Some(("trade", "water")),
        );
        // Trump, 10 Apr 2025, as quoted in federal and press copies.
        check_leverage(
            "We will keep escalating consequences, including TARIFFS and, maybe even SANCTIONS, until Mexico honors the Treaty and gives Texas the Water they are owed!",
            Lang::En,
            Some(("trade", "water")),
        );
        // Synthetic.
        check_leverage(
            "Trump threatened a 5% tariff unless water is delivered by December 31.",
            Lang::En,
            Some(("trade", "water")),
        );
        // Trump, 8 Dec 2025.
        check_leverage(
            "That is why I have authorized documentation to impose a 5% Tariff on Mexico if this water isn't released, IMMEDIATELY.",
            Lang::En,
            Some(("trade", "water")),
        );
        check_leverage(
            "Washington used the threat of tariffs to pressure Mexico on migration.",
            Lang::En,
            Some(("trade", "migration")),
        );
        check_leverage(
            "Mexico sent 10,000 troops to the border in exchange for a pause in tariffs.",
            Lang::En,
            Some(("security", "trade")),
        );
        check_leverage(
            "Mexico sent 10,000 soldiers to the border to avoid tariffs.",
            Lang::En,
            Some(("trade", "security")),
        );
        check_leverage(
            "Trump threatened on Monday to impose an additional 5% tariff on Mexico if it does not release water to the United States by December 31.",
            Lang::En,
            Some(("trade", "water")),
        );
        check_leverage(
            "Mexico sent 29 cartel figures to the United States on Thursday as officials sought to head off 25% tariffs.",
            Lang::En,
            Some(("trade", "drugs")),
        );
        check_leverage(
            "Troops were deployed over the weekend to fight cartels near the border.",
            Lang::En,
            None,
        );
        check_leverage(
            "The military strikes continued over the past month against drug boats.",
            Lang::En,
            None,
        );
        check_leverage(
            "Trump threatened to send troops unless Mexico stops the flow of fentanyl.",
            Lang::En,
            Some(("security", "drugs")),
        );
        check_leverage(
            "Trump imposed tariffs to force Mexico to lower tariffs.",
            Lang::En,
            None,
        );
        check_leverage(
            "Sheinbaum spoke with Trump about water and tariffs.",
            Lang::En,
            None,
        );
    }

    #[test]
    fn a_vague_goal_takes_the_issue_of_the_sentences_before() {
        let sentence = "President Trump has been very clear: if Mexico continues to violate its \
                        commitments, the United States will impose 5% tariffs on Mexican products.";
        assert_eq!(leverage(sentence, Lang::En), None);
        let earlier = ["I thank Mexico for their willingness to abide by the water treaty."];
        let found = leverage_in_context(sentence, Lang::En, &earlier)
            .map(|l| (l.lever.as_str(), l.goal.as_str()));
        assert_eq!(found, Some(("trade", "water")));
        // A goal the sentence names wins over the context.
        let named = "If Mexico does not stop migrants, the United States will impose tariffs.";
        let found = leverage_in_context(named, Lang::En, &earlier)
            .map(|l| (l.lever.as_str(), l.goal.as_str()));
        assert_eq!(found, Some(("trade", "migration")));
    }

    #[test]
    fn spanish_leverage() {
        // Synthetic.
        check_leverage(
            "Trump amenazó con aranceles para obligar a México a entregar agua.",
            Lang::Es,
            Some(("trade", "water")),
        );
        check_leverage(
            "Estados Unidos pausó los aranceles a cambio de más cooperación contra el fentanilo.",
            Lang::Es,
            Some(("trade", "drugs")),
        );
        check_leverage(
            "El Ejército desplegó tropas para que los migrantes no crucen la frontera.",
            Lang::Es,
            None,
        );
        check_leverage(
            "México envió 10 mil soldados a la frontera a cambio de una pausa en los aranceles.",
            Lang::Es,
            Some(("security", "trade")),
        );
        check_leverage(
            "Habrá aranceles hasta que México cumpla con el Tratado de Aguas.",
            Lang::Es,
            Some(("trade", "water")),
        );
    }

    #[test]
    fn english_deadlines() {
        // Trump, 3 Feb 2025, as quoted (Truth Social post).
        check_deadline(
            "We further agreed to immediately pause the anticipated tariffs for a one month period.",
            Lang::En,
            Some("2025-02-03"),
            Some(("for a one month period", "2025-03-03")),
        );
        // Synthetic.
        check_deadline(
            "Mexico must deliver the water within 30 days.",
            Lang::En,
            Some("2025-12-01"),
            Some(("within 30 days", "2025-12-31")),
        );
        check_deadline(
            "The plan is to be finalized by January 31.",
            Lang::En,
            Some("2025-12-12"),
            Some(("by January 31", "2026-01-31")),
        );
        check_deadline(
            "Tariffs will take effect before March 4 unless Mexico acts.",
            Lang::En,
            Some("2025-02-03"),
            Some(("before March 4", "2025-03-04")),
        );
        check_deadline(
            "Trump said the tariffs would take effect in 30 days.",
            Lang::En,
            Some("2025-07-12"),
            Some(("in 30 days", "2025-08-11")),
        );
        check_deadline(
            "Trump announced the tariffs 30 days ago.",
            Lang::En,
            Some("2025-07-12"),
            None,
        );
        check_deadline(
            "The two countries will exchange ambassadors for the first time in 23 years.",
            Lang::En,
            Some("2025-12-12"),
            None,
        );
        check_deadline(
            "US soldiers trained Nigerian troops for seven weeks.",
            Lang::En,
            Some("2025-12-12"),
            None,
        );
        check_deadline(
            "Trump agreed to pause the tariffs for 90 days.",
            Lang::En,
            Some("2025-04-09"),
            Some(("for 90 days", "2025-07-08")),
        );
        check_deadline(
            "Deliveries will start next week.",
            Lang::En,
            Some("2025-12-12"),
            Some(("next week", "2025-12-21")),
        );
        check_deadline(
            "Trump said tariffs are coming soon.",
            Lang::En,
            Some("2025-12-12"),
            Some(("soon", "-")),
        );
        check_deadline(
            "Mexico must deliver the water within 30 days.",
            Lang::En,
            None,
            Some(("within 30 days", "-")),
        );
        check_deadline(
            "Sheinbaum spoke with Trump on Monday.",
            Lang::En,
            Some("2025-12-12"),
            None,
        );
        check_deadline(
            "Deliveries must be complete by the end of 2025.",
            Lang::En,
            Some("2025-06-01"),
            Some(("by the end of 2025", "2025-12-31")),
        );
    }

    #[test]
    fn deadline_and_leverage_in_one_sentence() {
        // Synthetic.
        let sentence = "Trump amenazó con imponer un arancel de 5% a México si no entrega agua antes del 31 de diciembre.";
        check_deadline(
            sentence,
            Lang::Es,
            Some("2025-12-10"),
            Some(("antes del 31 de diciembre", "2025-12-31")),
        );
        check_leverage(sentence, Lang::Es, Some(("trade", "water")));
    }

    #[test]
    fn spanish_deadlines() {
        // Synthetic, in the style of SRE communiqués.
        check_deadline(
            "México pagará el adeudo de agua a más tardar el 31 de enero.",
            Lang::Es,
            Some("2025-12-12"),
            Some(("a más tardar el 31 de enero", "2026-01-31")),
        );
        check_deadline(
            "Las entregas comenzarán en 30 días.",
            Lang::Es,
            Some("2025-12-01"),
            Some(("en 30 días", "2025-12-31")),
        );
        check_deadline(
            "La presidenta dijo que pronto habrá un acuerdo.",
            Lang::Es,
            Some("2025-12-01"),
            Some(("pronto", "-")),
        );
        check_deadline(
            "El pasado fin de semana se reunió con Landau.",
            Lang::Es,
            Some("2025-12-22"),
            None,
        );
        check_deadline(
            "La revisión concluirá a finales de 2026.",
            Lang::Es,
            Some("2025-12-22"),
            Some(("a finales de 2026", "2026-12-31")),
        );
        check_deadline(
            "El plan estará listo para fin de mes.",
            Lang::Es,
            Some("2025-12-10"),
            Some(("para fin de mes", "2025-12-31")),
        );
        check_deadline(
            "Los manifestantes se concentraron en una gélida mañana.",
            Lang::Es,
            Some("2025-12-01"),
            None,
        );
        check_deadline(
            "La reunión será pasado mañana.",
            Lang::Es,
            Some("2025-12-01"),
            Some(("pasado mañana", "2025-12-03")),
        );
        check_deadline(
            "México y Cuba intercambiarán embajadores por primera vez en 20 años.",
            Lang::Es,
            Some("2025-12-01"),
            None,
        );
        check_deadline(
            "La frontera estuvo cerrada en 2 días de protesta.",
            Lang::Es,
            Some("2025-12-01"),
            None,
        );
        check_deadline(
            "Esta mañana la presidenta habló del agua.",
            Lang::Es,
            Some("2025-12-01"),
            None,
        );
        check_deadline(
            "La reunión será mañana en Washington.",
            Lang::Es,
            Some("2025-12-01"),
            Some(("será mañana", "2025-12-02")),
        );
    }

    /// Golden test over every context function: `data/context/sentences.txt` rendered must equal
    /// `data/context/expected.txt`. Run with `TRECHO_BLESS=1` to accept a change, then review the
    /// diff of `expected.txt`.
    #[test]
    fn context_golden() {
        let input = include_str!("../data/context/sentences.txt");
        let mut rendered = String::new();
        for line in input.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.splitn(3, '|');
            let (Some(lang), Some(published), Some(sentence)) =
                (parts.next(), parts.next(), parts.next())
            else {
                panic!("malformed golden line: {line:?}");
            };
            let lang = Lang::parse(lang).unwrap_or_else(|| panic!("bad language in {line:?}"));
            let published = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
            rendered.push_str(&render_context(sentence, lang, published));
        }
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/context/expected.txt");
        if std::env::var_os("TRECHO_BLESS").is_some() {
            std::fs::write(path, &rendered).unwrap();
        }
        let expected = std::fs::read_to_string(path).unwrap_or_default();
        if expected != rendered {
            // Show the first differing line rather than two walls of text.
            let first_diff = expected
                .lines()
                .zip(rendered.lines())
                .find(|(e, r)| e != r)
                .map(|(e, r)| format!("expected: {e}\n     got: {r}"))
                .unwrap_or_else(|| "one output is a prefix of the other".into());
            panic!("context golden output changed (TRECHO_BLESS=1 to accept):\n{first_diff}");
        }
    }

    fn render_context(sentence: &str, lang: Lang, published: Option<NaiveDate>) -> String {
        use crate::{attribution, counts, dates};
        let or_dash = |text: Option<String>| text.unwrap_or_else(|| "-".into());
        let dates = dates::find_all(sentence, lang, published)
            .iter()
            .map(|m| {
                let text = sentence.get(m.start..m.end).unwrap_or("?");
                format!("{text}={}/{}", m.date, m.source.as_str())
            })
            .collect::<Vec<_>>()
            .join("; ");
        let issue_names = issues(sentence, lang)
            .iter()
            .map(|i| i.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        let found = attribution::find(sentence, lang);
        let published_text = published.map(|p| p.to_string());
        format!(
            "{lang} {published} | {sentence}\n  dates: {dates}\n  count: {count}\n  issues: {issue_names}\n  leverage: {leverage}\n  deadline: {deadline}\n  speaker: {speaker} | attribution: {attribution} | reported: {reported} | speculation: {speculation}\n\n",
            published = or_dash(published_text),
            dates = if dates.is_empty() { "-".into() } else { dates },
            count = or_dash(counts::reported_count(sentence, lang).map(|c| c.to_string())),
            issue_names = if issue_names.is_empty() { "-".into() } else { issue_names },
            leverage = or_dash(leverage(sentence, lang).map(|l| format!("{} -> {}", l.lever, l.goal))),
            deadline = or_dash(deadline(sentence, lang, published).map(|d| {
                format!("{} = {}", d.text, or_dash(d.date.map(|date| date.to_string())))
            })),
            speaker = or_dash(found.speaker),
            attribution = or_dash(found.attribution),
            reported = found.reported,
            speculation = found.speculation,
        )
    }

    /// A huge "sentence" (a table or a broken page) must not take quadratic time: every function
    /// looks at a bounded neighbourhood per cue.
    #[test]
    fn long_inputs_stay_linear() {
        use crate::{attribution, counts, dates};
        let unit = "officials said tariffs over water until Mexico pays, dijo el canciller, ";
        let sentence = unit.repeat(700); // about 50 KB
        let published = NaiveDate::from_ymd_opt(2025, 12, 24);
        let start = std::time::Instant::now();
        for lang in [Lang::En, Lang::Es] {
            let _ = dates::find_all(&sentence, lang, published);
            let _ = counts::reported_count(&sentence, lang);
            let _ = issues(&sentence, lang);
            let _ = leverage(&sentence, lang);
            let _ = deadline(&sentence, lang, published);
            let _ = attribution::find(&sentence, lang);
        }
        // Generous: a debug build on a busy machine; quadratic behaviour takes minutes here.
        assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
    }

    /// Time per call of every context function on the golden sentences. Run with
    /// `cargo test --release -p trecho-extract context_timing -- --ignored --nocapture`.
    #[test]
    #[ignore = "timing, not a check; run in release"]
    fn context_timing() {
        use crate::{attribution, counts, dates};
        use std::hint::black_box;
        use std::time::Instant;
        let sentences: Vec<(Lang, Option<NaiveDate>, &str)> =
            include_str!("../data/context/sentences.txt")
                .lines()
                .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
                .filter_map(|line| {
                    let mut parts = line.splitn(3, '|');
                    let lang = Lang::parse(parts.next()?)?;
                    let published = NaiveDate::parse_from_str(parts.next()?, "%Y-%m-%d").ok();
                    Some((lang, published, parts.next()?))
                })
                .collect();
        let rounds = 2000;
        let words: usize = sentences
            .iter()
            .map(|(_, _, s)| s.split_whitespace().count())
            .sum();
        let time = |name: &str, run: &dyn Fn(&str, Lang, Option<NaiveDate>)| {
            let start = Instant::now();
            for _ in 0..rounds {
                for (lang, published, sentence) in &sentences {
                    run(sentence, *lang, *published);
                }
            }
            let per_call = start.elapsed().as_secs_f64() * 1e6 / (rounds * sentences.len()) as f64;
            println!(
                "{name:>14}: {per_call:6.2} µs per sentence ({:.0} words on average)",
                words as f64 / sentences.len() as f64
            );
        };
        time("dates", &|s, l, p| {
            black_box(dates::find_all(s, l, p));
        });
        time("counts", &|s, l, _| {
            black_box(counts::reported_count(s, l));
        });
        time("issues", &|s, l, _| {
            black_box(issues(s, l));
        });
        time("leverage", &|s, l, _| {
            black_box(leverage(s, l));
        });
        time("deadline", &|s, l, p| {
            black_box(deadline(s, l, p));
        });
        time("attribution", &|s, l, _| {
            black_box(attribution::find(s, l));
        });
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn never_panics(text in "\\PC{0,120}", es in any::<bool>(), days in 0i64..20000) {
                let lang = if es { Lang::Es } else { Lang::En };
                let published = NaiveDate::from_ymd_opt(1990, 1, 1).map(|d| shift_days(d, days));
                let found = issues(&text, lang);
                let mut sorted = found.clone();
                sorted.sort();
                sorted.dedup();
                prop_assert_eq!(found, sorted);
                let _ = issue_of(&text, lang);
                if let Some(leverage) = leverage(&text, lang) {
                    prop_assert_ne!(leverage.lever, leverage.goal);
                }
                let _ = deadline(&text, lang, published);
            }

            #[test]
            fn case_does_not_change_issues(words in proptest::collection::vec(prop_oneof![
                Just("tariffs"), Just("Agua"), Just("MIGRANTES"), Just("fentanilo"), Just("Extradición"),
                Just("the"), Just("y"), Just("sovereignty"), Just("Pemex"), Just("rights"),
            ], 0..10)) {
                let text = words.join(" ");
                prop_assert_eq!(issues(&text.to_lowercase(), Lang::En), issues(&text, Lang::En));
            }
        }
    }
}
