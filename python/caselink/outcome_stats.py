"""Outcome statistics that count people once and pending cases as pending.

Three functions over an events frame (``event_id``, ``case_id``, ``record_id``,
``event_type``, ``date``, ``quantity``, ``currency``; see
:attr:`caselink.datasets.SyntheticData.events`):

- :func:`outcomes`: arrests, people, convictions, conviction ratio and cohort conviction
  rate with Wilson intervals, sentences, fines in one currency, extraditions, seizures,
  deaths at sea and networks, per group and period;
- :func:`time_to_outcome`: Kaplan-Meier and Aalen-Johansen curves from arrest to
  conviction, pending prosecutions right-censored at ``as_of``, with medians;
- :func:`reconcile`: person counts with and without deduplication.

Row-level problems never stop a computation and are never silent: each problematic row
is either counted with a note or excluded with a note. :func:`outcome_issues` returns
those notes for :func:`outcomes` (and :func:`reconcile`, which reads rows the same way);
:class:`TimeToOutcome` carries its own ``issues``. :func:`outcomes` also logs how many
rows were excluded (``logging``, logger ``caselink.outcomes``).

People are the ``entities`` when given (one person arrested in France and again in the UK
is one person arrested, two arrests); without entities each ``record_id`` is a person,
which over-counts people known to several agencies.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import polars as pl

from caselink._core import outcome_reconcile, outcome_summary, outcome_time_to
from caselink.exceptions import ColumnNotFoundError, InvalidInputError, SchemaError
from caselink.standardisation import _as_frame, _require_flat_ids

__all__ = [
    "EVENT_TYPES",
    "TimeToOutcome",
    "fx_table",
    "outcome_issues",
    "outcomes",
    "reconcile",
    "time_to_outcome",
]

logger = logging.getLogger("caselink.outcomes")

#: The event types counted; any other ``event_type`` is excluded with a note.
EVENT_TYPES: tuple[str, ...] = (
    "arrest", "charge", "conviction", "acquittal", "sentence", "fine",
    "extradition_request", "extradition", "seizure_boat", "seizure_engine",
    "crossing_prevented", "death_at_sea",
)  # fmt: skip

_UNITS = ("year", "quarter", "month")
_NULL_TYPES = {
    "case_id": pl.String, "record_id": pl.String, "event_type": pl.String,
    "date": pl.Date, "quantity": pl.Float64, "currency": pl.String,
}  # fmt: skip


def fx_table() -> pl.DataFrame:
    """The yearly exchange rates shipped with caselink: ``year``, ``currency``,
    ``per_eur`` (units of the currency per euro).

    ECB euro reference rates for pounds sterling, annual averages of the daily rates,
    2015-2024 (the file ``caselink/data/fx_eur_gbp.csv`` documents the source). Years
    outside the table are converted at the nearest year's rate, with a note in
    :func:`outcome_issues`.

    Examples
    --------
    >>> from caselink.outcome_stats import fx_table
    >>> fx_table().filter(year=2020).row(0)
    (2020, 'GBP', 0.8897)
    """
    text = resources.files("caselink").joinpath("data/fx_eur_gbp.csv").read_text("utf-8")
    return pl.read_csv(
        text.encode(),
        comment_prefix="#",
        schema={"year": pl.Int32, "currency": pl.String, "per_eur": pl.Float64},
    )


def _require(df: pl.DataFrame, column: str, frame: str, hint: str) -> None:
    if column not in df.columns:
        raise ColumnNotFoundError(f"column '{column}' not found in {frame}; {hint}")


def _is_text(t: Any) -> bool:
    return bool(t == pl.String or isinstance(t, pl.Categorical | pl.Enum))


def _join_key(left: pl.DataFrame, right: pl.DataFrame, column: str, frame: str) -> pl.DataFrame:
    """``right`` with its ``column`` cast to the events' type, or a SchemaError."""
    lt, rt = left.schema[column], right.schema[column]
    if lt == rt:
        return right
    if (lt.is_integer() and rt.is_integer()) or (_is_text(lt) and _is_text(rt)):
        try:
            return right.with_columns(pl.col(column).cast(lt))
        except pl.exceptions.PolarsError:
            pass
    raise SchemaError(
        f"column '{column}' is {rt} in {frame} but {lt} in events; cast one of them, e.g. "
        f"{frame}.with_columns(pl.col('{column}').cast(pl.{lt}))"
    )


