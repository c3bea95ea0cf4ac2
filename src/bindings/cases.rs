//! Case networks: frames in, the core's links and decisions out, without the GIL.
use std::collections::HashMap;

use polars::prelude::*;
use pyo3::prelude::*;
use pyo3_polars::PyDataFrame;

use super::errors::internal;
use super::frame::FrameBuilder;
use crate::cases::chain::strongest_chain;
use crate::cases::networks::Decision;
use crate::cases::{link_cases, CaseLinks, CaseRules, CaseTables};
use crate::errors::CoreError;

/// A text column (the Python layer casts), or a typed error naming it.
fn text<'a>(df: &'a DataFrame, table: &str, name: &str) -> Result<Vec<Option<&'a str>>, CoreError> {
    let col = df.column(name).map_err(|_| CoreError::ColumnNotFound {
        column: name.into(),
        hint: format!("{table} needs it"),
    })?;
    let values = col.str().map_err(|_| CoreError::Schema {
        column: name.into(),
        found: col.dtype().to_string(),
        expected: "text".into(),
    })?;
    Ok(values.iter().collect())
}

fn confidence(df: &DataFrame) -> Result<Vec<Option<f64>>, CoreError> {
    let col = df
        .column("confidence")
        .map_err(|_| CoreError::ColumnNotFound {
            column: "confidence".into(),
            hint: "case_subjects needs it".into(),
        })?;
    let values = col.f64().map_err(|_| CoreError::Schema {
        column: "confidence".into(),
        found: col.dtype().to_string(),
        expected: "f64".into(),
    })?;
    Ok(values.iter().collect())
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
        let case_id: Vec<&str> = text(&cases, "cases", "case_id")?
            .into_iter()
            .map(Option::unwrap_or_default)
            .collect();
        let tables = CaseTables {
            jurisdiction: text(&cases, "cases", "jurisdiction")?,
            subject_case: text(&subjects, "case_subjects", "case_id")?,
            subject_record: text(&subjects, "case_subjects", "record_id")?,
            subject_entity: text(&subjects, "case_subjects", "entity_id")?,
            subject_confidence: confidence(&subjects)?,
            object_case: text(&objects, "case_objects", "case_id")?,
            object_type: text(&objects, "case_objects", "object_type")?,
            object_value: text(&objects, "case_objects", "value")?,
            case_id,
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
        let a = text(&links, "links", "case_a")?;
        let b = text(&links, "links", "case_b")?;
        let col = links.column("strength").map_err(internal)?;
        let strength: Vec<f64> = col
            .f64()
            .map_err(internal)?
            .iter()
            .map(|s| s.unwrap_or(0.0))
            .collect();
        let mut ids: HashMap<&str, u32> = HashMap::new();
        let mut edges: Vec<(u32, u32, f64)> = Vec::with_capacity(a.len());
        for i in 0..a.len() {
            let mut ends = [0u32; 2];
            for (slot, s) in ends.iter_mut().zip([a[i], b[i]]) {
                let next = ids.len() as u32;
                *slot = *ids.entry(s.unwrap_or_default()).or_insert(next);
            }
            edges.push((ends[0], ends[1], strength[i]));
        }
        let (Some(&f), Some(&t)) = (ids.get(source), ids.get(target)) else {
            return Ok(None);
        };
        Ok(strongest_chain(&edges, f, t).map(|p| p.into_iter().map(|i| i as u32).collect()))
    })?;
    Ok(result)
}
