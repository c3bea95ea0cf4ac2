use std::path::PathBuf;

use super::*;

fn temp_path(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("caselink-store-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("cell.db")
}

fn open(path: &Path) -> Store {
    Store::open(path, Duration::from_secs(1)).unwrap()
}

/// An ingest of records `ids` (content = the id plus `version`), resolving every record
/// of the store (old ones from `old`) into `labels`.
fn ingest(store: &Store, ids: &[&str], all: &[&str], labels: &[u32], version: &str) -> Change {
    let n = ids.len();
    Change {
        action: "ingest".into(),
        actor: Some("test".into()),
        reason: None,
        expected_generation: store.generation().unwrap(),
        incoming: Incoming {
            ids: ids.iter().map(|s| s.to_string()).collect(),
            sources: vec![Some("NCA".into()); n],
            contents: ids
                .iter()
                .map(|s| format!("{{\"id\":\"{s}{version}\"}}"))
                .collect(),
            raw: vec!["{}".into(); n],
            standardised: vec!["{}".into(); n],
        },
        decisions: vec![],
        model: Some("{}".into()),
        record_ids: all.iter().map(|s| s.to_string()).collect(),
        labels: labels.to_vec(),
        pairs: vec![],
        scoped: false,
    }
}

fn entity_map(store: &Store) -> Vec<(String, String)> {
    store
        .records()
        .unwrap()
        .into_iter()
        .map(|r| (r.0, r.2.unwrap()))
        .collect()
}

#[test]
fn ids_stay_stable_merges_keep_the_older_id_and_the_past_is_kept() {
    let path = temp_path("stable");
    let mut store = open(&path);
    let report = store
        .commit(&ingest(
            &store,
            &["a", "b", "c"],
            &["a", "b", "c"],
            &[0, 0, 2],
            "",
        ))
        .unwrap();
    assert_eq!(report.new_records, vec!["a", "b", "c"]);
    assert_eq!(report.new_entities.len(), 2);
    let first = entity_map(&store);
    assert_eq!(first[0].1, "E0000001");
    assert_eq!(first[1].1, "E0000001");
    assert_eq!(first[2].1, "E0000002");
    let before = now();

    // d arrives and joins c; nothing else moves.
    let all = ["a", "b", "c", "d"];
    let report = store
        .commit(&ingest(&store, &["d"], &all, &[0, 0, 2, 2], ""))
        .unwrap();
    assert_eq!(
        report.attached,
        vec![("d".to_string(), "E0000002".to_string())]
    );
    assert!(report.moved.is_empty() && report.new_entities.is_empty());

    // e arrives and bridges the two entities: the older id stays.
    let all = ["a", "b", "c", "d", "e"];
    let report = store
        .commit(&ingest(&store, &["e"], &all, &[4, 4, 4, 4, 4], ""))
        .unwrap();
    assert_eq!(
        report.merged,
        vec![("E0000002".to_string(), "E0000001".to_string())]
    );
    assert!(entity_map(&store).iter().all(|(_, e)| e == "E0000001"));
    assert_eq!(store.resolve_id("E0000002").unwrap(), vec!["E0000001"]);
    assert!(store.resolve_id("E9999999").is_err());

    // The map as it was before d arrived.
    let past = store.as_of(&before).unwrap();
    assert_eq!(past, first);
    let entities = store.entities().unwrap();
    assert_eq!(entities.len(), 2);
    assert_eq!(entities[1].4.as_deref(), Some("E0000001"));
    assert_eq!(store.integrity_check().unwrap(), "ok");
    // The history of E0000002: created, a record added, merged, its records leaving.
    let history = store.history(Some("E0000002")).unwrap();
    let actions: Vec<&str> = history.iter().map(|r| r.action.as_str()).collect();
    assert_eq!(
        actions,
        [
            "created",
            "record_added",
            "record_added",
            "merged",
            "record_left",
            "record_left"
        ]
    );
}

#[test]
fn a_split_keeps_the_id_on_the_largest_part_and_updates_keep_versions() {
    let path = temp_path("split");
    let mut store = open(&path);
    let all = ["a", "b", "c"];
    store
        .commit(&ingest(&store, &all, &all, &[0, 0, 0], ""))
        .unwrap();
    // c changes content and is split off.
    let report = store
        .commit(&ingest(&store, &["c"], &all, &[0, 0, 2], "v2"))
        .unwrap();
    assert_eq!(report.updated_records, vec!["c"]);
    assert_eq!(
        report.new_entities,
        vec![("E0000002".to_string(), Some("E0000001".to_string()))]
    );
    assert_eq!(
        report.moved,
        vec![(
            "c".to_string(),
            "E0000001".to_string(),
            "E0000002".to_string()
        )]
    );
    let versions: i64 = store
        .conn
        .query_row(
            "SELECT count(*) FROM record_versions WHERE record_id = 'c'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(versions, 2);
    // The same content again is unchanged.
    let states = store
        .classify(
            &["c".into(), "z".into()],
            &["{\"id\":\"cv2\"}".into(), "{}".into()],
        )
        .unwrap();
    assert_eq!(states, vec![RecordState::Unchanged, RecordState::New]);
}

#[test]
fn a_change_resolved_against_an_older_state_is_refused_and_writes_nothing() {
    let path = temp_path("race");
    let mut store = open(&path);
    let stale = ingest(&store, &["a"], &["a"], &[0], "");
    store
        .commit(&ingest(&store, &["b"], &["b"], &[0], ""))
        .unwrap();
    let generation = store.generation().unwrap();
    let err = store.commit(&stale).unwrap_err();
    assert!(err.to_string().contains("changed while"), "{err}");
    assert_eq!(store.generation().unwrap(), generation);
    assert_eq!(store.records().unwrap().len(), 1);
}

#[test]
fn duplicate_ids_in_a_batch_are_an_error_naming_them() {
    let store = open(&temp_path("dups"));
    let err = store
        .classify(
            &["a".into(), "b".into(), "a".into()],
            &["1".into(), "2".into(), "3".into()],
        )
        .unwrap_err();
    assert!(err.to_string().contains("'a' appears twice"), "{err}");
}

#[test]
fn a_newer_schema_or_a_foreign_database_is_refused_untouched() {
    let path = temp_path("newer");
    drop(open(&path));
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute(
            "UPDATE meta SET value = '99' WHERE key = 'schema_version'",
            [],
        )
        .unwrap();
    }
    let err = Store::open(&path, Duration::from_secs(1)).err().unwrap();
    assert!(matches!(err, CoreError::StoreVersion(_)), "{err}");
    assert!(err.to_string().contains("schema version 99"), "{err}");

    let foreign = temp_path("foreign");
    {
        let conn = Connection::open(&foreign).unwrap();
        conn.execute("CREATE TABLE t(x)", []).unwrap();
    }
    let err = Store::open(&foreign, Duration::from_secs(1)).err().unwrap();
    assert!(matches!(err, CoreError::StoreVersion(_)), "{err}");
    // Reopening a store of this version writes nothing (a reader takes no write lock).
    let reopened = open(&path.with_file_name("fresh.db"));
    let generation = reopened.generation().unwrap();
    drop(reopened);
    assert_eq!(
        open(&path.with_file_name("fresh.db")).generation().unwrap(),
        generation
    );
}

#[test]
fn the_log_is_append_only() {
    let mut store = open(&temp_path("log"));
    store
        .commit(&ingest(&store, &["a"], &["a"], &[0], ""))
        .unwrap();
    assert!(store.conn.execute("DELETE FROM log", []).is_err());
    assert!(store
        .conn
        .execute("UPDATE log SET actor = 'x'", [])
        .is_err());
}

#[test]
fn a_scoped_change_re_resolves_whole_entities_and_leaves_the_rest() {
    let path = temp_path("scoped");
    let mut store = open(&path);
    let mut first = ingest(
        &store,
        &["a", "b", "c", "d"],
        &["a", "b", "c", "d"],
        &[0, 0, 2, 3],
        "",
    );
    first.pairs = vec![("a".into(), "b".into(), 0.9)];
    store.commit(&first).unwrap();
    let before = entity_map(&store);

    // e arrives and joins c's entity; only c's entity and e are re-resolved.
    let mut change = ingest(&store, &["e"], &["c", "e"], &[7, 7], "");
    change.scoped = true;
    change.model = None;
    change.pairs = vec![("c".into(), "e".into(), 0.8)];
    let report = store.commit(&change).unwrap();
    assert_eq!(
        report.attached,
        vec![("e".to_string(), before[2].1.clone())]
    );
    let after = entity_map(&store);
    assert_eq!(&after[..4], &before[..]);
    assert_eq!(after[4].1, before[2].1);
    // The kept pairs are added to, not replaced.
    assert_eq!(store.pairs().unwrap().len(), 2);

    // A scope holding part of an entity (a without b) is refused, nothing written.
    let generation = store.generation().unwrap();
    let mut change = ingest(&store, &["f"], &["a", "f"], &[1, 1], "");
    change.scoped = true;
    assert!(store.commit(&change).is_err());
    // So is one leaving out an incoming record.
    let mut change = ingest(&store, &["f"], &["d"], &[1], "");
    change.scoped = true;
    assert!(store.commit(&change).is_err());
    assert_eq!(store.generation().unwrap(), generation);
    assert_eq!(store.records().unwrap().len(), 5);
    assert_eq!(store.pairs().unwrap().len(), 2);
}
