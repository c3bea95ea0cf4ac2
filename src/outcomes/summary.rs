//! `outcomes`: counts, ratios, sentences, fines, seizures and networks per group and
//! period; and `reconcile`: person counts with and without deduplication.
use rayon::prelude::*;

use super::chains::chained_rows;
use super::events::{EventType, Events};
use super::issues::{self, Issue, Money, Validated, EXCLUDED};
use super::period::{period_codes, to_date, Period};
use super::stats::{median_sorted, wilson, Proportion};
use crate::encode::{dictionary, distinct_per_group, NULL};
use crate::errors::{CoreError, Result};

/// How the statistics are computed.
pub struct Options<'a> {
    pub period: Period,
    /// Days since 1970-01-01: nothing after it is counted.
    pub as_of: i32,
    pub money: Money<'a>,
    /// A network is dismantled once this many of its members are convicted.
    pub dismantled_min_convicted: u32,
    /// Critical value of the intervals (1.96 for 95 %).
    pub z: f64,
}

/// A group and period of the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    pub group: u32,
    /// Period code (see [`Period::code`]).
    pub period: i32,
}

/// Each read row's cell (NULL for rows left out) and the cells.
pub struct Cells {
    pub of_row: Vec<u32>,
    pub cells: Vec<Cell>,
}

pub fn cells(ev: &Events, kind: &[u8], period: Period) -> Cells {
    let codes = period_codes(ev.date, period);
    let keys: Vec<Option<u64>> = (0..ev.len())
        .into_par_iter()
        .map(|i| {
            (kind[i] != EXCLUDED)
                .then(|| (ev.group[i] as u64) << 32 | (codes[i] as u32 ^ 0x8000_0000) as u64)
        })
        .collect();
    let (of_row, keys) = dictionary(&keys);
    let cells = keys
        .into_iter()
        .map(|k| Cell {
            group: (k >> 32) as u32,
            period: ((k as u32) ^ 0x8000_0000) as i32,
        })
        .collect();
    Cells { of_row, cells }
}

/// The statistics of one cell.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OutcomeRow {
    pub arrests: u64,
    pub persons_arrested: u64,
    pub charges: u64,
    pub convictions: u64,
    pub persons_convicted: u64,
    pub acquittals: u64,
    /// Persons arrested in the cell whose prosecution ended in a conviction by `as_of`.
    pub cohort_convicted: u64,
    pub sentences: u64,
    pub sentence_years_total: f64,
    pub sentence_years_median: Option<f64>,
    pub fines_total: f64,
    pub extradition_requests: u64,
    pub extraditions: u64,
    pub boats_seized: f64,
    pub engines_seized: f64,
    pub crossings_prevented: f64,
    pub deaths_at_sea: f64,
    pub networks_active: Option<u64>,
    pub networks_dismantled: Option<u64>,
}

impl OutcomeRow {
    pub fn sentence_years_mean(&self) -> Option<f64> {
        (self.sentences > 0).then(|| self.sentence_years_total / self.sentences as f64)
    }
    /// Convictions over concluded prosecutions (convictions + acquittals).
    pub fn conviction_ratio(&self, z: f64) -> Proportion {
        wilson(self.convictions, self.convictions + self.acquittals, z)
    }
    pub fn cohort_conviction_rate(&self, z: f64) -> Proportion {
        wilson(self.cohort_convicted, self.persons_arrested, z)
    }
}

pub struct Summary {
    pub cells: Vec<Cell>,
    pub rows: Vec<OutcomeRow>,
    pub issues: Vec<Issue>,
}

fn date_text(days: i32) -> String {
    to_date(days).map_or_else(String::new, |d| d.to_string())
}

/// (cell, person) pairs of the cohort convicted, and notes.
type CohortNotes = (Vec<(u32, u32)>, Vec<Issue>);

