//! Dates of birth as written by UK, French, German, Belgian and Dutch police and
//! immigration agencies, parsed into one canonical form.
//!
//! [`parse_dob`] never fails: every input row gives a [`ParsedDob`], junk becoming a null
//! date with a [`DobQuality`] and, where useful, a human-readable `issue` (always starting
//! `dob: '<input>' `, the input quoted as given, trimmed and cut to 60 characters).
//!
//! # Accepted forms
//!
//! Before parsing, the text is cleaned: outer whitespace, quotes and invisible characters
//! are trimmed; Unicode decimal digits (Arabic-Indic `١٩٩٠`, Persian, Devanagari,
//! full-width `１９９０`, ...) become ASCII; full-width punctuation, Unicode dashes and
//! slashes become their ASCII forms; NBSP and other spaces become spaces; zero-width,
//! bidi and soft-hyphen characters and combining marks are dropped; letters are compared
//! case-insensitively with accents folded (`é`→`e`, `ä`→`a`, `ß`→`ss`). Control characters
//! count as spaces. Input longer than [`MAX_INPUT_BYTES`] (after trimming) is `Invalid`.
//!
//! * Numeric, separators `/ . - , \ _ ;` with optional spaces around them
//!   (`01 / 01 / 1990`, `1. 1. 1990`):
//!   * `yyyy-mm-dd`, `yyyy/mm/dd`, `yyyy.mm.dd`: year first whatever the [`DateOrder`];
//!   * `dd/mm/yyyy`, `d.m.yyyy`, `dd-mm-yy`, `d.m.yy`: read by the order (`DayFirst`:
//!     day/month, `MonthFirst`: month/day; `YearFirst` reads these as `DayFirst`, the
//!     year being plainly last);
//!   * all parts of one or two digits (`05/03/90`): `DayFirst` d/m/yy, `MonthFirst` m/d/yy,
//!     `YearFirst` yy/m/d;
//!   * `yyyymmdd` (8 digits, FEBRL style); `ddmmyyyy` (`mmddyyyy` in `MonthFirst` order)
//!     only when `yyyymmdd` is not a plausible date;
//!   * 6 digits: `ddmmyy` / `mmddyy` / `yymmdd` by the order, else `mmyyyy`;
//!   * `mm/yyyy`, `yyyy-mm`: month and year; `yyyy`: year only.
//! * Month names in English, French, German and Dutch, full or abbreviated, any case, with
//!   or without accents and dots, ordinals allowed (`1st`, `1er`, `1.`, `2de`), numbers
//!   before or after, with or without spaces: `1 January 1990`, `January 1, 1990`,
//!   `01 Jan 1990`, `05JAN1990`, `1er janvier 1990`, `3 févr. 1990`, `1. Januar 1990`,
//!   `3. März 1990` / `Maerz` / `Mrz`, `12 mei 1990`, `1990 Jan 05`; `Jan 1990` gives a
//!   month and year. A named month is never swapped with the day. Weekday names
//!   (`Monday`, `lundi`, `Montag`, `maandag`, ...) and `of`/`the` are skipped.
//! * Decorations stripped first: leading `né le`, `née le`, `né(e) le`, `se disant`, `SD`,
//!   `born`, `born on`, `b.`, `DOB:`, `date of birth`, `date de naissance`, `geb.`,
//!   `geboren am`, `geb. am`, `geboren op`, `ca.`, `circa`, `vers`, `env.`, `approx`,
//!   `about`, `~`; trailing `?`, `(approx)`, `(?)`, `(ca.)`, `approx`, `ca.`; a time of day
//!   after the date (`1990-03-05T00:00:00Z`, `05/03/1990 00:00`).
//!   Approximation markers are simply dropped: `ca. 1990` is the same as `1990`, with no
//!   issue (the struct has no field for it).
//! * Unknown parts: a day or month written `00`, `X`/`XX` or `?`/`??`, or left empty
//!   (`05//1990`), is unknown (`00/00/1990`, `XX.XX.1990`, `1990-xx-xx`).
//!
//! Two-digit years pivot on the reference year: `yy <= reference_year % 100` is in the
//! reference year's century, else in the century before (`20yy` / `19yy` for 2000..=2099).
//!
//! # Quality
//!
//! * [`DobQuality::Exact`]: day, month and year known and valid; `date`, `year`, `month`,
//!   `day` set. `swapped` holds the day/month swapped reading when the month was written
//!   as a number, both are `<= 12`, they differ and the swap is a valid date. An issue is
//!   set only when the date had to be read against the order: a month over 12 whose day
//!   could be the month (`dob: '12/25/1990' read month-first` in `DayFirst` order, `read
//!   day-first` in `MonthFirst`, `1990-25-12` `read as year-day-month`), or a first field
//!   over 31 taken as a two-digit year (`90/03/05` `read year-first`).
//! * [`DobQuality::YearOnly`]: the year, maybe the month (`00/05/1990`, `Jan 1990`), not
//!   the day. Also junk that holds exactly one plausible four-digit year (`born 1990 in
//!   Kabul`), with an issue saying so.
//! * [`DobQuality::Placeholder`]: 1 January, the agencies' convention for an unknown day
//!   (`01/01/1990`, `1990-01-01`, `19900101`, `1 January 1990`, however written): `date`
//!   is the written date, `year` set, `month` and `day` `None`, an issue notes it.
//! * [`DobQuality::Implausible`]: a date read in full or in part whose year is before the
//!   earliest plausible year or after the reference year ([`DobYears`]; living suspects:
//!   1900 on). Every field is kept as it was read (a 01/01 date keeps no month or day, as
//!   a placeholder) and the issue says why: plausibility is a flag, never a filter, so old
//!   records (historical data, a typo'd year) still carry their dates into the linker.
//!   Where the digits allow two readings (`ddmmyyyy` against `yyyymmdd`, `ddmmyy` against
//!   `mmyyyy`), a plausible one wins.
//! * [`DobQuality::Invalid`]: not a date, a calendar impossibility (`31/02/1990`), no year
//!   (`00/00/0000`, `XX/XX/XXXX`). All fields `None` except `issue`, even when a year was readable
//!   (`31/02/1990` keeps no year; only text not shaped like a date gets the year rescue).
//! * [`DobQuality::Missing`]: `None`, empty or blank text, punctuation only (`-`, `--/--/----`,
//!   `?`), or a word for unknown (`unknown`, `inconnu`, `unbekannt`, `onbekend`, `n/a`,
//!   `non renseigné`, ...). No issue.
//!
//! The reference year is a year, not a day: any date in it is accepted.
//!
//! The common numeric path does not allocate; only text with non-ASCII or control
//! characters is copied for folding, and only issues allocate strings.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;

