//! Reading columns of the frames Python passes in: the one type policy of every binding.
//!
//! A column is read as one of three kinds, chosen by what it holds, never by which call
//! reads it:
//!
//! | kind | accepted types | examples |
//! |---|---|---|
//! | [`Kind::Text`] | String, Categorical, Enum, Null | names, nationalities, object values |
//! | [`Kind::Key`] | those and integers (as their decimal text) | case ids, event types, groups |
//! | [`Kind::Value`] | any flat column, as polars casts it to String | record ids, generic comparison values |
//!
//! A column of another type is a `SchemaError` naming the column, its type and the fix;
//! a missing required column is a `ColumnNotFoundError` with the caller's hint.
use polars::prelude::*;
use rayon::prelude::*;

use super::errors::internal;
use crate::errors::CoreError;

/// What a text column may hold (see the module documentation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    Key,
    Value,
}

impl Kind {
    fn accepts(self, dtype: &DataType) -> bool {
        let text = matches!(
            dtype,
            DataType::String | DataType::Categorical(..) | DataType::Enum(..) | DataType::Null
        );
        match self {
            Kind::Text => text,
            Kind::Key => text || dtype.is_integer(),
            Kind::Value => !dtype.is_nested() && !dtype.is_object(),
        }
    }

    fn expected(self, column: &str) -> String {
        let fix = format!("cast it with pl.col('{column}').cast(pl.String)");
        match self {
            Kind::Text => format!("String (text, Categorical or Enum); {fix}"),
            Kind::Key => format!("text (String, Categorical or Enum) or integer ids; {fix}"),
            Kind::Value => format!("text or numbers, one per row; {fix}"),
        }
    }
}

/// The error for a required column that is absent.
pub fn missing(column: &str, hint: &str) -> CoreError {
    CoreError::ColumnNotFound {
        column: column.into(),
        hint: hint.into(),
    }
}

/// The error for a column of the wrong type; `expected` says what would do.
pub fn wrong_type(col: &Column, expected: &str) -> CoreError {
    CoreError::Schema {
        column: col.name().to_string(),
        found: col.dtype().to_string(),
        expected: expected.into(),
    }
}

/// A column as text under the policy of `kind`. `Ok(None)` when absent.
pub fn optional_text(
    df: &DataFrame,
    name: &str,
    kind: Kind,
) -> Result<Option<StringChunked>, CoreError> {
    let Ok(col) = df.column(name) else {
        return Ok(None);
    };
    series_text(col.as_materialized_series(), name, kind).map(Some)
}

/// A required column as text under the policy of `kind`; `hint` says why it is needed.
pub fn text(
    df: &DataFrame,
    name: &str,
    kind: Kind,
    hint: &str,
) -> Result<StringChunked, CoreError> {
    optional_text(df, name, kind)?.ok_or_else(|| missing(name, hint))
}

/// A required column's values as owned text (for data kept beyond the call).
pub fn owned_text(
    df: &DataFrame,
    name: &str,
    kind: Kind,
    hint: &str,
) -> Result<Vec<Option<String>>, CoreError> {
    Ok(text(df, name, kind, hint)?
        .iter()
        .map(|s| s.map(str::to_string))
        .collect())
}

/// A series as text under the policy of `kind`; `label` names it in errors.
pub fn series_text(series: &Series, label: &str, kind: Kind) -> Result<StringChunked, CoreError> {
    if !kind.accepts(series.dtype()) {
        return Err(CoreError::Schema {
            column: label.into(),
            found: series.dtype().to_string(),
            expected: kind.expected(label),
        });
    }
    match series.dtype() {
        DataType::String => Ok(series.str().map_err(internal)?.clone()),
        _ => {
            let cast = series.cast(&DataType::String).map_err(internal)?;
            Ok(cast.str().map_err(internal)?.clone())
        }
    }
}

/// A required numeric column as f64 (nulls kept); `hint` says why it is needed.
pub fn floats(df: &DataFrame, name: &str, hint: &str) -> Result<Float64Chunked, CoreError> {
    let col = df.column(name).map_err(|_| missing(name, hint))?;
    series_floats(col.as_materialized_series(), name)
}

/// A numeric series as f64 (nulls kept); `label` names it in errors.
pub fn series_floats(series: &Series, label: &str) -> Result<Float64Chunked, CoreError> {
    let dtype = series.dtype();
    if !(dtype.is_primitive_numeric() || dtype == &DataType::Null) {
        return Err(CoreError::Schema {
            column: label.into(),
            found: dtype.to_string(),
            expected: "a number (Float64)".into(),
        });
    }
    let cast = series.cast(&DataType::Float64).map_err(internal)?;
    Ok(cast.f64().map_err(internal)?.clone())
}

/// A text column's values, borrowed, one per row (`None` for missing), read in parallel.
pub fn values(ca: &StringChunked) -> Vec<Option<&str>> {
    let mut out = Vec::with_capacity(ca.len());
    for arr in ca.downcast_iter() {
        out.par_extend((0..arr.len()).into_par_iter().map(|i| arr.get(i)));
    }
    out
}

/// A numeric column's values, `null` for missing entries.
pub fn numbers<T>(ca: &ChunkedArray<T>, null: T::Native) -> Vec<T::Native>
where
    T: PolarsNumericType,
{
    let mut out = Vec::with_capacity(ca.len());
    for arr in ca.downcast_iter() {
        match arr.validity() {
            None => out.extend_from_slice(arr.values()),
            Some(valid) => {
                out.extend(
                    arr.values()
                        .iter()
                        .zip(valid.iter())
                        .map(|(&v, ok)| if ok { v } else { null }),
                )
            }
        }
    }
    out
}
