"""caselink.dedupe and caselink.evaluate: invariants, accuracy floors, an oracle."""

from __future__ import annotations

import itertools

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import caselink
from caselink.datasets import SyntheticData, synthetic


@pytest.fixture(scope="module")
def data() -> SyntheticData:
    return synthetic(5_000, seed=0)


@pytest.fixture(scope="module")
def resolution(data: SyntheticData) -> caselink.Resolution:
    return caselink.dedupe(data.records.drop("true_person_id"))


def test_every_record_in_exactly_one_entity(data: SyntheticData, resolution) -> None:
    clusters = resolution.clusters
    assert clusters["record_id"].equals(data.records["record_id"])
    assert clusters["entity_id"].null_count() == 0
    assert resolution.entities["records"].sum() == data.records.height
    # entity ids are member record ids: the smallest of each entity
    smallest = clusters.group_by("entity_id").agg(pl.col("record_id").min())
    assert (smallest["entity_id"] == smallest["record_id"]).all()


def test_accuracy_on_synthetic_people(data: SyntheticData, resolution) -> None:
    scores = caselink.evaluate(resolution.clusters, data.truth.clusters()).row(0, named=True)
    # Measured with the defaults: pairwise F1 0.890 (P 0.946, R 0.841), B-cubed F1 0.945.
    assert scores["f1"] >= 0.87, scores
    assert scores["precision"] >= 0.92, scores
    assert scores["bcubed_f1"] >= 0.93, scores


def test_entity_ids_do_not_depend_on_row_order(data: SyntheticData, resolution) -> None:
    shuffled = data.records.drop("true_person_id").sample(fraction=1.0, shuffle=True, seed=3)
    again = caselink.dedupe(shuffled).clusters
    merged = resolution.clusters.join(again, on="record_id", suffix="_again")
    assert (merged["entity_id"] == merged["entity_id_again"]).all()


def test_pairs_carry_the_evidence(resolution) -> None:
    pairs = resolution.pairs
    assert pairs["match_probability"].is_between(0, 1).all()
    weights = [c for c in pairs.columns if c.endswith("_weight") and c != "match_weight"]
    assert len(weights) == 5
    # the match weight is the prior plus the evidence of each comparison
    prior_bits = pairs["match_weight"] - pairs.select(pl.sum_horizontal(weights)).to_series()
    assert prior_bits.max() - prior_bits.min() < 1e-9
    # every scored pair is counted in blocking; pairs keeps those at or above 1e-4
    assert resolution.blocking["new_pairs"].sum() >= pairs.height
    assert pairs["match_probability"].min() >= 1e-4  # type: ignore[operator]


def _oracle(pred: dict[str, str], truth: dict[str, str]) -> tuple[float, float]:
    same_pred = {p for p in itertools.combinations(sorted(pred), 2) if pred[p[0]] == pred[p[1]]}
    same_true = {p for p in itertools.combinations(sorted(pred), 2) if truth[p[0]] == truth[p[1]]}
    tp = len(same_pred & same_true)
    precision = tp / len(same_pred) if same_pred else 1.0
    recall = tp / len(same_true) if same_true else 1.0
    return precision, recall


@settings(max_examples=100, deadline=None)
@given(labels=st.lists(st.tuples(st.integers(0, 4), st.integers(0, 4)), min_size=1, max_size=25))
def test_evaluate_matches_a_brute_force_oracle(labels: list[tuple[int, int]]) -> None:
    ids = [f"r{i}" for i in range(len(labels))]
    pred = {r: f"e{p}" for r, (p, _) in zip(ids, labels, strict=True)}
    truth = {r: f"t{t}" for r, (_, t) in zip(ids, labels, strict=True)}
    got = caselink.evaluate(
        pl.DataFrame({"record_id": ids, "entity_id": list(pred.values())}),
        pl.DataFrame({"record_id": ids, "person": list(truth.values())}),
    ).row(0, named=True)
    precision, recall = _oracle(pred, truth)
    assert got["precision"] == pytest.approx(precision)
    assert got["recall"] == pytest.approx(recall)


def test_evaluate_pairs_by_threshold(data: SyntheticData, resolution) -> None:
    by_threshold = caselink.evaluate(resolution.pairs, data.truth.clusters())
    assert by_threshold["threshold"].to_list() == [0.5, 0.8, 0.9, 0.95, 0.99]
    assert by_threshold["precision"].is_sorted() or by_threshold["precision"].min() > 0.9


def test_bad_input() -> None:
    with pytest.raises(caselink.InvalidInputError, match="threshold"):
        caselink.dedupe(pl.DataFrame({"record_id": ["a"], "full_name": ["A"]}), threshold=2)
    with pytest.raises(caselink.InvalidInputError, match="duplicated ids"):
        caselink.dedupe(pl.DataFrame({"record_id": ["a", "a"], "full_name": ["A", "B"]}))
    empty = caselink.dedupe(pl.DataFrame(schema={"record_id": pl.String, "full_name": pl.String}))
    assert empty.clusters.height == 0
    single = caselink.dedupe(pl.DataFrame({"record_id": ["a"], "full_name": ["Ali"]}))
    assert single.clusters["entity_id"].to_list() == ["a"]
