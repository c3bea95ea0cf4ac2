//! Yearly exchange rates, as units of each currency per euro.
use std::collections::{BTreeMap, HashMap};

use crate::errors::{CoreError, Result};

/// Units of a currency per euro, by year. The euro itself is implicit (1.0 every year).
#[derive(Debug, Clone, Default)]
pub struct FxTable {
    rates: HashMap<String, BTreeMap<i32, f64>>,
}

/// A conversion: the amount in the target currency, and the year whose rate had to stand
/// in for a year missing from the table (nearest year; the earlier on a tie).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Converted {
    pub amount: f64,
    pub substitute: Option<(String3, i32)>,
}

/// A currency code kept inline (ISO 4217 codes are three letters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct String3([u8; 8]);

impl String3 {
    fn new(s: &str) -> String3 {
        let mut b = [0u8; 8];
        let n = s.len().min(8);
        b[..n].copy_from_slice(&s.as_bytes()[..n]);
        String3(b)
    }
    pub fn as_str(&self) -> &str {
        let end = self.0.iter().position(|&c| c == 0).unwrap_or(8);
        std::str::from_utf8(&self.0[..end]).unwrap_or("?")
    }
}

impl FxTable {
    /// From `(year, currency, units per euro)` rows. Rates must be positive and finite,
    /// each (year, currency) given once.
    pub fn new(rows: &[(i32, String, f64)]) -> Result<FxTable> {
        let mut rates: HashMap<String, BTreeMap<i32, f64>> = HashMap::new();
        for (year, currency, rate) in rows {
            if !(rate.is_finite() && *rate > 0.0) {
                return Err(CoreError::InvalidInput(format!(
                    "exchange rate for {currency} in {year} is {rate}; rates must be positive units of the currency per euro"
                )));
            }
            if currency == "EUR" && (rate - 1.0).abs() > 1e-12 {
                return Err(CoreError::InvalidInput(format!(
                    "the EUR rate must be 1 (rates are units per euro), got {rate} for {year}"
                )));
            }
            if rates
                .entry(currency.clone())
                .or_default()
                .insert(*year, *rate)
                .is_some()
            {
                return Err(CoreError::InvalidInput(format!(
                    "exchange-rate table has two rates for {currency} in {year}; keep one row per year and currency"
                )));
            }
        }
        Ok(FxTable { rates })
    }

    pub fn knows(&self, currency: &str) -> bool {
        currency == "EUR" || self.rates.contains_key(currency)
    }

    /// Units of `currency` per euro in `year`, and the year actually used.
    fn per_eur(&self, currency: &str, year: i32) -> Option<(f64, i32)> {
        if currency == "EUR" {
            return Some((1.0, year));
        }
        let years = self.rates.get(currency)?;
        if let Some(rate) = years.get(&year) {
            return Some((*rate, year));
        }
        let before = years.range(..year).next_back();
        let after = years.range(year..).next();
        let pick = match (before, after) {
            (Some(b), Some(a)) => {
                if year - b.0 <= a.0 - year {
                    b
                } else {
                    a
                }
            }
            (Some(b), None) => b,
            (None, Some(a)) => a,
            (None, None) => return None,
        };
        Some((*pick.1, *pick.0))
    }

    /// `amount` of `from` in `year`, in `to`. None when a currency is not in the table.
    /// Equal currencies are never converted.
    pub fn convert(&self, amount: f64, from: &str, to: &str, year: i32) -> Option<Converted> {
        if from == to {
            return Some(Converted {
                amount,
                substitute: None,
            });
        }
        let (rate_from, year_from) = self.per_eur(from, year)?;
        let (rate_to, year_to) = self.per_eur(to, year)?;
        let substitute = if year_from != year {
            Some((String3::new(from), year_from))
        } else if year_to != year {
            Some((String3::new(to), year_to))
        } else {
            None
        };
        Some(Converted {
            amount: amount / rate_from * rate_to,
            substitute,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> FxTable {
        FxTable::new(&[(2020, "GBP".into(), 0.8), (2022, "GBP".into(), 0.9)]).unwrap()
    }

    #[test]
    fn converts_both_ways_at_the_year_rate() {
        let t = table();
        assert_eq!(t.convert(80.0, "GBP", "EUR", 2020).unwrap().amount, 100.0);
        assert!((t.convert(100.0, "EUR", "GBP", 2022).unwrap().amount - 90.0).abs() < 1e-12);
        assert_eq!(t.convert(5.0, "GBP", "GBP", 1900).unwrap().amount, 5.0);
    }

    #[test]
    fn missing_years_use_the_nearest_and_say_so() {
        let t = table();
        let c = t.convert(90.0, "GBP", "EUR", 2025).unwrap();
        assert!((c.amount - 100.0).abs() < 1e-12);
        let (cur, year) = c.substitute.unwrap();
        assert_eq!((cur.as_str(), year), ("GBP", 2022));
        // a tie picks the earlier year
        assert_eq!(
            t.convert(1.0, "GBP", "EUR", 2021)
                .unwrap()
                .substitute
                .unwrap()
                .1,
            2020
        );
    }

    #[test]
    fn unknown_currencies_and_bad_rates() {
        assert!(table().convert(1.0, "USD", "EUR", 2020).is_none());
        assert!(FxTable::new(&[(2020, "GBP".into(), -1.0)]).is_err());
        assert!(FxTable::new(&[(2020, "GBP".into(), 0.8), (2020, "GBP".into(), 0.8)]).is_err());
    }
}
