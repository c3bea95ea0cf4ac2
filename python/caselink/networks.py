"""Linking cases across jurisdictions into smuggling networks, with the evidence for every
link: :func:`link_cases` and the :class:`CaseNetworks` it returns."""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import polars as pl

from caselink._core import case_chain, case_networks
from caselink._display import networks_card
from caselink.exceptions import ColumnNotFoundError, InvalidInputError, SchemaError
from caselink.linking import dedupe
from caselink.metrics import adjusted_rand, evaluate
from caselink.standardisation import _as_frame, _require_unique_ids

if TYPE_CHECKING:
    from caselink.results import Resolution

__all__ = ["CONNECTED_COMPONENTS", "DEFAULT_EVIDENCE_WEIGHTS", "CaseNetworks", "link_cases"]

log = logging.getLogger("caselink")

#: How much one shared item of each kind says that two cases are one network, before its
#: rarity and confidence. Object kinds not listed weigh 0.7.
DEFAULT_EVIDENCE_WEIGHTS: dict[str, float] = {
    "person": 1.0,
    "boat": 0.95,
    "iban": 0.95,
    "engine": 0.9,
    "phone": 0.85,
    "vehicle": 0.75,
}

#: Rules that turn every guard off: plain connected components over all evidence, the
#: baseline the defaults are measured against (``link_cases(..., **CONNECTED_COMPONENTS)``).
CONNECTED_COMPONENTS: dict[str, Any] = {
    "hub_min_groups": None,
    "min_strength": 0.0,
    "min_confidence": 0.0,
    "max_item_cases": 2**31,
}

_TEXT_TYPES = (pl.String, pl.Categorical, pl.Enum)


def _text(df: pl.DataFrame, table: str, column: str, required: bool = True) -> pl.Expr:
    """The column as text, or a typed error naming the table and the column."""
    if column not in df.columns:
        if not required:
            return pl.lit(None, pl.String).alias(column)
        raise ColumnNotFoundError(
            f"{table} has no column '{column}' (it has {df.columns}); rename yours, e.g. "
            f"{table}.rename({{'your_name': '{column}'}})"
        )
    dtype = df.schema[column]
    if not (isinstance(dtype, _TEXT_TYPES) or dtype.is_integer() or dtype == pl.Null):
        raise SchemaError(
            f"column '{column}' of {table} has type {dtype}; expected text (or integer ids)"
        )
    return pl.col(column).cast(pl.String)


def _record_confidence(groups: pl.DataFrame, pairs: pl.DataFrame) -> pl.DataFrame:
    """How sure the resolution is of each record's group (``evidence_id``): its strongest
    match probability with another record of the group (1 for a record alone)."""
    if pairs.height == 0 or "match_probability" not in pairs.columns:
        return groups.with_columns(pl.lit(1.0).alias("confidence"))
    ids = groups.select("record_id", "evidence_id")
    within = (
        pairs.select(
            pl.col("record_id_l").cast(pl.String),
            pl.col("record_id_r").cast(pl.String),
            "match_probability",
        )
        .join(ids, left_on="record_id_l", right_on="record_id")
        .join(ids, left_on="record_id_r", right_on="record_id", suffix="_r")
        .filter(pl.col("evidence_id") == pl.col("evidence_id_r"))
    )
    best = (
        pl.concat(
            [
                within.select(pl.col("record_id_l").alias("record_id"), "match_probability"),
                within.select(pl.col("record_id_r").alias("record_id"), "match_probability"),
            ]
        )
        .group_by("record_id")
        .agg(pl.col("match_probability").max().alias("confidence"))
    )
    sizes = ids.group_by("evidence_id").len()
    return (
        groups.join(best, on="record_id", how="left")
        .join(sizes, on="evidence_id", how="left")
        .with_columns(
            pl.when(pl.col("len") == 1)
            .then(1.0)
            .otherwise(pl.col("confidence").fill_null(0.5))
            .alias("confidence"),
        )
        .drop("len")
    )


def _sure_clusters(resolution: Resolution, min_confidence: float) -> pl.DataFrame | None:
    """record_id -> the group of records the resolution's own clustering keeps together
    at ``min_confidence`` (on the records' own evidence); None without scored pairs."""
    if resolution.pairs.height == 0:
        return None
    sure = resolution.linker.cluster(
        resolution.pairs, threshold=min(max(min_confidence, 1e-9), 1.0)
    )
    return sure.select(pl.col("record_id").cast(pl.String), pl.col("entity_id").alias("_sure"))


