"""Every public output on the synthetic data, FEBRL and fake_1000 is byte-identical to
the hashes recorded before the refactor of issue 15 (see ``tests/golden.py``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import golden


@pytest.fixture(scope="module")
def recorded() -> dict[str, str]:
    return json.loads(golden.HASHES.read_text())


@pytest.mark.parametrize("source", sorted(golden.SOURCES))
def test_outputs_are_unchanged(source: str, recorded: dict[str, str]) -> None:
    got = {name: golden.frame_hash(df) for name, df in golden.SOURCES[source]()}
    if source == "public" and not got:
        pytest.skip(f"benchmark data not found in {golden.SHARED_DATA}")
    changed = sorted(name for name, digest in got.items() if recorded.get(name) != digest)
    assert not changed, f"outputs changed: {changed}"
    assert set(got) == {name for name in recorded if name.split(".")[0] in _prefixes(source)}


def _prefixes(source: str) -> set[str]:
    return {"synthetic"} if source == "synthetic" else {"febrl1", "febrl4", "fake_1000"}
