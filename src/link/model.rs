//! The Fellegi–Sunter model: m and u probabilities per comparison level, trained without
//! labels (u from random pairs, m by EM on several blocking sessions) or from labelled
//! matches, with term-frequency adjusted evidence so a common name or value agreeing
//! counts for less than a rare one.

use std::collections::HashMap;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::dataset::Dataset;
use super::levels::{Levels, PairLevels, NULL};
use super::record::{LinkRecord, UNSEEN};
use super::settings::{ComparisonSpec, LinkType};
use crate::errors::{CoreError, Result};

/// Trained parameters: plain data that round-trips through JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Model {
    /// Comparison names, in order (checked against the settings when scoring).
    pub comparisons: Vec<String>,
    /// m[c][l]: P(level l of comparison c | same person).
    pub m: Vec<Vec<f64>>,
    /// u[c][l]: P(level l of comparison c | different people).
    pub u: Vec<Vec<f64>>,
    /// P(two comparable records are the same person), for the training data's size.
    pub prior: f64,
    /// Records the model was trained on.
    pub n_records: usize,
    /// How m was estimated: the EM sessions (or labels), in order.
    pub history: Vec<Session>,
    /// How the prior was estimated.
    #[serde(default)]
    pub prior_estimate: Option<PriorEstimate>,
    /// Per comparison, the u of its top level among pairs whose names agree or are
    /// alike, for the attributes a name predicts (nationality, gender): two different
    /// people called Ahmed Hassan are mostly of one nationality and one gender, so that
    /// agreement says little once the names agree. `None` where not estimated.
    #[serde(default)]
    pub u_given_name: Vec<Option<f64>>,
    /// The share of pairs of records of the same name that are one person, where dates
    /// of birth can tell (0 otherwise): a name's term frequency leaves out that share of
    /// its other records, the person's own duplicates, which say nothing about how many
    /// other people bear it.
    #[serde(default)]
    pub same_name_same_person: f64,
    /// log2(m / u) per level, computed on first use.
    #[serde(skip)]
    bits: std::sync::OnceLock<Vec<Vec<f64>>>,
}

/// One EM session: the key its pairs share, how many pairs, and each iteration's
/// (share of matches among the pairs, largest parameter change).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub key: String,
    pub pairs: usize,
    pub iterations: Vec<(f64, f64)>,
}

/// How the prior was estimated: the comparisons whose top levels make a pair a
/// near-certain match, how many candidates agree on all of them, how many random pairs
/// would agree by chance, and the matches that implies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PriorEstimate {
    pub method: String,
    pub comparisons: Vec<String>,
    /// Candidate pairs at the top level of every one of `comparisons`.
    pub agreeing_pairs: usize,
    /// Of those, how many different people are expected to agree by chance.
    pub expected_by_chance: f64,
    /// The share of true matches that can agree on all of them (m and coverage).
    pub share_of_matches: f64,
    /// Matches in the data set implied (before shrinking towards the default).
    pub matches: f64,
    /// The weight given to the data against the default prior (one match per two
    /// records), in [0, 1]: near 1 unless very few pairs agree.
    pub data_weight: f64,
}

const FLOOR: f64 = 1e-6;

/// Pseudo-pairs of the default u each comparison's u is shrunk with: a handful of
/// sampled pairs (a frame of three records has three) cannot say how often different
/// people agree, thousands can.
pub const U_PSEUDO_PAIRS: f64 = 200.0;

/// Pseudo-records of the default frequency a value's term frequency is shrunk with.
pub const TF_PSEUDO_RECORDS: f64 = 200.0;

/// The default share of random pairs of different people at level `l` of a comparison,
/// for data too small to estimate it: a kind's top-level share (a name 1e-3, a date or a
/// phone 1e-4, a free text or code 1e-3, a category 0.05, a nationality 0.2, a gender
/// 0.5), three times more at each next agreement level, the rest at the last level. A
/// name's nickname level takes the share of the level above it (names alike): different
/// people are about as rarely one as the other.
pub fn default_u(spec: &ComparisonSpec) -> Vec<f64> {
    let k = spec.level_labels().len();
    let top = default_top_u(spec);
    let nickname = usize::from(super::levels::NAME_NICKNAME);
    let step = |l: usize| match spec {
        ComparisonSpec::Name { .. } if l >= nickname => l - 1,
        _ => l,
    };
    let mut u: Vec<f64> = (0..k.saturating_sub(1))
        .map(|l| top * 3f64.powi(step(l) as i32))
        .collect();
    let agree: f64 = u.iter().sum();
    u.push((1.0 - agree).max(FLOOR));
    u
}

