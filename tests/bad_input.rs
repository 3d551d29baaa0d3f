//! Bad input never panics and never loses data (spec §8): `masa check` on each case of the
//! bad-input corpus, with a snapshot of what the user sees (human output, colour off, and the
//! exit code). Small cases are files in `tests/bad-input/`; big, binary and file-system cases
//! are made at test time in a temporary directory.
//!
//! Every run must exit with a documented code (0, 1 or 2: never 101 for a panic, never a
//! signal for an abort or a stack overflow) within [`TIME_LIMIT`].

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use assert_cmd::Command;

/// Each run is killed after this long, failing the test: "a few seconds" with room for a
/// debug build on a busy machine.
const TIME_LIMIT: Duration = Duration::from_secs(30);

/// What one run of `masa check` showed.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    /// The snapshot: exit code, then stdout and stderr.
    fn shown(&self) -> String {
        format!(
            "exit code: {}\n--- stdout ---\n{}--- stderr ---\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

/// Runs `masa check ARGS` in `dir` with colour off and a fixed date.
fn check_in(dir: &Path, args: &[&str]) -> Run {
    check_as(dir, args, false)
}

/// [`check_in`] as a user whom file permissions apply to: when the tests run as root (as CI
/// does), masa runs as `nobody` through `setpriv`, and `dir` is opened to others.
#[cfg(unix)]
fn check_unprivileged(dir: &Path, args: &[&str]) -> Run {
    use std::os::unix::fs::PermissionsExt;
    let root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"));
    if root {
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    check_as(dir, args, root)
}

fn check_as(dir: &Path, args: &[&str], as_nobody: bool) -> Run {
    let start = Instant::now();
    let masa = assert_cmd::cargo::cargo_bin("masa");
    let mut command = if as_nobody {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&masa);
        c
    } else {
        Command::new(&masa)
    };
    let output = command
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env("COLUMNS", "100")
        .args(["check", "--color", "never", "--today", "2026-11-22"])
        .args(args)
        .timeout(TIME_LIMIT)
        .output()
        .expect("masa runs");
    let elapsed = start.elapsed();
    let code = output.status.code().unwrap_or_else(|| {
        panic!(
            "masa check {args:?} was killed after {elapsed:?} (abort, stack overflow or timeout): {}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    assert!(
        [0, 1, 2].contains(&code),
        "masa check {args:?} exited {code} (101 is a panic): {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(elapsed < TIME_LIMIT, "masa check {args:?} took {elapsed:?}");
    Run {
        code,
        stdout: String::from_utf8(output.stdout).expect("output is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("output is UTF-8"),
    }
}

/// Runs `masa check ARGS` from the crate root.
fn check(args: &[&str]) -> Run {
    check_in(&common::root(), args)
}

/// The JSON report of a run.
fn json(run: &Run) -> serde_json::Value {
    serde_json::from_str(&run.stdout).expect("--format json prints JSON")
}

/// (line, column, end line, end column) of every diagnostic of the first file.
fn positions(report: &serde_json::Value) -> Vec<(u64, u64, u64, u64)> {
    report["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            let n = |k: &str| d[k].as_u64().expect("a position");
            (n("line"), n("column"), n("end_line"), n("end_column"))
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// The committed corpus
// ---------------------------------------------------------------------------------------------

/// Every file in `tests/bad-input/` is an error in the file (exit 1), with its diagnostic.
#[test]
fn each_bad_input_file_gives_a_clear_diagnostic() {
    insta::glob!("bad-input/*.toml", |path| {
        let name = path.file_name().and_then(|n| n.to_str()).expect("name");
        let run = check(&[&format!("tests/bad-input/{name}")]);
        assert_eq!(run.code, 1, "{name}: {}", run.shown());
        // Every finding names its place as path:line:column.
        assert!(
            run.stdout.contains(&format!("tests/bad-input/{name}:")),
            "{name}: no location in {}",
            run.stdout
        );
        insta::assert_snapshot!(run.shown());
    });
}

/// The JSON output of every corpus file parses, and every position lies inside the file.
#[test]
fn json_positions_of_the_corpus_lie_inside_each_file() {
    insta::glob!("bad-input/*.toml", |path| {
        let name = path.file_name().and_then(|n| n.to_str()).expect("name");
        let run = check(&["--format", "json", &format!("tests/bad-input/{name}")]);
        let bytes = std::fs::read(path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let lines: Vec<&str> = text.split('\n').collect();
        for (line, column, end_line, end_column) in positions(&json(&run)) {
            for (l, c) in [(line, column), (end_line, end_column)] {
                let l = usize::try_from(l).unwrap();
                assert!(l >= 1 && l <= lines.len(), "{name}: line {l}");
                let width = lines[l - 1].trim_end_matches('\r').chars().count();
                assert!(
                    c >= 1 && usize::try_from(c).unwrap() <= width + 1,
                    "{name}: column {c} on line {l} of {width} characters"
                );
            }
        }
    });
}

#[test]
fn crlf_spans_are_the_same_as_lf_spans() {
    // The corpus file: the unclosed string on line 7 starts at column 11.
    let run = check(&["--format", "json", "tests/bad-input/crlf.toml"]);
    assert_eq!(positions(&json(&run))[0], (7, 11, 7, 31));
    // Whole documents with many findings: every position is the same with either ending.
    let dir = tempfile::tempdir().unwrap();
    for fixture in ["structural-errors.toml", "three-problems.toml"] {
        let lf = std::fs::read_to_string(common::root().join("tests/fixtures").join(fixture))
            .unwrap()
            .replace("\r\n", "\n");
        std::fs::write(dir.path().join("lf.toml"), &lf).unwrap();
        std::fs::write(dir.path().join("crlf.toml"), lf.replace('\n', "\r\n")).unwrap();
        let lf = positions(&json(&check_in(
            dir.path(),
            &["--format", "json", "lf.toml"],
        )));
        let crlf = positions(&json(&check_in(
            dir.path(),
            &["--format", "json", "crlf.toml"],
        )));
        assert!(!lf.is_empty());
        assert_eq!(lf, crlf, "{fixture}");
    }
}

#[test]
fn columns_count_characters_not_bytes() {
    let run = check(&["--format", "json", "tests/bad-input/multibyte.toml"]);
    let text =
        std::fs::read_to_string(common::root().join("tests/bad-input/multibyte.toml")).unwrap();
    let line = text.lines().nth(4).unwrap();
    let byte = line.find("publshed").unwrap();
    let column = line[..byte].chars().count() + 1;
    assert!(byte + 1 > column, "the line has multi-byte characters");
    assert_eq!(
        positions(&json(&run))[0],
        (5, column as u64, 5, column as u64)
    );
}

#[test]
fn a_byte_order_mark_does_not_move_columns() {
    let dir = tempfile::tempdir().unwrap();
    let text = "schema_versio = 1\n[partnership]\npublshed = 2024-09-27\n";
    std::fs::write(dir.path().join("plain.toml"), text).unwrap();
    std::fs::write(
        dir.path().join("bom.toml"),
        [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
    )
    .unwrap();
    let plain = positions(&json(&check_in(
        dir.path(),
        &["--format", "json", "plain.toml"],
    )));
    let bom = positions(&json(&check_in(
        dir.path(),
        &["--format", "json", "bom.toml"],
    )));
    assert!(plain.contains(&(1, 1, 1, 14)), "{plain:?}");
    assert_eq!(plain, bom);
}

#[test]
fn invalid_utf8_is_located_at_the_bad_byte() {
    let run = check(&["--format", "json", "tests/bad-input/invalid-utf8.toml"]);
    let report = json(&run);
    assert_eq!(report["files"][0]["diagnostics"][0]["rule"], "toml-syntax");
    // `Caf\xe9`: the bad byte is the 47th character of line 5.
    assert_eq!(positions(&report)[0], (5, 47, 5, 48));
}

// ---------------------------------------------------------------------------------------------
// Cases that need the rules: edits of the clean example
// ---------------------------------------------------------------------------------------------

/// The clean example with one value replaced, checked from a temporary directory.
fn edited_example(find: &str, replace: &str) -> Run {
    let example =
        std::fs::read_to_string(common::root().join("arrangements/example/northmoor.toml"))
            .unwrap();
    assert!(example.contains(find), "the example has `{find}`");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("northmoor.toml"),
        example.replacen(find, replace, 1),
    )
    .unwrap();
    check_in(dir.path(), &["northmoor.toml"])
}

#[test]
fn money_that_passes_the_format_but_not_the_rules() {
    // Zero from a statutory partner.
    let run = edited_example("amount = \"£120,000.00\"", "amount = 0");
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("money_zero", run.shown());
    // A float that is not exact in binary (0.1 + 0.2 != 0.3 in f64): read as the decimal
    // written, so the total still adds up and nothing is reported.
    let run = edited_example("stated_total = \"£240,000.00\"", "stated_total = 240000.30");
    let run2 = {
        let example =
            std::fs::read_to_string(common::root().join("arrangements/example/northmoor.toml"))
                .unwrap()
                .replacen("stated_total = \"£240,000.00\"", "stated_total = 0.3", 1)
                .replacen("amount = \"£120,000.00\"", "amount = 0.1", 1)
                .replacen("amount = \"£72,000.00\"", "amount = 0.2", 1)
                .replacen("amount = \"£48,000.00\"", "amount = 0", 1);
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("northmoor.toml"), example).unwrap();
        check_in(dir.path(), &["northmoor.toml"])
    };
    insta::assert_snapshot!("money_float_total_off_by_30p", run.shown());
    insta::assert_snapshot!("money_float_tenths_add_up_exactly", run2.shown());
}

// ---------------------------------------------------------------------------------------------
// Big, deep, binary and file-system cases, made at test time
// ---------------------------------------------------------------------------------------------

/// Writes `name` in a new temporary directory and checks it from there.
fn check_generated(name: &str, bytes: &[u8], extra: &[&str]) -> Run {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), bytes).unwrap();
    let mut args = extra.to_vec();
    args.push(name);
    check_in(dir.path(), &args)
}

#[test]
fn a_50_mb_file_is_refused_by_the_size_limit_without_being_read() {
    let line =
        "# ..................................................................................\n";
    let bytes = line.repeat(50 * 1024 * 1024 / line.len() + 1);
    assert!(bytes.len() >= 50 * 1024 * 1024);
    let start = Instant::now();
    let run = check_generated("big.toml", bytes.as_bytes(), &[]);
    assert_eq!(run.code, 1);
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "{:?}",
        start.elapsed()
    );
    insta::assert_snapshot!("fifty_megabytes", run.shown());
    // Under a raised limit it is read, and is only comments.
    let run = check_generated(
        "big.toml",
        bytes.as_bytes(),
        &["--max-file-size", "60000000"],
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains("the file has no content"),
        "{}",
        run.stdout
    );
}

/// 10,000 levels, one bracket a line: refused by the nesting limit at level 65, before the
/// TOML parser or any later stage recurses. On one line, the line-length limit comes first.
#[test]
fn ten_thousand_nested_arrays() {
    let n = 10_000;
    let text = format!(
        "schema_version = 1\nnested = {}{}\n",
        "[\n".repeat(n),
        "]\n".repeat(n)
    );
    let run = check_generated("nested-arrays.toml", text.as_bytes(), &[]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("nested_arrays", run.shown());
    let text = format!(
        "schema_version = 1\nnested = {}{}\n",
        "[".repeat(n),
        "]".repeat(n)
    );
    let run = check_generated("nested-arrays.toml", text.as_bytes(), &["--format", "json"]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("line 2 is 20009 characters long"));
}

#[test]
fn ten_thousand_nested_inline_tables() {
    let n = 10_000;
    let text = format!(
        "schema_version = 1\nnested = {}1{}\n",
        "{ a =\n".repeat(n),
        "}\n".repeat(n)
    );
    let run = check_generated("nested-inline-tables.toml", text.as_bytes(), &[]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("nested_inline_tables", run.shown());
    let text = format!(
        "schema_version = 1\nnested = {}1{}\n",
        "{ a = ".repeat(n),
        " }".repeat(n)
    );
    let run = check_generated(
        "nested-inline-tables.toml",
        text.as_bytes(),
        &["--format", "json"],
    );
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("characters long"));
}

/// The TOML parser stops arrays and inline tables at 80 levels, but each inline table may
/// hold a dotted key of 79 parts. Sixteen of them — one 5 KB line — nest 1,264 levels deep:
/// before masa's own limit that overflowed a checker thread's stack (converting the document
/// to JSON for the schema) and aborted the process.
#[test]
fn dotted_keys_inside_inline_tables_cannot_nest_past_the_limit() {
    let key: Vec<String> = (0..79).map(|i| format!("k{i}")).collect();
    let key = key.join(".");
    let n = 16;
    let text = format!(
        "schema_version = 1\n[partnership]\nname = {}1{}\n",
        format!("{{ {key} = ").repeat(n),
        " }".repeat(n)
    );
    assert!(text.len() < masa::load::MAX_LINE_LENGTH);
    for extra in [&[][..], &["--format", "json"][..]] {
        let run = check_generated("dotted.toml", text.as_bytes(), extra);
        assert_eq!(run.code, 1, "{}", run.shown());
    }
    // Two files, so they are checked on worker threads (smaller stacks than the main one).
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.toml"), &text).unwrap();
    std::fs::write(dir.path().join("b.toml"), &text).unwrap();
    let run = check_in(dir.path(), &["."]);
    assert_eq!(run.code, 1, "{}", run.shown());
    // The same nesting written over several lines.
    let text = format!(
        "schema_version = 1\n[partnership]\nname = {}1{}\n",
        format!("{{\n{key} = ").repeat(n),
        "\n}".repeat(n)
    );
    let run = check_generated("dotted.toml", text.as_bytes(), &[]);
    assert_eq!(run.code, 1, "{}", run.shown());
    insta::assert_snapshot!("nested_dotted_keys", run.shown());
}

/// Nesting up to the limit is read through every stage (schema, model) without trouble, even
/// on a thread with a 1 MiB stack in a debug build.
#[test]
fn nesting_up_to_the_limit_is_read_on_a_small_stack() {
    let limit = masa::load::MAX_NESTING_DEPTH;
    let cases = [
        // [partnership] is level 1: 63 lists inside it make 64.
        format!(
            "schema_version = 1\n[partnership]\nname = \"x\"\npriorities = {}\"a\"{}\n",
            "[".repeat(limit - 1),
            "]".repeat(limit - 1)
        ),
        format!(
            "schema_version = 1\n[partnership]\nname = {}1{}\n",
            "{ a = ".repeat(limit - 1),
            " }".repeat(limit - 1)
        ),
        format!(
            "schema_version = 1\n[partnership]\nname = \"x\"\n{} = 1\n",
            (0..limit)
                .map(|i| format!("k{i}"))
                .collect::<Vec<_>>()
                .join(".")
        ),
    ];
    for text in cases {
        let handle = std::thread::Builder::new()
            .stack_size(1024 * 1024)
            .spawn(move || {
                let report = masa::check_source("deep.toml", text.as_bytes(), &common::options());
                report
                    .diagnostics
                    .iter()
                    .map(|d| d.message.clone())
                    .collect::<Vec<_>>()
            })
            .unwrap();
        let messages = handle.join().expect("no panic, no overflow");
        assert!(
            messages.iter().all(|m| !m.contains("levels deep")),
            "{messages:?}"
        );
        assert!(!messages.is_empty());
    }
}

#[test]
fn a_very_long_line() {
    // 2 MB of text on one line: refused by the line-length limit, pointing at the line.
    let long = "a".repeat(2_000_000);
    let text = format!("schema_version = 1\n[partnership]\nname = \"{long}\" extra\n");
    let run = check_generated("long-line.toml", text.as_bytes(), &["--format", "json"]);
    assert_eq!(run.code, 1);
    assert_eq!(positions(&json(&run)), vec![(3, 1, 3, 2)]);
    let run = check_generated("long-line.toml", text.as_bytes(), &[]);
    assert_eq!(run.code, 1);
    let shown = run.shown().replace(&long, "<2,000,000 × a>");
    insta::assert_snapshot!("long_line", shown);
}

/// Before the line-length limit, a finding past column 65,535 panicked in the human renderer
/// (miette pads with a `{:width$}` format, and Rust refuses widths over 65,535). Lines just
/// under the limit, drawn as wide as they can be (tabs, wide characters), render.
#[test]
fn findings_at_the_end_of_the_longest_lines_render() {
    let limit = masa::load::MAX_LINE_LENGTH;
    for fill in ["\t", "字", "a"] {
        let filler = fill.repeat(limit - 30);
        let text = format!("schema_version = 1\n[partnership]\nname = \"{filler}\" extra = 1\n");
        assert!(text.lines().nth(2).unwrap().chars().count() <= limit);
        let run = check_generated("wide.toml", text.as_bytes(), &[]);
        assert_eq!(run.code, 1, "{fill:?}");
        assert!(
            run.stdout.contains("wide.toml:3:"),
            "{fill:?}: {}",
            &run.stdout[..run.stdout.len().min(500)]
        );
    }
}

#[test]
fn a_binary_file() {
    // Bytes from a fixed linear congruential generator: the same "random" file every time.
    let mut state: u32 = 0x2545_F491;
    let bytes: Vec<u8> = (0..100_000)
        .map(|_| {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (state >> 16) as u8
        })
        .collect();
    assert!(bytes.contains(&0));
    let run = check_generated("binary.toml", &bytes, &[]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("binary", run.shown());
    // Without a NUL byte it is still refused, as text that is not UTF-8.
    let no_nul: Vec<u8> = bytes.iter().map(|b| b | 0x80).collect();
    let run = check_generated("binary.toml", &no_nul, &[]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("not valid UTF-8"), "{}", run.stdout);
}

fn example_text() -> String {
    std::fs::read_to_string(common::root().join("arrangements/example/northmoor.toml")).unwrap()
}

#[test]
fn a_directory_of_good_files_is_fine() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("arrangements")).unwrap();
    std::fs::write(dir.path().join("arrangements/a.toml"), example_text()).unwrap();
    std::fs::write(dir.path().join("arrangements/b.toml"), example_text()).unwrap();
    let run = check_in(dir.path(), &["arrangements"]);
    assert_eq!(run.code, 0, "{}", run.shown());
    insta::assert_snapshot!("directory_of_good_files", run.shown());
}

#[test]
fn a_missing_file_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let run = check_in(dir.path(), &["missing.toml"]);
    assert_eq!(run.code, 2);
    insta::assert_snapshot!("missing_file", run.shown());
}

#[cfg(unix)]
fn make_unreadable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o000)).unwrap();
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("secret.toml");
    std::fs::write(&file, example_text()).unwrap();
    make_unreadable(&file);
    // As root, masa runs as `nobody`, whom the permissions do apply to.
    let run = check_unprivileged(dir.path(), &["secret.toml"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("masa: cannot check `secret.toml`: permission denied"),
        "{}",
        run.shown()
    );
}

#[cfg(unix)]
#[test]
fn symlink_loops_end_quickly_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    // A file that is a link to itself.
    std::os::unix::fs::symlink("loop.toml", dir.path().join("loop.toml")).unwrap();
    let run = check_in(dir.path(), &["loop.toml"]);
    assert_eq!(run.code, 2, "{}", run.shown());
    insta::assert_snapshot!("symlink_loop_file", run.shown());
}

/// A directory holding a link to itself is walked once: the link back is not followed again, so
/// each file is checked and reported once.
#[cfg(unix)]
#[test]
fn a_looping_directory_reports_each_file_once() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("d")).unwrap();
    std::fs::write(dir.path().join("d/a.toml"), example_text()).unwrap();
    std::os::unix::fs::symlink(".", dir.path().join("d/again")).unwrap();
    let report = json(&check_in(dir.path(), &["d", "--format", "json"]));
    assert_eq!(report["summary"]["files"], 1, "{report}");
}

