//! The documentation links point at something: `masa rules --format html --output DIR` writes
//! an accessible static page per rule and check, and with a documentation base configured
//! (`docs-url` in masa.toml or `--docs-url`) every `url` in the JSON and every `helpUri` in the
//! SARIF resolves to one of those pages and its anchor. With no base there is no link at all,
//! and the human report points to `masa explain RULE` instead.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

fn masa() -> Command {
    let mut cmd = Command::cargo_bin("masa").expect("binary built");
    cmd.current_dir(common::root())
        .env_remove("NO_COLOR")
        .env("COLUMNS", "100");
    cmd
}

/// Writes the pages into a fresh directory, through the command a partnership runs.
fn generate() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    masa()
        .args(["rules", "--format", "html", "--output"])
        .arg(dir.path())
        .assert()
        .code(0);
    dir
}

/// Every id a finding can carry and that has a page: the catalog and the pipeline's checks.
fn documented_ids() -> Vec<&'static str> {
    masa::rules::catalog()
        .iter()
        .map(|r| r.meta().id)
        .chain(masa::Check::ALL.iter().map(|c| c.id()))
        .collect()
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The tags of a page, in order: (name, the text inside `<…>`). Panics on a `<` that does not
/// start a tag masa writes, which is how unescaped text would show.
fn tags(page: &str, html: &str) -> Vec<(String, String)> {
    const KNOWN: &[&str] = &[
        "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "a", "main", "footer", "p",
        "h1", "h2", "h3", "dl", "dt", "dd", "pre", "code", "ul", "li", "table", "thead", "tbody",
        "tr", "th", "td", "strong",
    ];
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        let after = &rest[at + 1..];
        let end = after
            .find('>')
            .unwrap_or_else(|| panic!("{page}: `<` with no `>`"));
        let inner = &after[..end];
        let name = inner
            .trim_start_matches('/')
            .split(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        assert!(
            KNOWN.contains(&name),
            "{page}: `<{inner}>` is not a tag masa writes (unescaped text?)"
        );
        // The style sheet is text, not tags: skip to its end.
        if name == "style" && !inner.starts_with('/') {
            let close = after.find("</style>").expect("style closed");
            out.push((name.to_owned(), inner.to_owned()));
            rest = &after[close..];
            continue;
        }
        out.push((
            if inner.starts_with('/') {
                format!("/{name}")
            } else {
                name.to_owned()
            },
            inner.to_owned(),
        ));
        rest = &after[end + 1..];
    }
    out
}

fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

fn ids(html: &str) -> BTreeSet<String> {
    tags("", html)
        .iter()
        .filter_map(|(_, inner)| attribute(inner, "id").map(unescape))
        .collect()
}

#[test]
fn every_rule_and_check_has_an_accessible_page_with_its_anchor() {
    let dir = generate();
    let mut pages: BTreeMap<String, String> = BTreeMap::new();
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        pages.insert(name, std::fs::read_to_string(&path).unwrap());
    }
    let expected: BTreeSet<String> = documented_ids()
        .iter()
        .map(|id| format!("{id}.html"))
        .chain(["index.html".to_owned()])
        .collect();
    assert_eq!(
        pages.keys().cloned().collect::<BTreeSet<_>>(),
        expected,
        "one page per rule and check, and the index"
    );

    for (name, html) in &pages {
        assert!(
            html.starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\">"),
            "{name}: doctype and lang"
        );
        let lower = html.to_lowercase();
        // No script. (Links are checked below: each lands on a generated page, so none leaves
        // the directory for an address masa cannot vouch for.)
        // (`javascript:` as an address, not as words: link-scheme-safe's own page names it.)
        for forbidden in [
            "<script",
            "href=\"javascript:",
            "src=\"javascript:",
            " onclick=",
            " onload=",
        ] {
            assert!(!lower.contains(forbidden), "{name} holds `{forbidden}`");
        }
        let tags = tags(name, html);
        assert!(tags.iter().any(|(t, _)| t == "title"), "{name}: a title");
        assert!(
            tags.iter()
                .any(|(t, i)| t == "meta" && i.contains("charset=\"utf-8\"")),
            "{name}: charset"
        );
        assert!(
            tags.iter().any(|(t, _)| t == "main"),
            "{name}: a main landmark"
        );
        // One h1, first; headings never skip a level going down.
        let levels: Vec<u8> = tags
            .iter()
            .filter_map(|(t, _)| t.strip_prefix('h')?.parse().ok())
            .collect();
        assert_eq!(levels.first(), Some(&1), "{name}: the first heading is h1");
        assert_eq!(
            levels.iter().filter(|l| **l == 1).count(),
            1,
            "{name}: one h1"
        );
        for pair in levels.windows(2) {
            assert!(
                pair[1] <= pair[0] + 1,
                "{name}: heading h{} after h{}",
                pair[1],
                pair[0]
            );
        }
        // Ids are unique, and every link lands on a page and anchor that exist.
        let all: Vec<String> = tags
            .iter()
            .filter_map(|(_, inner)| attribute(inner, "id").map(unescape))
            .collect();
        assert_eq!(
            all.len(),
            all.iter().collect::<BTreeSet<_>>().len(),
            "{name}: duplicate id"
        );
        for (_, inner) in tags.iter().filter(|(t, _)| t == "a") {
            let href = unescape(attribute(inner, "href").expect("a link has an href"));
            let (file, anchor) = href.split_once('#').unwrap_or((&href, ""));
            let target = if file.is_empty() { name.as_str() } else { file };
            let target_html = pages
                .get(target)
                .unwrap_or_else(|| panic!("{name}: link to {href}: no such page"));
            if !anchor.is_empty() {
                assert!(
                    ids(target_html).contains(anchor),
                    "{name}: link to {href}: no such anchor"
                );
            }
        }
    }

    // Each page carries its id as the anchor of its heading, and the index a row with it.
    let index = ids(&pages["index.html"]);
    for id in documented_ids() {
        let page = &pages[&format!("{id}.html")];
        assert!(
            page.contains(&format!("<h1 id=\"{id}\"><code>{id}</code></h1>")),
            "{id}: heading anchor"
        );
        assert!(index.contains(id), "index.html has no anchor for {id}");
    }
}

