//! Times the pure-Rust standardisation of synthetic records:
//! `cargo run --release --example time_standardise -- 100000`.
use std::time::Instant;

use _core::synth::standardise_synthetic;
use _core::synth::{generate, SynthConfig};

fn main() {
    let people: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let data = generate(&SynthConfig::new(people, 0)).expect("generate");
    let start = Instant::now();
    let out = standardise_synthetic(&data, 2025).expect("standardise");
    println!(
        "{} records standardised in {:.2?}",
        out.len(),
        start.elapsed()
    );
}
