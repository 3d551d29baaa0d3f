//! `masa render`: every bundled arrangement renders to HTML and Markdown; snapshots of the
//! Markdown and of the HTML's text structure (headings outline and tables); hostile values in
//! every field that reaches the page stay text in HTML, SVG and Markdown.

use std::path::{Path, PathBuf};

use masa::render::{Format, RenderOptions, render};

fn options(format: Format) -> RenderOptions {
    let mut o = RenderOptions {
        format,
        ..RenderOptions::default()
    };
    o.check.today = "2026-12-01".parse().unwrap();
    o
}

fn bundled() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|e| e == "toml") {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("arrangements"),
        &mut out,
    );
    out.sort();
    out
}

/// The text structure of a page: each heading indented by level, each table's caption,
/// header cells and rows, one line each. What a screen reader's headings and tables lists
/// would show.
fn outline(html: &str) -> String {
    let tag = regex::Regex::new(
        r"(?s)<(h[1-6])[^>]*>(.*?)</h[1-6]>|<caption>(.*?)</caption>|<tr>(.*?)</tr>",
    )
    .unwrap();
    let cell = regex::Regex::new(r"(?s)<(th|td)[^>]*>(.*?)</t[hd]>").unwrap();
    let strip = regex::Regex::new(r"<[^>]+>").unwrap();
    let text = |s: &str| {
        strip
            .replace_all(s, "")
            .replace("&amp;", "&")
            .replace("&#x27;", "'")
            .replace("&#39;", "'")
            .replace("&quot;", "\"")
            .replace("&#x2f;", "/")
    };
    let mut out = String::new();
    for c in tag.captures_iter(html) {
        if let (Some(h), Some(t)) = (c.get(1), c.get(2)) {
            let level: usize = h.as_str()[1..].parse().unwrap();
            out.push_str(&format!(
                "{}{} {}\n",
                "  ".repeat(level - 1),
                h.as_str(),
                text(t.as_str())
            ));
        } else if let Some(cap) = c.get(3) {
            out.push_str(&format!("    table: {}\n", text(cap.as_str())));
        } else if let Some(row) = c.get(4) {
            let cells: Vec<String> = cell
                .captures_iter(row.as_str())
                .map(|c| {
                    format!(
                        "{}:{}",
                        c.get(1).unwrap().as_str(),
                        text(c.get(2).unwrap().as_str())
                    )
                })
                .collect();
            out.push_str(&format!("      | {}\n", cells.join(" | ")));
        }
    }
    out
}

#[test]
fn every_bundled_arrangement_renders() {
    let files = bundled();
    assert!(files.len() >= 6, "{files:?}");
    let heading = regex::Regex::new(r"<h([1-6])").unwrap();
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let html = render(&name, &bytes, &options(Format::Html))
            .unwrap()
            .document;
        assert!(
            html.starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\">"),
            "{name}"
        );
        assert_eq!(html.matches("<h1>").count(), 1, "{name}: one h1");
        assert!(html.contains("Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:"));
        assert!(!html.contains("<script"), "{name}");
        assert!(
            !html.to_lowercase().contains("href=\"#\""),
            "{name}: no placeholder links"
        );
        // Headings never skip a level.
        let levels: Vec<usize> = heading
            .captures_iter(&html)
            .map(|c| c[1].parse().unwrap())
            .collect();
        for pair in levels.windows(2) {
            assert!(
                pair[1] <= pair[0] + 1,
                "{name}: heading h{} after h{}",
                pair[1],
                pair[0]
            );
        }
        insta::assert_snapshot!(format!("{name}.html-outline"), outline(&html));
        let md = render(&name, &bytes, &options(Format::Markdown))
            .unwrap()
            .document;
        assert!(md.starts_with("# "), "{name}");
        insta::assert_snapshot!(format!("{name}.md"), md);
    }
}

/// Values that try to break out of where they are written.
const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "\" onmouseover=\"alert(1)",
    "' onfocus='alert(1)",
    "</svg><script>alert(1)</script>",
    "</style><script>alert(1)</script>",
    "[click me](javascript:alert(1))",
    "![x](https://evil.example/x.png)",
    "<img src=x onerror=alert(1)>",
    "# heading\n\n<details open ontoggle=alert(1)>",
    "| a | b |",
    "&lt;script&gt;",
];