def _as_of(as_of: Any) -> str | None:
    if as_of is None:
        return None
    if isinstance(as_of, dt.datetime):
        return as_of.date().isoformat()
    if isinstance(as_of, dt.date):
        return as_of.isoformat()
    if isinstance(as_of, str):
        return as_of
    raise InvalidInputError(f"as_of must be a date or 'YYYY-MM-DD', got {as_of!r}")


def _entity_ids(entities: Any) -> pl.DataFrame:
    """record_id -> entity_id, from a frame or from a resolution (its ``clusters``)."""
    frame = getattr(entities, "clusters", entities)
    df = _as_frame(frame, "entities")
    for c in ("record_id", "entity_id"):
        _require(df, c, "entities", "pass caselink.dedupe(...) or a record_id -> entity_id frame")
    return df.select("record_id", "entity_id")


def _network_ids(networks: Any) -> pl.DataFrame:
    """case_id -> network_id, from a frame or from case networks (their ``cases``)."""
    frame = getattr(networks, "cases", networks)
    df = _as_frame(frame, "networks")
    for c in ("case_id", "network_id"):
        _require(df, c, "networks", "pass a case_id -> network_id frame (or CaseNetworks)")
    return df.select("case_id", "network_id")


@dataclass(frozen=True)
class _Prepared:
    """Events ready for the core, and how to turn its group codes back into columns."""

    events: pl.DataFrame  # the input, row for row
    core: pl.DataFrame  # the event columns the core reads (+ _group for event-level keys)
    cases: pl.DataFrame | None  # case_id -> _group, _network (id), _note: joined in the core
    entities: pl.DataFrame | None  # record_id -> entity_id: joined in the core
    missing_case: str | None  # the note for events whose case is not in `cases`
    keys: pl.DataFrame  # _group -> the non-time `by` columns
    by: tuple[str, ...]
    unit: str | None  # the time column in `by`, if any
    period: str  # what the core groups by in time


def _by(by: Sequence[str] | str, period: str) -> tuple[tuple[str, ...], str | None]:
    names = (by,) if isinstance(by, str) else tuple(by)
    if period not in _UNITS:
        raise InvalidInputError(f"period must be 'year', 'quarter' or 'month', got {period!r}")
    if len(set(names)) != len(names):
        raise InvalidInputError(f"by names a column twice: {names}")
    times = [n for n in names if n in (*_UNITS, "period")]
    if len(times) > 1:
        raise InvalidInputError(f"by names more than one time column: {times}")
    unit = times[0] if times else None
    if unit in _UNITS and unit != period:
        raise InvalidInputError(
            f"by names '{unit}' but period={period!r}; use by=(..., '{period}') or "
            f"by=(..., 'period'), or period='{unit}'"
        )
    return names, unit


