//! Linking cases across jurisdictions into networks: shared person entities and shared
//! objects (phones, boats, engines, vehicles, accounts) are the evidence; hubs are held
//! back; every link and every decision is kept so the chain between two cases can be
//! shown.
//!
//! Input is column-oriented and borrowed (the bindings hand over polars columns); output
//! is plain vectors the bindings turn into frames.

pub mod chain;
pub mod networks;
pub mod objects;

use std::collections::HashMap;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::encode::row_index;
use crate::errors::{CoreError, Result};
use crate::standardise::quote;
use networks::{group_cases, strength, Decision, GroupingRules, Item};
use objects::{normalise_object, NormalisedObject, Status};

/// The evidence kind of a shared person entity.
pub const PERSON: &str = "person";

/// How much sharing one item of a kind says that two cases belong to one network, before
/// rarity and confidence. A hull number or an account is hard to share by chance; a
/// vehicle plate is easier to mistype or to see in unrelated stops.
pub const DEFAULT_WEIGHTS: [(&str, f64); 6] = [
    (PERSON, 1.0),
    ("boat", 0.95),
    ("iban", 0.95),
    ("engine", 0.9),
    ("phone", 0.85),
    ("vehicle", 0.75),
];

/// Weight of object kinds not in the table.
pub const OTHER_WEIGHT: f64 = 0.7;

/// The rules of `link_cases`, as plain data (JSON through serde).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CaseRules {
    /// Kinds of evidence used (`person` and object types); `None`: all.
    pub evidence: Option<Vec<String>>,
    /// Weight per kind, overriding `DEFAULT_WEIGHTS`.
    pub weights: HashMap<String, f64>,
    pub hub_min_groups: Option<usize>,
    pub max_item_cases: usize,
    pub min_strength: f64,
    pub min_confidence: f64,
}

impl Default for CaseRules {
    fn default() -> Self {
        let g = GroupingRules::default();
        CaseRules {
            evidence: None,
            weights: HashMap::new(),
            hub_min_groups: g.hub_min_groups,
            max_item_cases: g.max_item_cases,
            min_strength: g.min_strength,
            min_confidence: g.min_confidence,
        }
    }
}

impl CaseRules {
    pub fn from_json(text: &str) -> Result<Self> {
        let rules: CaseRules = serde_json::from_str(text)
            .map_err(|e| CoreError::InvalidInput(format!("case-linking rules: {e}")))?;
        rules.check()?;
        Ok(rules)
    }

    fn check(&self) -> Result<()> {
        for (kind, w) in &self.weights {
            if !(0.0..=1.0).contains(w) {
                return Err(CoreError::InvalidInput(format!(
                    "weight of '{kind}' must be in [0, 1], got {w}"
                )));
            }
        }
        for (name, value) in [
            ("min_strength", self.min_strength),
            ("min_confidence", self.min_confidence),
        ] {
            if !(0.0..=1.0).contains(&value) {
                return Err(CoreError::InvalidInput(format!(
                    "{name} must be in [0, 1], got {value}"
                )));
            }
        }
        if self.max_item_cases < 2 {
            return Err(CoreError::InvalidInput(format!(
                "max_item_cases must be at least 2, got {}",
                self.max_item_cases
            )));
        }
        Ok(())
    }

    fn weight(&self, kind: &str) -> f64 {
        self.weights.get(kind).copied().unwrap_or_else(|| {
            DEFAULT_WEIGHTS
                .iter()
                .find(|(k, _)| *k == kind)
                .map_or(OTHER_WEIGHT, |(_, w)| *w)
        })
    }

    fn uses(&self, kind: &str) -> bool {
        self.evidence
            .as_ref()
            .is_none_or(|kinds| kinds.iter().any(|k| k == kind))
    }

    fn grouping(&self) -> GroupingRules {
        GroupingRules {
            hub_min_groups: self.hub_min_groups,
            max_item_cases: self.max_item_cases,
            min_strength: self.min_strength,
            min_confidence: self.min_confidence,
        }
    }
}