fn hostile_file(value: &str) -> String {
    let v = toml_string(value);
    format!(
        r#"schema_version = 1
[partnership]
name = {v}
area_description = {v}
url = "javascript:alert(1)"
website = "data:text/html,<script>alert(1)</script>"
principles = [{v}]
[[organisations]]
id = "council"
name = "Council {clean}"
kind = "local_authority"
[[roles]]
id = "chief"
title = {v}
organisation = "council"
[[partners]]
organisation = "council"
lead = "chief"
[[groups]]
id = "board"
name = {v}
chair = "chief"
frequency = {v}
[[groups]]
id = "sub"
name = {v}
reports_to = "board"
[[threshold_documents]]
title = {v}
url = "JaVaScRiPt:alert(1)"
[[procedures]]
title = {v}
url = "https://www.example.com/\"><script>alert(1)</script>"
[funding]
stated_total = 10
[[funding.contributions]]
organisation = "council"
amount = 10
listed_as = {v}
[[other_sections]]
heading = {v}
text = {v}
items = [{v}]
"#,
        clean = "of Example"
    )
}

fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[test]
fn hostile_values_stay_text_in_html_and_svg() {
    let handler = regex::Regex::new(r"<[a-z][^>]*\son[a-z]+\s*=").unwrap();
    for value in HOSTILE {
        let file = hostile_file(value);
        let rendered = render("hostile.toml", file.as_bytes(), &options(Format::Html))
            .unwrap_or_else(|e| panic!("{value}: {e}"));
        let html = &rendered.document;
        let lower = html.to_lowercase();
        assert!(!lower.contains("<script"), "{value}");
        assert!(!lower.contains("<img"), "{value}");
        assert!(!lower.contains("<details"), "{value}");
        assert!(!lower.contains("javascript:alert(1)\""), "{value}");
        assert!(
            !lower.contains("href=\"javascript") && !lower.contains("href=\"data"),
            "{value}"
        );
        // No tag carries an event handler (every `<` from a value is escaped, so any tag is masa's).
        assert!(!handler.is_match(&lower), "{value}");
        assert!(
            lower.contains("onmouseover") || !value.contains("onmouseover"),
            "the value is still shown, as text"
        );
        assert_eq!(html.matches("</svg>").count(), 1, "{value}");
        assert_eq!(html.matches("</style>").count(), 1, "{value}");
        // The one href with an http address is escaped inside its attribute.
        assert!(
            !html.contains("<a href=\"https://www.example.com/\">"),
            "{value}"
        );
        let svg = rendered.chart_svg.unwrap();
        assert!(!svg.to_lowercase().contains("<script"), "{value}");
        assert_eq!(svg.matches("</svg>").count(), 1, "{value}");
        // The unsafe addresses are shown as text and said not to be links.
        assert!(html.contains("which is not a web address"), "{value}");
    }
}

#[test]
fn hostile_values_stay_text_in_markdown() {
    let raw_html = regex::Regex::new(r"(^|[^\\])<[a-zA-Z/!]").unwrap();
    for value in HOSTILE {
        let file = hostile_file(value);
        let md = render("hostile.toml", file.as_bytes(), &options(Format::Markdown))
            .unwrap()
            .document;
        for line in md.lines() {
            assert!(
                !raw_html.is_match(line) || line.contains("](<"),
                "{value}: raw HTML in {line:?}"
            );
        }
        // No link or image is made from a value: every `](` comes from masa's own links.
        for (at, _) in md.match_indices("](") {
            if md[..at].ends_with('\\') {
                continue; // an escaped `\]`: text
            }
            let rest = &md[at..];
            assert!(
                rest.starts_with("](<https://")
                    || rest.starts_with("](<http://")
                    || rest.starts_with("](<mailto:"),
                "{value}: link {:?}",
                &rest[..rest.len().min(40)]
            );
        }
        // Table rows keep their column count: a `|` in a value is escaped.
        for line in md.lines().filter(|l| l.starts_with("| ")) {
            let cells = line.replace("\\|", "").matches('|').count();
            assert!(cells == 4 || cells == 5, "{value}: {line}");
        }
    }
}

#[test]
fn findings_are_shown_on_request_and_a_broken_file_is_refused() {
    let file = hostile_file("Example");
    let mut o = options(Format::Html);
    o.with_findings = true;
    let r = render("x.toml", file.as_bytes(), &o).unwrap();
    assert!(
        r.document
            .contains("<h2 id=\"findings\">Findings by masa</h2>")
    );
    assert!(r.document.contains("link-scheme-safe") || r.document.contains("link-not-placeholder"));
    let none = render("x.toml", file.as_bytes(), &options(Format::Html)).unwrap();
    assert!(!none.document.contains("Findings by masa"));
    let broken = render(
        "x.toml",
        b"schema_version = 1\n[partnership\n",
        &options(Format::Html),
    );
    assert!(matches!(
        broken,
        Err(masa::render::RenderError::Unreadable(_))
    ));
    let wrong = render(
        "x.toml",
        b"schema_version = 1\n[partnership]\nname = 3\n",
        &options(Format::Html),
    );
    assert!(wrong.is_err());
    // The size limit holds for rendering too.
    let mut small = options(Format::Html);
    small.check.max_file_size = 10;
    let too_large = render(
        "x.toml",
        b"schema_version = 1\n[partnership]\nname = \"A\"\n",
        &small,
    );
    assert!(
        matches!(&too_large, Err(masa::render::RenderError::Unreadable(r)) if r.diagnostics[0].rule == "file-too-large"),
        "{too_large:?}"
    );
}

