"""Standardisation speed: 1M synthetic records, all columns, against a polars peer.

Run: python benchmarks/bench_standardise.py [--people 465000] [--repeat 3]

The peer, measured in the same run on the same frame, is a plain polars pass over the
same columns (lower-casing, stripping accents is not available, so: lower-case, split
names on spaces, strptime the dates with one format, strip non-digits from phones). It
does a fraction of the work but sets the scale of "one vectorised pass over the data".
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

import polars as pl

import caselink
from caselink.datasets import synthetic


def polars_peer(records: pl.DataFrame) -> pl.DataFrame:
    return records.select(
        "record_id",
        pl.concat_str(["given_name", "family_name", "full_name"], separator=" ", ignore_nulls=True)
        .str.to_lowercase()
        .str.split(" ")
        .alias("tokens"),
        pl.col("dob").str.strptime(pl.Date, "%d/%m/%Y", strict=False).alias("dob"),
        pl.col("phone").str.replace_all(r"\D", "").alias("phone"),
        pl.col("nationality").str.to_lowercase().alias("nationality"),
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=465_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    records = synthetic(args.people, seed=0).records.drop("true_person_id")

    ours, peer = [], []
    for _ in range(args.repeat):
        start = time.perf_counter()
        out = caselink.standardise(records)
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        polars_peer(records)
        peer.append(time.perf_counter() - start)
    assert out.height == records.height
    t, p = statistics.median(ours), statistics.median(peer)
    print(f"cores: {os.cpu_count()}, records: {records.height:,}")
    print(
        f"caselink.standardise: median {t:.2f} s ({records.height / t / 1e6:.2f} M records/s); "
        f"runs {', '.join(f'{x:.2f}' for x in ours)}"
    )
    print(f"polars one-pass peer: median {p:.2f} s")
    print(f"ratio caselink / peer: {t / p:.2f}")
    issues = out["issues"].list.len()
    print(f"row-level issues reported: {issues.sum():,} on {(issues > 0).sum():,} rows")


if __name__ == "__main__":
    main()