def _prepare(
    events: Any,
    *,
    entities: Any,
    networks: Any,
    cases: Any,
    by: Sequence[str] | str,
    period: str,
) -> _Prepared:
    ev = _as_frame(events, "events")
    # Columns with no values at all (empty frames) take their documented types.
    ev = ev.with_columns(
        pl.col(c).cast(t)
        for c, t in _NULL_TYPES.items()
        if c in ev.columns and ev.schema[c] == pl.Null
    )
    names, unit = _by(by, period)
    _require(ev, "case_id", "events", "every event belongs to a case")
    net = None if networks is None else _network_ids(networks)
    cs = None if cases is None else _as_frame(cases, "cases")
    if cs is not None:
        _require(cs, "case_id", "cases", "pass data.cases (case_id, jurisdiction, ...)")
    keys = [n for n in names if n != unit]
    sources: dict[str, str] = {}
    for k in keys:
        if k in ev.columns:
            sources[k] = "events"
        elif net is not None and k == "network_id":
            sources[k] = "networks"
        elif cs is not None and k in cs.columns:
            sources[k] = "cases"
        else:
            where = (
                "events"
                + (", cases" if cs is not None else "")
                + (", networks" if net is not None else "")
            )
            raise ColumnNotFoundError(
                f"by column '{k}' not found in {where}; add it to the events, or pass "
                f"cases= (a frame with case_id and '{k}', e.g. data.cases)"
                + (" or networks= for network_id" if k == "network_id" else "")
            )
    case_keys = [k for k in keys if sources[k] != "events"]
    core = ev.select(
        pl.col(c)
        for c in ("event_type", "date", "quantity", "currency", "case_id", "record_id")
        if c in ev.columns
    )
    if "event_id" in ev.columns:
        # rows sharing an event_id are one event, counted once
        _require_flat_ids(ev.schema["event_id"], "column 'event_id'", "event")
        core = core.with_columns(ev["event_id"].cast(pl.String))
    # One small case table carries everything that comes from the case; the core joins
    # it (and the entities) by hashing each id once, in parallel.
    table: pl.DataFrame | None = None
    missing: list[str] = []
    if cs is not None and any(sources[k] == "cases" for k in case_keys):
        cs = _join_key(ev, cs, "case_id", "cases")
        table = cs.select("case_id", *[k for k in case_keys if sources[k] == "cases"])
        table = table.with_columns(_in_cases=pl.lit(True))
        missing.append("cases")
    if net is not None:
        net = _join_key(ev, net, "case_id", "networks")
        coded = net.with_columns(_network=pl.col("network_id"), _in_networks=pl.lit(True))
        table = (
            coded if table is None else table.join(coded, on="case_id", how="full", coalesce=True)
        )
        missing.append("networks")
    if table is not None and len(missing) == 2:
        table = table.with_columns(
            _note=pl.when(pl.col("_in_cases").is_null())
            .then(pl.lit("case_id not in cases: its case columns are null"))
            .when(pl.col("_in_networks").is_null())
            .then(pl.lit("case_id not in networks: its network is unknown"))
        )
    if keys and not any(sources[k] == "events" for k in keys):
        assert table is not None
        key_table = (
            table.select(case_keys)
            .unique()
            .sort(case_keys, nulls_last=True)
            .with_row_index("_group")
        )
        table = table.join(key_table, on=case_keys, how="left", nulls_equal=True)
    elif keys:
        joined = (
            ev.select("case_id").join(table, on="case_id", how="left", maintain_order="left")
            if table is not None
            else ev
        )
        cols = pl.DataFrame([ev[k] if sources[k] == "events" else joined[k] for k in keys])
        key_table = cols.unique().sort(keys, nulls_last=True).with_row_index("_group")
        group = cols.join(key_table, on=keys, how="left", nulls_equal=True, maintain_order="left")
        core = core.with_columns(group["_group"])
    else:
        key_table = pl.DataFrame({"_group": [0]}, schema={"_group": pl.UInt32})
    ent = None
    if entities is not None:
        ent = _entity_ids(entities)
        _require(ev, "record_id", "events", "people are counted through the events' record_id")
        # the core codes the ids, and says which record_id the entities hold twice (and
        # which case_id the cases or networks hold twice)
        ent = _join_key(ev, ent, "record_id", "entities")
    return _Prepared(
        events=ev,
        core=core,
        cases=None
        if table is None
        else table.select(
            c for c in ("case_id", "_group", "_network", "_note") if c in table.columns
        ),
        entities=ent,
        missing_case=(
            f"case_id not in {' or '.join(missing)}: "
            + ("its case columns are null" if "cases" in missing else "its network is unknown")
        )
        if missing
        else None,
        keys=key_table,
        by=names,
        unit=unit,
        period=period if unit is not None else "all",
    )


def _with_keys(frame: pl.DataFrame, prep: _Prepared, sort: Sequence[str] = ()) -> pl.DataFrame:
    """Replaces the core's ``_group`` / ``_period`` with the ``by`` columns."""
    keys = prep.keys.with_columns(pl.col("_group").cast(pl.Int64))
    out = frame.join(keys, on="_group", how="left", maintain_order="left")
    if prep.unit is not None:
        time = pl.col("_period")
        out = out.with_columns((time.dt.year() if prep.unit == "year" else time).alias(prep.unit))
    rest = [c for c in frame.columns if c not in ("_group", "_period")]
    return out.select(*prep.by, *rest).sort([*prep.by, *sort], nulls_last=True, maintain_order=True)


