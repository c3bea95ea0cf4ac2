"""Splink 5 (DuckDB) for ``bench_accuracy.py``: one worker process runs a list of jobs.

Run by ``bench_accuracy.py`` with the interpreter of the Splink virtualenv (see
``bench_linking.py`` for how to set it up)::

    /work/.venvs/splink/bin/python benchmarks/splink_accuracy_peer.py JOBS.json OUT.jsonl

Each job names parquet files (one frame to deduplicate, two to link), the truth, the
caselink column mapping, the canonical columns dropped for a column-drop sweep and the
kind of data. The worker appends one JSON line per finished job to ``OUT.jsonl``, so a
crash loses one job only (the caller starts a new worker on the rest).

Preparation (outside ``wall_s``): Splink expects standardised input ("lowercased,
punctuation cleaned up", its README), so every text column is trimmed, lower-cased, its
accents and punctuation removed; names written in one field are split (a comma gives
``FAMILY, Given``; otherwise the upper-case tokens are the family name, else the last
token); dates in the agencies' formats (``dd/mm/yyyy``, ``d.m.yyyy``, ``dd-mm-yyyy``,
``yyyymmdd``, ``né le 3 mars 1985``) are parsed best-effort into ISO text and anything
else (a year alone, an impossible date) becomes null, except in a column that holds
years only, which stays a year; phone numbers keep their last nine digits, which drops
the country code and trunk prefix; gender keeps its first letter. FEBRL and fake_1000
keep their own columns, trimmed, with empty fields as nulls (as ``splink_peer.py``).

Models (chosen from Splink's documentation, never from the truth):

- ``febrl`` / ``febrl_link``: Splink's FEBRL3 (dedupe) and FEBRL4 (link-only) examples
  (docs/demos/examples/duckdb/febrl3 and febrl4), as in ``splink_peer.py``;
- ``fake_1000``: Splink's tutorial model (chapter 4, blocking of chapter 7);
- ``person`` (everything else): the model of Splink's historical_50k example
  (docs/demos/examples/duckdb/deduplicate_50k_synthetic): ForenameSurnameComparison with
  a concatenated name column for term frequencies, DateOfBirthComparison on ISO text
  (``%Y`` where only years are known), PostcodeComparison for UK postcodes (ExactMatch
  with term frequencies for others), ExactMatch with term frequencies for birth place,
  occupation, city and nationality, EmailComparison, ExactMatch for phone and gender;
  the example's blocking rules; prior from deterministic rules at recall 0.6
  (historical) or 0.7; u from 5e6 random pairs; EM blocked on first name + surname and
  on date of birth without term frequencies. If EM leaves an implausible model (an exact
  agreement level with m below u or below 0.3, an 'else' level with m above u), it is
  trained again on phone / e-mail / postcode and date of birth, and the model with fewer
  implausible levels is kept (on caselink's synthetic data the name-blocked session
  learns "same common name": exact-dob m 0.24).

A dropped column takes with it every comparison and rule that reads it. Predictions at
match probability 0.2 (as Splink's FEBRL examples), clusters at 0.95 (the historical_50k
example's threshold). ``wall_s`` runs from registering the table to the clusters.
"""

from __future__ import annotations

import json
import sys
import time
import traceback
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl
import splink
import splink.comparison_library as cl
from splink import DuckDBAPI, Linker, SettingsCreator, block_on

THRESHOLD = 0.95
FRENCH_MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y", "%Y%m%d", "%d %m %Y")
UK_POSTCODE = r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$"

Rule = Any  # a BlockingRuleCreator or SQL text
Needs = tuple[str, ...]


@dataclass
class Model:
    comparisons: list[Any]
    blocking: list[Rule]
    deterministic: list[Rule]
    recall: float
    em_rules: list[Rule]
    em_alternative: list[Rule] = field(default_factory=list)
    em_kwargs: dict[str, Any] = field(default_factory=dict)
    u_max_pairs: float = 5e6
    u_seed: int = 1
    predict_threshold: float = 0.2
    signature: str = ""
    source: str = ""


def keep(cols: set[str], rules: Sequence[tuple[Needs, Rule]]) -> list[Rule]:
    """The rules whose columns are all present."""
    return [rule for needs, rule in rules if set(needs) <= cols]