def _sure_groups(
    clusters: pl.DataFrame, pairs: pl.DataFrame, sure: pl.DataFrame | None
) -> pl.DataFrame:
    """record_id, entity_id, evidence_id, confidence.

    A person is shared evidence only through the records the resolution is sure belong
    together: each entity is split into its ``sure`` groups (:func:`_sure_clusters`), so
    one doubtful record neither glues networks nor stops its sure siblings from linking
    theirs. The group holding the entity's id keeps it as its evidence id; others are
    ``entity~group``."""
    ids = clusters.select(pl.col("record_id").cast(pl.String), pl.col("entity_id").cast(pl.String))
    if sure is None or pairs.height == 0:
        return _record_confidence(ids.with_columns(pl.col("entity_id").alias("evidence_id")), pairs)
    grouped = ids.join(sure, on="record_id", how="left", maintain_order="left").with_columns(
        pl.col("_sure").fill_null(pl.col("record_id"))
    )
    first = pl.col("_sure").min().over("entity_id")
    evidence_id = (
        pl.when(pl.col("_sure") == first)
        .then(pl.col("entity_id"))
        .otherwise(pl.format("{}~{}", "entity_id", "_sure"))
    )
    return _record_confidence(
        grouped.select("record_id", "entity_id", evidence_id.alias("evidence_id")), pairs
    )


def _entity_table(
    entities: Any, dedupe_options: dict[str, Any]
) -> tuple[pl.DataFrame | None, Resolution | None]:
    """The entities given: (None, resolution) for a Resolution or raw records
    (deduplicated first); (a frame of record_id, entity_id, evidence_id and confidence,
    None) for a clusters frame; (None, None) when no entities are given."""
    if entities is None:
        return None, None
    if hasattr(entities, "clusters") and hasattr(entities, "pairs"):
        return None, entities
    df = _as_frame(entities, "entities")
    if "record_id" not in df.columns:
        raise ColumnNotFoundError(
            f"entities has no column 'record_id' (it has {df.columns}); pass "
            f"Resolution.clusters, a frame of record_id and entity_id, or raw records"
        )
    if "entity_id" not in df.columns:
        log.info("link_cases: %d raw records given as entities; deduplicating first", df.height)
        return None, dedupe(df, **dedupe_options)
    dupes = df["record_id"].is_duplicated()
    if dupes.any():
        example = df.filter(dupes)["record_id"].head(3).to_list()
        raise InvalidInputError(
            f"entities has {int(dupes.sum())} rows with duplicated record_id, e.g. {example}; "
            f"each record belongs to one entity"
        )
    confidence = (
        pl.col("confidence").cast(pl.Float64)
        if "confidence" in df.columns
        else pl.lit(1.0).alias("confidence")
    )
    table = df.select(
        _text(df, "entities", "record_id"),
        _text(df, "entities", "entity_id"),
        _text(df, "entities", "entity_id").alias("evidence_id"),
        confidence,
    )
    return table, None


