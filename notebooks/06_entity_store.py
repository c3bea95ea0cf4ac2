# %% [markdown]
# # A day in the cell: the entity store
#
# The cell does not work in one batch. Every morning the NCA, the Home Office and OLTIM
# send new records. Analysts ask "have we seen this man before?", confirm or reject
# merges, and expect an entity id written in yesterday's report to mean the same person
# today. `caselink.Store` keeps all of that in one SQLite file. This walkthrough follows
# one day on the synthetic caseload, whose generator knows the truth.
# jupytext "percent" format; CI runs it top to bottom.

# %%
import datetime as dt
import tempfile
import time
from pathlib import Path

import polars as pl

import caselink

data = caselink.datasets.synthetic(people=1_500, seed=4)
records = data.records.drop("true_person_id")
truth = data.records.select("record_id", "true_person_id")
records.group_by("source").len().sort("source")

# %% [markdown]
# ## Open the store and take in three agencies' batches
#
# `Store.open` creates the file, or opens it on later days. Each batch is one
# transaction. It adds the records, re-resolves the store with its model and the
# analysts' decisions, and names the entities with stable ids.

# %%
path = Path(tempfile.mkdtemp()) / "cell.db"
store = caselink.Store.open(path)
for agency in ("NCA", "HOIO", "OLTIM"):
    report = store.ingest(records.filter(pl.col("source") == agency), actor=f"{agency}.feed")
    print(agency, report)
before = store.clusters
moment = dt.datetime.now(dt.UTC)
time.sleep(0.01)

# %% [markdown]
# ## The partners' records arrive
#
# The report says what changed:
# - records attached to entities we already had;
# - new entities;
# - entities merged into older ones;
# - the pairs worth a look.

# %%
report = store.ingest(
    records.filter(~pl.col("source").is_in(["NCA", "HOIO", "OLTIM"])), actor="partners.feed"
)
report

# %%
report.attached.head()

# %% [markdown]
# ## A new arrest: have we seen him before?
#
# `lookup` writes nothing. It gives the best candidate entities, with their probability
# and the stored record that matched best.

# %%
arrest = records.filter(pl.col("source") == "NCA").head(1)
arrest = arrest.with_columns(
    pl.lit("NCA-ARREST-1").alias("record_id"),
    pl.col("family_name").str.to_uppercase(),
)
store.lookup(arrest, k=3)

# %% [markdown]
# ## Review two pairs: confirm one, reject one
#
# The review queue ranks the undecided pairs by how uncertain they are and how many
# record pairs a decision would join or part. Each pair's evidence is a waterfall. Here
# the generator's truth stands in for the analyst.

# %%
queue = store.review_queue(10)
queue.head(5)

# %%
person = truth.rename({"true_person_id": "person"})
judged = queue.join(person.rename({"record_id": "record_id_l"}), on="record_id_l").join(
    person.rename({"record_id": "record_id_r"}), on="record_id_r", suffix="_r"
)
same = judged.filter(pl.col("person") == pl.col("person_r"))
different = judged.filter(pl.col("person") != pl.col("person_r"))
decided = []
if same.height:
    a, b = same.row(0)[:2]
    store.confirm(a, b, actor="analyst.jd", reason="same fingerprints in both files")
    decided.append((a, b))
if different.height:
    a, b = different.row(0)[:2]
    store.explain(a, b)
    store.separate(a, b, actor="analyst.jd", reason="brothers: different fathers' names")
    decided.append((a, b))
store.decisions()

# %% [markdown]
# ## Retrain, and check that the ids did not move
#
# A retrain gives a new model. Each entity keeps its id while the largest part of its
# records stays together; merged ids still resolve. Below: how many of the first
# three batches' entities kept their id, and where their records are now.

# %%
report = store.retrain(actor="analyst.jd", reason="weekly retrain")
now = store.clusters
kept = (
    before.join(now, on="record_id", suffix="_now")
    .group_by("entity_id")
    .agg((pl.col("entity_id_now") == pl.col("entity_id")).mean().alias("share_kept"))
)
print(report)
print(f"{(kept['share_kept'] >= 0.5).mean():.1%} of the first batches' entities keep their id")

# %%
# The decisions hold after the retrain.
ids = dict(now.iter_rows())
[(a, b, ids[a] == ids[b]) for a, b in decided]

# %% [markdown]
# ## Audit: what did we believe this morning?

# %%
morning = store.as_of(moment)
assert morning.sort("record_id").equals(before.sort("record_id"))
store.history().group_by("action").len().sort("len", descending=True)

# %% [markdown]
# ## Accuracy against the truth, and the statistics on the store

# %%
caselink.evaluate(store.clusters, truth)

# %%
caselink.outcomes(data.events, store, by=("event_type",), as_of=dt.date(2026, 12, 1))
