"""Entity resolution in one call: ``dedupe`` (one set of records) and ``link`` (two
sets), with the :class:`Resolution` they return, and ``evaluate`` against a truth."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import polars as pl

from caselink._core import summarise_entities
from caselink._display import resolution_card
from caselink.exceptions import ColumnNotFoundError, InvalidInputError
from caselink.linker import DEFAULT_PAIRS_ABOVE
from caselink.settings import Settings
from caselink.standardisation import ColumnMapping

if TYPE_CHECKING:
    import altair as alt

    from caselink.linker import Linker

__all__ = ["Resolution", "dedupe", "evaluate", "link"]


@dataclass(frozen=True)
class Resolution:
    """The result of :func:`dedupe`, :func:`link` or :meth:`Linker.resolve`.

    Attributes
    ----------
    clusters
        ``record_id``, ``entity_id``: exactly one row per input record, ids as text. The
        entity id is the smallest record id of the entity, so the same records give the
        same ids whatever their order.
    pairs
        Every candidate pair: ``record_id_l``, ``record_id_r``, ``match_weight`` (bits),
        ``match_probability``, and per comparison the level reached and its weight of
        evidence.
    entities
        One row per entity: record count, sources, the most frequent name, name
        variants, dates of birth, nationalities and phones.
    blocking
        Pairs per blocking rule, new pairs, and the giant blocks skipped (never silently).
    standardised
        The standardised records (see :func:`caselink.standardise`).
    linker
        The trained :class:`Linker`: explain a pair, match new records, save the model.
    context
        After :meth:`with_case_context`: whether case networks were used as evidence,
        and the estimated m, u and weights of sharing a network; ``None`` before.
    """

    clusters: pl.DataFrame
    pairs: pl.DataFrame
    entities: pl.DataFrame
    blocking: pl.DataFrame
    standardised: pl.DataFrame = field(repr=False)
    linker: Linker = field(repr=False)
    context: dict[str, Any] | None = field(default=None, repr=False)

    @property
    def model(self) -> dict[str, Any]:
        """The trained parameters (m and u per level, prior, EM history) as plain data."""
        assert self.linker.model is not None
        return self.linker.model

    def explain(self, record_a: Any, record_b: Any) -> pl.DataFrame:
        """The evidence for one pair (see :meth:`Linker.explain`). Case context, when
        used, is in the pair's ``network_level`` and ``network_weight`` columns."""
        return self.linker.explain(record_a, record_b)

    def with_case_context(self, subjects: pl.DataFrame) -> Resolution:
        """This resolution re-scored with the case networks its records appear in: two
        records in cases of one network are more likely one person, in unrelated networks
        less (:func:`caselink.context.with_case_context`; ``subjects`` is
        :attr:`caselink.CaseNetworks.subjects`). :func:`caselink.link_cases` does this
        itself when given raw records or a resolution."""
        from caselink.context import with_case_context

        return with_case_context(self, subjects)

    # --- charts (see caselink.charts) ------------------------------------------------

    def chart_waterfall(self, record_a: Any, record_b: Any) -> alt.LayerChart:
        """The evidence for one pair as a waterfall chart, from the prior to the final
        match weight (:func:`caselink.charts.waterfall` of :meth:`explain`)."""
        return self.linker.chart_waterfall(record_a, record_b)

    def chart_match_weights(self, bin_width: float = 1.0) -> alt.LayerChart:
        """Histogram of the scored pairs' match weights, with the clustering threshold
        (:func:`caselink.charts.match_weights`)."""
        from caselink import charts

        return charts.match_weights(self.pairs, self.linker.settings.threshold, bin_width)

    def chart_precision_recall(
        self, truth: pl.DataFrame, thresholds: list[float] | None = None
    ) -> alt.LayerChart:
        """Pairwise precision, recall and F1 of the scored pairs by threshold, against a
        known truth (``record_id`` and a true entity column; see :func:`evaluate`)."""
        from caselink import charts

        return charts.precision_recall(
            self.pairs, truth, thresholds, threshold=self.linker.settings.threshold
        )

    def chart_cluster_sizes(self) -> alt.LayerChart:
        """Entities per number of records (:func:`caselink.charts.cluster_sizes`)."""
        from caselink import charts

        return charts.cluster_sizes(self.clusters)

    def chart_parameters(self) -> alt.HConcatChart:
        """m, u and weight of every comparison level (:meth:`Linker.chart_parameters`)."""
        return self.linker.chart_parameters()

    # --- display ---------------------------------------------------------------------

    def __repr__(self) -> str:
        return resolution_card(self).text()

    def _repr_html_(self) -> str:
        return resolution_card(self).html()


