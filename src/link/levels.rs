//! Comparison levels of a record pair: for each comparison, the index of the first level
//! (best first) the pair satisfies, or `NULL` when either side lacks the value (no
//! evidence either way).

use rapidfuzz::distance::osa;

use crate::compare::similarity::{greedy_alignment, jaro_winkler_bytes, jaro_winkler_sim};

use chrono::{Datelike, NaiveDate};

use super::record::{Generic, LinkRecord};
use super::settings::ComparisonSpec;

pub const NULL: u8 = u8::MAX;

/// The most comparisons one model can have (levels live in a fixed array: no allocation
/// per pair).
pub const MAX_COMPARISONS: usize = 16;

/// The level of each comparison of a pair; slots past the model's comparisons are `NULL`.
pub type Levels = [u8; MAX_COMPARISONS];

/// The most levels one comparison can have (they are stored in 4 bits, 15 being `NULL`).
pub const MAX_LEVELS: usize = 15;

/// The levels of a pair in 4 bits each: a scored pair takes 24 bytes, not 32, which at
/// tens of millions of pairs is hundreds of megabytes of memory to fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PackedLevels(u64);

impl PackedLevels {
    const NULL_NIBBLE: u64 = 0xF;

    pub fn pack(levels: &Levels) -> PackedLevels {
        let mut bits = 0u64;
        for (c, &l) in levels.iter().enumerate() {
            let nibble = if l == NULL {
                Self::NULL_NIBBLE
            } else {
                debug_assert!(usize::from(l) < MAX_LEVELS, "level {l} does not fit 4 bits");
                u64::from(l)
            };
            bits |= nibble << (4 * c);
        }
        PackedLevels(bits)
    }

    /// The level of comparison `c` (`NULL` when either value is missing).
    #[inline]
    pub fn get(self, c: usize) -> u8 {
        match (self.0 >> (4 * c)) & 0xF {
            Self::NULL_NIBBLE => NULL,
            l => l as u8,
        }
    }

    pub fn unpack(self) -> Levels {
        std::array::from_fn(|c| self.get(c))
    }
}

/// Anything that carries the levels of one pair (bare levels, a scored pair), so training
/// can read the scored pairs in place instead of a copy of their levels.
pub trait PairLevels: Sync {
    fn pair_levels(&self) -> Levels;

    /// The level of comparison `c` alone.
    fn level(&self, c: usize) -> u8 {
        self.pair_levels()[c]
    }
}

impl PairLevels for Levels {
    fn pair_levels(&self) -> Levels {
        *self
    }
}

#[derive(Debug, Clone)]
enum Kind {
    Name,
    Dob,
    Nationality,
    Phone,
    Gender,
    /// Index into `LinkRecord::generic`; Jaro-Winkler bands.
    Text(usize, Vec<f64>),
    Code(usize),
    Exact(usize),
}

/// The comparisons of a model, resolved against the generic columns of its records.
#[derive(Debug, Clone)]
pub struct Comparator {
    kinds: Vec<Kind>,
}

impl Comparator {
    pub fn new(comparisons: &[ComparisonSpec], generic_columns: &[String]) -> Comparator {
        let slot = |column: &String| {
            generic_columns
                .iter()
                .position(|c| c == column)
                .expect("generic columns come from the same settings")
        };
        let kinds = comparisons
            .iter()
            .map(|c| match c {
                ComparisonSpec::Name { .. } => Kind::Name,
                ComparisonSpec::DateOfBirth {} => Kind::Dob,
                ComparisonSpec::Nationality {} => Kind::Nationality,
                ComparisonSpec::Phone { .. } => Kind::Phone,
                ComparisonSpec::Gender {} => Kind::Gender,
                ComparisonSpec::Text {
                    column, thresholds, ..
                } => Kind::Text(slot(column), thresholds.clone()),
                ComparisonSpec::Code { column, .. } => Kind::Code(slot(column)),
                ComparisonSpec::Exact { column, .. } => Kind::Exact(slot(column)),
            })
            .collect();
        Comparator { kinds }
    }

