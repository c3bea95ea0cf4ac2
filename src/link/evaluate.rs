//! Accuracy against the truth: of a clustering (pairwise, B-cubed and the adjusted Rand
//! index, all from one contingency table) and of scored pairs at thresholds.
//!
//! Sums run over the contingency table in a fixed order (cells sorted by their codes, and
//! codes given in order of first appearance), so a score is the same to the last bit on
//! every run and every number of threads.
use std::hash::Hash;

use crate::encode::{dictionary, NULL};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub bcubed_precision: f64,
    pub bcubed_recall: f64,
    pub bcubed_f1: f64,
    /// Hubert and Arabie's adjusted Rand index.
    pub adjusted_rand: f64,
}

/// Pairwise accuracy of the pairs scored at or above one threshold.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ThresholdScores {
    pub threshold: f64,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// The harmonic mean of precision and recall (0 when both are).
pub fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn pairs(n: u64) -> u64 {
    n * n.saturating_sub(1) / 2
}

/// A share, 1 when there is nothing to share.
fn share(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

/// Dense labels (missing labels form one group of their own) and the number of groups.
pub fn labels<K: Hash + Eq + Copy + Send + Sync>(values: &[Option<K>]) -> (Vec<u32>, usize) {
    let (mut codes, names) = dictionary(values);
    let missing = names.len() as u32;
    let mut groups = names.len();
    for c in codes.iter_mut().filter(|c| **c == NULL) {
        *c = missing;
        groups = names.len() + 1;
    }
    (codes, groups)
}

fn sizes(labels: &[u32], groups: usize) -> Vec<u64> {
    let mut out = vec![0u64; groups];
    for &l in labels {
        out[l as usize] += 1;
    }
    out
}

/// Pairs of records that share a label.
pub fn pairs_within(labels: &[u32], groups: usize) -> u64 {
    sizes(labels, groups).into_iter().map(pairs).sum()
}

/// Scores of a clustering: `predicted[i]` and `truth[i]` are the dense labels of record
/// `i` (see [`labels`]).
pub fn score_labels(predicted: &[u32], truth: &[u32]) -> Scores {
    assert_eq!(predicted.len(), truth.len(), "one label of each per record");
    let pred_groups = predicted.iter().max().map_or(0, |&m| m as usize + 1);
    let true_groups = truth.iter().max().map_or(0, |&m| m as usize + 1);
    let pred_sizes = sizes(predicted, pred_groups);
    let true_sizes = sizes(truth, true_groups);
    let mut cells: Vec<u64> = predicted
        .iter()
        .zip(truth)
        .map(|(&p, &t)| (p as u64) << 32 | t as u64)
        .collect();
    cells.sort_unstable();
    let (mut tp, mut bp, mut br) = (0u64, 0.0, 0.0);
    for run in cells.chunk_by(|a, b| a == b) {
        let (p, t) = ((run[0] >> 32) as usize, (run[0] & 0xffff_ffff) as usize);
        let k = run.len() as u64;
        tp += pairs(k);
        let kf = k as f64;
        bp += kf * kf / pred_sizes[p] as f64;
        br += kf * kf / true_sizes[t] as f64;
    }
    let pred_pairs: u64 = pred_sizes.iter().map(|&n| pairs(n)).sum();
    let true_pairs: u64 = true_sizes.iter().map(|&n| pairs(n)).sum();
    let (precision, recall) = (share(tp, pred_pairs), share(tp, true_pairs));
    let n = predicted.len().max(1) as f64;
    let (bp, br) = (bp / n, br / n);
    Scores {
        precision,
        recall,
        f1: f1(precision, recall),
        bcubed_precision: bp,
        bcubed_recall: br,
        bcubed_f1: f1(bp, br),
        adjusted_rand: adjusted_rand(tp, pred_pairs, true_pairs, predicted.len()),
    }
}

/// The adjusted Rand index from the pairs within cells, predicted and true clusters.
fn adjusted_rand(index: u64, a: u64, b: u64, n: usize) -> f64 {
    let n = n as f64;
    let total = n * (n - 1.0) / 2.0;
    if total == 0.0 {
        return 1.0;
    }
    let (index, a, b) = (index as f64, a as f64, b as f64);
    let expected = a * b / total;
    let maximum = (a + b) / 2.0;
    if maximum == expected {
        1.0
    } else {
        (index - expected) / (maximum - expected)
    }
}

/// Scores of a clustering given any labels: `predicted[i]` and `truth[i]` label record i.
pub fn evaluate<P, T>(predicted: &[P], truth: &[T]) -> Scores
where
    P: Hash + Eq + Copy + Send + Sync,
    T: Hash + Eq + Copy + Send + Sync,
{
    let (p, _) = labels(&predicted.iter().copied().map(Some).collect::<Vec<_>>());
    let (t, _) = labels(&truth.iter().copied().map(Some).collect::<Vec<_>>());
    score_labels(&p, &t)
}

/// Pairwise accuracy of scored pairs at each threshold: a pair is kept when its
/// probability is at least the threshold (NaN: never), and is right when `same` (its two
/// records share a true entity); `true_pairs` is the number of pairs the truth holds.
pub fn score_pairs(
    same: &[bool],
    probability: &[f64],
    true_pairs: u64,
    thresholds: &[f64],
) -> Vec<ThresholdScores> {
    thresholds
        .iter()
        .map(|&threshold| {
            let (mut kept, mut tp) = (0u64, 0u64);
            for (&s, &p) in same.iter().zip(probability) {
                if p >= threshold {
                    kept += 1;
                    tp += s as u64;
                }
            }
            let (precision, recall) = (share(tp, kept), share(tp, true_pairs));
            ThresholdScores {
                threshold,
                precision,
                recall,
                f1: f1(precision, recall),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{Rng, SeedableRng};

    #[test]
    fn perfect_and_split() {
        let s = evaluate(&[1, 1, 2], &[7, 7, 8]);
        assert_eq!((s.precision, s.recall, s.f1), (1.0, 1.0, 1.0));
        assert_eq!(s.adjusted_rand, 1.0);
        let s = evaluate(&[1, 2, 3], &[7, 7, 7]);
        assert_eq!(s.recall, 0.0);
        assert_eq!(s.precision, 1.0);
        assert!((s.bcubed_recall - 1.0 / 3.0).abs() < 1e-12);
        let s = evaluate(&[1, 1, 1, 1], &[7, 7, 8, 8]);
        assert!((s.precision - 2.0 / 6.0).abs() < 1e-12);
        assert_eq!(s.recall, 1.0);
    }

    #[test]
    fn missing_labels_form_one_group() {
        let (codes, groups) = labels(&[Some("a"), None, Some("a"), None]);
        assert_eq!(groups, 2);
        assert_eq!(codes[1], codes[3]);
        assert_ne!(codes[0], codes[1]);
        assert_eq!(pairs_within(&codes, groups), 2);
    }

    #[test]
    fn pairs_are_kept_at_or_above_each_threshold() {
        let same = [true, true, false, true];
        let prob = [0.99, 0.6, 0.95, f64::NAN];
        let s = score_pairs(&same, &prob, 4, &[0.5, 0.95]);
        assert_eq!((s[0].precision, s[0].recall), (2.0 / 3.0, 0.5));
        assert_eq!((s[1].precision, s[1].recall), (0.5, 0.25));
        let none = score_pairs(&same, &prob, 0, &[1.5]);
        assert_eq!((none[0].precision, none[0].recall), (1.0, 1.0));
    }

    /// The textbook definitions, record by record and pair by pair.
    fn reference(p: &[u8], t: &[u8]) -> (f64, f64, f64, f64) {
        let n = p.len();
        let (mut tp, mut pp, mut tt) = (0u64, 0u64, 0u64);
        for i in 0..n {
            for j in i + 1..n {
                let (sp, st) = (p[i] == p[j], t[i] == t[j]);
                tp += (sp && st) as u64;
                pp += sp as u64;
                tt += st as u64;
            }
        }
        let (mut bp, mut br) = (0.0, 0.0);
        for i in 0..n {
            let both = (0..n).filter(|&j| p[j] == p[i] && t[j] == t[i]).count() as f64;
            bp += both / (0..n).filter(|&j| p[j] == p[i]).count() as f64;
            br += both / (0..n).filter(|&j| t[j] == t[i]).count() as f64;
        }
        (share(tp, pp), share(tp, tt), bp / n as f64, br / n as f64)
    }

    #[test]
    fn scores_match_the_definitions_on_random_clusterings() {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(11);
        for _ in 0..2_000 {
            let n = rng.random_range(1..40);
            let k = rng.random_range(1..6);
            let p: Vec<u8> = (0..n).map(|_| rng.random_range(0..k)).collect();
            let t: Vec<u8> = (0..n).map(|_| rng.random_range(0..k)).collect();
            let s = evaluate(&p, &t);
            let (precision, recall, bp, br) = reference(&p, &t);
            assert_eq!((s.precision, s.recall), (precision, recall), "{p:?} {t:?}");
            assert!((s.bcubed_precision - bp).abs() < 1e-12, "{p:?} {t:?}");
            assert!((s.bcubed_recall - br).abs() < 1e-12, "{p:?} {t:?}");
            assert!(s.adjusted_rand <= 1.0 + 1e-12);
            let swapped = evaluate(&t, &p);
            assert!((swapped.adjusted_rand - s.adjusted_rand).abs() < 1e-12);
        }
    }
}
