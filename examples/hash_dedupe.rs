//! Fingerprint of a whole deduplication run, to check that an optimisation leaves the
//! results bit for bit unchanged: `cargo run --release --example hash_dedupe -- 20000`
//! prints one FNV-1a hash each of the candidate pairs, their levels, the model JSON, the
//! pair probabilities and the cluster labels, then one of them all.
use _core::link::dataset::Dataset;
use _core::link::model::{probability, Model};
use _core::link::settings::{LinkType, Settings};
use _core::link::{candidates, cluster};
use _core::synth::standardise_synthetic;
use _core::synth::{generate, SynthConfig};
use rayon::prelude::*;

/// FNV-1a, 64 bits: stable across platforms and Rust versions (unlike `DefaultHasher`).
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn bytes(&mut self, data: &[u8]) {
        for &b in data {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

fn main() {
    let people: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20_000);
    let data = generate(&SynthConfig::new(people, 0)).expect("generate");
    let std = standardise_synthetic(&data, 2025).expect("standardise");
    let mut settings = Settings::for_people(LinkType::Dedupe);
    settings.comparisons.retain(|c| c.column().is_none());
    settings.blocking_rules.retain(|r| r.columns().is_empty());
    let ds = Dataset::new(settings, &std, &[], None);
    let pairs = candidates(&ds).0.to_vec();
    let levels: Vec<_> = pairs.par_iter().map(|&(i, j)| ds.levels(i, j)).collect();
    let model = Model::train(&ds, &levels, None);
    let scored: Vec<_> = pairs
        .par_iter()
        .zip(levels.par_iter())
        .map(|(&(i, j), lv)| {
            let (a, b) = (&ds.records[i as usize], &ds.records[j as usize]);
            (i, j, probability(model.score_levels(&ds, a, b, lv).0))
        })
        .collect();
    let labels = cluster(&ds, Some(&model), &scored, ds.settings.threshold);

    let mut parts = [Fnv::new(), Fnv::new(), Fnv::new(), Fnv::new(), Fnv::new()];
    for &(i, j) in &pairs {
        parts[0].bytes(&i.to_le_bytes());
        parts[0].bytes(&j.to_le_bytes());
    }
    for lv in &levels {
        parts[1].bytes(lv);
    }
    parts[2].bytes(model.to_json().as_bytes());
    for &(_, _, p) in &scored {
        parts[3].bytes(&p.to_bits().to_le_bytes());
    }
    for l in &labels {
        parts[4].bytes(&l.to_le_bytes());
    }
    let mut all = Fnv::new();
    for (name, h) in ["pairs", "levels", "model", "scores", "labels"]
        .iter()
        .zip(&parts)
    {
        println!("{name} {:016x}", h.0);
        all.bytes(&h.0.to_le_bytes());
    }
    println!(
        "{} records, {} pairs: all {:016x}",
        std.len(),
        pairs.len(),
        all.0
    );
}
