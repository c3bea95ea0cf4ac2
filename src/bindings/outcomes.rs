//! `caselink.outcomes`, `time_to_outcome` and `reconcile`: the Python layer resolves the
//! grouping columns into a small case table (`case_id` -> `_group`, `_network`, `_note`)
//! and passes the entities (`record_id` -> `entity_id`); this reads the columns, joins the
//! events to both tables by hashing each id once (in parallel, without the GIL), runs the
//! core and builds the frames.
use chrono::NaiveDate;
use polars::prelude::*;
use pyo3::prelude::*;
use pyo3_polars::PyDataFrame;
use rayon::prelude::*;

use super::errors::internal;
use super::frame::FrameBuilder;
use crate::errors::CoreError;
use crate::outcomes::encode::{dictionary, lookup, NULL};
use crate::outcomes::fx::FxTable;
use crate::outcomes::issues::{Issue, Money};
use crate::outcomes::period::{to_days, Period, NULL_DATE};
use crate::outcomes::stats::critical_value;
use crate::outcomes::summary::{self, Cell, Options};
use crate::outcomes::tte::{self, TteOptions};
use crate::outcomes::{EventType, Events};

type CoreResult<T> = Result<T, CoreError>;

fn missing(column: &str, hint: &str) -> CoreError {
    CoreError::ColumnNotFound {
        column: column.into(),
        hint: hint.into(),
    }
}

fn wrong_type(col: &Column, expected: &str) -> CoreError {
    CoreError::Schema {
        column: col.name().to_string(),
        found: col.dtype().to_string(),
        expected: expected.into(),
    }
}

/// A text column as String: text and categorical columns as they are, integer ids as
/// their decimal text.
fn text(
    df: &DataFrame,
    name: &str,
    hint: &str,
    required: bool,
) -> CoreResult<Option<StringChunked>> {
    let Ok(col) = df.column(name) else {
        return if required {
            Err(missing(name, hint))
        } else {
            Ok(None)
        };
    };
    let ok = matches!(
        col.dtype(),
        DataType::String | DataType::Categorical(..) | DataType::Enum(..) | DataType::Null
    ) || col.dtype().is_integer();
    if !ok {
        return Err(wrong_type(
            col,
            "text (String, Categorical or Enum) or integer ids; cast it with pl.col(...).cast(pl.String)",
        ));
    }
    let cast = col.cast(&DataType::String).map_err(internal)?;
    Ok(Some(cast.str().map_err(internal)?.clone()))
}

/// Dictionary codes of a text column (NULL for missing) and its distinct values.
fn encode(ca: Option<&StringChunked>, height: usize) -> (Vec<u32>, Vec<&str>) {
    match ca {
        None => (vec![NULL; height], Vec::new()),
        Some(ca) => dictionary(&values(Some(ca))),
    }
}

/// A numeric column's values, `null` for missing entries.
fn numbers<T>(ca: &ChunkedArray<T>, null: T::Native) -> Vec<T::Native>
where
    T: PolarsNumericType,
{
    let mut out = Vec::with_capacity(ca.len());
    for arr in ca.downcast_iter() {
        match arr.validity() {
            None => out.extend_from_slice(arr.values()),
            Some(valid) => {
                out.extend(
                    arr.values()
                        .iter()
                        .zip(valid.iter())
                        .map(|(&v, ok)| if ok { v } else { null }),
                )
            }
        }
    }
    out
}

fn codes(df: &DataFrame, name: &str) -> CoreResult<Option<Vec<u32>>> {
    match df.column(name) {
        Err(_) => Ok(None),
        Ok(col) => {
            let cast = col.cast(&DataType::UInt32).map_err(internal)?;
            Ok(Some(numbers(cast.u32().map_err(internal)?, NULL)))
        }
    }
}

