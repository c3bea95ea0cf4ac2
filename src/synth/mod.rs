//! Synthetic multi-agency data with ground truth.
//!
//! People are drawn in smuggling networks of 3–25; each network generates cases in the
//! UK, France, Germany, Belgium and the Netherlands, whose agencies hold records of the
//! people written in their own conventions and corrupted at the rates of
//! [`CorruptionRates`]. Networks are generated in parallel, each from its own seeded
//! stream, so the output is the same for a seed whatever the number of threads.

mod cases;
pub mod names;
pub mod objects;
mod origins;
mod people;
mod records;
pub mod sources;
mod standardised;
mod typos;

use chrono::NaiveDate;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::errors::{CoreError, Result};
pub use cases::EVENT_TYPES;
use cases::{generate_network, HubObjects, NetworkOut};
pub use records::{Corruptions, RecordFields, CORRUPTION_NAMES};
pub use standardised::standardise_synthetic;

/// Per-record probabilities of each corruption (documented; tests check realised rates).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct CorruptionRates {
    /// Another spelling from the name's variant group replaces the agency's usual one.
    pub translit_variant: f64,
    /// One or two keyboard/OCR edits in one name token.
    pub typo: f64,
    /// Given and family names recorded the wrong way round.
    pub swapped_names: f64,
    /// A second given name dropped (of records whose person has one).
    pub dropped_given: f64,
    /// The father's name added as second given name (patronymic origins only).
    pub added_given: f64,
    pub dob_missing: f64,
    /// 01/01 (or 00/00, XX.XX) written for a known birth date.
    pub dob_placeholder: f64,
    pub dob_year_only: f64,
    /// Day and month swapped (of records whose true day is 12 or less and not the month).
    pub dob_swapped: f64,
    pub dob_year_off: f64,
    /// Another nationality (or the Kurdish ethnicity) claimed.
    pub nationality_claimed: f64,
    pub nationality_missing: f64,
    pub gender_missing: f64,
    /// Share of persons known under at least one alias.
    pub person_has_alias: f64,
    /// Share of a person-with-alias's records that carry an alias.
    pub alias_given_alias: f64,
    pub phone_present: f64,
    /// Share of records with a phone whose phone is a network phone, not the person's own.
    pub phone_shared: f64,
}

