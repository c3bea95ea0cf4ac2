"""Similarity kernels checked against rapidfuzz (an independent implementation)."""

from __future__ import annotations

import itertools
import logging
import time

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


# --- the length cap: quadratic kernels never see a 10 MB cell ---------------------------------


@pytest.mark.parametrize("scorer", similarity.SCORERS)
def test_a_ten_megabyte_cell_is_null_and_reported(
    scorer: str, caplog: pytest.LogCaptureFixture
) -> None:
    # Without the cap, two such cells took over a minute (Jaro-Winkler, Levenshtein,
    # Damerau-Levenshtein) or tried to allocate terabytes (name: every token pair).
    huge = "ab " * 3_500_000
    other = "ba " * 3_500_000
    started = time.perf_counter()
    with caplog.at_level(logging.WARNING, logger="caselink"):
        row = similarity.pairwise(
            pl.Series("notes", [huge, "ali", huge, None]), [other, "aly", "ali", "ali"], scorer
        )
        matrix = similarity.cdist([huge, "ali"], ["ali", other, None], scorer)
    assert time.perf_counter() - started < 10  # generous: about 0.05 s measured
    # null (not a score, not 0) where either side is too long; the rest scored as before
    assert row.to_list()[0] is None
    assert row.to_list()[2] is None
    assert row.to_list()[3] is None  # an ordinary null stays null
    assert row.to_list()[1] == similarity.pairwise(["ali"], ["aly"], scorer)[0]
    assert np.isnan(matrix[0]).all()
    assert np.isnan(matrix[:, 1]).all()
    assert matrix[1, 0] == pytest.approx(similarity.pairwise(["ali"], ["ali"], scorer)[0])
    assert matrix[1, 2] == 0.0  # a missing choice still scores 0
    # the reason: which input, how many values, the longest and the cap
    messages = [r.getMessage() for r in caplog.records if r.name == "caselink"]
    assert any(
        f"similarity {scorer}: 2 value(s) of a (notes) are longer than 4,096" in m
        and "10,500,000" in m
        for m in messages
    ), messages
    assert any("1 value(s) of b are longer" in m for m in messages), messages
    assert any("of queries" in m for m in messages)
    assert any("of choices" in m for m in messages)


@pytest.mark.parametrize("scorer", sorted(ORACLES))
def test_values_up_to_the_cap_are_scored_unchanged(scorer: str) -> None:
    at_cap = ("mohammed ali " * 400)[: similarity.MAX_CHARS]
    near = at_cap[::-1]
    over = at_cap + "x"
    got = similarity.pairwise([at_cap, at_cap, over], [near, over, near], scorer).to_list()
    assert got[0] == pytest.approx(ORACLES[scorer](at_cap, near), abs=1e-12)
    assert got[1:] == [None, None]


def test_the_cap_counts_characters_and_joined_tokens() -> None:
    cap = similarity.MAX_CHARS
    wide = "é" * cap  # 2 bytes a character: counted in characters, so within the cap
    assert similarity.levenshtein([wide], [wide]).to_list() == [1.0]
    tokens = ["ab"] * (cap // 3 + 1)  # joined with spaces: 3 * n - 1 > cap characters
    assert similarity.token_set([tokens], [["ab"]]).to_list() == [None]
    assert similarity.token_set([tokens[:-1]], [["ab"]]).to_list() == [1.0]  # 3n - 4 chars


def test_standardised_names_always_fit_under_the_cap() -> None:
    # Every name field is read up to 1,024 bytes, so no standardised name reaches the cap.
    huge = " ".join(f"w{i}" for i in range(2_000_000))
    std = caselink.standardise(
        pl.DataFrame(
            {
                "record_id": ["a"],
                "given_name": [huge],
                "family_name": [huge[::-1]],
                "full_name": [huge.upper()],
                "alias": [huge.title()],
            }
        )
    )
    joined = std["name_keys"].list.join(" ")
    assert joined.str.len_chars()[0] <= similarity.MAX_CHARS
    assert similarity.name(std["name_keys"], std["name_keys"]).to_list() == [1.0]


around_cap = st.builds(
    lambda n, fill: (fill * similarity.MAX_CHARS)[:n],
    st.integers(similarity.MAX_CHARS - 2, similarity.MAX_CHARS + 2),
    st.sampled_from(["a", "ab ", "zoë ", "али "]),
)


@pytest.mark.parametrize("scorer", similarity.SCORERS)
@settings(max_examples=20, deadline=None)
@given(a=st.one_of(text, around_cap), b=st.one_of(text, around_cap))
def test_the_cap_keeps_kernels_symmetric(scorer: str, a: str, b: str) -> None:
    ab = similarity.pairwise([a], [b], scorer)[0]
    ba = similarity.pairwise([b], [a], scorer)[0]
    over = max(len(a), len(b)) > similarity.MAX_CHARS
    assert (ab is None) == (ba is None) == over
    if not over:
        assert ab == pytest.approx(ba, abs=1e-12)
        assert 0.0 <= ab <= 1.0
