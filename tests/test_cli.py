"""The demo runs end to end from the command line and writes its outputs."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest


@pytest.mark.parametrize("entry", ["module", "script"])
def test_demo_runs_and_writes_parquet(tmp_path: Path, entry: str) -> None:
    out = tmp_path / "out"
    if entry == "module":
        cmd = [sys.executable, "-m", "caselink"]
    else:
        script = shutil.which("caselink")
        assert script is not None, "the caselink console script is not on PATH"
        cmd = [script]
    result = subprocess.run(
        [*cmd, "demo", "--people", "300", "--seed", "2", "--out", str(out)],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Records per agency" in result.stdout
    assert "One person, as each agency wrote them" in result.stdout
    assert str(out.resolve()) in result.stdout
    # A day with the entity store: the store file stays, its records are the caseload's.
    assert "The entity store (cell.db)" in result.stdout
    assert "reviewed two pairs" in result.stdout
    store_records = subprocess.run(
        [sys.executable, "-c", "import caselink, sys; "
         "print(caselink.Store.open(sys.argv[1]).records().height)", str(out / "cell.db")],
        capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    records = pl.read_parquet(out / "records.parquet")
    assert int(store_records.stdout) == records.height
    assert records["true_person_id"].n_unique() == 300
    assert (out / "events.parquet").exists()


def test_demo_reports_bad_arguments(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "caselink", "demo", "--people", "0", "--out", str(tmp_path)],
        capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert result.returncode == 2
    assert "people must be a positive integer" in result.stdout
