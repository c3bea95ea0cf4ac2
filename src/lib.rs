//! caselink core.
pub mod errors;
pub mod synth;

#[cfg(feature = "python")]
mod bindings;
