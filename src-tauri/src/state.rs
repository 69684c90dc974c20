//! The window's state (the open store, the signed-in user, the store's lock) and the one place
//! where errors become sentences in the user's language.

use crate::dialogs::Dialogs;
use anyqtama_app::AppError;
use anyqtama_i18n::{Lang, Messages};
use anyqtama_store::{Law, Session, Store, StoreError, Writer};
use serde::Serialize;
use std::fs::File;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

pub struct AppState {
    /// Rule sets, calendar and lists, parsed once for the window's lifetime.
    pub law: Arc<Law>,
    pub path: PathBuf,
    pub store: Mutex<Option<Store>>,
    pub session: Mutex<Option<Session>>,
    /// Held for the window's lifetime: a second window on the same store is refused (the lock is
    /// an OS file lock, released even if the program is killed). `None`: another window has it;
    /// taken as soon as that window closes.
    pub lock: Mutex<Option<File>>,
    pub dialogs: Dialogs,
}

/// An error as the window shows it: a sentence, and the field it belongs next to when there is one.
#[derive(Debug, Serialize)]
pub struct Fail {
    pub message: String,
    pub field: Option<String>,
}

pub type Res<T> = Result<T, Fail>;

pub fn lang(code: &str) -> Lang {
    Lang::parse(code).unwrap_or(Lang::Kk)
}

/// The clock, read here and passed down (`anyqtama_app::clock`: tests pin it with
/// `ANYQTAMA_TEST_NOW` in debug builds only).
pub fn now() -> chrono::NaiveDateTime {
    anyqtama_app::clock::now()
}

pub fn pinned_now() -> Option<chrono::NaiveDateTime> {
    anyqtama_app::clock::pinned()
}

impl Fail {
    pub fn new(code: &str, id: &str, args: &[(&str, String)]) -> Fail {
        Fail {
            message: Messages::new(lang(code)).get(id, args),
            field: None,
        }
    }

    pub fn app(e: AppError, code: &str) -> Fail {
        match e {
            AppError::Store(s) => Fail::store(s, code),
            e => Fail {
                message: Messages::new(lang(code)).get(&format!("error-{}", e.code()), &e.args()),
                field: None,
            },
        }
    }

    pub fn store(e: StoreError, code: &str) -> Fail {
        let m = Messages::new(lang(code));
        match &e {
            StoreError::Rules(r) => Fail {
                message: m.rules_error(r),
                field: match r {
                    anyqtama_rules::RulesError::PeriodAfterRegistration { .. }
                    | anyqtama_rules::RulesError::DateTooEarly(..) => Some("periods".into()),
                    _ => None,
                },
            },
            StoreError::Invalid { field, detail } => Fail {
                message: m.invalid_field(field, detail),
                field: Some(field.to_string()),
            },
            StoreError::IncompleteDocuments { .. } => Fail {
                message: m.get(&format!("error-{}", e.code()), &e.args()),
                field: Some("documents".into()),
            },
            StoreError::ReasonRequired => Fail {
                message: m.get(&format!("error-{}", e.code()), &e.args()),
                field: Some("reason".into()),
            },
            StoreError::GroundRequired | StoreError::GroundNotApplicable { .. } => Fail {
                message: m.get(&format!("error-{}", e.code()), &e.args()),
                field: Some("grounds".into()),
            },
            StoreError::GroundsHold { .. } => Fail {
                message: m.get(&format!("error-{}", e.code()), &e.args()),
                field: Some("outcome".into()),
            },
            StoreError::DecisionAgainstFindings { .. } => Fail {
                message: m.get(&format!("error-{}", e.code()), &e.args()),
                field: Some("decision".into()),
            },
            _ => Fail {
                message: m.get(&format!("error-{}", e.code()), &e.args()),
                field: None,
            },
        }
    }

    pub fn rules(e: anyqtama_rules::RulesError, code: &str) -> Fail {
        Fail::store(StoreError::Rules(e), code)
    }

