//! Deduplication of standardised person records: blocking, an unsupervised
//! Fellegi–Sunter model, scoring and anti-chaining clustering.
//!
//! Work in progress toward the Python `Linker` API: the core pipeline is complete and
//! measured against the synthetic truth (see the tests), the bindings are not written yet.

pub mod blocking;
pub mod cluster;
pub mod evaluate;
pub mod levels;
pub mod model;
pub mod record;

use rayon::prelude::*;

use crate::standardise::Standardised;
use blocking::{candidate_pairs, RuleReport, DEFAULT_RULES};
use model::Model;
use record::to_link_records;

/// Defaults that are not tuned to any one data set.
#[derive(Debug, Clone)]
pub struct DedupeOptions {
    pub threshold: f64,
    /// A scored pair below this probability vetoes merging its two clusters.
    pub veto: f64,
    pub max_block: usize,
    pub seed: u64,
}

impl Default for DedupeOptions {
    fn default() -> Self {
        DedupeOptions {
            threshold: 0.5,
            veto: 0.01,
            max_block: 2_000,
            seed: 42,
        }
    }
}

pub struct Dedupe {
    pub model: Model,
    /// (i, j, match probability) for every candidate pair.
    pub pairs: Vec<(u32, u32, f64)>,
    /// Comparison levels of every candidate pair (aligned with `pairs`).
    pub levels: Vec<levels::Levels>,
    /// Cluster label of every record (smallest member index).
    pub labels: Vec<u32>,
    pub blocking: Vec<RuleReport>,
    /// The records as the linker saw them (for levels and explanations).
    pub records: Vec<record::LinkRecord>,
}