impl Default for CorruptionRates {
    fn default() -> Self {
        CorruptionRates {
            translit_variant: 0.12,
            typo: 0.08,
            swapped_names: 0.05,
            dropped_given: 0.3,
            added_given: 0.08,
            dob_missing: 0.05,
            dob_placeholder: 0.03,
            dob_year_only: 0.02,
            dob_swapped: 0.04,
            dob_year_off: 0.03,
            nationality_claimed: 0.08,
            nationality_missing: 0.04,
            gender_missing: 0.03,
            person_has_alias: 0.15,
            alias_given_alias: 0.4,
            phone_present: 0.55,
            phone_shared: 0.15,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SynthConfig {
    pub people: usize,
    pub seed: u64,
    pub rates: CorruptionRates,
    pub first_case_opened: NaiveDate,
    pub last_case_opened: NaiveDate,
    /// The day the data is extracted: nothing happens after it; open cases are pending.
    pub as_of: NaiveDate,
}

impl SynthConfig {
    pub fn new(people: usize, seed: u64) -> Self {
        SynthConfig {
            people,
            seed,
            rates: CorruptionRates::default(),
            first_case_opened: NaiveDate::from_ymd_opt(2020, 1, 1).expect("date"),
            last_case_opened: NaiveDate::from_ymd_opt(2025, 9, 30).expect("date"),
            as_of: NaiveDate::from_ymd_opt(2025, 12, 31).expect("date"),
        }
    }
}

impl SynthConfig {
    /// Replaces some corruption rates, given as a JSON object `{"typo": 0.2, ...}`.
    pub fn override_rates(&mut self, json: &str) -> Result<()> {
        let overrides: serde_json::Map<String, serde_json::Value> = serde_json::from_str(json)
            .map_err(|e| {
                CoreError::InvalidInput(format!(
                    "rates must be a mapping of rate name to number: {e}"
                ))
            })?;
        let mut current = serde_json::to_value(&self.rates).expect("rates serialise");
        let fields = current.as_object_mut().expect("struct");
        for (name, value) in overrides {
            if !fields.contains_key(&name) {
                let known: Vec<&String> = fields.keys().collect();
                return Err(CoreError::InvalidInput(format!(
                    "unknown corruption rate '{name}'; known rates: {known:?}"
                )));
            }
            fields.insert(name, value);
        }
        self.rates = serde_json::from_value(current)
            .map_err(|e| CoreError::InvalidInput(format!("rates must be numbers: {e}")))?;
        Ok(())
    }
}

pub struct Record {
    pub record_id: String,
    pub source: &'static str,
    pub fields: RecordFields,
    pub person_id: i64,
    pub network_id: i64,
    pub corruptions: Corruptions,
}

pub struct PersonRow {
    pub person_id: i64,
    pub network_id: i64,
    pub origin: &'static str,
    pub female: bool,
    pub given_name: String,
    pub family_name: Option<String>,
    pub dob: NaiveDate,
    pub dob_known: bool,
    pub nationality: &'static str,
    pub kurdish: bool,
    pub role: &'static str,
    pub phone: String,
    pub alias: Option<String>,
    pub sibling_group: Option<i64>,
    pub common_name_placeholder: bool,
    pub n_records: i64,
}

pub struct CaseRow {
    pub case_id: String,
    pub jurisdiction: &'static str,
    pub agency: &'static str,
    pub opened: NaiveDate,
    pub case_type: &'static str,
    pub network_id: i64,
}

/// Rows below refer to cases and records by index into [`SynthData::cases`] and
/// [`SynthData::records`] (ids are looked up when frames are built): cloning the id
/// strings for millions of rows was most of the generator's allocations.
pub struct ObjectRow {
    pub case: u32,
    pub object_type: &'static str,
    pub value: String,
    pub key: String,
    pub chance_shared: bool,
    pub invalid: bool,
    pub network_id: i64,
}

pub struct EventRow {
    pub event_id: i64,
    pub case: u32,
    pub record: Option<u32>,
    pub event_type: &'static str,
    pub date: NaiveDate,
    pub quantity: Option<f64>,
    pub currency: Option<&'static str>,
}

pub struct ProsecutionRow {
    pub case: u32,
    pub record: u32,
    pub person_id: i64,
    pub arrested: NaiveDate,
    pub outcome: &'static str,
    pub concluded: Option<NaiveDate>,
}

pub struct SynthData {
    pub config: SynthConfig,
    pub records: Vec<Record>,
    pub persons: Vec<PersonRow>,
    pub cases: Vec<CaseRow>,
    /// (case index, record index)
    pub case_subjects: Vec<(u32, u32)>,
    pub case_objects: Vec<ObjectRow>,
    pub events: Vec<EventRow>,
    pub prosecutions: Vec<ProsecutionRow>,
}

impl SynthData {
    pub fn case_id(&self, case: u32) -> &str {
        &self.cases[case as usize].case_id
    }

    pub fn record_id(&self, record: u32) -> &str {
        &self.records[record as usize].record_id
    }
}

/// Independent stream per network: SplitMix64 of the seed and the network index.
fn stream_seed(seed: u64, index: u64) -> u64 {
    let mut z = seed
        ^ index
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            .wrapping_add(0xD1B5_4A32_D192_ED03);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Network sizes: 3 + an exponential tail (mean about 8), at most 25, summing to `people`.
fn network_sizes(rng: &mut ChaCha8Rng, people: usize) -> Vec<usize> {
    let mut sizes = Vec::new();
    let mut left = people;
    while left > 0 {
        let u: f64 = rng.random::<f64>().max(1e-12);
        let size = (3 + (-u.ln() * 5.0) as usize).min(25);
        if left < size + 3 {
            sizes.push(left);
            break;
        }
        sizes.push(size);
        left -= size;
    }
    sizes
}

pub fn generate(config: &SynthConfig) -> Result<SynthData> {
    if config.people == 0 {
        return Err(CoreError::InvalidInput(
            "people must be at least 1, got 0; pass people=5_000 for the default data set".into(),
        ));
    }
    if config.first_case_opened > config.last_case_opened || config.last_case_opened > config.as_of
    {
        return Err(CoreError::InvalidInput(format!(
            "dates must be ordered first_case_opened <= last_case_opened <= as_of, got {} / {} / {}",
            config.first_case_opened, config.last_case_opened, config.as_of
        )));
    }
    let rates = serde_json::to_value(&config.rates).expect("rates serialise");
    for (name, value) in rates.as_object().expect("struct").iter() {
        let p = value.as_f64().unwrap_or(f64::NAN);
        if !(0.0..=1.0).contains(&p) {
            return Err(CoreError::InvalidInput(format!(
                "rate '{name}' must be a probability in [0, 1], got {value}"
            )));
        }
    }

    let mut master = ChaCha8Rng::seed_from_u64(config.seed);
    let sizes = network_sizes(&mut master, config.people);
    let hubs = HubObjects {
        phones: (0..3 + sizes.len() / 40)
            .map(|_| objects::Phone::random(&mut master, "FR"))
            .collect(),
    };
    let networks: Vec<NetworkOut> = sizes
        .par_iter()
        .enumerate()
        .map(|(i, &size)| {
            let mut rng = ChaCha8Rng::seed_from_u64(stream_seed(config.seed, i as u64));
            generate_network(&mut rng, size, config, &hubs)
        })
        .collect();
    Ok(assemble(config, networks, &mut master))
}

/// Gives global ids: persons in network order, records shuffled (so duplicates are not
/// adjacent) and numbered per agency, cases numbered per jurisdiction and year.
fn assemble(
    config: &SynthConfig,
    mut networks: Vec<NetworkOut>,
    master: &mut ChaCha8Rng,
) -> SynthData {
    let mut person_offset = Vec::with_capacity(networks.len());
    let mut total = 0usize;
    for n in &networks {
        person_offset.push(total);
        total += n.persons.len();
    }

    // Records: shuffle, then number per source in the shuffled order.
    let mut order: Vec<(u32, u32)> = networks
        .iter()
        .enumerate()
        .flat_map(|(ni, n)| (0..n.records.len()).map(move |r| (ni as u32, r as u32)))
        .collect();
    order.shuffle(master);
    let mut record_pos: Vec<Vec<u32>> = networks.iter().map(|n| vec![0; n.records.len()]).collect();
    let mut counters: std::collections::HashMap<&str, u64> = Default::default();
    let mut records = Vec::with_capacity(order.len());
    for (pos, &(ni, r)) in order.iter().enumerate() {
        record_pos[ni as usize][r as usize] = pos as u32;
        let rec = &mut networks[ni as usize].records[r as usize];
        let code = rec.source.code();
        let c = counters.entry(code).or_insert(0);
        *c += 1;
        records.push(Record {
            record_id: format!("{code}-{:07}", *c),
            source: code,
            fields: std::mem::take(&mut rec.fields),
            person_id: (person_offset[ni as usize] + rec.person + 1) as i64,
            network_id: ni as i64 + 1,
            corruptions: rec.corruptions,
        });
    }

    // Cases: ordered by opening date, numbered per jurisdiction and year.
    let mut case_order: Vec<(NaiveDate, u32, u32)> = networks
        .iter()
        .enumerate()
        .flat_map(|(ni, n)| {
            n.cases
                .iter()
                .enumerate()
                .map(move |(c, case)| (case.opened, ni as u32, c as u32))
        })
        .collect();
    case_order.sort_unstable();
    let mut case_rank: Vec<Vec<u32>> = networks.iter().map(|n| vec![0; n.cases.len()]).collect();
    let mut case_counters: std::collections::HashMap<(&str, i32), u64> = Default::default();
    let mut cases = Vec::with_capacity(case_order.len());
    for (rank, &(opened, ni, c)) in case_order.iter().enumerate() {
        let case = &networks[ni as usize].cases[c as usize];
        let year = chrono::Datelike::year(&opened);
        let counter = case_counters.entry((case.jurisdiction, year)).or_insert(0);
        *counter += 1;
        let id = format!("{}-{year}-{:05}", case.jurisdiction, *counter);
        case_rank[ni as usize][c as usize] = rank as u32;
        cases.push(CaseRow {
            case_id: id,
            jurisdiction: case.jurisdiction,
            agency: case.agency.code(),
            opened,
            case_type: case.case_type,
            network_id: ni as i64 + 1,
        });
    }

    let mut persons = Vec::with_capacity(total);
    let mut sibling_groups = 0i64;
    for (ni, n) in networks.iter().enumerate() {
        let mut counts = vec![0i64; n.persons.len()];
        for r in &n.records {
            counts[r.person] += 1;
        }
        let group = if n.persons.iter().any(|p| p.sibling_group.is_some()) {
            sibling_groups += 1;
            Some(sibling_groups)
        } else {
            None
        };
        for (pi, p) in n.persons.iter().enumerate() {
            let en = |parts: &people::NameParts| -> (String, Option<String>) {
                (
                    parts
                        .given
                        .iter()
                        .map(|v| v.en)
                        .collect::<Vec<_>>()
                        .join(" "),
                    parts.family.map(|f| f.en.to_string()),
                )
            };
            let (given_name, family_name) = en(&p.name);
            persons.push(PersonRow {
                person_id: (person_offset[ni] + pi + 1) as i64,
                network_id: ni as i64 + 1,
                origin: p.origin.label(),
                female: p.female,
                given_name,
                family_name,
                dob: p.dob,
                dob_known: p.dob_known,
                nationality: p.nationality,
                kurdish: p.kurdish,
                role: p.role,
                phone: p.phones[0].e164(),
                alias: p.aliases.first().map(|a| {
                    let (g, f) = en(a);
                    [Some(g), f]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(" ")
                }),
                sibling_group: p.sibling_group.and(group),
                common_name_placeholder: p.common_name_placeholder,
                n_records: counts[pi],
            });
        }
    }

    // Subjects, objects and events refer to cases by rank (opening-date order, the order
    // of `cases`) and to records by their shuffled position (the order of `records`).
    let mut case_subjects: Vec<(u32, u32)> = Vec::new();
    let mut case_objects: Vec<(usize, ObjectRow)> = Vec::new();
    let mut prosecutions = Vec::new();
    let mut events: Vec<(usize, EventRow)> = Vec::new();
    for (ni, n) in networks.into_iter().enumerate() {
        let (rank, pos) = (&case_rank[ni], &record_pos[ni]);
        case_subjects.extend(n.subjects.iter().map(|&(c, r)| (rank[c], pos[r])));
        for o in n.objects {
            let seq = case_objects.len();
            case_objects.push((
                seq,
                ObjectRow {
                    case: rank[o.case],
                    object_type: o.object_type,
                    value: o.written,
                    key: o.key,
                    chance_shared: o.chance_shared,
                    invalid: o.invalid,
                    network_id: ni as i64 + 1,
                },
            ));
        }
        for p in n.prosecutions {
            prosecutions.push(ProsecutionRow {
                case: rank[p.case],
                record: pos[p.record],
                person_id: (person_offset[ni] + n.records[p.record].person + 1) as i64,
                arrested: p.arrested,
                outcome: p.outcome,
                concluded: p.concluded,
            });
        }
        for e in n.events {
            let seq = events.len();
            events.push((
                seq,
                EventRow {
                    event_id: 0,
                    case: rank[e.case],
                    record: e.record.map(|r| pos[r]),
                    event_type: e.event_type,
                    date: e.date,
                    quantity: e.quantity,
                    currency: e.currency,
                },
            ));
        }
    }
    // In case order, like an export from a case system; events by date.
    case_subjects.par_sort_unstable();
    case_objects.par_sort_unstable_by_key(|(seq, o)| (o.case, *seq));
    events.par_sort_unstable_by_key(|(seq, e)| (e.date, e.case, *seq));
    let case_objects = case_objects.into_iter().map(|(_, o)| o).collect();
    let events = events
        .into_iter()
        .enumerate()
        .map(|(i, (_, mut e))| {
            e.event_id = i as i64 + 1;
            e
        })
        .collect();

    SynthData {
        config: config.clone(),
        records,
        persons,
        cases,
        case_subjects,
        case_objects,
        events,
        prosecutions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn small() -> SynthData {
        generate(&SynthConfig::new(800, 42)).unwrap()
    }

    #[test]
    fn same_seed_same_data() {
        let a = small();
        let b = small();
        assert_eq!(a.records.len(), b.records.len());
        for (x, y) in a.records.iter().zip(&b.records) {
            assert_eq!(x.record_id, y.record_id);
            assert_eq!(x.fields.full_name, y.fields.full_name);
            assert_eq!(x.fields.given_name, y.fields.given_name);
            assert_eq!(x.fields.dob, y.fields.dob);
        }
        assert_eq!(a.events.len(), b.events.len());
    }

    #[test]
    fn ids_are_unique_and_references_resolve() {
        let d = small();
        assert_eq!(d.persons.len(), 800);
        let records: HashSet<&str> = d.records.iter().map(|r| r.record_id.as_str()).collect();
        assert_eq!(records.len(), d.records.len());
        let cases: HashSet<&str> = d.cases.iter().map(|c| c.case_id.as_str()).collect();
        assert_eq!(cases.len(), d.cases.len());
        for &(c, r) in &d.case_subjects {
            assert!(cases.contains(d.case_id(c)) && records.contains(d.record_id(r)));
        }
        for e in &d.events {
            assert!(cases.contains(d.case_id(e.case)));
            if let Some(r) = e.record {
                assert!(records.contains(d.record_id(r)));
            }
        }
        assert!(d.persons.iter().all(|p| p.n_records >= 1));
    }

    #[test]
    fn nothing_happens_after_as_of() {
        let d = small();
        assert!(d.events.iter().all(|e| e.date <= d.config.as_of));
    }

    #[test]
    fn rejects_zero_people_and_bad_rates() {
        assert!(generate(&SynthConfig::new(0, 0)).is_err());
        let mut c = SynthConfig::new(10, 0);
        c.rates.typo = 1.5;
        let err = generate(&c).err().unwrap().to_string();
        assert!(err.contains("typo"), "{err}");
    }

    #[test]
    fn rate_overrides_are_checked() {
        let mut c = SynthConfig::new(10, 0);
        c.override_rates(r#"{"typo": 0.5}"#).unwrap();
        assert_eq!(c.rates.typo, 0.5);
        let err = c
            .override_rates(r#"{"typos": 0.5}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown corruption rate 'typos'"), "{err}");
        assert!(c.override_rates(r#"{"typo": "high"}"#).is_err());
    }

    #[test]
    fn tiny_populations_work() {
        for people in 1..8 {
            let d = generate(&SynthConfig::new(people, 1)).unwrap();
            assert_eq!(d.persons.len(), people);
        }
    }
}
