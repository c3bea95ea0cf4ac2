//! Comparison levels of a record pair: for each comparison, the index of the first level
//! (best first) the pair satisfies, or `NULL` when either side lacks the value (no
//! evidence either way).

use rapidfuzz::distance::jaro_winkler;

use crate::compare::similarity::{greedy_alignment, jaro_winkler_sim};

use super::record::{DobKnown, LinkRecord};

pub const NULL: u8 = u8::MAX;

/// The comparisons of the person model, in column order.
pub const COMPARISONS: [&str; 5] = ["name", "dob", "nationality", "phone", "gender"];

/// Level labels per comparison (best first), for explanations and reports.
pub const LEVELS: [&[&str]; 5] = [
    &[
        "same name keys",
        "names alike (>= 0.95: a typo, a dropped name) or an alias",
        "names somewhat alike (>= 0.88)",
        "one name key shared",
        "different names",
    ],
    &[
        "same date",
        "day/month swapped or year off by one",
        "same year (partial date)",
        "years one apart",
        "different dates",
    ],
    &["same nationality", "different nationality"],
    &["shared phone", "different phones"],
    &["same gender", "different gender"],
];

pub type Levels = [u8; 5];

fn shared_sorted(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Order-free similarity of two names: tokens paired greedily, best first, each pair
/// scoring 1 when their transliteration keys agree and its Jaro-Winkler otherwise; the
/// mean over the shorter name, less 0.05 per unpaired token.
fn aligned_similarity(a: &LinkRecord, b: &LinkRecord) -> f64 {
    // Greedy pairing breaks ties by position: order the two records canonically so the
    // score is symmetric without computing it twice.
    let (a, b) = if a.tokens <= b.tokens { (a, b) } else { (b, a) };
    greedy_alignment(a.tokens.len(), b.tokens.len(), |i, j| {
        let same_key = a.token_keys.get(i).is_some() && a.token_keys.get(i) == b.token_keys.get(j);
        if same_key {
            1.0
        } else if a.tokens[i].is_ascii() && b.tokens[j].is_ascii() {
            // Standardised tokens are folded to ASCII: compare bytes, the fast path.
            jaro_winkler::normalized_similarity(a.tokens[i].bytes(), b.tokens[j].bytes())
        } else {
            jaro_winkler_sim(&a.tokens[i], &b.tokens[j])
        }
    })
}

pub fn name_level(a: &LinkRecord, b: &LinkRecord) -> u8 {
    if a.keys.is_empty() || b.keys.is_empty() {
        return NULL;
    }
    if a.keys == b.keys {
        return 0;
    }
    let alias = a.alias_keys.contains(&b.keys) || b.alias_keys.contains(&a.keys);
    let sim = aligned_similarity(a, b);
    if alias || sim >= 0.95 {
        return 1;
    }
    if sim >= 0.88 {
        return 2;
    }
    if shared_sorted(&a.keys, &b.keys) > 0 {
        return 3;
    }
    4
}

pub fn dob_level(a: &LinkRecord, b: &LinkRecord) -> u8 {
    let (Some(ya), Some(yb)) = (a.dob_year, b.dob_year) else {
        return NULL;
    };
    let both_full = a.dob_known == DobKnown::Full && b.dob_known == DobKnown::Full;
    if !both_full {
        // Placeholders and year-only dates: only the year can agree.
        return match (ya - yb).abs() {
            0 => 2,
            1 => 3,
            _ => 4,
        };
    }
    if a.dob == b.dob {
        return 0;
    }
    let swapped = a.dob_swapped.is_some() && a.dob_swapped == b.dob
        || b.dob_swapped.is_some() && b.dob_swapped == a.dob;
    let same_day = a.birth_month_day() == b.birth_month_day();
    if swapped || (same_day && (ya - yb).abs() == 1) {
        return 1;
    }
    if ya == yb {
        // One wrong digit in the day or the month.
        let (ma, da) = a.birth_month_day().unwrap_or_default();
        let (mb, db) = b.birth_month_day().unwrap_or_default();
        if ma == mb || da == db {
            return 3;
        }
    }
    4
}

pub fn nationality_level(a: &LinkRecord, b: &LinkRecord) -> u8 {
    match (a.nationality, b.nationality) {
        (Some(x), Some(y)) => u8::from(x != y),
        _ => NULL,
    }
}

pub fn phone_level(a: &LinkRecord, b: &LinkRecord) -> u8 {
    if a.phones.is_empty() || b.phones.is_empty() {
        return NULL;
    }
    u8::from(!a.phones.iter().any(|p| b.phones.contains(p)))
}

pub fn gender_level(a: &LinkRecord, b: &LinkRecord) -> u8 {
    if a.gender == 0 || b.gender == 0 {
        return NULL;
    }
    u8::from(a.gender != b.gender)
}

pub fn levels(a: &LinkRecord, b: &LinkRecord) -> Levels {
    [
        name_level(a, b),
        dob_level(a, b),
        nationality_level(a, b),
        phone_level(a, b),
        gender_level(a, b),
    ]
}
