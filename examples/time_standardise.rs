//! Times the pure-Rust standardisation of synthetic records:
//! `cargo run --release --example time_standardise -- 100000`.
use std::time::Instant;

use _core::standardise::{find_profile, standardise_all, Profile, RawRecord};
use _core::synth::{generate, SynthConfig};

fn main() {
    let people: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let data = generate(&SynthConfig::new(people, 0)).expect("generate");
    let raws: Vec<RawRecord> = data
        .records
        .iter()
        .map(|r| RawRecord {
            given_name: r.fields.given_name.as_deref(),
            family_name: r.fields.family_name.as_deref(),
            full_name: r.fields.full_name.as_deref(),
            dob: r.fields.dob.as_deref(),
            nationality: r.fields.nationality.as_deref(),
            phone: r.fields.phone.as_deref(),
            gender: r.fields.gender.as_deref(),
            alias: r.fields.alias.as_deref(),
        })
        .collect();
    let profiles: Vec<&Profile> = data
        .records
        .iter()
        .map(|r| find_profile(r.source).expect("profile"))
        .collect();
    let start = Instant::now();
    let out = standardise_all(&raws, &profiles, 2025).expect("standardise");
    println!(
        "{} records standardised in {:.2?}",
        out.len(),
        start.elapsed()
    );
}
