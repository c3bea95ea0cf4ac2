//! `caselink.datasets.synthetic`: generate in Rust, hand polars frames to Python.
use polars::prelude::*;
use pyo3::prelude::*;
use pyo3_polars::PyDataFrame;
use rayon::prelude::*;

use super::errors::internal;
use super::frame::FrameBuilder;
use crate::errors::CoreError;
use crate::synth::{generate, SynthConfig, SynthData, CORRUPTION_NAMES};

type Builder = fn(&SynthData) -> PolarsResult<DataFrame>;

fn records_frame(d: &SynthData) -> PolarsResult<DataFrame> {
    let r = &d.records;
    FrameBuilder::new(r.len())
        .str("record_id", r.iter().map(|x| x.record_id.as_str()))
        .str("source", r.iter().map(|x| x.source))
        .opt_str(
            "given_name",
            r.iter().map(|x| x.fields.given_name.as_deref()),
        )
        .opt_str(
            "family_name",
            r.iter().map(|x| x.fields.family_name.as_deref()),
        )
        .opt_str("full_name", r.iter().map(|x| x.fields.full_name.as_deref()))
        .opt_str("dob", r.iter().map(|x| x.fields.dob.as_deref()))
        .opt_str(
            "nationality",
            r.iter().map(|x| x.fields.nationality.as_deref()),
        )
        .opt_str("phone", r.iter().map(|x| x.fields.phone.as_deref()))
        .opt_str("gender", r.iter().map(|x| x.fields.gender.as_deref()))
        .opt_str("alias", r.iter().map(|x| x.fields.alias.as_deref()))
        .i64("true_person_id", r.iter().map(|x| x.person_id))
        .finish()
}

fn record_truth_frame(d: &SynthData) -> PolarsResult<DataFrame> {
    let r = &d.records;
    let mut truth = FrameBuilder::new(r.len())
        .str("record_id", r.iter().map(|x| x.record_id.as_str()))
        .i64("person_id", r.iter().map(|x| x.person_id))
        .i64("network_id", r.iter().map(|x| x.network_id));
    let flags: Vec<[bool; 16]> = r.iter().map(|x| x.corruptions.as_array()).collect();
    for (i, name) in CORRUPTION_NAMES.iter().enumerate() {
        truth = truth.bool(name, flags.iter().map(|f| f[i]));
    }
    truth.finish()
}

fn persons_frame(d: &SynthData) -> PolarsResult<DataFrame> {
    let p = &d.persons;
    FrameBuilder::new(p.len())
        .i64("person_id", p.iter().map(|x| x.person_id))
        .i64("network_id", p.iter().map(|x| x.network_id))
        .str("origin", p.iter().map(|x| x.origin))
        .str("gender", p.iter().map(|x| if x.female { "F" } else { "M" }))
        .str("given_name", p.iter().map(|x| x.given_name.as_str()))
        .opt_str("family_name", p.iter().map(|x| x.family_name.as_deref()))
        .date("dob", p.iter().map(|x| x.dob))
        .bool("dob_known", p.iter().map(|x| x.dob_known))
        .str("nationality", p.iter().map(|x| x.nationality))
        .bool("kurdish", p.iter().map(|x| x.kurdish))
        .str("role", p.iter().map(|x| x.role))
        .str("phone", p.iter().map(|x| x.phone.as_str()))
        .opt_str("alias", p.iter().map(|x| x.alias.as_deref()))
        .opt_i64("sibling_group", p.iter().map(|x| x.sibling_group))
        .bool(
            "common_name_placeholder",
            p.iter().map(|x| x.common_name_placeholder),
        )
        .i64("n_records", p.iter().map(|x| x.n_records))
        .finish()
}

fn cases_frame(d: &SynthData) -> PolarsResult<DataFrame> {
    let c = &d.cases;
    FrameBuilder::new(c.len())
        .str("case_id", c.iter().map(|x| x.case_id.as_str()))
        .str("jurisdiction", c.iter().map(|x| x.jurisdiction))
        .str("agency", c.iter().map(|x| x.agency))
        .date("opened", c.iter().map(|x| x.opened))
        .str("case_type", c.iter().map(|x| x.case_type))
        .finish()
}

fn case_truth_frame(d: &SynthData) -> PolarsResult<DataFrame> {
    let c = &d.cases;
    FrameBuilder::new(c.len())
        .str("case_id", c.iter().map(|x| x.case_id.as_str()))
        .i64("network_id", c.iter().map(|x| x.network_id))
        .finish()
}

