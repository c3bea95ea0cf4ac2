"""Resolution.entities (built in Rust) against the same summary written as a polars query."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import caselink
from caselink._core import summarise_entities
from caselink.exceptions import ColumnNotFoundError, InvalidInputError


def reference_entities(clusters: pl.DataFrame, std: pl.DataFrame) -> pl.DataFrame:
    """One row per entity, by polars group_by: the independent reference."""
    joined = clusters.hstack(std.drop("record_id"))
    sources = (
        [pl.col("source").cast(pl.String).unique().sort().alias("sources")]
        if "source" in std.columns
        else []
    )
    return (
        joined.group_by("entity_id")
        .agg(
            pl.len().alias("records"),
            pl.col("full_name_norm").drop_nulls().mode().sort().first().alias("name"),
            pl.col("full_name_norm").drop_nulls().unique().sort().alias("name_variants"),
            pl.col("dob").drop_nulls().unique().sort().alias("dobs"),
            pl.col("nationality").drop_nulls().unique().sort().alias("nationalities"),
            pl.col("phones")
            .list.explode(keep_nulls=False, empty_as_null=False)
            .drop_nulls()
            .unique()
            .sort()
            .alias("phones"),
            *sources,
        )
        .sort("records", "entity_id", descending=[True, False])
    )


def test_entities_of_a_resolution_match_the_polars_reference() -> None:
    data = caselink.datasets.synthetic(1500, seed=11)
    res = caselink.dedupe(data.records.drop("true_person_id"), progress=False)
    expected = reference_entities(res.clusters, res.standardised)
    assert res.entities.equals(expected)
    assert res.entities["records"].sum() == data.records.height
    assert res.entities.height < data.records.height


names = st.one_of(st.none(), st.sampled_from(["ali khan", "aly khan", "b", "zed"]))
dates = st.one_of(st.none(), st.dates(dt.date(1950, 1, 1), dt.date(2005, 1, 1)))
phones = st.lists(st.sampled_from(["+441", "+332", "+493"]), max_size=3)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 5),
            names,
            dates,
            st.sampled_from([None, "IRQ", "IRN"]),
            phones,
            st.sampled_from([None, "NCA", "BKA"]),
        ),
        max_size=25,
    )
)
def test_any_records_summarise_as_the_reference_does(rows: list[tuple]) -> None:
    clusters = pl.DataFrame(
        {
            "record_id": [f"r{k}" for k in range(len(rows))],
            "entity_id": [f"e{r[0]}" for r in rows],
        },
        schema={"record_id": pl.String, "entity_id": pl.String},
    )
    std = pl.DataFrame(
        {
            "record_id": [f"r{k}" for k in range(len(rows))],
            "source": [r[5] for r in rows],
            "full_name_norm": [r[1] for r in rows],
            "dob": [r[2] for r in rows],
            "nationality": [r[3] for r in rows],
            "phones": [r[4] for r in rows],
        },
        schema={
            "record_id": pl.String,
            "source": pl.String,
            "full_name_norm": pl.String,
            "dob": pl.Date,
            "nationality": pl.String,
            "phones": pl.List(pl.String),
        },
    )
    assert summarise_entities(clusters, std).equals(reference_entities(clusters, std))
    without_source = std.drop("source")
    assert summarise_entities(clusters, without_source).equals(
        reference_entities(clusters, without_source)
    )


def test_bad_frames_raise_typed_errors() -> None:
    data = caselink.datasets.synthetic(50, seed=1)
    res = caselink.dedupe(data.records.drop("true_person_id"), progress=False)
    with pytest.raises(ColumnNotFoundError, match="entity_id"):
        summarise_entities(res.clusters.drop("entity_id"), res.standardised)
    with pytest.raises(InvalidInputError, match="same records in the same order"):
        summarise_entities(res.clusters.head(3), res.standardised)
