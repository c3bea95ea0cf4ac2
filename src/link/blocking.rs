//! Blocking: candidate pairs from several rules, OR-ed and de-duplicated, with a guard
//! against giant blocks that reports what it skipped.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use rayon::prelude::*;

use super::record::LinkRecord;
use super::settings::BlockingRule;

/// A blocking rule resolved against the generic columns of the records.
#[derive(Debug, Clone)]
pub struct CompiledRule {
    pub rule: BlockingRule,
    /// Generic column slots of a `Columns` rule.
    slots: Vec<usize>,
    /// Position of the rule, mixed into its keys so rules never share keys.
    tag: u8,
}

impl CompiledRule {
    pub fn compile(rules: &[BlockingRule], generic_columns: &[String]) -> Vec<CompiledRule> {
        rules
            .iter()
            .enumerate()
            .map(|(tag, rule)| CompiledRule {
                slots: rule
                    .columns()
                    .iter()
                    .map(|c| {
                        generic_columns
                            .iter()
                            .position(|g| g == c)
                            .expect("generic columns come from the same settings")
                    })
                    .collect(),
                rule: rule.clone(),
                tag: tag as u8,
            })
            .collect()
    }

    pub fn keys(&self, r: &LinkRecord) -> Vec<u64> {
        let hash = |parts: &dyn Fn(&mut std::collections::hash_map::DefaultHasher)| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            self.tag.hash(&mut h);
            parts(&mut h);
            h.finish()
        };
        match &self.rule {
            BlockingRule::NameKeyAndYear => {
                let Some(year) = r.dob_year else {
                    return Vec::new();
                };
                name_and_alias_keys(r)
                    .iter()
                    .map(|k| hash(&|h| (k, year).hash(h)))
                    .collect()
            }
            BlockingRule::NameKeyAndColumn { .. } => {
                let Some(value) = r.generic[self.slots[0]].as_ref() else {
                    return Vec::new();
                };
                name_and_alias_keys(r)
                    .iter()
                    .map(|k| hash(&|h| (k, &*value.text).hash(h)))
                    .collect()
            }
            BlockingRule::TwoNameKeys => {
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
            BlockingRule::NameKeyAndDayMonth => {
                let Some(day_month) = r.birth_month_day() else {
                    return Vec::new();
                };
                r.keys
                    .iter()
                    .map(|k| hash(&|h| (k, day_month).hash(h)))
                    .collect()
            }
            BlockingRule::Phone => r.phones.iter().map(|p| hash(&|h| p.hash(h))).collect(),
            // Records without a nationality block with each other on the date alone.
            BlockingRule::DobAndNationality => r
                .dob
                .map(|d| hash(&|h| (d, r.nationality.unwrap_or("")).hash(h)))
                .into_iter()
                .collect(),
            BlockingRule::Dob => r.dob.map(|d| hash(&|h| d.hash(h))).into_iter().collect(),
            BlockingRule::Columns { .. } => {
                let values: Option<Vec<&str>> = self
                    .slots
                    .iter()
                    .map(|&s| r.generic[s].as_ref().map(|g| &*g.text))
                    .collect();
                values.map(|v| hash(&|h| v.hash(h))).into_iter().collect()
            }
            BlockingRule::EmailUser { .. } => r.generic[self.slots[0]]
                .as_ref()
                .and_then(|g| g.text.split_once('@'))
                // A user name of one or two characters ("a@...") is too common to block on.
                .filter(|(user, _)| user.len() >= 3)
                .map(|(user, _)| hash(&|h| user.hash(h)))
                .into_iter()
                .collect(),
        }
    }
}

/// The record's name and alias keys, sorted, once each.
fn name_and_alias_keys(r: &LinkRecord) -> Vec<u32> {
    let mut keys: Vec<u32> = r.keys.clone();
    keys.extend(r.alias_keys.iter().flatten());
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// What blocking did, per rule.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RuleReport {
    pub rule: String,
    /// Pairs the rule generates (before removing those of earlier rules).
    pub pairs: u64,
    /// Pairs no earlier rule generated.
    pub new_pairs: u64,
    /// Blocks over the size limit, compared only within a window: (size, pairs left out).
    pub skipped_blocks: Vec<(usize, u64)>,
}

fn groups(records: &[LinkRecord], rule: &CompiledRule) -> Vec<Vec<u32>> {
    // A record's keys deduplicated: a name like "Adam Adam" must not pair it with itself.
    // (key, record) sorted in parallel, then cut into runs of one key: no hash map, and
    // each group's records come out in index order.
    let mut keyed: Vec<(u64, u32)> = records
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, r)| {
            let mut keys = rule.keys(r);
            keys.sort_unstable();
            keys.dedup();
            keys.into_iter().map(move |k| (k, i as u32))
        })
        .collect();
    keyed.par_sort_unstable();
    let mut out: Vec<Vec<u32>> = keyed
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|run| run.len() > 1)
        .map(|run| run.iter().map(|&(_, i)| i).collect())
        .collect();
    out.par_sort_unstable();
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

/// How to treat blocks over the size limit.
#[derive(Debug, Clone, Copy)]
pub struct BlockLimit {
    /// Blocks with more records are not compared in full.
    pub max_block: usize,
    /// In such a block, each record is compared with this many neighbours after sorting
    /// the block by name keys and date of birth (0: the block is skipped).
    pub window: usize,
}

/// The order in which a giant block is windowed: records of one person sort together
/// when they share their name keys and date (for a two-key block, the year comes first:
/// its members differ mostly by the other names).
fn neighbourhood_order(records: &[LinkRecord], group: &mut [u32], rule: &BlockingRule) {
    group.sort_by(|&x, &y| {
        place_cmp(&records[x as usize], &records[y as usize], rule).then(x.cmp(&y))
    });
}

