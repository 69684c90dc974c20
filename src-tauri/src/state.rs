//! The window's state (the open store, the signed-in user, the store's lock) and the one place
//! where errors become sentences in the user's language.

use crate::dialogs::Dialogs;
use anyqtama_app::AppError;
use anyqtama_i18n::{Lang, Messages};
use anyqtama_store::{Law, Session, Store};
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

/// An error as the window shows it: a sentence in the user's language, and the field it belongs
/// next to (worded once, by `anyqtama_app::explain`).
pub type Fail = anyqtama_app::explain::Message;

pub type Res<T> = Result<T, Fail>;

pub fn lang(code: &str) -> Lang {
    Lang::parse(code).unwrap_or(Lang::Kk)
}

/// The clock, read here and passed down (`anyqtama_app::clock`: tests pin it with
/// `ANYQTAMA_TEST_NOW` in debug builds only).
pub fn now() -> chrono::NaiveDateTime {
    anyqtama_app::clock::now()
}

/// Progress of a long task, sent to the window as `progress` events (its bar listens).
pub fn reporter(app: &tauri::AppHandle) -> anyqtama_app::progress::Reporter {
    use tauri::Emitter;
    let app = app.clone();
    std::sync::Arc::new(move |p| {
        let _ = app.emit("progress", p);
    })
}

/// An app error in the window's language.
pub fn fail(e: impl Into<AppError>, code: &str) -> Fail {
    let e = e.into();
    // The code only: the sentence and its arguments may hold a name or a passport number.
    tracing::warn!("refused: {}", e.code());
    anyqtama_app::explain::explain(&e, lang(code))
}

/// A message of the shell's own (the store held by another window, nobody signed in).
pub fn say(code: &str, id: &str, args: &[(&str, String)]) -> Fail {
    Fail {
        message: Messages::new(lang(code)).get(id, args),
        field: None,
        also: vec![],
    }
}

impl AppState {
    /// Whether this window holds the store, taking it when another window has let it go.
    pub fn holds_store(&self) -> bool {
        let mut lock = self.lock.lock().expect("not poisoned");
        if lock.is_none() {
            *lock = anyqtama_store::hold(&self.path);
        }
        lock.is_some()
    }

    fn guard(&self, code: &str) -> Res<MutexGuard<'_, Option<Store>>> {
        if !self.holds_store() {
            return Err(say(
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
            .ok_or_else(|| say(code, "error-signed-out", &[]))
    }

    /// The open store, opened on first use.
    pub fn open(&self, code: &str) -> Res<MutexGuard<'_, Option<Store>>> {
        let mut guard = self.guard(code)?;
        if guard.is_none() {
            *guard =
                Some(Store::open_with(&self.path, self.law.clone()).map_err(|e| fail(e, code))?);
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
        f(guard.as_ref().expect("opened"), &session).map_err(|e| fail(e, code))
    }

    /// Works on the store as the signed-in user (prints and backups, which record themselves).
    pub fn with_mut<T>(
        &self,
        code: &str,
        f: impl FnOnce(&mut Store, &Session) -> Result<T, AppError>,
    ) -> Res<T> {
        let session = self.session(code)?;
        let mut guard = self.open(code)?;
        f(guard.as_mut().expect("opened"), &session).map_err(|e| fail(e, code))
    }

    /// The open store without a session (the first screen, setup, signing in).
    pub fn store<T>(
        &self,
        code: &str,
        f: impl FnOnce(&mut Store) -> Result<T, AppError>,
    ) -> Res<T> {
        let mut guard = self.open(code)?;
        f(guard.as_mut().expect("opened")).map_err(|e| fail(e, code))
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

    /// Forgets the open store (after a restore, or to open a demo into a fresh file).
    pub fn close(&self) {
        if let Ok(mut g) = self.store.lock() {
            *g = None;
        }
        *self.session.lock().expect("not poisoned") = None;
    }
}

/// A window command that is one call into `anyqtama_app` as the signed-in user: `read` for a page
/// of data, `with_mut` for an action. The command's arguments come from the window by name; every
/// command also takes the window's language, for its refusals.
macro_rules! command {
    ($(#[$m:meta])* $via:ident $name:ident($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty,
     |$s:pat_param, $who:pat_param| $body:expr) => {
        $(#[$m])*
        #[tauri::command]
        pub fn $name(
            state: tauri::State<'_, $crate::state::AppState>,
            $($arg: $ty,)*
            lang: String,
        ) -> $crate::state::Res<$ret> {
            state.$via(&lang, |$s, $who| $body)
        }
    };
}
pub(crate) use command;
