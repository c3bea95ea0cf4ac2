//! Standardisation: raw person records from any agency into one canonical, comparable
//! form. One output per input, in order; row-level junk becomes a null plus an issue.

pub mod dates;
pub mod names;
pub mod nationality;
pub mod phones;
pub mod translit;

use chrono::NaiveDate;
use rayon::prelude::*;
use rphonetic::DoubleMetaphone;

use crate::errors::{CoreError, Result};
use dates::{parse_dob_in, DateOrder, DobYears, LIVING_EARLIEST_YEAR};
use names::{parse_aliases, parse_name, NameOrder};
use nationality::parse_nationality;
use phones::parse_phones;
use translit::{translit_key, Romanisation};

/// How one source writes its records.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    pub name: &'static str,
    pub romanisation: Romanisation,
    pub date_order: DateOrder,
    pub name_order: NameOrder,
    /// ISO2 region for national phone numbers.
    pub region: Option<&'static str>,
    /// The earliest plausible year of birth: 1900 for the agencies' suspects and
    /// passports (living people), none for the generic conventions and `auto` (their
    /// records may be of anyone, historical people too). Earlier dates are kept, flagged
    /// `implausible`; a caller's `Reference::earliest_birth_year` overrides it.
    pub earliest_birth_year: Option<i32>,
}

const fn profile(
    name: &'static str,
    romanisation: Romanisation,
    date_order: DateOrder,
    name_order: NameOrder,
    region: Option<&'static str>,
    earliest_birth_year: Option<i32>,
) -> Profile {
    Profile {
        name,
        romanisation,
        date_order,
        name_order,
        region,
        earliest_birth_year,
    }
}

/// Living people only (see [`Profile::earliest_birth_year`]).
const LIVING: Option<i32> = Some(LIVING_EARLIEST_YEAR);

/// When the records were read, and what the caller says is plausible.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reference {
    /// The year the data were extracted: pivots two-digit years; later dates of birth
    /// are implausible.
    pub year: i32,
    /// Overrides every profile's earliest plausible year of birth (`None`: each
    /// profile's own).
    pub earliest_birth_year: Option<i32>,
}

impl From<i32> for Reference {
    /// The profiles' own plausibility.
    fn from(year: i32) -> Reference {
        Reference {
            year,
            earliest_birth_year: None,
        }
    }
}

impl Reference {
    /// The plausible years of birth for records written to `profile`.
    pub fn dob_years(self, profile: &Profile) -> DobYears {
        match self.earliest_birth_year.or(profile.earliest_birth_year) {
            Some(earliest) => DobYears {
                earliest,
                reference: self.year,
            },
            None => DobYears::any(self.year),
        }
    }
}

use DateOrder::{DayFirst, MonthFirst, YearFirst};
use NameOrder::{FamilyFirst, GivenFirst};
use Romanisation::{Dutch, English, French, Generic, German};

/// Built-in profiles: the cell's agencies and generic conventions.
pub static PROFILES: &[Profile] = &[
    profile("NCA", English, DayFirst, GivenFirst, Some("GB"), LIVING),
    profile("HOIO", English, YearFirst, GivenFirst, Some("GB"), LIVING),
    profile("OLTIM", French, DayFirst, FamilyFirst, Some("FR"), LIVING),
    profile("BKA", German, DayFirst, FamilyFirst, Some("DE"), LIVING),
    profile("PJF", French, DayFirst, FamilyFirst, Some("BE"), LIVING),
    profile("KMAR", Dutch, DayFirst, GivenFirst, Some("NL"), LIVING),
    profile("uk", English, DayFirst, GivenFirst, Some("GB"), None),
    profile("fr", French, DayFirst, FamilyFirst, Some("FR"), None),
    profile("de", German, DayFirst, FamilyFirst, Some("DE"), None),
    profile("be", French, DayFirst, FamilyFirst, Some("BE"), None),
    profile("nl", Dutch, DayFirst, GivenFirst, Some("NL"), None),
    profile("us", English, MonthFirst, GivenFirst, None, None),
    profile("passport", English, YearFirst, GivenFirst, None, LIVING),
    // Unknown writers: capitals and commas decide the name order; ISO dates are read
    // year first and numeric ones day first (with a month-first fallback), as in Europe.
    profile("auto", Generic, DayFirst, GivenFirst, None, None),
];

