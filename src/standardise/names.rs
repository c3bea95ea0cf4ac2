//! Personal names: cleaning, tokens, particles and compounds, placeholders, and the order
//! of given and family names in a one-field full name.
//!
//! Tokens are lower-case ASCII (`Ñ→n`, `ß→ss`, other scripts romanised by deunicode, so
//! Arabic-script or Cyrillic names are keyed consistently rather than dropped).
//! - Placeholders (`UNKNOWN`, `FNU`, `LNU`, `NN`, `XXX`, `inconnu`, `unbekannt` ...) are
//!   removed and reported.
//! - Articles `al`, `el`, `ul` before another word are dropped (`Al-Hassan` = `Hassan`);
//!   `bin`, `ben`, `ibn`, `bint`, `ould`, `wad` inside a name are dropped.
//! - `Abu X` (a kunya) becomes one token `abux`.
//! - `Abd`-compounds become `abdul` + the rest, written together or not:
//!   `Abdul Rahman` = `Abdulrahman` = `Abdel Rahman` = `Abderrahmane` (`abdulrahman(e)`).
//! - Tigrinya compounds join: `Gebre Medhin` = `Gebremedhin`, `Wolde Mariam` = `Woldemariam`.
//!
//! A full name in one field is split by a comma (`Family, Given`), else by capitals
//! (`POUR Kaywan`, `Kaywan POUR`: the upper-case words are the family name), else by the
//! writer's convention ([`NameOrder`]).

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use super::translit::fold;

/// Which part of a one-field name comes first when capitals and commas do not say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NameOrder {
    GivenFirst,
    FamilyFirst,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParsedName {
    pub given: Vec<String>,
    pub family: Vec<String>,
}

impl ParsedName {
    pub fn tokens(&self) -> impl Iterator<Item = &String> {
        self.given.iter().chain(self.family.iter())
    }

    pub fn is_empty(&self) -> bool {
        self.given.is_empty() && self.family.is_empty()
    }

    /// Given names then family names, space separated.
    pub fn full(&self) -> String {
        self.tokens()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

const PLACEHOLDERS: &[&str] = &[
    "unknown",
    "unk",
    "fnu",
    "lnu",
    "nfn",
    "nln",
    "nn",
    "x",
    "xx",
    "xxx",
    "xxxx",
    "none",
    "null",
    "nil",
    "na",
    "inconnu",
    "inconnue",
    "unbekannt",
    "onbekend",
    "noname",
    "sansnom",
    "snp",
];
const ARTICLES: &[&str] = &["al", "el", "ul"];
const FILIATION: &[&str] = &["bin", "ben", "ibn", "bint", "ould", "wad"];
const KUNYA: &[&str] = &["abu", "abou", "abo"];
const ABD_PREFIXES: &[&str] = &[
    "abdoul", "abdul", "abdel", "abdal", "abdol", "abdur", "abder", "abdar", "abdu", "abd",
];
const TIGRINYA_PREFIXES: &[&str] = &[
    "gebre", "ghebre", "gebra", "wolde", "welde", "walda", "habte", "tesfa", "haile",
];

/// Emoji, pictographs, dingbats, variation selectors and tag characters: never part of a
/// name, and left in they would be romanised into words (`😀` -> `grinning`).
fn is_pictograph(c: char) -> bool {
    matches!(
        c,
        '\u{2600}'..='\u{27BF}'
            | '\u{2B00}'..='\u{2BFF}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{1F000}'..='\u{1FAFF}'
            | '\u{E0000}'..='\u{E007F}'
    )
}

/// NFKC, with zero-width and bidirectional control characters and pictographs (emoji)
/// removed and every kind of space made a plain space. Never fails.
pub fn clean(text: &str) -> String {
    // Printable ASCII is already NFKC and has no invisible characters: skip the tables.
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return text.to_string();
    }
    text.nfkc()
        .filter(|c| {
            !matches!(
                c,
                '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}'
            ) && !c.is_control()
                && !is_pictograph(*c)
                || *c == '\t'
        })
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect()
}

fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | ',' | '.' | '/' | '_' | '(' | ')' | ';' | ':' | '"' | '|' | '+' | '&'
        )
}

/// Splits raw words (kept as written) on spaces, hyphens and punctuation; apostrophes join.
fn raw_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(is_separator).filter(|w| !w.is_empty())
}

