"""Standardise person records from any agency into one canonical, comparable schema."""

from __future__ import annotations

import datetime as _dt
import logging
from collections.abc import Mapping, Sequence
from typing import Any

import polars as pl

from caselink._core import profile_names, standardise_frame
from caselink.exceptions import ColumnNotFoundError, InvalidInputError, SchemaError

__all__ = ["ATTRIBUTE_INPUTS", "CANONICAL_INPUTS", "PROFILES", "RULE_WARNING_SHARE", "standardise"]

_log = logging.getLogger("caselink")

#: A standardisation rule that flags or rejects more than this share of a column's
#: values probably does not fit the data: a warning says so and how to change it.
RULE_WARNING_SHARE = 0.05

#: The input fields standardise understands; map your columns onto them with ``columns``.
CANONICAL_INPUTS = (
    "record_id",
    "source",
    "given_name",
    "family_name",
    "full_name",
    "dob",
    "nationality",
    "phone",
    "gender",
    "alias",
    *("email", "address", "city", "postcode", "id_number", "birthplace", "occupation"),
)
#: Inputs the linker compares as they are (normalised, not standardised): see
#: :meth:`caselink.Settings.for_people`.
ATTRIBUTE_INPUTS = (
    *("email", "address", "city", "postcode", "id_number", "birthplace", "occupation"),
)
_NAME_FIELDS = ("given_name", "family_name", "full_name", "alias")
_TEXT_FIELDS = ("given_name", "family_name", "full_name", "dob", "nationality", "phone",
                "gender", "alias")  # fmt: skip

#: Built-in profiles: the cell's agencies (NCA, HOIO, OLTIM, BKA, PJF, KMAR), generic
#: conventions (uk, fr, de, be, nl, passport) and ``auto`` for unknown writers.
PROFILES: tuple[str, ...] = tuple(profile_names())


def reference_date_or_today(reference_date: _dt.date | None) -> _dt.date:
    """The reference date given (a datetime gives its day), or today for None. Entry points
    resolve it once per call (a :class:`caselink.Linker` once, when built) and record it."""
    if reference_date is None:
        return _dt.date.today()
    if isinstance(reference_date, _dt.datetime):
        return reference_date.date()
    if isinstance(reference_date, _dt.date):
        return reference_date
    raise InvalidInputError(
        f"reference_date must be a datetime.date (the day the data were extracted) or None "
        f"for today, got {reference_date!r}"
    )


def _as_frame(records: Any, name: str = "records") -> pl.DataFrame:
    """A DataFrame from a DataFrame, a LazyFrame or anything polars can read."""
    if isinstance(records, pl.DataFrame):
        return records
    if isinstance(records, pl.LazyFrame):
        return records.collect()
    try:
        return pl.DataFrame(records)
    except Exception as err:
        raise InvalidInputError(
            f"{name} must be a polars DataFrame or LazyFrame (or convertible to one, such as "
            f"a pyarrow Table); got {type(records).__name__}: {err}"
        ) from err


ColumnMapping = Mapping[str, str | Sequence[str]]


def _resolve_columns(df: pl.DataFrame, columns: ColumnMapping | None) -> dict[str, str | list[str]]:
    """canonical name -> caller's column name (or names, joined with spaces)."""
    mapping: dict[str, str | list[str]] = {
        k: v if isinstance(v, str) else list(v) for k, v in (columns or {}).items()
    }
    unknown = sorted(set(mapping) - set(CANONICAL_INPUTS))
    if unknown:
        raise InvalidInputError(
            f"columns has unknown canonical names {unknown}; the keys of columns must be "
            f"among {list(CANONICAL_INPUTS)} and the values your column names"
        )
    for canonical, theirs in mapping.items():
        if not isinstance(theirs, str) and canonical in ("record_id", "source"):
            raise InvalidInputError(f"columns['{canonical}'] must name one column")
        for name in [theirs] if isinstance(theirs, str) else theirs:
            if name not in df.columns:
                raise ColumnNotFoundError(
                    f"column '{name}' (mapped to {canonical}) is not in the records; "
                    f"available columns: {df.columns}"
                )
    for canonical in CANONICAL_INPUTS:
        if canonical not in mapping and canonical in df.columns:
            mapping[canonical] = canonical
    if "record_id" not in mapping:
        raise ColumnNotFoundError(
            "column 'record_id' not found; every record needs an id: pass "
            "columns={'record_id': '<your id column>'}"
        )
    if not any(f in mapping for f in ("given_name", "family_name", "full_name")):
        raise ColumnNotFoundError(
            "no name column found: give given_name and/or family_name, or full_name, e.g. "
            "columns={'given_name': 'first_name', 'family_name': 'surname'}"
        )
    return mapping


