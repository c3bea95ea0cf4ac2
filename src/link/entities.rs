//! One summary row per entity: how many records it has, its most common name and every
//! name, date of birth, nationality, phone and source its records carry.

use rayon::prelude::*;

use crate::encode::dictionary;

/// The standardised values of each record (row `r` of every column is record `r`).
#[derive(Debug, Default)]
pub struct RecordValues<'a> {
    pub names: Vec<Option<&'a str>>,
    /// Days since 1970-01-01.
    pub dobs: Vec<Option<i32>>,
    pub nationalities: Vec<Option<&'a str>>,
    /// Record `r`'s phones are `phone_values[phone_offsets[r]..phone_offsets[r + 1]]`.
    pub phone_offsets: Vec<usize>,
    pub phone_values: Vec<Option<&'a str>>,
    /// `None` when the records have no source column.
    pub sources: Option<Vec<Option<&'a str>>>,
}

/// One entity. Lists are sorted and hold each value once; missing values are left out,
/// except a missing source, which is listed (first) as `None`.
#[derive(Debug, Clone, PartialEq)]
pub struct EntitySummary<'a> {
    pub entity: u32,
    pub records: u32,
    /// The commonest name; on a tie the first in sort order.
    pub name: Option<&'a str>,
    pub name_variants: Vec<&'a str>,
    pub dobs: Vec<i32>,
    pub nationalities: Vec<&'a str>,
    pub phones: Vec<&'a str>,
    pub sources: Vec<Option<&'a str>>,
}

fn sorted_unique<T: Ord>(mut values: Vec<T>) -> Vec<T> {
    values.sort_unstable();
    values.dedup();
    values
}

/// The most frequent of some sorted values (the first of the tied), and the values once
/// each.
fn mode_and_unique<'a>(sorted: &[&'a str]) -> (Option<&'a str>, Vec<&'a str>) {
    let mut best: Option<(&str, usize)> = None;
    let mut unique = Vec::new();
    for run in sorted.chunk_by(|a, b| a == b) {
        unique.push(run[0]);
        if best.is_none_or(|(_, n)| run.len() > n) {
            best = Some((run[0], run.len()));
        }
    }
    (best.map(|(name, _)| name), unique)
}

/// Summaries of the `entities` entities, in entity order; `entity_of[r]` is record
/// `r`'s entity (below `entities`). Entities without records get no row.
pub fn summarise<'a>(
    entity_of: &[u32],
    entities: usize,
    values: &RecordValues<'a>,
) -> Vec<EntitySummary<'a>> {
    // Records grouped by entity with a counting sort: starts[e]..starts[e + 1] in `rows`.
    let mut starts = vec![0usize; entities + 1];
    for &e in entity_of {
        starts[e as usize + 1] += 1;
    }
    for e in 0..entities {
        starts[e + 1] += starts[e];
    }
    let mut next = starts.clone();
    let mut rows = vec![0u32; entity_of.len()];
    for (r, &e) in entity_of.iter().enumerate() {
        rows[next[e as usize]] = r as u32;
        next[e as usize] += 1;
    }
    (0..entities)
        .into_par_iter()
        .filter(|&e| starts[e + 1] > starts[e])
        .map(|e| {
            let members = &rows[starts[e]..starts[e + 1]];
            let of = |r: &u32| *r as usize;
            let mut names: Vec<&str> = members.iter().filter_map(|r| values.names[of(r)]).collect();
            names.sort_unstable();
            let (name, name_variants) = mode_and_unique(&names);
            let phones = members.iter().flat_map(|r| {
                values.phone_values[values.phone_offsets[of(r)]..values.phone_offsets[of(r) + 1]]
                    .iter()
                    .flatten()
                    .copied()
            });
            EntitySummary {
                entity: e as u32,
                records: members.len() as u32,
                name,
                name_variants,
                dobs: sorted_unique(members.iter().filter_map(|r| values.dobs[of(r)]).collect()),
                nationalities: sorted_unique(
                    members
                        .iter()
                        .filter_map(|r| values.nationalities[of(r)])
                        .collect(),
                ),
                phones: sorted_unique(phones.collect()),
                sources: values.sources.as_ref().map_or_else(Vec::new, |s| {
                    sorted_unique(members.iter().map(|r| s[of(r)]).collect())
                }),
            }
        })
        .collect()
}

