//! Case networks on synthetic data, pure Rust, with true person entities:
//! `cargo run --release --example time_cases -- 5000`. Prints B-cubed F1 against the true
//! networks for the default rules, plain connected components and each evidence kind left
//! out, and the time of each run.
use std::time::Instant;

use _core::cases::{link_cases, CaseRules, CaseTables};
use _core::link::evaluate::evaluate;
use _core::synth::{generate, SynthConfig};

fn main() {
    let people: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(5_000);
    let data = generate(&SynthConfig::new(people, 0)).expect("generate");
    let person_ids: Vec<String> = data
        .records
        .iter()
        .map(|r| r.person_id.to_string())
        .collect();
    let tables = CaseTables {
        case_id: data.cases.iter().map(|c| c.case_id.as_str()).collect(),
        jurisdiction: data.cases.iter().map(|c| Some(c.jurisdiction)).collect(),
        subject_case: data
            .case_subjects
            .iter()
            .map(|&(c, _)| Some(data.case_id(c)))
            .collect(),
        subject_record: data
            .case_subjects
            .iter()
            .map(|&(_, r)| Some(data.record_id(r)))
            .collect(),
        subject_entity: data
            .case_subjects
            .iter()
            .map(|&(_, r)| Some(person_ids[r as usize].as_str()))
            .collect(),
        subject_confidence: vec![Some(1.0); data.case_subjects.len()],
        object_case: data
            .case_objects
            .iter()
            .map(|o| Some(data.case_id(o.case)))
            .collect(),
        object_type: data
            .case_objects
            .iter()
            .map(|o| Some(o.object_type))
            .collect(),
        object_value: data
            .case_objects
            .iter()
            .map(|o| Some(o.value.as_str()))
            .collect(),
    };
    let truth: Vec<i64> = data.cases.iter().map(|c| c.network_id).collect();
    println!(
        "{} cases, {} subjects, {} objects, {} true networks",
        data.cases.len(),
        data.case_subjects.len(),
        data.case_objects.len(),
        data.persons.last().map_or(0, |p| p.network_id + 1)
    );
    let components = CaseRules {
        hub_min_groups: None,
        min_strength: 0.0,
        min_confidence: 0.0,
        max_item_cases: usize::MAX,
        ..CaseRules::default()
    };
    let mut runs = vec![
        ("default rules".to_string(), CaseRules::default()),
        ("connected components".to_string(), components),
    ];
    for kind in ["person", "phone", "boat", "engine", "vehicle", "iban"] {
        let kept = ["person", "phone", "boat", "engine", "vehicle", "iban"]
            .iter()
            .filter(|k| **k != kind)
            .map(|k| k.to_string())
            .collect();
        let rules = CaseRules {
            evidence: Some(kept),
            ..CaseRules::default()
        };
        runs.push((format!("without {kind}"), rules));
    }
    for (name, rules) in runs {
        let start = Instant::now();
        let out = link_cases(&tables, &rules).expect("link");
        let elapsed = start.elapsed();
        let s = evaluate(&out.network, &truth);
        let hubs = out
            .evidence
            .iter()
            .filter(|e| e.decision.as_str() != "used")
            .count();
        println!(
            "{name:<22} B-cubed P {:.4} R {:.4} F1 {:.4}  pairwise F1 {:.4}  held {hubs:>4}  {elapsed:.2?}",
            s.bcubed_precision, s.bcubed_recall, s.bcubed_f1, s.f1
        );
    }
}
