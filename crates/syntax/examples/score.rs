//! Scores a model file on treebanks: a development aid; `trecho eval FILE.conllu` is the command.
//!   cargo run --release -p trecho-syntax --example score -- MODEL.bin TEST.conllu...
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let bytes = std::fs::read(&args[0]).unwrap();
    let model = trecho_syntax::Model::from_bytes(&bytes).unwrap();
    for t in &args[1..] {
        let gold = trecho_syntax::train::read_files(&[t.into()]).unwrap();
        let s = trecho_syntax::eval::score(&model, &gold);
        println!(
            "{t}: UPOS {:.2} UFeats {:.2} Lemma {:.2} UAS {:.2} LAS {:.2} (full {:.2}) {:.0} sent/s {:.0} words/s",
            s.upos, s.ufeats, s.lemma, s.uas, s.las, s.las_full, s.sentences as f64 / s.seconds, s.words as f64 / s.seconds
        );
    }
}
