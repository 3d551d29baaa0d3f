//! Mention, not use: whether a name in a sentence is negated or narrated as history.
//!
//! A NegEx-style pass (Chapman et al., 2001): the text is split into sentences, and each
//! sentence into clauses at scope terminators ("but", "however", ";", "which", "and is now", …).
//! A cue phrase ("formerly", "was replaced by", "(now …)") puts the words of its clause in its
//! scope: a *pre*-cue the words after it, a *post*-cue the words before it, a two-way cue
//! ("replaced", "abolished", "transition") both. A name inside a cue's scope is mentioned as
//! history ("the former LSCB", "the LSCB was replaced by the partnership"), not used as current.
//! A name inside quotation marks ("‘Safeguarding Children Board’") is also a mention.
//!
//! The tables below are the whole method: a new cue is one line. Only rules for which a
//! mention in history is fine use this (obsolete names, a "fourth partner", statements of law
//! that were once true); placeholders and misquoted titles are wrong wherever they appear.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

/// Which way a cue's scope runs from the cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    /// The words after the cue, to the end of its clause.
    Forward,
    /// The words before the cue, back to the start of its clause.
    Backward,
    /// Both.
    Both,
}

/// How many of the first [`CUES`] negate (the rest narrate what came before or a change).
const NEGATING_CUES: usize = 6;

/// Cue phrases, lower-case, matched as whole words (ASCII case ignored). The first
/// [`NEGATING_CUES`] negate.
const CUES: &[(&str, Scope)] = &[
    // negation
    ("no longer", Scope::Both),
    ("not a", Scope::Forward),
    ("whilst not", Scope::Forward),
    ("while not", Scope::Forward),
    ("rather than", Scope::Forward),
    ("instead of", Scope::Forward),
    // what came before
    ("formerly", Scope::Forward),
    ("formerly known as", Scope::Forward),
    ("previously", Scope::Both),
    ("previous", Scope::Forward),
    ("former", Scope::Forward),
    ("the old", Scope::Forward),
    ("predecessor", Scope::Both),
    ("predecessors", Scope::Both),
    ("succeeded", Scope::Both),
    ("used to", Scope::Forward),
    ("before", Scope::Forward),
    ("before 2019", Scope::Both),
    ("prior to", Scope::Forward),
    ("until", Scope::Forward),
    ("historically", Scope::Both),
    // replacement, abolition and transition
    ("replaced", Scope::Both),
    ("replace", Scope::Both),
    ("replaces", Scope::Both),
    ("replacing", Scope::Both),
    ("replacement of", Scope::Forward),
    ("abolished", Scope::Both),
    ("abolish", Scope::Forward),
    ("abolition of", Scope::Forward),
    ("dissolution of", Scope::Forward),
    ("dissolved", Scope::Both),
    ("removal of", Scope::Forward),
    ("ending of", Scope::Forward),
    ("transition from", Scope::Forward),
    ("transition", Scope::Forward),
    ("transitional", Scope::Both),
    ("transitioned", Scope::Both),
    ("move from", Scope::Forward),
    ("moved from", Scope::Forward),
    ("changed from", Scope::Forward),
    ("merged", Scope::Both),
    ("became", Scope::Both),
    ("becoming", Scope::Both),
    ("will become", Scope::Backward),
    ("will change its name", Scope::Backward),
    ("renamed", Scope::Both),
    ("ceased", Scope::Backward),
    // past-tense narration of how the old bodies came and went
    ("was established", Scope::Backward),
    ("were established", Scope::Backward),
    ("was set up", Scope::Backward),
    ("were set up", Scope::Backward),
    ("were required", Scope::Both),
    ("was required", Scope::Both),
    ("required", Scope::Forward),
    ("established a", Scope::Forward),
    ("introduced", Scope::Forward),
    ("formed from", Scope::Forward),
    ("would be", Scope::Forward),
    ("had been", Scope::Both),
    ("which had been", Scope::Both),
    ("are to be", Scope::Both),
    ("has had", Scope::Forward),
    ("have had", Scope::Forward),
    // post-cues: the name comes first
    ("was replaced by", Scope::Backward),
    ("were replaced by", Scope::Backward),
    ("has been replaced", Scope::Backward),
    ("have been replaced", Scope::Backward),
    ("will be replaced", Scope::Both),
    ("be replaced", Scope::Both),
    ("was abolished", Scope::Backward),
    ("were abolished", Scope::Backward),
    ("amended to", Scope::Backward),
    ("(now", Scope::Backward),
    ("now known as", Scope::Backward),
];

