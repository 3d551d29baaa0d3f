//! The national registries' names, misquotations and false statements of law, found in a text
//! in one pass.
//!
//! Every literal pattern of `obsolete.toml`, `titles.toml` (`[[misquote]]`) and
//! `false_law.toml` goes into one Aho-Corasick automaton, searched once over the text as the
//! registries say to read it (" " + the lower-cased text, the typographic apostrophe ’ read as
//! "'" and "&" as "and"). The case-insensitive regular expressions (families of misquotations
//! and claims) run over that same normalised text, compiled without case folding; the
//! case-sensitive ones (initialisms) over the text itself. Each expression has its own literal
//! prefilter, so texts without its words cost a scan. All are linear in the text and built once
//! per process.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
// Byte regexes with Unicode off: the registries' expressions are ASCII words, and compiling
// Unicode classes and case folding for them cost most of a one-file run's time at start-up.
use regex::bytes::{Regex, RegexBuilder};

use crate::rules::data::registries;

/// Which registry entry a place belongs to: its index in its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Entry {
    /// An `[[entry]]` of obsolete.toml.
    Obsolete(usize),
    /// A `[[misquote]]` of titles.toml.
    Misquote(usize),
    /// A `[[claim]]` of false_law.toml.
    Claim(usize),
}

/// One place where an entry's pattern occurs: byte offsets into the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    /// The entry.
    pub entry: Entry,
    /// Where the match starts.
    pub start: usize,
    /// Where it ends.
    pub end: usize,
}

struct Matcher {
    literals: AhoCorasick,
    /// For each literal: the entries it belongs to, and whether it starts with a space (matched
    /// at the start of a word; the space is not part of the place).
    literal_entries: Vec<(Vec<Entry>, bool)>,
    /// Case-insensitive expressions, run over the normalised (lower-cased) text: compiled
    /// without case folding, their literal prefilters are a fraction of the cost to build.
    /// Each is compiled on first need: only once a text holds the words every match of it
    /// must contain (building them all was a third of a one-file run).
    folded: Vec<Folded>,
    /// Case-sensitive expressions (initialisms, a misquote that differs only in case), run
    /// over the text itself.
    exact: Vec<(Entry, Regex)>,
}

/// A case-insensitive expression of the registries, compiled when first needed.
struct Folded {
    entry: Entry,
    /// Words every match contains (see [`required_words`]); none if nothing is certain.
    required: Option<String>,
    pattern: String,
    compiled: std::sync::OnceLock<Option<Regex>>,
}

impl Folded {
    /// The expression, compiled once; `None` if it does not compile (a test holds every
    /// registry expression to compiling).
    fn regex(&self) -> Option<&Regex> {
        self.compiled
            .get_or_init(|| RegexBuilder::new(&self.pattern).unicode(false).build().ok())
            .as_ref()
    }
}

/// The longest run of plain characters that every match of `pattern` must contain: a run at
/// the top level of the expression (not inside a group or class, and not made optional by a
/// quantifier after it). `None` where the expression has a top-level alternative (`a|b`) or
/// no run of three characters or more. Conservative: a text without the run cannot match.
fn required_words(pattern: &str) -> Option<String> {
    let mut best = String::new();
    let mut run = String::new();
    let mut depth = 0usize;
    let mut chars = pattern.chars().peekable();
    let end_run = |run: &mut String, best: &mut String| {
        if run.len() > best.len() {
            best.clone_from(run);
        }
        run.clear();
    };
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                // An escape (\b, \s, \.) is not plain text: it ends the run.
                chars.next();
                end_run(&mut run, &mut best);
            }
            '(' => {
                depth += 1;
                end_run(&mut run, &mut best);
            }
            ')' => {
                depth = depth.saturating_sub(1);
                // A group may be optional or repeated: what follows starts a new run.
                end_run(&mut run, &mut best);
            }
            '[' => {
                end_run(&mut run, &mut best);
                // Skip the class, escapes included.
                while let Some(k) = chars.next() {
                    if k == '\\' {
                        chars.next();
                    } else if k == ']' {
                        break;
                    }
                }
            }
            '|' if depth == 0 => return None,
            '?' | '*' | '{' => {
                // The character before is optional.
                run.pop();
                end_run(&mut run, &mut best);
                if c == '{' {
                    for k in chars.by_ref() {
                        if k == '}' {
                            break;
                        }
                    }
                }
            }
            '+' | '.' | '^' | '$' | '|' => end_run(&mut run, &mut best),
            _ if depth == 0 => run.push(c),
            _ => {}
        }
    }
    end_run(&mut run, &mut best);
    (best.trim().len() >= 3).then(|| best.trim().to_owned())
}

