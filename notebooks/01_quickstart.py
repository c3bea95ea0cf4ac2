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
# ## Deduplication (first slice of the linking capability)

# %%
res = caselink.dedupe(data.records.drop("true_person_id"))
scores = caselink.evaluate(res.clusters, data.truth.clusters())
assert res.clusters.height == data.records.height
assert scores["f1"][0] > 0.85
scores

# %%
res.entities.head()