fn dates(df: &DataFrame) -> CoreResult<Vec<i32>> {
    let col = df
        .column("date")
        .map_err(|_| missing("date", "every event needs its date (pl.Date)"))?;
    let as_date = match col.dtype() {
        DataType::Date => col.clone(),
        DataType::Datetime(..) => col.cast(&DataType::Date).map_err(internal)?,
        _ => {
            return Err(wrong_type(
                col,
                "Date; parse text with pl.col('date').str.to_date('%Y-%m-%d')",
            ))
        }
    };
    let days = as_date.to_physical_repr();
    Ok(numbers(days.i32().map_err(internal)?, NULL_DATE))
}

fn quantities(df: &DataFrame) -> CoreResult<Vec<f64>> {
    match df.column("quantity") {
        Err(_) => Ok(vec![f64::NAN; df.height()]),
        Ok(col) if col.dtype().is_primitive_numeric() || col.dtype() == &DataType::Null => {
            let cast = col.cast(&DataType::Float64).map_err(internal)?;
            Ok(numbers(cast.f64().map_err(internal)?, f64::NAN))
        }
        Ok(col) => Err(wrong_type(
            col,
            "a number (years for sentences, amounts for fines, counts for seizures)",
        )),
    }
}

/// The tables the Python layer joins through: cases (`case_id`, optional `_group` code,
/// `_network` id and a `_note` for the events of the case) and entities (`record_id`,
/// `entity_id`).
struct Tables {
    cases: Option<DataFrame>,
    entities: Option<DataFrame>,
    /// The note for events whose case is not in the case table.
    missing_case: Option<String>,
}

/// The events' columns, owned; `events()` borrows them as the core reads them.
struct EventColumns {
    event_type: StringChunked,
    currency: Option<StringChunked>,
    case: StringChunked,
    record: Option<StringChunked>,
    event: Option<StringChunked>,
    date: Vec<i32>,
    quantity: Vec<f64>,
    group: Option<Vec<u32>>,
    case_keys: Option<StringChunked>,
    case_group: Option<Vec<u32>>,
    case_network: Option<Vec<u32>>,
    case_note: Option<StringChunked>,
    record_keys: Option<StringChunked>,
    record_entity: Option<Vec<u32>>,
    missing_case: Option<String>,
}

