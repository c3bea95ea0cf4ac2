//! `caselink.dedupe`: standardise, block, train, score and cluster in one call without the
//! GIL; returns clusters, scored pairs and the blocking report.
use polars::prelude::*;
use pyo3::prelude::*;
use pyo3_polars::PyDataFrame;

use super::errors::internal;
use super::frame::FrameBuilder;
use super::standardise::{standardise_rows, standardised_frame};
use crate::errors::CoreError;
use crate::link::levels::{COMPARISONS, LEVELS, NULL};
use crate::link::{dedupe, DedupeOptions};

type Frames = (PyDataFrame, PyDataFrame, PyDataFrame, PyDataFrame, String);

/// `df` is the prepared frame of `standardise`; record ids are read as strings.
#[pyfunction]
#[pyo3(signature = (df, reference_year, threshold, seed))]
pub fn dedupe_frame(
    py: Python<'_>,
    df: PyDataFrame,
    reference_year: i32,
    threshold: f64,
    seed: u64,
) -> PyResult<Frames> {
    if !(0.0..=1.0).contains(&threshold) {
        return Err(CoreError::InvalidInput(format!(
            "threshold must be a probability in [0, 1], got {threshold}"
        ))
        .into());
    }
    let df = df.0;
    let out = py.detach(|| -> Result<_, CoreError> {
        let ids_col = df
            .column("record_id")
            .map_err(|_| CoreError::ColumnNotFound {
                column: "record_id".into(),
                hint: "every record needs an id".into(),
            })?
            .cast(&DataType::String)
            .map_err(internal)?;
        let ids: Vec<String> = ids_col
            .str()
            .map_err(internal)?
            .iter()
            .map(|s| s.unwrap_or("").to_string())
            .collect();
        let std = standardise_rows(&df, reference_year)?;
        let options = DedupeOptions {
            threshold,
            seed,
            ..Default::default()
        };
        // Link in record-id order, so the result depends on the records, not their order.
        let mut order: Vec<usize> = (0..ids.len()).collect();
        order.sort_by(|&a, &b| ids[a].cmp(&ids[b]));
        let sorted_std: Vec<_> = order.iter().map(|&i| std[i].clone()).collect();
        let sorted_ids: Vec<&str> = order.iter().map(|&i| ids[i].as_str()).collect();
        let result = dedupe(&sorted_std, &options);
        let recs = &result.records;

        // Labels are the smallest member index in id order: the entity id is that member's
        // record id, the smallest of the entity.
        let mut entity = vec![""; ids.len()];
        for (k, &label) in result.labels.iter().enumerate() {
            entity[order[k]] = sorted_ids[label as usize];
        }
        let clusters = FrameBuilder::new(ids.len())
            .column(ids_col.clone())
            .str("entity_id", entity.iter().copied())
            .finish()
            .map_err(internal)?;

        let p = &result.pairs;
        let lv = &result.levels;
        let weights: Vec<[f64; 5]> = p
            .iter()
            .zip(lv)
            .map(|(&(i, j, _), l)| {
                result
                    .model
                    .weights(&recs[i as usize], &recs[j as usize], l)
            })
            .collect();
        let mut pairs = FrameBuilder::new(p.len())
            .str(
                "record_id_l",
                p.iter().map(|&(i, _, _)| sorted_ids[i as usize]),
            )
            .str(
                "record_id_r",
                p.iter().map(|&(_, j, _)| sorted_ids[j as usize]),
            )
            .opt_f64(
                "match_weight",
                weights
                    .iter()
                    .map(|w| Some(result.model.prior_bits() + w.iter().sum::<f64>())),
            )
            .opt_f64(
                "match_probability",
                p.iter().map(|&(_, _, prob)| Some(prob)),
            );
        for (c, name) in COMPARISONS.iter().enumerate() {
            pairs = pairs
                .opt_str(
                    &format!("{name}_level"),
                    lv.iter()
                        .map(|l| (l[c] != NULL).then(|| LEVELS[c][l[c] as usize])),
                )
                .opt_f64(
                    &format!("{name}_weight"),
                    weights.iter().map(|w| Some(w[c])),
                );
        }
        let pairs = pairs.finish().map_err(internal)?;

        let b = &result.blocking;
        let blocking = FrameBuilder::new(b.len())
            .str("rule", b.iter().map(|r| r.rule))
            .i64("pairs", b.iter().map(|r| r.pairs as i64))
            .i64("new_pairs", b.iter().map(|r| r.new_pairs as i64))
            .i64(
                "skipped_blocks",
                b.iter().map(|r| r.skipped_blocks.len() as i64),
            )
            .i64(
                "skipped_pairs",
                b.iter()
                    .map(|r| r.skipped_blocks.iter().map(|s| s.1 as i64).sum()),
            )
            .finish()
            .map_err(internal)?;
        let model =
            serde_json::to_string(&result.model).map_err(|e| CoreError::Internal(e.to_string()))?;
        let standardised = standardised_frame(&df, &std)?;
        Ok((clusters, pairs, blocking, standardised, model))
    })?;
    let (clusters, pairs, blocking, standardised, model) = out;
    Ok((
        PyDataFrame(clusters),
        PyDataFrame(pairs),
        PyDataFrame(blocking),
        PyDataFrame(standardised),
        model,
    ))
}
