"""Charts: each builds from caselink's frames, carries the expected encodings and data,
and exports to PNG / SVG offline."""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Any

import polars as pl
import pytest

import caselink
from caselink import charts


@pytest.fixture(scope="module")
def data() -> caselink.datasets.SyntheticData:
    return caselink.datasets.synthetic(people=400, seed=3)


@pytest.fixture(scope="module")
def res(data: caselink.datasets.SyntheticData) -> caselink.Resolution:
    return caselink.dedupe(data.records.drop("true_person_id"), progress=False)


@pytest.fixture(scope="module")
def truth(data: caselink.datasets.SyntheticData) -> pl.DataFrame:
    return data.records.select("record_id", "true_person_id")


def _datasets(chart: Any) -> list[pl.DataFrame]:
    """Every inline data set of a chart's Vega-Lite spec, as frames."""
    return [pl.DataFrame(rows) for rows in chart.to_dict()["datasets"].values() if rows]


def _with_column(chart: Any, column: str) -> pl.DataFrame:
    found = [d for d in _datasets(chart) if column in d.columns]
    assert found, f"no data set with {column}"
    return found[0]


def _marks(spec: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(mark type, encoding) of every unit chart in a (layered, faceted, concatenated) spec."""
    out = []
    if "mark" in spec:
        mark = spec["mark"]
        out.append((mark if isinstance(mark, str) else mark["type"], spec.get("encoding", {})))
    for key in ("layer", "hconcat", "vconcat", "concat"):
        for sub in spec.get(key, []):
            out += _marks(sub)
    if "spec" in spec:
        out += _marks(spec["spec"])
    return out


def _merged_pair(res: caselink.Resolution) -> tuple[str, str, float]:
    pair = res.pairs.filter(pl.col("match_probability") >= 0.5).sort(
        "match_weight", "record_id_l", descending=[True, False]
    )
    assert pair.height
    return pair["record_id_l"][0], pair["record_id_r"][0], pair["match_weight"][0]


def test_waterfall_ends_at_the_pairs_match_weight(res: caselink.Resolution) -> None:
    a, b, weight = _merged_pair(res)
    chart = res.chart_waterfall(a, b)
    steps = _with_column(chart, "step_label")
    final = steps.filter(pl.col("comparison") == "final")
    assert final["cumulative_weight"][0] == pytest.approx(weight, abs=1e-9)
    # Each bar runs from the running total before the step to the one after it.
    body = steps.filter(pl.col("comparison") != "final")
    assert body["start"][0] == 0.0  # the prior starts at zero
    assert body["start"][1:].to_list() == pytest.approx(body["cumulative_weight"][:-1].to_list())
    assert body["comparison"][0] == "prior"
    assert set(steps["evidence"]) <= {"prior", "for a match", "against", "total"}
    bars = [enc for mark, enc in _marks(chart.to_dict()) if mark == "bar"]
    assert bars[0]["x"]["field"] == "start"
    assert bars[0]["x2"]["field"] == "cumulative_weight"
    assert bars[0]["y"]["field"] == "step_label"
    tooltips = {t["field"] for t in bars[0]["tooltip"]}
    assert {"value_l", "value_r", "level", "m", "u", "weight"} <= tooltips
    title = chart.to_dict()["title"]
    assert title["text"].endswith(": the evidence")
    assert f"Records {a} and {b}" in title["subtitle"][0]


def test_waterfall_of_a_non_match_shows_evidence_against(res: caselink.Resolution) -> None:
    low = res.pairs.sort("match_weight", "record_id_l")
    chart = charts.waterfall(res.explain(low["record_id_l"][0], low["record_id_r"][0]))
    steps = _with_column(chart, "step_label")
    assert "against" in steps["evidence"].to_list()
    assert steps["cumulative_weight"][-1] == pytest.approx(low["match_weight"][0], abs=1e-9)
    # Without the values, a plain title.
    bare = charts.waterfall(
        res.explain(low["record_id_l"][0], low["record_id_r"][0]).drop("value_l")
    )
    assert bare.to_dict()["title"]["text"] == "The evidence for one pair"


def test_parameters_chart_has_every_level(res: caselink.Resolution) -> None:
    params = res.linker.parameters
    chart = res.chart_parameters()
    spec = chart.to_dict()
    assert len(spec["hconcat"]) == 2
    long = _with_column(chart, "parameter")
    assert long.height == 2 * params.height  # m and u of every level
    assert set(long["parameter"].str.slice(0, 1)) == {"m", "u"}
    encodings = [enc for _, enc in _marks(spec)]
    assert any(enc.get("x", {}).get("field") == "probability" for enc in encodings)
    weight_x = [enc["x"] for enc in encodings if enc.get("x", {}).get("field") == "weight"]
    assert weight_x
    assert weight_x[0]["axis"]["title"].startswith("weight of evidence")
    # One row per level, in model order (best first), the same in both panels.
    keys = [f"{c} · {lv}" for c, lv in params.select("comparison", "level").iter_rows()]
    sorts = [enc["y"]["sort"] for enc in encodings if enc.get("y", {}).get("field") == "key"]
    assert sorts
    assert all(s == keys for s in sorts)
    assert spec["hconcat"][0]["height"] == spec["hconcat"][1]["height"]


def test_match_weight_histogram_counts_every_pair(res: caselink.Resolution) -> None:
    chart = res.chart_match_weights()
    bins = _with_column(chart, "bin_start")
    assert bins["pairs"].sum() == res.pairs.height
    assert (bins["bin_end"] - bins["bin_start"]).unique().to_list() == [1.0]
    cut = _with_column(chart, "cut")["cut"][0]
    assert cut == pytest.approx(0.0, abs=1e-9)  # probability 0.5 is 0 bits
    above = bins.filter(pl.col("side") == "at or above the threshold")
    assert above["bin_start"].min() >= 0  # type: ignore[operator]
    y = next(enc["y"] for mark, enc in _marks(chart.to_dict()) if mark == "bar")
    assert y["scale"]["type"] == "log"


def test_precision_recall_matches_evaluate(res: caselink.Resolution, truth: pl.DataFrame) -> None:
    chart = res.chart_precision_recall(truth, thresholds=[0.2, 0.5, 0.9])
    long = _with_column(chart, "measure")
    expected = caselink.evaluate(res.pairs, truth, thresholds=[0.2, 0.5, 0.9])
    got = long.filter(pl.col("measure") == "precision").sort("threshold")["value"]
    assert got.to_list() == pytest.approx(expected["precision"].to_list())
    assert set(long["measure"]) == {"precision", "recall", "F1"}
    assert long["value"].is_between(0, 1).all()
    assert "precision" in chart.to_dict()["title"]["subtitle"]


def test_cluster_sizes_cover_every_record(res: caselink.Resolution) -> None:
    chart = res.chart_cluster_sizes()
    sizes = _with_column(chart, "size")
    assert (sizes["size"] * sizes["entities"]).sum() == res.clusters.height
    assert sizes["entities"].sum() == res.entities.height
    assert sizes["size"].is_sorted()


def test_charts_name_the_missing_columns() -> None:
    with pytest.raises(caselink.ColumnNotFoundError, match="match_weight"):
        charts.match_weights(pl.DataFrame({"x": [1.0]}))
    with pytest.raises(caselink.ColumnNotFoundError, match="entity_id"):
        charts.cluster_sizes(pl.DataFrame({"record_id": ["a"]}))


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def test_save_png_and_svg(res: caselink.Resolution, tmp_path: Path) -> None:
    a, b, _ = _merged_pair(res)
    png = charts.save(res.chart_waterfall(a, b), tmp_path / "waterfall.png")
    width, height = _png_size(png)
    assert 800 < width < 3000  # scale 2 of a ~700 px wide chart
    assert 300 < height < 3000
    assert png.stat().st_size > 10_000
    svg = charts.save(res.chart_cluster_sizes(), tmp_path / "sizes.svg")
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<svg")
    assert "records per entity" in text
    with pytest.raises(caselink.InvalidInputError, match=r"\.png"):
        charts.save(res.chart_cluster_sizes(), tmp_path / "sizes.pdf")


def test_html_export_is_self_contained(res: caselink.Resolution, tmp_path: Path) -> None:
    page = charts.save(res.chart_match_weights(), tmp_path / "weights.html").read_text("utf-8")
    assert "<script" in page  # the Vega JavaScript, inlined
    assert "cdn.jsdelivr" not in page


def test_render_offline_draws_svg_locally(res: caselink.Resolution) -> None:
    import altair as alt

    before = alt.renderers.active
    try:
        charts.render_offline()
        bundle = res.chart_cluster_sizes()._repr_mimebundle_()
        bundle = bundle[0] if isinstance(bundle, tuple) else bundle
        assert list(bundle) == ["image/svg+xml"]
        with pytest.raises(caselink.InvalidInputError, match="'svg'"):
            charts.render_offline("pdf")
    finally:
        alt.renderers.enable(before)


# --- outcomes -------------------------------------------------------------------------


def test_outcomes_over_time_draws_the_table(data: caselink.datasets.SyntheticData) -> None:
    table = caselink.outcomes(data.events, cases=data.cases)
    chart = charts.outcomes_over_time(table, "conviction_ratio")
    kinds = [kind for kind, _ in _marks(chart.to_dict())]
    assert kinds == ["area", "line"]  # the Wilson band under the line
    drawn = _with_column(chart, "conviction_ratio")
    assert drawn.height == table.height
    assert (drawn["conviction_ratio_lo"] <= drawn["conviction_ratio_hi"]).all()
    assert [k for k, _ in _marks(charts.outcomes_over_time(table).to_dict())] == ["line"]
    with pytest.raises(caselink.ColumnNotFoundError, match="period"):
        charts.outcomes_over_time(table.drop("year"))


def test_time_to_outcome_draws_the_curves(data: caselink.datasets.SyntheticData) -> None:
    tto = caselink.time_to_outcome(data.events, cases=data.cases)
    chart = charts.time_to_outcome(tto)
    drawn = _with_column(chart, "estimate")
    km = tto.curves.filter(pl.col("estimator") == "kaplan_meier")
    assert drawn.height == km.height
    assert drawn["estimate"].max() <= 1.0
    aj = _with_column(charts.time_to_outcome(tto, "aalen_johansen", "acquittal"), "estimate")
    assert set(aj["event"]) == {"acquittal"}
    with pytest.raises(caselink.InvalidInputError, match="no curve for event"):
        charts.time_to_outcome(tto, "aalen_johansen", "escape")