pub fn find_profile(name: &str) -> Option<&'static Profile> {
    PROFILES
        .iter()
        .find(|p| p.name.eq_ignore_ascii_case(name.trim()))
}

pub fn auto_profile() -> &'static Profile {
    PROFILES.last().expect("auto profile")
}

/// One input record: any field may be missing.
#[derive(Debug, Clone, Copy, Default)]
pub struct RawRecord<'a> {
    pub given_name: Option<&'a str>,
    pub family_name: Option<&'a str>,
    pub full_name: Option<&'a str>,
    pub dob: Option<&'a str>,
    pub nationality: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub gender: Option<&'a str>,
    pub alias: Option<&'a str>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Standardised {
    pub given_names: Vec<String>,
    pub family_names: Vec<String>,
    /// Transliteration key of every name token (given then family).
    pub name_keys: Vec<String>,
    /// Double Metaphone (primary) of every name token.
    pub name_phonetic: Vec<String>,
    pub full_name_norm: Option<String>,
    pub aliases: Vec<String>,
    pub dob: Option<NaiveDate>,
    pub dob_year: Option<i32>,
    pub dob_month: Option<u32>,
    pub dob_day: Option<u32>,
    pub dob_quality: &'static str,
    pub dob_swapped: Option<NaiveDate>,
    pub nationality: Option<&'static str>,
    pub kurdish: bool,
    pub phones: Vec<String>,
    pub gender: &'static str,
    pub issues: Vec<String>,
}

/// Quoted values in issue messages are cut to this many characters.
const QUOTE_CHARS: usize = 60;

