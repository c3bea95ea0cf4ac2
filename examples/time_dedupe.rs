//! Times deduplication of synthetic records, pure Rust, step by step:
//! `cargo run --release --example time_dedupe -- 20000`.
use std::time::Instant;

use _core::link::dataset::{link_order, Dataset};
use _core::link::model::Model;
use _core::link::settings::{LinkType, Settings};
use _core::link::{candidates, cluster_scored, evaluate, levelled_pairs, score_in_place};
use _core::standardise::Standardised;
use _core::synth::standardise_synthetic;
use _core::synth::{generate, SynthConfig};

fn main() {
    let people: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20_000);
    let data = generate(&SynthConfig::new(people, 0)).expect("generate");
    let std = standardise_synthetic(&data, 2025).expect("standardise");
    let truth: Vec<i64> = data.records.iter().map(|r| r.person_id).collect();
    // The order the Python bindings link in.
    let ids: Vec<String> = data.records.iter().map(|r| r.record_id.clone()).collect();
    let order = link_order(&std, &ids);
    let std: Vec<&Standardised> = order.iter().map(|&i| &std[i]).collect();
    let truth: Vec<i64> = order.iter().map(|&i| truth[i]).collect();
    let mut settings = Settings::for_people(LinkType::Dedupe);
    settings.comparisons.retain(|c| c.column().is_none());
    settings.blocking_rules.retain(|r| r.columns().is_empty());
    // Blocking limits can be tried without rebuilding.
    let env = |name: &str| std::env::var(name).ok().and_then(|v| v.parse().ok());
    settings.max_block = env("CASELINK_MAX_BLOCK").unwrap_or(settings.max_block);
    settings.block_window = env("CASELINK_WINDOW").unwrap_or(settings.block_window);

    let start = Instant::now();
    let mut last = start;
    // Time spent comparing and scoring pairs (the levels and score steps).
    let mut scoring = std::time::Duration::ZERO;
    let mut lap = |what: &str| {
        let now = Instant::now();
        print!("{what} {:.2?}, ", now - last);
        if what == "levels" || what == "score" {
            scoring += now - last;
        }
        last = now;
    };
    let ds = Dataset::new(settings, &std, &[], None);
    lap("prepare");
    let (pairs, _) = candidates(&ds);
    lap("block");
    let n_pairs = pairs.len();
    // As `link::resolve` does it: levels into the scored pairs, train on them in place,
    // then score in place.
    let mut scored = levelled_pairs(&ds, &pairs);
    drop(pairs);
    lap("levels");
    let model = Model::train(&ds, &scored, None);
    lap("train");
    score_in_place(&ds, &model, &mut scored);
    lap("score");
    let labels = cluster_scored(&ds, &model, &scored, &Default::default());
    lap("cluster");
    let scores = evaluate::evaluate(&labels, &truth);
    println!(
        "\n{} records, {} pairs in {:.2?} ({:.2} M pairs/s; compared and scored at \
         {:.2} M pairs/s); F1 {:.4}",
        std.len(),
        n_pairs,
        start.elapsed(),
        n_pairs as f64 / start.elapsed().as_secs_f64() / 1e6,
        n_pairs as f64 / scoring.as_secs_f64() / 1e6,
        scores.f1
    );
}
