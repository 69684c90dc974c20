//! The trail's record of every row (issue 12, item 4): each audit event carries the digest of every
//! row of the office's tables that its transaction changed, so that `verify` can replay the trail
//! to the state it says the tables are in and compare it with the tables, naming any row inserted,
//! changed or deleted outside the program (table, row, field).
//!
//! - The program's own connection notes each row it touches in a TEMP table, through TEMP triggers
//!   made when the store is opened ([`watch`]). A TEMP trigger lives only on that connection: an
//!   edit made with the `sqlite3` shell or any other program leaves no note, and no digest.
//! - Appending an event takes the notes ([`take`]): for each row, a digest over its table, key and
//!   every column (16 hex digits), and a 4-hex tag per column, so a difference names its field; a
//!   deleted row is recorded as such. The list is part of the event's hash (`audit.rows`).
//! - A store from before this record gets one `row_baseline` event with every row, the first time
//!   this program opens it ([`baseline_if_needed`]).
//!
//! Not recorded: the trail and `meta` themselves (the chain covers them), the search index (made
//! from the cases), a higher office's consolidated tables (each import is checked against the
//! office's own trail instead), a user's interface language (a preference, not audited), and the count of wrong passwords
//! (the lockout it leads to is an event).

use crate::error::Result;
use rusqlite::types::ValueRef;
use rusqlite::Connection;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// Columns left out of the record: set without an event.
const UNRECORDED: &[(&str, &str)] = &[("users", "lang")];

/// A table the record covers: its name, primary-key columns and all columns in order.
pub(crate) struct Table {
    pub name: String,
    pk: Vec<String>,
    columns: Vec<String>,
}

impl Table {
    /// The SQL expression of a row's key (the same in triggers and in verify's scan).
    fn key_sql(&self, prefix: &str) -> String {
        let cols: Vec<String> = self.pk.iter().map(|c| format!("{prefix}\"{c}\"")).collect();
        format!("json_array({})", cols.join(", "))
    }

    fn recorded(&self, column: &str) -> bool {
        !UNRECORDED.contains(&(self.name.as_str(), column))
    }
}

fn covered(name: &str) -> bool {
    !(name == "audit"
        || name == "meta"
        || name.starts_with("sqlite_")
        || name == "sign_in_failures"
        || name.starts_with("case_search")
        || name.starts_with("hq_"))
}

/// The tables the record covers, by name: read from the schema once per process (every store a
/// process opens is brought to the one schema this program writes).
pub(crate) fn tables(conn: &Connection) -> Result<&'static [Table]> {
    static TABLES: std::sync::OnceLock<Vec<Table>> = std::sync::OnceLock::new();
    if let Some(t) = TABLES.get() {
        return Ok(t);
    }
    let read = read_tables(conn)?;
    Ok(TABLES.get_or_init(|| read))
}

fn read_tables(conn: &Connection) -> Result<Vec<Table>> {
    let names: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::new();
    for name in names.into_iter().filter(|n| covered(n)) {
        let mut info: Vec<(i64, String, i64)> = conn
            .prepare(&format!(
                "SELECT cid, name, pk FROM pragma_table_info('{name}')"
            ))?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        info.sort();
        let columns = info.iter().map(|(_, c, _)| c.clone()).collect();
        let mut pk: Vec<(i64, String)> = info
            .iter()
            .filter(|(_, _, p)| *p > 0)
            .map(|(_, c, p)| (*p, c.clone()))
            .collect();
        pk.sort();
        let pk: Vec<String> = if pk.is_empty() {
            vec!["rowid".into()]
        } else {
            pk.into_iter().map(|(_, c)| c).collect()
        };
        out.push(Table { name, pk, columns });
    }
    Ok(out)
}

/// Makes this connection note every row it inserts, updates or deletes in a covered table.
pub(crate) fn watch(conn: &Connection) -> Result<()> {
    let mut sql = String::from(
        // No unique key: a trigger's own conflict clause gives way to its statement's (an upsert
        // would turn OR IGNORE into a failure), so duplicates are kept and read once.
        "CREATE TEMP TABLE IF NOT EXISTS touched (tbl TEXT NOT NULL, key TEXT NOT NULL);\n",
    );
    for t in tables(conn)? {
        let new = t.key_sql("NEW.");
        let old = t.key_sql("OLD.");
        let n = &t.name;
        sql.push_str(&format!(
            "CREATE TEMP TRIGGER IF NOT EXISTS \"touch_{n}_i\" AFTER INSERT ON main.\"{n}\" BEGIN
               INSERT INTO temp.touched VALUES ('{n}', {new}); END;
             CREATE TEMP TRIGGER IF NOT EXISTS \"touch_{n}_u\" AFTER UPDATE ON main.\"{n}\" BEGIN
               INSERT INTO temp.touched VALUES ('{n}', {old});
               INSERT INTO temp.touched VALUES ('{n}', {new}); END;
             CREATE TEMP TRIGGER IF NOT EXISTS \"touch_{n}_d\" AFTER DELETE ON main.\"{n}\" BEGIN
               INSERT INTO temp.touched VALUES ('{n}', {old}); END;\n"
        ));
    }
    conn.execute_batch(&sql)?;
    Ok(())
}

