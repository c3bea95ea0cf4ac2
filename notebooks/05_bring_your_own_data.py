# %% [markdown]
# # Bring your own data
#
# Real extracts come as CSV files, Parquet files and database tables, each with its own
# column names. polars reads all three; a column mapping tells caselink which of your
# columns is the record id, the name, the date of birth... (its *canonical inputs*).
#
# So that this notebook runs anywhere, it first writes three agencies' extracts from the
# synthetic caseload into a temporary folder, in their own layouts, then reads them back
# as one would real files. Nothing is written outside that folder.

# %%
import sqlite3
import tempfile
from pathlib import Path

import polars as pl

import caselink

folder = Path(tempfile.mkdtemp(prefix="caselink_05_"))
data = caselink.datasets.synthetic(people=800, seed=5)
truth = data.records.select("record_id", "true_person_id")


# How each agency names the fields caselink reads: caselink's name -> theirs. Used here to
# write the extracts, and below as the column mapping that reads them.
bka_columns = {
    "record_id": "Vorgangsnummer",
    "full_name": "Name",
    "dob": "Geburtsdatum",
    "nationality": "Staatsangehoerigkeit",
    "phone": "Telefon",
}
nca_columns = {
    "record_id": "urn",
    "given_name": "forenames",
    "family_name": "surname",
    "dob": "date_of_birth",
    "nationality": "nationality_text",
    "phone": "mobile",
}
oltim_columns = {
    "record_id": "numero",
    "full_name": "identite",
    "dob": "date_naissance",
    "nationality": "nationalite",
    "phone": "telephone",
}


def extract(source: str, columns: dict[str, str]) -> pl.DataFrame:
    """One agency's records, under its own column names."""
    rows = data.records.filter(pl.col("source") == source)
    return rows.select(pl.col(ours).alias(theirs) for ours, theirs in columns.items())


# A German extract as CSV, a UK one as Parquet.
extract("BKA", bka_columns).write_csv(folder / "bka_personen.csv")
extract("NCA", nca_columns).write_parquet(folder / "nca_nominals.parquet")

# A French case-management database (SQLite, from Python's standard library).
oltim = extract("OLTIM", oltim_columns)
with sqlite3.connect(folder / "oltim.db") as db:
    db.execute(f"CREATE TABLE personnes ({', '.join(f'{c} TEXT' for c in oltim.columns)})")
    db.executemany("INSERT INTO personnes VALUES (?, ?, ?, ?, ?)", oltim.rows())
db.close()
sorted(p.name for p in folder.iterdir())

# %% [markdown]
# ## Reading them back with polars
# CSV with every column as text (`infer_schema=False`): identifiers and dates keep their
# leading zeros and their writers' formats, which caselink reads itself.

# %%
bka = pl.read_csv(folder / "bka_personen.csv", infer_schema=False)
nca = pl.read_parquet(folder / "nca_nominals.parquet")
with sqlite3.connect(folder / "oltim.db") as db:
    fr = pl.read_database(
        "SELECT numero, identite, date_naissance, nationalite, telephone FROM personnes",
        connection=db,
    )
db.close()
bka.head(3)

# %% [markdown]
# ## A column mapping onto caselink's canonical inputs
# The mappings above (`bka_columns`, `nca_columns`, `oltim_columns`) are all caselink
# needs: keys are its names, values yours. The profile says how the agency writes
# (romanisation, date order, name order, phone region).

# %%
caselink.standardise(bka, profile="BKA", columns=bka_columns).select(
    "record_id", "full_name_norm", "name_keys", "dob", "nationality", "phones", "issues"
).head(3)

# %% [markdown]
# To resolve the three extracts together, bring each onto the canonical names with its
# mapping and a `source` column (which picks each row's profile), then stack them.

# %%
mappings = {
    "BKA": (bka, bka_columns),
    "NCA": (nca, nca_columns),
    "OLTIM": (fr, oltim_columns),
}
canonical = pl.concat(
    [
        frame.select(
            pl.col(theirs).cast(pl.String).alias(ours) for ours, theirs in columns.items()
        ).with_columns(pl.lit(source).alias("source"))
        for source, (frame, columns) in mappings.items()
    ],
    how="diagonal",
)
canonical.group_by("source").len().sort("source")

# %%
res = caselink.dedupe(canonical)
res

# %%
scores = caselink.evaluate(
    res.clusters, truth.filter(pl.col("record_id").is_in(canonical["record_id"].implode()))
)
assert scores["f1"][0] > 0.8
scores

# %% [markdown]
# ## Save what you found
# Entities and the model go to files a pipeline can read back; here, the temporary folder.

# %%
res.clusters.write_parquet(folder / "clusters.parquet")
res.linker.save(folder / "model.json")
caselink.charts.save(res.chart_cluster_sizes(), folder / "entity_sizes.png")
sorted(p.name for p in folder.iterdir())

# %%
# Done: remove the temporary folder (skip this cell to keep the files).
import shutil

shutil.rmtree(folder)
