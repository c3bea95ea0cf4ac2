//! String and name similarity kernels, all in [0, 1] and symmetric.
//!
//! Edit-distance kernels are rapidfuzz's (on Unicode scalar values, so `é` is one
//! character); the token and name kernels are ours:
//! - [`token_set`]: rapidfuzz's `token_set_ratio` definition (scaled to [0, 1]): shared
//!   tokens count fully, the rest is compared by Indel similarity;
//! - [`name_similarity`]: for name token lists, order-free (a swapped given/family name
//!   scores like the right order), tolerant of a dropped middle name, and of compounds
//!   written together or apart (`abdul rahman` vs `abdulrahman`).

use rapidfuzz::distance::{damerau_levenshtein, indel, jaro_winkler, levenshtein};

/// The kernels callers can ask for by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scorer {
    JaroWinkler,
    Levenshtein,
    DamerauLevenshtein,
    TokenSet,
    Name,
}

impl Scorer {
    pub const NAMES: [&'static str; 5] = [
        "jaro_winkler",
        "levenshtein",
        "damerau_levenshtein",
        "token_set",
        "name",
    ];

    pub fn parse(name: &str) -> Option<Scorer> {
        Some(match name {
            "jaro_winkler" => Scorer::JaroWinkler,
            "levenshtein" => Scorer::Levenshtein,
            "damerau_levenshtein" => Scorer::DamerauLevenshtein,
            "token_set" => Scorer::TokenSet,
            "name" => Scorer::Name,
            _ => return None,
        })
    }

    /// Scores two strings; name and token kernels split them on whitespace.
    pub fn score(self, a: &str, b: &str) -> f64 {
        match self {
            Scorer::JaroWinkler => jaro_winkler_sim(a, b),
            Scorer::Levenshtein => levenshtein::normalized_similarity(a.chars(), b.chars()),
            Scorer::DamerauLevenshtein => {
                damerau_levenshtein::normalized_similarity(a.chars(), b.chars())
            }
            Scorer::TokenSet => token_set(a, b),
            Scorer::Name => {
                let ta: Vec<&str> = a.split_whitespace().collect();
                let tb: Vec<&str> = b.split_whitespace().collect();
                name_similarity(&ta, &tb)
            }
        }
    }
}

/// Jaro-Winkler of two byte strings, the same value as rapidfuzz's (prefix weight 0.1,
/// boost above 0.7) without its per-call 256-entry pattern table, which dominates the cost
/// on name tokens of a few letters. Strings over 64 bytes go to rapidfuzz.
pub fn jaro_winkler_bytes(a: &[u8], b: &[u8]) -> f64 {
    if a.len() > 64 || b.len() > 64 {
        return jaro_winkler::normalized_similarity(a.iter().copied(), b.iter().copied());
    }
    let prefix = a.iter().zip(b).take(4).take_while(|(x, y)| x == y).count();
    let sim = jaro_short(a, b);
    if sim > 0.7 {
        sim + prefix as f64 * 0.1 * (1.0 - sim)
    } else {
        sim
    }
}

/// Jaro on strings of at most 64 bytes, following rapidfuzz step by step (common prefix
/// first, window of max(len)/2 - 1, each character of `b` matched to the first free equal
/// character of `a` in its window) so the results agree exactly.
fn jaro_short(a: &[u8], b: &[u8]) -> f64 {
    let (len1, len2) = (a.len(), b.len());
    if len1 == 0 && len2 == 0 {
        return 1.0;
    }
    if len1 == 0 || len2 == 0 {
        return 0.0;
    }
    if len1 == 1 && len2 == 1 {
        return f64::from(u8::from(a[0] == b[0]));
    }
    let bound = len1.max(len2) / 2 - 1;
    let a = &a[..len1.min(len2 + bound)];
    let b = &b[..len2.min(len1 + bound)];
    let common_prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[common_prefix..], &b[common_prefix..]);
    let (mut a_flags, mut b_flags) = (0u64, 0u64);
    let mut common = common_prefix;
    for (j, &ch) in b.iter().enumerate() {
        let lo = j.saturating_sub(bound);
        let hi = (j + bound + 1).min(a.len());
        if let Some(i) = (lo..hi).find(|&i| a_flags & (1 << i) == 0 && a[i] == ch) {
            a_flags |= 1 << i;
            b_flags |= 1 << j;
            common += 1;
        }
    }
    if common == 0 {
        return 0.0;
    }
    let mut transpositions = 0;
    let mut j = 0;
    for (i, &ch) in a.iter().enumerate() {
        if a_flags & (1 << i) != 0 {
            while b_flags & (1 << j) == 0 {
                j += 1;
            }
            transpositions += usize::from(ch != b[j]);
            j += 1;
        }
    }
    let c = common as f64;
    (c / len1 as f64 + c / len2 as f64 + (c - (transpositions / 2) as f64) / c) / 3.0
}

