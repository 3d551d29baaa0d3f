//! Groups: a group the text names is one the document declares.
//!
//! A name in prose is a candidate only when it looks like a proper name of a group: capitalised
//! words ending in "Group", "Sub-group", "Board", "Panel" or "Committee" (or "Executive" right
//! after "Partnership" or "Safeguarding"), singular, with at least two words before the noun
//! ("a task and finish group", "the Board" and "Performance Groups" are not names of one
//! group). Outside bodies (src/rules/data/outside_groups.toml), the names of declared
//! organisations, the partnership's own name, obsolete names (another rule's) and names in
//! negation, history or quotation marks are never reported.

use std::sync::LazyLock;

use super::data::registries;
use super::support::names::is_short_form;
use super::support::negation::{Negation, sentence_around, sentence_ends};
use super::support::prose::Entry;
use super::support::prose::inner_span;
use super::{ALL_EDITIONS, Context, Level, RuleMeta, finding, rule};
use crate::diag::Severity;
use crate::model::{Scope, TextValue};

/// Values that are names themselves, judged by the rules on names, not read as prose.
const NAME_KEYS: &[&str] = &["name", "also_called", "forum_called", "listed_as"];

/// Words that join the words of a name ("Quality Assurance and Learning Group").
const CONNECTORS: &[&str] = &["and", "&", "of", "for", "in", "on", "the"];

/// Capitalised words that start a sentence or a role rather than a group's name: dropped from
/// the front of a candidate ("Chair of the Pan Bedfordshire Neglect Group").
const NOT_NAME_START: &[&str] = &[
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "our",
    "its",
    "their",
    "his",
    "her",
    "each",
    "every",
    "both",
    "any",
    "all",
    "no",
    "within",
    "through",
    "via",
    "at",
    "by",
    "to",
    "from",
    "with",
    "if",
    "when",
    "where",
    "while",
    "whilst",
    "as",
    "and",
    "or",
    "in",
    "of",
    "for",
    "on",
    "under",
    "into",
    "between",
    "new",
    "current",
    "existing",
    "currently",
    "also",
    "additionally",
    "however",
    "furthermore",
    "finally",
    "further",
    "then",
    "now",
    "here",
    "there",
    "please",
    "approved",
    "agreed",
    "signed",
    "chaired",
    "led",
    "reporting",
    "reports",
    "report",
    "see",
    "contact",
    "chair",
    "chairs",
    "chairman",
    "chairperson",
    "co-chair",
    "co-chairs",
    "vice",
    "vice-chair",
    "member",
    "members",
    "membership",
    "minutes",
    "meeting",
    "meetings",
    "head",
    "lead",
    "leads",
    "manager",
    "secretary",
    "agenda",
    "via",
    "link",
    "links",
    "attend",
    "attends",
    "attended",
    "representative",
    "representatives",
    "annual",
    "list",
    "terms",
    "reference",
    "work",
    "plan",
    "update",
    "updates",
    "receive",
];

/// Capitalised words that may follow a group's name without being part of it.
const FOLLOWING_A_NAME: &[&str] = &[
    "Meeting", "Meetings", "Chair", "Chairs", "Member", "Members", "Minutes", "Terms",
];

/// Small words masa's name comparison skips beyond those `is_short_form` skips ("and", "of",
/// "the", "for").
const SMALL_WORDS: &[&str] = &["in", "on", "to", "with"];

/// Whether a word is written with a capital (or is initials or a number), as the words of a
/// proper name are.
fn is_capitalised(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// A word with a possessive ending or apostrophes removed ("Children's" → "Children").
fn without_apostrophes(word: &str) -> String {
    let word = ["'s", "\u{2019}s"]
        .iter()
        .find_map(|p| word.strip_suffix(p))
        .unwrap_or(word);
    word.chars()
        .filter(|c| !matches!(c, '\'' | '\u{2019}'))
        .collect()
}

/// A name as compared with the declared names: "&" as "and", apostrophes, hyphens and
/// bracketed initials dropped, every kind of sub-group a "Group", the small words gone; case
/// is kept, because `is_short_form` reads upper-case words as initials.
fn comparable(name: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut in_brackets = false;
    for raw in name.split(|c: char| c.is_whitespace() || c == ',' || c == '/') {
        if raw.starts_with('(') {
            in_brackets = true;
        }
        if in_brackets {
            in_brackets = !raw.ends_with(')');
            continue;
        }
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '&');
        if word.is_empty() {
            continue;
        }
        let word = if word == "&" {
            "and".to_owned()
        } else {
            without_apostrophes(word).replace('-', "")
        };
        let lower = word.to_lowercase();
        if SMALL_WORDS.contains(&lower.as_str()) {
            continue;
        }
        if lower == "subgroup" {
            out.push("Group".to_owned());
        } else if lower == "group" && out.last().is_some_and(|w| w.eq_ignore_ascii_case("sub")) {
            out.pop();
            out.push("Group".to_owned());
        } else {
            out.push(word);
        }
    }
    out.join(" ")
}

