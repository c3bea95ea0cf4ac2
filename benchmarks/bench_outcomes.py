"""Outcome statistics speed: 10M events summarised, against a hand-written polars peer.

Run: python benchmarks/bench_outcomes.py [--events 10_000_000] [--repeat 3]

The events are the synthetic caseload's, tiled with fresh case and record ids until
there are ``--events`` rows (with the matching cases, entities and networks). Both sides
group by jurisdiction (from the cases) and year, with people counted through the
entities:

- caselink: ``caselink.outcomes(events, entities, networks, cases=cases)``, every column
  of the table (chains from arrest to outcome, cohort rates, Wilson intervals, medians,
  converted fines, networks dismantled) and the issues;
- the peer, measured in the same run on the same frames: one polars lazy query joining
  the jurisdiction, the entity and the yearly rate, then a group-by computing the
  event counts, distinct persons arrested and convicted, conviction ratio, sentence
  total / mean / median, converted fines and seizure sums. It does not tie outcomes to
  arrests (no cohort rate), report problem rows, compute intervals or networks: less
  work, the scale of "one vectorised pass".
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import time

import polars as pl

import caselink
from caselink.datasets import synthetic
from caselink.outcome_stats import fx_table

AS_OF = "2025-12-31"


def tiled(events: int) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    data = synthetic(20_000, seed=0)
    copies = -(-events // data.events.height)
    idx = pl.DataFrame({"copy": list(range(copies))}, schema={"copy": pl.Int64})

    def tile(df: pl.DataFrame, *ids: str) -> pl.DataFrame:
        return df.join(idx, how="cross").with_columns(
            pl.concat_str(pl.col(c), pl.lit("_"), pl.col("copy").cast(pl.String)).alias(c)
            for c in ids
        )

    ev = tile(data.events, "case_id", "record_id").head(events)
    ev = ev.with_columns(event_id=pl.int_range(pl.len(), dtype=pl.Int64)).drop("copy")
    cases = tile(data.cases, "case_id").drop("copy")
    people = tile(data.truth.clusters(), "record_id").select(
        "record_id", entity_id=pl.col("person_id") + pl.col("copy") * 1_000_000
    )
    networks = tile(data.truth.cases, "case_id").select(
        "case_id", network_id=pl.col("network_id") + pl.col("copy") * 1_000_000
    )
    return ev.rechunk(), cases, people, networks


def polars_peer(
    events: pl.DataFrame, cases: pl.DataFrame, people: pl.DataFrame, fx: pl.DataFrame
) -> pl.DataFrame:
    rate = fx.select("year", gbp=pl.col("per_eur"))
    last = rate.sort("year").tail(1)

    def n(t: str) -> pl.Expr:
        return (pl.col("event_type") == t).sum()

    def q(t: str) -> pl.Expr:
        return pl.col("quantity").filter(pl.col("event_type") == t)

    def who(t: str) -> pl.Expr:
        return pl.col("entity_id").filter(pl.col("event_type") == t).n_unique()

    return (
        events.lazy()
        .filter(pl.col("date") <= pl.lit(AS_OF).str.to_date())
        .join(cases.lazy().select("case_id", "jurisdiction"), on="case_id", how="left")
        .join(people.lazy(), on="record_id", how="left")
        .with_columns(year=pl.col("date").dt.year())
        .join(rate.lazy(), on="year", how="left")
        .with_columns(
            pl.col("gbp").fill_null(last["gbp"].item()),
        )
        .with_columns(
            eur=pl.when(pl.col("currency") == "GBP")
            .then(pl.col("quantity") / pl.col("gbp"))
            .otherwise(pl.col("quantity"))
        )
        .group_by("jurisdiction", "year")
        .agg(
            arrests=n("arrest"),
            persons_arrested=who("arrest"),
            charges=n("charge"),
            convictions=n("conviction"),
            persons_convicted=who("conviction"),
            acquittals=n("acquittal"),
            sentence_years_total=q("sentence").sum(),
            sentence_years_mean=q("sentence").mean(),
            sentence_years_median=q("sentence").median(),
            fines_total=pl.col("eur").filter(pl.col("event_type") == "fine").sum(),
            extradition_requests=n("extradition_request"),
            extraditions=n("extradition"),
            boats_seized=q("seizure_boat").sum(),
            engines_seized=q("seizure_engine").sum(),
            crossings_prevented=q("crossing_prevented").sum(),
            deaths_at_sea=q("death_at_sea").sum(),
        )
        .with_columns(
            conviction_ratio=pl.col("convictions") / (pl.col("convictions") + pl.col("acquittals"))
        )
        .sort("jurisdiction", "year")
        .collect()
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    logging.getLogger("caselink.outcomes").setLevel(logging.ERROR)
    events, cases, people, networks = tiled(args.events)
    fx = fx_table()

    ours, peer = [], []
    for _ in range(args.repeat):
        start = time.perf_counter()
        table = caselink.outcomes(events, people, networks, cases=cases, as_of=AS_OF)
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        theirs = polars_peer(events, cases, people, fx)
        peer.append(time.perf_counter() - start)
    # Same counts on both sides.
    cols = ["arrests", "persons_arrested", "convictions", "persons_convicted", "acquittals"]
    assert table.select("jurisdiction", "year", *cols).equals(
        theirs.select("jurisdiction", pl.col("year").cast(pl.Int32), *cols)
    )
    t, p = statistics.median(ours), statistics.median(peer)
    print(f"cores: {os.cpu_count()}, events: {events.height:,}, groups: {table.height}")
    print(
        f"caselink.outcomes: median {t:.2f} s ({events.height / t / 1e6:.1f} M events/s); "
        f"runs {', '.join(f'{x:.2f}' for x in ours)}"
    )
    print(f"polars group-by peer: median {p:.2f} s; runs {', '.join(f'{x:.2f}' for x in peer)}")
    print(f"ratio caselink / peer: {t / p:.2f}")


if __name__ == "__main__":
    main()