/// A raw value as every issue message quotes it: trimmed, cut to 60 characters (then `…`),
/// control characters escaped (`\n`, `\u{0}`), so that a message stays one line and a
/// 10 MB cell never makes a 10 MB message. Used by the date, nationality and phone
/// parsers and the case-object normaliser.
pub(crate) fn quote(raw: &str) -> String {
    let t = raw.trim();
    let mut out = String::with_capacity(t.len().min(4 * QUOTE_CHARS) + 3);
    for (i, c) in t.chars().enumerate() {
        if i == QUOTE_CHARS {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// M, F or U (unknown) from the ways agencies write sex/gender.
pub fn parse_gender(text: Option<&str>) -> (&'static str, Option<String>) {
    let Some(raw) = text.map(str::trim).filter(|t| !t.is_empty()) else {
        return ("U", None);
    };
    let folded = translit::fold(raw);
    let code = match folded.as_str() {
        "m" | "male" | "man" | "h" | "homme" | "masculin" | "mannlich" | "maennlich" | "mann"
        | "mr" => "M",
        "f" | "female" | "woman" | "femme" | "feminin" | "w" | "weiblich" | "frau" | "v"
        | "vrouw" | "mrs" | "ms" => "F",
        "u" | "x" | "unknown" | "inconnu" | "unbekannt" | "onbekend" | "divers" | "d" => "U",
        _ => {
            return (
                "U",
                Some(format!("gender: '{raw}' is not a known sex/gender code")),
            )
        }
    };
    (code, None)
}

pub fn standardise_record(
    raw: &RawRecord,
    profile: &Profile,
    reference: Reference,
    metaphone: &DoubleMetaphone,
) -> Standardised {
    let (name, mut issues) = parse_name(
        raw.given_name,
        raw.family_name,
        raw.full_name,
        profile.name_order,
    );
    let tokens: Vec<&String> = name.tokens().collect();
    let name_keys = tokens
        .iter()
        .map(|t| translit_key(t, profile.romanisation))
        .collect();
    let name_phonetic = tokens
        .iter()
        .map(|t| metaphone.double_metaphone(t).primary())
        .collect();
    let full_name_norm = (!name.is_empty()).then(|| name.full());
    let (aliases, alias_issues) = parse_aliases(raw.alias, profile.name_order);
    let aliases = aliases.iter().map(|a| a.full()).collect();
    issues.extend(alias_issues);

    let dob = parse_dob_in(raw.dob, profile.date_order, reference.dob_years(profile));
    if let Some(issue) = dob.issue.clone() {
        issues.push(issue);
    }
    let nat = parse_nationality(raw.nationality);
    if let Some(issue) = nat.issue.clone() {
        issues.push(issue);
    }
    let (phones, phone_issues) = parse_phones(raw.phone, profile.region);
    issues.extend(phone_issues);
    let (gender, gender_issue) = parse_gender(raw.gender);
    issues.extend(gender_issue);

    Standardised {
        given_names: name.given,
        family_names: name.family,
        name_keys,
        name_phonetic,
        full_name_norm,
        aliases,
        dob: dob.date,
        dob_year: dob.year,
        dob_month: dob.month,
        dob_day: dob.day,
        dob_quality: dob.quality.as_str(),
        dob_swapped: dob.swapped,
        nationality: nat.code,
        kurdish: nat.kurdish,
        phones,
        gender,
        issues,
    }
}

/// Standardises every record in parallel; `profiles[i]` is the profile of `records[i]`.
pub fn standardise_all(
    records: &[RawRecord],
    profiles: &[&Profile],
    reference: impl Into<Reference>,
) -> Result<Vec<Standardised>> {
    let reference = reference.into();
    if records.len() != profiles.len() {
        return Err(CoreError::Internal(format!(
            "{} records but {} profiles",
            records.len(),
            profiles.len()
        )));
    }
    Ok(records
        .par_iter()
        .zip(profiles.par_iter())
        .map_init(DoubleMetaphone::default, |dm, (r, p)| {
            standardise_record(r, p, reference, dm)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::names::{
        dutch_form, Variants, AFGHAN, ALBANIAN, ERITREAN, IRANIAN, KURDISH, SUDANESE, SYRIAN,
    };

    fn std1(raw: RawRecord, profile: &str) -> Standardised {
        standardise_record(
            &raw,
            find_profile(profile).unwrap(),
            Reference::from(2025),
            &DoubleMetaphone::default(),
        )
    }

    #[test]
    fn the_brief_example_lines_up() {
        let nca = std1(
            RawRecord {
                given_name: Some("Kaiwan"),
                family_name: Some("POORE"),
                dob: Some("01/01/1990"),
                nationality: Some("Iraqi"),
                ..Default::default()
            },
            "NCA",
        );
        let oltim = std1(
            RawRecord {
                full_name: Some("POUR Kaywan"),
                dob: Some("né le 01/01/1990"),
                nationality: Some("irakien"),
                ..Default::default()
            },
            "OLTIM",
        );
        let bka = std1(
            RawRecord {
                full_name: Some("Pur, Kajwan"),
                dob: Some("1.1.1990"),
                nationality: Some("irakisch"),
                ..Default::default()
            },
            "BKA",
        );
        for s in [&oltim, &bka] {
            assert_eq!(s.name_keys, nca.name_keys);
            assert_eq!(s.dob_year, Some(1990));
            assert_eq!(s.dob_quality, "placeholder");
            assert_eq!(s.nationality, Some("IRQ"));
        }
        assert_eq!(nca.given_names, vec!["kaiwan"]);
        assert_eq!(oltim.family_names, vec!["pour"]);
    }

    #[test]
    fn gender_codes() {
        for (t, c) in [
            ("Male", "M"),
            ("H", "M"),
            ("m", "M"),
            ("w", "F"),
            ("V", "F"),
            ("Féminin", "F"),
            ("", "U"),
        ] {
            assert_eq!(parse_gender(Some(t)).0, c, "{t}");
        }
        let (c, issue) = parse_gender(Some("zz"));
        assert_eq!(c, "U");
        assert!(issue.unwrap().contains("'zz'"));
    }

    #[test]
    fn every_profile_name_resolves() {
        for p in PROFILES {
            assert_eq!(find_profile(&p.name.to_lowercase()).unwrap().name, p.name);
        }
        assert!(find_profile("nope").is_none());
    }

    /// Spellings of each variant group with the romanisation that produced them.
    fn spellings(v: &Variants, transliterated: bool) -> Vec<(String, Romanisation)> {
        let mut out = vec![
            (v.en.to_string(), English),
            (v.fr.to_string(), French),
            (v.de.to_string(), German),
            (dutch_form(v.en, transliterated), Dutch),
        ];
        out.extend(v.other.iter().map(|o| (o.to_string(), Generic)));
        out
    }

    fn key_of(spelling: &str, lang: Romanisation) -> String {
        let (tokens, _) = names::name_tokens(spelling);
        tokens
            .iter()
            .map(|t| translit_key(t, lang))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Recall: same-name spelling pairs with equal keys. False merges: pairs of different
    /// names (by their English form) whose keys collide.
    pub fn transliteration_key_quality() -> (f64, f64, usize, usize) {
        let mut groups: Vec<(String, Vec<String>)> = Vec::new();
        for pool in [
            &AFGHAN, &KURDISH, &IRANIAN, &ERITREAN, &SUDANESE, &SYRIAN, &ALBANIAN,
        ] {
            for v in pool.male.iter().chain(pool.female).chain(pool.family) {
                let keys: Vec<String> = spellings(v, true)
                    .iter()
                    .map(|(s, l)| key_of(s, *l))
                    .collect();
                if !groups.iter().any(|(en, _)| en == v.en) {
                    groups.push((v.en.to_string(), keys));
                }
            }
        }
        let (mut same, mut same_hit) = (0usize, 0usize);
        for (_, keys) in &groups {
            for i in 0..keys.len() {
                for j in i + 1..keys.len() {
                    same += 1;
                    same_hit += usize::from(keys[i] == keys[j]);
                }
            }
        }
        let (mut diff, mut diff_hit) = (0usize, 0usize);
        for a in 0..groups.len() {
            for b in a + 1..groups.len() {
                diff += 1;
                let collide = groups[a].1.iter().any(|k| groups[b].1.contains(k));
                diff_hit += usize::from(collide);
            }
        }
        (
            same_hit as f64 / same as f64,
            diff_hit as f64 / diff as f64,
            same,
            diff,
        )
    }

    #[test]
    fn transliteration_keys_bring_variants_together_without_collapsing_names() {
        let (recall, false_merge, same, diff) = transliteration_key_quality();
        println!("translit key recall {recall:.3} over {same} pairs, false merges {false_merge:.4} over {diff} pairs");
        assert!(recall >= 0.80, "recall {recall}");
        assert!(false_merge <= 0.01, "false merges {false_merge}");
    }

    #[test]
    fn issues_quote_values_trimmed_cut_and_escaped() {
        assert_eq!(quote("  Iraqi\t"), "Iraqi");
        assert_eq!(quote("Ira\u{0}qi\r\nSyrian"), "Ira\\u{0}qi\\r\\nSyrian");
        assert_eq!(quote(&"x".repeat(60)), "x".repeat(60));
        assert_eq!(quote(&"é".repeat(61)), format!("{}…", "é".repeat(60)));
        // The same quoting in every parser's issues.
        let nat = parse_nationality(Some("Iraqi\nSyrian")).issue;
        assert!(nat.is_some_and(|i| i.starts_with("nationality: 'Iraqi\\nSyrian' ")));
        let dob = parse_dob_in(
            Some("31/02\u{7}/1990"),
            DateOrder::DayFirst,
            DobYears::any(2025),
        )
        .issue;
        assert_eq!(
            dob.as_deref(),
            Some("dob: '31/02\\u{7}/1990' is not a date")
        );
        let phone = parse_phones(Some("n/a\u{0}"), None).1;
        assert_eq!(phone, ["phone: 'n/a\\u{0}' has no digits"]);
    }
}