#[test]
fn a_rule_page_holds_the_catalog_text_escaped() {
    let dir = generate();
    for rule in masa::rules::catalog() {
        let m = rule.meta();
        let html = std::fs::read_to_string(dir.path().join(format!("{}.html", m.id))).unwrap();
        let blocks: Vec<String> = html
            .split("<pre tabindex=\"0\"><code>")
            .skip(1)
            .map(|b| unescape(b.split("</code></pre>").next().unwrap()))
            .collect();
        assert_eq!(
            blocks,
            [
                masa::rules::docs::example_text(m.fails),
                masa::rules::docs::example_text(m.passes)
            ],
            "{}: the examples, exactly as `masa explain` shows them",
            m.id
        );
        assert!(
            html.contains(m.default_severity.as_str()),
            "{}: severity",
            m.id
        );
    }
}

/// A `file://` URL as a path.
fn url_path(url: &str) -> (PathBuf, String) {
    let rest = url
        .strip_prefix("file://")
        .unwrap_or_else(|| panic!("{url}: not the file:// base configured"));
    let (file, anchor) = rest.split_once('#').unwrap_or((rest, ""));
    (PathBuf::from(file), anchor.to_owned())
}

/// A URL resolves: its file exists, and the page carries the rule's id as an anchor (the
/// URL's own fragment, if it has one, or the rule id).
fn assert_resolves(url: &str, rule: &str) {
    let (path, anchor) = url_path(url);
    let html = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{url} for {rule}: {e}"));
    let anchors = ids(&html);
    let anchor = if anchor.is_empty() { rule } else { &anchor };
    assert!(anchors.contains(anchor), "{url}: no anchor `{anchor}`");
    assert!(anchors.contains(rule), "{url}: the page is not {rule}'s");
}

/// The inputs: the bundled arrangements, the fixtures and the bad-input corpus, so that
/// findings of the pipeline's checks and of many rules are among them.
const INPUTS: &[&str] = &["arrangements", "tests/fixtures", "tests/bad-input"];

fn check_json(extra: &[&str]) -> Value {
    let out = masa()
        .args(["check", "--format", "json", "--today", "2026-11-22"])
        .args(extra)
        .args(INPUTS)
        .output()
        .unwrap();
    assert!(matches!(out.status.code(), Some(1)), "{out:?}");
    serde_json::from_slice(&out.stdout).unwrap()
}

fn check_sarif(extra: &[&str]) -> Value {
    let out = masa()
        .args(["check", "--format", "sarif", "--today", "2026-11-22"])
        .args(extra)
        .args(INPUTS)
        .output()
        .unwrap();
    assert!(matches!(out.status.code(), Some(1)), "{out:?}");
    serde_json::from_slice(&out.stdout).unwrap()
}

