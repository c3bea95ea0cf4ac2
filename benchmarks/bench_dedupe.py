"""Deduplication speed and accuracy on synthetic data.

Run: python benchmarks/bench_dedupe.py [--people 20000]

The records are generated, written to a temporary Parquet file and deduplicated in a
fresh Python process, so the peak RSS printed is that of a process holding only the
records and caselink's work (generating the whole synthetic caseload in-process would
add its own memory: about 1 GB per 200,000 people). Prints wall time of the ``dedupe``
call (raw records in memory to clusters), pairs scored (all candidate pairs) and kept
(``Resolution.pairs``), pairs scored per second, peak RSS and accuracy against the truth.
The side-by-side run against Splink 5 on the same data is ``bench_linking.py``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import caselink
from caselink.datasets import synthetic

CHILD = """
import json, resource, sys, time
import polars as pl
import caselink
records = pl.read_parquet(sys.argv[1])
start = time.perf_counter()
res = caselink.dedupe(records, progress=False)
seconds = time.perf_counter() - start
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
res.clusters.write_parquet(sys.argv[2])
print(json.dumps({
    "seconds": seconds,
    "peak_mb": peak_mb,
    "scored": int(res.blocking["new_pairs"].sum()),
    "kept": res.pairs.height,
    "entities": res.entities.height,
}))
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=1, help="fresh processes to time")
    args = parser.parse_args()
    data = synthetic(args.people, seed=0)
    truth = data.truth.clusters()
    with tempfile.TemporaryDirectory() as tmp:
        records_path = Path(tmp) / "records.parquet"
        clusters_path = Path(tmp) / "clusters.parquet"
        data.records.drop("true_person_id").write_parquet(records_path)
        n_records, n_people = data.records.height, data.persons.height
        del data
        runs = []
        for _ in range(args.repeat):
            done = subprocess.run(
                [sys.executable, "-c", CHILD, str(records_path), str(clusters_path)],
                capture_output=True,
                text=True,
                check=True,
            )
            runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
            print(f"run {len(runs)}: {runs[-1]['seconds']:.2f} s, {runs[-1]['peak_mb']:,.0f} MB")
        import polars as pl

        clusters = pl.read_parquet(clusters_path)
    run = sorted(runs, key=lambda r: r["seconds"])[len(runs) // 2]
    scores = caselink.evaluate(clusters, truth).row(0, named=True)
    print(f"records: {n_records:,}, entities: {run['entities']:,} (truth {n_people:,})")
    print(
        f"dedupe (median of {len(runs)}): {run['seconds']:.2f} s, {run['scored']:,} pairs scored "
        f"({run['scored'] / run['seconds'] / 1e6:.2f} M pairs/s end to end), "
        f"{run['kept']:,} kept in Resolution.pairs, peak RSS {run['peak_mb']:,.0f} MB"
    )
    print(
        "pairwise P/R/F1: {precision:.4f} / {recall:.4f} / {f1:.4f}; "
        "B-cubed F1 {bcubed_f1:.4f}".format(**scores)
    )


if __name__ == "__main__":
    main()