/// The three input tables, column by column. Case ids are unique and non-null (the
/// Python layer checks); everything else may be null or dangling and is reported.
pub struct CaseTables<'a> {
    pub case_id: Vec<&'a str>,
    pub jurisdiction: Vec<Option<&'a str>>,
    pub subject_case: Vec<Option<&'a str>>,
    pub subject_record: Vec<Option<&'a str>>,
    /// The record's entity; `None` when the record is unknown to the entities given (it
    /// then stands for a person of its own, and is reported).
    pub subject_entity: Vec<Option<&'a str>>,
    /// How sure the resolution is that the record belongs to its entity (1 if alone).
    pub subject_confidence: Vec<Option<f64>>,
    pub object_case: Vec<Option<&'a str>>,
    pub object_type: Vec<Option<&'a str>>,
    pub object_value: Vec<Option<&'a str>>,
}

/// A row-level problem: which table, which row, which id, what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    pub table: &'static str,
    pub row: u32,
    pub id: Option<String>,
    pub problem: String,
}

/// One evidence item: an entity or an object key, and the cases it touches.
#[derive(Debug, Clone)]
pub struct Evidence {
    pub kind: String,
    pub key: String,
    pub cases: Vec<u32>,
    pub confidence: f64,
    pub strength: f64,
    pub decision: Decision,
}

/// One case pair linked by one evidence item (`a < b` as case indices).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Link {
    pub a: u32,
    pub b: u32,
    pub evidence: u32,
}

pub struct CaseLinks {
    /// Network of each case: the index of its smallest case id.
    pub network: Vec<u32>,
    pub objects: Vec<NormalisedObject>,
    pub evidence: Vec<Evidence>,
    pub links: Vec<Link>,
    pub issues: Vec<Issue>,
}

fn issue(table: &'static str, row: usize, id: Option<&str>, problem: String) -> Issue {
    Issue {
        table,
        row: row as u32,
        id: id.map(str::to_string),
        problem,
    }
}

/// Accumulates the cases of each evidence key, borrowing kinds and keys from the input.
#[derive(Default)]
struct ItemIndex<'a> {
    slot: HashMap<(&'a str, &'a str), usize>,
    items: Vec<(&'a str, &'a str, Vec<u32>, f64)>,
}

impl<'a> ItemIndex<'a> {
    fn add(&mut self, kind: &'a str, key: &'a str, case: u32, confidence: f64) {
        let next = self.items.len();
        let at = *self.slot.entry((kind, key)).or_insert(next);
        if at == next {
            self.items.push((kind, key, Vec::new(), 1.0));
        }
        let item = &mut self.items[at];
        item.2.push(case);
        item.3 = item.3.min(confidence);
    }
}