struct Coded<'a> {
    event_type: (Vec<u32>, Vec<&'a str>),
    currency: (Vec<u32>, Vec<&'a str>),
    case: Vec<u32>,
    record: Vec<u32>,
    event: (Vec<u32>, Vec<&'a str>),
    group: Vec<u32>,
    network: Option<Vec<u32>>,
    person: Option<Vec<u32>>,
    /// Notes on events whose case is missing from, or noted in, the case table.
    notes: Vec<Issue>,
}

fn values(ca: Option<&StringChunked>) -> Vec<Option<&str>> {
    let mut out = Vec::new();
    append_values(&mut out, ca);
    out
}

fn append_values<'a>(out: &mut Vec<Option<&'a str>>, ca: Option<&'a StringChunked>) {
    let Some(ca) = ca else {
        return;
    };
    out.reserve(ca.len());
    for arr in ca.downcast_iter() {
        out.par_extend((0..arr.len()).into_par_iter().map(|i| arr.get(i)));
    }
}

/// Codes of the events' keys and, through the table, each event's table row (NULL when
/// absent). `what` names the table and its key for errors.
fn through(
    table: Option<&StringChunked>,
    keys: Option<&StringChunked>,
    height: usize,
    what: (&str, &str),
) -> CoreResult<(Vec<u32>, Vec<u32>)> {
    if keys.is_none() {
        return Ok((vec![NULL; height], vec![NULL; height]));
    }
    let mut both = values(table);
    let in_table = both.len();
    append_values(&mut both, keys);
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

/// Dense codes of a table's id column (integers or text; NULL for missing).
fn id_codes(df: &DataFrame, name: &str) -> CoreResult<Option<Vec<u32>>> {
    let Ok(col) = df.column(name) else {
        return Ok(None);
    };
    if col.dtype().is_integer() {
        let cast = col.cast(&DataType::Int64).map_err(internal)?;
        let ids: Vec<Option<i64>> = cast.i64().map_err(internal)?.iter().collect();
        return Ok(Some(dictionary(&ids).0));
    }
    let ca = text(df, name, "", false)?;
    Ok(ca.map(|ca| dictionary(&values(Some(&ca))).0))
}

fn gather(table: &[u32], rows: &[u32]) -> Vec<u32> {
    rows.par_iter()
        .map(|&r| if r == NULL { NULL } else { table[r as usize] })
        .collect()
}

impl EventColumns {
    fn read(df: &DataFrame, tables: &Tables) -> CoreResult<EventColumns> {
        let event_type = text(
            df,
            "event_type",
            "every event needs its type (arrest, charge, conviction, ...)",
            true,
        )?
        .expect("required");
        let case = text(
            df,
            "case_id",
            "every event belongs to a case; its jurisdiction is the case's",
            true,
        )?
        .expect("required");
        let cases = tables.cases.as_ref();
        let entities = tables.entities.as_ref();
        let table_text = |t: Option<&DataFrame>, name: &str| match t {
            None => Ok(None),
            Some(t) => text(t, name, "", false),
        };
        let table_codes = |t: Option<&DataFrame>, name: &str| match t {
            None => Ok(None),
            Some(t) => codes(t, name),
        };
        let table_ids = |t: Option<&DataFrame>, name: &str| match t {
            None => Ok(None),
            Some(t) => id_codes(t, name),
        };
        Ok(EventColumns {
            event_type,
            currency: text(df, "currency", "", false)?,
            case,
            record: text(df, "record_id", "", false)?,
            event: text(df, "event_id", "", false)?,
            date: dates(df)?,
            quantity: quantities(df)?,
            group: codes(df, "_group")?,
            case_keys: table_text(cases, "case_id")?,
            case_group: table_codes(cases, "_group")?,
            case_network: table_ids(cases, "_network")?,
            case_note: table_text(cases, "_note")?,
            record_keys: table_text(entities, "record_id")?,
            record_entity: table_ids(entities, "entity_id")?,
            missing_case: tables.missing_case.clone(),
        })
    }

    fn code(&self) -> CoreResult<Coded<'_>> {
        let n = self.date.len();
        let (case, case_row) = through(
            self.case_keys.as_ref(),
            Some(&self.case),
            n,
            ("cases (or networks)", "case_id"),
        )?;
        let (record, record_row) = through(
            self.record_keys.as_ref(),
            self.record.as_ref(),
            n,
            ("entities", "record_id"),
        )?;
        let group = match (&self.group, &self.case_group) {
            (Some(g), _) => g.clone(),
            (None, Some(by_case)) => gather(by_case, &case_row),
            (None, None) => vec![0; n],
        };
        let mut notes = Vec::new();
        if self.case_keys.is_some() {
            let noted = self.case_note.as_ref();
            for (i, &r) in case_row.iter().enumerate() {
                let note = if r == NULL {
                    self.missing_case.as_deref()
                } else {
                    noted.and_then(|c| c.get(r as usize))
                };
                if let Some(note) = note {
                    notes.push(Issue::counted(i, note.to_string()));
                }
            }
        }
        Ok(Coded {
            event_type: encode(Some(&self.event_type), n),
            currency: encode(self.currency.as_ref(), n),
            case,
            record,
            event: encode(self.event.as_ref(), n),
            group,
            network: self.case_network.as_ref().map(|t| gather(t, &case_row)),
            person: self.record_entity.as_ref().map(|t| gather(t, &record_row)),
            notes,
        })
    }

    fn events<'a>(&'a self, c: &'a Coded<'a>) -> Events<'a> {
        Events {
            event_type: &c.event_type.0,
            type_names: &c.event_type.1,
            date: &self.date,
            quantity: &self.quantity,
            currency: &c.currency.0,
            currency_names: &c.currency.1,
            case: &c.case,
            record: &c.record,
            event: &c.event.0,
            event_names: &c.event.1,
            person: c.person.as_deref(),
            network: c.network.as_deref(),
            group: &c.group,
        }
    }
}