fn build() -> Option<Matcher> {
    let r = registries();
    let mut literals: Vec<String> = Vec::new();
    let mut literal_entries: Vec<(Vec<Entry>, bool)> = Vec::new();
    let mut add_literal = |pattern: &str, entry: Entry| {
        // Without the space `normalise` puts before a text; a pattern's own leading space stays.
        let p = normalise(pattern).0.split_off(1);
        match literals.iter().position(|l| *l == p) {
            Some(i) => literal_entries[i].0.push(entry),
            None => {
                literal_entries.push((vec![entry], p.starts_with(' ')));
                literals.push(p);
            }
        }
    };
    // (entry, expression, whether it is case-sensitive)
    let mut regexes: Vec<(Entry, String, bool)> = Vec::new();
    for (i, e) in r.obsolete.entry.iter().enumerate() {
        let entry = Entry::Obsolete(i);
        for p in &e.patterns {
            add_literal(p, entry);
        }
        if let Some(suffix) = &e.suffix_family {
            add_literal(suffix, entry);
        }
        for initialism in &e.initialisms {
            regexes.push((entry, format!(r"\b{}s?\b", regex::escape(initialism)), true));
        }
        if let Some(family) = &e.initialism_regex {
            regexes.push((entry, family.clone(), true));
        }
    }
    for (i, m) in r.titles.misquote.iter().enumerate() {
        let entry = Entry::Misquote(i);
        if let Some(p) = &m.pattern {
            add_literal(p, entry);
        }
        if let Some(re) = &m.regex {
            regexes.push((entry, re.clone(), m.case_sensitive));
        }
    }
    for (i, c) in r.false_law.iter().enumerate() {
        let entry = Entry::Claim(i);
        for p in &c.patterns {
            add_literal(p, entry);
        }
        for re in &c.regex {
            regexes.push((entry, re.clone(), false));
        }
    }
    let literals_ac = AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::Standard)
        // A contiguous NFA: searches these texts about as fast as a DFA, and builds in a
        // fraction of the time (building is paid by every one-file run).
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .build(&literals)
        .ok()?;
    let (mut folded, mut exact) = (Vec::new(), Vec::new());
    for (entry, re, case_sensitive) in regexes {
        if case_sensitive {
            exact.push((entry, RegexBuilder::new(&re).unicode(false).build().ok()?));
        } else {
            // A case-insensitive expression is written in lower case (a test holds the
            // registries to it), so over the lower-cased text it needs no case folding of its
            // own; it is compiled when a text first holds its required words.
            folded.push(Folded {
                entry,
                required: required_words(&re),
                pattern: re,
                compiled: std::sync::OnceLock::new(),
            });
        }
    }
    Some(Matcher {
        literals: literals_ac,
        literal_entries,
        folded,
        exact,
    })
}

static MATCHER: LazyLock<Option<Matcher>> = LazyLock::new(build);

/// Whether every pattern of the registries compiles (a test checks it).
#[cfg(test)]
pub(crate) fn matcher_builds() -> bool {
    MATCHER.is_some()
}