/// `abderrahmane` -> `abdulrahmane`, `abdelkarim` -> `abdulkarim`; other words unchanged.
fn normalise_abd(word: &str) -> Option<String> {
    for prefix in ABD_PREFIXES {
        if let Some(rest) = word.strip_prefix(prefix) {
            if rest.len() >= 4 {
                // The assimilated article doubles the next consonant: abd-er-rahman.
                let rest = rest
                    .strip_prefix(|c: char| rest[1..].starts_with(c))
                    .unwrap_or(rest);
                return Some(format!("abdul{rest}"));
            }
        }
    }
    None
}

/// Normalised tokens of one name field, and the placeholders that were removed.
pub fn name_tokens(text: &str) -> (Vec<String>, Vec<String>) {
    let cleaned = clean(text);
    let mut placeholders = Vec::new();
    let words: Vec<String> = raw_words(&cleaned)
        .filter_map(|w| {
            let f = fold(w);
            if f.is_empty() {
                None
            } else if PLACEHOLDERS.contains(&f.as_str()) || w.chars().all(|c| c == '?') {
                placeholders.push(w.to_string());
                None
            } else {
                Some(f)
            }
        })
        .collect();
    (join_particles(words), placeholders)
}

fn join_particles(words: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let w = words[i].as_str();
        let next = words.get(i + 1).map(String::as_str);
        let has_next = next.is_some();
        if ARTICLES.contains(&w) && has_next {
            i += 1; // the article is dropped
            continue;
        }
        if FILIATION.contains(&w) && has_next && !out.is_empty() {
            i += 1;
            continue;
        }
        if KUNYA.contains(&w) && has_next {
            out.push(format!("abu{}", words[i + 1]));
            i += 2;
            continue;
        }
        if ABD_PREFIXES.contains(&w) && has_next {
            // Abd al-Rahman, Abdul Rahman, Abdel Karim: join, skipping an article.
            let mut j = i + 1;
            let article = ARTICLES.contains(&words[j].as_str())
                || matches!(words[j].as_str(), "ar" | "er" | "ur");
            if article && j + 1 < words.len() {
                j += 1;
            }
            out.push(format!("abdul{}", words[j]));
            i = j + 1;
            continue;
        }
        if TIGRINYA_PREFIXES.contains(&w) && has_next {
            out.push(format!("{w}{}", words[i + 1]));
            i += 2;
            continue;
        }
        out.push(normalise_abd(w).unwrap_or_else(|| w.to_string()));
        i += 1;
    }
    out
}

fn is_upper_word(w: &str) -> bool {
    let mut letters = 0;
    for c in w.chars() {
        if c.is_alphabetic() {
            if c.is_lowercase() {
                return false;
            }
            if c.is_uppercase() {
                letters += 1;
            }
        }
    }
    letters >= 2
}

/// Splits a one-field full name into (given, family) text, before tokenising.
fn split_full(text: &str, order: NameOrder) -> (String, String) {
    if let Some((family, given)) = text.split_once(',') {
        return (given.trim().to_string(), family.trim().to_string());
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= 1 {
        return (text.trim().to_string(), String::new());
    }
    let upper: Vec<bool> = words.iter().map(|w| is_upper_word(w)).collect();
    let n_upper = upper.iter().filter(|&&u| u).count();
    let cased = words.iter().any(|w| w.chars().any(char::is_lowercase));
    if n_upper > 0 && n_upper < words.len() && cased {
        let family: Vec<&str> = words
            .iter()
            .zip(&upper)
            .filter(|(_, u)| **u)
            .map(|(w, _)| *w)
            .collect();
        let given: Vec<&str> = words
            .iter()
            .zip(&upper)
            .filter(|(_, u)| !**u)
            .map(|(w, _)| *w)
            .collect();
        return (given.join(" "), family.join(" "));
    }
    // A particle belongs to the word after it: "Abu Karim", "Al Hassan", "Gebre Medhin"
    // are one unit whichever side of the name they are on.
    let mut units: Vec<String> = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let f = fold(words[i]);
        let joins = KUNYA.contains(&f.as_str())
            || ABD_PREFIXES.contains(&f.as_str())
            || ARTICLES.contains(&f.as_str())
            || TIGRINYA_PREFIXES.contains(&f.as_str());
        if joins && i + 1 < words.len() {
            units.push(format!("{} {}", words[i], words[i + 1]));
            i += 2;
        } else {
            units.push(words[i].to_string());
            i += 1;
        }
    }
    if units.len() == 1 {
        return (units.remove(0), String::new());
    }
    match order {
        NameOrder::FamilyFirst => (units[1..].join(" "), units[0].clone()),
        NameOrder::GivenFirst => (
            units[..units.len() - 1].join(" "),
            units[units.len() - 1].clone(),
        ),
    }
}

