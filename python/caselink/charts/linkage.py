"""Charts of a linkage: the evidence for one pair (:func:`waterfall`), the trained model
(:func:`parameters`), the scored pairs (:func:`match_weights`, :func:`precision_recall`)
and the entities (:func:`cluster_sizes`)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import polars as pl

from caselink.charts._theme import (
    _PROBABILITY_OF_BITS,
    _PROBABILITY_TICKS,
    AGAINST,
    FOR,
    NEUTRAL,
    WIDTH,
    _altair,
    _bits,
    _need,
    _probability_text,
    _signed_labels,
    _title,
)
from caselink.exceptions import InvalidInputError
from caselink.metrics import evaluate

if TYPE_CHECKING:
    import altair as alt

__all__ = ["cluster_sizes", "match_weights", "parameters", "precision_recall", "waterfall"]


# --- one pair --------------------------------------------------------------------------


def waterfall(
    explanation: pl.DataFrame,
    title: str | None = None,
    records: tuple[Any, Any] | None = None,
) -> alt.LayerChart:
    """The evidence for one pair, from the prior to the final match weight.

    Parameters
    ----------
    explanation
        The output of :meth:`caselink.Linker.explain`: ``comparison``, ``value_l``,
        ``value_r``, ``level``, ``m``, ``u``, ``weight``, ``cumulative_weight``,
        ``cumulative_probability``, the prior first.
    title
        Defaults to the two values compared by the first comparison (the names).
    records
        The two record ids, named in the subtitle (the methods on the results pass
        them).

    Returns
    -------
    altair.LayerChart
        One horizontal bar per step, from the running total before it to the running
        total after it (bits, bottom axis; match probability, top axis), blue for
        evidence for a match, orange against, grey for the prior and the final total.
        Hover a bar for the two values, the level, m and u.
    """
    alt = _altair()
    _need(explanation, ["comparison", "weight", "cumulative_weight"], "waterfall")
    data, total = _waterfall_steps(explanation)
    order = data["step_label"].to_list()
    y = alt.Y("step_label:N", sort=order, title=None, axis=alt.Axis(labelLimit=320))
    domain = _waterfall_domain(data)
    scale = alt.Scale(domain=domain, nice=False)
    base = alt.Chart(data)
    weight_axis = alt.Axis(
        orient="bottom",
        grid=True,
        title="match weight (bits): log2 of the odds that the records are one person",
    )
    bars = base.mark_bar(height={"band": 0.7}).encode(
        y=y,
        x=alt.X("start:Q", scale=scale, axis=weight_axis),
        x2="cumulative_weight:Q",
        color=_waterfall_colour(),
        tooltip=_waterfall_tooltip(data),
    )
    # The top axis reads the same positions as probabilities, at round probabilities.
    top = base.mark_tick(opacity=0).encode(
        y=y, x=alt.X("cumulative_weight:Q", scale=scale, axis=_probability_axis(domain))
    )
    # Each bar's weight written beyond its far end: right of gains, left of losses.
    gains, losses = _signed_labels(
        base,
        y,
        scale,
        "weight_text:N",
        high="max(datum.start, datum.cumulative_weight)",
        low="min(datum.start, datum.cumulative_weight)",
        size=11,
    )
    zero = (
        alt.Chart(pl.DataFrame({"x": [0.0]}))
        .mark_rule(color="#999999")
        .encode(x=alt.X("x:Q", scale=scale, axis=None))
    )
    return (
        alt.layer(zero, bars, gains, losses, top)
        .resolve_axis(x="independent")
        .properties(
            width=WIDTH, height=alt.Step(26), title=_waterfall_title(data, total, title, records)
        )
    )


def _waterfall_steps(explanation: pl.DataFrame) -> tuple[pl.DataFrame, float]:
    """One row per step of the explanation, then the final total: ``step``,
    ``step_label`` (the comparison and the level reached), ``start`` (the running total
    before the step), ``evidence`` (prior, for a match, against, total) and
    ``weight_text``; with the final match weight."""
    exp = explanation.with_row_index("step")
    label = pl.col("comparison")
    if "level" in exp.columns:
        label = (
            pl.when(pl.col("level").is_not_null())
            .then(pl.format("{}: {}", pl.col("comparison"), pl.col("level")))
            .otherwise(pl.col("comparison"))
        )
    total = float(exp["cumulative_weight"][-1])
    steps = exp.with_columns(
        label.alias("step_label"),
        (pl.col("cumulative_weight") - pl.col("weight")).alias("start"),
        pl.when(pl.col("comparison") == "prior")
        .then(pl.lit("prior"))
        .when(pl.col("weight") >= 0)
        .then(pl.lit("for a match"))
        .otherwise(pl.lit("against"))
        .alias("evidence"),
    )
    final = pl.DataFrame(
        {
            "step": [exp.height],
            "comparison": ["final"],
            "step_label": ["final match weight"],
            "start": [0.0],
            "weight": [total],
            "cumulative_weight": [total],
            "evidence": ["total"],
        },
        schema_overrides={"step": pl.UInt32},
    )
    if "cumulative_probability" in exp.columns:
        final = final.with_columns(
            pl.lit(float(exp["cumulative_probability"][-1])).alias("cumulative_probability")
        )
    data = pl.concat([steps, final], how="diagonal_relaxed")
    data = data.with_columns(
        pl.Series("weight_text", [f"{w:+.2f}" for w in data["weight"]], pl.String)
    )
    return data, total


def _waterfall_tooltip(data: pl.DataFrame) -> list[Any]:
    """What hovering a step shows: the columns the explanation has, of these."""
    alt = _altair()
    return [
        alt.Tooltip(c, format=f, title=t)
        for c, f, t in [
            ("comparison", "", "comparison"),
            ("value_l", "", "left record"),
            ("value_r", "", "right record"),
            ("level", "", "level reached"),
            ("m", ".4g", "m: P(level | same person)"),
            ("u", ".4g", "u: P(level | different people)"),
            ("weight", "+.2f", "weight (bits)"),
            ("cumulative_weight", "+.2f", "running total (bits)"),
            ("cumulative_probability", ".4f", "running match probability"),
        ]
        if c in data.columns
    ]


def _waterfall_colour() -> Any:
    alt = _altair()
    return alt.Color(
        "evidence:N",
        scale=alt.Scale(
            domain=["prior", "for a match", "against", "total"],
            range=[NEUTRAL, FOR, AGAINST, "#333333"],
        ),
        legend=alt.Legend(title=None, orient="bottom"),
    )


def _waterfall_domain(data: pl.DataFrame) -> list[int]:
    """The weight axis: zero and every bar's ends, with two bits of room either side."""
    lo = min(0.0, float(data["start"].min()), float(data["cumulative_weight"].min()))  # type: ignore[arg-type]
    hi = max(0.0, float(data["start"].max()), float(data["cumulative_weight"].max()))  # type: ignore[arg-type]
    return [math.floor(lo) - 2, math.ceil(hi) + 2]