/// The text as the registries read it: " " + lower-case ASCII, ’ as "'", "&" as "and"; with,
/// for each byte of it, the original range of the character it comes from.
pub(crate) fn normalise(text: &str) -> (String, Vec<(usize, usize)>) {
    let mut out = String::with_capacity(text.len() + 1);
    let mut from = Vec::with_capacity(text.len() + 1);
    out.push(' ');
    from.push((0, 0));
    for (i, c) in text.char_indices() {
        let range = (i, i + c.len_utf8());
        let mapped: &str = match c {
            '\u{2019}' => "'",
            '&' => "and",
            _ => {
                let lower = c.to_ascii_lowercase();
                let mut buf = [0; 4];
                let s = lower.encode_utf8(&mut buf);
                out.push_str(s);
                from.extend(std::iter::repeat_n(range, s.len()));
                continue;
            }
        };
        out.push_str(mapped);
        from.extend(std::iter::repeat_n(range, mapped.len()));
    }
    (out, from)
}

/// The text with each typographic apostrophe (3 bytes) written as "'" (1 byte), and the way
/// back from an offset in it to the offset in the text.
fn straight_apostrophes(text: &str) -> (std::borrow::Cow<'_, str>, impl Fn(usize) -> usize) {
    let curly: Vec<usize> = text.match_indices('\u{2019}').map(|(i, _)| i).collect();
    let straight = if curly.is_empty() {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.replace('\u{2019}', "'"))
    };
    // Each apostrophe before an offset in the straight text shortened it by 2 bytes. Where
    // each one stands in the straight text, ascending, so a look-up is a binary search.
    let in_straight: Vec<usize> = curly.iter().enumerate().map(|(k, c)| c - 2 * k).collect();
    let back = move |at: usize| at + 2 * in_straight.partition_point(|&p| p < at);
    (straight, back)
}

/// Every place in `text` where an entry of the registries matches, in order of entry and
/// place. `exclude` and `not_followed_by` of obsolete.toml are applied here; dates, editions,
/// `near` and negation are for the rules.
pub(crate) fn hits(text: &str) -> Vec<Hit> {
    let Some(m) = MATCHER.as_ref() else {
        return Vec::new();
    };
    let (norm, from) = normalise(text);
    let mut out = Vec::new();
    let r = registries();
    for found in m.literals.find_overlapping_iter(&norm) {
        let (entries, spaced) = &m.literal_entries[found.pattern().as_usize()];
        let start_n = found.start() + usize::from(*spaced);
        let end_n = found.end();
        let (start, end) = (from[start_n].0, from[end_n - 1].1);
        for &entry in entries {
            if let Entry::Obsolete(i) = entry {
                let e = &r.obsolete.entry[i];
                let after = &norm[end_n..];
                if e.not_followed_by
                    .iter()
                    .any(|n| after.starts_with(n.as_str()))
                {
                    continue;
                }
                let excluded = e.exclude.iter().any(|x| {
                    let lo = start_n.saturating_sub(x.len());
                    let hi = (end_n + x.len()).min(norm.len());
                    norm.get(lo..hi).is_some_and(|window| {
                        window
                            .match_indices(x.as_str())
                            .any(|(at, _)| lo + at < end_n && start_n < lo + at + x.len())
                    })
                });
                if excluded {
                    continue;
                }
            }
            out.push(Hit { entry, start, end });
        }
    }
    // The case-sensitive expressions read the text in its own case, with the typographic
    // apostrophe read as "'" (the registries' expressions write "children'?s").
    let (straight, back) = straight_apostrophes(text);
    // A match of bytes is widened to whole characters (a class such as `[^.;]` may stop inside
    // one), so that every place is a slice of the text.
    let widen = |mut start: usize, mut end: usize| {
        while !straight.is_char_boundary(start) {
            start -= 1;
        }
        while !straight.is_char_boundary(end) {
            end += 1;
        }
        (start, end)
    };
    for f in &m.folded {
        if f.required
            .as_ref()
            .is_some_and(|w| !norm.contains(w.as_str()))
        {
            continue;
        }
        let (entry, Some(re)) = (&f.entry, f.regex()) else {
            continue;
        };
        for found in re.find_iter(norm.as_bytes()) {
            if found.is_empty() {
                continue;
            }
            // Each byte of the normalised text knows the character it comes from, so a match
            // maps back to whole characters of the text.
            out.push(Hit {
                entry: *entry,
                start: from[found.start()].0,
                end: from[found.end() - 1].1,
            });
        }
    }
    for (entry, re) in &m.exact {
        for found in re.find_iter(straight.as_bytes()) {
            let (start, end) = widen(found.start(), found.end());
            out.push(Hit {
                entry: *entry,
                start: back(start),
                end: back(end),
            });
        }
    }
    // A name inside an e-mail or web address ("CBSCB@council.gov.uk") is part of the address,
    // not a use of the name.
    out.retain(|h| !in_address(text, h.start, h.end));
    out.sort_by_key(|h| (h.entry, h.start, std::cmp::Reverse(h.end)));
    // One place per entry and start: the longest match ("CCGs" over " ccg").
    out.dedup_by(|b, a| a.entry == b.entry && a.start == b.start);
    out
}