use super::quote;

mod data;

use data::{APPROX, FILLERS, MISSING, MONTHS, ORDINALS, PREFIXES};

/// Longest input (in bytes, after trimming) considered; longer text is `Invalid`.
pub const MAX_INPUT_BYTES: usize = 256;

/// How to read an all-numeric date whose field order is not evident from the digits.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
pub enum DateOrder {
    /// `dd/mm/yyyy` (UK and continental Europe).
    #[default]
    DayFirst,
    /// `mm/dd/yyyy` (US).
    MonthFirst,
    /// `yy/mm/dd` for two-digit years; four-digit years are placed by their position.
    YearFirst,
}

impl DateOrder {
    pub fn as_str(self) -> &'static str {
        match self {
            DateOrder::DayFirst => "day_first",
            DateOrder::MonthFirst => "month_first",
            DateOrder::YearFirst => "year_first",
        }
    }
}

impl fmt::Display for DateOrder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for DateOrder {
    type Err = String;

    /// Accepts `day_first`/`DayFirst`/`dmy`, `month_first`/`mdy`, `year_first`/`ymd`,
    /// in any case, with `_`, `-` or spaces.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let key: String = s
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        match key.as_str() {
            "dayfirst" | "dmy" => Ok(DateOrder::DayFirst),
            "monthfirst" | "mdy" => Ok(DateOrder::MonthFirst),
            "yearfirst" | "ymd" => Ok(DateOrder::YearFirst),
            _ => Err(format!(
                "unknown date order '{s}'; expected 'day_first', 'month_first' or 'year_first'"
            )),
        }
    }
}

/// How much of a date of birth is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DobQuality {
    Exact,
    YearOnly,
    Placeholder,
    /// Read, but outside the plausible years ([`DobYears`]): every field kept, flagged.
    Implausible,
    Invalid,
    Missing,
}

impl DobQuality {
    pub fn as_str(self) -> &'static str {
        match self {
            DobQuality::Exact => "exact",
            DobQuality::YearOnly => "year_only",
            DobQuality::Placeholder => "placeholder",
            DobQuality::Implausible => "implausible",
            DobQuality::Invalid => "invalid",
            DobQuality::Missing => "missing",
        }
    }
}

impl fmt::Display for DobQuality {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One parsed date of birth; see the module documentation for the meaning of each field.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedDob {
    /// Full date when day, month and year are known (for a placeholder, the written date).
    pub date: Option<NaiveDate>,
    pub year: Option<i32>,
    /// `None` when unknown or for a placeholder.
    pub month: Option<u32>,
    /// `None` when unknown or for a placeholder.
    pub day: Option<u32>,
    pub quality: DobQuality,
    /// The day/month swapped reading of a numeric date when both are `<= 12`, they differ
    /// and the swap is a valid date.
    pub swapped: Option<NaiveDate>,
    /// Why the row is `Invalid`, or a note (placeholder, year kept from junk, read against
    /// the order). Starts with `dob: '<input>'`.
    pub issue: Option<String>,
}

impl ParsedDob {
    fn missing() -> Self {
        ParsedDob {
            date: None,
            year: None,
            month: None,
            day: None,
            quality: DobQuality::Missing,
            swapped: None,
            issue: None,
        }
    }

