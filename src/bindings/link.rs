//! Linking: a `LinkData` holds one set of records ready to link (standardised, in an order
//! fixed by their content and ids, so results do not depend on row order); its methods
//! count pairs, train, predict, cluster, explain and match new records, each without the
//! GIL.
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use polars::prelude::*;
use pyo3::prelude::*;
use pyo3_polars::PyDataFrame;
use rayon::prelude::*;

use super::errors::internal;
use super::frame::FrameBuilder;
use super::interrupt::{interruptible, interruptible_with};
use super::standardise::{standardise_rows, standardised_frame};
use crate::errors::CoreError;
use crate::link::blocking::RuleReport;
use crate::link::dataset::{link_order, Dataset};
use crate::link::levels::NULL;
use crate::link::model::{probability, Model};
use crate::link::settings::{LinkType, Settings};
use crate::link::steps::{Steps, SCORE_STEPS, TRAIN_STEPS};
use crate::link::{self, MatchIndex, ScoredPair};

#[pyclass(frozen, module = "caselink._core")]
pub struct LinkData {
    /// Shared with the worker thread of interruptible calls (see `interrupt`).
    ds: Arc<Dataset>,
    /// Record ids in data set order (by name keys, birth year, then id).
    ids: Vec<String>,
    /// Rank of each data set record's id among all ids (to order pairs and name entities).
    id_rank: Vec<u32>,
    /// Data set index of each input row.
    position: Vec<u32>,
    /// Data set index of each id, built on first lookup (most runs never look one up).
    by_id: OnceLock<HashMap<String, u32>>,
    dropped: Vec<String>,
    index: OnceLock<MatchIndex>,
}

fn string_values(df: &DataFrame, name: &str) -> Result<Vec<Option<String>>, CoreError> {
    let col = df.column(name).map_err(|_| CoreError::ColumnNotFound {
        column: name.into(),
        hint: "it is named by the settings".into(),
    })?;
    let cast = col.cast(&DataType::String).map_err(|_| CoreError::Schema {
        column: name.into(),
        found: col.dtype().to_string(),
        expected: "text or numbers".into(),
    })?;
    Ok(cast
        .str()
        .map_err(internal)?
        .iter()
        .map(|s| s.map(str::to_string))
        .collect())
}

fn record_ids(df: &DataFrame) -> Result<Vec<String>, CoreError> {
    let ids = string_values(df, "record_id").map_err(|_| CoreError::ColumnNotFound {
        column: "record_id".into(),
        hint: "every record needs an id".into(),
    })?;
    Ok(ids.into_iter().map(Option::unwrap_or_default).collect())
}

fn parse_model(json: &str, ds: &Dataset) -> Result<Model, CoreError> {
    let model = Model::from_json(json)?;
    model.check_matches(ds)?;
    Ok(model)
}

/// Raw generic column values in data set order (`order[k]` is the input row of record k).
fn generic_values(
    df: &DataFrame,
    columns: &[String],
    order: &[usize],
) -> Result<Vec<Vec<Option<String>>>, CoreError> {
    columns
        .iter()
        .map(|c| {
            let values = string_values(df, c)?;
            Ok(order.iter().map(|&i| values[i].clone()).collect())
        })
        .collect()
}

