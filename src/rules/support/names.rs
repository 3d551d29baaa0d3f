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
    // A quick no before any allocation: every way the alias's first word can stand for the
    // name (a word of it, a contraction, initials) starts with the first letter of a word of
    // the name. Rules compare many candidate names with every declared one.
    let split = |c: char| c.is_whitespace() || c == ',';
    let first_letter = |w: &str| w.chars().next().map(|c| c.to_ascii_lowercase());
    let Some(first) = alias
        .split(split)
        .find(|w| !w.is_empty() && !SKIPPED_IN_ABBREVIATIONS.contains(&w.to_lowercase().as_str()))
        .and_then(first_letter)
    else {
        return true;
    };
    if !name.split(split).any(|w| first_letter(w) == Some(first)) {
        return false;
    }
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

/// Second parts of the compound words that service names are made of ("Workforce",
/// "Wellbeing", "Childcare", "Safeguarding", "Healthwatch"), upper case: a compound may give
/// initials a second letter where its part starts.
const COMPOUND_PARTS: &[&str] = &[
    "FORCE", "BEING", "CARE", "GUARD", "WATCH", "LINE", "WORK", "PLACE", "SHIP", "HOOD", "WIDE",
    "BASED", "LED",
];

/// Prefixes written closed up ("Multiagency", "Interagency", "Subgroup"), upper case: the
/// letter after one starts a word of its own.
const PREFIXES: &[&str] = &["MULTI", "INTER", "SUB", "PAN", "NON", "CROSS", "CO"];

/// Whether the letters of `initials` ("KSCMP") can be read, in order, from `words` ("Kent
/// Safeguarding Multi-Agency Partnership"): each letter is the first letter of a later word
/// (words may be left out: "East of England Ambulance Service NHS Trust (EEAST)"), or a later
/// letter of the word the previous letter came from, where a part of a compound starts ("WFDG":
/// W and F from "Workforce"), or any later letter of an upper-case word ("SEND"). As lenient as a reader would be, so only initials that cannot
/// stand for the name fail. Case is ignored; the work is bounded by letters × words × word
/// length (memoised), whatever the input.
pub fn initials_fit(initials: &str, words: &[&str]) -> bool {
    let originals = words;
    let letters: Vec<char> = initials.chars().map(|c| c.to_ascii_uppercase()).collect();
    let words: Vec<Vec<char>> = words
        .iter()
        .map(|w| w.chars().map(|c| c.to_ascii_uppercase()).collect())
        .collect();
    // state: (letters used, word the last letter came from, its position in that word);
    // before any letter, the "word" is words.len() (none).
    let mut seen = std::collections::HashSet::new();
    let mut stack = vec![(0usize, words.len(), 0usize)];
    while let Some((i, w, p)) = stack.pop() {
        if i == letters.len() {
            return true;
        }
        if !seen.insert((i, w, p)) {
            continue;
        }
        let want = letters[i];
        // A later letter of the same word: any, of an upper-case word ("SEND", "NHS"); of
        // another word, one that starts a part of a compound ("Work|force", "Well|being").
        if let Some(word) = words.get(w) {
            let upper = originals[w].chars().all(|c| !c.is_lowercase());
            for (q, &c) in word.iter().enumerate().skip(p + 1) {
                let part = || {
                    let rest: String = word[q..].iter().collect();
                    let head: String = word[..q].iter().collect();
                    COMPOUND_PARTS.iter().any(|part| rest.starts_with(part))
                        || PREFIXES.contains(&head.as_str())
                        || originals[w].chars().nth(q).is_some_and(char::is_uppercase)
                };
                if c == want && (upper || part()) {
                    stack.push((i + 1, w, q));
                }
            }
        }
        // The first letter of a later word.
        let next = if w == words.len() { 0 } else { w + 1 };
        for (k, word) in words.iter().enumerate().skip(next) {
            if word.first() == Some(&want) {
                stack.push((i + 1, k, 0));
            }
        }
    }
    false
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
    fn initials_fit_the_names_they_stand_for_and_not_others() {
        let fits = |initials: &str, name: &str| {
            let words: Vec<&str> = name
                .split(|c: char| c.is_whitespace() || c == '-' || c == ',')
                .filter(|w| !w.is_empty())
                .collect();
            initials_fit(initials, &words)
        };
        for (initials, name) in [
            ("MSCP", "Medway Safeguarding Children Partnership"),
            ("EEAST", "East of England Ambulance Service NHS Trust"),
            ("WFDG", "Workforce Development Group"),
            ("SENDIASS", "SEND Information Advice and Support Service"),
            ("MASH", "Multi-Agency Safeguarding Hub"),
            (
                "HMICFRS",
                "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services",
            ),
            ("BLMK", "Bedfordshire, Luton and Milton Keynes"),
            ("MASA", "Multiagency Safeguarding Arrangements"),
        ] {
            assert!(fits(initials, name), "{initials} for {name}");
        }
        // Found on Kent's and Blackpool's pages: a word dropped, or initials of another name.
        for (initials, name) in [
            ("KSCMP", "Kent Safeguarding Multi-Agency Partnership"),
            (
                "CSAP",
                "Blackpool Children Safeguarding Partnership Assurance Board",
            ),
            ("NPS", "Probation Service"),
        ] {
            assert!(!fits(initials, name), "{initials} for {name}");
        }
        // Bounded: many repeated letters against many words is quick and false.
        let long = ["Aaaaaaaaaaaa"; 14];
        assert!(!initials_fit("AAAAAAAAAAAAB", &long));
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