/// The default u of a comparison's top level (see [`default_u`]).
pub fn default_top_u(spec: &ComparisonSpec) -> f64 {
    match spec {
        ComparisonSpec::Name { .. } | ComparisonSpec::Text { .. } | ComparisonSpec::Code { .. } => {
            1e-3
        }
        ComparisonSpec::DateOfBirth {} | ComparisonSpec::Phone { .. } => 1e-4,
        ComparisonSpec::Exact { .. } => 0.05,
        ComparisonSpec::Nationality {} => 0.2,
        ComparisonSpec::Gender {} => 0.5,
    }
}

/// A best-first level never weighs less than a worse one: the weights log2(m/u) of
/// adjacent levels that are out of order are pooled (isotonic regression, weighted by
/// how many pairs reach each level, m + u), and m is rebuilt from them and renormalised
/// (which shifts every weight of the comparison alike, keeping the order).
pub fn monotone_m(m: &[f64], u: &[f64]) -> Vec<f64> {
    let w: Vec<f64> = m
        .iter()
        .zip(u)
        .map(|(&m, &u)| evidence_bits(m, u))
        .collect();
    // Pool adjacent violators of a non-increasing sequence: blocks of (mean, weight, len).
    let mut blocks: Vec<(f64, f64, usize)> = Vec::new();
    for (l, &x) in w.iter().enumerate() {
        let mut block = (x, m[l] + u[l], 1);
        while let Some(&(mean, weight, len)) = blocks.last() {
            if mean >= block.0 {
                break;
            }
            let total = weight + block.1;
            block = (
                (mean * weight + block.0 * block.1) / total,
                total,
                len + block.2,
            );
            blocks.pop();
        }
        blocks.push(block);
    }
    if blocks.len() == w.len() {
        return m.to_vec();
    }
    let pooled: Vec<f64> = blocks
        .iter()
        .flat_map(|&(mean, _, len)| std::iter::repeat_n(mean, len))
        .collect();
    let raw: Vec<f64> = pooled.iter().zip(u).map(|(w, u)| u * w.exp2()).collect();
    let total: f64 = raw.iter().sum();
    raw.iter().map(|x| (x / total).max(FLOOR)).collect()
}

/// Shrinks a share `count / n` of records towards `default` with
/// `TF_PSEUDO_RECORDS` pseudo-records.
fn shrunk_share(count: f64, n: f64, default: f64) -> f64 {
    ((count + TF_PSEUDO_RECORDS * default) / (n + TF_PSEUDO_RECORDS)).max(FLOOR)
}

/// Pseudo-pairs of the unconditional u the name-conditional u is shrunk with.
const NAME_CONDITIONAL_PSEUDO_PAIRS: f64 = 5.0;

/// Name levels (best first) treated as names agreeing for [`Model::u_given_name`]: the
/// same keys, alike, a nickname, somewhat alike, one key shared: names that share a
/// key share an origin (a family, a language) too.
const NAME_AGREEING_LEVELS: u8 = 4;

/// Records of one name looked at when counting its pairs (a name shared by thousands
/// would cost millions of pairs and say nothing more).
const NAME_GROUP_SAMPLE: usize = 64;

/// Pseudo-pairs the estimates from namesakes told apart by their dates are shrunk with
/// (towards the unconditional u, and towards "no two records of a name are one person").
const NAMESAKE_PSEUDO_PAIRS: f64 = 20.0;

/// Share of records with a full date of birth from which dates are trusted to tell
/// namesakes apart.
const NAMESAKE_DATED_SHARE: f64 = 0.5;

