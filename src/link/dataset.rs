//! A set of records ready to link: the effective settings, the compact records, and the
//! term frequencies the model reads (how common each name, phone, year and value is).

use std::borrow::Borrow;
use std::collections::HashMap;

use rayon::prelude::*;

use super::levels::{Comparator, Levels};
use super::record::{to_link_records, Interner, LinkRecord, Lookup};
use super::settings::{LinkType, Settings};
use crate::standardise::Standardised;

/// The order to link records in: by sorted name keys, then birth year, then id. It
/// depends on the records and ids only, not on their row order, and puts the records of
/// a block side by side, so comparing a block's pairs reads neighbouring memory (on a
/// million records, half the time of record-id order).
pub fn link_order(records: &[Standardised], ids: &[String]) -> Vec<usize> {
    // Borrowed sort keys, built and sorted in parallel (ids are unique: a total order).
    let keys: Vec<(Vec<&str>, Option<i32>, &str)> = records
        .par_iter()
        .zip(ids.par_iter())
        .map(|(r, id)| {
            let mut names: Vec<&str> = r.name_keys.iter().map(String::as_str).collect();
            names.sort_unstable();
            (names, r.dob_year, id.as_str())
        })
        .collect();
    // The first 8 bytes of the first key, big-endian: comparing them orders most pairs
    // of records without following pointers to their strings (the order is the same).
    let mut order: Vec<(u64, usize)> = keys
        .par_iter()
        .enumerate()
        .map(|(k, (names, _, _))| {
            let mut prefix = [0u8; 8];
            if let Some(first) = names.first() {
                let take = first.len().min(8);
                prefix[..take].copy_from_slice(&first.as_bytes()[..take]);
            }
            (u64::from_be_bytes(prefix), k)
        })
        .collect();
    order.par_sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| keys[a.1].cmp(&keys[b.1])));
    order.into_iter().map(|(_, k)| k).collect()
}

/// Share of the dated records born in each year.
fn year_shares(records: &[LinkRecord]) -> HashMap<i32, f64> {
    let mut shares: HashMap<i32, f64> = HashMap::new();
    let dated = records
        .iter()
        .filter(|r| r.dob_year.is_some())
        .count()
        .max(1) as f64;
    for y in records.iter().filter_map(|r| r.dob_year) {
        *shares.entry(y).or_default() += 1.0 / dated;
    }
    shares
}

#[derive(Debug, Clone)]
pub struct Dataset {
    pub settings: Settings,
    pub generic_columns: Vec<String>,
    pub comparator: Comparator,
    pub records: Vec<LinkRecord>,
    pub interner: Interner,
    pub phone_counts: HashMap<u64, u32>,
    /// Share of dated records born in each year.
    pub year_share: HashMap<i32, f64>,
    /// Records on side 0 and side 1 (all on side 0 when deduplicating).
    pub side_sizes: [usize; 2],
}

impl Dataset {
    /// `generic[c][i]`: raw value of generic column c (of `settings.generic_columns()`)
    /// for record i. `sides` is required for the two-set link types.
    pub fn new<S: Borrow<Standardised>>(
        settings: Settings,
        records: &[S],
        generic: &[Vec<Option<&str>>],
        sides: Option<&[u8]>,
    ) -> Dataset {
        let generic_columns = settings.generic_columns();
        let comparator = Comparator::new(&settings.comparisons, &generic_columns);
        let mut interner = Interner::default();
        let recs = to_link_records(records, generic, sides, &mut interner);
        let mut phone_counts: HashMap<u64, u32> = HashMap::new();
        for p in recs.iter().flat_map(|r| &r.phones) {
            *phone_counts.entry(*p).or_default() += 1;
        }
        let year_share = year_shares(&recs);
        let mut side_sizes = [0, 0];
        for r in &recs {
            side_sizes[usize::from(r.side.min(1))] += 1;
        }
        Dataset {
            settings,
            generic_columns,
            comparator,
            records: recs,
            interner,
            phone_counts,
            year_share,
            side_sizes,
        }
    }

    /// Adds records (on side 0) at the end: from now on they count in the term
    /// frequencies as if the data set had been built with them. Returns their indices.
    pub fn append<S: Borrow<Standardised>>(
        &mut self,
        records: &[S],
        generic: &[Vec<Option<&str>>],
    ) -> std::ops::Range<u32> {
        let first = self.records.len() as u32;
        let recs = to_link_records(records, generic, None, &mut self.interner);
        for p in recs.iter().flat_map(|r| &r.phones) {
            *self.phone_counts.entry(*p).or_default() += 1;
        }
        self.side_sizes[0] += recs.len();
        self.records.extend(recs);
        self.year_share = year_shares(&self.records);
        first..self.records.len() as u32
    }

    /// New records in this data set's vocabulary (for scoring them against it); they do
    /// not change its term frequencies.
    pub fn lookup_records(
        &self,
        records: &[Standardised],
        generic: &[Vec<Option<&str>>],
    ) -> Vec<LinkRecord> {
        let mut ids: Lookup<'_> = Lookup::new(&self.interner);
        to_link_records(records, generic, None, &mut ids)
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Whether a pair of records may be compared under the link type.
    pub fn comparable(&self, a: &LinkRecord, b: &LinkRecord) -> bool {
        self.settings.link_type != LinkType::Link || a.side != b.side
    }

    /// Record pairs the link type can compare (the denominator of the prior).
    pub fn comparable_pairs(&self) -> f64 {
        let n = self.len() as f64;
        match self.settings.link_type {
            LinkType::Link => self.side_sizes[0] as f64 * self.side_sizes[1] as f64,
            _ => n * (n - 1.0) / 2.0,
        }
        .max(1.0)
    }

    pub fn levels(&self, i: u32, j: u32) -> Levels {
        self.comparator
            .levels(&self.records[i as usize], &self.records[j as usize])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::standardise_synthetic;
    use crate::synth::{generate, SynthConfig};

    #[test]
    fn link_order_sorts_by_sorted_name_keys_then_year_then_id() {
        let data = generate(&SynthConfig::new(400, 8)).unwrap();
        let std = standardise_synthetic(&data, 2025).unwrap();
        let ids: Vec<String> = data.records.iter().map(|r| r.record_id.clone()).collect();
        let key = |k: usize| {
            let mut names = std[k].name_keys.clone();
            names.sort();
            (names, std[k].dob_year, ids[k].clone())
        };
        let mut expected: Vec<usize> = (0..std.len()).collect();
        expected.sort_by_key(|&k| key(k));
        assert_eq!(link_order(&std, &ids), expected);
    }
}
