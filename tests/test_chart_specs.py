"""Every chart's Vega-Lite spec is equal to the one recorded from the single-module
``charts.py`` before it became a package (issue 15, item 8; see ``tests/chart_specs.py``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import chart_specs


def test_chart_specs_are_unchanged() -> None:
    recorded = json.loads(chart_specs.HASHES.read_text())
    got = chart_specs.hashes()
    assert set(got) == set(recorded)
    changed = sorted(name for name, digest in got.items() if recorded[name] != digest)
    assert not changed, f"chart specs changed: {changed}"
