//! Comparing values: similarity kernels used by linking and exposed to callers.
pub mod similarity;

use rayon::prelude::*;
use similarity::Scorer;

/// Row-wise scores of two equally long columns; `None` where either side is missing.
pub fn pairwise(a: &[Option<&str>], b: &[Option<&str>], scorer: Scorer) -> Vec<Option<f64>> {
    a.par_iter()
        .zip(b.par_iter())
        .map(|(x, y)| match (x, y) {
            (Some(x), Some(y)) => Some(scorer.score(x, y)),
            _ => None,
        })
        .collect()
}

/// All-pairs scores, row-major (`a.len()` rows of `b.len()`); missing values score 0.
pub fn cdist(a: &[Option<&str>], b: &[Option<&str>], scorer: Scorer) -> Vec<f64> {
    let mut out = vec![0.0; a.len() * b.len()];
    if b.is_empty() {
        return out;
    }
    out.par_chunks_mut(b.len())
        .zip(a.par_iter())
        .for_each(|(row, x)| {
            if let Some(x) = x {
                for (cell, y) in row.iter_mut().zip(b) {
                    *cell = y.map_or(0.0, |y| scorer.score(x, y));
                }
            }
        });
    out
}
