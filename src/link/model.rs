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

const FLOOR: f64 = 1e-6;

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
        let u: Vec<Vec<f64>> = sampled.iter().map(|c| normalise(c)).collect();
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
        let prior = Self::estimate_prior(ds, candidate_levels, &m, &u, &shares);
        Model {
            comparisons: ds.settings.comparisons.iter().map(|c| c.name()).collect(),
            m,
            u,
            prior,
            n_records: ds.len(),
            history,
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

    /// The prior from near-certain matches: pairs with the same name keys and the same
    /// full date of birth. A match is such a pair when both records carry a name and a
    /// date (`shares`, the comparable share of random pairs) and both agree exactly
    /// (m at the top level), so all matches are about the near-certain ones divided by
    /// the product of the four; the divisor is kept within [1/20, 1] so that a poor m
    /// cannot blow the prior up. EM on the candidates would overstate the prior, since
    /// names and origins agree far more often among candidates than among random pairs.
    /// Without those comparisons, the share EM finds among the candidates.
    fn estimate_prior<L: PairLevels>(
        ds: &Dataset,
        candidate_levels: &[L],
        m: &[Vec<f64>],
        u: &[Vec<f64>],
        shares: &[f64],
    ) -> f64 {
        let comparisons = &ds.settings.comparisons;
        let name = comparisons
            .iter()
            .position(|c| matches!(c, ComparisonSpec::Name { .. }));
        let dob = comparisons
            .iter()
            .position(|c| matches!(c, ComparisonSpec::DateOfBirth {}));
        let matches = match (name, dob) {
            (Some(n), Some(d)) => {
                let sure = candidate_levels
                    .par_iter()
                    .filter(|lv| lv.level(n) == 0 && lv.level(d) == 0)
                    .count();
                let seen = (m[n][0] * m[d][0] * shares[n] * shares[d]).clamp(0.05, 1.0);
                sure.max(1) as f64 / seen
            }
            _ => {
                let (_, lambda, _) = em_session(candidate_levels, u, m.to_vec(), None, 1);
                lambda * candidate_levels.len() as f64
            }
        };
        (matches / ds.comparable_pairs()).clamp(1e-12, 0.5)
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
        Ok(())
    }

    /// The u of a level for this pair: term-frequency adjusted where the settings ask,
    /// against the reference data set `ds`.
    pub fn adjusted_u(&self, ds: &Dataset, c: usize, l: u8, a: &LinkRecord, b: &LinkRecord) -> f64 {
        self.tf_u(ds, c, l, a, b).unwrap_or(self.u[c][l as usize])
    }

    /// The term-frequency adjusted u, when an adjustment applies to this level and pair.
    fn tf_u(&self, ds: &Dataset, c: usize, l: u8, a: &LinkRecord, b: &LinkRecord) -> Option<f64> {
        let u = self.u[c][l as usize];
        let n = ds.len().max(1) as f64;
        let spec = &ds.settings.comparisons[c];
        match spec {
            ComparisonSpec::Name {
                term_frequency: true,
            } if l <= 2 => {
                let tf = |r: &LinkRecord| {
                    r.name_id
                        .and_then(|id| ds.interner.name_counts.get(id as usize))
                        .map_or(1.0, |&k| k as f64)
                        / n
                };
                Some(if l == 0 {
                    // The same name: as telling as the name is rare.
                    tf(a).max(FLOOR)
                } else {
                    // Alike names: at most as telling as the commoner one agreeing exactly.
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
                shared
                    .filter_map(|p| ds.phone_counts.get(p))
                    .min()
                    .map(|&k| u.max(k as f64 / n))
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
                Some((count / n).max(FLOOR))
            }
            _ => None,
        }
    }

    /// Evidence of each comparison for a pair, in bits (log2 Bayes factors); 0 for nulls.
    pub fn weights(&self, ds: &Dataset, a: &LinkRecord, b: &LinkRecord, lv: &Levels) -> Levels64 {
        let mut w = [0.0; super::levels::MAX_COMPARISONS];
        for (c, &l) in lv.iter().take(self.m.len()).enumerate() {
            w[c] = self.weight(ds, c, l, a, b);
        }
        w
    }

    /// Evidence of comparison `c` at level `l` for a pair, in bits; 0 for a null level.
    pub fn weight(&self, ds: &Dataset, c: usize, l: u8, a: &LinkRecord, b: &LinkRecord) -> f64 {
        if l == NULL {
            return 0.0;
        }
        match self.tf_u(ds, c, l, a, b) {
            Some(u) => (self.m[c][l as usize] / u).log2(),
            None => {
                let bits = self.bits.get_or_init(|| {
                    self.m
                        .iter()
                        .zip(&self.u)
                        .map(|(m, u)| m.iter().zip(u).map(|(m, u)| (m / u).log2()).collect())
                        .collect()
                });
                bits[c][l as usize]
            }
        }
    }

    pub fn prior_bits(&self) -> f64 {
        (self.prior / (1.0 - self.prior)).log2()
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

pub fn probability(weight_bits: f64) -> f64 {
    1.0 / (1.0 + (-weight_bits).exp2())
}
