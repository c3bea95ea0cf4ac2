"""The Linker: train a Fellegi-Sunter model, score pairs, cluster, explain, and match new
records against a resolved set. Every step runs in Rust without the GIL."""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import polars as pl

from caselink._core import LinkData, Model, link_data, summarise_entities
from caselink._display import linker_card
from caselink.exceptions import CaselinkError, ColumnNotFoundError, InvalidInputError
from caselink.progress import logger, stages
from caselink.results import Resolution
from caselink.settings import Settings, _column_names
from caselink.standardisation import (
    ColumnMapping,
    _as_frame,
    prepare,
    reference_date_or_today,
    warn_on_rules,
)

if TYPE_CHECKING:
    import altair as alt

#: Scored pairs below this match probability (weight under -13.3 bits) are left out of
#: ``Resolution.pairs`` (clustering still sees them): they are most of the pairs of a
#: large run and never a merge an analyst reviews. Even the strongest case-network
#: evidence measured (about +11 bits) cannot lift such a pair to 0.5.
DEFAULT_PAIRS_ABOVE = 1e-4

__all__ = ["Linker"]

# The names of the two sets of `link(left, right)`, in errors.
SETS = ("left", "right")

#: Format of saved linkers.
_SAVE_FORMAT = "caselink.linker/1"

# The standardised field shown for each person comparison in explanations.
_SHOWN = {
    "name": "full_name_norm",
    "dob": "dob",
    "nationality": "nationality",
    "phone": "phones",
    "gender": "gender",
}


def _probability(value: float | None, name: str) -> float | None:
    if value is None:
        return None
    if not isinstance(value, int | float) or not 0.0 <= value <= 1.0:
        raise InvalidInputError(f"{name} must be a probability in [0, 1], got {value!r}")
    return float(value)


def _id_pairs(pairs: Any, name: str) -> tuple[list[str], list[str]] | None:
    """Record id pairs given as a frame (record_id_l, record_id_r) or a list of pairs."""
    if pairs is None:
        return None
    if isinstance(pairs, pl.DataFrame):
        if not {"record_id_l", "record_id_r"} <= set(pairs.columns):
            raise ColumnNotFoundError(
                f"{name} must have columns record_id_l and record_id_r (or be a list of "
                f"(record_a, record_b) pairs); it has {pairs.columns}"
            )
        return (
            pairs["record_id_l"].cast(pl.String).to_list(),
            pairs["record_id_r"].cast(pl.String).to_list(),
        )
    try:
        left, right = zip(*pairs, strict=True) if len(pairs) else ((), ())
    except (TypeError, ValueError) as err:
        raise InvalidInputError(
            f"{name} must be a frame with record_id_l and record_id_r or a list of "
            f"(record_a, record_b) pairs: {err}"
        ) from err
    return [str(a) for a in left], [str(b) for b in right]


def _saved_date(text: Any, path: str | Path) -> _dt.date | None:
    if text is None:
        return None
    try:
        return _dt.date.fromisoformat(text)
    except (TypeError, ValueError) as err:
        raise InvalidInputError(f"{path}: reference_date {text!r} is not a date: {err}") from err


@dataclass(frozen=True)
class PreparedRecords:
    """Records already prepared by :func:`caselink.standardisation.prepare` (canonical
    columns and ``_profile``): a linker reads them as they are (the entity store keeps
    each batch's reading, profile included, and links them together)."""

    frame: pl.DataFrame


def _prepared(linker: Linker, records: Any) -> pl.DataFrame:
    if isinstance(records, PreparedRecords):
        return records.frame
    return linker._prepare(records)


class _Loaded:
    """Records read for linking: the Rust data, the prepared and standardised frames."""

    def __init__(self, data: LinkData, prepared: pl.DataFrame, standardised: pl.DataFrame):
        self.data = data
        self.prepared = prepared
        self.standardised = standardised


