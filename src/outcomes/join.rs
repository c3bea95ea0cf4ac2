//! Events as given, joined to the tables they refer to: each event's case (its group,
//! network and note) and each event's record (its entity), then dictionary-coded into
//! [`Events`] as the statistics read them.
//!
//! Every id is hashed once: the table's keys and the events' keys are encoded together,
//! so a key's code says both which events share it and which table row holds it. A key
//! that a table holds twice is an error naming the table, since it would make the join
//! ambiguous.
use rayon::prelude::*;

use super::issues::{self, Issue};
use super::Events;
use crate::encode::{dictionary, lookup, NULL};
use crate::errors::{CoreError, Result};

/// A text column: one entry per row, `None` for missing.
pub type Text<'a> = Vec<Option<&'a str>>;

/// Ids that may be integers or text; codes follow the values, so `7` and `"7"` differ.
pub enum Ids<'a> {
    Text(Text<'a>),
    Int(&'a [Option<i64>]),
}

impl Ids<'_> {
    fn codes(&self) -> Vec<u32> {
        match self {
            Ids::Text(v) => dictionary(v).0,
            Ids::Int(v) => dictionary(v).0,
        }
    }
}

/// One row per case: its group code, network and the note to attach to its events.
pub struct CaseTable<'a> {
    pub case_id: Text<'a>,
    /// Group code of each case (used when the events carry no `group` of their own).
    pub group: Option<Vec<u32>>,
    pub network: Option<Ids<'a>>,
    pub note: Option<Text<'a>>,
    /// The note for events whose case is not in the table.
    pub missing_note: Option<String>,
}

/// One row per record: the entity (person) it belongs to.
pub struct EntityTable<'a> {
    pub record_id: Text<'a>,
    pub entity_id: Option<Ids<'a>>,
}

/// The events' columns as read, before coding.
pub struct EventInput<'a> {
    pub event_type: Text<'a>,
    pub case_id: Text<'a>,
    pub currency: Option<Text<'a>>,
    pub record_id: Option<Text<'a>>,
    pub event_id: Option<Text<'a>>,
    /// Days since 1970-01-01; [`super::period::NULL_DATE`] when missing.
    pub date: Vec<i32>,
    /// NaN when missing.
    pub quantity: Vec<f64>,
    /// Group code of each event; without it, the group comes from the case table.
    pub group: Option<Vec<u32>>,
}

/// Dictionary codes and the distinct values of one text column.
struct Coded<'a> {
    codes: Vec<u32>,
    names: Vec<&'a str>,
}

impl<'a> Coded<'a> {
    fn new(values: Option<&Text<'a>>, height: usize) -> Self {
        let (codes, names) = match values {
            None => (vec![NULL; height], Vec::new()),
            Some(v) => dictionary(v),
        };
        Coded { codes, names }
    }
}

/// Events joined to their cases and entities; [`JoinedEvents::events`] borrows them as
/// the statistics read them.
pub struct JoinedEvents<'a> {
    input: &'a EventInput<'a>,
    event_type: Coded<'a>,
    currency: Coded<'a>,
    event: Coded<'a>,
    case: Vec<u32>,
    record: Vec<u32>,
    group: Vec<u32>,
    network: Option<Vec<u32>>,
    person: Option<Vec<u32>>,
    /// Notes on events whose case is missing from, or noted in, the case table.
    notes: Vec<Issue>,
}

/// Codes of the events' `keys` and, through the table's keys, each event's table row
/// (NULL when absent). `what` names the table and its key for errors.
fn codes_and_rows(
    table: Option<&Text<'_>>,
    keys: Option<&Text<'_>>,
    height: usize,
    what: (&str, &str),
) -> Result<(Vec<u32>, Vec<u32>)> {
    let Some(keys) = keys else {
        return Ok((vec![NULL; height], vec![NULL; height]));
    };
    let mut both: Text<'_> = Vec::with_capacity(table.map_or(0, Vec::len) + keys.len());
    both.extend_from_slice(table.map_or(&[][..], Vec::as_slice));
    let in_table = both.len();
    both.extend_from_slice(keys);
    let (codes, row_of) = lookup(both, in_table).map_err(|dup| {
        CoreError::InvalidInput(format!(
            "{} has several rows for {}='{dup}'; keep one row per {}",
            what.0, what.1, what.1
        ))
    })?;
    let rows = codes
        .par_iter()
        .map(|&c| if c == NULL { NULL } else { row_of[c as usize] })
        .collect();
    Ok((codes, rows))
}

/// Each event's value of a per-table-row column (NULL where the event has no row).
fn gather(by_row: &[u32], rows: &[u32]) -> Vec<u32> {
    rows.par_iter()
        .map(|&r| if r == NULL { NULL } else { by_row[r as usize] })
        .collect()
}

/// The notes of events through the case table: the case's note, or the table's note for
/// events whose case it lacks.
fn case_notes(cases: &CaseTable<'_>, case_row: &[u32]) -> Vec<Issue> {
    let mut notes = Vec::new();
    for (i, &r) in case_row.iter().enumerate() {
        let note = if r == NULL {
            cases.missing_note.as_deref()
        } else {
            cases.note.as_ref().and_then(|n| n[r as usize])
        };
        if let Some(note) = note {
            notes.push(Issue::counted(i, note.to_string()));
        }
    }
    notes
}

