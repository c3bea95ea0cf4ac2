"""Accuracy against a known truth: pairwise precision, recall and F1 of clusters or scored
pairs, B-cubed scores of clusters (:func:`evaluate`), and the adjusted Rand index of a
grouping of cases."""

from __future__ import annotations

import polars as pl

from caselink import _core
from caselink.exceptions import ColumnNotFoundError, InvalidInputError

__all__ = ["adjusted_rand", "evaluate"]


_THRESHOLDS = [0.5, 0.8, 0.9, 0.95, 0.99]


def evaluate(
    predicted: pl.DataFrame,
    truth: pl.DataFrame,
    *,
    thresholds: list[float] | None = None,
) -> pl.DataFrame:
    """Accuracy against the truth.

    ``predicted`` is either clusters (``record_id``, ``entity_id``) or scored pairs
    (``record_id_l``, ``record_id_r``, ``match_probability``); ``truth`` maps ``record_id``
    to a true entity in its second column (e.g. ``person_id`` or ``cluster``).

    Returns one row for clusters: pairwise ``precision``, ``recall``, ``f1`` and
    ``bcubed_precision``, ``bcubed_recall``, ``bcubed_f1``; for pairs, one row per
    threshold with pairwise ``precision``, ``recall`` and ``f1``. Pairs whose records
    have no truth row are left out. The scores are computed in the Rust core.
    """
    if "record_id" not in truth.columns or truth.width < 2:
        raise ColumnNotFoundError("truth needs record_id and a true entity column")
    true_col = next(c for c in truth.columns if c != "record_id")
    t = truth.select("record_id", pl.col(true_col).alias("_true"))
    if {"record_id_l", "record_id_r", "match_probability"} <= set(predicted.columns):
        labelled = predicted.join(t, left_on="record_id_l", right_on="record_id").join(
            t, left_on="record_id_r", right_on="record_id", suffix="_r"
        )
        return _core.evaluate_pairs(
            labelled["_true"],
            labelled["_true_r"],
            labelled["match_probability"],
            t["_true"],
            [float(th) for th in thresholds or _THRESHOLDS],
        )
    if not {"record_id", "entity_id"} <= set(predicted.columns):
        raise ColumnNotFoundError(
            "predicted must be clusters (record_id, entity_id) or pairs "
            "(record_id_l, record_id_r, match_probability)"
        )
    both = predicted.select("record_id", "entity_id").join(t, on="record_id")
    if both.height != predicted.height:
        raise InvalidInputError(
            f"{predicted.height - both.height} predicted records have no truth row"
        )
    return _core.evaluate_clusters(both["entity_id"], both["_true"]).drop("adjusted_rand")


def adjusted_rand(predicted: pl.DataFrame, truth: pl.DataFrame) -> float:
    """Hubert and Arabie's adjusted Rand index from the contingency table: ``predicted``
    maps ``record_id`` to ``network_id``, ``truth`` maps ``record_id`` to ``_t``."""
    both = predicted.join(truth, on="record_id")
    return float(_core.evaluate_clusters(both["network_id"], both["_t"])["adjusted_rand"][0])
