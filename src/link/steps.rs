//! Which step a long call has reached, readable from another thread: the bindings poll
//! it to report progress while the work runs without the GIL.

use std::sync::atomic::{AtomicUsize, Ordering};

/// The steps of `resolve` when it trains a model.
pub const TRAIN_STEPS: [&str; 5] = ["block", "compare", "train", "score", "cluster"];
/// The steps of `resolve` with a model given.
pub const SCORE_STEPS: [&str; 3] = ["block", "compare and score", "cluster"];

/// How many steps of a call have been entered (steps run in order).
#[derive(Debug, Default)]
pub struct Steps {
    entered: AtomicUsize,
}

impl Steps {
    /// Marks step `k` (0-based) as entered.
    pub fn enter(&self, k: usize) {
        self.entered.fetch_max(k + 1, Ordering::Relaxed);
    }

    pub fn entered(&self) -> usize {
        self.entered.load(Ordering::Relaxed)
    }
}
