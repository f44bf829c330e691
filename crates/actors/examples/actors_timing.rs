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
    // `--startup-loop N` builds the dictionary N more times: run under `time` and divide the
    // user CPU time by N for a figure that other processes on the machine do not inflate.
    let args: Vec<String> = std::env::args().collect();
    if let Some(position) = args.iter().position(|arg| arg == "--startup-loop") {
        let n_loops: u32 = args
            .get(position + 1)
            .and_then(|n| n.parse().ok())
            .unwrap_or(10);
        for _ in 0..n_loops {
            std::hint::black_box(ActorDictionary::builtin());
        }
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
