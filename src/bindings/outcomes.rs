//! `caselink.outcomes`, `time_to_outcome` and `reconcile`: the Python layer resolves the
//! grouping columns into a small case table (`case_id` -> `_group`, `_network`, `_note`)
//! and passes the entities (`record_id` -> `entity_id`); this reads the columns, joins the
//! events to both tables by hashing each id once (in parallel, without the GIL), runs the
//! core and builds the frames.
use chrono::NaiveDate;
use polars::prelude::*;
use pyo3::prelude::*;
use pyo3_polars::PyDataFrame;

use super::columns::{self, missing, optional_text, text, wrong_type, Kind};
use super::errors::internal;
use super::frame::FrameBuilder;
use crate::encode::NULL;
use crate::errors::CoreError;
use crate::outcomes::fx::FxTable;
use crate::outcomes::issues::{Issue, Money};
use crate::outcomes::join::{join, CaseTable, EntityTable, EventInput, Ids, JoinedEvents};
use crate::outcomes::period::{to_days, Period, NULL_DATE};
use crate::outcomes::stats::critical_value;
use crate::outcomes::summary::{self, Cell, Options};
use crate::outcomes::tte::{self, TteOptions};
use crate::outcomes::EventType;

type CoreResult<T> = Result<T, CoreError>;

