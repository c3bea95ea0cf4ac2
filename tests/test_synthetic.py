"""The synthetic generator checked against its own truth and against independent checks."""

from __future__ import annotations

import math
import re

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from polars.testing import assert_frame_equal

import caselink
from caselink.datasets import SyntheticData, synthetic

FRAMES = ["records", "persons", "cases", "case_subjects", "case_objects", "events"]
EVENT_TYPES = {
    "arrest", "charge", "conviction", "acquittal", "sentence", "fine",
    "extradition_request", "extradition", "seizure_boat", "seizure_engine",
    "crossing_prevented", "death_at_sea",
}  # fmt: skip


@pytest.fixture(scope="module")
def data() -> SyntheticData:
    return synthetic()


@pytest.fixture(scope="module")
def records_with_truth(data: SyntheticData) -> pl.DataFrame:
    return data.records.join(data.truth.records, on="record_id").join(
        data.persons.select(
            pl.col("person_id"),
            pl.col("dob").alias("true_dob"),
            "dob_known",
            pl.col("family_name").alias("true_family"),
        ),
        on="person_id",
    )


def test_documented_columns(data: SyntheticData) -> None:
    assert data.records.columns == [
        "record_id", "source", "given_name", "family_name", "full_name", "dob",
        "nationality", "phone", "gender", "alias", "true_person_id",
    ]  # fmt: skip
    assert data.events.columns == [
        "event_id", "case_id", "record_id", "event_type", "date", "quantity", "currency",
    ]  # fmt: skip
    assert data.events.schema["date"] == pl.Date
    assert data.cases.schema["opened"] == pl.Date
    assert set(data.events["event_type"].unique()) == EVENT_TYPES
    assert data.persons.height == 5_000


def test_same_seed_same_data_other_seed_other_data() -> None:
    a, b, c = synthetic(400, seed=3), synthetic(400, seed=3), synthetic(400, seed=4)
    for name in FRAMES:
        assert_frame_equal(getattr(a, name), getattr(b, name))
    assert_frame_equal(a.truth.records, b.truth.records)
    assert not a.records.equals(c.records)


def _assert_integrity(d: SyntheticData) -> None:
    record_ids = d.records["record_id"]
    case_ids = d.cases["case_id"]
    assert record_ids.is_unique().all()
    assert case_ids.is_unique().all()
    assert d.events["event_id"].is_unique().all()
    assert d.case_subjects["record_id"].is_in(record_ids.implode()).all()
    assert d.case_subjects["case_id"].is_in(case_ids.implode()).all()
    assert d.case_objects["case_id"].is_in(case_ids.implode()).all()
    assert d.events["case_id"].is_in(case_ids.implode()).all()
    assert d.events["record_id"].drop_nulls().is_in(record_ids.implode()).all()
    # Truth frames line up with what they describe.
    assert d.truth.records["record_id"].equals(record_ids)
    assert d.truth.cases["case_id"].equals(case_ids)
    assert d.truth.objects.select("case_id", "object_type", "value").equals(d.case_objects)
    assert (d.records["true_person_id"] == d.truth.records["person_id"]).all()
    # Every person is held by at least one agency and the counts agree.
    counts = d.records.group_by("true_person_id").len()
    assert counts.height == d.persons.height
    joined = d.persons.join(counts, left_on="person_id", right_on="true_person_id")
    assert (joined["n_records"] == joined["len"]).all()
    # A case's subjects are people of the case's network.
    subj = d.case_subjects.join(d.truth.cases, on="case_id").join(
        d.truth.records, on="record_id", suffix="_of_record"
    )
    assert (subj["network_id"] == subj["network_id_of_record"]).all()


def test_referential_integrity(data: SyntheticData) -> None:
    _assert_integrity(data)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(people=st.integers(1, 250), seed=st.integers(0, 2**64 - 1))
def test_integrity_for_any_seed_and_size(people: int, seed: int) -> None:
    d = synthetic(people, seed=seed)
    assert d.persons.height == people
    _assert_integrity(d)


