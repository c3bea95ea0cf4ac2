//! Times deduplication of synthetic records, pure Rust:
//! `cargo run --release --example time_dedupe -- 20000`.
use std::time::Instant;

use _core::link::{dedupe, DedupeOptions};
use _core::standardise::{find_profile, standardise_all, Profile, RawRecord};
use _core::synth::{generate, SynthConfig};

fn main() {
    let people: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20_000);
    let data = generate(&SynthConfig::new(people, 0)).expect("generate");
    let raws: Vec<RawRecord> = data
        .records
        .iter()
        .map(|r| RawRecord::from(&r.fields))
        .collect();
    let profiles: Vec<&Profile> = data
        .records
        .iter()
        .map(|r| find_profile(r.source).expect("profile"))
        .collect();
    let std = standardise_all(&raws, &profiles, 2025).expect("standardise");
    let start = Instant::now();
    let result = dedupe(&std, &DedupeOptions::default());
    println!(
        "{} records, {} pairs scored in {:.2?}",
        std.len(),
        result.pairs.len(),
        start.elapsed()
    );
}
