//! Similarity kernels over polars Series: row-wise and all-pairs, GIL released.
use polars::prelude::*;
use pyo3::prelude::*;
use pyo3_polars::PySeries;

use super::columns::{series_text, values, Kind};
use crate::compare::similarity::Scorer;
use crate::compare::{cdist, pairwise};
use crate::errors::CoreError;

fn scorer(name: &str) -> Result<Scorer, CoreError> {
    Scorer::parse(name).ok_or_else(|| {
        CoreError::InvalidInput(format!(
            "unknown scorer '{name}'; choose one of {:?}",
            Scorer::NAMES
        ))
    })
}

fn strings(s: &Series, side: &str) -> Result<StringChunked, CoreError> {
    series_text(s, &format!("{side} ({})", s.name()), Kind::Text)
}

/// Scores `a[i]` against `b[i]` for every row.
#[pyfunction]
pub fn similarity_pairwise(
    py: Python<'_>,
    a: PySeries,
    b: PySeries,
    scorer_name: &str,
) -> PyResult<PySeries> {
    let scorer = scorer(scorer_name)?;
    let (a, b) = (a.0, b.0);
    if a.len() != b.len() {
        return Err(CoreError::InvalidInput(format!(
            "a and b must have the same length, got {} and {}",
            a.len(),
            b.len()
        ))
        .into());
    }
    let out = py.detach(|| -> Result<Series, CoreError> {
        let (a, b) = (strings(&a, "a")?, strings(&b, "b")?);
        let scores = pairwise(&values(&a), &values(&b), scorer);
        Ok(Series::new(scorer_name.into(), scores))
    })?;
    Ok(PySeries(out))
}

/// Scores every `a[i]` against every `b[j]`: a flat, row-major Series of len(a) * len(b).
#[pyfunction]
pub fn similarity_cdist(
    py: Python<'_>,
    a: PySeries,
    b: PySeries,
    scorer_name: &str,
) -> PyResult<PySeries> {
    let scorer = scorer(scorer_name)?;
    let (a, b) = (a.0, b.0);
    let out = py.detach(|| -> Result<Series, CoreError> {
        let (a, b) = (strings(&a, "queries")?, strings(&b, "choices")?);
        let scores = cdist(&values(&a), &values(&b), scorer);
        Ok(Series::new(scorer_name.into(), scores))
    })?;
    Ok(PySeries(out))
}
