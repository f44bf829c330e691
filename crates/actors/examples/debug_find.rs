//! Prints the mentions of the text given on the command line: `cargo run --example debug_find -- "text"`.

fn main() {
    let dictionary = trecho_actors::ActorDictionary::builtin();
    let text = std::env::args().nth(1).unwrap_or_default();
    for mention in dictionary.find(&text, &trecho_actors::ResolveContext::default()) {
        println!(
            "{}..{} {:?} {:?} {}",
            mention.start, mention.end, mention.actor, mention.kind, mention.entry
        );
    }
}
