//! Standardised records in the compact form the linker works on: name keys interned to
//! integers, dates split, phones as integers, generic columns normalised and interned.

use std::borrow::Borrow;
use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::nicknames::TokenGroups;
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
    /// A hash of `tokens` and their keys: orders two records canonically without
    /// comparing strings, and keys the memo of name similarities.
    pub tokens_hash: u64,
    /// `tokens` packed for the pair comparisons, when short enough.
    pub packed_tokens: Option<PackedTokens>,
    /// Nickname groups of `tokens` (empty for most names): Tom and Thomas share one.
    pub nickname_groups: TokenGroups,
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
    /// One value per generic column (see `Settings::generic_columns`).
    pub generic: Vec<Option<Generic>>,
    /// 0 or 1: which of two linked sets the record comes from (0 when deduplicating).
    pub side: u8,
}

/// Name tokens in one allocation, their ends inline. The second record of a candidate
/// pair is read at random, so each token in its own `String` costs a cache miss per
/// pair; packed, the tokens of a name cost one.
#[derive(Debug, Clone)]
pub struct PackedTokens {
    bytes: Box<[u8]>,
    /// End of token k in `bytes` (token k starts where token k - 1 ends).
    ends: [u8; PackedTokens::MAX_TOKENS],
    /// Bit k set when token k is ASCII.
    ascii: u8,
}

impl PackedTokens {
    const MAX_TOKENS: usize = 8;

    /// `None` for names of more than 8 tokens or 255 bytes (they keep to `tokens`).
    pub fn new(tokens: &[String]) -> Option<PackedTokens> {
        let total: usize = tokens.iter().map(String::len).sum();
        if tokens.len() > Self::MAX_TOKENS || total > usize::from(u8::MAX) {
            return None;
        }
        let mut bytes = Vec::with_capacity(total);
        let mut ends = [0u8; Self::MAX_TOKENS];
        let mut ascii = 0u8;
        for (k, t) in tokens.iter().enumerate() {
            bytes.extend_from_slice(t.as_bytes());
            ends[k] = bytes.len() as u8;
            ascii |= u8::from(t.is_ascii()) << k;
        }
        Some(PackedTokens {
            bytes: bytes.into_boxed_slice(),
            ends,
            ascii,
        })
    }

    /// Token k (k below the number of tokens).
    #[inline]
    pub fn token(&self, k: usize) -> &[u8] {
        let start = if k == 0 { 0 } else { self.ends[k - 1] };
        &self.bytes[usize::from(start)..usize::from(self.ends[k])]
    }

    /// Whether token k is ASCII.
    #[inline]
    pub fn is_ascii(&self, k: usize) -> bool {
        self.ascii & (1 << k) != 0
    }
}

/// A normalised value of a generic column and its id in the column's vocabulary
/// (`UNSEEN` for a value met after the vocabulary was built).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generic {
    pub id: u32,
    pub text: Box<str>,
}

pub const UNSEEN: u32 = u32::MAX;

/// Interns strings to dense ids and counts how many records carry each whole name and
/// each generic value (the term frequencies).
#[derive(Debug, Default, Clone)]
pub struct Interner {
    ids: HashMap<String, u32>,
    name_ids: HashMap<Vec<u32>, u32>,
    /// Records per name id (term frequencies of whole names).
    pub name_counts: Vec<u32>,
    generic_ids: Vec<HashMap<Box<str>, u32>>,
    /// Records per value, per generic column.
    pub generic_counts: Vec<Vec<u32>>,
}

/// How records get their ids: building a data set interns and counts; scoring new
/// records against it looks ids up and gives unseen values fresh ids that match nothing.
pub trait Ids {
    fn key(&mut self, s: &str) -> u32;
    fn name(&mut self, keys: &[u32]) -> u32;
    fn generic(&mut self, column: usize, value: &str) -> u32;
}

impl Ids for Interner {
    fn key(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(s.to_string(), id);
        id
    }

    fn name(&mut self, keys: &[u32]) -> u32 {
        if let Some(&id) = self.name_ids.get(keys) {
            self.name_counts[id as usize] += 1;
            return id;
        }
        let id = self.name_ids.len() as u32;
        self.name_ids.insert(keys.to_vec(), id);
        self.name_counts.push(1);
        id
    }

    fn generic(&mut self, column: usize, value: &str) -> u32 {
        if self.generic_ids.len() <= column {
            self.generic_ids.resize_with(column + 1, HashMap::new);
            self.generic_counts.resize_with(column + 1, Vec::new);
        }
        if let Some(&id) = self.generic_ids[column].get(value) {
            self.generic_counts[column][id as usize] += 1;
            return id;
        }
        let id = self.generic_counts[column].len() as u32;
        self.generic_ids[column].insert(value.into(), id);
        self.generic_counts[column].push(1);
        id
    }
}

