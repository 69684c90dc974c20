//! The store and its backups are the office's alone: on Unix, files are created owner-only (0600)
//! and the folders the program creates for them owner-only (0700); an older store found readable by
//! others is tightened when it is opened. On Windows the same places get a protected ACL that
//! grants the file's owner alone full access (SDDL `D:P(A;OICI;FA;;;OW)`), instead of what they
//! would inherit from their folder (a shared folder lets everyone read).

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
        // (Windows has no mode to create with: the ACL is set on the new file.)
        Ok(_) if cfg!(windows) => set_mode(path, 0o600),
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

#[cfg(windows)]
fn set_mode(path: &Path, _mode: u32) -> io::Result<()> {
    use std::os::windows::ffi::OsStrExt;
    use windows_sys::Win32::Foundation::LocalFree;
    use windows_sys::Win32::Security::Authorization::{
        ConvertStringSecurityDescriptorToSecurityDescriptorW, SDDL_REVISION_1,
    };
    use windows_sys::Win32::Security::{
        SetFileSecurityW, DACL_SECURITY_INFORMATION, PROTECTED_DACL_SECURITY_INFORMATION,
        PSECURITY_DESCRIPTOR,
    };
    // Protected (nothing inherited), one entry: the owner, full access, inherited by what a
    // folder holds.
    let sddl: Vec<u16> = "D:P(A;OICI;FA;;;OW)".encode_utf16().chain([0]).collect();
    let wide: Vec<u16> = path.as_os_str().encode_wide().chain([0]).collect();
    let mut sd: PSECURITY_DESCRIPTOR = std::ptr::null_mut();
    // SAFETY: both strings are NUL-terminated UTF-16 that outlive the calls; the descriptor the
    // first call allocates is freed with LocalFree, as its documentation asks.
    unsafe {
        if ConvertStringSecurityDescriptorToSecurityDescriptorW(
            sddl.as_ptr(),
            SDDL_REVISION_1,
            &mut sd,
            std::ptr::null_mut(),
        ) == 0
        {
            return Err(io::Error::last_os_error());
        }
        let ok = SetFileSecurityW(
            wide.as_ptr(),
            DACL_SECURITY_INFORMATION | PROTECTED_DACL_SECURITY_INFORMATION,
            sd,
        );
        let err = io::Error::last_os_error();
        LocalFree(sd as _);
        // A file system without ACLs (a FAT-formatted USB stick) cannot hold one: the backup is
        // still written, as on paper it would be carried.
        const ERROR_INVALID_FUNCTION: i32 = 1;
        const ERROR_NOT_SUPPORTED: i32 = 50;
        if ok == 0
            && !matches!(
                err.raw_os_error(),
                Some(ERROR_INVALID_FUNCTION | ERROR_NOT_SUPPORTED)
            )
        {
            return Err(err);
        }
    }
    Ok(())
}

#[cfg(not(any(unix, windows)))]
fn set_mode(_path: &Path, _mode: u32) -> io::Result<()> {
    Ok(())
}