fn case_subjects_frame(d: &SynthData) -> PolarsResult<DataFrame> {
    let s = &d.case_subjects;
    FrameBuilder::new(s.len())
        .str("case_id", s.iter().map(|x| d.case_id(x.0)))
        .str("record_id", s.iter().map(|x| d.record_id(x.1)))
        .finish()
}

fn case_objects_frame(d: &SynthData) -> PolarsResult<DataFrame> {
    let o = &d.case_objects;
    FrameBuilder::new(o.len())
        .str("case_id", o.iter().map(|x| d.case_id(x.case)))
        .str("object_type", o.iter().map(|x| x.object_type))
        .str("value", o.iter().map(|x| x.value.as_str()))
        .finish()
}

fn object_truth_frame(d: &SynthData) -> PolarsResult<DataFrame> {
    let o = &d.case_objects;
    FrameBuilder::new(o.len())
        .str("case_id", o.iter().map(|x| d.case_id(x.case)))
        .str("object_type", o.iter().map(|x| x.object_type))
        .str("value", o.iter().map(|x| x.value.as_str()))
        .str("object_key", o.iter().map(|x| x.key.as_str()))
        .bool("chance_shared", o.iter().map(|x| x.chance_shared))
        .bool("invalid", o.iter().map(|x| x.invalid))
        .i64("network_id", o.iter().map(|x| x.network_id))
        .finish()
}

fn events_frame(d: &SynthData) -> PolarsResult<DataFrame> {
    let e = &d.events;
    FrameBuilder::new(e.len())
        .i64("event_id", e.iter().map(|x| x.event_id))
        .str("case_id", e.iter().map(|x| d.case_id(x.case)))
        .opt_str(
            "record_id",
            e.iter().map(|x| x.record.map(|r| d.record_id(r))),
        )
        .str("event_type", e.iter().map(|x| x.event_type))
        .date("date", e.iter().map(|x| x.date))
        .opt_f64("quantity", e.iter().map(|x| x.quantity))
        .opt_str("currency", e.iter().map(|x| x.currency))
        .finish()
}

fn prosecutions_frame(d: &SynthData) -> PolarsResult<DataFrame> {
    let q = &d.prosecutions;
    FrameBuilder::new(q.len())
        .str("case_id", q.iter().map(|x| d.case_id(x.case)))
        .str("record_id", q.iter().map(|x| d.record_id(x.record)))
        .i64("person_id", q.iter().map(|x| x.person_id))
        .date("arrested", q.iter().map(|x| x.arrested))
        .str("outcome", q.iter().map(|x| x.outcome))
        .opt_date("concluded", q.iter().map(|x| x.concluded))
        .finish()
}

/// Builds every frame, in parallel (the records and events frames are the big ones).
fn frames(d: &SynthData) -> PolarsResult<Vec<(&'static str, DataFrame)>> {
    let builders: [(&'static str, Builder); 10] = [
        ("records", records_frame),
        ("persons", persons_frame),
        ("cases", cases_frame),
        ("case_subjects", case_subjects_frame),
        ("case_objects", case_objects_frame),
        ("events", events_frame),
        ("truth_records", record_truth_frame),
        ("truth_cases", case_truth_frame),
        ("truth_objects", object_truth_frame),
        ("truth_prosecutions", prosecutions_frame),
    ];
    builders
        .into_par_iter()
        .map(|(name, build)| build(d).map(|df| (name, df)))
        .collect()
}

/// Generates the synthetic data set; returns the frames by name and the config as JSON.
/// `rates_json` overrides some corruption rates (a JSON object).
#[pyfunction]
#[pyo3(signature = (people, seed, rates_json=None))]
pub fn synthetic_frames(
    py: Python<'_>,
    people: usize,
    seed: u64,
    rates_json: Option<&str>,
) -> PyResult<(Vec<(&'static str, PyDataFrame)>, String)> {
    let mut config = SynthConfig::new(people, seed);
    if let Some(json) = rates_json {
        config.override_rates(json)?;
    }
    let (named, json) = py.detach(|| -> Result<_, CoreError> {
        let data = generate(&config)?;
        let named = frames(&data).map_err(internal)?;
        let config = data.config.clone();
        // Freeing millions of strings takes a noticeable share of the call: do it off the
        // caller's path.
        std::thread::spawn(move || drop(data));
        let json =
            serde_json::to_string(&config).map_err(|e| CoreError::Internal(e.to_string()))?;
        Ok((named, json))
    })?;
    Ok((
        named
            .into_iter()
            .map(|(n, df)| (n, PyDataFrame(df)))
            .collect(),
        json,
    ))
}