    pub fn len(&self) -> usize {
        self.kinds.len()
    }

    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
    }

    /// The generic column a comparison reads, if any.
    pub fn generic_slot(&self, c: usize) -> Option<usize> {
        match self.kinds[c] {
            Kind::Text(s, _) | Kind::Code(s) | Kind::Exact(s) => Some(s),
            _ => None,
        }
    }

    pub fn levels(&self, a: &LinkRecord, b: &LinkRecord) -> Levels {
        let mut out = [NULL; MAX_COMPARISONS];
        for (slot, kind) in out.iter_mut().zip(&self.kinds) {
            *slot = match kind {
                Kind::Name => name_level(a, b),
                Kind::Dob => dob_level(a, b),
                Kind::Nationality => nationality_level(a, b),
                Kind::Phone => phone_level(a, b),
                Kind::Gender => gender_level(a, b),
                Kind::Text(s, thresholds) => text_level(&a.generic[*s], &b.generic[*s], thresholds),
                Kind::Code(s) => code_level(&a.generic[*s], &b.generic[*s]),
                Kind::Exact(s) => match (&a.generic[*s], &b.generic[*s]) {
                    (Some(x), Some(y)) => u8::from(x.text != y.text),
                    _ => NULL,
                },
            };
        }
        out
    }
}

fn text_level(a: &Option<Generic>, b: &Option<Generic>, thresholds: &[f64]) -> u8 {
    let (Some(a), Some(b)) = (a, b) else {
        return NULL;
    };
    if a.text == b.text {
        return 0;
    }
    let sim = jaro_winkler_bytes(a.text.as_bytes(), b.text.as_bytes());
    let band = thresholds.iter().position(|t| sim >= *t);
    band.map_or(thresholds.len() as u8 + 1, |k| k as u8 + 1)
}

fn code_level(a: &Option<Generic>, b: &Option<Generic>) -> u8 {
    let (Some(a), Some(b)) = (a, b) else {
        return NULL;
    };
    if a.text == b.text {
        return 0;
    }
    let edits = osa::distance_with_args(
        a.text.bytes(),
        b.text.bytes(),
        &osa::Args::default().score_cutoff(2),
    );
    match edits {
        Some(1) => 1,
        Some(2) => 2,
        _ => 3,
    }
}

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
/// scoring 1 when their transliteration keys agree (or, with `NICKNAMES`, when they share
/// a nickname group: Tom and Thomas) and its Jaro-Winkler otherwise; the mean over the
/// shorter name, less 0.05 per unpaired token.
fn aligned_similarity<const NICKNAMES: bool>(a: &LinkRecord, b: &LinkRecord) -> f64 {
    // Greedy pairing breaks ties by position: order the two records canonically so the
    // score is symmetric without computing it twice.
    let first = (a.tokens_hash, &a.tokens) <= (b.tokens_hash, &b.tokens);
    let (a, b) = if first { (a, b) } else { (b, a) };
    let same_key = |i: usize, j: usize| {
        (a.token_keys.get(i).is_some() && a.token_keys.get(i) == b.token_keys.get(j))
            || (NICKNAMES && a.nickname_groups.equivalent(i, &b.nickname_groups, j))
    };
    let (n_a, n_b) = (a.tokens.len(), b.tokens.len());
    if let (Some(pa), Some(pb)) = (&a.packed_tokens, &b.packed_tokens) {
        // The same scores as below, read from the packed tokens.
        return greedy_alignment(n_a, n_b, |i, j| {
            if same_key(i, j) {
                1.0
            } else if pa.is_ascii(i) && pb.is_ascii(j) {
                jaro_winkler_bytes(pa.token(i), pb.token(j))
            } else {
                jaro_winkler_sim(&a.tokens[i], &b.tokens[j])
            }
        });
    }
    greedy_alignment(n_a, n_b, |i, j| {
        if same_key(i, j) {
            1.0
        } else if a.tokens[i].is_ascii() && b.tokens[j].is_ascii() {
            // Standardised tokens are folded to ASCII: compare bytes, the fast path.
            jaro_winkler_bytes(a.tokens[i].as_bytes(), b.tokens[j].as_bytes())
        } else {
            jaro_winkler_sim(&a.tokens[i], &b.tokens[j])
        }
    })
}