/// Whether two names (as [`comparable`]) are one name: equal, or one a short form of the other.
fn same_group_name(a: &str, b: &str) -> bool {
    !a.is_empty()
        && !b.is_empty()
        && (a.eq_ignore_ascii_case(b) || is_short_form(a, b) || is_short_form(b, a))
}

/// A name as words for finding one name inside another: lower case, "&" as "and", apostrophes
/// and hyphens dropped, a final "s" dropped, small words gone.
fn plain_words(name: &str) -> Vec<String> {
    name.replace('&', " and ")
        .split(|c: char| c.is_whitespace() || c == ',' || c == '/' || c == '(' || c == ')')
        .map(|w| {
            let w = without_apostrophes(w.trim_matches(|c: char| !c.is_alphanumeric()))
                .replace('-', "")
                .to_lowercase();
            match w.strip_suffix('s') {
                Some(stem) if stem.len() >= 3 && !stem.ends_with('s') => stem.to_owned(),
                _ => w,
            }
        })
        .filter(|w| {
            !w.is_empty()
                && !matches!(
                    w.as_str(),
                    "the" | "and" | "of" | "for" | "in" | "on" | "to"
                )
        })
        .collect()
}

/// Where `needle` occurs as consecutive words of `hay`.
fn word_positions(hay: &[String], needle: &[String]) -> Vec<usize> {
    if needle.is_empty() || needle.len() > hay.len() {
        return Vec::new();
    }
    (0..=hay.len() - needle.len())
        .filter(|&i| hay[i..i + needle.len()] == *needle)
        .collect()
}

/// The patterns of `outside_groups.toml` as words, with the words that cancel each.
static OUTSIDE_BODIES: LazyLock<Vec<(Vec<String>, Vec<String>)>> = LazyLock::new(|| {
    registries()
        .outside_groups
        .iter()
        .flat_map(|body| {
            let unless: Vec<String> = body.unless_after.iter().map(|w| w.to_lowercase()).collect();
            body.patterns
                .iter()
                .map(move |p| (plain_words(p), unless.clone()))
        })
        .collect()
});

/// Whether `words` name an outside body of `outside_groups.toml`.
fn names_outside_body(words: &[String]) -> bool {
    OUTSIDE_BODIES.iter().any(|(pattern, unless)| {
        word_positions(words, pattern)
            .into_iter()
            .any(|at| at == 0 || !unless.contains(&words[at - 1]))
    })
}

/// One word of a text value: where it is, and the word without the punctuation round it.
struct Word<'t> {
    start: usize,
    end: usize,
    core: &'t str,
    /// Punctuation before the word ("(", a quotation mark): a name does not run back past it.
    opens: bool,
    /// Punctuation after the word ("," ";" "." ")"): a name does not run on past it.
    closes: bool,
}

fn words_of(text: &str) -> Vec<Word<'_>> {
    let mut words = Vec::new();
    let mut at = 0;
    for raw in text.split(char::is_whitespace) {
        let start = at;
        at += raw.len() + 1;
        let lead = raw.len()
            - raw
                .trim_start_matches(|c: char| !c.is_alphanumeric() && c != '&')
                .len();
        let core = raw[lead..].trim_end_matches(|c: char| !c.is_alphanumeric() && c != '&');
        if core.is_empty() {
            if !raw.is_empty() {
                // A dash or mark standing alone ends a name.
                if let Some(last) = words.last_mut() {
                    let last: &mut Word<'_> = last;
                    last.closes = true;
                }
            }
            continue;
        }
        let trail = raw.len() - lead - core.len();
        // A possessive ending is part of the sentence, not a break.
        let possessive = ["'s", "\u{2019}s", "'", "\u{2019}"]
            .iter()
            .any(|p| raw[lead + core.len()..].starts_with(p) && trail == p.len());
        words.push(Word {
            start: start + lead,
            end: start + lead + core.len(),
            core,
            opens: lead > 0,
            closes: trail > 0 && !possessive,
        });
    }
    words
}

/// The kind of noun that ends a group's name.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Noun {
    /// "Group", "Board", "Panel", "Committee", "Executive".
    Group,
    /// "Sub-group", "Subgroup", "Sub Group": only a partnership has sub-groups.
    SubGroup,
}

/// A name of a group found in a text value.
struct Candidate<'t> {
    start: usize,
    end: usize,
    name: &'t str,
    /// The initials written in brackets after it ("(SAIG)").
    initials: Option<&'t str>,
    noun: Noun,
    /// The words before the noun.
    qualifier: Vec<&'t str>,
}

