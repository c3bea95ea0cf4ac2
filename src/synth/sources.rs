//! The writing conventions of each agency that holds records.

use chrono::{Datelike, NaiveDate};
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::names::{dutch_form, Variants};
use super::origins::nationality_forms;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Source {
    /// UK National Crime Agency: given + family, Title Case, English romanisation.
    Nca,
    /// UK Home Office (immigration): passport style, UPPERCASE ASCII, ISO dates and codes.
    Hoio,
    /// France (OLTIM): full name "FAMILY Given", French romanisation.
    Oltim,
    /// Germany (BKA): full name "Family, Given", German romanisation.
    Bka,
    /// Belgium (federal judicial police): full name "FAMILY, Given", French romanisation.
    Pjf,
    /// Netherlands (Koninklijke Marechaussee): given + FAMILY, Dutch romanisation.
    Kmar,
}

pub const ALL_SOURCES: [Source; 6] = [
    Source::Nca,
    Source::Hoio,
    Source::Oltim,
    Source::Bka,
    Source::Pjf,
    Source::Kmar,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    English,
    French,
    German,
    Dutch,
}

impl Source {
    pub fn code(self) -> &'static str {
        match self {
            Source::Nca => "NCA",
            Source::Hoio => "HOIO",
            Source::Oltim => "OLTIM",
            Source::Bka => "BKA",
            Source::Pjf => "PJF",
            Source::Kmar => "KMAR",
        }
    }

    pub fn jurisdiction(self) -> &'static str {
        match self {
            Source::Nca | Source::Hoio => "UK",
            Source::Oltim => "FR",
            Source::Bka => "DE",
            Source::Pjf => "BE",
            Source::Kmar => "NL",
        }
    }

    pub fn script(self) -> Script {
        match self {
            Source::Nca | Source::Hoio => Script::English,
            Source::Oltim | Source::Pjf => Script::French,
            Source::Bka => Script::German,
            Source::Kmar => Script::Dutch,
        }
    }

    /// Whether names go in separate given/family fields (else one full-name field).
    pub fn separate_name_fields(self) -> bool {
        matches!(self, Source::Nca | Source::Hoio | Source::Kmar)
    }

    /// The form of a name this agency's officers write.
    pub fn romanise(self, name: &Variants, transliterated: bool) -> String {
        match self.script() {
            Script::English => name.en.to_string(),
            Script::French => name.fr.to_string(),
            Script::German => name.de.to_string(),
            Script::Dutch => dutch_form(name.en, transliterated),
        }
    }

    /// Writes given and family names into (given_name, family_name, full_name).
    /// `family` may be empty (single-name persons).
    pub fn write_name(
        self,
        given: &str,
        family: &str,
    ) -> (Option<String>, Option<String>, Option<String>) {
        let given = given.trim();
        let family = family.trim();
        match self {
            Source::Nca => (
                non_empty(title_case(given)),
                non_empty(title_case(family)),
                None,
            ),
            Source::Hoio => {
                // Passport convention: a single name goes in the surname field, the
                // given name is recorded as FNU (first name unknown).
                let (g, f) = if family.is_empty() {
                    ("FNU", given)
                } else {
                    (given, family)
                };
                (Some(passport(g)), Some(passport(f)), None)
            }
            Source::Kmar => (
                non_empty(title_case(given)),
                non_empty(family.to_uppercase()),
                None,
            ),
            Source::Oltim => {
                let full = if family.is_empty() {
                    given.to_uppercase()
                } else {
                    format!("{} {}", family.to_uppercase(), title_case(given))
                };
                (None, None, Some(full))
            }
            Source::Bka => {
                let full = if family.is_empty() {
                    title_case(given)
                } else {
                    format!("{}, {}", title_case(family), title_case(given))
                };
                (None, None, Some(full))
            }
            Source::Pjf => {
                let full = if family.is_empty() {
                    given.to_uppercase()
                } else {
                    format!("{}, {}", family.to_uppercase(), title_case(given))
                };
                (None, None, Some(full))
            }
        }
    }

    /// Writes a complete date of birth in this agency's format.
    pub fn write_date(self, d: NaiveDate) -> String {
        // Hand-rolled: chrono's strftime machinery was a fifth of the generator's time.
        let (y, m, day) = (d.year(), d.month(), d.day());
        match self {
            Source::Hoio => format!("{y:04}-{m:02}-{day:02}"),
            Source::Bka => format!("{day:02}.{m:02}.{y:04}"),
            Source::Kmar => format!("{day:02}-{m:02}-{y:04}"),
            Source::Nca | Source::Oltim | Source::Pjf => format!("{day:02}/{m:02}/{y:04}"),
        }
    }

    /// Writes a date whose day and month are unknown.
    pub fn write_unknown_day(self, rng: &mut ChaCha8Rng, year: i32) -> (String, bool) {
        // (text, is_year_only)
        let placeholder = NaiveDate::from_ymd_opt(year, 1, 1).expect("valid year");
        match self {
            Source::Hoio => (self.write_date(placeholder), false),
            Source::Oltim | Source::Pjf if rng.random_bool(0.3) => (format!("00/00/{year}"), false),
            Source::Bka if rng.random_bool(0.3) => (format!("XX.XX.{year}"), false),
            _ if rng.random_bool(0.15) => (year.to_string(), true),
            _ => (self.write_date(placeholder), false),
        }
    }

    /// Wraps a written date in this agency's free-text habits (French "né le", "se disant").
    pub fn decorate_date(self, rng: &mut ChaCha8Rng, text: String, female: bool) -> String {
        match self {
            Source::Oltim | Source::Pjf if rng.random_bool(0.08) => {
                let born = if female { "née le" } else { "né le" };
                if rng.random_bool(0.5) {
                    format!("{born} {text}")
                } else {
                    format!("se disant {born} {text}")
                }
            }
            _ => text,
        }
    }

    pub fn write_nationality(self, rng: &mut ChaCha8Rng, code: &str, female: bool) -> String {
        let forms = nationality_forms(code);
        match self {
            Source::Nca => forms.en.to_string(),
            Source::Hoio => match code {
                "KURD" => "IRQ".to_string(),
                _ => code.to_string(),
            },
            Source::Oltim | Source::Pjf => {
                if rng.random_bool(0.25) {
                    forms.fr_country.to_string()
                } else if female {
                    forms.fr_f.to_string()
                } else {
                    forms.fr_m.to_string()
                }
            }
            Source::Bka => forms.de.to_string(),
            Source::Kmar => forms.nl.to_string(),
        }
    }

    pub fn write_gender(self, female: bool) -> &'static str {
        match (self, female) {
            (Source::Nca, false) => "Male",
            (Source::Nca, true) => "Female",
            (Source::Oltim, false) => "H",
            (Source::Bka, false) => "m",
            (Source::Bka, true) => "w",
            (Source::Kmar, true) => "V",
            (_, false) => "M",
            (_, true) => "F",
        }
    }

    /// Phones are stored compact (E.164) by the passport-style system.
    pub fn compact_phones(self) -> bool {
        self == Source::Hoio
    }
}