/// Whether two names are alike (>= 0.95) once tokens sharing a nickname group count as
/// the same name. Computed only when some token of one and a token of the other with a
/// different key share a group, which few pairs do (not memoised: the memo keeps the
/// ordinary similarity).
fn nickname_alike(a: &LinkRecord, b: &LinkRecord) -> bool {
    if a.nickname_groups.is_empty() || b.nickname_groups.is_empty() {
        return false;
    }
    let keys_differ = |i: usize, j: usize| a.token_keys.get(i) != b.token_keys.get(j);
    a.nickname_groups
        .any_shared(&b.nickname_groups, keys_differ)
        && aligned_similarity::<true>(a, b) >= ALIKE
}

/// Slots of the per-thread memo of name similarities (24 bytes each: it stays in cache).
const MEMO_BITS: u32 = 16;
const MEMO_SLOTS: usize = 1 << MEMO_BITS;

thread_local! {
    /// (first name hash, second name hash, similarity); NaN marks an empty slot.
    static NAME_MEMO: std::cell::RefCell<Vec<(u64, u64, f64)>> =
        std::cell::RefCell::new(vec![(0, 0, f64::NAN); MEMO_SLOTS]);
}

/// `aligned_similarity`, remembered per pair of spellings: candidate pairs come sorted
/// by record and records sorted by name, so the same two names meet again and again
/// (a common name is compared with its variants thousands of times). Keyed by the
/// 64-bit hashes of both names' tokens and keys, so two different names would have to
/// collide on both hashes to be confused.
fn memo_similarity(a: &LinkRecord, b: &LinkRecord) -> f64 {
    let (x, y) = if a.tokens_hash <= b.tokens_hash {
        (a.tokens_hash, b.tokens_hash)
    } else {
        (b.tokens_hash, a.tokens_hash)
    };
    let slot = (x.rotate_left(21) ^ y).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - MEMO_BITS);
    NAME_MEMO.with(|memo| {
        let mut memo = memo.borrow_mut();
        let entry = &mut memo[slot as usize];
        if entry.0 == x && entry.1 == y && !entry.2.is_nan() {
            return entry.2;
        }
        let sim = aligned_similarity::<false>(a, b);
        *entry = (x, y, sim);
        sim
    })
}

/// Similarity at or above which two names are alike (a typo, a dropped name).
const ALIKE: f64 = 0.95;

/// The name level of a nickname or short form (Tom/Thomas), otherwise alike.
pub const NAME_NICKNAME: u8 = 2;

/// The level of two names: 0 the same keys, 1 alike or an alias, `NAME_NICKNAME` alike
/// with nicknames, 3 somewhat alike, 4 one key shared, 5 different (see
/// `ComparisonSpec::level_labels`).
pub fn name_level(a: &LinkRecord, b: &LinkRecord) -> u8 {
    if a.keys.is_empty() || b.keys.is_empty() {
        return NULL;
    }
    // The interned id of the key set: equal ids, equal keys (a word compare, no memcmp).
    if a.name_id == b.name_id {
        return 0;
    }
    let alias = a.alias_keys.contains(&b.keys) || b.alias_keys.contains(&a.keys);
    let sim = memo_similarity(a, b);
    if alias || sim >= ALIKE {
        return 1;
    }
    if nickname_alike(a, b) {
        return NAME_NICKNAME;
    }
    if sim >= 0.88 {
        return 3;
    }
    if shared_sorted(&a.keys, &b.keys) > 0 {
        return 4;
    }
    5
}

/// Positions at which two dates written YYYYMMDD differ (a typo changes one).
fn digits_differing(a: NaiveDate, b: NaiveDate) -> usize {
    let digits = |d: NaiveDate| {
        let v = d.year().rem_euclid(10_000) as u32 * 10_000 + d.month() * 100 + d.day();
        (0..8).map(move |k| (v / 10u32.pow(k)) % 10)
    };
    digits(a).zip(digits(b)).filter(|(x, y)| x != y).count()
}

