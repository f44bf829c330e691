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
    /// For each date mention, whether a deadline word stands before it ("before December 31st",
    /// "by January 31", "antes del 31 de enero"): the date words set, not the day they were said.
    pub deadline_dates: Vec<bool>,
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
pub fn read(
    sentence: &str,
    lang: Lang,
    published: Option<NaiveDate>,
    earlier: &[&str],
) -> SentenceContext {
    let attribution = crate::attribution::find(sentence, lang);
    let dates: Vec<(usize, usize, PartialDate, DateSource)> =
        crate::dates::find_all(sentence, lang, published)
            .into_iter()
            .map(|m| (m.start, m.end, m.date, m.source))
            .collect();
    let deadline_dates = dates
        .iter()
        .map(|(start, _, _, _)| after_deadline_word(sentence.get(..*start).unwrap_or("")))
        .collect();
    SentenceContext {
        dates,
        deadline_dates,
        reported_count: crate::counts::reported_count(sentence, lang),
        issues: crate::issues::issues(sentence, lang),
        leverage: crate::issues::leverage_in_context(sentence, lang, earlier),
        speaker: attribution.speaker,
        attribution: attribution.attribution,
        reported: attribution.reported,
        speculation: attribution.speculation,
        hedge_at: attribution.hedge_at,
    }
}

impl SentenceContext {
    /// The date nearest to the trigger at `trigger_start`, else the publication date. Words
    /// (`said`) skip dates that are deadlines: "demanded the water be released before December
    /// 31st" was said on its own day, not on the 31st.
    pub fn date_near(
        &self,
        trigger_start: usize,
        published: Option<NaiveDate>,
        said: bool,
    ) -> (Option<PartialDate>, Option<DateSource>, Option<String>) {
        let candidates =
            self.dates.iter().enumerate().filter(|(idx, _)| {
                !(said && self.deadline_dates.get(*idx).copied().unwrap_or(false))
            });
        let nearest = candidates
            .map(|(_, date)| date)
            .min_by_key(|(start, end, _, _)| {
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

/// Whether the text before a date ends with a deadline word: "by", "before", "until", "no later
/// than", "antes de(l)", "a más tardar", "hasta (el)".
fn after_deadline_word(before: &str) -> bool {
    let lower = before.trim_end().to_lowercase();
    let lower = lower
        .strip_suffix(" the")
        .or_else(|| lower.strip_suffix(" el"))
        .unwrap_or(&lower);
    [
        " by",
        " before",
        " until",
        " till",
        " no later than",
        " antes de",
        " antes del",
        " a más tardar",
        " a mas tardar",
        " hasta",
        // The day a measure takes effect is a deadline too ("scheduled to go into effect on
        // March 4", "effective February 4", "entrará en vigor el 4 de marzo").
        " effect",
        " effect on",
        " effective",
        " effective on",
        " scheduled for",
        " en vigor el",
        " en vigor a partir del",
    ]
    .iter()
    .any(|word| lower.ends_with(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_day_a_measure_takes_effect_is_a_deadline() {
        let published = NaiveDate::from_ymd_opt(2025, 2, 27);
        let sentence =
            "The proposed tariffs scheduled to go into effect on March 4 will go into effect.";
        let context = read(sentence, Lang::En, published, &[]);
        assert_eq!(context.deadline_dates, [true]);
        let (date, _, _) = context.date_near(20, published, true);
        assert_eq!(date.map(|d| d.to_string()).as_deref(), Some("2025-02-27"));
    }

    #[test]
    fn words_are_dated_by_when_they_were_said_not_by_their_deadline() {
        let published = NaiveDate::from_ymd_opt(2025, 12, 8);
        let sentence =
            "The U.S. needs Mexico to release 200,000 acre-feet of water before December 31st.";
        let context = read(sentence, Lang::En, published, &[]);
        assert_eq!(context.deadline_dates, [true]);
        let (date, source, _) = context.date_near(10, published, true);
        assert_eq!(date.map(|d| d.to_string()).as_deref(), Some("2025-12-08"));
        assert_eq!(source, Some(DateSource::Published));
        // A deed on a date keeps it.
        let (date, _, _) = context.date_near(10, published, false);
        assert_eq!(date.map(|d| d.to_string()).as_deref(), Some("2025-12-31"));
        let context = read(
            "Mexico agreed on December 12 to release water.",
            Lang::En,
            published,
            &[],
        );
        assert_eq!(context.deadline_dates, [false]);
    }
}
