//! One network's cases across jurisdictions: subjects (agency records), seized and
//! observed objects, and the events of each case in a realistic order.

use chrono::{Duration, NaiveDate};
use rand::seq::{IndexedRandom, SliceRandom};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::objects::{
    canonical_plate, random_engine_serial, random_hin, random_iban, random_plate, typo_iban,
    written_engine, written_hin, written_iban, written_plate, Phone,
};
use super::people::{draw_network, weighted, Person};
use super::records::{render_record, Corruptions, RecordFields};
use super::sources::Source;
use super::SynthConfig;

pub const EVENT_TYPES: [&str; 12] = [
    "arrest",
    "charge",
    "conviction",
    "acquittal",
    "sentence",
    "fine",
    "extradition_request",
    "extradition",
    "seizure_boat",
    "seizure_engine",
    "crossing_prevented",
    "death_at_sea",
];

pub struct RecordOut {
    pub person: usize,
    pub source: Source,
    pub fields: RecordFields,
    pub corruptions: Corruptions,
}

pub struct CaseOut {
    pub jurisdiction: &'static str,
    pub agency: Source,
    pub opened: NaiveDate,
    pub case_type: &'static str,
}

pub struct ObjectOut {
    pub case: usize,
    pub object_type: &'static str,
    pub written: String,
    /// Canonical identity of the object (E.164, HIN, serial, plate, IBAN as issued).
    pub key: String,
    /// A hub object shared by chance with other networks (resold phone, placeholder).
    pub chance_shared: bool,
    /// An IBAN written with a typo: fails the mod-97 check.
    pub invalid: bool,
}

pub struct EventOut {
    pub case: usize,
    pub record: Option<usize>,
    pub event_type: &'static str,
    pub date: NaiveDate,
    pub quantity: Option<f64>,
    pub currency: Option<&'static str>,
}

pub struct ProsecutionOut {
    pub case: usize,
    pub record: usize,
    pub arrested: NaiveDate,
    /// "convicted", "acquitted" or "pending" at `as_of`.
    pub outcome: &'static str,
    pub concluded: Option<NaiveDate>,
}

pub struct NetworkOut {
    pub persons: Vec<Person>,
    pub records: Vec<RecordOut>,
    pub cases: Vec<CaseOut>,
    pub subjects: Vec<(usize, usize)>,
    pub objects: Vec<ObjectOut>,
    pub events: Vec<EventOut>,
    pub prosecutions: Vec<ProsecutionOut>,
}

/// Objects shared by chance across networks: resold phones and typed placeholders.
pub struct HubObjects {
    pub phones: Vec<Phone>,
}

const JURISDICTION_WEIGHTS: [(&str, f64); 5] = [
    ("FR", 0.35),
    ("UK", 0.35),
    ("DE", 0.14),
    ("BE", 0.09),
    ("NL", 0.07),
];

const CASE_TYPES: [(&str, f64); 4] = [
    ("facilitation", 0.55),
    ("boat_supply", 0.2),
    ("money_laundering", 0.1),
    ("document_fraud", 0.15),
];

fn agency_for(rng: &mut ChaCha8Rng, jurisdiction: &str) -> Source {
    match jurisdiction {
        "UK" => {
            if rng.random_bool(0.75) {
                Source::Nca
            } else {
                Source::Hoio
            }
        }
        "FR" => Source::Oltim,
        "DE" => Source::Bka,
        "BE" => Source::Pjf,
        _ => Source::Kmar,
    }
}

fn days(rng: &mut ChaCha8Rng, lo: i64, hi: i64) -> Duration {
    Duration::days(rng.random_range(lo..=hi))
}

/// Exponential draw with the given mean (days).
fn exp_days(rng: &mut ChaCha8Rng, mean: f64) -> Duration {
    let u: f64 = rng.random::<f64>().max(1e-12);
    Duration::days((-u.ln() * mean).round() as i64)
}

