//! Prosecution chains: the personal events of one record in one case (arrest, charge,
//! outcome, sentence ...), sorted by date, so outcomes can be tied to their arrest.
use rayon::prelude::*;

use super::events::{EventType, Events, EVENT_TYPES};
use super::issues::EXCLUDED;
use crate::encode::NULL;

/// One event of a chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Link {
    /// case << 32 | record
    pub key: u64,
    pub date: i32,
    pub row: u32,
    pub kind: EventType,
}

/// The read rows of the types `wanted` says yes to that have a case and a record: the
/// rows that can be tied into prosecution chains.
pub fn chained_rows<'a>(
    ev: &'a Events,
    kind: &'a [u8],
    wanted: impl Fn(EventType) -> bool,
) -> impl ParallelIterator<Item = usize> + 'a {
    let mut mask = [false; 256];
    for t in EVENT_TYPES {
        mask[t as usize] = wanted(t);
    }
    (0..ev.len()).into_par_iter().filter(move |&i| {
        kind[i] != EXCLUDED && mask[kind[i] as usize] && ev.case[i] != NULL && ev.record[i] != NULL
    })
}

/// The links of the read rows of the `wanted` types that have a case and a record, sorted
/// by chain, date and row.
pub fn links(ev: &Events, kind: &[u8], wanted: &[EventType]) -> Vec<Link> {
    let mut links: Vec<Link> = chained_rows(ev, kind, |t| wanted.contains(&t))
        .map(|i| Link {
            key: (ev.case[i] as u64) << 32 | ev.record[i] as u64,
            date: ev.date[i],
            row: i as u32,
            kind: EventType::from_code(kind[i]),
        })
        .collect();
    links.par_sort_unstable();
    links
}

/// The chains: runs of links with the same key.
pub fn chains(links: &[Link]) -> rayon::slice::ChunkBy<'_, Link, impl Fn(&Link, &Link) -> bool> {
    links.par_chunk_by(|a, b| a.key == b.key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_group_by_case_and_record() {
        let kinds = [
            EventType::Conviction as u8,
            EventType::Arrest as u8,
            EXCLUDED,
            9,
        ];
        let names: [&str; 0] = [];
        let ev = Events {
            event_type: &[0, 0, 0, 0],
            type_names: &names,
            date: &[20, 10, 5, 1],
            quantity: &[f64::NAN; 4],
            currency: &[NULL; 4],
            currency_names: &names,
            case: &[1, 1, 1, 1],
            record: &[2, 2, 2, NULL],
            event: &[NULL; 4],
            event_names: &[],
            person: None,
            network: None,
            group: &[0; 4],
        };
        let l = links(&ev, &kinds, &[EventType::Arrest, EventType::Conviction]);
        assert_eq!(l.len(), 2);
        assert_eq!((l[0].row, l[1].row), (1, 0));
        assert_eq!(chains(&l).count(), 1);
    }
}