def signature(cols: set[str], used: Sequence[tuple[Needs, Any]]) -> str:
    return ",".join(sorted({c for needs, _ in used for c in needs if set(needs) <= cols}))


# --------------------------------------------------------------------------- preparation


def clean(expr: pl.Expr) -> pl.Expr:
    """Trimmed, lower-case, accents and punctuation removed; empty as null."""
    text = (
        expr.str.normalize("NFKD")
        .str.replace_all(r"\p{M}", "")
        .str.to_lowercase()
        .str.replace_all(r"[^\p{L}\p{N}@ ]+", " ")
        .str.replace_all(r"\s+", " ")
        .str.strip_chars()
    )
    return pl.when(text != "").then(text)


def split_full_name(value: str | None) -> tuple[str | None, str | None]:
    """(given, family) from one name field."""
    if not value or not value.strip():
        return None, None
    if "," in value:
        family, _, given = value.partition(",")
        return given.strip() or None, family.strip() or None
    tokens = value.split()
    upper = [t for t in tokens if len(t) > 1 and t.isupper()]
    if upper and len(upper) < len(tokens):
        return " ".join(t for t in tokens if t not in upper), " ".join(upper)
    if len(tokens) == 1:
        return None, tokens[0]
    return " ".join(tokens[:-1]), tokens[-1]


def parse_dates(values: pl.Expr) -> pl.Expr:
    """ISO text of each parseable date; null otherwise (best effort)."""
    text = values.str.to_lowercase().str.replace(r"^\s*n[ée]e? le\s+", "").str.strip_chars()
    for number, month in enumerate(FRENCH_MONTHS, start=1):
        text = text.str.replace(rf"\b{month}\b", str(number))
    parsed = [text.str.to_date(fmt, strict=False) for fmt in DATE_FORMATS]
    return pl.coalesce(parsed).dt.to_string("%Y-%m-%d")


def years_only(series: pl.Series) -> bool:
    values = series.drop_nulls()
    return values.len() > 0 and values.str.contains(r"^\s*\d{4}\s*$").mean() >= 0.9


def prepare_person(df: pl.DataFrame, columns: dict[str, Any]) -> tuple[pl.DataFrame, bool]:
    """The standard columns Splink's person model reads; (frame, dob is years only)."""

    def col(canonical: str) -> pl.Expr | None:
        theirs = columns.get(canonical)
        if theirs is None:
            return None
        if isinstance(theirs, str):
            return pl.col(theirs).cast(pl.String)
        return pl.concat_str([pl.col(t) for t in theirs], separator=" ", ignore_nulls=True)

    out: dict[str, pl.Expr] = {"unique_id": pl.col(columns["record_id"]).cast(pl.String)}
    given, family = col("given_name"), col("family_name")
    frame = df.select(
        given=given if given is not None else pl.lit(None, pl.String),
        family=family if family is not None else pl.lit(None, pl.String),
    )
    if "full_name" in columns:
        split = [split_full_name(v) for v in df[columns["full_name"]].to_list()]
        frame = frame.with_columns(
            given=pl.coalesce("given", pl.Series([s[0] for s in split], dtype=pl.String)),
            family=pl.coalesce("family", pl.Series([s[1] for s in split], dtype=pl.String)),
        )
    has_given = given is not None or "full_name" in columns
    has_family = family is not None or "full_name" in columns
    year_only = False
    simple = {
        "birthplace": "birth_place",
        "occupation": "occupation",
        "city": "city",
        "nationality": "nationality",
        "email": "email",
        "id_number": "id_number",
        "address": "address",
    }
    for canonical, name in simple.items():
        expr = col(canonical)
        if expr is not None:
            out[name] = clean(expr)
    if (expr := col("dob")) is not None:
        year_only = years_only(df.select(expr.alias("d")).to_series())
        out["dob"] = expr.str.strip_chars() if year_only else parse_dates(expr)
    if (expr := col("postcode")) is not None:
        text = expr.str.to_uppercase().str.replace_all(r"\s+", " ").str.strip_chars()
        out["postcode"] = pl.when(text != "").then(text)
    if (expr := col("phone")) is not None:
        digits = expr.str.replace_all(r"\D", "")
        out["phone"] = pl.when(digits.str.len_chars() >= 6).then(digits.str.slice(-9))
    if (expr := col("gender")) is not None:
        out["gender"] = clean(expr).str.slice(0, 1)
    table = df.select(**out)
    if has_given:
        table = table.with_columns(first_name=frame.select(clean(pl.col("given"))).to_series())
    if has_family:
        table = table.with_columns(surname=frame.select(clean(pl.col("family"))).to_series())
    if has_given and has_family:
        table = table.with_columns(
            first_name_surname_concat=pl.concat_str("first_name", "surname", separator=" ")
        )
    return table, year_only


