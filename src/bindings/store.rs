//! The entity store: each method locks the store, releases the GIL, calls one core
//! function and converts the answer (tables as polars frames).
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Duration;

use pyo3::prelude::*;
use pyo3_polars::PyDataFrame;

use super::errors::internal;
use super::frame::FrameBuilder;
use crate::errors::CoreError;
use crate::store::{self, Change, Decision, DecisionKind, Incoming, RecordState, Report};

/// An open entity store (see `caselink.Store`, which wraps it).
#[pyclass(frozen, name = "StoreFile")]
pub struct StoreFile {
    store: Mutex<store::Store>,
}

type IdLists = (Vec<String>, Vec<String>);
/// ids, sources, contents, raw, standardised.
type IncomingLists = (
    Vec<String>,
    Vec<Option<String>>,
    Vec<String>,
    Vec<String>,
    Vec<String>,
);

impl StoreFile {
    fn with<T: Send>(
        &self,
        py: Python<'_>,
        f: impl FnOnce(&mut store::Store) -> Result<T, CoreError> + Send,
    ) -> PyResult<T> {
        py.detach(|| {
            let mut store = self
                .store
                .lock()
                .map_err(|_| CoreError::Internal("the store's lock was poisoned".into()))?;
            f(&mut store)
        })
        .map_err(PyErr::from)
    }
}

fn kind(name: &str) -> Result<DecisionKind, CoreError> {
    match name {
        "confirm" => Ok(DecisionKind::Confirm),
        "separate" => Ok(DecisionKind::Separate),
        other => Err(CoreError::InvalidInput(format!(
            "decision '{other}' is not 'confirm' or 'separate'"
        ))),
    }
}

fn unzip(pairs: Vec<(String, String)>) -> IdLists {
    pairs.into_iter().unzip()
}

#[pymethods]
impl StoreFile {
    #[staticmethod]
    fn open(py: Python<'_>, path: PathBuf, timeout: f64) -> PyResult<StoreFile> {
        let timeout = Duration::from_secs_f64(timeout.max(0.0));
        let store = py.detach(|| store::Store::open(&path, timeout))?;
        Ok(StoreFile {
            store: Mutex::new(store),
        })
    }

    fn meta(&self, py: Python<'_>, key: String) -> PyResult<Option<String>> {
        self.with(py, |s| s.meta(&key))
    }

    #[pyo3(signature = (key, value, actor=None))]
    fn set_meta(
        &self,
        py: Python<'_>,
        key: String,
        value: String,
        actor: Option<String>,
    ) -> PyResult<()> {
        self.with(py, |s| s.set_meta(&key, &value, actor.as_deref()))
    }

    fn generation(&self, py: Python<'_>) -> PyResult<i64> {
        self.with(py, |s| s.generation())
    }

