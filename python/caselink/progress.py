"""Progress bars and logging for the long steps of linking.

``dedupe``, ``link`` and :meth:`caselink.Linker.resolve` (also ``train`` and ``predict``)
run in stages: reading and standardising the records, then the core's work (training,
scoring and clustering, one call that releases the GIL), then the entity summary. Each
stage is logged on the ``"caselink"`` logger (``logging.getLogger("caselink")``: INFO
with its duration) and, when progress is on, ticks a ``tqdm`` bar (``tqdm.auto``: a
widget in Jupyter, text in a terminal). The bar only appears once the work has taken more
than a second, so quick calls stay quiet.

Whether bars are shown, from the first that applies:

1. the ``progress=`` argument of the call (``True`` / ``False``);
2. :func:`set_progress` (``True`` / ``False``; ``None`` goes back to automatic);
3. the ``CASELINK_PROGRESS`` environment variable (``1`` / ``0``);
4. automatic: off when the ``CI`` environment variable is set, on in a Jupyter kernel or
   when standard error is a terminal, off otherwise (logs, pipes, batch jobs).

Examples
--------
>>> import caselink
>>> caselink.set_progress(False)  # never show bars in this session
>>> caselink.progress.progress_enabled()
False
>>> caselink.progress.progress_enabled(True)  # a call's own argument wins
True
>>> caselink.set_progress(None)  # back to automatic
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["logger", "progress_enabled", "set_progress"]

#: The library's logger: stage timings at INFO, details at DEBUG. Nothing is printed.
logger = logging.getLogger("caselink")

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}

# None: automatic.
_chosen: bool | None = None

#: Seconds a bar waits before it appears (quick calls show nothing).
DELAY = 1.0


def set_progress(enabled: bool | None) -> None:
    """Turns progress bars on (``True``) or off (``False``) for this Python session, or
    back to automatic (``None``); a call's ``progress=`` argument still wins."""
    global _chosen
    if enabled is not None and not isinstance(enabled, bool):
        from caselink.exceptions import InvalidInputError

        raise InvalidInputError(f"set_progress takes True, False or None, got {enabled!r}")
    _chosen = enabled


def _in_notebook() -> bool:
    return "ipykernel.zmqshell" in sys.modules


def progress_enabled(progress: bool | None = None) -> bool:
    """Whether a call with this ``progress=`` argument shows bars (see the module)."""
    if progress is not None:
        return bool(progress)
    if _chosen is not None:
        return _chosen
    env = os.environ.get("CASELINK_PROGRESS", "").strip().lower()
    if env in _TRUE | _FALSE:
        return env in _TRUE
    if os.environ.get("CI", "").strip().lower() not in {"", *_FALSE}:
        return False
    if _in_notebook():
        return True
    stream = sys.stderr
    return stream is not None and hasattr(stream, "isatty") and stream.isatty()


class Stages:
    """The stages of one task: each logged with its duration and, when progress is on,
    one tick of a bar. Use through :func:`stages`."""

    def __init__(self, task: str, total: int, bar: Any) -> None:
        self.task = task
        self.total = total
        self.done = 0
        self._bar = bar
        self._stage = ""
        self._substep_start = 0.0
        self._substep = ""

    def substep(self, name: str) -> None:
        """Names the part of the current stage now running (shown on the bar, and each
        part logged at DEBUG with the time it took, to about a tenth of a second)."""
        now = time.perf_counter()
        if self._substep:
            logger.debug(
                "%s: %s: %s in %.2f s",
                self.task,
                self._stage,
                self._substep,
                now - self._substep_start,
            )
        self._substep, self._substep_start = name, now
        if self._bar is not None and name:
            self._bar.set_description_str(f"{self.task}: {self._stage} ({name})")

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        """Runs one stage: ``with stages.step("standardise"): ...``."""
        if self._bar is not None:
            self._bar.set_description_str(f"{self.task}: {name}")
        logger.debug("%s: %s ...", self.task, name)
        self._stage = name
        start = time.perf_counter()
        yield
        self.substep("")
        self.done += 1
        logger.info(
            "%s: %s in %.2f s (%d/%d)",
            self.task,
            name,
            time.perf_counter() - start,
            self.done,
            self.total,
        )
        if self._bar is not None:
            self._bar.update(1)


@contextmanager
def stages(task: str, total: int, progress: bool | None = None) -> Iterator[Stages]:
    """A :class:`Stages` for ``task`` with ``total`` stages; the bar (if any) is closed
    on exit, also on errors."""
    bar = None
    if progress_enabled(progress):
        from tqdm.auto import tqdm  # type: ignore[import-untyped]

        bar = tqdm(
            total=total,
            desc=task,
            unit="stage",
            delay=DELAY,
            mininterval=0,
            leave=False,
            bar_format="{desc} | stage {n_fmt}/{total_fmt} | {elapsed}",
        )
    start = time.perf_counter()
    try:
        yield Stages(task, total, bar)
    finally:
        if bar is not None:
            bar.close()
    logger.info("%s done in %.2f s", task, time.perf_counter() - start)
