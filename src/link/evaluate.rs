//! Accuracy of a clustering against the truth: pairwise and B-cubed.

use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub bcubed_precision: f64,
    pub bcubed_recall: f64,
    pub bcubed_f1: f64,
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn pairs(n: u64) -> u64 {
    n * n.saturating_sub(1) / 2
}

/// `predicted[i]` and `truth[i]` are cluster labels of record i.
pub fn evaluate<P: Eq + std::hash::Hash + Copy, T: Eq + std::hash::Hash + Copy>(
    predicted: &[P],
    truth: &[T],
) -> Scores {
    let mut both: HashMap<(P, T), u64> = HashMap::new();
    let mut pred_sizes: HashMap<P, u64> = HashMap::new();
    let mut true_sizes: HashMap<T, u64> = HashMap::new();
    for (&p, &t) in predicted.iter().zip(truth) {
        *both.entry((p, t)).or_default() += 1;
        *pred_sizes.entry(p).or_default() += 1;
        *true_sizes.entry(t).or_default() += 1;
    }
    let tp: u64 = both.values().map(|&n| pairs(n)).sum();
    let pred_pairs: u64 = pred_sizes.values().map(|&n| pairs(n)).sum();
    let true_pairs: u64 = true_sizes.values().map(|&n| pairs(n)).sum();
    let precision = if pred_pairs == 0 {
        1.0
    } else {
        tp as f64 / pred_pairs as f64
    };
    let recall = if true_pairs == 0 {
        1.0
    } else {
        tp as f64 / true_pairs as f64
    };
    // B-cubed: per record, the share of its predicted cluster in its true cluster & back.
    let n = predicted.len().max(1) as f64;
    let (mut bp, mut br) = (0.0, 0.0);
    for (&(p, t), &k) in &both {
        let k = k as f64;
        bp += k * k / pred_sizes[&p] as f64;
        br += k * k / true_sizes[&t] as f64;
    }
    let (bp, br) = (bp / n, br / n);
    Scores {
        precision,
        recall,
        f1: f1(precision, recall),
        bcubed_precision: bp,
        bcubed_recall: br,
        bcubed_f1: f1(bp, br),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_and_split() {
        let s = evaluate(&[1, 1, 2], &[7, 7, 8]);
        assert_eq!((s.precision, s.recall, s.f1), (1.0, 1.0, 1.0));
        let s = evaluate(&[1, 2, 3], &[7, 7, 7]);
        assert_eq!(s.recall, 0.0);
        assert_eq!(s.precision, 1.0);
        assert!((s.bcubed_recall - 1.0 / 3.0).abs() < 1e-12);
        let s = evaluate(&[1, 1, 1, 1], &[7, 7, 8, 8]);
        assert!((s.precision - 2.0 / 6.0).abs() < 1e-12);
        assert_eq!(s.recall, 1.0);
    }
}
