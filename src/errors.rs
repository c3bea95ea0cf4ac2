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
    /// A bug in caselink, not in the caller's data.
    #[error("internal error (please report): {0}")]
    Internal(String),
}

pub type Result<T> = std::result::Result<T, CoreError>;
