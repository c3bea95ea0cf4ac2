"""``caselink demo``: the whole product on one screen, on the built-in synthetic data.

It generates the data, shows how the same person looks in each agency's records,
deduplicates them, links the cases into networks (with the evidence for a link), and
computes the outcome statistics, each measured against the generator's truth.
"""

from __future__ import annotations

import time
from pathlib import Path

import polars as pl

from caselink.datasets import SyntheticData, synthetic
from caselink.exceptions import CaselinkError
from caselink.linking import dedupe
from caselink.metrics import evaluate
from caselink.networks import link_cases
from caselink.outcome_stats import outcome_issues, outcomes, reconcile, time_to_outcome
from caselink.standardisation import standardise
from caselink.store import Store


def _section(title: str) -> None:
    print(f"\n== {title} ==")


def _person_in_most_sources(data: SyntheticData) -> int:
    """The person held by the most agencies (the lowest id on ties)."""
    spread = (
        data.records.group_by("true_person_id")
        .agg(pl.col("source").n_unique().alias("n_sources"))
        .sort(["n_sources", "true_person_id"], descending=[True, False])
    )
    return int(spread["true_person_id"][0])


def _store_day(data: SyntheticData, out: Path) -> None:
    """A day in the cell with the entity store: three agencies' batches, the partners'
    batch, a lookup, two decisions (taken from the truth) and a retrain."""
    out.mkdir(parents=True, exist_ok=True)
    path = out / "cell.db"
    for stale in (path, path.with_name("cell.db-wal"), path.with_name("cell.db-shm")):
        stale.unlink(missing_ok=True)
    records = data.records.drop("true_person_id")
    truth = dict(data.records.select("record_id", "true_person_id").iter_rows())
    started = time.perf_counter()
    store = Store.open(path)
    first = ("NCA", "HOIO", "OLTIM")
    for agency in first:
        store.ingest(records.filter(pl.col("source") == agency), actor=f"{agency}.feed")
    before = store.clusters
    report = store.ingest(records.filter(~pl.col("source").is_in(first)), actor="partners")
    _section(
        f"The entity store ({path.name}): four daily batches in "
        f"{time.perf_counter() - started:.2f} s; the partners' batch {report}"
    )
    arrest = records.filter(pl.col("source") == "NCA").head(1)
    arrest = arrest.with_columns(
        pl.lit("NCA-ARREST-1").alias("record_id"), pl.col("family_name").str.to_uppercase()
    )
    started = time.perf_counter()
    found = store.lookup(arrest, k=3)
    print(
        f"a new arrest looked up in {1000 * (time.perf_counter() - started):.1f} ms "
        f"(nothing written):"
    )
    print(found.select("rank", "entity_id", "match_probability", "record_id", "n_records"))
    queue = store.review_queue(50)
    same = [
        r for r in queue.iter_rows(named=True) if truth[r["record_id_l"]] == truth[r["record_id_r"]]
    ]
    apart = [
        r for r in queue.iter_rows(named=True) if truth[r["record_id_l"]] != truth[r["record_id_r"]]
    ]
    if same:
        store.confirm(same[0]["record_id_l"], same[0]["record_id_r"], "analyst.jd", "fingerprints")
    if apart:
        store.separate(apart[0]["record_id_l"], apart[0]["record_id_r"], "analyst.jd", "brothers")
    print(f"reviewed two pairs of the queue: {len(same[:1])} confirmed, {len(apart[:1])} rejected")
    store.retrain(actor="analyst.jd", reason="weekly retrain")
    kept = before.join(store.clusters, on="record_id", suffix="_now")
    share = kept.select((pl.col("entity_id") == pl.col("entity_id_now")).mean()).item()
    changes = store.history().select(pl.col("change").max()).item()
    print(
        f"retrained: {share or 0.0:.1%} of the first batches' records keep their entity id; "
        f"{changes} changes in the log"
    )