def _text_expr(df: pl.DataFrame, canonical: str, theirs: str | list[str]) -> pl.Expr:
    """The caller's column as String, or a SchemaError naming it; several columns are
    joined with spaces (nulls left out)."""
    if not isinstance(theirs, str):
        parts = [_text_expr(df, canonical, t) for t in theirs]
        joined = pl.concat_str(parts, separator=" ", ignore_nulls=True)
        return pl.when(joined.str.strip_chars() != "").then(joined).alias(canonical)
    dtype = df.schema[theirs]
    col = pl.col(theirs)
    if dtype in (pl.String, pl.Null) or isinstance(dtype, (pl.Categorical, pl.Enum)):
        return col.cast(pl.String).alias(canonical)
    if canonical == "dob" and (dtype == pl.Date or isinstance(dtype, pl.Datetime)):
        return col.dt.strftime("%Y-%m-%d").alias(canonical)
    if canonical in ("dob", "phone", *ATTRIBUTE_INPUTS) and dtype.is_integer():
        # yyyymmdd dates and phone numbers that a CSV reader took for integers
        return col.cast(pl.String).alias(canonical)
    raise SchemaError(
        f"column '{theirs}' ({canonical}) has type {dtype}, expected String; "
        f"cast it with pl.col('{theirs}').cast(pl.String) if its values are text"
    )


def _generic_expr(df: pl.DataFrame, name: str) -> pl.Expr:
    dtype = df.schema[name]
    if dtype.is_nested() or dtype == pl.Object:
        raise SchemaError(f"column '{name}' has type {dtype}; the linker compares text or numbers")
    return pl.col(name).cast(pl.String)


def _require_flat_ids(dtype: pl.DataType, label: str, per: str) -> None:
    """Ids are one text or number per row: a list, struct or object column is a
    SchemaError naming the column (``label``) and the fix."""
    if dtype.is_nested() or dtype == pl.Object:
        raise SchemaError(
            f"{label} has type {dtype}; ids must be text or numbers, one per {per}: "
            f"build one, e.g. with pl.int_range(pl.len())"
        )


def _check_ids(ids: pl.Series, theirs: str) -> None:
    column = f"column '{theirs}'" if theirs == "record_id" else f"column '{theirs}' (record_id)"
    _require_flat_ids(ids.dtype, column, "record")
    _require_unique_ids(
        ids,
        column,
        "every record needs an id, e.g. fill them with pl.int_range(pl.len())",
        "ids must be unique",
    )


def _require_unique_ids(ids: pl.Series, label: str, if_null: str, if_duplicated: str) -> None:
    """Ids present and unique, or an error naming the column (``label``), the first
    offending rows or values, and the fix."""
    nulls = ids.null_count()
    if nulls:
        first = ids.is_null().arg_true()[0]
        raise InvalidInputError(f"{label} has {nulls} null ids (first at row {first}); {if_null}")
    dupes = ids.filter(ids.is_duplicated()).unique(maintain_order=True)
    if dupes.len():
        raise InvalidInputError(
            f"{label} has {dupes.len()} duplicated ids, e.g. {dupes.head(3).to_list()}; "
            f"{if_duplicated}"
        )