/// What the prosecution chains (one record in one case) say: (cell of the arrest,
/// person) for every arrest whose chain has a conviction, and notes on chains that do not
/// read as arrest -> outcome. Rows are bucketed by record (a counting sort: record codes
/// are dense), then each record's few rows are split by case.
fn read_chains(ev: &Events, kind: &[u8], of_row: &[u32], entities: u32) -> CohortNotes {
    // The personal events of a prosecution; extradition stands apart from it.
    let rows: Vec<u32> = chained_rows(ev, kind, |t| {
        t.is_personal() && !matches!(t, EventType::ExtraditionRequest | EventType::Extradition)
    })
    .map(|i| i as u32)
    .collect();
    let records = rows
        .iter()
        .map(|&i| ev.record[i as usize] as usize + 1)
        .max()
        .unwrap_or(0);
    let mut start = vec![0usize; records + 1];
    for &i in &rows {
        start[ev.record[i as usize] as usize + 1] += 1;
    }
    for r in 0..records {
        start[r + 1] += start[r];
    }
    let mut next = start.clone();
    let mut by_record = vec![0u32; rows.len()];
    for &i in &rows {
        let r = ev.record[i as usize] as usize;
        by_record[next[r]] = i;
        next[r] += 1;
    }
    // Each record's rows, in row order, then by case (stable): its chains, contiguous.
    for r in 0..records {
        by_record[start[r]..start[r + 1]].sort_by_key(|&i| ev.case[i as usize]);
    }
    const BLOCK: usize = 1 << 14;
    let blocks: Vec<CohortNotes> = (0..records.div_ceil(BLOCK))
        .into_par_iter()
        .map(|b| {
            let (mut cohort, mut notes) = (Vec::new(), Vec::new());
            let rows = &by_record[start[b * BLOCK]..start[((b + 1) * BLOCK).min(records)]];
            let same = |a: &u32, b: &u32| {
                ev.record[*a as usize] == ev.record[*b as usize]
                    && ev.case[*a as usize] == ev.case[*b as usize]
            };
            for chain in rows.chunk_by(same) {
                read_chain(ev, kind, of_row, entities, chain, &mut cohort, &mut notes);
            }
            (cohort, notes)
        })
        .collect();
    let mut out: CohortNotes = (Vec::new(), Vec::new());
    for (cohort, notes) in blocks {
        out.0.extend(cohort);
        out.1.extend(notes);
    }
    out
}

/// One chain's rows (one record in one case, in row order).
fn read_chain(
    ev: &Events,
    kind: &[u8],
    of_row: &[u32],
    entities: u32,
    chain: &[u32],
    cohort: &mut Vec<(u32, u32)>,
    notes: &mut Vec<Issue>,
) {
    let is = |i: u32, t: EventType| kind[i as usize] == t as u8;
    let first = chain
        .iter()
        .filter(|&&i| is(i, EventType::Arrest))
        .map(|&i| ev.date[i as usize])
        .min();
    let convicted = chain.iter().any(|&i| is(i, EventType::Conviction));
    for &i in chain {
        let (t, i) = (EventType::from_code(kind[i as usize]), i as usize);
        if t == EventType::Arrest {
            if convicted {
                cohort.push((of_row[i], ev.person_of(i, entities)));
            }
            continue;
        }
        match first {
            None if matches!(t, EventType::Conviction | EventType::Acquittal) => {
                notes.push(Issue::counted(
                    i,
                    format!(
                        "{} without an arrest of the same record in the same case",
                        t.name()
                    ),
                ));
            }
            Some(a) if ev.date[i] < a => notes.push(Issue::counted(
                i,
                format!(
                    "{} dated before the arrest ({}) of the same record in the same case",
                    t.name(),
                    date_text(a)
                ),
            )),
            _ => {}
        }
        if t == EventType::Acquittal && convicted {
            notes.push(Issue::counted(
                i,
                "acquittal of a record also convicted in the same case".into(),
            ));
        }
    }
}

/// For each network, the row of the conviction that brings its distinct convicted members
/// to `min`: (network, person, date, row) of conviction rows, earliest first.
fn dismantling_rows(ev: &Events, kind: &[u8], entities: u32, min: u32) -> Vec<u32> {
    let Some(network) = ev.network else {
        return Vec::new();
    };
    let mut convictions: Vec<(u32, u32, i32, u32)> = (0..ev.len())
        .into_par_iter()
        .filter(|&i| kind[i] == EventType::Conviction as u8 && network[i] != NULL)
        .filter_map(|i| {
            let p = ev.person_of(i, entities);
            (p != NULL).then_some((network[i], p, ev.date[i], i as u32))
        })
        .collect();
    convictions.par_sort_unstable();
    // The first conviction of each member, then members in order of conviction.
    convictions.dedup_by_key(|c| (c.0, c.1));
    convictions.par_sort_unstable_by_key(|c| (c.0, c.2, c.3));
    convictions
        .chunk_by(|a, b| a.0 == b.0)
        .filter_map(|members| members.get(min.max(1) as usize - 1).map(|c| c.3))
        .collect()
}

