"""Similarity kernels checked against rapidfuzz (an independent implementation)."""

from __future__ import annotations

import itertools

import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz
from rapidfuzz.distance import DamerauLevenshtein, JaroWinkler, Levenshtein

import caselink
from caselink import similarity

text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=25)
words = st.lists(st.sampled_from(["ali", "karimi", "abdul", "rahman", "mohammed", "muhammad",
                                  "zoë", "x", "poore", "pour"]), max_size=5)  # fmt: skip
ORACLES = {
    "jaro_winkler": JaroWinkler.normalized_similarity,
    "levenshtein": Levenshtein.normalized_similarity,
    "damerau_levenshtein": DamerauLevenshtein.normalized_similarity,
}


@pytest.mark.parametrize("scorer", sorted(ORACLES))
@settings(max_examples=300, deadline=None)
@given(pairs=st.lists(st.tuples(text, text), min_size=1, max_size=20))
def test_edit_kernels_agree_with_rapidfuzz(scorer: str, pairs: list[tuple[str, str]]) -> None:
    a, b = [p[0] for p in pairs], [p[1] for p in pairs]
    ours = similarity.pairwise(a, b, scorer).to_list()
    expected = [ORACLES[scorer](x, y) for x, y in pairs]
    assert ours == pytest.approx(expected, abs=1e-9)


@settings(max_examples=300, deadline=None)
@given(a=words, b=words)
def test_token_set_agrees_with_rapidfuzz(a: list[str], b: list[str]) -> None:
    x, y = " ".join(a), " ".join(b)
    ours = similarity.token_set([x], [y])[0]
    assert ours == pytest.approx(fuzz.token_set_ratio(x, y) / 100, abs=1e-9)


@pytest.mark.parametrize("scorer", similarity.SCORERS)
@settings(max_examples=100, deadline=None)
@given(a=text, b=text)
def test_every_kernel_is_symmetric_and_bounded(scorer: str, a: str, b: str) -> None:
    ab = similarity.pairwise([a], [b], scorer)[0]
    ba = similarity.pairwise([b], [a], scorer)[0]
    assert ab == pytest.approx(ba, abs=1e-12)
    assert 0.0 <= ab <= 1.0


@settings(max_examples=100, deadline=None)
@given(tokens=st.lists(st.sampled_from(["kaiwan", "poore", "ali", "hassan"]), min_size=1,
                       max_size=4))  # fmt: skip
def test_name_similarity_ignores_order(tokens: list[str]) -> None:
    for perm in itertools.islice(itertools.permutations(tokens), 6):
        assert similarity.name([tokens], [list(perm)])[0] == pytest.approx(1.0)


def test_name_similarity_handles_compounds_and_dropped_names() -> None:
    s = similarity.name(
        ["abdul rahman ali", "ahmed mohamed osman", "ahmed osman"],
        ["abdulrahman ali", "ahmed osman", "bashir karimi"],
    ).to_list()
    assert s[0] > 0.9
    assert s[1] > 0.9
    assert s[2] < 0.7


def test_cdist_matches_pairwise_and_handles_nulls() -> None:
    q = ["ali", None, "mohammed"]
    c = ["aly", "muhammad", None, ""]
    matrix = similarity.cdist(q, c, "jaro_winkler")
    assert matrix.shape == (3, 4)
    assert matrix.dtype == np.float64
    for i, j in itertools.product(range(3), range(4)):
        if q[i] is None or c[j] is None:
            assert matrix[i, j] == 0.0
        else:
            assert matrix[i, j] == pytest.approx(JaroWinkler.normalized_similarity(q[i], c[j]))
    assert similarity.cdist([], ["a"]).shape == (0, 1)
    row = similarity.pairwise(q, c[:3])
    assert row.null_count() == 2


def test_list_columns_from_standardise_are_accepted() -> None:
    std = caselink.standardise(
        pl.DataFrame({"record_id": [1, 2], "full_name": ["POORE Kaiwan", "Pur, Kajwan"]}),
        profile="uk",
    )
    keys = std["name_keys"]
    assert similarity.name(keys[:1], keys[1:])[0] == pytest.approx(1.0)


def test_bad_arguments() -> None:
    with pytest.raises(caselink.InvalidInputError, match="unknown scorer"):
        similarity.pairwise(["a"], ["b"], "soundex")  # type: ignore[arg-type]
    with pytest.raises(caselink.InvalidInputError, match="same length"):
        similarity.pairwise(["a"], ["b", "c"])
    with pytest.raises(caselink.SchemaError, match="Int64"):
        similarity.pairwise(pl.Series([1]), ["b"])
