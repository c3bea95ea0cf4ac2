"""How ambiguous the synthetic records are: shares of records whose standardised name (the
set of its transliteration keys) and date of birth are also carried by a different person.

Run: python benchmarks/synthetic_ambiguity.py [--people 20000]

No linkage method can tell two people apart on evidence they share; these shares bound
what any records-only linkage can reach on this data (see the Linking section of the
README).
"""

from __future__ import annotations

import argparse

import polars as pl

import caselink


def shared_share(records: pl.DataFrame, keys: list[str]) -> float:
    """Share of records whose values of `keys` (none null) are carried by another person."""
    known = records.drop_nulls(keys)
    people = known.group_by(keys).agg(pl.col("person").n_unique().alias("people"), pl.len())
    return people.filter(pl.col("people") > 1)["len"].sum() / records.height


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=20_000)
    args = parser.parse_args()
    data = caselink.datasets.synthetic(args.people, seed=0)
    std = caselink.standardise(data.records.drop("true_person_id"))
    records = std.with_columns(
        data.records["true_person_id"].alias("person"),
        pl.col("name_keys").list.sort().list.join(" ").alias("name"),
    ).with_columns(pl.when(pl.col("name") != "").then(pl.col("name")).alias("name"))
    print(f"{records.height:,} records of {args.people:,} people; share of records whose")
    for label, keys in [
        ("name is another person's too", ["name"]),
        ("name and birth year are another person's too", ["name", "dob_year"]),
        ("name and full date of birth are another person's too", ["name", "dob"]),
    ]:
        print(f"  {label}: {shared_share(records, keys):.1%}")
    partial = records.filter(pl.col("dob_quality") != "exact").height / records.height
    print(f"records without a full date of birth: {partial:.1%}")


if __name__ == "__main__":
    main()
