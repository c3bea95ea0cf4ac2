//! Dictionary encoding: values -> dense `u32` codes, in parallel, with a fast hasher.
//!
//! Codes are given in order of first appearance, so the result does not depend on the
//! number of threads.
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};

use rayon::prelude::*;

/// The code of a missing value.
pub const NULL: u32 = u32::MAX;

/// A multiply-rotate hasher (the scheme of rustc's FxHasher): fast for short keys such
/// as ids and codes. Not resistant to crafted collisions, which analysts' ids are not.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(buf));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64);
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        // murmur3's finaliser: every output bit depends on every input bit (hashbrown
        // indexes by the low bits and tags by the top 7).
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// Rows per parallel piece.
const PIECE: usize = 1 << 16;
/// Hash shards: each is encoded by one thread, so high-cardinality columns (ids) spread
/// over the cores as well as low-cardinality ones (types).
const SHARD_BITS: u32 = 6;
const SHARDS: usize = 1 << SHARD_BITS;

fn hash_of<K: Hash>(k: &K) -> u64 {
    let mut h = FastHasher::default();
    k.hash(&mut h);
    h.finish()
}

fn shard_of(hash: u64) -> usize {
    // Middle bits: the maps inside a shard index by the low bits and tag by the top ones.
    ((hash >> 40) as usize) & (SHARDS - 1)
}

/// Hashes already computed by [`FastHasher`], used as they are.
#[derive(Default, Clone, Copy)]
pub struct Prehashed(u64);