def clean_raw(df: pl.DataFrame) -> pl.DataFrame:
    """FEBRL / fake_1000: strings trimmed, empty fields as nulls."""
    return df.with_columns(pl.all().cast(pl.String).str.strip_chars().replace("", None))


# --------------------------------------------------------------------------- models


def febrl_model(cols: set[str], link: bool) -> Model:
    dob = cl.DateOfBirthComparison(
        "date_of_birth", input_is_string=True, datetime_format="%Y%m%d", invalid_dates_as_null=True
    )
    tf = {"term_frequency_adjustments": True}
    if link:
        comps: list[tuple[Needs, Any]] = [
            (("given_name",), cl.NameComparison("given_name").configure(**tf)),
            (("surname",), cl.NameComparison("surname").configure(**tf)),
            (("date_of_birth",), dob),
            (("soc_sec_id",), cl.DamerauLevenshteinAtThresholds("soc_sec_id", [1, 2])),
            (("street_number",), cl.ExactMatch("street_number").configure(**tf)),
            (("postcode",), cl.DamerauLevenshteinAtThresholds("postcode", [1, 2]).configure(**tf)),
        ]
        blocking = [
            (("given_name", "surname"), block_on("given_name", "surname")),
            (("given_name", "surname"), "l.given_name = r.surname and l.surname = r.given_name"),
            (("date_of_birth",), block_on("date_of_birth")),
            (("soc_sec_id",), block_on("soc_sec_id")),
            (("state", "address_1"), block_on("state", "address_1")),
            (("street_number", "address_1"), block_on("street_number", "address_1")),
            (("postcode",), block_on("postcode")),
        ]
        deterministic = [
            (("soc_sec_id",), block_on("soc_sec_id")),
            (
                ("given_name", "surname", "date_of_birth"),
                block_on("given_name", "surname", "date_of_birth"),
            ),
        ]
        recall, source = 0.8, "Splink docs example febrl4 (link_only, detailed model)"
        em_kwargs = {"estimate_without_term_frequencies": True}
    else:
        comps = [
            (("given_name",), cl.NameComparison("given_name")),
            (("surname",), cl.NameComparison("surname")),
            (("date_of_birth",), dob),
            (("soc_sec_id",), cl.DamerauLevenshteinAtThresholds("soc_sec_id", [2])),
            (("street_number",), cl.ExactMatch("street_number").configure(**tf)),
            (("postcode",), cl.ExactMatch("postcode").configure(**tf)),
        ]
        blocking = [
            ((c,), block_on(c))
            for c in ("soc_sec_id", "given_name", "surname", "date_of_birth", "postcode")
        ]
        deterministic = [
            (("soc_sec_id",), block_on("soc_sec_id")),
            (
                ("given_name", "surname", "date_of_birth"),
                block_on("given_name", "surname", "date_of_birth"),
            ),
            (
                ("given_name", "surname", "date_of_birth"),
                "l.given_name = r.surname and l.surname = r.given_name "
                "and l.date_of_birth = r.date_of_birth",
            ),
        ]
        recall, source = 0.9, "Splink docs example febrl3 (dedupe)"
        em_kwargs = {}
    em = [(("date_of_birth",), block_on("date_of_birth")), (("postcode",), block_on("postcode"))]
    alt = [(("surname",), block_on("surname")), (("given_name",), block_on("given_name"))]
    return finish(
        cols,
        comps,
        blocking,
        deterministic,
        recall,
        em,
        alt,
        em_kwargs,
        source,
        u_max_pairs=1e6,
        u_seed=2 if not link else 1,
    )


