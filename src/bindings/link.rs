//! Linking: a `LinkData` holds one link session (`crate::link::session`); its methods
//! convert frames, release the GIL, call the session and build frames back.
use std::sync::Arc;

use polars::prelude::*;
use pyo3::prelude::*;
use pyo3_polars::PyDataFrame;

use super::columns::{self, owned_text, text, Kind};
use super::errors::internal;
use super::frame::FrameBuilder;
use super::interrupt::{interruptible, interruptible_with};
use super::model::TrainedModel;
use super::standardise::{standardise_rows, standardised_frame};
use crate::errors::CoreError;
use crate::link::blocking::RuleReport;
use crate::link::model::Model;
use crate::link::session::{LinkSession, SessionInput};
use crate::link::settings::{LinkType, Settings};
use crate::link::steps::{Steps, SCORE_STEPS, TRAIN_STEPS};
use crate::link::{self, ScoredPair};
use crate::standardise::Standardised;

#[pyclass(module = "caselink._core")]
pub struct LinkData {
    session: LinkSession,
}

const ID_HINT: &str = "every record needs an id";

fn record_ids(df: &DataFrame) -> Result<Vec<String>, CoreError> {
    let ids = owned_text(df, "record_id", Kind::Value, ID_HINT)?;
    Ok(ids.into_iter().map(Option::unwrap_or_default).collect())
}

/// The generic columns of the settings, in input row order.
fn generic_values(
    df: &DataFrame,
    columns: &[String],
) -> Result<Vec<Vec<Option<String>>>, CoreError> {
    columns
        .iter()
        .map(|c| owned_text(df, c, Kind::Value, "it is named by the settings"))
        .collect()
}

fn sides(df: &DataFrame) -> Result<Option<Vec<u8>>, CoreError> {
    let Ok(col) = df.column("_side") else {
        return Ok(None);
    };
    let col = col.cast(&DataType::UInt8).map_err(internal)?;
    let ca = col.u8().map_err(internal)?;
    Ok(Some(ca.iter().map(|s| s.unwrap_or(0)).collect()))
}

fn blocking_frame(report: &[RuleReport]) -> Result<DataFrame, CoreError> {
    FrameBuilder::new(report.len())
        .str("rule", report.iter().map(|r| r.rule.as_str()))
        .i64("pairs", report.iter().map(|r| r.pairs as i64))
        .i64("new_pairs", report.iter().map(|r| r.new_pairs as i64))
        .i64(
            "skipped_blocks",
            report.iter().map(|r| r.skipped_blocks.len() as i64),
        )
        .i64(
            "skipped_pairs",
            report
                .iter()
                .map(|r| r.skipped_blocks.iter().map(|s| s.1 as i64).sum()),
        )
        .i64(
            "largest_skipped_block",
            report.iter().map(|r| {
                r.skipped_blocks
                    .iter()
                    .map(|s| s.0 as i64)
                    .max()
                    .unwrap_or(0)
            }),
        )
        .finish()
        .map_err(internal)
}

impl LinkData {
    fn build(
        df: &DataFrame,
        settings: &Settings,
        reference_year: i32,
    ) -> Result<(LinkData, Vec<Standardised>), CoreError> {
        let (settings, dropped) = settings.restrict_to(|c| df.column(c).is_ok())?;
        let std = standardise_rows(df, settings.reference(reference_year))?;
        let input = SessionInput {
            ids: record_ids(df)?,
            standardised: &std,
            generic: generic_values(df, &settings.generic_columns())?,
            sides: sides(df)?,
        };
        let session = LinkSession::new(settings, dropped, input)?;
        Ok((LinkData { session }, std))
    }

    fn ids_series(&self) -> Series {
        let ids = self.session.ids().iter().map(String::as_str);
        Series::new(PlSmallStr::EMPTY, ids.collect::<Vec<_>>())
    }

