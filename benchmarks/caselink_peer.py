"""caselink's side of the linkage benchmark against Splink (``splink_peer.py``).

    python benchmarks/caselink_peer.py DATASET [--people N] [--threshold P] [--out result.json]

DATASET is one of ``fake_1000``, ``febrl2``, ``febrl4`` (files in /work/shared/data, or
``--data-dir``) or ``synthetic`` (``caselink.datasets.synthetic(N, seed=0)``), loaded by
``datasets_for_bench.py`` exactly as for Splink. FEBRL1 is left out because
``splink_peer.py`` has no model for it.

caselink runs with its defaults: ``dedupe`` (``link`` for the two FEBRL4 files) with the
column mappings of tests/test_public_benchmarks.py for the public files and no mapping for
the synthetic records, unsupervised, clustering at caselink's default match probability
(0.5; Splink's runs cluster at 0.95, each tool at its own default). It prints one JSON
object in the format of ``splink_peer.py``:

- ``wall_s``: from the raw frames in memory to the clusters, i.e. the whole
  ``dedupe``/``link`` call, which includes caselink's standardisation, training,
  prediction and clustering. Reading CSVs and generating synthetic data are outside it.
- ``prep_s``: always 0; caselink prepares its own input inside ``wall_s``.
- ``peak_rss_mb``: the process peak (``ru_maxrss``), which includes loading the data;
  ``peak_rss_before_caselink_mb`` is the peak before the timed call.
- ``pairs_scored``: every candidate pair caselink scored (the sum of
  ``res.blocking["new_pairs"]``; ``res.pairs`` keeps those at or above 1e-4).
- ``pairs_predicted``: the scored pairs at or above the clustering threshold.
- ``precision``, ``recall``, ``f1``, ``bcubed_f1``: cluster-level scores from
  ``caselink.evaluate`` against the dataset's truth.
"""

from __future__ import annotations

import argparse
import inspect
import json
import platform
import resource
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import polars as pl
from datasets_for_bench import (
    DATASETS,
    DEFAULT_DATA_DIR,
    BenchData,
    dataset_label,
    import_caselink,
    load,
)

ColumnMapping = dict[str, str | list[str]]

FEBRL: ColumnMapping = {
    "record_id": "rec_id",
    "given_name": "given_name",
    "family_name": "surname",
    "dob": "date_of_birth",
    "address": ["street_number", "address_1", "address_2"],
    "city": "suburb",
    "postcode": "postcode",
    "id_number": "soc_sec_id",
}
FAKE_1000: ColumnMapping = {
    "record_id": "unique_id",
    "given_name": "first_name",
    "family_name": "surname",
    "dob": "dob",
    "city": "city",
    "email": "email",
}
COLUMNS: dict[str, ColumnMapping | None] = {
    "fake_1000": FAKE_1000,
    "febrl2": FEBRL,
    "febrl4": FEBRL,
    "synthetic": None,  # caselink's own multi-agency formats
}
SETTINGS: dict[str, str] = {
    "fake_1000": "caselink defaults, dedupe, FAKE_1000 column mapping",
    "febrl2": "caselink defaults, dedupe, FEBRL column mapping",
    "febrl4": "caselink defaults, link (two files), FEBRL column mapping",
    "synthetic": "caselink defaults, dedupe, raw synthetic records (no mapping)",
}


def default_threshold(caselink: ModuleType) -> float:
    """The clustering threshold ``caselink.dedupe`` uses when given none."""
    return float(inspect.signature(caselink.dedupe).parameters["threshold"].default)


def run_caselink(
    caselink: ModuleType, dataset: str, data: BenchData, threshold: float
) -> tuple[Any, float]:
    """dedupe (or link, for two frames) from raw frames to clusters; (Resolution, wall s)."""
    columns = COLUMNS[dataset]
    start = time.perf_counter()
    if len(data.frames) == 2:
        left, right = data.frames
        res = caselink.link(left, right, columns=columns, threshold=threshold)
    else:
        res = caselink.dedupe(data.frames[0], columns=columns, threshold=threshold)
    return res, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dataset", choices=DATASETS)
    parser.add_argument("--people", type=int, default=5_000, help="synthetic only")
    parser.add_argument(
        "--threshold", type=float, help="match probability to cluster at (caselink's default)"
    )
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    parser.add_argument("--out", type=Path, help="also write the JSON here")
    args = parser.parse_args()

    caselink = import_caselink()
    threshold: float = args.threshold if args.threshold is not None else default_threshold(caselink)
    data = load(args.dataset, args.data_dir, args.people)
    rss_before_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    res, wall = run_caselink(caselink, args.dataset, data, threshold)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    clusters: pl.DataFrame = res.clusters
    pairs: pl.DataFrame = res.pairs
    truth = data.truth.select(pl.col("record_id").cast(pl.String), pl.all().exclude("record_id"))
    if clusters.height != data.records or set(clusters["record_id"]) != set(truth["record_id"]):
        raise RuntimeError("caselink's clusters do not cover exactly the truth's records")
    scores = caselink.evaluate(clusters, truth).row(0, named=True)

    result: dict[str, Any] = {
        "tool": "caselink",
        "version": caselink.__version__,
        "dataset": dataset_label(args.dataset, args.people),
        "records": data.records,
        "threshold": threshold,
        "wall_s": round(wall, 3),
        "prep_s": 0.0,
        "peak_rss_mb": round(peak_mb, 1),
        "peak_rss_before_caselink_mb": round(rss_before_mb, 1),
        "pairs_scored": int(res.blocking["new_pairs"].sum()),
        "pairs_predicted": pairs.filter(pl.col("match_probability") >= threshold).height,
        "clusters": clusters["entity_id"].n_unique(),
        "true_entities": truth[truth.columns[1]].n_unique(),
        "precision": round(scores["precision"], 4),
        "recall": round(scores["recall"], 4),
        "f1": round(scores["f1"], 4),
        "bcubed_f1": round(scores["bcubed_f1"], 4),
        "settings": SETTINGS[args.dataset],
        "python": platform.python_version(),
    }
    text = json.dumps(result)
    print(text)
    if args.out:
        args.out.write_text(text + "\n")


if __name__ == "__main__":
    main()
