//! `masa render`: the published arrangements, generated from the checked file.
//!
//! A partnership that keeps its arrangements as a masa file can publish the document from it,
//! so that what was checked is what is published, and the structure chart is drawn from
//! `[[groups]]` instead of by hand. The page is one self-contained HTML file (or Markdown),
//! accessible by construction (the Public Sector Bodies (Websites and Mobile Applications)
//! (No. 2) Accessibility Regulations 2018 apply to partnership websites): `lang="en-GB"`, one
//! `h1` and ordered headings, tables with captions and header cells, the chart as SVG with a
//! title, a description and the same structure as a list, no JavaScript, and a
//! Content-Security-Policy that forbids scripts.
//!
//! This module comes after `check` in the pipeline: rendering a file reads it through the same
//! stages as `masa check` (load, structure, model) and runs the rules, whose findings the page
//! can show (`with_findings`) and the command line warns about or refuses on.
//!
//! ```
//! let toml = r#"
//! schema_version = 1
//! [partnership]
//! name = "Example Safeguarding Children Partnership"
//! published = 2024-09-27
//! [[groups]]
//! id = "board"
//! name = "Strategic <Board>"
//! meetings_per_year = 4
//! "#;
//! let options = masa::render::RenderOptions::default();
//! let rendered = masa::render::render("example.toml", toml.as_bytes(), &options).unwrap();
//! assert!(rendered.document.starts_with("<!DOCTYPE html>"));
//! assert!(rendered.document.contains("27 September 2024"));
//! assert!(rendered.document.contains("Strategic &lt;Board&gt;"));
//! // Findings are there for the command line to warn about; this file lacks a lot.
//! assert!(rendered.report.count(masa::Severity::Error) > 0);
//! ```

pub mod chart;
pub mod escape;
pub mod view;

use std::collections::BTreeMap;
use std::path::Path;

use minijinja::{AutoEscape, Environment, Value};

use crate::check::{Options, check_source, parse_model};
use crate::diag::Check;
use crate::report::FileReport;

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// One self-contained HTML page.
    #[default]
    Html,
    /// Markdown, with the chart as a nested list.
    Markdown,
}

/// The templates masa ships, embedded in the binary. A partnership can replace any of them
/// with a file of the same name in its template directory ([`Templates::from_dir`]).
pub const DEFAULT_TEMPLATES: &[(&str, &str)] = &[
    ("page.html", include_str!("templates/page.html")),
    ("header.html", include_str!("templates/header.html")),
    ("footer.html", include_str!("templates/footer.html")),
    ("style.css", include_str!("templates/style.css")),
    ("theme.css", ""),
    ("page.md", include_str!("templates/page.md")),
];

/// The templates a page is made with: masa's own, with a partnership's replacements.
#[derive(Debug, Clone, Default)]
pub struct Templates {
    replaced: BTreeMap<String, String>,
    logo: Option<String>,
}

/// The image files a template directory may hold as the logo, with their media types.
const LOGOS: &[(&str, &str)] = &[
    ("logo.svg", "image/svg+xml"),
    ("logo.png", "image/png"),
    ("logo.jpg", "image/jpeg"),
    ("logo.jpeg", "image/jpeg"),
    ("logo.gif", "image/gif"),
    ("logo.webp", "image/webp"),
];

/// The largest logo embedded: it goes into every page.
const MAX_LOGO_BYTES: u64 = 512 * 1024;

