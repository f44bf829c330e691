//! Syntax: a sentence → UD v2 syntactic words with byte offsets, part of speech, morphological
//! features, lemma, head and relation.
//!
//! Stages, each a module answering one question:
//! - [`tokenize`]: where are the tokens, and which of them are several syntactic words
//!   ("don't" → do + n't, "del" → de + el, "dárselo" → dar + se + lo)?
//! - `tagger`: which part of speech and features has each word, and which lemma?
//! - `parser`: which word heads each word, with which relation?
//!
//! Models are trained from UD treebanks ([`train`]), stored as compact bytes and shipped inside
//! the binary ([`Model::builtin`]). [`conllu`] reads and writes treebanks; [`eval`] scores a
//! model against one.
//!
//! Invariants of a [`Parsed`] sentence: words in order; every word's byte range lies inside
//! the sentence and is the range of the surface token it came from; exactly one word has head
//! 0; heads form a tree (no cycles).

mod bytes;
pub mod conllu;
pub mod eval;
mod hash;
mod lexicon;
mod parser;
mod perceptron;
mod tagger;
pub mod tokenize;
pub mod train;

pub use bytes::Error as ModelError;
pub use lexicon::UPOS;

use bytes::{Reader, Writer};
use std::sync::OnceLock;

/// A syntactic word of a parsed sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub form: String,
    pub lemma: String,
    /// Universal part of speech.
    pub upos: &'static str,
    /// Morphological features, `Name=Value|…` in UD order, or `_`.
    pub feats: String,
    /// Head word, 1-based; 0 is the root.
    pub head: usize,
    /// UD relation, with subtype where the treebank has one (`nsubj:pass`, `obl:agent`).
    pub deprel: String,
    /// Byte range, inside the sentence, of the surface token the word came from.
    pub start: usize,
    pub end: usize,
}

impl Word {
    /// The value of one morphological feature ("Tense" → "Past").
    pub fn feat(&self, name: &str) -> Option<&str> {
        self.feats.split('|').find_map(|kv| {
            let (k, v) = kv.split_once('=')?;
            (k == name).then_some(v)
        })
    }
}

/// A surface token that holds several syntactic words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Multiword {
    /// First and last word (1-based ids).
    pub first: usize,
    pub last: usize,
    pub start: usize,
    pub end: usize,
}

/// A parsed sentence.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parsed {
    pub words: Vec<Word>,
    pub multiwords: Vec<Multiword>,
}

impl Parsed {
    /// What breaks the invariants of a parse of `text` (see the crate's documentation), if
    /// anything: for tests and fuzzing.
    pub fn problem(&self, text: &str) -> Option<String> {
        let n = self.words.len();
        if n == 0 {
            return None;
        }
        let roots = self.words.iter().filter(|w| w.head == 0).count();
        if roots != 1 {
            return Some(format!("{roots} roots"));
        }
        let mut last = 0;
        for (i, w) in self.words.iter().enumerate() {
            if w.head > n || w.head == i + 1 {
                return Some(format!("word {} has head {}", i + 1, w.head));
            }
            let in_order = w.start < w.end && w.end <= text.len() && w.start >= last;
            if !(in_order && text.is_char_boundary(w.start) && text.is_char_boundary(w.end)) {
                return Some(format!(
                    "word {} has the range {}..{}",
                    i + 1,
                    w.start,
                    w.end
                ));
            }
            last = w.start;
            let (mut at, mut steps) = (i + 1, 0);
            while at != 0 {
                at = self.words[at - 1].head;
                steps += 1;
                if steps > n {
                    return Some(format!("a cycle through word {}", i + 1));
                }
            }
            let inside = self
                .multiwords
                .iter()
                .any(|m| (m.first..=m.last).contains(&(i + 1)));
            if !inside && w.form != text[w.start..w.end] {
                return Some(format!("word {} is not its surface text", i + 1));
            }
        }
        for m in &self.multiwords {
            if !(m.first < m.last && m.last <= n)
                || self.words[m.first - 1..m.last]
                    .iter()
                    .any(|w| (w.start, w.end) != (m.start, m.end))
            {
                return Some(format!(
                    "multiword token {}-{} does not cover its words",
                    m.first, m.last
                ));
            }
        }
        None
    }
}

/// A trained model for one language.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    lang: String,
    /// What the model was trained on, for `trecho parse` and the licence notes.
    about: String,
    splitter: tokenize::Splitter,
    tagger: tagger::Tagger,
    parser: parser::Parser,
}

const MAGIC: &[u8; 8] = b"TRSYNTX1";

/// Scratch buffers for parsing many sentences without allocating them again.
#[derive(Default)]
pub struct Scratch {
    tagger: tagger::Scratch,
    parser: parser::Scratch,
}

static EN: OnceLock<Model> = OnceLock::new();
static ES: OnceLock<Model> = OnceLock::new();