/// Longest name field (in bytes) read; the rest of a longer field is cut off and reported,
/// so that one absurd cell (a 10 MB paste) cannot slow every comparison of its record.
pub const MAX_NAME_BYTES: usize = 1024;

/// `text` cut to at most [`MAX_NAME_BYTES`] at a character boundary, with an issue when cut.
fn capped<'a>(text: Option<&'a str>, field: &str, issues: &mut Vec<String>) -> Option<&'a str> {
    let text = text?;
    if text.len() <= MAX_NAME_BYTES {
        return Some(text);
    }
    let mut end = MAX_NAME_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    issues.push(format!(
        "name: {field} is {} bytes long; only its first {end} bytes were read",
        text.len()
    ));
    Some(&text[..end])
}

/// Parses a person's name from separate fields or one full-name field. Returns the name
/// and row-level issues (placeholders removed, nothing usable, a field cut for length).
pub fn parse_name(
    given: Option<&str>,
    family: Option<&str>,
    full: Option<&str>,
    order: NameOrder,
) -> (ParsedName, Vec<String>) {
    let mut issues = Vec::new();
    let given = capped(given, "given_name", &mut issues);
    let family = capped(family, "family_name", &mut issues);
    let full = capped(full, "full_name", &mut issues);
    fn non_blank(s: Option<&str>) -> Option<&str> {
        s.filter(|t| !t.trim().is_empty())
    }
    let (given_text, family_text, read_full) =
        match (non_blank(given), non_blank(family), non_blank(full)) {
            (None, None, Some(full)) => {
                let (g, f) = split_full(&clean(full), order);
                (g, f, true)
            }
            (g, f, _) => (
                g.unwrap_or("").to_string(),
                f.unwrap_or("").to_string(),
                false,
            ),
        };
    let (mut given_tokens, given_ph) = name_tokens(&given_text);
    let (mut family_tokens, family_ph) = name_tokens(&family_text);
    for p in given_ph.iter().chain(&family_ph) {
        issues.push(format!("name: '{p}' is a placeholder, treated as missing"));
    }
    // A single name written into the family field (passport style: FNU + NAME) is the
    // person's only name: keep it where it was written.
    if given_tokens.is_empty() && family_tokens.is_empty() {
        // name the fields that held a value (absent columns and nulls are None): the
        // full name when it was read, else the separate fields, else all that were given
        let separate = non_blank(given).is_some() || non_blank(family).is_some();
        let fields: Vec<&str> = [
            (given, "given_name", !read_full),
            (family, "family_name", !read_full),
            (full, "full_name", read_full || !separate),
        ]
        .iter()
        .filter(|(value, _, read)| value.is_some() && *read)
        .map(|(_, name, _)| *name)
        .collect();
        if !fields.is_empty() {
            issues.push(format!("name: no usable name in {}", fields.join("/")));
        }
    } else if given_tokens.is_empty() || family_tokens.is_empty() {
        // one-part names are common (single-name Afghans); nothing to report
    }
    given_tokens.shrink_to_fit();
    family_tokens.shrink_to_fit();
    (
        ParsedName {
            given: given_tokens,
            family: family_tokens,
        },
        issues,
    )
}

/// Aliases in one field: several names separated by `;`, `/`, `|` or the words
/// `alias`, `aka`, `dit`, `genannt`, `known as`. Each is parsed as a full name. The field
/// is cut to [`MAX_NAME_BYTES`] like a name field, with an issue when cut.
pub fn parse_aliases(text: Option<&str>, order: NameOrder) -> (Vec<ParsedName>, Vec<String>) {
    let mut issues = Vec::new();
    let Some(text) = capped(text, "alias", &mut issues).filter(|t| !t.trim().is_empty()) else {
        return (Vec::new(), issues);
    };
    let cleaned = clean(text);
    let mut parts: Vec<String> = vec![cleaned];
    for sep in [
        ";",
        "/",
        "|",
        " alias ",
        " aka ",
        " a.k.a. ",
        " dit ",
        " genannt ",
        " known as ",
    ] {
        parts = parts
            .iter()
            .flat_map(|p| {
                let lower = p.to_lowercase();
                if sep.trim().is_empty() || !lower.contains(sep) {
                    return vec![p.clone()];
                }
                // split on the case-insensitive separator, keeping the original text
                let mut out = Vec::new();
                let mut start = 0;
                for (idx, _) in lower.match_indices(sep) {
                    if p.is_char_boundary(idx) && p.is_char_boundary(idx + sep.len()) {
                        out.push(p[start..idx].to_string());
                        start = idx + sep.len();
                    }
                }
                out.push(p[start..].to_string());
                out
            })
            .collect();
    }
    let aliases = parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .map(|p| parse_name(None, None, Some(p), order).0)
        .filter(|n| !n.is_empty())
        .collect();
    (aliases, issues)
}

