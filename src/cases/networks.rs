//! Grouping cases into networks from evidence items (a person entity, a phone, a boat ...
//! each touching a set of cases), resisting hubs.
//!
//! Plain connected components over all evidence let one resold phone, one typo'd
//! placeholder or one wrong entity merge glue unrelated networks together. The rules here,
//! each explicit and configurable:
//! 1. an item's strength is its kind's weight × its confidence × its rarity
//!    (`ln(N / k) / ln(N / 2)` for an item touching k of N cases: 1 for two cases, falling
//!    towards 0 as the item touches everything); items weaker than `min_strength`, less
//!    sure than `min_confidence` (a person entity the resolution is unsure of) or
//!    touching more than `max_item_cases` cases never merge;
//! 2. items are applied rarest first (fewest cases, then strongest); an item whose cases
//!    lie in `hub_min_groups` or more groups not otherwise connected is held back as a hub,
//!    and looked at again after the others: it merges only if other evidence has since
//!    brought its cases together.

/// One piece of evidence: the cases it touches (indices, sorted, distinct).
#[derive(Debug, Clone)]
pub struct Item {
    pub weight: f64,
    pub confidence: f64,
    pub cases: Vec<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GroupingRules {
    /// Items touching cases in this many separate groups are held back as hubs; `None`
    /// turns the guard off.
    pub hub_min_groups: Option<usize>,
    /// Items touching more cases than this never merge (and list no case pairs).
    pub max_item_cases: usize,
    /// Items weaker than this never merge.
    pub min_strength: f64,
    /// Items less sure than this never merge: a wrong merge of two people would glue
    /// their networks together.
    pub min_confidence: f64,
}

impl Default for GroupingRules {
    fn default() -> Self {
        GroupingRules {
            hub_min_groups: Some(3),
            max_item_cases: 200,
            min_strength: 0.5,
            min_confidence: 0.9,
        }
    }
}

/// What was decided for an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Merged its cases (or touched one case only).
    Used,
    /// Held back: it would have joined this many otherwise separate groups.
    Hub(usize),
    /// Touches more cases than `max_item_cases`.
    TooCommon,
    /// Weaker than `min_strength` or less sure than `min_confidence`.
    Weak,
}

impl Decision {
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Used => "used",
            Decision::Hub(_) => "hub",
            Decision::TooCommon => "too_common",
            Decision::Weak => "weak",
        }
    }
}

/// `ln(N / k) / ln(N / 2)`, clamped to [0, 1]: how rare an item touching k of N cases is.
pub fn rarity(k: usize, n_cases: usize) -> f64 {
    if k <= 2 || n_cases <= 2 {
        return 1.0;
    }
    let n = n_cases as f64;
    ((n / k as f64).ln() / (n / 2.0).ln()).clamp(0.0, 1.0)
}

pub fn strength(item: &Item, n_cases: usize) -> f64 {
    item.weight * item.confidence * rarity(item.cases.len(), n_cases)
}

struct UnionFind {
    parent: Vec<u32>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n as u32).collect(),
        }
    }

    fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let up = self.parent[self.parent[x as usize] as usize];
            self.parent[x as usize] = up;
            x = up;
        }
        x
    }

    /// Joins the groups; the smaller root stays root so labels do not depend on order.
    fn union(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[hi as usize] = lo;
        }
    }
}

pub struct Grouping {
    /// Network label of each case: the smallest case index of its network.
    pub network: Vec<u32>,
    pub decisions: Vec<Decision>,
}

