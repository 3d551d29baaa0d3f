//! `masa check --fix`: the findings' mechanical fixes, applied to the text and written back
//! atomically, with the file's comments and layout kept.
//!
//! Every fix is an edit of a precise byte range (a key, a value, the words of a text): the
//! bytes outside the ranges are copied as they are, so comments, blank lines, key order and
//! quoting elsewhere are untouched by construction. After each round the text is checked again,
//! and a round that would make the file worse (a syntax error where it parsed, a schema error
//! where it matched the schema) is undone and its fixes are tried one at a time. Rounds repeat
//! until no fix applies (one fix can reveal the next: a file that did not parse is read further
//! once its quotes are plain).
//!
//! Facts a person must decide (totals, percentages, dates, who signed) never carry a fix.

use std::path::Path;

use crate::check::{Options, check_source};
use crate::diag::{Applicability, Diagnostic, Fix, apply_fixes};

/// At most this many rounds of fixing one file: each round applies at least one fix, and a
/// file needs one round per line of curly quotes at worst; the bound is a guard.
pub const MAX_ROUNDS: usize = 64;

/// Which fixes to apply.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FixMode {
    /// Apply unsafe fixes too (`--unsafe-fixes`).
    pub unsafe_fixes: bool,
}

impl FixMode {
    /// Whether a fix of this applicability is applied.
    pub fn applies(self, applicability: Applicability) -> bool {
        applicability == Applicability::Safe || self.unsafe_fixes
    }
}

/// One fix that was applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    /// The rule of the finding it mended.
    pub rule: String,
    /// What it did.
    pub title: String,
}

/// What fixing one document gave.
#[derive(Debug, Clone)]
pub struct Fixed {
    /// The text after every fix.
    pub text: String,
    /// The fixes applied, in order.
    pub applied: Vec<Applied>,
    /// Unsafe fixes left (offered, not applied because `--unsafe-fixes` was not given).
    pub unsafe_left: usize,
}

impl Fixed {
    /// Whether anything changed.
    pub fn changed(&self, original: &str) -> bool {
        self.text != original
    }
}

/// How far through the pipeline a document's findings show it got: 0 it does not parse,
/// 1 it does not match the schema or its references do not resolve, 2 only the rules'
/// findings, 3 none.
fn stage(findings: &[Diagnostic]) -> u8 {
    findings
        .iter()
        .map(|d| match d.rule.as_str() {
            "toml-syntax" | "file-too-large" => 0,
            "schema" | "unknown-reference" | "duplicate-id" => 1,
            _ => 2,
        })
        .min()
        .unwrap_or(3)
}

fn findings(name: &str, text: &str, options: &Options) -> Vec<Diagnostic> {
    check_source(name, text.as_bytes(), options).diagnostics
}

/// Fixes a document's text: checks it, applies the fixes `mode` allows, checks again, until no
/// fix applies. `name` names the document in the checks.
pub fn fix_text(name: &str, text: &str, options: &Options, mode: FixMode) -> Fixed {
    let mut text = text.to_owned();
    let mut applied = Vec::new();
    let mut found = findings(name, &text, options);
    for _ in 0..MAX_ROUNDS {
        let fixes: Vec<(&Diagnostic, &Fix)> = found
            .iter()
            .filter_map(|d| Some((d, d.fix.as_ref()?)))
            .filter(|(_, f)| mode.applies(f.applicability))
            .collect();
        if fixes.is_empty() {
            break;
        }
        let before = stage(&found);
        let mut round: Option<(String, Vec<Applied>, Vec<Diagnostic>)> = None;
        let (all, took) = apply_fixes(&text, fixes.iter().map(|(_, f)| *f));
        if !took.is_empty() && all != text {
            let after = findings(name, &all, options);
            if stage(&after) >= before {
                let took = took
                    .into_iter()
                    .map(|i| Applied {
                        rule: fixes[i].0.rule.clone(),
                        title: fixes[i].1.title.clone(),
                    })
                    .collect();
                round = Some((all, took, after));
            }
        }
        if round.is_none() {
            // Together they make the file worse: take the first fix that alone does not (the
            // others' spans refer to the old text, so they wait for the next round).
            round = fixes.iter().find_map(|(d, f)| {
                let (one, took) = apply_fixes(&text, [*f]);
                if took.is_empty() || one == text {
                    return None;
                }
                let after = findings(name, &one, options);
                let applied = Applied {
                    rule: d.rule.clone(),
                    title: f.title.clone(),
                };
                (stage(&after) >= before).then(|| (one, vec![applied], after))
            });
        }
        let Some((next, took, after)) = round else {
            break;
        };
        text = next;
        applied.extend(took);
        found = after;
    }
    let unsafe_left = found
        .iter()
        .filter(|d| {
            d.fix
                .as_ref()
                .is_some_and(|f| !mode.applies(f.applicability))
        })
        .count();
    Fixed {
        text,
        applied,
        unsafe_left,
    }
}

