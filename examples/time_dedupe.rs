//! Times deduplication of synthetic records, pure Rust:
//! `cargo run --release --example time_dedupe -- 20000`.
use std::time::Instant;

use _core::link::{dedupe, DedupeOptions};
use _core::standardise::standardise_synthetic;
use _core::synth::{generate, SynthConfig};

fn main() {
    let people: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20_000);
    let data = generate(&SynthConfig::new(people, 0)).expect("generate");
    let std = standardise_synthetic(&data, 2025).expect("standardise");
    let start = Instant::now();
    let result = dedupe(&std, &DedupeOptions::default());
    println!(
        "{} records, {} pairs scored in {:.2?}",
        std.len(),
        result.pairs.len(),
        start.elapsed()
    );
}
