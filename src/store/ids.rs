//! Stable entity ids: which id each new cluster carries, given the entities before.
//!
//! An entity keeps its id while the largest part of its records stays together. When
//! the largest parts of several entities fall in one cluster, the cluster keeps the
//! oldest id and the others are merged into it. A cluster that is no entity's largest
//! part gets a new id; if it holds records of an existing entity it is recorded as split
//! from the one it took the most records from.

use std::collections::HashMap;

/// What a cluster is called after re-resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    /// It keeps the id of this existing entity.
    Kept(u32),
    /// It gets a new id; `split_from` is the existing entity it took most records from.
    New { split_from: Option<u32> },
}

/// The names of the clusters and the entities merged into others.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Naming {
    /// Per cluster label (as given), its name.
    pub clusters: HashMap<u32, Named>,
    /// (merged entity, entity it was merged into), both existing entities.
    pub merged: Vec<(u32, u32)>,
}

/// Names clusters. `labels[r]` is record r's new cluster, `previous[r]` its entity before
/// (None for a record new to the store), and `age[e]` orders existing entities (smaller
/// is older; unique). Ties between parts of equal size go to the smaller cluster label.
pub fn name_clusters(labels: &[u32], previous: &[Option<u32>], age: &[u64]) -> Naming {
    let mut counts: HashMap<(u32, u32), usize> = HashMap::new();
    for (&label, prev) in labels.iter().zip(previous) {
        if let Some(e) = *prev {
            *counts.entry((e, label)).or_default() += 1;
        }
    }
    // Each existing entity's largest part.
    let mut largest: HashMap<u32, (usize, u32)> = HashMap::new();
    for (&(e, label), &n) in &counts {
        let best = largest.entry(e).or_insert((n, label));
        if n > best.0 || (n == best.0 && label < best.1) {
            *best = (n, label);
        }
    }
    // Per cluster, the entities whose largest part it is, oldest first.
    let mut claims: HashMap<u32, Vec<u32>> = HashMap::new();
    for (&e, &(_, label)) in &largest {
        claims.entry(label).or_default().push(e);
    }
    let mut clusters = HashMap::new();
    let mut merged = Vec::new();
    for (&label, entities) in claims.iter_mut() {
        entities.sort_by_key(|&e| age[e as usize]);
        let keep = entities[0];
        clusters.insert(label, Named::Kept(keep));
        merged.extend(entities[1..].iter().map(|&gone| (gone, keep)));
    }
    // The rest: new ids, split from the entity they took most records from.
    let mut source: HashMap<u32, (usize, u32)> = HashMap::new();
    for (&(e, label), &n) in &counts {
        let best = source.entry(label).or_insert((n, e));
        if n > best.0 || (n == best.0 && age[e as usize] < age[best.1 as usize]) {
            *best = (n, e);
        }
    }
    for &label in labels {
        clusters.entry(label).or_insert_with(|| Named::New {
            split_from: source.get(&label).map(|&(_, e)| e),
        });
    }
    merged.sort_unstable();
    Naming { clusters, merged }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unchanged_clusters_keep_their_ids_and_new_records_join_them() {
        // Records 0-2 were entity 0, 3-4 entity 1; record 5 is new and joins entity 1.
        let labels = [0, 0, 0, 3, 3, 3];
        let previous = [Some(0), Some(0), Some(0), Some(1), Some(1), None];
        let naming = name_clusters(&labels, &previous, &[0, 1]);
        assert_eq!(naming.clusters[&0], Named::Kept(0));
        assert_eq!(naming.clusters[&3], Named::Kept(1));
        assert!(naming.merged.is_empty());
    }

    #[test]
    fn a_merge_keeps_the_older_id() {
        // Entity 1 (older, age 0) and entity 0 (age 5) become one cluster.
        let labels = [0, 0, 0, 0];
        let previous = [Some(0), Some(0), Some(1), Some(1)];
        let naming = name_clusters(&labels, &previous, &[5, 0]);
        assert_eq!(naming.clusters[&0], Named::Kept(1));
        assert_eq!(naming.merged, vec![(0, 1)]);
    }

    #[test]
    fn a_split_keeps_the_id_on_the_largest_part() {
        let labels = [0, 0, 0, 3, 3, 5];
        let previous = [Some(0); 6];
        let naming = name_clusters(&labels, &previous, &[0]);
        assert_eq!(naming.clusters[&0], Named::Kept(0));
        assert_eq!(
            naming.clusters[&3],
            Named::New {
                split_from: Some(0)
            }
        );
        assert_eq!(
            naming.clusters[&5],
            Named::New {
                split_from: Some(0)
            }
        );
        // Equal halves: the smaller label keeps the id.
        let naming = name_clusters(&[4, 4, 1, 1], &[Some(0); 4], &[0]);
        assert_eq!(naming.clusters[&1], Named::Kept(0));
        assert_eq!(
            naming.clusters[&4],
            Named::New {
                split_from: Some(0)
            }
        );
    }

    #[test]
    fn clusters_of_new_records_only_get_new_ids() {
        let naming = name_clusters(&[0, 0, 2], &[None, None, Some(0)], &[0]);
        assert_eq!(naming.clusters[&0], Named::New { split_from: None });
        assert_eq!(naming.clusters[&2], Named::Kept(0));
    }

    #[test]
    fn every_existing_entity_is_kept_or_merged_and_ids_are_never_shared() {
        // A deterministic pseudo-random sweep of small re-clusterings.
        let mut state = 12345u64;
        let mut next = |m: u64| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) % m
        };
        for _ in 0..500 {
            let n = 1 + next(12) as usize;
            let entities = 1 + next(5) as u32;
            let labels: Vec<u32> = (0..n).map(|_| next(n as u64) as u32).collect();
            let previous: Vec<Option<u32>> = (0..n)
                .map(|_| (next(4) > 0).then(|| next(u64::from(entities)) as u32))
                .collect();
            let age: Vec<u64> = (0..u64::from(entities)).rev().collect();
            let naming = name_clusters(&labels, &previous, &age);
            let kept: Vec<u32> = naming
                .clusters
                .values()
                .filter_map(|n| match n {
                    Named::Kept(e) => Some(*e),
                    Named::New { .. } => None,
                })
                .collect();
            let mut unique = kept.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(unique.len(), kept.len(), "an id given to two clusters");
            for e in previous.iter().flatten() {
                let is_kept = kept.contains(e);
                let is_merged = naming.merged.iter().any(|(gone, _)| gone == e);
                assert!(is_kept ^ is_merged, "entity {e} neither kept nor merged");
            }
            for (gone, into) in &naming.merged {
                assert!(
                    age[*into as usize] < age[*gone as usize],
                    "a merge kept the newer id"
                );
            }
        }
    }
}