impl Templates {
    /// Reads a partnership's template directory: any of `page.html`, `header.html`,
    /// `footer.html`, `style.css`, `theme.css` (appended to the style: the place for colours)
    /// and `page.md` replaces masa's own, and `logo.svg`, `logo.png` or `logo.jpg` is embedded
    /// in the header. Other files are ignored.
    pub fn from_dir(dir: &Path) -> Result<Templates, String> {
        if !dir.is_dir() {
            return Err(format!(
                "the template directory `{}` does not exist",
                dir.display()
            ));
        }
        let mut templates = Templates::default();
        for (name, _) in DEFAULT_TEMPLATES {
            let path = dir.join(name);
            if path.is_file() {
                let text = std::fs::read_to_string(&path).map_err(|e| {
                    format!(
                        "cannot read `{}`: {}",
                        path.display(),
                        crate::check::describe_io(&e)
                    )
                })?;
                templates.replaced.insert((*name).to_owned(), text);
            }
        }
        for (name, media) in LOGOS {
            let path = dir.join(name);
            if !path.is_file() {
                continue;
            }
            let size = path.metadata().map(|m| m.len()).unwrap_or(0);
            if size > MAX_LOGO_BYTES {
                return Err(format!(
                    "the logo `{}` is {size} bytes; it is embedded in every page, so it may be at most {MAX_LOGO_BYTES}",
                    path.display()
                ));
            }
            let bytes = std::fs::read(&path).map_err(|e| {
                format!(
                    "cannot read `{}`: {}",
                    path.display(),
                    crate::check::describe_io(&e)
                )
            })?;
            templates.logo = Some(format!("data:{media};base64,{}", base64(&bytes)));
            break;
        }
        Ok(templates)
    }

    /// Replaces one template by name (for embedders).
    pub fn with(mut self, name: &str, text: &str) -> Templates {
        self.replaced.insert(name.to_owned(), text.to_owned());
        self
    }

    fn text(&self, name: &'static str, default: &'static str) -> String {
        self.replaced
            .get(name)
            .cloned()
            .unwrap_or_else(|| default.to_owned())
    }
}

/// How to render.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// HTML or Markdown.
    pub format: Format,
    /// Add a panel listing masa's findings for the document.
    pub with_findings: bool,
    /// The templates.
    pub templates: Templates,
    /// For Markdown: the file name of the chart's SVG written beside the document, to show it
    /// as an image above the list. `None` gives the list alone.
    pub chart_file: Option<String>,
    /// The check run on the document (its date judges date-dependent rules and is the date
    /// the page says it was generated).
    pub check: Options,
}

/// A rendered document.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// The page (HTML or Markdown).
    pub document: String,
    /// The structure chart as a standalone SVG file, when the document has groups.
    pub chart_svg: Option<String>,
    /// masa's findings for the document.
    pub report: FileReport,
}

/// Why a document could not be rendered.
#[derive(Debug)]
pub enum RenderError {
    /// The file cannot be read as arrangements (TOML syntax, structure): the report says why.
    Unreadable(Box<FileReport>),
    /// A template is wrong (a partnership's own template, usually): the engine's message.
    Template(String),
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenderError::Unreadable(report) => write!(
                f,
                "`{}` cannot be read as arrangements ({} problem(s)); `masa check` shows them",
                report.path,
                report.diagnostics.len()
            ),
            RenderError::Template(message) => write!(f, "template error: {message}"),
        }
    }
}

impl std::error::Error for RenderError {}