/// Words and marks that end a cue's scope, lower-case (";" ends it anywhere).
const TERMINATORS: &[&str] = &[
    "but",
    "however",
    "which",
    "whereas",
    "although",
    "because",
    "and is now",
    "is now",
    "are now",
    "that are",
    "who are",
    "which are",
    "currently",
];

/// Cues and terminators, in one automaton: pattern `i < CUES.len()` is a cue.
static AUTOMATON: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    let phrases = CUES
        .iter()
        .map(|(c, _)| *c)
        .chain(TERMINATORS.iter().copied());
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .build(phrases)
        .ok()
});

/// A cue found in a text: where it is and which way its scope runs.
#[derive(Debug, Clone, Copy)]
struct Cue {
    start: usize,
    end: usize,
    scope: Scope,
    /// A negation ("not a"), not a narration of history ("formerly").
    negates: bool,
}

/// The cues, clause boundaries and quotation marks of one text, found once.
#[derive(Debug, Default)]
pub(crate) struct Negation {
    cues: Vec<Cue>,
    /// Byte offsets at which a clause ends (sentence ends and terminators), sorted.
    breaks: Vec<usize>,
    /// Byte ranges inside quotation marks.
    quoted: Vec<(usize, usize)>,
    /// Byte offsets at which words start, sorted: a cue reaches only the few words next to it.
    words: Vec<usize>,
}

/// How many words a cue reaches. NegEx (Chapman et al.) uses five words for clinical notes;
/// published arrangements narrate their history in long sentences ("Before the Keeping Bristol
/// Safe Partnership was made, there was a group of people called the Bristol Safeguarding
/// Children's Board" puts 16 words between cue and name), so the reach is wider, measured on
/// the corpus of real sentences (tests/corpus_sentences.rs), and a clause boundary still ends
/// it first.
const MAX_REACH_WORDS: usize = 25;

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// The byte offsets at which sentences end: after ".", "!" or "?" followed by a space or the
/// end, and at line breaks.
pub(crate) fn sentence_ends(text: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let ends_here = match c {
            '\n' => true,
            '.' | '!' | '?' => next.is_none_or(char::is_whitespace),
            _ => false,
        };
        if ends_here {
            ends.push(i + c.len_utf8());
        }
    }
    ends
}

/// The sentence of `text` around `at..end`: its byte range.
pub(crate) fn sentence_around(text: &str, ends: &[usize], at: usize) -> (usize, usize) {
    let i = ends.partition_point(|&e| e <= at);
    let start = if i == 0 { 0 } else { ends[i - 1] };
    let end = ends.get(i).copied().unwrap_or(text.len());
    (start, end.max(at))
}

/// Words that put a whole sentence in the past or in a story of change: "Working Together 2018
/// stated …", "was established under …", "since September 2018", "published their
/// arrangements in June 2019", "replaced", "formerly". Used where a sentence's tense, not a
/// cue's scope, tells a citation of a past edition from one offered as current: the name
/// of an edition is not itself out of date, only its use as the guidance in force is. Lower
/// case, matched as whole words.
const PAST_NARRATION: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "released",
    "stated",
    "introduced",
    "since",
    "came into force",
    "published their",
    "published its",
    "published in",
    "published on",
    "replaced",
    "replace",
    "replaces",
    "replacing",
    "superseded",
    "previous",
    "previously",
    "former",
    "formerly",
    "no longer",
    "abolished",
    "until",
    "prior to",
    "historically",
    "transition",
    "transitional",
    // the edition as an event: "following the publication of Working Together 2018"
    "publication of",
    "release of",
];

static PAST: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .build(PAST_NARRATION)
        .ok()
});

/// Whether `sentence` narrates the past or a change (see [`PAST_NARRATION`]).
pub(crate) fn narrates_the_past(sentence: &str) -> bool {
    PAST.as_ref().is_some_and(|ac| {
        ac.find_overlapping_iter(sentence).any(|m| {
            !is_word(sentence[..m.start()].chars().next_back())
                && !is_word(sentence[m.end()..].chars().next())
        })
    })
}

