//! Trains a model and scores it: a development aid; `trecho train syntax` is the command.
//!   cargo run --release -p trecho-syntax --example train -- LANG OUT.bin --train A.conllu
//!       [--train B.conllu] [--dev D.conllu] [--test T.conllu] [--tagger-epochs N]
//!       [--parser-epochs N] [--limit N]
use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let lang = args[0].clone();
    let out = PathBuf::from(&args[1]);
    let mut options = trecho_syntax::train::Options::new(&lang, vec![], vec![]);
    let mut tests = Vec::new();
    let mut i = 2;
    while i < args.len() {
        let v = args[i + 1].clone();
        match args[i].as_str() {
            "--train" => options.train.push(v.into()),
            "--dev" => options.dev.push(v.into()),
            "--test" => tests.push(PathBuf::from(v)),
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
    let model = trecho_syntax::Model::from_bytes(&bytes).unwrap();
    for t in tests {
        let gold = trecho_syntax::train::read_files(std::slice::from_ref(&t)).unwrap();
        let s = trecho_syntax::eval::score(&model, &gold);
        println!(
            "{}: UPOS {:.2} UFeats {:.2} Lemma {:.2} UAS {:.2} LAS {:.2} (full {:.2}) {:.0} sent/s",
            t.display(),
            s.upos,
            s.ufeats,
            s.lemma,
            s.uas,
            s.las,
            s.las_full,
            s.sentences as f64 / s.seconds
        );
    }
}
