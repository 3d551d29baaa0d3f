//! The whole load → report path on arbitrary bytes: check the document, then render it in
//! every format. Any panic, abort or stack overflow is a crash.
#![no_main]

use libfuzzer_sys::fuzz_target;
use masa::report::{github, human, json, sarif};

fuzz_target!(|bytes: &[u8]| {
    let options = options();
    let file = masa::check_source("fuzz.toml", bytes, options);
    let text = file.text();
    for d in &file.diagnostics {
        for span in std::iter::once(&d.span).chain(d.labels.iter().map(|l| &l.span)) {
            assert!(span.start <= span.end && span.end <= text.len(), "{d:?}");
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
    }
    let report = masa::Report {
        files: vec![file],
        unreadable: vec![],
    };
    let rendered = json::render(&report);
    serde_json::from_str::<serde_json::Value>(&rendered).expect("the JSON output parses");
    let _ = human::render(&report, &human::HumanOptions::default());
    let _ = sarif::render(&report, &options.rules);
    let _ = github::render(&report);
});

/// One set of options for the whole run: a fixed date, the full catalog.
fn options() -> &'static masa::Options {
    static OPTIONS: std::sync::OnceLock<masa::Options> = std::sync::OnceLock::new();
    OPTIONS.get_or_init(|| masa::Options {
        today: masa::Day::new(2026, 11, 22).expect("a real date"),
        ..masa::Options::default()
    })
}
