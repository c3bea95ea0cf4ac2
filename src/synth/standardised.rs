//! The synthetic records, standardised: the generator depends on standardisation, never
//! the reverse.

use super::{RecordFields, SynthData};
use crate::errors::Result;
use crate::standardise::{
    auto_profile, find_profile, standardise_all, Profile, RawRecord, Standardised,
};

fn raw(f: &RecordFields) -> RawRecord<'_> {
    RawRecord {
        given_name: f.given_name.as_deref(),
        family_name: f.family_name.as_deref(),
        full_name: f.full_name.as_deref(),
        dob: f.dob.as_deref(),
        nationality: f.nationality.as_deref(),
        phone: f.phone.as_deref(),
        gender: f.gender.as_deref(),
        alias: f.alias.as_deref(),
    }
}

/// Standardises generated records, each with the profile of its source (for benchmarks
/// and tests that start from the synthetic data in Rust).
pub fn standardise_synthetic(data: &SynthData, reference_year: i32) -> Result<Vec<Standardised>> {
    let raws: Vec<RawRecord> = data.records.iter().map(|r| raw(&r.fields)).collect();
    let profiles: Vec<&Profile> = data
        .records
        .iter()
        .map(|r| find_profile(r.source).unwrap_or_else(auto_profile))
        .collect();
    standardise_all(&raws, &profiles, reference_year)
}