/// Outcome statistics per cell.
pub fn summarise(ev: &Events, opts: &Options) -> Result<Summary> {
    if opts.dismantled_min_convicted == 0 {
        return Err(CoreError::InvalidInput(
            "dismantled_min_convicted must be at least 1".into(),
        ));
    }
    let Validated {
        kind,
        fines,
        mut issues,
    } = issues::validate(ev, opts.as_of, Some(&opts.money))?;
    let Cells { of_row, cells } = cells(ev, &kind, opts.period);
    let n = cells.len();
    let entities = ev.entity_count();
    let mut rows = vec![OutcomeRow::default(); n];

    // Event counts and sums: one pass in row order, so sums do not depend on threads.
    let mut sentences: Vec<(u32, f64)> = Vec::new();
    for i in 0..ev.len() {
        if kind[i] == EXCLUDED {
            continue;
        }
        let r = &mut rows[of_row[i] as usize];
        let q = ev.quantity[i];
        match EventType::from_code(kind[i]) {
            EventType::Arrest => r.arrests += 1,
            EventType::Charge => r.charges += 1,
            EventType::Conviction => r.convictions += 1,
            EventType::Acquittal => r.acquittals += 1,
            EventType::Sentence => {
                r.sentences += 1;
                r.sentence_years_total += q;
                sentences.push((of_row[i], q));
            }
            EventType::Fine => {}
            EventType::ExtraditionRequest => r.extradition_requests += 1,
            EventType::Extradition => r.extraditions += 1,
            EventType::SeizureBoat => r.boats_seized += q,
            EventType::SeizureEngine => r.engines_seized += q,
            EventType::CrossingPrevented => r.crossings_prevented += q,
            EventType::DeathAtSea => r.deaths_at_sea += q,
        }
    }
    for &(row, amount) in &fines {
        rows[of_row[row as usize] as usize].fines_total += amount;
    }
    sentences.par_sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    for run in sentences.chunk_by(|a, b| a.0 == b.0) {
        let years: Vec<f64> = run.iter().map(|s| s.1).collect();
        rows[run[0].0 as usize].sentence_years_median = median_sorted(&years);
    }

    // Distinct people per cell.
    let personal = |t: EventType| -> Vec<(u32, u32)> {
        (0..ev.len())
            .into_par_iter()
            .filter(|&i| kind[i] == t as u8)
            .filter_map(|i| {
                let p = ev.person_of(i, entities);
                (p != NULL).then_some((of_row[i], p))
            })
            .collect()
    };
    let arrested = distinct_per_group(&mut personal(EventType::Arrest), n);
    let convicted = distinct_per_group(&mut personal(EventType::Conviction), n);

    // Arrest -> outcome chains.
    let (mut cohort, notes) = read_chains(ev, &kind, &of_row, entities);
    issues.extend(notes);
    cohort.retain(|c| c.1 != NULL);
    let cohort = distinct_per_group(&mut cohort, n);

    if let Some(network) = ev.network {
        let mut active: Vec<(u32, u32)> = (0..ev.len())
            .into_par_iter()
            .filter(|&i| kind[i] != EXCLUDED && network[i] != NULL)
            .map(|i| (of_row[i], network[i]))
            .collect();
        let active = distinct_per_group(&mut active, n);
        let mut dismantled = vec![0u64; n];
        for row in dismantling_rows(ev, &kind, entities, opts.dismantled_min_convicted) {
            dismantled[of_row[row as usize] as usize] += 1;
        }
        for (c, r) in rows.iter_mut().enumerate() {
            r.networks_active = Some(active[c]);
            r.networks_dismantled = Some(dismantled[c]);
        }
    }
    for (c, r) in rows.iter_mut().enumerate() {
        r.persons_arrested = arrested[c];
        r.persons_convicted = convicted[c];
        r.cohort_convicted = cohort[c];
    }
    issues::sort(&mut issues);
    Ok(Summary {
        cells,
        rows,
        issues,
    })
}

/// Person counts of arrests with and without deduplication, per cell.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReconcileRow {
    pub arrests: u64,
    /// Distinct records arrested: what adding up the agencies' own counts gives.
    pub records_arrested: u64,
    /// Distinct persons (entities) arrested.
    pub persons_arrested: u64,
    /// Persons arrested in this cell who were also arrested in another cell.
    pub persons_also_elsewhere: u64,
}

pub struct Reconciled {
    pub cells: Vec<Cell>,
    pub rows: Vec<ReconcileRow>,
    pub issues: Vec<Issue>,
}

