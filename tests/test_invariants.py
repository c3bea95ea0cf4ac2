"""Properties every public function keeps, whatever the input (issue 8), checked with
hypothesis on small generated frames. Properties already covered elsewhere are not
repeated: standardise keeps every row in order on arbitrary text and is idempotent on
names (tests/test_standardise.py); every kernel is symmetric and bounded row-wise
(tests/test_similarity.py); entity and network ids do not depend on the row order of the
synthetic data (tests/test_linker.py, tests/test_networks.py).

Idempotence of standardise is meaningful for the fields whose output is itself a valid
input: the ISO date of birth, the ISO 3166 nationality code and E.164 phones read back
as themselves, and names already normalised give the same tokens and keys. It is not
meaningful for the quality flags (a placeholder ``01/01/1990`` read back from ISO is
still a placeholder, but a year-only date is written out as a full date, so its
``dob_quality`` is not kept) or for ``issues``.
"""

from __future__ import annotations

import numpy as np
import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

import caselink
from caselink import similarity

S = pl.String
FAST = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# A small pool of names, dates and phones, so that generated records often match (and
# sometimes almost match), with odd values mixed in.
NAMES = ["Kaiwan POORE", "POUR Kaywan", "Pur, Kajwan", "Ali Karimi", "KARIMI Ali",
         "Sara Ahmadi", "Mohammed Ahmed", "محمد أحمد", "Иван Петров", "😀", "", None]  # fmt: skip
DOBS = ["01/01/1990", "14/03/1990", "1990-03-14", "03/14/1990", "31/02/1990", "1985",
        "00/00/0000", "né le 14/03/1990", None]  # fmt: skip
PHONES = ["07700 900123", "+44 7700 900123", "06 12 34 56 78", "00 00 00 00 00", "n/a", None]
SOURCES = ["NCA", "HOIO", "OLTIM", "BKA", "PJF", "KMAR", "other"]


@st.composite
def records(draw: st.DrawFn, min_size: int = 0, max_size: int = 25) -> pl.DataFrame:
    rows = draw(
        st.lists(
            st.tuples(
                st.sampled_from(NAMES),
                st.sampled_from(DOBS),
                st.sampled_from(PHONES),
                st.sampled_from(SOURCES),
            ),
            min_size=min_size,
            max_size=max_size,
        )
    )
    return pl.DataFrame(
        {
            "record_id": [f"r{i:03d}" for i in range(len(rows))],
            "full_name": [r[0] for r in rows],
            "dob": [r[1] for r in rows],
            "phone": [r[2] for r in rows],
            "source": [r[3] for r in rows],
        },
        schema={"record_id": S, "full_name": S, "dob": S, "phone": S, "source": S},
    )


def _dedupe(frame: pl.DataFrame, seed: int = 42) -> caselink.Resolution:
    return caselink.dedupe(frame, seed=seed, progress=False)


# --- every input record exactly once --------------------------------------------------


@FAST
@given(frame=records())
def test_dedupe_keeps_every_record_once(frame: pl.DataFrame) -> None:
    res = _dedupe(frame)
    assert res.clusters["record_id"].to_list() == frame["record_id"].to_list()
    assert res.standardised["record_id"].to_list() == frame["record_id"].to_list()
    assert int(res.entities["records"].sum()) == frame.height
    # an entity id is one of its own records' ids
    assert set(res.clusters["entity_id"]) <= set(frame["record_id"])
    pairs = res.pairs
    assert (pairs["record_id_l"] != pairs["record_id_r"]).all()
    assert pairs.select("record_id_l", "record_id_r").is_unique().all()


@FAST
@given(frame=records(), cut=st.integers(0, 25))
def test_link_keeps_every_record_of_both_sets_once(frame: pl.DataFrame, cut: int) -> None:
    left, right = frame.head(cut), frame.slice(cut)
    res = caselink.link(left, right, progress=False)
    assert sorted(res.clusters["record_id"].to_list()) == sorted(frame["record_id"].to_list())
    # pairs only across the two sets
    left_ids = set(left["record_id"])
    across = res.pairs.select(
        pl.col("record_id_l").is_in(left_ids) != pl.col("record_id_r").is_in(left_ids)
    )
    assert across.to_series().all()


