//! CoNLL-U: reading treebanks (with errors that name the file and line) and writing parses.
//!
//! Multiword-token lines (`1-2 del`) are kept as [`Multiword`]s over the syntactic words they
//! cover; empty nodes (`8.1`) belong to enhanced dependencies, which trecho does not predict,
//! and are skipped.

use std::fmt::Write as _;

/// A malformed CoNLL-U file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{source_name}:{line}: {message}")]
pub struct Error {
    pub source_name: String,
    pub line: usize,
    pub message: String,
}

/// One syntactic word line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Word {
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    pub feats: String,
    /// 0 is the root; `None` where the column is `_`.
    pub head: Option<usize>,
    pub deprel: String,
    pub misc: String,
    /// Line of the word in its file (1-based).
    pub line: usize,
}

/// A multiword token covering words `first..=last` (1-based ids).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Multiword {
    pub first: usize,
    pub last: usize,
    pub form: String,
    pub misc: String,
}

/// One sentence: comments, words (word `i` has id `i + 1`) and multiword tokens.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sentence {
    pub comments: Vec<String>,
    pub words: Vec<Word>,
    pub multiwords: Vec<Multiword>,
    /// Line where the sentence starts.
    pub line: usize,
}

impl Sentence {
    /// The `# text = …` comment, if any.
    pub fn text(&self) -> Option<&str> {
        self.comments.iter().find_map(|c| {
            c.strip_prefix("# text = ")
                .or_else(|| c.strip_prefix("# text ="))
        })
    }

    /// Whether every word has a head.
    pub fn has_tree(&self) -> bool {
        self.words.iter().all(|w| w.head.is_some())
    }
}

/// Reads every sentence of a CoNLL-U text. `source_name` names the file in errors.
pub fn read(text: &str, source_name: &str) -> Result<Vec<Sentence>, Error> {
    let err = |line: usize, message: String| Error {
        source_name: source_name.to_string(),
        line,
        message,
    };
    let mut sentences = Vec::new();
    let mut current = Sentence::default();
    let mut open = false;
    let finish =
        |s: &mut Sentence, sentences: &mut Vec<Sentence>, line: usize| -> Result<(), Error> {
            let n = s.words.len();
            for (i, w) in s.words.iter().enumerate() {
                if let Some(h) = w.head {
                    if h > n {
                        return Err(err(
                            w.line,
                            format!("head {h} is past the sentence's {n} words"),
                        ));
                    }
                    if h == i + 1 {
                        return Err(err(w.line, "a word is its own head".to_string()));
                    }
                }
            }
            for m in &s.multiwords {
                if m.last > n {
                    return Err(err(
                        line,
                        format!(
                            "multiword token {}-{} is past the sentence's {n} words",
                            m.first, m.last
                        ),
                    ));
                }
            }
            if n == 0 {
                return Err(err(
                    s.line,
                    "a sentence with comments but no words".to_string(),
                ));
            }
            sentences.push(std::mem::take(s));
            Ok(())
        };
    let mut last_line = 0;
    for (index, raw) in text.split('\n').enumerate() {
        let line_no = index + 1;
        last_line = line_no;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() {
            if open {
                finish(&mut current, &mut sentences, line_no)?;
                open = false;
            }
            continue;
        }
        if !open {
            current.line = line_no;
            open = true;
        }
        if line.starts_with('#') {
            if !current.words.is_empty() {
                return Err(err(
                    line_no,
                    "a comment line inside a sentence's words".to_string(),
                ));
            }
            current.comments.push(line.to_string());
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(err(
                line_no,
                format!("expected 10 tab-separated columns, found {}", cols.len()),
            ));
        }
        let id = cols[0];
        if id.contains('.') {
            continue; // an empty node of enhanced dependencies
        }
        if let Some((a, b)) = id.split_once('-') {
            let (first, last) = match (a.parse::<usize>(), b.parse::<usize>()) {
                (Ok(a), Ok(b)) if a >= 1 && b > a => (a, b),
                _ => return Err(err(line_no, format!("bad multiword token range {id:?}"))),
            };
            if first != current.words.len() + 1 {
                return Err(err(
                    line_no,
                    format!(
                        "multiword token {id} does not start at the next word ({})",
                        current.words.len() + 1
                    ),
                ));
            }
            if let Some(prev) = current.multiwords.last() {
                if prev.last >= first {
                    return Err(err(
                        line_no,
                        format!("multiword token {id} overlaps the previous one"),
                    ));
                }
            }
            current.multiwords.push(Multiword {
                first,
                last,
                form: cols[1].to_string(),
                misc: cols[9].to_string(),
            });
            continue;
        }
        let expected = current.words.len() + 1;
        match id.parse::<usize>() {
            Ok(i) if i == expected => {}
            _ => {
                return Err(err(
                    line_no,
                    format!("word id {id:?} where {expected} was expected"),
                ))
            }
        }
        if cols[1].is_empty() {
            return Err(err(line_no, "an empty FORM column".to_string()));
        }
        let head = match cols[6] {
            "_" => None,
            h => match h.parse::<usize>() {
                Ok(h) => Some(h),
                Err(_) => return Err(err(line_no, format!("head {h:?} is not a number"))),
            },
        };
        current.words.push(Word {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            feats: cols[5].to_string(),
            head,
            deprel: cols[7].to_string(),
            misc: cols[9].to_string(),
            line: line_no,
        });
    }
    if open {
        finish(&mut current, &mut sentences, last_line)?;
    }
    Ok(sentences)
}