    fn invalid(issue: String) -> Self {
        ParsedDob {
            quality: DobQuality::Invalid,
            issue: Some(issue),
            ..ParsedDob::missing()
        }
    }

    fn year_only(year: i32, month: Option<u32>, issue: Option<String>) -> Self {
        ParsedDob {
            year: Some(year),
            month,
            quality: DobQuality::YearOnly,
            issue,
            ..ParsedDob::missing()
        }
    }
}

/// `yyyy-mm-dd`.
pub fn format_iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The years a date of birth is read against: `reference` is the year the data were
/// extracted (it pivots two-digit years and is the latest plausible year), `earliest` the
/// earliest plausible year. A date outside them is kept, with quality
/// [`DobQuality::Implausible`] and an issue: plausibility is a flag, never a filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DobYears {
    pub earliest: i32,
    pub reference: i32,
}

/// The earliest plausible year of birth of a living suspect: the default of the
/// agencies' profiles (see `standardise::Profile::earliest_birth_year`).
pub const LIVING_EARLIEST_YEAR: i32 = 1900;

impl DobYears {
    /// Living people: born from [`LIVING_EARLIEST_YEAR`] up to the reference year.
    pub fn living(reference: i32) -> DobYears {
        DobYears {
            earliest: LIVING_EARLIEST_YEAR,
            reference,
        }
    }

    /// Any year up to the reference year is plausible (historical records, unknown data).
    pub fn any(reference: i32) -> DobYears {
        DobYears {
            earliest: i32::MIN,
            reference,
        }
    }
}

/// Internal form of [`DobYears`].
#[derive(Debug, Clone, Copy)]
struct Years {
    earliest: i64,
    reference: i64,
}

/// Parses one date of birth, living-suspect plausibility (see [`DobYears::living`]);
/// see the module documentation.
pub fn parse_dob(text: Option<&str>, order: DateOrder, reference_year: i32) -> ParsedDob {
    parse_dob_in(text, order, DobYears::living(reference_year))
}

/// Parses one date of birth against the given plausible years; see the module
/// documentation.
pub fn parse_dob_in(text: Option<&str>, order: DateOrder, years: DobYears) -> ParsedDob {
    let Some(raw) = text else {
        return ParsedDob::missing();
    };
    let trimmed = raw.trim_matches(is_outer_junk);
    if trimmed.is_empty() {
        return ParsedDob::missing();
    }
    if trimmed.len() > MAX_INPUT_BYTES {
        return ParsedDob::invalid(issue(trimmed, "is too long to be a date"));
    }
    let normalised = normalise(trimmed);
    let core = strip_decorations(&normalised);
    if is_missing(core) {
        return ParsedDob::missing();
    }
    let reference = Years {
        earliest: i64::from(years.earliest),
        reference: i64::from(years.reference),
    };
    match tokenise(core).and_then(|parts| interpret(parts.as_slice(), order, reference)) {
        Ok(reading) => finish(reading, trimmed),
        Err(Fail::Garbage) => rescue_year(core, trimmed, reference),
        Err(fail) => ParsedDob::invalid(issue(trimmed, &fail.describe())),
    }
}

// ---------------------------------------------------------------------------------------
// Cleaning

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
    )
}

fn is_outer_junk(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || is_invisible(c)
        || matches!(
            c,
            '"' | '\'' | '`' | '\u{2018}' | '\u{2019}' | '\u{201C}' | '\u{201D}' | '«' | '»'
        )
}

/// Zeros of the Unicode decimal digit blocks handled (each block is ten consecutive
/// code points).
const DIGIT_ZEROS: [u32; 22] = [
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66,
    0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0xFF10,
];

fn unicode_digit(c: char) -> Option<u8> {
    let cp = u32::from(c);
    if (0x1D7CE..=0x1D7FF).contains(&cp) {
        // Mathematical digits: five styles of 0..=9.
        return u8::try_from((cp - 0x1D7CE) % 10).ok();
    }
    DIGIT_ZEROS
        .iter()
        .find(|&&zero| (zero..zero + 10).contains(&cp))
        .and_then(|&zero| u8::try_from(cp - zero).ok())
}

/// ASCII text without control characters is used as is (matching is ASCII
/// case-insensitive); anything else is folded into a lowercase copy.
fn normalise(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii_graphic() || b == b' ') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    Cow::Owned(out)
}

fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        if c.is_ascii_control() {
            out.push(' ');
        } else {
            out.push(c.to_ascii_lowercase());
        }
        return;
    }
    if let Some(d) = unicode_digit(c) {
        out.push(char::from(b'0' + d));
        return;
    }
    let cp = u32::from(c);
    if (0xFF01..=0xFF5E).contains(&cp) {
        // Full-width ASCII.
        if let Some(a) = char::from_u32(cp - 0xFEE0) {
            out.push(a.to_ascii_lowercase());
        }
        return;
    }
    if is_invisible(c) || (0x0300..=0x036F).contains(&cp) {
        return;
    }
    if c.is_whitespace() || c.is_control() {
        out.push(' ');
        return;
    }
    match c {
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' => out.push('-'),
        '\u{2044}' | '\u{2215}' | '\u{29F8}' => out.push('/'),
        '\u{2024}' | '\u{3002}' | '\u{FF61}' | '\u{066B}' | '\u{06D4}' => out.push('.'),
        '\u{060C}' | '\u{066C}' | '\u{3001}' => out.push(','),
        _ => {
            for l in c.to_lowercase() {
                match l {
                    'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => out.push('a'),
                    'æ' => out.push_str("ae"),
                    'ç' | 'ć' | 'č' => out.push('c'),
                    'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => out.push('e'),
                    'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => out.push('i'),
                    'ñ' | 'ń' => out.push('n'),
                    'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => out.push('o'),
                    'œ' => out.push_str("oe"),
                    'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => out.push('u'),
                    'ý' | 'ÿ' => out.push('y'),
                    'ß' => out.push_str("ss"),
                    '\u{0307}' => {}
                    other => out.push(other),
                }
            }
        }
    }
}

fn strip_decorations(s: &str) -> &str {
    let s = strip_prefixes(s.trim_matches(' '));
    let s = strip_suffixes(s);
    strip_time(s)
}

/// `s` without the phrase `w` at its start (ASCII case-insensitive), if `w` is there and
/// ends at a word boundary.
fn strip_phrase<'a>(s: &'a str, w: &str) -> Option<&'a str> {
    let b = s.as_bytes();
    let head = b.get(..w.len())?;
    if head.first().map(u8::to_ascii_lowercase) != w.as_bytes().first().copied()
        || !head.eq_ignore_ascii_case(w.as_bytes())
    {
        return None;
    }
    let ends_in_letter = w.as_bytes().last().is_some_and(u8::is_ascii_alphabetic);
    if ends_in_letter
        && b.get(w.len())
            .is_some_and(|&c| c.is_ascii_alphabetic() || c >= 0x80)
    {
        return None;
    }
    s.get(w.len()..)
}

fn strip_prefixes(mut s: &str) -> &str {
    loop {
        let Some(&first) = s.as_bytes().first() else {
            return s;
        };
        if !(first.is_ascii_alphabetic() || first == b'~' || first == b'+') {
            return s;
        }
        let Some(rest) = PREFIXES
            .iter()
            .chain(APPROX.iter())
            .find_map(|p| strip_phrase(s, p))
        else {
            return s;
        };
        s = rest.trim_start_matches([' ', ':', '.', ',', ';', '-', '=']);
    }
}

fn strip_suffixes(mut s: &str) -> &str {
    loop {
        s = s.trim_end_matches(' ');
        let Some(&last) = s.as_bytes().last() else {
            return s;
        };
        let next = match last {
            b'?' => strip_question_marks(s),
            b')' => strip_bracketed_approx(s),
            b'.' => strip_trailing_approx(s),
            c if c.is_ascii_alphabetic() => strip_trailing_approx(s),
            _ => None,
        };
        match next {
            Some(n) if n.len() < s.len() => s = n,
            _ => return s,
        }
    }
}

/// A trailing `?` run marks doubt when it follows a space, a word or a complete year;
/// after a short number or a separator (`19??`, `XX/XX/????`) it is an unknown part.
fn strip_question_marks(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    let run = b.iter().rev().take_while(|&&c| c == b'?').count();
    let head = b.get(..b.len() - run)?;
    let strip = match head.last() {
        None | Some(b' ') | Some(b')') => true,
        Some(c) if c.is_ascii_alphabetic() => true,
        Some(c) if c.is_ascii_digit() => {
            head.iter().rev().take_while(|c| c.is_ascii_digit()).count() >= 4
        }
        Some(_) => false,
    };
    if strip {
        s.get(..head.len())
    } else {
        None
    }
}

fn strip_bracketed_approx(s: &str) -> Option<&str> {
    let open = s.rfind('(')?;
    let inner = s.get(open + 1..s.len() - 1)?.trim_matches([' ', '.']);
    let doubt = inner.bytes().all(|c| c == b'?') || in_list(inner.as_bytes(), APPROX);
    if doubt {
        s.get(..open)
    } else {
        None
    }
}

