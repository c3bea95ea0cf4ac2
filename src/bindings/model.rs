//! `caselink._core.Model`: a trained model, opaque to Python, with typed accessors. JSON
//! only crosses the boundary to save and load it (and to pickle it).
use std::sync::Arc;

use polars::prelude::*;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};
use pyo3_polars::{PyDataFrame, PySeries};

use super::columns::series_floats;
use super::errors::internal;
use super::frame::FrameBuilder;
use crate::errors::CoreError;
use crate::link::model::{self, Model};
use crate::link::settings::Settings;

/// A trained Fellegi–Sunter model (immutable; shared by the linkers that use it).
#[pyclass(frozen, module = "caselink._core", name = "Model")]
pub struct TrainedModel {
    model: Arc<Model>,
}

impl TrainedModel {
    pub fn new(model: Model) -> Self {
        TrainedModel {
            model: Arc::new(model),
        }
    }

    pub fn shared(&self) -> &Arc<Model> {
        &self.model
    }
}

#[pymethods]
impl TrainedModel {
    /// A model from the JSON of [`to_json`]; a `InvalidInputError` when it is not one.
    #[staticmethod]
    fn from_json(json: &str) -> PyResult<Self> {
        Ok(TrainedModel::new(Model::from_json(json)?))
    }

    /// The model as JSON (for saving).
    fn to_json(&self) -> String {
        self.model.to_json()
    }

    /// Comparison names, in order.
    #[getter]
    fn comparisons(&self) -> Vec<String> {
        self.model.comparisons.clone()
    }

    /// P(two comparable records are the same person), for the training data's size.
    #[getter]
    fn prior(&self) -> f64 {
        self.model.prior
    }

    /// Records the model was trained on.
    #[getter]
    fn n_records(&self) -> usize {
        self.model.n_records
    }

    /// m[c][l]: P(level l of comparison c | same person).
    #[getter]
    fn m(&self) -> Vec<Vec<f64>> {
        self.model.m.clone()
    }

    /// u[c][l]: P(level l of comparison c | different people).
    #[getter]
    fn u(&self) -> Vec<Vec<f64>> {
        self.model.u.clone()
    }

    /// Per comparison, the u of its top level among pairs whose names agree (None where
    /// not estimated).
    #[getter]
    fn u_given_name(&self) -> Vec<Option<f64>> {
        self.model.u_given_name.clone()
    }

    /// The share of pairs of records of one name that are one person.
    #[getter]
    fn same_name_same_person(&self) -> f64 {
        self.model.same_name_same_person
    }

    /// The keys of the EM sessions, in order.
    #[getter]
    fn sessions(&self) -> Vec<String> {
        self.model.history.iter().map(|s| s.key.clone()).collect()
    }

    /// How the prior was estimated (a dict), or None for a model given its prior.
    #[getter]
    fn prior_estimate<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDict>>> {
        let Some(e) = &self.model.prior_estimate else {
            return Ok(None);
        };
        let d = PyDict::new(py);
        d.set_item("method", &e.method)?;
        d.set_item("comparisons", &e.comparisons)?;
        d.set_item("agreeing_pairs", e.agreeing_pairs)?;
        d.set_item("expected_by_chance", e.expected_by_chance)?;
        d.set_item("share_of_matches", e.share_of_matches)?;
        d.set_item("matches", e.matches)?;
        d.set_item("data_weight", e.data_weight)?;
        Ok(Some(d))
    }

    /// m, u and weight (bits) of every comparison level, labelled by `settings_json`.
    fn parameters(&self, py: Python<'_>, settings_json: &str) -> PyResult<PyDataFrame> {
        let settings = Settings::from_json(settings_json)?;
        let frame = py.detach(|| -> Result<_, CoreError> {
            let p = self.model.parameters(&settings)?;
            FrameBuilder::new(p.len())
                .str("comparison", p.iter().map(|x| x.comparison.as_str()))
                .str("level", p.iter().map(|x| x.level.as_str()))
                .opt_f64("m", p.iter().map(|x| Some(x.m)))
                .opt_f64("u", p.iter().map(|x| Some(x.u)))
                .opt_f64("weight", p.iter().map(|x| Some(x.weight)))
                .finish()
                .map_err(internal)
        })?;
        Ok(PyDataFrame(frame))
    }

    /// Every EM iteration, then the prior (see `Linker.training_history`).
    fn training_history(&self) -> PyResult<PyDataFrame> {
        let s = self.model.training_steps();
        let frame = FrameBuilder::new(s.len())
            .str("session", s.iter().map(|x| x.session.as_str()))
            .i64("pairs", s.iter().map(|x| x.pairs as i64))
            .i64("iteration", s.iter().map(|x| x.iteration as i64))
            .opt_f64("match_share", s.iter().map(|x| Some(x.match_share)))
            .opt_f64("change", s.iter().map(|x| x.change))
            .finish()
            .map_err(internal)?;
        Ok(PyDataFrame(frame))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<TrainedModel>()
            .is_ok_and(|o| o.get().model.to_json() == self.model.to_json())
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let py = slf.py();
        let from_json = slf.get_type().getattr("from_json")?;
        Ok((from_json, PyTuple::new(py, [slf.get().to_json()])?))
    }

    fn __repr__(&self) -> String {
        format!(
            "Model(comparisons={:?}, prior={:.3e}, n_records={})",
            self.model.comparisons, self.model.prior, self.model.n_records
        )
    }
}

/// The weight of evidence, bits, of an observation with probability `m` among matches
/// and `u` among non-matches: log2(m / u).
#[pyfunction]
pub fn evidence_bits(m: f64, u: f64) -> f64 {
    model::evidence_bits(m, u)
}

/// A probability as a match weight: the log2 of its odds.
#[pyfunction]
pub fn odds_bits(p: f64) -> f64 {
    model::odds_bits(p)
}

/// The match probability of a match weight (bits).
#[pyfunction]
pub fn probability(weight: f64) -> f64 {
    model::probability(weight)
}

/// The match probability of each match weight (bits) of a Float64 series (nulls kept).
#[pyfunction]
pub fn probabilities(py: Python<'_>, weights: PySeries) -> PyResult<PySeries> {
    let weights = weights.0;
    let out = py.detach(|| -> Result<Series, CoreError> {
        let name = weights.name().clone();
        let w = series_floats(&weights, "match_weight")?;
        let p: Float64Chunked = w.apply_values(model::probability);
        Ok(p.with_name(name).into_series())
    })?;
    Ok(PySeries(out))
}
