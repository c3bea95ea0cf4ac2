//! Nickname groups from the bundled table `data/nicknames.tsv` (the `nicknames` 1.0.1
//! package, Apache-2.0, see `data/NICKNAMES_LICENSE`): each canonical given name with its
//! nicknames and short forms is one group (thomas, thom, tom, tommy). A name can be in
//! several groups ("al": albert, alfred, alan...); two name tokens are nickname-equivalent
//! when they share a group. The table is English only.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::standardise::translit::fold;

/// A group of the table: the line of its canonical name, counted from 0.
pub type GroupId = u16;

const TSV: &str = include_str!("data/nicknames.tsv");

/// The parsed table.
struct Table {
    /// Folded token -> its groups, sorted.
    groups: HashMap<Box<str>, Box<[GroupId]>>,
    /// The canonical name of each group.
    canonical: Vec<Box<str>>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| parse(TSV));

fn parse(text: &str) -> Table {
    let mut groups: HashMap<Box<str>, Vec<GroupId>> = HashMap::new();
    let mut canonical = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let (name, nicks) = line
            .split_once('\t')
            .expect("nicknames.tsv: canonical<TAB>nicknames on every line");
        let id = GroupId::try_from(canonical.len()).expect("nicknames.tsv: too many groups");
        canonical.push(Box::from(name));
        for token in std::iter::once(name).chain(nicks.split(',')) {
            let folded = fold(token);
            if folded.is_empty() {
                continue;
            }
            let ids = groups.entry(folded.into_boxed_str()).or_default();
            if ids.last() != Some(&id) {
                ids.push(id);
            }
        }
    }
    Table {
        // Ids are pushed in line order: each list is already sorted.
        groups: groups
            .into_iter()
            .map(|(k, v)| (k, v.into_boxed_slice()))
            .collect(),
        canonical,
    }
}

/// The groups of a name token, sorted; empty for a token the table lacks. Tokens are
/// folded as standardisation folds them (lower-case ASCII letters) before the look-up.
pub fn groups(token: &str) -> &'static [GroupId] {
    let table = &*TABLE;
    let found = if token.bytes().all(|b| b.is_ascii_lowercase()) {
        table.groups.get(token)
    } else {
        table.groups.get(fold(token).as_str())
    };
    found.map_or(&[], |ids| ids)
}

/// Whether two name tokens share a nickname group (`tom` and `thomas`).
pub fn equivalent(a: &str, b: &str) -> bool {
    let (ga, gb) = (groups(a), groups(b));
    ga.iter().any(|g| gb.binary_search(g).is_ok())
}

/// The canonical name of a group.
pub fn canonical(group: GroupId) -> &'static str {
    &TABLE.canonical[usize::from(group)]
}

/// How many distinct tokens and groups the table has.
pub fn table_size() -> (usize, usize) {
    (TABLE.groups.len(), TABLE.canonical.len())
}

/// The nickname groups of a name's tokens, as (group, token index) sorted by group;
/// empty, without an allocation, for a name none of whose tokens is in the table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TokenGroups(Box<[(GroupId, u16)]>);

impl TokenGroups {
    /// The groups of each token of a name (tokens past the 65536th are left out).
    pub fn new<S: AsRef<str>>(tokens: &[S]) -> TokenGroups {
        let mut out: Vec<(GroupId, u16)> = Vec::new();
        for (k, token) in tokens.iter().enumerate().take(usize::from(u16::MAX) + 1) {
            out.extend(groups(token.as_ref()).iter().map(|&g| (g, k as u16)));
        }
        if out.is_empty() {
            return TokenGroups::default();
        }
        out.sort_unstable();
        TokenGroups(out.into_boxed_slice())
    }

    /// Whether no token of the name is in the table.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The (group, token index) entries, sorted by group.
    pub fn entries(&self) -> &[(GroupId, u16)] {
        &self.0
    }