def _probability_axis(domain: Sequence[float]) -> Any:
    """A top axis reading match weights (bits) as probabilities, at round probabilities."""
    return _altair().Axis(
        orient="top",
        title="match probability",
        values=[b for b in _PROBABILITY_TICKS if domain[0] <= b <= domain[1]],
        labelExpr=f"format({_PROBABILITY_OF_BITS}, '.6~g')",
        grid=False,
    )


def _waterfall_title(
    data: pl.DataFrame, total: float, title: str | None, records: tuple[Any, Any] | None
) -> Any:
    """The title (by default the two values of the first comparison: the names) and a
    subtitle naming the records and the final weight and probability."""
    if title is None:
        first = data.filter(pl.col("comparison") != "prior").head(1)
        has_values = first.height and {"value_l", "value_r"} <= set(data.columns)
        shown = first.select("value_l", "value_r").row(0) if has_values else (None, None)
        if None not in shown:
            title = f"{shown[0]} vs {shown[1]}: the evidence"
        else:
            title = "The evidence for one pair"
    pair = f"Records {records[0]} and {records[1]}: from" if records else "From"
    subtitle = [
        f"{pair} the prior to a match weight of {total:+.2f} bits "
        f"(match probability {_probability_text(total)})",
        "Blue: evidence for one person, orange: against. Hover a bar for m, u and the values.",
    ]
    return _title(title, subtitle)


# --- the model ---------------------------------------------------------------------------