fn as_of_days(as_of: Option<&str>) -> CoreResult<i32> {
    let date = match as_of {
        None => chrono::Utc::now().date_naive(),
        Some(text) => NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
            CoreError::InvalidInput(format!(
                "as_of must be a date such as '2025-12-31', got '{text}'"
            ))
        })?,
    };
    Ok(to_days(date))
}

fn issues_frame(issues: &[Issue]) -> CoreResult<DataFrame> {
    FrameBuilder::new(issues.len())
        .i64("_row", issues.iter().map(|i| i.row as i64))
        .str("action", issues.iter().map(|i| i.action.name()))
        .str("reason", issues.iter().map(|i| i.reason.as_str()))
        .finish()
        .map_err(internal)
}

/// The cell columns: `_group` and `_period` (the period's first day; null without one).
fn cell_columns(cells: &[Cell], period: Period) -> FrameBuilder {
    FrameBuilder::new(cells.len())
        .i64("_group", cells.iter().map(|c| c.group as i64))
        .opt_date("_period", cells.iter().map(|c| period.start(c.period)))
}

/// Issues of the core and the binding's notes on cases, in row order.
fn merged(mut issues: Vec<Issue>, notes: &[Issue]) -> Vec<Issue> {
    if !notes.is_empty() {
        issues.extend_from_slice(notes);
        crate::outcomes::issues::sort(&mut issues);
    }
    issues
}

fn run<T: Send>(
    py: Python<'_>,
    df: &DataFrame,
    tables: &Tables,
    work: impl FnOnce(&Events, &[Issue]) -> CoreResult<T> + Send,
) -> CoreResult<T> {
    py.detach(|| {
        let columns = EventColumns::read(df, tables)?;
        let coded = columns.code()?;
        work(&columns.events(&coded), &coded.notes)
    })
}

fn tables(
    cases: Option<PyDataFrame>,
    entities: Option<PyDataFrame>,
    missing_case: Option<String>,
) -> Tables {
    Tables {
        cases: cases.map(|d| d.0),
        entities: entities.map(|d| d.0),
        missing_case,
    }
}