impl Negation {
    /// Finds the cues of `text`.
    pub(crate) fn of(text: &str) -> Negation {
        let mut n = Negation {
            breaks: sentence_ends(text),
            words: text
                .char_indices()
                .filter(|&(i, c)| c.is_alphanumeric() && !is_word(text[..i].chars().next_back()))
                .map(|(i, _)| i)
                .collect(),
            ..Negation::default()
        };
        if let Some(ac) = AUTOMATON.as_ref() {
            for m in ac.find_iter(text) {
                let (s, e) = (m.start(), m.end());
                let phrase = if m.pattern().as_usize() < CUES.len() {
                    CUES[m.pattern().as_usize()].0
                } else {
                    TERMINATORS[m.pattern().as_usize() - CUES.len()]
                };
                // Whole words: "(now" starts with a mark, so only its end is checked there.
                let starts_word = !phrase.starts_with(char::is_alphanumeric)
                    || !is_word(text[..s].chars().next_back());
                if !starts_word || is_word(text[e..].chars().next()) {
                    continue;
                }
                match CUES.get(m.pattern().as_usize()) {
                    Some(&(_, scope)) => n.cues.push(Cue {
                        start: s,
                        end: e,
                        scope,
                        negates: m.pattern().as_usize() < NEGATING_CUES,
                    }),
                    None => n.breaks.push(s),
                }
            }
        }
        n.breaks.extend(text.match_indices(';').map(|(i, _)| i + 1));
        n.breaks.sort_unstable();
        n.quoted = quoted_ranges(text);
        n
    }

    /// Whether the words at `start..end` are a mention rather than a use: inside quotation
    /// marks, or inside the scope of a cue.
    pub(crate) fn is_mention(&self, start: usize, end: usize) -> bool {
        self.in_scope(start, end, false)
    }

    /// Whether the words at `start..end` are negated ("not a statutory body") or quoted;
    /// narrated history does not count. For statements that were never true.
    pub(crate) fn is_negated(&self, start: usize, end: usize) -> bool {
        self.in_scope(start, end, true)
    }

    fn in_scope(&self, start: usize, end: usize, only_negation: bool) -> bool {
        if self.quoted.iter().any(|&(s, e)| s <= start && end <= e) {
            return true;
        }
        // The clause: from the last break at or before `start` to the first after `end`.
        let i = self.breaks.partition_point(|&b| b <= start);
        let from = if i == 0 { 0 } else { self.breaks[i - 1] };
        let to = self.breaks[i..]
            .iter()
            .copied()
            .find(|&b| b >= end)
            .unwrap_or(usize::MAX);
        // A break inside the words themselves ("…Board; …") splits them: no clause holds them.
        // The breaks are sorted: only the first after `start` can fall inside the words.
        if self.breaks.get(i).is_some_and(|&b| b < end) {
            return false;
        }
        // Words starting in `a..b`.
        let words_between = |a: usize, b: usize| {
            self.words
                .partition_point(|&w| w < b)
                .saturating_sub(self.words.partition_point(|&w| w < a))
        };
        // Only the cues of this clause (the cues are in text order): the cost per name is the
        // clause's cues, not every cue of the text.
        let first = self.cues.partition_point(|c| c.start < from);
        let last = self.cues.partition_point(|c| c.start < to);
        self.cues[first..last.max(first)].iter().any(|c| {
            let near = if c.start < start {
                words_between(c.end, start) <= MAX_REACH_WORDS
            } else {
                words_between(end, c.start) <= MAX_REACH_WORDS
            };
            let in_clause = from <= c.start && c.end <= to && near && (c.negates || !only_negation);
            // A cue that starts before the words and runs into them ("were required to have …"
            // in a statement that begins at "required") is before them.
            let before = c.start < start;
            let after = c.start >= end;
            in_clause
                && match c.scope {
                    Scope::Forward => before,
                    Scope::Backward => after,
                    Scope::Both => before || after,
                }
        })
    }
}

