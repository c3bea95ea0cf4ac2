//! The store's schema, its version, and the migrations from older versions.
//!
//! `meta` holds `schema_version` and `caselink_version` (of the last writer). A store of
//! a newer schema than this caselink knows is refused, never written; an older one is
//! migrated step by step in one transaction.

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use super::sql;
use crate::errors::CoreError;

/// The schema this caselink writes.
pub const SCHEMA_VERSION: i64 = 1;

/// Version 1: the tables of the first release.
const V1: &str = "
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- The records as linking reads them (content), as given (raw) and standardised, with
-- the changes that first added and last updated them.
CREATE TABLE records (
    record_id TEXT PRIMARY KEY,
    source TEXT,
    content TEXT NOT NULL,
    raw TEXT NOT NULL,
    standardised TEXT NOT NULL,
    first_change INTEGER NOT NULL,
    change INTEGER NOT NULL,
    first_seen TEXT NOT NULL
);
-- Every version of every record, the first included.
CREATE TABLE record_versions (
    record_id TEXT NOT NULL,
    change INTEGER NOT NULL,
    time TEXT NOT NULL,
    source TEXT,
    content TEXT NOT NULL,
    raw TEXT NOT NULL,
    PRIMARY KEY (record_id, change)
);
CREATE TABLE models (
    version INTEGER PRIMARY KEY,
    time TEXT NOT NULL,
    json TEXT NOT NULL,
    reason TEXT NOT NULL,
    change INTEGER NOT NULL
);
-- The scored pairs the last resolution kept.
CREATE TABLE pairs (
    record_a TEXT NOT NULL,
    record_b TEXT NOT NULL,
    probability REAL NOT NULL,
    model INTEGER
);
-- Every entity id ever given; retired ones say when and into which entity.
CREATE TABLE entities (
    entity_id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL UNIQUE,
    created TEXT NOT NULL,
    split_from TEXT,
    retired TEXT,
    merged_into TEXT,
    change INTEGER NOT NULL
);
-- The record -> entity map over time: valid from valid_from until valid_to (NULL: now).
CREATE TABLE memberships (
    record_id TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    valid_to TEXT,
    change INTEGER NOT NULL
);
CREATE UNIQUE INDEX memberships_now ON memberships(record_id) WHERE valid_to IS NULL;
CREATE INDEX memberships_by_entity ON memberships(entity_id);
CREATE TABLE decisions (
    decision INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('confirm', 'separate')),
    record_a TEXT NOT NULL,
    record_b TEXT NOT NULL,
    actor TEXT,
    reason TEXT,
    time TEXT NOT NULL,
    change INTEGER NOT NULL
);
-- Append-only: one change number per change, one row per thing it did.
CREATE TABLE log (
    change INTEGER NOT NULL,
    time TEXT NOT NULL,
    actor TEXT,
    action TEXT NOT NULL,
    entity_id TEXT,
    detail TEXT NOT NULL
);
CREATE INDEX log_by_change ON log(change);
CREATE INDEX log_by_entity ON log(entity_id);
CREATE TRIGGER log_append_only_update BEFORE UPDATE ON log
    BEGIN SELECT RAISE(ABORT, 'the log is append-only'); END;
CREATE TRIGGER log_append_only_delete BEFORE DELETE ON log
    BEGIN SELECT RAISE(ABORT, 'the log is append-only'); END;
";

/// Migrations: `MIGRATIONS[k]` takes a store from version k + 1 to k + 2.
const MIGRATIONS: &[&str] = &[];

/// Sets the connection up (WAL, synchronous FULL) and creates, checks or migrates the
/// schema, in one transaction.
pub(super) fn prepare(conn: &mut Connection, caselink_version: &str) -> Result<(), CoreError> {
    conn.pragma_update(None, "journal_mode", "WAL")
        .map_err(sql)?;
    // FULL: a committed batch survives a power cut, not only a killed process.
    conn.pragma_update(None, "synchronous", "FULL")
        .map_err(sql)?;
    let version = read_version(conn)?;
    if version == Some(SCHEMA_VERSION)
        && get(conn, "caselink_version")?.as_deref() == Some(caselink_version)
    {
        return Ok(()); // nothing to write: opening for reading takes no lock
    }
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(sql)?;
    // Read again under the write lock: another process may have created it meanwhile.
    let version = match read_version(&tx)? {
        Some(v) => v,
        None => {
            tx.execute_batch(V1).map_err(sql)?;
            1
        }
    };
    for from in version..SCHEMA_VERSION {
        tx.execute_batch(MIGRATIONS[(from - 1) as usize])
            .map_err(sql)?;
    }
    set(&tx, "schema_version", &SCHEMA_VERSION.to_string())?;
    set(&tx, "caselink_version", caselink_version)?;
    tx.commit().map_err(sql)
}

/// The schema version of the store, None for an empty file; an error for a newer schema
/// or a database that is not a caselink store.
fn read_version(conn: &Connection) -> Result<Option<i64>, CoreError> {
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
        .map_err(sql)?;
    let has_meta: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'",
            [],
            |r| r.get(0),
        )
        .map_err(sql)?;
    if has_meta == 0 {
        if tables > 0 {
            return Err(CoreError::StoreVersion(
                "the file is an SQLite database but not a caselink store (it has tables \
                 and no meta table): open a new path"
                    .into(),
            ));
        }
        return Ok(None);
    }
    let version: i64 = get(conn, "schema_version")?
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| CoreError::StoreVersion("the store has no schema version".into()))?;
    if version > SCHEMA_VERSION {
        let writer = get(conn, "caselink_version")?.unwrap_or_else(|| "unknown".into());
        return Err(CoreError::StoreVersion(format!(
            "the store has schema version {version}, written by caselink {writer}; this \
             caselink reads up to version {SCHEMA_VERSION}: upgrade caselink to open it"
        )));
    }
    Ok(Some(version))
}

fn get(conn: &Connection, key: &str) -> Result<Option<String>, CoreError> {
    conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
        .optional()
        .map_err(sql)
}

fn set(conn: &Connection, key: &str, value: &str) -> Result<(), CoreError> {
    conn.execute(
        "INSERT INTO meta(key, value) VALUES (?1, ?2)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )
    .map_err(sql)?;
    Ok(())
}
