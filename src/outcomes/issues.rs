//! Row-level problems: every event is counted, counted with a note, or excluded with a
//! note. Nothing is dropped or counted silently.
use rayon::prelude::*;

use super::events::{names_list, EventType, Events};
use super::fx::FxTable;
use super::period::{to_date, NULL_DATE};
use crate::encode::NULL;
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

/// The first day counted, 1900-01-01 (in days since 1970-01-01), as for dates of birth
/// in standardisation: earlier dates are typing errors (1800 for 2018), not events.
const FIRST_DAY: i32 = -25_567;

/// Reads each row on its own (event types, dates against 1900 and `as_of`, quantities,
/// money, people), then counts each `event_id` once: later rows of an event already
/// counted are excluded.
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
    exclude_duplicates(ev, &mut out);
    Ok(out)
}

/// The values a row is counted by, named for notes on duplicates.
fn differences(ev: &Events, i: usize, j: usize) -> Vec<&'static str> {
    let same_quantity =
        ev.quantity[i] == ev.quantity[j] || (ev.quantity[i].is_nan() && ev.quantity[j].is_nan());
    [
        ("event_type", ev.event_type[i] == ev.event_type[j]),
        ("date", ev.date[i] == ev.date[j]),
        ("case_id", ev.case[i] == ev.case[j]),
        ("record_id", ev.record[i] == ev.record[j]),
        ("quantity", same_quantity),
        ("currency", ev.currency[i] == ev.currency[j]),
    ]
    .into_iter()
    .filter(|&(_, same)| !same)
    .map(|(name, _)| name)
    .collect()
}

/// Counts each event once: of the rows counted that share an `event_id`, the first is
/// kept and the others are excluded with a note naming it. Rows without an `event_id`
/// are never duplicates. An excluded row loses its notes on how it was counted.
fn exclude_duplicates(ev: &Events, out: &mut Validated) {
    if ev.event.iter().all(|&e| e == NULL) {
        return;
    }
    let mut first = vec![NULL; ev.event_names.len()];
    let mut repeats: Vec<(usize, usize)> = Vec::new();
    for (i, &e) in ev.event.iter().enumerate() {
        if e == NULL || out.kind[i] == EXCLUDED {
            continue;
        }
        match first[e as usize] {
            NULL => first[e as usize] = i as u32,
            f => repeats.push((i, f as usize)),
        }
    }
    if repeats.is_empty() {
        return;
    }
    let mut repeated = vec![false; ev.len()];
    for &(i, _) in &repeats {
        repeated[i] = true;
        out.kind[i] = EXCLUDED;
    }
    out.fines.retain(|&(row, _)| !repeated[row as usize]);
    out.issues.retain(|x| !repeated[x.row as usize]);
    for (i, f) in repeats {
        let id = ev.event_names[ev.event[i] as usize];
        let differ = differences(ev, i, f);
        let reason = if differ.is_empty() {
            format!("duplicate of event_id '{id}' (row {f}); counted once")
        } else {
            format!(
                "duplicate of event_id '{id}' (row {f}) with a different {}; counted once, as on row {f}",
                differ.join(", ")
            )
        };
        out.issues.push(Issue::excluded(i, reason));
    }
    sort(&mut out.issues);
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
    if date < FIRST_DAY {
        issues.push(Issue::excluded(
            i,
            format!("dated {}, before 1900", date_text(date)),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::outcomes::period::to_days;
    use chrono::NaiveDate;

    fn day(y: i32, m: u32, d: u32) -> i32 {
        to_days(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    /// Arrests (type 0; type 1 is misspelt) of record 0 in case 0 on 2024-01-05, with
    /// these event ids (codes into e1, e2), types and dates.
    fn check(event: &[u32], types: &[u32], dates: &[i32]) -> Validated {
        let n = event.len();
        let ev = Events {
            event_type: types,
            type_names: &["arrest", "arest"],
            date: dates,
            quantity: &vec![f64::NAN; n],
            currency: &vec![NULL; n],
            currency_names: &[],
            case: &vec![0; n],
            record: &vec![0; n],
            event,
            event_names: &["e1", "e2"],
            person: None,
            network: None,
            group: &vec![0; n],
        };
        validate(&ev, day(2025, 12, 31), None).unwrap()
    }

    fn reasons(v: &Validated) -> Vec<(u32, &str, &str)> {
        v.issues
            .iter()
            .map(|i| (i.row, i.action.name(), i.reason.as_str()))
            .collect()
    }

    #[test]
    fn first_day_is_1900() {
        assert_eq!(FIRST_DAY, day(1900, 1, 1));
    }

    #[test]
    fn an_event_id_is_counted_once() {
        let d = day(2024, 1, 5);
        let v = check(&[0, NULL, 0, NULL, 1], &[0; 5], &[d; 5]);
        assert_eq!(v.kind, [0, 0, EXCLUDED, 0, 0]);
        assert_eq!(
            reasons(&v),
            [(
                2,
                "excluded",
                "duplicate of event_id 'e1' (row 0); counted once"
            )]
        );
        // other values under the same id are named; the first row counted is kept
        let v = check(&[0, 0], &[0, 0], &[d, d + 1]);
        assert_eq!(
            reasons(&v),
            [(
                1,
                "excluded",
                "duplicate of event_id 'e1' (row 0) with a different date; counted once, as on row 0"
            )]
        );
        let v = check(&[0, 0, 0], &[1, 0, 0], &[d; 3]);
        assert_eq!(v.kind, [EXCLUDED, 0, EXCLUDED]);
        assert_eq!(reasons(&v)[0].0, 0); // the misspelt type
        assert_eq!(
            reasons(&v)[1],
            (
                2,
                "excluded",
                "duplicate of event_id 'e1' (row 1); counted once"
            )
        );
    }

    #[test]
    fn events_before_1900_are_excluded() {
        let v = check(
            &[NULL; 3],
            &[0; 3],
            &[day(1800, 1, 1), day(1899, 12, 31), day(1900, 1, 1)],
        );
        assert_eq!(v.kind, [EXCLUDED, EXCLUDED, 0]);
        assert_eq!(
            reasons(&v),
            [
                (0, "excluded", "dated 1800-01-01, before 1900"),
                (1, "excluded", "dated 1899-12-31, before 1900"),
            ]
        );
    }
}
