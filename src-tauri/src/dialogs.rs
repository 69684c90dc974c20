//! Native file dialogs and the system viewer, with a seam for the end-to-end tests.
//!
//! WebDriver cannot drive a GTK file chooser, so when `ANYQTAMA_TEST_DIALOGS` names a folder the
//! dialogs answer from it instead: a save dialog answers `<folder>/<suggested name>`, an open dialog
//! answers the path written in `<folder>/next-open` (and consumes it; no file means "cancelled"),
//! and "open in the viewer" appends the path to `<folder>/opened.txt`. Everything after the answer
//! (reading the scan, writing the PDF) is the real code path.

use std::io::Write;
use std::path::{Path, PathBuf};
use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

pub enum Dialogs {
    Native,
    Test(PathBuf),
}

/// Extensions offered by a dialog, with the filter's name.
pub type Filter<'a> = (&'a str, &'a [&'a str]);

impl Dialogs {
    pub fn from_env() -> Dialogs {
        match std::env::var_os("ANYQTAMA_TEST_DIALOGS") {
            Some(dir) => Dialogs::Test(PathBuf::from(dir)),
            None => Dialogs::Native,
        }
    }

    /// Asks for a file to read. Must not be called on the main thread (commands using it are async).
    pub fn open<R: Runtime>(&self, app: &AppHandle<R>, filter: Filter<'_>) -> Option<PathBuf> {
        match self {
            Dialogs::Native => app
                .dialog()
                .file()
                .add_filter(filter.0, filter.1)
                .blocking_pick_file()
                .and_then(|p| p.into_path().ok()),
            Dialogs::Test(dir) => {
                let answer = dir.join("next-open");
                let path = std::fs::read_to_string(&answer).ok()?;
                let _ = std::fs::remove_file(&answer);
                Some(PathBuf::from(path.trim()))
            }
        }
    }

    /// Asks where to save, suggesting a file name.
    pub fn save<R: Runtime>(
        &self,
        app: &AppHandle<R>,
        suggested: &str,
        filter: Filter<'_>,
    ) -> Option<PathBuf> {
        match self {
            Dialogs::Native => app
                .dialog()
                .file()
                .add_filter(filter.0, filter.1)
                .set_file_name(suggested)
                .blocking_save_file()
                .and_then(|p| p.into_path().ok()),
            Dialogs::Test(dir) => Some(dir.join(suggested)),
        }
    }

    /// The system's print dialog for the window; under test, a line in `printed.txt` instead (a
    /// GTK print dialog cannot be driven).
    pub fn print<R: Runtime>(&self, window: &tauri::WebviewWindow<R>) -> Result<(), String> {
        match self {
            Dialogs::Native => window.print().map_err(|e| e.to_string()),
            Dialogs::Test(dir) => note(dir, "printed.txt", window.label()),
        }
    }

    /// Opens a saved file in the system's viewer (a PDF viewer prints reliably; WebKitGTK does not);
    /// under test, a line in `opened.txt`.
    pub fn show(&self, path: &Path) -> Result<(), String> {
        match self {
            Dialogs::Native => {
                tauri_plugin_opener::open_path(path.display().to_string(), None::<&str>)
                    .map_err(|e| e.to_string())
            }
            Dialogs::Test(dir) => note(dir, "opened.txt", &path.display().to_string()),
        }
    }
}

/// The test seam's record of what the window asked of the system: a line appended to `file`.
fn note(dir: &Path, file: &str, line: &str) -> Result<(), String> {
    let mut log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join(file))
        .map_err(|e| e.to_string())?;
    writeln!(log, "{line}").map_err(|e| e.to_string())
}
