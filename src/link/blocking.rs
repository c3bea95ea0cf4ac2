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
            BlockingRule::NicknameAndNameKey => {
                // Most names have no nickname group: no keys, no allocation.
                let mut out = Vec::new();
                for &(group, i) in r.nickname_groups.entries() {
                    let own = r.token_keys.get(usize::from(i));
                    for k in r.keys.iter().filter(|&k| Some(k) != own) {
                        out.push(hash(&|h| (group, k).hash(h)));
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
/// when they share their name keys and date (for a two-key or nickname block, the year
/// comes first: its members differ mostly by the other names, or by the nickname).
fn neighbourhood_order(records: &[LinkRecord], group: &mut [u32], rule: &BlockingRule) {
    group.sort_by(|&x, &y| {
        place_cmp(&records[x as usize], &records[y as usize], rule).then(x.cmp(&y))
    });
}

/// One block to pair up: its records (in neighbourhood order when giant), how many
/// sorted neighbours each record is paired with, and the pairs that reach leaves out.
struct Block {
    rule: usize,
    members: Vec<u32>,
    reach: usize,
    left_out: Option<(usize, u64)>,
}

impl Block {
    fn new(
        records: &[LinkRecord],
        mut members: Vec<u32>,
        rule: usize,
        rules: &[CompiledRule],
        limit: BlockLimit,
    ) -> Block {
        let n = members.len();
        let giant = n > limit.max_block;
        let reach = if giant { limit.window } else { n };
        if giant {
            neighbourhood_order(records, &mut members, &rules[rule].rule);
        }
        let all = (n as u64) * (n as u64 - 1) / 2;
        let compared: u64 = (0..n).map(|x| reach.min(n - 1 - x) as u64).sum();
        Block {
            rule,
            members,
            reach,
            left_out: giant.then_some((n, all - compared)),
        }
    }

    /// The block's pairs `(i, j)` with `i < j`.
    fn pairs<'a>(
        &'a self,
        records: &'a [LinkRecord],
        cross_sides_only: bool,
    ) -> impl Iterator<Item = (u32, u32)> + 'a {
        let group = &self.members;
        group.iter().enumerate().flat_map(move |(x, &a)| {
            group[x + 1..]
                .iter()
                .take(self.reach)
                .filter(move |&&b| {
                    !cross_sides_only || records[a as usize].side != records[b as usize].side
                })
                .map(move |&b| (a.min(b), a.max(b)))
        })
    }

    fn pair_count(&self, records: &[LinkRecord], cross_sides_only: bool) -> usize {
        if cross_sides_only {
            return self.pairs(records, true).count();
        }
        let n = self.members.len();
        (0..n).map(|x| self.reach.min(n - 1 - x)).sum()
    }
}

/// A pair and the rule that found it in one sortable word: `i`, `j`, then the rule in
/// the low bits, so sorting puts a pair's copies together, earliest rule first.
#[derive(Debug, Clone, Copy)]
struct PairCode {
    rule_bits: u32,
    index_bits: u32,
}

impl PairCode {
    fn new(records: usize, rules: usize) -> PairCode {
        let rule_bits = usize::BITS - rules.saturating_sub(1).leading_zeros();
        let index_bits = (64 - rule_bits) / 2;
        assert!(
            (records as u64) < 1u64 << index_bits,
            "{records} records and {rules} blocking rules do not fit one 64-bit pair code"
        );
        PairCode {
            rule_bits,
            index_bits,
        }
    }

    fn encode(&self, (i, j): (u32, u32), rule: usize) -> u64 {
        (u64::from(i) << (self.index_bits + self.rule_bits))
            | (u64::from(j) << self.rule_bits)
            | rule as u64
    }

    /// The pair without its rule.
    fn pair_bits(&self, code: u64) -> u64 {
        code >> self.rule_bits
    }

    fn rule(&self, code: u64) -> usize {
        (code & ((1u64 << self.rule_bits) - 1)) as usize
    }

    /// `(i, j)` from the pair bits of a code.
    fn decode_pair(&self, pair: u64) -> (u32, u32) {
        let mask = (1u64 << self.index_bits) - 1;
        ((pair >> self.index_bits) as u32, (pair & mask) as u32)
    }
}

/// Candidate pairs `(i, j)` with `i < j`, sorted and unique, and a report per rule.
/// `cross_sides_only` keeps pairs of records from different sides (linking two sets).
/// Blocks over the size limit are compared only within a sorted window, and reported
/// with the pairs they leave out: never silently.
///
/// The pairs of every rule are written, tagged with their rule, into one buffer sized
/// in advance, then sorted once: a pair's first rule is the first of its copies. (Fresh
/// memory is what costs most here, so there is one buffer and no per-rule merging.)
pub fn candidate_pairs(
    records: &[LinkRecord],
    rules: &[CompiledRule],
    limit: BlockLimit,
    cross_sides_only: bool,
) -> (Candidates, Vec<RuleReport>) {
    let code = PairCode::new(records.len(), rules.len());
    let blocks: Vec<Block> = rules
        .iter()
        .enumerate()
        .flat_map(|(r, rule)| groups(records, rule).into_iter().map(move |g| (r, g)))
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|(r, g)| Block::new(records, g, r, rules, limit))
        .collect();
    let counts: Vec<usize> = blocks
        .par_iter()
        .map(|b| b.pair_count(records, cross_sides_only))
        .collect();
    let mut codes = vec![0u64; counts.iter().sum()];
    let mut rest: &mut [u64] = &mut codes;
    let mut jobs = Vec::with_capacity(blocks.len());
    for (block, &count) in blocks.iter().zip(&counts) {
        let (head, tail) = rest.split_at_mut(count);
        jobs.push((block, head));
        rest = tail;
    }
    jobs.into_par_iter().for_each(|(block, out)| {
        for (slot, pair) in out.iter_mut().zip(block.pairs(records, cross_sides_only)) {
            *slot = code.encode(pair, block.rule);
        }
    });
    codes.par_sort_unstable();
    // The same pair twice from one rule (records sharing two keys) counts once.
    codes.dedup();
    let mut reports: Vec<RuleReport> = rules
        .iter()
        .map(|rule| RuleReport {
            rule: rule.rule.describe(),
            ..Default::default()
        })
        .collect();
    for block in &blocks {
        if let Some(left_out) = block.left_out {
            reports[block.rule].skipped_blocks.push(left_out);
        }
    }
    drop(blocks);
    let first_of_pair =
        |k: usize| k == 0 || code.pair_bits(codes[k - 1]) != code.pair_bits(codes[k]);
    let counted = (0..codes.len())
        .into_par_iter()
        .fold(
            || vec![(0u64, 0u64); rules.len()],
            |mut acc, k| {
                let tally = &mut acc[code.rule(codes[k])];
                tally.0 += 1;
                tally.1 += u64::from(first_of_pair(k));
                acc
            },
        )
        .reduce(
            || vec![(0u64, 0u64); rules.len()],
            |mut a, b| {
                a.iter_mut()
                    .zip(b)
                    .for_each(|(x, y)| (x.0, x.1) = (x.0 + y.0, x.1 + y.1));
                a
            },
        );
    for (report, (pairs, new_pairs)) in reports.iter_mut().zip(counted) {
        (report.pairs, report.new_pairs) = (pairs, new_pairs);
    }
    codes.par_iter_mut().for_each(|c| *c = code.pair_bits(*c));
    codes.dedup();
    (Candidates { pairs: codes, code }, reports)
}

