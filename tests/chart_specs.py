"""Every chart's Vega-Lite spec on fixed inputs, hashed: splitting ``caselink.charts``
into a package (issue 15, item 8) must leave each spec equal. The hashes were recorded
from the single-module ``charts.py`` with ``python tests/chart_specs.py --write``
(``tests/data/chart_spec_hashes.json``); ``tests/test_chart_specs.py`` compares them.

A spec's hash is the SHA-256 of ``chart.to_dict()`` as JSON with sorted keys: its data,
encodings, scales, titles and layout.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import polars as pl

import caselink
from caselink import charts

# golden.py beside this file, also when pytest collects this file for its doctests.
sys.path.insert(0, str(Path(__file__).parent))
from golden import REFERENCE_DATE, main

HASHES = Path(__file__).with_name("data") / "chart_spec_hashes.json"


def spec_hash(chart: Any) -> str:
    text = json.dumps(chart.to_dict(), sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _linkage() -> Iterator[tuple[str, Any]]:
    data = caselink.datasets.synthetic(people=400, seed=3)
    res = caselink.dedupe(
        data.records.drop("true_person_id"), progress=False, reference_date=REFERENCE_DATE
    )
    truth = data.records.select("record_id", "true_person_id")
    pair = res.pairs.sort("match_weight", "record_id_l", descending=[True, False])
    strong = pair.row(0, named=True)
    weak = pair.filter(pl.col("match_probability") < 0.5).row(0, named=True)
    for name, row in (("strong", strong), ("weak", weak)):
        a, b = row["record_id_l"], row["record_id_r"]
        yield f"waterfall.{name}", res.chart_waterfall(a, b)
        yield f"waterfall.{name}.bare", charts.waterfall(res.explain(a, b))
    yield (
        "waterfall.titled",
        charts.waterfall(
            res.explain(strong["record_id_l"], strong["record_id_r"]).drop("level"), title="own"
        ),
    )
    yield "parameters", res.chart_parameters()
    yield "match_weights", res.chart_match_weights()
    yield "match_weights.bare", charts.match_weights(res.pairs, bin_width=2.0)
    yield "precision_recall", res.chart_precision_recall(truth)
    yield "precision_recall.bare", charts.precision_recall(res.pairs, truth, [0.2, 0.5, 0.9])
    yield "cluster_sizes", res.chart_cluster_sizes()
    nets = caselink.link_cases(data.cases, data.case_subjects, data.case_objects, res)
    yield "network", nets.chart()
    second = str(nets.networks["network_id"][1])
    yield "network.second", charts.network(nets, second, max_cases=5)
    undated = caselink.link_cases(
        data.cases.drop("opened"), data.case_subjects, data.case_objects, res, context=False
    )
    yield "network.undated", undated.chart()
    table = caselink.outcomes(data.events, cases=data.cases, as_of=data.truth.as_of)
    yield "outcomes_over_time", charts.outcomes_over_time(table)
    yield "outcomes_over_time.ratio", charts.outcomes_over_time(table, "conviction_ratio")
    tto = caselink.time_to_outcome(data.events, cases=data.cases, as_of=data.truth.as_of)
    yield "time_to_outcome", tto.chart()
    yield "time_to_outcome.aj", charts.time_to_outcome(tto, "aalen_johansen", "acquittal")
    yield "time_to_outcome.curves", charts.time_to_outcome(tto.curves)


SOURCES: dict[str, Callable[[], Iterator[tuple[str, Any]]]] = {"linkage": _linkage}


def hashes() -> dict[str, str]:
    return {name: spec_hash(chart) for source in SOURCES.values() for name, chart in source()}


if __name__ == "__main__":
    main(hashes, HASHES)
