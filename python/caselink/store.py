"""The persistent entity store: records arrive every day, entity ids stay put, analysts'
decisions are kept, and every change is logged.

A store is one SQLite file (WAL mode: readers in many processes, one writer at a time).
``Store.open(path)`` creates or opens it; nothing is fetched or started. Each change
(an ingested batch, a decision, a retrain) resolves records with the store's model and
the analysts' decisions, then names the entities with stable ids and writes everything
in one transaction: all of it or none of it. A batch of new records or a decision
re-resolves only the records it can reach, against the store held in memory (built on
first use); the first batch, a retrain, a reresolve and a batch with updated records
resolve every record.

Stable ids: an entity keeps its id while the largest part of its records stays together;
when entities merge the oldest id stays and the others are recorded as merged into it
(:meth:`Store.resolve_id` follows them); a split keeps the id on the largest part and
gives the others new ids, recorded as split from it.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from caselink._core import Model, StoreFile
from caselink.exceptions import ColumnNotFoundError, InvalidInputError, SchemaError
from caselink.linker import Linker, PreparedRecords
from caselink.settings import Settings, _column_names
from caselink.standardisation import (
    ColumnMapping,
    _as_frame,
    prepare,
    reference_date_or_today,
)

__all__ = ["IngestReport", "Store", "StoreEntity"]

#: Scored pairs at or above this probability are kept in the store (and offered for
#: review); clustering sees every pair whatever it is.
KEPT_PAIRS_ABOVE = 0.05
#: The model is retrained by an ingest once the store holds this many times the records
#: it was trained on (the prior and the term frequencies depend on the store's size).
RETRAIN_GROWTH = 2.0
#: Confirmed pairs a retrain needs before it counts m from them instead of running EM:
#: m counted from a handful of pairs is worse than EM's estimate from the whole store.
MIN_LABELS = 200
#: Columns of a prepared batch that are not fields of the records.
_NOT_FIELDS = ("record_id", "source", "_profile")


@dataclass(frozen=True)
class IngestReport:
    """What one change did. Every frame is empty when it did nothing of that kind.

    Attributes
    ----------
    change
        The change's number in the store's log (0: nothing was written, e.g. every
        record was already there with the same content).
    new_records
        ``record_id``, ``entity_id`` of the records new to the store.
    attached
        ``record_id``, ``entity_id``: new records that joined an entity that existed.
    new_entities
        ``entity_id``, ``split_from`` (the entity it took most records from, or null).
    merged
        ``entity_id``, ``merged_into``: entities retired into an older one.
    updated
        ``record_id`` of records given again with changed content (kept in history).
    unchanged
        ``record_id`` of records given again with the same content.
    moved
        ``record_id``, ``from_entity``, ``to_entity`` of records that changed entity.
    review
        Kept pairs touching the change's records whose probability is uncertain
        (between 0.05 and 0.95), closest to the threshold first.
    """

    change: int
    new_records: pl.DataFrame
    attached: pl.DataFrame
    new_entities: pl.DataFrame
    merged: pl.DataFrame
    updated: pl.DataFrame
    unchanged: pl.DataFrame
    moved: pl.DataFrame
    review: pl.DataFrame

    def __repr__(self) -> str:
        return (
            f"IngestReport(change={self.change}, new_records={self.new_records.height}, "
            f"attached={self.attached.height}, new_entities={self.new_entities.height}, "
            f"merged={self.merged.height}, updated={self.updated.height}, "
            f"unchanged={self.unchanged.height}, moved={self.moved.height}, "
            f"review={self.review.height})"
        )


@dataclass(frozen=True)
class StoreEntity:
    """One entity now: its records (as given, with their source), the decisions on them
    and its history."""

    entity_id: str
    records: pl.DataFrame
    decisions: pl.DataFrame
    history: pl.DataFrame


@dataclass
class _Resident:
    """The store in memory, built on first use and kept in step with this process's
    writes (rebuilt when another process has written): a linker that has read every
    record with the store's model (the lookup index, grown by each batch), the record ->
    entity map and the kept pairs."""

    generation: int
    linker: Linker
    clusters: pl.DataFrame
    pairs: pl.DataFrame
    #: The same map as dicts, for lookups: record -> entity, entity -> records.
    entity_of: dict[str, str] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        ids, entities = self.clusters["record_id"], self.clusters["entity_id"]
        self.entity_of = dict(zip(ids.to_list(), entities.to_list(), strict=True))
        counts = self.clusters.group_by("entity_id").len()
        self.sizes = dict(zip(counts["entity_id"].to_list(), counts["len"].to_list(), strict=True))

    def place(self, records: list[str], entities: list[str]) -> None:
        """Records now in these entities (the map and the sizes follow)."""
        for record, entity in zip(records, entities, strict=True):
            before = self.entity_of.get(record)
            if before is not None:
                self.sizes[before] -= 1
                if not self.sizes[before]:
                    del self.sizes[before]
            self.entity_of[record] = entity
            self.sizes[entity] = self.sizes.get(entity, 0) + 1


_PAIRS_SCHEMA = {
    "record_id_l": pl.String,
    "record_id_r": pl.String,
    "match_probability": pl.Float64,
}


_LOOKUP_SCHEMA = {
    "new_record_id": pl.String,
    "rank": pl.Int64,
    "entity_id": pl.String,
    "match_probability": pl.Float64,
    "match_weight": pl.Float64,
    "record_id": pl.String,
    "n_records": pl.Int64,
}


def _scope(
    touched: pl.Series,
    clusters: pl.DataFrame,
    pairs: pl.DataFrame,
    must: tuple[list[str], list[str]],
    threshold: float,
) -> pl.Series:
    """The records a change must re-resolve: those it touches, closed under sharing an
    entity, a pair at or above the threshold and a confirmed pair. Outside it no edge a
    clustering could take reaches in, so the rest of the entities stand as they are."""
    edges = pl.concat(
        [
            pairs.filter(pl.col("match_probability") >= threshold).select(
                "record_id_l", "record_id_r"
            ),
            pl.DataFrame(
                {"record_id_l": must[0], "record_id_r": must[1]},
                schema={"record_id_l": pl.String, "record_id_r": pl.String},
            ),
        ]
    )
    scope = touched.unique()
    while True:
        inside = scope.implode()
        entities = clusters.filter(pl.col("record_id").is_in(inside))["entity_id"].unique()
        linked = edges.filter(
            pl.col("record_id_l").is_in(inside) | pl.col("record_id_r").is_in(inside)
        )
        grown = pl.concat(
            [
                scope,
                clusters.filter(pl.col("entity_id").is_in(entities.implode()))["record_id"],
                linked["record_id_l"],
                linked["record_id_r"],
            ]
        ).unique()
        if grown.len() == scope.len():
            return scope.sort()
        scope = grown


def _pair_lists(pairs: pl.DataFrame) -> tuple[list[str], list[str], list[float]]:
    """Scored pairs as the columns the core takes."""
    return (
        pairs["record_id_l"].to_list(),
        pairs["record_id_r"].to_list(),
        pairs["match_probability"].to_list(),
    )


def _json_rows(frame: pl.DataFrame) -> list[str]:
    """Each row as a JSON object (keys in column order)."""
    if frame.width == 0:
        return ["{}"] * frame.height
    try:
        return frame.select(pl.struct(pl.all()).struct.json_encode().alias("j"))["j"].to_list()
    except pl.exceptions.PolarsError as err:
        raise SchemaError(
            f"the records have a column that cannot be stored as JSON ({err}); cast it to "
            f"text first"
        ) from err


def _store_time(when: dt.datetime | dt.date | str) -> str:
    """A time as the store writes them (UTC, microseconds); naive times are UTC, a date
    is the end of that day."""
    if isinstance(when, str):
        when = dt.datetime.fromisoformat(when)
    if not isinstance(when, dt.datetime):
        when = dt.datetime.combine(when, dt.time.max)
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _pairs_frame(pairs: tuple[list[str], list[str]], names: tuple[str, str]) -> pl.DataFrame:
    return pl.DataFrame(
        {names[0]: pairs[0], names[1]: pairs[1]}, schema={n: pl.String for n in names}
    )


def _ids_frame(ids: list[str]) -> pl.DataFrame:
    return pl.DataFrame({"record_id": ids}, schema={"record_id": pl.String})


class Store:
    """A persistent entity store in one SQLite file; open it with :meth:`Store.open`.

    Examples
    --------
    >>> import caselink, tempfile, pathlib
    >>> data = caselink.datasets.synthetic(200, seed=3)
    >>> records = data.records.drop("true_person_id")
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "cell.db"
    >>> store = caselink.Store.open(path)
    >>> report = store.ingest(records, actor="analyst")
    >>> store.records().height == records.height
    True
    >>> store.ingest(records).change  # the same records again: nothing to do
    0
    """

    def __init__(self, file: StoreFile, path: Path, settings: Settings, reference_date: dt.date):
        self._file = file
        self.path = path
        #: The linkage settings, fixed when the store was created.
        self.settings = settings
        #: The day records are read against (see :class:`caselink.Linker`).
        self.reference_date = reference_date
        self._state: _Resident | None = None

    # --- opening -------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | Path,
        settings: Settings | None = None,
        *,
        timeout: float = 10.0,
        reference_date: dt.date | None = None,
    ) -> Store:
        """Creates the store at ``path`` or opens it.

        ``settings`` are fixed when the store is created (default
        ``Settings.for_people()``); opening an existing store with other settings is an
        :class:`InvalidInputError`. ``timeout``: seconds a write waits for another
        process's write before a :class:`caselink.exceptions.StoreBusyError`. A store
        written by a newer caselink raises :class:`caselink.exceptions.StoreVersionError`
        and is left untouched.
        """
        path = Path(path)
        file = StoreFile.open(path, float(timeout))
        stored = file.meta("settings")
        if stored is None:
            chosen = settings or Settings.for_people()
            if chosen.link_type != "dedupe":
                raise InvalidInputError(
                    f"a store deduplicates its records: settings with link_type "
                    f"'{chosen.link_type}' cannot be used; use Settings.for_people()"
                )
            file.set_meta("settings", chosen.to_json())
        else:
            chosen = Settings.from_json(stored)
            if settings is not None and settings.to_json() != stored:
                raise InvalidInputError(
                    f"the store {path} was created with other settings; open it without "
                    f"settings (it keeps its own), or create a new store for these"
                )
        return cls(file, path, chosen, reference_date_or_today(reference_date))

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r}, change={self._file.generation()})"

    # --- reading ---------------------------------------------------------------------

    def records(self) -> pl.DataFrame:
        """One row per record ever ingested: ``record_id``, ``source``, its current
        ``entity_id``, the change that first added it and the one that last changed it."""
        return self._file.records()

    @property
    def clusters(self) -> pl.DataFrame:
        """``record_id`` -> ``entity_id`` now: what :func:`caselink.outcomes` and
        :func:`caselink.link_cases` read when given the store as ``entities``."""
        return self.records().select("record_id", "entity_id")

    def entities(self, *, retired: bool = False) -> pl.DataFrame:
        """The entities in use (with ``retired=True``, every id ever given): ``entity_id``,
        ``created``, ``split_from``, ``retired``, ``merged_into``, ``n_records``."""
        frame = self._file.entities()
        return frame if retired else frame.filter(pl.col("retired").is_null())

    def entity(self, entity_id: str) -> StoreEntity:
        """One entity: its records as given (one column per field, with ``source``), the
        decisions on its records, and its history."""
        rows = self._file.entity_records(str(entity_id))
        if rows.height == 0:
            now = self._file.resolve_id(str(entity_id))  # unknown ids raise here
            raise InvalidInputError(
                f"entity '{entity_id}' holds no records now; it stands for {now} "
                f"(see Store.resolve_id)"
            )
        raw = rows["raw"].str.json_decode(infer_schema_length=None).struct.unnest()
        records = pl.concat(
            [rows.select("record_id", "source"), raw.drop("record_id", "source", strict=False)],
            how="horizontal",
        )
        ids = rows["record_id"].implode()
        decisions = self.decisions().filter(
            pl.col("record_a").is_in(ids) | pl.col("record_b").is_in(ids)
        )
        return StoreEntity(str(entity_id), records, decisions, self.history(entity_id))

    def history(self, entity_id: str | None = None) -> pl.DataFrame:
        """The log, oldest first (of one entity, or all of it): ``change``, ``time``,
        ``actor``, ``action``, ``entity_id``, ``detail`` (JSON)."""
        return self._file.history(None if entity_id is None else str(entity_id))

    def decisions(self) -> pl.DataFrame:
        """Every analyst decision: ``decision`` (confirm/separate), ``record_a``,
        ``record_b``, ``actor``, ``reason``, ``time``."""
        return self._file.decisions()

    def pairs(self) -> pl.DataFrame:
        """The scored pairs the last change kept (at or above 0.05)."""
        return self._file.pairs()

    def as_of(self, when: dt.datetime | dt.date | str) -> pl.DataFrame:
        """The record -> entity map as it stood at ``when`` (a datetime, naive = UTC; a
        date = the end of that day; or an ISO string): ``record_id``, ``entity_id``."""
        return self._file.as_of(_store_time(when))

    def resolve_id(self, entity_id: str) -> list[str]:
        """The entities an id stands for now: itself while in use, else the entity it was
        merged into. Unknown ids are an :class:`InvalidInputError`."""
        return self._file.resolve_id(str(entity_id))

    @property
    def model(self) -> Model | None:
        """The store's current model, or None before the first ingest."""
        found = self._file.model()
        return None if found is None else Model.from_json(found[1])

    def integrity_check(self) -> str:
        """SQLite's consistency check of the file: ``"ok"`` when sound."""
        return self._file.integrity_check()

    # --- writing ---------------------------------------------------------------------

    def ingest(
        self,
        records: Any,
        columns: ColumnMapping | None = None,
        actor: str | None = None,
        *,
        source: str | None = None,
        profile: str | None = None,
        reason: str | None = None,
    ) -> IngestReport:
        """Adds a batch of records and re-resolves the store, in one transaction.

        ``columns`` and ``profile`` say how to read this batch, as for
        :func:`caselink.standardise` (each agency's batch may have its own layout);
        ``source`` fills the ``source`` column when the batch has none. A record id
        already in the store with the same content changes nothing; with changed
        content it is an update (the old version is kept). Duplicate ids in the batch,
        and fields other than the store's (fixed by its first batch), are errors with
        nothing written.
        """
        frame = _as_frame(records)
        if source is not None and "source" not in frame.columns:
            frame = frame.with_columns(pl.lit(str(source)).alias("source"))
        prepared = prepare(frame, profile, columns, keep=_column_names(self.settings))
        if "source" not in prepared.columns:
            raise ColumnNotFoundError(
                "the batch has no 'source' column: say which agency the records come "
                "from, e.g. store.ingest(records, source='NCA')"
            )
        if "_profile" not in prepared.columns:
            prepared = prepared.with_columns(pl.lit("auto").alias("_profile"))
        prepared = self._with_store_fields(prepared)
        ids = prepared["record_id"].cast(pl.String)
        prepared = prepared.with_columns(ids.alias("record_id"))
        contents = _json_rows(prepared)
        state = pl.Series(self._file.classify(ids.to_list(), contents))
        changed = state != "unchanged"
        if not changed.any():
            return self._nothing(ids.to_list())
        rows = pl.DataFrame(
            {"content": contents, "raw": _json_rows(frame)},
            schema={"content": pl.String, "raw": pl.String},
        ).filter(changed)
        return self._change(
            "ingest",
            actor,
            reason,
            incoming=(prepared.filter(changed), rows["content"].to_list(), rows["raw"].to_list()),
            unchanged=ids.filter(~changed).to_list(),
            all_new=bool((state.filter(changed) == "new").all()),
        )

    def confirm(self, record_a: str, record_b: str, actor: str, reason: str) -> IngestReport:
        """Records that two records are one person (must-link: beats any score) and
        re-resolves the store."""
        return self._decide([("confirm", record_a, record_b)], actor, reason, "confirm")

    def separate(self, record_a: str, record_b: str, actor: str, reason: str) -> IngestReport:
        """Records that two records are different people (cannot-link: beats any score)
        and re-resolves the store."""
        return self._decide([("separate", record_a, record_b)], actor, reason, "separate")

    def split(
        self, entity_id: str, groups: list[list[str]], actor: str, reason: str
    ) -> IngestReport:
        """Splits an entity into ``groups`` of its record ids (every record of the entity
        in exactly one group): each group is confirmed together and kept apart from the
        others. The largest group keeps the id."""
        members = set(
            self.clusters.filter(pl.col("entity_id") == str(entity_id))["record_id"].to_list()
        )
        if not members:
            raise InvalidInputError(f"entity '{entity_id}' holds no records now")
        given = [[str(r) for r in g] for g in groups]
        flat = [r for g in given for r in g]
        if len(given) < 2 or any(not g for g in given):
            raise InvalidInputError("split needs at least two groups, none of them empty")
        if len(flat) != len(set(flat)) or set(flat) != members:
            missing = sorted(members - set(flat))[:5]
            extra = sorted(set(flat) - members)[:5]
            raise InvalidInputError(
                f"the groups must hold every record of {entity_id} exactly once "
                f"(missing {missing}, not in the entity {extra}, or a record twice)"
            )
        decisions = [("confirm", g[0], r) for g in given for r in g[1:]]
        decisions += [("separate", a[0], b[0]) for k, a in enumerate(given) for b in given[k + 1 :]]
        return self._decide(decisions, actor, reason, "split")

    def retrain(
        self, labels: bool = True, actor: str | None = None, reason: str | None = None
    ) -> IngestReport:
        """Trains a new model on every record and re-resolves the store with it; ids stay
        stable. With ``labels`` and at least 200 confirmed pairs (``MIN_LABELS``), m is
        counted from the confirmed pairs; otherwise it is estimated by EM, as at the
        first ingest (a few labels would give a worse m than EM). Decisions constrain
        the clustering either way."""
        return self._change("retrain", actor, reason, retrain=True, use_labels=labels)

    def reresolve(self, actor: str | None = None, reason: str | None = None) -> IngestReport:
        """Re-resolves the store with its current model and decisions."""
        return self._change("reresolve", actor, reason)

    # --- looking up ------------------------------------------------------------------

    def lookup(
        self,
        records: Any,
        k: int = 5,
        *,
        columns: ColumnMapping | None = None,
        profile: str | None = None,
    ) -> pl.DataFrame:
        """The best ``k`` candidate entities for each given record, without writing:
        ``new_record_id``, ``rank``, ``entity_id``, ``match_probability``,
        ``match_weight``, ``record_id`` (the entity's record that matched best) and
        ``n_records``. Records with no candidate have no row. The index is the store's
        resident state: built on first use (every record read), kept in step with this
        process's writes, and built again when another process has written."""
        if k < 1:
            raise InvalidInputError(f"k must be at least 1, got {k}")
        state = self._resident()
        frame = _as_frame(records)
        prepared = prepare(frame, profile, columns, keep=_column_names(self.settings))
        found = state.linker.candidates(PreparedRecords(prepared))
        # A few dozen candidates per record: dicts beat joins against the whole map.
        position = {r: n for n, r in enumerate(prepared["record_id"].cast(pl.String).to_list())}
        rows = sorted(
            zip(
                found["new_record_id"].to_list(),
                found["record_id"].to_list(),
                found["match_weight"].to_list(),
                found["match_probability"].to_list(),
                strict=True,
            ),
            key=lambda row: (position[row[0]], -row[2], row[1]),
        )
        out: dict[str, list[Any]] = {c: [] for c in _LOOKUP_SCHEMA}
        seen: set[tuple[str, str]] = set()
        ranks: dict[str, int] = {}
        for new, record, weight, probability in rows:
            entity = state.entity_of[record]
            if (new, entity) in seen or ranks.get(new, 0) >= k:
                continue
            seen.add((new, entity))
            ranks[new] = ranks.get(new, 0) + 1
            for column, value in zip(
                _LOOKUP_SCHEMA,
                (new, ranks[new], entity, probability, weight, record, state.sizes[entity]),
                strict=True,
            ):
                out[column].append(value)
        return pl.DataFrame(out, schema=_LOOKUP_SCHEMA)

    def explain(self, record_a: str, record_b: str) -> pl.DataFrame:
        """The waterfall of one pair of stored records under the store's model (see
        :meth:`caselink.Linker.explain`)."""
        return self._resident().linker.explain(record_a, record_b)

    def review_queue(self, n: int = 50) -> pl.DataFrame:
        """The ``n`` undecided kept pairs whose decision would most change the entities,
        first first: ``record_id_l``, ``record_id_r``, ``match_probability``,
        ``entity_l``, ``entity_r``, ``same_entity``, ``size_l``, ``size_r``, ``priority``.

        The priority is the pair's uncertainty (1 at the threshold, falling to 0 at
        probability 0 or 1) times ``1 + log2(1 + impact)``, where the impact is the
        number of record pairs a decision would join or part: ``size_l * size_r`` for a
        pair across two entities (a confirm merges them), ``size - 1`` for a pair inside
        one (a separate splits it). Show a pair's evidence with :meth:`explain`.
        """
        if n < 1:
            raise InvalidInputError(f"n must be at least 1, got {n}")
        now = self.clusters
        sizes = now.group_by("entity_id").agg(pl.len().alias("size"))
        ent = now.join(sizes, on="entity_id")
        decided = self.decisions().select(
            pl.min_horizontal("record_a", "record_b").alias("record_id_l"),
            pl.max_horizontal("record_a", "record_b").alias("record_id_r"),
        )
        t = self.settings.threshold
        spread = max(t, 1.0 - t)
        pairs = (
            self.pairs()
            .join(decided, on=["record_id_l", "record_id_r"], how="anti")
            .join(
                ent.rename({"record_id": "record_id_l", "entity_id": "entity_l", "size": "size_l"}),
                on="record_id_l",
            )
            .join(
                ent.rename({"record_id": "record_id_r", "entity_id": "entity_r", "size": "size_r"}),
                on="record_id_r",
            )
            .with_columns((pl.col("entity_l") == pl.col("entity_r")).alias("same_entity"))
        )
        impact = (
            pl.when(pl.col("same_entity"))
            .then(pl.col("size_l") - 1)
            .otherwise(pl.col("size_l") * pl.col("size_r"))
        )
        uncertainty = (1.0 - (pl.col("match_probability") - t).abs() / spread).clip(0.0, 1.0)
        return (
            pairs.with_columns(
                (uncertainty * (1.0 + (1.0 + impact.cast(pl.Float64)).log(2))).alias("priority"),
                pl.col("size_l").cast(pl.Int64),
                pl.col("size_r").cast(pl.Int64),
            )
            .sort(["priority", "record_id_l", "record_id_r"], descending=[True, False, False])
            .head(n)
        )

    # --- internals -------------------------------------------------------------------

    def _with_store_fields(self, prepared: pl.DataFrame) -> pl.DataFrame:
        """The batch's columns in the store's order; the first batch fixes them."""
        fields = [c for c in prepared.columns if c not in _NOT_FIELDS]
        stored = self._file.meta("fields")
        if stored is None:
            self._file.set_meta("fields", json.dumps(fields))
            known = fields
        else:
            known = json.loads(stored)
            extra = sorted(set(fields) - set(known))
            missing = sorted(set(known) - set(fields))
            if extra or missing:
                raise SchemaError(
                    f"the batch's fields do not match the store's {known}: "
                    f"{'extra ' + str(extra) if extra else ''}"
                    f"{' ' if extra and missing else ''}"
                    f"{'missing ' + str(missing) if missing else ''}; map the batch's "
                    f"columns with columns=..., add a missing field as nulls "
                    f"(pl.lit(None).alias(name)), or drop an extra one"
                )
        return prepared.select("record_id", "source", "_profile", *known)

    def _current(self) -> pl.DataFrame:
        """Every record of the store as linking reads it."""
        ids, contents = self._file.contents()
        if not ids:
            return pl.DataFrame()
        return self._decode(contents)

    def _decode(self, contents: list[str]) -> pl.DataFrame:
        """Records as stored (their content JSON) back to the frame linking reads: every
        field as text, so a batch reads the same on the day and on every later open."""
        fields = json.loads(self._file.meta("fields") or "[]")
        names = ["record_id", "source", "_profile", *fields]
        dtype = pl.Struct({n: pl.String for n in names})
        return pl.Series(contents, dtype=pl.String).str.json_decode(dtype).struct.unnest()

    def _linker(self) -> Linker:
        return Linker(self.settings, reference_date=self.reference_date)

    def _nothing(self, unchanged: list[str]) -> IngestReport:
        """The report of a change that wrote nothing."""
        none: tuple[list[str], list[str]] = ([], [])
        out = {
            "change": 0,
            "new_records": [],
            "updated_records": [],
            "unchanged_records": [],
            "attached": none,
            "new_entities": none,
            "merged": none,
            "moved": ([], [], []),
        }
        pairs = pl.DataFrame(
            schema={
                "record_id_l": pl.String,
                "record_id_r": pl.String,
                "match_probability": pl.Float64,
            }
        )
        return self._report(out, pairs, pl.Series("record_id", [], pl.String), [], unchanged, None)

    def _decide(
        self, decisions: list[tuple[str, str, str]], actor: str, reason: str, action: str
    ) -> IngestReport:
        if not actor or not reason:
            raise InvalidInputError(
                "an analyst decision needs an actor and a reason (they go into the log)"
            )
        named = [(k, str(a), str(b)) for k, a, b in decisions]
        unknown = self._file.unknown_records(sorted({r for _, a, b in named for r in (a, b)}))
        if unknown:
            raise InvalidInputError(
                f"record ids {unknown[:5]} are not in the store: check the ids (see "
                f"Store.records())"
            )
        return self._change(action, actor, reason, decisions=named)

    def _change(
        self,
        action: str,
        actor: str | None,
        reason: str | None,
        *,
        incoming: tuple[pl.DataFrame, list[str], list[str]] | None = None,
        unchanged: list[str] | None = None,
        decisions: list[tuple[str, str, str]] | None = None,
        retrain: bool = False,
        use_labels: bool = True,
        all_new: bool = True,
    ) -> IngestReport:
        """Resolves and commits one change. A batch of new records or a decision
        re-resolves only the records it can reach (see :func:`_scope`) with the store's
        model; a retrain, a reresolve, a batch with updated records, the first batch and
        a batch that grows the store past ``RETRAIN_GROWTH`` resolve every record."""
        decisions = decisions or []
        stored = self._file.model()
        if stored is not None and not retrain and action != "reresolve" and all_new:
            state = self._resident()
            added = 0 if incoming is None else incoming[0].height
            trained_on = state.linker.model.n_records if state.linker.model else 0
            if state.clusters.height + added < RETRAIN_GROWTH * max(trained_on, 1):
                return self._change_within(
                    state, action, actor, reason, incoming, unchanged, decisions
                )
        return self._change_all(
            action, actor, reason, incoming, unchanged, decisions, retrain, use_labels
        )

    def _constraints(
        self, decisions: list[tuple[str, str, str]]
    ) -> tuple[tuple[list[str], list[str]], tuple[list[str], list[str]]]:
        """The store's confirmed and separated pairs, with the change's decisions."""
        (must_a, must_b), (cannot_a, cannot_b) = self._file.constraints()
        for kind, a, b in decisions:
            (must_a if kind == "confirm" else cannot_a).append(a)
            (must_b if kind == "confirm" else cannot_b).append(b)
        return (must_a, must_b), (cannot_a, cannot_b)

    def _ingested(
        self, incoming: tuple[pl.DataFrame, list[str], list[str]] | None, std: pl.DataFrame
    ) -> tuple[list[str], list[str | None], list[str], list[str], list[str]]:
        """The batch's columns as the store writes them: ids, sources, contents, raw and
        standardised JSON (``std`` holds the batch's standardised rows, maybe more)."""
        if incoming is None:
            return ([], [], [], [], [])
        batch, contents, raw = incoming
        std = std.with_columns(pl.col("record_id").cast(pl.String))
        std = std.join(batch.select("record_id"), on="record_id", how="semi")
        encoded = std.select("record_id", pl.Series("j", _json_rows(std), pl.String))
        by_row = (
            batch.select("record_id")
            .join(encoded, on="record_id", how="left", maintain_order="left")["j"]
            .to_list()
        )
        return (batch["record_id"].to_list(), batch["source"].to_list(), contents, raw, by_row)

    @staticmethod
    def _decision_lists(
        decisions: list[tuple[str, str, str]],
    ) -> tuple[list[str], list[str], list[str]]:
        return (
            [k for k, _, _ in decisions],
            [a for _, a, _ in decisions],
            [b for _, _, b in decisions],
        )

    def _change_within(
        self,
        state: _Resident,
        action: str,
        actor: str | None,
        reason: str | None,
        incoming: tuple[pl.DataFrame, list[str], list[str]] | None,
        unchanged: list[str] | None,
        decisions: list[tuple[str, str, str]],
    ) -> IngestReport:
        """A change that re-resolves the records it reaches, with the resident state."""
        linker = state.linker
        model = linker.model
        assert model is not None
        new_pairs = pl.DataFrame(schema=_PAIRS_SCHEMA)
        std = pl.DataFrame({"record_id": []}, schema={"record_id": pl.String})
        batch_ids = pl.Series("record_id", [], pl.String)
        if incoming is not None:
            batch = incoming[0]
            batch_ids = batch["record_id"]
            # Growing changes the state: it is whole again once the change is committed.
            self._state = None
            std, new_pairs = linker._grow(
                PreparedRecords(self._decode(incoming[1])), KEPT_PAIRS_ABOVE
            )
        must, cannot = self._constraints(decisions)
        touched = pl.concat(
            [batch_ids, pl.Series([r for _, a, b in decisions for r in (a, b)], dtype=pl.String)]
        )
        pairs = pl.concat([state.pairs, new_pairs])
        scope = _scope(touched, state.clusters, pairs, must, self.settings.threshold)
        inside = scope.implode()
        within = pairs.filter(
            pl.col("record_id_l").is_in(inside) & pl.col("record_id_r").is_in(inside)
        )
        scope_ids = scope.to_list()
        found = linker._read(None).data.cluster_within(
            model,
            scope_ids,
            _pair_lists(within),
            must,
            cannot,
        )
        # Labelled by each cluster's smallest record id, as a whole resolution labels
        # them (naming breaks ties between equal parts by label).
        labels = (
            pl.DataFrame({"record_id": scope_ids, "found": found})
            .select(pl.col("record_id").min().over("found").rank("dense").cast(pl.UInt32))
            .to_series()
            .to_list()
        )
        out = self._file.commit(
            action,
            actor,
            reason,
            state.generation,
            self._ingested(incoming, std),
            self._decision_lists(decisions),
            None,
            scope_ids,
            labels,
            _pair_lists(new_pairs),
            True,
        )
        entities = self._file.entities_now(scope_ids)
        now = pl.DataFrame(
            {"record_id": scope_ids, "entity_id": entities},
            schema={"record_id": pl.String, "entity_id": pl.String},
        )
        state.place(scope_ids, [str(e) for e in entities])
        state.clusters = pl.concat([state.clusters.filter(~pl.col("record_id").is_in(inside)), now])
        state.pairs = pairs
        state.generation = out["change"]
        self._state = state
        return self._report(out, pairs, batch_ids, decisions, unchanged or [], state.clusters)

    def _change_all(
        self,
        action: str,
        actor: str | None,
        reason: str | None,
        incoming: tuple[pl.DataFrame, list[str], list[str]] | None,
        unchanged: list[str] | None,
        decisions: list[tuple[str, str, str]],
        retrain: bool,
        use_labels: bool,
    ) -> IngestReport:
        """A change that resolves every record of the store."""
        generation = self._file.generation()
        current = self._current()
        if incoming is not None:
            batch = self._decode(incoming[1])
            if current.height:
                keep = ~current["record_id"].is_in(batch["record_id"].implode())
                current = pl.concat([current.filter(keep), batch], how="vertical_relaxed")
            else:
                current = batch
        if current.height == 0:
            raise InvalidInputError("the store holds no records yet: ingest some first")
        current = current.sort("record_id")
        (must_a, must_b), (cannot_a, cannot_b) = self._constraints(decisions)

        linker = self._linker()
        stored = self._file.model()
        new_model = retrain or stored is None
        if not new_model and stored is not None:
            model = Model.from_json(stored[1])
            if current.height >= RETRAIN_GROWTH * max(model.n_records, 1):
                new_model = True
            else:
                linker.model = model
        labels = None
        if new_model and use_labels and len(must_a) >= MIN_LABELS:
            labels = pl.DataFrame({"record_id_l": must_a, "record_id_r": must_b})
        resolution = linker.resolve(
            PreparedRecords(current),
            labels,
            pairs_above=KEPT_PAIRS_ABOVE,
            progress=False,
            must_link=list(zip(must_a, must_b, strict=True)),
            cannot_link=list(zip(cannot_a, cannot_b, strict=True)),
        )
        clusters = resolution.clusters.select(
            pl.col("record_id").cast(pl.String),
            pl.col("entity_id").cast(pl.String).rank("dense").cast(pl.UInt32).alias("label"),
        )
        pairs = resolution.pairs.select(
            pl.col("record_id_l").cast(pl.String),
            pl.col("record_id_r").cast(pl.String),
            pl.col("match_probability").cast(pl.Float64),
        )
        batch_ids = (
            pl.Series("record_id", [], pl.String) if incoming is None else incoming[0]["record_id"]
        )
        model_json = resolution.model.to_json() if new_model and resolution.model else None
        self._state = None
        out = self._file.commit(
            action,
            actor,
            reason,
            generation,
            self._ingested(incoming, resolution.standardised),
            self._decision_lists(decisions),
            model_json,
            clusters["record_id"].to_list(),
            clusters["label"].to_list(),
            _pair_lists(pairs),
        )
        # The linker has read every record with the model: it becomes the resident state.
        now = self.clusters
        self._state = _Resident(out["change"], linker, now, pairs)
        return self._report(out, pairs, batch_ids, decisions, unchanged or [], now)

    def _report(
        self,
        out: dict[str, Any],
        pairs: pl.DataFrame,
        batch_ids: pl.Series,
        decisions: list[tuple[str, str, str]],
        unchanged: list[str],
        clusters: pl.DataFrame | None,
    ) -> IngestReport:
        new = _ids_frame(out["new_records"])
        if new.height and clusters is not None:
            new = new.join(clusters, on="record_id", how="left")
        else:
            new = new.with_columns(pl.lit(None, pl.String).alias("entity_id"))
        touched = pl.concat(
            [batch_ids, pl.Series([r for _, a, b in decisions for r in (a, b)], dtype=pl.String)]
        ).implode()
        threshold = self.settings.threshold
        review = (
            pairs.filter(
                (pl.col("record_id_l").is_in(touched) | pl.col("record_id_r").is_in(touched))
                & pl.col("match_probability").is_between(0.05, 0.95, closed="left")
            )
            .with_columns((pl.col("match_probability") - threshold).abs().alias("_distance"))
            .sort("_distance", "record_id_l", "record_id_r")
            .drop("_distance")
        )
        new_entities = pl.DataFrame(
            {"entity_id": out["new_entities"][0], "split_from": out["new_entities"][1]},
            schema={"entity_id": pl.String, "split_from": pl.String},
        )
        moved = pl.DataFrame(
            dict(zip(("record_id", "from_entity", "to_entity"), out["moved"], strict=True)),
            schema={"record_id": pl.String, "from_entity": pl.String, "to_entity": pl.String},
        )
        return IngestReport(
            change=out["change"],
            new_records=new,
            attached=_pairs_frame(out["attached"], ("record_id", "entity_id")),
            new_entities=new_entities,
            merged=_pairs_frame(out["merged"], ("entity_id", "merged_into")),
            updated=_ids_frame(out["updated_records"]),
            unchanged=_ids_frame(sorted(set(unchanged) | set(out["unchanged_records"]))),
            moved=moved,
            review=review,
        )

    def _resident(self) -> _Resident:
        """The resident state (see :class:`_Resident`), built when this process has none
        or another process has written since."""
        generation = self._file.generation()
        if self._state is None or self._state.generation != generation:
            model = self.model
            if model is None:
                raise InvalidInputError("the store holds no records yet: ingest some first")
            linker = self._linker()
            linker.model = model
            loaded = linker._read(PreparedRecords(self._current().sort("record_id")))
            loaded.data.build_indices()
            pairs = self._file.pairs().select(pl.col(c).cast(t) for c, t in _PAIRS_SCHEMA.items())
            self._state = _Resident(generation, linker, self.clusters, pairs)
        return self._state