fn strip_trailing_approx(s: &str) -> Option<&str> {
    let t = s.trim_end_matches('.');
    let b = t.as_bytes();
    let word = b
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    if word == 0 {
        return None;
    }
    let start = b.len() - word;
    if start > 0 && b.get(start - 1).is_some_and(|&c| c >= 0x80) {
        return None;
    }
    let w = t.get(start..)?;
    if in_list(w.as_bytes(), APPROX) {
        t.get(..start)
    } else {
        None
    }
}

/// Drops a time of day after the date: `1990-03-05T00:00:00Z`, `05/03/1990 12:30`.
fn strip_time(s: &str) -> &str {
    let b = s.as_bytes();
    let Some(colon) = b.iter().position(|&c| c == b':') else {
        return s;
    };
    let before = b.get(..colon).unwrap_or(&[]);
    let digits = before
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if digits == 0 || digits > 2 || digits >= colon {
        return s;
    }
    let hour = colon - digits;
    let sep_ok = matches!(b.get(hour - 1), Some(b' ' | b't' | b'T'));
    let time_ok = b.get(hour..).is_some_and(|t| {
        t.iter().all(|&c| {
            c.is_ascii_digit() || matches!(c, b':' | b'.' | b'+' | b'-' | b'z' | b'Z' | b' ')
        })
    });
    if !(sep_ok && time_ok) {
        return s;
    }
    s.get(..hour - 1).map_or(s, |d| d.trim_end_matches(' '))
}

fn is_missing(s: &str) -> bool {
    if s.bytes().all(|c| {
        matches!(
            c,
            b' ' | b'/' | b'.' | b'-' | b',' | b'\\' | b'_' | b';' | b'?' | b'*'
        )
    }) {
        return true;
    }
    if !s.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) {
        return false;
    }
    let t = s.trim_end_matches('.');
    in_list(t.as_bytes(), MISSING)
}

// ---------------------------------------------------------------------------------------
// Tokens

/// One field of a written date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// A run of digits: its value (saturating) and number of digits (capped at 255).
    Num { val: u32, len: u8 },
    /// `x`, `XX`, `??`, or nothing between two separators: an unknown field of `len` chars.
    Unknown { len: u8 },
    /// A month name.
    Month(u32),
}

impl Part {
    fn width(self) -> u8 {
        match self {
            Part::Num { len, .. } | Part::Unknown { len } => len,
            Part::Month(_) => 0,
        }
    }

    fn short(self) -> bool {
        self.width() <= 2
    }

    fn value(self) -> u32 {
        match self {
            Part::Num { val, .. } | Part::Month(val) => val,
            Part::Unknown { .. } => 0,
        }
    }
}

const UNKNOWN: Part = Part::Unknown { len: 0 };
/// Fields of a date.
const MAX_PARTS: usize = 3;
/// Fields collected, empty ones included, before empty ones are dropped from a surplus.
const MAX_TOKENS: usize = 5;

#[derive(Clone, Copy)]
struct Parts {
    buf: [Part; MAX_TOKENS],
    len: usize,
}

impl Parts {
    fn push(&mut self, p: Part) -> Result<(), Fail> {
        let slot = self.buf.get_mut(self.len).ok_or(Fail::Garbage)?;
        *slot = p;
        self.len += 1;
        Ok(())
    }

    fn as_slice(&self) -> &[Part] {
        self.buf.get(..self.len).unwrap_or(&[])
    }

    /// More than three fields because of doubled separators (`05..03..1990`): the empty
    /// fields were typos, drop them.
    fn drop_surplus_holes(&mut self) -> Result<(), Fail> {
        if self.len <= MAX_PARTS {
            return Ok(());
        }
        let mut kept = Parts {
            buf: [UNKNOWN; MAX_TOKENS],
            len: 0,
        };
        for &p in self.as_slice() {
            if p != UNKNOWN {
                kept.push(p)?;
            }
        }
        if kept.len > MAX_PARTS {
            return Err(Fail::Garbage);
        }
        *self = kept;
        Ok(())
    }
}

/// ASCII case-insensitive equality of a word with a lowercase entry; the length and first
/// byte are compared first, which keeps scans of the word lists cheap.
fn same_word(word: &[u8], entry: &str) -> bool {
    let e = entry.as_bytes();
    word.len() == e.len()
        && word.first().map(u8::to_ascii_lowercase) == e.first().copied()
        && word.eq_ignore_ascii_case(e)
}

fn in_list(word: &[u8], list: &[&str]) -> bool {
    list.iter().any(|w| same_word(word, w))
}

fn month_of(word: &[u8]) -> Option<u32> {
    MONTHS
        .iter()
        .find(|(name, _)| same_word(word, name))
        .map(|&(_, m)| m)
}

fn width_of(n: usize) -> u8 {
    u8::try_from(n).unwrap_or(u8::MAX)
}

