# %% [markdown]
# # Outcome statistics that count people once and pending cases as pending
#
# "300 arrests, 52 networks dismantled, 64 years of sentences": those figures are only
# right if one person arrested under two spellings in two countries counts once, if
# prosecutions still running are not counted as failures, and if euros and pounds are
# not added together. This walkthrough computes them on the synthetic caseload, whose
# generator knows the truth. jupytext "percent" format; CI runs it top to bottom.

# %%
import tempfile
from pathlib import Path

import polars as pl

import caselink
from caselink import charts

data = caselink.datasets.synthetic(people=3_000, seed=0)
data.events.group_by("event_type").len().sort("len", descending=True)

# %% [markdown]
# ## People first: deduplicate, link cases into networks
#
# `link_cases` on the raw records deduplicates them, groups the cases into networks and
# re-scores the people with the networks as context; `nets.resolution` is the result.

# %%
nets = caselink.link_cases(
    data.cases, data.case_subjects, data.case_objects, data.records.drop("true_person_id")
)
people = nets.resolution
nets

# %% [markdown]
# ## The outcome table: per jurisdiction and year

# %%
table = caselink.outcomes(data.events, entities=people, networks=nets, cases=data.cases)
table.select(
    "jurisdiction",
    "year",
    "arrests",
    "persons_arrested",
    "convictions",
    "conviction_ratio",
    "conviction_ratio_lo",
    "conviction_ratio_hi",
    "sentence_years_total",
    "fines_total",
    "networks_dismantled",
)

# %% [markdown]
# ## How much double counting do the agencies' own figures contain?
#
# Each agency counts the records it holds; the cell counts people.

# %%
caselink.reconcile(data.events, people, cases=data.cases, by=("jurisdiction",))

# %% [markdown]
# ## Over time, with Wilson intervals

# %%
charts.outcomes_over_time(table, "persons_arrested")

# %%
ratio_chart = charts.outcomes_over_time(table, "conviction_ratio")
ratio_chart

# %% [markdown]
# ## Time from arrest to conviction
#
# Prosecutions still pending at the extraction date are right-censored (Kaplan-Meier);
# acquittals and extraditions compete with conviction (Aalen-Johansen).

# %%
tto = caselink.time_to_outcome(data.events, cases=data.cases, as_of=data.truth.as_of)
tto.medians.filter(pl.col("estimator") == "kaplan_meier")

# %%
survival_chart = charts.time_to_outcome(tto)
survival_chart

# %%
charts.time_to_outcome(tto, "aalen_johansen", "conviction")

# %% [markdown]
# ## Rows that could not be counted as they stand
#
# Unknown event types, negative quantities, fines without a currency, events after the
# extraction date, outcomes before the arrest: listed with the reason, never dropped
# silently.

# %%
caselink.outcome_issues(data.events, cases=data.cases).head()

# %%
with tempfile.TemporaryDirectory() as tmp:
    for name, chart in {"ratio": ratio_chart, "survival": survival_chart}.items():
        written = charts.save(chart, Path(tmp) / f"{name}.png")
        assert written.stat().st_size > 10_000