@dataclass(frozen=True)
class CaseNetworks:
    """Cases grouped into networks, with the evidence for every link.

    Attributes
    ----------
    cases
        ``case_id``, ``network_id``, ``jurisdiction``, ``opened``: exactly one row per
        input case, in input order. The network id is ``NET-`` and the smallest case id of
        the network, so the same cases give the same ids whatever their order.
    networks
        One row per network, largest first: ``n_cases``, ``n_persons``, ``jurisdictions``,
        ``cross_border``, ``first_activity`` / ``last_activity`` (dates cases were opened,
        when ``cases`` has an ``opened`` column) and ``key_objects`` (the objects shared
        by most of its cases).
    persons
        One row per person entity named in a case: ``network_id`` (where most of their
        cases are), ``network_ids``, ``n_cases``, ``jurisdictions`` and a ``role_hint``:
        ``bridge`` (cases in several networks), ``core`` (three or more cases, or cases
        in two or more jurisdictions) or ``peripheral``.
    links
        One row per case pair and shared item: ``case_a`` < ``case_b``, ``evidence_type``
        (``person``, ``phone``, ``boat`` ...), ``evidence`` (the entity id or the
        canonical object key), ``strength`` and whether the item was ``used`` to group.
    evidence
        One row per shared item: the cases it touches, its strength and the ``decision``
        taken: ``used``, ``hub`` (it would have joined ``separate_groups`` otherwise
        unconnected groups of cases), ``too_common`` or ``weak`` (below ``min_strength``
        or ``min_confidence``).
    objects
        The input objects, row-aligned, with ``object_key`` (E.164 phones, compact
        hull numbers, serials, plates and IBANs), ``status`` (``valid``, ``invalid``:
        kept but flagged, e.g. an IBAN failing mod-97; ``unusable``: a placeholder) and
        the ``problem``.
    issues
        Row-level problems: ``table``, ``row``, ``id``, ``problem`` (unknown case ids,
        subjects whose record has no entity, unusable or invalid objects). Nothing is
        dropped silently.
    subjects
        The input subjects, row-aligned: ``case_id``, ``record_id``, the person
        ``entity_id`` and how sure the resolution is of it (``confidence``), and the
        case's ``network_id`` (null for an unknown case).
    rules
        The rules used, as plain data.
    resolution
        The person resolution behind the shared-person evidence, when ``link_cases`` was
        given raw records or a resolution: re-scored with the case networks as context
        (see :func:`caselink.context.with_case_context`) unless ``context=False``.
    """

    cases: pl.DataFrame
    networks: pl.DataFrame
    persons: pl.DataFrame
    links: pl.DataFrame
    evidence: pl.DataFrame
    objects: pl.DataFrame
    issues: pl.DataFrame
    subjects: pl.DataFrame
    rules: dict[str, Any] = field(repr=False)
    resolution: Resolution | None = field(default=None, repr=False)

    def explain(self, case_a: Any, case_b: Any) -> pl.DataFrame:
        """The chain of evidence from ``case_a`` to ``case_b``.

        The strongest chain (strengths multiplied) through the links used to group; when
        the two cases are in different networks, the strongest chain through held-back
        evidence (hubs, weak items) is shown instead, with ``used`` false, so an analyst
        sees why they were kept apart. Empty when nothing connects them.

        Returns
        -------
        polars.DataFrame
            ``step``, ``from_case``, ``to_case``, ``evidence_type``, ``evidence``,
            ``strength``, ``used``.
        """
        a, b = str(case_a), str(case_b)
        known = self.cases["case_id"]
        for case in (a, b):
            if not known.is_in([case]).any():
                raise InvalidInputError(f"case '{case}' is not one of the linked cases")
        schema = {
            "step": pl.Int64,
            "from_case": pl.String,
            "to_case": pl.String,
            "evidence_type": pl.String,
            "evidence": pl.String,
            "strength": pl.Float64,
            "used": pl.Boolean,
        }
        for links in (self.links.filter(pl.col("used")), self.links):
            rows = case_chain(links.select("case_a", "case_b", "strength"), a, b)
            if rows is not None:
                break
        if not rows:
            return pl.DataFrame(schema=schema)
        chain = links[rows]
        # Orient each step from the previous case to the next.
        ends = [a]
        for row in chain.iter_rows(named=True):
            ends.append(row["case_b"] if row["case_a"] == ends[-1] else row["case_a"])
        return pl.DataFrame(
            {
                "step": list(range(1, chain.height + 1)),
                "from_case": ends[:-1],
                "to_case": ends[1:],
                "evidence_type": chain["evidence_type"],
                "evidence": chain["evidence"],
                "strength": chain["strength"],
                "used": chain["used"],
            },
            schema=schema,
        )

    def evaluate(self, truth: pl.DataFrame) -> pl.DataFrame:
        """Network recovery against the truth (``case_id`` -> a true network column, e.g.
        ``data.truth.cases``): B-cubed and pairwise precision / recall / F1 over cases,
        and the adjusted Rand index."""
        true_col = next((c for c in truth.columns if c != "case_id"), None)
        if "case_id" not in truth.columns or true_col is None:
            raise ColumnNotFoundError("truth needs case_id and a true network column")
        t = truth.select(
            pl.col("case_id").cast(pl.String).alias("record_id"), pl.col(true_col).alias("_t")
        )
        p = self.cases.select(pl.col("case_id").alias("record_id"), pl.col("network_id"))
        scores = evaluate(p.rename({"network_id": "entity_id"}), t)
        return scores.with_columns(pl.lit(adjusted_rand(p, t)).alias("adjusted_rand"))

    def chart(self, network_id: str | None = None, max_cases: int = 80) -> Any:
        """One network's cases over time by jurisdiction, joined by the strongest shared
        evidence (:func:`caselink.charts.network`); default the largest network."""
        from caselink import charts

        return charts.network(self, network_id, max_cases)

    def __repr__(self) -> str:
        return networks_card(self).text()

    def _repr_html_(self) -> str:
        return networks_card(self).html()