pub fn dob_level(a: &LinkRecord, b: &LinkRecord) -> u8 {
    let (Some(ya), Some(yb)) = (a.dob_year, b.dob_year) else {
        return NULL;
    };
    let (Some(da), Some(db)) = (a.dob, b.dob) else {
        // Placeholders and year-only dates: only the year can agree.
        return match (ya - yb).abs() {
            0 => 2,
            1 => 4,
            _ => 5,
        };
    };
    if da == db {
        return 0;
    }
    let swapped = a.dob_swapped == Some(db) || b.dob_swapped == Some(da);
    let same_day = a.birth_month_day() == b.birth_month_day();
    if swapped || (same_day && (ya - yb).abs() == 1) {
        return 1;
    }
    let days = (da - db).num_days().abs();
    if digits_differing(da, db) == 1 || days <= 31 {
        return 3;
    }
    if days <= 366 {
        return 4;
    }
    5
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::tests::people;

    #[test]
    fn nicknames_get_their_own_name_level() {
        let ds = people(&[
            ("Tom", "Smith", "1990-03-04"),
            ("Thomas", "Smith", "1990-03-04"),
            ("Thomas", "Smith", "1991-05-06"),
            ("Bill", "Jones", "1980-01-01"),
            ("William", "Jones", "1980-01-01"),
            ("Peggy", "Ward", "1970-01-01"),
            ("Margaret", "Ward", "1970-01-01"),
            ("John", "Smith", "1990-03-04"),
            ("James", "Smith", "1990-03-04"),
            ("Omar", "Khan", "1990-03-04"),
            ("Omer", "Khan", "1990-03-04"),
            ("Bob", "Ward", "1970-01-01"),
            ("Robert", "Ward", "1970-01-01"),
            ("Omar", "Rahimi", "1990-03-04"),
            ("Karim", "Nouri", "1990-03-04"),
            ("Karim", "Nuri", "1990-03-04"),
        ]);
        let name = |i: usize, j: usize| name_level(&ds.records[i], &ds.records[j]);
        assert_eq!(name(0, 1), NAME_NICKNAME, "Tom / Thomas Smith");
        assert_eq!(name(1, 0), NAME_NICKNAME);
        assert_eq!(name(1, 2), 0, "Thomas / Thomas Smith");
        assert_eq!(name(3, 4), NAME_NICKNAME, "Bill / William Jones");
        assert_eq!(name(5, 6), NAME_NICKNAME, "Peggy / Margaret Ward");
        assert_eq!(name(11, 12), NAME_NICKNAME, "Bob / Robert Ward");
        // Unrelated names keep their ordinary level.
        assert!(
            name(7, 8) > NAME_NICKNAME,
            "John / James Smith: {}",
            name(7, 8)
        );
        assert!(
            name(0, 7) > NAME_NICKNAME,
            "Tom / John Smith: {}",
            name(0, 7)
        );
        assert!(
            name(5, 11) > NAME_NICKNAME,
            "Peggy / Bob Ward: {}",
            name(5, 11)
        );
        // Names without nickname tokens: the level from similarity alone, as before.
        for (i, j) in [(9, 10), (9, 13), (14, 15)] {
            let (a, b) = (&ds.records[i], &ds.records[j]);
            assert!(a.nickname_groups.is_empty() && b.nickname_groups.is_empty());
            let sim = aligned_similarity::<false>(a, b);
            assert_eq!(aligned_similarity::<true>(a, b), sim);
            let expected = if a.name_id == b.name_id {
                0
            } else if sim >= ALIKE {
                1
            } else if sim >= 0.88 {
                3
            } else if shared_sorted(&a.keys, &b.keys) > 0 {
                4
            } else {
                5
            };
            assert_eq!(name(i, j), expected, "{:?} / {:?}", a.tokens, b.tokens);
        }
        assert_eq!(name(9, 13), 4, "Omar Khan / Omar Rahimi");
    }

    #[test]
    fn name_labels_match_the_levels() {
        let labels = ComparisonSpec::Name {
            term_frequency: true,
        }
        .level_labels();
        assert_eq!(labels.len(), 6);
        assert!(labels[usize::from(NAME_NICKNAME)].contains("nickname"));
        assert!(labels[1].starts_with("names alike"));
        assert!(labels[3].starts_with("names somewhat alike"));
    }

    #[test]
    fn packed_levels_keep_every_level_and_null() {
        let mut levels = [NULL; MAX_COMPARISONS];
        for (c, slot) in levels.iter_mut().enumerate().take(MAX_LEVELS) {
            *slot = c as u8;
        }
        levels[3] = NULL;
        let packed = PackedLevels::pack(&levels);
        assert_eq!(packed.unpack(), levels);
        assert_eq!(packed.get(14), 14);
        assert_eq!(packed.get(3), NULL);
        assert_eq!(packed.get(15), NULL);
        assert_eq!(std::mem::size_of::<crate::link::ScoredPair>(), 24);
    }
}