fn diagnostics(json: &Value) -> Vec<&Value> {
    json["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().unwrap())
        .collect()
}

fn file_base(dir: &Path) -> String {
    format!("file://{}", dir.display())
}

/// Every link in JSON and SARIF output resolves, with the base from masa.toml and from
/// `--docs-url` alike.
#[test]
fn with_a_base_every_url_resolves_to_a_generated_page() {
    let dir = generate();
    let config_dir = tempfile::tempdir().unwrap();
    let config = config_dir.path().join("masa.toml");
    std::fs::write(
        &config,
        format!("docs-url = \"{}/\"\n", file_base(dir.path())),
    )
    .unwrap();
    let config_arg = config.to_string_lossy().into_owned();
    let flag = file_base(dir.path());
    for extra in [
        vec!["--config", config_arg.as_str()],
        vec!["--docs-url", flag.as_str()],
    ] {
        let json = check_json(&extra);
        let found = diagnostics(&json);
        assert!(found.len() > 50, "enough findings to mean something");
        let mut rules = BTreeSet::new();
        for d in found {
            let rule = d["rule"].as_str().unwrap();
            let url = d["url"]
                .as_str()
                .unwrap_or_else(|| panic!("{rule}: no url with a base configured"));
            assert_resolves(url, rule);
            rules.insert(rule.to_owned());
        }
        assert!(
            rules.contains("schema") && rules.contains("toml-syntax") && rules.len() > 15,
            "pipeline checks and rules among the findings: {rules:?}"
        );

        let sarif = check_sarif(&extra);
        let driver = &sarif["runs"][0]["tool"]["driver"];
        let (index, _) = url_path(driver["informationUri"].as_str().expect("informationUri"));
        assert!(index.ends_with("index.html") && index.is_file());
        let described: Vec<&Value> = driver["rules"].as_array().unwrap().iter().collect();
        for id in documented_ids() {
            let rule = described
                .iter()
                .find(|r| r["id"] == id)
                .unwrap_or_else(|| panic!("{id} not described"));
            assert_resolves(rule["helpUri"].as_str().expect("helpUri"), id);
        }
    }
}

/// With no base, no link at all: masa has no address of its own and never prints a
/// placeholder; the human report says how to read a rule's documentation instead.
#[test]
fn without_a_base_there_is_no_url_and_the_report_points_to_masa_explain() {
    let json = check_json(&[]);
    for d in diagnostics(&json) {
        assert!(d["url"].is_null(), "{d}");
    }
    let sarif = check_sarif(&[]);
    let text = sarif.to_string();
    for key in ["helpUri", "informationUri"] {
        assert!(!text.contains(key), "SARIF has {key} with no base");
    }

    let out = masa()
        .args([
            "check",
            "--color",
            "never",
            "tests/fixtures/three-problems.toml",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(!stdout.contains("://"), "{stdout}");
    assert!(
        stdout.ends_with(
            "`masa explain RULE` says what a rule checks, why it matters and how to pass it (e.g. `masa explain schema`)\n"
        ),
        "{stdout}"
    );
    // With a base, each finding shows its link instead, and the hint is not needed.
    let out = masa()
        .args([
            "check",
            "--color",
            "never",
            "--docs-url",
            "https://docs.example.org/masa/",
            "tests/fixtures/three-problems.toml",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("schema (https://docs.example.org/masa/schema.html)"),
        "{stdout}"
    );
    assert!(!stdout.contains("masa explain"), "{stdout}");
}

#[test]
fn a_base_that_is_not_an_absolute_address_is_refused() {
    let config_dir = tempfile::tempdir().unwrap();
    let config = config_dir.path().join("masa.toml");
    std::fs::write(&config, "docs-url = \"docs/rules\"\n").unwrap();
    masa()
        .args(["check", "arrangements/example/northmoor.toml", "--config"])
        .arg(&config)
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "docs-url: `docs/rules` is not an absolute address",
        ));
    masa()
        .args([
            "check",
            "arrangements/example/northmoor.toml",
            "--docs-url",
            "www.example.org",
        ])
        .assert()
        .code(2);
}

#[test]
fn html_needs_an_output_directory_and_other_formats_refuse_one() {
    masa()
        .args(["rules", "--format", "html"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--output DIR"));
    masa()
        .args(["rules", "--format", "json", "--output", "x"])
        .assert()
        .code(2);
}

/// No placeholder address anywhere in what masa is built from or documents.
#[test]
fn no_placeholder_domain_in_the_sources_or_docs() {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                out.push(path);
            }
        }
    }
    let root = common::root();
    let mut files = vec![root.join("README.md"), root.join("Cargo.toml")];
    for dir in ["src", "docs", "schemas"] {
        walk(&root.join(dir), &mut files);
    }
    // Split so that this file does not match itself.
    let placeholder = ["masa", ".invalid"].concat();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        assert!(
            !text.contains(&placeholder),
            "{} names the placeholder domain",
            file.display()
        );
    }
}
