//! Outcome statistics that count people once and pending cases as pending.
//!
//! Everything reads column-oriented [`Events`] (dictionary-coded text, dates as days,
//! quantities as floats) and returns plain structs; the bindings build the frames.
//! - [`summary::summarise`]: arrests, people, convictions, ratios with Wilson intervals,
//!   sentences, fines in one currency, extraditions, seizures, networks per group and
//!   period;
//! - [`tte::time_to_outcome`]: Kaplan–Meier and Aalen–Johansen curves and medians;
//! - [`summary::reconcile`]: person counts with and without deduplication.
//!
//! Every row that is not counted plainly gets an [`issues::Issue`].
pub mod chains;
pub mod events;
pub mod fx;
pub mod issues;
pub mod join;
pub mod period;
pub mod stats;
pub mod summary;
pub mod survival;
pub mod tte;

pub use events::{EventType, Events};