/// A row's digest (16 hex) and its columns' tags (4 hex each), from its values in column order.
fn digest(
    table: &Table,
    key: &str,
    row: &rusqlite::Row<'_>,
    from: usize,
) -> Result<(String, String)> {
    let mut whole = Sha256::new();
    whole.update(table.name.as_bytes());
    whole.update([0]);
    whole.update(key.as_bytes());
    let mut tags = String::new();
    for (i, column) in table.columns.iter().enumerate() {
        if !table.recorded(column) {
            continue;
        }
        let mut one = Sha256::new();
        let (kind, bytes): (u8, Vec<u8>) = match row.get_ref(from + i)? {
            ValueRef::Null => (0, vec![]),
            ValueRef::Integer(v) => (1, v.to_string().into_bytes()),
            ValueRef::Real(v) => (2, v.to_string().into_bytes()),
            ValueRef::Text(v) => (3, v.to_vec()),
            ValueRef::Blob(v) => (4, v.to_vec()),
        };
        for h in [&mut whole, &mut one] {
            h.update([0]);
            h.update(column.as_bytes());
            h.update([0, kind]);
            h.update((bytes.len() as u64).to_le_bytes());
            h.update(&bytes);
        }
        tags.push_str(&hex::encode(&one.finalize()[..2]));
    }
    Ok((hex::encode(&whole.finalize()[..8]), tags))
}

/// One row as the record holds it: `[table, key, digest, tags]`, digest and tags null when deleted.
type Record = (String, String, Option<String>, Option<String>);

fn records_of(conn: &Connection, wanted: &[(String, String)]) -> Result<Vec<Record>> {
    let tables = tables(conn)?;
    let mut out = Vec::with_capacity(wanted.len());
    for (name, key) in wanted {
        let Some(t) = tables.iter().find(|t| &t.name == name) else {
            continue;
        };
        let cond: Vec<String> =
            t.pk.iter()
                .enumerate()
                .map(|(i, c)| format!("\"{c}\" IS json_extract(?1, '$[{i}]')"))
                .collect();
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT * FROM main.\"{}\" WHERE {}",
            t.name,
            cond.join(" AND ")
        ))?;
        let mut rows = stmt.query([key])?;
        let record = match rows.next()? {
            Some(r) => {
                let (d, tags) = digest(t, key, r, 0)?;
                (name.clone(), key.clone(), Some(d), Some(tags))
            }
            None => (name.clone(), key.clone(), None, None),
        };
        out.push(record);
    }
    Ok(out)
}

/// The rows this connection touched since the last event, as the record of the event about to be
/// appended (JSON), and the notes cleared. `None` when it touched none.
pub(crate) fn take(conn: &Connection) -> Result<Option<String>> {
    let exists: bool = conn.query_row(
        "SELECT count(*) FROM temp.sqlite_master WHERE name = 'touched'",
        [],
        |r| r.get::<_, i64>(0).map(|n| n > 0),
    )?;
    if !exists {
        return Ok(None);
    }
    let wanted: Vec<(String, String)> = conn
        .prepare_cached("SELECT DISTINCT tbl, key FROM temp.touched ORDER BY tbl, key")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    if wanted.is_empty() {
        return Ok(None);
    }
    conn.execute("DELETE FROM temp.touched", [])?;
    let records = records_of(conn, &wanted)?;
    Ok(Some(serde_json::to_string(&records).expect("serialisable")))
}

/// Whether rows were touched since the last event (a transaction about to commit records them).
pub(crate) fn pending(conn: &Connection) -> Result<bool> {
    Ok(conn
        .query_row("SELECT count(*) FROM temp.touched", [], |r| {
            r.get::<_, i64>(0)
        })
        .unwrap_or(0)
        > 0)
}

/// Calls `f` with every row of a covered table as it is now: its key, digest and tags.
fn each_row(
    conn: &Connection,
    t: &Table,
    mut f: impl FnMut(String, String, String) -> Result<()>,
) -> Result<()> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {}, * FROM main.\"{}\" ORDER BY 1",
        t.key_sql(""),
        t.name
    ))?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let key: String = r.get(0)?;
        let (d, tags) = digest(t, &key, r, 1)?;
        f(key, d, tags)?;
    }
    Ok(())
}

/// Every row of every covered table, as one record (the baseline of a store from before).
fn everything(conn: &Connection) -> Result<Option<String>> {
    let mut records: Vec<Record> = Vec::new();
    for t in tables(conn)? {
        each_row(conn, t, |key, d, tags| {
            records.push((t.name.clone(), key, Some(d), Some(tags)));
            Ok(())
        })?;
    }
    Ok((!records.is_empty()).then(|| serde_json::to_string(&records).expect("serialisable")))
}

