//! The store and its backups are the office's alone: on Unix, files are created owner-only (0600)
//! and the folders the program creates for them owner-only (0700); an older store found readable by
//! others is tightened when it is opened. (On Windows the files inherit the user profile's ACL,
//! which is owner-only for the app's data folder; no ACL crate is used yet.)

use std::io;
use std::path::Path;

/// Creates `dir` and its missing parents, the ones created owner-only.
pub(crate) fn create_dir(dir: &Path) -> io::Result<()> {
    if dir.as_os_str().is_empty() || dir.exists() {
        return Ok(());
    }
    if let Some(parent) = dir.parent() {
        create_dir(parent)?;
    }
    match std::fs::create_dir(dir) {
        Ok(()) => set_mode(dir, 0o700),
        // Made meanwhile by another process: as good.
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

/// Creates an empty owner-only file at `path` unless one is there (SQLite then fills it; its
/// -wal and -shm files take the same permissions).
pub(crate) fn create_file(path: &Path) -> io::Result<()> {
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    match o.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

/// Makes a store's files owner-only (the database and, where present, its WAL and shared memory).
pub(crate) fn restrict(db: &Path) -> io::Result<()> {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = db.as_os_str().to_owned();
        name.push(suffix);
        let p = Path::new(&name);
        if p.exists() {
            set_mode(p, 0o600)?;
        }
    }
    Ok(())
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let now = std::fs::metadata(path)?.permissions().mode() & 0o777;
    if now & !mode == 0 {
        return Ok(());
    }
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_mode(_path: &Path, _mode: u32) -> io::Result<()> {
    Ok(())
}
