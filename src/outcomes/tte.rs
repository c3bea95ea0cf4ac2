//! Time from a start event (arrest) to an outcome (conviction), with competing outcomes
//! (acquittal, extradition) and open prosecutions right-censored at `as_of`.
use rayon::prelude::*;

use super::chains::{chains, links};
use super::events::{EventType, Events};
use super::issues::{self, Issue, Validated};
use super::period::{to_date, Period};
use super::summary::{cells, Cell, Cells};
use super::survival::{analyse, CurveRow, MedianRow};
use crate::errors::{CoreError, Result};

pub struct TteOptions {
    pub start: EventType,
    pub end: EventType,
    pub competing: Vec<EventType>,
    pub period: Period,
    pub as_of: i32,
    pub z: f64,
}

impl TteOptions {
    fn check(&self) -> Result<()> {
        let mut all = vec![self.start, self.end];
        all.extend(&self.competing);
        let mut sorted = all.clone();
        sorted.sort();
        sorted.dedup();
        if sorted.len() != all.len() {
            return Err(CoreError::InvalidInput(format!(
                "start, end and competing must be different event types, got start='{}', end='{}', competing={:?}",
                self.start.name(),
                self.end.name(),
                self.competing.iter().map(|t| t.name()).collect::<Vec<_>>()
            )));
        }
        Ok(())
    }

    /// 1 for the end event, 2.. for the competing ones, 0 for other types.
    fn cause(&self, t: EventType) -> u8 {
        if t == self.end {
            return 1;
        }
        self.competing
            .iter()
            .position(|&c| c == t)
            .map_or(0, |k| k as u8 + 2)
    }
}

/// One followed prosecution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Subject {
    pub cell: u32,
    pub time: i32,
    /// 0 censored at `as_of`, 1 the end event, 1 + k the k-th competing event.
    pub status: u8,
    /// Row of the start event.
    pub row: u32,
}

pub struct GroupCurves {
    pub cell: Cell,
    pub curves: Vec<CurveRow>,
    pub medians: Vec<MedianRow>,
}

pub struct TimeToOutcome {
    pub cells: Vec<Cell>,
    pub groups: Vec<GroupCurves>,
    pub subjects: Vec<Subject>,
    pub issues: Vec<Issue>,
}

fn date_text(days: i32) -> String {
    to_date(days).map_or_else(String::new, |d| d.to_string())
}

pub fn time_to_outcome(ev: &Events, opts: &TteOptions) -> Result<TimeToOutcome> {
    opts.check()?;
    let Validated {
        kind, mut issues, ..
    } = issues::validate(ev, opts.as_of, None)?;
    let Cells { of_row, cells } = cells(ev, &kind, opts.period);
    let mut wanted = vec![opts.start, opts.end];
    wanted.extend(&opts.competing);
    let all = links(ev, &kind, &wanted);
    let per_chain: Vec<(Option<Subject>, Vec<Issue>)> = chains(&all)
        .map(|chain| {
            let mut notes = Vec::new();
            let start = chain.iter().find(|l| l.kind == opts.start);
            let Some(s) = start else {
                for l in chain {
                    notes.push(Issue::excluded(
                        l.row as usize,
                        format!(
                            "no {} of the same record in the same case: not followed",
                            opts.start.name()
                        ),
                    ));
                }
                return (None, notes);
            };
            let mut outcome: Option<(i32, u8)> = None;
            for l in chain {
                let cause = opts.cause(l.kind);
                if cause == 0 {
                    continue;
                }
                if l.date < s.date {
                    notes.push(Issue::excluded(
                        l.row as usize,
                        format!(
                            "{} dated before the {} ({}) of the same record in the same case",
                            l.kind.name(),
                            opts.start.name(),
                            date_text(s.date)
                        ),
                    ));
                    continue;
                }
                // The earliest outcome; on the same day the end event wins.
                outcome = match outcome {
                    Some((d, c)) if d < l.date || (d == l.date && c <= cause) => Some((d, c)),
                    _ => Some((l.date, cause)),
                };
            }
            let (time, status) = match outcome {
                Some((d, c)) => (d - s.date, c),
                None => (opts.as_of - s.date, 0),
            };
            let subject = Subject {
                cell: of_row[s.row as usize],
                time,
                status,
                row: s.row,
            };
            (Some(subject), notes)
        })
        .collect();
    let mut subjects = Vec::new();
    for (s, notes) in per_chain {
        subjects.extend(s);
        issues.extend(notes);
    }
    subjects.par_sort_unstable();
    let causes = 1 + opts.competing.len();
    let groups = subjects
        .par_chunk_by(|a, b| a.cell == b.cell)
        .map(|run| {
            let mut times: Vec<(i32, u8)> = run.iter().map(|s| (s.time, s.status)).collect();
            let (curves, medians) = analyse(&mut times, causes, opts.z);
            GroupCurves {
                cell: cells[run[0].cell as usize],
                curves,
                medians,
            }
        })
        .collect();
    issues::sort(&mut issues);
    Ok(TimeToOutcome {
        cells,
        groups,
        subjects,
        issues,
    })
}
