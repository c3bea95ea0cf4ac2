"""Side-by-side linkage benchmark: caselink against Splink 5 (DuckDB), one process per run.

Splink lives in its own virtualenv. That venv sees the system site-packages, so polars and
caselink are available in it, but Splink, DuckDB and sqlglot stay out of caselink's own
environment. Set it up once:

    python -m venv --system-site-packages /work/.venvs/splink
    /work/.venvs/splink/bin/pip install 'splink==5.0.0'

Then run, from the repository root, with the Python that has caselink:

    python benchmarks/bench_linking.py [--datasets fake_1000 febrl2 febrl4 synthetic]
        [--people 5000 20000 40000] [--repeat N] [--splink-python PATH] [--out results.json]

For each dataset (``synthetic`` once per ``--people`` value) this runs
``caselink_peer.py`` with this interpreter (``sys.executable``) and ``splink_peer.py`` with
``--splink-python`` (default /work/.venvs/splink/bin/python), each ``--repeat`` times in a
fresh subprocess. If that interpreter is missing or cannot import splink, a note says so
and only caselink runs. Both peers load the same data through ``datasets_for_bench.py``
and score against the same truth with ``caselink.evaluate``; see their docstrings for
what is timed. caselink runs on the raw records and standardises them inside its wall
time; Splink gets caselink's standardised synthetic records, prepared outside its wall
time (its ``prep_s``).

It prints a markdown table (median wall time over the repeats, the largest peak RSS,
pairs scored, pairs scored per second of wall time, cluster-level pairwise precision,
recall and F1) and, per dataset, the speed ratio (Splink wall / caselink wall) and the F1
difference (caselink - Splink). ``--out`` writes every run's JSON row plus the summary.
Wall times depend on what else the machine is doing; run on a quiet machine, or with
``--repeat 3`` or more, before quoting them.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_SPLINK_PYTHON = Path("/work/.venvs/splink/bin/python")
DEFAULT_DATA_DIR = Path("/work/shared/data")
DATASETS = ("fake_1000", "febrl2", "febrl4", "synthetic")
TOOLS = ("caselink", "splink")
IMPORT_RETRIES = 2  # the extension may be rebuilt under us: wait and retry a failed import
IMPORT_RETRY_WAIT_S = 30.0


@dataclass
class Case:
    """One dataset at one size."""

    dataset: str
    people: int

    @property
    def label(self) -> str:
        return f"synthetic_{self.people}" if self.dataset == "synthetic" else self.dataset


@dataclass
class Outcome:
    """Every run of one tool on one case, or why it failed."""

    case: Case
    tool: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None

    def summary(self) -> dict[str, Any] | None:
        """The first run's row with the median wall time and the largest peak RSS."""
        if not self.rows:
            return None
        row = dict(self.rows[0])
        walls = [float(r["wall_s"]) for r in self.rows]
        row["wall_s"] = statistics.median(walls)
        row["wall_s_runs"] = walls
        row["peak_rss_mb"] = max(float(r["peak_rss_mb"]) for r in self.rows)
        wall = row["wall_s"]
        row["pairs_per_s"] = row["pairs_scored"] / wall if wall > 0 else None
        return row


