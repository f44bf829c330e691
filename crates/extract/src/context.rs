//! The one place where the extractor calls the sentence-context functions (dates, counts,
//! issues and leverage, speaker and attribution) of `dates.rs`, `counts.rs`, `issues.rs` and
//! `attribution.rs`.

use chrono::NaiveDate;
use trecho_model::{DateSource, Issue, Lang, Leverage, PartialDate};

/// What the context functions say about a sentence.
#[derive(Debug, Clone, Default)]
pub struct SentenceContext {
    /// Date mentions: byte range in the sentence, the date and how it was found.
    pub dates: Vec<(usize, usize, PartialDate, DateSource)>,
    /// "has said at least 17 times" → 17.
    pub reported_count: Option<u32>,
    /// Issues of the sentence.
    pub issues: Vec<Issue>,
    /// One issue used to move another.
    pub leverage: Option<Leverage>,
    /// Who uttered the words.
    pub speaker: Option<String>,
    /// Who reports them.
    pub attribution: Option<String>,
    /// The sentence reports someone else's claim.
    pub reported: bool,
    /// A third party's speculation ("analysts say X may").
    pub speculation: bool,
    /// Where the hedge word is when only a hedge word makes the speculation (see
    /// [`crate::attribution::Attribution::hedge_at`]).
    pub hedge_at: Option<usize>,
}

/// Reads the context of a sentence.
pub fn read(sentence: &str, lang: Lang, published: Option<NaiveDate>) -> SentenceContext {
    let attribution = crate::attribution::find(sentence, lang);
    SentenceContext {
        dates: crate::dates::find_all(sentence, lang, published)
            .into_iter()
            .map(|m| (m.start, m.end, m.date, m.source))
            .collect(),
        reported_count: crate::counts::reported_count(sentence, lang),
        issues: crate::issues::issues(sentence, lang),
        leverage: crate::issues::leverage(sentence, lang),
        speaker: attribution.speaker,
        attribution: attribution.attribution,
        reported: attribution.reported,
        speculation: attribution.speculation,
        hedge_at: attribution.hedge_at,
    }
}

impl SentenceContext {
    /// The date nearest to the trigger at `trigger_start`, else the publication date.
    pub fn date_near(
        &self,
        trigger_start: usize,
        published: Option<NaiveDate>,
    ) -> (Option<PartialDate>, Option<DateSource>, Option<String>) {
        let nearest = self.dates.iter().min_by_key(|(start, end, _, _)| {
            if *end <= trigger_start {
                trigger_start - end
            } else {
                start.saturating_sub(trigger_start)
            }
        });
        match nearest {
            Some((start, end, date, source)) => (
                Some(*date),
                Some(*source),
                Some(format!(
                    "date cue at bytes {start}..{end} → {date} ({})",
                    source.as_str()
                )),
            ),
            None => match published {
                Some(day) => (
                    Some(PartialDate::day(day)),
                    Some(DateSource::Published),
                    Some(format!("date: published {day}")),
                ),
                None => (None, None, None),
            },
        }
    }
}