def fake_1000_model(cols: set[str]) -> Model:
    comps: list[tuple[Needs, Any]] = [
        (("first_name",), cl.NameComparison("first_name")),
        (("surname",), cl.NameComparison("surname")),
        (("dob",), cl.LevenshteinAtThresholds("dob", 1)),
        (("city",), cl.ExactMatch("city").configure(term_frequency_adjustments=True)),
        (("email",), cl.EmailComparison("email")),
    ]
    blocking = [((c,), block_on(c)) for c in ("first_name", "city", "email", "dob")]
    deterministic = [
        (("first_name", "dob"), block_on("first_name", "dob")),
        (
            ("first_name", "surname"),
            "l.first_name = r.first_name and levenshtein(r.surname, l.surname) <= 2",
        ),
        (("email",), block_on("email")),
    ]
    em = [
        (("first_name", "surname"), block_on("first_name", "surname")),
        (("dob",), block_on("dob")),
    ]
    alt = [(("email",), block_on("email")), (("city",), block_on("city"))]
    return finish(
        cols,
        comps,
        blocking,
        deterministic,
        0.7,
        em,
        alt,
        {},
        "Splink tutorial: model of ch. 4, blocking of ch. 7",
        u_max_pairs=2e6,
        predict_threshold=0.01,
    )


def person_model(cols: set[str], year_only: bool, uk_postcodes: bool, historical: bool) -> Model:
    tf = {"term_frequency_adjustments": True}
    comps: list[tuple[Needs, Any]] = []
    if {"first_name", "surname"} <= cols:
        comps.append(
            (
                ("first_name", "surname"),
                cl.ForenameSurnameComparison(
                    "first_name",
                    "surname",
                    forename_surname_concat_col_name="first_name_surname_concat",
                ),
            )
        )
    else:
        comps += [((c,), cl.NameComparison(c).configure(**tf)) for c in ("first_name", "surname")]
    dob = cl.DateOfBirthComparison(
        "dob", input_is_string=True, datetime_format="%Y" if year_only else None
    )
    postcode = (
        cl.PostcodeComparison("postcode")
        if uk_postcodes
        else cl.ExactMatch("postcode").configure(**tf)
    )
    comps += [
        (("dob",), dob),
        (("postcode",), postcode),
        (("birth_place",), cl.ExactMatch("birth_place").configure(**tf)),
        (("occupation",), cl.ExactMatch("occupation").configure(**tf)),
        (("city",), cl.ExactMatch("city").configure(**tf)),
        (("email",), cl.EmailComparison("email")),
        (("phone",), cl.ExactMatch("phone")),
        (("nationality",), cl.ExactMatch("nationality").configure(**tf)),
        (("gender",), cl.ExactMatch("gender")),
        (("id_number",), cl.DamerauLevenshteinAtThresholds("id_number", [1, 2])),
        (("address",), cl.JaroWinklerAtThresholds("address", [0.9, 0.7])),
    ]
    year = "dob" if year_only else "substr(dob, 1, 4)"
    blocking = [
        (("first_name", "surname"), block_on("first_name", "surname")),
        (("first_name", "surname"), block_on("substr(first_name,1,3)", "substr(surname,1,4)")),
        (("surname", "dob"), block_on("surname", "dob")),
        (("first_name", "dob"), block_on("first_name", "dob")),
        (("postcode", "first_name"), block_on("postcode", "first_name")),
        (("postcode", "surname"), block_on("postcode", "surname")),
        (("dob", "birth_place"), block_on("dob", "birth_place")),
        (
            ("first_name", "surname", "dob"),
            block_on("substr(first_name,1,2)", "substr(surname,1,2)", year),
        ),
        (("email",), block_on("email")),
        (("phone",), block_on("phone")),
        (("first_name", "city"), block_on("first_name", "city")),
        (("surname", "city"), block_on("surname", "city")),
    ]
    deterministic = [
        (("first_name", "surname", "dob"), block_on("first_name", "surname", "dob")),
        (("dob", "postcode"), block_on("dob", "postcode")),
        (("first_name", "surname", "postcode"), block_on("first_name", "surname", "postcode")),
        (("email",), block_on("email")),
        (("phone", "surname"), block_on("phone", "surname")),
        (("first_name", "surname", "city"), block_on("first_name", "surname", "city")),
    ]
    second = [
        ((c,), block_on(c))
        for c in ("dob", "postcode", "email", "phone", "city", "birth_place")
        if c in cols
    ][:1]
    em = [(("first_name", "surname"), block_on("first_name", "surname")), *second]
    if not {"first_name", "surname"} <= cols:
        em = [
            ((c,), block_on(c))
            for c in ("dob", "postcode", "email", "phone", "city", "surname", "first_name")
            if c in cols
        ][:2]
    alt = [((c,), block_on(c)) for c in ("phone", "email", "postcode") if c in cols][:1]
    alt += [((c,), block_on(c)) for c in ("dob", "surname") if c in cols][:1]
    return finish(
        cols,
        comps,
        blocking,
        deterministic,
        0.6 if historical else 0.7,
        em,
        alt,
        {"estimate_without_term_frequencies": True},
        "Splink docs example deduplicate_50k_synthetic (historical_50k), adapted to the columns",
    )


