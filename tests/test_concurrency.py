"""Rust work releases the GIL and is safe to call from several threads at once."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from polars.testing import assert_frame_equal

import caselink


def test_parallel_calls_give_the_serial_results() -> None:
    records = caselink.datasets.synthetic(1_000, seed=4).records.drop("true_person_id")
    serial = caselink.standardise(records)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: caselink.standardise(records), range(4)))
    for result in results:
        assert_frame_equal(result, serial)


def test_python_threads_run_while_rust_works() -> None:
    records = caselink.datasets.synthetic(4_000, seed=5).records.drop("true_person_id")
    done = threading.Event()
    ticks = 0

    def work() -> None:
        caselink.dedupe(records)
        done.set()

    worker = threading.Thread(target=work)
    worker.start()
    while not done.is_set():
        ticks += 1
    worker.join()
    # Were the GIL held for the whole Rust call, this loop could not have run meanwhile.
    assert ticks > 10_000
