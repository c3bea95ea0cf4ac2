//! The Fellegi–Sunter model: m and u probabilities per comparison level, trained without
//! labels (u from random pairs, m by EM on blocked pairs), with term-frequency adjusted
//! name evidence so a common name agreeing counts for less than a rare one.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::levels::{levels, Levels, COMPARISONS, LEVELS, NULL};
use super::record::LinkRecord;

/// Trained parameters: plain data that round-trips through JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Model {
    /// m[c][l]: P(level l of comparison c | same person).
    pub m: Vec<Vec<f64>>,
    /// u[c][l]: P(level l of comparison c | different people).
    pub u: Vec<Vec<f64>>,
    /// P(two random records are the same person).
    pub prior: f64,
    /// Records per whole-name key set, for term-frequency adjustment (by name id).
    #[serde(skip)]
    pub name_counts: Vec<u32>,
    /// Records per phone number, for term-frequency adjustment of a shared phone.
    #[serde(skip)]
    pub phone_counts: std::collections::HashMap<u64, u32>,
    /// Share of dated records born in each year, for the partial-date level.
    #[serde(skip)]
    pub year_share: std::collections::HashMap<i32, f64>,
    pub n_records: usize,
    /// EM iterations of every training session, in order.
    pub history: History,
}

const FLOOR: f64 = 1e-6;

/// EM iterations: (iteration, share of matches among the session's pairs, largest change).
pub type History = Vec<(usize, f64, f64)>;

/// Pairs of records sharing a key, from blocks of at most `max_group` records: a key
/// shared by many (a common name) mixes many different people, which would teach EM that
/// "same name, different everything else" is what a match looks like.
fn session_pairs(
    records: &[LinkRecord],
    max_group: usize,
    key: impl Fn(&LinkRecord) -> Option<String>,
) -> Vec<(u32, u32)> {
    let mut groups: std::collections::HashMap<String, Vec<u32>> = Default::default();
    for (i, r) in records.iter().enumerate() {
        if let Some(k) = key(r) {
            groups.entry(k).or_default().push(i as u32);
        }
    }
    let mut pairs = Vec::new();
    let mut keys: Vec<&String> = groups.keys().collect();
    keys.sort_unstable();
    for k in keys {
        let g = &groups[k];
        if g.len() > max_group {
            continue;
        }
        for (x, &a) in g.iter().enumerate() {
            for &b in &g[x + 1..] {
                pairs.push((a, b));
            }
        }
    }
    pairs
}

fn normalise(counts: &[f64]) -> Vec<f64> {
    let total: f64 = counts.iter().sum();
    counts
        .iter()
        .map(|c| ((c + 0.5) / (total + 0.5 * counts.len() as f64)).max(FLOOR))
        .collect()
}

