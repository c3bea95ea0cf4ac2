//! Blocking: candidate pairs from several rules, OR-ed and de-duplicated, with a guard
//! against giant blocks that reports what it skipped.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use rayon::prelude::*;

use super::record::LinkRecord;

/// A rule: records that share one of their keys under the rule are candidate pairs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// A name (or alias) key and the birth year.
    NameKeyAndYear,
    /// Two name keys (any two of the record's tokens), whatever the dates.
    TwoNameKeys,
    /// A name key and the day and month of birth (the year written wrong).
    NameKeyAndDayMonth,
    /// A phone number.
    Phone,
    /// The full date of birth and the nationality (names badly mangled).
    DobAndNationality,
}

pub const DEFAULT_RULES: [Rule; 5] = [
    Rule::NameKeyAndYear,
    Rule::TwoNameKeys,
    Rule::NameKeyAndDayMonth,
    Rule::Phone,
    Rule::DobAndNationality,
];

impl Rule {
    pub fn name(self) -> &'static str {
        match self {
            Rule::NameKeyAndYear => "name key + birth year",
            Rule::TwoNameKeys => "two name keys",
            Rule::NameKeyAndDayMonth => "name key + day and month of birth",
            Rule::Phone => "phone",
            Rule::DobAndNationality => "date of birth + nationality",
        }
    }

    fn keys(self, r: &LinkRecord) -> Vec<u64> {
        let hash = |parts: &dyn Fn(&mut std::collections::hash_map::DefaultHasher)| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            (self as u8).hash(&mut h);
            parts(&mut h);
            h.finish()
        };
        match self {
            Rule::NameKeyAndYear => {
                let Some(year) = r.dob_year else {
                    return Vec::new();
                };
                let mut keys: Vec<u32> = r.keys.clone();
                keys.extend(r.alias_keys.iter().flatten());
                keys.sort_unstable();
                keys.dedup();
                keys.iter().map(|k| hash(&|h| (k, year).hash(h))).collect()
            }
            Rule::TwoNameKeys => {
                let mut out = Vec::new();
                for (i, a) in r.keys.iter().enumerate() {
                    for b in &r.keys[i + 1..] {
                        if a != b {
                            out.push(hash(&|h| (a, b).hash(h)));
                        }
                    }
                }
                out.sort_unstable();
                out.dedup();
                out
            }
            Rule::NameKeyAndDayMonth => {
                let Some(day_month) = r.birth_month_day() else {
                    return Vec::new();
                };
                r.keys
                    .iter()
                    .map(|k| hash(&|h| (k, day_month).hash(h)))
                    .collect()
            }
            Rule::Phone => r.phones.iter().map(|p| hash(&|h| p.hash(h))).collect(),
            Rule::DobAndNationality => match (r.dob, r.nationality) {
                (Some(d), Some(n)) => vec![hash(&|h| (d, n).hash(h))],
                _ => Vec::new(),
            },
        }
    }
}

/// What blocking did, per rule.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RuleReport {
    pub rule: &'static str,
    /// Pairs the rule generates (before removing those of earlier rules).
    pub pairs: u64,
    /// Pairs no earlier rule generated.
    pub new_pairs: u64,
    /// Blocks over the size limit, skipped: (size, pairs skipped).
    pub skipped_blocks: Vec<(usize, u64)>,
}

fn groups(records: &[LinkRecord], rule: Rule) -> Vec<Vec<u32>> {
    let keyed: Vec<Vec<u64>> = records.par_iter().map(|r| rule.keys(r)).collect();
    let mut by_key: HashMap<u64, Vec<u32>> = HashMap::new();
    for (i, keys) in keyed.iter().enumerate() {
        for k in keys {
            by_key.entry(*k).or_default().push(i as u32);
        }
    }
    let mut out: Vec<Vec<u32>> = by_key.into_values().filter(|g| g.len() > 1).collect();
    out.sort_unstable();
    out
}

/// The sorted union of two sorted, duplicate-free lists (linear, no re-sorting).
fn merge_sorted(a: &[(u32, u32)], b: &[(u32, u32)]) -> Vec<(u32, u32)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => {
                out.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(b[j]);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// Candidate pairs `(i, j)` with `i < j`, sorted and unique, and a report per rule.
/// Blocks larger than `max_block` records are skipped and reported, never silently.
pub fn candidate_pairs(
    records: &[LinkRecord],
    rules: &[Rule],
    max_block: usize,
) -> (Vec<(u32, u32)>, Vec<RuleReport>) {
    let mut all: Vec<(u32, u32)> = Vec::new();
    let mut reports = Vec::new();
    for &rule in rules {
        let mut report = RuleReport {
            rule: rule.name(),
            ..Default::default()
        };
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        for group in groups(records, rule) {
            let n = group.len() as u64;
            if group.len() > max_block {
                report.skipped_blocks.push((group.len(), n * (n - 1) / 2));
                continue;
            }
            for (x, &a) in group.iter().enumerate() {
                for &b in &group[x + 1..] {
                    pairs.push(if a < b { (a, b) } else { (b, a) });
                }
            }
        }
        pairs.par_sort_unstable();
        pairs.dedup();
        report.pairs = pairs.len() as u64;
        let before = all.len();
        all = merge_sorted(&all, &pairs);
        report.new_pairs = (all.len() - before) as u64;
        reports.push(report);
    }
    (all, reports)
}
