//! Times the stages of extraction over the sentences of a gold file:
//! `cargo run -p trecho-extract --example timing --release -- FILE`.

fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let sentences: Vec<(String, trecho_model::Lang)> = text
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|v| {
            let lang = trecho_model::Lang::parse(v["lang"].as_str()?)?;
            Some((v["text"].as_str()?.to_string(), lang))
        })
        .collect();
    let dictionaries = trecho_extract::Dictionaries::builtin();
    let context = trecho_actors::ResolveContext::default();
    let started = std::time::Instant::now();
    let mut n_mentions = 0;
    for (sentence, _) in &sentences {
        n_mentions += dictionaries.actors.find(sentence, &context).len();
    }
    let actors = started.elapsed();
    let started = std::time::Instant::now();
    let mut n_events = 0;
    for (sentence, lang) in &sentences {
        n_events +=
            trecho_extract::extract_sentence(sentence, *lang, None, None, &dictionaries).len();
    }
    let all = started.elapsed();
    let n = sentences.len().max(1) as f64;
    println!(
        "{} sentences: actors.find {:.1} µs/sentence ({n_mentions} mentions); extract_sentence {:.1} µs/sentence ({n_events} events)",
        sentences.len(),
        actors.as_secs_f64() * 1e6 / n,
        all.as_secs_f64() * 1e6 / n
    );
}