def finish(
    cols: set[str],
    comps: list[tuple[Needs, Any]],
    blocking: list[tuple[Needs, Rule]],
    deterministic: list[tuple[Needs, Rule]],
    recall: float,
    em: list[tuple[Needs, Rule]],
    alt: list[tuple[Needs, Rule]],
    em_kwargs: dict[str, Any],
    source: str,
    **extra: Any,
) -> Model:
    """Keep what the present columns allow; fall back to some rule where none is left."""
    kept_blocking = keep(cols, blocking)
    if not kept_blocking:
        present = [c for needs, _ in comps for c in needs if c in cols]
        kept_blocking = [block_on(present[0])] if present else []
    kept_det = keep(cols, deterministic) or kept_blocking[:1]
    used = [*comps, *blocking, *deterministic, *em]
    return Model(
        comparisons=keep(cols, comps),
        blocking=kept_blocking,
        deterministic=kept_det,
        recall=recall,
        em_rules=keep(cols, em) or kept_blocking[:2],
        em_alternative=keep(cols, alt),
        em_kwargs=em_kwargs,
        signature=signature(cols, used),
        source=source,
        **extra,
    )


# --------------------------------------------------------------------------- running


def implausible(linker: Linker) -> int:
    """Comparison levels that look wrong: an exact (first non-null) level with m <= u or
    with m below 0.3 (true matches should mostly agree exactly on a field that is
    present), or a last ('else') level with m >= u."""
    model = linker.misc.save_model_to_json()
    bad = 0
    for comparison in model["comparisons"]:
        levels = [lv for lv in comparison["comparison_levels"] if not lv.get("is_null_level")]
        if not levels:
            continue
        first, last = levels[0], levels[-1]
        m, u = first.get("m_probability"), first.get("u_probability")
        if m is not None and u is not None and (m <= u or m < 0.3):
            bad += 1
        m, u = last.get("m_probability"), last.get("u_probability")
        if m is not None and u is not None and m >= u:
            bad += 1
    return bad


def train(
    sdf: Any, settings: SettingsCreator, model: Model, em_rules: list[Rule]
) -> tuple[Linker, int]:
    linker = Linker(sdf, settings, log_level=None)
    linker.training.estimate_probability_two_random_records_match(
        model.deterministic, recall=model.recall
    )
    linker.training.estimate_u_using_random_sampling(max_pairs=model.u_max_pairs, seed=model.u_seed)
    for rule in em_rules:
        try:
            linker.training.estimate_parameters_using_expectation_maximisation(
                rule, **model.em_kwargs
            )
        except Exception as exc:  # a session can fail (no pairs, nothing to estimate)
            print(f"EM session skipped: {exc}", file=sys.stderr)
    return linker, implausible(linker)


