"""What a resolution returns: :class:`Resolution`, the clusters, pairs and entities of one
run with the trained linker behind them. Built by :meth:`caselink.Linker.resolve` (and so by
:func:`caselink.dedupe` and :func:`caselink.link`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import polars as pl

from caselink._display import resolution_card

if TYPE_CHECKING:
    import altair as alt

    from caselink._core import Model
    from caselink.linker import Linker

__all__ = ["Resolution"]


@dataclass(frozen=True)
class Resolution:
    """The result of :func:`caselink.dedupe`, :func:`caselink.link` or
    :meth:`caselink.Linker.resolve`.

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
    model
        The trained :class:`caselink.Model` the pairs were scored with (immutable: it
        stays this resolution's model whatever the linker does next).
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
    model: Model = field(repr=False)
    context: dict[str, Any] | None = field(default=None, repr=False)

    @property
    def reference_date(self) -> dt.date:
        """The day the records were read against (see :attr:`caselink.Linker.reference_date`)."""
        return self.linker.reference_date

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
        known truth (``record_id`` and a true entity column; see :func:`caselink.evaluate`)."""
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
