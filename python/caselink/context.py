"""Case context as evidence for who is who (collective resolution).

Two records written the same way with an unknown birth date ("Mohammed Ahmadi, 1995")
are ambiguous on their own; if both are subjects of cases in the same smuggling network
they are far more likely one person, and if their cases lie in unrelated networks, far
less. After a first resolution and a first grouping of cases into networks, each scored
pair gets one more comparison, ``network``: same network, different networks, or unknown
(a record in no case). Its weight is estimated from the data, not set by hand:

- m (how often true matches share a network) from the near-certain pairs of the first
  resolution (match probability >= 0.99) whose records both appear in cases;
- u (how often two unrelated records share one by chance) from the sizes of the networks:
  the chance that two random records in cases fall in the same network.

The pairs are then re-clustered. Networks come from objects and from persons the first
resolution is sure of (see :func:`caselink.link_cases`' ``min_confidence``), so an
uncertain pair is not its own evidence.
"""

from __future__ import annotations

import dataclasses
import logging
from typing import TYPE_CHECKING, Any

import polars as pl

from caselink._core import evidence_bits, probabilities, summarise_entities

if TYPE_CHECKING:
    from caselink.results import Resolution

__all__ = ["with_case_context"]

log = logging.getLogger("caselink")

#: Pairs at least this probable in the first resolution estimate m.
SURE = 0.99
#: Fewer sure pairs with context than this: the estimate is not trusted, nothing changes.
MIN_SURE_PAIRS = 20
#: m is kept within [EPS, 1 - EPS] so that neither weight is infinite.
EPS = 1e-4

NETWORK_LEVELS = ["same network", "different networks"]


def _record_networks(subjects: pl.DataFrame) -> pl.DataFrame:
    """record_id -> the networks of the cases it is a subject of."""
    return (
        subjects.drop_nulls(["record_id", "network_id"])
        .group_by("record_id")
        .agg(pl.col("network_id").unique().sort().alias("_networks"))
    )


def _chance_same_network(networks: pl.DataFrame) -> float:
    """u: the chance that two random records in cases share a network."""
    n = networks.height
    if n < 2:
        return 1.0
    sizes = networks.explode("_networks").group_by("_networks").len()["len"].cast(pl.Float64)
    return min(1.0, float((sizes * (sizes - 1)).sum()) / (n * (n - 1)))


def with_case_context(resolution: Resolution, subjects: pl.DataFrame) -> Resolution:
    """A resolution re-scored with the case networks its records appear in.

    Parameters
    ----------
    resolution
        From :func:`caselink.dedupe` (or ``link``) of the records.
    subjects
        ``record_id`` and ``network_id``: the network of each case a record is a subject
        of (:attr:`caselink.CaseNetworks.subjects`).

    Returns
    -------
    Resolution
        The same pairs with ``network_level`` and ``network_weight`` columns and updated
        ``match_weight`` / ``match_probability``; clusters and entities recomputed;
        ``context`` holds the estimated m, u and weights. Unchanged (with ``context``
        saying why) when too few sure pairs have context to estimate m.
    """
    networks = _record_networks(subjects)
    pairs = resolution.pairs
    if pairs.height == 0 or networks.height == 0:
        return dataclasses.replace(resolution, context={"applied": False, "reason": "no context"})
    lookup = networks.with_columns(pl.col("record_id").cast(pl.String))
    with_nets = pairs.join(
        lookup, left_on="record_id_l", right_on="record_id", how="left", maintain_order="left"
    ).join(
        lookup,
        left_on="record_id_r",
        right_on="record_id",
        how="left",
        suffix="_r",
        maintain_order="left",
    )
    known = pl.col("_networks").is_not_null() & pl.col("_networks_r").is_not_null()
    shared = pl.col("_networks").list.set_intersection("_networks_r").list.len() > 0
    same = pl.when(known).then(shared).otherwise(None).alias("_same")
    with_nets = with_nets.with_columns(same)
    sure = with_nets.filter(pl.col("match_probability") >= SURE, pl.col("_same").is_not_null())
    context: dict[str, Any] = {"sure_pairs": sure.height}
    if sure.height < MIN_SURE_PAIRS:
        reason = f"only {sure.height} sure pairs with case context (need {MIN_SURE_PAIRS})"
        log.info("case context not applied: %s", reason)
        return dataclasses.replace(
            resolution, context={**context, "applied": False, "reason": reason}
        )
    m = min(max(float(sure["_same"].mean()), EPS), 1 - EPS)  # type: ignore[arg-type]
    u = min(max(_chance_same_network(networks), EPS), 1 - EPS)
    w_same, w_different = evidence_bits(m, u), evidence_bits(1 - m, 1 - u)
    context |= {"applied": True, "m": m, "u": u, "weights": [w_same, w_different]}
    level = (
        pl.when(pl.col("_same"))
        .then(pl.lit(NETWORK_LEVELS[0]))
        .when(pl.col("_same").not_())
        .then(pl.lit(NETWORK_LEVELS[1]))
        .otherwise(None)
        .cast(pl.Enum(NETWORK_LEVELS))
    )
    weight = pl.when(pl.col("_same")).then(w_same).when(pl.col("_same").not_()).then(w_different)
    rescored = (
        with_nets.with_columns(
            level.alias("network_level"), weight.fill_null(0.0).alias("network_weight")
        )
        .with_columns((pl.col("match_weight") + pl.col("network_weight")).alias("match_weight"))
        .with_columns(
            pl.col("match_weight")
            .map_batches(probabilities, return_dtype=pl.Float64)
            .alias("match_probability")
        )
        .drop("_networks", "_networks_r", "_same")
    )
    clusters = resolution.linker.cluster(rescored)
    log.info(
        "case context: m %.4f, u %.5f: same network %+.1f bits, different %+.1f bits",
        m,
        u,
        w_same,
        w_different,
    )
    return dataclasses.replace(
        resolution,
        clusters=clusters,
        pairs=rescored,
        entities=summarise_entities(clusters, resolution.standardised),
        context=context,
    )
