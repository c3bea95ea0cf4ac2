//! The persistent entity store: one SQLite file (WAL mode: readers in many processes, one
//! writer) holding the records as given and as read, the trained models, the scored
//! pairs kept, the entities with the record -> entity map over time, the analysts'
//! decisions and an append-only log of every change.
//!
//! The store does not resolve records itself: a caller reads the current records and
//! decisions, resolves them (see `crate::link`), and hands the clusters to `commit`,
//! which names them with stable ids (see `ids`) and writes everything of the change in
//! one transaction, refused if another change landed in between.

pub mod ids;
mod schema;

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::time::Duration;

use chrono::{SecondsFormat, Utc};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use crate::errors::CoreError;
use ids::{name_clusters, Named};
pub use schema::SCHEMA_VERSION;

/// An open store.
pub struct Store {
    conn: Connection,
}

/// What an analyst decided about a pair of records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionKind {
    /// The two records are one person (must-link).
    Confirm,
    /// The two records are different people (cannot-link).
    Separate,
}

impl DecisionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DecisionKind::Confirm => "confirm",
            DecisionKind::Separate => "separate",
        }
    }
}

/// One decision to record.
#[derive(Debug, Clone)]
pub struct Decision {
    pub kind: DecisionKind,
    pub record_a: String,
    pub record_b: String,
}

/// Pairs of record ids.
pub type IdPairs = Vec<(String, String)>;

/// A decision with its actor, reason and time.
pub type DecisionRow = (Decision, Option<String>, Option<String>, String);

/// Records arriving in a batch (each list one entry per record).
#[derive(Debug, Clone, Default)]
pub struct Incoming {
    pub ids: Vec<String>,
    pub sources: Vec<Option<String>>,
    /// The record as linking reads it (JSON of its canonical columns).
    pub contents: Vec<String>,
    /// The record as given (JSON of its columns).
    pub raw: Vec<String>,
    /// Its standardised form (JSON).
    pub standardised: Vec<String>,
}

/// How an incoming record relates to the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordState {
    New,
    Unchanged,
    Changed,
}

/// One change to commit: what happened, and the clusters of every current record after it.
#[derive(Debug, Clone, Default)]
pub struct Change {
    /// "ingest", "confirm", "separate", "split", "retrain", "reresolve".
    pub action: String,
    pub actor: Option<String>,
    pub reason: Option<String>,
    /// The log's last change number when the records were read (see `Store::generation`).
    pub expected_generation: i64,
    pub incoming: Incoming,
    pub decisions: Vec<Decision>,
    /// A new model (JSON), when the change trained one.
    pub model: Option<String>,
    /// Every current record (old and incoming) and its cluster label; with `scoped`,
    /// only the records the change re-resolved.
    pub record_ids: Vec<String>,
    pub labels: Vec<u32>,
    /// The scored pairs kept (record a, record b, match probability); with `scoped`,
    /// the pairs to add to those kept.
    pub pairs: Vec<(String, String, f64)>,
    /// The change re-resolved some records only: `record_ids` hold whole entities and
    /// every incoming record (all new); the other records keep their entities and pairs.
    pub scoped: bool,
}

/// What a change did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// The log's change number of this change (0: nothing was written).
    pub change: i64,
    pub new_records: Vec<String>,
    pub updated_records: Vec<String>,
    pub unchanged_records: Vec<String>,
    /// (record, entity) of records placed in an entity that existed before.
    pub attached: Vec<(String, String)>,
    /// (entity, split from: the existing entity it took most records from).
    pub new_entities: Vec<(String, Option<String>)>,
    /// (merged entity, entity it was merged into).
    pub merged: Vec<(String, String)>,
    /// (record, entity before, entity now) of records that changed entity.
    pub moved: Vec<(String, String, String)>,
}

/// A row of the store's log.
#[derive(Debug, Clone, PartialEq)]
pub struct LogRow {
    pub change: i64,
    pub time: String,
    pub actor: Option<String>,
    pub action: String,
    pub entity_id: Option<String>,
    pub detail: String,
}