#[cfg(test)]
mod tests {
    use super::NameOrder::*;
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        name_tokens(s).0
    }

    #[test]
    fn emoji_are_not_romanised_into_names() {
        assert_eq!(
            toks("😀 Ali 🚤 Khan 🇮🇶 👨\u{200D}👩\u{FE0F} ☺"),
            vec!["ali", "khan"]
        );
        assert!(toks("😀").is_empty());
    }

    #[test]
    fn overlong_name_fields_are_cut_and_reported() {
        let long = "é".repeat(MAX_NAME_BYTES); // two bytes a character: cut mid-way
        let (name, issues) = parse_name(None, None, Some(&long), GivenFirst);
        assert!(name.full().len() <= MAX_NAME_BYTES);
        assert_eq!(issues.len(), 1);
        assert!(
            issues[0].contains("full_name is 2048 bytes long"),
            "{issues:?}"
        );
        let (_, issues) = parse_name(Some("Ali"), Some("Khan"), None, GivenFirst);
        assert!(issues.is_empty());
    }

    #[test]
    fn folding_and_cleaning() {
        assert_eq!(
            toks("Zoë  Schröder-Łukasz"),
            vec!["zoe", "schroder", "lukasz"]
        );
        assert_eq!(toks("O'Brien"), vec!["obrien"]);
        assert_eq!(toks("NGUYỄN Văn Hùng"), vec!["nguyen", "van", "hung"]);
        assert_eq!(toks("Ｆｕｌｌ\u{200B}name\u{00A0}X"), vec!["fullname"]);
        assert_eq!(toks("Mo\u{202E}hammed"), vec!["mohammed"]);
        assert!(!toks("محمد").is_empty());
        assert!(!toks("Мухаммед").is_empty());
        assert!(toks("🙂").is_empty() || !toks("🙂")[0].is_empty());
    }

    #[test]
    fn placeholders_are_removed_and_reported() {
        let (t, p) = name_tokens("FNU");
        assert!(t.is_empty());
        assert_eq!(p, vec!["FNU"]);
        assert!(toks("UNKNOWN").is_empty());
        assert!(toks("XXX").is_empty());
        assert!(toks("inconnu").is_empty());
        assert!(toks("???").is_empty());
    }

    #[test]
    fn particles_and_compounds() {
        assert_eq!(toks("Al-Hassan"), vec!["hassan"]);
        assert_eq!(toks("Al Hassan"), toks("El-Hassan"));
        assert_eq!(toks("Abdul Rahman"), vec!["abdulrahman"]);
        assert_eq!(toks("Abdulrahman"), vec!["abdulrahman"]);
        assert_eq!(toks("Abdel Rahman"), vec!["abdulrahman"]);
        assert_eq!(toks("Abd al-Rahman"), vec!["abdulrahman"]);
        assert_eq!(toks("Abderrahmane"), vec!["abdulrahmane"]);
        assert_eq!(toks("Abdelkarim"), vec!["abdulkarim"]);
        assert_eq!(toks("Abdullah"), vec!["abdullah"]);
        assert_eq!(toks("Gebre Medhin"), vec!["gebremedhin"]);
        assert_eq!(toks("Gebre-Medhin"), toks("Gebremedhin"));
        assert_eq!(toks("Wolde Mariam"), toks("Woldemariam"));
        assert_eq!(toks("Abu Karim"), vec!["abukarim"]);
        assert_eq!(toks("Ahmed bin Ali"), vec!["ahmed", "ali"]);
        assert_eq!(toks("Ben Smith"), vec!["ben", "smith"]);
    }

    #[test]
    fn full_name_order() {
        let p = |s: &str, o| parse_name(None, None, Some(s), o).0;
        let poore = ParsedName {
            given: vec!["kaywan".into()],
            family: vec!["pour".into()],
        };
        assert_eq!(p("POUR Kaywan", GivenFirst), poore);
        assert_eq!(p("Kaywan POUR", FamilyFirst), poore);
        assert_eq!(p("Pour, Kaywan", GivenFirst), poore);
        assert_eq!(p("POUR, Kaywan", GivenFirst), poore);
        assert_eq!(p("Kaywan Pour", GivenFirst), poore);
        assert_eq!(p("Pour Kaywan", FamilyFirst), poore);
        assert_eq!(p("POUR KAYWAN", FamilyFirst), poore);
        let single = p("ZABIHULLAH", FamilyFirst);
        assert_eq!(single.given, vec!["zabihullah"]);
        assert!(single.family.is_empty());
        let ethio = p("GEBRE MEDHIN Tesfay", GivenFirst);
        assert_eq!(ethio.family, vec!["gebremedhin"]);
    }

    #[test]
    fn separate_fields_win_over_full_name() {
        let (n, issues) = parse_name(Some("FNU"), Some("ZABIHULLAH"), Some("ignored"), GivenFirst);
        assert!(n.given.is_empty());
        assert_eq!(n.family, vec!["zabihullah"]);
        assert_eq!(issues.len(), 1);
        let (n, issues) = parse_name(Some(" "), None, None, GivenFirst);
        assert!(n.is_empty());
        assert!(issues[0].contains("no usable name"));
    }

    #[test]
    fn no_usable_name_names_the_fields_given() {
        let issue = |g, f, full| parse_name(g, f, full, GivenFirst).1;
        let full_only = ["name: no usable name in full_name"];
        assert_eq!(issue(None, None, Some("")), full_only);
        assert_eq!(issue(None, None, Some("\u{A0}")), full_only);
        assert_eq!(issue(None, None, Some("😀")), full_only);
        assert_eq!(
            issue(Some(" "), None, None),
            ["name: no usable name in given_name"]
        );
        assert_eq!(
            issue(Some(" "), Some(""), None),
            ["name: no usable name in given_name/family_name"]
        );
        // the full name is not read when a separate field holds something
        assert_eq!(
            issue(Some("😀"), None, Some("Ali Khan")),
            ["name: no usable name in given_name"]
        );
        assert_eq!(
            issue(None, Some(""), Some(" ")),
            ["name: no usable name in family_name/full_name"]
        );
        assert!(issue(None, None, None).is_empty());
    }

    #[test]
    fn aliases_split_on_separators() {
        let (a, issues) =
            parse_aliases(Some("Abu Karim; KARIMI Ali alias Ali Karimi"), FamilyFirst);
        assert_eq!(a.len(), 3);
        assert_eq!(a[0].full(), "abukarim");
        assert_eq!(a[1].full(), "ali karimi");
        assert!(issues.is_empty());
        assert_eq!(parse_aliases(None, GivenFirst), (vec![], vec![]));
        assert_eq!(parse_aliases(Some("  "), GivenFirst), (vec![], vec![]));
    }

    #[test]
    fn an_overlong_alias_field_is_cut_and_reported() {
        let long = format!("Abu Karim; {}", "é".repeat(MAX_NAME_BYTES));
        let (a, issues) = parse_aliases(Some(&long), FamilyFirst);
        assert_eq!(a[0].full(), "abukarim");
        assert!(a.iter().all(|n| n.full().len() <= MAX_NAME_BYTES));
        assert_eq!(
            issues,
            [format!(
                "name: alias is {} bytes long; only its first {} bytes were read",
                long.len(),
                MAX_NAME_BYTES - 1
            )]
        );
        let fits = "B".repeat(MAX_NAME_BYTES);
        assert!(parse_aliases(Some(&fits), FamilyFirst).1.is_empty());
    }

    #[test]
    fn never_panics_on_odd_input() {
        for s in [
            "", " ", "-", ",", ", ,", "a,", ",b", "Ab", "abd", "al", "al-", "🙂🙂", "\u{0}",
        ] {
            let _ = parse_name(None, None, Some(s), GivenFirst);
            let _ = parse_aliases(Some(s), FamilyFirst);
        }
        let long = "Ab ".repeat(100_000);
        let (n, _) = parse_name(Some(&long), None, None, GivenFirst);
        // cut to MAX_NAME_BYTES (and reported): 341 whole "Ab " and one "A"
        assert_eq!(n.given.len(), MAX_NAME_BYTES.div_ceil(3));
    }
}
