"""Similarity kernels: row-wise over two Series, or all pairs as a numpy matrix.

Every score is in [0, 1] and symmetric. ``jaro_winkler``, ``levenshtein`` and
``damerau_levenshtein`` are the normalised similarities of rapidfuzz; ``token_set`` is
rapidfuzz's ``token_set_ratio`` / 100; ``name`` compares names as token lists and is
order-free, tolerant of a dropped middle name and of compounds written together or apart.
Inputs may be String Series, lists of strings or ``list[str]`` Series (name tokens, e.g.
``standardise(...)["name_keys"]``), which are joined with spaces. Missing values give
null row-wise and 0 in a matrix. Work runs in Rust on all cores without the GIL.

Values longer than :data:`MAX_CHARS` characters (4,096) are not scored: the kernels are
quadratic, so two pasted 10 MB cells would otherwise hold a core for hours (and ``name``
would ask for terabytes). Such a row
gives null row-wise and NaN in a matrix, never a made-up score, and a warning on the
``"caselink"`` logger names the input, how many values were too long and the longest.

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
from typing import Literal, cast

import numpy as np
import polars as pl

from caselink._core import similarity_cdist, similarity_pairwise
from caselink.exceptions import InvalidInputError, SchemaError
from caselink.progress import logger

__all__ = [
    "MAX_CHARS",
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

#: Longest value (in characters, after list values are joined with spaces) that is scored.
#: The edit-distance kernels cost O(len(a) * len(b)) (Damerau-Levenshtein truly so,
#: Levenshtein and Jaro-Winkler bit-parallel in 64-character words) and ``name`` pairs
#: every token with every token, in time and memory. At 4,096 characters the slowest
#: worst case takes well under a second for one pair (measured: Damerau-Levenshtein
#: about 0.1 s, ``name`` on 2,048 one-letter tokens a side about 0.7 s), where 20,000
#: characters took 2-4 s and ``name`` 27 s and 3.5 GB. The cap is four times the 1,024
#: bytes read from each name field by :func:`caselink.standardise`, so every name it
#: produces (``name_keys`` joined, ``full_name_norm``) is scored; only text
#: that is not a name (a pasted document, a 10 MB cell) reaches it.
MAX_CHARS = 4_096


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


def _too_long(series: pl.Series, side: str, scorer: str) -> pl.Series:
    """A Boolean mask of the values over :data:`MAX_CHARS`, reported on the logger."""
    lengths = series.str.len_chars()
    mask = (lengths > MAX_CHARS).fill_null(False)
    count = int(mask.sum())
    if count:
        name = f"{side} ({series.name})" if series.name and series.name != side else side
        logger.warning(
            "similarity %s: %d value(s) of %s are longer than %s characters (the longest "
            "has %s), so they were not scored (null row-wise, NaN in a matrix); compare "
            "a shorter field or cut the text first, e.g. .str.slice(0, %d)",
            scorer,
            count,
            name,
            f"{MAX_CHARS:,}",
            f"{cast(int, lengths.max()):,}",
            MAX_CHARS,
        )
    return mask


def _blank(series: pl.Series, mask: pl.Series) -> pl.Series:
    """``series`` with null where ``mask`` is true, so the core never sees those values."""
    if not mask.any():
        return series
    nulls = pl.Series(series.name, [None] * series.len(), dtype=pl.String)
    return series.zip_with(~mask, nulls)


def pairwise(a: Strings, b: Strings, scorer: Scorer = "jaro_winkler") -> pl.Series:
    """Scores ``a[i]`` against ``b[i]``; a Float64 Series, null where either is null.

    A row where either value is longer than :data:`MAX_CHARS` characters is null too
    (and reported on the ``"caselink"`` logger).
    """
    if scorer not in SCORERS:
        raise InvalidInputError(f"unknown scorer {scorer!r}; choose one of {list(SCORERS)}")
    sa, sb = _as_strings(a, "a"), _as_strings(b, "b")
    # A null on either side makes the row null in the core.
    sa = _blank(sa, _too_long(sa, "a", scorer))
    sb = _blank(sb, _too_long(sb, "b", scorer))
    return similarity_pairwise(sa, sb, scorer)


def cdist(queries: Strings, choices: Strings, scorer: Scorer = "jaro_winkler") -> np.ndarray:
    """All-pairs scores: a ``(len(queries), len(choices))`` float64 numpy array.

    Missing values score 0; the row of a query and the column of a choice longer than
    :data:`MAX_CHARS` characters are NaN (not scored, and reported on the logger).
    """
    if scorer not in SCORERS:
        raise InvalidInputError(f"unknown scorer {scorer!r}; choose one of {list(SCORERS)}")
    q, c = _as_strings(queries, "queries"), _as_strings(choices, "choices")
    long_q, long_c = _too_long(q, "queries", scorer), _too_long(c, "choices", scorer)
    q, c = _blank(q, long_q), _blank(c, long_c)
    matrix = similarity_cdist(q, c, scorer).to_numpy().reshape(q.len(), c.len())
    if long_q.any() or long_c.any():
        matrix = matrix.copy()
        matrix[long_q.to_numpy(), :] = np.nan
        matrix[:, long_c.to_numpy()] = np.nan
    return matrix


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