struct NetworkObjects {
    boats: Vec<String>,
    engines: Vec<String>,
    vehicles: Vec<String>,
    accounts: Vec<String>,
    phones: Vec<Phone>,
}

fn country(rng: &mut ChaCha8Rng) -> &'static str {
    ["GB", "FR", "DE", "BE", "NL"].choose(rng).unwrap()
}

fn network_objects(rng: &mut ChaCha8Rng) -> NetworkObjects {
    let n = |rng: &mut ChaCha8Rng, lo: usize, hi: usize| rng.random_range(lo..=hi);
    let (nb, ne, nv, na, np) = (
        n(rng, 1, 4),
        n(rng, 1, 4),
        n(rng, 1, 3),
        n(rng, 1, 2),
        n(rng, 1, 3),
    );
    NetworkObjects {
        boats: (0..nb).map(|_| random_hin(rng)).collect(),
        engines: (0..ne).map(|_| random_engine_serial(rng)).collect(),
        vehicles: (0..nv)
            .map(|_| {
                let c = country(rng);
                random_plate(rng, c)
            })
            .collect(),
        accounts: (0..na)
            .map(|_| {
                let c = country(rng);
                random_iban(rng, c)
            })
            .collect(),
        phones: (0..np)
            .map(|_| {
                let c = country(rng);
                Phone::random(rng, c)
            })
            .collect(),
    }
}

/// Generates one network end to end. Deterministic for a given `rng` state.
pub fn generate_network(
    rng: &mut ChaCha8Rng,
    size: usize,
    config: &SynthConfig,
    hubs: &HubObjects,
) -> NetworkOut {
    let rates = &config.rates;
    let persons = draw_network(rng, size, rates.person_has_alias);
    let objects_pool = network_objects(rng);
    let mut out = NetworkOut {
        persons,
        records: Vec::new(),
        cases: Vec::new(),
        subjects: Vec::new(),
        objects: Vec::new(),
        events: Vec::new(),
        prosecutions: Vec::new(),
    };
    // Records an agency already holds for each person, reused across its cases.
    let mut held: Vec<Vec<usize>> = vec![Vec::new(); size];

    let new_record = |out: &mut NetworkOut,
                      held: &mut Vec<Vec<usize>>,
                      rng: &mut ChaCha8Rng,
                      p: usize,
                      source: Source| {
        let (fields, corruptions) = render_record(
            rng,
            &out.persons[p],
            source,
            rates,
            &objects_pool.phones,
            config.as_of,
        );
        out.records.push(RecordOut {
            person: p,
            source,
            fields,
            corruptions,
        });
        let idx = out.records.len() - 1;
        held[p].push(idx);
        idx
    };

    let span = (config.last_case_opened - config.first_case_opened).num_days();
    let n_cases = ((size as f64 / 2.0) * rng.random_range(0.6..1.6))
        .round()
        .clamp(1.0, 16.0) as usize;
    for c in 0..n_cases {
        let jurisdiction = weighted(rng, &JURISDICTION_WEIGHTS);
        let agency = agency_for(rng, jurisdiction);
        let opened = config.first_case_opened + days(rng, 0, span);
        out.cases.push(CaseOut {
            jurisdiction,
            agency,
            opened,
            case_type: weighted(rng, &CASE_TYPES),
        });

        let k = (1 + rng.random_range(0..=3) + rng.random_range(0..=2)).min(size);
        let mut members: Vec<usize> = (0..size).collect();
        members.shuffle(rng);
        members.truncate(k);
        members.sort_unstable();
        let currency = if jurisdiction == "UK" { "GBP" } else { "EUR" };
        for &p in &members {
            let existing: Vec<usize> = held[p]
                .iter()
                .copied()
                .filter(|&r| out.records[r].source == agency)
                .collect();
            let record = match existing.choose(rng) {
                Some(&r) if rng.random_bool(0.5) => r,
                _ => new_record(&mut out, &mut held, rng, p, agency),
            };
            out.subjects.push((c, record));
            if rng.random_bool(0.5) {
                let phone = out.persons[p].phones.choose(rng).unwrap().clone();
                push_phone(&mut out, rng, c, jurisdiction, &phone, false);
            }
            person_events(&mut out, rng, config, c, record, opened, currency);
        }
        case_objects(&mut out, rng, c, jurisdiction, &objects_pool, hubs);
        case_events(&mut out, rng, config, c, jurisdiction, opened);
    }

    // Everyone is known to at least one agency; many also to the Home Office.
    for p in 0..size {
        let foreign = !matches!(out.persons[p].nationality, "GBR" | "FRA");
        if held[p].is_empty() {
            let source = *[Source::Hoio, Source::Nca, Source::Oltim, Source::Bka]
                .choose(rng)
                .unwrap();
            new_record(&mut out, &mut held, rng, p, source);
        } else if foreign && rng.random_bool(0.4) {
            new_record(&mut out, &mut held, rng, p, Source::Hoio);
        }
    }
    out
}

