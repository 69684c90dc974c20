//! Anyqtama desktop shell: adapts window commands to the library crates and nothing more. Each
//! command calls one store or app function and turns its error into a message in the user's
//! language ([`state::Fail`]); no rule of the law is decided here.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod admin;
mod cases;
mod dialogs;
mod documents;
mod start;
mod state;
mod sync;

use anyqtama_store::Law;
use state::AppState;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

fn main() {
    // Without a display GTK would end the process with a backtrace: a sentence instead.
    #[cfg(target_os = "linux")]
    if let Some(m) = anyqtama_app::start::no_display(|v| std::env::var(v).ok()) {
        eprintln!("anyqtama-desktop: {m}");
        std::process::exit(1);
    }
    // ANYQTAMA_DB chooses the store (tests use a fresh file); otherwise the application's data folder.
    let path = std::env::var_os("ANYQTAMA_DB")
        .map(PathBuf::from)
        .unwrap_or_else(anyqtama_store::default_path);
    let lock = anyqtama_store::hold(&path);
    // A panic goes into the log by where it happened (its message may hold what was typed).
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if let Some(at) = info.location() {
            tracing::error!("panic at {}:{}", at.file(), at.line());
        }
        default_hook(info);
    }));
    tauri::Builder::default()
        // First, so a second launch is handed over before anything else is set up.
        .plugin(
            tauri_plugin_single_instance::Builder::new()
                .dbus_id(anyqtama_app::office::instance_id(&path))
                .callback(|app, _argv, _cwd| bring_forward(app))
                .build(),
        )
        .plugin(
            tauri_plugin_window_state::Builder::new()
                // An absolute name: the plugin joins it to its folder, so it lands beside the store.
                .with_filename(anyqtama_app::office::window_state_file(&path).to_string_lossy())
                .with_state_flags(
                    tauri_plugin_window_state::StateFlags::SIZE
                        | tauri_plugin_window_state::StateFlags::POSITION
                        | tauri_plugin_window_state::StateFlags::MAXIMIZED,
                )
                .build(),
        )
        .plugin(
            tauri_plugin_log::Builder::new()
                .clear_targets()
                .target(tauri_plugin_log::Target::new(
                    tauri_plugin_log::TargetKind::Folder {
                        path: anyqtama_app::office::log_dir(&path),
                        file_name: Some("anyqtama".into()),
                    },
                ))
                .level(tauri_plugin_log::log::LevelFilter::Info)
                // Only the program's own lines: WebKit's and the libraries' chatter stays out.
                .filter(|m| m.target().starts_with("anyqtama"))
                .max_file_size(LOG_FILE_BYTES)
                .rotation_strategy(tauri_plugin_log::RotationStrategy::KeepSome(LOG_FILES))
                .build(),
        )
        .plugin(tauri_plugin_dialog::init())
        .manage(AppState {
            law: Arc::new(Law::embedded()),
            path,
            store: Mutex::new(None),
            session: Mutex::new(None),
            lock: Mutex::new(lock),
            dialogs: dialogs::Dialogs::from_env(),
        })
        .manage(sync::Pending::default())
        .setup(|app| {
            #[cfg(unix)]
            end_on_sigterm(app.handle().clone());
            tracing::info!(
                "started: version {}, schema {}, {} {}",
                env!("CARGO_PKG_VERSION"),
                anyqtama_store::SCHEMA_VERSION,
                std::env::consts::OS,
                std::env::consts::ARCH
            );
            Ok(())
        })
        .invoke_handler(logged(tauri::generate_handler![
            start::app_info,
            start::store_status,
            start::setup,
            start::setup_higher_office,
            start::open_demo,
            start::sign_in,
            start::sign_out,
            start::set_lang,
            start::dashboard,
            start::search,
            start::agenda,
            cases::checklist,
            cases::professions,
            cases::find_certificate,
            cases::new_application,
            cases::case_page,
            cases::attach_scan,
            cases::send_to_commission,
            cases::sittings,
            cases::create_sitting,
            cases::points,
            cases::record_assessment,
            cases::decide,
            cases::revoke,
            cases::record_notification,
            cases::register_complaint,
            cases::resolve_complaint,
            documents::print,
            documents::print_decided,
            documents::view_document,
            documents::view_decided,
            documents::print_window,
            documents::register_preview,
            documents::save_register,
            documents::save_attachment,
            admin::settings,
            admin::update_office,
            admin::set_hours,
            admin::set_numbering,
            admin::add_member,
            admin::set_rule_set_date,
            admin::add_calendar_transfer,
            admin::create_user,
            admin::set_roles,
            admin::set_user_active,
            admin::change_password,
            admin::reset_password,
            admin::audit,
            admin::backup,
            admin::support_file,
            admin::restore,
            admin::about,
            sync::export_bundle,
            sync::hq_status,
            sync::hq_register,
            sync::import_bundle,
        ]))
        .run(tauri::generate_context!())
        .expect("the window could not be opened");
}

/// The session ending or the computer shutting down sends SIGTERM: the app ends as when its window
/// is closed (the store closed, the window's size and place saved), not killed mid-write.
#[cfg(unix)]
fn end_on_sigterm(app: tauri::AppHandle) {
    use tokio::signal::unix::{signal, SignalKind};
    tauri::async_runtime::spawn(async move {
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            term.recv().await;
            tracing::info!("asked to end (SIGTERM)");
            app.exit(0);
        }
    });
}

/// A log file's size before it is rotated, and how many old ones are kept (5 MB in all).
const LOG_FILE_BYTES: u128 = 1_000_000;
const LOG_FILES: usize = 5;

/// Every command the window calls, by name, into the log (its arguments are not: they hold what
/// people typed). Errors are logged by their code where they become sentences (`state::fail`).
fn logged<R: tauri::Runtime>(
    handler: impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static,
) -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
    move |invoke| {
        tracing::info!("command {}", invoke.message.command());
        handler(invoke)
    }
}

/// Another launch on this store: the open window comes to the front instead.
fn bring_forward(app: &tauri::AppHandle) {
    use tauri::Manager;
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.unminimize();
        let _ = w.show();
        let _ = w.set_focus();
    }
}
