//! Times deduplication of synthetic records, pure Rust, step by step:
//! `cargo run --release --example time_dedupe -- 20000`.
use std::time::Instant;

use _core::link::dataset::Dataset;
use _core::link::settings::{LinkType, Settings};
use _core::link::{candidates, cluster, evaluate, predict, train};
use _core::standardise::standardise_synthetic;
use _core::synth::{generate, SynthConfig};

fn main() {
    let people: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20_000);
    let data = generate(&SynthConfig::new(people, 0)).expect("generate");
    let std = standardise_synthetic(&data, 2025).expect("standardise");
    let truth: Vec<i64> = data.records.iter().map(|r| r.person_id).collect();
    let mut settings = Settings::for_people(LinkType::Dedupe);
    settings.comparisons.retain(|c| c.column().is_none());
    settings.blocking_rules.retain(|r| r.columns().is_empty());

    let start = Instant::now();
    let ds = Dataset::new(settings, &std, &[], None);
    let t_prepare = start.elapsed();
    let (pairs, _) = candidates(&ds);
    let t_block = start.elapsed();
    let model = train(&ds, None);
    let t_train = start.elapsed();
    let (scored, _) = predict(&ds, &model);
    let t_predict = start.elapsed();
    let triples: Vec<_> = scored.iter().map(|p| (p.i, p.j, p.probability())).collect();
    let labels = cluster(&ds, &triples, ds.settings.threshold);
    let t_cluster = start.elapsed();
    let scores = evaluate::evaluate(&labels, &truth);
    println!(
        "{} records, {} pairs: prepare {:.2?}, block {:.2?}, train {:.2?} (incl. blocking), \
         predict {:.2?} (incl. blocking), cluster {:.2?}; total {:.2?}; F1 {:.4}",
        std.len(),
        pairs.len(),
        t_prepare,
        t_block - t_prepare,
        t_train - t_block,
        t_predict - t_train,
        t_cluster - t_predict,
        t_cluster,
        scores.f1
    );
}
