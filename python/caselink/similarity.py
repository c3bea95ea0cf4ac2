"""Similarity kernels: row-wise over two Series, or all pairs as a numpy matrix.

Every score is in [0, 1] and symmetric. ``jaro_winkler``, ``levenshtein`` and
``damerau_levenshtein`` are the normalised similarities of rapidfuzz; ``token_set`` is
rapidfuzz's ``token_set_ratio`` / 100; ``name`` compares names as token lists and is
order-free, tolerant of a dropped middle name and of compounds written together or apart.
Inputs may be String Series, lists of strings or ``list[str]`` Series (name tokens, e.g.
``standardise(...)["name_keys"]``), which are joined with spaces. Missing values give
null row-wise and 0 in a matrix. Work runs in Rust on all cores without the GIL.

>>> from caselink import similarity
>>> similarity.jaro_winkler(["MARTHA"], ["MARHTA"]).round(4).to_list()
[0.9611]
>>> similarity.name(["kaiwan poore"], ["poore kaiwan"]).to_list()
[1.0]
>>> similarity.cdist(["ali", "omar"], ["ali", "umar", "x"], scorer="levenshtein").shape
(2, 3)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
import polars as pl

from caselink._core import similarity_cdist, similarity_pairwise
from caselink.exceptions import InvalidInputError, SchemaError

__all__ = [
    "SCORERS",
    "cdist",
    "damerau_levenshtein",
    "jaro_winkler",
    "levenshtein",
    "name",
    "pairwise",
    "token_set",
]

Scorer = Literal["jaro_winkler", "levenshtein", "damerau_levenshtein", "token_set", "name"]
SCORERS: tuple[str, ...] = (
    "jaro_winkler",
    "levenshtein",
    "damerau_levenshtein",
    "token_set",
    "name",
)

Strings = pl.Series | Sequence[str | None] | Sequence[Sequence[str] | None]


def _as_strings(values: Strings, side: str) -> pl.Series:
    try:
        series = values if isinstance(values, pl.Series) else pl.Series(side, values)
    except (TypeError, pl.exceptions.PolarsError) as err:
        raise SchemaError(
            f"{side} must hold strings or lists of strings, not a mix of types; convert "
            f"every value with str(): {str(err).splitlines()[0]}"
        ) from err
    if series.dtype == pl.List(pl.String):
        return series.list.join(" ")
    if series.dtype in (pl.String, pl.Null):
        return series.cast(pl.String)
    if isinstance(series.dtype, pl.Categorical | pl.Enum):
        return series.cast(pl.String)
    raise SchemaError(
        f"{side} must hold strings or lists of strings, got {series.dtype}; "
        f"cast it with .cast(pl.String)"
    )


def pairwise(a: Strings, b: Strings, scorer: Scorer = "jaro_winkler") -> pl.Series:
    """Scores ``a[i]`` against ``b[i]``; a Float64 Series, null where either is null."""
    if scorer not in SCORERS:
        raise InvalidInputError(f"unknown scorer {scorer!r}; choose one of {list(SCORERS)}")
    return similarity_pairwise(_as_strings(a, "a"), _as_strings(b, "b"), scorer)


def cdist(queries: Strings, choices: Strings, scorer: Scorer = "jaro_winkler") -> np.ndarray:
    """All-pairs scores: a ``(len(queries), len(choices))`` float64 numpy array."""
    if scorer not in SCORERS:
        raise InvalidInputError(f"unknown scorer {scorer!r}; choose one of {list(SCORERS)}")
    q, c = _as_strings(queries, "queries"), _as_strings(choices, "choices")
    flat = similarity_cdist(q, c, scorer)
    return flat.to_numpy().reshape(q.len(), c.len())


def jaro_winkler(a: Strings, b: Strings) -> pl.Series:
    """Row-wise Jaro-Winkler similarity (prefix weight 0.1)."""
    return pairwise(a, b, "jaro_winkler")


def levenshtein(a: Strings, b: Strings) -> pl.Series:
    """Row-wise normalised Levenshtein similarity: 1 - distance / max length."""
    return pairwise(a, b, "levenshtein")


def damerau_levenshtein(a: Strings, b: Strings) -> pl.Series:
    """Row-wise normalised Damerau-Levenshtein similarity (transpositions cost 1)."""
    return pairwise(a, b, "damerau_levenshtein")


def token_set(a: Strings, b: Strings) -> pl.Series:
    """Row-wise token-set similarity (rapidfuzz's token_set_ratio / 100)."""
    return pairwise(a, b, "token_set")


def name(a: Strings, b: Strings) -> pl.Series:
    """Row-wise name similarity: order-free, dropped middle names, compounds."""
    return pairwise(a, b, "name")
