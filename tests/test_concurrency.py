"""Rust work releases the GIL and is safe to call from several threads at once."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import polars as pl
from polars.testing import assert_frame_equal

import caselink
from caselink import _core


def test_parallel_calls_give_the_serial_results() -> None:
    records = caselink.datasets.synthetic(1_000, seed=4).records.drop("true_person_id")
    serial = caselink.standardise(records)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: caselink.standardise(records), range(4)))
    for result in results:
        assert_frame_equal(result, serial)


def _ticks_inside(call: Callable[[], object]) -> tuple[int, float]:
    """Runs ``call`` in a thread while this thread spins, and returns how many spins
    happened strictly inside the call (its first and last 20 ms left out: the switch in
    and out) and how long that interior lasted. A call that holds the GIL allows none."""
    base = time.perf_counter()
    span: list[float] = []
    done = threading.Event()

    def work() -> None:
        span.append(time.perf_counter())
        result = call()
        span.append(time.perf_counter())
        done.set()
        del result  # freed after the span: freeing a big result holds the GIL too

    per_ms = [0] * 120_000
    worker = threading.Thread(target=work)
    worker.start()
    while not done.is_set():
        per_ms[int((time.perf_counter() - base) * 1000)] += 1
    worker.join()
    first, last = (int((t - base) * 1000) for t in span)
    interior = per_ms[first + 20 : last - 20]
    return sum(interior), len(interior) / 1000


def test_python_threads_run_while_rust_works() -> None:
    # One direct Rust call (no Python or polars stage around it): 2,500 x 2,500 names.
    names = caselink.datasets.synthetic(2_000, seed=5).records["full_name"].drop_nulls()
    a = pl.concat([names] * 2)[:2_500]
    ticks, seconds = _ticks_inside(lambda: _core.similarity_cdist(a, a, "jaro_winkler"))
    assert seconds > 0.05, "the call was too short to tell"
    assert ticks > 1_000, (ticks, seconds)


def test_the_tick_count_fails_when_the_gil_is_held() -> None:
    # The control: sorting a list of ints is C code that holds the GIL throughout.
    numbers = random.Random(1).sample(range(10**9), 2_000_000)
    ticks, seconds = _ticks_inside(lambda: sorted(numbers))
    assert seconds > 0.05, "the call was too short to tell"
    assert ticks == 0, (ticks, seconds)
