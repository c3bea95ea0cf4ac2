"""Progress bars can be switched off (and on), and every stage is logged."""

from __future__ import annotations

import io
import logging
import sys
from collections.abc import Iterator

import polars as pl
import pytest

import caselink
from caselink import progress


@pytest.fixture(autouse=True)
def automatic(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv("CASELINK_PROGRESS", raising=False)
    monkeypatch.delenv("CI", raising=False)
    caselink.set_progress(None)
    yield
    caselink.set_progress(None)


@pytest.fixture(scope="module")
def records() -> pl.DataFrame:
    return caselink.datasets.synthetic(people=200, seed=6).records.drop("true_person_id")


def test_the_switches_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    assert not progress.progress_enabled()  # automatic: off in CI
    monkeypatch.setenv("CASELINK_PROGRESS", "1")
    assert progress.progress_enabled()  # the environment variable beats automatic
    caselink.set_progress(False)
    assert not progress.progress_enabled()  # the session's choice beats the variable
    assert progress.progress_enabled(True)  # a call's argument beats everything
    caselink.set_progress(True)
    assert not progress.progress_enabled(False)
    with pytest.raises(caselink.InvalidInputError, match="True, False or None"):
        caselink.set_progress("yes")  # type: ignore[arg-type]


def test_automatic_follows_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert not progress.progress_enabled()  # a pipe or a log file
    monkeypatch.setattr(sys, "stderr", Terminal())
    assert progress.progress_enabled()
    monkeypatch.setenv("CI", "1")
    assert not progress.progress_enabled()


def test_bars_show_when_on_and_not_when_off(
    records: pl.DataFrame, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(progress, "DELAY", 0.0)  # show even the quick stages
    caselink.dedupe(records, progress=True)
    err = capsys.readouterr().err
    assert "resolve (dedupe)" in err
    assert "stage 3/3" in err
    caselink.set_progress(True)
    caselink.dedupe(records, progress=False)
    caselink.set_progress(False)
    caselink.dedupe(records)
    captured = capsys.readouterr()
    assert captured.err == ""
    assert captured.out == ""


def test_stages_are_logged(records: pl.DataFrame, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="caselink"):
        linker = caselink.Linker().train(records, progress=False)
        linker.predict(records, progress=False)
        caselink.dedupe(records, progress=False)
    messages = [r.getMessage() for r in caplog.records if r.name == "caselink"]
    assert any(m.startswith("train: standardise in") for m in messages)
    assert any(m.startswith("predict: score in") for m in messages)
    assert any("train, score and cluster in" in m for m in messages)
    assert any(m.startswith("resolved ") and "entities" in m for m in messages)
    assert any(m.startswith("resolve (dedupe) done in") for m in messages)


def test_a_trained_linker_only_scores_and_clusters(
    records: pl.DataFrame, caplog: pytest.LogCaptureFixture
) -> None:
    linker = caselink.Linker().train(records, progress=False)
    with caplog.at_level(logging.INFO, logger="caselink"):
        linker.resolve(records, progress=False)
    messages = [r.getMessage() for r in caplog.records]
    assert any(": score and cluster in" in m for m in messages)
    assert not any("train, score" in m for m in messages)


def parts_logged(caplog: pytest.LogCaptureFixture, stage: str) -> list[str]:
    """The parts of `stage` logged at DEBUG, in order ("task: stage: part in 0.12 s")."""
    prefix = f": {stage}: "
    return [
        m.split(prefix, 1)[1].rsplit(" in ", 1)[0]
        for m in (r.getMessage() for r in caplog.records if r.name == "caselink")
        if prefix in m
    ]


def test_the_parts_of_the_core_stage_are_reported_in_order(
    records: pl.DataFrame, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    with caplog.at_level(logging.DEBUG, logger="caselink"):
        caselink.dedupe(records, progress=False)
    steps = ["block", "compare", "train", "score", "cluster"]
    assert parts_logged(caplog, "train, score and cluster") == steps
    caplog.clear()
    linker = caselink.Linker().train(records, progress=False)
    with caplog.at_level(logging.DEBUG, logger="caselink"):
        linker.resolve(records, progress=False)
    assert parts_logged(caplog, "score and cluster") == ["block", "compare and score", "cluster"]
    # With a bar, the part running is shown beside the stage.
    monkeypatch.setattr(progress, "DELAY", 0.0)
    descriptions: list[str] = []
    original = progress.Stages.substep

    def spy(self: progress.Stages, name: str) -> None:
        original(self, name)
        if self._bar is not None and name:
            descriptions.append(self._bar.desc)

    monkeypatch.setattr(progress.Stages, "substep", spy)
    caselink.dedupe(records, progress=True)
    assert descriptions[0] == "resolve (dedupe): train, score and cluster (block)"
    assert descriptions[-1] == "resolve (dedupe): train, score and cluster (cluster)"


def test_the_bar_closes_on_errors(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(progress, "DELAY", 0.0)
    bad = pl.DataFrame({"record_id": ["a", "a"], "full_name": ["x", "y"]})
    with pytest.raises(caselink.CaselinkError):
        caselink.dedupe(bad, progress=True)
    assert "stage 0/3" in capsys.readouterr().err
