"""Single-field functions agree with standardise and validate their arguments."""

from __future__ import annotations

import polars as pl
import pytest

import caselink
from caselink import fields


def test_fields_agree_with_standardise() -> None:
    data = caselink.datasets.synthetic(500, seed=3)
    nca = data.records.filter(pl.col("source") == "NCA")
    std = caselink.standardise(nca.drop("true_person_id"), profile="uk")
    assert fields.parse_dob(nca["dob"])["dob"].equals(std["dob"])
    assert fields.nationality_code(nca["nationality"]).equals(std["nationality"], check_names=False)
    assert fields.phone_e164(nca["phone"], region="GB").equals(std["phones"], check_names=False)


def test_per_row_conventions() -> None:
    keys = fields.name_keys(["Chalid", "Khalid"], romanisation=["german", "english"])
    assert keys[0].to_list() == keys[1].to_list()
    parsed = fields.parse_dob(["03/07/1990", "03/07/1990"], order=["day_first", "month_first"])
    assert [d.month for d in parsed["dob"]] == [7, 3]
    assert fields.name_tokens(["GEBRE MEDHIN Tesfay"]).to_list() == [["tesfay", "gebremedhin"]]
    assert len(fields.name_phonetic(["Mohammed"])[0]) == 1


def test_bad_arguments() -> None:
    with pytest.raises(caselink.InvalidInputError, match="unknown region"):
        fields.phone_e164(["0612345678"], region="XX")
    with pytest.raises(caselink.InvalidInputError, match="one per row"):
        fields.name_keys(["a", "b"], romanisation=["english"])
    with pytest.raises(caselink.SchemaError, match="Int64"):
        fields.nationality_code(pl.Series([1, 2]))