def _entities(clusters: pl.DataFrame, std: pl.DataFrame) -> pl.DataFrame:
    # Both frames have one row per input record, in input order. (Rust: a polars
    # group_by with these lists took 3 s on a million records; the reference it must
    # agree with is in tests/test_entities.py.)
    return summarise_entities(clusters, std)


def _settings(link_type: str, threshold: float, seed: int) -> Settings:
    if not isinstance(threshold, int | float) or not 0.0 <= threshold <= 1.0:
        raise InvalidInputError(f"threshold must be a probability in [0, 1], got {threshold!r}")
    return Settings.for_people(link_type).replace(threshold=float(threshold), seed=int(seed))  # type: ignore[arg-type]


def dedupe(
    records: pl.DataFrame | pl.LazyFrame | Any,
    *,
    profile: str | None = None,
    columns: ColumnMapping | None = None,
    threshold: float = 0.5,
    seed: int = 42,
    settings: Settings | None = None,
    labels: pl.DataFrame | str | None = None,
    pairs_above: float = DEFAULT_PAIRS_ABOVE,
    progress: bool | None = None,
) -> Resolution:
    """Finds which records are the same person: one person, one entity.

    Standardises, blocks, trains an unsupervised Fellegi-Sunter model, scores and
    clusters in one call, with defaults that need no tuning.

    Parameters
    ----------
    records, profile, columns
        As for :func:`caselink.standardise` (raw records, any layout). The generic
        person fields ``email``, ``address``, ``city``, ``postcode``, ``id_number``,
        ``birthplace`` and ``occupation`` are compared too when present (map them with
        ``columns``).
    threshold
        Match probability above which pairs may join an entity (clusters also require
        that the pairs between two groups reach it on average, and none strongly
        disagrees, so A~B and B~C do not chain A to C).
    seed
        For the random pairs that estimate u.
    settings
        Full :class:`caselink.Settings` instead of the defaults (then ``threshold`` and
        ``seed`` come from them).
    labels
        Optional known matches, to train from (see :meth:`Linker.train`).
    pairs_above
        ``Resolution.pairs`` keeps the scored pairs at or above this match probability
        (default 1e-4; 0 keeps all). Clustering uses every scored pair whatever it is,
        and ``Resolution.blocking`` counts them all.
    progress
        Show a progress bar over the stages (standardise; train, score and cluster;
        summarise entities). ``None`` (default) follows :func:`caselink.set_progress`:
        on in Jupyter and terminals, off in CI and pipes (see :mod:`caselink.progress`).

    Examples
    --------
    >>> import caselink
    >>> data = caselink.datasets.synthetic(300, seed=2)
    >>> res = caselink.dedupe(data.records.drop("true_person_id"))
    >>> res.clusters.height == data.records.height
    True
    """
    from caselink.linker import Linker

    chosen = settings or _settings("dedupe", threshold, seed)
    linker = Linker(chosen, profile=profile, columns=columns)
    return linker.resolve(records, labels, pairs_above=pairs_above, progress=progress)


def link(
    left: pl.DataFrame | pl.LazyFrame | Any,
    right: pl.DataFrame | pl.LazyFrame | Any,
    *,
    profile: str | None = None,
    columns: ColumnMapping | None = None,
    threshold: float = 0.5,
    seed: int = 42,
    dedupe_within: bool = False,
    settings: Settings | None = None,
    labels: pl.DataFrame | str | None = None,
    pairs_above: float = DEFAULT_PAIRS_ABOVE,
    progress: bool | None = None,
) -> Resolution:
    """Links two sets of records (e.g. two agencies' files): which records of one are the
    same person as records of the other.

    Pairs are compared across the sets only, unless ``dedupe_within`` (then within each
    set too). Record ids must be unique across both sets. Other parameters as for
    :func:`dedupe`; ``clusters`` holds every record of both sets.

    Examples
    --------
    >>> import caselink, polars as pl
    >>> data = caselink.datasets.synthetic(300, seed=2)
    >>> records = data.records.drop("true_person_id")
    >>> uk = records.filter(pl.col("source").is_in(["NCA", "HOIO"]))
    >>> eu = records.filter(~pl.col("source").is_in(["NCA", "HOIO"]))
    >>> res = caselink.link(uk, eu)
    >>> res.clusters.height == records.height
    True
    """
    from caselink.linker import Linker

    link_type = "link_and_dedupe" if dedupe_within else "link"
    chosen = settings or _settings(link_type, threshold, seed)
    if chosen.link_type == "dedupe":
        raise InvalidInputError("link() needs settings with link_type 'link' or 'link_and_dedupe'")
    linker = Linker(chosen, profile=profile, columns=columns)
    return linker.resolve((left, right), labels, pairs_above=pairs_above, progress=progress)


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
