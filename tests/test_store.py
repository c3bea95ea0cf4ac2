"""The entity store: stable ids, decisions as constraints, history, crash safety,
concurrency and bad input, against known truth."""

from __future__ import annotations

import datetime as dt
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import polars as pl
import pytest

import caselink
from caselink.exceptions import (
    ColumnNotFoundError,
    InvalidInputError,
    SchemaError,
    StoreBusyError,
    StoreVersionError,
)


@pytest.fixture(scope="module")
def data() -> caselink.datasets.SyntheticData:
    return caselink.datasets.synthetic(600, seed=21)


@pytest.fixture(scope="module")
def records(data) -> pl.DataFrame:
    return data.records.drop("true_person_id")


def _batches(records: pl.DataFrame, n: int) -> list[pl.DataFrame]:
    parts = records.with_row_index("_i").with_columns((pl.col("_i") % n).alias("_b"))
    return [parts.filter(pl.col("_b") == b).drop("_i", "_b") for b in range(n)]


def _current_memberships(path: Path) -> list[tuple[str, int]]:
    with sqlite3.connect(path) as conn:
        return conn.execute(
            "SELECT r.record_id, count(m.record_id) FROM records r LEFT JOIN memberships m "
            "ON m.record_id = r.record_id AND m.valid_to IS NULL GROUP BY r.record_id"
        ).fetchall()


def test_every_record_is_accounted_for_and_a_repeat_changes_nothing(tmp_path, records) -> None:
    store = caselink.Store.open(tmp_path / "cell.db")
    first, second = _batches(records, 2)
    report = store.ingest(first, actor="nca")
    assert report.new_records.height == first.height
    assert report.new_records["entity_id"].null_count() == 0
    report = store.ingest(second, actor="oltim")
    assert set(report.new_records["record_id"]) == set(second["record_id"])
    out = store.records()
    assert out.height == records.height
    assert set(out["record_id"]) == set(records["record_id"])
    assert out["entity_id"].null_count() == 0
    assert all(n == 1 for _, n in _current_memberships(store.path))
    generation = store.history()["change"].max()
    # The same records again: nothing written.
    again = store.ingest(records)
    assert again.change == 0
    assert again.unchanged.height == records.height
    assert store.history()["change"].max() == generation
    # The entities are those of the current map.
    assert set(store.entities()["entity_id"]) == set(out["entity_id"])
    assert store.entities()["n_records"].sum() == records.height
    assert store.integrity_check() == "ok"


def test_ids_stay_put_merges_keep_the_oldest_and_the_past_is_kept(tmp_path, records) -> None:
    store = caselink.Store.open(tmp_path / "cell.db")
    batches = _batches(records, 3)
    store.ingest(batches[0])
    before = store.clusters
    moment = dt.datetime.now(dt.UTC)
    time.sleep(0.01)
    report = store.ingest(batches[1])
    after = store.clusters
    # Each entity of before keeps its id on the cluster holding most of its records, or
    # is recorded as merged into an older one.
    joined = before.join(after, on="record_id", suffix="_now")
    largest = (
        joined.group_by("entity_id", "entity_id_now")
        .len()
        .sort("len", "entity_id_now", descending=[True, False])
        .group_by("entity_id", maintain_order=True)
        .first()
    )
    merged = dict(report.merged.iter_rows())
    for old, now, _ in largest.iter_rows():
        if old in merged:
            assert merged[old] < old  # the older id (ids are numbered by creation)
            assert store.resolve_id(old) == store.resolve_id(merged[old])
        else:
            assert old == now, f"{old} lost its id to {now}"
    assert store.as_of(moment).sort("record_id").equals(before.sort("record_id"))
    # A date before the store existed: nothing.
    assert store.as_of(dt.date(2000, 1, 1)).height == 0