fn sql(e: rusqlite::Error) -> CoreError {
    if let rusqlite::Error::SqliteFailure(code, _) = &e {
        if matches!(
            code.code,
            rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
        ) {
            return CoreError::StoreBusy(format!(
                "the store is being written by another process and stayed locked past the \
                 timeout ({e}); try again, or open it with a longer timeout"
            ));
        }
        if code.code == rusqlite::ErrorCode::NotADatabase {
            return CoreError::StoreVersion(format!("not a caselink store: {e}"));
        }
    }
    CoreError::Store(format!("entity store: {e}"))
}

/// Now, as the store writes times (UTC, microseconds; these strings sort as times).
pub fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Micros, true)
}

impl Store {
    /// Opens the store at `path`, creating it (and its schema) if it does not exist.
    /// `timeout`: how long a write waits for another process's write to finish.
    pub fn open(path: &Path, timeout: Duration) -> Result<Store, CoreError> {
        let mut conn = Connection::open(path).map_err(|e| {
            CoreError::Store(format!("cannot open the store {}: {e}", path.display()))
        })?;
        conn.busy_timeout(timeout).map_err(sql)?;
        schema::prepare(&mut conn, env!("CARGO_PKG_VERSION"))?;
        Ok(Store { conn })
    }

    /// A value of the store's settings table, if set.
    pub fn meta(&self, key: &str) -> Result<Option<String>, CoreError> {
        self.conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()
            .map_err(sql)
    }

