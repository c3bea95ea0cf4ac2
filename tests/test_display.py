"""Rich display: readable text reprs and small, self-contained HTML for Jupyter."""

from __future__ import annotations

import re

import polars as pl
import pytest

import caselink


@pytest.fixture(scope="module")
def records() -> pl.DataFrame:
    return caselink.datasets.synthetic(people=300, seed=4).records.drop("true_person_id")


@pytest.fixture(scope="module")
def res(records: pl.DataFrame) -> caselink.Resolution:
    return caselink.dedupe(records, progress=False)


def _self_contained(html: str) -> None:
    assert html.startswith("<div")
    assert html.endswith("</div>")
    assert "<script" not in html
    assert "http" not in html  # no external stylesheet, font or image
    assert html.count("<table") == html.count("</table>")
    assert len(html) < 20_000


def test_settings_repr_and_html() -> None:
    settings = caselink.Settings.for_people().replace(threshold=0.8)
    text = repr(settings)
    assert text.startswith("caselink Settings · dedupe")
    for name in settings.comparison_names():
        assert name in text
    assert "threshold: 0.8" in text
    assert "name_key_and_year" in text
    html = settings._repr_html_()
    _self_contained(html)
    assert "same name keys" in html  # the name comparison's best level
    assert "0.8" in html


def test_html_is_escaped() -> None:
    settings = caselink.Settings.for_people().with_comparisons(
        {"kind": "text", "column": "<b>vessel</b>"}
    )
    html = settings._repr_html_()
    assert "&lt;b&gt;vessel&lt;/b&gt;" in html
    assert "<b>vessel" not in html


def test_untrained_linker(records: pl.DataFrame) -> None:
    linker = caselink.Linker()
    text = repr(linker)
    assert "not trained" in text
    assert "train(records)" in text
    html = linker._repr_html_()
    _self_contained(html)
    assert "not trained" in html
    linker.count_pairs(records)
    assert f"records read: {records.height:,}" in repr(linker)


def test_trained_linker_shows_its_model(res: caselink.Resolution) -> None:
    linker = res.linker
    text = repr(linker)
    assert "(trained)" in text
    assert "not trained" not in text
    assert "prior:" in text
    model = linker.model
    assert model is not None
    for name in model.comparisons:
        assert name in text
    # The weight of the best name level, as in Linker.parameters.
    best = linker.parameters.filter(pl.col("comparison") == "name")["weight"][0]
    assert f"{best:+.1f}" in text
    html = linker._repr_html_()
    _self_contained(html)
    assert ">trained<" in html


def test_resolution_repr_and_html(res: caselink.Resolution) -> None:
    text = repr(res)
    first = text.splitlines()[0]
    assert first == (
        f"caselink Resolution · dedupe ({res.clusters.height:,} records → "
        f"{res.entities.height:,} entities)"
    )
    assert f"pairs scored: {res.blocking['new_pairs'].sum():,}" in text
    assert f"pairs kept in .pairs: {res.pairs.height:,}" in text
    largest = int(res.entities["records"].max())  # type: ignore[arg-type]
    assert f"largest entity: {largest:,} records" in text
    assert "chart_waterfall(a, b)" in text
    html = res._repr_html_()
    _self_contained(html)
    for rule in res.blocking["rule"]:
        assert str(rule) in html
    # Numbers are right-aligned cells with thousands separators.
    assert re.search(r"text-align: right[^>]*>[\d,]+</td>", html)