/// Renders one arrangements file: checks it (the findings come back in
/// [`Rendered::report`]), then makes the page from its model.
pub fn render(name: &str, bytes: &[u8], options: &RenderOptions) -> Result<Rendered, RenderError> {
    let report = check_source(name, bytes, &options.check);
    // What stops the check stops the page: a file too large, binary or not TOML is never
    // parsed again here (the size limit holds for rendering too).
    let stopped = [
        Check::TomlSyntax.id(),
        Check::FileTooLarge.id(),
        Check::Schema.id(),
    ];
    if report
        .diagnostics
        .iter()
        .any(|d| stopped.contains(&d.rule.as_str()))
    {
        return Err(RenderError::Unreadable(Box::new(report)));
    }
    let model = match std::str::from_utf8(bytes).ok().map(parse_model) {
        // A reference to an id that is not declared does not stop the page: the id is shown
        // and said to be undeclared, and the findings report it.
        Some(Ok((model, _references))) => model,
        _ => return Err(RenderError::Unreadable(Box::new(report))),
    };
    let today = options.check.today;
    let mut standalone = None;
    let mut page = view::page(
        &model.doc,
        |chart, title| {
            standalone = Some(chart::svg(
                chart,
                title,
                &chart_desc(
                    chart,
                    "The same structure is given as a list in the arrangements.",
                ),
                "structure-chart",
            ));
            chart::svg(
                chart,
                title,
                &chart_desc(
                    chart,
                    "The same structure is given as a list after the chart.",
                ),
                "structure-chart",
            )
        },
        today,
    );
    if options.with_findings {
        page.findings = Some(view::findings(&report));
    }
    if options.format == Format::Markdown {
        for s in &mut page.sections {
            for b in &mut s.blocks {
                if let view::Block::Chart(c) = b {
                    c.image = options.chart_file.clone();
                }
            }
        }
    }
    let document = fill(&page, options)?;
    Ok(Rendered {
        document,
        chart_svg: standalone,
        report,
    })
}

fn chart_desc(chart: &chart::Chart, list: &str) -> String {
    let n = chart.nodes.len();
    let groups = if n == 1 {
        "1 group".to_owned()
    } else {
        format!("{n} groups")
    };
    let lines = if chart.has_lines() {
        "Lines join each group to the group it reports to, which is drawn above it."
    } else {
        "No reporting lines between the groups are recorded."
    };
    format!(
        "{groups}, each in a box giving its name, chair, how often it meets and its scope. {lines} {list}"
    )
}

/// Fills the templates with the page.
fn fill(page: &view::Page, options: &RenderOptions) -> Result<String, RenderError> {
    let mut env = Environment::new();
    // HTML templates escape for HTML; Markdown ones for Markdown (a custom mode below); the
    // style sheet is never given values.
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".html") {
            AutoEscape::Html
        } else if name.ends_with(".md") {
            AutoEscape::Custom("markdown")
        } else {
            AutoEscape::None
        }
    });
    env.set_formatter(|out, state, value| {
        if state.auto_escape() == AutoEscape::Custom("markdown") && !value.is_safe() {
            if value.is_undefined() || value.is_none() {
                return Ok(());
            }
            return out
                .write_str(&escape::markdown(&value.to_string()))
                .map_err(|_| {
                    minijinja::Error::new(minijinja::ErrorKind::WriteFailure, "write failed")
                });
        }
        minijinja::escape_formatter(out, state, value)
    });
    // "Meets 4 times a year" inside a sentence, without lower-casing the names after it.
    env.add_filter("lower_first", |text: String| {
        let mut chars = text.chars();
        chars
            .next()
            .map_or(String::new(), |c| c.to_lowercase().chain(chars).collect())
    });
    env.add_filter("md_url", |url: String| {
        Value::from_safe_string(escape::markdown_destination(&url))
    });
    for (name, default) in DEFAULT_TEMPLATES {
        env.add_template_owned(*name, options.templates.text(name, default))
            .map_err(|e| RenderError::Template(describe(&e)))?;
    }
    let name = match options.format {
        Format::Html => "page.html",
        Format::Markdown => "page.md",
    };
    let template = env
        .get_template(name)
        .map_err(|e| RenderError::Template(describe(&e)))?;
    template
        .render(minijinja::context! {
            page => Value::from_serialize(page),
            logo => options.templates.logo.clone(),
        })
        .map_err(|e| RenderError::Template(describe(&e)))
}

fn describe(e: &minijinja::Error) -> String {
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text.push_str(&format!(": {s}"));
        source = s.source();
    }
    text
}

/// Standard base64 (RFC 4648), for embedding a logo as a `data:` address.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard_vectors() {
        for (input, expected) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(input.as_bytes()), expected);
        }
    }
}
