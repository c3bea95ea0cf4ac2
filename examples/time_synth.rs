//! Times the pure-Rust generator: `cargo run --release --example time_synth -- 100000`.
use std::time::Instant;

fn main() {
    let people: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let start = Instant::now();
    let data =
        _core::synth::generate(&_core::synth::SynthConfig::new(people, 0)).expect("generate");
    println!(
        "{people} people -> {} records, {} events in {:.2?}",
        data.records.len(),
        data.events.len(),
        start.elapsed()
    );
}
