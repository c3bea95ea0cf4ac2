"""What every chart shares: the colours of evidence, the width, titles, probability
ticks and the signed labels of weight bars; Altair imported on first use."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import polars as pl

from caselink._core import odds_bits, probability
from caselink.exceptions import ColumnNotFoundError

#: Evidence for a match, against it, and neutral (prior, totals): colour-blind safe.
FOR, AGAINST, NEUTRAL = "#1f77b4", "#d95f02", "#7f7f7f"
#: Width of a single chart, in pixels.
WIDTH = 520

# The core's `probability`, as a Vega expression for axis labels drawn in the browser.
_PROBABILITY_OF_BITS = "1 / (1 + pow(2, -datum.value))"
# Match weights (bits) of round probabilities, for probability axes.
_ROUND_PROBABILITIES = [1e-6, 1e-5, 1e-4, 1e-3, 0.01, 0.1, 0.5, 0.9, 0.99, 0.999, 0.9999, 0.99999]
_PROBABILITY_TICKS = [odds_bits(p) for p in _ROUND_PROBABILITIES]


def _probability_text(bits: float) -> str:
    """A match probability with enough digits to tell 0.9999 from 0.999999."""
    p = probability(bits)
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
    return odds_bits(p)


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
