"""Charts of a linkage, with Vega-Altair, rendered without a network.

Each function takes a plain polars frame that caselink returns and gives back an
``altair`` chart: display it in Jupyter by ending a cell with it, or write it for a
report with :func:`save` (PNG or SVG through ``vl-convert``, no browser and no network).
The same charts are methods on the results: :meth:`caselink.Resolution.chart_waterfall`,
``chart_match_weights``, ``chart_precision_recall``, ``chart_cluster_sizes`` and
``chart_parameters``, :meth:`caselink.Linker.chart_parameters` /
``Linker.chart_waterfall``, and :meth:`caselink.CaseNetworks.chart` (:func:`network`).

Large inputs (millions of scored pairs) are summarised with polars before they reach the
chart, so a chart carries at most a few hundred rows of data.

On a machine without internet access Jupyter cannot fetch the Vega JavaScript that
Altair's default renderer loads; :func:`render_offline` switches the notebook to static
SVG drawn locally by ``vl-convert``.

Examples
--------
>>> import caselink
>>> from caselink import charts
>>> data = caselink.datasets.synthetic(300, seed=2)
>>> res = caselink.dedupe(data.records.drop("true_person_id"), progress=False)
>>> chart = res.chart_cluster_sizes()
>>> [layer["mark"]["type"] for layer in chart.to_dict()["layer"]]
['bar', 'text']
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import polars as pl

from caselink.exceptions import ColumnNotFoundError, InvalidInputError
from caselink.metrics import evaluate

if TYPE_CHECKING:
    import altair as alt

__all__ = [
    "cluster_sizes",
    "match_weights",
    "network",
    "outcomes_over_time",
    "parameters",
    "precision_recall",
    "render_offline",
    "save",
    "time_to_outcome",
    "waterfall",
]

#: Evidence for a match, against it, and neutral (prior, totals): colour-blind safe.
FOR, AGAINST, NEUTRAL = "#1f77b4", "#d95f02", "#7f7f7f"
#: Width of a single chart, in pixels.
WIDTH = 520

_PROBABILITY_OF_BITS = "1 / (1 + pow(2, -datum.value))"
# Match weights (bits) of round probabilities, for probability axes.
_ROUND_PROBABILITIES = [1e-6, 1e-5, 1e-4, 1e-3, 0.01, 0.1, 0.5, 0.9, 0.99, 0.999, 0.9999, 0.99999]
_PROBABILITY_TICKS = [math.log2(p / (1 - p)) for p in _ROUND_PROBABILITIES]


def _probability_text(bits: float) -> str:
    """A match probability with enough digits to tell 0.9999 from 0.999999."""
    p = 1 / (1 + 2 ** (-bits))
    tail = min(p, 1 - p)
    if tail <= 0:
        return f"{p:.0f}"
    digits = min(max(3, math.ceil(-math.log10(tail)) + 1), 12)
    return f"{p:.{digits}f}"


def _altair() -> Any:
    # Imported on first use: `import caselink` stays fast for pipelines without charts.
    import altair

    return altair


def _need(frame: pl.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ColumnNotFoundError(f"{what} needs the columns {missing}; got {frame.columns}")


def _bits(probability: float) -> float:
    """Match weight (bits) of a match probability."""
    p = min(max(probability, 1e-12), 1 - 1e-12)
    return math.log2(p / (1 - p))


def _title(text: str, subtitle: str | Sequence[str] | None = None) -> Any:
    alt = _altair()
    if subtitle is None:
        return alt.TitleParams(text, anchor="start")
    return alt.TitleParams(text, subtitle=subtitle, anchor="start", subtitleColor="#57606a")


def _signed_labels(
    base: Any, y: Any, scale: Any, text: Any, *, high: str, low: str, size: int, axis: Any = None
) -> tuple[Any, Any]:
    """Text layers writing each bar's signed weight beyond its far end: right of a bar
    for a match (``weight >= 0``, at the expression ``high``), left of one against (at
    ``low``). ``axis``: the x axis of the layers they join (None: none of their own)."""
    alt = _altair()
    x = alt.X("label_at:Q", scale=scale, axis=axis)
    return tuple(  # type: ignore[return-value]
        base.transform_filter(f"datum.weight {op} 0")
        .transform_calculate(label_at=at)
        .mark_text(align=align, dx=dx, fontSize=size)
        .encode(y=y, x=x, text=text)
        for op, at, align, dx in [(">=", high, "left", 4), ("<", low, "right", -4)]
    )


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
    exp = explanation.with_row_index("step")
    start = pl.col("cumulative_weight") - pl.col("weight")
    has = set(exp.columns)
    label = pl.col("comparison")
    if "level" in has:
        label = (
            pl.when(pl.col("level").is_not_null())
            .then(pl.format("{}: {}", pl.col("comparison"), pl.col("level")))
            .otherwise(pl.col("comparison"))
        )
    total = float(exp["cumulative_weight"][-1])
    steps = exp.with_columns(
        label.alias("step_label"),
        start.alias("start"),
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
    if "cumulative_probability" in has:
        final = final.with_columns(
            pl.lit(float(exp["cumulative_probability"][-1])).alias("cumulative_probability")
        )
    data = pl.concat([steps, final], how="diagonal_relaxed")
    data = data.with_columns(
        pl.Series("weight_text", [f"{w:+.2f}" for w in data["weight"]], pl.String)
    )
    order = data["step_label"].to_list()
    tooltip = [
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
    colour = alt.Color(
        "evidence:N",
        scale=alt.Scale(
            domain=["prior", "for a match", "against", "total"],
            range=[NEUTRAL, FOR, AGAINST, "#333333"],
        ),
        legend=alt.Legend(title=None, orient="bottom"),
    )
    y = alt.Y("step_label:N", sort=order, title=None, axis=alt.Axis(labelLimit=320))
    lo = min(0.0, float(data["start"].min()), float(data["cumulative_weight"].min()))  # type: ignore[arg-type]
    hi = max(0.0, float(data["start"].max()), float(data["cumulative_weight"].max()))  # type: ignore[arg-type]
    domain = [math.floor(lo) - 2, math.ceil(hi) + 2]
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
        color=colour,
        tooltip=tooltip,
    )
    # The top axis reads the same positions as probabilities, at round probabilities.
    probability_axis = alt.Axis(
        orient="top",
        title="match probability",
        values=[b for b in _PROBABILITY_TICKS if domain[0] <= b <= domain[1]],
        labelExpr=f"format({_PROBABILITY_OF_BITS}, '.6~g')",
        grid=False,
    )
    top = base.mark_tick(opacity=0).encode(
        y=y, x=alt.X("cumulative_weight:Q", scale=scale, axis=probability_axis)
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
    return (
        alt.layer(zero, bars, gains, losses, top)
        .resolve_axis(x="independent")
        .properties(width=WIDTH, height=alt.Step(26), title=_title(title, subtitle))
    )


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


# --- case networks ---------------------------------------------------------------------

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


# --- outcomes --------------------------------------------------------------------------

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


# --- output ----------------------------------------------------------------------------


def save(chart: Any, path: str | Path, scale: float = 2.0) -> Path:
    """Writes a chart as PNG or SVG (by the file's suffix) with ``vl-convert``: no
    browser, no network.

    Parameters
    ----------
    chart
        Any Altair chart (these functions' or your own).
    path
        Ends in ``.png`` or ``.svg`` (``.html`` and ``.json`` also work: Altair writes
        them).
    scale
        Pixel density of a PNG (2: sharp on screens and in print).

    Returns
    -------
    pathlib.Path
        The file written.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in {".png", ".svg", ".html", ".json"}:
        raise InvalidInputError(
            f"cannot tell the format of {str(path)!r}: use a .png, .svg, .html or .json path"
        )
    if suffix == ".png":
        chart.save(str(path), format="png", scale_factor=scale)
    elif suffix == ".html":
        chart.save(str(path), format="html", inline=True)
    else:
        chart.save(str(path), format=suffix[1:])
    return path


def render_offline(kind: str = "svg") -> None:
    """Makes Jupyter draw charts without the internet (Altair's default renderer loads
    the Vega JavaScript from a CDN).

    Parameters
    ----------
    kind
        ``"svg"`` (default) or ``"png"``: static images drawn locally by ``vl-convert``
        (no tooltips); ``"interactive"``: Altair's ``jupyter`` widget renderer with the
        JavaScript bundled by ``vl-convert`` (tooltips work; needs the ``anywidget``
        package).
    """
    import importlib.util

    alt = _altair()
    if kind in {"svg", "png"}:
        alt.renderers.enable(kind)
    elif kind == "interactive":
        if importlib.util.find_spec("anywidget") is None:
            raise InvalidInputError(
                "render_offline('interactive') needs the anywidget package "
                "(pip install anywidget); render_offline('svg') needs nothing more"
            )
        alt.renderers.enable("jupyter", offline=True)
    else:
        raise InvalidInputError(f"kind must be 'svg', 'png' or 'interactive', got {kind!r}")