/// Summaries of entities given by id: `entity_ids[r]` is record `r`'s entity id (a
/// missing id counts as the empty id). Most records first, then by id. Returns the
/// summaries and the distinct ids: summary `s` is entity `ids[s.entity]`.
pub fn summarise_by_id<'a, 'b>(
    entity_ids: &[Option<&'b str>],
    values: &RecordValues<'a>,
) -> (Vec<EntitySummary<'a>>, Vec<&'b str>) {
    let ids: Vec<Option<&str>> = entity_ids.iter().map(|id| Some(id.unwrap_or(""))).collect();
    let (entity_of, names) = dictionary(&ids);
    let mut out = summarise(&entity_of, names.len(), values);
    out.sort_unstable_by(|a, b| {
        b.records
            .cmp(&a.records)
            .then_with(|| names[a.entity as usize].cmp(names[b.entity as usize]))
    });
    (out, names)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values() -> RecordValues<'static> {
        RecordValues {
            names: vec![
                Some("ali khan"),
                Some("aly khan"),
                Some("aly khan"),
                None,
                Some("b"),
            ],
            dobs: vec![Some(3), Some(3), None, Some(1), None],
            nationalities: vec![Some("IRQ"), None, Some("IRN"), Some("IRQ"), None],
            phone_offsets: vec![0, 1, 1, 3, 3, 4],
            phone_values: vec![Some("+44"), Some("+33"), Some("+44"), None],
            sources: Some(vec![
                Some("NCA"),
                Some("BKA"),
                None,
                Some("NCA"),
                Some("NCA"),
            ]),
        }
    }

    #[test]
    fn summaries_take_the_mode_and_sorted_unique_values() {
        let out = summarise(&[0, 0, 0, 2, 2], 3, &values());
        assert_eq!(out.len(), 2, "entity 1 has no records and no row");
        let first = &out[0];
        assert_eq!((first.entity, first.records), (0, 3));
        assert_eq!(first.name, Some("aly khan"));
        assert_eq!(first.name_variants, ["ali khan", "aly khan"]);
        assert_eq!(first.dobs, [3]);
        assert_eq!(first.nationalities, ["IRN", "IRQ"]);
        assert_eq!(first.phones, ["+33", "+44"]);
        assert_eq!(first.sources, [None, Some("BKA"), Some("NCA")]);
        let second = &out[1];
        assert_eq!((second.entity, second.records), (2, 2));
        assert_eq!(second.name, Some("b"));
        assert!(second.phones.is_empty());
        assert_eq!(second.sources, [Some("NCA")]);
    }

    #[test]
    fn a_tie_takes_the_first_name_in_order_and_no_name_is_none() {
        let v = RecordValues {
            names: vec![Some("zed"), Some("abe"), None],
            dobs: vec![None; 3],
            nationalities: vec![None; 3],
            phone_offsets: vec![0; 4],
            phone_values: vec![],
            sources: None,
        };
        let out = summarise(&[0, 0, 1], 2, &v);
        assert_eq!(out[0].name, Some("abe"));
        assert_eq!(out[1].name, None);
        assert!(out[1].name_variants.is_empty() && out[1].sources.is_empty());
    }

    #[test]
    fn entities_by_id_come_largest_first_then_by_id() {
        let v = RecordValues {
            names: vec![Some("a"), Some("b"), Some("c"), Some("d"), None],
            dobs: vec![None; 5],
            nationalities: vec![None; 5],
            phone_offsets: vec![0; 6],
            phone_values: vec![],
            sources: None,
        };
        let ids = [Some("z"), Some("m"), Some("z"), Some("b"), None];
        let (out, names) = summarise_by_id(&ids, &v);
        let order: Vec<(&str, u32)> = out
            .iter()
            .map(|e| (names[e.entity as usize], e.records))
            .collect();
        assert_eq!(order, [("z", 2), ("", 1), ("b", 1), ("m", 1)]);
        assert_eq!(out[0].name_variants, ["a", "c"]);
    }
}