/// Outcome statistics per `_group` and period. Returns (table, issues).
#[pyfunction]
#[allow(clippy::too_many_arguments)]
#[pyo3(signature = (df, cases, entities, missing_case, fx_years, fx_currencies, fx_rates, period, as_of, currency, dismantled_min_convicted, confidence))]
pub fn outcome_summary(
    py: Python<'_>,
    df: PyDataFrame,
    cases: Option<PyDataFrame>,
    entities: Option<PyDataFrame>,
    missing_case: Option<String>,
    fx_years: Vec<i32>,
    fx_currencies: Vec<String>,
    fx_rates: Vec<f64>,
    period: &str,
    as_of: Option<&str>,
    currency: &str,
    dismantled_min_convicted: u32,
    confidence: f64,
) -> PyResult<(PyDataFrame, PyDataFrame)> {
    let df = df.0;
    let period = Period::parse(period)?;
    let as_of = as_of_days(as_of)?;
    let z = critical_value(confidence)?;
    let rows: Vec<(i32, String, f64)> = fx_years
        .into_iter()
        .zip(fx_currencies)
        .zip(fx_rates)
        .map(|((y, c), r)| (y, c, r))
        .collect();
    let fx = FxTable::new(&rows)?;
    let tables = tables(cases, entities, missing_case);
    let (table, issues) = run(py, &df, &tables, |ev, notes| {
        let opts = Options {
            period,
            as_of,
            money: Money { fx: &fx, currency },
            dismantled_min_convicted,
            z,
        };
        let s = summary::summarise(ev, &opts)?;
        let r = &s.rows;
        let count = |f: fn(&summary::OutcomeRow) -> u64| r.iter().map(move |x| f(x) as i64);
        let float = |f: fn(&summary::OutcomeRow) -> f64| r.iter().map(move |x| Some(f(x)));
        let ratio: Vec<_> = r.iter().map(|x| x.conviction_ratio(z)).collect();
        let cohort: Vec<_> = r.iter().map(|x| x.cohort_conviction_rate(z)).collect();
        let table = cell_columns(&s.cells, period)
            .i64("arrests", count(|x| x.arrests))
            .i64("persons_arrested", count(|x| x.persons_arrested))
            .i64("charges", count(|x| x.charges))
            .i64("convictions", count(|x| x.convictions))
            .i64("persons_convicted", count(|x| x.persons_convicted))
            .i64("acquittals", count(|x| x.acquittals))
            .opt_f64("conviction_ratio", ratio.iter().map(|p| p.ratio))
            .opt_f64("conviction_ratio_lo", ratio.iter().map(|p| p.lo))
            .opt_f64("conviction_ratio_hi", ratio.iter().map(|p| p.hi))
            .opt_f64("cohort_conviction_rate", cohort.iter().map(|p| p.ratio))
            .opt_f64("cohort_conviction_rate_lo", cohort.iter().map(|p| p.lo))
            .opt_f64("cohort_conviction_rate_hi", cohort.iter().map(|p| p.hi))
            .opt_f64("sentence_years_total", float(|x| x.sentence_years_total))
            .opt_f64(
                "sentence_years_mean",
                r.iter().map(|x| x.sentence_years_mean()),
            )
            .opt_f64(
                "sentence_years_median",
                r.iter().map(|x| x.sentence_years_median),
            )
            .opt_f64("fines_total", float(|x| x.fines_total))
            .i64("extradition_requests", count(|x| x.extradition_requests))
            .i64("extraditions", count(|x| x.extraditions))
            .opt_f64("boats_seized", float(|x| x.boats_seized))
            .opt_f64("engines_seized", float(|x| x.engines_seized))
            .opt_f64("crossings_prevented", float(|x| x.crossings_prevented))
            .opt_f64("deaths_at_sea", float(|x| x.deaths_at_sea))
            .opt_i64(
                "networks_active",
                r.iter().map(|x| x.networks_active.map(|v| v as i64)),
            )
            .opt_i64(
                "networks_dismantled",
                r.iter().map(|x| x.networks_dismantled.map(|v| v as i64)),
            )
            .i64("_cohort_convicted", count(|x| x.cohort_convicted))
            .i64("_sentences", count(|x| x.sentences))
            .finish()
            .map_err(internal)?;
        Ok((table, issues_frame(&merged(s.issues, notes))?))
    })?;
    Ok((PyDataFrame(table), PyDataFrame(issues)))
}

/// The rows of every group, each with its group's cell.
fn flatten<'a, T>(
    groups: &'a [tte::GroupCurves],
    rows: impl Fn(&'a tte::GroupCurves) -> &'a [T],
) -> (Vec<Cell>, Vec<&'a T>) {
    groups
        .iter()
        .flat_map(|g| rows(g).iter().map(move |r| (g.cell, r)))
        .unzip()
}

