//! Which step a long call has reached, readable from another thread: the bindings poll
//! it to report progress while the work runs without the GIL, and set its cancel flag
//! on Ctrl-C so the work stops at the next step instead of running on unseen.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// The steps of `resolve` when it trains a model.
pub const TRAIN_STEPS: [&str; 5] = ["block", "compare", "train", "score", "cluster"];
/// The steps of `resolve` with a model given.
pub const SCORE_STEPS: [&str; 3] = ["block", "compare and score", "cluster"];

/// How many steps of a call have been entered (steps run in order), and whether the
/// caller has given up on it.
#[derive(Debug, Default)]
pub struct Steps {
    entered: AtomicUsize,
    cancelled: AtomicBool,
}

impl Steps {
    /// Marks step `k` (0-based) as entered; `false` when the call is cancelled and the
    /// step should not run.
    #[must_use]
    pub fn enter(&self, k: usize) -> bool {
        self.entered.fetch_max(k + 1, Ordering::Relaxed);
        !self.cancelled()
    }

    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    pub fn cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    pub fn entered(&self) -> usize {
        self.entered.load(Ordering::Relaxed)
    }
}
