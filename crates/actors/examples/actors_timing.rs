//! Measures dictionary start-up and `find` speed: `cargo run --release --example actors_timing`.

use std::time::Instant;
use trecho_actors::{ActorDictionary, ResolveContext};

fn main() {
    let started = Instant::now();
    let dictionary = ActorDictionary::builtin();
    println!("builtin() took {:?}", started.elapsed());
    if std::env::args().any(|arg| arg == "--startup-only") {
        return;
    }
    let sentence = "Mexican President Claudia Sheinbaum said on Tuesday that her government would not \
                    accept the presence of U.S. troops on Mexican soil, after Trump threatened strikes \
                    on the Sinaloa Cartel.";
    let ctx = ResolveContext::default();
    let n_runs = 20_000;
    let started = Instant::now();
    let mut n_mentions = 0;
    for _ in 0..n_runs {
        n_mentions += dictionary.find(sentence, &ctx).len();
    }
    println!(
        "find() on a {}-byte sentence: {:?} per call, {} mentions",
        sentence.len(),
        started.elapsed() / n_runs,
        n_mentions / n_runs as usize
    );
    for mention in dictionary.find(sentence, &ctx) {
        println!("{:?} {:?} {}", mention.actor, mention.kind, mention.entry);
    }
}
