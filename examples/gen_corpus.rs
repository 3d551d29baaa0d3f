//! Writes a deterministic corpus of generated arrangement files (see benches/support/corpus.rs).
//!
//! ```text
//! cargo run --release --example gen_corpus -- DIR COUNT [SEED]     mixed sizes, 20 % with a flaw
//! cargo run --release --example gen_corpus -- DIR --clean COUNT [SEED]   the same sizes, all clean
//! cargo run --release --example gen_corpus -- DIR --realistic COUNT [SEED]   clean, 14–38 KB each
//! cargo run --release --example gen_corpus -- DIR --size BYTES [SEED]    one clean file of ~BYTES
//! ```
//!
//! Every file meant to be clean is checked to pass the structure stage before it is written.

#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::path::PathBuf;
use std::process::ExitCode;

fn usage() -> ExitCode {
    eprintln!(
        "usage: gen_corpus DIR COUNT [SEED] | DIR --clean|--realistic COUNT [SEED] | DIR --size BYTES [SEED]"
    );
    ExitCode::from(2)
}

fn assert_clean_structure(file: &corpus::File) {
    if file.flaw != corpus::Flaw::None {
        return;
    }
    let doc = masa::load::parse(&file.text)
        .unwrap_or_else(|e| panic!("{}: generated clean file does not parse: {e:?}", file.name));
    let problems = masa::structure::check(&doc);
    assert!(
        problems.is_empty(),
        "{}: generated clean file fails the structure stage: {problems:#?}",
        file.name
    );
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first().map(PathBuf::from) else {
        return usage();
    };
    let number = |i: usize| args.get(i).and_then(|a| a.parse::<u64>().ok());
    let files = match args.get(1).map(String::as_str) {
        Some("--size") => {
            let Some(bytes) = number(2) else {
                return usage();
            };
            let seed = number(3).unwrap_or(1);
            let text = corpus::document_of_size(seed, bytes as usize);
            vec![corpus::File {
                name: format!("size-{bytes}.toml"),
                text,
                flaw: corpus::Flaw::None,
                scale: 0,
            }]
        }
        Some("--clean") => {
            let Some(count) = number(2) else {
                return usage();
            };
            corpus::clean_corpus(count as usize, number(3).unwrap_or(1))
        }
        Some("--realistic") => {
            let Some(count) = number(2) else {
                return usage();
            };
            corpus::realistic_clean_corpus(count as usize, number(3).unwrap_or(1))
        }
        Some(_) => {
            let Some(count) = number(1) else {
                return usage();
            };
            corpus::corpus(count as usize, number(2).unwrap_or(1))
        }
        None => return usage(),
    };
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("{}: {e}", dir.display());
        return ExitCode::from(2);
    }
    masa::structure::warm_up();
    let mut bytes = 0;
    for file in &files {
        assert_clean_structure(file);
        bytes += file.text.len();
        if let Err(e) = std::fs::write(dir.join(&file.name), &file.text) {
            eprintln!("{}: {e}", dir.join(&file.name).display());
            return ExitCode::from(2);
        }
    }
    println!(
        "wrote {} files, {} bytes, to {}",
        files.len(),
        bytes,
        dir.display()
    );
    ExitCode::SUCCESS
}
