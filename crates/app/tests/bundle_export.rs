//! Issue 14: a bundle's registers are the office's own registers of the months it covers, rendered
//! beside its trail and records; and the store remembers a bundle as sent only once it is on the
//! disk in its place.

use anyqtama_app::registers::render;
use anyqtama_app::start::DemoOptions;
use anyqtama_app::{bundles, progress, RegisterFormat};
use anyqtama_docs::text::DocLang;
use anyqtama_store::exchange;
use anyqtama_store::Store;
use chrono::NaiveDateTime;
use std::collections::BTreeMap;
use std::io::Read;

#[path = "../../store/tests/common/raw.rs"]
mod raw;
use raw::RawSql;

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

fn office(dir: &tempfile::TempDir, years: u32) -> Store {
    let mut store = Store::open(dir.path().join("office.sqlite")).unwrap();
    let opts = DemoOptions {
        cases: 160,
        seed: 11,
        now: at("2026-11-20 17:00"),
        years,
        batch: 80,
    };
    anyqtama_app::start::demo(&mut store, &opts, |_| {}).unwrap();
    store
}

/// The parts of an XLSX that hold its cells (its other parts carry the time it was made).
fn cells(xlsx: &[u8]) -> (String, String) {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
    let mut part = |name: &str| {
        let mut s = String::new();
        z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
        s
    };
    (
        part("xl/worksheets/sheet1.xml"),
        part("xl/sharedStrings.xml"),
    )
}

/// The office's bundle of everything since its last one, to `out`, made by its administrator.
fn export_since(
    store: &mut Store,
    now: NaiveDateTime,
    out: &std::path::Path,
) -> anyqtama_app::Result<bundles::Exported> {
    let session =
        anyqtama_app::start::sign_in(store, "admin", anyqtama_demo::DEMO_PASSWORD, now).unwrap();
    bundles::export(store, Some(&session), now, None, out, &progress::silent())
}

/// The months of the cases decided, as `(year, month)`, by a query of `YYYY-MM` texts.
fn months_of(store: &Store, sql: &str, params: impl rusqlite::Params) -> Vec<(i32, u32)> {
    store
        .connection()
        .prepare(sql)
        .unwrap()
        .query_map(params, |r| r.get::<_, String>(0))
        .unwrap()
        .map(|m| {
            let m = m.unwrap();
            (m[..4].parse().unwrap(), m[5..].parse().unwrap())
        })
        .collect()
}

fn parts(bundle: &std::path::Path) -> BTreeMap<String, Vec<u8>> {
    let mut z = zip::ZipArchive::new(std::fs::File::open(bundle).unwrap()).unwrap();
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).unwrap();
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).unwrap();
            (f.name().unwrap().to_string(), bytes)
        })
        .collect()
}

#[test]
fn a_since_bundle_carries_the_register_of_each_month_it_has_decisions_in() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = office(&dir, 2);
    let now = at("2026-12-01 10:00");
    let out = dir.path().join("since.anyqtama.zip");
    export_since(&mut store, now, &out).unwrap();

    let months = months_of(
        &store,
        "SELECT DISTINCT substr(decided_on, 1, 7) FROM cases WHERE decided_on IS NOT NULL ORDER BY 1",
        [],
    );
    assert!(months.len() > 12, "two years of decisions: {months:?}");
    let parts = parts(&out);
    let registers: Vec<&String> = parts
        .keys()
        .filter(|n| n.starts_with("register-"))
        .collect();
    let expected: Vec<String> = months
        .iter()
        .map(|(y, m)| format!("register-{y}-{m:02}.xlsx"))
        .collect();
    assert_eq!(registers, expected.iter().collect::<Vec<_>>());
    // Each is the month's register as the office prints it, cell by cell.
    for (y, m) in &months {
        let (alone, _) = render(
            &store,
            (*y, *m),
            RegisterFormat::Xlsx,
            DocLang::KkRu,
            now.date(),
        )
        .unwrap();
        let carried = &parts[&format!("register-{y}-{m:02}.xlsx")];
        assert_eq!(cells(carried), cells(&alone), "{y}-{m:02}");
    }
    // The store's own question gives the same months, whether it goes by the events (few since
    // the last export) or month by month (many): for every point of the trail, the months in
    // which a case with a later event was decided.
    let head: i64 = store
        .connection()
        .query_row("SELECT max(seq) FROM audit", [], |r| r.get(0))
        .unwrap();
    let plain = |after: i64| {
        months_of(
            &store,
            "SELECT DISTINCT substr(decided_on, 1, 7) FROM cases WHERE decided_on IS NOT NULL
             AND id IN (SELECT CAST(entity_id AS INTEGER) FROM audit WHERE entity = 'case' AND seq > ?1)
             ORDER BY 1",
            [after],
        )
    };
    assert_eq!(plain(0), months);
    for after in [
        0,
        1,
        head / 3,
        head / 2,
        head - 400,
        head - 20,
        head - 1,
        head,
    ] {
        assert_eq!(
            exchange::register_months(&store, exchange::Period::Since { after }).unwrap(),
            plain(after),
            "after {after} of {head}"
        );
    }
    assert!(plain(head - 400).len() < months.len());
}

