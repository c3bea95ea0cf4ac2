//! Clustering scored pairs into entities without chaining.
//!
//! Plain connected components merge A and C when A~B and B~C even if A and C clearly
//! differ. Here edges above the threshold are taken strongest first, and two clusters
//! merge only when the mean match probability of the record pairs between them reaches
//! the threshold (average linkage) and none of them is strong evidence against (a scored
//! pair below `veto` probability). Entity ids are the smallest record index of each
//! cluster, so the same records give the same entities whatever their order.
//!
//! Blocking leaves most record pairs unscored. A pair between two groups that blocking
//! did not produce is scored there and then by `on_demand` (when the two groups are small
//! enough, see `ON_DEMAND_PAIRS`): that lets a record whose name is missing join the
//! records it really matches instead of counting as a disagreement (an unscored pair
//! counts as probability 0).

use std::collections::HashSet;

/// Analysts' decisions that the clustering obeys whatever the scores: the records of a
/// must-link pair end in one entity, those of a cannot-link pair never do. Indices are
/// record indices of the data set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Constraints {
    pub must: Vec<(u32, u32)>,
    pub cannot: Vec<(u32, u32)>,
}

impl Constraints {
    pub fn is_empty(&self) -> bool {
        self.must.is_empty() && self.cannot.is_empty()
    }

    /// The groups the must-link pairs make (label = smallest member) of `n` records.
    pub fn must_groups(&self, n: usize) -> Vec<u32> {
        let mut parent: Vec<u32> = (0..n as u32).collect();
        for &(a, b) in &self.must {
            union(&mut parent, a, b);
        }
        (0..n as u32).map(|i| find(&mut parent, i)).collect()
    }

    /// A cannot-link pair whose records the must-link pairs join (a contradiction), if
    /// there is one.
    pub fn conflict(&self, n: usize) -> Option<(u32, u32)> {
        let groups = self.must_groups(n);
        self.cannot
            .iter()
            .copied()
            .find(|&(a, b)| groups[a as usize] == groups[b as usize])
    }
}

fn find(parent: &mut [u32], mut x: u32) -> u32 {
    while parent[x as usize] != x {
        parent[x as usize] = parent[parent[x as usize] as usize];
        x = parent[x as usize];
    }
    x
}

/// Joins the sets of a and b; the root is the smaller root.
fn union(parent: &mut [u32], a: u32, b: u32) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
        parent[hi as usize] = lo;
    }
}

/// The most cross pairs one merge may score on demand; larger merges count unscored pairs
/// as probability 0, so the cost of clustering stays bounded by the pairs given.
pub const ON_DEMAND_PAIRS: usize = 256;

/// Cluster label (smallest member index) for each of `n` records. `comparable(x, y)` says
/// whether a pair could have been scored at all (records of one side are never compared
/// when linking two sets); pairs that could not are left out of the agreement count, the
/// others missing from `scored` count as unknown.
pub fn cluster(
    n: usize,
    scored: &[(u32, u32, f64)],
    threshold: f64,
    veto: f64,
    comparable: impl Fn(u32, u32) -> bool,
) -> Vec<u32> {
    let unknown = |_: u32, _: u32| None;
    cluster_with(
        n,
        scored.len(),
        |k| scored[k],
        threshold,
        veto,
        comparable,
        unknown,
        &Constraints::default(),
    )
}

