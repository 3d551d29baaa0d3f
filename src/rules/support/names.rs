//! Comparing names as people write them: case, "&" for "and", punctuation and short forms do
//! not make two names different.

/// Lower case, `&` as "and", punctuation and extra spaces dropped: written forms that mean the
/// same name compare equal.
pub fn normalise(s: &str) -> String {
    s.replace('&', " and ")
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect::<String>()
        .split_whitespace()
        .filter(|w| *w != "the")
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether two names are the same name: equal when normalised, or one a short form of the
/// other ("Case Review Group" for "Bedford Borough Case Review Group").
pub fn same_name(a: &str, b: &str) -> bool {
    normalise(a) == normalise(b) || is_short_form(a, b) || is_short_form(b, a)
}

/// Whether two descriptions name the same body: any of one's names (its name and other names)
/// is the same name as any of the other's.
pub fn names_agree(a: (&String, &[String]), b: (&String, &[String])) -> bool {
    std::iter::once(a.0)
        .chain(a.1)
        .any(|x| std::iter::once(b.0).chain(b.1).any(|y| same_name(x, y)))
}

/// Small words that abbreviations skip ("Bedfordshire, Luton and Milton Keynes" → "BLMK").
const SKIPPED_IN_ABBREVIATIONS: &[&str] = &["and", "of", "the", "for", "&"];

/// Whether `alias` is the name shortened, not a different name: its words are the name's words
/// in order, some left out, and an upper-case word may stand for the initials of several
/// ("BLMK ICB" for "Bedfordshire, Luton and Milton Keynes Integrated Care Board",
/// "Bedfordshire Probation" for "Bedfordshire Probation Service").
pub fn is_short_form(alias: &str, name: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let name: Vec<String> = words(name)
        .into_iter()
        .filter(|w| !SKIPPED_IN_ABBREVIATIONS.contains(&w.to_lowercase().as_str()))
        .collect();
    let mut at = 0;
    for word in words(alias) {
        if SKIPPED_IN_ABBREVIATIONS.contains(&word.to_lowercase().as_str()) {
            continue;
        }
        // The alias word is one of the name's words (singular or plural), perhaps after some
        // left out.
        let singular = |w: &str| w.strip_suffix(['s', 'S']).unwrap_or(w).to_lowercase();
        if let Some(found) = name[at..].iter().position(|w| {
            w.eq_ignore_ascii_case(&word)
                || singular(w) == singular(&word)
                || is_contraction(&word, w)
        }) {
            at += found + 1;
            continue;
        }
        // Or an abbreviation: its letters are the initials of consecutive words, perhaps after
        // some left out.
        // A plural abbreviation ("DSPs") stands for the same words.
        let letters = word
            .strip_suffix('s')
            .filter(|w| w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase()))
            .unwrap_or(&word);
        // At most 12 letters: no real abbreviation is longer, and it bounds the search below.
        let is_initials =
            (2..=12).contains(&letters.len()) && letters.chars().all(|c| c.is_ascii_uppercase());
        if !is_initials {
            return false;
        }
        let letters: Vec<char> = letters.chars().collect();
        let initials_at = (at..name.len())
            .find_map(|start| initials_cover(&letters, &name[start..]).map(|used| start + used));
        match initials_at {
            Some(end) if is_initials => at = end,
            _ => return false,
        }
    }
    true
}

/// How many of `words`, from the first, the initials `letters` stand for: each word gives its
/// first letter, and may give one more letter found later in it, for a compound word
/// ("WFDG" for "Workforce Development Group": W and F from "Workforce"). `None` if they do not.
fn initials_cover(letters: &[char], words: &[String]) -> Option<usize> {
    let Some((&first, rest)) = letters.split_first() else {
        return Some(0);
    };
    let (word, later_words) = words.split_first()?;
    let mut chars = word.chars();
    if chars.next() != Some(first) {
        return None;
    }
    if let Some(used) = initials_cover(rest, later_words) {
        return Some(used + 1);
    }
    // A second letter from the same word, then the following words.
    let (&second, after) = rest.split_first()?;
    let inner = chars.as_str();
    if inner.chars().any(|c| c.to_ascii_uppercase() == second) {
        return initials_cover(after, later_words).map(|used| used + 1);
    }
    None
}

/// Whether `short` is a conventional contraction of a county's name ("Beds" for
/// Bedfordshire, "Herts", "Notts", "Cambs", "Lancs", "Glos"): the full word ends in "shire" or
/// "cestershire", the short form has at least four letters, the same first three letters, ends
/// in "s", and every letter of it is found in order in the full word. Other words are not
/// shortened this way ("Health" is not "Healthwatch").
pub fn is_contraction(short: &str, word: &str) -> bool {
    let (s, w) = (short.to_lowercase(), word.to_lowercase());
    if !w.ends_with("shire") || !s.ends_with('s') {
        return false;
    }
    if s.chars().count() < 4
        || s.len() >= w.len()
        || !s.chars().all(|c| c.is_alphabetic())
        || s.chars().take(3).ne(w.chars().take(3))
    {
        return false;
    }
    let mut rest = w.chars();
    s.chars().all(|c| rest.any(|x| x == c))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found on Devon's subgroups page: "the Workforce Development Group (WFDG)".
    #[test]
    fn initials_may_take_a_second_letter_from_a_compound_word() {
        for (alias, name) in [
            ("WFDG", "Workforce Development Group"),
            ("QADG", "Quality Assurance Delivery Group"),
            (
                "BLMK ICB",
                "Bedfordshire, Luton and Milton Keynes Integrated Care Board",
            ),
            ("CSPR Group", "Child Safeguarding Practice Review Group"),
        ] {
            assert!(is_short_form(alias, name), "{alias} for {name}");
        }
        for (alias, name) in [
            ("WXDG", "Workforce Development Group"),
            ("FDG", "Workforce Development Group"),
            ("WDGG", "Workforce Development Group"),
            (
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "A A A A A A A A A A A A A A A A A A B",
            ),
        ] {
            assert!(!is_short_form(alias, name), "{alias} for {name}");
        }
    }

    #[test]
    fn county_contractions_are_the_same_name_and_other_words_are_not() {
        for (short, full) in [
            ("Beds", "Bedfordshire"),
            ("Herts", "Hertfordshire"),
            ("Notts", "Nottinghamshire"),
            ("Cambs", "Cambridgeshire"),
            ("Lancs", "Lancashire"),
            ("Glos", "Gloucestershire"),
        ] {
            assert!(is_contraction(short, full), "{short} for {full}");
        }
        for (short, full) in [
            ("Bed", "Bedfordshire"),
            ("Bucks", "Bedfordshire"),
            ("Beds", "Beds"),
            ("Luton", "Bedfordshire"),
            ("Hertfordshire", "Herts"),
            ("Health", "Healthwatch"),
            ("Exec", "Executive"),
        ] {
            assert!(!is_contraction(short, full), "{short} for {full}");
        }
        assert!(same_name(
            "Pan Beds Safeguarding Education Group",
            "Pan Bedfordshire Safeguarding Education Group"
        ));
        assert!(same_name(
            "Pan Beds Voice of the Child",
            "Pan Bedfordshire Voice of the Child Group"
        ));
        assert!(!same_name(
            "Pan Bedfordshire Neglect Group",
            "Pan Bedfordshire Voice of the Child Group"
        ));
    }
}
