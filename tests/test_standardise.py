"""caselink.standardise against the generator's truth, real examples and bad input."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import caselink
from caselink.datasets import SyntheticData, synthetic

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.fixture(scope="module")
def data() -> SyntheticData:
    return synthetic(3_000, seed=11)


@pytest.fixture(scope="module")
def std(data: SyntheticData) -> pl.DataFrame:
    return caselink.standardise(data.records.drop("true_person_id"))


@pytest.fixture(scope="module")
def joined(data: SyntheticData, std: pl.DataFrame) -> pl.DataFrame:
    truth = data.truth.records.join(
        data.persons.select(
            "person_id",
            pl.col("dob").alias("true_dob"),
            "dob_known",
            pl.col("nationality").alias("true_nationality"),
            pl.col("gender").alias("true_gender"),
            "kurdish",
        ),
        on="person_id",
    )
    return std.join(truth, on="record_id", suffix="_truth")


def test_one_row_per_record_in_order(data: SyntheticData, std: pl.DataFrame) -> None:
    assert std.height == data.records.height
    assert std["record_id"].equals(data.records["record_id"])
    assert std["source"].equals(data.records["source"])
    assert std.schema["given_names"] == pl.List(pl.String)
    assert std.schema["dob"] == pl.Date


def test_clean_dates_are_read_exactly(joined: pl.DataFrame) -> None:
    clean = joined.filter(
        pl.col("dob_known")
        & ~pl.any_horizontal("dob_missing", "dob_placeholder", "dob_year_only",
                             "dob_swapped_truth", "dob_year_off")
    )  # fmt: skip
    assert clean.height > 3_000
    assert (clean["dob"] == clean["true_dob"]).mean() > 0.995
    assert (clean["dob_quality"] == "exact").mean() > 0.995


def test_unknown_birth_dates_keep_their_year(joined: pl.DataFrame) -> None:
    unknown = joined.filter(~pl.col("dob_known") & ~pl.col("dob_missing"))
    assert unknown.height > 50
    assert unknown["dob_quality"].is_in(["placeholder", "year_only"]).all()
    assert (unknown["dob_year"] == unknown["true_dob"].dt.year()).all()


def test_swapped_dates_offer_the_true_date(joined: pl.DataFrame) -> None:
    swapped = joined.filter(pl.col("dob_swapped_truth"))
    assert swapped.height > 20
    assert (swapped["dob_swapped"] == swapped["true_dob"]).all()


def test_nationalities_map_to_iso3(joined: pl.DataFrame) -> None:
    honest = joined.filter(~pl.col("nationality_claimed") & ~pl.col("nationality_missing"))
    kurdish_written = honest["nationality"].is_in(["XXX"]) & honest["kurdish_truth"]
    rate = ((honest["nationality"] == honest["true_nationality"]) | kurdish_written).mean()
    assert rate > 0.995, rate
    assert joined.filter(pl.col("nationality_missing"))["nationality"].null_count() > 0


def test_gender_and_phones(joined: pl.DataFrame, data: SyntheticData) -> None:
    given_gender = joined.filter(~pl.col("gender_missing"))
    assert (given_gender["gender"] == given_gender["true_gender"]).all()
    assert (joined.filter(pl.col("gender_missing"))["gender"] == "U").all()
    with_phone = joined.filter(pl.col("phone_present"))
    assert (with_phone["phones"].list.len() == 1).mean() > 0.999
    assert with_phone["phones"].list.first().str.contains(r"^\+\d{8,15}$").all()
    hoio = with_phone.filter(pl.col("source") == "HOIO").join(
        data.records.select("record_id", "phone"), on="record_id"
    )
    assert (hoio["phones"].list.first() == hoio["phone"]).all()


def test_records_of_one_person_share_name_keys(joined: pl.DataFrame) -> None:
    pairs = (
        joined.select("record_id", "person_id", "name_keys")
        .join(joined.select("record_id", "person_id", "name_keys"), on="person_id", suffix="_r")
        .filter(pl.col("record_id") < pl.col("record_id_r"))
    )
    shared = pairs.select(
        pl.col("name_keys").list.set_intersection("name_keys_r").list.len() > 0
    ).to_series()
    assert shared.mean() > 0.95, shared.mean()
    # and different people mostly do not share all keys
    sample = joined.sample(2_000, seed=1)
    other = (
        sample.select("person_id", "name_keys")
        .with_columns(
            pl.col("name_keys").shift(1).alias("other_keys"),
            pl.col("person_id").shift(1).alias("other_person"),
        )
        .drop_nulls()
    )
    other = other.filter(pl.col("person_id") != pl.col("other_person"))
    identical = (other["name_keys"].list.sort() == other["other_keys"].list.sort()).mean()
    assert identical < 0.05


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ({"given_name": "Abdul Rahman", "family_name": "Al-Hassan"},
         {"given_names": ["abdulrahman"], "family_names": ["hassan"]}),
        ({"full_name": "GEBRE MEDHIN Tesfay"},
         {"given_names": ["tesfay"], "family_names": ["gebremedhin"]}),
        ({"full_name": "Poore, Kaiwan"}, {"given_names": ["kaiwan"], "family_names": ["poore"]}),
        ({"given_name": "FNU", "family_name": "ZABIHULLAH"},
         {"given_names": [], "family_names": ["zabihullah"]}),
        ({"given_name": "Zoë", "family_name": "Lefèvre"},
         {"given_names": ["zoe"], "family_names": ["lefevre"]}),
        ({"dob": "se disant né le 05/03/1990"}, {"dob_quality": "exact", "dob_month": 3}),
        ({"dob": "31/02/1990"}, {"dob_quality": "invalid", "dob": None}),
        ({"dob": "00/00/1990"}, {"dob_quality": "year_only", "dob_year": 1990}),
        ({"dob": "1990-01-01"}, {"dob_quality": "placeholder", "dob_year": 1990}),
        ({"nationality": "érythréenne"}, {"nationality": "ERI"}),
        ({"nationality": "Iraakse"}, {"nationality": "IRQ"}),
        ({"nationality": "staatenlos"}, {"nationality": "XXA"}),
        ({"nationality": "Kurdish"}, {"kurdish": True}),
        ({"phone": "+44 (0)7700 900123"}, {"phones": ["+447700900123"]}),
        ({"gender": "w"}, {"gender": "F"}),
    ],
)  # fmt: skip
def test_rules_on_real_examples(row: dict[str, str], expected: dict[str, object]) -> None:
    columns = {"record_id": ["r1"], "given_name": [None], **{k: [v] for k, v in row.items()}}
    frame = pl.DataFrame(columns, schema_overrides={"given_name": pl.String})
    out = caselink.standardise(frame, profile="uk").row(0, named=True)
    for key, value in expected.items():
        assert out[key] == value, (key, out)


def test_row_level_junk_becomes_null_and_an_issue() -> None:
    frame = pl.DataFrame(
        {
            "record_id": [1, 2, 3],
            "full_name": ["UNKNOWN", "محمد أحمد", "Ali\u200b Karimi\u202e"],
            "dob": ["31/02/1990", "2090-01-01", "abc"],
            "phone": ["00 00 00 00 00", "n/a", "0612"],
        }
    )
    out = caselink.standardise(frame, profile="fr")
    assert out.height == 3
    assert out["record_id"].to_list() == [1, 2, 3]
    # impossible dates are null; a future one is kept, flagged implausible
    assert out["dob"].to_list() == [None, date(2090, 1, 1), None]
    assert out["dob_quality"].to_list() == ["invalid", "implausible", "invalid"]
    issues = out["issues"].to_list()
    assert any("2090-01-01" in i and "future" in i for i in issues[1])
    assert any("31/02/1990" in i for i in issues[0])
    assert any("placeholder" in i for i in issues[0])
    assert len(out["name_keys"][1]) == 2  # Arabic script keyed, not dropped
    # French profile: without capitals or a comma the family name comes first
    assert out["given_names"][2].to_list() == ["karimi"]
    assert out["family_names"][2].to_list() == ["ali"]


def test_profiles_from_the_source_column() -> None:
    frame = pl.DataFrame(
        {
            "record_id": ["a", "b", "c"],
            "source": ["HOIO", "unknown agency", "bka"],
            "full_name": ["X", "Kaiwan POORE", "Pur, Kajwan"],
            "dob": ["1990-03-05", "05/03/1990", "05.03.1990"],
            "phone": ["07700 900123", "+447700900123", "0151 23456789"],
        }
    )
    out = caselink.standardise(frame)
    assert out["dob"].dt.month().to_list() == [3, 3, 3]
    assert out["phones"].to_list() == [["+447700900123"], ["+447700900123"], ["+4915123456789"]]
    assert out["family_names"][1].to_list() == ["poore"]


def test_empty_frame_keeps_the_schema() -> None:
    empty = pl.DataFrame(schema={"record_id": pl.String, "full_name": pl.String})
    out = caselink.standardise(empty)
    assert out.height == 0
    assert "name_keys" in out.columns
    assert out.schema["issues"] == pl.List(pl.String)


def test_lazy_input_and_column_mapping() -> None:
    lazy = pl.LazyFrame({"id": ["x"], "first": ["Kaiwan"], "last": ["Poore"], "born": [19900305]})
    out = caselink.standardise(
        lazy, columns={"record_id": "id", "given_name": "first", "family_name": "last",
                       "dob": "born"},
    )  # fmt: skip
    assert out["record_id"].to_list() == ["x"]
    assert out["dob"].to_list()[0].isoformat() == "1990-03-05"


def test_bad_input_raises_typed_errors() -> None:
    good = pl.DataFrame({"record_id": ["a"], "full_name": ["Ali"]})
    with pytest.raises(caselink.ColumnNotFoundError, match="record_id"):
        caselink.standardise(good.drop("record_id"))
    with pytest.raises(caselink.ColumnNotFoundError, match="no name column"):
        caselink.standardise(good.drop("full_name"))
    with pytest.raises(caselink.ColumnNotFoundError, match="'surname'"):
        caselink.standardise(good, columns={"family_name": "surname"})
    with pytest.raises(caselink.InvalidInputError, match="unknown canonical"):
        caselink.standardise(good, columns={"surname": "full_name"})
    with pytest.raises(caselink.InvalidInputError, match="unknown profile"):
        caselink.standardise(good, profile="interpol")
    with pytest.raises(caselink.SchemaError, match=r"'full_name'.*Int64"):
        caselink.standardise(pl.DataFrame({"record_id": ["a"], "full_name": [42]}))
    with pytest.raises(caselink.InvalidInputError, match="null ids"):
        caselink.standardise(pl.DataFrame({"record_id": [None, "b"], "full_name": ["A", "B"]}))
    with pytest.raises(caselink.InvalidInputError, match="duplicated ids"):
        caselink.standardise(pl.DataFrame({"record_id": ["a", "a"], "full_name": ["A", "B"]}))
    with pytest.raises(caselink.InvalidInputError, match="records must be"):
        caselink.standardise(42)


@pytest.mark.skipif(not SHARED_DATA.exists(), reason="shared benchmark data not present")
def test_public_benchmark_layouts_map() -> None:
    febrl = pl.read_csv(SHARED_DATA / "febrl2.csv", infer_schema=False)
    out = caselink.standardise(
        febrl,
        profile="passport",
        columns={"record_id": "rec_id", "given_name": "given_name", "family_name": "surname",
                 "dob": "date_of_birth"},
    )  # fmt: skip
    assert out.height == febrl.height
    parsed = out.filter(pl.col("dob").is_not_null()).height / febrl.height
    assert parsed > 0.85
    fake = pl.read_csv(SHARED_DATA / "fake_1000.csv", infer_schema=False)
    out = caselink.standardise(
        fake, columns={"record_id": "unique_id", "given_name": "first_name",
                       "family_name": "surname"},
    )  # fmt: skip
    assert out.height == fake.height


names = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.tuples(names, names, names), min_size=0, max_size=30))
def test_any_text_keeps_every_row_in_order(rows: list[tuple[str, str, str]]) -> None:
    frame = pl.DataFrame(
        {
            "record_id": list(range(len(rows))),
            "full_name": [r[0] for r in rows],
            "dob": [r[1] for r in rows],
            "nationality": [r[2] for r in rows],
        },
        schema={"record_id": pl.Int64, "full_name": pl.String, "dob": pl.String,
                "nationality": pl.String},
    )  # fmt: skip
    out = caselink.standardise(frame)
    assert out["record_id"].to_list() == list(range(len(rows)))


@settings(max_examples=200, deadline=None)
@given(given_name=names, family_name=names)
def test_standardising_normalised_names_is_idempotent(given_name: str, family_name: str) -> None:
    first = caselink.standardise(
        pl.DataFrame({"record_id": [1], "given_name": [given_name], "family_name": [family_name]}),
        profile="uk",
    ).row(0, named=True)
    again = caselink.standardise(
        pl.DataFrame(
            {"record_id": [1], "given_name": [" ".join(first["given_names"])],
             "family_name": [" ".join(first["family_names"])]}
        ),
        profile="uk",
    ).row(0, named=True)  # fmt: skip
    assert again["given_names"] == first["given_names"]
    assert again["family_names"] == first["family_names"]
    assert again["name_keys"] == first["name_keys"]
