"""Deduplicating suspect records, and measuring a clustering against the truth.

This is the first slice of the linking capability: ``dedupe`` runs standardisation,
blocking, unsupervised Fellegi-Sunter training, scoring and anti-chaining clustering in one
Rust call. The ``Settings`` / ``Linker`` API (explain, incremental match, save/load) is
still to come.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from caselink._core import dedupe_frame
from caselink.exceptions import ColumnNotFoundError, InvalidInputError
from caselink.standardisation import prepare

__all__ = ["Resolution", "dedupe", "evaluate"]


@dataclass(frozen=True)
class Resolution:
    """The result of :func:`dedupe`.

    Attributes
    ----------
    clusters
        ``record_id``, ``entity_id``: exactly one row per input record. The entity id is
        the smallest record id of the entity, so the same records give the same ids.
    pairs
        Every candidate pair: ``record_id_l``, ``record_id_r``, ``match_weight`` (bits),
        ``match_probability``, and per comparison (name, dob, nationality, phone, gender)
        the level reached and its weight of evidence.
    entities
        One row per entity: record count, sources, name variants, dates of birth,
        nationalities and phones, and the most frequent name.
    blocking
        Pairs per blocking rule, new pairs, and the giant blocks skipped (never silently).
    standardised
        The standardised records (see :func:`caselink.standardise`).
    model
        The trained parameters (m and u per level, prior, EM history) as plain data.
    """

    clusters: pl.DataFrame
    pairs: pl.DataFrame
    entities: pl.DataFrame
    blocking: pl.DataFrame
    standardised: pl.DataFrame = field(repr=False)
    model: dict[str, Any] = field(repr=False)

    def __repr__(self) -> str:
        return (
            f"Resolution({self.clusters.height:,} records -> {self.entities.height:,} entities, "
            f"{self.pairs.height:,} pairs scored)"
        )


def _entities(clusters: pl.DataFrame, std: pl.DataFrame) -> pl.DataFrame:
    # Both frames have one row per input record, in input order.
    joined = clusters.hstack(std.drop("record_id"))
    source = [pl.col("source").unique().sort().alias("sources")] if "source" in std.columns else []
    return (
        joined.group_by("entity_id")
        .agg(
            pl.len().alias("records"),
            pl.col("full_name_norm").drop_nulls().mode().sort().first().alias("name"),
            pl.col("full_name_norm").drop_nulls().unique().sort().alias("name_variants"),
            pl.col("dob").drop_nulls().unique().sort().alias("dobs"),
            pl.col("nationality").drop_nulls().unique().sort().alias("nationalities"),
            pl.col("phones")
            .list.explode(keep_nulls=False, empty_as_null=False)
            .unique()
            .sort()
            .alias("phones"),
            *source,
        )
        .sort("records", "entity_id", descending=[True, False])
    )


def dedupe(
    records: pl.DataFrame | pl.LazyFrame | Any,
    *,
    profile: str | None = None,
    columns: Mapping[str, str] | None = None,
    threshold: float = 0.5,
    seed: int = 42,
) -> Resolution:
    """Finds which records are the same person: one person, one entity.

    Parameters
    ----------
    records, profile, columns
        As for :func:`caselink.standardise` (raw records, any layout).
    threshold
        Match probability above which pairs may join an entity (clusters also require
        that at least half of the pairs between two groups agree, and none strongly
        disagrees, so A~B and B~C do not chain A to C).
    seed
        For the random pairs that estimate u.

    Examples
    --------
    >>> import caselink
    >>> data = caselink.datasets.synthetic(300, seed=2)
    >>> res = caselink.dedupe(data.records.drop("true_person_id"))
    >>> res.clusters.height == data.records.height
    True
    """
    if not isinstance(threshold, int | float) or not 0.0 <= threshold <= 1.0:
        raise InvalidInputError(f"threshold must be a probability in [0, 1], got {threshold!r}")
    prepared = prepare(records, profile, columns)
    clusters, pairs, blocking, std, model_json = dedupe_frame(
        prepared, _dt.date.today().year, float(threshold), int(seed)
    )
    return Resolution(
        clusters=clusters,
        pairs=pairs,
        entities=_entities(clusters, std),
        blocking=blocking,
        standardised=std,
        model=json.loads(model_json),
    )


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
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            rows.append({"threshold": th, "precision": precision, "recall": recall, "f1": f1})
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

    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    return pl.DataFrame(
        {
            "precision": [precision],
            "recall": [recall],
            "f1": [f1(precision, recall)],
            "bcubed_precision": [bp],
            "bcubed_recall": [br],
            "bcubed_f1": [f1(bp, br)],
        }
    )