def standardise(
    records: pl.DataFrame | pl.LazyFrame | Any,
    profile: str | None = None,
    columns: ColumnMapping | None = None,
    earliest_birth_year: int | None = None,
    *,
    reference_date: _dt.date | None = None,
) -> pl.DataFrame:
    """Turns raw person records into one canonical, comparable form.

    Parameters
    ----------
    records
        One row per record. Columns are found by their canonical names
        (:data:`CANONICAL_INPUTS`) or mapped with ``columns``. ``record_id`` and at least
        one of ``given_name`` / ``family_name`` / ``full_name`` are required.
    profile
        The writing conventions of the source (romanisation, date order, name order,
        default phone region): one of :data:`PROFILES`. ``None`` uses each row's
        ``source`` when it names a profile, and ``auto`` otherwise (name order from
        capitals and commas, dates day-first with fallbacks).
    columns
        ``{canonical name: your column}``, e.g. FEBRL's
        ``{"record_id": "rec_id", "given_name": "given_name", "family_name": "surname",
        "dob": "date_of_birth"}``. A list of columns is joined with spaces (e.g.
        ``"address": ["street_number", "address_1"]``).
    earliest_birth_year
        The earliest plausible year of birth, for every row; ``None`` keeps each
        profile's own (1900 for the agencies' profiles, whose suspects are alive; none for
        ``auto`` and the generic conventions). A date outside the plausible years is kept,
        with ``dob_quality`` ``implausible`` and an issue; when more than
        :data:`RULE_WARNING_SHARE` of a column is flagged, a warning on the ``caselink``
        logger says the rule probably does not fit the data.
    reference_date
        The day the data were extracted; ``None`` (default) is today. Its year pivots
        two-digit years (``yy`` up to its last two digits is in its century, later ones
        in the century before: ``05/03/26`` is 2026 from 2026 on, 1926 before) and is the
        latest plausible year of birth (a later one is ``implausible``). Pass it so that
        the output does not change when the code runs in another year.

    Returns
    -------
    pl.DataFrame
        Exactly one row per input row, in the same order: ``record_id`` (and ``source``
        when given) kept as they were, then ``given_names``, ``family_names`` (lists of
        normalised tokens), ``name_keys`` (transliteration key per token),
        ``name_phonetic`` (Double Metaphone per token), ``full_name_norm``, ``aliases``,
        ``dob``, ``dob_year``, ``dob_month``, ``dob_day``, ``dob_quality`` (exact /
        year_only / placeholder / implausible / invalid / missing), ``dob_swapped`` (the day-month
        swapped reading where plausible), ``nationality`` (ISO 3166 alpha-3; ``XXA``
        stateless, ``XXX`` unknown), ``kurdish``, ``phones`` (E.164), ``gender`` (M/F/U)
        and ``issues`` (what could not be read, row by row).

    Raises
    ------
    ColumnNotFoundError
        ``record_id`` or every name column is missing, or ``columns`` names a column that
        does not exist.
    SchemaError
        A text column holds another type (e.g. integers in a name column).
    InvalidInputError
        Unknown profile, unknown canonical name in ``columns``, null or duplicated ids.

    Examples
    --------
    >>> import polars as pl, caselink
    >>> raw = pl.DataFrame({
    ...     "record_id": ["a", "b", "c"],
    ...     "source": ["NCA", "OLTIM", "BKA"],
    ...     "given_name": ["Kaiwan", None, None],
    ...     "family_name": ["POORE", None, None],
    ...     "full_name": [None, "POUR Kaywan", "Pur, Kajwan"],
    ...     "dob": ["01/01/1990", "né le 01/01/1990", "1.1.1990"],
    ...     "nationality": ["Iraqi", "irakien", "irakisch"],
    ... })
    >>> out = caselink.standardise(raw)
    >>> out["name_keys"].to_list()
    [['kawn', 'pur'], ['kawn', 'pur'], ['kawn', 'pur']]
    >>> out["nationality"].to_list(), out["dob_quality"].to_list()
    (['IRQ', 'IRQ', 'IRQ'], ['placeholder', 'placeholder', 'placeholder'])
    """
    if earliest_birth_year is not None and (
        isinstance(earliest_birth_year, bool) or not isinstance(earliest_birth_year, int)
    ):
        raise InvalidInputError(
            f"earliest_birth_year must be a year (an int) or None, got {earliest_birth_year!r}"
        )
    year = reference_date_or_today(reference_date).year
    out = standardise_frame(prepare(records, profile, columns), year, earliest_birth_year)
    warn_on_rules(out)
    return out


