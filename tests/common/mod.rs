//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use masa::{Day, Options, Report};

/// A fixed "today", so date-dependent results never change under the tests.
pub fn options() -> Options {
    Options {
        today: Day::new(2026, 11, 22).expect("a real date"),
        ..Options::default()
    }
}

/// The crate root (tests run with it as the working directory, but say so explicitly).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Checks one file, named by its path relative to the crate root.
pub fn check(relative: &str) -> Report {
    let path = Path::new(relative);
    let bytes = std::fs::read(root().join(path)).expect("fixture exists");
    Report {
        files: vec![masa::check_source(relative, &bytes, &options())],
        unreadable: vec![],
    }
}

/// The human rendering of a report, colour-free and 100 columns wide.
pub fn human(report: &Report) -> String {
    masa::report::human::render(report, &masa::report::human::HumanOptions::default())
}