#[test]
fn a_bundle_that_could_not_be_put_in_place_is_not_remembered_as_sent() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = office(&dir, 1);
    let now = at("2026-12-01 10:00");
    let sent = |store: &Store| exchange::last_export(store).unwrap();
    assert_eq!(sent(&store), 0);

    // The bundle is written beside its place, but the place is a directory: it cannot be renamed
    // there. Nothing is left, and the next bundle still starts at the first event.
    let place = dir.path().join("taken");
    std::fs::create_dir(&place).unwrap();
    std::fs::write(place.join("inside"), b"x").unwrap();
    let failed = export_since(&mut store, now, &place);
    assert!(failed.is_err());
    assert_eq!(sent(&store), 0);
    assert!(!place.with_extension("partial").exists());

    let out = dir.path().join("since.anyqtama.zip");
    let made = export_since(&mut store, now, &out).unwrap();
    assert_eq!(made.seq_from, Some(1));
    assert_eq!(sent(&store), made.seq_to.unwrap());
}

/// Two "since" exports at once (the window and the command line) read the same cursor; the one
/// that ends last may have read fewer events. The cursor stays at the further one: it never moves
/// back, so no bundle is sent twice over because of the other.
#[test]
fn the_cursor_of_the_last_export_never_moves_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = office(&dir, 1);
    let now = at("2026-12-01 10:00");
    let further = exchange::audit_head(&store).unwrap().0;
    assert!(further > 10);
    let mark = |store: &mut Store, up_to: i64, file: &str| {
        exchange::mark_exported(
            store,
            up_to,
            &anyqtama_store::Actor::command_line(),
            now,
            file,
        )
        .unwrap()
    };
    mark(&mut store, further, "b");
    mark(&mut store, further - 10, "a");
    assert_eq!(exchange::last_export(&store).unwrap(), further);
    // And forward as before.
    mark(&mut store, further + 1, "c");
    assert_eq!(exchange::last_export(&store).unwrap(), further + 1);
}

/// The registers a bundle of many months carries read their joins once
/// (`records::RegisterTerms`); each month's rows are those the office's register reads month by
/// month, whatever the day they are read on, and where a case has two extensions.
#[test]
fn registers_read_for_many_months_are_those_read_month_by_month() {
    use anyqtama_store::records::{register_each, RegisterTerms};
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("office.sqlite")).unwrap();
    let opts = DemoOptions {
        cases: 600,
        seed: 5,
        now: at("2026-11-20 17:00"),
        years: 3,
        batch: 200,
    };
    anyqtama_app::start::demo(&mut store, &opts, |_| {}).unwrap();
    let months = months_of(
        &store,
        "SELECT DISTINCT substr(d, 1, 7) FROM (SELECT decided_on AS d FROM cases WHERE decided_on IS NOT NULL
         UNION SELECT registered_on FROM cases UNION SELECT revoked_on FROM revocations) ORDER BY 1",
        [],
    );
    let json =
        |rows: &Vec<anyqtama_store::records::RegisterRecord>| serde_json::to_value(rows).unwrap();
    let compare = |store: &Store, today: chrono::NaiveDate| {
        let terms = RegisterTerms::read(store, today).unwrap();
        let mut seen = BTreeMap::new();
        for &(y, m) in &months {
            let first = chrono::NaiveDate::from_ymd_opt(y, m, 1).unwrap();
            let next = first.checked_add_months(chrono::Months::new(1)).unwrap();
            let (mut plain, mut joined) = (Vec::new(), Vec::new());
            register_each::<anyqtama_store::StoreError>(store, first, next, today, &mut |r| {
                plain.push(r);
                Ok(())
            })
            .unwrap();
            terms
                .each::<anyqtama_store::StoreError>(store, first, next, &mut |r| {
                    joined.push(r);
                    Ok(())
                })
                .unwrap();
            assert_eq!(json(&joined), json(&plain), "{y}-{m:02} as of {today}");
            for r in &plain {
                *seen.entry((r.event.clone(), r.status.clone())).or_insert(0) += 1;
            }
        }
        seen
    };
    let seen = compare(&store, at("2026-12-01 10:00").date());
    // The demo's three years have every kind of row the register shows.
    for event in [
        "issued",
        "extended",
        "reissued",
        "duplicate",
        "refused",
        "not_accepted",
        "revoked",
    ] {
        assert!(
            seen.keys().any(|(e, _)| e == event),
            "no {event} row: {seen:?}"
        );
    }
    assert!(seen.keys().any(|(_, s)| s == "expired"), "{seen:?}");
    // Years later, every certificate has expired.
    let later = compare(&store, at("2031-01-01 10:00").date());
    assert!(!later.keys().any(|(_, s)| s == "valid"), "{later:?}");
    // A case with two extensions (the query's join gives a row each).
    let c = store.connection();
    let n = c
        .execute(
            "INSERT INTO extensions (certificate_id, case_id, employer_name, employer_bin, contract_from, contract_to,
                                     previous_valid_to, valid_from, valid_to)
             SELECT certificate_id, case_id, employer_name, employer_bin, contract_from, contract_to,
                    previous_valid_to, valid_from, date(valid_to, '+1 month')
             FROM extensions WHERE id = (SELECT min(id) FROM extensions)",
            [],
        )
        .unwrap();
    assert_eq!(n, 1);
    drop(c);
    compare(&store, at("2026-12-01 10:00").date());
}
