"""Accuracy floors on the public benchmark data in ../shared/data (FEBRL 1, 2 and 4, and
Splink's fake_1000), cluster-level pairwise scores from caselink.evaluate against the
truth shipped with each file. Skipped when the data is not there."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

import caselink

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"

if not SHARED_DATA.is_dir():
    pytest.skip(f"benchmark data not found in {SHARED_DATA}", allow_module_level=True)

FEBRL: dict[str, str | list[str]] = {
    "record_id": "rec_id",
    "given_name": "given_name",
    "family_name": "surname",
    "dob": "date_of_birth",
    "address": ["street_number", "address_1", "address_2"],
    "city": "suburb",
    "postcode": "postcode",
    "id_number": "soc_sec_id",
}
FAKE_1000 = {
    "record_id": "unique_id",
    "given_name": "first_name",
    "family_name": "surname",
    "dob": "dob",
    "city": "city",
    "email": "email",
}


def _read(name: str) -> pl.DataFrame:
    return pl.read_csv(SHARED_DATA / name, infer_schema=False)


def _febrl_truth(*frames: pl.DataFrame) -> pl.DataFrame:
    """record_id -> entity: the number in the FEBRL id (``rec-123-dup-0`` -> ``123``)."""
    return pl.concat(
        f.select(
            pl.col("rec_id").alias("record_id"),
            pl.col("rec_id").str.extract(r"rec-(\d+)-").alias("entity"),
        )
        for f in frames
    )


def _scores(res: caselink.Resolution, truth: pl.DataFrame) -> dict[str, float]:
    return caselink.evaluate(res.clusters, truth).row(0, named=True)


@pytest.fixture(scope="module")
def febrl4() -> tuple[pl.DataFrame, pl.DataFrame]:
    return _read("febrl4a.csv"), _read("febrl4b.csv")


@pytest.fixture(scope="module")
def febrl2() -> pl.DataFrame:
    return _read("febrl2.csv")


@pytest.fixture(scope="module")
def febrl1() -> pl.DataFrame:
    return _read("febrl1.csv")


@pytest.fixture(scope="module")
def fake_1000() -> pl.DataFrame:
    return _read("fake_1000.csv")


@pytest.mark.parametrize(
    ("files", "links"),
    [
        (["febrl1.csv"], "febrl1_true_links.csv"),
        (["febrl2.csv"], "febrl2_true_links.csv"),
        (["febrl4a.csv", "febrl4b.csv"], "febrl4_true_links.csv"),
    ],
)
def test_febrl_truth_from_ids_matches_the_true_links(files: list[str], links: str) -> None:
    truth = _febrl_truth(*(_read(f) for f in files))
    from_ids = (
        truth.join(truth, on="entity", suffix="_r")
        .filter(pl.col("record_id") < pl.col("record_id_r"))
        .select(pl.col("record_id").alias("a"), pl.col("record_id_r").alias("b"))
    )
    shipped = _read(links).select(
        a=pl.min_horizontal("rec_id_1", "rec_id_2"), b=pl.max_horizontal("rec_id_1", "rec_id_2")
    )
    assert from_ids.sort("a", "b").equals(shipped.unique().sort("a", "b"))


def test_febrl4_link(febrl4: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    left, right = febrl4
    res = caselink.link(left, right, columns=FEBRL)
    assert res.clusters.height == left.height + right.height == 10_000
    assert res.linker.settings_used.comparison_names() == ["name", "dob", "address", "city",
                                                           "postcode", "id_number"]  # fmt: skip
    scores = _scores(res, _febrl_truth(left, right))
    # Measured: F1 0.9999 (P 1.0, R 0.9998); the floor is 0.995 (the Python Record
    # Linkage Toolkit's unsupervised ECM reaches 0.995 on this file).
    assert scores["f1"] >= 0.995, scores
    assert scores["precision"] >= 0.99, scores  # measured 1.0


def test_febrl2_dedupe(febrl2: pl.DataFrame) -> None:
    scores = _scores(caselink.dedupe(febrl2, columns=FEBRL), _febrl_truth(febrl2))
    # Measured: F1 0.9982 (P 1.0, R 0.9964).
    assert scores["f1"] >= 0.99, scores
    assert scores["precision"] >= 0.99, scores  # measured 1.0


def test_febrl1_dedupe(febrl1: pl.DataFrame) -> None:
    scores = _scores(caselink.dedupe(febrl1, columns=FEBRL), _febrl_truth(febrl1))
    # Measured: F1 1.0 (P 1.0, R 1.0).
    assert scores["f1"] >= 0.99, scores
    assert scores["precision"] >= 0.99, scores  # measured 1.0


@pytest.fixture(scope="module")
def fake_1000_truth(fake_1000: pl.DataFrame) -> pl.DataFrame:
    return fake_1000.select(pl.col("unique_id").alias("record_id"), "cluster")


@pytest.fixture(scope="module")
def fake_1000_unsupervised(fake_1000: pl.DataFrame, fake_1000_truth) -> dict[str, float]:
    return _scores(caselink.dedupe(fake_1000, columns=FAKE_1000), fake_1000_truth)


def test_fake_1000_dedupe(fake_1000_unsupervised: dict[str, float]) -> None:
    scores = fake_1000_unsupervised
    # Measured: F1 0.9350 (P 1.0, R 0.878). Splink 5.0's demo settings reach cluster-level
    # pairwise F1 0.84 at match probability 0.95 on this file; the issue asks for 0.93.
    assert scores["f1"] >= 0.925, scores
    assert scores["precision"] >= 0.98, scores  # measured 1.0


def test_fake_1000_with_clerical_labels(
    fake_1000: pl.DataFrame, fake_1000_truth, fake_1000_unsupervised: dict[str, float]
) -> None:
    labels = _read("fake_1000_labels.csv").rename(
        {"unique_id_l": "record_id_l", "unique_id_r": "record_id_r"}
    )
    # pairs with clerical_match_score 0 are read as non-matches and left out
    res = caselink.dedupe(fake_1000, columns=FAKE_1000, labels=labels)
    scores = _scores(res, fake_1000_truth)
    # Measured: F1 0.9466 with the labels, 0.9350 without.
    assert scores["f1"] >= fake_1000_unsupervised["f1"] - 0.01, scores