def warn_on_rules(std: pl.DataFrame) -> None:
    """Logs a warning for each standardisation rule that flagged or rejected more than
    :data:`RULE_WARNING_SHARE` of a column's values: such a rule probably does not fit the
    data, and the warning says how to change it. Nothing is dropped either way."""
    if "dob_quality" not in std.columns or std.height == 0:
        return
    counts = std.select(
        given=(pl.col("dob_quality") != "missing").sum(),
        implausible=(pl.col("dob_quality") == "implausible").sum(),
        invalid=(pl.col("dob_quality") == "invalid").sum(),
    ).row(0, named=True)
    given = counts["given"]
    if not given:
        return
    if counts["implausible"] > RULE_WARNING_SHARE * given:
        years = std.filter(pl.col("dob_quality") == "implausible")["dob_year"]
        _log.warning(
            "dob: %d of %d dates (%.0f%%) fall outside the plausible years of birth of their "
            "profile (years %s to %s among them); they are kept and compared, flagged "
            "'implausible'. If such dates are normal for this data, say so with "
            "earliest_birth_year= (standardise) or Settings(earliest_birth_year=...), or use "
            "a profile without a lower bound (e.g. profile='auto').",
            counts["implausible"],
            given,
            100 * counts["implausible"] / given,
            years.min(),
            years.max(),
        )
    if counts["invalid"] > RULE_WARNING_SHARE * given:
        dob_issues = pl.element().filter(pl.element().str.starts_with("dob:"))
        example = (
            std.filter(pl.col("dob_quality") == "invalid")["issues"]
            .list.eval(dob_issues)
            .list.first()
            .first()
        )
        _log.warning(
            "dob: %d of %d dates (%.0f%%) could not be read and are null (e.g. %s); check the "
            "date order of the profile (day_first, month_first, year_first) or convert the "
            "column to dates with polars first.",
            counts["invalid"],
            given,
            100 * counts["invalid"] / given,
            example,
        )


def prepare(
    records: pl.DataFrame | pl.LazyFrame | Any,
    profile: str | None = None,
    columns: ColumnMapping | None = None,
    keep: Sequence[str] = (),
) -> pl.DataFrame:
    """Validates the records and renames and casts their columns to the canonical inputs,
    with a ``_profile`` column: the frame the Rust core reads (see :func:`standardise`).
    Columns named in ``keep`` (generic columns of linkage settings) pass through as text
    when present."""
    if profile is not None and profile.lower() not in {p.lower() for p in PROFILES}:
        raise InvalidInputError(f"unknown profile {profile!r}; choose one of {list(PROFILES)}")
    df = _as_frame(records)
    mapping = _resolve_columns(df, columns)
    id_col = str(mapping["record_id"])
    _check_ids(df[id_col], id_col)

    exprs = [pl.col(mapping["record_id"]).alias("record_id")]
    if "source" in mapping:
        exprs.append(pl.col(mapping["source"]).cast(pl.String).alias("source"))
    exprs += [_text_expr(df, f, mapping[f]) for f in _TEXT_FIELDS if f in mapping]
    exprs += [_text_expr(df, f, mapping[f]) for f in ATTRIBUTE_INPUTS if f in mapping]
    for name in keep:
        if name not in CANONICAL_INPUTS and name in df.columns:
            exprs.append(_generic_expr(df, name))
    if profile is not None:
        exprs.append(pl.lit(profile, dtype=pl.String).alias("_profile"))
    elif "source" in mapping:
        known = {p.lower(): p for p in PROFILES}
        exprs.append(
            pl.col(mapping["source"])
            .cast(pl.String)
            .str.to_lowercase()
            .replace_strict(known, default="auto", return_dtype=pl.String)
            .alias("_profile")
        )
    return df.select(exprs)