def parameters(params: pl.DataFrame) -> alt.HConcatChart:
    """m and u of every comparison level, and the weight of evidence each level carries.

    Parameters
    ----------
    params
        :attr:`caselink.Linker.parameters`: ``comparison``, ``level``, ``m``, ``u``,
        ``weight`` (bits), levels best first.

    Returns
    -------
    altair.HConcatChart
        One row per comparison level (best first within each comparison). Left: m (the
        share of true matches at that level) and u (the share of other pairs) as paired
        bars with their values. Right: the weight, log2(m/u), blue when the level is
        evidence for a match, orange against.
    """
    alt = _altair()
    _need(params, ["comparison", "level", "m", "u", "weight"], "parameters")
    data = params.with_row_index("order").with_columns(
        pl.format("{} · {}", pl.col("comparison"), pl.col("level")).alias("key"),
        pl.when(pl.col("weight") >= 0)
        .then(pl.lit("for a match"))
        .otherwise(pl.lit("against"))
        .alias("evidence"),
    )
    long = data.unpivot(
        index=["order", "comparison", "level", "key", "weight", "m", "u"],
        on=["m", "u"],
        variable_name="parameter",
        value_name="probability",
    )
    tooltip = [
        alt.Tooltip("comparison:N"),
        alt.Tooltip("level:N"),
        alt.Tooltip("m:Q", format=".4g", title="m: P(level | same person)"),
        alt.Tooltip("u:Q", format=".4g", title="u: P(level | different people)"),
        alt.Tooltip("weight:Q", format="+.2f", title="weight (bits)"),
    ]
    # Both panels share one row per level (same order, same height), so they line up.
    keys = data["key"].to_list()
    height = 24 * len(keys)
    y = alt.Y("key:N", sort=keys, title=None, scale=alt.Scale(paddingInner=0.25))
    m_u = alt.Chart(long).encode(
        y=y.axis(labelLimit=360),
        x=alt.X(
            "probability:Q",
            title="share of pairs at this level (m: true matches, u: other pairs)",
            scale=alt.Scale(domain=[0, 1.15], nice=False),
            axis=alt.Axis(values=[0, 0.2, 0.4, 0.6, 0.8, 1.0], format=".1f"),
        ),
        yOffset=alt.YOffset("parameter:N", sort=["m", "u"]),
        tooltip=tooltip,
    )
    m_u_colour = alt.Color(
        "parameter:N",
        scale=alt.Scale(domain=["m", "u"], range=["#1b9e77", "#7570b3"]),
        legend=alt.Legend(
            title=None,
            orient="top",
            labelExpr="datum.label == 'm' ? 'm: share of true matches' : 'u: share of other pairs'",
        ),
    )
    left = alt.layer(
        m_u.mark_bar().encode(color=m_u_colour),
        m_u.mark_text(align="left", dx=3, fontSize=9, color="#333333").encode(
            text=alt.Text("probability:Q", format=".2~g")
        ),
    ).properties(width=260, height=height, title=_title("m and u"))
    # Room beyond the longest bars for their labels.
    low = min(0.0, float(data["weight"].min()))  # type: ignore[arg-type]
    high = max(0.0, float(data["weight"].max()))  # type: ignore[arg-type]
    pad = max(1.0, 0.18 * (high - low))
    weight_scale = alt.Scale(domain=[low - pad, high + pad], nice=False)
    weight_axis = alt.Axis(title="weight of evidence: log2(m/u), bits")
    w = alt.Chart(data).encode(
        y=y.axis(labels=False, ticks=False),
        x=alt.X("weight:Q", scale=weight_scale, axis=weight_axis),
        tooltip=tooltip,
    )
    right = alt.layer(
        w.mark_bar().encode(
            color=alt.Color(
                "evidence:N",
                scale=alt.Scale(domain=["for a match", "against"], range=[FOR, AGAINST]),
                legend=alt.Legend(title=None, orient="top"),
            )
        ),
        *_signed_labels(
            w,
            y.axis(labels=False, ticks=False),
            weight_scale,
            alt.Text("weight:Q", format="+.1f"),
            high="datum.weight",
            low="datum.weight",
            size=9,
            axis=weight_axis,
        ),
    ).properties(width=220, height=height, title=_title("what the level is worth"))
    return (
        alt.hconcat(left, right, spacing=8)
        .resolve_scale(color="independent", y="shared")
        .properties(
            title=_title(
                "The trained model: m, u and weight of every comparison level",
                "Levels best first. A level far more common among true matches (m) than "
                "among other pairs (u) is strong evidence.",
            )
        )
    )


# --- the pairs ---------------------------------------------------------------------------