/// Appends one sentence in CoNLL-U, ending with the blank line.
pub fn write(out: &mut String, sentence: &Sentence) {
    for c in &sentence.comments {
        out.push_str(c);
        out.push('\n');
    }
    let mut multiwords = sentence.multiwords.iter().peekable();
    for (i, w) in sentence.words.iter().enumerate() {
        let id = i + 1;
        if let Some(m) = multiwords.next_if(|m| m.first == id) {
            let _ = writeln!(
                out,
                "{}-{}\t{}\t_\t_\t_\t_\t_\t_\t_\t{}",
                m.first,
                m.last,
                m.form,
                dash(&m.misc)
            );
        }
        let head = w.head.map_or("_".to_string(), |h| h.to_string());
        let _ = writeln!(
            out,
            "{id}\t{}\t{}\t{}\t{}\t{}\t{head}\t{}\t_\t{}",
            w.form,
            dash(&w.lemma),
            dash(&w.upos),
            dash(&w.xpos),
            dash(&w.feats),
            dash(&w.deprel),
            dash(&w.misc)
        );
    }
    out.push('\n');
}

fn dash(s: &str) -> &str {
    if s.is_empty() {
        "_"
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO: &str = "# text = Vino al pueblo.\n1\tVino\tvenir\tVERB\t_\tMood=Ind\t0\troot\t_\t_\n2-3\tal\t_\t_\t_\t_\t_\t_\t_\t_\n2\ta\ta\tADP\t_\t_\t4\tcase\t_\t_\n3\tel\tel\tDET\t_\t_\t4\tdet\t_\t_\n4\tpueblo\tpueblo\tNOUN\t_\t_\t1\tobl\t_\tSpaceAfter=No\n5\t.\t.\tPUNCT\t_\t_\t1\tpunct\t_\t_\n\n1\tSí\tsí\tINTJ\t_\t_\t0\troot\t_\t_\n";

    #[test]
    fn reads_words_multiwords_and_round_trips() {
        let s = read(TWO, "two.conllu").unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].text(), Some("Vino al pueblo."));
        assert_eq!(s[0].words.len(), 5);
        assert_eq!(
            s[0].multiwords,
            vec![Multiword {
                first: 2,
                last: 3,
                form: "al".into(),
                misc: "_".into()
            }]
        );
        assert_eq!(s[0].words[3].head, Some(1));
        assert_eq!(s[1].line, 9);
        let mut out = String::new();
        for x in &s {
            write(&mut out, x);
        }
        assert_eq!(read(&out, "again").unwrap(), {
            let mut again = s.clone();
            // Lines move when written again; nothing else changes.
            for (a, b) in again.iter_mut().zip(read(&out, "again").unwrap()) {
                a.line = b.line;
                for (wa, wb) in a.words.iter_mut().zip(b.words) {
                    wa.line = wb.line;
                }
            }
            again
        });
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let bad = "1\tVino\tvenir\tVERB\t_\t_\t0\troot\t_\t_\n2\tal\n";
        let e = read(bad, "bad.conllu").unwrap_err();
        assert_eq!(
            e.to_string(),
            "bad.conllu:2: expected 10 tab-separated columns, found 2"
        );
        let e = read("1\ta\t_\t_\t_\t_\t7\tx\t_\t_\n", "h.conllu").unwrap_err();
        assert_eq!(e.line, 1);
        assert!(e.message.contains("past the sentence"), "{e}");
        let e = read("2\ta\t_\t_\t_\t_\t0\tx\t_\t_\n", "id.conllu").unwrap_err();
        assert!(e.message.contains("where 1 was expected"), "{e}");
        let e = read("1\ta\t_\t_\t_\t_\tx\tx\t_\t_\n", "x.conllu").unwrap_err();
        assert!(e.message.contains("not a number"), "{e}");
    }
}