fn borrowed(values: &[Vec<Option<String>>]) -> Vec<Vec<Option<&str>>> {
    values
        .iter()
        .map(|col| col.iter().map(|v| v.as_deref()).collect())
        .collect()
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
    ) -> Result<(LinkData, Vec<crate::standardise::Standardised>), CoreError> {
        let (settings, dropped) = settings.restrict_to(|c| df.column(c).is_ok())?;
        let ids = record_ids(df)?;
        let std = standardise_rows(df, settings.reference(reference_year))?;
        // The result depends on the records, not their row order.
        let order = link_order(&std, &ids);
        let sorted_std: Vec<&crate::standardise::Standardised> =
            order.iter().map(|&i| &std[i]).collect();
        let generic = generic_values(df, &settings.generic_columns(), &order)?;
        let sides: Option<Vec<u8>> = match df.column("_side") {
            Ok(col) => {
                let col = col.cast(&DataType::UInt8).map_err(internal)?;
                let ca = col.u8().map_err(internal)?;
                Some(order.iter().map(|&i| ca.get(i).unwrap_or(0)).collect())
            }
            Err(_) => None,
        };
        if settings.link_type != LinkType::Dedupe && sides.is_none() {
            return Err(CoreError::InvalidInput(
                "linking two sets needs to know which set each record is from: use caselink.link(left, right)".into(),
            ));
        }
        let ds = Dataset::new(settings, &sorted_std, &borrowed(&generic), sides.as_deref());
        let mut position = vec![0u32; ids.len()];
        for (k, &i) in order.iter().enumerate() {
            position[i] = k as u32;
        }
        let sorted_ids: Vec<String> = order.iter().map(|&i| ids[i].clone()).collect();
        let mut by_rank: Vec<u32> = (0..sorted_ids.len() as u32).collect();
        by_rank.par_sort_unstable_by(|&a, &b| sorted_ids[a as usize].cmp(&sorted_ids[b as usize]));
        let mut id_rank = vec![0u32; by_rank.len()];
        for (rank, &k) in by_rank.iter().enumerate() {
            id_rank[k as usize] = rank as u32;
        }
        let data = LinkData {
            ds: Arc::new(ds),
            ids: sorted_ids,
            id_rank,
            position,
            by_id: OnceLock::new(),
            dropped,
            index: OnceLock::new(),
        };
        Ok((data, std))
    }

    fn index_of(&self, id: &str) -> Result<u32, CoreError> {
        let by_id = self.by_id.get_or_init(|| {
            self.ids
                .iter()
                .enumerate()
                .map(|(k, id)| (id.clone(), k as u32))
                .collect()
        });
        by_id.get(id).copied().ok_or_else(|| {
            CoreError::InvalidInput(format!("record id '{id}' is not among the records"))
        })
    }

    /// One row per pair; per comparison the level index (`<name>_level`, null when a
    /// value is missing; Python turns it into an Enum of the labels) and its weight,
    /// computed column by column so no per-pair array of weights is held.
    fn pairs_frame(&self, model: &Model, pairs: &[ScoredPair]) -> Result<DataFrame, CoreError> {
        let ds = &self.ds;
        // Columns are computed in parallel and ids gathered from one id column: at tens
        // of millions of pairs, building row by row took longer than scoring them.
        let ids = Series::new(
            PlSmallStr::EMPTY,
            self.ids.iter().map(String::as_str).collect::<Vec<_>>(),
        );
        // record_id_l is the smaller id of the pair.
        let rank = &self.id_rank;
        let ordered = |p: &ScoredPair| {
            if rank[p.i as usize] < rank[p.j as usize] {
                (p.i, p.j)
            } else {
                (p.j, p.i)
            }
        };
        let (left, right): (Vec<IdxSize>, Vec<IdxSize>) = pairs
            .par_iter()
            .map(|p| {
                let (l, r) = ordered(p);
                (l as IdxSize, r as IdxSize)
            })
            .unzip();
        let gather = |name: &str, idx: Vec<IdxSize>| -> PolarsResult<Column> {
            let taken = ids.take(&IdxCa::from_vec(PlSmallStr::EMPTY, idx))?;
            Ok(taken.with_name(name.into()).into_column())
        };
        let floats = |name: &str, f: &(dyn Fn(&ScoredPair) -> f64 + Sync)| -> Column {
            let v: Vec<f64> = pairs.par_iter().map(f).collect();
            Series::new(name.into(), v).into_column()
        };
        let mut columns = vec![
            gather("record_id_l", left).map_err(internal)?,
            gather("record_id_r", right).map_err(internal)?,
            floats("match_weight", &|p| p.weight),
            floats("match_probability", &|p| p.probability()),
        ];
        // Every comparison's weight in one pass over the pairs: each pair's two records
        // are read once, not once per comparison.
        let comparisons = &ds.settings.comparisons;
        let mut weights: Vec<Vec<f64>> =
            comparisons.iter().map(|_| vec![0.0; pairs.len()]).collect();
        pairs
            .par_chunks(PAIR_CHUNK)
            .zip(column_chunks(&mut weights, PAIR_CHUNK))
            .for_each(|(chunk, mut out)| {
                for (k, p) in chunk.iter().enumerate() {
                    let (a, b) = (&ds.records[p.i as usize], &ds.records[p.j as usize]);
                    let w = model.weights(ds, a, b, &p.levels.unpack());
                    for (c, column) in out.iter_mut().enumerate() {
                        column[k] = w[c];
                    }
                }
            });
        for ((c, spec), weights) in comparisons.iter().enumerate().zip(weights) {
            let name = spec.name();
            let levels: Vec<Option<i8>> = pairs
                .par_iter()
                .map(|p| (p.levels.get(c) != NULL).then_some(p.levels.get(c) as i8))
                .collect();
            columns.push(Series::new(format!("{name}_level").into(), levels).into_column());
            columns.push(Series::new(format!("{name}_weight").into(), weights).into_column());
        }
        DataFrame::new(pairs.len(), columns).map_err(internal)
    }

    /// (record_id, entity_id) in input row order; the entity id is the smallest record id
    /// of the entity.
    fn clusters_frame(&self, labels: &[u32]) -> Result<DataFrame, CoreError> {
        // Labels are data set indices, which are not in id order: find each entity's
        // smallest id.
        let mut smallest = vec![u32::MAX; labels.len()];
        for (k, &label) in labels.iter().enumerate() {
            let best = &mut smallest[label as usize];
            if *best == u32::MAX || self.id_rank[k] < self.id_rank[*best as usize] {
                *best = k as u32;
            }
        }
        let rows = self.position.iter().map(|&k| k as usize);
        FrameBuilder::new(self.position.len())
            .str("record_id", rows.clone().map(|k| self.ids[k].as_str()))
            .str(
                "entity_id",
                rows.map(|k| self.ids[smallest[labels[k] as usize] as usize].as_str()),
            )
            .finish()
            .map_err(internal)
    }

    fn labelled_pairs(
        &self,
        labels: Option<(Vec<String>, Vec<String>)>,
    ) -> Result<Option<Vec<(u32, u32)>>, CoreError> {
        let Some((left, right)) = labels else {
            return Ok(None);
        };
        let mut out = Vec::with_capacity(left.len());
        for (a, b) in left.iter().zip(&right) {
            let (i, j) = (self.index_of(a)?, self.index_of(b)?);
            if i != j {
                out.push((i.min(j), i.max(j)));
            }
        }
        if out.is_empty() {
            return Err(CoreError::InvalidInput(
                "labels hold no pair of two different records known to match".into(),
            ));
        }
        Ok(Some(out))
    }
}