def splink_problem(python: Path) -> str | None:
    """None if ``python`` exists and imports splink, else what is wrong."""
    if not python.exists():
        return f"{python} does not exist"
    try:
        done = subprocess.run(
            [str(python), "-c", "import splink; print(splink.__version__)"],
            capture_output=True,
            text=True,
            timeout=300,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"{python} could not be run: {exc}"
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines()
        return f"{python} cannot import splink ({lines[-1] if lines else 'no message'})"
    return None


def run_once(python: Path, tool: str, case: Case, data_dir: Path, timeout: float) -> dict[str, Any]:
    """One peer run in a fresh process; its JSON row. Raises RuntimeError on failure."""
    script = HERE / f"{tool}_peer.py"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "row.json"
        cmd = [str(python), str(script), case.dataset, "--people", str(case.people)]
        cmd += ["--data-dir", str(data_dir), "--out", str(out)]
        for attempt in range(IMPORT_RETRIES + 1):
            try:
                done = subprocess.run(
                    cmd, cwd=REPO, capture_output=True, text=True, timeout=timeout
                )
            except subprocess.TimeoutExpired as exc:
                raise RuntimeError(f"timed out after {timeout:.0f} s") from exc
            if done.returncode == 0 and out.exists():
                row: dict[str, Any] = json.loads(out.read_text())
                return row
            tail = "\n".join(done.stderr.strip().splitlines()[-15:])
            import_failed = "ImportError" in done.stderr or "ModuleNotFoundError" in done.stderr
            if import_failed and attempt < IMPORT_RETRIES:
                print(
                    f"    import failed (extension being rebuilt?); retrying in "
                    f"{IMPORT_RETRY_WAIT_S:.0f} s",
                    file=sys.stderr,
                )
                time.sleep(IMPORT_RETRY_WAIT_S)
                continue
            raise RuntimeError(f"exit code {done.returncode}:\n{tail}")
    raise AssertionError("unreachable")


def fmt_int(value: Any) -> str:
    return f"{int(value):,}" if value is not None else "-"


def fmt_float(value: Any, digits: int) -> str:
    return f"{float(value):.{digits}f}" if value is not None else "-"


def fmt_rate(value: Any) -> str:
    if value is None:
        return "-"
    rate = float(value)
    return f"{rate / 1e6:.2f} M" if rate >= 1e6 else f"{rate / 1e3:.0f} k"


def markdown_table(outcomes: list[Outcome]) -> str:
    lines = [
        "| dataset | records | tool | wall s | peak RSS MB | pairs scored | pairs/s "
        "| precision | recall | F1 |",
        "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for o in outcomes:
        s = o.summary()
        if s is None:
            lines.append(f"| {o.case.label} | - | {o.tool} | failed | | | | | | |")
            continue
        lines.append(
            f"| {o.case.label} | {fmt_int(s['records'])} | {o.tool} "
            f"| {fmt_float(s['wall_s'], 2)} | {fmt_float(s['peak_rss_mb'], 0)} "
            f"| {fmt_int(s['pairs_scored'])} | {fmt_rate(s['pairs_per_s'])} "
            f"| {fmt_float(s['precision'], 4)} | {fmt_float(s['recall'], 4)} "
            f"| {fmt_float(s['f1'], 4)} |"
        )
    return "\n".join(lines)


def comparisons(outcomes: list[Outcome]) -> list[dict[str, Any]]:
    """Per case: Splink wall / caselink wall and caselink F1 - Splink F1."""
    by_case: dict[str, dict[str, dict[str, Any] | None]] = {}
    for o in outcomes:
        by_case.setdefault(o.case.label, {})[o.tool] = o.summary()
    result = []
    for label, tools in by_case.items():
        c, s = tools.get("caselink"), tools.get("splink")
        entry: dict[str, Any] = {"dataset": label, "speed_ratio": None, "f1_diff": None}
        if c is not None and s is not None:
            if c["wall_s"] > 0:
                entry["speed_ratio"] = s["wall_s"] / c["wall_s"]
            entry["f1_diff"] = c["f1"] - s["f1"]
        result.append(entry)
    return result


def comparison_lines(entries: list[dict[str, Any]]) -> str:
    lines = []
    for e in entries:
        if e["speed_ratio"] is None or e["f1_diff"] is None:
            lines.append(f"- {e['dataset']}: no comparison (a run is missing)")
            continue
        lines.append(
            f"- {e['dataset']}: Splink wall / caselink wall = {e['speed_ratio']:.1f}x; "
            f"F1 caselink - Splink = {e['f1_diff']:+.4f}"
        )
    return "\n".join(lines)


def git_state() -> dict[str, Any]:
    """HEAD and whether the sources differ from it (another engineer may be editing)."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "src", "python", "Cargo.toml"],
            cwd=REPO,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except OSError:
        return {}
    return {"head": head, "sources_modified": bool(dirty)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--datasets", nargs="+", choices=DATASETS, default=list(DATASETS))
    parser.add_argument(
        "--people", nargs="+", type=int, default=[5_000, 20_000, 40_000], help="synthetic sizes"
    )
    parser.add_argument("--repeat", type=int, default=1, help="runs per tool and dataset")
    parser.add_argument("--splink-python", type=Path, default=DEFAULT_SPLINK_PYTHON)
    parser.add_argument("--data-dir", type=Path, default=DEFAULT_DATA_DIR)
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds per run")
    parser.add_argument("--out", type=Path, help="write all runs and the summary as JSON")
    args = parser.parse_args()
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    tools = list(TOOLS)
    problem = splink_problem(args.splink_python)
    if problem is not None:
        print(
            f"NOTE: Splink is not available ({problem}); running caselink only. "
            "See this script's docstring to set up the Splink venv.",
            file=sys.stderr,
        )
        tools = ["caselink"]
    pythons = {"caselink": Path(sys.executable), "splink": args.splink_python}

    cases = [
        Case(d, p)
        for d in args.datasets
        for p in (args.people if d == "synthetic" else [args.people[0]])
    ]
    started = datetime.now(UTC)
    load_before = os.getloadavg()
    outcomes: list[Outcome] = []
    for case in cases:
        for tool in tools:
            outcome = Outcome(case, tool)
            outcomes.append(outcome)
            for i in range(args.repeat):
                print(
                    f"{case.label}: {tool} run {i + 1}/{args.repeat} ...",
                    file=sys.stderr,
                    flush=True,
                )
                try:
                    row = run_once(pythons[tool], tool, case, args.data_dir, args.timeout)
                except RuntimeError as exc:
                    outcome.error = str(exc)
                    print(f"    FAILED: {exc}", file=sys.stderr, flush=True)
                    break
                outcome.rows.append(row)
                print(f"    {row['wall_s']:.2f} s, F1 {row['f1']:.4f}", file=sys.stderr, flush=True)

    entries = comparisons(outcomes)
    print(markdown_table(outcomes))
    print()
    print(comparison_lines(entries))
    if problem is not None:
        print(f"\n(Splink not run: {problem}.)")

    if args.out:
        report = {
            "date_utc": started.isoformat(timespec="seconds"),
            "command": shlex.join([Path(sys.executable).name, *sys.argv]),
            "repeat": args.repeat,
            "cpus": os.cpu_count(),
            "load_average_before": load_before,
            "load_average_after": os.getloadavg(),
            "python": platform.python_version(),
            "splink_python": str(args.splink_python),
            "splink_problem": problem,
            "caselink_git": git_state(),
            "summary": [
                {"tool": o.tool, **(o.summary() or {"dataset": o.case.label, "error": o.error})}
                for o in outcomes
            ],
            "comparisons": entries,
            "runs": [row for o in outcomes for row in o.rows],
        }
        args.out.write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