def _issues(raw: pl.DataFrame, prep: _Prepared) -> pl.DataFrame:
    ev = prep.events
    rows = raw["_row"]
    cols = {
        "row": rows.cast(pl.UInt32),
        "event_id": ev["event_id"].gather(rows) if "event_id" in ev.columns else None,
        "event_type": ev["event_type"].gather(rows) if "event_type" in ev.columns else None,
        "date": ev["date"].gather(rows) if "date" in ev.columns else None,
    }
    out = pl.DataFrame({k: v for k, v in cols.items() if v is not None})
    return out.hstack(raw.select("action", "reason"))


def _fx(fx: Any) -> tuple[list[int], list[str], list[float]]:
    table = fx_table() if fx is None else _as_frame(fx, "fx")
    for c in ("year", "currency", "per_eur"):
        _require(table, c, "fx", "give year, currency and per_eur (units of currency per euro)")
    try:
        t = table.select(
            pl.col("year").cast(pl.Int32, strict=True),
            pl.col("currency").cast(pl.String),
            pl.col("per_eur").cast(pl.Float64, strict=True),
        ).drop_nulls()
    except pl.exceptions.PolarsError as err:
        raise SchemaError(
            f"fx must have integer year, text currency and numeric per_eur: {err}"
        ) from err
    return t["year"].to_list(), t["currency"].to_list(), t["per_eur"].to_list()


def _summarise(
    events: Any,
    entities: Any,
    networks: Any,
    cases: Any,
    by: Sequence[str] | str,
    period: str,
    currency: str,
    as_of: Any,
    fx: Any,
    dismantled_min_convicted: int,
    confidence: float,
) -> tuple[pl.DataFrame, pl.DataFrame]:
    prep = _prepare(events, entities=entities, networks=networks, cases=cases, by=by, period=period)
    if isinstance(dismantled_min_convicted, bool) or not isinstance(dismantled_min_convicted, int):
        raise InvalidInputError(
            f"dismantled_min_convicted must be a positive integer, got {dismantled_min_convicted!r}"
        )
    if dismantled_min_convicted < 1:
        raise InvalidInputError("dismantled_min_convicted must be at least 1")
    years, currencies, rates = _fx(fx)
    table, raw = outcome_summary(
        prep.core,
        prep.cases,
        prep.entities,
        prep.missing_case,
        years,
        currencies,
        rates,
        prep.period,
        _as_of(as_of),
        currency,
        dismantled_min_convicted,
        float(confidence),
    )
    table = _with_keys(table.drop("_cohort_convicted", "_sentences"), prep)
    issues = _issues(raw, prep)
    excluded = issues.filter(pl.col("action") == "excluded").height
    if excluded:
        logger.warning(
            "%d of %d events excluded and %d counted with a note; see caselink.outcome_issues()",
            excluded,
            prep.events.height,
            issues.height - excluded,
        )
    elif issues.height:
        logger.info("%d events counted with a note; see caselink.outcome_issues()", issues.height)
    return table, issues