/// Standardised records in, entities out.
pub fn dedupe(records: &[Standardised], options: &DedupeOptions) -> Dedupe {
    let (recs, interner) = to_link_records(records);
    let (candidates, blocking) = candidate_pairs(&recs, &DEFAULT_RULES, options.max_block);
    // Levels once per candidate: training sizes the prior with them, scoring reuses them.
    let candidate_levels: Vec<levels::Levels> = candidates
        .par_iter()
        .map(|&(i, j)| levels::levels(&recs[i as usize], &recs[j as usize]))
        .collect();
    let model = Model::train(&recs, interner.name_counts, &candidate_levels, options.seed);
    let pairs: Vec<(u32, u32, f64)> = candidates
        .par_iter()
        .zip(candidate_levels.par_iter())
        .map(|(&(i, j), lv)| {
            let (_, p) = model.score_levels(&recs[i as usize], &recs[j as usize], lv);
            (i, j, p)
        })
        .collect();
    let labels = cluster::cluster(recs.len(), &pairs, options.threshold, options.veto);
    Dedupe {
        model,
        pairs,
        levels: candidate_levels,
        labels,
        blocking,
        records: recs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::standardise::standardise_synthetic;
    use crate::synth::{generate, SynthConfig};

    /// Standardised synthetic records and the true person of each.
    pub fn synthetic_standardised(people: usize, seed: u64) -> (Vec<Standardised>, Vec<i64>) {
        let data = generate(&SynthConfig::new(people, seed)).unwrap();
        let std = standardise_synthetic(&data, 2025).unwrap();
        (std, data.records.iter().map(|r| r.person_id).collect())
    }

    #[test]
    fn deduplicates_synthetic_people_better_than_connected_components() {
        let (std, truth) = synthetic_standardised(3_000, 5);
        let result = dedupe(&std, &DedupeOptions::default());
        let ours = evaluate::evaluate(&result.labels, &truth);
        let cc = cluster::connected_components(
            std.len(),
            &result.pairs,
            DedupeOptions::default().threshold,
        );
        let plain = evaluate::evaluate(&cc, &truth);
        println!(
            "synthetic 3k people, {} records, {} candidate pairs: F1 {:.4} (P {:.4}, R {:.4}); connected components F1 {:.4}",
            std.len(),
            result.pairs.len(),
            ours.f1,
            ours.precision,
            ours.recall,
            plain.f1
        );
        // Measured 0.894 (P 0.952, R 0.842) with the current defaults; the floor guards regressions.
        assert!(ours.f1 >= 0.87, "{ours:?}");
        assert!(ours.f1 >= plain.f1, "{ours:?} vs {plain:?}");
    }

    #[test]
    fn blocking_reports_every_rule() {
        let (std, _) = synthetic_standardised(300, 1);
        let result = dedupe(
            &std,
            &DedupeOptions {
                max_block: 3,
                ..Default::default()
            },
        );
        assert_eq!(result.blocking.len(), DEFAULT_RULES.len());
        assert!(result.blocking.iter().any(|r| !r.skipped_blocks.is_empty()));
        let total: u64 = result.blocking.iter().map(|r| r.new_pairs).sum();
        assert_eq!(total as usize, result.pairs.len());
    }
}

#[cfg(test)]
mod debug_tests {
    use super::*;

    #[test]
    #[ignore]
    fn print_model() {
        let (std, truth) = super::tests::synthetic_standardised(3_000, 5);
        let result = dedupe(&std, &DedupeOptions::default());
        println!("prior {:e}", result.model.prior);
        for t in [0.2, 0.3, 0.5, 0.7, 0.9] {
            let ours =
                evaluate::evaluate(&cluster::cluster(std.len(), &result.pairs, t, 0.01), &truth);
            let cc = evaluate::evaluate(
                &cluster::connected_components(std.len(), &result.pairs, t),
                &truth,
            );
            println!(
                "threshold {t}: ours F1 {:.4} P {:.4} R {:.4} | cc F1 {:.4}",
                ours.f1, ours.precision, ours.recall, cc.f1
            );
        }
        {
            let (recs, _) = record::to_link_records(&std);
            let mut pos = 0usize;
            let mut hist = [0usize; 5];
            for &(i, j, _) in &result.pairs {
                let lv = levels::levels(&recs[i as usize], &recs[j as usize]);
                let w: f64 = result
                    .model
                    .weights(&recs[i as usize], &recs[j as usize], &lv)
                    .iter()
                    .sum();
                if w > 0.0 {
                    pos += 1;
                }
                if lv[0] != levels::NULL {
                    hist[lv[0] as usize] += 1;
                }
            }
            println!(
                "pairs with positive evidence: {pos} of {}; name levels {hist:?}",
                result.pairs.len()
            );
        }
        println!(
            "history tail {:?}",
            &result.model.history[result.model.history.len().saturating_sub(3)..]
        );
        for r in &result.blocking {
            println!(
                "rule {} pairs {} new {} skipped {:?}",
                r.rule,
                r.pairs,
                r.new_pairs,
                r.skipped_blocks.len()
            );
        }
        for (c, name) in levels::COMPARISONS.iter().enumerate() {
            println!(
                "{name}: m {:?}\n      u {:?}",
                result.model.m[c]
                    .iter()
                    .map(|x| (x * 1000.0).round() / 1000.0)
                    .collect::<Vec<_>>(),
                result.model.u[c]
                    .iter()
                    .map(|x| format!("{x:.2e}"))
                    .collect::<Vec<_>>()
            );
        }
        let (recs, _) = record::to_link_records(&std);
        let mut true_counts = vec![vec![0usize; 5]; 5];
        let mut n_match = 0;
        for &(i, j, _) in &result.pairs {
            if truth[i as usize] == truth[j as usize] {
                n_match += 1;
                let lv = levels::levels(&recs[i as usize], &recs[j as usize]);
                for (c, l) in lv.iter().enumerate() {
                    if *l != levels::NULL {
                        true_counts[c][*l as usize] += 1;
                    }
                }
            }
        }
        println!("true matches among candidates: {n_match}; true level counts {true_counts:?}");
        let cand: std::collections::HashSet<(u32, u32)> =
            result.pairs.iter().map(|p| (p.0, p.1)).collect();
        let mut missed = 0;
        for i in 0..std.len() {
            for j in i + 1..std.len() {
                if truth[i] == truth[j] && !cand.contains(&(i as u32, j as u32)) {
                    missed += 1;
                    if missed <= 12 {
                        println!(
                            "MISSED {:?} {:?} | {:?} {:?}",
                            std[i].full_name_norm, std[i].dob, std[j].full_name_norm, std[j].dob
                        );
                    }
                }
            }
        }
        println!("missed true pairs: {missed}");
        let mut fp = 0;
        for &(i, j, p) in &result.pairs {
            if p >= 0.9 && truth[i as usize] != truth[j as usize] && fp < 15 {
                fp += 1;
                let (lv, w, _) = result.model.score(&recs[i as usize], &recs[j as usize]);
                println!(
                    "FP {:?} | {:?} {:?} lv {:?} w {:.1}",
                    std[i as usize].full_name_norm,
                    std[j as usize].full_name_norm,
                    (
                        std[i as usize].dob,
                        std[j as usize].dob,
                        std[i as usize].dob_quality,
                        std[j as usize].dob_quality
                    ),
                    lv,
                    w
                );
            }
        }
    }
}