    /// Sets a value of the settings table, logged as a change.
    pub fn set_meta(
        &mut self,
        key: &str,
        value: &str,
        actor: Option<&str>,
    ) -> Result<(), CoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql)?;
        tx.execute(
            "INSERT INTO meta(key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )
        .map_err(sql)?;
        let time = next_time(&tx)?;
        log(
            &tx,
            &time,
            actor,
            "set",
            None,
            &format!("{{\"key\":{}}}", json_str(key)),
        )?;
        tx.commit().map_err(sql)
    }

    /// The number of the last change in the log (0 for a new store).
    pub fn generation(&self) -> Result<i64, CoreError> {
        generation(&self.conn)
    }

    /// Whether each incoming record is new, unchanged or changed (by its content).
    /// Duplicate ids within `ids` are an error naming them.
    pub fn classify(
        &self,
        ids: &[String],
        contents: &[String],
    ) -> Result<Vec<RecordState>, CoreError> {
        let mut seen: HashMap<&str, usize> = HashMap::with_capacity(ids.len());
        for (k, id) in ids.iter().enumerate() {
            if let Some(first) = seen.insert(id.as_str(), k) {
                return Err(CoreError::InvalidInput(format!(
                    "record_id '{id}' appears twice in the batch (rows {first} and {k}); \
                     ids must be unique within a batch: keep one row per record"
                )));
            }
        }
        let mut stmt = self
            .conn
            .prepare_cached("SELECT content FROM records WHERE record_id = ?1")
            .map_err(sql)?;
        ids.iter()
            .zip(contents)
            .map(|(id, content)| {
                let stored: Option<String> =
                    stmt.query_row([id], |r| r.get(0)).optional().map_err(sql)?;
                Ok(match stored {
                    None => RecordState::New,
                    Some(s) if &s == content => RecordState::Unchanged,
                    Some(_) => RecordState::Changed,
                })
            })
            .collect()
    }

    /// Every current record: (record ids, contents), by record id.
    pub fn contents(&self) -> Result<(Vec<String>, Vec<String>), CoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT record_id, content FROM records ORDER BY record_id")
            .map_err(sql)?;
        let mut ids = Vec::new();
        let mut contents = Vec::new();
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
            .map_err(sql)?;
        for row in rows {
            let (id, content) = row.map_err(sql)?;
            ids.push(id);
            contents.push(content);
        }
        Ok((ids, contents))
    }

    /// The latest model: (version, JSON), if one was trained.
    pub fn model(&self) -> Result<Option<(i64, String)>, CoreError> {
        self.conn
            .query_row(
                "SELECT version, json FROM models ORDER BY version DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(sql)
    }

    /// The decisions in force: (must-link pairs, cannot-link pairs).
    pub fn constraints(&self) -> Result<(IdPairs, IdPairs), CoreError> {
        let mut must = Vec::new();
        let mut cannot = Vec::new();
        for d in self.decisions()? {
            let pair = (d.record_a, d.record_b);
            match d.kind {
                DecisionKind::Confirm => must.push(pair),
                DecisionKind::Separate => cannot.push(pair),
            }
        }
        Ok((must, cannot))
    }

    /// Every decision recorded, oldest first.
    pub fn decisions(&self) -> Result<Vec<Decision>, CoreError> {
        self.decision_rows()
            .map(|rows| rows.into_iter().map(|r| r.0).collect())
    }

    /// Every decision with its (actor, reason, time), oldest first.
    pub fn decision_rows(&self) -> Result<Vec<DecisionRow>, CoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT kind, record_a, record_b, actor, reason, time FROM decisions
                 ORDER BY decision",
            )
            .map_err(sql)?;
        let rows = stmt
            .query_map([], |r| {
                let kind: String = r.get(0)?;
                let kind = if kind == "confirm" {
                    DecisionKind::Confirm
                } else {
                    DecisionKind::Separate
                };
                Ok((
                    Decision {
                        kind,
                        record_a: r.get(1)?,
                        record_b: r.get(2)?,
                    },
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            })
            .map_err(sql)?;
        rows.collect::<Result<_, _>>().map_err(sql)
    }

    /// Ids among `ids` that are not records of the store.
    pub fn unknown_records<'a>(&self, ids: &[&'a str]) -> Result<Vec<&'a str>, CoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT 1 FROM records WHERE record_id = ?1")
            .map_err(sql)?;
        let mut out = Vec::new();
        for &id in ids {
            if !stmt.exists([id]).map_err(sql)? {
                out.push(id);
            }
        }
        Ok(out)
    }

    /// Commits one change in one transaction: the incoming records (new ones inserted,
    /// changed ones updated with their old version kept), the decisions, the model, the
    /// pairs, and the clusters named with stable ids. Refused, with nothing written, if
    /// the log moved on since `expected_generation`.
    pub fn commit(&mut self, change: &Change) -> Result<Report, CoreError> {
        if change.record_ids.len() != change.labels.len() {
            return Err(CoreError::Internal("one cluster label per record".into()));
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sql)?;
        let found = generation(&tx)?;
        if found != change.expected_generation {
            return Err(CoreError::Store(format!(
                "the store changed while this {} was being resolved (change {found}, \
                 expected {}): run it again",
                change.action, change.expected_generation
            )));
        }
        let time = next_time(&tx)?;
        let actor = change.actor.as_deref();
        let change_no = log(
            &tx,
            &time,
            actor,
            &change.action,
            None,
            &format!(
                "{{\"reason\":{},\"records\":{},\"decisions\":{}}}",
                change.reason.as_deref().map_or("null".into(), json_str),
                change.incoming.ids.len(),
                change.decisions.len()
            ),
        )?;
        let mut report = Report {
            change: change_no,
            ..Report::default()
        };
        write_records(&tx, &change.incoming, change_no, &time, &mut report)?;
        if change.scoped {
            // The records re-resolved hold every incoming record, all of them new.
            let scope: HashSet<&str> = change.record_ids.iter().map(String::as_str).collect();
            if !report.updated_records.is_empty()
                || change
                    .incoming
                    .ids
                    .iter()
                    .any(|r| !scope.contains(r.as_str()))
            {
                return Err(CoreError::Internal(
                    "a scoped change must re-resolve every incoming record, all new".into(),
                ));
            }
        } else {
            // Every record of the store must be resolved by the change.
            let stored: i64 = tx
                .query_row("SELECT count(*) FROM records", [], |r| r.get(0))
                .map_err(sql)?;
            if stored as usize != change.record_ids.len() {
                return Err(CoreError::Internal(format!(
                    "the change resolved {} records of the {stored} in the store",
                    change.record_ids.len()
                )));
            }
        }
        for d in &change.decisions {
            tx.execute(
                "INSERT INTO decisions(kind, record_a, record_b, actor, reason, time, change)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    d.kind.as_str(),
                    d.record_a,
                    d.record_b,
                    actor,
                    change.reason,
                    time,
                    change_no
                ],
            )
            .map_err(sql)?;
        }
        let model_version = match &change.model {
            Some(json) => {
                tx.execute(
                    "INSERT INTO models(time, json, reason, change) VALUES (?1, ?2, ?3, ?4)",
                    params![time, json, change.action, change_no],
                )
                .map_err(sql)?;
                Some(tx.last_insert_rowid())
            }
            None => tx
                .query_row("SELECT max(version) FROM models", [], |r| r.get(0))
                .map_err(sql)?,
        };
        write_pairs(&tx, &change.pairs, model_version, !change.scoped)?;
        name_and_write(&tx, change, change_no, &time, &mut report)?;
        tx.commit().map_err(sql)?;
        Ok(report)
    }

    /// (record id, source, entity id, first batch change, last batch change, time first
    /// seen) of every record, by record id.
    #[allow(clippy::type_complexity)]
    pub fn records(
        &self,
    ) -> Result<Vec<(String, Option<String>, Option<String>, i64, i64)>, CoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT r.record_id, r.source, m.entity_id, r.first_change, r.change
                 FROM records r LEFT JOIN memberships m
                   ON m.record_id = r.record_id AND m.valid_to IS NULL
                 ORDER BY r.record_id",
            )
            .map_err(sql)?;
        let rows = stmt
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .map_err(sql)?;
        rows.collect::<Result<_, _>>().map_err(sql)
    }

    /// Each record's entity now, in the order given (None for a record not in the store).
    pub fn entities_now(&self, records: &[String]) -> Result<Vec<Option<String>>, CoreError> {
        entities_now(&self.conn, records)
    }

    /// The raw (as given) and standardised JSON of records of one entity now, by record id:
    /// (record id, source, raw, standardised).
    #[allow(clippy::type_complexity)]
    pub fn entity_records(
        &self,
        entity_id: &str,
    ) -> Result<Vec<(String, Option<String>, String, String)>, CoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT r.record_id, r.source, r.raw, r.standardised
                 FROM memberships m JOIN records r ON r.record_id = m.record_id
                 WHERE m.entity_id = ?1 AND m.valid_to IS NULL ORDER BY r.record_id",
            )
            .map_err(sql)?;
        let rows = stmt
            .query_map([entity_id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .map_err(sql)?;
        rows.collect::<Result<_, _>>().map_err(sql)
    }

    /// Every entity ever named: (entity id, created, split from, retired, merged into,
    /// records now), by creation.
    #[allow(clippy::type_complexity)]
    pub fn entities(
        &self,
    ) -> Result<
        Vec<(
            String,
            String,
            Option<String>,
            Option<String>,
            Option<String>,
            i64,
        )>,
        CoreError,
    > {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT e.entity_id, e.created, e.split_from, e.retired, e.merged_into,
                        (SELECT count(*) FROM memberships m
                          WHERE m.entity_id = e.entity_id AND m.valid_to IS NULL)
                 FROM entities e ORDER BY e.seq",
            )
            .map_err(sql)?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            })
            .map_err(sql)?;
        rows.collect::<Result<_, _>>().map_err(sql)
    }

    /// The record -> entity map as it stood at `time` (a time as `now` writes it): (record
    /// id, entity id), by record id.
    pub fn as_of(&self, time: &str) -> Result<Vec<(String, String)>, CoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT record_id, entity_id FROM memberships
                 WHERE valid_from <= ?1 AND (valid_to IS NULL OR valid_to > ?1)
                 ORDER BY record_id",
            )
            .map_err(sql)?;
        let rows = stmt
            .query_map([time], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(sql)?;
        rows.collect::<Result<_, _>>().map_err(sql)
    }

    /// The entities an id stands for now: itself while it is in use, else the entity it
    /// was merged into (followed to the end). Unknown ids are an error.
    pub fn resolve_id(&self, entity_id: &str) -> Result<Vec<String>, CoreError> {
        let mut current = entity_id.to_string();
        for _ in 0..10_000 {
            let row: Option<(Option<String>, Option<String>)> = self
                .conn
                .query_row(
                    "SELECT retired, merged_into FROM entities WHERE entity_id = ?1",
                    [&current],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()
                .map_err(sql)?;
            match row {
                None => {
                    return Err(CoreError::InvalidInput(format!(
                        "entity id '{entity_id}' was never given by this store"
                    )))
                }
                Some((None, _)) => return Ok(vec![current]),
                Some((Some(_), Some(into))) => current = into,
                Some((Some(_), None)) => return Ok(vec![]),
            }
        }
        Err(CoreError::Internal("a cycle of merged entity ids".into()))
    }

    /// The log rows of one entity (its creation, merges, splits, records joining and
    /// leaving), oldest first; every row when `entity_id` is None.
    pub fn history(&self, entity_id: Option<&str>) -> Result<Vec<LogRow>, CoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT change, time, actor, action, entity_id, detail FROM log
                 WHERE ?1 IS NULL OR entity_id = ?1 ORDER BY change, rowid",
            )
            .map_err(sql)?;
        let rows = stmt
            .query_map([entity_id], |r| {
                Ok(LogRow {
                    change: r.get(0)?,
                    time: r.get(1)?,
                    actor: r.get(2)?,
                    action: r.get(3)?,
                    entity_id: r.get(4)?,
                    detail: r.get(5)?,
                })
            })
            .map_err(sql)?;
        rows.collect::<Result<_, _>>().map_err(sql)
    }

    /// The scored pairs kept by the last resolution: (record a, record b, probability).
    pub fn pairs(&self) -> Result<Vec<(String, String, f64)>, CoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT record_a, record_b, probability FROM pairs ORDER BY record_a, record_b",
            )
            .map_err(sql)?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .map_err(sql)?;
        rows.collect::<Result<_, _>>().map_err(sql)
    }

    /// SQLite's own consistency check ("ok" when sound).
    pub fn integrity_check(&self) -> Result<String, CoreError> {
        self.conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(sql)
    }
}

