"""Deduplication speed and accuracy on synthetic data.

Run: python benchmarks/bench_dedupe.py [--people 20000]

Prints wall time, pairs scored per second, peak memory and accuracy against the truth.
The side-by-side run against Splink 5 on the same data is ``bench_linking.py``.
"""

from __future__ import annotations

import argparse
import resource
import time

import caselink
from caselink.datasets import synthetic


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=20_000)
    args = parser.parse_args()
    data = synthetic(args.people, seed=0)
    records = data.records.drop("true_person_id")

    start = time.perf_counter()
    res = caselink.dedupe(records)
    seconds = time.perf_counter() - start
    scores = caselink.evaluate(res.clusters, data.truth.clusters()).row(0, named=True)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"records: {records.height:,}, entities: {res.entities.height:,} "
        f"(truth {data.persons.height:,})"
    )
    print(
        f"dedupe: {seconds:.2f} s, {res.pairs.height:,} pairs scored "
        f"({res.pairs.height / seconds / 1e6:.2f} M pairs/s end to end), "
        f"peak RSS {peak_mb:,.0f} MB"
    )
    print(
        "pairwise P/R/F1: {precision:.4f} / {recall:.4f} / {f1:.4f}; "
        "B-cubed F1 {bcubed_f1:.4f}".format(**scores)
    )


if __name__ == "__main__":
    main()