/// As `cluster`, reading scored pair k through `get(k)` (so callers need not copy millions
/// of pairs into triples), scoring comparable pairs missing from them with `on_demand`
/// (`None`: unknown), and obeying `constraints`: the must-link groups are joined before
/// any edge is taken, and no merge puts a cannot-link pair in one entity.
#[allow(clippy::too_many_arguments)]
pub fn cluster_with(
    n: usize,
    len: usize,
    get: impl Fn(usize) -> (u32, u32, f64),
    threshold: f64,
    veto: f64,
    comparable: impl Fn(u32, u32) -> bool,
    on_demand: impl Fn(u32, u32) -> Option<f64>,
    constraints: &Constraints,
) -> Vec<u32> {
    // Scores are looked up by binary search over pairs sorted by (i, j) with i < j;
    // blocking emits them so, which makes this a check, not a sort.
    let in_order = (0..len).all(|k| {
        let (a, b, _) = get(k);
        a < b
            && (k == 0 || {
                let (pa, pb, _) = get(k - 1);
                (pa, pb) <= (a, b)
            })
    });
    if !in_order {
        let mut owned: Vec<(u32, u32, f64)> = (0..len)
            .map(|k| {
                let (a, b, p) = get(k);
                (a.min(b), a.max(b), p)
            })
            .collect();
        owned.sort_by_key(|x| (x.0, x.1));
        return cluster_sorted(
            n,
            owned.len(),
            |k| owned[k],
            threshold,
            veto,
            comparable,
            on_demand,
            constraints,
        );
    }
    cluster_sorted(
        n,
        len,
        get,
        threshold,
        veto,
        comparable,
        on_demand,
        constraints,
    )
}

#[allow(clippy::too_many_arguments)]
fn cluster_sorted(
    n: usize,
    len: usize,
    get: impl Fn(usize) -> (u32, u32, f64),
    threshold: f64,
    veto: f64,
    comparable: impl Fn(u32, u32) -> bool,
    on_demand: impl Fn(u32, u32) -> Option<f64>,
    constraints: &Constraints,
) -> Vec<u32> {
    let mut edges: Vec<(u32, u32, f64)> = (0..len).map(&get).filter(|e| e.2 >= threshold).collect();
    // Strongest first; ties by index so the result does not depend on input order.
    edges.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));
    let score = |x: u32, y: u32| -> Option<f64> {
        let key = (x.min(y), x.max(y));
        let (mut lo, mut hi) = (0, len);
        while lo < hi {
            let mid = (lo + hi) / 2;
            let (a, b, p) = get(mid);
            match (a, b).cmp(&key) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(p),
            }
        }
        None
    };

    let mut label: Vec<u32> = constraints.must_groups(n);
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); n];
    for (i, &l) in label.iter().enumerate() {
        members[l as usize].push(i as u32);
    }
    let cannot: HashSet<(u32, u32)> = constraints
        .cannot
        .iter()
        .map(|&(a, b)| (a.min(b), a.max(b)))
        .collect();
    for (a, b, _) in edges {
        let (la, lb) = (label[a as usize], label[b as usize]);
        if la == lb {
            continue;
        }
        let (ma, mb) = (&members[la as usize], &members[lb as usize]);
        let rescore = ma.len() * mb.len() <= ON_DEMAND_PAIRS;
        let mut cross = 0.0;
        let mut total = 0.0;
        let mut vetoed = false;
        'outer: for &x in ma {
            for &y in mb {
                if !cannot.is_empty() && cannot.contains(&(x.min(y), x.max(y))) {
                    vetoed = true;
                    break 'outer;
                }
                if !comparable(x, y) {
                    continue;
                }
                cross += 1.0;
                let p = match score(x, y) {
                    None if rescore => on_demand(x, y),
                    p => p,
                };
                if p.is_some_and(|p| p < veto) {
                    vetoed = true;
                    break 'outer;
                }
                total += p.unwrap_or(0.0);
            }
        }
        if vetoed || total < threshold * cross {
            continue;
        }
        let (keep, gone) = if la < lb { (la, lb) } else { (lb, la) };
        let moved = std::mem::take(&mut members[gone as usize]);
        for &m in &moved {
            label[m as usize] = keep;
        }
        members[keep as usize].extend(moved);
    }
    label
}