/// The candidates of one text value, in order.
fn candidates<'t>(text: &'t str, own_initials: &[String]) -> Vec<Candidate<'t>> {
    let words = words_of(text);
    let mut found = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if w.opens && i > 0 {
            continue;
        }
        let noun = match w.core {
            "group" | "Group" if i > 0 && words[i - 1].core == "Sub" => Noun::SubGroup,
            "Group" | "Board" | "Panel" | "Committee" => Noun::Group,
            "Sub-group" | "Sub-Group" | "Subgroup" | "SubGroup" => Noun::SubGroup,
            "Executive" if i > 0 => {
                let before = words[i - 1].core;
                if before == "Partnership"
                    || before == "Safeguarding"
                    || own_initials.iter().any(|x| x.eq_ignore_ascii_case(before))
                {
                    Noun::Group
                } else {
                    continue;
                }
            }
            _ => continue,
        };
        // A noun followed by another capitalised word is inside a longer name ("BSCP Board
        // Members", "Local Safeguarding Board Regulations 2006"), not the end of a group's name;
        // the words a group's own meetings and members are called by are the exception.
        if let Some(next) = words.get(i + 1) {
            let continues = !w.closes
                && !next.opens
                && is_capitalised(next.core)
                && !FOLLOWING_A_NAME.contains(&next.core);
            if continues {
                continue;
            }
        }
        // Back through the words of the name.
        let last_before = if noun == Noun::SubGroup && words[i - 1].core == "Sub" {
            i - 1
        } else {
            i
        };
        let mut first = last_before;
        while first > 0 {
            let prev = &words[first - 1];
            if prev.closes {
                // Initials in brackets inside a name ("Keeping Children Safe (KCS) Business
                // Delivery Group") belong to it.
                let bracketed = text[prev.start.saturating_sub(1)..].starts_with('(')
                    && text[prev.end..].starts_with(')')
                    && prev.core.chars().all(|c| c.is_ascii_uppercase());
                if !bracketed {
                    break;
                }
            }
            let joins = is_capitalised(prev.core)
                || (CONNECTORS.contains(&prev.core) && prev.core != "the")
                || (prev.core == "the" && first >= 2 && words[first - 2].core == "of");
            if !joins {
                break;
            }
            first -= 1;
            let bracketed = prev.closes && text[prev.end..].starts_with(')');
            if prev.opens && !bracketed {
                break;
            }
        }
        // Not the start of a sentence or a role ("Chair of the …").
        while first < last_before
            && NOT_NAME_START.contains(&words[first].core.to_lowercase().as_str())
        {
            first += 1;
        }
        let qualifier: Vec<&str> = words[first..last_before].iter().map(|w| w.core).collect();
        let content = qualifier
            .iter()
            .filter(|q| is_capitalised(q) && !CONNECTORS.contains(q))
            .count();
        let enough = match noun {
            Noun::Group => 2,
            Noun::SubGroup => 1,
        };
        if content < enough {
            continue;
        }
        let initials = words.get(i + 1).filter(|n| {
            text[..n.start].ends_with('(')
                && text[n.end..].starts_with(')')
                && n.core.len() >= 2
                && n.core.chars().all(|c| c.is_ascii_uppercase())
        });
        let (start, end) = (words[first].start, w.end);
        found.push(Candidate {
            start,
            end,
            name: &text[start..end],
            initials: initials.map(|n| n.core),
            noun,
            qualifier,
        });
    }
    found
}

/// The names a declared group answers to, as compared: its name (without bracketed initials),
/// its other names, and its initials written in brackets in any of them.
struct Declared<'m> {
    name: &'m str,
    forms: Vec<String>,
    initials: Vec<String>,
}

fn declared_groups<'m>(cx: &Context<'m>) -> Vec<Declared<'m>> {
    cx.model
        .doc
        .groups
        .iter()
        .map(|g| {
            let all: Vec<&str> = std::iter::once(g.name.get().as_str())
                .chain(g.also_called.iter().map(|a| a.get().as_str()))
                .collect();
            let initials = all
                .iter()
                .flat_map(|n| n.split(['(', ')']).skip(1).step_by(2))
                .chain(all.iter().copied())
                .map(str::trim)
                .filter(|n| n.len() >= 2 && n.chars().all(|c| c.is_ascii_uppercase()))
                .map(str::to_owned)
                .collect();
            Declared {
                name: g.name.get().as_str(),
                forms: all.iter().map(|n| comparable(n)).collect(),
                initials,
            }
        })
        .collect()
}