/// Groups `n_cases` cases from `items` under `rules`.
pub fn group_cases(n_cases: usize, items: &[Item], rules: &GroupingRules) -> Grouping {
    let mut decisions = vec![Decision::Used; items.len()];
    let mut pending: Vec<usize> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if item.cases.len() > rules.max_item_cases {
            decisions[i] = Decision::TooCommon;
        } else if item.cases.len() >= 2
            && (strength(item, n_cases) < rules.min_strength
                || item.confidence < rules.min_confidence)
        {
            decisions[i] = Decision::Weak;
        } else if item.cases.len() >= 2 {
            pending.push(i);
        }
    }
    // Rarest first, then strongest; the index breaks ties so the order is total.
    pending.sort_by(|&a, &b| {
        let (ia, ib) = (&items[a], &items[b]);
        ia.cases
            .len()
            .cmp(&ib.cases.len())
            .then(strength(ib, n_cases).total_cmp(&strength(ia, n_cases)))
            .then(a.cmp(&b))
    });
    let mut uf = UnionFind::new(n_cases);
    let mut roots: Vec<u32> = Vec::new();
    loop {
        let mut held = Vec::new();
        let mut merged_any = false;
        for &i in &pending {
            let cases = &items[i].cases;
            roots.clear();
            roots.extend(cases.iter().map(|&c| uf.find(c)));
            roots.sort_unstable();
            roots.dedup();
            match rules.hub_min_groups {
                Some(h) if roots.len() >= h.max(2) => {
                    decisions[i] = Decision::Hub(roots.len());
                    held.push(i);
                }
                _ => {
                    decisions[i] = Decision::Used;
                    merged_any |= roots.len() > 1;
                    for &c in &cases[1..] {
                        uf.union(cases[0], c);
                    }
                }
            }
        }
        // Held items get another look once the others have merged what they could.
        if held.is_empty() || !merged_any {
            break;
        }
        pending = held;
    }
    let network = (0..n_cases as u32).map(|c| uf.find(c)).collect();
    Grouping { network, decisions }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(cases: &[u32]) -> Item {
        Item {
            weight: 1.0,
            confidence: 1.0,
            cases: cases.to_vec(),
        }
    }

    #[test]
    fn shared_items_merge_transitively() {
        let g = group_cases(
            5,
            &[item(&[0, 1]), item(&[1, 2])],
            &GroupingRules::default(),
        );
        assert_eq!(g.network, vec![0, 0, 0, 3, 4]);
    }

    #[test]
    fn a_hub_does_not_glue_separate_networks() {
        // Networks {0,1}, {2,3}, {4,5}; a resold phone touches 0, 2 and 4.
        let items = [
            item(&[0, 1]),
            item(&[2, 3]),
            item(&[4, 5]),
            item(&[0, 2, 4]),
        ];
        let g = group_cases(6, &items, &GroupingRules::default());
        assert_eq!(g.network, vec![0, 0, 2, 2, 4, 4]);
        assert_eq!(g.decisions[3], Decision::Hub(3));
        let off = GroupingRules {
            hub_min_groups: None,
            ..GroupingRules::default()
        };
        assert_eq!(group_cases(6, &items, &off).network, vec![0; 6]);
    }

    #[test]
    fn a_held_item_merges_once_other_evidence_joins_its_cases() {
        // The phone on 0, 2, 4 first meets three groups ({0,1}, {2,3}, {4}) and is held;
        // the boat on 0..=3 then joins two of them, so the phone now meets only two.
        let items = [
            item(&[0, 1]),
            item(&[2, 3]),
            item(&[0, 2, 4]),
            item(&[0, 1, 2, 3]),
        ];
        // Among 50 cases, so that rarity leaves a 4-case item strong enough to merge.
        let g = group_cases(50, &items, &GroupingRules::default());
        assert_eq!(g.decisions[2], Decision::Used);
        assert_eq!(g.network[..6], [0, 0, 0, 0, 0, 5]);
    }

    #[test]
    fn weak_and_too_common_items_never_merge() {
        let weak = Item {
            weight: 0.9,
            confidence: 0.3,
            cases: vec![0, 1],
        };
        let rules = GroupingRules {
            max_item_cases: 3,
            ..GroupingRules::default()
        };
        let g = group_cases(6, &[weak, item(&[2, 3, 4, 5])], &rules);
        assert_eq!(g.network, vec![0, 1, 2, 3, 4, 5]);
        assert_eq!(g.decisions, vec![Decision::Weak, Decision::TooCommon]);
    }

    #[test]
    fn labels_do_not_depend_on_item_order() {
        let a = [item(&[3, 4]), item(&[0, 3]), item(&[1, 2])];
        let b = [item(&[1, 2]), item(&[0, 3]), item(&[3, 4])];
        let rules = GroupingRules::default();
        assert_eq!(
            group_cases(5, &a, &rules).network,
            group_cases(5, &b, &rules).network
        );
    }

    #[test]
    fn rarity_falls_with_the_number_of_cases() {
        assert_eq!(rarity(2, 1000), 1.0);
        assert!(rarity(10, 1000) > rarity(100, 1000));
        assert_eq!(rarity(1000, 1000), 0.0);
    }
}