def match_weights(
    pairs: pl.DataFrame, threshold: float | None = None, bin_width: float = 1.0
) -> alt.LayerChart:
    """How the scored pairs spread over match weight, with the threshold.

    Parameters
    ----------
    pairs
        Scored pairs with ``match_weight`` (:meth:`caselink.Linker.predict`,
        :attr:`caselink.Resolution.pairs`).
    threshold
        A match probability drawn as a rule (e.g. the settings' threshold).
    bin_width
        Width of a bar, in bits.

    Returns
    -------
    altair.LayerChart
        Pairs per bin (log scale: non-matches outnumber matches by orders of magnitude),
        coloured by the side of the threshold. A good model shows two humps with a
        valley at the threshold.
    """
    alt = _altair()
    _need(pairs, ["match_weight"], "match_weights")
    if bin_width <= 0:
        raise InvalidInputError(f"bin_width must be positive, got {bin_width!r}")
    cut = None if threshold is None else _bits(threshold)
    binned = (
        pairs.select(((pl.col("match_weight") / bin_width).floor() * bin_width).alias("bin_start"))
        .group_by("bin_start")
        .len("pairs")
        .sort("bin_start")
        .with_columns((pl.col("bin_start") + bin_width).alias("bin_end"))
    )
    if cut is None:
        sides, colours = ["pairs"], [FOR]
        side = pl.lit("pairs")
    else:
        sides, colours = ["below the threshold", "at or above the threshold"], [NEUTRAL, FOR]
        side = (
            pl.when(pl.col("bin_start") >= cut).then(pl.lit(sides[1])).otherwise(pl.lit(sides[0]))
        )
    binned = binned.with_columns(side.alias("side"))
    # Bars on a log scale start below 1, so a bin of one pair still shows.
    most = max(int(binned["pairs"].max() or 1), 1)  # type: ignore[arg-type]
    powers = [10**k for k in range(len(str(most)) + 1)]
    bars = (
        alt.Chart(binned)
        .mark_bar(stroke="white", strokeWidth=0.5)
        .encode(
            x=alt.X("bin_start:Q", title="match weight (bits)", axis=alt.Axis(tickMinStep=1)),
            x2="bin_end:Q",
            y=alt.Y(
                "pairs:Q",
                scale=alt.Scale(type="log", domain=[0.5, most * 2], nice=False),
                title="pairs (log scale)",
                axis=alt.Axis(format="~s", values=powers),
            ),
            y2=alt.datum(0.5),
            color=alt.Color(
                "side:N",
                scale=alt.Scale(domain=sides, range=colours),
                legend=alt.Legend(title=None, orient="top") if cut is not None else None,
            ),
            tooltip=[
                alt.Tooltip("bin_start:Q", title="from (bits)", format="+.1f"),
                alt.Tooltip("bin_end:Q", title="to (bits)", format="+.1f"),
                alt.Tooltip("pairs:Q", format=","),
            ],
        )
    )
    layers = [bars]
    subtitle = f"{pairs.height:,} scored candidate pairs"
    if cut is not None and threshold is not None:
        above = int((pairs["match_weight"] >= cut).sum())
        subtitle += f"; {above:,} at or above the threshold {threshold:g} ({cut:.3g} bits)"
        layers.append(
            alt.Chart(pl.DataFrame({"cut": [cut]}))
            .mark_rule(color="#333333", strokeDash=[4, 3])
            .encode(x="cut:Q")
        )
    return alt.layer(*layers).properties(
        width=WIDTH, height=260, title=_title("Match weights of the scored pairs", subtitle)
    )


