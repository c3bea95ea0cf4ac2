//! `summarise_entities`: the `Resolution.entities` frame from clusters and the
//! standardised records.
use polars::prelude::*;
use pyo3::prelude::*;
use pyo3_polars::PyDataFrame;

use super::columns::{self, optional_text, series_text, text, Kind};
use super::errors::internal;
use super::frame::FrameBuilder;
use super::interrupt::interruptible;
use crate::errors::CoreError;
use crate::link::entities::{summarise_by_id, EntitySummary, RecordValues};

const HINT: &str = "pass Resolution.clusters and Resolution.standardised";

fn read(df: &DataFrame, name: &str, frame: &str) -> Result<StringChunked, CoreError> {
    text(df, name, Kind::Text, &format!("{frame} needs it ({HINT})"))
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
    let entity_ids = text(
        clusters,
        "entity_id",
        Kind::Value,
        &format!("clusters needs it ({HINT})"),
    )?;
    let std_frame = "the standardised records";
    let names = read(std, "full_name_norm", std_frame)?;
    let nationalities = read(std, "nationality", std_frame)?;
    let dobs = std
        .column("dob")
        .map_err(|_| columns::missing("dob", &format!("{std_frame} needs it ({HINT})")))?
        .cast(&DataType::Int32)
        .map_err(internal)?;
    let dobs = dobs.i32().map_err(internal)?;
    let phones = std
        .column("phones")
        .map_err(|_| columns::missing("phones", &format!("{std_frame} needs it ({HINT})")))?
        .list()
        .map_err(internal)?
        .rechunk();
    let phone_text = series_text(&phones.get_inner(), "phones", Kind::Text)?;
    let sources = optional_text(std, "source", Kind::Value)?;
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
    let ids: Vec<Option<&str>> = entity_ids.iter().collect();
    let (out, ids) = summarise_by_id(&ids, &values);
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