pub fn jaro_winkler_sim(a: &str, b: &str) -> f64 {
    jaro_winkler::normalized_similarity(a.chars(), b.chars())
}

/// rapidfuzz's token_set_ratio / 100.
pub fn token_set(a: &str, b: &str) -> f64 {
    let mut ta: Vec<&str> = a.split_whitespace().collect();
    let mut tb: Vec<&str> = b.split_whitespace().collect();
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    ta.sort_unstable();
    ta.dedup();
    tb.sort_unstable();
    tb.dedup();
    let sect: Vec<&str> = ta
        .iter()
        .copied()
        .filter(|t| tb.binary_search(t).is_ok())
        .collect();
    let diff_ab: Vec<&str> = ta
        .iter()
        .copied()
        .filter(|t| tb.binary_search(t).is_err())
        .collect();
    let diff_ba: Vec<&str> = tb
        .iter()
        .copied()
        .filter(|t| ta.binary_search(t).is_err())
        .collect();
    if !sect.is_empty() && (diff_ab.is_empty() || diff_ba.is_empty()) {
        return 1.0;
    }
    // Lengths in characters; the comparison of the differences is normalised by the
    // lengths of the intersection plus each difference, as rapidfuzz defines it.
    let len = |tokens: &[&str]| -> usize {
        tokens.iter().map(|t| t.chars().count()).sum::<usize>() + tokens.len().saturating_sub(1)
    };
    let (ab_len, ba_len, sect_len) = (len(&diff_ab), len(&diff_ba), len(&sect));
    let glue = usize::from(sect_len != 0);
    let sect_ab_len = sect_len + glue + ab_len;
    let sect_ba_len = sect_len + glue + ba_len;
    let norm = |dist: usize, total: usize| {
        if total == 0 {
            1.0
        } else {
            1.0 - dist as f64 / total as f64
        }
    };
    let dist = indel::distance(diff_ab.join(" ").chars(), diff_ba.join(" ").chars());
    let mut best = norm(dist, sect_ab_len + sect_ba_len);
    if sect_len != 0 {
        best = best
            .max(norm(glue + ab_len, sect_len + sect_ab_len))
            .max(norm(glue + ba_len, sect_len + sect_ba_len));
    }
    best
}

/// Greedy one-to-one pairing of `n_a` and `n_b` tokens by `score(i, j)`, best pairs
/// first (ties by index); the mean of the paired scores over the shorter side, lightly
/// penalised per unpaired token (a dropped middle name costs 5 %). 0 if either is empty.
pub fn greedy_alignment(n_a: usize, n_b: usize, score: impl Fn(usize, usize) -> f64) -> f64 {
    if n_a == 0 || n_b == 0 {
        return 0.0;
    }
    let total = if n_a <= SMALL_NAME && n_b <= SMALL_NAME {
        // Names of a few tokens (nearly all): on the stack, as this runs for every pair.
        let mut buf = [(0.0, 0u8, 0u8); SMALL_NAME * SMALL_NAME];
        for i in 0..n_a {
            for j in 0..n_b {
                buf[i * n_b + j] = (score(i, j), i as u8, j as u8);
            }
        }
        let pairs = &mut buf[..n_a * n_b];
        pairs.sort_unstable_by(best_first);
        let (mut used_a, mut used_b, mut total) = (0u16, 0u16, 0.0);
        for &(s, i, j) in pairs.iter() {
            if used_a & (1 << i) == 0 && used_b & (1 << j) == 0 {
                used_a |= 1 << i;
                used_b |= 1 << j;
                total += s;
            }
        }
        total
    } else {
        let mut pairs: Vec<(f64, usize, usize)> = Vec::with_capacity(n_a * n_b);
        for i in 0..n_a {
            for j in 0..n_b {
                pairs.push((score(i, j), i, j));
            }
        }
        pairs.sort_by(best_first);
        let (mut used_a, mut used_b) = (vec![false; n_a], vec![false; n_b]);
        let mut total = 0.0;
        for (s, i, j) in pairs {
            if !used_a[i] && !used_b[j] {
                used_a[i] = true;
                used_b[j] = true;
                total += s;
            }
        }
        total
    };
    let (shorter, longer) = (n_a.min(n_b), n_a.max(n_b));
    (total / shorter as f64) * (1.0 - 0.05 * (longer - shorter) as f64).max(0.5)
}

