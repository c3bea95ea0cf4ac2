"""The entity store at scale, against ``caselink.dedupe`` of the same records in one run.

    python benchmarks/bench_store_scale.py [--people N] [--daily 1000] [--lookups 200]

On caselink's generator (``--people`` people, about 2.2 records each), it holds out
``--daily`` records and reports:

1. the initial load: one ``Store.ingest`` of the other records, and ``caselink.dedupe``
   of the same records in the same process (the ratio is the figure to read);
2. in a fresh process (so the memory is the store's alone): the open (``Store.open`` and
   the resident state the first lookup builds: every record read and indexed), its peak
   RSS, one-record ``lookup`` latency (p50, p99 over ``--lookups`` records) and the
   daily batch of the held-out records (one ``ingest``, including the transaction);
3. the accuracy (pairwise F1) of the store after the batch, and of one ``dedupe`` of all
   the records.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polars as pl

import caselink


def _f1(clusters: pl.DataFrame, truth: pl.DataFrame) -> float:
    return round(float(caselink.evaluate(clusters, truth)["f1"][0]), 4)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _open_phase(path: Path, daily: Path, lookups: int) -> None:
    """Runs in a fresh process: open, look up, ingest the daily batch."""
    batch = pl.read_parquet(daily)
    before = _rss_mb()
    t0 = time.perf_counter()
    store = caselink.Store.open(path)
    store.lookup(batch.head(1))
    open_s = time.perf_counter() - t0
    open_rss = _rss_mb()
    times = []
    for k in range(1, min(lookups, batch.height) + 1):
        one = batch.slice(k, 1)
        t = time.perf_counter()
        store.lookup(one)
        times.append(time.perf_counter() - t)
    times.sort()
    t = time.perf_counter()
    report = store.ingest(batch, actor="bench")
    daily_s = time.perf_counter() - t
    out = {
        "open_s": open_s,
        "rss_before_mb": before,
        "rss_open_mb": open_rss,
        "lookup_p50_ms": 1000 * statistics.median(times),
        "lookup_p99_ms": 1000 * times[max(0, int(0.99 * len(times)) - 1)],
        "daily_s": daily_s,
        "attached": report.attached.height,
        "new_entities": report.new_entities.height,
    }
    print(json.dumps(out))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=50_000)
    parser.add_argument("--daily", type=int, default=1000)
    parser.add_argument("--lookups", type=int, default=200)
    parser.add_argument("--open-phase", nargs=2, metavar=("STORE", "BATCH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.open_phase:
        _open_phase(Path(args.open_phase[0]), Path(args.open_phase[1]), args.lookups)
        return
    data = caselink.datasets.synthetic(args.people, seed=11)
    truth = data.records.select("record_id", pl.col("true_person_id").cast(pl.String))
    records = data.records.drop("true_person_id").sample(fraction=1.0, shuffle=True, seed=4)
    held = records.tail(args.daily)
    first = records.head(records.height - args.daily)
    started = time.perf_counter()
    caselink.dedupe(first, progress=False)
    dedupe_s = time.perf_counter() - started
    work = Path(tempfile.mkdtemp())
    path = work / "cell.db"
    store = caselink.Store.open(path)
    started = time.perf_counter()
    store.ingest(first, actor="bench")
    load_s = time.perf_counter() - started
    del store
    held.write_parquet(work / "daily.parquet")
    phase = subprocess.run(
        [
            sys.executable,
            __file__,
            "--open-phase",
            str(path),
            str(work / "daily.parquet"),
            "--lookups",
            str(args.lookups),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    got = json.loads(phase.stdout.strip().splitlines()[-1])
    store = caselink.Store.open(path)
    store_f1 = _f1(store.clusters, truth)
    all_f1 = _f1(
        caselink.dedupe(records, progress=False).clusters.select("record_id", "entity_id"), truth
    )
    print(
        "| records | dedupe s | store load s | load / dedupe | open s | RSS after open MB "
        "| lookup p50 ms | lookup p99 ms | daily batch s | store F1 | dedupe F1 |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    print(
        f"| {first.height:,} | {dedupe_s:.2f} | {load_s:.2f} | {load_s / dedupe_s:.1f}x "
        f"| {got['open_s']:.2f} | {got['rss_open_mb']:.0f} | {got['lookup_p50_ms']:.2f} "
        f"| {got['lookup_p99_ms']:.2f} | {got['daily_s']:.3f} | {store_f1} | {all_f1} |"
    )
    print(
        f"daily batch of {held.height}: {got['attached']} attached, "
        f"{got['new_entities']} new entities"
    )


if __name__ == "__main__":
    main()
