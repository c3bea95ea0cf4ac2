"""The independent (Faker-based) generator of benchmarks/independent_generator.py: seeded
output, truth covering every record once, historical records that look historical, and
column mappings that name real columns. No accuracy floors here."""

from __future__ import annotations

import sys
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

pytest.importorskip("faker")

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import independent_generator as gen

PEOPLE = 150


@pytest.fixture(scope="module")
def generated() -> dict[str, gen.Generated]:
    return {name: make(people=PEOPLE, seed=3) for name, make in gen.VARIANTS.items()}


@pytest.mark.parametrize("name", list(gen.VARIANTS))
def test_same_seed_same_output(name: str, generated: dict[str, gen.Generated]) -> None:
    records, truth, columns = gen.VARIANTS[name](people=PEOPLE, seed=3)
    assert_frame_equal(records, generated[name][0])
    assert_frame_equal(truth, generated[name][1])
    assert columns == generated[name][2]
    other, _, _ = gen.VARIANTS[name](people=PEOPLE, seed=4)
    assert not other.equals(records)


@pytest.mark.parametrize("name", list(gen.VARIANTS))
def test_truth_covers_every_record_once(name: str, generated: dict[str, gen.Generated]) -> None:
    records, truth, columns = generated[name]
    ids = records[columns["record_id"]]
    assert truth.columns == ["record_id", "person"]
    assert truth.schema["record_id"] == pl.String
    assert truth["record_id"].is_unique().all()
    assert ids.is_unique().all()
    assert truth.height == records.height
    assert set(truth["record_id"]) == set(ids)
    assert truth["person"].null_count() == 0


@pytest.mark.parametrize("name", list(gen.VARIANTS))
def test_mapping_names_existing_columns(name: str, generated: dict[str, gen.Generated]) -> None:
    records, _, columns = generated[name]
    assert "record_id" in columns
    for theirs in columns.values():
        for column in [theirs] if isinstance(theirs, str) else theirs:
            assert column in records.columns, (name, column)
    assert all(dtype == pl.String for dtype in records.schema.values())


def test_historical_has_many_records_per_person_born_before_1900(
    generated: dict[str, gen.Generated],
) -> None:
    records, truth, columns = generated["historical"]
    per_person = truth.group_by("person").len()["len"]
    assert per_person.mean() > 3
    assert per_person.max() <= 20
    years = records[columns["dob"]].drop_nulls().str.slice(0, 4).cast(pl.Int32)
    assert years.len() > 0
    assert years.max() < 1900
    assert years.min() >= 1590  # 1600 less a few years of recording error


def test_no_dates_has_no_dob_column(generated: dict[str, gen.Generated]) -> None:
    records, _, columns = generated["no_dates"]
    assert "dob" not in columns
    assert not any("dob" in c or "birth" in c for c in records.columns)


def test_year_only_dates_are_years(generated: dict[str, gen.Generated]) -> None:
    records, _, columns = generated["year_only"]
    assert records[columns["dob"]].drop_nulls().str.contains(r"^\d{4}$").all()