impl Model {
    /// The model shipped for a language (`"en"` or `"es"`), loaded on first use.
    pub fn builtin(lang: &str) -> Option<&'static Model> {
        let (cell, bytes): (&OnceLock<Model>, &[u8]) = match lang {
            "en" => (&EN, include_bytes!("../models/en.bin")),
            "es" => (&ES, include_bytes!("../models/es.bin")),
            _ => return None,
        };
        Some(cell.get_or_init(|| {
            Model::from_bytes(bytes)
                .expect("the shipped model bytes are written by `trecho train syntax`")
        }))
    }

    pub fn lang(&self) -> &str {
        &self.lang
    }

    pub fn about(&self) -> &str {
        &self.about
    }

    /// Tags and parses given syntactic words (as in a treebank with gold tokens).
    pub fn analyze(&self, forms: &[&str], scratch: &mut Scratch) -> Vec<Word> {
        self.analyze_with(forms, scratch, true)
    }

    /// Tags given words and, when `parse`, parses them; without it every head is 0 and every
    /// relation empty.
    fn analyze_with(&self, forms: &[&str], scratch: &mut Scratch, parse: bool) -> Vec<Word> {
        if forms.is_empty() {
            return Vec::new();
        }
        let tags = self.tagger.tag(forms, &mut scratch.tagger);
        let arcs = if parse {
            let tokens: Vec<parser::Token> = forms
                .iter()
                .zip(&tags)
                .map(|(f, t)| {
                    parser::token(&lexicon::key(f), t.upos, self.tagger.feats_str(t.feats))
                })
                .collect();
            self.parser.parse(&tokens, &mut scratch.parser)
        } else {
            vec![(0, u16::MAX); forms.len()]
        };
        forms
            .iter()
            .zip(tags)
            .zip(arcs)
            .map(|((form, t), (head, label))| Word {
                form: (*form).to_string(),
                upos: UPOS[t.upos as usize],
                feats: self.tagger.feats_str(t.feats).to_string(),
                lemma: t.lemma,
                head,
                deprel: self
                    .parser
                    .labels
                    .get(label as usize)
                    .cloned()
                    .unwrap_or_default(),
                start: 0,
                end: 0,
            })
            .collect()
    }

    /// Tokenizes, tags and parses one sentence of raw text.
    pub fn parse(&self, sentence: &str, scratch: &mut Scratch) -> Parsed {
        self.read(sentence, scratch, true)
    }

    /// Tokenizes and tags one sentence, without the parser (a third of the cost): every head
    /// is 0 and every relation empty. For callers that need parts of speech, features and
    /// lemmas only.
    pub fn tag(&self, sentence: &str, scratch: &mut Scratch) -> Parsed {
        self.read(sentence, scratch, false)
    }

    fn read(&self, sentence: &str, scratch: &mut Scratch, parse: bool) -> Parsed {
        let tokens = self.splitter.split(sentence, &self.tagger.lexicon);
        let mut forms: Vec<&str> = Vec::new();
        let mut spans = Vec::new();
        let mut multiwords = Vec::new();
        for t in &tokens {
            if t.words.len() > 1 {
                multiwords.push(Multiword {
                    first: forms.len() + 1,
                    last: forms.len() + t.words.len(),
                    start: t.start,
                    end: t.end,
                });
            }
            for w in &t.words {
                forms.push(w.as_str());
                spans.push((t.start, t.end));
            }
        }
        let mut words = self.analyze_with(&forms, scratch, parse);
        for (w, (s, e)) in words.iter_mut().zip(spans) {
            w.start = s;
            w.end = e;
        }
        Parsed { words, multiwords }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.raw(MAGIC);
        w.str(&self.lang);
        w.str(&self.about);
        self.splitter.write(&mut w);
        self.tagger.write(&mut w);
        self.parser.write(&mut w);
        w.into_bytes()
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader::new(bytes);
        if r.take(MAGIC.len())? != MAGIC {
            return Err(r.error("not a trecho syntax model (bad magic bytes)"));
        }
        let lang = r.str()?;
        let about = r.str()?;
        let splitter = tokenize::Splitter::read(&mut r)?;
        let tagger = tagger::Tagger::read(&mut r)?;
        let parser = parser::Parser::read(&mut r)?;
        if !r.at_end() {
            return Err(r.error("trailing bytes after the model"));
        }
        Ok(Model {
            lang,
            about,
            splitter,
            tagger,
            parser,
        })
    }
}

/// Writes a parsed sentence as CoNLL-U (with `# text` and the multiword-token lines).
pub fn to_conllu(out: &mut String, sentence: &str, parsed: &Parsed, comments: &[String]) {
    let mut s = conllu::Sentence {
        comments: comments.to_vec(),
        ..Default::default()
    };
    s.comments.push(format!("# text = {sentence}"));
    for m in &parsed.multiwords {
        s.multiwords.push(conllu::Multiword {
            first: m.first,
            last: m.last,
            form: sentence[m.start..m.end].to_string(),
            misc: String::new(),
        });
    }
    for w in &parsed.words {
        s.words.push(conllu::Word {
            form: w.form.clone(),
            lemma: w.lemma.clone(),
            upos: w.upos.to_string(),
            xpos: String::new(),
            feats: w.feats.clone(),
            head: Some(w.head),
            deprel: w.deprel.clone(),
            misc: format!("TokenRange={}:{}", w.start, w.end),
            line: 0,
        });
    }
    conllu::write(out, &s);
}