fn generation(conn: &Connection) -> Result<i64, CoreError> {
    conn.query_row("SELECT coalesce(max(change), 0) FROM log", [], |r| r.get(0))
        .map_err(sql)
}

/// Now, or just after the last logged time if the clock went back: times never decrease.
fn next_time(conn: &Connection) -> Result<String, CoreError> {
    let last: Option<String> = conn
        .query_row("SELECT max(time) FROM log", [], |r| r.get(0))
        .map_err(sql)?;
    let now = now();
    Ok(match last {
        Some(last) if last >= now => last,
        _ => now,
    })
}

fn json_str(s: &str) -> String {
    serde_json::to_string(s).expect("a string serialises")
}

fn log(
    conn: &Connection,
    time: &str,
    actor: Option<&str>,
    action: &str,
    entity_id: Option<&str>,
    detail: &str,
) -> Result<i64, CoreError> {
    // One change number per change: the first row takes the next one, later rows of the
    // same change reuse it (see `log_entity`).
    let change = generation(conn)? + 1;
    insert_log(conn, change, time, actor, action, entity_id, detail)?;
    Ok(change)
}

fn log_entity(
    conn: &Connection,
    change: i64,
    time: &str,
    actor: Option<&str>,
    action: &str,
    entity_id: &str,
    detail: &str,
) -> Result<(), CoreError> {
    insert_log(conn, change, time, actor, action, Some(entity_id), detail)
}

