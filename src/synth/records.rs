//! One agency's record of one person: the person's truth written in the agency's
//! conventions, then corrupted at the documented rates.

use chrono::{Datelike, NaiveDate};
use rand::seq::IndexedRandom;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::names::Naming;
use super::objects::Phone;
use super::people::{weighted, NameParts, Person};
use super::sources::Source;
use super::typos::typo;
use super::CorruptionRates;

/// A record as the agency holds it (all fields as written, any may be missing).
#[derive(Debug, Clone, Default)]
pub struct RecordFields {
    pub given_name: Option<String>,
    pub family_name: Option<String>,
    pub full_name: Option<String>,
    pub dob: Option<String>,
    pub nationality: Option<String>,
    pub phone: Option<String>,
    pub gender: Option<String>,
    pub alias: Option<String>,
}

/// Which corruptions were applied to a record (the truth behind the realised rates).
#[derive(Debug, Clone, Copy, Default)]
pub struct Corruptions {
    pub translit_variant: bool,
    pub typo: bool,
    pub swapped_names: bool,
    pub dropped_given: bool,
    pub added_given: bool,
    pub dob_missing: bool,
    pub dob_placeholder: bool,
    pub dob_year_only: bool,
    pub dob_swapped: bool,
    pub dob_year_off: bool,
    pub nationality_claimed: bool,
    pub nationality_missing: bool,
    pub gender_missing: bool,
    pub alias_present: bool,
    pub phone_present: bool,
    pub phone_shared: bool,
}

pub const CORRUPTION_NAMES: [&str; 16] = [
    "translit_variant",
    "typo",
    "swapped_names",
    "dropped_given",
    "added_given",
    "dob_missing",
    "dob_placeholder",
    "dob_year_only",
    "dob_swapped",
    "dob_year_off",
    "nationality_claimed",
    "nationality_missing",
    "gender_missing",
    "alias_present",
    "phone_present",
    "phone_shared",
];

impl Corruptions {
    pub fn as_array(&self) -> [bool; 16] {
        [
            self.translit_variant,
            self.typo,
            self.swapped_names,
            self.dropped_given,
            self.added_given,
            self.dob_missing,
            self.dob_placeholder,
            self.dob_year_only,
            self.dob_swapped,
            self.dob_year_off,
            self.nationality_claimed,
            self.nationality_missing,
            self.gender_missing,
            self.alias_present,
            self.phone_present,
            self.phone_shared,
        ]
    }
}

/// Romanises each name token in the source's convention, sometimes picking another
/// spelling from the variant group.
fn romanise_tokens(
    rng: &mut ChaCha8Rng,
    parts: &NameParts,
    source: Source,
    translit: bool,
    variant_rate: f64,
    flags: Option<&mut Corruptions>,
) -> (Vec<String>, Option<String>) {
    let mut given: Vec<String> = parts
        .given
        .iter()
        .map(|v| source.romanise(v, translit))
        .collect();
    let mut family = parts.family.map(|v| source.romanise(v, translit));
    if let Some(flags) = flags {
        if rng.random_bool(variant_rate) {
            let mut candidates: Vec<(usize, &'static [&'static str])> = parts
                .given
                .iter()
                .enumerate()
                .filter(|(_, v)| !v.other.is_empty())
                .map(|(i, v)| (i, v.other))
                .collect();
            if let Some(f) = parts.family.filter(|f| !f.other.is_empty()) {
                candidates.push((usize::MAX, f.other));
            }
            if let Some(&(slot, others)) = candidates.choose(rng) {
                let pick = others.choose(rng).unwrap().to_string();
                if slot == usize::MAX {
                    family = Some(pick);
                } else {
                    given[slot] = pick;
                }
                flags.translit_variant = true;
            }
        }
    }
    (given, family)
}

fn write_full(source: Source, given: &str, family: &str) -> String {
    let (g, f, full) = source.write_name(given, family);
    full.unwrap_or_else(|| {
        [g, f]
            .into_iter()
            .flatten()
            .filter(|s| s != "FNU")
            .collect::<Vec<_>>()
            .join(" ")
    })
}

