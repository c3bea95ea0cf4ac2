"""mkdocs hook: the docstrings use Sphinx roles (``:func:`dedupe```), which mkdocstrings
renders literally; keep the code and drop the role's prefix."""

from __future__ import annotations

import re
from typing import Any

_ROLE = re.compile(r":(?:func|meth|class|attr|mod|data|obj|exc):(?=<code>)")


def on_page_content(html: str, **_: Any) -> str:
    return _ROLE.sub("", html)
