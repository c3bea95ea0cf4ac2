"""The README's Python snippets run as written, top to bottom (docs are tests)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
SNIPPETS = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL)


def test_readme_snippets_run_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    assert len(SNIPPETS) >= 3
    # Relative paths in the README are relative to the repository root; a reader runs the
    # snippets in one session, so they share a namespace.
    monkeypatch.chdir(README.parent)
    namespace: dict[str, object] = {}
    for index, snippet in enumerate(SNIPPETS):
        exec(compile(snippet, f"README.md snippet {index}", "exec"), namespace)