pub fn render_record(
    rng: &mut ChaCha8Rng,
    person: &Person,
    source: Source,
    rates: &CorruptionRates,
    network_phones: &[Phone],
    as_of: NaiveDate,
) -> (RecordFields, Corruptions) {
    let mut flags = Corruptions::default();
    let translit = person.origin.transliterated();
    let (mut given, mut family) = romanise_tokens(
        rng,
        &person.name,
        source,
        translit,
        rates.translit_variant,
        Some(&mut flags),
    );

    // Second given names: dropped by some officers, the father's name added by others.
    if given.len() > 1 && rng.random_bool(rates.dropped_given) {
        let drop_at = if person.origin.pool().naming == Naming::FamilyFirst {
            0
        } else {
            1
        };
        given.remove(drop_at);
        flags.dropped_given = true;
    } else if given.len() == 1
        && person.origin.pool().naming == Naming::Patronymic
        // When the surname already is the father's name there is nothing to add.
        && !person.name.family.is_some_and(|f| std::ptr::eq(f, person.father))
        && rng.random_bool(rates.added_given)
    {
        given.push(source.romanise(person.father, translit));
        flags.added_given = true;
    }

    if rng.random_bool(rates.typo) {
        let slots = given.len() + usize::from(family.is_some());
        let at = rng.random_range(0..slots);
        if at < given.len() {
            given[at] = typo(rng, &given[at]);
        } else if let Some(f) = family.as_mut() {
            *f = typo(rng, f);
        }
        flags.typo = true;
    }

    let mut given_text = given.join(" ");
    let mut family_text = family.unwrap_or_default();
    if !family_text.is_empty() && rng.random_bool(rates.swapped_names) {
        std::mem::swap(&mut given_text, &mut family_text);
        flags.swapped_names = true;
    }
    let (given_name, family_name, full_name) = source.write_name(&given_text, &family_text);

    let dob = render_dob(rng, person, source, rates, &mut flags, as_of);

    let nationality = if rng.random_bool(rates.nationality_missing) {
        flags.nationality_missing = true;
        None
    } else {
        let code = if rng.random_bool(rates.nationality_claimed) {
            flags.nationality_claimed = true;
            weighted(rng, person.origin.claims())
        } else if person.kurdish && rng.random_bool(0.15) {
            // Kurds often give their ethnicity where the form asks for nationality.
            "KURD"
        } else {
            person.nationality
        };
        Some(source.write_nationality(rng, code, person.female))
    };

    let gender = if rng.random_bool(rates.gender_missing) {
        flags.gender_missing = true;
        None
    } else {
        Some(source.write_gender(person.female).to_string())
    };

    let phone = if rng.random_bool(rates.phone_present) {
        flags.phone_present = true;
        let p = if !network_phones.is_empty() && rng.random_bool(rates.phone_shared) {
            flags.phone_shared = true;
            network_phones.choose(rng).unwrap()
        } else {
            person.phones.choose(rng).unwrap()
        };
        Some(p.written(rng, source.jurisdiction(), source.compact_phones()))
    } else {
        None
    };

    let alias = if !person.aliases.is_empty() && rng.random_bool(rates.alias_given_alias) {
        flags.alias_present = true;
        let a = person.aliases.choose(rng).unwrap();
        let (g, f) = romanise_tokens(rng, a, source, translit, 0.0, None);
        Some(write_full(source, &g.join(" "), &f.unwrap_or_default()))
    } else {
        None
    };

    (
        RecordFields {
            given_name,
            family_name,
            full_name,
            dob,
            nationality,
            phone,
            gender,
            alias,
        },
        flags,
    )
}

fn render_dob(
    rng: &mut ChaCha8Rng,
    person: &Person,
    source: Source,
    rates: &CorruptionRates,
    flags: &mut Corruptions,
    as_of: NaiveDate,
) -> Option<String> {
    if rng.random_bool(rates.dob_missing) {
        flags.dob_missing = true;
        return None;
    }
    let d = person.dob;
    let text = if !person.dob_known {
        // Only the year is known: every agency writes its placeholder.
        source.write_unknown_day(rng, d.year()).0
    } else {
        // One of the mutually exclusive date corruptions, by a single draw.
        let u: f64 = rng.random();
        let t_placeholder = rates.dob_placeholder;
        let t_year_only = t_placeholder + rates.dob_year_only;
        let t_swapped = t_year_only + rates.dob_swapped;
        let t_year_off = t_swapped + rates.dob_year_off;
        if u < t_placeholder {
            let (text, year_only) = source.write_unknown_day(rng, d.year());
            flags.dob_year_only = year_only;
            flags.dob_placeholder = !year_only;
            text
        } else if u < t_year_only {
            flags.dob_year_only = true;
            d.year().to_string()
        } else if u < t_swapped && d.day() <= 12 && d.day() != d.month() {
            // Only dates whose day could be a month can be swapped.
            flags.dob_swapped = true;
            let swapped = NaiveDate::from_ymd_opt(d.year(), d.day(), d.month()).expect("day <= 12");
            source.write_date(swapped)
        } else if (t_swapped..t_year_off).contains(&u) {
            flags.dob_year_off = true;
            let delta = if rng.random_bool(0.5) { 1 } else { -1 };
            let shifted = d.with_year(d.year() + delta).unwrap_or(d);
            source.write_date(shifted.min(as_of))
        } else {
            source.write_date(d)
        }
    };
    Some(source.decorate_date(rng, text, person.female))
}