@FAST
@given(
    frame=records(),
    case_of=st.lists(st.integers(0, 5), min_size=25, max_size=25),
    objects=st.lists(
        st.tuples(
            st.integers(0, 7),
            st.sampled_from(["phone", "boat", "iban", "engine"]),
            st.sampled_from([*PHONES, "ABC-12345-D404", "GB82WEST12345698765432"]),
        ),
        max_size=15,
    ),
)
def test_link_cases_keeps_every_case_and_object_once(frame, case_of, objects) -> None:
    cases = pl.DataFrame({"case_id": [f"c{i}" for i in range(6)],
                          "jurisdiction": ["UK", "FR", "DE", "BE", "NL", None]})  # fmt: skip
    subjects = pl.DataFrame(
        {
            "case_id": [f"c{case_of[i]}" for i in range(frame.height)],
            "record_id": frame["record_id"],
        },
        schema={"case_id": S, "record_id": S},
    )
    objs = pl.DataFrame(
        {
            "case_id": [f"c{o[0]}" for o in objects],  # c6 and c7 are unknown cases
            "object_type": [o[1] for o in objects],
            "value": [o[2] for o in objects],
        },
        schema={"case_id": S, "object_type": S, "value": S},
    )
    nets = caselink.link_cases(cases, subjects, objs, _dedupe(frame))
    assert nets.cases["case_id"].to_list() == cases["case_id"].to_list()
    assert nets.cases["network_id"].null_count() == 0
    assert nets.objects.height == objs.height
    assert int(nets.networks["n_cases"].sum()) == cases.height
    # objects of unknown cases are kept and listed in issues, one entry each
    unknown = [i for i, o in enumerate(objects) if o[0] >= 6]
    listed = nets.issues.filter(
        (pl.col("table") == "case_objects") & pl.col("problem").str.contains("is not in cases")
    )
    assert listed["row"].to_list() == unknown


# --- determinism and order -------------------------------------------------------------


@FAST
@given(frame=records(min_size=2), seed=st.integers(0, 2**31 - 1))
def test_dedupe_is_deterministic_for_a_seed(frame: pl.DataFrame, seed: int) -> None:
    a, b = _dedupe(frame, seed), _dedupe(frame, seed)
    assert_frame_equal(a.clusters, b.clusters)
    assert_frame_equal(a.pairs, b.pairs)
    assert a.model == b.model


@FAST
@given(frame=records(min_size=2), data=st.data())
def test_entity_ids_do_not_depend_on_row_order(frame: pl.DataFrame, data: st.DataObject) -> None:
    order = data.draw(st.permutations(range(frame.height)))
    shuffled = frame[order]
    first = _dedupe(frame).clusters
    again = _dedupe(shuffled).clusters
    assert again["record_id"].to_list() == shuffled["record_id"].to_list()
    assert_frame_equal(first, again.sort("record_id"))


@FAST
@given(frame=records())
def test_standardise_is_deterministic_and_row_independent(frame: pl.DataFrame) -> None:
    whole = caselink.standardise(frame)
    assert_frame_equal(whole, caselink.standardise(frame))
    reversed_rows = caselink.standardise(frame.reverse()).reverse()
    assert_frame_equal(whole, reversed_rows)


# --- idempotence ----------------------------------------------------------------------------


@FAST
@given(frame=records(min_size=1))
def test_standardised_values_read_back_as_themselves(frame: pl.DataFrame) -> None:
    first = caselink.standardise(frame.drop("source"), profile="uk")
    again = caselink.standardise(
        first.select(
            "record_id",
            pl.col("full_name_norm").alias("full_name"),
            pl.col("dob").dt.strftime("%Y-%m-%d").alias("dob"),
            pl.col("nationality"),
            pl.col("phones").list.join(" / ").alias("phone"),
        ),
        profile="uk",
    )
    for column in ("dob", "nationality", "phones", "name_keys", "full_name_norm"):
        assert again[column].to_list() == first[column].to_list(), column


# --- similarity -------------------------------------------------------------------------------

text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20)


@settings(max_examples=50, deadline=None)
@given(a=st.lists(text, max_size=6), b=st.lists(text, max_size=6),
       scorer=st.sampled_from(similarity.SCORERS))  # fmt: skip
def test_cdist_is_symmetric_and_agrees_with_pairwise(a: list[str], b: list[str], scorer) -> None:
    ab = similarity.cdist(a, b, scorer=scorer)
    ba = similarity.cdist(b, a, scorer=scorer)
    assert ab.shape == (len(a), len(b))
    np.testing.assert_allclose(ab, ba.T, atol=1e-12)
    assert ((ab >= 0) & (ab <= 1)).all()
    if a and b:
        row = similarity.pairwise(a, [b[0]] * len(a), scorer=scorer).to_numpy()
        np.testing.assert_allclose(ab[:, 0], row, atol=1e-12)