def _rules(
    evidence: Iterable[str] | None,
    weights: dict[str, float] | None,
    hub_min_groups: int | None,
    max_item_cases: int,
    min_strength: float,
    min_confidence: float,
) -> dict[str, Any]:
    if evidence is not None:
        if isinstance(evidence, str):
            raise InvalidInputError(
                f"evidence must be a list of kinds, got the string {evidence!r}"
            )
        evidence = sorted(set(evidence))
    if hub_min_groups is not None and (
        isinstance(hub_min_groups, bool)
        or not isinstance(hub_min_groups, int)
        or hub_min_groups < 2
    ):
        raise InvalidInputError(
            f"hub_min_groups must be an integer >= 2 or None, got {hub_min_groups!r}"
        )
    return {
        "evidence": evidence,
        "weights": dict(weights or {}),
        "hub_min_groups": hub_min_groups,
        "max_item_cases": max_item_cases,
        "min_strength": min_strength,
        "min_confidence": min_confidence,
    }


def link_cases(
    cases: pl.DataFrame | pl.LazyFrame | Any,
    case_subjects: pl.DataFrame | pl.LazyFrame | Any,
    case_objects: pl.DataFrame | pl.LazyFrame | Any,
    entities: Any = None,
    *,
    evidence: Iterable[str] | None = None,
    weights: dict[str, float] | None = None,
    hub_min_groups: int | None = 3,
    max_item_cases: int = 200,
    min_strength: float = 0.5,
    min_confidence: float = 0.9,
    context: bool = True,
    **dedupe_options: Any,
) -> CaseNetworks:
    """Links cases across jurisdictions into networks through shared people and objects.

    Parameters
    ----------
    cases
        ``case_id`` (unique), and optionally ``jurisdiction`` (``UK``, ``FR``, ``DE``,
        ``BE``, ``NL`` or an ISO region: the default region of national phone numbers)
        and ``opened`` (a date: the network's first and last activity).
    case_subjects
        ``case_id``, ``record_id``: the record of each person named in a case.
    case_objects
        ``case_id``, ``object_type`` (``phone``, ``boat``, ``engine``, ``vehicle``,
        ``iban``; other kinds are compared on their upper-case letters and digits) and
        ``value`` as written.
    entities
        Who is who: a :class:`caselink.Resolution` (its match probabilities then set how
        sure each shared person is), a frame of ``record_id`` and ``entity_id`` (and
        optionally ``confidence``), or raw person records (deduplicated first with
        :func:`caselink.dedupe`, given ``dedupe_options``). ``None``: each record is a
        person of its own (only the same record in two cases links them).
    evidence
        The kinds of evidence to use (``person`` and object types); default all.
    weights
        Per kind, how much one shared item says (see ``DEFAULT_EVIDENCE_WEIGHTS``).
    hub_min_groups
        An item (a resold phone, a placeholder serial, a wrongly merged person) whose
        cases lie in this many groups not otherwise connected is held back as a hub
        rather than gluing them together; it is looked at again once the rest is
        grouped. ``None`` turns the guard off.
    max_item_cases
        Items touching more cases never group them (nor list their case pairs).
    min_strength
        Items weaker than this never group: strength is the kind's weight times
        the confidence times the rarity ``ln(N/k) / ln(N/2)`` of an item touching k of N cases.
    min_confidence
        A person links cases only through records the resolution is this sure belong
        together: each entity is split into the groups its pairs at this probability or
        above keep together (the resolution's own clustering at that threshold), and
        items less sure than this never group. A wrong merge of two people would
        otherwise glue their networks together; on the default synthetic data 0.9 instead
        of 0.5 raises B-cubed precision from 0.881 to 0.979 at a recall cost of 0.003.
    context
        With raw records or a resolution: re-score the person pairs with the networks
        found (two records in cases of one network are more likely one person, in
        unrelated networks less; weights estimated from the data), then group again.
        The refined resolution is :attr:`CaseNetworks.resolution`.
    dedupe_options
        Passed to :func:`caselink.dedupe` when ``entities`` are raw records.

    Returns
    -------
    CaseNetworks

    Examples
    --------
    >>> import caselink
    >>> data = caselink.datasets.synthetic(300, seed=3)
    >>> truth = data.truth.clusters().rename({"person_id": "entity_id"})
    >>> nets = caselink.link_cases(data.cases, data.case_subjects, data.case_objects, truth)
    >>> nets.cases.height == data.cases.height
    True
    >>> float(nets.evaluate(data.truth.cases)["bcubed_f1"][0]) > 0.9
    True
    """
    cases_df = _as_frame(cases, "cases")
    subjects_df = _as_frame(case_subjects, "case_subjects")
    objects_df = _as_frame(case_objects, "case_objects")
    rules = _rules(evidence, weights, hub_min_groups, max_item_cases, min_strength, min_confidence)

    case_table = cases_df.select(
        _text(cases_df, "cases", "case_id"), _text(cases_df, "cases", "jurisdiction", False)
    )
    _require_unique_ids(
        case_table["case_id"],
        "column 'case_id' of cases",
        "every case needs an id",
        "case ids must be unique",
    )
    subjects = subjects_df.select(
        _text(subjects_df, "case_subjects", "case_id"),
        _text(subjects_df, "case_subjects", "record_id"),
    )
    objects = objects_df.select(
        _text(objects_df, "case_objects", "case_id"),
        _text(objects_df, "case_objects", "object_type"),
        _text(objects_df, "case_objects", "value"),
    )
    table, resolution = _entity_table(entities, dedupe_options)
    sure = None
    if resolution is not None:
        sure = _sure_clusters(resolution, min_confidence)
        table = _sure_groups(resolution.clusters, resolution.pairs, sure)
    nets = _group(cases_df, case_table, subjects, objects_df, objects, table, rules)
    if resolution is None:
        return nets
    if context:
        refined = resolution.with_case_context(nets.subjects)
        if refined.context and refined.context.get("applied"):
            # Shared persons stay grouped by the records' own evidence (the first
            # resolution's probabilities): context-boosted pairs must not feed back into
            # the networks that boosted them.
            table = _sure_groups(refined.clusters, resolution.pairs, sure)
            nets = _group(cases_df, case_table, subjects, objects_df, objects, table, rules)
        resolution = refined
    return dataclasses.replace(nets, resolution=resolution)


