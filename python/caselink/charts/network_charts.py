"""The chart of one case network: its cases over time, a lane per jurisdiction, joined by
the evidence they share (:func:`network`, also :meth:`caselink.CaseNetworks.chart`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import polars as pl

from caselink.charts._theme import NEUTRAL, WIDTH, _altair, _title
from caselink.exceptions import InvalidInputError

if TYPE_CHECKING:
    import altair as alt

__all__ = ["network"]

#: Lanes of the network chart, west to east; other jurisdictions follow alphabetically.
_LANES = ["UK", "FR", "BE", "NL", "DE"]
#: One colour per kind of evidence (colour-blind safe), the rest grey.
_EVIDENCE_COLOURS = {
    "person": "#1f77b4",
    "phone": "#d95f02",
    "boat": "#1b9e77",
    "engine": "#7570b3",
    "vehicle": "#e7298a",
    "iban": "#a6761d",
}


def _spanning_tree(pairs: pl.DataFrame) -> pl.Series:
    """Which of the case pairs (sorted strongest first) form a maximum spanning forest:
    the fewest lines that still show how every case is joined, by the strongest
    evidence (Kruskal; a chart draws at most a few thousand pairs)."""
    parent: dict[str, str] = {}

    def root(case: str) -> str:
        while parent.setdefault(case, case) != case:
            case = parent[case]
        return case

    keep = []
    for a, b in zip(pairs["case_a"], pairs["case_b"], strict=True):
        ra, rb = root(a), root(b)
        keep.append(ra != rb)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return pl.Series(keep, dtype=pl.Boolean)


def network(networks: Any, network_id: str | None = None, max_cases: int = 80) -> alt.LayerChart:
    """One network's cases over time, one lane per jurisdiction, joined by the evidence
    they share.

    Parameters
    ----------
    networks
        A :class:`caselink.CaseNetworks`.
    network_id
        The network to draw; default the largest.
    max_cases
        Draw at most this many of its cases (the earliest opened).

    Returns
    -------
    altair.LayerChart
        Cases as points (x: date opened, or order when cases have no ``opened``; y:
        jurisdiction), links as lines coloured by the kind of evidence, the strongest
        evidence of each pair; tooltips name the shared person or object.
    """
    alt = _altair()
    cases = networks.cases
    if network_id is None:
        if networks.networks.height == 0:
            raise InvalidInputError("there are no networks to draw")
        network_id = str(networks.networks["network_id"][0])
    members = cases.filter(pl.col("network_id") == network_id)
    if members.height == 0:
        raise InvalidInputError(f"network '{network_id}' is not one of the networks")
    members = members.sort("opened", "case_id", nulls_last=True).head(max_cases)
    present = {str(j) for j in members["jurisdiction"].drop_nulls()}
    lanes = _LANES + sorted(present - set(_LANES))
    if members["jurisdiction"].null_count():
        lanes.append("?")
    lane = pl.col("jurisdiction").fill_null("?")
    # Cases in one lane are spread over a few rows so they do not hide each other.
    nodes = members.with_columns(
        lane.alias("lane"),
        (
            lane.replace_strict(lanes, list(range(len(lanes))), return_dtype=pl.Float64)
            + (pl.int_range(pl.len()).over(lane) % 5 - 2) * 0.14
        ).alias("y"),
        pl.int_range(pl.len()).alias("order"),
    )
    use_dates = nodes["opened"].null_count() == 0
    x_field = "opened" if use_dates else "order"
    positions = nodes.select("case_id", x_field, "y")
    pairs = (
        networks.links.filter(pl.col("used"))
        .join(positions, left_on="case_a", right_on="case_id")
        .join(positions, left_on="case_b", right_on="case_id", suffix="_b")
        .sort("strength", descending=True)
        .group_by("case_a", "case_b", maintain_order=True)
        .agg(
            pl.col("evidence_type").first(),
            pl.col("evidence").first(),
            pl.col("strength").first(),
            pl.format("{} {}", "evidence_type", "evidence").str.join("; ").alias("all_evidence"),
            pl.col(x_field).first(),
            pl.col(f"{x_field}_b").first(),
            pl.col("y").first(),
            pl.col("y_b").first(),
        )
    )
    edges = pairs.filter(_spanning_tree(pairs))
    x_type = "T" if use_dates else "Q"
    x_title = "case opened" if use_dates else "cases in order"
    x_axis = alt.Axis(format="%Y", tickCount="year") if use_dates else alt.Axis()
    kinds = [k for k in _EVIDENCE_COLOURS if k in set(edges["evidence_type"])] or ["person"]
    kinds += sorted(set(edges["evidence_type"]) - set(kinds))
    colour = alt.Color(
        "evidence_type:N",
        title="shared evidence",
        scale=alt.Scale(domain=kinds, range=[_EVIDENCE_COLOURS.get(k, NEUTRAL) for k in kinds]),
    )
    y = alt.Y(
        "y:Q",
        title=None,
        scale=alt.Scale(domain=[-0.5, len(lanes) - 0.5], reverse=True),
        axis=alt.Axis(
            values=list(range(len(lanes))),
            labelExpr=f"{lanes}[datum.value]",
            grid=False,
            tickCount=len(lanes),
        ),
    )
    lines = (
        alt.Chart(edges)
        .mark_rule(opacity=0.55, strokeWidth=1.6)
        .encode(
            x=alt.X(f"{x_field}:{x_type}", title=x_title, axis=x_axis),
            x2=f"{x_field}_b:{x_type}",
            y=y,
            y2="y_b:Q",
            color=colour,
            tooltip=[
                alt.Tooltip("case_a:N", title="case"),
                alt.Tooltip("case_b:N", title="and case"),
                alt.Tooltip("all_evidence:N", title="share"),
                alt.Tooltip("strength:Q", format=".2f"),
            ],
        )
    )
    points = (
        alt.Chart(nodes)
        .mark_circle(size=70, color="#222222", opacity=0.9)
        .encode(
            x=alt.X(f"{x_field}:{x_type}", title=x_title, axis=x_axis),
            y=y,
            tooltip=[
                alt.Tooltip("case_id:N", title="case"),
                alt.Tooltip("lane:N", title="jurisdiction"),
                *([alt.Tooltip("opened:T", title="opened")] if use_dates else []),
            ],
        )
    )
    row = networks.networks.filter(pl.col("network_id") == network_id).row(0, named=True)
    shown = "" if members.height == row["n_cases"] else f" (first {members.height} shown)"
    subtitle = (
        f"{row['n_cases']} cases{shown}, {row['n_persons']} persons, "
        f"{len(row['jurisdictions'])} jurisdictions. Lines: the strongest evidence that joins "
        f"them ({edges.height} of {pairs.height} linked pairs); hover for all they share"
    )
    return alt.layer(lines, points).properties(
        width=WIDTH + 120, height=60 * len(lanes), title=_title(f"Network {network_id}", subtitle)
    )
