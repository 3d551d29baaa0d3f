//! "Did you mean": the closest of the names a user could have meant.
//!
//! A [`Suggester`] indexes the names once, so that a document with thousands of unknown
//! references among thousands of ids stays near linear: each question compares itself with
//! at most [`MAX_COMPARISONS`] names, however many there are. With more names than that, it
//! compares the names next to it in alphabetical order and in the order of the names read
//! backwards: a typo leaves either the part before it or the part after it unchanged, so a
//! name one typo away shares a long prefix or a long suffix and sorts next to the question in
//! one of the two orders.

use std::collections::HashMap;

/// The most names one question compares itself with: every name of any real document (a
/// few hundred ids). Past it the suggestion is the closest of the alphabetical neighbours.
pub const MAX_COMPARISONS: usize = 256;

/// "Did you mean": the closest candidate, if it is close enough to be a likely typo.
///
/// Closeness is the edit distance (with transpositions) after ignoring case and the
/// `-`/`_` difference, allowing one edit plus one per five characters. Prefix-weighted
/// measures (Jaro-Winkler) are avoided: ids share prefixes (`example-police`,
/// `example-council`) without being typos of each other. On a tie the earlier candidate wins.
///
/// For many questions against the same names, build a [`Suggester`] once.
pub fn suggest<'a>(given: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    Suggester::new(candidates).suggest(given)
}

/// Names indexed for "did you mean" questions.
#[derive(Debug, Clone, Default)]
pub struct Suggester<'a> {
    names: Vec<&'a str>,
    /// Each name as compared: lower case, `-` read as `_`.
    normal: Vec<Vec<char>>,
    /// The first name with each normal form.
    exact: HashMap<Vec<char>, usize>,
    /// The names in the alphabetical order of their normal forms.
    forwards: Vec<usize>,
    /// The names in the order of their normal forms read backwards, with those reversed forms.
    backwards: Vec<(Vec<char>, usize)>,
}

fn normalise(s: &str) -> Vec<char> {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == '-' { '_' } else { c })
        .collect()
}

impl<'a> Suggester<'a> {
    /// Indexes the names (in the order given: on a tie the earlier one is suggested).
    pub fn new(candidates: impl IntoIterator<Item = &'a str>) -> Self {
        let mut s = Suggester::default();
        for name in candidates {
            let normal = normalise(name);
            if s.exact.contains_key(&normal) {
                continue; // the earlier one always wins
            }
            s.exact.insert(normal.clone(), s.names.len());
            s.names.push(name);
            s.normal.push(normal);
        }
        if s.names.len() > MAX_COMPARISONS {
            let mut forwards: Vec<usize> = (0..s.names.len()).collect();
            forwards.sort_by(|&a, &b| s.normal[a].cmp(&s.normal[b]));
            let mut backwards: Vec<(Vec<char>, usize)> = s
                .normal
                .iter()
                .enumerate()
                .map(|(i, n)| (n.iter().rev().copied().collect(), i))
                .collect();
            backwards.sort();
            s.forwards = forwards;
            s.backwards = backwards;
        }
        s
    }

    /// The closest name to `given`, if it is close enough to be a likely typo.
    pub fn suggest(&self, given: &str) -> Option<&'a str> {
        self.nearest(given).map(|(name, _)| name)
    }

    /// The suggestion only if it is the one clear one: no other name is as close. What a fix
    /// may write without a person choosing.
    pub fn suggest_unique(&self, given: &str) -> Option<&'a str> {
        self.nearest(given)
            .filter(|&(_, unique)| unique)
            .map(|(name, _)| name)
    }

    /// The closest name, and whether no other is as close.
    fn nearest(&self, given: &str) -> Option<(&'a str, bool)> {
        let given = normalise(given);
        if let Some(&i) = self.exact.get(&given) {
            return Some((self.names[i], true));
        }
        let allowed = 1 + given.len() / 5;
        let mut best: Option<(usize, usize)> = None; // (distance, name)
        let mut ties = 0usize;
        let mut judge = |i: usize| {
            let name = &self.normal[i];
            if name.len().abs_diff(given.len()) > allowed {
                return;
            }
            let d = osa(&given, name, allowed);
            if d > allowed {
                return;
            }
            match best {
                Some((bd, bi)) if d == bd => {
                    // Another name as close (the same name may be judged twice).
                    if self.normal[bi] != *name {
                        ties += 1;
                    }
                    if i < bi {
                        best = Some((d, i));
                    }
                }
                Some((bd, _)) if d > bd => {}
                _ => {
                    best = Some((d, i));
                    ties = 0;
                }
            }
        };
        if self.names.len() <= MAX_COMPARISONS {
            (0..self.names.len()).for_each(&mut judge);
        } else {
            let side = MAX_COMPARISONS / 4;
            let at = self.forwards.partition_point(|&i| self.normal[i] < given);
            let near = |at: usize, len: usize| at.saturating_sub(side)..(at + side).min(len);
            for k in near(at, self.forwards.len()) {
                judge(self.forwards[k]);
            }
            let reversed: Vec<char> = given.iter().rev().copied().collect();
            let at = self.backwards.partition_point(|(r, _)| *r < reversed);
            for k in near(at, self.backwards.len()) {
                judge(self.backwards[k].1);
            }
        }
        best.map(|(_, i)| (self.names[i], ties == 0))
    }
}