def _group(
    cases_df: pl.DataFrame,
    case_table: pl.DataFrame,
    subjects: pl.DataFrame,
    objects_df: pl.DataFrame,
    objects: pl.DataFrame,
    table: pl.DataFrame | None,
    rules: dict[str, Any],
) -> CaseNetworks:
    """One grouping of the cases with the entities given (checked inputs)."""
    if table is None:
        subjects = subjects.with_columns(
            pl.col("record_id").alias("entity_id"),
            pl.col("record_id").alias("evidence_id"),
            pl.lit(1.0).alias("confidence"),
        )
    else:
        subjects = subjects.join(table, on="record_id", how="left", maintain_order="left")
    core_subjects = subjects.select(
        "case_id", "record_id", pl.col("evidence_id").alias("entity_id"), "confidence"
    )
    out_cases, out_objects, out_evidence, links, issues = case_networks(
        case_table, core_subjects, objects, json.dumps(rules)
    )
    objects_out = objects_df.hstack(out_objects)
    opened = _opened(cases_df)
    case_info = out_cases.hstack(case_table.select("jurisdiction")).with_columns(
        (opened if opened is not None else pl.lit(None, pl.Date)).alias("opened")
    )
    subjects_out = subjects.join(out_cases, on="case_id", how="left", maintain_order="left")
    named = (
        subjects_out.with_columns(pl.col("entity_id").fill_null(pl.col("record_id")))
        .drop_nulls(["entity_id", "network_id"])
        .join(case_info.drop("network_id"), on="case_id", how="inner")
    )
    persons = _persons(named)
    networks = _network_summaries(case_info, named, out_evidence)
    log.info(
        "link_cases: %d cases -> %d networks; %d items held back",
        out_cases.height,
        networks.height,
        out_evidence.filter(pl.col("decision") != "used").height,
    )
    return CaseNetworks(
        cases=case_info,
        networks=networks,
        persons=persons,
        links=links,
        evidence=out_evidence,
        objects=objects_out,
        issues=issues,
        subjects=subjects_out,
        rules=rules,
    )


