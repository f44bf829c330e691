//! Evaluates the extractor on gold files: `cargo run -p trecho-extract --example eval --release --
//! FILE... [--misses N] [--json]`.

use std::path::PathBuf;

fn main() {
    let mut paths = Vec::new();
    let mut misses = 0usize;
    let mut json = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--misses" => misses = args.next().and_then(|n| n.parse().ok()).unwrap_or(50),
            "--json" => json = true,
            _ => paths.push(PathBuf::from(arg)),
        }
    }
    let dictionaries = trecho_extract::Dictionaries::builtin();
    match trecho_extract::eval::run(&paths, &dictionaries) {
        Ok(report) => {
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&report).unwrap_or_default()
                );
                return;
            }
            print!("{report}");
            let actor_mismatches = std::env::var("ACTOR_MISMATCHES").is_ok();
            let list = if actor_mismatches {
                &report.actor_mismatches
            } else {
                &report.misses
            };
            for miss in list.iter().take(misses) {
                println!(
                    "\n{} {}\n  gold: {:?}\n  pred: {:?}",
                    miss.id, miss.text, miss.gold, miss.predicted
                );
            }
        }
        Err(err) => {
            eprintln!("error: {err}");
            std::process::exit(1);
        }
    }
}
