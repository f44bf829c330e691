//! The `trecho` command line: flags and glue only.

fn main() {
    println!("trecho");
}