/// Pairs per parallel task when building pair columns.
const PAIR_CHUNK: usize = 1 << 14;

/// Equal-length columns cut into chunks of `size` rows: item k holds every column's
/// k-th chunk, so a task can fill one stretch of rows of all columns.
fn column_chunks<T: Send>(columns: &mut [Vec<T>], size: usize) -> Vec<Vec<&mut [T]>> {
    let rows = columns.first().map_or(0, Vec::len);
    let mut parts: Vec<_> = columns.iter_mut().map(|c| c.chunks_mut(size)).collect();
    (0..rows.div_ceil(size))
        .map(|_| {
            parts
                .iter_mut()
                .map(|p| p.next().expect("columns of equal length"))
                .collect()
        })
        .collect()
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
        self.ds.settings.to_json()
    }

    /// Comparisons and rules dropped because the records lack their inputs.
    fn dropped(&self) -> Vec<String> {
        self.dropped.clone()
    }

    fn __len__(&self) -> usize {
        self.ds.len()
    }

    fn count_pairs(&self, py: Python<'_>) -> PyResult<PyDataFrame> {
        let frame = py.detach(|| blocking_frame(&link::candidates(&self.ds).1))?;
        Ok(PyDataFrame(frame))
    }

    #[pyo3(signature = (labels=None))]
    fn train(
        &self,
        py: Python<'_>,
        labels: Option<(Vec<String>, Vec<String>)>,
    ) -> PyResult<String> {
        let labels = self.labelled_pairs(labels)?;
        let ds = Arc::clone(&self.ds);
        let model = interruptible(py, move || link::train(&ds, labels.as_deref()))?;
        Ok(model.to_json())
    }

    /// Scored candidate pairs with probability at least `threshold`, and the blocking
    /// report.
    fn predict(
        &self,
        py: Python<'_>,
        model_json: &str,
        threshold: f64,
    ) -> PyResult<(PyDataFrame, PyDataFrame)> {
        let model = parse_model(model_json, &self.ds)?;
        let ds = Arc::clone(&self.ds);
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
    /// model JSON). Clustering sees every scored pair whatever `pairs_above`.
    #[pyo3(signature = (labels=None, model_json=None, pairs_above=0.0, on_step=None))]
    fn resolve(
        &self,
        py: Python<'_>,
        labels: Option<(Vec<String>, Vec<String>)>,
        model_json: Option<&str>,
        pairs_above: f64,
        on_step: Option<Bound<'_, PyAny>>,
    ) -> PyResult<(PyDataFrame, PyDataFrame, PyDataFrame, String)> {
        let model = model_json
            .map(|json| parse_model(json, &self.ds))
            .transpose()?;
        let labels = self.labelled_pairs(labels)?;
        let ds = Arc::clone(&self.ds);
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
                Some(model) => link::rescore_stepped(&ds, model, &worker_steps),
                None => link::resolve_stepped(&ds, labels.as_deref(), &worker_steps),
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
                resolved.model.to_json(),
            ))
        })?;
        let (clusters, pairs, blocking, model) = out;
        Ok((
            PyDataFrame(clusters),
            PyDataFrame(pairs),
            PyDataFrame(blocking),
            model,
        ))
    }

    /// Clusters scored pairs (record_id_l, record_id_r, match_probability) of these
    /// records: one row per record, in input order. With a model, pairs missing from
    /// `pairs` are scored when two small groups are weighed for a merge.
    #[pyo3(signature = (pairs, threshold, model_json=None))]
    fn cluster(
        &self,
        py: Python<'_>,
        pairs: PyDataFrame,
        threshold: f64,
        model_json: Option<&str>,
    ) -> PyResult<PyDataFrame> {
        let model = model_json
            .map(|json| parse_model(json, &self.ds))
            .transpose()?;
        let pairs = pairs.0;
        let frame = py.detach(|| -> Result<_, CoreError> {
            let left = string_values(&pairs, "record_id_l")?;
            let right = string_values(&pairs, "record_id_r")?;
            let prob = pairs
                .column("match_probability")
                .map_err(|_| CoreError::ColumnNotFound {
                    column: "match_probability".into(),
                    hint: "cluster takes the pairs of predict".into(),
                })?
                .cast(&DataType::Float64)
                .map_err(internal)?;
            let prob = prob.f64().map_err(internal)?;
            let mut triples = Vec::with_capacity(pairs.height());
            for ((a, b), p) in left.iter().zip(&right).zip(prob.iter()) {
                let (Some(a), Some(b), Some(p)) = (a, b, p) else {
                    continue;
                };
                let (i, j) = (self.index_of(a)?, self.index_of(b)?);
                triples.push((i.min(j), i.max(j), p));
            }
            let labels = link::cluster(&self.ds, model.as_ref(), &triples, threshold);
            self.clusters_frame(&labels)
        })?;
        Ok(PyDataFrame(frame))
    }

    /// The evidence for one pair: prior, then one row per comparison.
    fn explain(&self, py: Python<'_>, model_json: &str, a: &str, b: &str) -> PyResult<PyDataFrame> {
        let frame = py.detach(|| -> Result<_, CoreError> {
            let model = parse_model(model_json, &self.ds)?;
            let (i, j) = (self.index_of(a)?, self.index_of(b)?);
            let lines = link::explain(
                &self.ds,
                &model,
                &self.ds.records[i as usize],
                &self.ds.records[j as usize],
            );
            let mut total = 0.0;
            let cumulative: Vec<f64> = lines
                .iter()
                .map(|e| {
                    total += e.weight;
                    total
                })
                .collect();
            FrameBuilder::new(lines.len())
                .str("comparison", lines.iter().map(|e| e.comparison.as_str()))
                .opt_str("level", lines.iter().map(|e| e.level.as_deref()))
                .opt_f64("m", lines.iter().map(|e| e.m))
                .opt_f64("u", lines.iter().map(|e| e.u))
                .opt_f64("weight", lines.iter().map(|e| Some(e.weight)))
                .opt_f64("cumulative_weight", cumulative.iter().map(|w| Some(*w)))
                .opt_f64(
                    "cumulative_probability",
                    cumulative.iter().map(|w| Some(probability(*w))),
                )
                .finish()
                .map_err(internal)
        })?;
        Ok(PyDataFrame(frame))
    }

    /// Scores new (prepared) records against these without retraining: every candidate
    /// with probability at least `threshold`, best first per new record:
    /// (new_record_id, record_id, match_weight, match_probability).
    fn match_records(
        &self,
        py: Python<'_>,
        model_json: &str,
        df: PyDataFrame,
        reference_year: i32,
        threshold: f64,
    ) -> PyResult<PyDataFrame> {
        let df = df.0;
        let frame = py.detach(|| -> Result<_, CoreError> {
            let model = parse_model(model_json, &self.ds)?;
            let ids = record_ids(&df)?;
            let std = standardise_rows(&df, self.ds.settings.reference(reference_year))?;
            let order: Vec<usize> = (0..ids.len()).collect();
            let generic = generic_values(&df, &self.ds.generic_columns, &order)?;
            let new = self.ds.lookup_records(&std, &borrowed(&generic));
            let index = self.index.get_or_init(|| MatchIndex::new(&self.ds));
            let mut found = index.score(&self.ds, &model, &new);
            found.retain(|f| probability(f.2) >= threshold);
            FrameBuilder::new(found.len())
                .str(
                    "new_record_id",
                    found.iter().map(|f| ids[f.0 as usize].as_str()),
                )
                .str(
                    "record_id",
                    found.iter().map(|f| self.ids[f.1 as usize].as_str()),
                )
                .opt_f64("match_weight", found.iter().map(|f| Some(f.2)))
                .opt_f64(
                    "match_probability",
                    found.iter().map(|f| Some(probability(f.2))),
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