/// Candidate pairs, sorted and unique, each kept in one word (`i` and `j` packed).
#[derive(Debug, Clone)]
pub struct Candidates {
    pairs: Vec<u64>,
    code: PairCode,
}

impl Candidates {
    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// The pairs `(i, j)`, `i < j`, in order, read in parallel (without unpacking them
    /// all into a second vector first).
    pub fn par_pairs(&self) -> impl IndexedParallelIterator<Item = (u32, u32)> + '_ {
        let code = self.code;
        self.pairs.par_iter().map(move |&c| code.decode_pair(c))
    }

    pub fn to_vec(&self) -> Vec<(u32, u32)> {
        self.par_pairs().collect()
    }
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
    if matches!(
        rule,
        BlockingRule::TwoNameKeys | BlockingRule::NicknameAndNameKey
    ) {
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

    /// Adds records `from..` of `records` (appended since the index was built), as if
    /// the index had been built with them.
    pub fn insert(&mut self, records: &[LinkRecord], rules: &[CompiledRule], from: u32) {
        let limit = self.limit;
        for (r, rule) in rules.iter().enumerate() {
            for i in from..records.len() as u32 {
                let mut keys = rule.keys(&records[i as usize]);
                keys.sort_unstable();
                keys.dedup();
                for k in keys {
                    let (_, members) = self.by_key.entry(k).or_insert_with(|| (r, Vec::new()));
                    let giant = members.len() >= limit.max_block;
                    if giant {
                        // Already in neighbourhood order: the new record goes where it sorts
                        // (after every equal place, its index being the largest).
                        let new = &records[i as usize];
                        let at = members.partition_point(|&m| {
                            place_cmp(&records[m as usize], new, &rule.rule)
                                != std::cmp::Ordering::Greater
                        });
                        members.insert(at, i);
                    } else {
                        members.push(i);
                        if members.len() == limit.max_block {
                            neighbourhood_order(records, members, &rule.rule);
                        }
                    }
                }
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::dataset::Dataset;
    use crate::link::settings::{LinkType, Settings};
    use crate::synth::standardise_synthetic;
    use crate::synth::{generate, SynthConfig};
    use std::collections::{BTreeMap, BTreeSet};

    #[test]
    fn pair_codes_round_trip_and_sort_by_pair_then_rule() {
        let code = PairCode::new(1 << 20, 5);
        let a = code.encode((7, 9), 3);
        let b = code.encode((7, 9), 0);
        let c = code.encode((7, 10), 0);
        assert!(b < a && a < c);
        assert_eq!(code.rule(a), 3);
        assert_eq!(code.decode_pair(code.pair_bits(a)), (7, 9));
        let top = (1 << 20) - 1;
        assert_eq!(
            code.decode_pair(code.pair_bits(code.encode((top - 1, top), 4))),
            (top - 1, top)
        );
    }

    /// Every pair of records sharing a key under some rule, the first such rule, and the
    /// pairs of each rule: by comparing every pair of records.
    fn brute_force(
        records: &[LinkRecord],
        rules: &[CompiledRule],
    ) -> (BTreeMap<(u32, u32), usize>, Vec<u64>) {
        let keys: Vec<Vec<BTreeSet<u64>>> = rules
            .iter()
            .map(|rule| {
                records
                    .iter()
                    .map(|r| rule.keys(r).into_iter().collect())
                    .collect()
            })
            .collect();
        let mut first = BTreeMap::new();
        let mut per_rule = vec![0u64; rules.len()];
        for i in 0..records.len() {
            for j in i + 1..records.len() {
                for (r, rule_keys) in keys.iter().enumerate() {
                    if !rule_keys[i].is_disjoint(&rule_keys[j]) {
                        per_rule[r] += 1;
                        first.entry((i as u32, j as u32)).or_insert(r);
                    }
                }
            }
        }
        (first, per_rule)
    }

    /// Synthetic people with the person settings (less their generic columns) and the
    /// compiled rules.
    fn synthetic_people(people: usize) -> (Dataset, Vec<CompiledRule>) {
        let data = generate(&SynthConfig::new(people, 4)).unwrap();
        let std = standardise_synthetic(&data, 2025).unwrap();
        let mut settings = Settings::for_people(LinkType::Dedupe);
        settings.comparisons.retain(|c| c.column().is_none());
        settings.blocking_rules.retain(|r| r.columns().is_empty());
        let ds = Dataset::new(settings, &std, &[], None);
        let rules = CompiledRule::compile(&ds.settings.blocking_rules, &ds.generic_columns);
        (ds, rules)
    }

    #[test]
    fn candidate_pairs_match_comparing_every_pair() {
        let (ds, rules) = synthetic_people(250);
        // No block is over the limit, so every pair sharing a key is a candidate.
        let limit = BlockLimit {
            max_block: usize::MAX,
            window: 0,
        };
        let (pairs, reports) = candidate_pairs(&ds.records, &rules, limit, false);
        let (first, per_rule) = brute_force(&ds.records, &rules);
        assert_eq!(pairs.to_vec(), first.keys().copied().collect::<Vec<_>>());
        for (r, report) in reports.iter().enumerate() {
            assert_eq!(report.pairs, per_rule[r], "{}", report.rule);
            let new = first.values().filter(|&&f| f == r).count() as u64;
            assert_eq!(report.new_pairs, new, "{}", report.rule);
            assert!(report.skipped_blocks.is_empty());
        }
        assert!(pairs.len() > 100, "{}", pairs.len());
    }

    #[test]
    fn an_index_grown_record_by_record_is_the_index_built_at_once() {
        let (ds, rules) = synthetic_people(300);
        // Small enough that many blocks are giant, and some become giant as they grow.
        for max_block in [4, 9, usize::MAX] {
            let limit = BlockLimit {
                max_block,
                window: 2,
            };
            let whole = BlockIndex::new(&ds.records, &rules, limit);
            let half = ds.records.len() / 2;
            let mut grown = BlockIndex::new(&ds.records[..half], &rules, limit);
            let mut from = half;
            for end in [half + 1, half + 40, ds.records.len()] {
                grown.insert(&ds.records[..end], &rules, from as u32);
                from = end;
            }
            assert_eq!(grown.by_key, whole.by_key, "max_block {max_block}");
            if max_block == 4 {
                assert!(whole.by_key.values().filter(|(_, m)| m.len() > 4).count() > 10);
            }
        }
    }

    #[test]
    fn nickname_blocking_pairs_tom_with_thomas() {
        let ds = crate::link::tests::people(&[
            ("Tom", "Smith", "1990-03-04"),
            ("Thomas", "Smith", "1990-03-04"),
            ("Thomas", "Smith", "1975-07-08"),
            ("John", "Smith", "1961-11-12"),
            ("Bill", "Jones", "1980-01-01"),
            ("William", "Jones", "1966-02-02"),
            ("Omar", "Khan", "1990-03-04"),
        ]);
        assert!(ds
            .settings
            .blocking_rules
            .contains(&BlockingRule::NicknameAndNameKey));
        let rules = CompiledRule::compile(&ds.settings.blocking_rules, &ds.generic_columns);
        let limit = BlockLimit {
            max_block: 40,
            window: 15,
        };
        let (pairs, reports) = candidate_pairs(&ds.records, &rules, limit, false);
        let pairs = pairs.to_vec();
        // Tom Smith 1990 and Thomas Smith 1990; Tom Smith and Thomas Smith of another
        // year, Bill and William Jones of different dates: found by the nickname rule only.
        for pair in [(0, 1), (0, 2), (4, 5)] {
            assert!(pairs.contains(&pair), "{pair:?} in {pairs:?}");
        }
        // John Smith, of another date, is no Tom or Thomas.
        assert!(!pairs.contains(&(0, 3)), "{pairs:?}");
        let nickname = rules
            .iter()
            .position(|r| r.rule == BlockingRule::NicknameAndNameKey)
            .unwrap();
        let report = &reports[nickname];
        assert_eq!(report.rule, "nickname group + another name key");
        assert!(report.new_pairs >= 2, "{report:?}");
        // The rule alone: records without a nickname token have no key.
        let alone = CompiledRule::compile(&[BlockingRule::NicknameAndNameKey], &[]);
        assert!(alone[0].keys(&ds.records[6]).is_empty());
        let (only, _) = candidate_pairs(&ds.records, &alone, limit, false);
        assert!(only.to_vec().contains(&(0, 1)));
    }
}
