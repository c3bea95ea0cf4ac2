# The README quotes these targets. `make test` is what CI runs.
PYTHON ?= python
# Plain cargo gets its own target dir: maturin's PYO3_* variables would otherwise make
# cargo rebuild all of polars each time it alternates with maturin.
CORE_TARGET := target/cargo-core
PY_TARGET := target/cargo-python

.PHONY: install demo test test-rust test-python lint docs bench fmt

install:
	pip install -e '.[test]'

demo:
	caselink demo

test: test-rust test-python lint docs

test-rust:
	CARGO_TARGET_DIR=$(CORE_TARGET) cargo test --locked

test-python:
	$(PYTHON) -m pytest

lint:
	cargo fmt --check
	CARGO_TARGET_DIR=$(CORE_TARGET) cargo clippy --locked --all-targets -- -D warnings
	CARGO_TARGET_DIR=$(PY_TARGET) cargo clippy --locked --all-targets --features python -- -D warnings
	$(PYTHON) -m ruff check .
	$(PYTHON) -m ruff format --check .
	$(PYTHON) -m mypy.stubtest caselink._core
	$(PYTHON) -m mypy python/caselink

# The API reference from the docstrings, offline, into a temporary directory (removed after).
docs:
	out=$$(mktemp -d) && $(PYTHON) -m mkdocs build --strict --quiet --site-dir "$$out/site"; \
	status=$$?; rm -rf "$$out"; exit $$status

bench:
	$(PYTHON) benchmarks/bench_synthetic.py

fmt:
	cargo fmt
	$(PYTHON) -m ruff format .
	$(PYTHON) -m ruff check --fix .