/// An optional integer code column (`_group`), NULL for missing.
fn codes(df: &DataFrame, name: &str) -> CoreResult<Option<Vec<u32>>> {
    match df.column(name) {
        Err(_) => Ok(None),
        Ok(col) => {
            let cast = col.cast(&DataType::UInt32).map_err(internal)?;
            Ok(Some(columns::numbers(cast.u32().map_err(internal)?, NULL)))
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
    Ok(columns::numbers(days.i32().map_err(internal)?, NULL_DATE))
}

fn quantities(df: &DataFrame) -> CoreResult<Vec<f64>> {
    match df.column("quantity") {
        Err(_) => Ok(vec![f64::NAN; df.height()]),
        Ok(col) if col.dtype().is_primitive_numeric() || col.dtype() == &DataType::Null => {
            let cast = col.cast(&DataType::Float64).map_err(internal)?;
            Ok(columns::numbers(cast.f64().map_err(internal)?, f64::NAN))
        }
        Ok(col) => Err(wrong_type(
            col,
            "a number (years for sentences, amounts for fines, counts for seizures)",
        )),
    }
}

/// An id column of a table as read: integers as they are, anything else as text.
enum IdColumn {
    Text(StringChunked),
    Int(Vec<Option<i64>>),
}

impl IdColumn {
    fn read(df: &DataFrame, name: &str) -> CoreResult<Option<IdColumn>> {
        match df.column(name) {
            Ok(col) if col.dtype().is_integer() => {
                let cast = col.cast(&DataType::Int64).map_err(internal)?;
                Ok(Some(IdColumn::Int(
                    cast.i64().map_err(internal)?.iter().collect(),
                )))
            }
            _ => Ok(optional_text(df, name, Kind::Key)?.map(IdColumn::Text)),
        }
    }

    fn ids(&self) -> Ids<'_> {
        match self {
            IdColumn::Text(t) => Ids::Text(columns::values(t)),
            IdColumn::Int(v) => Ids::Int(v),
        }
    }
}

/// The text columns of the events and their tables, owned while the core borrows them.
struct TextColumns {
    event_type: StringChunked,
    case_id: StringChunked,
    currency: Option<StringChunked>,
    record_id: Option<StringChunked>,
    event_id: Option<StringChunked>,
    cases: Option<(StringChunked, Option<StringChunked>, Option<IdColumn>)>,
    entities: Option<(StringChunked, Option<IdColumn>)>,
}

impl TextColumns {
    fn read(
        df: &DataFrame,
        cases: Option<&DataFrame>,
        entities: Option<&DataFrame>,
    ) -> CoreResult<Self> {
        let key = |t: &DataFrame, name: &str, hint: &str| text(t, name, Kind::Key, hint);
        let cases = match cases {
            None => None,
            Some(t) => Some((
                key(t, "case_id", "the case table is keyed by case_id")?,
                optional_text(t, "_note", Kind::Text)?,
                IdColumn::read(t, "_network")?,
            )),
        };
        let entities = match entities {
            None => None,
            Some(t) => Some((
                key(t, "record_id", "the entities map record_id to entity_id")?,
                IdColumn::read(t, "entity_id")?,
            )),
        };
        Ok(TextColumns {
            event_type: key(
                df,
                "event_type",
                "every event needs its type (arrest, charge, conviction, ...)",
            )?,
            case_id: key(
                df,
                "case_id",
                "every event belongs to a case; its jurisdiction is the case's",
            )?,
            currency: optional_text(df, "currency", Kind::Key)?,
            record_id: optional_text(df, "record_id", Kind::Key)?,
            event_id: optional_text(df, "event_id", Kind::Key)?,
            cases,
            entities,
        })
    }
}

/// Reads the events and their tables, joins them in the core and runs `work` on the
/// join, all without the GIL.
fn with_events<T: Send>(
    py: Python<'_>,
    df: &DataFrame,
    cases: Option<PyDataFrame>,
    entities: Option<PyDataFrame>,
    missing_case: Option<String>,
    work: impl FnOnce(&JoinedEvents) -> CoreResult<T> + Send,
) -> CoreResult<T> {
    let (cases, entities) = (cases.map(|d| d.0), entities.map(|d| d.0));
    let (cases, entities) = (cases.as_ref(), entities.as_ref());
    py.detach(|| {
        let cols = TextColumns::read(df, cases, entities)?;
        let input = EventInput {
            event_type: columns::values(&cols.event_type),
            case_id: columns::values(&cols.case_id),
            currency: cols.currency.as_ref().map(columns::values),
            record_id: cols.record_id.as_ref().map(columns::values),
            event_id: cols.event_id.as_ref().map(columns::values),
            date: dates(df)?,
            quantity: quantities(df)?,
            group: codes(df, "_group")?,
        };
        let case_table = match (&cols.cases, cases) {
            (Some((case_id, note, network)), Some(t)) => Some(CaseTable {
                case_id: columns::values(case_id),
                group: codes(t, "_group")?,
                network: network.as_ref().map(IdColumn::ids),
                note: note.as_ref().map(columns::values),
                missing_note: missing_case,
            }),
            _ => None,
        };
        let entity_table = cols
            .entities
            .as_ref()
            .map(|(record_id, entity)| EntityTable {
                record_id: columns::values(record_id),
                entity_id: entity.as_ref().map(IdColumn::ids),
            });
        work(&join(&input, case_table.as_ref(), entity_table.as_ref())?)
    })
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

/// The summary's table: one row per cell.
fn summary_table(s: &summary::Summary, period: Period, z: f64) -> CoreResult<DataFrame> {
    let r = &s.rows;
    let count = |f: fn(&summary::OutcomeRow) -> u64| r.iter().map(move |x| f(x) as i64);
    let float = |f: fn(&summary::OutcomeRow) -> f64| r.iter().map(move |x| Some(f(x)));
    let ratio: Vec<_> = r.iter().map(|x| x.conviction_ratio(z)).collect();
    let cohort: Vec<_> = r.iter().map(|x| x.cohort_conviction_rate(z)).collect();
    cell_columns(&s.cells, period)
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
        .map_err(internal)
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
    let (table, issues) = with_events(py, &df, cases, entities, missing_case, |joined| {
        let opts = Options {
            period,
            as_of,
            money: Money { fx: &fx, currency },
            dismantled_min_convicted,
            z,
        };
        let s = summary::summarise(&joined.events(), &opts)?;
        let table = summary_table(&s, period, z)?;
        Ok((table, issues_frame(&joined.with_notes(s.issues))?))
    })?;
    Ok((PyDataFrame(table), PyDataFrame(issues)))
}

/// The rows of every group, each with its group's cell.
fn rows_with_cells<'a, T>(
    groups: &'a [tte::GroupCurves],
    rows: impl Fn(&'a tte::GroupCurves) -> &'a [T],
) -> (Vec<Cell>, Vec<&'a T>) {
    groups
        .iter()
        .flat_map(|g| rows(g).iter().map(move |r| (g.cell, r)))
        .unzip()
}

/// The curves, medians and subjects of a time-to-outcome analysis.
fn tte_frames(
    t: &tte::TimeToOutcome,
    opts: &TteOptions,
) -> CoreResult<(DataFrame, DataFrame, DataFrame)> {
    let cause_name = |k: u8| match k {
        0 => opts.end.name(),
        k => opts.competing[k as usize - 1].name(),
    };
    let (curve_cells, curves) = rows_with_cells(&t.groups, |g| &g.curves);
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
    let (median_cells, meds) = rows_with_cells(&t.groups, |g| &g.medians);
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
    Ok((curves, medians, subjects))
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
    let frames = with_events(py, &df, cases, None, missing_case, |joined| {
        let t = tte::time_to_outcome(&joined.events(), &opts)?;
        let (curves, medians, subjects) = tte_frames(&t, &opts)?;
        let issues = issues_frame(&joined.with_notes(t.issues))?;
        Ok([curves, medians, subjects, issues])
    })?;
    let [curves, medians, subjects, issues] = frames.map(PyDataFrame);
    Ok((curves, medians, subjects, issues))
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
    let (table, issues) = with_events(py, &df, cases, entities, missing_case, |joined| {
        let ev = &joined.events();
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
        Ok((table, issues_frame(&joined.with_notes(r.issues))?))
    })?;
    Ok((PyDataFrame(table), PyDataFrame(issues)))
}