def outcomes(
    events: pl.DataFrame | pl.LazyFrame | Any,
    entities: Any = None,
    networks: Any = None,
    by: Sequence[str] | str = ("jurisdiction", "year"),
    period: str = "year",
    currency: str = "EUR",
    as_of: dt.date | str | None = None,
    *,
    cases: pl.DataFrame | pl.LazyFrame | None = None,
    fx: pl.DataFrame | None = None,
    dismantled_min_convicted: int = 3,
    confidence: float = 0.95,
) -> pl.DataFrame:
    """Outcome statistics per group and period, counting people once and pending
    prosecutions as pending.

    Parameters
    ----------
    events
        ``case_id``, ``event_type``, ``date`` (pl.Date), and as available ``record_id``
        (the person's record; null for case-level events such as seizures),
        ``quantity`` (years for sentences, amount for fines, count for seizures,
        crossings and deaths), ``currency`` (fines), ``event_id`` (named in issues;
        rows sharing one are one event, counted once).
    entities
        ``record_id`` -> ``entity_id`` (a frame, or a :class:`caselink.Resolution`):
        people are entities. Without it each ``record_id`` is a person.
    networks
        ``case_id`` -> ``network_id`` (a frame, or an object with a ``.cases`` frame such
        as case networks): enables ``networks_active`` / ``networks_dismantled`` and
        grouping by ``network_id``.
    by
        Grouping columns, from the events, then ``networks`` (``network_id``), then
        ``cases``; the jurisdiction of an event is its case's unless the events carry a
        ``jurisdiction`` column. One time column may be named: ``period``'s unit
        (``"year"``: an integer; ``"quarter"``, ``"month"``: the first day) or
        ``"period"`` (the first day). ``by=()`` gives one row.
    period
        ``"year"``, ``"quarter"`` or ``"month"``: each event falls in the period of its
        own date (arrests by arrest date, convictions by conviction date, cohorts by
        arrest date).
    currency
        The currency of ``fines_total``. Fines are converted at their year's rate
        (:func:`fx_table`, or ``fx``); currencies are never added unconverted.
    as_of
        The extraction date (date or ``"YYYY-MM-DD"``; default today): later events are
        excluded with a note, and prosecutions without outcome by then are pending.
    cases
        ``case_id`` and the case columns to group by (e.g. ``data.cases``).
    fx
        Your own rates: ``year``, ``currency``, ``per_eur`` (units per euro).
    dismantled_min_convicted
        A network is dismantled on the conviction of its N-th distinct member, and
        counted in that conviction's group and period.
    confidence
        Level of the Wilson intervals.

    Returns
    -------
    pl.DataFrame
        One row per group and period, sorted by ``by``: the ``by`` columns, then
        ``arrests`` (events), ``persons_arrested`` (distinct people), ``charges``,
        ``convictions``, ``persons_convicted``, ``acquittals``, ``conviction_ratio``
        (convictions / (convictions + acquittals): pending prosecutions are not failures)
        with ``_lo`` / ``_hi``, ``cohort_conviction_rate`` (people arrested in the
        period whose prosecution in that case ended in a conviction by ``as_of``, over
        ``persons_arrested``; it rises as pending cases conclude) with ``_lo`` / ``_hi``,
        ``sentence_years_total`` / ``_mean`` / ``_median`` (per sentence),
        ``fines_total``, ``extradition_requests``, ``extraditions``, ``boats_seized``,
        ``engines_seized``, ``crossings_prevented``, ``deaths_at_sea`` (sums of
        ``quantity``), ``networks_active`` (networks with any event in the group; not
        additive across groups) and ``networks_dismantled`` (additive). Counts are Int64,
        the rest Float64; ratios are null where nothing was concluded.

    Notes
    -----
    Rows with problems (unknown event types, negative quantities, fines without
    currency, events after ``as_of`` or before 1900, outcomes dated before the arrest
    ...) are counted with a note or excluded with a note: :func:`outcome_issues` lists
    them. Rows repeating an ``event_id`` already counted are excluded with a note naming
    the row counted, so each event counts once; rows with a null ``event_id`` are never
    taken for repeats.

    Examples
    --------
    >>> import caselink, polars as pl
    >>> data = caselink.datasets.synthetic(people=300, seed=1)
    >>> people = data.truth.clusters().rename({"person_id": "entity_id"})
    >>> table = caselink.outcomes(
    ...     data.events, people, data.truth.cases, cases=data.cases, as_of=data.truth.as_of
    ... )
    >>> table.columns[:4]
    ['jurisdiction', 'year', 'arrests', 'persons_arrested']
    >>> int(table["arrests"].sum()) == data.events.filter(event_type="arrest").height
    True
    """
    table, _ = _summarise(
        events, entities, networks, cases, by, period, currency, as_of, fx,
        dismantled_min_convicted, confidence,
    )  # fmt: skip
    return table


