//! The one place where core errors become Python exceptions.
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;

use crate::errors::CoreError;

create_exception!(
    caselink,
    CaselinkError,
    PyException,
    "Base class of every caselink error."
);
create_exception!(
    caselink,
    SchemaError,
    CaselinkError,
    "A column has the wrong type or shape."
);
create_exception!(
    caselink,
    ColumnNotFoundError,
    CaselinkError,
    "A required column is missing."
);
create_exception!(
    caselink,
    InvalidInputError,
    CaselinkError,
    "An argument or value is outside what caselink accepts."
);

create_exception!(
    caselink,
    StoreError,
    CaselinkError,
    "The entity store could not be read or written."
);
create_exception!(
    caselink,
    StoreBusyError,
    StoreError,
    "Another process holds the store's write lock past the timeout."
);
create_exception!(
    caselink,
    StoreVersionError,
    StoreError,
    "The store was written by a newer caselink, or is not a caselink store."
);

impl From<CoreError> for PyErr {
    fn from(err: CoreError) -> PyErr {
        let message = err.to_string();
        match err {
            CoreError::ColumnNotFound { .. } => ColumnNotFoundError::new_err(message),
            CoreError::Schema { .. } => SchemaError::new_err(message),
            CoreError::InvalidInput(_) => InvalidInputError::new_err(message),
            CoreError::Store(_) => StoreError::new_err(message),
            CoreError::StoreBusy(_) => StoreBusyError::new_err(message),
            CoreError::StoreVersion(_) => StoreVersionError::new_err(message),
            CoreError::Internal(_) => CaselinkError::new_err(message),
        }
    }
}

/// A polars failure while building output frames: a caselink bug, not bad input.
pub fn internal(e: polars::prelude::PolarsError) -> CoreError {
    CoreError::Internal(e.to_string())
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("CaselinkError", py.get_type::<CaselinkError>())?;
    m.add("SchemaError", py.get_type::<SchemaError>())?;
    m.add("ColumnNotFoundError", py.get_type::<ColumnNotFoundError>())?;
    m.add("InvalidInputError", py.get_type::<InvalidInputError>())?;
    m.add("StoreError", py.get_type::<StoreError>())?;
    m.add("StoreBusyError", py.get_type::<StoreBusyError>())?;
    m.add("StoreVersionError", py.get_type::<StoreVersionError>())?;
    Ok(())
}
