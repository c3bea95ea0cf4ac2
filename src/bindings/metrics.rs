//! `evaluate`: accuracy of clusters and of scored pairs against the truth.
use polars::prelude::*;
use pyo3::prelude::*;
use pyo3_polars::{PyDataFrame, PySeries};

use super::columns::{self, series_text, Kind};
use super::errors::internal;
use super::frame::FrameBuilder;
use crate::errors::CoreError;
use crate::link::evaluate::{labels, pairs_within, score_labels, score_pairs};

/// Dense labels of a column of labels (any flat type; nulls form one group).
fn read_labels(s: &Series) -> Result<(Vec<u32>, usize), CoreError> {
    let text = series_text(s, s.name(), Kind::Value)?;
    Ok(labels(&columns::values(&text)))
}

/// One row: pairwise `precision`, `recall`, `f1`, the B-cubed ones and `adjusted_rand`,
/// of `predicted[i]` against `truth[i]` (labels of record i).
#[pyfunction]
pub fn evaluate_clusters(
    py: Python<'_>,
    predicted: PySeries,
    truth: PySeries,
) -> PyResult<PyDataFrame> {
    let out = py.detach(|| -> Result<DataFrame, CoreError> {
        let s = score_labels(&read_labels(&predicted.0)?.0, &read_labels(&truth.0)?.0);
        let one = |v: f64| std::iter::once(Some(v));
        FrameBuilder::new(1)
            .opt_f64("precision", one(s.precision))
            .opt_f64("recall", one(s.recall))
            .opt_f64("f1", one(s.f1))
            .opt_f64("bcubed_precision", one(s.bcubed_precision))
            .opt_f64("bcubed_recall", one(s.bcubed_recall))
            .opt_f64("bcubed_f1", one(s.bcubed_f1))
            .opt_f64("adjusted_rand", one(s.adjusted_rand))
            .finish()
            .map_err(internal)
    })?;
    Ok(PyDataFrame(out))
}

/// One row per threshold: pairwise `precision`, `recall` and `f1` of the pairs whose
/// `probability` is at least it; `truth_l` and `truth_r` are the true entities of each
/// pair's records, `truth` those of every record.
#[pyfunction]
pub fn evaluate_pairs(
    py: Python<'_>,
    truth_l: PySeries,
    truth_r: PySeries,
    probability: PySeries,
    truth: PySeries,
    thresholds: Vec<f64>,
) -> PyResult<PyDataFrame> {
    let out = py.detach(|| -> Result<DataFrame, CoreError> {
        let (l, r) = (
            series_text(&truth_l.0, "truth", Kind::Value)?,
            series_text(&truth_r.0, "truth", Kind::Value)?,
        );
        let same: Vec<bool> = l
            .iter()
            .zip(r.iter())
            .map(|(a, b)| a.is_some() && a == b)
            .collect();
        let prob = probability.0.cast(&DataType::Float64).map_err(internal)?;
        let prob = columns::numbers(prob.f64().map_err(internal)?, f64::NAN);
        let (codes, groups) = read_labels(&truth.0)?;
        let scores = score_pairs(&same, &prob, pairs_within(&codes, groups), &thresholds);
        FrameBuilder::new(scores.len())
            .opt_f64("threshold", scores.iter().map(|s| Some(s.threshold)))
            .opt_f64("precision", scores.iter().map(|s| Some(s.precision)))
            .opt_f64("recall", scores.iter().map(|s| Some(s.recall)))
            .opt_f64("f1", scores.iter().map(|s| Some(s.f1)))
            .finish()
            .map_err(internal)
    })?;
    Ok(PyDataFrame(out))
}
