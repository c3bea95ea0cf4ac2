"""The notebooks (jupytext percent scripts) run top to bottom."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.py"))


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[n.name for n in NOTEBOOKS])
def test_notebook_runs(notebook: Path) -> None:
    runpy.run_path(str(notebook), run_name="__main__")


def test_there_are_notebooks() -> None:
    assert NOTEBOOKS