    /// A date or other input the window itself could not read, shown next to `field`.
    pub fn field(code: &str, field: &str, e: anyqtama_rules::RulesError) -> Fail {
        Fail {
            field: Some(field.to_string()),
            ..Fail::rules(e, code)
        }
    }
}

impl AppState {
    /// Whether this window holds the store, taking it when another window has let it go.
    pub fn holds_store(&self) -> bool {
        let mut lock = self.lock.lock().expect("not poisoned");
        if lock.is_none() {
            *lock = crate::lock(&self.path);
        }
        lock.is_some()
    }

    fn guard(&self, code: &str) -> Res<MutexGuard<'_, Option<Store>>> {
        if !self.holds_store() {
            return Err(Fail::new(
                code,
                "error-store-in-use",
                &[("path", self.path.display().to_string())],
            ));
        }
        Ok(self.store.lock().expect("not poisoned"))
    }

    pub fn session(&self, code: &str) -> Res<Session> {
        self.session
            .lock()
            .expect("not poisoned")
            .clone()
            .ok_or_else(|| Fail::new(code, "error-signed-out", &[]))
    }

    /// The open store, opened on first use.
    pub fn open(&self, code: &str) -> Res<MutexGuard<'_, Option<Store>>> {
        let mut guard = self.guard(code)?;
        if guard.is_none() {
            *guard = Some(
                Store::open_with(&self.path, self.law.clone()).map_err(|e| Fail::store(e, code))?,
            );
        }
        Ok(guard)
    }

    /// Reads as the signed-in user.
    pub fn read<T>(
        &self,
        code: &str,
        f: impl FnOnce(&Store, &Session) -> Result<T, AppError>,
    ) -> Res<T> {
        let session = self.session(code)?;
        let guard = self.open(code)?;
        f(guard.as_ref().expect("opened"), &session).map_err(|e| Fail::app(e, code))
    }

    /// Works on the store as the signed-in user (prints and backups, which record themselves).
    pub fn with_mut<T>(
        &self,
        code: &str,
        f: impl FnOnce(&mut Store, &Session) -> Result<T, AppError>,
    ) -> Res<T> {
        let session = self.session(code)?;
        let mut guard = self.open(code)?;
        f(guard.as_mut().expect("opened"), &session).map_err(|e| Fail::app(e, code))
    }

    /// One change, in one transaction, as the signed-in user: roles and the case's state are
    /// checked by the store, not here.
    pub fn write<T>(
        &self,
        code: &str,
        f: impl FnOnce(&mut Writer<'_>) -> Result<T, StoreError>,
    ) -> Res<T> {
        let session = self.session(code)?;
        let mut guard = self.open(code)?;
        guard
            .as_mut()
            .expect("opened")
            .write(&session, now(), f)
            .map_err(|e| Fail::store(e, code))
    }

    /// The law in force: the open store's (with the administrator's changes), else the shipped one.
    pub fn law_now(&self) -> Arc<Law> {
        match self
            .store
            .lock()
            .ok()
            .and_then(|g| g.as_ref().map(|s| s.law_arc()))
        {
            Some(law) => law,
            None => self.law.clone(),
        }
    }

    /// Changes the law as data and applies it at once.
    pub fn write_law(
        &self,
        code: &str,
        f: impl FnOnce(&mut Writer<'_>) -> Result<(), StoreError>,
    ) -> Res<()> {
        self.write(code, f)?;
        let mut guard = self.open(code)?;
        guard
            .as_mut()
            .expect("opened")
            .reload_law()
            .map_err(|e| Fail::store(e, code))
    }

    /// Forgets the open store (after a restore, or to open a demo into a fresh file).
    pub fn close(&self) {
        if let Ok(mut g) = self.store.lock() {
            *g = None;
        }
        *self.session.lock().expect("not poisoned") = None;
    }
}
