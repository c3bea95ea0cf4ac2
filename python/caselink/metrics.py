"""Accuracy against a known truth: pairwise precision, recall and F1 of clusters or scored
pairs, B-cubed scores of clusters (:func:`evaluate`), and the adjusted Rand index of a
grouping of cases."""

from __future__ import annotations

import polars as pl

from caselink.exceptions import ColumnNotFoundError, InvalidInputError

__all__ = ["adjusted_rand", "evaluate"]


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _pair_counts(sizes: pl.Series) -> int:
    return int((sizes * (sizes - 1) // 2).sum())


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
    threshold with pairwise ``precision``, ``recall`` and ``f1``.
    """
    if "record_id" not in truth.columns or truth.width < 2:
        raise ColumnNotFoundError("truth needs record_id and a true entity column")
    true_col = next(c for c in truth.columns if c != "record_id")
    t = truth.select("record_id", pl.col(true_col).alias("_true"))
    if {"record_id_l", "record_id_r", "match_probability"} <= set(predicted.columns):
        true_pairs = _pair_counts(t.group_by("_true").len()["len"])
        labelled = (
            predicted.join(t, left_on="record_id_l", right_on="record_id")
            .join(t, left_on="record_id_r", right_on="record_id", suffix="_r")
            .with_columns((pl.col("_true") == pl.col("_true_r")).alias("_match"))
        )
        rows = []
        for th in thresholds or [0.5, 0.8, 0.9, 0.95, 0.99]:
            kept = labelled.filter(pl.col("match_probability") >= th)
            tp = int(kept["_match"].sum())
            precision = tp / kept.height if kept.height else 1.0
            recall = tp / true_pairs if true_pairs else 1.0
            rows.append(
                {
                    "threshold": th,
                    "precision": precision,
                    "recall": recall,
                    "f1": _f1(precision, recall),
                }
            )
        return pl.DataFrame(rows)
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
    cells = both.group_by("entity_id", "_true").len()
    pred_sizes = both.group_by("entity_id").len()
    true_sizes = both.group_by("_true").len()
    tp = _pair_counts(cells["len"])
    pred_pairs, true_pairs = _pair_counts(pred_sizes["len"]), _pair_counts(true_sizes["len"])
    precision = tp / pred_pairs if pred_pairs else 1.0
    recall = tp / true_pairs if true_pairs else 1.0
    bc = cells.join(pred_sizes, on="entity_id", suffix="_pred").join(
        true_sizes, on="_true", suffix="_true"
    )
    n = both.height
    bp = float((bc["len"] ** 2 / bc["len_pred"]).sum()) / n
    br = float((bc["len"] ** 2 / bc["len_true"]).sum()) / n

    return pl.DataFrame(
        {
            "precision": [precision],
            "recall": [recall],
            "f1": [_f1(precision, recall)],
            "bcubed_precision": [bp],
            "bcubed_recall": [br],
            "bcubed_f1": [_f1(bp, br)],
        }
    )


def adjusted_rand(predicted: pl.DataFrame, truth: pl.DataFrame) -> float:
    """Hubert and Arabie's adjusted Rand index from the contingency table: ``predicted``
    maps ``record_id`` to ``network_id``, ``truth`` maps ``record_id`` to ``_t``."""
    both = predicted.join(truth, on="record_id")
    n = both.height

    def pairs(counts: pl.Series) -> float:
        return float((counts * (counts - 1) / 2).sum())

    index = pairs(both.group_by("network_id", "_t").len()["len"])
    a = pairs(both.group_by("network_id").len()["len"])
    b = pairs(both.group_by("_t").len()["len"])
    total = n * (n - 1) / 2
    if total == 0:
        return 1.0
    expected = a * b / total
    maximum = (a + b) / 2
    return 1.0 if maximum == expected else (index - expected) / (maximum - expected)
