# %% [markdown]
# # caselink quick start
#
# A walkthrough on the built-in synthetic caseload, in jupytext "percent" format: open it
# in Jupyter (with jupytext) or run it as a script. CI runs it top to bottom.

# %%
import polars as pl

import caselink

data = caselink.datasets.synthetic(people=3_000, seed=0)
data.summary()

# %% [markdown]
# ## The same person, as four agencies wrote them

# %%
person = data.records.group_by("true_person_id").len().sort("len", descending=True)[0, 0]
raw = data.records.filter(pl.col("true_person_id") == person).drop("true_person_id")
raw

# %% [markdown]
# ## Standardised: one canonical, comparable form

# %%
std = caselink.standardise(data.records.drop("true_person_id"))
std.filter(pl.col("record_id").is_in(raw["record_id"].implode())).select(
    "record_id", "source", "full_name_norm", "name_keys", "dob", "dob_quality", "nationality"
)

# %%
# Every problem found in a row is reported there, nothing is silently nulled.
std.filter(pl.col("issues").list.len() > 0).select("record_id", "issues").head()

# %% [markdown]
# ## Similarity kernels

# %%
from caselink import similarity

similarity.cdist(["kaiwan poore", "ali karimi"], ["poore kaiwan", "karimi ali", "x"], "name")

# %% [markdown]
# ## Deduplication: one person, one entity

# %%
res = caselink.dedupe(data.records.drop("true_person_id"))
scores = caselink.evaluate(res.clusters, data.truth.clusters())
assert res.clusters.height == data.records.height
assert scores["f1"][0] > 0.85
scores

# %%
res.entities.head()

# %% [markdown]
# ## Why were two records merged?
# Every scored pair carries the level reached and the weight of evidence of each
# comparison; `explain` lays one pair out as a waterfall from the prior to the final
# probability.

# %%
merged = res.pairs.filter(
    (pl.col("match_probability") >= 0.5) & (pl.col("name_level") != "same name keys")
)
a, b = merged.row(0)[:2]
res.explain(a, b)

# %% [markdown]
# ## The model, as plain data
# `Settings` say what is compared and how; the trained parameters (m and u per level)
# and the EM history are on the linker, which can be saved and loaded.

# %%
res.linker.parameters

# %%
# EM sessions, then how the prior was estimated (the last row)
res.linker.training_history.group_by("session", maintain_order=True).agg(
    pl.col("pairs").first(), pl.len().alias("iterations"), pl.col("match_share").last()
)

# %% [markdown]
# ## Linking two agencies' files, and looking up a new arrest

# %%
records = data.records.drop("true_person_id")
uk = records.filter(pl.col("source").is_in(["NCA", "HOIO"]))
continent = records.filter(~pl.col("source").is_in(["NCA", "HOIO"]))
linked = caselink.link(uk, continent)
caselink.evaluate(linked.clusters, data.truth.clusters())

# %%
arrest = records.sample(1, seed=3).with_columns(("NEW-" + pl.col("record_id")).alias("record_id"))
res.linker.match(arrest, against=res)