fn insert_log(
    conn: &Connection,
    change: i64,
    time: &str,
    actor: Option<&str>,
    action: &str,
    entity_id: Option<&str>,
    detail: &str,
) -> Result<(), CoreError> {
    // Cached: a batch writes a log row per record, and preparing each took longer than
    // writing it.
    conn.prepare_cached(
        "INSERT INTO log(change, time, actor, action, entity_id, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )
    .and_then(|mut stmt| stmt.execute(params![change, time, actor, action, entity_id, detail]))
    .map_err(sql)?;
    Ok(())
}

fn write_records(
    conn: &Connection,
    incoming: &Incoming,
    change: i64,
    time: &str,
    report: &mut Report,
) -> Result<(), CoreError> {
    let n = incoming.ids.len();
    if [
        incoming.sources.len(),
        incoming.contents.len(),
        incoming.raw.len(),
        incoming.standardised.len(),
    ]
    .iter()
    .any(|&len| len != n)
    {
        return Err(CoreError::Internal(
            "incoming columns of unequal length".into(),
        ));
    }
    let mut select = conn
        .prepare_cached("SELECT content FROM records WHERE record_id = ?1")
        .map_err(sql)?;
    let mut insert = conn
        .prepare_cached(
            "INSERT INTO records(record_id, source, content, raw, standardised, first_change,
                                 change, first_seen)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7)",
        )
        .map_err(sql)?;
    let mut update = conn
        .prepare_cached(
            "UPDATE records SET source = ?2, content = ?3, raw = ?4, standardised = ?5,
                                change = ?6
             WHERE record_id = ?1",
        )
        .map_err(sql)?;
    let mut version = conn
        .prepare_cached(
            "INSERT INTO record_versions(record_id, change, time, source, content, raw)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )
        .map_err(sql)?;
    for k in 0..n {
        let id = &incoming.ids[k];
        let stored: Option<String> = select
            .query_row([id], |r| r.get(0))
            .optional()
            .map_err(sql)?;
        match stored {
            None => {
                insert
                    .execute(params![
                        id,
                        incoming.sources[k],
                        incoming.contents[k],
                        incoming.raw[k],
                        incoming.standardised[k],
                        change,
                        time
                    ])
                    .map_err(sql)?;
                report.new_records.push(id.clone());
            }
            Some(s) if s == incoming.contents[k] => {
                report.unchanged_records.push(id.clone());
                continue;
            }
            Some(_) => {
                update
                    .execute(params![
                        id,
                        incoming.sources[k],
                        incoming.contents[k],
                        incoming.raw[k],
                        incoming.standardised[k],
                        change
                    ])
                    .map_err(sql)?;
                report.updated_records.push(id.clone());
            }
        }
        version
            .execute(params![
                id,
                change,
                time,
                incoming.sources[k],
                incoming.contents[k],
                incoming.raw[k]
            ])
            .map_err(sql)?;
    }
    Ok(())
}

