//! "Did you mean": the closest of the names a user could have meant.

/// "Did you mean": the closest candidate, if it is close enough to be a likely typo.
///
/// Closeness is the edit distance (with transpositions) after ignoring case and the
/// `-`/`_` difference, allowing one edit plus one per five characters. Prefix-weighted
/// measures (Jaro-Winkler) are avoided: ids share prefixes (`example-police`,
/// `example-council`) without being typos of each other.
pub fn suggest<'a>(given: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let normalise = |s: &str| s.to_lowercase().replace('-', "_");
    let given = normalise(given);
    let allowed = 1 + given.chars().count() / 5;
    candidates
        .into_iter()
        .map(|c| (c, strsim::damerau_levenshtein(&given, &normalise(c))))
        .filter(|(_, distance)| *distance <= allowed)
        // On a tie the earlier candidate wins, so suggestions do not depend on iteration quirks.
        .fold(None, |best: Option<(&str, usize)>, (c, d)| match best {
            Some((_, b)) if b <= d => best,
            _ => Some((c, d)),
        })
        .map(|(c, _)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}