    /// Whether some token `i` of this name and token `j` of `other` share a group and
    /// `accept(i, j)` holds (a merge of the two sorted lists).
    pub fn any_shared(&self, other: &TokenGroups, accept: impl Fn(usize, usize) -> bool) -> bool {
        let (a, b) = (&*self.0, &*other.0);
        let (mut x, mut y) = (0, 0);
        while x < a.len() && y < b.len() {
            match a[x].0.cmp(&b[y].0) {
                std::cmp::Ordering::Less => x += 1,
                std::cmp::Ordering::Greater => y += 1,
                std::cmp::Ordering::Equal => {
                    let g = a[x].0;
                    let x_end = x + a[x..].iter().take_while(|e| e.0 == g).count();
                    let y_end = y + b[y..].iter().take_while(|e| e.0 == g).count();
                    for &(_, i) in &a[x..x_end] {
                        for &(_, j) in &b[y..y_end] {
                            if accept(usize::from(i), usize::from(j)) {
                                return true;
                            }
                        }
                    }
                    (x, y) = (x_end, y_end);
                }
            }
        }
        false
    }

    /// Whether token `i` of this name and token `j` of `other` share a group.
    pub fn equivalent(&self, i: usize, other: &TokenGroups, j: usize) -> bool {
        self.0
            .iter()
            .filter(|e| usize::from(e.1) == i)
            .any(|&(g, _)| other.0.iter().any(|&(h, t)| h == g && usize::from(t) == j))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_nicknames_are_equivalent() {
        for (a, b) in [
            ("tom", "thomas"),
            ("bill", "william"),
            ("peggy", "margaret"),
            ("bob", "robert"),
            ("jack", "john"),
            ("Tommy", "THOMAS"),
        ] {
            assert!(equivalent(a, b), "{a} / {b}");
            assert!(equivalent(b, a), "{b} / {a}");
        }
    }

    #[test]
    fn unrelated_common_names_are_not_equivalent() {
        for (a, b) in [
            ("john", "james"),
            ("thomas", "william"),
            ("robert", "richard"),
            ("mary", "margaret"),
            ("michael", "mitchell"),
            ("david", "daniel"),
            ("peter", "paul"),
            ("smith", "jones"),
        ] {
            assert!(!equivalent(a, b), "{a} / {b}");
        }
        // The table joins mary and maria (both short forms of mariah, marietta) and ann
        // and anna: names alike anyway.
        assert!(equivalent("mary", "maria"));
        // Russian and other non-English diminutives are not in the table.
        assert!(!equivalent("sasha", "alexander"));
        assert!(groups("mohammed").is_empty());
    }

    #[test]
    fn the_table_is_parsed_whole() {
        let (tokens, groups_n) = table_size();
        assert_eq!(groups_n, 1151);
        assert!(tokens > 2000, "{tokens}");
        let thomas: Vec<&str> = groups("thomas").iter().map(|&g| canonical(g)).collect();
        assert_eq!(thomas, ["thom", "thomas", "tom"]);
        // Short forms of many names.
        assert_eq!(groups("al").len(), 14);
        assert_eq!(groups("chris").len(), 19);
        assert!(groups("al").windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn the_wheel_ships_the_same_licence() {
        // The wheel carries the table compiled in and this copy of its licence.
        let shipped = include_str!("../../python/caselink/data/NICKNAMES_LICENSE");
        assert_eq!(shipped, include_str!("data/NICKNAMES_LICENSE"));
        assert!(shipped.contains("Apache License") && shipped.contains("nicknames"));
    }

    #[test]
    fn token_groups_find_shared_groups_by_token() {
        let a = TokenGroups::new(&["tom", "jones"]);
        let b = TokenGroups::new(&["jones", "thomas"]);
        assert!(!a.is_empty());
        assert!(a.equivalent(0, &b, 1));
        assert!(!a.equivalent(1, &b, 0));
        assert!(a.any_shared(&b, |i, j| (i, j) == (0, 1)));
        assert!(!a.any_shared(&b, |_, _| false));
        let none = TokenGroups::new(&["omar", "khan"]);
        assert!(none.is_empty());
        assert!(!a.any_shared(&none, |_, _| true));
    }
}