fn write_pairs(
    conn: &Connection,
    pairs: &[(String, String, f64)],
    model: Option<i64>,
    replace: bool,
) -> Result<(), CoreError> {
    if replace {
        conn.execute("DELETE FROM pairs", []).map_err(sql)?;
    }
    let mut insert = conn
        .prepare_cached(
            "INSERT INTO pairs(record_a, record_b, probability, model) VALUES (?1, ?2, ?3, ?4)",
        )
        .map_err(sql)?;
    for (a, b, p) in pairs {
        insert.execute(params![a, b, p, model]).map_err(sql)?;
    }
    Ok(())
}

/// The entities now as dense indices, and each record's current entity.
#[derive(Default)]
struct EntitiesNow {
    /// Entity id -> dense index.
    index: HashMap<String, u32>,
    /// Entity id of each dense index.
    names: Vec<String>,
    /// Creation order of each (smaller is older).
    age: Vec<u64>,
    /// Record id -> its entity now.
    current: HashMap<String, String>,
}

impl EntitiesNow {
    fn add(&mut self, entity: String, seq: i64) {
        self.index.insert(entity.clone(), self.names.len() as u32);
        self.names.push(entity);
        self.age.push(seq as u64);
    }
}

/// Every current entity and membership.
fn all_entities(conn: &Connection) -> Result<EntitiesNow, CoreError> {
    let mut now = EntitiesNow::default();
    let mut stmt = conn
        .prepare("SELECT entity_id, seq FROM entities WHERE retired IS NULL")
        .map_err(sql)?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))
        .map_err(sql)?;
    for row in rows {
        let (id, seq) = row.map_err(sql)?;
        now.add(id, seq);
    }
    let mut stmt = conn
        .prepare("SELECT record_id, entity_id FROM memberships WHERE valid_to IS NULL")
        .map_err(sql)?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
        .map_err(sql)?;
    for row in rows {
        let (record, entity) = row.map_err(sql)?;
        now.current.insert(record, entity);
    }
    Ok(now)
}

