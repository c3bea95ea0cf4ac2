//! The one error type of the core; the bindings map each variant to a Python class.
use thiserror::Error;

#[derive(Debug, Error)]
pub enum CoreError {
    #[error("column '{column}' not found; {hint}")]
    ColumnNotFound { column: String, hint: String },
    #[error("column '{column}' has type {found}, expected {expected}")]
    Schema {
        column: String,
        found: String,
        expected: String,
    },
    #[error("{0}")]
    InvalidInput(String),
    /// The entity store could not be read or written (its message says why).
    #[error("{0}")]
    Store(String),
    /// Another process is writing to the store and did not finish within the timeout.
    #[error("{0}")]
    StoreBusy(String),
    /// The store was written by a newer caselink (or is not a caselink store).
    #[error("{0}")]
    StoreVersion(String),
    /// A bug in caselink, not in the caller's data.
    #[error("internal error (please report): {0}")]
    Internal(String),
}

pub type Result<T> = std::result::Result<T, CoreError>;
