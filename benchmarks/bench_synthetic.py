"""Generator speed: 1M synthetic records, against a Parquet round trip of the same frames.

Run: python benchmarks/bench_synthetic.py [--people 450000] [--repeat 3]

Machines here are noisy, so besides wall time the script reports the ratio to a peer
measured in the same run: writing and reading back the generated frames with polars'
Parquet I/O (a fixed, well-optimised workload over the same data).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import tempfile
import time

import polars as pl

from caselink.datasets import synthetic


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=450_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    times = []
    for i in range(args.repeat):
        start = time.perf_counter()
        data = synthetic(args.people, seed=i)
        times.append(time.perf_counter() - start)
    gen = statistics.median(times)

    with tempfile.TemporaryDirectory() as tmp:
        io_times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            paths = data.write_parquet(tmp)
            frames = [pl.read_parquet(p) for p in paths]
            io_times.append(time.perf_counter() - start)
        io = statistics.median(io_times)
    assert sum(f.height for f in frames) > 0

    n = data.records.height
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"cores: {os.cpu_count()}, people: {args.people:,}, records: {n:,}, "
        f"events: {data.events.height:,}, cases: {data.cases.height:,}"
    )
    print(
        f"synthetic(): median {gen:.2f} s over {args.repeat} runs "
        f"({n / gen / 1e6:.2f} M records/s); runs: {', '.join(f'{t:.2f}' for t in times)}"
    )
    print(f"peer, Parquet write+read of the same frames: median {io:.2f} s")
    print(f"ratio generation / Parquet round trip: {gen / io:.2f}")
    print(f"peak RSS: {peak_mb:,.0f} MB")


if __name__ == "__main__":
    main()