def precision_recall(
    pairs: pl.DataFrame,
    truth: pl.DataFrame,
    thresholds: Sequence[float] | None = None,
    threshold: float | None = None,
) -> alt.LayerChart:
    """Pairwise precision, recall and F1 as the match-probability threshold moves.

    Parameters
    ----------
    pairs
        Scored pairs (``record_id_l``, ``record_id_r``, ``match_probability``).
    truth
        ``record_id`` and a true entity column, as for :func:`caselink.evaluate`.
    thresholds
        Probabilities to evaluate; defaults to 0.01 ... 0.99 and 0.995, 0.999.
    threshold
        The threshold in use, drawn as a rule.

    Returns
    -------
    altair.LayerChart
        One line per measure (from :func:`caselink.evaluate` on the pairs). Recall
        counts every true pair, also those blocking never proposed, so it tops out below
        1 when blocking misses some.
    """
    alt = _altair()
    grid = list(thresholds) if thresholds is not None else _default_thresholds()
    scores = evaluate(pairs, truth, thresholds=grid)
    long = scores.unpivot(
        index="threshold", on=["precision", "recall", "f1"], variable_name="measure"
    ).with_columns(pl.col("measure").replace({"f1": "F1"}))
    lines = (
        alt.Chart(long)
        .mark_line(point=alt.OverlayMarkDef(size=18))
        .encode(
            x=alt.X(
                "threshold:Q",
                title="match-probability threshold (pairs at or above it count as matches)",
                scale=alt.Scale(domain=[0, 1]),
            ),
            y=alt.Y("value:Q", title="pairwise score", scale=alt.Scale(domain=[0, 1])),
            color=alt.Color(
                "measure:N",
                sort=["precision", "recall", "F1"],
                scale=alt.Scale(
                    domain=["precision", "recall", "F1"], range=[FOR, AGAINST, "#333333"]
                ),
                legend=alt.Legend(title=None, orient="bottom"),
            ),
            strokeDash=alt.StrokeDash(
                "measure:N",
                scale=alt.Scale(
                    domain=["precision", "recall", "F1"], range=[[1, 0], [1, 0], [4, 3]]
                ),
                legend=None,
            ),
            tooltip=[
                alt.Tooltip("threshold:Q", format=".3f"),
                alt.Tooltip("measure:N"),
                alt.Tooltip("value:Q", format=".4f", title="score"),
            ],
        )
    )
    layers: list[Any] = [lines]
    subtitle = "Scored pairs against the known truth"
    if threshold is not None:
        at = evaluate(pairs, truth, thresholds=[threshold]).row(0, named=True)
        subtitle += (
            f"; at {threshold:g}: precision {at['precision']:.3f}, recall "
            f"{at['recall']:.3f}, F1 {at['f1']:.3f}"
        )
        rule = alt.Chart(pl.DataFrame({"threshold": [threshold], "y": [0.02]}))
        layers += [
            rule.mark_rule(color="#999999", strokeDash=[4, 3]).encode(x="threshold:Q"),
            rule.mark_text(align="left", dx=4, color="#57606a", fontSize=11)
            .encode(x="threshold:Q", y="y:Q")
            .transform_calculate(label="'threshold in use: ' + datum.threshold")
            .encode(text="label:N"),
        ]
    return alt.layer(*layers).properties(
        width=WIDTH,
        height=260,
        title=_title("Precision and recall by threshold", subtitle),
    )


def _default_thresholds() -> list[float]:
    return [0.01, 0.025, *[k / 20 for k in range(1, 20)], 0.975, 0.99, 0.995, 0.999]


# --- the entities -------------------------------------------------------------------------


def cluster_sizes(clusters: pl.DataFrame) -> alt.LayerChart:
    """How many entities have 1, 2, 3 ... records.

    Parameters
    ----------
    clusters
        ``record_id``, ``entity_id`` (:attr:`caselink.Resolution.clusters`).

    Returns
    -------
    altair.LayerChart
        Entities per size, counts written on the bars. Many singletons can mean missed
        links; a long tail of big entities can mean over-merging (a common name with an
        unknown birth date).
    """
    alt = _altair()
    _need(clusters, ["entity_id"], "cluster_sizes")
    sizes = (
        clusters.group_by("entity_id")
        .len("size")
        .group_by("size")
        .len("entities")
        .sort("size")
        .with_columns((pl.col("size") * pl.col("entities")).alias("records"))
    )
    base = alt.Chart(sizes).encode(
        x=alt.X("size:O", title="records per entity", axis=alt.Axis(labelAngle=0)),
        y=alt.Y("entities:Q", title="number of entities"),
        tooltip=[
            alt.Tooltip("size:O", title="records per entity"),
            alt.Tooltip("entities:Q", format=","),
            alt.Tooltip("records:Q", format=",", title="records in such entities"),
        ],
    )
    subtitle = (
        f"{clusters.height:,} records in {int(sizes['entities'].sum()):,} entities; "
        f"largest: {int(sizes['size'].max() or 0):,} records"  # type: ignore[arg-type]
    )
    return alt.layer(
        base.mark_bar(color=FOR),
        base.mark_text(dy=-6, fontSize=10).encode(text=alt.Text("entities:Q", format=",")),
    ).properties(width=WIDTH, height=240, title=_title("Entity sizes", subtitle))
