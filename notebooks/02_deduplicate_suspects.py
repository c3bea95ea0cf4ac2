# %% [markdown]
# # Deduplicating suspects from four agencies
#
# The NCA, the Home Office, the French OLTIM and the German BKA each hold their own record
# of the same smugglers, written their own way. This walkthrough merges them into one
# entity per person, shows the evidence behind a merge (and behind a refusal to merge),
# what the model learnt, and how accurate it is against the synthetic truth.
#
# Charts are Altair charts: end a cell with one to see it. On a machine without internet
# access, `caselink.charts.render_offline()` draws them locally as SVG. Here they are also
# written to a temporary folder as PNG, as one would for a report.

# %%
import tempfile
from pathlib import Path

import polars as pl

import caselink
from caselink import charts

out = Path(tempfile.mkdtemp(prefix="caselink_02_"))
data = caselink.datasets.synthetic(people=1_500, seed=11)
four = ["NCA", "HOIO", "OLTIM", "BKA"]
records = data.records.filter(pl.col("source").is_in(four))
truth = records.select("record_id", "true_person_id")  # known only because it is synthetic
records = records.drop("true_person_id")
records.group_by("source").len().sort("source")

# %% [markdown]
# ## One suspect, four spellings

# %%
known = (
    truth.join(records.select("record_id", "source"), on="record_id")
    .group_by("true_person_id")
    .agg(pl.col("source").n_unique().alias("agencies"), pl.len().alias("records"))
    .sort("agencies", "records", "true_person_id", descending=[True, True, False])
)
person = known["true_person_id"][0]
ids = truth.filter(pl.col("true_person_id") == person)["record_id"]
records.filter(pl.col("record_id").is_in(ids.implode())).select(
    "record_id", "source", "given_name", "family_name", "full_name", "dob", "nationality"
)

# %% [markdown]
# ## Deduplicate
# One call standardises, blocks, trains the model without labels, scores every candidate
# pair and clusters. The result shows itself: records, entities, pairs and blocking.

# %%
res = caselink.dedupe(records)
res

# %%
res.entities.head(5)

# %% [markdown]
# ## The evidence for a merge
# A merged pair whose names are not spelt the same: the waterfall starts from the prior
# (how likely two comparable records are one person before looking at them) and adds the
# weight of each comparison, in bits, up to the final match weight.

# %%
source = dict(records.select("record_id", "source").iter_rows())
merged = (
    res.pairs.filter(
        (pl.col("match_probability") >= 0.5) & (pl.col("name_level") != "same name keys")
    )
    .with_columns(
        pl.col("record_id_l").replace_strict(source).alias("source_l"),
        pl.col("record_id_r").replace_strict(source).alias("source_r"),
    )
    .filter(pl.col("source_l") != pl.col("source_r"))
    .sort("match_weight", "record_id_l", descending=[True, False])
)
a, b = merged.row(0)[:2]
res.explain(a, b).select("comparison", "value_l", "value_r", "level", "weight", "cumulative_weight")

# %%
waterfall = res.chart_waterfall(a, b)  # hover a bar for m, u and the two values
charts.save(waterfall, out / "waterfall_merge.png")
waterfall

# %% [markdown]
# ## ... and for keeping two records apart
# The hardest pairs share a name but not a person: a common name with another birth date.

# %%
kept_apart = res.pairs.filter(
    (pl.col("name_level") == "same name keys") & (pl.col("match_probability") < 0.5)
).sort("match_weight", "record_id_l", descending=[False, False])
c, d = kept_apart.row(0)[:2]
against = res.chart_waterfall(c, d)
charts.save(against, out / "waterfall_kept_apart.png")
against

# %% [markdown]
# ## What the model learnt
# m is how often true matches reach a level, u how often other pairs do; log2(m/u) is the
# weight of evidence a level carries.

# %%
res.linker

# %%
parameters = res.chart_parameters()
charts.save(parameters, out / "parameters.png")
parameters

# %% [markdown]
# ## Where the threshold cuts

# %%
res.chart_match_weights()

# %% [markdown]
# ## Accuracy against the synthetic truth
# Clusters first (pairwise and B-cubed), then the scored pairs at every threshold.

# %%
scores = caselink.evaluate(res.clusters, truth)
assert scores["f1"][0] > 0.8
scores

# %%
pr = res.chart_precision_recall(truth)
charts.save(pr, out / "precision_recall.svg")
pr

# %%
res.chart_cluster_sizes()

# %%
sorted(p.name for p in out.iterdir())

# %%
# Done: remove the temporary folder (skip this cell to keep the charts).
import shutil

shutil.rmtree(out)
