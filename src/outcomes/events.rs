//! The event types and the column-oriented events the statistics read.
use crate::errors::{CoreError, Result};

use crate::encode::NULL;

/// The event types caselink counts, in a fixed order (their codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
pub enum EventType {
    Arrest,
    Charge,
    Conviction,
    Acquittal,
    Sentence,
    Fine,
    ExtraditionRequest,
    Extradition,
    SeizureBoat,
    SeizureEngine,
    CrossingPrevented,
    DeathAtSea,
}

pub const EVENT_TYPES: [EventType; 12] = [
    EventType::Arrest,
    EventType::Charge,
    EventType::Conviction,
    EventType::Acquittal,
    EventType::Sentence,
    EventType::Fine,
    EventType::ExtraditionRequest,
    EventType::Extradition,
    EventType::SeizureBoat,
    EventType::SeizureEngine,
    EventType::CrossingPrevented,
    EventType::DeathAtSea,
];

impl EventType {
    pub fn name(self) -> &'static str {
        match self {
            EventType::Arrest => "arrest",
            EventType::Charge => "charge",
            EventType::Conviction => "conviction",
            EventType::Acquittal => "acquittal",
            EventType::Sentence => "sentence",
            EventType::Fine => "fine",
            EventType::ExtraditionRequest => "extradition_request",
            EventType::Extradition => "extradition",
            EventType::SeizureBoat => "seizure_boat",
            EventType::SeizureEngine => "seizure_engine",
            EventType::CrossingPrevented => "crossing_prevented",
            EventType::DeathAtSea => "death_at_sea",
        }
    }

    pub fn from_name(name: &str) -> Option<EventType> {
        EVENT_TYPES.iter().copied().find(|t| t.name() == name)
    }

    /// Parses a type named in an argument (e.g. `start="arrest"`).
    pub fn parse(argument: &str, name: &str) -> Result<EventType> {
        EventType::from_name(name).ok_or_else(|| {
            CoreError::InvalidInput(format!(
                "{argument}='{name}' is not an event type; expected one of {}",
                names_list()
            ))
        })
    }

    pub fn from_code(code: u8) -> EventType {
        EVENT_TYPES[code as usize]
    }

    /// Events about one person (they need a `record_id` to count people).
    pub fn is_personal(self) -> bool {
        self <= EventType::Extradition
    }

    /// Events whose `quantity` is what is counted (years, money, boats, people).
    pub fn needs_quantity(self) -> bool {
        matches!(
            self,
            EventType::Sentence
                | EventType::Fine
                | EventType::SeizureBoat
                | EventType::SeizureEngine
                | EventType::CrossingPrevented
                | EventType::DeathAtSea
        )
    }
}

pub fn names_list() -> String {
    EVENT_TYPES
        .iter()
        .map(|t| t.name())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Events, one entry per row in every slice; text columns are dictionary codes
/// ([`NULL`] for missing) into the `*_names` slices.
pub struct Events<'a> {
    pub event_type: &'a [u32],
    pub type_names: &'a [&'a str],
    /// Days since 1970-01-01; [`super::period::NULL_DATE`] when missing.
    pub date: &'a [i32],
    /// NaN when missing.
    pub quantity: &'a [f64],
    pub currency: &'a [u32],
    pub currency_names: &'a [&'a str],
    pub case: &'a [u32],
    pub record: &'a [u32],
    /// Codes of the `event_id`s ([`NULL`] when missing, and everywhere without the
    /// column) into `event_names`: rows sharing one are the same event.
    pub event: &'a [u32],
    pub event_names: &'a [&'a str],
    /// Entity code of the row's record ([`NULL`]: not in the entities); None without
    /// entities, when each record is a person.
    pub person: Option<&'a [u32]>,
    /// Network code of the row's case ([`NULL`]: none); None without networks.
    pub network: Option<&'a [u32]>,
    /// Group code of the row's non-time grouping columns.
    pub group: &'a [u32],
}

impl Events<'_> {
    pub fn len(&self) -> usize {
        self.event_type.len()
    }

    pub fn is_empty(&self) -> bool {
        self.event_type.is_empty()
    }

    /// Checks that every column has one entry per row.
    pub fn check(&self) -> Result<()> {
        let n = self.len();
        let mut lengths = vec![
            ("date", self.date.len()),
            ("quantity", self.quantity.len()),
            ("currency", self.currency.len()),
            ("case_id", self.case.len()),
            ("record_id", self.record.len()),
            ("event_id", self.event.len()),
            ("group", self.group.len()),
        ];
        if let Some(p) = self.person {
            lengths.push(("entity", p.len()));
        }
        if let Some(x) = self.network {
            lengths.push(("network", x.len()));
        }
        for (name, len) in lengths {
            if len != n {
                return Err(CoreError::Internal(format!(
                    "column {name} has {len} entries for {n} events"
                )));
            }
        }
        Ok(())
    }

    /// The person of row `i`: its entity, or its record when there are no entities or
    /// the record is not among them (`entities` = number of entity codes).
    #[inline]
    pub fn person_of(&self, i: usize, entities: u32) -> u32 {
        let record = self.record[i];
        if record == NULL {
            return NULL;
        }
        match self.person {
            None => record,
            Some(p) if p[i] != NULL => p[i],
            Some(_) => entities + record,
        }
    }

    /// Number of entity codes (one more than the largest).
    pub fn entity_count(&self) -> u32 {
        self.person.map_or(0, |p| {
            p.iter().filter(|&&c| c != NULL).max().map_or(0, |&m| m + 1)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for (code, t) in EVENT_TYPES.iter().enumerate() {
            assert_eq!(EventType::from_name(t.name()), Some(*t));
            assert_eq!(EventType::from_code(code as u8), *t);
        }
        assert!(EventType::parse("start", "arest").is_err());
        assert!(EventType::Extradition.is_personal());
        assert!(!EventType::SeizureBoat.is_personal());
    }
}
