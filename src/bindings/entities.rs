//! `summarise_entities`: the `Resolution.entities` frame from clusters and the
//! standardised records.
use std::collections::HashMap;

use polars::prelude::*;
use pyo3::prelude::*;
use pyo3_polars::PyDataFrame;

use super::errors::internal;
use super::frame::FrameBuilder;
use super::interrupt::interruptible;
use crate::errors::CoreError;
use crate::link::entities::{summarise, EntitySummary, RecordValues};

fn column<'a>(df: &'a DataFrame, name: &str, frame: &str) -> Result<&'a Column, CoreError> {
    df.column(name).map_err(|_| CoreError::ColumnNotFound {
        column: name.into(),
        hint: format!("{frame} needs it (pass Resolution.clusters and Resolution.standardised)"),
    })
}

fn as_text(col: &Column) -> Result<StringChunked, CoreError> {
    let cast = col.cast(&DataType::String).map_err(|_| CoreError::Schema {
        column: col.name().to_string(),
        found: col.dtype().to_string(),
        expected: "text".into(),
    })?;
    Ok(cast.str().map_err(internal)?.clone())
}

/// One row per entity (entity_id, records, name, name_variants, dobs, nationalities,
/// phones and, when the records have one, sources), most records first, then by id.
/// `clusters` (record_id, entity_id) and `standardised` have one row per record, in the
/// same order.
#[pyfunction]
pub fn summarise_entities(
    py: Python<'_>,
    clusters: PyDataFrame,
    standardised: PyDataFrame,
) -> PyResult<PyDataFrame> {
    let (clusters, std) = (clusters.0, standardised.0);
    let frame = interruptible(py, move || entities_frame(&clusters, &std))??;
    Ok(PyDataFrame(frame))
}

fn entities_frame(clusters: &DataFrame, std: &DataFrame) -> Result<DataFrame, CoreError> {
    if clusters.height() != std.height() {
        return Err(CoreError::InvalidInput(format!(
            "clusters has {} rows and the standardised records {}; they must be the same \
             records in the same order",
            clusters.height(),
            std.height()
        )));
    }
    let entity_ids = as_text(column(clusters, "entity_id", "clusters")?)?;
    let names = as_text(column(std, "full_name_norm", "the standardised records")?)?;
    let nationalities = as_text(column(std, "nationality", "the standardised records")?)?;
    let dobs = column(std, "dob", "the standardised records")?
        .cast(&DataType::Int32)
        .map_err(internal)?;
    let dobs = dobs.i32().map_err(internal)?;
    let phones = column(std, "phones", "the standardised records")?
        .list()
        .map_err(internal)?
        .rechunk();
    let phone_text = as_text(&phones.get_inner().into_column())?;
    let sources = match std.column("source") {
        Ok(col) => Some(as_text(col)?),
        Err(_) => None,
    };

    // Entity ids to dense indices, in first-seen order.
    let mut index: HashMap<&str, u32> = HashMap::new();
    let mut ids: Vec<&str> = Vec::new();
    let entity_of: Vec<u32> = entity_ids
        .iter()
        .map(|id| {
            let id = id.unwrap_or("");
            *index.entry(id).or_insert_with(|| {
                ids.push(id);
                ids.len() as u32 - 1
            })
        })
        .collect();
    let values = RecordValues {
        names: names.iter().collect(),
        dobs: dobs.iter().collect(),
        nationalities: nationalities.iter().collect(),
        phone_offsets: phones
            .downcast_as_array()
            .offsets()
            .iter()
            .map(|&o| o as usize)
            .collect(),
        phone_values: phone_text.iter().collect(),
        sources: sources.as_ref().map(|s| s.iter().collect()),
    };
    let mut out = summarise(&entity_of, ids.len(), &values);
    out.sort_unstable_by(|a, b| {
        b.records
            .cmp(&a.records)
            .then_with(|| ids[a.entity as usize].cmp(ids[b.entity as usize]))
    });
    build(&out, &ids, sources.is_some()).map_err(internal)
}

fn build(out: &[EntitySummary<'_>], ids: &[&str], with_sources: bool) -> PolarsResult<DataFrame> {
    let n = out.len();
    let mut dobs =
        ListPrimitiveChunkedBuilder::<Int32Type>::new("dobs".into(), n, n, DataType::Int32);
    for e in out {
        dobs.append_slice(&e.dobs);
    }
    let records: Vec<u32> = out.iter().map(|e| e.records).collect();
    let mut frame = FrameBuilder::new(n)
        .str("entity_id", out.iter().map(|e| ids[e.entity as usize]))
        .column(Column::new("records".into(), records))
        .opt_str("name", out.iter().map(|e| e.name))
        .str_list(
            "name_variants",
            out.iter().map(|e| e.name_variants.as_slice()),
        )
        .column(
            dobs.finish()
                .into_column()
                .cast(&DataType::List(Box::new(DataType::Date)))?,
        )
        .str_list(
            "nationalities",
            out.iter().map(|e| e.nationalities.as_slice()),
        )
        .str_list("phones", out.iter().map(|e| e.phones.as_slice()));
    if with_sources {
        // Sources keep a missing source as null: the only list here that can hold one.
        let mut sources = ListStringChunkedBuilder::new("sources".into(), n, n);
        for e in out {
            sources.append_trusted_len_iter(e.sources.iter().copied());
        }
        frame = frame.column(sources.finish().into_column());
    }
    frame.finish()
}