/// The edit distance counting a swap of two neighbouring characters as one edit (optimal
/// string alignment), or `bound + 1` if it is more than `bound`: only the cells within
/// `bound` of the diagonal are computed, and the computation stops once a row exceeds it.
fn osa(a: &[char], b: &[char], bound: usize) -> usize {
    let over = bound + 1;
    if a.len().abs_diff(b.len()) > bound {
        return over;
    }
    let w = b.len() + 1;
    let mut prev2 = vec![over; w];
    let mut prev: Vec<usize> = (0..w).map(|j| j.min(over)).collect();
    let mut cur = vec![over; w];
    for i in 1..=a.len() {
        cur.fill(over);
        if i <= bound {
            cur[0] = i;
        }
        let lo = i.saturating_sub(bound).max(1);
        let hi = (i + bound).min(b.len());
        let mut row_min = cur[0];
        for j in lo..=hi {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v.min(over);
            row_min = row_min.min(cur[j]);
        }
        if row_min > bound {
            return over;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fix_takes_only_the_one_clear_suggestion() {
        let s = Suggester::new(["board-a", "board-b", "published"]);
        assert_eq!(s.suggest("board-c"), Some("board-a"));
        assert_eq!(s.suggest_unique("board-c"), None, "two are as close");
        assert_eq!(s.suggest_unique("publshed"), Some("published"));
        assert_eq!(s.suggest_unique("Published"), Some("published"));
        assert_eq!(s.suggest_unique("nothing-like-it"), None);
    }

    #[test]
    fn suggestions_catch_typos_only() {
        assert_eq!(
            suggest("publshed", ["published", "updated"]),
            Some("published")
        );
        assert_eq!(
            suggest("wt2022", ["wt2018", "wt2023", "wt2026"]).map(|s| s.starts_with("wt202")),
            Some(true)
        );
        assert_eq!(suggest("zzz", ["published"]), None);
        assert_eq!(suggest("pubilshed", ["published"]), Some("published"));
        assert_eq!(
            suggest("Example_Police", ["example-police"]),
            Some("example-police")
        );
    }

    #[test]
    fn the_bounded_distance_is_exact_within_its_bound() {
        let pairs = [
            ("kitten", "sitting"),
            ("ab", "ba"),
            ("abcdef", "badcfe"),
            ("", "abc"),
            ("published", "publshed"),
            ("ca", "abc"),
        ];
        for (a, b) in pairs {
            let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            let exact = osa(&a, &b, 1 << 20);
            for bound in 0..8 {
                let expected = if exact <= bound { exact } else { bound + 1 };
                assert_eq!(osa(&a, &b, bound), expected, "{a:?} {b:?} {bound}");
            }
        }
        let d = |a: &str, b: &str| {
            osa(
                &a.chars().collect::<Vec<_>>(),
                &b.chars().collect::<Vec<_>>(),
                99,
            )
        };
        assert_eq!(d("kitten", "sitting"), 3);
        assert_eq!(d("ab", "ba"), 1);
        assert_eq!(d("ca", "abc"), 3);
    }

    #[test]
    fn ties_go_to_the_earlier_name() {
        assert_eq!(suggest("abcd", ["abce", "abcf"]), Some("abce"));
        assert_eq!(suggest("abcd", ["abcf", "abce"]), Some("abcf"));
    }

    #[test]
    fn agrees_with_a_search_of_every_name() {
        let names: Vec<String> = (0..300)
            .map(|i| {
                format!(
                    "{}-{}-council",
                    ["north", "south", "east", "west"][i % 4],
                    i
                )
            })
            .collect();
        let s = Suggester::new(names.iter().map(String::as_str));
        for q in [
            "north-12-councl",
            "sout-41-council",
            "east-2-counsil",
            "west-999-council",
            "x",
        ] {
            let nq = normalise(q);
            let allowed = 1 + nq.len() / 5;
            let expected = names
                .iter()
                .map(|n| (osa(&nq, &normalise(n), 1 << 20), n.as_str()))
                .filter(|(d, _)| *d <= allowed)
                .min_by_key(|(d, _)| *d)
                .map(|(_, n)| n);
            assert_eq!(s.suggest(q), expected, "{q}");
        }
    }

    #[test]
    fn many_questions_against_many_near_identical_names_stay_fast() {
        let names: Vec<String> = (0..20_000)
            .map(|i| format!("organisation-number-{i}"))
            .collect();
        let s = Suggester::new(names.iter().map(String::as_str));
        let start = std::time::Instant::now();
        for i in (0..20_000).step_by(100) {
            let wanted = format!("organisation-number-{i}");
            assert_eq!(
                s.suggest(&format!("organisation-numbr-{i}")),
                Some(wanted.as_str())
            );
            assert_eq!(
                s.suggest(&format!("organisaton-number-{i}")),
                Some(wanted.as_str())
            );
        }
        // 400 questions, each against at most 256 names: about 100,000 comparisons, not the
        // 8,000,000 of comparing every name (minutes in a debug build).
        assert!(start.elapsed() < std::time::Duration::from_secs(30));
    }
}