/// Kaplan–Meier and Aalen–Johansen per `_group` and period of the start event. Returns
/// (curves, medians, subjects, issues).
#[pyfunction]
#[allow(clippy::too_many_arguments)]
#[pyo3(signature = (df, cases, missing_case, start, end, competing, period, as_of, confidence))]
pub fn outcome_time_to(
    py: Python<'_>,
    df: PyDataFrame,
    cases: Option<PyDataFrame>,
    missing_case: Option<String>,
    start: &str,
    end: &str,
    competing: Vec<String>,
    period: &str,
    as_of: Option<&str>,
    confidence: f64,
) -> PyResult<(PyDataFrame, PyDataFrame, PyDataFrame, PyDataFrame)> {
    let df = df.0;
    let opts = TteOptions {
        start: EventType::parse("start", start)?,
        end: EventType::parse("end", end)?,
        competing: competing
            .iter()
            .map(|c| EventType::parse("competing", c))
            .collect::<CoreResult<_>>()?,
        period: Period::parse(period)?,
        as_of: as_of_days(as_of)?,
        z: critical_value(confidence)?,
    };
    let tables = tables(cases, None, missing_case);
    let frames = run(py, &df, &tables, |ev, notes| {
        let t = tte::time_to_outcome(ev, &opts)?;
        let cause_name = |k: u8| match k {
            0 => opts.end.name(),
            k => opts.competing[k as usize - 1].name(),
        };
        let (curve_cells, curves) = flatten(&t.groups, |g| &g.curves);
        let curves = cell_columns(&curve_cells, opts.period)
            .str("estimator", curves.iter().map(|c| c.estimator.name()))
            .str("event", curves.iter().map(|c| cause_name(c.cause)))
            .i64("time", curves.iter().map(|c| c.time as i64))
            .i64("at_risk", curves.iter().map(|c| c.at_risk as i64))
            .i64("events", curves.iter().map(|c| c.events as i64))
            .i64("censored", curves.iter().map(|c| c.censored as i64))
            .opt_f64("estimate", curves.iter().map(|c| Some(c.estimate)))
            .opt_f64("lo", curves.iter().map(|c| Some(c.lo)))
            .opt_f64("hi", curves.iter().map(|c| Some(c.hi)))
            .finish()
            .map_err(internal)?;
        let (median_cells, meds) = flatten(&t.groups, |g| &g.medians);
        let days = |v: Option<i32>| v.map(|d| d as i64);
        let medians = cell_columns(&median_cells, opts.period)
            .str("estimator", meds.iter().map(|m| m.estimator.name()))
            .str("event", meds.iter().map(|m| cause_name(m.cause)))
            .i64("subjects", meds.iter().map(|m| m.subjects as i64))
            .i64("events", meds.iter().map(|m| m.events as i64))
            .opt_i64("median_days", meds.iter().map(|m| days(m.median)))
            .opt_i64("median_days_lo", meds.iter().map(|m| days(m.lo)))
            .opt_i64("median_days_hi", meds.iter().map(|m| days(m.hi)))
            .finish()
            .map_err(internal)?;
        let s = &t.subjects;
        let subject_cells: Vec<Cell> = s.iter().map(|x| t.cells[x.cell as usize]).collect();
        let subjects = cell_columns(&subject_cells, opts.period)
            .i64("_row", s.iter().map(|x| x.row as i64))
            .i64("time", s.iter().map(|x| x.time as i64))
            .opt_str(
                "outcome",
                s.iter()
                    .map(|x| (x.status > 0).then(|| cause_name(x.status - 1))),
            )
            .finish()
            .map_err(internal)?;
        Ok((
            curves,
            medians,
            subjects,
            issues_frame(&merged(t.issues, notes))?,
        ))
    })?;
    Ok((
        PyDataFrame(frames.0),
        PyDataFrame(frames.1),
        PyDataFrame(frames.2),
        PyDataFrame(frames.3),
    ))
}

/// Arrested records and persons per `_group` and period. Returns (table, issues).
#[pyfunction]
#[pyo3(signature = (df, cases, entities, missing_case, period, as_of))]
pub fn outcome_reconcile(
    py: Python<'_>,
    df: PyDataFrame,
    cases: Option<PyDataFrame>,
    entities: Option<PyDataFrame>,
    missing_case: Option<String>,
    period: &str,
    as_of: Option<&str>,
) -> PyResult<(PyDataFrame, PyDataFrame)> {
    let df = df.0;
    let period = Period::parse(period)?;
    let as_of = as_of_days(as_of)?;
    let tables = tables(cases, entities, missing_case);
    let (table, issues) = run(py, &df, &tables, |ev, notes| {
        let r = summary::reconcile(ev, period, as_of)?;
        let rows = &r.rows;
        let table = cell_columns(&r.cells, period)
            .i64("arrests", rows.iter().map(|x| x.arrests as i64))
            .i64(
                "records_arrested",
                rows.iter().map(|x| x.records_arrested as i64),
            )
            .i64(
                "persons_arrested",
                rows.iter().map(|x| x.persons_arrested as i64),
            )
            .i64(
                "persons_also_elsewhere",
                rows.iter().map(|x| x.persons_also_elsewhere as i64),
            )
            .finish()
            .map_err(internal)?;
        Ok((table, issues_frame(&merged(r.issues, notes))?))
    })?;
    Ok((PyDataFrame(table), PyDataFrame(issues)))
}