    /// One row per pair; per comparison the level index (`<name>_level`, null when a
    /// value is missing; Python turns it into an Enum of the labels) and its weight.
    fn pairs_frame(&self, model: &Model, pairs: &[ScoredPair]) -> Result<DataFrame, CoreError> {
        let table = self.session.pair_table(model, pairs);
        // Ids gathered from one id column: at tens of millions of pairs, building row by
        // row took longer than scoring them.
        let ids = self.ids_series();
        let gather = |name: &str, idx: Vec<u32>| -> PolarsResult<Column> {
            let taken = ids.take(&IdxCa::from_vec(PlSmallStr::EMPTY, idx))?;
            Ok(taken.with_name(name.into()).into_column())
        };
        let floats =
            |name: &str, v: Vec<f64>| Float64Chunked::from_vec(name.into(), v).into_column();
        let mut columns = vec![
            gather("record_id_l", table.left).map_err(internal)?,
            gather("record_id_r", table.right).map_err(internal)?,
            floats("match_weight", table.weight),
            floats("match_probability", table.probability),
        ];
        for c in table.comparisons {
            let levels = Series::new(format!("{}_level", c.name).into(), c.levels);
            columns.push(levels.into_column());
            columns.push(floats(&format!("{}_weight", c.name), c.weights));
        }
        DataFrame::new(pairs.len(), columns).map_err(internal)
    }

    /// (record_id, entity_id) in input row order.
    fn clusters_frame(&self, labels: &[u32]) -> Result<DataFrame, CoreError> {
        let rows = self.session.entity_rows(labels);
        let ids = self.session.ids();
        FrameBuilder::new(rows.len())
            .str("record_id", rows.iter().map(|r| ids[r.0 as usize].as_str()))
            .str("entity_id", rows.iter().map(|r| ids[r.1 as usize].as_str()))
            .finish()
            .map_err(internal)
    }

    /// The shared model, checked against these records' comparisons.
    fn checked(
        &self,
        model: Option<&Bound<'_, TrainedModel>>,
    ) -> Result<Option<Arc<Model>>, CoreError> {
        let Some(model) = model else {
            return Ok(None);
        };
        let model = Arc::clone(model.get().shared());
        self.session.check(&model)?;
        Ok(Some(model))
    }

    fn labelled_pairs(
        &self,
        labels: &Option<(Vec<String>, Vec<String>)>,
    ) -> Result<Option<Vec<(u32, u32)>>, CoreError> {
        let labels = labels.as_ref().map(|(l, r)| (l.as_slice(), r.as_slice()));
        self.session.labelled_pairs(labels)
    }
}

/// Reads prepared records (see `caselink.standardisation.prepare`, plus the generic
/// columns of the settings and `_side` when linking two sets). Returns the data and the
/// standardised frame (input order).
#[pyfunction]
pub fn link_data(
    py: Python<'_>,
    df: PyDataFrame,
    settings_json: &str,
    reference_year: i32,
) -> PyResult<(LinkData, PyDataFrame)> {
    let settings = Settings::from_json(settings_json)?;
    let df = df.0;
    let (data, frame) = interruptible(py, move || -> Result<_, CoreError> {
        let (data, std) = LinkData::build(&df, &settings, reference_year)?;
        let frame = standardised_frame(&df, &std)?;
        Ok((data, frame))
    })??;
    Ok((data, PyDataFrame(frame)))
}

#[pymethods]
impl LinkData {
    /// The settings in force for these records (absent inputs dropped), as JSON.
    fn settings_json(&self) -> String {
        self.session.dataset().settings.to_json()
    }

    /// Comparisons and rules dropped because the records lack their inputs.
    fn dropped(&self) -> Vec<String> {
        self.session.dropped().to_vec()
    }

    fn __len__(&self) -> usize {
        self.session.len()
    }

    fn count_pairs(&self, py: Python<'_>) -> PyResult<PyDataFrame> {
        let frame = py.detach(|| blocking_frame(&link::candidates(self.session.dataset()).1))?;
        Ok(PyDataFrame(frame))
    }

    #[pyo3(signature = (labels=None))]
    fn train(
        &self,
        py: Python<'_>,
        labels: Option<(Vec<String>, Vec<String>)>,
    ) -> PyResult<TrainedModel> {
        let labels = self.labelled_pairs(&labels)?;
        let ds = Arc::clone(self.session.dataset());
        let model = interruptible(py, move || link::train(&ds, labels.as_deref()))?;
        Ok(TrainedModel::new(model))
    }