/// The declared group a name is closest to, for "did you mean": the one sharing most of the
/// words that no other declared group has (so "Pan Bedfordshire" alone suggests nothing).
fn closest<'m>(name: &str, declared: &[Declared<'m>]) -> Option<&'m str> {
    let generic = [
        "group",
        "board",
        "panel",
        "committee",
        "executive",
        "subgroup",
    ];
    let word_sets: Vec<Vec<String>> = declared.iter().map(|d| plain_words(d.name)).collect();
    let distinctive = |w: &String| {
        !generic.contains(&w.as_str()) && word_sets.iter().filter(|s| s.contains(w)).count() == 1
    };
    let wanted: Vec<String> = plain_words(name)
        .into_iter()
        .filter(|w| !generic.contains(&w.as_str()))
        .collect();
    let (best, shared) = word_sets
        .iter()
        .enumerate()
        .map(|(i, set)| {
            let shared = wanted
                .iter()
                .filter(|w| set.contains(w) && distinctive(w))
                .count();
            (i, shared)
        })
        .max_by_key(|&(i, shared)| (shared, std::cmp::Reverse(i)))?;
    (shared > 0 && shared * 2 >= wanted.len()).then(|| declared[best].name)
}

rule!(
    GroupDeclared,
    RuleMeta {
        id: "group-declared",
        level: Level::Quality,
        default_severity: Severity::Warning,
        summary: "Every group the text names as the partnership's is one the document declares.",
        citation: "Data quality (no paragraph)",
        editions: ALL_EDITIONS,
        enabled: true,
        fix: None,
        what: "In arrangements that declare at least one group, every text value (not the names themselves) for the proper name of a group: capitalised words ending in \"Group\", \"Sub-group\", \"Board\", \"Panel\" or \"Committee\" (or \"Executive\" after \"Partnership\" or \"Safeguarding\"), singular, with at least two words before the noun (one before \"Sub-group\"); role words in front (\"Chair of the …\") are dropped. A name matches a declared group when it is the group's name or one of its `also_called`, or either is a short form of the other (\"&\"/\"and\", apostrophes, hyphens, \"Sub-group\"/\"Group\", a county's contraction and initials do not matter), or it is the group's initials. Never reported: bodies outside the partnership listed in src/rules/data/outside_groups.toml (the Child Safeguarding Practice Review Panel, Safeguarding Adults Boards, Health and Wellbeing Boards, community safety partnerships, the council's scrutiny committees and corporate parenting boards, adoption and fostering panels, the child death overview panel, task and finish groups, …), a name containing a declared organisation's name, the partnership's own name, obsolete names (`obsolete-title` judges them), and a name in negation, history or quotation marks. One finding per name, its further places labelled. A warning where the name is plainly the partnership's (a sub-group, a name with \"Partnership\" or the partnership's initials in it, or one starting like the declared pan-area groups, e.g. \"Pan Bedfordshire …\"); otherwise advice (info), and none at all in a sentence that also names an outside body (a list of links to other boards).",
        why: "The groups are how the arrangements work: who reports to whom, where escalations and reviews go. A group the text relies on but the structure does not show (or shows under another name) leaves readers unable to tell whether it exists, who chairs it and where it reports.",
        fails: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[groups]]
id = "strategic-board"
name = "Strategic Board"

[[groups]]
id = "education"
name = "Example Safeguarding Education Group"
reports_to = "strategic-board"
purpose = "Reports directly to the Example Coordinating Sub-group."
"#,
        passes: r#"
schema_version = 1
[partnership]
name = "Example Safeguarding Children Partnership"

[[groups]]
id = "strategic-board"
name = "Strategic Board"

[[groups]]
id = "coordinating"
name = "Example Coordinating Sub-group"
reports_to = "strategic-board"

[[groups]]
id = "education"
name = "Example Safeguarding Education Group"
reports_to = "coordinating"
purpose = "Reports directly to the Example Coordinating Sub-group, and links with the Example Safeguarding Adults Board."
"#,
    },
    |meta, cx, out| {
        let doc = &cx.model.doc;
        if doc.groups.is_empty() {
            return;
        }
        let declared = declared_groups(cx);
        let partnership = &doc.partnership;
        let own_names: Vec<String> = std::iter::once(partnership.name.get().as_str())
            .chain(partnership.also_called.iter().map(|a| a.get().as_str()))
            .map(comparable)
            .collect();
        // The partnership's initials: in brackets after its name, its upper-case other names,
        // and the first letters of its name's words.
        let mut own_initials: Vec<String> = std::iter::once(partnership.name.get().as_str())
            .chain(partnership.also_called.iter().map(|a| a.get().as_str()))
            .flat_map(|n| {
                n.split(['(', ')', ' '])
                    .filter(|w| w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase()))
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            })
            .collect();
        let name_initials: String = comparable(partnership.name.get())
            .split_whitespace()
            .filter_map(|w| w.chars().next())
            .filter(char::is_ascii_uppercase)
            .collect();
        if name_initials.len() >= 2 {
            own_initials.push(name_initials);
        }
        let organisations: Vec<Vec<String>> = doc
            .organisations
            .iter()
            .flat_map(|o| {
                std::iter::once(o.name.get()).chain(o.also_called.iter().map(|a| a.get()))
            })
            .map(|n| plain_words(n))
            .filter(|w| w.len() >= 2 || w.first().is_some_and(|x| x.len() >= 3))
            .collect();
        // The first two words of the declared pan-area groups ("Pan Bedfordshire"): a name
        // starting so is one of the partnership's shared groups.
        let pan_area: Vec<String> = doc
            .groups
            .iter()
            .filter(|g| g.scope.as_ref().is_some_and(|s| *s.get() == Scope::PanArea))
            .map(|g| {
                comparable(g.name.get())
                    .split_whitespace()
                    .take(2)
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .filter(|p| p.contains(' '))
            .collect();
        // Each undeclared name once (by its compared form), with every place it stands.
        struct Place<'a> {
            t: &'a TextValue,
            start: usize,
            end: usize,
            plainly_own: bool,
        }
        let mut names: Vec<(String, &str, Vec<Place<'_>>)> = Vec::new();
        for (t, hits) in cx.model.texts.iter().zip(cx.registry_hits()) {
            if NAME_KEYS.contains(&t.key.as_str()) {
                continue;
            }
            let found = candidates(&t.text, &own_initials);
            if found.is_empty() {
                continue;
            }
            let negation = Negation::of(&t.text);
            let ends = sentence_ends(&t.text);
            for c in found {
                let compared = comparable(c.name);
                let words = plain_words(c.name);
                let descriptive = comparable(&c.qualifier.join(" "));
                let is_declared = declared.iter().any(|d| {
                    d.forms.iter().any(|f| {
                        same_group_name(&compared, f)
                            // The same group with another noun ("… Group" for "… Meeting"):
                            // `group-name-consistent` judges a Board called a Group.
                            // A one-word description ("Executive Board") is too short to
                            // stand for a longer one ("Executive Leadership Group").
                            || f.rsplit_once(' ').is_some_and(|(words, _)| {
                                descriptive.eq_ignore_ascii_case(words)
                                    || (words.contains(' ') && same_group_name(&descriptive, words))
                            })
                    }) || c
                        .initials
                        .is_some_and(|i| d.initials.iter().any(|x| x == i))
                });
                // The partnership itself, or another partnership, called a board ("the
                // Safeguarding Children Partnership Board"): the partnership's name, not a group.
                let is_own_partnership = c.qualifier.last() == Some(&"Partnership")
                    || own_names.iter().any(|own| {
                        descriptive.eq_ignore_ascii_case(own)
                            || is_short_form(&descriptive, own)
                            || compared.eq_ignore_ascii_case(own)
                            || is_short_form(&compared, own)
                    });
                let obsolete = hits.iter().any(|h| {
                    matches!(h.entry, Entry::Obsolete(_)) && h.start < c.end && c.start < h.end
                });
                let organisation = organisations
                    .iter()
                    .any(|o| !word_positions(&words, o).is_empty());
                if is_declared
                    || is_own_partnership
                    || obsolete
                    || organisation
                    || names_outside_body(&words)
                    || negation.is_mention(c.start, c.end)
                {
                    continue;
                }
                let plainly_own = c.noun == Noun::SubGroup
                    || c.qualifier.iter().any(|q| {
                        *q == "Partnership"
                            || own_initials.iter().any(|i| i.eq_ignore_ascii_case(q))
                    })
                    || pan_area.iter().any(|p| {
                        let start: String = compared
                            .split_whitespace()
                            .take(2)
                            .collect::<Vec<_>>()
                            .join(" ");
                        start.contains(' ') && same_group_name(&start, p)
                    });
                if !plainly_own {
                    // A list of links to other boards: the other names beside an outside body
                    // are most likely outside bodies too.
                    let (s, e) = sentence_around(&t.text, &ends, c.start);
                    let sentence = plain_words(&t.text[s..e.max(c.end)]);
                    if names_outside_body(&sentence) {
                        continue;
                    }
                }
                let key = compared.to_lowercase();
                let place = Place {
                    t,
                    start: c.start,
                    end: c.end,
                    plainly_own,
                };
                match names.iter_mut().find(|(k, _, _)| *k == key) {
                    Some((_, _, places)) => places.push(place),
                    None => names.push((key, c.name, vec![place])),
                }
            }
        }
        for (_, name, places) in names {
            let first = &places[0];
            let plainly_own = places.iter().any(|p| p.plainly_own);
            let suggestion = closest(name, &declared);
            let help = match suggestion {
                Some(group) => format!(
                    "if this is the declared group \"{group}\", write its name (or record this one in its `also_called`); if it is another of the partnership's groups, declare it as a `[[groups]]` entry with `reports_to`"
                ),
                None => "if it is one of the partnership's groups, declare it as a `[[groups]]` entry with `reports_to`; if it is a declared group called by another name, write that group's name (or record this one in its `also_called`)".to_owned(),
            };
            // Where the name is not plainly the partnership's, masa cannot tell it from
            // another body's: advice, which says so.
            let help = if plainly_own {
                help
            } else {
                format!(
                    "masa cannot tell whether this is one of the partnership's groups or another body's: {help}"
                )
            };
            let mut d = finding(
                meta,
                inner_span(first.t, first.start, first.end - first.start),
                format!(
                    "`{}` names the \"{name}\", which is not one of the groups the document declares",
                    first.t.key
                ),
            )
            .with_label("group not declared")
            .with_help(help)
            .same_defect(name.to_owned());
            if !plainly_own {
                d = d.with_severity(Severity::Info);
            }
            for p in &places[1..] {
                d = d.with_secondary(inner_span(p.t, p.start, p.end - p.start), "again");
            }
            out.push(d);
        }
    }
);