/// Read-only ids against a built interner, for records scored against its data set.
pub struct Lookup<'a> {
    base: &'a Interner,
    fresh_keys: HashMap<String, u32>,
    fresh_names: HashMap<Vec<u32>, u32>,
}

impl<'a> Lookup<'a> {
    pub fn new(base: &'a Interner) -> Self {
        Lookup {
            base,
            fresh_keys: HashMap::new(),
            fresh_names: HashMap::new(),
        }
    }
}

impl Ids for Lookup<'_> {
    fn key(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.base.ids.get(s) {
            return id;
        }
        let next = (self.base.ids.len() + self.fresh_keys.len()) as u32;
        *self.fresh_keys.entry(s.to_string()).or_insert(next)
    }

    fn name(&mut self, keys: &[u32]) -> u32 {
        if let Some(&id) = self.base.name_ids.get(keys) {
            return id;
        }
        let next = (self.base.name_ids.len() + self.fresh_names.len()) as u32;
        *self.fresh_names.entry(keys.to_vec()).or_insert(next)
    }

    fn generic(&mut self, column: usize, value: &str) -> u32 {
        self.base
            .generic_ids
            .get(column)
            .and_then(|m| m.get(value))
            .copied()
            .unwrap_or(UNSEEN)
    }
}

fn phone_number(e164: &str) -> Option<u64> {
    e164.trim_start_matches('+').parse().ok()
}

/// A generic value as compared: folded to ASCII, lower case, punctuation other than
/// `@ . -` turned to spaces, single spaces; `None` when nothing is left.
pub fn normalise_generic(raw: &str) -> Option<String> {
    let folded = if raw.is_ascii() {
        raw.to_ascii_lowercase()
    } else {
        deunicode::deunicode(raw).to_ascii_lowercase()
    };
    let mut out = String::with_capacity(folded.len());
    for word in folded
        .split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '@' | '.' | '-')))
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    (!out.is_empty()).then_some(out)
}

/// Converts standardised records, with their generic column values (`generic[c][i]`,
/// raw) and sides. Interning is sequential so ids are stable for a given input order.
pub fn to_link_records<S: Borrow<Standardised>>(
    records: &[S],
    generic: &[Vec<Option<&str>>],
    sides: Option<&[u8]>,
    ids: &mut impl Ids,
) -> Vec<LinkRecord> {
    records
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let s: &Standardised = s.borrow();
            let token_keys: Vec<u32> = s.name_keys.iter().map(|k| ids.key(k)).collect();
            let mut keys: Vec<u32> = s
                .name_keys
                .iter()
                .filter(|k| !k.is_empty())
                .map(|k| ids.key(k))
                .collect();
            keys.sort_unstable();
            let name_id = (!keys.is_empty()).then(|| ids.name(&keys));
            let alias_keys = s
                .aliases
                .iter()
                .map(|a| {
                    let mut k: Vec<u32> = a
                        .split_whitespace()
                        .map(|t| {
                            ids.key(&crate::standardise::translit::translit_key(
                                t,
                                crate::standardise::translit::Romanisation::Generic,
                            ))
                        })
                        .collect();
                    k.sort_unstable();
                    k
                })
                .collect();
            // A full date is one whose day and month were read (exact, or implausible but
            // kept); a placeholder's 1 January is no evidence of the day.
            let dob_known = match (s.dob_year, s.dob_month, s.dob_day, s.dob) {
                (Some(_), Some(_), Some(_), Some(_)) => DobKnown::Full,
                (Some(_), ..) => DobKnown::YearOnly,
                _ => DobKnown::Missing,
            };
            let generic = generic
                .iter()
                .enumerate()
                .map(|(c, column)| {
                    let text = column[i].and_then(normalise_generic)?;
                    Some(Generic {
                        id: ids.generic(c, &text),
                        text: text.into_boxed_str(),
                    })
                })
                .collect();
            let tokens: Vec<String> = s
                .given_names
                .iter()
                .chain(&s.family_names)
                .cloned()
                .collect();
            let tokens_hash = {
                use std::hash::{Hash, Hasher};
                let mut h = std::collections::hash_map::DefaultHasher::new();
                tokens.hash(&mut h);
                s.name_keys.hash(&mut h);
                h.finish()
            };
            LinkRecord {
                keys,
                token_keys,
                packed_tokens: PackedTokens::new(&tokens),
                nickname_groups: TokenGroups::new(&tokens),
                tokens,
                tokens_hash,
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
                generic,
                side: sides.map_or(0, |s| s[i]),
            }
        })
        .collect()
}

impl LinkRecord {
    pub fn birth_month_day(&self) -> Option<(u32, u32)> {
        self.dob.map(|d| (d.month(), d.day()))
    }
}
