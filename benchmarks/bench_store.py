"""The entity store against a single ``dedupe`` of the same records, in one run.

    python benchmarks/bench_store.py [--people N] [--batches B] [--decisions 0 25 50 100]

For caselink's generator and for the independent one (``independent_generator.py``,
multi-agency variant), it reports:

1. accuracy: F1 of one ``caselink.dedupe`` of every record, and of a store that received
   them in ``--batches`` batches (by source agency and row order);
2. time: the ``dedupe`` call, the whole store load, and the last batch alone (each change
   re-resolves every record of the store today: this is the figure incremental
   resolution must bring down);
3. review: F1 after 0, 25, 50, 100 analyst decisions taken from the truth, in the order of
   ``Store.review_queue`` and, as the baseline, in random order over the kept uncertain
   pairs (probability 0.05 to 0.95).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import polars as pl

import caselink

sys.path.insert(0, str(Path(__file__).parent))


def _sets(people: int) -> list[tuple[str, pl.DataFrame, pl.DataFrame, dict | None]]:
    data = caselink.datasets.synthetic(people, seed=11)
    out = [
        (
            "cl_synth",
            data.records.drop("true_person_id"),
            data.records.select("record_id", pl.col("true_person_id").cast(pl.String)),
            None,
        )
    ]
    try:
        import independent_generator as ig
    except ImportError as err:  # Faker is in the bench extra
        print(f"independent generator skipped: {err}", file=sys.stderr)
        return out
    records, truth, columns = ig.multi_agency(people=people, seed=3)
    out.append(("ind_multi_agency", records, truth, columns))
    return out


def _f1(clusters: pl.DataFrame, truth: pl.DataFrame) -> float:
    return round(float(caselink.evaluate(clusters, truth)["f1"][0]), 4)


def _canonical(records: pl.DataFrame, columns: dict | None) -> pl.DataFrame:
    """The records under caselink's column names (so batches split by source)."""
    if not columns:
        return records
    return records.select([pl.col(theirs).alias(ours) for ours, theirs in columns.items()])


def _review(store: caselink.Store, truth: dict[str, str], steps: list[int], order: str) -> dict:
    rng = random.Random(1)
    scores = {}
    done = 0
    for target in steps:
        while done < target:
            if order == "queue":
                todo = store.review_queue(target - done)
            else:
                decided = store.decisions()
                todo = store.pairs().filter(pl.col("match_probability").is_between(0.05, 0.95))
                todo = todo.join(
                    decided.select(
                        pl.col("record_a").alias("record_id_l"),
                        pl.col("record_b").alias("record_id_r"),
                    ),
                    on=["record_id_l", "record_id_r"],
                    how="anti",
                )
                rows = todo.rows()
                todo = pl.DataFrame(
                    rng.sample(rows, min(len(rows), target - done)),
                    schema=todo.schema,
                    orient="row",
                )
            if todo.height == 0:
                break
            for a, b in todo.select("record_id_l", "record_id_r").iter_rows():
                try:
                    if truth[a] == truth[b]:
                        store.confirm(a, b, "bench", "truth")
                    else:
                        store.separate(a, b, "bench", "truth")
                except caselink.InvalidInputError:
                    pass  # a contradiction with earlier decisions: skipped
                done += 1
        scores[target] = store.clusters
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=3000)
    parser.add_argument("--batches", type=int, default=20)
    parser.add_argument("--decisions", type=int, nargs="+", default=[0, 25, 50, 100])
    args = parser.parse_args()
    print("| data | records | dedupe F1 | store F1 | dedupe s | store load s | last batch s |")
    print("|---|---|---|---|---|---|---|")
    reviews = []
    for name, records, truth, columns in _sets(args.people):
        records = _canonical(records, columns)
        truth = truth.select(pl.col("record_id").cast(pl.String), truth.columns[1])
        started = time.perf_counter()
        res = caselink.dedupe(records, progress=False)
        dedupe_s = time.perf_counter() - started
        dedupe_f1 = _f1(res.clusters.select("record_id", "entity_id"), truth)
        parts = records.sort("source", "record_id").with_row_index("_i")
        parts = parts.with_columns((pl.col("_i") * args.batches // pl.len()).alias("_b"))
        path = Path(tempfile.mkdtemp()) / "cell.db"
        store = caselink.Store.open(path)
        started = time.perf_counter()
        last = 0.0
        for b in range(args.batches):
            t0 = time.perf_counter()
            store.ingest(parts.filter(pl.col("_b") == b).drop("_i", "_b"), actor="bench")
            last = time.perf_counter() - t0
        load_s = time.perf_counter() - started
        store_f1 = _f1(store.clusters, truth)
        print(
            f"| {name} | {records.height} | {dedupe_f1} | {store_f1} | {dedupe_s:.2f} | "
            f"{load_s:.2f} | {last:.2f} |"
        )
        tp = dict(truth.iter_rows())
        for order in ("queue", "random"):
            copy = Path(tempfile.mkdtemp()) / "review.db"
            # No write is in progress: the file and its WAL together are the store.
            for suffix in ("", "-wal"):
                source = path.with_name(path.name + suffix)
                if source.exists():
                    copy.with_name(copy.name + suffix).write_bytes(source.read_bytes())
            review_store = caselink.Store.open(copy)
            got = _review(review_store, tp, args.decisions, order)
            reviews.append((name, order, {k: _f1(v, truth) for k, v in got.items()}))
    print()
    print("| data | order | " + " | ".join(f"F1 after {d}" for d in args.decisions) + " |")
    print("|---|---|" + "---|" * len(args.decisions))
    for name, order, scores in reviews:
        print(f"| {name} | {order} | " + " | ".join(str(scores[d]) for d in args.decisions) + " |")


if __name__ == "__main__":
    main()