/// Writes `text` to `path` atomically: to a new temporary file in the same directory, flushed
/// to disk, with the original's permissions, then renamed over the original. A reader sees the
/// old file or the new one, never half of one; on any failure the original is untouched and
/// the temporary file removed.
///
/// A symbolic link is followed: the file it points to is replaced, and the link stays a link.
pub fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write as _;
    let target = std::fs::canonicalize(path)?;
    let path = target.as_path();
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "arrangements".to_owned());
    let permissions = std::fs::metadata(path)?.permissions();
    let mut attempt = 0u32;
    let (temp, mut file) = loop {
        let temp = dir.join(format!(
            ".{name}.masa-fix-{}-{attempt}.tmp",
            std::process::id()
        ));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
        {
            Ok(file) => break (temp, file),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => {
                attempt += 1;
            }
            Err(e) => return Err(e),
        }
    };
    let written = file
        .write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .and_then(|()| std::fs::set_permissions(&temp, permissions))
        .and_then(|()| {
            drop(file);
            std::fs::rename(&temp, path)
        });
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written
}

/// A unified diff of `before` and `after`, labelled with the file's path, with three lines of
/// context (empty when they are equal).
#[cfg(feature = "cli")]
pub fn unified_diff(path: &str, before: &str, after: &str) -> String {
    if before == after {
        return String::new();
    }
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> Options {
        Options {
            today: crate::Day::new(2026, 12, 1).expect("a date"),
            ..Options::default()
        }
    }

    const DOC: &str = "schema_version = 1\n# who we are\n[partnership]\nname = \"Example Safeguarding Children Partnership\"\npublshed = 2025-01-10 # as on the website\n";

    #[test]
    fn a_misspelt_key_is_renamed_and_nothing_else_moves() {
        let fixed = fix_text("a.toml", DOC, &options(), FixMode::default());
        assert_eq!(fixed.text, DOC.replace("publshed", "published"));
        assert_eq!(fixed.applied.len(), 1);
        assert_eq!(fixed.applied[0].rule, "schema");
        let again = fix_text("a.toml", &fixed.text, &options(), FixMode::default());
        assert!(again.applied.is_empty(), "{:?}", again.applied);
        assert_eq!(again.text, fixed.text);
    }

    #[test]
    fn curly_quotes_on_several_lines_are_fixed_round_after_round() {
        let text = "schema_version = 1\n[partnership]\nname = “Example Safeguarding Children Partnership”\npublished = 2025-01-10\nwebsite = “https://example.org/”\n";
        let fixed = fix_text("a.toml", text, &options(), FixMode::default());
        assert_eq!(fixed.text, text.replace(['“', '”'], "\""));
        assert_eq!(fixed.applied.len(), 2);
    }

    #[test]
    fn the_edition_is_changed_only_when_unsafe_fixes_are_asked_for() {
        let text = "schema_version = 1\n[partnership]\nname = \"Example Safeguarding Children Partnership\"\nguidance_edition = \"wt2018\"\npublished = 2024-09-27\n";
        let safe = fix_text("a.toml", text, &options(), FixMode::default());
        assert_eq!(safe.text, text);
        assert_eq!(safe.unsafe_left, 1);
        let all = fix_text("a.toml", text, &options(), FixMode { unsafe_fixes: true });
        assert_eq!(all.text, text.replace("wt2018", "wt2023"));
        assert_eq!(all.unsafe_left, 0);
    }

    #[test]
    fn a_near_miss_of_an_id_is_an_unsafe_fix_and_only_when_one_id_is_nearest() {
        let roles = "schema_version = 1\n[partnership]\nname = \"Example Safeguarding Children Partnership\"\n[[roles]]\nid = \"dcs\"\ntitle = \"Director\"\n[[groups]]\nid = \"board\"\nname = \"Board\"\nchair = \"dsc\"\n";
        let safe = fix_text("a.toml", roles, &options(), FixMode::default());
        assert_eq!(safe.text, roles);
        assert_eq!(safe.unsafe_left, 1);
        let all = fix_text("a.toml", roles, &options(), FixMode { unsafe_fixes: true });
        assert_eq!(
            all.text,
            roles.replace("chair = \"dsc\"", "chair = \"dcs\"")
        );
        // Two ids as near: a person chooses.
        let two = roles
            .replace(
                "[[groups]]",
                "[[roles]]\nid = \"dca\"\ntitle = \"Deputy\"\n[[groups]]",
            )
            .replace("chair = \"dsc\"", "chair = \"dcx\"");
        let none = fix_text("a.toml", &two, &options(), FixMode { unsafe_fixes: true });
        assert_eq!(none.text, two);
    }

    /// A rule of an embedder whose fix breaks the file: it must never be written.
    struct BreaksTheFile;

    static BREAKS: crate::rules::RuleMeta = crate::rules::RuleMeta {
        id: "breaks-the-file",
        level: crate::rules::Level::Quality,
        default_severity: crate::Severity::Warning,
        summary: "A test rule whose fix leaves a string unclosed.",
        citation: "none",
        editions: crate::rules::ALL_EDITIONS,
        enabled: true,
        fix: Some(Applicability::Safe),
        what: "-",
        why: "-",
        fails: "-",
        passes: "-",
    };

    impl crate::rules::Rule for BreaksTheFile {
        fn meta(&self) -> &crate::rules::RuleMeta {
            &BREAKS
        }
        fn check(&self, cx: &crate::rules::Context<'_>, out: &mut Vec<Diagnostic>) {
            let name = cx.model.doc.partnership.name.span();
            out.push(
                crate::rules::finding(&BREAKS, name.clone(), "test").with_fix(Fix::safe(
                    "break it",
                    name,
                    "\"unclosed",
                )),
            );
        }
    }

    #[test]
    fn a_fix_that_would_make_the_file_worse_is_not_applied_and_the_others_are() {
        let options = options().with_rule(&BreaksTheFile);
        let text = "schema_version = 1\n[partnership]\nname = \"Example Safeguarding Children Partnership\"\nagreed_by = \"the Lead Strategic Partners\"\n";
        let fixed = fix_text("a.toml", text, &options, FixMode::default());
        assert_eq!(
            fixed.text,
            text.replace("Lead Strategic", "Lead Safeguarding"),
            "the good fix is applied, the breaking one is not"
        );
        let rules: Vec<&str> = fixed.applied.iter().map(|a| a.rule.as_str()).collect();
        assert_eq!(rules, ["acronym-expansion"]);
    }

    #[test]
    fn a_record_of_a_past_document_is_not_rewritten() {
        let text = "schema_version = 1\n[partnership]\nname = \"Example Safeguarding Children Partnership\"\nsuperseded_by = \"the 2024 arrangements\"\npublished = 2019-06-01\n[[organisations]]\nid = \"panel\"\nname = \"National Child Safeguarding Practice Review Panel\"\nkind = \"national_body\"\n";
        let found = check_source("a.toml", text.as_bytes(), &options()).diagnostics;
        assert!(
            found.iter().any(|d| d.rule == "panel-name"),
            "the record is still read: {found:#?}"
        );
        let fixed = fix_text("a.toml", text, &options(), FixMode { unsafe_fixes: true });
        assert_eq!(fixed.text, text);
    }

    #[test]
    fn atomic_write_replaces_the_file_and_leaves_no_temporary() {
        let dir = std::env::temp_dir().join(format!("masa-fix-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("a.toml");
        std::fs::write(&path, "old").unwrap();
        write_atomically(&path, "new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        let left: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
        assert_eq!(left.len(), 1);
        #[cfg(unix)]
        {
            let link = dir.join("link.toml");
            std::os::unix::fs::symlink(&path, &link).unwrap();
            write_atomically(&link, "through the link").unwrap();
            assert!(
                std::fs::symlink_metadata(&link)
                    .unwrap()
                    .file_type()
                    .is_symlink()
            );
            assert_eq!(std::fs::read_to_string(&path).unwrap(), "through the link");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