/// Splits cleaned text into at most three fields. Two non-space separators in a row mark
/// an empty (unknown) field (`05//1990`), unless that makes more than three fields.
/// Anything unexpected is `Fail::Garbage`.
fn tokenise(s: &str) -> Result<Parts, Fail> {
    let b = s.as_bytes();
    let mut parts = Parts {
        buf: [UNKNOWN; MAX_TOKENS],
        len: 0,
    };
    let mut seps = 0u32;
    let mut after_digits = false;
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        let start = i;
        let part = if c.is_ascii_digit() {
            let mut val = 0u32;
            while let Some(&d) = b.get(i).filter(|d| d.is_ascii_digit()) {
                val = val.saturating_mul(10).saturating_add(u32::from(d - b'0'));
                i += 1;
            }
            after_digits = true;
            Some(Part::Num {
                val,
                len: width_of(i - start),
            })
        } else if c.is_ascii_alphabetic() {
            while b.get(i).is_some_and(u8::is_ascii_alphabetic) {
                i += 1;
            }
            let word = b.get(start..i).unwrap_or(&[]);
            let ordinal = after_digits && in_list(word, ORDINALS);
            after_digits = false;
            if word.len() <= 4 && word.iter().all(|&x| x | 0x20 == b'x') {
                Some(Part::Unknown {
                    len: width_of(word.len()),
                })
            } else if let Some(m) = month_of(word) {
                Some(Part::Month(m))
            } else if ordinal || in_list(word, FILLERS) {
                None
            } else {
                return Err(Fail::Garbage);
            }
        } else if c == b'?' {
            while b.get(i) == Some(&b'?') {
                i += 1;
            }
            after_digits = false;
            Some(Part::Unknown {
                len: width_of(i - start),
            })
        } else {
            after_digits = false;
            match c {
                b' ' => {}
                b'/' | b'.' | b'-' | b',' | b'\\' | b'_' | b';' => seps += 1,
                _ => return Err(Fail::Garbage),
            }
            i += 1;
            None
        };
        if let Some(p) = part {
            if seps >= 2 && parts.len > 0 {
                parts.push(UNKNOWN)?;
            }
            parts.push(p)?;
            seps = 0;
        }
    }
    parts.drop_surplus_holes()?;
    Ok(parts)
}

// ---------------------------------------------------------------------------------------
// Readings

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fail {
    /// Not shaped like a date (eligible for the year rescue).
    Garbage,
    /// Shaped like a date but impossible.
    NotDate,
    NoYear,
}

impl Fail {
    fn describe(self) -> Cow<'static, str> {
        match self {
            Fail::Garbage | Fail::NotDate => Cow::Borrowed("is not a date"),
            Fail::NoYear => Cow::Borrowed("has no year"),
        }
    }
}

/// A checked reading: month and day 0 when unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Reading {
    year: i32,
    month: u32,
    day: u32,
    named_month: bool,
    note: Option<&'static str>,
    /// Outside the plausible years: kept, flagged.
    implausible: Option<Implausible>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Implausible {
    Before(i64),
    Future,
}

impl Implausible {
    fn describe(self) -> String {
        match self {
            Implausible::Before(y) => format!("is before {y}, the earliest plausible year"),
            Implausible::Future => "is in the future".to_string(),
        }
    }
}

/// The plausible one of two readings, else the first valid one, else the first.
fn prefer_plausible(
    first: Result<Reading, Fail>,
    second: Result<Reading, Fail>,
) -> Result<Reading, Fail> {
    let plausible = |r: &Result<Reading, Fail>| matches!(r, Ok(x) if x.implausible.is_none());
    if plausible(&first) || (!plausible(&second) && (first.is_ok() || second.is_err())) {
        first
    } else {
        second
    }
}

fn interpret(parts: &[Part], order: DateOrder, reference: Years) -> Result<Reading, Fail> {
    let mut month = None;
    let mut month_pos = 0;
    let mut nums = [UNKNOWN; MAX_PARTS];
    let mut n = 0;
    for (pos, &p) in parts.iter().enumerate() {
        if let Part::Month(m) = p {
            if month.is_some() {
                return Err(Fail::Garbage);
            }
            month = Some(m);
            month_pos = pos;
        } else if let Some(slot) = nums.get_mut(n) {
            *slot = p;
            n += 1;
        }
    }
    let nums = nums.get(..n).unwrap_or(&[]);
    match month {
        None => numeric(nums, order, reference),
        Some(m) => named(m, month_pos, nums, order, reference),
    }
}

fn numeric(p: &[Part], order: DateOrder, reference: Years) -> Result<Reading, Fail> {
    match *p {
        [Part::Num { val, len: 8 }] => eight_digits(val, order, reference),
        [Part::Num { val, len: 6 }] => six_digits(val, order, reference),
        [y @ Part::Num { len: 4, .. }] => build(y, UNKNOWN, UNKNOWN, false, reference),
        [Part::Unknown { .. }] => Err(Fail::NoYear),
        [_] => Err(Fail::NotDate),
        [a, b] if a.width() == 4 && b.short() => build(a, b, UNKNOWN, false, reference),
        [a, b] if a.short() && b.width() == 4 => build(b, a, UNKNOWN, false, reference),
        [a, b, c] => three_numbers(a, b, c, order, reference),
        _ => Err(Fail::Garbage),
    }
}

