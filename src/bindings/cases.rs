//! Case networks: frames in, the core's links and decisions out, without the GIL.
use polars::prelude::*;
use pyo3::prelude::*;
use pyo3_polars::PyDataFrame;

use super::columns::{self, text, Kind};
use super::errors::internal;
use super::frame::FrameBuilder;
use crate::cases::chain::strongest_chain_by_id;
use crate::cases::networks::Decision;
use crate::cases::{link_cases, CaseLinks, CaseRules, CaseTables};
use crate::errors::CoreError;

fn read(df: &DataFrame, table: &str, name: &str) -> Result<StringChunked, CoreError> {
    text(df, name, Kind::Text, &format!("{table} needs it"))
}

fn frames(out: &CaseLinks, case_ids: &[&str]) -> Result<Vec<DataFrame>, CoreError> {
    let network_id: Vec<String> = out
        .network
        .iter()
        .map(|&n| format!("NET-{}", case_ids[n as usize]))
        .collect();
    let cases = FrameBuilder::new(case_ids.len())
        .str("case_id", case_ids.iter().copied())
        .str("network_id", network_id.iter().map(String::as_str))
        .finish()
        .map_err(internal)?;

    let objects = FrameBuilder::new(out.objects.len())
        .opt_str("object_key", out.objects.iter().map(|o| o.key.as_deref()))
        .str("status", out.objects.iter().map(|o| o.status.as_str()))
        .opt_str("problem", out.objects.iter().map(|o| o.reason.as_deref()))
        .finish()
        .map_err(internal)?;

    let ev = &out.evidence;
    let case_lists: Vec<Vec<String>> = ev
        .iter()
        .map(|e| {
            e.cases
                .iter()
                .map(|&c| case_ids[c as usize].to_string())
                .collect()
        })
        .collect();
    let evidence = FrameBuilder::new(ev.len())
        .str("evidence_type", ev.iter().map(|e| e.kind.as_str()))
        .str("evidence", ev.iter().map(|e| e.key.as_str()))
        .i64("n_cases", ev.iter().map(|e| e.cases.len() as i64))
        .opt_f64("confidence", ev.iter().map(|e| Some(e.confidence)))
        .opt_f64("strength", ev.iter().map(|e| Some(e.strength)))
        .str("decision", ev.iter().map(|e| e.decision.as_str()))
        .opt_i64(
            "separate_groups",
            ev.iter().map(|e| match e.decision {
                Decision::Hub(groups) => Some(groups as i64),
                _ => None,
            }),
        )
        .str_list("cases", case_lists.iter().map(Vec::as_slice))
        .finish()
        .map_err(internal)?;

    let links = &out.links;
    let item = |l: &crate::cases::Link| &ev[l.evidence as usize];
    let ordered = |l: &crate::cases::Link| {
        let (a, b) = (case_ids[l.a as usize], case_ids[l.b as usize]);
        if a <= b {
            (a, b)
        } else {
            (b, a)
        }
    };
    let links = FrameBuilder::new(links.len())
        .str("case_a", links.iter().map(|l| ordered(l).0))
        .str("case_b", links.iter().map(|l| ordered(l).1))
        .str("evidence_type", links.iter().map(|l| item(l).kind.as_str()))
        .str("evidence", links.iter().map(|l| item(l).key.as_str()))
        .opt_f64("strength", links.iter().map(|l| Some(item(l).strength)))
        .bool(
            "used",
            links.iter().map(|l| item(l).decision == Decision::Used),
        )
        .finish()
        .map_err(internal)?;

    let is = &out.issues;
    let issues = FrameBuilder::new(is.len())
        .str("table", is.iter().map(|i| i.table))
        .i64("row", is.iter().map(|i| i64::from(i.row)))
        .opt_str("id", is.iter().map(|i| i.id.as_deref()))
        .str("problem", is.iter().map(|i| i.problem.as_str()))
        .finish()
        .map_err(internal)?;
    Ok(vec![cases, objects, evidence, links, issues])
}

/// Links cases into networks. Frames (text columns): `cases` (case_id, jurisdiction),
/// `subjects` (case_id, record_id, entity_id, confidence as f64), `objects` (case_id,
/// object_type, value). Returns cases (case_id, network_id), objects (aligned with the
/// input rows), evidence, links and issues.
#[pyfunction]
pub fn case_networks(
    py: Python<'_>,
    cases: PyDataFrame,
    subjects: PyDataFrame,
    objects: PyDataFrame,
    rules_json: &str,
) -> PyResult<Vec<PyDataFrame>> {
    let (cases, subjects, objects) = (cases.0, subjects.0, objects.0);
    let rules = CaseRules::from_json(rules_json)?;
    let result = py.detach(|| -> Result<Vec<DataFrame>, CoreError> {
        let case_id = read(&cases, "cases", "case_id")?;
        let jurisdiction = read(&cases, "cases", "jurisdiction")?;
        let subject_case = read(&subjects, "case_subjects", "case_id")?;
        let subject_record = read(&subjects, "case_subjects", "record_id")?;
        let subject_entity = read(&subjects, "case_subjects", "entity_id")?;
        let confidence = columns::floats(&subjects, "confidence", "case_subjects needs it")?;
        let object_case = read(&objects, "case_objects", "case_id")?;
        let object_type = read(&objects, "case_objects", "object_type")?;
        let object_value = read(&objects, "case_objects", "value")?;
        let tables = CaseTables {
            jurisdiction: jurisdiction.iter().collect(),
            subject_case: subject_case.iter().collect(),
            subject_record: subject_record.iter().collect(),
            subject_entity: subject_entity.iter().collect(),
            subject_confidence: confidence.iter().collect(),
            object_case: object_case.iter().collect(),
            object_type: object_type.iter().collect(),
            object_value: object_value.iter().collect(),
            case_id: case_id.iter().map(Option::unwrap_or_default).collect(),
        };
        let out = link_cases(&tables, &rules)?;
        frames(&out, &tables.case_id)
    })?;
    Ok(result.into_iter().map(PyDataFrame).collect())
}

/// Row numbers of `links` (case_a, case_b, strength) forming the strongest chain from
/// `source` to `target`; `None` when no chain exists.
#[pyfunction]
pub fn case_chain(
    py: Python<'_>,
    links: PyDataFrame,
    source: &str,
    target: &str,
) -> PyResult<Option<Vec<u32>>> {
    let links = links.0;
    let result = py.detach(|| -> Result<Option<Vec<u32>>, CoreError> {
        let a = read(&links, "links", "case_a")?;
        let b = read(&links, "links", "case_b")?;
        let strength = columns::floats(&links, "strength", "links needs it")?;
        let (a, b): (Vec<_>, Vec<_>) = (a.iter().collect(), b.iter().collect());
        let strength: Vec<Option<f64>> = strength.iter().collect();
        Ok(strongest_chain_by_id(&a, &b, &strength, source, target))
    })?;
    Ok(result)
}