def run_splink(
    tables: list[pl.DataFrame], model: Model, link: bool
) -> tuple[pl.DataFrame, float, str]:
    start = time.perf_counter()
    db_api = DuckDBAPI()
    sdfs = [
        db_api.register(t.to_arrow(), dataset_display_name=f"t{i}") for i, t in enumerate(tables)
    ]
    settings = SettingsCreator(
        link_type="link_only" if link else "dedupe_only",
        unique_id_column_name="unique_id",
        comparisons=model.comparisons,
        blocking_rules_to_generate_predictions=model.blocking,
    )
    sdf = sdfs if link else sdfs[0]
    linker, bad = train(sdf, settings, model, model.em_rules)
    note = "EM: primary sessions"
    if bad and model.em_alternative:
        other, other_bad = train(sdf, settings, model, model.em_alternative)
        if other_bad < bad:
            linker, note = other, f"EM: alternative sessions ({bad} -> {other_bad} implausible)"
        else:
            note = f"EM: primary sessions ({bad} implausible levels, alternative no better)"
    predictions = linker.inference.predict(threshold_match_probability=model.predict_threshold)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
        predictions, threshold_match_probability=THRESHOLD
    )
    table = pl.from_arrow(clusters.as_pyarrow_table())
    assert isinstance(table, pl.DataFrame)
    out = table.select(
        record_id=pl.col("unique_id").cast(pl.String),
        entity_id=pl.col("cluster_id").cast(pl.String),
    )
    return out, time.perf_counter() - start, note


def evaluate(clusters: pl.DataFrame, truth: pl.DataFrame) -> dict[str, float]:
    """Pairwise and B-cubed scores from caselink.evaluate (caselink is in the system
    site-packages, which the Splink venv sees)."""
    import caselink

    return caselink.evaluate(clusters, truth).row(0, named=True)


def run_job(job: dict[str, Any], done: dict[tuple[str, str], dict[str, Any]]) -> dict[str, Any]:
    frames = [pl.read_parquet(p) for p in job["frames"]]
    truth = pl.read_parquet(job["truth"])
    columns: dict[str, Any] = dict(job["columns"])
    for canonical in job["drop"]:
        theirs = columns.pop(canonical)
        names = [theirs] if isinstance(theirs, str) else theirs
        frames = [f.drop(names, strict=False) for f in frames]
    kind = job["kind"]
    start = time.perf_counter()
    link = len(frames) == 2
    if kind in ("febrl", "febrl_link", "fake_1000"):
        tables = [clean_raw(f) for f in frames]
        uid = columns["record_id"]
        tables = [t.rename({uid: "unique_id"}) for t in tables]
        cols = set(tables[0].columns)
        model = febrl_model(cols, link) if kind != "fake_1000" else fake_1000_model(cols)
    else:
        prepared = [prepare_person(f, columns) for f in frames]
        tables = [t for t, _ in prepared]
        year_only = prepared[0][1]
        cols = {c for c in tables[0].columns if tables[0][c].null_count() < tables[0].height}
        postcodes = tables[0]["postcode"].drop_nulls() if "postcode" in cols else pl.Series([])
        uk = postcodes.len() > 0 and postcodes.str.contains(UK_POSTCODE).mean() >= 0.8
        model = person_model(cols, year_only, bool(uk), kind == "historical")
    if job.get("sweep"):
        model.u_max_pairs = min(model.u_max_pairs, 1e6)  # sweep runs: a shorter u estimate
    prep_s = time.perf_counter() - start
    key = (job["dataset"], model.signature)
    if key in done:
        row = dict(done[key])
        row.update(id=job["id"], note="model unchanged by the drop: result of the same model")
        return row
    clusters, wall, note = run_splink(tables, model, link)
    scores = evaluate(clusters, truth)
    row = {
        "id": job["id"],
        "tool": "splink",
        "wall_s": round(wall, 3),
        "prep_s": round(prep_s, 3),
        **{k: round(float(v), 4) for k, v in scores.items()},
        "model": model.source,
        "columns_used": model.signature,
        "note": note,
    }
    done[key] = row
    return row


def main() -> None:
    jobs = json.loads(Path(sys.argv[1]).read_text())
    out = Path(sys.argv[2])
    done: dict[tuple[str, str], dict[str, Any]] = {}
    for job in jobs:
        try:
            row = run_job(job, done)
        except Exception as exc:
            row = {"id": job["id"], "tool": "splink", "error": f"{type(exc).__name__}: {exc}"}
            traceback.print_exc()
        row["version"] = splink.__version__
        with out.open("a") as fh:
            fh.write(json.dumps(row) + "\n")


if __name__ == "__main__":
    main()
