//! The chain of evidence between two cases: the path through case links whose strengths
//! multiply to the most (Dijkstra on `-ln strength`), fewest steps on ties.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};

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
}