/// Each record's entity now (None for a record not in the store).
fn entities_now(conn: &Connection, records: &[String]) -> Result<Vec<Option<String>>, CoreError> {
    let mut member = conn
        .prepare_cached(
            "SELECT entity_id FROM memberships WHERE record_id = ?1 AND valid_to IS NULL",
        )
        .map_err(sql)?;
    records
        .iter()
        .map(|record| {
            member
                .query_row([record], |r| r.get::<_, String>(0))
                .optional()
                .map_err(sql)
        })
        .collect()
}

/// The current entities of `records` and their memberships; an error unless the records
/// hold every current record of those entities (a scoped change re-resolves whole ones).
fn entities_of(conn: &Connection, records: &[String]) -> Result<EntitiesNow, CoreError> {
    let mut now = EntitiesNow::default();
    let mut held: HashMap<String, usize> = HashMap::new();
    for (record, entity) in records.iter().zip(entities_now(conn, records)?) {
        if let Some(entity) = entity {
            *held.entry(entity.clone()).or_default() += 1;
            now.current.insert(record.clone(), entity);
        }
    }
    let mut size = conn
        .prepare_cached(
            "SELECT count(*) FROM memberships WHERE entity_id = ?1 AND valid_to IS NULL",
        )
        .map_err(sql)?;
    let mut seq = conn
        .prepare_cached("SELECT seq FROM entities WHERE entity_id = ?1")
        .map_err(sql)?;
    let mut entities: Vec<(String, usize)> = held.into_iter().collect();
    entities.sort_unstable();
    for (entity, n) in entities {
        let all: i64 = size.query_row([&entity], |r| r.get(0)).map_err(sql)?;
        if all as usize != n {
            return Err(CoreError::Internal(format!(
                "a scoped change holds {n} of the {all} records of entity {entity}"
            )));
        }
        let s: i64 = seq.query_row([&entity], |r| r.get(0)).map_err(sql)?;
        now.add(entity, s);
    }
    Ok(now)
}