/// Links cases into networks. See `networks` for the rules.
pub fn link_cases(tables: &CaseTables<'_>, rules: &CaseRules) -> Result<CaseLinks> {
    rules.check()?;
    let n_cases = tables.case_id.len();
    let case_index = row_index(tables.case_id.iter().copied())
        .map_err(|_| CoreError::InvalidInput("cases: case_id must be unique".to_string()))?;
    let mut issues = Vec::new();
    let mut index = ItemIndex::default();

    // Person entities. One record in several cases is certain; several records of one
    // entity are as sure as the least sure of them.
    let mut entity_records: HashMap<&str, Vec<&str>> = HashMap::new();
    for row in 0..tables.subject_case.len() {
        let case_id = tables.subject_case[row];
        let Some(&case) = case_id.and_then(|c| case_index.get(c)) else {
            let problem = match case_id {
                Some(c) => format!("case_id '{c}' is not in cases; subject not linked"),
                None => "case_id is null; subject not linked".to_string(),
            };
            issues.push(issue("case_subjects", row, case_id, problem));
            continue;
        };
        let Some(record) = tables.subject_record[row] else {
            let problem = "record_id is null; subject not linked".to_string();
            issues.push(issue("case_subjects", row, case_id, problem));
            continue;
        };
        let entity = match tables.subject_entity[row] {
            Some(e) => e,
            None => {
                let problem = format!(
                    "record_id '{record}' is not in the entities given; counted as a person of its own"
                );
                issues.push(issue("case_subjects", row, Some(record), problem));
                record
            }
        };
        if !rules.uses(PERSON) {
            continue;
        }
        let confidence = tables.subject_confidence[row]
            .unwrap_or(1.0)
            .clamp(0.0, 1.0);
        index.add(PERSON, entity, case, confidence);
        let records = entity_records.entry(entity).or_default();
        if !records.contains(&record) {
            records.push(record);
        }
    }
    for item in &mut index.items {
        if entity_records.get(item.1).is_some_and(|r| r.len() < 2) {
            item.3 = 1.0;
        }
    }

    // Objects, normalised in parallel.
    let objects: Vec<NormalisedObject> = (0..tables.object_case.len())
        .into_par_iter()
        .map(|row| {
            let case = tables.object_case[row].and_then(|c| case_index.get(c));
            let jurisdiction = case.and_then(|&c| tables.jurisdiction[c as usize]);
            let kind = tables.object_type[row].unwrap_or("");
            normalise_object(kind, tables.object_value[row], jurisdiction)
        })
        .collect();
    for (row, object) in objects.iter().enumerate() {
        let case_id = tables.object_case[row];
        let Some(&case) = case_id.and_then(|c| case_index.get(c)) else {
            let problem = match case_id {
                Some(c) => format!("case_id '{c}' is not in cases; object not linked"),
                None => "case_id is null; object not linked".to_string(),
            };
            issues.push(issue("case_objects", row, case_id, problem));
            continue;
        };
        let Some(kind) = tables.object_type[row].filter(|k| !k.trim().is_empty()) else {
            let problem = "object_type is null; object not linked".to_string();
            issues.push(issue("case_objects", row, case_id, problem));
            continue;
        };
        if object.status != Status::Valid {
            let problem = object.reason.clone().unwrap_or_default();
            // The value as written, shortened: a 10 MB cell must not flood the issues.
            let written = tables.object_value[row].map(quote);
            issues.push(issue("case_objects", row, written.as_deref(), problem));
        }
        if let Some(key) = &object.key {
            if rules.uses(kind) {
                index.add(kind, key, case, 1.0);
            }
        }
    }

    // Items, case lists made distinct; evidence decided; links listed.
    let items: Vec<Item> = index
        .items
        .iter_mut()
        .map(|(kind, _, cases, confidence)| {
            cases.sort_unstable();
            cases.dedup();
            Item {
                weight: rules.weight(kind),
                confidence: *confidence,
                cases: cases.clone(),
            }
        })
        .collect();
    let grouping = group_cases(n_cases, &items, &rules.grouping());
    let mut links = Vec::new();
    let evidence: Vec<Evidence> = index
        .items
        .into_iter()
        .zip(&items)
        .zip(&grouping.decisions)
        .enumerate()
        .map(|(e, (((kind, key, cases, confidence), item), &decision))| {
            if cases.len() <= rules.max_item_cases {
                for (i, &a) in cases.iter().enumerate() {
                    for &b in &cases[i + 1..] {
                        links.push(Link {
                            a,
                            b,
                            evidence: e as u32,
                        });
                    }
                }
            }
            Evidence {
                kind: kind.to_string(),
                key: key.to_string(),
                cases,
                confidence,
                strength: strength(item, n_cases),
                decision,
            }
        })
        .collect();

    // Labels: the smallest case id of each network, whatever the row order.
    let mut smallest: HashMap<u32, u32> = HashMap::new();
    for (case, &root) in grouping.network.iter().enumerate() {
        let best = smallest.entry(root).or_insert(case as u32);
        if tables.case_id[case] < tables.case_id[*best as usize] {
            *best = case as u32;
        }
    }
    let network = grouping.network.iter().map(|r| smallest[r]).collect();
    Ok(CaseLinks {
        network,
        objects,
        evidence,
        links,
        issues,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables<'a>(
        cases: &[(&'a str, &'a str)],
        subjects: &[(&'a str, &'a str, &'a str)],
        objects: &[(&'a str, &'a str, &'a str)],
    ) -> CaseTables<'a> {
        CaseTables {
            case_id: cases.iter().map(|c| c.0).collect(),
            jurisdiction: cases.iter().map(|c| Some(c.1)).collect(),
            subject_case: subjects.iter().map(|s| Some(s.0)).collect(),
            subject_record: subjects.iter().map(|s| Some(s.1)).collect(),
            subject_entity: subjects.iter().map(|s| Some(s.2)).collect(),
            subject_confidence: subjects.iter().map(|_| Some(1.0)).collect(),
            object_case: objects.iter().map(|o| Some(o.0)).collect(),
            object_type: objects.iter().map(|o| Some(o.1)).collect(),
            object_value: objects.iter().map(|o| Some(o.2)).collect(),
        }
    }

    #[test]
    fn people_and_objects_link_cases_across_jurisdictions() {
        let t = tables(
            &[
                ("fr-1", "FR"),
                ("uk-1", "UK"),
                ("de-1", "DE"),
                ("nl-1", "NL"),
            ],
            &[("fr-1", "r1", "p1"), ("uk-1", "r2", "p1")],
            // The same French mobile written the French and the British way.
            &[
                ("uk-1", "phone", "+33 6 12 34 56 78"),
                ("de-1", "phone", "0033612345678"),
                ("nl-1", "engine", "000000"),
            ],
        );
        let out = link_cases(&t, &CaseRules::default()).unwrap();
        assert_eq!(out.network, vec![2, 2, 2, 3]); // "de-1" is the smallest id
        assert_eq!(out.links.len(), 2);
        assert_eq!(out.issues.len(), 1);
        assert!(out.issues[0].problem.contains("placeholder"));
    }

    #[test]
    fn dangling_references_are_reported_not_dropped_silently() {
        let mut t = tables(
            &[("c1", "FR")],
            &[("c9", "r1", "p1")],
            &[("c8", "boat", "FRABC12345D818")],
        );
        t.subject_entity[0] = None;
        let out = link_cases(&t, &CaseRules::default()).unwrap();
        let tables: Vec<&str> = out.issues.iter().map(|i| i.table).collect();
        assert_eq!(tables, vec!["case_subjects", "case_objects"]);
        assert_eq!(out.objects.len(), 1);
        assert_eq!(out.network, vec![0]);
    }

    #[test]
    fn evidence_kinds_can_be_switched_off() {
        let t = tables(
            &[("a", "FR"), ("b", "FR")],
            &[("a", "r1", "p1"), ("b", "r2", "p1")],
            &[],
        );
        let rules = CaseRules {
            evidence: Some(vec!["phone".into()]),
            ..CaseRules::default()
        };
        assert_eq!(link_cases(&t, &rules).unwrap().network, vec![0, 1]);
        assert_eq!(
            link_cases(&t, &CaseRules::default()).unwrap().network,
            vec![0, 0]
        );
    }

    #[test]
    fn person_confidence_is_the_least_sure_record() {
        let mut t = tables(
            &[("a", "FR"), ("b", "UK"), ("c", "DE")],
            &[
                ("a", "r1", "p1"),
                ("b", "r2", "p1"),
                ("c", "r9", "p2"),
                ("a", "r9", "p2"),
            ],
            &[],
        );
        t.subject_confidence[1] = Some(0.3);
        let out = link_cases(&t, &CaseRules::default()).unwrap();
        // p1 (0.3) is too unsure to merge; p2 is one record in two cases: certain.
        assert_eq!(out.network, vec![0, 1, 0]);
    }

    #[test]
    fn rules_round_trip_and_reject_nonsense() {
        let rules = CaseRules::default();
        let json = serde_json::to_string(&rules).unwrap();
        assert_eq!(CaseRules::from_json(&json).unwrap(), rules);
        assert!(CaseRules::from_json(r#"{"min_strength": 2}"#).is_err());
        assert!(CaseRules::from_json(r#"{"hub_groups": 2}"#).is_err());
    }
}