/// Joins the events to their cases and entities and codes them.
pub fn join<'a>(
    input: &'a EventInput<'a>,
    cases: Option<&'a CaseTable<'a>>,
    entities: Option<&'a EntityTable<'a>>,
) -> Result<JoinedEvents<'a>> {
    let n = input.date.len();
    let (case, case_row) = codes_and_rows(
        cases.map(|c| &c.case_id),
        Some(&input.case_id),
        n,
        ("cases (or networks)", "case_id"),
    )?;
    let (record, record_row) = codes_and_rows(
        entities.map(|e| &e.record_id),
        input.record_id.as_ref(),
        n,
        ("entities", "record_id"),
    )?;
    let case_group = cases.and_then(|c| c.group.as_deref());
    let group = match (&input.group, case_group) {
        (Some(g), _) => g.clone(),
        (None, Some(by_case)) => gather(by_case, &case_row),
        (None, None) => vec![0; n],
    };
    let network = cases
        .and_then(|c| c.network.as_ref())
        .map(|ids| gather(&ids.codes(), &case_row));
    let person = entities
        .and_then(|e| e.entity_id.as_ref())
        .map(|ids| gather(&ids.codes(), &record_row));
    Ok(JoinedEvents {
        input,
        event_type: Coded::new(Some(&input.event_type), n),
        currency: Coded::new(input.currency.as_ref(), n),
        event: Coded::new(input.event_id.as_ref(), n),
        case,
        record,
        group,
        network,
        person,
        notes: cases.map_or_else(Vec::new, |c| case_notes(c, &case_row)),
    })
}

impl JoinedEvents<'_> {
    /// The coded events.
    pub fn events(&self) -> Events<'_> {
        Events {
            event_type: &self.event_type.codes,
            type_names: &self.event_type.names,
            date: &self.input.date,
            quantity: &self.input.quantity,
            currency: &self.currency.codes,
            currency_names: &self.currency.names,
            case: &self.case,
            record: &self.record,
            event: &self.event.codes,
            event_names: &self.event.names,
            person: self.person.as_deref(),
            network: self.network.as_deref(),
            group: &self.group,
        }
    }

    /// The issues of a statistic with the join's notes on cases, in row order.
    pub fn with_notes(&self, mut found: Vec<Issue>) -> Vec<Issue> {
        if !self.notes.is_empty() {
            found.extend_from_slice(&self.notes);
            issues::sort(&mut found);
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input<'a>(cases: &[&'a str], records: &[&'a str]) -> EventInput<'a> {
        let n = cases.len();
        EventInput {
            event_type: vec![Some("arrest"); n],
            case_id: cases.iter().map(|&c| Some(c)).collect(),
            currency: None,
            record_id: Some(records.iter().map(|&r| Some(r)).collect()),
            event_id: None,
            date: vec![0; n],
            quantity: vec![f64::NAN; n],
            group: None,
        }
    }

    #[test]
    fn events_take_their_cases_group_network_and_note() {
        let ev = input(&["C2", "C1", "C9"], &["r1", "r2", "r3"]);
        let cases = CaseTable {
            case_id: vec![Some("C1"), Some("C2")],
            group: Some(vec![10, 20]),
            network: Some(Ids::Int(&[Some(5), Some(5)])),
            note: Some(vec![None, Some("noted")]),
            missing_note: Some("no case".into()),
        };
        let joined = join(&ev, Some(&cases), None).unwrap();
        let events = joined.events();
        assert_eq!(events.group, &[20, 10, NULL]);
        let net = events.network.unwrap();
        assert_eq!(net[0], net[1]);
        assert_eq!(net[2], NULL);
        assert!(events.person.is_none());
        let notes = joined.with_notes(vec![Issue::counted(1, "core".into())]);
        let rows: Vec<(u32, &str)> = notes.iter().map(|i| (i.row, i.reason.as_str())).collect();
        assert_eq!(rows, vec![(0, "noted"), (1, "core"), (2, "no case")]);
    }

    #[test]
    fn records_map_to_entities_and_unknown_records_to_none() {
        let ev = input(&["C1", "C1", "C1"], &["a", "b", "zz"]);
        let entities = EntityTable {
            record_id: vec![Some("b"), Some("a")],
            entity_id: Some(Ids::Text(vec![Some("E1"), Some("E1")])),
        };
        let joined = join(&ev, None, Some(&entities)).unwrap();
        let person = joined.events().person.unwrap().to_vec();
        assert_eq!(person[0], person[1]);
        assert_ne!(person[0], NULL);
        assert_eq!(person[2], NULL);
        assert!(joined.with_notes(Vec::new()).is_empty());
    }

    #[test]
    fn a_table_holding_a_key_twice_is_an_error_naming_it() {
        let ev = input(&["C1"], &["a"]);
        let entities = EntityTable {
            record_id: vec![Some("a"), Some("a")],
            entity_id: None,
        };
        let err = join(&ev, None, Some(&entities)).err().unwrap().to_string();
        assert!(
            err.contains("entities has several rows for record_id='a'"),
            "{err}"
        );
    }
}