// ---------------------------------------------------------------------------------------------
// Never loses data
// ---------------------------------------------------------------------------------------------

/// Every file under `dir` (following no links), with its bytes, in path order.
fn contents(dir: &Path) -> Vec<(PathBuf, Option<Vec<u8>>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            let meta = std::fs::symlink_metadata(&path).unwrap();
            let relative = path.strip_prefix(dir).unwrap().to_path_buf();
            if meta.is_dir() {
                stack.push(path);
                out.push((relative, None));
            } else {
                out.push((relative, std::fs::read(&path).ok()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn check_leaves_every_input_byte_for_byte_unchanged_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let copy = |from: &Path, to: &Path| {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() {
                std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
            }
        }
    };
    copy(
        &common::root().join("arrangements"),
        &dir.path().join("arrangements"),
    );
    copy(
        &common::root().join("arrangements/example"),
        &dir.path().join("arrangements/example"),
    );
    copy(
        &common::root().join("tests/bad-input"),
        &dir.path().join("bad-input"),
    );
    std::fs::write(
        dir.path().join("masa.toml"),
        "[lints]\nfunding-total = \"deny\"\n",
    )
    .unwrap();
    let before = contents(dir.path());
    assert!(before.len() > 20);
    for format in ["human", "json", "sarif", "github"] {
        let run = check_in(dir.path(), &["--format", format]);
        assert_eq!(run.code, 1, "{format}");
        let run = check_in(
            dir.path(),
            &["--format", format, "arrangements", "bad-input"],
        );
        assert_eq!(run.code, 1, "{format}");
    }
    assert_eq!(
        before,
        contents(dir.path()),
        "masa check changed or added a file"
    );
}

#[test]
fn a_directory_with_one_bad_file_still_checks_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("arrangements");
    std::fs::create_dir(&d).unwrap();
    std::fs::write(d.join("a-good.toml"), example_text()).unwrap();
    // The example with one comment saved as Latin-1 (`é` as the single byte 0xE9).
    let mut latin1 = example_text().into_bytes();
    latin1.extend_from_slice(b"# Reviewed at the Caf\xe9 Royal, 2026\n");
    std::fs::write(d.join("b-latin1.toml"), latin1).unwrap();
    std::fs::write(d.join("c-good.toml"), example_text()).unwrap();
    // Invalid UTF-8: reported as an error in that file (exit 1); the others are checked.
    let run = check_in(dir.path(), &["arrangements"]);
    assert_eq!(run.code, 1, "{}", run.shown());
    insta::assert_snapshot!("directory_with_invalid_utf8_file", run.shown());
    let report = json(&check_in(dir.path(), &["arrangements", "--format", "json"]));
    assert_eq!(report["summary"]["files"], 3);
    assert_eq!(
        report["files"][0]["diagnostics"].as_array().unwrap().len(),
        0
    );
    assert_eq!(
        report["files"][2]["diagnostics"].as_array().unwrap().len(),
        0
    );

    // An entry that cannot be read (a link to nothing, which even root cannot read): the
    // others are still checked and reported; masa could not read one of its inputs, so it
    // exits 2.
    #[cfg(unix)]
    {
        std::fs::remove_file(d.join("b-latin1.toml")).unwrap();
        std::os::unix::fs::symlink("nowhere.toml", d.join("b-dangling.toml")).unwrap();
        let run = check_in(dir.path(), &["arrangements"]);
        assert_eq!(run.code, 2, "{}", run.shown());
        insta::assert_snapshot!("directory_with_dangling_link", run.shown());
        let report = json(&check_in(dir.path(), &["arrangements", "--format", "json"]));
        assert_eq!(report["summary"]["files"], 2);
        assert_eq!(report["summary"]["unreadable"], 1);
        std::fs::remove_file(d.join("b-dangling.toml")).unwrap();
    }
    // An unreadable file (mode 000), where permissions apply.
    #[cfg(unix)]
    {
        let secret = d.join("b-secret.toml");
        std::fs::write(&secret, example_text()).unwrap();
        make_unreadable(&secret);
        let run = check_unprivileged(dir.path(), &["arrangements", "--format", "json"]);
        assert_eq!(run.code, 2);
        let report = json(&run);
        assert_eq!(report["summary"]["files"], 2);
        assert_eq!(report["summary"]["unreadable"], 1);
        let run = check_unprivileged(dir.path(), &["arrangements"]);
        assert_eq!(run.code, 2);
        assert!(run.stdout.contains("checked 2 files"), "{}", run.shown());
        assert!(
            run.stderr.contains("b-secret.toml`: permission denied"),
            "{}",
            run.shown()
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Things that are not regular files: a read of them would block (a named pipe) or never end
// (a device).

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_without_waiting_for_it() {
    let dir = tempfile::tempdir().unwrap();
    mkfifo(&dir.path().join("pipe.toml"));
    std::fs::write(dir.path().join("good.toml"), example_text()).unwrap();
    // Given as the path.
    let run = check_in(dir.path(), &["pipe.toml"]);
    assert_eq!(run.code, 2, "{}", run.shown());
    assert!(
        run.stderr.contains(
            "masa: cannot check `pipe.toml`: not a regular file (a named pipe); masa reads only files"
        ),
        "{}",
        run.shown()
    );
    // Found in a directory: listed as unreadable, the other file still checked.
    let run = check_in(dir.path(), &[".", "--format", "json"]);
    assert_eq!(run.code, 2, "{}", run.shown());
    let report = json(&run);
    assert_eq!(report["summary"]["files"], 1, "{report}");
    assert!(
        report["unreadable"].to_string().contains("named pipe"),
        "{report}"
    );
    // As the configuration.
    let run = check_in(dir.path(), &["--config", "pipe.toml", "good.toml"]);
    assert_eq!(run.code, 2, "{}", run.shown());
    assert!(
        run.stderr.contains(
            "cannot read the configuration `pipe.toml`: not a regular file (a named pipe)"
        ),
        "{}",
        run.shown()
    );
}

#[cfg(target_os = "linux")]
#[test]
fn a_device_is_refused_not_read_without_end() {
    let dir = tempfile::tempdir().unwrap();
    let run = check_in(dir.path(), &["/dev/zero"]);
    assert_eq!(run.code, 2, "{}", run.shown());
    assert!(
        run.stderr.contains("not a regular file (a device)"),
        "{}",
        run.shown()
    );
    std::fs::write(dir.path().join("good.toml"), example_text()).unwrap();
    let run = check_in(dir.path(), &["--config", "/dev/zero", "good.toml"]);
    assert_eq!(run.code, 2, "{}", run.shown());
    assert!(
        run.stderr.contains("not a regular file (a device)"),
        "{}",
        run.shown()
    );
}

/// A real tree 40 levels deep is walked in full: loops are found by device and inode, not by
/// depth (it was refused as "a symlink loop?" past 32 levels).
#[test]
fn a_deep_directory_tree_is_walked_in_full() {
    let dir = tempfile::tempdir().unwrap();
    let mut deep = dir.path().join("tree");
    for level in 0..40 {
        deep = deep.join(format!("level-{level}"));
    }
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::write(deep.join("deep.toml"), example_text()).unwrap();
    let run = check_in(dir.path(), &["tree", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.shown());
    assert_eq!(json(&run)["summary"]["files"], 1);
}

/// One file named three ways is checked and reported once.
#[cfg(unix)]
#[test]
fn one_file_named_several_ways_is_checked_once() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("d")).unwrap();
    std::fs::write(dir.path().join("d/a.toml"), example_text()).unwrap();
    std::os::unix::fs::symlink("a.toml", dir.path().join("d/link.toml")).unwrap();
    let run = check_in(
        &dir.path().join("d"),
        &[
            "a.toml",
            "./a.toml",
            "../d/a.toml",
            "link.toml",
            "--format",
            "json",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.shown());
    assert_eq!(json(&run)["summary"]["files"], 1, "{}", run.stdout);
}
