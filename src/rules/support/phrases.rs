//! One search of the document's text for every phrase the wording rules look for.
//!
//! The wording rules read every text value of the document. Searching each value once per
//! phrase made them most of the rules stage's time; one Aho-Corasick pass over each value
//! finds every phrase at once, ignoring ASCII case, and each rule then reads the places of its
//! own phrases. Places are byte offsets into [`TextValue::text`].

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use crate::model::TextValue;

/// The phrases searched for in one pass, lower-case ASCII. A phrase not listed here is still found
/// (by a search of its own), only more slowly: add the phrases of a new wording rule here. The
/// registries' names, misquotations and claims have their own pass (`support::prose`).
const PHRASES: &[&str] = &[
    // placeholder-text
    "tbc",
    "todo",
    "[bookmark:",
    "[image:",
    // acronym-expansion
    "lead strategic partner",
    "designated safeguarding partner",
    // group-name-consistent: a group's name with its other ending ends in one of these
    " board",
    " group",
];

/// Built once per process. A DFA without a prefilter: the phrases start with common letters,
/// so a prefilter would stop every few bytes (measured: it halved the speed).
static AUTOMATON: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .ascii_case_insensitive(true)
        .prefilter(false)
        .build(PHRASES)
        .ok()
});

/// Where each phrase occurs: for each phrase of [`PHRASES`], (text value, byte offset in its
/// text), in document order.
pub(crate) struct PhraseIndex {
    by_phrase: Vec<Vec<(usize, usize)>>,
}

impl PhraseIndex {
    /// Searches every text value once.
    pub(crate) fn build(texts: &[TextValue]) -> Option<Self> {
        let automaton = AUTOMATON.as_ref()?;
        let mut by_phrase = vec![Vec::new(); PHRASES.len()];
        for (i, t) in texts.iter().enumerate() {
            for found in automaton.find_overlapping_iter(&t.text) {
                let places: &mut Vec<(usize, usize)> = &mut by_phrase[found.pattern().as_usize()];
                // `str::match_indices` does not report a match overlapping the one before it:
                // neither does this.
                let overlaps_previous = places.last().is_some_and(|&(text, at)| {
                    text == i && found.start() < at + found.end() - found.start()
                });
                if !overlaps_previous {
                    places.push((i, found.start()));
                }
            }
        }
        Some(PhraseIndex { by_phrase })
    }

    /// The places of one phrase, or `None` if it is not one of [`PHRASES`].
    pub(crate) fn places(&self, phrase: &str) -> Option<&[(usize, usize)]> {
        let i = PHRASES.iter().position(|p| *p == phrase)?;
        Some(&self.by_phrase[i])
    }
}

/// Where a phrase (lower-case ASCII) occurs in a text, ignoring ASCII case, without overlaps:
/// the search for a phrase that is not in [`PHRASES`], and for a closer look at one value.
pub(crate) fn find_all(text: &str, phrase: &str) -> Vec<usize> {
    let (text, phrase) = (text.as_bytes(), phrase.as_bytes());
    let mut found = Vec::new();
    let mut from = 0;
    while phrase.len() <= text.len().saturating_sub(from) && !phrase.is_empty() {
        let Some(at) = text[from..]
            .windows(phrase.len())
            .position(|w| w.eq_ignore_ascii_case(phrase))
        else {
            break;
        };
        found.push(from + at);
        from += at + phrase.len();
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> TextValue {
        TextValue {
            key: "k".into(),
            text: s.into(),
            span: 0..s.len(),
        }
    }

    /// The index gives what a search of each value for each phrase gives.
    #[test]
    fn finds_what_a_search_per_phrase_finds() {
        let texts: Vec<TextValue> = [
            "The Local Safeguarding Children Board and the Safeguarding Children Board",
            "nothing here",
            "TBC tbc TODO [image: x] [Bookmark: _Hlk1] designated safeguarding partner, designate",
            "Ça, the LOCAL SAFEGUARDING CHILDREN BOARD, £1 (offsets after multi-byte letters)",
            "Independent Chair; relevant agencies (England) and Relevant Agency (England) Regulation 2018",
            "a fourth statutory safeguarding partner, a fourth safeguarding partner",
        ]
        .iter()
        .map(|s| text(s))
        .collect();
        let index = PhraseIndex::build(&texts).unwrap();
        for phrase in PHRASES {
            let expected: Vec<(usize, usize)> = texts
                .iter()
                .enumerate()
                .flat_map(|(i, t)| find_all(&t.text, phrase).into_iter().map(move |at| (i, at)))
                .collect();
            assert_eq!(index.places(phrase).unwrap(), expected, "{phrase}");
        }
        let found = |p| index.places(p).unwrap().len();
        assert_eq!(found(" board"), 3);
        assert_eq!(found("designated safeguarding partner"), 1);
        assert_eq!(found("tbc"), 2);
        assert!(index.places("not a listed phrase").is_none());
    }

    #[test]
    fn a_phrase_written_twice_in_a_row_is_found_twice() {
        let texts = vec![text("tbcTBC")];
        let index = PhraseIndex::build(&texts).unwrap();
        assert_eq!(index.places("tbc").unwrap(), [(0, 0), (0, 3)]);
        assert_eq!(find_all("tbcTBC", "tbc"), [0, 3]);
        assert_eq!(
            find_all("aaaa", "aa"),
            [0, 2],
            "no overlaps, as str::match_indices"
        );
        assert!(find_all("tb", "tbc").is_empty() && find_all("x", "").is_empty());
    }
}