pub(super) const RULES: &[&'static dyn super::Rule] = &[&GroupDeclared];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{run_rule_on, spans};

    /// A whole arrangements document of `partnership` declaring `groups` (name, pan-area), with
    /// `text` as the purpose of its first group.
    fn document(partnership: &str, groups: &[(&str, bool)], text: &str) -> String {
        let mut doc = format!(
            "schema_version = 1\n[partnership]\nname = \"{partnership}\"\n\n[[organisations]]\nid = \"council\"\nname = \"Example Council\"\nkind = \"local_authority\"\n"
        );
        for (i, (name, pan)) in groups.iter().enumerate() {
            doc.push_str(&format!("\n[[groups]]\nid = \"g{i}\"\nname = \"{name}\"\n"));
            if *pan {
                doc.push_str("scope = \"pan_area\"\n");
            }
            if i == 0 {
                doc.push_str(&format!(
                    "purpose = {}\n",
                    serde_json::to_string(text).unwrap_or_default()
                ));
            }
        }
        doc
    }

    /// The names `group-declared` reports in `text`, with their severity.
    fn reported(partnership: &str, groups: &[(&str, bool)], text: &str) -> Vec<(String, Severity)> {
        let (doc, found) = run_rule_on(&GroupDeclared, &document(partnership, groups, text));
        spans(&doc, &found)
            .into_iter()
            .zip(&found)
            .map(|(s, d)| (s.to_owned(), d.severity))
            .collect()
    }

    const KENT: &str = "Kent Safeguarding Children Multi-Agency Partnership (KSCMP)";
    const LANCASHIRE: &str = "Children’s Safeguarding Assurance Partnership (CSAP)";
    const NOTTINGHAMSHIRE: &str = "Nottinghamshire Safeguarding Children Partnership (NSCP)";
    const CENTRAL_BEDS: &str = "Central Bedfordshire Safeguarding Children Partnership";

    /// Real sentences (tests/corpus/sentences.toml, and the bundled Bedfordshire documents)
    /// naming a group the test document does not declare. The partnership cannot be told from
    /// another body by the name alone, so most are advice; a name with the partnership's mark
    /// on it (a pan-area prefix its declared groups share, "Partnership") is a warning.
    #[test]
    fn an_undeclared_group_is_reported() {
        let executive = &[("Executive Board", false)][..];
        for (partnership, groups, sentence, name, severity) in [
            // kent-19
            (
                KENT,
                executive,
                "The primary purpose of the Scrutiny and Challenge Group is to assure the Safeguarding Partners of the efficacy of the safeguarding system and facilitate robust scrutiny and constructive challenge across the partnership.",
                "Scrutiny and Challenge Group",
                Severity::Info,
            ),
            // hillingdon-09
            (
                "Hillingdon Safeguarding Children Partnership",
                executive,
                "On an annual basis, the Executive Leadership Group commissioned independent scrutiny where an external expert provided an independent review around the work being done.",
                "Executive Leadership Group",
                Severity::Info,
            ),
            // lincolnshire-09
            (
                "Lincolnshire Safeguarding Children Partnership (LSCP)",
                executive,
                "Sub-groups are made up of representatives from agencies who form the membership of the Operational Delivery Group.",
                "Operational Delivery Group",
                Severity::Info,
            ),
            // bristol-08: initials inside the name belong to it.
            (
                "Keeping Bristol Safe Partnership (KBSP)",
                executive,
                "The obligations of the Safeguarding Partners are now delegated by the Keeping Bristol Safe Partnership to the Keeping Children Safe (KCS) Business Delivery Group.",
                "Keeping Children Safe (KCS) Business Delivery Group",
                Severity::Info,
            ),
            // nottinghamshire-10, with only the Strategic Leadership Group declared.
            (
                NOTTINGHAMSHIRE,
                &[("Strategic Leadership Group", false)][..],
                "A Safeguarding Assurance and Improvement Group (SAIG) sits beneath the SLG and meets four times a year.",
                "Safeguarding Assurance and Improvement Group",
                Severity::Info,
            ),
            // pan-lancashire-14: a board with "Partnership" in its name.
            (
                LANCASHIRE,
                executive,
                "This meeting established that the partnership would set up Strategic Delivery Groups responsible for each priority which would report assurance to a Blackpool Children Safeguarding Partnership Assurance Board (CSAP).",
                "Blackpool Children Safeguarding Partnership Assurance Board",
                Severity::Warning,
            ),
            // central-bedfordshire.toml: a pan-area group beside the declared pan-area groups.
            (
                CENTRAL_BEDS,
                &[
                    ("Pan Beds Safeguarding Education Group", true),
                    ("Pan Bedfordshire Neglect Group", true),
                ][..],
                "The Pan Bedfordshire Safeguarding Education Group is a strategic group, tasked to bring education as the fourth safeguarding partner and reporting directly to the Pan Bedfordshire Coordinating Group.",
                "Pan Bedfordshire Coordinating Group",
                Severity::Warning,
            ),
        ] {
            assert_eq!(
                reported(partnership, groups, sentence),
                vec![(name.to_owned(), severity)],
                "{sentence}"
            );
        }
    }

    /// Real sentences that must stay silent: outside bodies, history, the partnership's own
    /// name, plurals and lower-case kinds, and groups the document declares under another form
    /// of their name.
    #[test]
    fn outside_bodies_history_and_declared_groups_are_not_reported() {
        let executive = &[("Executive Board", false)][..];
        let beds = &[
            ("Pan Beds Safeguarding Education Group", true),
            ("Pan Bedfordshire Neglect Group", true),
            ("Strategic Board", false),
            (
                "Luton Quality Assurance, Learning and Scrutiny Group",
                false,
            ),
            ("Pan Bedfordshire Co-ordinating Group", true),
        ][..];
        for (partnership, groups, sentence) in [
            // bristol-03: history, a Safeguarding Adults Board, a community safety partnership.
            (
                "Keeping Bristol Safe Partnership (KBSP)",
                executive,
                "In Bristol this meant that the Bristol Safeguarding Children Board was replaced by the Keeping Bristol Safe Partnership which also manages the functions of the local Safeguarding Adults Board and Community Safety Partnership.",
            ),
            // coventry-02
            (
                "Coventry Safeguarding Children Partnership (CSCP)",
                executive,
                "The Board had now transitioned to Coventry Safeguarding Children’s Partnership and had made the decision to recruit a Joint Chair to oversee the work of both the Coventry Safeguarding Children’s Partnership and Coventry Safeguarding Adults Board to improve joint working and to look at improving the transition between Children’s and Adult’s services.",
            ),
            // buckinghamshire-07: the national panel.
            (
                "Buckinghamshire Safeguarding Children Partnership",
                executive,
                "Responsibility for how a system learns lessons from serious child safeguarding incidents rests at a national level with the Child Safeguarding Practice Review Panel and at a local level with the three Safeguarding Partners (Integrated Care Boards, Police and Local Authorities) and other partner agencies.",
            ),
            // hillingdon-11: the partnership called a board, and the adults board.
            (
                "Hillingdon Safeguarding Children Partnership",
                executive,
                "The Safeguarding Partnership must publish an annual report on behalf of the Safeguarding Adults Board and the Safeguarding Children Partnership Board to explain what has been done each year to review and improve safeguarding practice.",
            ),
            // birmingham-07: the council's scrutiny panel.
            (
                "Birmingham Safeguarding Children Partnership (BSCP)",
                executive,
                "Each year I have written a partnership Accountability Report and presented it to the Safeguarding Leaders Assembly and Local Authority Scrutiny Panel and Practitioner Forum.",
            ),
            // birmingham-05: "Board" inside a longer phrase.
            (
                "Birmingham Safeguarding Children Partnership (BSCP)",
                executive,
                "List of BSCP Board Members",
            ),
            // lincolnshire-06: the title of regulations.
            (
                "Lincolnshire Safeguarding Children Partnership (LSCP)",
                executive,
                "The functions of the LSCP are set out in primary legislation (Sections 14 and 14a of The Children Act 2004) and regulations (Local Safeguarding Board Regulations 2006).",
            ),
            // pan-lancashire-16: the declared Executive Board, after the partnership's name.
            (
                LANCASHIRE,
                executive,
                "As a result, the Children’s Safeguarding Assurance Partnership (CSAP) Executive Board agreed to change to a place-based model which will have a greater focus on accountability and decision making at a local level.",
            ),
            // kent-13: history.
            (
                KENT,
                executive,
                "From the 17th September 2019, the new Kent Safeguarding Children Multi-agency Partnership (KSCMP) replaces the Kent Safeguarding Children Board (KSCB).",
            ),
            // essex-11: the partnership's own name is a "Board".
            (
                "Essex Safeguarding Children Board (ESCB)",
                executive,
                "These organisations are known as the Statutory Partners and they work under the title of the Essex Safeguarding Children Board (ESCB).",
            ),
            // norfolk-15: sub-groups in general.
            (
                "Norfolk Safeguarding Children Partnership",
                executive,
                "We undertake a number of responsibilities by ourselves, alongside a number of NSCP Sub-Groups.",
            ),
            // hertfordshire-15: one word before the noun.
            (
                "Hertfordshire Safeguarding Children Partnership (HSCP)",
                executive,
                "Stakeholders Group: this group has a wide strategic membership of relevant agencies, including schools, probation services, district councils, the Lead Executive member and health providers.",
            ),
            // nottinghamshire-07, -08 and -10, with both groups declared ("&" for "and", initials).
            (
                NOTTINGHAMSHIRE,
                &[
                    ("Strategic Leadership Group", false),
                    ("Safeguarding Assurance & Improvement Group", false),
                ][..],
                "The Safeguarding Assurance and Improvement Group is led by the independent scrutineer and is responsible for scrutinising safeguarding effectiveness and the coordination of improvement activities.",
            ),
            (
                NOTTINGHAMSHIRE,
                &[
                    ("Strategic Leadership Group", false),
                    ("Safeguarding Assurance & Improvement Group", false),
                ][..],
                "Senior representatives from the safeguarding partners meet as a Strategic Leadership Group (SLG) four times a year.",
            ),
            // central-bedfordshire-terms-of-reference-2018.toml: a list of links to other boards.
            (
                CENTRAL_BEDS,
                beds,
                "Within Central Bedfordshire there is a joint protocol in place whereby the chairs from Safeguarding Children's Board, Safeguarding Adults Board, Health and Wellbeing Board, Community Safety Partnership, Children's Leadership Board and the Youth Justice Board meet on a regular basis to discuss cross cutting themes/issues and priorities.",
            ),
            // central-bedfordshire.toml and luton.toml: declared groups in other forms.
            (
                CENTRAL_BEDS,
                beds,
                "There is a dedicated section of the Schools Designated Leads (DSL) and Cluster Forums, where schools can feed back to the Pan Bedfordshire Safeguarding in Education Sub-group.",
            ),
            (
                CENTRAL_BEDS,
                beds,
                "Chair of the Pan Bedfordshire Neglect Group",
            ),
            (
                CENTRAL_BEDS,
                beds,
                "Currently on our Central Bedfordshire Strategic Partnership Board Meeting we have representatives from the Local Authority School Improvement Team.",
            ),
            (
                CENTRAL_BEDS,
                beds,
                "Chair of the Learning and Scrutiny Group",
            ),
            (
                CENTRAL_BEDS,
                beds,
                "It reports directly to the Pan Bedfordshire Coordinating Group.",
            ),
            // Kinds of group, and lower-case mentions.
            (
                CENTRAL_BEDS,
                beds,
                "Task and Finish Groups will undertake the work as appropriate.",
            ),
            (
                CENTRAL_BEDS,
                beds,
                "including the setting up of any task and finish groups as required, reported to the group",
            ),
            // An NHS body's committee (constructed).
            (
                CENTRAL_BEDS,
                beds,
                "Assurance is also given to the ICB Safeguarding Assurance Committee.",
            ),
            // Quoted, and negated.
            (
                CENTRAL_BEDS,
                beds,
                "It is not a ‘Central Bedfordshire Neglect Strategy Group’ of its own.",
            ),
        ] {
            assert_eq!(
                reported(partnership, groups, sentence),
                vec![],
                "{sentence}"
            );
        }
    }

    #[test]
    fn one_finding_per_name_with_its_other_places_and_the_closest_declared_group() {
        let text = "The Quality Assurance Performance Group meets monthly. The Quality Assurance Performance Group reports to the Executive Board.";
        let doc = document(
            "Devon Safeguarding Children Partnership",
            &[
                ("Partnership Executive", false),
                ("Quality Assurance Delivery Group", false),
                ("Workforce Development Group", false),
            ],
            text,
        );
        let (_, found) = run_rule_on(&GroupDeclared, &doc);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].labels.len(), 1, "{found:#?}");
        let help = found[0].help.as_deref().unwrap_or_default();
        assert!(
            help.contains("\"Quality Assurance Delivery Group\""),
            "{help}"
        );
    }

    #[test]
    fn a_document_that_declares_no_group_is_not_judged() {
        let doc = "schema_version = 1\n[partnership]\nname = \"Example Safeguarding Children Partnership\"\n\n[dispute_resolution]\ndescription = \"Disputes go to the Example Coordinating Sub-group.\"\n";
        assert!(run_rule_on(&GroupDeclared, doc).1.is_empty());
    }
}