/// In a store whose trail has events but no record of rows yet (made by an older program), one
/// `row_baseline` event records every row as it is now. Once any event carries the record, never
/// again: a later baseline would bless an outside edit.
/// Whether the store has events but none with a record of rows yet (a store from before).
pub(crate) fn needs_baseline(conn: &Connection) -> Result<bool> {
    let events: bool = conn.query_row("SELECT EXISTS (SELECT 1 FROM audit)", [], |r| r.get(0))?;
    if !events {
        return Ok(false);
    }
    let recorded: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM audit WHERE rows IS NOT NULL)",
        [],
        |r| r.get(0),
    )?;
    Ok(!recorded)
}

pub(crate) fn baseline_if_needed(conn: &Connection) -> Result<()> {
    if !needs_baseline(conn)? {
        return Ok(());
    }
    let tx = rusqlite::Transaction::new_unchecked(conn, rusqlite::TransactionBehavior::Immediate)?;
    conn.execute("DELETE FROM temp.touched", [])?;
    // Dated as the trail's last event (the store reads no clock).
    let at: String = tx.query_row("SELECT at FROM audit ORDER BY seq DESC LIMIT 1", [], |r| {
        r.get(0)
    })?;
    let now = chrono::NaiveDateTime::parse_from_str(&at, "%Y-%m-%dT%H:%M:%S").unwrap_or_default();
    let actor = crate::audit::Actor {
        user_id: None,
        login: "system".into(),
        role: "system".into(),
    };
    crate::audit::append_with_rows(
        &tx,
        &actor,
        crate::audit::Event {
            at: now,
            action: "row_baseline",
            entity: "store",
            entity_id: String::new(),
            before: None,
            after: None,
        },
        None,
        everything(&tx)?,
    )?;
    tx.commit()?;
    Ok(())
}

/// What the trail says the covered tables hold: for each (table, key), the digest and tags of the
/// row as the last event recorded it, or `None` when it recorded its deletion.
type Expected = BTreeMap<(String, String), Option<(String, String)>>;

fn expected(conn: &Connection) -> Result<Option<Expected>> {
    let mut stmt =
        conn.prepare("SELECT seq, rows FROM audit WHERE rows IS NOT NULL ORDER BY seq")?;
    let mut rows = stmt.query([])?;
    let mut out = Expected::new();
    let mut any = false;
    while let Some(r) = rows.next()? {
        any = true;
        let seq: i64 = r.get(0)?;
        let list: Vec<Record> = serde_json::from_str(&r.get::<_, String>(1)?).map_err(|_| {
            crate::StoreError::TableDiffers {
                table: "audit".into(),
                row: seq.to_string(),
                column: "rows".into(),
            }
        })?;
        for (t, k, d, tags) in list {
            out.insert((t, k), d.zip(tags));
        }
    }
    Ok(any.then_some(out))
}

/// The key as a person reads it: `7` for `[7]`, `3, head` for `[3,"head"]`.
fn shown(key: &str) -> String {
    serde_json::from_str::<Vec<serde_json::Value>>(key)
        .map(|v| {
            v.iter()
                .map(|x| {
                    x.as_str()
                        .map(str::to_string)
                        .unwrap_or_else(|| x.to_string())
                })
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_else(|_| key.to_string())
}

/// Replays the trail's record of rows and holds every covered table against it; the first row
/// inserted, changed or deleted outside the program is named with its table, key and field.
pub(crate) fn tables_match_the_trail(conn: &Connection) -> Result<()> {
    let Some(mut expected) = expected(conn)? else {
        return Ok(());
    };
    let differs = |table: &str, key: &str, field: &str| crate::StoreError::TableDiffers {
        table: table.to_string(),
        row: shown(key),
        column: field.to_string(),
    };
    for t in tables(conn)? {
        each_row(conn, t, |key, d, tags| {
            match expected.remove(&(t.name.clone(), key.clone())) {
                Some(Some((want, _))) if want == d => {}
                Some(Some((_, want_tags))) => {
                    // The field whose tag differs (all of them equal: a change the tags missed).
                    let recorded: Vec<&String> =
                        t.columns.iter().filter(|c| t.recorded(c)).collect();
                    let field = (0..recorded.len())
                        .find(|i| tags.get(i * 4..i * 4 + 4) != want_tags.get(i * 4..i * 4 + 4))
                        .map(|i| recorded[i].as_str())
                        .unwrap_or("row");
                    return Err(differs(&t.name, &key, field));
                }
                // Inserted outside the program, or back after the trail deleted it.
                Some(None) | None => return Err(differs(&t.name, &key, "row")),
            }
            Ok(())
        })?;
    }
    // A row the trail holds that the table no longer does.
    if let Some(((table, key), _)) = expected.into_iter().find(|(_, v)| v.is_some()) {
        return Err(differs(&table, &key, "deleted"));
    }
    Ok(())
}