/// Plain connected components (for comparison).
pub fn connected_components(n: usize, scored: &[(u32, u32, f64)], threshold: f64) -> Vec<u32> {
    let mut parent: Vec<u32> = (0..n as u32).collect();
    for &(a, b, p) in scored {
        if p >= threshold {
            union(&mut parent, a, b);
        }
    }
    (0..n as u32).map(|i| find(&mut parent, i)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chain_does_not_merge_clear_non_matches() {
        // 0~1 and 1~2 are strong, 0 vs 2 is strong evidence against.
        let scored = [(0, 1, 0.99), (1, 2, 0.98), (0, 2, 0.001)];
        assert_eq!(connected_components(3, &scored, 0.9), vec![0, 0, 0]);
        let labels = cluster(3, &scored, 0.9, 0.01, |_, _| true);
        assert_eq!(labels, vec![0, 0, 2]);
    }

    #[test]
    fn pairs_that_cannot_be_compared_do_not_block_a_merge() {
        // Linking two sets: 0 and 2 are on one side, 1 on the other.
        let scored = [(0, 1, 0.99), (1, 2, 0.3)];
        let side = [0u8, 1, 0];
        let labels = cluster(3, &scored, 0.9, 0.01, |x, y| {
            side[x as usize] != side[y as usize]
        });
        assert_eq!(labels, vec![0, 0, 2]);
        let scored = [(0, 1, 0.99), (2, 3, 0.98), (1, 2, 0.97), (0, 3, 0.95)];
        let side = [0u8, 1, 0, 1];
        let labels = cluster(4, &scored, 0.9, 0.01, |x, y| {
            side[x as usize] != side[y as usize]
        });
        assert_eq!(labels, vec![0, 0, 0, 0]);
    }

    #[test]
    fn pairs_blocking_missed_are_scored_when_groups_are_weighed() {
        // 0-1 and 1-2 were scored; 0-2 was not. Counted as unknown (0), the mean between
        // {0, 1} and {2} is (0.9 + 0) / 2; scored on demand at 0.8 it is 0.85.
        let scored = [(0, 1, 0.99), (1, 2, 0.9)];
        let unknown = cluster(3, &scored, 0.5, 0.001, |_, _| true);
        assert_eq!(unknown, vec![0, 0, 2]);
        let get = |k: usize| scored[k];
        let strict = |x, y, p: f64| {
            cluster_with(
                3,
                2,
                get,
                0.5,
                0.001,
                |_, _| true,
                move |a, b| ((a, b) == (x, y) || (b, a) == (x, y)).then_some(p),
                &Constraints::default(),
            )
        };
        assert_eq!(strict(0, 2, 0.8), vec![0, 0, 0]);
        // scored on demand as strong evidence against: a veto
        assert_eq!(strict(0, 2, 0.0001), vec![0, 0, 2]);
        // the mean decides: 0.9 and 0.05 average under 0.5
        let scored = [(0, 1, 0.99), (1, 2, 0.9), (0, 2, 0.05)];
        assert_eq!(cluster(3, &scored, 0.5, 0.001, |_, _| true), vec![0, 0, 2]);
    }

    #[test]
    fn a_clique_merges_and_ids_are_smallest_members() {
        let scored = [(3, 4, 0.99), (3, 5, 0.95), (4, 5, 0.97)];
        assert_eq!(
            cluster(6, &scored, 0.9, 0.01, |_, _| true),
            vec![0, 1, 2, 3, 3, 3]
        );
    }

    #[test]
    fn must_link_beats_any_score_and_cannot_link_beats_any_score() {
        let scored = [(0, 1, 0.99), (1, 2, 0.98), (0, 2, 0.97), (3, 4, 0.0001)];
        let run = |c: &Constraints| {
            cluster_with(
                5,
                scored.len(),
                |k| scored[k],
                0.9,
                0.01,
                |_, _| true,
                |_, _| None,
                c,
            )
        };
        assert_eq!(run(&Constraints::default()), vec![0, 0, 0, 3, 4]);
        // 3 and 4 are strong evidence against each other: an analyst's must-link wins.
        let must = Constraints {
            must: vec![(4, 3)],
            cannot: vec![],
        };
        assert_eq!(run(&must), vec![0, 0, 0, 3, 3]);
        // 0 and 2 score 0.97: an analyst's cannot-link keeps them apart; 1 joins the one
        // it meets first (the strongest edge, 0-1).
        let cannot = Constraints {
            must: vec![],
            cannot: vec![(2, 0)],
        };
        assert_eq!(run(&cannot), vec![0, 0, 2, 3, 4]);
        assert_eq!(cannot.conflict(5), None);
        let both = Constraints {
            must: vec![(0, 1), (1, 2)],
            cannot: vec![(2, 0)],
        };
        assert_eq!(both.conflict(5), Some((2, 0)));
    }
}