def test_networks_have_3_to_25_people(data: SyntheticData) -> None:
    sizes = data.persons.group_by("network_id").len()["len"]
    assert sizes.min() >= 3
    assert sizes.max() <= 25
    assert 5 < sizes.mean() < 12


def test_agencies_write_in_their_conventions(data: SyntheticData) -> None:
    r = data.records
    year_only = r"|\d{4}"

    def share(source: str, column: str, pattern: str) -> float:
        values = r.filter(pl.col("source") == source)[column].drop_nulls()
        return values.str.contains(f"^(?:{pattern})$").mean()

    assert share("NCA", "dob", r"\d{2}/\d{2}/\d{4}" + year_only) == 1.0
    assert share("HOIO", "dob", r"\d{4}-\d{2}-\d{2}" + year_only) == 1.0
    assert share("BKA", "dob", r"(\d{2}|XX)\.(\d{2}|XX)\.\d{4}" + year_only) == 1.0
    assert share("KMAR", "dob", r"\d{2}-\d{2}-\d{4}" + year_only) == 1.0
    # French dates come with "né le" / "se disant" now and then.
    assert share("OLTIM", "dob", r"((se disant )?née? le )?(\d{2}/\d{2}/\d{4}|\d{4})") == 1.0
    assert 0.0 < share("OLTIM", "dob", r"(se disant )?née? le .*") < 0.2

    assert share("HOIO", "given_name", r"[A-Z][A-Z \-]*") == 1.0
    assert share("HOIO", "nationality", r"[A-Z]{3}") == 1.0
    assert share("HOIO", "phone", r"\+\d{8,14}") == 1.0
    # OLTIM: "FAMILY Given"; BKA: "Family, Given"; both in one field.
    oltim = r.filter(pl.col("source") == "OLTIM")
    assert oltim["given_name"].null_count() == oltim.height
    two_part = oltim["full_name"].str.split(" ").list.len() > 1
    first_upper = oltim["full_name"].str.split(" ").list.first()
    assert (
        first_upper.filter(two_part) == first_upper.filter(two_part).str.to_uppercase()
    ).mean() > 0.99
    bka = r.filter(pl.col("source") == "BKA")["full_name"]
    assert bka.str.contains(", ").mean() > 0.6
    # Nationalities as each language writes them.
    assert "Iraqi" in r.filter(pl.col("source") == "NCA")["nationality"].to_list()
    assert {"irakien", "Irak"} & set(oltim["nationality"].to_list())
    assert "irakisch" in r.filter(pl.col("source") == "BKA")["nationality"].to_list()


def _within(observed: float, expected: float, n: int) -> bool:
    """Observed share within 4 standard errors (plus a little slack) of the rate."""
    se = math.sqrt(expected * (1 - expected) / max(n, 1))
    return abs(observed - expected) <= 4 * se + 0.005


def test_realised_corruption_rates_match_documented(
    data: SyntheticData, records_with_truth: pl.DataFrame
) -> None:
    rates = data.truth.rates
    t = records_with_truth
    checks = {
        "typo": t,
        "dob_missing": t,
        "nationality_missing": t,
        "gender_missing": t,
        "phone_present": t,
        "swapped_names": t.filter(pl.col("true_family").is_not_null()),
        "nationality_claimed": t.filter(~pl.col("nationality_missing")),
        "dob_year_off": t.filter(pl.col("dob_known") & ~pl.col("dob_missing")),
        "dob_swapped": t.filter(
            pl.col("dob_known")
            & ~pl.col("dob_missing")
            & (pl.col("true_dob").dt.day() <= 12)
            & (pl.col("true_dob").dt.day() != pl.col("true_dob").dt.month())
        ),
    }
    for name, eligible in checks.items():
        observed = eligible[name].mean()
        assert _within(observed, rates[name], eligible.height), (name, observed, rates[name])
    known = t.filter(pl.col("dob_known") & ~pl.col("dob_missing"))
    either = (known["dob_placeholder"] | known["dob_year_only"]).mean()
    assert _within(either, rates["dob_placeholder"] + rates["dob_year_only"], known.height)
    assert 0.03 < t["translit_variant"].mean() <= rates["translit_variant"] + 0.01