fn non_empty(s: String) -> Option<String> {
    if s.is_empty() {
        None
    } else {
        Some(s)
    }
}

/// "ABDUL RAHMAN" / "abdul-rahman" -> "Abdul Rahman" / "Abdul-Rahman".
pub fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = c == ' ' || c == '-';
    }
    out
}

/// Passport style: upper-case ASCII, apostrophes dropped.
pub fn passport(s: &str) -> String {
    deunicode::deunicode(s).replace('\'', "").to_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agencies_write_names_their_way() {
        assert_eq!(
            Source::Oltim.write_name("Kaywan", "Pour"),
            (None, None, Some("POUR Kaywan".into()))
        );
        assert_eq!(
            Source::Bka.write_name("Kajwan", "Pur").2.unwrap(),
            "Pur, Kajwan"
        );
        assert_eq!(
            Source::Hoio.write_name("Zabihullah", ""),
            (Some("FNU".into()), Some("ZABIHULLAH".into()), None)
        );
        assert_eq!(
            Source::Hoio.write_name("Sébastien", "O'Brien").1.unwrap(),
            "OBRIEN"
        );
        assert_eq!(
            Source::Nca.write_name("abdul rahman", "AL-ALI").0.unwrap(),
            "Abdul Rahman"
        );
    }

    #[test]
    fn agencies_write_dates_their_way() {
        let d = NaiveDate::from_ymd_opt(1990, 3, 7).unwrap();
        assert_eq!(Source::Nca.write_date(d), "07/03/1990");
        assert_eq!(Source::Hoio.write_date(d), "1990-03-07");
        assert_eq!(Source::Bka.write_date(d), "07.03.1990");
        assert_eq!(Source::Kmar.write_date(d), "07-03-1990");
    }
}