/// What pairs of records of the same name (the same name keys) say, estimated once at
/// training. Where most records have a full date of birth, pairs whose dates are far
/// apart (the last date level) are mostly different people: their share, set against
/// how often matches and non-matches reach that level (m and u), gives the share of
/// same-name pairs that are one person, and their agreement on a nationality or gender
/// gives the u of that agreement between namesakes. Without dates neither can be told:
/// the share is 0 and every same-name pair counts towards the u, duplicates of one
/// person included — both the safe side (less weight for agreeing). Shrunk with
/// `NAMESAKE_PSEUDO_PAIRS`; the u is never below the unconditional one.
fn namesakes(ds: &Dataset, m: &[Vec<f64>], u: &[Vec<f64>]) -> (Vec<Option<f64>>, f64) {
    let comparisons = &ds.settings.comparisons;
    let mut groups: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, r) in ds.records.iter().enumerate() {
        if let Some(name) = r.name_id {
            let g = groups.entry(name).or_default();
            if g.len() < NAME_GROUP_SAMPLE {
                g.push(i);
            }
        }
    }
    let mut names: Vec<u32> = groups.keys().copied().collect();
    names.sort_unstable();
    let with_dates = ds.records.iter().filter(|r| r.dob.is_some()).count();
    let dob = comparisons
        .iter()
        .position(|c| matches!(c, ComparisonSpec::DateOfBirth {}))
        .filter(|_| with_dates as f64 >= NAMESAKE_DATED_SHARE * ds.len() as f64);
    let attribute = |c: usize| {
        matches!(
            comparisons[c],
            ComparisonSpec::Nationality {} | ComparisonSpec::Gender {}
        )
    };
    // Per comparison: (agreeing, known) over all same-name pairs and over those far apart.
    let k = comparisons.len();
    let (mut all, mut apart) = (vec![(0.0, 0.0); k], vec![(0.0, 0.0); k]);
    let (mut dated_pairs, mut far_pairs) = (0.0f64, 0.0f64);
    for name in &names {
        let g = &groups[name];
        for (x, &i) in g.iter().enumerate() {
            for &j in &g[x + 1..] {
                let (a, b) = (&ds.records[i], &ds.records[j]);
                if !ds.comparable(a, b) {
                    continue;
                }
                let lv = ds.comparator.levels(a, b);
                let far = dob.and_then(|d| {
                    let both_full = a.dob.is_some() && b.dob.is_some();
                    both_full.then(|| lv[d] as usize == m[d].len() - 1)
                });
                if let Some(far) = far {
                    dated_pairs += 1.0;
                    far_pairs += f64::from(u8::from(far));
                }
                for c in (0..k).filter(|&c| attribute(c) && lv[c] != NULL) {
                    let hit = f64::from(u8::from(lv[c] == 0));
                    all[c] = (all[c].0 + hit, all[c].1 + 1.0);
                    if far == Some(true) {
                        apart[c] = (apart[c].0 + hit, apart[c].1 + 1.0);
                    }
                }
            }
        }
    }
    let u_given_name = (0..k)
        .map(|c| {
            if !attribute(c) {
                return None;
            }
            let u0 = u[c][0];
            let shrunk = |(agreeing, known): (f64, f64), pseudo: f64| {
                ((agreeing + pseudo * u0) / (known + pseudo)).max(u0)
            };
            Some(if dob.is_some() {
                shrunk(apart[c], NAMESAKE_PSEUDO_PAIRS)
            } else {
                shrunk(all[c], NAME_CONDITIONAL_PSEUDO_PAIRS)
            })
        })
        .collect();
    let same_person = dob.map_or(0.0, |d| {
        let last = m[d].len() - 1;
        let (m_far, u_far) = (m[d][last], u[d][last]);
        let far_share = far_pairs / dated_pairs.max(1.0);
        let share = ((u_far - far_share) / (u_far - m_far).max(1e-9)).clamp(0.0, 1.0);
        share * dated_pairs / (dated_pairs + NAMESAKE_PSEUDO_PAIRS)
    });
    (u_given_name, same_person)
}

/// Cap on the other records of one person assumed in term frequencies.
const MAX_EXPECTED_DUPLICATES: f64 = 10.0;

/// Pairs per parallel work unit; sums over units are taken in order (deterministic).
const CHUNK: usize = 8192;

fn normalise(counts: &[f64]) -> Vec<f64> {
    let total: f64 = counts.iter().sum();
    counts
        .iter()
        .map(|c| ((c + 0.5) / (total + 0.5 * counts.len() as f64)).max(FLOOR))
        .collect()
}

fn level_counts(sizes: &[usize]) -> Vec<Vec<f64>> {
    sizes.iter().map(|&k| vec![0.0; k]).collect()
}

fn add_counts(mut a: Vec<Vec<f64>>, b: Vec<Vec<f64>>) -> Vec<Vec<f64>> {
    for (ra, rb) in a.iter_mut().zip(b) {
        for (x, y) in ra.iter_mut().zip(rb) {
            *x += y;
        }
    }
    a
}

fn level_sizes(ds: &Dataset) -> Vec<usize> {
    ds.settings
        .comparisons
        .iter()
        .map(|c| c.level_labels().len())
        .collect()
}