/// Names up to this many tokens are aligned without allocating.
const SMALL_NAME: usize = 8;

/// Highest score first, ties by position: a total order, so the pairing (and the sum's
/// order) does not depend on the sort algorithm.
fn best_first<I: Ord>(p: &(f64, I, I), q: &(f64, I, I)) -> std::cmp::Ordering {
    q.0.total_cmp(&p.0).then(p.1.cmp(&q.1)).then(p.2.cmp(&q.2))
}

fn token_alignment(a: &[&str], b: &[&str]) -> f64 {
    greedy_alignment(a.len(), b.len(), |i, j| jaro_winkler_sim(a[i], b[j]))
}

/// Similarity of two names given as token lists (see the module docs). 0 when either is
/// empty. Symmetric by construction.
pub fn name_similarity(a: &[&str], b: &[&str]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let aligned = token_alignment(a, b).max(token_alignment(b, a));
    let joined = jaro_winkler_sim(&a.concat(), &b.concat());
    // Sorted concatenation catches compounds whichever side of the name they sit.
    let mut sa = a.to_vec();
    let mut sb = b.to_vec();
    sa.sort_unstable();
    sb.sort_unstable();
    let sorted = jaro_winkler_sim(&sa.concat(), &sb.concat());
    aligned.max(joined).max(sorted).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_jaro_winkler_agrees_with_rapidfuzz() {
        use rand::{Rng, SeedableRng};
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
        for _ in 0..200_000 {
            // A small alphabet makes repeated letters, windows and transpositions common.
            let max = [3, 12, 40][rng.random_range(0..3)];
            let mut word = || -> Vec<u8> {
                let n = rng.random_range(0..=max);
                (0..n).map(|_| b"abcde"[rng.random_range(0..5)]).collect()
            };
            let (a, b) = (word(), word());
            let ours = jaro_winkler_bytes(&a, &b);
            let theirs = jaro_winkler::normalized_similarity(a.iter().copied(), b.iter().copied());
            assert!(
                (ours - theirs).abs() < 1e-12,
                "{a:?} {b:?}: {ours} vs {theirs}"
            );
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn known_values() {
        // rapidfuzz: JaroWinkler.normalized_similarity("MARTHA", "MARHTA") = 0.9611...
        assert!((jaro_winkler_sim("MARTHA", "MARHTA") - 0.961_111).abs() < 1e-5);
        assert!(close(
            Scorer::Levenshtein.score("kitten", "sitting"),
            1.0 - 3.0 / 7.0
        ));
        assert!(close(Scorer::DamerauLevenshtein.score("ca", "ac"), 0.5));
        assert!(close(
            token_set("fuzzy was a bear", "fuzzy fuzzy was a bear"),
            1.0
        ));
        assert!(close(jaro_winkler_sim("", ""), 1.0));
    }

    #[test]
    fn names_swapped_compound_and_dropped_middle() {
        assert!(close(
            name_similarity(&["kaiwan", "poore"], &["poore", "kaiwan"]),
            1.0
        ));
        assert!(name_similarity(&["abdul", "rahman", "ali"], &["abdulrahman", "ali"]) > 0.9);
        assert!(name_similarity(&["ahmed", "mohamed", "osman"], &["ahmed", "osman"]) > 0.9);
        assert!(name_similarity(&["ahmed", "osman"], &["bashir", "karimi"]) < 0.7);
        assert_eq!(name_similarity(&[], &["x"]), 0.0);
    }

    #[test]
    fn kernels_are_symmetric_and_bounded() {
        let words = [
            "",
            "a",
            "ab",
            "abc",
            "mohammed",
            "muhammad",
            "ali karimi",
            "karimi ali",
            "zoë",
        ];
        for scorer in Scorer::NAMES.iter().map(|n| Scorer::parse(n).unwrap()) {
            for a in words {
                for b in words {
                    let (x, y) = (scorer.score(a, b), scorer.score(b, a));
                    assert!(close(x, y), "{scorer:?} {a:?} {b:?}: {x} vs {y}");
                    assert!((0.0..=1.0).contains(&x));
                }
            }
        }
    }
}
