# %% [markdown]
# # Linking cases across jurisdictions into networks
#
# A French investigation, a UK arrest and a German seizure of boats can belong to one
# smuggling network. This walkthrough links the synthetic caseload's cases through the
# people they share (after deduplication) and the objects they share (phones, boats,
# engines, vehicles, accounts), shows why two cases were put together, and measures the
# result against the truth the generator knows. jupytext "percent" format; CI runs it.

# %%
import tempfile
from pathlib import Path

import polars as pl

import caselink
from caselink import charts
from caselink.networks import CONNECTED_COMPONENTS

data = caselink.datasets.synthetic(people=3_000, seed=0)
data.cases.head()

# %% [markdown]
# ## What the cases hold: subjects and objects, as each jurisdiction wrote them

# %%
data.case_objects.group_by("object_type").agg(
    pl.len().alias("objects"), pl.col("value").head(3).alias("examples")
)

# %% [markdown]
# ## One person, one entity first; then cases into networks
#
# Passing the `Resolution` (rather than just its clusters) lets each shared person carry
# how sure the deduplication is that the records are the same person.

# %%
resolution = caselink.dedupe(data.records.drop("true_person_id"), progress=False)
nets = caselink.link_cases(data.cases, data.case_subjects, data.case_objects, resolution)
nets

# %%
nets.networks.head(10)

# %% [markdown]
# ## Why are these two cases one network?
#
# The chain of evidence between a case in one jurisdiction and a case in another: each
# step names the shared person (entity id) or object (canonical key).

# %%
biggest = nets.networks["network_id"][0]
members = nets.cases.filter(pl.col("network_id") == biggest).sort("opened")
first = members.row(0, named=True)
other = members.filter(pl.col("jurisdiction") != first["jurisdiction"]).row(-1, named=True)
nets.explain(first["case_id"], other["case_id"])

# %%
network_chart = nets.chart(biggest)
network_chart

# %% [markdown]
# ## Hubs: what was held back, and why
#
# A resold phone or a typed placeholder can touch cases of unrelated networks. An item
# whose cases lie in three or more groups not otherwise connected is held back (and looked
# at again once everything else is grouped); placeholders are unusable from the start.

# %%
nets.evidence.filter(pl.col("decision") != "used").sort("n_cases", descending=True).head(10)

# %%
nets.objects.filter(pl.col("status") != "valid").group_by("object_type", "status").agg(
    pl.len(), pl.col("problem").first()
)

# %% [markdown]
# ## Against the truth, and against plain connected components

# %%
ours = nets.evaluate(data.truth.cases).with_columns(pl.lit("caselink rules").alias("method"))
plain = caselink.link_cases(
    data.cases, data.case_subjects, data.case_objects, resolution, **CONNECTED_COMPONENTS
).evaluate(data.truth.cases)
pl.concat([ours, plain.with_columns(pl.lit("connected components").alias("method"))]).select(
    "method", "bcubed_precision", "bcubed_recall", "bcubed_f1", "adjusted_rand"
)

# %% [markdown]
# ## What each kind of evidence contributes (left out one at a time)

# %%
kinds = ["person", "phone", "boat", "engine", "vehicle", "iban"]
rows = []
for kind in kinds:
    kept = [k for k in kinds if k != kind]
    scores = caselink.link_cases(
        data.cases, data.case_subjects, data.case_objects, resolution, evidence=kept
    ).evaluate(data.truth.cases)
    rows.append(scores.with_columns(pl.lit(kind).alias("left_out")))
pl.concat(rows).select("left_out", "bcubed_f1", "adjusted_rand")

# %% [markdown]
# ## Persons that bridge networks, and the chart for a report

# %%
nets.persons.filter(pl.col("role_hint") != "peripheral").head()

# %%
with tempfile.TemporaryDirectory() as tmp:
    written = charts.save(network_chart, Path(tmp) / "network.png")
    assert written.stat().st_size > 10_000
