"""Charts of a linkage, with Vega-Altair, rendered without a network.

Each function takes a plain polars frame that caselink returns and gives back an
``altair`` chart: display it in Jupyter by ending a cell with it, or write it for a
report with :func:`save` (PNG or SVG through ``vl-convert``, no browser and no network).
The same charts are methods on the results: :meth:`caselink.Resolution.chart_waterfall`,
``chart_match_weights``, ``chart_precision_recall``, ``chart_cluster_sizes`` and
``chart_parameters``, :meth:`caselink.Linker.chart_parameters` /
``Linker.chart_waterfall``, and :meth:`caselink.CaseNetworks.chart` (:func:`network`).

Large inputs (millions of scored pairs) are summarised with polars before they reach the
chart, so a chart carries at most a few hundred rows of data.

On a machine without internet access Jupyter cannot fetch the Vega JavaScript that
Altair's default renderer loads; :func:`render_offline` switches the notebook to static
SVG drawn locally by ``vl-convert``.

The charts live in one module per family, all importable from here:
:mod:`caselink.charts.linkage` (one pair, the model, the pairs, the entities),
:mod:`caselink.charts.network_charts` (case networks),
:mod:`caselink.charts.outcome_charts` (outcome statistics) and
:mod:`caselink.charts.export` (:func:`save`, :func:`render_offline`), over the shared
colours and helpers of ``caselink.charts._theme``.

Examples
--------
>>> import caselink
>>> from caselink import charts
>>> data = caselink.datasets.synthetic(300, seed=2)
>>> res = caselink.dedupe(data.records.drop("true_person_id"), progress=False)
>>> chart = res.chart_cluster_sizes()
>>> [layer["mark"]["type"] for layer in chart.to_dict()["layer"]]
['bar', 'text']
"""

from __future__ import annotations

from caselink.charts._theme import AGAINST, FOR, NEUTRAL, WIDTH
from caselink.charts.export import render_offline, save
from caselink.charts.linkage import (
    cluster_sizes,
    match_weights,
    parameters,
    precision_recall,
    waterfall,
)
from caselink.charts.network_charts import network
from caselink.charts.outcome_charts import outcomes_over_time, time_to_outcome

__all__ = [
    "AGAINST",
    "FOR",
    "NEUTRAL",
    "WIDTH",
    "cluster_sizes",
    "match_weights",
    "network",
    "outcomes_over_time",
    "parameters",
    "precision_recall",
    "render_offline",
    "save",
    "time_to_outcome",
    "waterfall",
]