def test_corrupted_dates_really_differ_from_the_truth(records_with_truth: pl.DataFrame) -> None:
    swapped = records_with_truth.filter(pl.col("dob_swapped") & (pl.col("source") == "NCA"))
    expected = swapped["true_dob"].dt.strftime("%m/%d/%Y")
    assert swapped.height > 0
    assert (swapped["dob"].str.slice(-10) == expected).all()
    clean = records_with_truth.filter(
        (pl.col("source") == "HOIO")
        & pl.col("dob_known")
        & ~pl.any_horizontal(
            "dob_missing", "dob_placeholder", "dob_year_only", "dob_swapped", "dob_year_off"
        )
    )
    assert (clean["dob"] == clean["true_dob"].dt.strftime("%Y-%m-%d")).all()


def test_hard_negatives_exact_name_and_dob_merge_different_people(data: SyntheticData) -> None:
    key = pl.concat_str(
        [pl.col("source"), pl.col("given_name"), pl.col("family_name"),
         pl.col("full_name"), pl.col("dob")],
        separator="|", ignore_nulls=True,
    )  # fmt: skip
    groups = (
        data.records.filter(pl.col("dob").is_not_null())
        .group_by(key.alias("key"))
        .agg(pl.col("true_person_id").n_unique().alias("people"))
    )
    assert groups.filter(pl.col("people") > 1).height >= 10
    siblings = data.persons.filter(pl.col("sibling_group").is_not_null())
    per_group = siblings.group_by("sibling_group").agg(
        pl.col("family_name").n_unique().alias("families"),
        pl.col("phone").n_unique().alias("phones"),
        pl.len(),
    )
    assert per_group.height > 20
    assert (per_group["len"] >= 2).all()
    assert (per_group["families"] == 1).all()
    assert (per_group["phones"] == 1).all()


def test_event_chronology(data: SyntheticData) -> None:
    e = data.events
    as_of = pl.lit(data.truth.as_of).str.to_date()
    assert e.filter(pl.col("date") > as_of).height == 0
    first = e.filter(pl.col("record_id").is_not_null()).pivot(
        on="event_type", index=["case_id", "record_id"], values="date", aggregate_function="min"
    )
    for before, after in [
        ("arrest", "charge"), ("charge", "conviction"), ("charge", "acquittal"),
        ("arrest", "extradition_request"), ("extradition_request", "extradition"),
    ]:  # fmt: skip
        both = first.filter(pl.col(before).is_not_null() & pl.col(after).is_not_null())
        assert both.height > 0, (before, after)
        assert (both[before] <= both[after]).all(), (before, after)
    assert (
        first.filter(pl.col("conviction").is_not_null() & pl.col("acquittal").is_not_null()).height
        == 0
    )
    sentenced = first.filter(pl.col("sentence").is_not_null())
    assert (sentenced["sentence"] == sentenced["conviction"]).all()
    opened = e.join(data.cases, on="case_id")
    assert (opened["date"] >= opened["opened"]).all()
    fines = e.filter(pl.col("event_type") == "fine")
    assert fines["currency"].is_in(["EUR", "GBP"]).all()
    assert (
        fines.join(data.cases, on="case_id")
        .select((pl.col("currency") == "GBP") == (pl.col("jurisdiction") == "UK"))
        .to_series()
        .all()
    )


def test_about_a_fifth_of_arrests_pending_and_events_agree(data: SyntheticData) -> None:
    p = data.truth.prosecutions
    pending = (p["outcome"] == "pending").mean()
    assert 0.12 <= pending <= 0.30, pending
    concluded = data.events.filter(pl.col("event_type").is_in(["conviction", "acquittal"]))
    pending_rows = p.filter(pl.col("outcome") == "pending")
    clash = pending_rows.join(concluded, on=["case_id", "record_id"])
    assert clash.height == 0
    assert concluded.height == p.filter(pl.col("outcome") != "pending").height


