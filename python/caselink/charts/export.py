"""Charts out of Python: files written offline (:func:`save`) and Jupyter drawing
without the internet (:func:`render_offline`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from caselink.charts._theme import _altair
from caselink.exceptions import InvalidInputError

__all__ = ["render_offline", "save"]


def save(chart: Any, path: str | Path, scale: float = 2.0) -> Path:
    """Writes a chart as PNG or SVG (by the file's suffix) with ``vl-convert``: no
    browser, no network.

    Parameters
    ----------
    chart
        Any Altair chart (these functions' or your own).
    path
        Ends in ``.png`` or ``.svg`` (``.html`` and ``.json`` also work: Altair writes
        them).
    scale
        Pixel density of a PNG (2: sharp on screens and in print).

    Returns
    -------
    pathlib.Path
        The file written.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in {".png", ".svg", ".html", ".json"}:
        raise InvalidInputError(
            f"cannot tell the format of {str(path)!r}: use a .png, .svg, .html or .json path"
        )
    if suffix == ".png":
        chart.save(str(path), format="png", scale_factor=scale)
    elif suffix == ".html":
        chart.save(str(path), format="html", inline=True)
    else:
        chart.save(str(path), format=suffix[1:])
    return path


def render_offline(kind: str = "svg") -> None:
    """Makes Jupyter draw charts without the internet (Altair's default renderer loads
    the Vega JavaScript from a CDN).

    Parameters
    ----------
    kind
        ``"svg"`` (default) or ``"png"``: static images drawn locally by ``vl-convert``
        (no tooltips); ``"interactive"``: Altair's ``jupyter`` widget renderer with the
        JavaScript bundled by ``vl-convert`` (tooltips work; needs the ``anywidget``
        package).
    """
    import importlib.util

    alt = _altair()
    if kind in {"svg", "png"}:
        alt.renderers.enable(kind)
    elif kind == "interactive":
        if importlib.util.find_spec("anywidget") is None:
            raise InvalidInputError(
                "render_offline('interactive') needs the anywidget package "
                "(pip install anywidget); render_offline('svg') needs nothing more"
            )
        alt.renderers.enable("jupyter", offline=True)
    else:
        raise InvalidInputError(f"kind must be 'svg', 'png' or 'interactive', got {kind!r}")