fn three_numbers(a: Part, b: Part, c: Part, order: DateOrder, r: Years) -> Result<Reading, Fail> {
    if a.width() == 4 {
        return with_swap(a, b, c, "read as year-day-month", r);
    }
    if !(a.short() && b.short()) {
        return Err(Fail::NotDate);
    }
    if order == DateOrder::YearFirst && c.short() {
        return with_swap(a, b, c, "read as year-day-month", r);
    }
    let first = match order {
        DateOrder::MonthFirst => with_swap(c, a, b, "read day-first", r),
        _ => with_swap(c, b, a, "read month-first", r),
    };
    match first {
        // `90/03/05`: a first field over 31 is a two-digit year.
        Err(Fail::NotDate) if c.short() && a.value() > 31 => {
            let note = Some("read year-first");
            with_swap(a, b, c, "read year-first", r)
                .map(|reading| Reading { note, ..reading })
                .map_err(|_| Fail::NotDate)
        }
        other => other,
    }
}

/// Builds (year, month, day); when the month is over 12 and the day could be a month,
/// falls back to the swapped reading, noting it.
fn with_swap(y: Part, m: Part, d: Part, note: &'static str, r: Years) -> Result<Reading, Fail> {
    match build(y, m, d, false, r) {
        Err(Fail::NotDate) if m.value() > 12 && (1..=12).contains(&d.value()) => {
            build(y, d, m, false, r).map(|reading| Reading {
                note: Some(note),
                ..reading
            })
        }
        other => other,
    }
}

fn eight_digits(val: u32, order: DateOrder, r: Years) -> Result<Reading, Fail> {
    let num = |val, len| Part::Num { val, len };
    let (y1, y2) = (val / 10_000, val % 10_000);
    let year_first = build(
        num(y1, 4),
        num((val / 100) % 100, 2),
        num(val % 100, 2),
        false,
        r,
    );
    if matches!(year_first, Ok(r) if r.implausible.is_none()) {
        return year_first;
    }
    let (p1, p2) = (num(val / 1_000_000, 2), num((val / 10_000) % 100, 2));
    let year_last = match order {
        DateOrder::MonthFirst => build(num(y2, 4), p1, p2, false, r),
        _ => build(num(y2, 4), p2, p1, false, r),
    };
    prefer_plausible(year_first, year_last)
}

fn six_digits(val: u32, order: DateOrder, r: Years) -> Result<Reading, Fail> {
    let two = |val| Part::Num { val, len: 2 };
    let (p1, p2, p3) = (two(val / 10_000), two((val / 100) % 100), two(val % 100));
    let first = match order {
        DateOrder::DayFirst => build(p3, p2, p1, false, r),
        DateOrder::MonthFirst => build(p3, p1, p2, false, r),
        DateOrder::YearFirst => build(p1, p2, p3, false, r),
    };
    if matches!(first, Ok(r) if r.implausible.is_none()) {
        return first;
    }
    // `031990`: month and four-digit year.
    let month_year = build(
        Part::Num {
            val: val % 10_000,
            len: 4,
        },
        p1,
        UNKNOWN,
        false,
        r,
    );
    prefer_plausible(first, month_year)
}

fn named(
    month: u32,
    month_pos: usize,
    nums: &[Part],
    order: DateOrder,
    r: Years,
) -> Result<Reading, Fail> {
    let m = Part::Month(month);
    match *nums {
        [] => Err(Fail::NoYear),
        [x] if x.width() >= 3 || (month_pos == 0 && x.width() == 2) => {
            build(x, m, UNKNOWN, true, r)
        }
        [_] => Err(Fail::NoYear),
        [a, b] => {
            let (y, d) = if a.width() >= 3 {
                (a, b)
            } else if b.width() >= 3 {
                (b, a)
            } else if order == DateOrder::YearFirst && month_pos == 1 {
                (a, b)
            } else {
                (b, a)
            };
            build(y, m, d, true, r)
        }
        _ => Err(Fail::Garbage),
    }
}

fn plausible_year(y: i64, years: Years) -> bool {
    check_year(y, years).is_none()
}

fn check_year(y: i64, years: Years) -> Option<Implausible> {
    if y < years.earliest {
        Some(Implausible::Before(years.earliest))
    } else if y > years.reference {
        Some(Implausible::Future)
    } else {
        None
    }
}

