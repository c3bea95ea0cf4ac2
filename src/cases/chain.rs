//! The chain of evidence between two cases: the path through case links whose strengths
//! multiply to the most (Dijkstra on `-ln strength`), fewest steps on ties.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};

use crate::encode::dictionary;

#[derive(PartialEq)]
struct State {
    cost: f64,
    steps: u32,
    case: u32,
}

impl Eq for State {}

impl Ord for State {
    fn cmp(&self, other: &Self) -> Ordering {
        // Reversed: BinaryHeap is a max-heap and we want the cheapest first.
        other
            .cost
            .total_cmp(&self.cost)
            .then(other.steps.cmp(&self.steps))
            .then(other.case.cmp(&self.case))
    }
}

impl PartialOrd for State {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Indices into `links` (`(case_a, case_b, strength)`, undirected) of the strongest chain
/// from `from` to `to`, in order; `None` when they are not connected. Links of strength 0
/// or less are not followed.
pub fn strongest_chain(links: &[(u32, u32, f64)], from: u32, to: u32) -> Option<Vec<usize>> {
    if from == to {
        return Some(Vec::new());
    }
    let mut adjacent: HashMap<u32, Vec<(u32, usize)>> = HashMap::new();
    for (i, &(a, b, s)) in links.iter().enumerate() {
        if s > 0.0 && a != b {
            adjacent.entry(a).or_default().push((b, i));
            adjacent.entry(b).or_default().push((a, i));
        }
    }
    let mut best: HashMap<u32, (f64, u32)> = HashMap::new();
    let mut via: HashMap<u32, (u32, usize)> = HashMap::new();
    let mut heap = BinaryHeap::new();
    best.insert(from, (0.0, 0));
    heap.push(State {
        cost: 0.0,
        steps: 0,
        case: from,
    });
    while let Some(State { cost, steps, case }) = heap.pop() {
        if case == to {
            let mut path = Vec::new();
            let mut at = to;
            while at != from {
                let (prev, link) = via[&at];
                path.push(link);
                at = prev;
            }
            path.reverse();
            return Some(path);
        }
        if best
            .get(&case)
            .is_some_and(|&(c, s)| (c, s) < (cost, steps))
        {
            continue;
        }
        for &(next, link) in adjacent.get(&case).map_or(&[][..], Vec::as_slice) {
            let next_cost = cost - links[link].2.min(1.0).ln();
            let candidate = (next_cost, steps + 1);
            if best.get(&next).is_none_or(|&known| candidate < known) {
                best.insert(next, candidate);
                via.insert(next, (case, link));
                heap.push(State {
                    cost: next_cost,
                    steps: steps + 1,
                    case: next,
                });
            }
        }
    }
    None
}

/// [`strongest_chain`] from case id `source` to `target` over links given by case ids
/// (`case_a[i]`, `case_b[i]`, `strength[i]`; a missing id is the empty id, a missing
/// strength 0): row numbers of the links, `None` when either case is absent or they are
/// not connected. Cases are numbered in id order, so ties between equally strong chains
/// fall the same way whatever the row order.
pub fn strongest_chain_by_id(
    case_a: &[Option<&str>],
    case_b: &[Option<&str>],
    strength: &[Option<f64>],
    source: &str,
    target: &str,
) -> Option<Vec<u32>> {
    let ends: Vec<Option<&str>> = case_a
        .iter()
        .chain(case_b)
        .map(|id| Some(id.unwrap_or_default()))
        .collect();
    let (codes, names) = dictionary(&ends);
    let mut by_id: Vec<u32> = (0..names.len() as u32).collect();
    by_id.sort_unstable_by_key(|&c| names[c as usize]);
    let mut rank = vec![0u32; names.len()];
    for (r, &c) in by_id.iter().enumerate() {
        rank[c as usize] = r as u32;
    }
    let find = |id: &str| {
        let at = by_id
            .binary_search_by(|&c| names[c as usize].cmp(id))
            .ok()?;
        Some(at as u32)
    };
    let (from, to) = (find(source)?, find(target)?);
    let n = case_a.len();
    let links: Vec<(u32, u32, f64)> = (0..n)
        .map(|i| {
            let (a, b) = (codes[i] as usize, codes[n + i] as usize);
            (rank[a], rank[b], strength[i].unwrap_or(0.0))
        })
        .collect();
    strongest_chain(&links, from, to).map(|p| p.into_iter().map(|i| i as u32).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefers_the_strongest_chain_over_the_shortest() {
        // 0 -0.2- 3 directly, or 0 -0.9- 1 -0.9- 3 (0.81 > 0.2).
        let links = [(0, 3, 0.2), (0, 1, 0.9), (1, 3, 0.9), (1, 2, 1.0)];
        assert_eq!(strongest_chain(&links, 0, 3), Some(vec![1, 2]));
        assert_eq!(strongest_chain(&links, 3, 0), Some(vec![2, 1]));
    }

    #[test]
    fn unconnected_and_same_case() {
        let links = [(0, 1, 1.0), (2, 3, 1.0), (1, 2, 0.0)];
        assert_eq!(strongest_chain(&links, 0, 3), None);
        assert_eq!(strongest_chain(&links, 2, 2), Some(vec![]));
    }

    #[test]
    fn chains_by_id_follow_the_strongest_links_whatever_the_row_order() {
        let a = [Some("C1"), Some("C2"), Some("C1"), None];
        let b = [Some("C2"), Some("C3"), Some("C3"), Some("C9")];
        let s = [Some(0.9), Some(0.9), Some(0.5), Some(1.0)];
        assert_eq!(
            strongest_chain_by_id(&a, &b, &s, "C1", "C3"),
            Some(vec![0, 1])
        );
        assert_eq!(strongest_chain_by_id(&a, &b, &s, "C1", "C1"), Some(vec![]));
        assert_eq!(strongest_chain_by_id(&a, &b, &s, "C1", "C7"), None);
        assert_eq!(strongest_chain_by_id(&a, &b, &s, "C1", "C9"), None);
        let (ra, rb, rs) = ([a[2], a[1], a[0]], [b[2], b[1], b[0]], [s[2], s[1], s[0]]);
        assert_eq!(
            strongest_chain_by_id(&ra, &rb, &rs, "C1", "C3"),
            Some(vec![2, 1])
        );
    }
}