pub fn reconcile(ev: &Events, period: Period, as_of: i32) -> Result<Reconciled> {
    if ev.person.is_none() {
        return Err(CoreError::InvalidInput(
            "reconcile needs entities (record_id -> entity_id), e.g. caselink.dedupe(records)"
                .into(),
        ));
    }
    let Validated {
        kind, mut issues, ..
    } = issues::validate(ev, as_of, None)?;
    let Cells { of_row, cells } = cells(ev, &kind, period);
    let n = cells.len();
    let entities = ev.entity_count();
    let arrests: Vec<usize> = (0..ev.len())
        .into_par_iter()
        .filter(|&i| kind[i] == EventType::Arrest as u8)
        .collect();
    let mut rows = vec![ReconcileRow::default(); n];
    for &i in &arrests {
        rows[of_row[i] as usize].arrests += 1;
    }
    let mut records: Vec<(u32, u32)> = arrests
        .par_iter()
        .filter(|&&i| ev.record[i] != NULL)
        .map(|&i| (of_row[i], ev.record[i]))
        .collect();
    let records = distinct_per_group(&mut records, n);
    let mut persons: Vec<(u32, u32)> = arrests
        .par_iter()
        .filter_map(|&i| {
            let p = ev.person_of(i, entities);
            (p != NULL).then_some((of_row[i], p))
        })
        .collect();
    let distinct = distinct_per_group(&mut persons, n);
    // People in several cells.
    let mut by_person: Vec<(u32, u32)> = persons.iter().map(|&(c, p)| (p, c)).collect();
    by_person.par_sort_unstable();
    by_person.dedup();
    let mut elsewhere = vec![0u64; n];
    for run in by_person.chunk_by(|a, b| a.0 == b.0) {
        if run.len() > 1 {
            for &(_, c) in run {
                elsewhere[c as usize] += 1;
            }
        }
    }
    for (c, r) in rows.iter_mut().enumerate() {
        r.records_arrested = records[c];
        r.persons_arrested = distinct[c];
        r.persons_also_elsewhere = elsewhere[c];
    }
    issues::sort(&mut issues);
    Ok(Reconciled {
        cells,
        rows,
        issues,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outcomes::fx::FxTable;
    use crate::outcomes::period::to_days;
    use chrono::NaiveDate;

    fn day(y: i32, m: u32, d: u32) -> i32 {
        to_days(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    /// Two records of one person (entity 0) arrested in two cases of groups 0 and 1;
    /// one conviction, one pending; a sentence, a GBP fine, a boat seizure, a bad row.
    #[test]
    fn counts_people_once_and_pending_as_pending() {
        let names = [
            "arrest",
            "conviction",
            "sentence",
            "fine",
            "seizure_boat",
            "arest",
        ];
        let currencies = ["GBP"];
        let ev = Events {
            event_type: &[0, 0, 1, 2, 3, 4, 5],
            type_names: &names,
            date: &[
                day(2024, 1, 1),
                day(2024, 2, 1),
                day(2024, 6, 1),
                day(2024, 6, 1),
                day(2024, 6, 1),
                day(2024, 3, 1),
                day(2024, 3, 1),
            ],
            quantity: &[f64::NAN, f64::NAN, f64::NAN, 4.5, 80.0, 2.0, f64::NAN],
            currency: &[NULL, NULL, NULL, NULL, 0, NULL, NULL],
            currency_names: &currencies,
            case: &[0, 1, 0, 0, 0, 0, 1],
            record: &[0, 1, 0, 0, 0, NULL, NULL],
            event: &[NULL; 7],
            event_names: &[],
            person: Some(&[0, 0, 0, 0, 0, NULL, NULL]),
            network: Some(&[7, 7, 7, 7, 7, 7, 7]),
            group: &[0, 1, 0, 0, 0, 0, 1],
        };
        let fx = FxTable::new(&[(2024, "GBP".into(), 0.8)]).unwrap();
        let opts = Options {
            period: Period::Year,
            as_of: day(2025, 12, 31),
            money: Money {
                fx: &fx,
                currency: "EUR",
            },
            dismantled_min_convicted: 1,
            z: 1.96,
        };
        let s = summarise(&ev, &opts).unwrap();
        assert_eq!(s.cells.len(), 2);
        let g0 = s.cells.iter().position(|c| c.group == 0).unwrap();
        let (a, b) = (&s.rows[g0], &s.rows[1 - g0]);
        assert_eq!((a.arrests, a.persons_arrested, a.convictions), (1, 1, 1));
        assert_eq!((b.arrests, b.persons_arrested, b.convictions), (1, 1, 0));
        assert_eq!(a.cohort_convicted, 1);
        assert_eq!(b.cohort_convicted, 0); // pending: not convicted, not a failure
        assert_eq!(a.conviction_ratio(1.96).ratio, Some(1.0));
        assert_eq!(b.conviction_ratio(1.96).ratio, None);
        assert_eq!(a.sentence_years_median, Some(4.5));
        assert!((a.fines_total - 100.0).abs() < 1e-9);
        assert_eq!(a.boats_seized, 2.0);
        assert_eq!(a.networks_dismantled, Some(1));
        assert_eq!(b.networks_active, Some(1));
        // the misspelt type is excluded, with a note
        assert_eq!(s.issues.len(), 1);
        assert_eq!(s.issues[0].row, 6);
        assert_eq!(
            s.issues[0].action,
            crate::outcomes::issues::Action::Excluded
        );
        let r = reconcile(&ev, Period::All, opts.as_of).unwrap();
        // one person, arrested under two records in two groups
        assert_eq!(r.rows.len(), 2);
        for row in &r.rows {
            assert_eq!((row.records_arrested, row.persons_arrested), (1, 1));
            assert_eq!(row.persons_also_elsewhere, 1);
        }
    }
}
