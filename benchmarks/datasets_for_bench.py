"""The linkage benchmark datasets as raw in-memory frames, with their truth.

Shared by ``caselink_peer.py`` and ``splink_peer.py`` so that both tools get the same
records and are scored against the same truth. Loading is never part of a timed run.

- ``fake_1000``: Splink's demo data (``fake_1000.csv``), one frame without the ``cluster``
  column; the truth is ``unique_id`` -> ``cluster``.
- ``febrl2``: FEBRL2 (``febrl2.csv``), one frame to deduplicate.
- ``febrl4``: FEBRL4 (``febrl4a.csv`` and ``febrl4b.csv``), two frames to link.
- ``synthetic``: ``caselink.datasets.synthetic(people, seed=0)``, the raw multi-agency
  records without ``true_person_id``; the truth is ``data.truth.clusters()``.

CSV files are read from ``/work/shared/data`` (or another ``data_dir``) with every column
as text and nothing else changed. The FEBRL truth is the connected components of the
shipped true-link pairs (``febrl*_true_links.csv``).
"""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import polars as pl

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA_DIR = Path("/work/shared/data")
DATASETS = ("fake_1000", "febrl2", "febrl4", "synthetic")


def import_caselink() -> ModuleType:
    """caselink from the environment, else from this checkout's python/ folder."""
    try:
        return importlib.import_module("caselink")
    except ImportError:
        sys.path.insert(0, str(REPO / "python"))
        return importlib.import_module("caselink")


@dataclass(frozen=True)
class BenchData:
    """One dataset: the input frames (one to deduplicate, two to link) and the truth."""

    frames: list[pl.DataFrame]
    truth: pl.DataFrame  # record_id (text) and one entity column

    @property
    def records(self) -> int:
        return sum(f.height for f in self.frames)


def read_strings(path: Path) -> pl.DataFrame:
    """A CSV file with every column read as text."""
    return pl.read_csv(path, infer_schema=False)


def clusters_from_pairs(ids: list[str], pairs: pl.DataFrame) -> pl.DataFrame:
    """Union-find over true-link pairs: one entity per connected component."""
    parent = {i: i for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs.iter_rows():
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[rb] = ra
    return pl.DataFrame({"record_id": ids, "entity": [find(i) for i in ids]})


def load_fake_1000(data_dir: Path) -> BenchData:
    df = read_strings(data_dir / "fake_1000.csv")
    truth = df.select(record_id="unique_id", cluster="cluster")
    return BenchData(frames=[df.drop("cluster")], truth=truth)


def load_febrl2(data_dir: Path) -> BenchData:
    df = read_strings(data_dir / "febrl2.csv")
    links = read_strings(data_dir / "febrl2_true_links.csv")
    return BenchData(frames=[df], truth=clusters_from_pairs(df["rec_id"].to_list(), links))


def load_febrl4(data_dir: Path) -> BenchData:
    a = read_strings(data_dir / "febrl4a.csv")
    b = read_strings(data_dir / "febrl4b.csv")
    ids = pl.concat([a["rec_id"], b["rec_id"]])
    if ids.n_unique() != ids.len():
        raise ValueError("FEBRL4 record ids are not unique across the two files")
    links = read_strings(data_dir / "febrl4_true_links.csv")
    return BenchData(frames=[a, b], truth=clusters_from_pairs(ids.to_list(), links))


def load_synthetic(people: int) -> BenchData:
    import_caselink()
    from caselink.datasets import synthetic

    data = synthetic(people, seed=0)
    return BenchData(frames=[data.records.drop("true_person_id")], truth=data.truth.clusters())


def load(dataset: str, data_dir: Path = DEFAULT_DATA_DIR, people: int = 5_000) -> BenchData:
    """One of :data:`DATASETS`; ``people`` is used by ``synthetic`` only."""
    if dataset == "fake_1000":
        return load_fake_1000(data_dir)
    if dataset == "febrl2":
        return load_febrl2(data_dir)
    if dataset == "febrl4":
        return load_febrl4(data_dir)
    if dataset == "synthetic":
        return load_synthetic(people)
    raise ValueError(f"unknown dataset {dataset!r}; expected one of {DATASETS}")


def dataset_label(dataset: str, people: int) -> str:
    """The name a result row carries: ``synthetic_<people>`` or the dataset's name."""
    return f"synthetic_{people}" if dataset == "synthetic" else dataset
