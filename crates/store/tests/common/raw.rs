//! Shared by the store's and the sync crate's tests (`#[path]`-included there).

/// The store's file opened a second time, for tests that look at or tamper with it in SQL (the
/// program itself has no way to: `Store` keeps its connection to itself).
pub trait RawSql {
    fn connection(&self) -> rusqlite::Connection;
}

impl RawSql for anyqtama_store::Store {
    fn connection(&self) -> rusqlite::Connection {
        let c = rusqlite::Connection::open(self.path()).expect("the store's file opens");
        c.busy_timeout(std::time::Duration::from_secs(5))
            .expect("busy timeout");
        c
    }
}