def test_decisions_beat_any_score_and_later_ingests_obey_them(tmp_path, data, records) -> None:
    store = caselink.Store.open(tmp_path / "cell.db")
    first, second = _batches(records, 2)
    store.ingest(first)
    now = store.clusters
    sizes = now.group_by("entity_id").len()
    big = sizes.filter(pl.col("len") >= 2)["entity_id"][0]
    a, b = now.filter(pl.col("entity_id") == big)["record_id"].head(2)
    report = store.separate(a, b, actor="analyst", reason="different fathers' names")
    ent = dict(store.clusters.iter_rows())
    assert ent[a] != ent[b]
    assert report.change > 0
    # Two records of different entities, confirmed one person.
    singles = now.filter(pl.col("entity_id") != ent[a])["record_id"]
    c, d = singles[0], singles[-1]
    assert ent[c] != ent[d]
    store.confirm(c, d, actor="analyst", reason="same fingerprints")
    ent = dict(store.clusters.iter_rows())
    assert ent[c] == ent[d]
    assert ent[a] != ent[b]
    # A later ingest and a retrain keep both decisions.
    store.ingest(second)
    store.retrain()
    ent = dict(store.clusters.iter_rows())
    assert ent[c] == ent[d]
    assert ent[a] != ent[b]
    kinds = store.decisions()["decision"].to_list()
    assert kinds == ["separate", "confirm"]
    assert store.entity(ent[c]).decisions.height >= 1
    # A decision contradicting the others, or naming an unknown record: nothing written.
    generation = store.history()["change"].max()
    with pytest.raises(InvalidInputError, match="kept apart"):
        store.confirm(a, b, actor="analyst", reason="contradiction")
    with pytest.raises(InvalidInputError, match="not in the store"):
        store.separate(a, "NO-SUCH-RECORD", actor="analyst", reason="typo")
    with pytest.raises(InvalidInputError, match="actor and a reason"):
        store.separate(a, c, actor="", reason="")
    assert store.history()["change"].max() == generation


def test_a_split_keeps_the_id_on_the_largest_group(tmp_path, records) -> None:
    store = caselink.Store.open(tmp_path / "cell.db")
    store.ingest(records)
    sizes = (
        store.clusters.group_by("entity_id")
        .len()
        .sort("len", "entity_id", descending=[True, False])
    )
    big = sizes["entity_id"][0]
    members = store.clusters.filter(pl.col("entity_id") == big)["record_id"].sort().to_list()
    assert len(members) >= 3
    groups = [members[:-1], members[-1:]]
    report = store.split(big, groups, actor="analyst", reason="two brothers")
    ent = dict(store.clusters.iter_rows())
    assert {ent[r] for r in groups[0]} == {big}
    assert ent[groups[1][0]] != big
    assert report.new_entities.filter(pl.col("split_from") == big).height == 1
    with pytest.raises(InvalidInputError, match="exactly once"):
        store.split(big, [members[:1], members[:1]], actor="analyst", reason="bad")


def test_an_update_is_kept_in_history_and_re_resolved(tmp_path, records) -> None:
    store = caselink.Store.open(tmp_path / "cell.db")
    store.ingest(records)
    rid = records["record_id"][0]
    changed = records.head(1).with_columns(pl.lit("Zzyzx").alias("family_name"))
    report = store.ingest(changed)
    assert report.updated["record_id"].to_list() == [rid]
    assert report.new_records.height == 0
    with sqlite3.connect(store.path) as conn:
        versions = conn.execute(
            "SELECT count(*) FROM record_versions WHERE record_id = ?", (rid,)
        ).fetchone()[0]
    assert versions == 2
    entity = store.entity(store.resolve_id(dict(store.clusters.iter_rows())[rid])[0])
    row = entity.records.filter(pl.col("record_id") == rid)
    assert row["family_name"].to_list() == ["Zzyzx"]


