//! Standardised records in the compact form the linker works on: name keys interned to
//! integers, dates split, phones as integers.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use crate::standardise::Standardised;

/// How much of a date of birth is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DobKnown {
    Missing,
    YearOnly,
    Full,
}

#[derive(Debug, Clone)]
pub struct LinkRecord {
    /// Interned transliteration keys of all name tokens, sorted.
    pub keys: Vec<u32>,
    /// The same keys in token order (aligned with `tokens`).
    pub token_keys: Vec<u32>,
    /// Normalised name tokens (for string similarity).
    pub tokens: Vec<String>,
    /// Interned key set of the whole name (order-free), for term frequencies.
    pub name_id: Option<u32>,
    /// Aliases as sorted interned key lists.
    pub alias_keys: Vec<Vec<u32>>,
    pub dob_known: DobKnown,
    pub dob_year: Option<i32>,
    pub dob: Option<NaiveDate>,
    pub dob_swapped: Option<NaiveDate>,
    pub nationality: Option<&'static str>,
    pub phones: Vec<u64>,
    /// b'M', b'F' or 0 when unknown.
    pub gender: u8,
}

/// Interns strings to dense ids; also counts how many records carry each name key set.
#[derive(Debug, Default)]
pub struct Interner {
    ids: HashMap<String, u32>,
    name_ids: HashMap<Vec<u32>, u32>,
    /// Records per name id (term frequencies of whole names).
    pub name_counts: Vec<u32>,
}

impl Interner {
    fn id(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(s.to_string(), id);
        id
    }

    fn name_id(&mut self, keys: &[u32]) -> u32 {
        if let Some(&id) = self.name_ids.get(keys) {
            self.name_counts[id as usize] += 1;
            return id;
        }
        let id = self.name_ids.len() as u32;
        self.name_ids.insert(keys.to_vec(), id);
        self.name_counts.push(1);
        id
    }
}

fn phone_number(e164: &str) -> Option<u64> {
    e164.trim_start_matches('+').parse().ok()
}

/// Converts standardised records; interning is sequential (cheap) so ids are stable for a
/// given input order.
pub fn to_link_records(records: &[Standardised]) -> (Vec<LinkRecord>, Interner) {
    let mut interner = Interner::default();
    let out = records
        .iter()
        .map(|s| {
            let token_keys: Vec<u32> = s.name_keys.iter().map(|k| interner.id(k)).collect();
            let mut keys: Vec<u32> = s
                .name_keys
                .iter()
                .filter(|k| !k.is_empty())
                .map(|k| interner.id(k))
                .collect();
            keys.sort_unstable();
            let name_id = (!keys.is_empty()).then(|| interner.name_id(&keys));
            let alias_keys = s
                .aliases
                .iter()
                .map(|a| {
                    let mut k: Vec<u32> = a
                        .split_whitespace()
                        .map(|t| {
                            interner.id(&crate::standardise::translit::translit_key(
                                t,
                                crate::standardise::translit::Romanisation::Generic,
                            ))
                        })
                        .collect();
                    k.sort_unstable();
                    k
                })
                .collect();
            let dob_known = match (s.dob_quality, s.dob_year) {
                ("exact", _) => DobKnown::Full,
                (_, Some(_)) => DobKnown::YearOnly,
                _ => DobKnown::Missing,
            };
            LinkRecord {
                keys,
                token_keys,
                tokens: s
                    .given_names
                    .iter()
                    .chain(&s.family_names)
                    .cloned()
                    .collect(),
                name_id,
                alias_keys,
                dob_known,
                dob_year: s.dob_year,
                dob: if dob_known == DobKnown::Full {
                    s.dob
                } else {
                    None
                },
                dob_swapped: s.dob_swapped,
                nationality: s.nationality.filter(|c| *c != "XXX"),
                phones: s.phones.iter().filter_map(|p| phone_number(p)).collect(),
                gender: match s.gender {
                    "M" => b'M',
                    "F" => b'F',
                    _ => 0,
                },
            }
        })
        .collect();
    (out, interner)
}

impl LinkRecord {
    pub fn birth_month_day(&self) -> Option<(u32, u32)> {
        self.dob.map(|d| (d.month(), d.day()))
    }
}