#[test]
fn funding_shows_both_figures_where_they_differ() {
    let file = r#"schema_version = 1
[partnership]
name = "Example"
[[organisations]]
id = "a"
name = "Council A"
kind = "local_authority"
[[organisations]]
id = "b"
name = "Police B"
kind = "police"
[funding]
stated_total = "£1,500"
[[funding.contributions]]
organisation = "a"
amount = "£1,000"
stated_percent = 60
[[funding.contributions]]
organisation = "b"
amount = "£600"
stated_percent = 37.5
"#;
    let html = render("f.toml", file.as_bytes(), &options(Format::Html))
        .unwrap()
        .document;
    assert!(
        html.contains("<strong>£1,500.00 (differs)</strong>"),
        "{html}"
    );
    assert!(html.contains("£1,600.00"));
    assert!(html.contains("The stated total, £1,500.00, differs from the total of the contributions, £1,600.00, by £100.00."));
    assert!(html.contains("<strong>60% (differs)</strong>"));
    assert!(html.contains("62.5%"));
    // 37.5 is right.
    assert!(html.contains(">37.5%<"));
    assert!(
        html.contains("<caption>Contributions to the partnership's funding</caption>")
            || html.contains("<caption>Contributions to the partnership&#x27;s funding</caption>")
    );
}

#[test]
fn a_template_directory_replaces_the_header_and_colours() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("header.html"),
        "<header class=\"mine\"><p>{{ page.title }} — our header</p></header>",
    )
    .unwrap();
    std::fs::write(dir.path().join("theme.css"), ":root { --brand: #4c2c92; }").unwrap();
    std::fs::write(
        dir.path().join("logo.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    )
    .unwrap();
    let mut o = options(Format::Html);
    o.templates = masa::render::Templates::from_dir(dir.path()).unwrap();
    let html = render(
        "x.toml",
        b"schema_version = 1\n[partnership]\nname = \"A & B\"\n",
        &o,
    )
    .unwrap()
    .document;
    assert!(html.contains("<header class=\"mine\"><p>A &amp; B — our header</p></header>"));
    assert!(html.contains("--brand: #4c2c92;"));
    assert!(!html.contains("<p class=\"masthead-name\">"));
    assert!(masa::render::Templates::from_dir(&dir.path().join("missing")).is_err());
    // Embedders replace a template in code.
    o.templates =
        masa::render::Templates::default().with("footer.html", "<footer><p>Ours</p></footer>");
    let html = render(
        "x.toml",
        b"schema_version = 1\n[partnership]\nname = \"A\"\n",
        &o,
    )
    .unwrap()
    .document;
    assert!(
        html.contains("<footer><p>Ours</p></footer>")
            && !html.contains("<footer class=\"page-footer\">")
    );
    // A logo alone goes into masa's own header, embedded (the page stays one file).
    let logo_only = tempfile::tempdir().unwrap();
    std::fs::write(logo_only.path().join("logo.png"), b"\x89PNG").unwrap();
    o.templates = masa::render::Templates::from_dir(logo_only.path()).unwrap();
    let html = render(
        "x.toml",
        b"schema_version = 1\n[partnership]\nname = \"A & B\"\n",
        &o,
    )
    .unwrap()
    .document;
    assert!(
        html.contains("<img class=\"logo\" src=\"data:image&#x2f;png;base64,iVBORw==\" alt=\"A &amp; B logo\">"),
        "{html}"
    );
}

fn masa() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("masa").expect("binary built");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

#[test]
fn the_command_renders_to_stdout_and_warns_about_errors() {
    use predicates::prelude::*;
    // The example passes every rule: no warning.
    masa()
        .args([
            "render",
            "arrangements/example/northmoor.toml",
            "--today",
            "2026-12-01",
        ])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("<!DOCTYPE html>"))
        .stderr("");
    // Bedford Borough's published document has errors: rendered, with a warning.
    masa()
        .args([
            "render",
            "arrangements/bedford-borough.toml",
            "--today",
            "2026-12-01",
            "--format",
            "markdown",
        ])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "# Bedford Borough Safeguarding Children Partnership",
        ))
        .stderr(predicate::str::contains(
            "masa: warning: `arrangements/bedford-borough.toml` has",
        ));
    // --deny-errors refuses it.
    masa()
        .args([
            "render",
            "arrangements/bedford-borough.toml",
            "--today",
            "2026-12-01",
            "--deny-errors",
        ])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("not rendered (--deny-errors)"));
}