fn year_value(p: Part, years: Years) -> Result<i64, Fail> {
    let reference = years.reference;
    match p {
        Part::Num { val: 0, len: 4 } | Part::Unknown { .. } => Err(Fail::NoYear),
        Part::Num { val, len: 4 } => Ok(i64::from(val)),
        Part::Num { val, len: 2 } => {
            let century = reference.div_euclid(100) * 100;
            let yy = i64::from(val);
            if yy <= reference.rem_euclid(100) {
                Ok(century + yy)
            } else {
                Ok(century - 100 + yy)
            }
        }
        Part::Num { .. } | Part::Month(_) => Err(Fail::NotDate),
    }
}

/// Day or month: a 1–2 digit number, a month name, or unknown (0).
fn field_value(p: Part) -> Result<u32, Fail> {
    match p {
        Part::Num { val, len: 1..=2 } | Part::Month(val) => Ok(val),
        Part::Unknown { .. } => Ok(0),
        Part::Num { .. } => Err(Fail::NotDate),
    }
}

fn build(y: Part, m: Part, d: Part, named_month: bool, r: Years) -> Result<Reading, Fail> {
    let month = field_value(m)?;
    let day = field_value(d)?;
    if month == 0 && day == 0 && y.value() == 0 {
        return Err(Fail::NoYear);
    }
    let year = year_value(y, r)?;
    if month > 12 || day > 31 {
        return Err(Fail::NotDate);
    }
    let checked = i32::try_from(year).map_err(|_| Fail::NotDate)?;
    if month != 0 && day != 0 && NaiveDate::from_ymd_opt(checked, month, day).is_none() {
        return Err(Fail::NotDate);
    }
    Ok(Reading {
        year: checked,
        month,
        day,
        named_month,
        note: None,
        implausible: check_year(year, r),
    })
}

/// The parsed date; one outside the plausible years keeps every field it has, with
/// quality `Implausible` and an issue saying why (and any note of the reading).
fn finish(r: Reading, input: &str) -> ParsedDob {
    let parsed = finish_plausible(r, input);
    let Some(why) = r.implausible else {
        return parsed;
    };
    if parsed.quality == DobQuality::Invalid {
        return parsed;
    }
    let mut message = why.describe();
    message.push_str("; kept, flagged implausible");
    if parsed.quality == DobQuality::Placeholder {
        message.push_str("; looks like a placeholder (01/01)");
    } else if let Some(n) = r.note {
        message.push_str("; ");
        message.push_str(n);
    }
    ParsedDob {
        quality: DobQuality::Implausible,
        issue: Some(issue(input, &message)),
        ..parsed
    }
}

fn finish_plausible(r: Reading, input: &str) -> ParsedDob {
    let note = |n: &str| issue(input, n);
    match (r.month, r.day) {
        (0, _) => ParsedDob::year_only(r.year, None, r.note.map(note)),
        (m, 0) => ParsedDob::year_only(r.year, Some(m), r.note.map(note)),
        (m, d) => match NaiveDate::from_ymd_opt(r.year, m, d) {
            None => ParsedDob::invalid(note("is not a date")),
            Some(date) if m == 1 && d == 1 => ParsedDob {
                date: Some(date),
                year: Some(r.year),
                month: None,
                day: None,
                quality: DobQuality::Placeholder,
                swapped: None,
                issue: Some(note("looks like a placeholder (01/01)")),
            },
            Some(date) => ParsedDob {
                date: Some(date),
                year: Some(r.year),
                month: Some(m),
                day: Some(d),
                quality: DobQuality::Exact,
                swapped: if !r.named_month && d <= 12 && d != m {
                    NaiveDate::from_ymd_opt(r.year, d, m)
                } else {
                    None
                },
                issue: r.note.map(note),
            },
        },
    }
}

/// Junk holding exactly one plausible four-digit year keeps that year.
fn rescue_year(core: &str, input: &str, reference: Years) -> ParsedDob {
    let b = core.as_bytes();
    let mut found: Option<i64> = None;
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if !c.is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        let mut val = 0i64;
        while let Some(&d) = b.get(i).filter(|d| d.is_ascii_digit()) {
            val = val.saturating_mul(10).saturating_add(i64::from(d - b'0'));
            i += 1;
        }
        if i - start == 4 && plausible_year(val, reference) {
            match found {
                Some(f) if f != val => {
                    return ParsedDob::invalid(issue(input, "is not a date"));
                }
                _ => found = Some(val),
            }
        }
    }
    match found.and_then(|y| i32::try_from(y).ok()) {
        Some(y) => {
            let msg = format!("is not a date; kept the year {y}");
            ParsedDob::year_only(y, None, Some(issue(input, &msg)))
        }
        None => ParsedDob::invalid(issue(input, "is not a date")),
    }
}

/// `dob: '<input>' <message>`; `input` is already trimmed.
fn issue(input: &str, message: &str) -> String {
    format!("dob: '{}' {message}", quote(input))
}

#[cfg(test)]
mod tests;
