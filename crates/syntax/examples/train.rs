//! Trains a model with every knob open: a development aid; `trecho train syntax` is the
//! command, and `trecho eval --model OUT.bin FILE.conllu` scores the result.
//!   cargo run --release -p trecho-syntax --example train -- LANG OUT.bin --train A.conllu
//!       [--train B.conllu] [--dev D.conllu] [--tagger-epochs N] [--parser-epochs N]
//!       [--limit N] [--folds N] [--explore P] [--min-updates N]
use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let lang = args[0].clone();
    let out = PathBuf::from(&args[1]);
    let mut options = trecho_syntax::train::Options::new(&lang, vec![], vec![]);
    let mut i = 2;
    while i < args.len() {
        let v = args[i + 1].clone();
        match args[i].as_str() {
            "--train" => options.train.push(v.into()),
            "--dev" => options.dev.push(v.into()),
            "--tagger-epochs" => options.tagger_epochs = v.parse().unwrap(),
            "--parser-epochs" => options.parser_epochs = v.parse().unwrap(),
            "--limit" => options.limit = Some(v.parse().unwrap()),
            "--folds" => options.folds = v.parse().unwrap(),
            "--explore" => options.explore = v.parse().unwrap(),
            "--min-updates" => options.min_updates = v.parse().unwrap(),
            other => panic!("unknown option {other}"),
        }
        i += 2;
    }
    let start = std::time::Instant::now();
    let model = trecho_syntax::train::train(&options, &mut |line| {
        eprintln!("[{:7.1}s] {line}", start.elapsed().as_secs_f64())
    })
    .unwrap();
    let bytes = model.to_bytes();
    std::fs::write(&out, &bytes).unwrap();
    eprintln!(
        "wrote {} ({} bytes) in {:.1}s",
        out.display(),
        bytes.len(),
        start.elapsed().as_secs_f64()
    );
}
