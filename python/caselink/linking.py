"""Entity resolution in one call: ``dedupe`` (one set of records) and ``link`` (two
sets). The :class:`Resolution` they return lives in :mod:`caselink.results` and
``evaluate`` in :mod:`caselink.metrics`; both are re-exported here."""

from __future__ import annotations

import datetime as dt
from typing import Any

import polars as pl

from caselink.exceptions import InvalidInputError
from caselink.linker import DEFAULT_PAIRS_ABOVE, Linker
from caselink.metrics import evaluate
from caselink.results import Resolution
from caselink.settings import Settings
from caselink.standardisation import ColumnMapping

__all__ = ["Resolution", "dedupe", "evaluate", "link"]


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
    reference_date: dt.date | None = None,
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
    reference_date
        The day the data were extracted (default today), as for
        :func:`caselink.standardise`: it pivots two-digit years and bounds the plausible
        years of birth. Recorded as ``Resolution.reference_date``; pass it so that a
        rerun in another year gives the same result.

    Examples
    --------
    >>> import caselink
    >>> data = caselink.datasets.synthetic(300, seed=2)
    >>> res = caselink.dedupe(data.records.drop("true_person_id"))
    >>> res.clusters.height == data.records.height
    True
    """
    chosen = settings or _settings("dedupe", threshold, seed)
    linker = Linker(chosen, profile=profile, columns=columns, reference_date=reference_date)
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
    reference_date: dt.date | None = None,
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
    link_type = "link_and_dedupe" if dedupe_within else "link"
    chosen = settings or _settings(link_type, threshold, seed)
    if chosen.link_type == "dedupe":
        raise InvalidInputError("link() needs settings with link_type 'link' or 'link_and_dedupe'")
    linker = Linker(chosen, profile=profile, columns=columns, reference_date=reference_date)
    return linker.resolve((left, right), labels, pairs_above=pairs_above, progress=progress)