class Linker:
    """Links person records with a model trained on them.

    Parameters
    ----------
    settings
        :class:`caselink.Settings`; defaults to ``Settings.for_people()``.
    profile, columns
        How to read the records, as for :func:`caselink.standardise`.
    reference_date
        The day the data were extracted, as for :func:`caselink.standardise` (two-digit
        years, the latest plausible year of birth); ``None`` (default) is today, taken
        once when the linker is built. Every set of records it reads or matches is read
        against it; it is :attr:`reference_date`, saved with the linker and on each
        :class:`caselink.Resolution` it returns.

    Examples
    --------
    >>> import caselink
    >>> data = caselink.datasets.synthetic(300, seed=2)
    >>> records = data.records.drop("true_person_id")
    >>> linker = caselink.Linker().train(records)
    >>> pairs = linker.predict(records, threshold=0.5)
    >>> clusters = linker.cluster(pairs)
    >>> clusters.height == records.height
    True
    >>> a, b = pairs.row(0)[:2]
    >>> linker.explain(a, b)["comparison"].to_list()[:3]
    ['prior', 'name', 'dob']
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        profile: str | None = None,
        columns: ColumnMapping | None = None,
        reference_date: _dt.date | None = None,
    ) -> None:
        self.settings = settings or Settings.for_people()
        self.profile = profile
        self.columns = dict(columns) if columns else None
        #: The day the records are read against (resolved once: today when not given).
        self.reference_date: _dt.date = reference_date_or_today(reference_date)
        #: The trained model (an immutable :class:`caselink.Model`), or None before training.
        self.model: Model | None = None
        self._loaded: _Loaded | None = None
        self._source: Any = None

    # --- reading records -------------------------------------------------------------

    def _prepare(self, records: Any) -> pl.DataFrame:
        return prepare(records, self.profile, self.columns, keep=_column_names(self.settings))

    def _prepare_set(self, records: Any, name: str) -> pl.DataFrame:
        """One of two sets being linked; an error in it says which set."""
        try:
            return self._prepare(records)
        except CaselinkError as error:
            raise type(error)(f"{name} records: {error}") from error

    def _read(self, records: Any) -> _Loaded:
        """Reads records (or a (left, right) pair when linking), reusing the last ones."""
        if records is None:
            if self._loaded is None:
                raise InvalidInputError("no records yet: pass records to train or predict")
            return self._loaded
        if records is self._source and self._loaded is not None:
            return self._loaded
        two_sets = self.settings.link_type != "dedupe"
        if two_sets:
            if not isinstance(records, tuple | list) or len(records) != 2:
                raise InvalidInputError(
                    f"link_type '{self.settings.link_type}' needs two sets of records: "
                    f"pass (left, right)"
                )
            left, right = (
                self._prepare_set(r, name) for r, name in zip(records, SETS, strict=True)
            )
            prepared = pl.concat(
                [
                    left.with_columns(pl.lit(0, pl.UInt8).alias("_side")),
                    right.with_columns(pl.lit(1, pl.UInt8).alias("_side")),
                ],
                how="diagonal_relaxed",
            )
            shared = (
                left["record_id"]
                .cast(pl.String)
                .is_in(right["record_id"].cast(pl.String).implode())
            )
            if shared.any():
                example = left.filter(shared)["record_id"].head(3).to_list()
                raise InvalidInputError(
                    f"{int(shared.sum())} record ids appear in both sets, e.g. {example}; ids "
                    f"must be unique across the two sets (prefix them with the source)"
                )
        else:
            if isinstance(records, tuple | list):
                raise InvalidInputError(
                    "two sets of records were given for link_type 'dedupe': use "
                    "caselink.link(left, right) or Settings.for_people('link')"
                )
            prepared = _prepared(self, records)
        year = self.reference_date.year
        data, standardised = link_data(prepared, self.settings.to_json(), year)
        warn_on_rules(standardised)
        self._loaded = _Loaded(data, prepared, standardised)
        self._source = records
        return self._loaded

    def _grow(self, records: Any, pairs_above: float) -> tuple[pl.DataFrame, pl.DataFrame]:
        """Adds records with ids new to those read (a store's batch), scoring them with
        the model against every record: returns their standardised frame and their
        pairs (``record_id_l``, ``record_id_r``, ``match_probability``) at
        ``pairs_above`` or more. The term frequencies and the match index count them
        from now on, as if they had been read with the others."""
        loaded = self._read(None)
        prepared = _prepared(self, records)
        year = self.reference_date.year
        standardised, pairs = loaded.data.grow(self._require_model(), prepared, year, pairs_above)
        loaded.prepared = pl.concat([loaded.prepared, prepared], how="diagonal_relaxed")
        loaded.standardised = pl.concat([loaded.standardised, standardised], how="diagonal_relaxed")
        return standardised, pairs

    # --- the steps -------------------------------------------------------------------

    def count_pairs(self, records: Any) -> pl.DataFrame:
        """Candidate pairs per blocking rule, before any scoring: ``rule``, ``pairs``,
        ``new_pairs`` (not found by an earlier rule), ``skipped_blocks``,
        ``skipped_pairs`` and ``largest_skipped_block`` (blocks over ``max_block``)."""
        return self._read(records).data.count_pairs()

    @property
    def settings_used(self) -> Settings:
        """The settings in force for the last records read (comparisons whose inputs
        the records lack are dropped)."""
        if self._loaded is None:
            return self.settings
        return Settings.from_json(self._loaded.data.settings_json())

    def train(
        self,
        records: Any,
        labels: pl.DataFrame | str | None = None,
        *,
        progress: bool | None = None,
    ) -> Linker:
        """Estimates the model. Without labels: u from random pairs, m by EM over several
        blocking sessions, the prior from near-certain matches.

        ``labels``: a frame of pairs known to match (``record_id_l``, ``record_id_r``,
        and optionally a ``is_match`` / ``clerical_match_score`` column, kept when
        >= 0.5), or the name of a column of ``records`` holding a true cluster id; m is
        then counted from the labelled matches.

        ``progress``: a bar over the stages (standardise, train), as for :meth:`resolve`.
        """
        with stages("train", 2, progress) as run:
            with run.step("standardise"):
                loaded = self._read(records)
            with run.step("train"):
                self.model = loaded.data.train(self._label_pairs(labels, records))
        return self

    def _label_pairs(
        self, labels: pl.DataFrame | str | None, records: Any
    ) -> tuple[list[str], list[str]] | None:
        if labels is None:
            return None
        if isinstance(labels, str):
            frames = records if isinstance(records, tuple | list) else [records]
            frame = pl.concat([_as_frame(f) for f in frames], how="diagonal_relaxed")
            id_col = (self.columns or {}).get("record_id", "record_id")
            if labels not in frame.columns:
                raise ColumnNotFoundError(f"label column '{labels}' is not in the records")
            members = frame.select(
                pl.col(str(id_col)).cast(pl.String).alias("id"), pl.col(labels).alias("c")
            ).filter(pl.col("c").is_not_null())
            # Every pair within each labelled cluster.
            pairs = members.join(members, on="c", suffix="_r").filter(pl.col("id") < pl.col("id_r"))
            return pairs["id"].to_list(), pairs["id_r"].to_list()
        need = {"record_id_l", "record_id_r"}
        if not need <= set(labels.columns):
            raise ColumnNotFoundError(
                "labels must have record_id_l and record_id_r (pairs known to match), or "
                "be the name of a cluster column of the records"
            )
        for flag in ("is_match", "clerical_match_score"):
            if flag in labels.columns:
                labels = labels.filter(pl.col(flag).cast(pl.Float64) >= 0.5)
        return (
            labels["record_id_l"].cast(pl.String).to_list(),
            labels["record_id_r"].cast(pl.String).to_list(),
        )

    def predict(
        self, records: Any = None, threshold: float = 0.0, *, progress: bool | None = None
    ) -> pl.DataFrame:
        """Scores every candidate pair: ``record_id_l``, ``record_id_r``,
        ``match_weight`` (bits), ``match_probability``, and per comparison the level
        reached (``<name>_level``) and its weight of evidence (``<name>_weight``).
        Pairs below ``threshold`` are left out. ``progress`` as for :meth:`resolve`."""
        threshold = _probability(threshold, "threshold") or 0.0
        with stages("predict", 2, progress) as run:
            with run.step("standardise"):
                loaded = self._read(records)
            with run.step("score"):
                pairs, _ = loaded.data.predict(self._require_model(), threshold)
        return self._label_levels(pairs)

    def _label_levels(self, pairs: pl.DataFrame) -> pl.DataFrame:
        """Level indices from the core -> an Enum of the level labels (one byte-ish per
        pair instead of a string)."""
        exprs = []
        for name, labels in self.settings_used.levels().items():
            column = f"{name}_level"
            if column in pairs.columns:
                # Gathering the labels by index (an index that is null gives null) is
                # three times faster than replace_strict on millions of pairs.
                enum = pl.Series(labels, dtype=pl.Enum(labels))
                exprs.append(pl.lit(enum).gather(pl.col(column)).alias(column))
        return pairs.with_columns(exprs)

    def cluster(self, pairs: pl.DataFrame, threshold: float | None = None) -> pl.DataFrame:
        """Entities from scored pairs of the last records: ``record_id``, ``entity_id``,
        one row per record. Strongest pairs first; two groups merge only when the mean
        match probability of the pairs between them reaches ``threshold`` and none is
        below the settings' ``veto`` (so A~B and B~C do not chain A to C when A and C differ).
        Once trained, pairs between two small groups that ``pairs`` lacks (blocking did
        not produce them) are scored with the model when the groups are weighed."""
        cut = _probability(threshold, "threshold")
        loaded = self._read(None)
        cut = self.settings.threshold if cut is None else cut
        return loaded.data.cluster(pairs, cut, self.model)

    def resolve(
        self,
        records: Any,
        labels: pl.DataFrame | str | None = None,
        *,
        pairs_above: float = DEFAULT_PAIRS_ABOVE,
        progress: bool | None = None,
        must_link: Any = None,
        cannot_link: Any = None,
    ) -> Resolution:
        """Train (unless trained), score and cluster in one pass: a :class:`Resolution`.

        ``must_link`` and ``cannot_link``: analysts' decisions, pairs of record ids (a
        frame with ``record_id_l`` and ``record_id_r``, or a list of pairs) that the
        clustering obeys whatever the scores: a must-link pair ends in one entity, a
        cannot-link pair never does. An unknown id or a contradiction between the two
        is an :class:`InvalidInputError`.

        ``pairs_above``: ``Resolution.pairs`` keeps the scored pairs at or above this
        match probability (0 keeps all; clustering uses every pair whatever it is;
        ``Resolution.blocking`` counts them all).
        ``progress``: show a progress bar over the stages (standardise; train, score and
        cluster; summarise entities); ``None`` follows :func:`caselink.set_progress`.
        Each stage is logged on the ``"caselink"`` logger with its duration.
        """
        trained = self.model is not None
        core = "score and cluster" if trained else "train, score and cluster"
        with stages(f"resolve ({self.settings.link_type})", 3, progress) as run:
            with run.step("standardise"):
                loaded = self._read(records)
            with run.step(core):
                clusters, pairs, blocking, self.model = loaded.data.resolve(
                    self._label_pairs(labels, records),
                    self.model,
                    _probability(pairs_above, "pairs_above") or 0.0,
                    run.substep,
                    _id_pairs(must_link, "must_link"),
                    _id_pairs(cannot_link, "cannot_link"),
                )
            with run.step("summarise entities"):
                # In Rust: a polars group_by with these lists took 3 s on a million
                # records (the reference it must agree with is in tests/test_entities.py).
                entities = summarise_entities(clusters, loaded.standardised)
        logger.info(
            "resolved %d records into %d entities (%d pairs scored, %d kept)",
            clusters.height,
            entities.height,
            blocking["new_pairs"].sum(),
            pairs.height,
        )
        return Resolution(
            clusters=clusters,
            pairs=self._label_levels(pairs),
            entities=entities,
            blocking=blocking,
            standardised=loaded.standardised,
            linker=self,
            model=self.model,
        )

    def explain(self, record_a: Any, record_b: Any) -> pl.DataFrame:
        """The evidence for one pair of the last records, as a waterfall: the prior, then
        one row per comparison with the two values, the level reached, m, u, the weight
        (bits) and the running total as weight and probability."""
        loaded = self._read(None)
        a, b = str(record_a), str(record_b)
        lines = loaded.data.explain(self._require_model(), a, b)
        std = loaded.standardised.with_columns(pl.col("record_id").cast(pl.String))
        prepared = loaded.prepared.with_columns(pl.col("record_id").cast(pl.String))

        def values(record: str) -> list[str | None]:
            row_std = std.filter(pl.col("record_id") == record).row(0, named=True)
            row_raw = prepared.filter(pl.col("record_id") == record).row(0, named=True)
            out: list[str | None] = []
            for name in lines["comparison"]:
                field = _SHOWN.get(name)
                value = row_std.get(field) if field else row_raw.get(name)
                if isinstance(value, list):
                    value = ", ".join(value) or None
                out.append(None if value is None else str(value))
            return out

        return lines.insert_column(1, pl.Series("value_l", values(a), pl.String)).insert_column(
            2, pl.Series("value_r", values(b), pl.String)
        )

    def match(
        self,
        new_records: Any,
        against: Resolution | None = None,
        threshold: float | None = None,
    ) -> pl.DataFrame:
        """Scores new records against the resolved ones without retraining: one row per
        new record with its best match (``record_id``, ``entity_id`` when ``against`` is
        given, ``match_probability``, ``match_weight``) and ``candidates`` (how many
        records were compared); nulls when nothing reaches ``threshold``."""
        cut = _probability(threshold, "threshold")
        cut = self.settings.threshold if cut is None else cut
        # Against a resolution: its records, and this linker's model (or, untrained, the
        # resolution's). Neither linker changes.
        source = self if against is None else against.linker
        loaded = source._read(None)
        model = self.model if self.model is not None or against is None else against.model
        if model is None:
            raise InvalidInputError("the linker is not trained: call train(records) first")
        new = _prepared(self, new_records)
        found = loaded.data.match_records(model, new, self.reference_date.year, 0.0)
        best = found.group_by("new_record_id", maintain_order=True).agg(
            pl.col("record_id").first(),
            pl.col("match_probability").first(),
            pl.col("match_weight").first(),
            pl.len().alias("candidates"),
        )
        ids = new.select(pl.col("record_id").cast(pl.String).alias("new_record_id"))
        out = ids.join(best, on="new_record_id", how="left", maintain_order="left")
        below = pl.col("match_probability") < cut
        out = out.with_columns(
            pl.when(below).then(None).otherwise(pl.col(c)).alias(c)
            for c in ("record_id", "match_probability", "match_weight")
        ).with_columns(pl.col("candidates").fill_null(0).cast(pl.Int64))
        if against is not None:
            out = out.join(
                against.clusters.select(pl.col("record_id").cast(pl.String), "entity_id"),
                on="record_id",
                how="left",
                maintain_order="left",
            )
        return out

    def candidates(self, new_records: Any) -> pl.DataFrame:
        """Every record of the last records read that each new record was compared with
        (``new_record_id``, ``record_id``, ``match_probability``, ``match_weight``), best
        first per new record, without retraining; new records with no candidate have no
        row (see :meth:`match` for one row per new record)."""
        loaded = self._read(None)
        new = _prepared(self, new_records)
        return loaded.data.match_records(self._require_model(), new, self.reference_date.year, 0.0)

    # --- inspection and persistence --------------------------------------------------

    @property
    def parameters(self) -> pl.DataFrame:
        """m, u and the weight (bits) of every comparison level of the trained model."""
        return self._require_model().parameters(self.settings_used.to_json())

    @property
    def training_history(self) -> pl.DataFrame:
        """How the model was trained: every EM iteration (``session``: the key its pairs
        share; ``pairs``; ``iteration`` from 1; ``match_share``: the share of matches
        among the pairs; ``change``: the largest parameter change), then one row for the
        prior: ``session`` ``"prior: <how it was estimated>"`` (the comparisons whose top
        levels make a pair a near-certain match, or the default when none can),
        ``pairs`` the candidate pairs agreeing on all of them, ``iteration`` 0,
        ``match_share`` the prior itself and ``change`` null. ``model.prior_estimate``
        holds the rest: pairs expected by chance, the share of matches that can agree,
        the matches implied and the weight given to the data against the default."""
        return self._require_model().training_history()

    def _require_model(self) -> Model:
        if self.model is None:
            raise InvalidInputError("the linker is not trained: call train(records) first")
        return self.model

    def save(self, path: str | Path) -> Path:
        """Writes settings, reading options (with the reference date) and the trained
        model as one JSON file."""
        path = Path(path)
        doc = {
            "format": _SAVE_FORMAT,
            "settings": json.loads(self.settings.to_json()),
            "profile": self.profile,
            "columns": self.columns,
            "reference_date": self.reference_date.isoformat(),
            "model": json.loads(self._require_model().to_json()),
        }
        path.write_text(json.dumps(doc, indent=1), encoding="utf-8")
        return path

    @classmethod
    def load(cls, path: str | Path) -> Linker:
        """Reads a linker written by :meth:`save` (trained: predict and match work at
        once on new records), with its reference date (today for files saved without
        one)."""
        try:
            doc = json.loads(Path(path).read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as err:
            raise InvalidInputError(f"{path} is not a saved caselink linker: {err}") from err
        found = doc.get("format") if isinstance(doc, dict) else type(doc).__name__
        if found != _SAVE_FORMAT:
            raise InvalidInputError(
                f"{path} is not a saved caselink linker (format {found!r}, "
                f"expected {_SAVE_FORMAT!r})"
            )
        linker = cls(
            Settings.from_json(json.dumps(doc["settings"])),
            profile=doc.get("profile"),
            columns=doc.get("columns"),
            reference_date=_saved_date(doc.get("reference_date"), path),
        )
        linker.model = Model.from_json(json.dumps(doc["model"]))
        return linker

    # --- charts and display -----------------------------------------------------------

    def chart_parameters(self) -> alt.HConcatChart:
        """m, u and weight of every comparison level of the trained model
        (:func:`caselink.charts.parameters` of :attr:`parameters`)."""
        from caselink import charts

        return charts.parameters(self.parameters)

    def chart_waterfall(self, record_a: Any, record_b: Any) -> alt.LayerChart:
        """The evidence for one pair of the last records as a waterfall chart
        (:func:`caselink.charts.waterfall` of :meth:`explain`)."""
        from caselink import charts

        return charts.waterfall(self.explain(record_a, record_b), records=(record_a, record_b))

    def __repr__(self) -> str:
        return linker_card(self).text()

    def _repr_html_(self) -> str:
        return linker_card(self).html()
