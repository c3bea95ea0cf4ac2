//! Dates (days since 1970-01-01, as polars stores them) and reporting periods.
use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;

use crate::errors::{CoreError, Result};

/// A missing date.
pub const NULL_DATE: i32 = i32::MIN;

/// The reporting period an event falls in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// No time grouping: every event in one period.
    All,
    Year,
    Quarter,
    Month,
}

impl Period {
    pub fn parse(name: &str) -> Result<Period> {
        match name {
            "all" => Ok(Period::All),
            "year" => Ok(Period::Year),
            "quarter" => Ok(Period::Quarter),
            "month" => Ok(Period::Month),
            other => Err(CoreError::InvalidInput(format!(
                "period must be 'year', 'quarter' or 'month', got '{other}'"
            ))),
        }
    }

    /// A code that orders periods: the year, or months/quarters since year 0.
    pub fn code(self, date: NaiveDate) -> i32 {
        match self {
            Period::All => 0,
            Period::Year => date.year(),
            Period::Quarter => date.year() * 4 + date.month0() as i32 / 3,
            Period::Month => date.year() * 12 + date.month0() as i32,
        }
    }

    /// The first day of the period of `code` (None for `All`).
    pub fn start(self, code: i32) -> Option<NaiveDate> {
        let (year, month0) = match self {
            Period::All => return None,
            Period::Year => (code, 0),
            Period::Quarter => (code.div_euclid(4), code.rem_euclid(4) * 3),
            Period::Month => (code.div_euclid(12), code.rem_euclid(12)),
        };
        NaiveDate::from_ymd_opt(year, month0 as u32 + 1, 1)
    }
}

fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1).expect("epoch")
}

/// The date of `days` since 1970-01-01 (None if missing or out of chrono's range).
pub fn to_date(days: i32) -> Option<NaiveDate> {
    if days == NULL_DATE {
        return None;
    }
    epoch().checked_add_signed(chrono::Duration::days(days as i64))
}

pub fn to_days(date: NaiveDate) -> i32 {
    (date - epoch()).num_days() as i32
}

/// Dates spanning more days than this are coded one by one instead of by a lookup table.
const MAX_TABLE_DAYS: i64 = 1 << 22;

/// The period code of every date ([`NULL_DATE`] -> `i32::MIN`). Dates are looked up in a
/// table over their range, built once with chrono, so each row costs one load.
pub fn period_codes(days: &[i32], period: Period) -> Vec<i32> {
    if period == Period::All {
        return vec![0; days.len()];
    }
    let (lo, hi) = days
        .par_iter()
        .filter(|&&d| d != NULL_DATE)
        .fold(
            || (i32::MAX, i32::MIN),
            |(lo, hi), &d| (lo.min(d), hi.max(d)),
        )
        .reduce(|| (i32::MAX, i32::MIN), |a, b| (a.0.min(b.0), a.1.max(b.1)));
    let code_of = |d: i32| to_date(d).map_or(i32::MIN, |date| period.code(date));
    if lo > hi || (hi as i64 - lo as i64) > MAX_TABLE_DAYS {
        return days.par_iter().map(|&d| code_of(d)).collect();
    }
    let table: Vec<i32> = (lo..=hi).map(code_of).collect();
    days.par_iter()
        .map(|&d| {
            if d == NULL_DATE {
                i32::MIN
            } else {
                table[(d - lo) as usize]
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> i32 {
        to_days(NaiveDate::from_ymd_opt(y, m, day).unwrap())
    }

    #[test]
    fn codes_and_starts_round_trip() {
        let date = NaiveDate::from_ymd_opt(2024, 8, 17).unwrap();
        for (period, start) in [
            (Period::Year, (2024, 1)),
            (Period::Quarter, (2024, 7)),
            (Period::Month, (2024, 8)),
        ] {
            let code = period.code(date);
            assert_eq!(
                period.start(code),
                NaiveDate::from_ymd_opt(start.0, start.1, 1)
            );
        }
        assert_eq!(Period::All.start(0), None);
    }

    #[test]
    fn table_lookup_matches_chrono() {
        let days = vec![
            d(2020, 1, 1),
            NULL_DATE,
            d(2020, 3, 31),
            d(2021, 12, 31),
            d(1969, 12, 31),
        ];
        let codes = period_codes(&days, Period::Quarter);
        assert_eq!(
            codes,
            vec![2020 * 4, i32::MIN, 2020 * 4, 2021 * 4 + 3, 1969 * 4 + 3]
        );
        // a far outlier takes the row-by-row path and agrees
        let far = vec![d(2020, 5, 5), d(9000, 1, 1)];
        assert_eq!(period_codes(&far, Period::Year), vec![2020, 9000]);
    }

    #[test]
    fn unknown_period_is_an_error() {
        assert!(Period::parse("week").is_err());
        assert_eq!(Period::parse("month").unwrap(), Period::Month);
    }
}