    /// Scored candidate pairs with probability at least `threshold`, and the blocking
    /// report.
    fn predict(
        &self,
        py: Python<'_>,
        model: &Bound<'_, TrainedModel>,
        threshold: f64,
    ) -> PyResult<(PyDataFrame, PyDataFrame)> {
        let model = Arc::clone(model.get().shared());
        self.session.check(&model)?;
        let ds = Arc::clone(self.session.dataset());
        let (model, mut pairs, report) = interruptible(py, move || {
            let (pairs, report) = link::predict(&ds, &model);
            (model, pairs, report)
        })?;
        let (pairs, blocking) = py.detach(|| -> Result<_, CoreError> {
            pairs.retain(|p| p.probability() >= threshold);
            Ok((self.pairs_frame(&model, &pairs)?, blocking_frame(&report)?))
        })?;
        Ok((PyDataFrame(pairs), PyDataFrame(blocking)))
    }

    /// Train (unless a model is given), score and cluster in one pass over the pairs:
    /// (clusters, pairs at or above `pairs_above` match probability, blocking report,
    /// model). Clustering sees every scored pair whatever `pairs_above`.
    /// `must_link` and `cannot_link` (id pairs, as two lists) are analysts' decisions the
    /// clustering obeys whatever the scores.
    #[pyo3(signature = (labels=None, model=None, pairs_above=0.0, on_step=None, must_link=None, cannot_link=None))]
    #[allow(clippy::too_many_arguments)]
    fn resolve(
        &self,
        py: Python<'_>,
        labels: Option<(Vec<String>, Vec<String>)>,
        model: Option<&Bound<'_, TrainedModel>>,
        pairs_above: f64,
        on_step: Option<Bound<'_, PyAny>>,
        must_link: Option<(Vec<String>, Vec<String>)>,
        cannot_link: Option<(Vec<String>, Vec<String>)>,
    ) -> PyResult<(PyDataFrame, PyDataFrame, PyDataFrame, TrainedModel)> {
        let model = self.checked(model)?;
        let labels = self.labelled_pairs(&labels)?;
        fn pairs(p: &Option<(Vec<String>, Vec<String>)>) -> (&[String], &[String]) {
            p.as_ref()
                .map_or((&[][..], &[][..]), |(l, r)| (l.as_slice(), r.as_slice()))
        }
        let constraints = self
            .session
            .constraints(pairs(&must_link), pairs(&cannot_link))?;
        let ds = Arc::clone(self.session.dataset());
        let names: &[&str] = if model.is_some() {
            &SCORE_STEPS
        } else {
            &TRAIN_STEPS
        };
        let steps = Arc::new(Steps::default());
        let worker_steps = Arc::clone(&steps);
        // Each step entered since the last report is passed to `on_step`, in order.
        let mut reported = 0;
        let report = |_: Python<'_>| -> PyResult<()> {
            let entered = steps.entered();
            if let Some(callback) = &on_step {
                for name in &names[reported..entered] {
                    callback.call1((*name,))?;
                }
            }
            reported = entered;
            Ok(())
        };
        let stop = Arc::clone(&steps);
        let resolved = interruptible_with(
            py,
            move || match model {
                Some(model) => {
                    link::rescore_stepped(&ds, (*model).clone(), &constraints, &worker_steps)
                }
                None => link::resolve_stepped(&ds, labels.as_deref(), &constraints, &worker_steps),
            },
            report,
            move || stop.cancel(),
        )?;
        // Only a cancelled call gives no result, and then the wait has already failed.
        let mut resolved = resolved
            .ok_or_else(|| PyErr::from(CoreError::Internal("the resolve was cancelled".into())))?;
        let out = py.detach(|| -> Result<_, CoreError> {
            if pairs_above > 0.0 {
                resolved.pairs.retain(|p| p.probability() >= pairs_above);
                // Give the dropped pairs' memory back before the frame is built.
                resolved.pairs.shrink_to_fit();
            }
            Ok((
                self.clusters_frame(&resolved.labels)?,
                self.pairs_frame(&resolved.model, &resolved.pairs)?,
                blocking_frame(&resolved.blocking)?,
            ))
        })?;
        let (clusters, pairs, blocking) = out;
        Ok((
            PyDataFrame(clusters),
            PyDataFrame(pairs),
            PyDataFrame(blocking),
            TrainedModel::new(resolved.model),
        ))
    }

    /// Clusters scored pairs (record_id_l, record_id_r, match_probability) of these
    /// records: one row per record, in input order. With a model, pairs missing from
    /// `pairs` are scored when two small groups are weighed for a merge.
    #[pyo3(signature = (pairs, threshold, model=None))]
    fn cluster(
        &self,
        py: Python<'_>,
        pairs: PyDataFrame,
        threshold: f64,
        model: Option<&Bound<'_, TrainedModel>>,
    ) -> PyResult<PyDataFrame> {
        let model = self.checked(model)?;
        let pairs = pairs.0;
        let frame = py.detach(|| -> Result<_, CoreError> {
            let hint = "cluster takes the pairs of predict";
            let left = text(&pairs, "record_id_l", Kind::Value, hint)?;
            let right = text(&pairs, "record_id_r", Kind::Value, hint)?;
            let prob = columns::floats(&pairs, "match_probability", hint)?;
            let scored = left.iter().zip(right.iter()).zip(prob.iter());
            let scored =
                scored.map(|((a, b), p)| (a.map(str::to_string), b.map(str::to_string), p));
            let labels = self
                .session
                .cluster_scored(model.as_deref(), scored, threshold)?;
            self.clusters_frame(&labels)
        })?;
        Ok(PyDataFrame(frame))
    }

    /// The evidence for one pair: prior, then one row per comparison.
    fn explain(
        &self,
        py: Python<'_>,
        model: &Bound<'_, TrainedModel>,
        a: &str,
        b: &str,
    ) -> PyResult<PyDataFrame> {
        let model = model.get().shared();
        self.session.check(model)?;
        let frame = py.detach(|| -> Result<_, CoreError> {
            let lines = self.session.explain(model, a, b)?;
            FrameBuilder::new(lines.len())
                .str("comparison", lines.iter().map(|e| e.comparison.as_str()))
                .opt_str("level", lines.iter().map(|e| e.level.as_deref()))
                .opt_f64("m", lines.iter().map(|e| e.m))
                .opt_f64("u", lines.iter().map(|e| e.u))
                .opt_f64("weight", lines.iter().map(|e| Some(e.weight)))
                .opt_f64(
                    "cumulative_weight",
                    lines.iter().map(|e| Some(e.cumulative_weight)),
                )
                .opt_f64(
                    "cumulative_probability",
                    lines.iter().map(|e| Some(e.cumulative_probability)),
                )
                .finish()
                .map_err(internal)
        })?;
        Ok(PyDataFrame(frame))
    }

    /// Scores new (prepared) records against these without retraining: every candidate
    /// with probability at least `threshold`, best first per new record:
    /// (new_record_id, record_id, match_weight, match_probability).
    /// Builds the id map and the match index now (see `LinkSession::build_indices`).
    fn build_indices(&self, py: Python<'_>) -> PyResult<()> {
        Ok(py.detach(|| self.session.build_indices())?)
    }

    /// Adds prepared records with ids new to these (a store's batch), in step with the
    /// term frequencies and the match index. Returns their standardised frame (input
    /// order) and their scored pairs with every record they block with: `record_id_l`
    /// (the smaller id), `record_id_r`, `match_probability`, those below `floor` left out.
    fn grow(
        &mut self,
        py: Python<'_>,
        model: &Bound<'_, TrainedModel>,
        df: PyDataFrame,
        reference_year: i32,
        floor: f64,
    ) -> PyResult<(PyDataFrame, PyDataFrame)> {
        let df = df.0;
        let model = Arc::clone(model.get().shared());
        self.session.check(&model)?;
        let session = &mut self.session;
        let out = py.detach(move || -> Result<_, CoreError> {
            let settings = &session.dataset().settings;
            let std = standardise_rows(&df, settings.reference(reference_year))?;
            let input = SessionInput {
                ids: record_ids(&df)?,
                standardised: &std,
                generic: generic_values(&df, &settings.generic_columns())?,
                sides: None,
            };
            let added = session.grow(input)?;
            let pairs = session.pairs_from(&model, added.start, floor);
            let ids = session.ids();
            let ordered = |&(i, j, _): &(u32, u32, f64)| {
                let (a, b) = (ids[i as usize].as_str(), ids[j as usize].as_str());
                if a <= b {
                    (a, b)
                } else {
                    (b, a)
                }
            };
            let frame = FrameBuilder::new(pairs.len())
                .str("record_id_l", pairs.iter().map(|p| ordered(p).0))
                .str("record_id_r", pairs.iter().map(|p| ordered(p).1))
                .opt_f64("match_probability", pairs.iter().map(|p| Some(p.2)))
                .finish()
                .map_err(internal)?;
            Ok((standardised_frame(&df, &std)?, frame))
        })?;
        Ok((PyDataFrame(out.0), PyDataFrame(out.1)))
    }

    /// The records `scope` (ids) clustered on their own from the scored `pairs` among
    /// them (ids and probabilities) and the decisions among them (see
    /// `LinkSession::cluster_ids`): one label per scope record.
    #[allow(clippy::type_complexity)]
    fn cluster_within(
        &self,
        py: Python<'_>,
        model: &Bound<'_, TrainedModel>,
        scope: Vec<String>,
        pairs: (Vec<String>, Vec<String>, Vec<f64>),
        must_link: (Vec<String>, Vec<String>),
        cannot_link: (Vec<String>, Vec<String>),
    ) -> PyResult<Vec<u32>> {
        let model = Arc::clone(model.get().shared());
        self.session.check(&model)?;
        let labels = py.detach(|| {
            self.session.cluster_ids(
                &model,
                &scope,
                (&pairs.0, &pairs.1, &pairs.2),
                (&must_link.0, &must_link.1),
                (&cannot_link.0, &cannot_link.1),
            )
        })?;
        Ok(labels)
    }

    fn match_records(
        &self,
        py: Python<'_>,
        model: &Bound<'_, TrainedModel>,
        df: PyDataFrame,
        reference_year: i32,
        threshold: f64,
    ) -> PyResult<PyDataFrame> {
        let df = df.0;
        let model = model.get().shared();
        self.session.check(model)?;
        let frame = py.detach(|| -> Result<_, CoreError> {
            let settings = &self.session.dataset().settings;
            let ids = record_ids(&df)?;
            let std = standardise_rows(&df, settings.reference(reference_year))?;
            let generic = generic_values(&df, &self.session.dataset().generic_columns)?;
            let found = self.session.match_records(model, &std, &generic, threshold);
            let known = self.session.ids();
            FrameBuilder::new(found.len())
                .str(
                    "new_record_id",
                    found.iter().map(|f| ids[f.new_row as usize].as_str()),
                )
                .str(
                    "record_id",
                    found.iter().map(|f| known[f.record as usize].as_str()),
                )
                .opt_f64("match_weight", found.iter().map(|f| Some(f.weight)))
                .opt_f64(
                    "match_probability",
                    found.iter().map(|f| Some(f.probability)),
                )
                .finish()
                .map_err(internal)
        })?;
        Ok(PyDataFrame(frame))
    }
}

/// The default person settings as JSON.
#[pyfunction]
#[pyo3(signature = (link_type="dedupe"))]
pub fn default_settings(link_type: &str) -> PyResult<String> {
    let link_type: LinkType = serde_json::from_value(serde_json::Value::String(link_type.into()))
        .map_err(|_| {
        CoreError::InvalidInput(format!(
            "link_type must be 'dedupe', 'link' or 'link_and_dedupe', got '{link_type}'"
        ))
    })?;
    Ok(Settings::for_people(link_type).to_json())
}

/// Validates settings JSON and returns it in canonical form (defaults filled in).
#[pyfunction]
pub fn validate_settings(settings_json: &str) -> PyResult<String> {
    Ok(Settings::from_json(settings_json)?.to_json())
}

/// Level labels of each comparison of settings JSON: {comparison: [labels]}.
#[pyfunction]
pub fn comparison_levels(settings_json: &str) -> PyResult<Vec<(String, Vec<String>)>> {
    let settings = Settings::from_json(settings_json)?;
    Ok(settings
        .comparisons
        .iter()
        .map(|c| (c.name(), c.level_labels()))
        .collect())
}