#[test]
fn the_command_writes_markdown_and_the_chart_into_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    masa()
        .args([
            "render",
            "arrangements/example/northmoor.toml",
            "--today",
            "2026-12-01",
            "--format",
            "markdown",
            "--output",
        ])
        .arg(dir.path())
        .assert()
        .success();
    let md = std::fs::read_to_string(dir.path().join("northmoor.md")).unwrap();
    let svg = std::fs::read_to_string(dir.path().join("northmoor-structure.svg")).unwrap();
    assert!(
        md.contains("](<northmoor-structure.svg>)") || md.contains("](northmoor-structure.svg)"),
        "{md}"
    );
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.contains("<title id=\"structure-chart-title\">Structure chart of Northmoor Safeguarding Children Partnership</title>"));
    // Nothing else is left behind (the writes are atomic, through a temporary file).
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
}

#[test]
fn the_command_refuses_what_it_cannot_render() {
    use predicates::prelude::*;
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.toml");
    std::fs::write(&broken, "schema_version = 1\n[partnership\n").unwrap();
    masa()
        .arg("render")
        .arg(&broken)
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("cannot be read as arrangements"));
    masa()
        .args(["render", "no-such-file.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read `no-such-file.toml`"));
    masa()
        .args([
            "render",
            "arrangements/example/northmoor.toml",
            "--template",
            "no-such-dir",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("does not exist"));
    // A template with a syntax error is reported, not a panic.
    std::fs::write(dir.path().join("header.html"), "{% if %}").unwrap();
    masa()
        .args([
            "render",
            "arrangements/example/northmoor.toml",
            "--template",
        ])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("template error"));
    // The output is never the input.
    let copy = dir.path().join("copy.toml");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("arrangements/example/northmoor.toml"),
        &copy,
    )
    .unwrap();
    masa()
        .arg("render")
        .arg(&copy)
        .arg("--output")
        .arg(&copy)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is the arrangements file itself"));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 48, ..Default::default() })]

    /// Any text at all, in every field that reaches the page, renders without a panic and
    /// stays text: no tag with an event handler, no script, one SVG, and no raw HTML in the
    /// Markdown.
    #[test]
    fn any_text_renders_as_text(value in "(?s).{0,40}|[<>\"'&|\\\\`*_\\[\\]()#!:/ a-z-]{0,40}") {
        let file = hostile_file(&value);
        let handler = regex::Regex::new(r"<[a-z][^>]*\son[a-z]+\s*=").unwrap();
        let rendered = render("p.toml", file.as_bytes(), &options(Format::Html));
        // Only the empty text is refused (names and titles are at least one character).
        proptest::prop_assert_eq!(rendered.is_ok(), !value.is_empty());
        if let Ok(r) = rendered {
            let lower = r.document.to_lowercase();
            proptest::prop_assert!(!lower.contains("<script"));
            proptest::prop_assert!(!handler.is_match(&lower));
            proptest::prop_assert_eq!(r.document.matches("</svg>").count(), 1);
            let md = render("p.toml", file.as_bytes(), &options(Format::Markdown)).unwrap().document;
            let raw_html = regex::Regex::new(r"(^|[^\\])<[a-zA-Z/!?]").unwrap();
            for line in md.lines() {
                proptest::prop_assert!(!raw_html.is_match(line) || line.contains("](<"), "{}", line);
            }
        }
    }
}

/// The hostile file CI validates as HTML and checks with axe-core renders, and stays text.
#[test]
fn the_hostile_fixture_for_ci_renders_as_text() {
    let bytes =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/render-hostile.toml"))
            .unwrap();
    let html = render("render-hostile.toml", &bytes, &options(Format::Html))
        .unwrap()
        .document;
    assert!(html.contains("&lt;/svg&gt;&lt;/style&gt;&lt;script&gt;"));
    assert!(!html.to_lowercase().contains("<script"));
    assert_eq!(html.matches("</svg>").count(), 1);
    assert_eq!(html.matches("</style>").count(), 1);
}