def test_bad_input_gets_typed_errors_and_writes_nothing(tmp_path, records) -> None:
    path = tmp_path / "cell.db"
    store = caselink.Store.open(path)
    store.ingest(records.head(50))
    generation = store.history()["change"].max()
    dup = pl.concat([records.slice(50, 3), records.slice(50, 1)])
    with pytest.raises(InvalidInputError, match="unique"):
        store.ingest(dup)
    with pytest.raises(SchemaError, match="missing \\['phone'\\]"):
        store.ingest(records.slice(60, 5).drop("phone"))
    with pytest.raises(ColumnNotFoundError, match="source="):
        store.ingest(records.slice(60, 5).drop("source"))
    assert store.history()["change"].max() == generation
    # With the source named, the batch goes in.
    assert store.ingest(records.slice(60, 5).drop("source"), source="NCA").change > 0
    with pytest.raises(InvalidInputError, match="other settings"):
        caselink.Store.open(path, settings=caselink.Settings.for_people().replace(threshold=0.9))
    # A store written by a newer caselink is refused untouched.
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    with pytest.raises(StoreVersionError, match="upgrade caselink"):
        caselink.Store.open(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (
            "999",
        )
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t(x)")
    with pytest.raises(StoreVersionError, match="not a caselink store"):
        caselink.Store.open(other)


def test_a_second_writer_waits_then_gets_a_typed_error_and_readers_read(tmp_path, records):
    path = tmp_path / "cell.db"
    store = caselink.Store.open(path, timeout=0.2)
    store.ingest(records.head(100))
    before = store.records()
    # The other writer is another process: two SQLite libraries in one process (Python's
    # and caselink's) do not see each other's POSIX locks (see the README).
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys, time\n"
            "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "c.execute('BEGIN IMMEDIATE')\n"
            "c.execute(\"INSERT INTO meta(key, value) VALUES ('x', 'y')\")\n"
            "print('locked', flush=True)\n"
            "time.sleep(60)\n",
            str(path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        started = time.monotonic()
        with pytest.raises(StoreBusyError, match="another process"):
            store.ingest(records.slice(100, 20))
        assert time.monotonic() - started >= 0.15
        # Readers see the last committed state during the other write.
        assert store.records().equals(before)
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
    assert store.ingest(records.slice(100, 20)).change > 0


_CHILD = textwrap.dedent(
    """
    import sys, polars as pl, caselink
    path, seed = sys.argv[1], int(sys.argv[2])
    records = caselink.datasets.synthetic(1500, seed=seed).records.drop("true_person_id")
    store = caselink.Store.open(path)
    parts = records.with_row_index("_i").with_columns((pl.col("_i") % 4).alias("_b"))
    for b in range(4):
        store.ingest(parts.filter(pl.col("_b") == b).drop("_i", "_b"))
        print(b, flush=True)
    """
)


def test_a_killed_ingest_leaves_a_consistent_store(tmp_path) -> None:
    """SIGKILL at random moments of a run of four ingests: every reopen finds a sound
    file holding whole batches only, each record in exactly one entity."""
    script = tmp_path / "child.py"
    script.write_text(_CHILD)
    full = caselink.datasets.synthetic(1500, seed=5).records.with_row_index("_i")
    sizes = [0]
    for b in range(4):
        sizes.append(sizes[-1] + full.filter(pl.col("_i") % 4 == b).height)

    def run(path: Path) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [sys.executable, str(script), str(path), "5"], stdout=subprocess.DEVNULL
        )

    started = time.monotonic()
    run(tmp_path / "whole.db").wait()
    duration = time.monotonic() - started
    rng = random.Random(7)
    seen = set()
    for attempt in range(8):
        path = tmp_path / f"crash{attempt}.db"
        child = run(path)
        time.sleep(rng.uniform(0.2, 1.0) * duration)
        child.send_signal(signal.SIGKILL)
        child.wait()
        if not path.exists():
            continue
        store = caselink.Store.open(path)
        assert store.integrity_check() == "ok"
        got = store.records()
        assert got.height in sizes, f"a partial batch: {got.height} records, not one of {sizes}"
        seen.add(got.height)
        assert all(n == 1 for _, n in _current_memberships(path))
        ingests = store.history().filter(pl.col("action") == "ingest").height
        assert ingests == sizes.index(got.height)
    assert len(seen) >= 2, f"the kills all landed at one point: {seen}"


def test_outcomes_and_case_links_read_the_store(tmp_path) -> None:
    data = caselink.datasets.synthetic(300, seed=4)
    store = caselink.Store.open(tmp_path / "cell.db")
    store.ingest(data.records.drop("true_person_id"))
    as_of = dt.date(2026, 12, 1)
    via_store = caselink.outcomes(data.events, store, by=(), as_of=as_of)
    via_frame = caselink.outcomes(data.events, store.clusters, by=(), as_of=as_of)
    assert via_store.equals(via_frame)


def test_lookup_finds_the_entity_of_a_known_spelling_without_writing(tmp_path, records) -> None:
    store = caselink.Store.open(tmp_path / "cell.db")
    store.ingest(records)
    generation = store.history()["change"].max()
    probe = records.head(20).with_columns(
        pl.concat_str(pl.lit("NEW-"), "record_id").alias("record_id")
    )
    found = store.lookup(probe, k=3)
    assert found.group_by("new_record_id").len()["len"].max() <= 3
    best = found.filter(pl.col("rank") == 1)
    truth = dict(store.clusters.iter_rows())
    expected = [truth[r] for r in records.head(20)["record_id"]]
    got = dict(zip(best["new_record_id"], best["entity_id"], strict=True))
    hits = sum(
        got.get(f"NEW-{r}") == e
        for r, e in zip(records.head(20)["record_id"], expected, strict=True)
    )
    assert hits == 20  # an exact copy of a stored record finds that record's entity
    assert store.history()["change"].max() == generation
    # Within each new record, the ranks run 1, 2, ... with falling probability.
    check = found.with_columns(
        pl.col("match_probability").diff().over("new_record_id").alias("step"),
        pl.int_range(1, pl.len() + 1).over("new_record_id").alias("expected_rank"),
    )
    assert (check["rank"] == check["expected_rank"]).all()
    assert (check["step"].drop_nulls() <= 0).all()


def _pairwise_f1(clusters: pl.DataFrame, truth: pl.DataFrame) -> float:
    return float(caselink.evaluate(clusters, truth)["f1"][0])


def test_a_batch_re_resolves_what_it_reaches_as_a_whole_resolve_would(tmp_path) -> None:
    data = caselink.datasets.synthetic(1500, seed=5)
    truth = data.records.select("record_id", "true_person_id")
    records = data.records.drop("true_person_id").sample(fraction=1.0, shuffle=True, seed=2)
    cut = int(records.height * 0.7)
    first, rest = records.head(cut), records.tail(records.height - cut)
    store = caselink.Store.open(tmp_path / "cell.db")
    store.ingest(first, source="NCA")
    state = store._state
    for batch in _batches(rest, 3):
        before = store.clusters
        report = store.ingest(batch, source="OLTIM")
        # The batch was resolved against the resident state, not by reading everything.
        assert store._state is state
        assert state.generation == report.change
        after = store.clusters
        assert after.height == before.height + batch.height
        # Records the report does not name as moved keep their entity or its successor.
        kept = before.join(after, on="record_id", suffix="_now").join(
            report.moved.select("record_id"), on="record_id", how="anti"
        )
        merged = dict(report.merged.iter_rows())
        stays = kept.filter(pl.col("entity_id") != pl.col("entity_id_now"))
        assert all(merged.get(a) == b for a, b in stays.select("entity_id", "entity_id_now").rows())
        assert all(n == 1 for _, n in _current_memberships(store.path))
        # The resident map is the stored one.
        assert state.clusters.sort("record_id").equals(after.sort("record_id"))
    incremental = store.clusters
    # Resolving every record again with the same model moves next to nothing, and the
    # accuracy is the same.
    full = store.reresolve(actor="test", reason="compare")
    assert full.moved.height <= 0.01 * records.height
    f_inc, f_full = _pairwise_f1(incremental, truth), _pairwise_f1(store.clusters, truth)
    assert abs(f_inc - f_full) < 0.01, (f_inc, f_full)
    assert f_inc > 0.8
    assert store.records().height == records.height
    assert store.integrity_check() == "ok"


def test_a_decision_re_resolves_its_entities_and_leaves_the_rest(tmp_path, records) -> None:
    store = caselink.Store.open(tmp_path / "cell.db")
    store.ingest(records)
    before = store.clusters
    sizes = before.group_by("entity_id").len().sort("len", "entity_id", descending=[True, False])
    big = sizes["entity_id"][0]
    a, b = before.filter(pl.col("entity_id") == big)["record_id"].head(2)
    report = store.separate(a, b, actor="analyst", reason="different fathers")
    after = store.clusters
    ent = dict(after.iter_rows())
    assert ent[a] != ent[b]
    # Only records of the entity it touched moved.
    moved = set(report.moved["record_id"])
    assert moved <= set(before.filter(pl.col("entity_id") == big)["record_id"])
    untouched = before.filter(pl.col("entity_id") != big)
    assert (
        untouched.join(after, on="record_id", suffix="_now")
        .filter(pl.col("entity_id") != pl.col("entity_id_now"))
        .height
        == 0
    )


def test_a_store_reads_again_what_another_process_wrote(tmp_path, records) -> None:
    path = tmp_path / "cell.db"
    one, two, three = _batches(records, 3)
    writer = caselink.Store.open(path)
    writer.ingest(pl.concat([one, two]).head(300))
    other = caselink.Store.open(path)
    other.lookup(one.head(3))  # builds its resident state
    writer.ingest(pl.concat([one, two]).tail(two.height + one.height - 300))
    # other's state is stale: its ingest reads the store again and accounts for all.
    other.ingest(three)
    out = other.records()
    assert out.height == records.height
    assert out["entity_id"].null_count() == 0
    assert all(n == 1 for _, n in _current_memberships(path))
    found = other.lookup(two.tail(5))
    assert set(found.filter(pl.col("rank") == 1)["record_id"]) <= set(out["record_id"])
    assert found.height > 0