def outcome_issues(
    events: pl.DataFrame | pl.LazyFrame | Any,
    entities: Any = None,
    networks: Any = None,
    by: Sequence[str] | str = ("jurisdiction", "year"),
    period: str = "year",
    currency: str = "EUR",
    as_of: dt.date | str | None = None,
    *,
    cases: pl.DataFrame | pl.LazyFrame | None = None,
    fx: pl.DataFrame | None = None,
    dismantled_min_convicted: int = 3,
    confidence: float = 0.95,
) -> pl.DataFrame:
    """The rows :func:`outcomes` counted with a note or excluded, with the same
    arguments.

    Returns
    -------
    pl.DataFrame
        One row per problem, in events order: ``row`` (position in ``events``),
        ``event_id`` / ``event_type`` / ``date`` (when the events have them), ``action``
        (``"counted"`` or ``"excluded"``) and ``reason``. A row may have several notes.

    Examples
    --------
    >>> import caselink, polars as pl, datetime as dt
    >>> events = pl.DataFrame(
    ...     {
    ...         "event_id": [1, 2, 3],
    ...         "case_id": ["C1", "C1", "C1"],
    ...         "record_id": ["r1", "r1", None],
    ...         "event_type": ["arrest", "arest", "seizure_boat"],
    ...         "date": [dt.date(2024, 1, 5)] * 3,
    ...         "quantity": [None, None, -1.0],
    ...     }
    ... )
    >>> issues = caselink.outcome_issues(events, by=(), as_of="2025-12-31")
    >>> issues.select("event_id", "action").rows()
    [(2, 'excluded'), (3, 'excluded')]
    >>> issues["reason"][1]
    'negative quantity -1'
    """
    _, issues = _summarise(
        events, entities, networks, cases, by, period, currency, as_of, fx,
        dismantled_min_convicted, confidence,
    )  # fmt: skip
    return issues


@dataclass(frozen=True)
class TimeToOutcome:
    """The result of :func:`time_to_outcome`.

    Attributes
    ----------
    curves
        Tidy, ready to plot: the ``by`` columns, ``estimator`` (``"kaplan_meier"``: the
        share with no ``end`` event yet, competing events censored;
        ``"aalen_johansen"``: the cumulative incidence of ``event`` with the others
        competing), ``event``, ``time`` (days since the start event), ``at_risk``,
        ``events``, ``censored``, ``estimate``, ``lo``, ``hi`` (log(-log) intervals:
        Greenwood for Kaplan-Meier, delta method for Aalen-Johansen). Each curve starts
        at time 0.
    medians
        Per group and curve: ``subjects``, ``events``, ``median_days`` (first time the
        survival falls to 0.5, or the cumulative incidence reaches it; null if never)
        and ``median_days_lo`` / ``_hi`` (where the interval bands cross 0.5).
    subjects
        One row per followed prosecution (a ``record_id`` in a ``case_id`` with a start
        event): the ``by`` columns, ``case_id``, ``record_id``, ``start_date``, ``time``
        (days) and ``outcome`` (null: still pending, censored at ``as_of``).
    issues
        Rows counted with a note or excluded (columns as :func:`outcome_issues`).
    """

    curves: pl.DataFrame
    medians: pl.DataFrame
    subjects: pl.DataFrame
    issues: pl.DataFrame = field(repr=False)

    def chart(self, estimator: str = "kaplan_meier", event: str | None = None) -> Any:
        """The curves with their confidence bands (:func:`caselink.charts.time_to_outcome`)."""
        from caselink import charts

        return charts.time_to_outcome(self, estimator, event)

    def __repr__(self) -> str:
        return (
            f"TimeToOutcome({self.subjects.height:,} prosecutions, "
            f"{self.medians.height:,} medians, {self.issues.height:,} issues)"
        )