fn push_phone(
    out: &mut NetworkOut,
    rng: &mut ChaCha8Rng,
    case: usize,
    jurisdiction: &str,
    phone: &Phone,
    hub: bool,
) {
    out.objects.push(ObjectOut {
        case,
        object_type: "phone",
        written: phone.written(rng, jurisdiction, false),
        key: phone.e164(),
        chance_shared: hub,
        invalid: false,
    });
}

fn case_objects(
    out: &mut NetworkOut,
    rng: &mut ChaCha8Rng,
    case: usize,
    jurisdiction: &str,
    pool: &NetworkObjects,
    hubs: &HubObjects,
) {
    let boat_country = matches!(jurisdiction, "FR" | "BE" | "NL" | "DE");
    for phone in &pool.phones {
        if rng.random_bool(0.4) {
            push_phone(out, rng, case, jurisdiction, phone, false);
        }
    }
    let push = |out: &mut NetworkOut, object_type, written: String, key: String, invalid| {
        out.objects.push(ObjectOut {
            case,
            object_type,
            written,
            key,
            chance_shared: false,
            invalid,
        });
    };
    for hin in &pool.boats {
        if rng.random_bool(if boat_country { 0.35 } else { 0.15 }) {
            push(
                out,
                "boat",
                written_hin(rng, hin, jurisdiction),
                hin.clone(),
                false,
            );
        }
    }
    for serial in &pool.engines {
        if rng.random_bool(if boat_country { 0.3 } else { 0.1 }) {
            push(
                out,
                "engine",
                written_engine(rng, serial),
                serial.clone(),
                false,
            );
        }
    }
    for plate in &pool.vehicles {
        if rng.random_bool(0.25) {
            push(
                out,
                "vehicle",
                written_plate(rng, plate),
                canonical_plate(plate),
                false,
            );
        }
    }
    for iban in &pool.accounts {
        if rng.random_bool(0.2) {
            let typo = rng.random_bool(0.05);
            let value = if typo {
                typo_iban(rng, iban)
            } else {
                iban.clone()
            };
            push(out, "iban", written_iban(rng, &value), iban.clone(), typo);
        }
    }
    // Objects seen only in this case.
    if rng.random_bool(0.3) {
        let phone = Phone::random(rng, super::objects::home_region(jurisdiction));
        push_phone(out, rng, case, jurisdiction, &phone, false);
    }
    if rng.random_bool(0.15) {
        let country = super::objects::home_region(jurisdiction);
        let plate = random_plate(rng, country);
        push(
            out,
            "vehicle",
            written_plate(rng, &plate),
            canonical_plate(&plate),
            false,
        );
    }
    // Hubs: a resold phone or a typed placeholder shared with unrelated networks.
    if rng.random_bool(0.04) {
        if rng.random_bool(0.7) {
            let phone = hubs.phones.choose(rng).unwrap().clone();
            push_phone(out, rng, case, jurisdiction, &phone, true);
        } else {
            let (object_type, written, key) = if rng.random_bool(0.5) {
                (
                    "phone",
                    "00 00 00 00 00".to_string(),
                    "0000000000".to_string(),
                )
            } else {
                ("engine", "000000".to_string(), "000000".to_string())
            };
            out.objects.push(ObjectOut {
                case,
                object_type,
                written,
                key,
                chance_shared: true,
                invalid: false,
            });
        }
    }
}

