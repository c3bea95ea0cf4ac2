"""The reference date is an explicit, recorded input (issue 15, item 6): it pivots two-digit
years (``yy`` up to the reference year's last two digits is in its century, later ones in
the century before) and is the latest plausible year of birth. The same date gives the
same output whatever the clock says; another date changes exactly those readings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest
from polars.testing import assert_frame_equal

import caselink
from caselink import fields

BEFORE, AFTER = dt.date(2025, 12, 31), dt.date(2026, 1, 1)

RAW = pl.DataFrame(
    {
        "record_id": ["a", "b", "c"],
        "source": ["NCA", "NCA", "NCA"],
        "full_name": ["Kaiwan POORE", "Ali KARIMI", "Sara AHMADI"],
        # a two-digit 26, a date in 2026, and one the year boundary does not touch
        "dob": ["05/03/26", "15/04/2026", "15/04/1990"],
    }
)


def _dob(std: pl.DataFrame) -> list[tuple]:
    return std.select("dob_year", "dob_quality").rows()


def test_the_year_boundary_changes_only_the_documented_readings() -> None:
    before = caselink.standardise(RAW, reference_date=BEFORE)
    after = caselink.standardise(RAW, reference_date=AFTER)
    # 26 > 25: the century before; 2026 is after the reference year: implausible.
    assert _dob(before) == [(1926, "exact"), (2026, "implausible"), (1990, "exact")]
    assert _dob(after) == [(2026, "exact"), (2026, "exact"), (1990, "exact")]
    assert_frame_equal(before.slice(2), after.slice(2))
    # The dates (and their day-month swapped readings), their quality and the issue
    # saying why 2026 is implausible are all that differ.
    read = ["dob", "dob_year", "dob_swapped", "dob_quality", "issues"]
    assert_frame_equal(before.drop(read), after.drop(read))
    assert before["issues"][1].to_list() == [
        "dob: '15/04/2026' is in the future; kept, flagged implausible"
    ]


def test_the_same_date_gives_the_same_output() -> None:
    day = dt.date(2026, 12, 3)
    assert_frame_equal(
        caselink.standardise(RAW, reference_date=day),
        caselink.standardise(RAW, reference_date=dt.datetime(2026, 1, 1, 12, 30)),
    )
    data = caselink.datasets.synthetic(people=300, seed=5)
    records = data.records.drop("true_person_id")
    one = caselink.dedupe(records, reference_date=day, progress=False)
    two = caselink.dedupe(records, reference_date=day, progress=False)
    assert one.reference_date == two.reference_date == day
    for part in ("clusters", "pairs", "entities", "standardised"):
        assert_frame_equal(getattr(one, part), getattr(two, part))


def test_the_default_is_today_resolved_once() -> None:
    linker = caselink.Linker()
    assert linker.reference_date == dt.date.today()
    assert caselink.Linker(reference_date=BEFORE).reference_date == BEFORE


def test_dedupe_and_link_standardise_with_their_reference_date() -> None:
    for when, year in ((BEFORE, 1926), (AFTER, 2026)):
        res = caselink.dedupe(RAW, reference_date=when, progress=False)
        assert res.reference_date == when
        assert res.linker.reference_date == when
        assert res.standardised["dob_year"][0] == year
        linked = caselink.link(RAW.head(2), RAW.tail(1), reference_date=when, progress=False)
        assert linked.reference_date == when
        assert linked.standardised["dob_year"][0] == year


def test_a_saved_linker_keeps_its_reference_date(tmp_path: Path) -> None:
    data = caselink.datasets.synthetic(people=200, seed=4)
    records = data.records.drop("true_person_id")
    linker = caselink.Linker(reference_date=BEFORE).train(records, progress=False)
    loaded = caselink.Linker.load(linker.save(tmp_path / "linker.json"))
    assert loaded.reference_date == BEFORE
    assert_frame_equal(linker.predict(records.head(30)), loaded.predict(records.head(30)))


def test_fields_parse_dob_takes_the_reference_date() -> None:
    dates = pl.Series(["05/03/26"])
    assert fields.parse_dob(dates, reference_date=BEFORE)["dob_year"][0] == 1926
    assert fields.parse_dob(dates, reference_date=AFTER)["dob_year"][0] == 2026


@pytest.mark.parametrize("bad", ["2026-01-01", 2026, None.__class__])
def test_a_reference_date_that_is_not_a_date_is_refused(bad: object) -> None:
    with pytest.raises(caselink.InvalidInputError, match="reference_date"):
        caselink.standardise(RAW, reference_date=bad)  # type: ignore[arg-type]
    with pytest.raises(caselink.InvalidInputError, match="reference_date"):
        caselink.Linker(reference_date=bad)  # type: ignore[arg-type]