def _opened(cases: pl.DataFrame) -> pl.Series | None:
    """The ``opened`` column as dates, if there is one."""
    if "opened" not in cases.columns:
        return None
    column = cases["opened"]
    if column.dtype == pl.Date:
        return column
    if column.dtype == pl.Datetime:
        return column.dt.date()
    if column.dtype == pl.String:
        return column.str.to_date(strict=False)
    raise SchemaError(f"column 'opened' of cases has type {column.dtype}; expected a date")


def _network_summaries(
    case_info: pl.DataFrame, named: pl.DataFrame, evidence: pl.DataFrame
) -> pl.DataFrame:
    """One row per network: its cases, persons, jurisdictions, activity and key objects."""
    per_network = case_info.group_by("network_id").agg(
        pl.len().alias("n_cases"),
        pl.col("jurisdiction").drop_nulls().unique().sort().alias("jurisdictions"),
        pl.col("opened").min().alias("first_activity"),
        pl.col("opened").max().alias("last_activity"),
    )
    persons = named.group_by("network_id").agg(pl.col("entity_id").n_unique().alias("n_persons"))
    objects = (
        evidence.filter(
            (pl.col("decision") == "used")
            & (pl.col("evidence_type") != "person")
            & (pl.col("n_cases") >= 2)
        )
        .select(
            pl.format("{}:{}", "evidence_type", "evidence").alias("object"),
            "n_cases",
            pl.col("cases").list.first().alias("case_id"),
        )
        .join(case_info.select("case_id", "network_id"), on="case_id")
        .sort(["network_id", "n_cases", "object"], descending=[False, True, False])
        .group_by("network_id", maintain_order=True)
        .agg(pl.col("object").head(5).alias("key_objects"))
    )
    return (
        per_network.join(persons, on="network_id", how="left")
        .join(objects, on="network_id", how="left")
        .with_columns(
            pl.col("n_persons").fill_null(0),
            pl.col("key_objects").fill_null([]),
            pl.col("jurisdictions").list.len().alias("n_jurisdictions"),
        )
        .with_columns((pl.col("n_jurisdictions") >= 2).alias("cross_border"))
        .select(
            "network_id",
            "n_cases",
            "n_persons",
            "n_jurisdictions",
            "jurisdictions",
            "cross_border",
            "first_activity",
            "last_activity",
            "key_objects",
        )
        .sort(["n_cases", "network_id"], descending=[True, False])
    )


def _persons(named: pl.DataFrame) -> pl.DataFrame:
    """One row per person entity named in a known case."""
    per_network = (
        named.group_by("entity_id", "network_id")
        .agg(pl.col("case_id").n_unique().alias("_n"))
        .sort(["entity_id", "_n", "network_id"], descending=[False, True, False])
    )
    main = per_network.group_by("entity_id", maintain_order=True).agg(
        pl.col("network_id").first(), pl.col("network_id").sort().alias("network_ids")
    )
    stats = named.group_by("entity_id").agg(
        pl.col("case_id").n_unique().alias("n_cases"),
        pl.col("record_id").n_unique().alias("n_records"),
        pl.col("jurisdiction").drop_nulls().unique().sort().alias("jurisdictions"),
    )
    out = main.join(stats, on="entity_id").with_columns(
        pl.col("network_ids").list.len().alias("n_networks")
    )
    role = (
        pl.when(pl.col("n_networks") > 1)
        .then(pl.lit("bridge"))
        .when((pl.col("n_cases") >= 3) | (pl.col("jurisdictions").list.len() >= 2))
        .then(pl.lit("core"))
        .otherwise(pl.lit("peripheral"))
    )
    return (
        out.with_columns(role.alias("role_hint"))
        .select(
            "entity_id",
            "network_id",
            "network_ids",
            "n_networks",
            "n_cases",
            "n_records",
            "jurisdictions",
            "role_hint",
        )
        .sort(["n_cases", "entity_id"], descending=[True, False])
    )