impl Hasher for Prehashed {
    fn write(&mut self, _: &[u8]) {
        unreachable!("only u64 hashes are stored")
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.0 = i;
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Dense codes of `values` and the distinct values (`names[code]`). `None` values get
/// [`NULL`]. Values are split into hash shards encoded in parallel; codes are ordered by
/// shard, then by first appearance, so they depend on the values only, never on the
/// number of threads.
///
/// Shards map 64-bit hashes, not values, so no value is read twice; a final pass checks
/// every row against its code's value, and a collision (never seen in practice) redoes
/// the encoding on the values themselves.
pub fn dictionary<K>(values: &[Option<K>]) -> (Vec<u32>, Vec<K>)
where
    K: Hash + Eq + Copy + Send + Sync,
{
    checked(values, hash_of)
}

fn checked<K>(values: &[Option<K>], hash: impl Fn(&K) -> u64 + Sync) -> (Vec<u32>, Vec<K>)
where
    K: Hash + Eq + Copy + Send + Sync,
{
    // Few distinct values (types, currencies, cells): each piece encodes on its own and
    // the small dictionaries are merged. Many (ids): hash shards.
    let sample = &values[..values.len().min(PIECE)];
    let distinct = sample
        .iter()
        .flatten()
        .collect::<std::collections::HashSet<_, BuildHasherDefault<FastHasher>>>()
        .len();
    if distinct <= PIECE / 64 {
        return local(values);
    }
    let out = encode_by(values, hash);
    let consistent = values
        .par_iter()
        .zip(out.0.par_iter())
        .all(|(v, &c)| v.as_ref().is_none_or(|k| out.1[c as usize] == *k));
    if consistent {
        return out;
    }
    // A 64-bit collision: encode the values themselves (a constant hash would do, slowly;
    // the exact map below is the reference).
    exact(values)
}

/// Each piece encodes locally; the local dictionaries are merged in piece order.
fn local<K>(values: &[Option<K>]) -> (Vec<u32>, Vec<K>)
where
    K: Hash + Eq + Copy + Send + Sync,
{
    let pieces: Vec<(Vec<u32>, Vec<K>)> = values.par_chunks(PIECE).map(exact).collect();
    let mut global: FastMap<K, u32> = FastMap::default();
    let mut names = Vec::new();
    let remaps: Vec<Vec<u32>> = pieces
        .iter()
        .map(|(_, keys)| {
            keys.iter()
                .map(|k| {
                    *global.entry(*k).or_insert_with(|| {
                        names.push(*k);
                        (names.len() - 1) as u32
                    })
                })
                .collect()
        })
        .collect();
    let mut codes = vec![NULL; values.len()];
    codes
        .par_chunks_mut(PIECE)
        .zip(pieces.par_iter().zip(remaps.par_iter()))
        .for_each(|(out, ((local, _), remap))| {
            for (o, &c) in out.iter_mut().zip(local) {
                *o = if c == NULL { NULL } else { remap[c as usize] };
            }
        });
    (codes, names)
}

fn exact<K>(values: &[Option<K>]) -> (Vec<u32>, Vec<K>)
where
    K: Hash + Eq + Copy,
{
    let mut map: FastMap<K, u32> = FastMap::default();
    let mut names = Vec::new();
    let codes = values
        .iter()
        .map(|v| match v {
            None => NULL,
            Some(k) => *map.entry(*k).or_insert_with(|| {
                names.push(*k);
                (names.len() - 1) as u32
            }),
        })
        .collect();
    (codes, names)
}

fn encode_by<K>(values: &[Option<K>], hash: impl Fn(&K) -> u64 + Sync) -> (Vec<u32>, Vec<K>)
where
    K: Hash + Eq + Copy + Send + Sync,
{
    // 1. Each piece lists its rows and their hashes by shard.
    let pieces: Vec<Vec<Vec<(u32, u64)>>> = values
        .par_chunks(PIECE)
        .enumerate()
        .map(|(p, piece)| {
            let mut shards = vec![Vec::new(); SHARDS];
            for (i, v) in piece.iter().enumerate() {
                if let Some(k) = v {
                    let h = hash(k);
                    shards[shard_of(h)].push(((p * PIECE + i) as u32, h));
                }
            }
            shards
        })
        .collect();
    // 2. Each shard codes its hashes, piece by piece in row order.
    let shards: Vec<(Vec<u32>, Vec<K>)> = (0..SHARDS)
        .into_par_iter()
        .map(|s| {
            let mut map: HashMap<u64, u32, BuildHasherDefault<Prehashed>> = HashMap::default();
            let mut keys = Vec::new();
            let mut codes = Vec::new();
            for piece in &pieces {
                for &(row, h) in &piece[s] {
                    let next = keys.len() as u32;
                    let code = *map.entry(h).or_insert_with(|| {
                        keys.push(values[row as usize].expect("listed rows have values"));
                        next
                    });
                    codes.push(code);
                }
            }
            (codes, keys)
        })
        .collect();
    // 3. Shard s's codes start after the values of the shards before it.
    let mut offset = Vec::with_capacity(SHARDS);
    let mut names = Vec::new();
    for (_, keys) in &shards {
        offset.push(names.len() as u32);
        names.extend_from_slice(keys);
    }
    // Where each piece's rows start within each shard's codes.
    let mut starts = vec![vec![0usize; SHARDS]; pieces.len()];
    let mut running = vec![0usize; SHARDS];
    for (p, piece) in pieces.iter().enumerate() {
        starts[p].copy_from_slice(&running);
        for (r, rows) in running.iter_mut().zip(piece) {
            *r += rows.len();
        }
    }
    // 4. Each piece writes its rows' codes.
    let mut codes = vec![NULL; values.len()];
    codes
        .par_chunks_mut(PIECE)
        .enumerate()
        .for_each(|(p, out)| {
            for s in 0..SHARDS {
                let rows = &pieces[p][s];
                let local = &shards[s].0[starts[p][s]..starts[p][s] + rows.len()];
                for (&(row, _), &c) in rows.iter().zip(local) {
                    out[row as usize - p * PIECE] = offset[s] + c;
                }
            }
        });
    (codes, names)
}

/// Codes of keys against a table's keys, `both` holding the table's `in_table` keys then
/// the others: `(codes of the others, table row of each code or NULL)`. Keys missing from
/// the table get codes with no row. A key the table holds twice is returned as the error.
pub fn lookup<K>(both: Vec<Option<K>>, in_table: usize) -> Result<(Vec<u32>, Vec<u32>), K>
where
    K: Hash + Eq + Copy + Send + Sync,
{
    let (mut codes, names) = dictionary(&both);
    let of_keys = codes.split_off(in_table);
    let mut row = vec![NULL; names.len()];
    for (i, &c) in codes.iter().enumerate() {
        if c != NULL {
            if row[c as usize] != NULL {
                return Err(names[c as usize]);
            }
            row[c as usize] = i as u32;
        }
    }
    Ok((of_keys, row))
}

/// The row of each key, for looking keys up: keys must be unique, and the first key
/// seen twice is returned as the error.
pub fn row_index<K: Hash + Eq>(keys: impl IntoIterator<Item = K>) -> Result<FastMap<K, u32>, K> {
    let keys = keys.into_iter();
    let mut index = FastMap::with_capacity_and_hasher(keys.size_hint().0, Default::default());
    for (row, key) in keys.enumerate() {
        if index.contains_key(&key) {
            return Err(key);
        }
        index.insert(key, row as u32);
    }
    Ok(index)
}

/// Above this many (group, value) combinations, distinct counts sort instead of marking
/// bits (256 Mbit: 32 MB).
const BITSET_LIMIT: usize = 1 << 28;

/// Number of distinct values of each group among `(group, value)` pairs (the pairs may
/// be sorted in place).
pub fn distinct_per_group(pairs: &mut Vec<(u32, u32)>, groups: usize) -> Vec<u64> {
    // Few enough (group, value) combinations: one bit each, no sort.
    let values = pairs
        .par_iter()
        .map(|p| p.1 as usize + 1)
        .max()
        .unwrap_or(0);
    if groups.saturating_mul(values) <= BITSET_LIMIT {
        let mut bits = vec![0u64; (groups * values).div_ceil(64)];
        let mut counts = vec![0u64; groups];
        for &(g, v) in pairs.iter() {
            let at = g as usize * values + v as usize;
            let (word, bit) = (at / 64, 1u64 << (at % 64));
            if bits[word] & bit == 0 {
                bits[word] |= bit;
                counts[g as usize] += 1;
            }
        }
        return counts;
    }
    pairs.par_sort_unstable();
    pairs.dedup();
    let mut counts = vec![0u64; groups];
    for &(g, _) in pairs.iter() {
        counts[g as usize] += 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(values: &[Option<u64>]) {
        let (codes, names) = dictionary(values);
        let mut seen: HashMap<u64, u32> = HashMap::new();
        for (v, c) in values.iter().zip(&codes) {
            match v {
                None => assert_eq!(*c, NULL),
                Some(v) => {
                    // one code per value, and the names say which
                    assert_eq!(*seen.entry(*v).or_insert(*c), *c);
                    assert_eq!(names[*c as usize], *v);
                }
            }
        }
        assert_eq!(names.len(), seen.len());
    }

    #[test]
    fn codes_are_dense_and_consistent() {
        let values = [Some("b"), None, Some("a"), Some("b")];
        let (codes, names) = dictionary(&values);
        assert_eq!(codes[0], codes[3]);
        assert_eq!(codes[1], NULL);
        assert_eq!(names.len(), 2);
        assert_eq!(names[codes[2] as usize], "a");
        // few distinct values over many rows, and many distinct values
        check(
            &(0..300_000u64)
                .map(|i| (i % 7 != 0).then_some((i * 7919) % 13))
                .collect::<Vec<_>>(),
        );
        check(
            &(0..300_000u64)
                .map(|i| (i % 5 != 0).then_some((i * 7919) % 100_003))
                .collect::<Vec<_>>(),
        );
        check(&[]);
    }

    #[test]
    fn collisions_fall_back_to_the_values() {
        // Every value hashes alike: the check catches it and the exact encoding answers.
        let values = [Some("a"), Some("b"), Some("a"), None];
        let (codes, names) = checked(&values, |_| 7);
        assert_eq!(codes, vec![0, 1, 0, NULL]);
        assert_eq!(names, vec!["a", "b"]);
    }

    #[test]
    fn lookups_find_table_rows() {
        // table x, y, null; keys y, z, null, x, z
        let both = vec![
            Some("x"),
            Some("y"),
            None,
            Some("y"),
            Some("z"),
            None,
            Some("x"),
            Some("z"),
        ];
        let (codes, row) = lookup(both, 3).unwrap();
        assert_eq!(row[codes[0] as usize], 1);
        assert_eq!(row[codes[3] as usize], 0);
        assert_eq!(row[codes[1] as usize], NULL);
        assert_eq!(codes[1], codes[4]);
        assert_eq!(codes[2], NULL);
        assert_eq!(lookup(vec![Some(1), Some(1), Some(1)], 2), Err(1));
    }

    #[test]
    fn distinct_counts() {
        let mut pairs = vec![(0, 5), (1, 5), (0, 5), (0, 6)];
        assert_eq!(distinct_per_group(&mut pairs, 3), vec![2, 1, 0]);
        // too many combinations for bits: the sorting path agrees
        let mut pairs = vec![(0, u32::MAX - 1), (1, 5), (0, u32::MAX - 1), (0, 6)];
        assert_eq!(distinct_per_group(&mut pairs, 3), vec![2, 1, 0]);
    }
}