def run_demo(people: int = 5_000, seed: int = 0, out: str | Path = "caselink_demo_output") -> int:
    """Runs the demo and writes its outputs as Parquet into ``out``; returns an exit code."""
    pl.Config.set_tbl_rows(20)
    pl.Config.set_tbl_width_chars(160)
    pl.Config.set_fmt_str_lengths(40)
    pl.Config.set_tbl_hide_dataframe_shape(True)

    started = time.perf_counter()
    try:
        data = synthetic(people=people, seed=seed)
    except CaselinkError as err:
        print(f"caselink demo: {err}")
        return 2
    elapsed = time.perf_counter() - started

    print(
        f"caselink demo - synthetic caseload, seed {seed}: {data.persons.height:,} people in "
        f"{data.persons['network_id'].n_unique():,} networks, {data.records.height:,} records "
        f"held by {data.records['source'].n_unique()} agencies, {data.cases.height:,} cases "
        f"({elapsed:.2f} s)"
    )

    _section("Records per agency")
    print(
        data.records.group_by("source")
        .agg(
            pl.len().alias("records"),
            pl.col("true_person_id").n_unique().alias("people"),
            pl.col("dob").is_not_null().mean().round(2).alias("with_dob"),
            pl.col("phone").is_not_null().mean().round(2).alias("with_phone"),
            pl.col("alias").is_not_null().mean().round(2).alias("with_alias"),
        )
        .sort("records", descending=True)
    )

    person = _person_in_most_sources(data)
    _section("One person, as each agency wrote them")
    raw_view = data.records.filter(pl.col("true_person_id") == person).sort("source", "record_id")
    print(raw_view.select("record_id", "source", "given_name", "family_name", "full_name", "dob",
                          "nationality", "phone"))  # fmt: skip

    started = time.perf_counter()
    std = standardise(data.records.drop("true_person_id"))
    std_seconds = time.perf_counter() - started
    _section(f"Standardised ({std.height:,} records in {std_seconds:.2f} s): the same person")
    print(
        std.filter(pl.col("record_id").is_in(raw_view["record_id"].implode()))
        .sort("source", "record_id")
        .select(
            "record_id",
            "source",
            "full_name_norm",
            "name_keys",
            "dob",
            "dob_quality",
            "nationality",
            "phones",
        )
    )

    _section("Standardisation by agency: what could be read, and what was reported")
    print(
        std.group_by("source")
        .agg(
            pl.len().alias("records"),
            (pl.col("dob_quality") == "exact").mean().round(3).alias("dob_exact"),
            pl.col("dob_quality").is_in(["placeholder", "year_only"]).mean().round(3)
            .alias("dob_partial"),
            pl.col("nationality").is_not_null().mean().round(3).alias("nationality_read"),
            (pl.col("issues").list.len() > 0).mean().round(3).alias("rows_with_issues"),
        )
        .sort("source")
    )  # fmt: skip

    started = time.perf_counter()
    resolution = dedupe(data.records.drop("true_person_id"))
    link_seconds = time.perf_counter() - started
    scores = evaluate(resolution.clusters, data.truth.clusters())
    _section(
        f"Deduplicated: {data.records.height:,} records -> "
        f"{resolution.entities.height:,} entities (truth: {data.persons.height:,} people), "
        f"{resolution.blocking['new_pairs'].sum():,} pairs scored in {link_seconds:.2f} s"
    )
    print(scores.select(pl.all().round(3)))
    print(resolution.blocking)
    print(resolution.entities.head(5).select("entity_id", "records", "name", "name_variants",
                                             "dobs", "sources"))  # fmt: skip

    _section("Why two records were merged: the evidence, comparison by comparison")
    merged = resolution.pairs.filter(
        (pl.col("match_probability") >= 0.5) & (pl.col("name_level") != "same name keys")
    ).sort("match_weight")
    if merged.height:
        a, b = merged.row(merged.height // 2)[:2]
        waterfall = resolution.explain(a, b)
        print(waterfall.with_columns(pl.col(pl.Float64).round(3)))

    _section("A new arrest record looked up against the resolved suspects (no retraining)")
    newcomer = data.records.drop("true_person_id").sample(1, seed=seed)
    newcomer = newcomer.with_columns(("NEW-" + pl.col("record_id")).alias("record_id"))
    started = time.perf_counter()
    found = resolution.linker.match(newcomer, against=resolution)
    print(f"matched in {1000 * (time.perf_counter() - started):.1f} ms")
    print(found)

    _section("Why exact matching fails: one name + date of birth, different people")
    key = pl.concat_str([pl.col("given_name"), pl.col("family_name"), pl.col("dob")], separator="|")
    collisions = (
        data.records.filter(pl.col("source") == "HOIO")
        .with_columns(key.alias("name_and_dob"))
        .drop_nulls("name_and_dob")
        .group_by("name_and_dob")
        .agg(
            pl.col("true_person_id").n_unique().alias("different_people"), pl.len().alias("records")
        )
        .filter(pl.col("different_people") > 1)
        .sort(["different_people", "name_and_dob"], descending=[True, False])
        .head(5)
    )
    print(collisions)

    _section("Cases per jurisdiction and year")
    print(
        data.cases.with_columns(pl.col("opened").dt.year().alias("year"))
        .pivot(on="jurisdiction", index="year", values="case_id", aggregate_function="len")
        .sort("year")
        .fill_null(0)
    )

    started = time.perf_counter()
    nets = link_cases(data.cases, data.case_subjects, data.case_objects, resolution)
    nets_seconds = time.perf_counter() - started
    recovery = nets.evaluate(data.truth.cases)
    _section(
        f"Case networks: {data.cases.height:,} cases -> {nets.networks.height:,} networks "
        f"(truth: {data.truth.cases['network_id'].n_unique():,}), "
        f"{int(nets.networks['cross_border'].sum()):,} cross-border, in {nets_seconds:.2f} s"
    )
    print(recovery.select("bcubed_precision", "bcubed_recall", "bcubed_f1", "adjusted_rand")
          .with_columns(pl.all().round(3)))  # fmt: skip
    if nets.resolution is not None and nets.resolution.context:
        refined = evaluate(nets.resolution.clusters, data.truth.clusters())
        weights = nets.resolution.context.get("weights", [0.0, 0.0])
        print(
            f"persons re-scored with their cases' networks (same network {weights[0]:+.1f} "
            f"bits, different {weights[1]:+.1f}): pairwise F1 {scores['f1'][0]:.3f} -> "
            f"{refined['f1'][0]:.3f}, {nets.resolution.entities.height:,} entities"
        )
    print(nets.networks.head(5).select("network_id", "n_cases", "n_persons", "jurisdictions",
                                       "first_activity", "key_objects"))  # fmt: skip
    top = nets.networks.filter(pl.col("n_jurisdictions") >= 3)["network_id"]
    if top.len():
        members = (
            nets.cases.join(data.cases, on="case_id")
            .filter(pl.col("network_id") == top[0])
            .sort("opened")
        )
        first = members.row(0, named=True)
        other = members.filter(pl.col("jurisdiction") != first["jurisdiction"]).row(-1, named=True)
        _section(
            f"Why {first['case_id']} ({first['jurisdiction']}) and {other['case_id']} "
            f"({other['jurisdiction']}) are one network: the chain of evidence"
        )
        print(nets.explain(first["case_id"], other["case_id"]).with_columns(
            pl.col("strength").round(3)))  # fmt: skip
    held = nets.evidence.filter(pl.col("decision") == "hub").sort("n_cases", descending=True)
    _section(f"Hubs held back ({held.height}): shared by unrelated cases, not used to group")
    print(held.head(5).select("evidence_type", "evidence", "n_cases", "separate_groups"))

    persons = nets.resolution if nets.resolution is not None else resolution
    started = time.perf_counter()
    table = outcomes(
        data.events, entities=persons, networks=nets, cases=data.cases, as_of=data.truth.as_of
    )
    outcome_seconds = time.perf_counter() - started
    _section(
        f"Outcomes by jurisdiction ({data.events.height:,} events in {outcome_seconds:.2f} s; "
        f"people counted once, pending prosecutions as pending, fines in EUR)"
    )
    by_jurisdiction = outcomes(
        data.events,
        entities=persons,
        networks=nets,
        cases=data.cases,
        by=("jurisdiction",),
        as_of=data.truth.as_of,
    )
    print(
        by_jurisdiction.select(
            "jurisdiction", "arrests", "persons_arrested", "convictions", "acquittals",
            "conviction_ratio", "sentence_years_total", "fines_total", "boats_seized",
            "crossings_prevented", "networks_dismantled",
        ).with_columns(pl.col(pl.Float64).round(2))
    )  # fmt: skip
    print(
        reconcile(data.events, persons, cases=data.cases, as_of=data.truth.as_of).select(
            "jurisdiction", "records_arrested", "persons_arrested", "duplicate_records",
            "persons_also_elsewhere",
        )
    )  # fmt: skip

    _section("Time from arrest to conviction (Kaplan-Meier, pending cases censored)")
    tto = time_to_outcome(data.events, cases=data.cases, as_of=data.truth.as_of)
    print(
        tto.medians.filter(pl.col("estimator") == "kaplan_meier").select(
            "jurisdiction", "subjects", "events", "median_days", "median_days_lo",
            "median_days_hi",
        )
    )  # fmt: skip
    issues = outcome_issues(data.events, cases=data.cases, as_of=data.truth.as_of)
    print(f"{issues.height:,} event rows counted or excluded with a note (outcome_issues)")

    _store_day(data, Path(out))

    written = data.write_parquet(out)
    for name, frame in {
        "standardised": std,
        "clusters": resolution.clusters,
        "entities": resolution.entities,
        "pairs": resolution.pairs,
        "case_networks": nets.cases,
        "networks": nets.networks,
        "case_links": nets.links,
        "outcomes": table,
    }.items():
        frame.write_parquet(Path(out) / f"{name}.parquet")
        written.append(Path(out) / f"{name}.parquet")
    _section("Outputs")
    print(f"wrote {len(written)} Parquet files to {Path(out).resolve()}")
    return 0