fn person_events(
    out: &mut NetworkOut,
    rng: &mut ChaCha8Rng,
    config: &SynthConfig,
    case: usize,
    record: usize,
    opened: NaiveDate,
    currency: &'static str,
) {
    if !rng.random_bool(0.85) {
        return; // a subject never arrested (wanted, or intelligence only)
    }
    let as_of = config.as_of;
    let arrested = opened + days(rng, 0, 120);
    if arrested > as_of {
        return;
    }
    let ev = |out: &mut NetworkOut, event_type, date, quantity, currency| {
        out.events.push(EventOut {
            case,
            record: Some(record),
            event_type,
            date,
            quantity,
            currency,
        });
    };
    ev(out, "arrest", arrested, None, None);
    if rng.random_bool(0.07) {
        let requested = arrested + days(rng, 5, 60);
        if requested <= as_of {
            ev(out, "extradition_request", requested, None, None);
            let extradited = requested + days(rng, 30, 240);
            if rng.random_bool(0.6) && extradited <= as_of {
                ev(out, "extradition", extradited, None, None);
            }
        }
    }
    let charged = arrested + days(rng, 1, 30);
    let concluded = charged + Duration::days(30) + exp_days(rng, 400.0);
    let mut outcome = "pending";
    let mut concluded_on = None;
    if charged <= as_of {
        ev(out, "charge", charged, None, None);
        if concluded <= as_of {
            concluded_on = Some(concluded);
            if rng.random_bool(0.85) {
                outcome = "convicted";
                ev(out, "conviction", concluded, None, None);
                if rng.random_bool(0.9) {
                    let years = (rng.random_range(1..=28) as f64) * 0.5;
                    ev(out, "sentence", concluded, Some(years), None);
                }
                if rng.random_bool(0.3) {
                    let amount = (rng.random_range(5..=500) as f64) * 100.0;
                    ev(out, "fine", concluded, Some(amount), Some(currency));
                }
            } else {
                outcome = "acquitted";
                ev(out, "acquittal", concluded, None, None);
            }
        }
    }
    out.prosecutions.push(ProsecutionOut {
        case,
        record,
        arrested,
        outcome,
        concluded: concluded_on,
    });
}

fn case_events(
    out: &mut NetworkOut,
    rng: &mut ChaCha8Rng,
    config: &SynthConfig,
    case: usize,
    jurisdiction: &str,
    opened: NaiveDate,
) {
    let coast = matches!(jurisdiction, "FR" | "BE");
    let boat_country = coast || matches!(jurisdiction, "DE" | "NL");
    let mut ev = |rng: &mut ChaCha8Rng, event_type, quantity: f64| {
        let date = opened + days(rng, 0, 180);
        if date <= config.as_of {
            out.events.push(EventOut {
                case,
                record: None,
                event_type,
                date,
                quantity: Some(quantity),
                currency: None,
            });
        }
    };
    if rng.random_bool(if boat_country { 0.4 } else { 0.1 }) {
        let q = rng.random_range(1..=3) as f64;
        ev(rng, "seizure_boat", q);
    }
    if rng.random_bool(if boat_country { 0.3 } else { 0.08 }) {
        let q = rng.random_range(1..=4) as f64;
        ev(rng, "seizure_engine", q);
    }
    if coast && rng.random_bool(0.3) {
        let q = rng.random_range(15..=70) as f64;
        ev(rng, "crossing_prevented", q);
    }
    if rng.random_bool(0.02) {
        let q = rng.random_range(1..=6) as f64;
        ev(rng, "death_at_sea", q);
    }
}