    /// "new", "unchanged" or "changed" for each incoming record.
    fn classify(
        &self,
        py: Python<'_>,
        ids: Vec<String>,
        contents: Vec<String>,
    ) -> PyResult<Vec<&'static str>> {
        let states = self.with(py, |s| s.classify(&ids, &contents))?;
        Ok(states
            .into_iter()
            .map(|state| match state {
                RecordState::New => "new",
                RecordState::Unchanged => "unchanged",
                RecordState::Changed => "changed",
            })
            .collect())
    }

    /// (record ids, contents) of every record, by record id.
    fn contents(&self, py: Python<'_>) -> PyResult<IdLists> {
        self.with(py, |s| s.contents())
    }

    /// (version, JSON) of the latest model, or None.
    fn model(&self, py: Python<'_>) -> PyResult<Option<(i64, String)>> {
        self.with(py, |s| s.model())
    }

    /// The decisions in force as (must-link, cannot-link), each two lists of ids.
    fn constraints(&self, py: Python<'_>) -> PyResult<(IdLists, IdLists)> {
        let (must, cannot) = self.with(py, |s| s.constraints())?;
        Ok((unzip(must), unzip(cannot)))
    }

    fn unknown_records(&self, py: Python<'_>, ids: Vec<String>) -> PyResult<Vec<String>> {
        self.with(py, |s| {
            let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
            Ok(s.unknown_records(&refs)?
                .into_iter()
                .map(str::to_string)
                .collect())
        })
    }

    /// Commits one change (see `store::Store::commit`); returns its report as a dict of
    /// lists.
    #[pyo3(signature = (action, actor, reason, expected_generation, incoming, decisions, model, record_ids, labels, pairs, scoped=false))]
    #[allow(clippy::too_many_arguments)]
    fn commit(
        &self,
        py: Python<'_>,
        action: String,
        actor: Option<String>,
        reason: Option<String>,
        expected_generation: i64,
        incoming: IncomingLists,
        decisions: (Vec<String>, Vec<String>, Vec<String>),
        model: Option<String>,
        record_ids: Vec<String>,
        labels: Vec<u32>,
        pairs: (Vec<String>, Vec<String>, Vec<f64>),
        scoped: bool,
    ) -> PyResult<Py<PyAny>> {
        let (ids, sources, contents, raw, standardised) = incoming;
        let decisions = decisions
            .0
            .iter()
            .zip(decisions.1)
            .zip(decisions.2)
            .map(|((k, a), b)| {
                Ok(Decision {
                    kind: kind(k)?,
                    record_a: a,
                    record_b: b,
                })
            })
            .collect::<Result<Vec<_>, CoreError>>()?;
        let pairs = pairs
            .0
            .into_iter()
            .zip(pairs.1)
            .zip(pairs.2)
            .map(|((a, b), p)| (a, b, p))
            .collect();
        let change = Change {
            action,
            actor,
            reason,
            expected_generation,
            incoming: Incoming {
                ids,
                sources,
                contents,
                raw,
                standardised,
            },
            decisions,
            model,
            record_ids,
            labels,
            pairs,
            scoped,
        };
        let report = self.with(py, |s| s.commit(&change))?;
        report_dict(py, report)
    }

    /// Each record's entity now, in the order given (None for one not in the store).
    fn entities_now(
        &self,
        py: Python<'_>,
        record_ids: Vec<String>,
    ) -> PyResult<Vec<Option<String>>> {
        self.with(py, |s| s.entities_now(&record_ids))
    }

    /// record_id, source, entity_id, first_change, change of every record.
    fn records(&self, py: Python<'_>) -> PyResult<PyDataFrame> {
        let rows = self.with(py, |s| s.records())?;
        let frame = FrameBuilder::new(rows.len())
            .str("record_id", rows.iter().map(|r| r.0.as_str()))
            .opt_str("source", rows.iter().map(|r| r.1.as_deref()))
            .opt_str("entity_id", rows.iter().map(|r| r.2.as_deref()))
            .i64("first_change", rows.iter().map(|r| r.3))
            .i64("change", rows.iter().map(|r| r.4))
            .finish()
            .map_err(internal)?;
        Ok(PyDataFrame(frame))
    }

    /// record_id, source, raw, standardised (JSON) of one entity's records now.
    fn entity_records(&self, py: Python<'_>, entity_id: String) -> PyResult<PyDataFrame> {
        let rows = self.with(py, |s| s.entity_records(&entity_id))?;
        let frame = FrameBuilder::new(rows.len())
            .str("record_id", rows.iter().map(|r| r.0.as_str()))
            .opt_str("source", rows.iter().map(|r| r.1.as_deref()))
            .str("raw", rows.iter().map(|r| r.2.as_str()))
            .str("standardised", rows.iter().map(|r| r.3.as_str()))
            .finish()
            .map_err(internal)?;
        Ok(PyDataFrame(frame))
    }

    /// Every entity id ever given, with its records now.
    fn entities(&self, py: Python<'_>) -> PyResult<PyDataFrame> {
        let rows = self.with(py, |s| s.entities())?;
        let frame = FrameBuilder::new(rows.len())
            .str("entity_id", rows.iter().map(|r| r.0.as_str()))
            .str("created", rows.iter().map(|r| r.1.as_str()))
            .opt_str("split_from", rows.iter().map(|r| r.2.as_deref()))
            .opt_str("retired", rows.iter().map(|r| r.3.as_deref()))
            .opt_str("merged_into", rows.iter().map(|r| r.4.as_deref()))
            .i64("n_records", rows.iter().map(|r| r.5))
            .finish()
            .map_err(internal)?;
        Ok(PyDataFrame(frame))
    }

    /// record_id, entity_id as they stood at `time`.
    fn as_of(&self, py: Python<'_>, time: String) -> PyResult<PyDataFrame> {
        let rows = self.with(py, |s| s.as_of(&time))?;
        let frame = FrameBuilder::new(rows.len())
            .str("record_id", rows.iter().map(|r| r.0.as_str()))
            .str("entity_id", rows.iter().map(|r| r.1.as_str()))
            .finish()
            .map_err(internal)?;
        Ok(PyDataFrame(frame))
    }

    fn resolve_id(&self, py: Python<'_>, entity_id: String) -> PyResult<Vec<String>> {
        self.with(py, |s| s.resolve_id(&entity_id))
    }

    /// The log (of one entity, or all of it).
    #[pyo3(signature = (entity_id=None))]
    fn history(&self, py: Python<'_>, entity_id: Option<String>) -> PyResult<PyDataFrame> {
        let rows = self.with(py, |s| s.history(entity_id.as_deref()))?;
        let frame = FrameBuilder::new(rows.len())
            .i64("change", rows.iter().map(|r| r.change))
            .str("time", rows.iter().map(|r| r.time.as_str()))
            .opt_str("actor", rows.iter().map(|r| r.actor.as_deref()))
            .str("action", rows.iter().map(|r| r.action.as_str()))
            .opt_str("entity_id", rows.iter().map(|r| r.entity_id.as_deref()))
            .str("detail", rows.iter().map(|r| r.detail.as_str()))
            .finish()
            .map_err(internal)?;
        Ok(PyDataFrame(frame))
    }

    /// Every decision: kind, record_a, record_b, actor, reason, time.
    fn decisions(&self, py: Python<'_>) -> PyResult<PyDataFrame> {
        let rows = self.with(py, |s| s.decision_rows())?;
        let frame = FrameBuilder::new(rows.len())
            .str("decision", rows.iter().map(|r| r.0.kind.as_str()))
            .str("record_a", rows.iter().map(|r| r.0.record_a.as_str()))
            .str("record_b", rows.iter().map(|r| r.0.record_b.as_str()))
            .opt_str("actor", rows.iter().map(|r| r.1.as_deref()))
            .opt_str("reason", rows.iter().map(|r| r.2.as_deref()))
            .str("time", rows.iter().map(|r| r.3.as_str()))
            .finish()
            .map_err(internal)?;
        Ok(PyDataFrame(frame))
    }

    /// The scored pairs the last resolution kept.
    fn pairs(&self, py: Python<'_>) -> PyResult<PyDataFrame> {
        let rows = self.with(py, |s| s.pairs())?;
        let frame = FrameBuilder::new(rows.len())
            .str("record_id_l", rows.iter().map(|r| r.0.as_str()))
            .str("record_id_r", rows.iter().map(|r| r.1.as_str()))
            .opt_f64("match_probability", rows.iter().map(|r| Some(r.2)))
            .finish()
            .map_err(internal)?;
        Ok(PyDataFrame(frame))
    }

    fn integrity_check(&self, py: Python<'_>) -> PyResult<String> {
        self.with(py, |s| s.integrity_check())
    }
}

fn report_dict(py: Python<'_>, r: Report) -> PyResult<Py<PyAny>> {
    let d = pyo3::types::PyDict::new(py);
    d.set_item("change", r.change)?;
    d.set_item("new_records", r.new_records)?;
    d.set_item("updated_records", r.updated_records)?;
    d.set_item("unchanged_records", r.unchanged_records)?;
    d.set_item("attached", unzip(r.attached))?;
    let (ids, from): (Vec<String>, Vec<Option<String>>) = r.new_entities.into_iter().unzip();
    d.set_item("new_entities", (ids, from))?;
    d.set_item("merged", unzip(r.merged))?;
    let mut moved: (Vec<String>, Vec<String>, Vec<String>) = Default::default();
    for (record, before, now) in r.moved {
        moved.0.push(record);
        moved.1.push(before);
        moved.2.push(now);
    }
    d.set_item("moved", moved)?;
    Ok(d.into_any().unbind())
}
