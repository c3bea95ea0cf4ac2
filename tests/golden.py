"""Every public output on fixed inputs, hashed: the refactor of issue 15 must leave each
one byte-identical. ``python tests/golden.py --write`` records the hashes in
``tests/data/golden_hashes.json``; ``tests/test_golden.py`` recomputes and compares them.

A frame's hash is the SHA-256 of its schema and its rows as JSON, so a change of type,
column order, row order, value or float bit pattern changes it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import polars as pl

import caselink

HASHES = Path(__file__).with_name("data") / "golden_hashes.json"
SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
AS_OF = dt.date(2025, 12, 31)
#: The day the records are read against (two-digit years, the latest plausible year of
#: birth): pinned, so that the hashes do not depend on the clock (issue 15, item 6).
REFERENCE_DATE = dt.date(2026, 12, 3)

FEBRL = {
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


def frame_hash(df: pl.DataFrame) -> str:
    digest = hashlib.sha256(repr(df.schema).encode())
    digest.update(df.write_json().encode())
    return digest.hexdigest()


def _resolution(name: str, res: caselink.Resolution) -> Iterator[tuple[str, pl.DataFrame]]:
    yield f"{name}.clusters", res.clusters
    yield f"{name}.pairs", res.pairs
    yield f"{name}.entities", res.entities
    yield f"{name}.blocking", res.blocking
    yield f"{name}.standardised", res.standardised
    yield f"{name}.parameters", res.linker.parameters
    yield f"{name}.training_history", res.linker.training_history


def _synthetic() -> Iterator[tuple[str, pl.DataFrame]]:
    data = caselink.datasets.synthetic(people=1_500, seed=7)
    records = data.records.drop("true_person_id")
    res = caselink.dedupe(records, reference_date=REFERENCE_DATE)
    yield from _resolution("synthetic.dedupe", res)
    first = res.clusters["record_id"][0]
    second = res.pairs["record_id_r"][0] if res.pairs.height else first
    yield "synthetic.explain", res.explain(res.pairs["record_id_l"][0], second)
    yield "synthetic.match", res.linker.match(records.head(20))
    # Rounded: before issue 15 the sums behind the B-cubed scores ran in hash order, so
    # their last bit changed from run to run.
    yield (
        "synthetic.evaluate",
        caselink.evaluate(res.clusters, data.records.select("record_id", "true_person_id")).select(
            pl.all().round(12)
        ),
    )
    truth = data.records.select("record_id", "true_person_id")
    yield "synthetic.evaluate_pairs", caselink.evaluate(res.pairs, truth).select(pl.all().round(12))
    yield "synthetic.standardise", caselink.standardise(records, reference_date=REFERENCE_DATE)
    nets = caselink.link_cases(data.cases, data.case_subjects, data.case_objects, res)
    for part in ("cases", "networks", "persons", "links", "evidence", "objects", "issues"):
        yield f"synthetic.networks.{part}", getattr(nets, part)
    yield "synthetic.networks.subjects", nets.subjects
    yield (
        "synthetic.networks.evaluate",
        nets.evaluate(data.truth.cases).select(pl.all().round(12)),
    )
    assert nets.resolution is not None
    yield "synthetic.context.pairs", nets.resolution.pairs
    yield "synthetic.context.clusters", nets.resolution.clusters
    people = res.clusters
    yield (
        "synthetic.outcomes",
        caselink.outcomes(data.events, people, data.truth.cases, cases=data.cases, as_of=AS_OF),
    )
    yield (
        "synthetic.outcome_issues",
        caselink.outcome_issues(
            data.events, people, data.truth.cases, cases=data.cases, as_of=AS_OF
        ),
    )
    tto = caselink.time_to_outcome(
        data.events, cases=data.cases, networks=data.truth.cases, as_of=AS_OF
    )
    yield "synthetic.time_to_outcome.subjects", tto.subjects
    yield "synthetic.time_to_outcome.medians", tto.medians


def _read(name: str) -> pl.DataFrame:
    return pl.read_csv(SHARED_DATA / name, infer_schema=False)


def _public() -> Iterator[tuple[str, pl.DataFrame]]:
    if not SHARED_DATA.is_dir():
        return
    yield from _resolution(
        "febrl1", caselink.dedupe(_read("febrl1.csv"), columns=FEBRL, reference_date=REFERENCE_DATE)
    )
    left, right = _read("febrl4a.csv"), _read("febrl4b.csv")
    yield from _resolution(
        "febrl4.link", caselink.link(left, right, columns=FEBRL, reference_date=REFERENCE_DATE)
    )
    yield from _resolution(
        "fake_1000",
        caselink.dedupe(_read("fake_1000.csv"), columns=FAKE_1000, reference_date=REFERENCE_DATE),
    )


SOURCES: dict[str, Callable[[], Iterator[tuple[str, pl.DataFrame]]]] = {
    "synthetic": _synthetic,
    "public": _public,
}


def hashes() -> dict[str, str]:
    return {name: frame_hash(df) for source in SOURCES.values() for name, df in source()}


def main(compute: Callable[[], dict[str, str]], path: Path) -> None:
    """``--write``: record the hashes in ``path``; otherwise print them."""
    got = compute()
    if "--write" in sys.argv:
        path.write_text(json.dumps(got, indent=1, sort_keys=True) + "\n")
        print(f"wrote {len(got)} hashes to {path}")
    else:
        print(json.dumps(got, indent=1, sort_keys=True))


if __name__ == "__main__":
    main(hashes, HASHES)
