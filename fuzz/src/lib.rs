//! The checks behind each fuzz target, in one place so that the targets (run by
//! `cargo fuzz`) and the seeded smoke test (`cargo test`, stable Rust) exercise the same
//! code. Each check takes arbitrary bytes, reads them as text (lossily: invalid UTF-8
//! becomes U+FFFD, so every input reaches the parser) and asserts what must always hold.
use std::borrow::Cow;

use _core::cases::objects::normalise_object;
use _core::compare::similarity::{name_similarity, Scorer};
use _core::standardise::dates::{parse_dob, DateOrder};
use _core::standardise::nationality::parse_nationality;
use _core::standardise::phones::parse_phones;
use _core::standardise::{standardise_record, RawRecord, PROFILES};
use rphonetic::DoubleMetaphone;

/// The first byte picks a variant (profile, date order, object type ...); the rest is text.
fn split(data: &[u8]) -> (u8, Cow<'_, str>) {
    match data.split_first() {
        Some((first, rest)) => (*first, String::from_utf8_lossy(rest)),
        None => (0, Cow::Borrowed("")),
    }
}

/// Up to `n` fields separated by NUL bytes; missing fields are `None`.
fn fields(text: &str, n: usize) -> Vec<Option<&str>> {
    let mut out: Vec<Option<&str>> = text.splitn(n, '\0').map(Some).collect();
    out.resize(n, None);
    out
}

/// Names, through the whole record path: cleaning, tokens, particles, transliteration
/// keys and Double Metaphone, under each profile.
pub fn check_names(data: &[u8]) {
    let (pick, text) = split(data);
    let f = fields(&text, 4);
    let profile = &PROFILES[pick as usize % PROFILES.len()];
    let raw = RawRecord {
        given_name: f[0],
        family_name: f[1],
        full_name: f[2],
        alias: f[3],
        ..RawRecord::default()
    };
    let out = standardise_record(&raw, profile, 2025.into(), &DoubleMetaphone::default());
    assert_eq!(out.name_keys.len(), out.name_phonetic.len());
}

pub fn check_dates(data: &[u8]) {
    let (pick, text) = split(data);
    let order = [
        DateOrder::DayFirst,
        DateOrder::MonthFirst,
        DateOrder::YearFirst,
    ][pick as usize % 3];
    let dob = parse_dob(Some(&text), order, 2025);
    if let Some(date) = dob.date {
        use chrono::Datelike;
        assert_eq!(dob.year, Some(date.year()));
    }
}

pub fn check_nationality(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let parsed = parse_nationality(Some(&text));
    if let Some(code) = parsed.code {
        assert!(
            code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()),
            "{code}"
        );
    }
}

pub fn check_phones(data: &[u8]) {
    let (pick, text) = split(data);
    let region = PROFILES[pick as usize % PROFILES.len()].region;
    let (numbers, _) = parse_phones(Some(&text), region);
    for n in numbers {
        assert!(
            n.starts_with('+') && n[1..].bytes().all(|b| b.is_ascii_digit()),
            "{n}"
        );
    }
}

pub fn check_objects(data: &[u8]) {
    const KINDS: [&str; 7] = ["phone", "boat", "engine", "vehicle", "iban", "other", ""];
    const REGIONS: [Option<&str>; 4] = [Some("UK"), Some("FR"), Some("ZZ"), None];
    let (pick, text) = split(data);
    let kind = KINDS[pick as usize % KINDS.len()];
    let region = REGIONS[(pick as usize / KINDS.len()) % REGIONS.len()];
    let out = normalise_object(kind, Some(&text), region);
    assert!(
        out.key.is_some() || out.reason.is_some(),
        "{kind}: {text:?}"
    );
}

/// Every kernel on two strings: a score in [0, 1], the same both ways round.
pub fn check_similarity(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let f = fields(&text, 2);
    let (a, b) = (f[0].unwrap_or(""), f[1].unwrap_or(""));
    for name in Scorer::NAMES {
        let scorer = Scorer::parse(name).expect("a known scorer");
        let (ab, ba) = (scorer.score(a, b), scorer.score(b, a));
        assert!((0.0..=1.0).contains(&ab), "{name}({a:?}, {b:?}) = {ab}");
        assert!((ab - ba).abs() < 1e-9, "{name} not symmetric: {ab} vs {ba}");
    }
    let (ta, tb): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    let s = name_similarity(&ta, &tb);
    assert!(
        (0.0..=1.0).contains(&s),
        "name_similarity({ta:?}, {tb:?}) = {s}"
    );
}

/// A check: panics on a broken invariant.
pub type Check = fn(&[u8]);

/// Every target's check by name (the seed folder and the fuzz binary share the name).
pub const TARGETS: [(&str, Check); 6] = [
    ("names", check_names),
    ("dates", check_dates),
    ("nationality", check_nationality),
    ("phones", check_phones),
    ("objects", check_objects),
    ("similarity", check_similarity),
];

#[cfg(test)]
mod tests {
    use super::TARGETS;

    /// The seeds (and any crash input added to them as a regression) pass on stable Rust.
    #[test]
    fn every_seed_passes_its_check() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        for (name, check) in TARGETS {
            let mut seen = 0;
            for entry in std::fs::read_dir(root.join(name)).expect("a seed folder") {
                check(&std::fs::read(entry.expect("a seed").path()).expect("readable"));
                seen += 1;
            }
            assert!(seen > 0, "no seeds for {name}");
            check(b"");
        }
    }
}
