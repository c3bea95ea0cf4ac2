"""Case networks: speed and recovery against a peer measured in the same run.

Run: python benchmarks/bench_networks.py [--people 180000] [--resolve]

The peer is what an analyst would write in a notebook: networkx connected components
over the case-evidence graph (cases joined to person entities and to objects compacted to
upper-case letters and digits). ``pip install networkx`` for it; without it only
caselink is timed. Entities are the synthetic truth by default, so the figures isolate
case linking; ``--resolve`` deduplicates the raw records first and reports that too, with
the persons' accuracy before and after the case networks are used as context.
Also prints network recovery with each kind of evidence left out.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from collections.abc import Callable
from typing import Any

import polars as pl

import caselink
from caselink.datasets import SyntheticData, synthetic
from caselink.networks import CONNECTED_COMPONENTS


def _timed(run: Callable[[], Any], repeat: int) -> tuple[Any, float]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return result, statistics.median(times)


def _networkx_components(data: SyntheticData, entities: pl.DataFrame) -> pl.DataFrame:
    import networkx as nx

    people = data.case_subjects.join(entities, on="record_id").select(
        "case_id", ("person:" + pl.col("entity_id")).alias("item")
    )
    objects = data.case_objects.select(
        "case_id",
        (
            pl.col("object_type")
            + ":"
            + pl.col("value").str.to_uppercase().str.replace_all(r"[^A-Z0-9]", "")
        ).alias("item"),
    )
    edges = pl.concat([people, objects])
    graph = nx.Graph()
    graph.add_nodes_from(("case:" + data.cases["case_id"]).to_list())
    graph.add_edges_from(
        zip(("case:" + edges["case_id"]).to_list(), edges["item"].to_list(), strict=True)
    )
    rows = []
    for component in nx.connected_components(graph):
        cases = sorted(n[5:] for n in component if n.startswith("case:"))
        rows += [(c, cases[0]) for c in cases]
    return pl.DataFrame(rows, schema=["case_id", "network_id"], orient="row")


def _bcubed_f1(cases: pl.DataFrame, truth: pl.DataFrame) -> float:
    scores = caselink.evaluate(
        cases.select(pl.col("case_id").alias("record_id"), pl.col("network_id").alias("entity_id")),
        truth.select(pl.col("case_id").alias("record_id"), "network_id"),
    )
    return float(scores["bcubed_f1"][0])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=180_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--resolve", action="store_true")
    args = parser.parse_args()
    data = synthetic(args.people, seed=0)
    truth = data.truth.cases
    entities = data.truth.clusters().select(
        "record_id", pl.col("person_id").cast(pl.String).alias("entity_id")
    )
    print(
        f"{data.cases.height:,} cases, {data.case_subjects.height:,} subjects, "
        f"{data.case_objects.height:,} objects, {truth['network_id'].n_unique():,} true networks"
    )

    def run() -> caselink.CaseNetworks:
        return caselink.link_cases(data.cases, data.case_subjects, data.case_objects, entities)

    nets, seconds = _timed(run, args.repeat)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    scores = nets.evaluate(truth).row(0, named=True)
    print(
        f"caselink link_cases: {seconds:.2f} s (median of {args.repeat}), "
        f"{nets.links.height:,} links, peak RSS {peak_mb:,.0f} MB; B-cubed P/R/F1 "
        f"{scores['bcubed_precision']:.4f} / {scores['bcubed_recall']:.4f} / "
        f"{scores['bcubed_f1']:.4f}, ARI {scores['adjusted_rand']:.4f}"
    )
    try:
        peer, peer_seconds = _timed(lambda: _networkx_components(data, entities), args.repeat)
    except ImportError:
        print("networkx not installed: pip install networkx to time the peer")
    else:
        print(
            f"networkx connected components: {peer_seconds:.2f} s, B-cubed F1 "
            f"{_bcubed_f1(peer, truth):.4f}; caselink is {peer_seconds / seconds:.1f}x faster"
        )

    kinds = ["person", "phone", "boat", "engine", "vehicle", "iban"]
    print("\nrecovery with each kind of evidence left out (B-cubed F1, ARI):")
    for kind in kinds:
        kept = [k for k in kinds if k != kind]
        ablated = caselink.link_cases(
            data.cases, data.case_subjects, data.case_objects, entities, evidence=kept
        ).evaluate(truth)
        print(
            f"  without {kind:<8} {ablated['bcubed_f1'][0]:.4f}  {ablated['adjusted_rand'][0]:.4f}"
        )
    plain = caselink.link_cases(
        data.cases, data.case_subjects, data.case_objects, entities, **CONNECTED_COMPONENTS
    ).evaluate(truth)
    print(
        f"  all evidence, connected components (no hub guard, no rarity): "
        f"{plain['bcubed_f1'][0]:.4f}  {plain['adjusted_rand'][0]:.4f}"
    )

    if args.resolve:
        records = data.records.drop("true_person_id")
        start = time.perf_counter()
        resolution = caselink.dedupe(records, progress=False)
        resolved = caselink.link_cases(
            data.cases, data.case_subjects, data.case_objects, resolution
        )
        total = time.perf_counter() - start
        s = resolved.evaluate(truth)
        plain = caselink.link_cases(
            data.cases,
            data.case_subjects,
            data.case_objects,
            resolution,
            context=False,
            **CONNECTED_COMPONENTS,
        ).evaluate(truth)
        persons = data.truth.clusters()
        before = caselink.evaluate(resolution.clusters, persons).row(0, named=True)
        assert resolved.resolution is not None
        after = caselink.evaluate(resolved.resolution.clusters, persons).row(0, named=True)
        print(
            f"\nfrom raw records (dedupe, link cases, re-score persons with the networks, "
            f"link again): {total:.2f} s end to end; networks B-cubed P/R/F1 "
            f"{s['bcubed_precision'][0]:.4f} / {s['bcubed_recall'][0]:.4f} / "
            f"{s['bcubed_f1'][0]:.4f}, ARI {s['adjusted_rand'][0]:.4f}; connected components "
            f"on the same entities: B-cubed F1 {plain['bcubed_f1'][0]:.4f}, "
            f"ARI {plain['adjusted_rand'][0]:.4f}"
        )
        print(
            "persons (pairwise P/R/F1 against the true persons): dedupe alone "
            "{precision:.4f} / {recall:.4f} / {f1:.4f}".format(**before)
            + "; with case context {precision:.4f} / {recall:.4f} / {f1:.4f}".format(**after)
        )


if __name__ == "__main__":
    main()