def time_to_outcome(
    events: pl.DataFrame | pl.LazyFrame | Any,
    start: str = "arrest",
    end: str = "conviction",
    competing: Sequence[str] = ("acquittal", "extradition"),
    by: Sequence[str] | str = ("jurisdiction",),
    as_of: dt.date | str | None = None,
    *,
    cases: pl.DataFrame | pl.LazyFrame | None = None,
    networks: Any = None,
    period: str = "year",
    confidence: float = 0.95,
) -> TimeToOutcome:
    """Time from a start event to an outcome: Kaplan-Meier and Aalen-Johansen.

    Each prosecution (a ``record_id`` in a ``case_id``) is followed from its first
    ``start`` event to its first ``end`` or ``competing`` event on or after it (``end``
    wins a same-day tie); prosecutions with neither by ``as_of`` are pending and
    right-censored there, never counted as failures.

    Parameters
    ----------
    events, cases, networks, as_of, period, confidence
        As for :func:`outcomes`; groups and periods are those of the start event.
    start, end
        Event types (see :data:`EVENT_TYPES`).
    competing
        Event types that end the follow-up otherwise. Kaplan-Meier treats them as
        censoring (it then estimates time to ``end`` were they removed); Aalen-Johansen
        gives each its cumulative incidence.
    by
        Grouping columns, as for :func:`outcomes` (e.g. ``("jurisdiction", "year")``
        for arrest cohorts).

    Returns
    -------
    TimeToOutcome

    Examples
    --------
    >>> import caselink
    >>> data = caselink.datasets.synthetic(people=300, seed=1)
    >>> t = caselink.time_to_outcome(data.events, cases=data.cases, as_of=data.truth.as_of)
    >>> t.medians.columns[:3]
    ['jurisdiction', 'estimator', 'event']
    >>> t.curves.filter(time=0, estimator="kaplan_meier")["estimate"].max() <= 1.0
    True
    """
    if isinstance(competing, str):
        competing = (competing,)
    ev = _as_frame(events, "events")
    _require(ev, "record_id", "events", "a prosecution is a record_id followed within a case")
    prep = _prepare(ev, entities=None, networks=networks, cases=cases, by=by, period=period)
    curves, medians, subjects, raw = outcome_time_to(
        prep.core,
        prep.cases,
        prep.missing_case,
        start,
        end,
        list(competing),
        prep.period,
        _as_of(as_of),
        float(confidence),
    )
    rows = subjects["_row"]
    ev = prep.events
    subjects = subjects.with_columns(
        case_id=ev["case_id"].gather(rows),
        record_id=ev["record_id"].gather(rows),
        start_date=ev["date"].gather(rows),
    ).select("_group", "_period", "case_id", "record_id", "start_date", "time", "outcome")
    return TimeToOutcome(
        curves=_with_keys(curves, prep, sort=("estimator", "event", "time")),
        medians=_with_keys(medians, prep, sort=("estimator", "event")),
        subjects=_with_keys(subjects, prep, sort=("case_id", "record_id")),
        issues=_issues(raw, prep),
    )


def reconcile(
    events: pl.DataFrame | pl.LazyFrame | Any,
    entities: Any,
    *,
    cases: pl.DataFrame | pl.LazyFrame | None = None,
    networks: Any = None,
    by: Sequence[str] | str = ("jurisdiction",),
    period: str = "year",
    as_of: dt.date | str | None = None,
) -> pl.DataFrame:
    """How much double counting raw agency numbers contain: people arrested, counted by
    record (each agency's own count) and by entity (deduplicated).

    Parameters
    ----------
    events, cases, networks, by, period, as_of
        As for :func:`outcomes`.
    entities
        ``record_id`` -> ``entity_id`` (a frame or a :class:`caselink.Resolution`).

    Returns
    -------
    pl.DataFrame
        Per group: ``arrests`` (events), ``records_arrested`` (distinct records: the sum
        of what each agency counts), ``persons_arrested`` (distinct entities),
        ``duplicate_records`` (``records_arrested - persons_arrested``: double counting
        within the group) and ``persons_also_elsewhere`` (people arrested here and in
        another group: double counting when groups are added up). Row problems are
        those of :func:`outcome_issues`.

    Examples
    --------
    >>> import caselink
    >>> data = caselink.datasets.synthetic(people=300, seed=1)
    >>> people = data.truth.clusters().rename({"person_id": "entity_id"})
    >>> r = caselink.reconcile(data.events, people, by=(), as_of=data.truth.as_of)
    >>> bool(r["records_arrested"][0] >= r["persons_arrested"][0])
    True
    """
    if entities is None:
        raise InvalidInputError("reconcile needs entities, e.g. caselink.dedupe(records)")
    prep = _prepare(events, entities=entities, networks=networks, cases=cases, by=by, period=period)
    table, _ = outcome_reconcile(
        prep.core, prep.cases, prep.entities, prep.missing_case, prep.period, _as_of(as_of)
    )
    table = table.with_columns(
        duplicate_records=pl.col("records_arrested") - pl.col("persons_arrested")
    ).select(
        "_group", "_period", "arrests", "records_arrested", "persons_arrested",
        "duplicate_records", "persons_also_elsewhere",
    )  # fmt: skip
    return _with_keys(table, prep)