/// A block's pairs, and for a giant block its size and the pairs left out.
type BlockPairs = (Vec<(u32, u32)>, Option<(usize, u64)>);

/// Pairs of one block: all of them, or for a giant block each record with its `window`
/// sorted neighbours. Returns the pairs and, for a giant block, (size, pairs left out).
fn block_pairs(
    records: &[LinkRecord],
    mut group: Vec<u32>,
    rule: &BlockingRule,
    limit: BlockLimit,
    cross_sides_only: bool,
) -> BlockPairs {
    let n = group.len();
    let giant = n > limit.max_block;
    let reach = if giant { limit.window } else { n };
    if giant {
        neighbourhood_order(records, &mut group, rule);
    }
    let mut pairs = Vec::new();
    for (x, &a) in group.iter().enumerate() {
        for &b in group.iter().skip(x + 1).take(reach) {
            if cross_sides_only && records[a as usize].side == records[b as usize].side {
                continue;
            }
            pairs.push(if a < b { (a, b) } else { (b, a) });
        }
    }
    let all = (n as u64) * (n as u64 - 1) / 2;
    let compared: u64 = (0..n).map(|x| reach.min(n - 1 - x) as u64).sum();
    (pairs, giant.then_some((n, all - compared)))
}

/// Candidate pairs `(i, j)` with `i < j`, sorted and unique, and a report per rule.
/// `cross_sides_only` keeps pairs of records from different sides (linking two sets).
/// Blocks over the size limit are compared only within a sorted window, and reported
/// with the pairs they leave out: never silently.
pub fn candidate_pairs(
    records: &[LinkRecord],
    rules: &[CompiledRule],
    limit: BlockLimit,
    cross_sides_only: bool,
) -> (Vec<(u32, u32)>, Vec<RuleReport>) {
    let mut all: Vec<(u32, u32)> = Vec::new();
    let mut reports = Vec::new();
    for rule in rules {
        let blocks: Vec<_> = groups(records, rule)
            .into_par_iter()
            .map(|g| block_pairs(records, g, &rule.rule, limit, cross_sides_only))
            .collect();
        let mut report = RuleReport {
            rule: rule.rule.describe(),
            skipped_blocks: blocks.iter().filter_map(|b| b.1).collect(),
            ..Default::default()
        };
        let mut pairs: Vec<(u32, u32)> = Vec::with_capacity(blocks.iter().map(|b| b.0.len()).sum());
        for (block, _) in blocks {
            pairs.extend(block);
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

/// Records of a data set by blocking key, for looking up the candidates of new records.
/// Giant blocks are kept in their neighbourhood order, so a new record meets the same
/// window of neighbours it would have met in `candidate_pairs`.
#[derive(Debug)]
pub struct BlockIndex {
    /// Key -> (rule position, members); members in neighbourhood order when giant.
    by_key: HashMap<u64, (usize, Vec<u32>)>,
    limit: BlockLimit,
}

/// The neighbourhood sort key of a record (see `neighbourhood_order`).
type Place<'a> = (&'a [u32], Option<i32>, Option<chrono::NaiveDate>);

fn place(r: &LinkRecord) -> Place<'_> {
    (&r.keys, r.dob_year, r.dob)
}

fn place_cmp(a: &LinkRecord, b: &LinkRecord, rule: &BlockingRule) -> std::cmp::Ordering {
    let (ka, ya, da) = place(a);
    let (kb, yb, db) = place(b);
    if matches!(rule, BlockingRule::TwoNameKeys) {
        (ya, da, ka).cmp(&(yb, db, kb))
    } else {
        (ka, ya, da).cmp(&(kb, yb, db))
    }
}

impl BlockIndex {
    pub fn new(records: &[LinkRecord], rules: &[CompiledRule], limit: BlockLimit) -> BlockIndex {
        let mut by_key: HashMap<u64, (usize, Vec<u32>)> = HashMap::new();
        for (r, rule) in rules.iter().enumerate() {
            let keyed: Vec<Vec<u64>> = records.par_iter().map(|x| rule.keys(x)).collect();
            for (i, keys) in keyed.iter().enumerate() {
                for k in keys {
                    let entry = by_key.entry(*k).or_insert_with(|| (r, Vec::new()));
                    if entry.1.last() != Some(&(i as u32)) {
                        entry.1.push(i as u32);
                    }
                }
            }
        }
        by_key.par_iter_mut().for_each(|(_, (r, members))| {
            if members.len() >= limit.max_block {
                neighbourhood_order(records, members, &rules[*r].rule);
            }
        });
        BlockIndex { by_key, limit }
    }

    /// Indexed records sharing a key with `record` under any rule, sorted and unique; in
    /// a giant block only the `window` records on either side of where it would sort.
    pub fn candidates(
        &self,
        record: &LinkRecord,
        records: &[LinkRecord],
        rules: &[CompiledRule],
    ) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        for key in rules.iter().flat_map(|rule| rule.keys(record)) {
            let Some((r, members)) = self.by_key.get(&key) else {
                continue;
            };
            if members.len() < self.limit.max_block {
                out.extend_from_slice(members);
                continue;
            }
            let rule = &rules[*r].rule;
            let at = members.partition_point(|&m| {
                place_cmp(&records[m as usize], record, rule) == std::cmp::Ordering::Less
            });
            let lo = at.saturating_sub(self.limit.window);
            let hi = (at + self.limit.window).min(members.len());
            out.extend_from_slice(&members[lo..hi]);
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}