/// u from `samples` random pairs (seeded): almost all random pairs are different people.
pub fn estimate_u(records: &[LinkRecord], samples: usize, seed: u64) -> Vec<Vec<f64>> {
    let n = records.len();
    let mut counts: Vec<Vec<f64>> = LEVELS.iter().map(|l| vec![0.0; l.len()]).collect();
    if n < 2 {
        return counts.iter().map(|c| normalise(c)).collect();
    }
    let chunk = 4096;
    let partial: Vec<Vec<Vec<f64>>> = (0..samples.div_ceil(chunk))
        .into_par_iter()
        .map(|c| {
            let mut rng =
                ChaCha8Rng::seed_from_u64(seed ^ (c as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
            let mut local: Vec<Vec<f64>> = LEVELS.iter().map(|l| vec![0.0; l.len()]).collect();
            for _ in 0..chunk.min(samples - c * chunk) {
                let i = rng.random_range(0..n);
                let mut j = rng.random_range(0..n - 1);
                if j >= i {
                    j += 1;
                }
                for (ci, l) in levels(&records[i], &records[j]).iter().enumerate() {
                    if *l != NULL {
                        local[ci][*l as usize] += 1.0;
                    }
                }
            }
            local
        })
        .collect();
    for p in partial {
        for (c, row) in p.into_iter().enumerate() {
            for (l, v) in row.into_iter().enumerate() {
                counts[c][l] += v;
            }
        }
    }
    counts.iter().map(|c| normalise(c)).collect()
}

/// Starting m: most of the mass on the best levels.
pub fn initial_m() -> Vec<Vec<f64>> {
    LEVELS
        .iter()
        .map(|labels| {
            let k = labels.len();
            let raw: Vec<f64> = (0..k)
                .map(|l| 0.5_f64.powi(l as i32 + 1) * if l + 1 == k { 0.2 } else { 1.0 })
                .collect();
            let total: f64 = raw.iter().sum();
            raw.iter().map(|v| v / total).collect()
        })
        .collect()
}

fn empty_counts() -> Vec<Vec<f64>> {
    LEVELS.iter().map(|l| vec![0.0; l.len()]).collect()
}

/// One EM session with u fixed: returns m (rows of `skip`, the comparison the session's
/// pairs were chosen by, are left as given: they carry no information here), the share
/// of matches among the pairs and the iteration history.
pub fn em_session(
    pair_levels: &[Levels],
    u: &[Vec<f64>],
    mut m: Vec<Vec<f64>>,
    skip: Option<usize>,
    update_m: bool,
    iterations: usize,
) -> (Vec<Vec<f64>>, f64, History) {
    let mut lambda = 0.1;
    let mut history = Vec::new();
    if pair_levels.is_empty() {
        return (m, lambda, history);
    }
    for it in 0..iterations {
        let logit_prior = (lambda / (1.0 - lambda)).ln();
        let (counts, total_p) = pair_levels
            .par_iter()
            .fold(
                || (empty_counts(), 0.0),
                |(mut counts, mut total), lv| {
                    let w = logit_prior
                        + lv.iter()
                            .enumerate()
                            .filter(|(c, l)| **l != NULL && Some(*c) != skip)
                            .map(|(c, l)| (m[c][*l as usize] / u[c][*l as usize]).ln())
                            .sum::<f64>();
                    let p = 1.0 / (1.0 + (-w).exp());
                    total += p;
                    for (c, l) in lv.iter().enumerate() {
                        if *l != NULL {
                            counts[c][*l as usize] += p;
                        }
                    }
                    (counts, total)
                },
            )
            .reduce(
                || (empty_counts(), 0.0),
                |(mut a, ta), (b, tb)| {
                    for (ra, rb) in a.iter_mut().zip(b) {
                        for (x, y) in ra.iter_mut().zip(rb) {
                            *x += y;
                        }
                    }
                    (a, ta + tb)
                },
            );
        let mut change: f64 = 0.0;
        if update_m {
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
        }
        let new_lambda = (total_p / pair_levels.len() as f64).clamp(1e-9, 1.0 - 1e-9);
        change = change.max((new_lambda - lambda).abs());
        lambda = new_lambda;
        history.push((it + 1, lambda, change));
        if change < 1e-5 {
            break;
        }
    }
    (m, lambda, history)
}

impl Model {
    /// Trains without labels: u from random pairs; m by two EM sessions, one on pairs
    /// sharing a full date of birth (which estimates the name parameters) and one on
    /// pairs sharing a whole name (which estimates the date parameters); then the share
    /// of matches among the candidate pairs gives the prior.
    pub fn train(
        records: &[LinkRecord],
        name_counts: Vec<u32>,
        candidate_levels: &[Levels],
        seed: u64,
    ) -> Model {
        let u = estimate_u(
            records,
            200_000.min(records.len().saturating_mul(50)).max(1),
            seed,
        );
        let session = |pairs: Vec<(u32, u32)>| -> Vec<Levels> {
            pairs
                .par_iter()
                .map(|&(i, j)| levels(&records[i as usize], &records[j as usize]))
                .collect()
        };
        // Each session estimates the comparisons it was not chosen by; the date is
        // learnt from pairs sharing a phone, which are rarely different people even when
        // they share a name.
        let by_dob = session(session_pairs(records, 3, |r| r.dob.map(|d| d.to_string())));
        let by_phone = session(session_pairs(records, 3, |r| {
            r.phones.first().map(|p| p.to_string())
        }));
        let by_name = session(session_pairs(records, 2, |r| {
            r.name_id.map(|n| n.to_string())
        }));
        let (m_dob, _, h1) = em_session(&by_dob, &u, initial_m(), Some(1), true, 40);
        let (m_phone, _, h2) = em_session(&by_phone, &u, initial_m(), Some(3), true, 40);
        let (m_name, _, h4) = em_session(&by_name, &u, initial_m(), Some(0), true, 40);
        let mut m = initial_m();
        m[0] = m_dob[0].clone();
        m[1] = m_phone[1].clone();
        m[3] = m_name[3].clone();
        for c in [2, 4] {
            m[c] = (0..m[c].len())
                .map(|l| (m_dob[c][l] + m_phone[c][l] + m_name[c][l]) / 3.0)
                .collect();
        }
        // The prior from near-certain matches (same name keys and same full date of birth),
        // assumed to be 70 % of all matches. EM on the candidates would overstate it: names
        // and nationalities agree far more often among candidates (who share name keys, so
        // often an origin) than among random pairs.
        let sure = candidate_levels
            .iter()
            .filter(|lv| lv[0] == 0 && lv[1] == 0)
            .count();
        let n = records.len() as f64;
        let total_pairs = (n * (n - 1.0) / 2.0).max(1.0);
        let prior = (sure.max(1) as f64 / 0.7 / total_pairs).clamp(1e-12, 0.5);
        let h3: History = Vec::new();
        let history = h1.into_iter().chain(h2).chain(h4).chain(h3).collect();
        let mut year_share: std::collections::HashMap<i32, f64> = Default::default();
        let dated = records
            .iter()
            .filter(|r| r.dob_year.is_some())
            .count()
            .max(1) as f64;
        for y in records.iter().filter_map(|r| r.dob_year) {
            *year_share.entry(y).or_default() += 1.0 / dated;
        }
        let mut phone_counts: std::collections::HashMap<u64, u32> = Default::default();
        for p in records.iter().flat_map(|r| &r.phones) {
            *phone_counts.entry(*p).or_default() += 1;
        }
        Model {
            m,
            u,
            prior,
            name_counts,
            phone_counts,
            year_share,
            n_records: records.len(),
            history,
        }
    }

    /// Evidence of each comparison for a pair, in bits (log2 Bayes factors); 0 for nulls.
    /// The name agreement is term-frequency adjusted: its u is the frequency of the
    /// (rarer) name among the records when that is more telling than the average.
    pub fn weights(&self, a: &LinkRecord, b: &LinkRecord, lv: &Levels) -> [f64; 5] {
        let mut w = [0.0; 5];
        for (c, l) in lv.iter().enumerate() {
            if *l == NULL {
                continue;
            }
            let m = self.m[c][*l as usize];
            let mut u = self.u[c][*l as usize];
            // A placeholder year agreeing: as telling as that year is rare (the mid-1990s
            // placeholders of a caseload are shared by many).
            if c == 1 && *l == 2 {
                if let Some(share) = a.dob_year.and_then(|y| self.year_share.get(&y)) {
                    u = u.max(*share);
                }
            }
            // A shared phone: as telling as the phone is rare (network phones are shared by
            // several people).
            if c == 3 && *l == 0 {
                let shared = a.phones.iter().filter(|p| b.phones.contains(p));
                if let Some(count) = shared.filter_map(|p| self.phone_counts.get(p)).min() {
                    u = u.max(*count as f64 / self.n_records.max(1) as f64);
                }
            }
            if c == 0 && *l == 0 {
                if let Some(id) = a.name_id.or(b.name_id) {
                    if let Some(&count) = self.name_counts.get(id as usize) {
                        let tf = count as f64 / self.n_records.max(1) as f64;
                        u = tf.max(FLOOR);
                    }
                }
            }
            w[c] = (m / u).log2();
        }
        w
    }

    pub fn prior_bits(&self) -> f64 {
        (self.prior / (1.0 - self.prior)).log2()
    }

    /// Match weight (bits) and probability of a pair whose levels are known.
    pub fn score_levels(&self, a: &LinkRecord, b: &LinkRecord, lv: &Levels) -> (f64, f64) {
        let weight = self.prior_bits() + self.weights(a, b, lv).iter().sum::<f64>();
        (weight, 1.0 / (1.0 + (-weight).exp2()))
    }

    /// Levels, match weight (bits) and probability of a pair.
    pub fn score(&self, a: &LinkRecord, b: &LinkRecord) -> (Levels, f64, f64) {
        let lv = levels(a, b);
        let (weight, p) = self.score_levels(a, b, &lv);
        (lv, weight, p)
    }

    pub fn comparison_names() -> [&'static str; 5] {
        COMPARISONS
    }
}
