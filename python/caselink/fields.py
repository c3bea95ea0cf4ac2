"""Single-field standardisation for pipelines: one Series in, one Series (or frame) out.

These run the same Rust code as :func:`caselink.standardise`, one field at a time.

>>> import polars as pl
>>> from caselink import fields
>>> fields.name_keys(pl.Series(["Kaiwan POORE", "Pur, Kajwan"]), romanisation=["english", "german"]
... ).to_list()
[['kawn', 'pur'], ['kawn', 'pur']]
>>> fields.nationality_code(pl.Series(["irakienne", "staatenlos", None])).to_list()
['IRQ', 'XXA', None]
>>> fields.phone_e164(pl.Series(["06 12 34 56 78"]), region="FR").to_list()
[['+33612345678']]
>>> fields.parse_dob(pl.Series(["05/03/1990", "31/02/1990"]))["dob_quality"].to_list()
['exact', 'invalid']
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import Literal

import polars as pl

from caselink._core import standardise_frame
from caselink.exceptions import InvalidInputError, SchemaError
from caselink.standardisation import reference_date_or_today

__all__ = ["name_keys", "name_phonetic", "name_tokens", "nationality_code", "parse_dob",
           "phone_e164"]  # fmt: skip

Romanisation = Literal["english", "french", "german", "dutch", "generic"]
DateOrder = Literal["day_first", "month_first", "year_first"]

# The built-in profile that carries each convention (see caselink.standardisation.PROFILES).
_BY_ROMANISATION = {"english": "uk", "french": "fr", "german": "de", "dutch": "nl",
                    "generic": "auto"}  # fmt: skip
_BY_DATE_ORDER = {"day_first": "uk", "month_first": "us", "year_first": "passport"}
_BY_REGION = {"GB": "uk", "FR": "fr", "DE": "de", "BE": "be", "NL": "nl", None: "auto"}


def _text(values: pl.Series | Sequence[str | None]) -> pl.Series:
    if isinstance(values, pl.Series):
        s = values
    else:
        try:
            s = pl.Series(values, dtype=pl.String)
        except (TypeError, pl.exceptions.PolarsError) as err:
            raise SchemaError(
                f"values must be strings (or None); cast them first, e.g. [str(v) for v in "
                f"values]: {str(err).splitlines()[0]}"
            ) from err
    if s.dtype in (pl.String, pl.Null) or isinstance(s.dtype, pl.Categorical | pl.Enum):
        return s.cast(pl.String)
    raise SchemaError(f"expected a String Series, got {s.dtype}; cast it with .cast(pl.String)")


def _profiles(choice: str | Sequence[str] | None, table: dict, what: str, n: int) -> pl.Series:
    choices = [choice] * n if isinstance(choice, str) or choice is None else list(choice)
    if len(choices) != n:
        raise InvalidInputError(
            f"{what} must be one value or one per row ({n}), got {len(choices)}"
        )
    unknown = sorted({str(c) for c in choices if c not in table})
    if unknown:
        raise InvalidInputError(f"unknown {what} {unknown}; choose from {sorted(map(str, table))}")
    return pl.Series("_profile", [table[c] for c in choices], dtype=pl.String)


def _run(
    column: str, values: pl.Series, profiles: pl.Series, reference_date: _dt.date | None = None
) -> pl.DataFrame:
    """One field through the standardiser. The reference date only reads dates of birth
    (see :func:`parse_dob`); names, nationalities and phones do not depend on it."""
    frame = pl.DataFrame({column: values, "_profile": profiles})
    return standardise_frame(frame, reference_date_or_today(reference_date).year)


def _names(names: pl.Series | Sequence[str | None], romanisation) -> tuple[str, pl.DataFrame]:
    s = _text(names)
    profiles = _profiles(romanisation, _BY_ROMANISATION, "romanisation", s.len())
    return s.name, _run("full_name", s, profiles)


def name_tokens(
    names: pl.Series | Sequence[str | None],
    romanisation: Romanisation | Sequence[Romanisation] = "generic",
) -> pl.Series:
    """Normalised tokens of each name (one field: capitals and commas give the order)."""
    name, out = _names(names, romanisation)
    return out.select(pl.concat_list("given_names", "family_names").alias(name)).to_series()


def name_keys(
    names: pl.Series | Sequence[str | None],
    romanisation: Romanisation | Sequence[Romanisation] = "generic",
) -> pl.Series:
    """Transliteration key of every name token, per row (see :mod:`caselink` docs)."""
    name, out = _names(names, romanisation)
    return out["name_keys"].alias(name)


def name_phonetic(names: pl.Series | Sequence[str | None]) -> pl.Series:
    """Double Metaphone (primary code) of every name token, per row."""
    name, out = _names(names, "generic")
    return out["name_phonetic"].alias(name)


def parse_dob(
    dates: pl.Series | Sequence[str | None],
    order: DateOrder | Sequence[DateOrder] = "day_first",
    *,
    reference_date: _dt.date | None = None,
) -> pl.DataFrame:
    """Dates of birth: ``dob``, ``dob_year``, ``dob_month``, ``dob_day``, ``dob_quality``,
    ``dob_swapped`` and ``issues``, one row per input. ``reference_date`` (default today)
    pivots two-digit years and is the latest plausible year, as for
    :func:`caselink.standardise`."""
    s = _text(dates)
    profiles = _profiles(order, _BY_DATE_ORDER, "order", s.len())
    out = _run("dob", s, profiles, reference_date)
    return out.select("dob", "dob_year", "dob_month", "dob_day", "dob_quality", "dob_swapped",
                      "issues")  # fmt: skip


def nationality_code(values: pl.Series | Sequence[str | None]) -> pl.Series:
    """ISO 3166 alpha-3 (``XXA`` stateless, ``XXX`` unknown) of each written nationality."""
    s = _text(values)
    out = _run("nationality", s, _profiles("generic", _BY_ROMANISATION, "romanisation", s.len()))
    return out["nationality"].alias(s.name)


def phone_e164(values: pl.Series | Sequence[str | None], region: str | None = None) -> pl.Series:
    """E.164 numbers of each phone field (a list: one field may hold several numbers).
    ``region`` (GB, FR, DE, BE, NL) reads national formats."""
    s = _text(values)
    key = region.upper() if isinstance(region, str) else region
    out = _run("phone", s, _profiles(key, _BY_REGION, "region", s.len()))
    return out["phones"].alias(s.name)