/// The ranges inside quotation marks: “…”, ‘…’, "…" and '…', where the opening mark does not
/// follow a letter and the closing mark is not followed by one (so the apostrophe of
/// "Children’s" neither opens nor closes a quotation). A quotation does not run past the end of
/// its sentence.
fn quoted_ranges(text: &str) -> Vec<(usize, usize)> {
    let ends = sentence_ends(text);
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut prev: Option<char> = None;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if ends.binary_search(&i).is_ok() {
            open = None;
        }
        let next = iter.peek().map(|&(_, n)| n);
        match (open, c) {
            (None, '"' | '“' | '‘' | '\'') if !is_word(prev) && is_word(next) => {
                open = Some(i + c.len_utf8());
            }
            (Some(from), '"' | '”' | '’' | '\'') if !is_word(next) && prev.is_some() => {
                out.push((from, i));
                open = None;
            }
            _ => {}
        }
        prev = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `name` (its first occurrence) is only mentioned in `text`.
    fn mention(text: &str, name: &str) -> bool {
        let at = text
            .find(name)
            .unwrap_or_else(|| panic!("{name} not in {text}"));
        Negation::of(text).is_mention(at, at + name.len())
    }

    const LSCB: &str = "Local Safeguarding Children Board";

    #[test]
    fn history_and_negation_are_mentions() {
        for text in [
            "The former Local Safeguarding Children Board published its last report in 2019.",
            "The partnership replaced the Local Safeguarding Children Board in 2019.",
            "The Local Safeguarding Children Board was replaced by the partnership.",
            "The Local Safeguarding Children Board (now the partnership) met monthly.",
            "Before 2019 there was a Local Safeguarding Children Board.",
            "This is not a Local Safeguarding Children Board.",
            "We are no longer a Local Safeguarding Children Board.",
            "Section 13 required each local authority to establish a Local Safeguarding Children Board.",
            "The transition from the Local Safeguarding Children Board took a year.",
            "They called it the ‘Local Safeguarding Children Board’ then.",
            "They called it the \"Local Safeguarding Children Board\" then.",
        ] {
            assert!(mention(text, LSCB), "{text}");
        }
    }

    #[test]
    fn present_use_is_not_a_mention() {
        for text in [
            "The Local Safeguarding Children Board meets monthly.",
            "Section 13 requires each local authority to establish a Local Safeguarding Children Board.",
            // The scope ends at a terminator or the end of the sentence.
            "The LSCB was replaced in 2019, but the Local Safeguarding Children Board still meets.",
            "The LSCB was abolished; the Local Safeguarding Children Board remains.",
            // Cues that point one way only: a name before "transition", "until" or "formed" is
            // not narrated as history by them.
            "The Local Safeguarding Children Board oversees young people in transition to adult services.",
            "The Local Safeguarding Children Board commissions services until the child is 18.",
            "The Local Safeguarding Children Board, formed in 2006, meets monthly.",
            // A cue reaches only so far (MAX_REACH_WORDS).
            "Before the meeting the chair read the minutes, the agenda, the reports of every subgroup, the audit findings, the training figures, the budget and the actions, and then the Local Safeguarding Children Board met.",
            "The old website is gone. The Local Safeguarding Children Board meets monthly.",
            "Formerly a trust, it is now the Local Safeguarding Children Board.",
            // An apostrophe is not a quotation mark.
            "The Children’s Trust and the Local Safeguarding Children Board’s chair met.",
        ] {
            assert!(!mention(text, LSCB), "{text}");
        }
    }

    /// Real sentences from the development corpus (tests/corpus/sentences.toml).
    #[test]
    fn real_sentences() {
        let ccg = "clinical commissioning groups";
        let t = "The Children and Social Work Act 2017 replaced Local Safeguarding Children Boards with multi-agency safeguarding arrangements that are the joint responsibility of local authorities, the police and clinical commissioning groups.";
        assert!(mention(t, LSCB) && !mention(t, ccg));
        let t = "a Clinical Commissioning Group (amended to Integrated Care Board from 01/07/2022) for an area any part of which falls within the Local Authority area";
        assert!(mention(t, "Clinical Commissioning Group"));
        let t = "In Bristol this meant that the Bristol Safeguarding Children Board was replaced by the Keeping Bristol Safe Partnership which also manages the functions of the local Safeguarding Adults Board and Community Safety Partnership.";
        assert!(mention(t, "Safeguarding Children Board"));
        let t =
            "The LSCB will continue to monitor and scrutinise progress against these priorities.";
        assert!(!mention(t, "LSCB"));
    }

    #[test]
    fn sentences_end_at_stops_and_line_breaks() {
        assert_eq!(sentence_ends("A b. C d.\nE s.16E f"), [4, 9, 10]);
        let text = "One. Two three. Four";
        let ends = sentence_ends(text);
        assert_eq!(sentence_around(text, &ends, 6), (4, 15));
        assert_eq!(sentence_around(text, &ends, 17), (15, 20));
    }

    #[test]
    fn negation_is_told_from_narrated_history() {
        let text = "The partnership is not a statutory body.";
        let at = text.find("statutory body").unwrap();
        let n = Negation::of(text);
        assert!(n.is_negated(at, at + 14) && n.is_mention(at, at + 14));
        let text =
            "The Children Act 2004 required each local authority to establish a partnership.";
        let at = text.find("establish").unwrap();
        let n = Negation::of(text);
        assert!(n.is_mention(at, text.len() - 1) && !n.is_negated(at, text.len() - 1));
    }
}