/// The span of `len` bytes at `offset` in the value, if the value is written verbatim in the file
/// (a basic or literal string without escapes); otherwise the whole value.
pub(crate) fn inner_span(
    t: &crate::model::TextValue,
    offset: usize,
    len: usize,
) -> crate::diag::Span {
    let quote = if t.span.len() >= t.text.len() + 6 && t.text.len() > 40 {
        3
    } else {
        1
    };
    if t.span.len() == t.text.len() + 2 * quote && offset + len <= t.text.len() {
        let start = t.span.start + quote + offset;
        start..start + len
    } else {
        t.span.clone()
    }
}

/// The largest char boundary of `text` at or before `at` (a byte offset no greater than its
/// length): a window cut at a byte count never splits a character.
pub(crate) fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Whether `start..end` lies in a word-run that is an e-mail or web address: the text
/// around it up to whitespace contains "@", "://" or starts with "www.".
fn in_address(text: &str, start: usize, end: usize) -> bool {
    let is_break =
        |c: char| c.is_whitespace() || matches!(c, '(' | ')' | '<' | '>' | '"' | '[' | ']');
    let from = text[..start]
        .char_indices()
        .rev()
        .find(|&(_, c)| is_break(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let to = text[end..].find(is_break).map_or(text.len(), |i| end + i);
    let token = &text[from..to];
    token.contains('@') || token.contains("://") || token.to_ascii_lowercase().starts_with("www.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_inside_addresses_are_not_uses() {
        assert!(in_address("write to CBSCB@example.gov.uk today", 9, 14));
        assert!(in_address("see https://example.org/lscb/report", 24, 28));
        assert!(!in_address("the CBSCB will meet", 4, 9));
        // A wide space before the name is a break, not a byte to split.
        assert!(!in_address("the\u{a0}CBSCB will meet", 5, 10));
        assert!(
            hits("email CBSCB@centralbedfordshire.gov.uk for help")
                .iter()
                .all(|h| !matches!(h.entry, Entry::Obsolete(_)))
        );
    }

    fn names(text: &str) -> Vec<(String, &str)> {
        let r = registries();
        hits(text)
            .into_iter()
            .map(|h| {
                let name = match h.entry {
                    Entry::Obsolete(i) => r.obsolete.entry[i].name.clone(),
                    Entry::Misquote(i) => r.titles.misquote[i].right.clone(),
                    Entry::Claim(i) => r.false_law[i].id.clone(),
                };
                (name, &text[h.start..h.end])
            })
            .collect()
    }

    #[test]
    fn every_registry_pattern_compiles() {
        assert!(matcher_builds());
        let m = MATCHER.as_ref().expect("the matcher builds");
        for f in &m.folded {
            assert!(f.regex().is_some(), "{} does not compile", f.pattern);
        }
    }

    /// The words an expression requires are found only where every match must hold them.
    #[test]
    fn required_words_are_what_every_match_holds() {
        for (pattern, words) in [
            (r"\bworking together act\b", Some("working together act")),
            (
                r"(safeguarding|statutory) partners?\b[^.;]{0,100}\b(integrated care system|ics)\b",
                Some(" partner"),
            ),
            (
                r"\bchildren and social care act,? 2017\b",
                Some("children and social care act"),
            ),
            (r"(a|b)|children act", None),
            (r"statutory (body|board)", Some("statutory ")),
            (r"regulations? require", Some("regulation")),
            (r"x{0,3}", None),
        ] {
            assert_eq!(
                required_words(pattern).as_deref(),
                words.map(|w| w.trim()),
                "{pattern}"
            );
        }
        // Held over every registry expression and every corpus sentence: where an expression
        // matches, its required words are there.
        let m = MATCHER.as_ref().expect("the matcher builds");
        let corpus = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/sentences.toml"),
        )
        .expect("the corpus is there");
        for line in corpus.lines().filter(|l| l.starts_with("text = ")) {
            let norm = normalise(line).0;
            for f in &m.folded {
                if let (Some(w), Some(re)) = (&f.required, f.regex()) {
                    assert!(
                        !re.is_match(norm.as_bytes()) || norm.contains(w.as_str()),
                        "{} matched without {w:?}: {line}",
                        f.pattern
                    );
                }
            }
        }
    }

    /// Case-insensitive expressions run over the lower-cased text without case folding, so an
    /// upper-case letter in one could never match.
    #[test]
    fn case_insensitive_expressions_are_written_in_lower_case() {
        let r = registries();
        let folded = r
            .titles
            .misquote
            .iter()
            .filter(|m| !m.case_sensitive)
            .filter_map(|m| m.regex.as_deref())
            .chain(
                r.false_law
                    .iter()
                    .flat_map(|c| c.regex.iter().map(String::as_str)),
            );
        for re in folded {
            // An escape such as \b or \S is not a letter of the text.
            let mut letters = re.chars().peekable();
            while let Some(c) = letters.next() {
                if c == '\\' {
                    letters.next();
                    continue;
                }
                assert!(!c.is_ascii_uppercase(), "upper case in {re}");
            }
        }
    }

    #[test]
    fn names_families_and_initialisms_are_found_in_the_original_text() {
        let found = names("Dorset Clinical Commissioning Group and the BSCB’s chair; the CCGs.");
        let places: Vec<&str> = found.iter().map(|(_, p)| *p).collect();
        assert!(
            places.contains(&"Clinical Commissioning Group"),
            "{found:?}"
        );
        assert!(places.contains(&"BSCB"), "{found:?}");
        assert!(places.contains(&"CCGs"), "{found:?}");
        let found = names("the Safeguarding Children’s Board & NHS Surrey and Sussex ICB");
        let places: Vec<&str> = found.iter().map(|(_, p)| *p).collect();
        assert!(
            places.contains(&"Safeguarding Children’s Board"),
            "{found:?}"
        );
        // The successor's name is excluded from the old board's pattern.
        assert!(
            !places.iter().any(|p| p.contains("Sussex ICB")),
            "{found:?}"
        );
        let found = names("Working Together to Safeguarding Children; the designated doctor");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "Working Together to Safeguarding Children");
    }

    #[test]
    fn normalising_keeps_the_way_back_to_the_text() {
        let (norm, from) = normalise("A&B’s");
        assert_eq!(norm, " aandb's");
        assert_eq!(from.len(), norm.len());
        assert_eq!(from[6], (3, 6));
    }
}
