//! Row-level problems: every event is counted, counted with a note, or excluded with a
//! note. Nothing is dropped or counted silently.
use rayon::prelude::*;

use super::encode::NULL;
use super::events::{names_list, EventType, Events};
use super::fx::FxTable;
use super::period::{to_date, NULL_DATE};
use crate::errors::{CoreError, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The row is in the statistics; the note says how it was read.
    Counted,
    /// The row is left out of the statistics the reason names.
    Excluded,
}

impl Action {
    pub fn name(self) -> &'static str {
        match self {
            Action::Counted => "counted",
            Action::Excluded => "excluded",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    pub row: u32,
    pub action: Action,
    pub reason: String,
}

impl Issue {
    pub fn counted(row: usize, reason: String) -> Issue {
        Issue {
            row: row as u32,
            action: Action::Counted,
            reason,
        }
    }
    pub fn excluded(row: usize, reason: String) -> Issue {
        Issue {
            row: row as u32,
            action: Action::Excluded,
            reason,
        }
    }
}

/// Sorts issues by row (stable: the order they were found in within a row).
pub fn sort(issues: &mut [Issue]) {
    issues.sort_by_key(|i| i.row);
}

/// A row's event type code, or this for rows left out.
pub const EXCLUDED: u8 = u8::MAX;

/// How fines are converted (only `outcomes` reads money).
pub struct Money<'a> {
    pub fx: &'a FxTable,
    pub currency: &'a str,
}

/// The rows as read: each row's type code (or [`EXCLUDED`]), the fines converted into
/// the target currency as `(row, amount)`, and the issues found.
pub struct Validated {
    pub kind: Vec<u8>,
    pub fines: Vec<(u32, f64)>,
    pub issues: Vec<Issue>,
}

fn date_text(days: i32) -> String {
    to_date(days).map_or_else(|| format!("day {days}"), |d| d.to_string())
}

/// Reads each row on its own: event types, dates against `as_of`, quantities, money,
/// people.
pub fn validate(ev: &Events, as_of: i32, money: Option<&Money>) -> Result<Validated> {
    ev.check()?;
    if let Some(m) = money {
        if !m.fx.knows(m.currency) {
            return Err(CoreError::InvalidInput(format!(
                "currency='{}' is not in the exchange-rate table; use 'EUR', 'GBP' or pass fx= with its rates",
                m.currency
            )));
        }
    }
    let types: Vec<Option<EventType>> = ev
        .type_names
        .iter()
        .map(|n| EventType::from_name(n))
        .collect();
    const PIECE: usize = 1 << 15;
    let pieces: Vec<Validated> = (0..ev.len())
        .into_par_iter()
        .step_by(PIECE)
        .map(|start| {
            let end = (start + PIECE).min(ev.len());
            let mut piece = Validated {
                kind: Vec::with_capacity(end - start),
                fines: Vec::new(),
                issues: Vec::new(),
            };
            for i in start..end {
                let k = read_row(
                    ev,
                    &types,
                    i,
                    as_of,
                    money,
                    &mut piece.fines,
                    &mut piece.issues,
                );
                piece.kind.push(k);
            }
            piece
        })
        .collect();
    let mut out = Validated {
        kind: Vec::with_capacity(ev.len()),
        fines: Vec::new(),
        issues: Vec::new(),
    };
    for piece in pieces {
        out.kind.extend(piece.kind);
        out.fines.extend(piece.fines);
        out.issues.extend(piece.issues);
    }
    Ok(out)
}

fn read_row(
    ev: &Events,
    types: &[Option<EventType>],
    i: usize,
    as_of: i32,
    money: Option<&Money>,
    fines: &mut Vec<(u32, f64)>,
    issues: &mut Vec<Issue>,
) -> u8 {
    let code = ev.event_type[i];
    if code == NULL {
        issues.push(Issue::excluded(i, "event_type is missing".into()));
        return EXCLUDED;
    }
    let Some(t) = types[code as usize] else {
        issues.push(Issue::excluded(
            i,
            format!(
                "unknown event type '{}'; expected one of {}",
                ev.type_names[code as usize],
                names_list()
            ),
        ));
        return EXCLUDED;
    };
    let date = ev.date[i];
    if date == NULL_DATE {
        issues.push(Issue::excluded(i, "date is missing".into()));
        return EXCLUDED;
    }
    if date > as_of {
        issues.push(Issue::excluded(
            i,
            format!(
                "dated {}, after as_of {}",
                date_text(date),
                date_text(as_of)
            ),
        ));
        return EXCLUDED;
    }
    let q = ev.quantity[i];
    if q.is_finite() && q < 0.0 {
        if t.needs_quantity() {
            issues.push(Issue::excluded(i, format!("negative quantity {q}")));
            return EXCLUDED;
        }
        issues.push(Issue::counted(
            i,
            format!(
                "negative quantity {q} ignored: {} has no quantity",
                t.name()
            ),
        ));
    }
    if t.needs_quantity() && !q.is_finite() {
        let what = match t {
            EventType::Sentence => "sentence without quantity (years)",
            EventType::Fine => "fine without quantity (amount)",
            _ => "quantity is missing",
        };
        issues.push(Issue::excluded(i, what.into()));
        return EXCLUDED;
    }
    if t == EventType::Fine {
        if let Some(m) = money {
            let cur = ev.currency[i];
            if cur == NULL {
                issues.push(Issue::excluded(
                    i,
                    "fine without currency: cannot be added to other fines".into(),
                ));
                return EXCLUDED;
            }
            let from = ev.currency_names[cur as usize];
            let year = to_date(date).map_or(0, |d| chrono::Datelike::year(&d));
            match m.fx.convert(q, from, m.currency, year) {
                None => {
                    issues.push(Issue::excluded(
                        i,
                        format!(
                            "no exchange rate for currency '{from}'; pass fx= with its yearly rates"
                        ),
                    ));
                    return EXCLUDED;
                }
                Some(c) => {
                    if let Some((cur, used)) = c.substitute {
                        issues.push(Issue::counted(
                            i,
                            format!(
                                "no {} rate for {year} in the exchange-rate table: converted at {used}'s",
                                cur.as_str()
                            ),
                        ));
                    }
                    fines.push((i as u32, c.amount));
                }
            }
        }
    }
    if t.is_personal() {
        if ev.record[i] == NULL {
            issues.push(Issue::counted(
                i,
                "no record_id: counted as an event, not as a person".into(),
            ));
        } else if ev.person.is_some_and(|p| p[i] == NULL) {
            issues.push(Issue::counted(
                i,
                "record_id not in the entities: counted as a person of its own".into(),
            ));
        }
    }
    t as u8
}
