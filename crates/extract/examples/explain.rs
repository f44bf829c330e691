//! Prints the events and explanation steps of sentences given on the command line:
//! `cargo run -p trecho-extract --example explain -- [--es] [--matches] [--mentions] "sentence"...`.
//! `--matches` also lists every lexicon match before one is chosen per clause; `--mentions`
//! lists the actor mentions the dictionary found.

fn main() {
    let dictionaries = trecho_extract::Dictionaries::builtin();
    let mut lang = trecho_model::Lang::En;
    let mut show_matches = false;
    let mut show_mentions = false;
    for arg in std::env::args().skip(1) {
        if arg == "--es" {
            lang = trecho_model::Lang::Es;
            continue;
        }
        if arg == "--matches" {
            show_matches = true;
            continue;
        }
        if arg == "--mentions" {
            show_mentions = true;
            continue;
        }
        println!("{arg}");
        if show_mentions {
            let ctx = trecho_actors::ResolveContext::default();
            for mention in dictionaries.actors.find(&arg, &ctx) {
                println!(
                    "  mention {:?} {:?} {}",
                    arg.get(mention.start..mention.end).unwrap_or(""),
                    mention.kind,
                    mention.actor.country.as_deref().unwrap_or("-")
                );
            }
        }
        if show_matches {
            for (surface, entry, clause, score, dropped) in
                trecho_extract::trigger_candidates(&arg, lang, None, &dictionaries)
            {
                let note = if dropped { " (dropped)" } else { "" };
                println!("  match {surface:?} {entry} clause {clause} score {score:.2}{note}");
            }
        }
        for (event, explanation) in
            trecho_extract::extract_sentence(&arg, lang, None, None, &dictionaries)
        {
            let actor = |a: &Option<trecho_model::Actor>| {
                a.as_ref()
                    .map(|a| format!("{}[{}]", a.text, a.country.as_deref().unwrap_or("-")))
                    .unwrap_or_else(|| "-".into())
            };
            println!(
                "  {} {} {:?} content={:?} mode={:?} {} → {} negated={} hypothetical={} speaker={:?} conf={}",
                event.event_type, event.kind, event.speech_act, event.content_type, event.mode, actor(&event.actor), actor(&event.recipient), event.negated, event.hypothetical, event.speaker, event.confidence
            );
            for step in explanation.steps {
                println!("      {step}");
            }
        }
    }
}