def test_same_person_arrested_in_two_jurisdictions_under_different_records(
    data: SyntheticData,
) -> None:
    arrests = (
        data.events.filter(pl.col("event_type") == "arrest")
        .join(data.cases.select("case_id", "jurisdiction"), on="case_id")
        .join(data.truth.records.select("record_id", "person_id"), on="record_id")
    )
    spread = arrests.group_by("person_id").agg(
        pl.col("jurisdiction").n_unique().alias("jurisdictions"),
        pl.col("record_id").n_unique().alias("records"),
    )
    assert spread.filter((pl.col("jurisdictions") >= 2) & (pl.col("records") >= 2)).height > 50


def _iban_ok(value: str) -> bool:
    """Independent ISO 13616 mod-97 check."""
    s = value.replace(" ", "").upper()
    digits = "".join(str(int(c, 36)) for c in s[4:] + s[:4])
    return int(digits) % 97 == 1


def test_objects_canonical_keys_and_iban_checksums(data: SyntheticData) -> None:
    o = data.truth.objects
    ibans = o.filter(pl.col("object_type") == "iban")
    assert ibans.height > 100
    for value, invalid in ibans.select("value", "invalid").iter_rows():
        assert _iban_ok(value) != invalid, value
    assert 0 < ibans["invalid"].sum() < ibans.height * 0.15
    for kind in ["boat", "engine", "vehicle"]:
        rows = o.filter((pl.col("object_type") == kind) & ~pl.col("chance_shared"))
        canon = rows["value"].str.to_uppercase().str.replace_all(r"[^A-Z0-9]", "")
        assert (canon == rows["object_key"]).all(), kind
    boats = o.filter(pl.col("object_type") == "boat")
    assert boats["object_key"].str.contains(r"^[A-Z]{5}[A-Z0-9]{5}[A-L]\d{3}$").all()
    phones = o.filter((pl.col("object_type") == "phone") & ~pl.col("chance_shared"))
    written = phones["value"].str.replace_all(r"\D", "")
    national = phones["object_key"].str.replace(r"^\+(44|33|49|32|31|964|93)", "")
    assert all(w.endswith(n) for w, n in zip(written, national, strict=True))
    # Objects of one network link several of its cases; some hubs cross networks.
    shared = (
        o.filter(~pl.col("chance_shared"))
        .group_by("object_key")
        .agg(
            pl.col("case_id").n_unique().alias("cases"),
            pl.col("network_id").n_unique().alias("nets"),
        )
    )
    assert shared.filter(pl.col("cases") > 1).height > 100
    hubs = (
        o.filter(pl.col("chance_shared"))
        .group_by("object_key")
        .agg(pl.col("network_id").n_unique().alias("nets"))
    )
    assert hubs["nets"].max() > 1


def test_truth_pairs_cover_every_duplicate(data: SyntheticData) -> None:
    pairs = data.truth.pairs()
    sizes = data.records.group_by("true_person_id").len()["len"]
    assert pairs.height == int((sizes * (sizes - 1) // 2).sum())
    assert (pairs["record_id_l"] < pairs["record_id_r"]).all()


def test_bad_arguments_raise_typed_errors() -> None:
    with pytest.raises(caselink.InvalidInputError, match="people"):
        synthetic(0)
    with pytest.raises(caselink.InvalidInputError, match="seed"):
        synthetic(10, seed=-1)
    with pytest.raises(caselink.InvalidInputError, match="unknown corruption rate 'typos'"):
        synthetic(10, rates={"typos": 0.1})
    with pytest.raises(caselink.InvalidInputError, match="'typo' must be a probability"):
        synthetic(10, rates={"typo": 2.0})
    assert issubclass(caselink.InvalidInputError, caselink.CaselinkError)


def test_rate_overrides_take_effect() -> None:
    d = synthetic(2_000, seed=5, rates={"typo": 0.0, "phone_present": 1.0})
    assert d.truth.rates["typo"] == 0.0
    assert not d.truth.records["typo"].any()
    assert d.records["phone"].null_count() == 0


def test_written_names_are_plausible(data: SyntheticData) -> None:
    names = pl.concat(
        [data.records["given_name"], data.records["family_name"], data.records["full_name"]]
    ).drop_nulls()
    assert names.str.len_chars().min() >= 1
    assert not any(re.search(r"\s{2,}|^\s|\s$", n) for n in names.to_list())