/// Level counts over `samples` random comparable pairs (seeded): almost all are
/// different people, so normalised they are u; their totals say how often each
/// comparison has a value on both sides.
fn sample_levels(ds: &Dataset, samples: usize, seed: u64) -> Vec<Vec<f64>> {
    let sizes = level_sizes(ds);
    let n = ds.len();
    let link = ds.settings.link_type == LinkType::Link;
    let feasible = if link {
        ds.side_sizes[0] > 0 && ds.side_sizes[1] > 0
    } else {
        n >= 2
    };
    if !feasible {
        return level_counts(&sizes);
    }
    // Record indices by side, for drawing cross pairs when linking two sets.
    let by_side: [Vec<u32>; 2] = if link {
        let side = |s: u8| {
            (0..n as u32)
                .filter(|&i| ds.records[i as usize].side == s)
                .collect()
        };
        [side(0), side(1)]
    } else {
        [Vec::new(), Vec::new()]
    };
    let chunk = 4096;
    (0..samples.div_ceil(chunk))
        .into_par_iter()
        .map(|c| {
            let mut rng =
                ChaCha8Rng::seed_from_u64(seed ^ (c as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
            let mut local = level_counts(&sizes);
            for _ in 0..chunk.min(samples - c * chunk) {
                let (i, j) = if link {
                    (
                        by_side[0][rng.random_range(0..by_side[0].len())],
                        by_side[1][rng.random_range(0..by_side[1].len())],
                    )
                } else {
                    let i = rng.random_range(0..n);
                    let mut j = rng.random_range(0..n - 1);
                    if j >= i {
                        j += 1;
                    }
                    (i as u32, j as u32)
                };
                for (ci, l) in ds.levels(i, j).iter().take(sizes.len()).enumerate() {
                    if *l != NULL {
                        local[ci][*l as usize] += 1.0;
                    }
                }
            }
            local
        })
        .collect::<Vec<_>>()
        .into_iter()
        .fold(level_counts(&sizes), add_counts)
}

/// Starting m: most of the mass on the best levels.
pub fn initial_m(sizes: &[usize]) -> Vec<Vec<f64>> {
    sizes
        .iter()
        .map(|&k| {
            let raw: Vec<f64> = (0..k)
                .map(|l| 0.5_f64.powi(l as i32 + 1) * if l + 1 == k { 0.2 } else { 1.0 })
                .collect();
            let total: f64 = raw.iter().sum();
            raw.iter().map(|v| v / total).collect()
        })
        .collect()
}

/// One EM session with u fixed: returns m (the row of `skip`, the comparison the pairs
/// were chosen by, is left as given: it carries no information here), the share of
/// matches among the pairs and the iterations.
pub fn em_session<L: PairLevels>(
    pair_levels: &[L],
    u: &[Vec<f64>],
    mut m: Vec<Vec<f64>>,
    skip: Option<usize>,
    iterations: usize,
) -> (Vec<Vec<f64>>, f64, Vec<(f64, f64)>) {
    let sizes: Vec<usize> = m.iter().map(Vec::len).collect();
    let mut lambda = 0.1;
    let mut history = Vec::new();
    if pair_levels.is_empty() {
        return (m, lambda, history);
    }
    for _ in 0..iterations {
        let logit_prior = (lambda / (1.0 - lambda)).ln();
        // Fixed chunks summed in order: the same input gives the same bits on any thread count.
        let (counts, total_p) = pair_levels
            .par_chunks(CHUNK)
            .map(|chunk| {
                let mut counts = level_counts(&sizes);
                let mut total = 0.0;
                for lv in chunk {
                    let lv = lv.pair_levels();
                    let w = logit_prior
                        + lv.iter()
                            .take(sizes.len())
                            .enumerate()
                            .filter(|(c, l)| **l != NULL && Some(*c) != skip)
                            .map(|(c, l)| (m[c][*l as usize] / u[c][*l as usize]).ln())
                            .sum::<f64>();
                    let p = 1.0 / (1.0 + (-w).exp());
                    total += p;
                    for (c, l) in lv.iter().take(sizes.len()).enumerate() {
                        if *l != NULL {
                            counts[c][*l as usize] += p;
                        }
                    }
                }
                (counts, total)
            })
            .collect::<Vec<_>>()
            .into_iter()
            .fold((level_counts(&sizes), 0.0), |(a, ta), (b, tb)| {
                (add_counts(a, b), ta + tb)
            });
        let mut change: f64 = 0.0;
        for (c, row) in counts.iter().enumerate() {
            if Some(c) == skip {
                continue;
            }
            let new_row = normalise(row);
            for (x, y) in new_row.iter().zip(&m[c]) {
                change = change.max((x - y).abs());
            }
            m[c] = new_row;
        }
        let new_lambda = (total_p / pair_levels.len() as f64).clamp(1e-9, 1.0 - 1e-9);
        change = change.max((new_lambda - lambda).abs());
        lambda = new_lambda;
        history.push((lambda, change));
        if change < 1e-5 {
            break;
        }
    }
    (m, lambda, history)
}

/// Comparable pairs of records sharing a key, from groups of at most `max_group`
/// records: a key shared by many (a common name) mixes many different people, which
/// would teach EM that "same name, different everything else" is what a match looks like.
fn session_pairs(
    ds: &Dataset,
    max_group: usize,
    key: impl Fn(&LinkRecord) -> Option<String>,
) -> Vec<(u32, u32)> {
    let mut groups: HashMap<String, Vec<u32>> = HashMap::new();
    for (i, r) in ds.records.iter().enumerate() {
        if let Some(k) = key(r) {
            groups.entry(k).or_default().push(i as u32);
        }
    }
    let mut keys: Vec<&String> = groups.keys().collect();
    keys.sort_unstable();
    let mut pairs = Vec::new();
    for k in keys {
        let g = &groups[k];
        if g.len() > max_group {
            continue;
        }
        for (x, &a) in g.iter().enumerate() {
            for &b in &g[x + 1..] {
                if ds.comparable(&ds.records[a as usize], &ds.records[b as usize]) {
                    pairs.push((a, b));
                }
            }
        }
    }
    pairs
}

/// A blocking session for EM: pairs sharing a key, and the comparison that key decides.
struct SessionSpec {
    key: String,
    skip: usize,
    pairs: Vec<(u32, u32)>,
}

fn sessions(ds: &Dataset) -> Vec<SessionSpec> {
    let mut out = Vec::new();
    for (c, spec) in ds.settings.comparisons.iter().enumerate() {
        let (key, pairs) = match spec {
            ComparisonSpec::Name { .. } => (
                "whole name".to_string(),
                session_pairs(ds, 2, |r| r.name_id.map(|n| n.to_string())),
            ),
            ComparisonSpec::DateOfBirth {} => (
                "date of birth".to_string(),
                session_pairs(ds, 3, |r| r.dob.map(|d| d.to_string())),
            ),
            ComparisonSpec::Phone { .. } => (
                "phone".to_string(),
                session_pairs(ds, 3, |r| r.phones.first().map(|p| p.to_string())),
            ),
            ComparisonSpec::Text { column, .. }
            | ComparisonSpec::Code { column, .. }
            | ComparisonSpec::Exact { column, .. } => {
                let slot = ds.comparator.generic_slot(c).expect("generic comparison");
                (
                    column.clone(),
                    session_pairs(ds, 3, |r| {
                        r.generic[slot].as_ref().map(|g| g.text.to_string())
                    }),
                )
            }
            ComparisonSpec::Nationality {} | ComparisonSpec::Gender {} => continue,
        };
        out.push(SessionSpec {
            key,
            skip: c,
            pairs,
        });
    }
    out
}

impl Model {
    /// Trains on a data set. Without labels: u from random pairs; m by EM on several
    /// sessions, each of pairs sharing one key (a whole name, a date of birth, a phone, a
    /// generic value), which estimates every comparison but that key's; a comparison's m
    /// is the average over the sessions that estimate it, weighted by their matches.
    /// With labels (pairs known to match), m is counted from them.
    pub fn train<L: PairLevels>(
        ds: &Dataset,
        candidate_levels: &[L],
        labels: Option<&[(u32, u32)]>,
    ) -> Model {
        let sizes = level_sizes(ds);
        let samples = ds
            .settings
            .u_samples
            .min(ds.len().saturating_mul(50))
            .max(1);
        let sampled = sample_levels(ds, samples, ds.settings.seed);
        // Draws from a small data set repeat the same few pairs: count each distinct pair
        // once, and shrink towards the default u with `U_PSEUDO_PAIRS`.
        let distinct = (ds.comparable_pairs() / samples as f64).min(1.0);
        let u: Vec<Vec<f64>> = sampled
            .iter()
            .zip(&ds.settings.comparisons)
            .map(|(counts, spec)| {
                let default = default_u(spec);
                let seen: f64 = counts.iter().sum::<f64>() * distinct;
                counts
                    .iter()
                    .zip(&default)
                    .map(|(c, d)| {
                        ((c * distinct + U_PSEUDO_PAIRS * d) / (seen + U_PSEUDO_PAIRS)).max(FLOOR)
                    })
                    .collect()
            })
            .collect();
        let shares: Vec<f64> = sampled
            .iter()
            .map(|c| c.iter().sum::<f64>() / samples as f64)
            .collect();
        let mut history = Vec::new();
        let m = match labels {
            Some(pairs) => {
                let counts = pairs
                    .par_chunks(CHUNK)
                    .map(|chunk| {
                        let mut acc = level_counts(&sizes);
                        for &(i, j) in chunk {
                            for (c, l) in ds.levels(i, j).iter().take(sizes.len()).enumerate() {
                                if *l != NULL {
                                    acc[c][*l as usize] += 1.0;
                                }
                            }
                        }
                        acc
                    })
                    .collect::<Vec<_>>()
                    .into_iter()
                    .fold(level_counts(&sizes), add_counts);
                history.push(Session {
                    key: "labelled matches".into(),
                    pairs: pairs.len(),
                    iterations: Vec::new(),
                });
                counts.iter().map(|c| normalise(c)).collect()
            }
            None => Self::em_m(ds, &u, &sizes, &mut history),
        };
        let m: Vec<Vec<f64>> = m.iter().zip(&u).map(|(m, u)| monotone_m(m, u)).collect();
        let (u_given_name, same_name_same_person) = namesakes(ds, &m, &u);
        let estimate = Self::estimate_prior(ds, candidate_levels, &m, &u, &u_given_name, &shares);
        Model {
            comparisons: ds.settings.comparisons.iter().map(|c| c.name()).collect(),
            m,
            u,
            prior: estimate.1,
            n_records: ds.len(),
            history,
            prior_estimate: Some(estimate.0),
            u_given_name,
            same_name_same_person,
            bits: Default::default(),
        }
    }

    fn em_m(
        ds: &Dataset,
        u: &[Vec<f64>],
        sizes: &[usize],
        history: &mut Vec<Session>,
    ) -> Vec<Vec<f64>> {
        let mut estimates: Vec<(usize, f64, Vec<Vec<f64>>)> = Vec::new();
        for s in sessions(ds) {
            let levels: Vec<Levels> = s.pairs.par_iter().map(|&(i, j)| ds.levels(i, j)).collect();
            let (m, lambda, iterations) =
                em_session(&levels, u, initial_m(sizes), Some(s.skip), 40);
            history.push(Session {
                key: s.key,
                pairs: levels.len(),
                iterations,
            });
            estimates.push((s.skip, lambda * levels.len() as f64, m));
        }
        let dob = ds
            .settings
            .comparisons
            .iter()
            .position(|c| matches!(c, ComparisonSpec::DateOfBirth {}));
        let name = ds
            .settings
            .comparisons
            .iter()
            .position(|c| matches!(c, ComparisonSpec::Name { .. }));
        let mut m = initial_m(sizes);
        for (c, row) in m.iter_mut().enumerate() {
            let usable = |skip: usize, matches: f64| skip != c && matches >= 1.0;
            // Pairs that share a name are the hard negatives of the date of birth (common
            // names, siblings): estimate the date from the other sessions when they can.
            let others_for_dob = estimates
                .iter()
                .any(|(skip, w, _)| usable(*skip, *w) && Some(*skip) != name && *w >= 20.0);
            let chosen: Vec<&(usize, f64, Vec<Vec<f64>>)> = estimates
                .iter()
                .filter(|(skip, w, _)| usable(*skip, *w))
                .filter(|(skip, _, _)| !(Some(c) == dob && others_for_dob && Some(*skip) == name))
                .collect();
            let total: f64 = chosen.iter().map(|e| e.1).sum();
            if total > 0.0 {
                for (l, v) in row.iter_mut().enumerate() {
                    *v = chosen.iter().map(|e| e.1 * e.2[c][l]).sum::<f64>() / total;
                }
            }
        }
        m
    }

    /// The prior from near-certain matches, from whatever comparisons the data have: a
    /// set of comparisons is chosen so that different people rarely agree on all of them
    /// by chance (fewer than one such pair per hundred records, expected from u and how
    /// often both records carry each value) — the name first, then the date of birth when
    /// most records have one, then the others by the evidence they carry. The candidate
    /// pairs agreeing at the top level of all of them, less those expected by chance,
    /// divided by the share of true matches that can agree on all of them (the product of
    /// m at the top level and that coverage, kept within [1/20, 1] so that a poor m cannot
    /// blow the prior up), are about all the matches. With few such pairs the estimate is
    /// shrunk towards one match per two records. No comparison is a prerequisite: without
    /// a date (or a name) the set is made of the others. EM on the candidates would
    /// overstate the prior, since names and origins agree far more often among candidates
    /// than among random pairs.
    fn estimate_prior<L: PairLevels>(
        ds: &Dataset,
        candidate_levels: &[L],
        m: &[Vec<f64>],
        u: &[Vec<f64>],
        u_given_name: &[Option<f64>],
        shares: &[f64],
    ) -> (PriorEstimate, f64) {
        let comparisons = &ds.settings.comparisons;
        let n = ds.len() as f64;
        let comparable = ds.comparable_pairs();
        // Only comparisons most records can take part in, whose top level is evidence.
        let usable =
            |c: usize| shares[c] >= 0.05 && m[c][0] > u[c][0] && m[c][0] >= 0.05 && m[c].len() > 1;
        let score = |c: usize| shares[c] * -u[c][0].log2();
        let mut order: Vec<usize> = (0..comparisons.len()).filter(|&c| usable(c)).collect();
        let rank = |c: usize| match comparisons[c] {
            ComparisonSpec::Name { .. } => 0,
            ComparisonSpec::DateOfBirth {} if shares[c] >= 0.2 => 1,
            _ => 2,
        };
        order.sort_by(|&a, &b| {
            rank(a)
                .cmp(&rank(b))
                .then(score(b).total_cmp(&score(a)))
                .then(a.cmp(&b))
        });
        let tolerated = (0.01 * n).max(0.01);
        let mut chosen: Vec<usize> = Vec::new();
        let mut by_chance = comparable;
        let is_name = |c: usize| matches!(comparisons[c], ComparisonSpec::Name { .. });
        for &c in &order {
            if !chosen.is_empty() && by_chance <= tolerated {
                break;
            }
            // Once the names agree, what a name predicts agrees by chance far more often.
            let chance = match u_given_name.get(c) {
                Some(Some(given)) if chosen.iter().any(|&x| is_name(x)) => *given,
                _ => u[c][0],
            };
            chosen.push(c);
            by_chance *= shares[c] * chance;
        }
        let (agreeing, share_of_matches) = if chosen.is_empty() {
            (0, 1.0)
        } else {
            let agreeing = candidate_levels
                .par_iter()
                .filter(|lv| chosen.iter().all(|&c| lv.level(c) == 0))
                .count();
            let share: f64 = chosen.iter().map(|&c| m[c][0] * shares[c]).product();
            (agreeing, share.clamp(0.05, 1.0))
        };
        let found = agreeing as f64;
        let real = (found - by_chance).max(0.1 * found).max(1.0);
        let matches = real / share_of_matches;
        // Few agreeing pairs say little: lean on the default of one match per two records.
        let data_weight = found / (found + 5.0);
        let default_matches = 0.5 * n;
        let blended = (data_weight * matches.ln()
            + (1.0 - data_weight) * default_matches.max(1.0).ln())
        .exp();
        let prior = (blended / comparable).clamp(1e-12, 0.5);
        let names: Vec<String> = chosen.iter().map(|&c| comparisons[c].name()).collect();
        let estimate = PriorEstimate {
            method: if names.is_empty() {
                "no comparison can make a pair near-certain: one match per two records".into()
            } else {
                format!(
                    "near-certain matches: the top level of {}",
                    names.join(" + ")
                )
            },
            comparisons: names,
            agreeing_pairs: agreeing,
            expected_by_chance: by_chance.min(comparable),
            share_of_matches,
            matches,
            data_weight,
        };
        (estimate, prior)
    }

    pub fn check_matches(&self, ds: &Dataset) -> Result<()> {
        let names: Vec<String> = ds.settings.comparisons.iter().map(|c| c.name()).collect();
        if names != self.comparisons {
            return Err(CoreError::InvalidInput(format!(
                "the model was trained with comparisons {:?} but these records give {:?}; \
                 score records with the columns the model was trained on",
                self.comparisons, names
            )));
        }
        for (c, spec) in ds.settings.comparisons.iter().enumerate() {
            let (trained, now) = (self.m[c].len(), spec.level_labels().len());
            if trained != now || self.u[c].len() != now {
                return Err(CoreError::InvalidInput(format!(
                    "the model has {trained} levels for comparison '{}' but this caselink \
                     compares it on {now}; train the model again",
                    spec.name()
                )));
            }
        }
        Ok(())
    }

    /// The u of a level for this pair: term-frequency adjusted where the settings ask,
    /// against the reference data set `ds`.
    pub fn adjusted_u(
        &self,
        ds: &Dataset,
        c: usize,
        lv: &Levels,
        a: &LinkRecord,
        b: &LinkRecord,
    ) -> f64 {
        let l = lv[c];
        self.pair_u(ds, c, lv, a, b)
            .unwrap_or(self.u[c][l as usize])
    }

    /// The u of comparison `c` for this pair when it is not the level's plain u: given
    /// that the names agree (see [`Model::u_given_name`]), or term-frequency adjusted.
    fn pair_u(
        &self,
        ds: &Dataset,
        c: usize,
        lv: &Levels,
        a: &LinkRecord,
        b: &LinkRecord,
    ) -> Option<f64> {
        let l = lv[c];
        if l == 0 {
            if let Some(Some(given)) = self.u_given_name.get(c) {
                let names_agree = ds
                    .settings
                    .comparisons
                    .iter()
                    .position(|s| matches!(s, ComparisonSpec::Name { .. }))
                    .is_some_and(|n| lv[n] <= NAME_AGREEING_LEVELS);
                if names_agree {
                    return Some(*given);
                }
            }
        }
        self.tf_u(ds, c, l, a, b)
    }

    /// The term-frequency adjusted u, when an adjustment applies to this level and pair.
    fn tf_u(&self, ds: &Dataset, c: usize, l: u8, a: &LinkRecord, b: &LinkRecord) -> Option<f64> {
        let u = self.u[c][l as usize];
        let n = ds.len().max(1) as f64;
        let spec = &ds.settings.comparisons[c];
        match spec {
            // Same, alike, nickname and somewhat alike names (not a key shared, or none).
            ComparisonSpec::Name {
                term_frequency: true,
            } if l <= 3 => {
                let default = default_top_u(spec);
                // A name's records include the record itself and the person's own
                // duplicates, which say nothing about how many other people bear it.
                let duplicates = self.expected_duplicates(ds) * self.m[c][0];
                let tf = |r: &LinkRecord| {
                    let k = r
                        .name_id
                        .and_then(|id| ds.interner.name_counts.get(id as usize))
                        .map_or(1.0, |&k| k as f64);
                    let own = (k - 1.0).min(duplicates) * self.same_name_same_person;
                    shrunk_share((k - 1.0 - own).max(0.0), n, default)
                };
                Some(if l == 0 {
                    // The same name: as telling as the name is rare.
                    tf(a).max(FLOOR)
                } else {
                    // Alike names (or a nickname): at most as telling as the commoner one
                    // agreeing exactly.
                    u.max(tf(a).max(tf(b)))
                })
            }
            // A placeholder year agreeing: as telling as that year is rare (the mid-1990s
            // placeholders of a caseload are shared by many).
            ComparisonSpec::DateOfBirth {} if l == 2 => a
                .dob_year
                .and_then(|y| ds.year_share.get(&y))
                .map(|share| u.max(*share)),
            // A shared phone: as telling as the phone is rare (network phones are shared).
            ComparisonSpec::Phone {
                term_frequency: true,
            } if l == 0 => {
                let shared = a.phones.iter().filter(|p| b.phones.contains(p));
                let default = default_top_u(spec);
                shared
                    .filter_map(|p| ds.phone_counts.get(p))
                    .min()
                    .map(|&k| u.max(shrunk_share(k as f64, n, default)))
            }
            ComparisonSpec::Text { .. }
            | ComparisonSpec::Code { .. }
            | ComparisonSpec::Exact { .. }
                if l == 0 && spec.term_frequency() =>
            {
                let slot = ds.comparator.generic_slot(c).expect("generic comparison");
                let count = a.generic[slot]
                    .as_ref()
                    .filter(|g| g.id != UNSEEN)
                    .and_then(|g| ds.interner.generic_counts[slot].get(g.id as usize))
                    .map_or(1.0, |&k| k as f64);
                Some(shrunk_share(count, n, default_top_u(spec)))
            }
            _ => None,
        }
    }

    /// Other records of the same person expected for a record of `ds` (from the prior:
    /// matches per record), at most `MAX_EXPECTED_DUPLICATES`.
    fn expected_duplicates(&self, ds: &Dataset) -> f64 {
        (2.0 * self.prior * ds.comparable_pairs() / ds.len().max(1) as f64)
            .min(MAX_EXPECTED_DUPLICATES)
    }

    /// Evidence of each comparison for a pair, in bits (log2 Bayes factors); 0 for nulls.
    pub fn weights(&self, ds: &Dataset, a: &LinkRecord, b: &LinkRecord, lv: &Levels) -> Levels64 {
        let mut w = [0.0; super::levels::MAX_COMPARISONS];
        for (c, slot) in w.iter_mut().enumerate().take(self.m.len()) {
            *slot = self.weight(ds, c, lv, a, b);
        }
        w
    }

    /// Evidence of comparison `c` for a pair at levels `lv`, in bits; 0 for a null level.
    pub fn weight(
        &self,
        ds: &Dataset,
        c: usize,
        lv: &Levels,
        a: &LinkRecord,
        b: &LinkRecord,
    ) -> f64 {
        let l = lv[c];
        if l == NULL {
            return 0.0;
        }
        match self.pair_u(ds, c, lv, a, b) {
            Some(u) => evidence_bits(self.m[c][l as usize], u),
            None => {
                let bits = self.bits.get_or_init(|| {
                    self.m
                        .iter()
                        .zip(&self.u)
                        .map(|(m, u)| {
                            m.iter()
                                .zip(u)
                                .map(|(&m, &u)| evidence_bits(m, u))
                                .collect()
                        })
                        .collect()
                });
                bits[c][l as usize]
            }
        }
    }

    pub fn prior_bits(&self) -> f64 {
        odds_bits(self.prior)
    }

    /// Match weight (bits) and probability of a pair whose levels are known.
    pub fn score_levels(
        &self,
        ds: &Dataset,
        a: &LinkRecord,
        b: &LinkRecord,
        lv: &Levels,
    ) -> (f64, f64) {
        let weight = self.prior_bits() + self.weights(ds, a, b, lv).iter().sum::<f64>();
        (weight, probability(weight))
    }

    pub fn from_json(json: &str) -> Result<Model> {
        serde_json::from_str(json).map_err(|e| CoreError::InvalidInput(format!("model JSON: {e}")))
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("model serialises")
    }
}

/// Per-comparison weights of a pair (slots past the model's comparisons are 0).
pub type Levels64 = [f64; super::levels::MAX_COMPARISONS];

/// The probability of a match given its weight in bits (the log2 of its odds).
pub fn probability(weight_bits: f64) -> f64 {
    1.0 / (1.0 + (-weight_bits).exp2())
}

/// The weight of evidence, in bits, of an observation seen with probability `m` among
/// matches and `u` among non-matches: log2(m / u).
pub fn evidence_bits(m: f64, u: f64) -> f64 {
    (m / u).log2()
}

/// A probability as a weight in bits: the log2 of its odds (the inverse of
/// [`probability`]).
pub fn odds_bits(p: f64) -> f64 {
    (p / (1.0 - p)).log2()
}