/// Names the change's clusters with stable ids and writes the entities, the memberships
/// that changed and their log rows.
fn name_and_write(
    conn: &Connection,
    change: &Change,
    change_no: i64,
    time: &str,
    report: &mut Report,
) -> Result<(), CoreError> {
    let EntitiesNow {
        index: entity_index,
        names: entity_names,
        age,
        current,
    } = if change.scoped {
        entities_of(conn, &change.record_ids)?
    } else {
        all_entities(conn)?
    };
    let previous: Vec<Option<u32>> = change
        .record_ids
        .iter()
        .map(|r| current.get(r).and_then(|e| entity_index.get(e).copied()))
        .collect();
    let naming = name_clusters(&change.labels, &previous, &age);

    let mut next_seq: i64 = conn
        .query_row("SELECT coalesce(max(seq), 0) + 1 FROM entities", [], |r| {
            r.get(0)
        })
        .map_err(sql)?;
    let actor = change.actor.as_deref();
    // Name new clusters in the order of their smallest record id, so ids are assigned
    // the same way whatever the labels' values.
    let mut first_record: HashMap<u32, &str> = HashMap::new();
    for (r, &label) in change.record_ids.iter().zip(&change.labels) {
        let e = first_record.entry(label).or_insert(r.as_str());
        if r.as_str() < *e {
            *e = r.as_str();
        }
    }
    let mut new_labels: Vec<(&str, u32)> = naming
        .clusters
        .iter()
        .filter(|(_, n)| matches!(n, Named::New { .. }))
        .map(|(&label, _)| (first_record[&label], label))
        .collect();
    new_labels.sort_unstable();
    let mut label_entity: HashMap<u32, String> = HashMap::new();
    for (&label, named) in &naming.clusters {
        if let Named::Kept(e) = named {
            label_entity.insert(label, entity_names[*e as usize].clone());
        }
    }
    for (_, label) in new_labels {
        let Named::New { split_from } = naming.clusters[&label] else {
            unreachable!("only new clusters are listed")
        };
        let id = format!("E{next_seq:07}");
        let from = split_from.map(|e| entity_names[e as usize].clone());
        conn.prepare_cached(
            "INSERT INTO entities(entity_id, seq, created, split_from, change)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )
        .and_then(|mut stmt| stmt.execute(params![id, next_seq, time, from, change_no]))
        .map_err(sql)?;
        let detail = match &from {
            Some(f) => format!("{{\"split_from\":{}}}", json_str(f)),
            None => "{}".into(),
        };
        let action = if from.is_some() { "split" } else { "created" };
        log_entity(conn, change_no, time, actor, action, &id, &detail)?;
        report.new_entities.push((id.clone(), from));
        label_entity.insert(label, id);
        next_seq += 1;
    }
    for &(gone, into) in &naming.merged {
        let (gone, into) = (&entity_names[gone as usize], &entity_names[into as usize]);
        conn.prepare_cached(
            "UPDATE entities SET retired = ?2, merged_into = ?3 WHERE entity_id = ?1",
        )
        .and_then(|mut stmt| stmt.execute(params![gone, time, into]))
        .map_err(sql)?;
        let detail = format!("{{\"into\":{}}}", json_str(into));
        log_entity(conn, change_no, time, actor, "merged", gone, &detail)?;
        let detail = format!("{{\"absorbed\":{}}}", json_str(gone));
        log_entity(conn, change_no, time, actor, "absorbed", into, &detail)?;
        report.merged.push((gone.clone(), into.clone()));
    }
    let mut close = conn
        .prepare_cached(
            "UPDATE memberships SET valid_to = ?2 WHERE record_id = ?1 AND valid_to IS NULL",
        )
        .map_err(sql)?;
    let mut open = conn
        .prepare_cached(
            "INSERT INTO memberships(record_id, entity_id, valid_from, change) VALUES (?1, ?2, ?3, ?4)",
        )
        .map_err(sql)?;
    let created: HashSet<&str> = report
        .new_entities
        .iter()
        .map(|(e, _)| e.as_str())
        .collect();
    let mut attached = Vec::new();
    for (record, label) in change.record_ids.iter().zip(&change.labels) {
        let entity = &label_entity[label];
        match current.get(record) {
            Some(before) if before == entity => continue,
            Some(before) => {
                close.execute(params![record, time]).map_err(sql)?;
                report
                    .moved
                    .push((record.clone(), before.clone(), entity.clone()));
                let detail = format!(
                    "{{\"record\":{},\"from\":{}}}",
                    json_str(record),
                    json_str(before)
                );
                log_entity(
                    conn,
                    change_no,
                    time,
                    actor,
                    "record_joined",
                    entity,
                    &detail,
                )?;
                let detail = format!(
                    "{{\"record\":{},\"to\":{}}}",
                    json_str(record),
                    json_str(entity)
                );
                log_entity(conn, change_no, time, actor, "record_left", before, &detail)?;
            }
            None => {
                if !created.contains(entity.as_str()) {
                    attached.push((record.clone(), entity.clone()));
                }
                let detail = format!("{{\"record\":{}}}", json_str(record));
                log_entity(
                    conn,
                    change_no,
                    time,
                    actor,
                    "record_added",
                    entity,
                    &detail,
                )?;
            }
        }
        open.execute(params![record, entity, time, change_no])
            .map_err(sql)?;
    }
    report.attached = attached;
    Ok(())
}

#[cfg(test)]
mod tests;
