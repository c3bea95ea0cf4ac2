"""Charts of outcome statistics: a measure over time per group
(:func:`outcomes_over_time`) and time to an outcome (:func:`time_to_outcome`, also
:meth:`caselink.TimeToOutcome.chart`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import polars as pl

from caselink.charts._theme import NEUTRAL, WIDTH, _altair, _need, _title
from caselink.exceptions import ColumnNotFoundError, InvalidInputError

if TYPE_CHECKING:
    import altair as alt

__all__ = ["outcomes_over_time", "time_to_outcome"]

_PERIODS = ("year", "quarter", "month", "period")


def _group_column(frame: pl.DataFrame, before: str, skip: Sequence[str]) -> str | None:
    """The first grouping column (text) of a caselink table, before its first measure."""
    for name in frame.columns[: frame.columns.index(before)]:
        if name not in skip and frame.schema[name] in (pl.String, pl.Categorical):
            return name
    return None


def _group_colour(group: str | None) -> Any:
    """Colour by group; legend symbols opaque even where a faint band shares them."""
    alt = _altair()
    if group is None:
        return alt.Undefined
    legend = alt.Legend(symbolOpacity=1, symbolStrokeWidth=3)
    return alt.Color(f"{group}:N", title=group.replace("_", " "), legend=legend)


def outcomes_over_time(table: pl.DataFrame, measure: str = "arrests") -> alt.LayerChart:
    """One outcome statistic over time, a line per group (e.g. per jurisdiction).

    Parameters
    ----------
    table
        From :func:`caselink.outcomes`, grouped by a period (``year``, ``quarter`` or
        ``month``) and optionally one more column (the first text column is used).
    measure
        Any of its columns, e.g. ``arrests``, ``persons_convicted``,
        ``conviction_ratio`` (drawn with its Wilson interval as a band).

    Returns
    -------
    altair.LayerChart
        Lines with points; tooltips give the exact figures.
    """
    alt = _altair()
    period = next((p for p in _PERIODS if p in table.columns), None)
    if period is None:
        raise ColumnNotFoundError(
            f"outcomes_over_time needs a table grouped by a period ({', '.join(_PERIODS)}); "
            f"got {table.columns}: call caselink.outcomes(..., by=('jurisdiction', 'year'))"
        )
    _need(table, [measure], "outcomes_over_time")
    group = _group_column(table, measure, [period])
    band = f"{measure}_lo" in table.columns and f"{measure}_hi" in table.columns
    keep = (
        [period, measure]
        + ([group] if group else [])
        + ([f"{measure}_lo", f"{measure}_hi"] if band else [])
    )
    data = table.select(keep).with_columns(pl.col(period).cast(pl.String)).sort(period)
    label = measure.replace("_", " ")
    colour = _group_colour(group)
    x = alt.X(f"{period}:O", title=period, axis=alt.Axis(labelAngle=0))
    is_share = measure.endswith(("ratio", "rate"))
    y_format = ".0%" if is_share else ",.0f"
    tooltip = [alt.Tooltip(f"{period}:O")]
    if group:
        tooltip.append(alt.Tooltip(f"{group}:N"))
    tooltip.append(alt.Tooltip(f"{measure}:Q", format=".3f" if is_share else ","))
    if band:
        tooltip += [
            alt.Tooltip(f"{measure}_lo:Q", format=".3f", title="interval from"),
            alt.Tooltip(f"{measure}_hi:Q", format=".3f", title="to"),
        ]
    layers = []
    if band:
        layers.append(
            alt.Chart(data)
            .mark_area(opacity=0.15)
            .encode(x=x, color=colour, y=alt.Y(f"{measure}_lo:Q"), y2=f"{measure}_hi:Q")
        )
    # Shares are read against each other, not against zero.
    scale = alt.Scale(zero=not is_share)
    layers.append(
        alt.Chart(data)
        .mark_line(point=True)
        .encode(
            x=x,
            color=colour,
            y=alt.Y(f"{measure}:Q", title=label, axis=alt.Axis(format=y_format), scale=scale),
            tooltip=tooltip,
        )
    )
    subtitle = f"per {period}" + (f" and {group}" if group else "")
    if band:
        subtitle += "; band: 95% Wilson interval"
    return alt.layer(*layers).properties(
        width=WIDTH, height=280, title=_title(label.capitalize(), subtitle)
    )


def time_to_outcome(
    result: Any, estimator: str = "kaplan_meier", event: str | None = None
) -> alt.LayerChart:
    """Time from arrest (the start event) to an outcome, a curve per group, with its
    confidence band; pending cases are censored, not failures.

    Parameters
    ----------
    result
        A :class:`caselink.TimeToOutcome` (or its ``curves`` frame).
    estimator
        ``"kaplan_meier"``: the share still without the outcome; ``"aalen_johansen"``:
        the cumulative incidence of ``event`` with the other outcomes competing.
    event
        For Aalen-Johansen, which outcome (default ``conviction`` when present).

    Returns
    -------
    altair.LayerChart
        Step curves over months since the start event; the dashed line marks one half
        (where a curve crosses it is the median).
    """
    alt = _altair()
    curves = result.curves if hasattr(result, "curves") else result
    _need(curves, ["estimator", "event", "time", "estimate", "lo", "hi"], "time_to_outcome")
    chosen = curves.filter(pl.col("estimator") == estimator)
    if chosen.height == 0:
        kinds = sorted(curves["estimator"].unique().to_list())
        raise InvalidInputError(f"no {estimator!r} curves; the result has {kinds}")
    events = sorted(chosen["event"].unique().to_list())
    if event is None:
        event = "conviction" if "conviction" in events else events[0]
    if event not in events:
        raise InvalidInputError(f"no curve for event {event!r}; the result has {events}")
    chosen = chosen.filter(pl.col("event") == event)
    group = _group_column(chosen, "estimator", [])
    data = chosen.with_columns((pl.col("time") / 30.4375).alias("months"))
    colour = _group_colour(group)
    x = alt.X("months:Q", title="months since the start event")
    km = estimator == "kaplan_meier"
    y_title = f"share not yet at {event}" if km else f"cumulative share reaching {event}"
    tooltip = ([alt.Tooltip(f"{group}:N")] if group else []) + [
        alt.Tooltip("time:Q", title="days"),
        alt.Tooltip("estimate:Q", format=".3f"),
        alt.Tooltip("lo:Q", format=".3f", title="interval from"),
        alt.Tooltip("hi:Q", format=".3f", title="to"),
        alt.Tooltip("at_risk:Q", format=","),
    ]
    band = (
        alt.Chart(data)
        .mark_area(opacity=0.15, interpolate="step-after")
        .encode(x=x, color=colour, y=alt.Y("lo:Q"), y2="hi:Q")
    )
    line = alt.Chart(data).mark_line(interpolate="step-after").encode(
        x=x,
        color=colour,
        y=alt.Y("estimate:Q", title=y_title, scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format=".0%")),
        tooltip=tooltip,
    )  # fmt: skip
    half = (
        alt.Chart(pl.DataFrame({"y": [0.5]}))
        .mark_rule(strokeDash=[4, 4], color=NEUTRAL)
        .encode(y="y:Q")
    )
    name = "Kaplan-Meier" if km else "Aalen-Johansen"
    subtitle = f"{name}; pending cases censored at the extraction date; bands: 95% intervals"
    title = f"Time to {event}" + (f" by {group}" if group else "")
    return alt.layer(band, line, half).properties(
        width=WIDTH, height=300, title=_title(title, subtitle)
    )
