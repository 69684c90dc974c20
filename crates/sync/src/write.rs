//! Writing a bundle in one pass: the store's records are serialised here as JSON Lines while a
//! second thread deflates them into the archive; then the registers (stored: an XLSX is a zip
//! already), the manifest with every part's size and checksum, and the signature over the file.

use super::*;
use anyqtama_store::exchange::{Contents, Record, TrailEntry};
use std::io::{SeekFrom, Write};

/// The deflate level of the records (1-9). zlib-rs deflates level 3 by its "medium" strategy and
/// 2 by its "fast" one: on the 100,000-case export 2 is 1.3 s sooner for 1% more (105.3 MB
/// against 104.0); 1 is 0.3 s sooner again but 134 MB (issue 14).
const RECORDS_LEVEL: i64 = 2;
/// Records handed to the deflating thread at a time.
const BATCH: usize = 512;

/// Counts and hashes what passes through to the archive.
struct Hashing<'a, W: Write> {
    inner: &'a mut W,
    sha: Sha256,
    size: u64,
}

impl<W: Write> Write for Hashing<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.sha.update(&buf[..n]);
        self.size += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// The archive as it is written: straight through to the file, never sought back and patched (a
/// streamed ZIP: each part's sizes and CRC in a data descriptor after it), so the signature's
/// prehash is taken on the way, by [`Prehashing`], instead of reading the whole file back at its
/// end (issue 14: 0.12 s of a 100,000-case export with one core idle).
type Archive<W> = zip::ZipWriter<zip::write::StreamWriter<Prehashing<W>>>;

/// Passes the archive through to the file and hashes it for the Ed25519ph prehash: every byte but
/// the last [`COMMENT_LEN`], which are the comment's placeholder when the archive is finished.
struct Prehashing<W: Write> {
    inner: W,
    prehash: ed25519_dalek::Sha512,
    /// Written, not hashed yet: at least the last `COMMENT_LEN` bytes so far.
    held: Vec<u8>,
}

impl<W: Write> Prehashing<W> {
    fn new(inner: W) -> Prehashing<W> {
        Prehashing {
            inner,
            prehash: <ed25519_dalek::Sha512 as ed25519_dalek::Digest>::new(),
            held: Vec::with_capacity(CHUNK + COMMENT_LEN),
        }
    }

    /// The file, and the prehash of all but its last `COMMENT_LEN` bytes, which must be
    /// `placeholder`.
    fn finish(mut self, placeholder: &[u8]) -> Result<(W, ed25519_dalek::Sha512)> {
        let keep = self.held.len().checked_sub(COMMENT_LEN);
        let Some(keep) = keep.filter(|&k| self.held[k..] == *placeholder) else {
            // The archive's writer put something after its comment: not a signable archive.
            return Err(zip_error(zip::result::ZipError::InvalidArchive(
                "comment".into(),
            )));
        };
        ed25519_dalek::Digest::update(&mut self.prehash, &self.held[..keep]);
        Ok((self.inner, self.prehash))
    }
}

impl<W: Write> Write for Prehashing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.held.extend_from_slice(&buf[..n]);
        if self.held.len() >= CHUNK + COMMENT_LEN {
            let hash = self.held.len() - COMMENT_LEN;
            ed25519_dalek::Digest::update(&mut self.prehash, &self.held[..hash]);
            self.held.drain(..hash);
        }
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// The human-readable register files of the months asked for, made by the caller (`crates/app`
/// renders them; this crate does not print): each month's `(file name, bytes)` handed to the
/// last argument as it is made, until that returns false. Asked for many months at once, so that
/// what their registers share is read once.
pub type Registers<'a> = &'a (dyn Fn(
    &Store,
    &[(i32, u32)],
    chrono::NaiveDate,
    &mut RegisterFiles<'_>,
) -> std::result::Result<(), StoreError>
         + Sync);

/// Where [`Registers`] hands each month's files; false: make no more.
pub type RegisterFiles<'a> = dyn FnMut((i32, u32), Vec<(String, Vec<u8>)>) -> bool + 'a;

/// No register files: a bundle of records only (tests of the exchange itself).
pub fn without_registers(
    _: &Store,
    _: &[(i32, u32)],
    _: chrono::NaiveDate,
    _: &mut RegisterFiles<'_>,
) -> std::result::Result<(), StoreError> {
    Ok(())
}

/// A bundle made by [`export`], in memory.
pub struct Exported {
    pub bytes: Vec<u8>,
    pub manifest: Manifest,
}

/// A bundle of format 2 (every row, the events whole), into memory: kept so that the import of
/// that format, which offices' older programs still send, stays tested against bundles made of
/// real stores.
#[doc(hidden)]
pub fn export_full(
    store: &mut Store,
    period: Period,
    actor: &Actor,
    now: NaiveDateTime,
    signer: &anyqtama_store::keys::SealKey,
) -> Result<Exported> {
    let (out, manifest) = export_as(
        Contents::Full,
        store,
        period,
        actor,
        now,
        &without_registers,
        signer,
        Cursor::new(Vec::new()),
        Ok,
    )?;
    Ok(Exported {
        bytes: out.into_inner(),
        manifest,
    })
}

/// [`export_to`] into memory (tests, and small bundles).
pub fn export(
    store: &mut Store,
    period: Period,
    actor: &Actor,
    now: NaiveDateTime,
    registers: Registers<'_>,
    signer: &anyqtama_store::keys::SealKey,
) -> Result<Exported> {
    let (out, manifest) = export_to(
        store,
        period,
        actor,
        now,
        registers,
        signer,
        Cursor::new(Vec::new()),
        Ok,
    )?;
    Ok(Exported {
        bytes: out.into_inner(),
        manifest,
    })
}

fn zip_error(e: zip::result::ZipError) -> SyncError {
    SyncError::NotABundle(e.to_string())
}

fn write_error(e: std::io::Error) -> SyncError {
    SyncError::Store(StoreError::Io(e))
}

fn options() -> zip::write::SimpleFileOptions {
    zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
}

/// An XLSX (or PDF) is compressed already: deflating it again costs time and saves nothing.
fn stored() -> zip::write::SimpleFileOptions {
    options().compression_method(zip::CompressionMethod::Stored)
}

/// What the writing thread is handed: the trail's entries, then the records.
enum Batch {
    Trail(Vec<TrailEntry>),
    Records(Vec<Record>),
}

/// Register files as rendered: (file name, bytes).
type Files = Vec<(String, Vec<u8>)>;

/// What the rendering thread hands on: the trail head it saw and the months it found, then each
/// month's registers.
enum Rendered {
    Head { seen: i64, months: Vec<(i32, u32)> },
    Month((i32, u32), Files),
}

/// Trail entries handed at a time.
const TRAIL_BATCH: usize = 4096;

fn hashing<W: Write>(inner: &mut W) -> std::io::BufWriter<Hashing<'_, W>> {
    std::io::BufWriter::with_capacity(
        CHUNK,
        Hashing {
            inner,
            sha: Sha256::new(),
            size: 0,
        },
    )
}

fn finish_part<W: Write>(name: &str, hashed: std::io::BufWriter<Hashing<'_, W>>) -> Result<Part> {
    let hashed = hashed
        .into_inner()
        .map_err(|e| write_error(e.into_error()))?;
    Ok(Part {
        name: name.into(),
        size: hashed.size,
        sha256: hex::encode(hashed.sha.finalize()),
    })
}

/// Makes the bundle of a period and writes it to `out` (a file, or memory), in bounded memory.
/// `Period::Since` starts after the last "since" export (its `after` is ignored and taken from the
/// store), and the store remembers where this one ended. Signed with the key of the signatory who
/// unlocked it with their password (issue 12).
///
/// `keep` is handed the whole bundle and makes it last (a file: flushed to the disk and put in
/// its place) before the store remembers it as sent: a bundle that did not reach the disk is
/// sent again by the next "since" export, not skipped.
#[allow(clippy::too_many_arguments)]
pub fn export_to<W: Write + Seek + Send>(
    store: &mut Store,
    period: Period,
    actor: &Actor,
    now: NaiveDateTime,
    registers: Registers<'_>,
    signer: &anyqtama_store::keys::SealKey,
    out: W,
    keep: impl FnOnce(W) -> std::io::Result<W>,
) -> Result<(W, Manifest)> {
    export_as(
        Contents::Register,
        store,
        period,
        actor,
        now,
        registers,
        signer,
        out,
        keep,
    )
}

#[allow(clippy::too_many_arguments)]
fn export_as<W: Write + Seek + Send>(
    contents: Contents,
    store: &mut Store,
    period: Period,
    actor: &Actor,
    now: NaiveDateTime,
    registers: Registers<'_>,
    signer: &anyqtama_store::keys::SealKey,
    out: W,
    keep: impl FnOnce(W) -> std::io::Result<W>,
) -> Result<(W, Manifest)> {
    let period = match period {
        Period::Since { .. } => Period::Since {
            after: exchange::last_export(store)?,
        },
        p => p,
    };
    let mut office = exchange::office_ident(store)?;
    if signer.fingerprint() != office.fingerprint {
        office.signer = Some(signer.fingerprint());
    }
    store.map_memory(false)?;
    let made = write_bundle(contents, store, period, now, registers, signer, out, office);
    store.map_memory(true)?;
    let (out, manifest) = made?;
    let out = keep(out).map_err(write_error)?;
    if let Period::Since { .. } = period {
        if let Some(last) = manifest.seq_to {
            exchange::mark_exported(store, last, actor, now, &manifest.period_label)?;
        }
    }
    Ok((out, manifest))
}

#[allow(clippy::too_many_arguments)]
fn write_bundle<W: Write + Seek + Send>(
    contents: Contents,
    store: &mut Store,
    period: Period,
    now: NaiveDateTime,
    registers: Registers<'_>,
    signer: &anyqtama_store::keys::SealKey,
    out: W,
    office: OfficeIdent,
) -> Result<(W, Manifest)> {
    // The records, read from the store here, serialised and deflated on a second thread as they
    // come (issue 14: reading the store is the larger half); the trail before them, stored.
    let (mut zip, parts, written) = std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Batch>(4);
        let deflating = scope.spawn(move || -> Result<(Archive<W>, Vec<Part>)> {
            let mut zip = zip::ZipWriter::new_stream(Prehashing::new(out));
            let mut parts = Vec::new();
            let mut rx = rx.into_iter().peekable();
            if contents == Contents::Register {
                zip.start_file(TRAIL_PART, stored()).map_err(zip_error)?;
                let mut hashed = hashing(&mut zip);
                while let Some(Batch::Trail(_)) = rx.peek() {
                    let Some(Batch::Trail(entries)) = rx.next() else {
                        unreachable!("peeked")
                    };
                    for (seq, hash) in entries {
                        hashed
                            .write_all(&(seq as u64).to_be_bytes())
                            .and_then(|()| hashed.write_all(&hash))
                            .map_err(write_error)?;
                    }
                }
                parts.push(finish_part(TRAIL_PART, hashed)?);
            }
            zip.start_file(
                RECORDS_PART,
                options().compression_level(Some(RECORDS_LEVEL)),
            )
            .map_err(zip_error)?;
            let mut hashed = hashing(&mut zip);
            for batch in rx {
                let Batch::Records(batch) = batch else {
                    // The trail comes before every record.
                    return Err(SyncError::Store(StoreError::AuditBroken {
                        seq: 0,
                        reason: "order".into(),
                    }));
                };
                for r in &batch {
                    serde_json::to_writer(&mut hashed, r).map_err(|e| write_error(e.into()))?;
                    hashed.write_all(b"\n").map_err(write_error)?;
                }
            }
            parts.push(finish_part(RECORDS_PART, hashed)?);
            Ok((zip, parts))
        });
        // The registers are rendered beside the trail and the records, from a second reading
        // connection that finds their months itself (issue 14: the 61 registers of a five-year
        // office were as long again as its records, and the trail's half second left a core
        // idle). What it renders is used only if it saw the same trail and the same months.
        let (rendered_tx, rendered_rx) = std::sync::mpsc::channel::<Rendered>();
        let path = store.path().to_path_buf();
        let today = now.date();
        let rendering = scope.spawn(move || {
            let render = || -> std::result::Result<(), StoreError> {
                let other = Store::open_for_reading(&path)?;
                // Its mapped pages would stay resident, as the records' would (`map_memory` above).
                other.map_memory(false)?;
                other.hold_snapshot()?;
                let (seen, _) = exchange::audit_head(&other)?;
                let months = exchange::register_months(&other, period)?;
                if rendered_tx
                    .send(Rendered::Head {
                        seen,
                        months: months.clone(),
                    })
                    .is_err()
                {
                    return Ok(());
                }
                registers(&other, &months, today, &mut |month, files| {
                    rendered_tx.send(Rendered::Month(month, files)).is_ok()
                })
            };
            // A failure here only means the months left are rendered below, on the store's own
            // connection, where an error is the export's.
            let _ = render();
        });
        let mut months_seen = std::collections::BTreeSet::new();
        if let Period::Month { year, month } = period {
            months_seen.insert((year, month));
        }
        let mut batch = Vec::with_capacity(BATCH);
        // The trail's last entries go before the first record (both closures hand them on).
        let entries = std::cell::RefCell::new(Vec::with_capacity(TRAIL_BATCH));
        let flush_trail = || {
            // Called before every record: nothing to hand on (and no new batch) once the trail
            // is out (issue 14: a 160 KB batch made and dropped for each of 160,000 records).
            if entries.borrow().is_empty() {
                return;
            }
            let full =
                std::mem::replace(&mut *entries.borrow_mut(), Vec::with_capacity(TRAIL_BATCH));
            // A closed channel: the deflating side failed; its error is returned below.
            let _ = tx.send(Batch::Trail(full));
        };
        let written = exchange::write_records(
            &*store,
            period,
            contents,
            &mut |e| {
                let full = {
                    let mut entries = entries.borrow_mut();
                    entries.push(e);
                    entries.len() == TRAIL_BATCH
                };
                if full {
                    flush_trail();
                }
                Ok(())
            },
            &mut |r: Record| {
                flush_trail();
                if let (Record::Case(c), Period::Since { .. }) = (&r, period) {
                    if let Some(d) = c.decided_on {
                        use chrono::Datelike;
                        months_seen.insert((d.year(), d.month()));
                    }
                }
                batch.push(r);
                if batch.len() == BATCH {
                    let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                    let _ = tx.send(Batch::Records(full));
                }
                Ok(())
            },
        );
        if written.is_ok() {
            flush_trail();
            if !batch.is_empty() {
                let _ = tx.send(Batch::Records(batch));
            }
        }
        drop(tx);
        let (mut zip, mut parts) = deflating
            .join()
            .expect("the deflating thread does not panic")?;
        let written = written?;
        // The human-readable register: the month's, or each month a "since" bundle has
        // decisions in, each into the archive as it comes from the rendering thread; rendered
        // here whatever that thread could not, or all if it saw another trail or other months.
        let mut files_in = std::collections::BTreeSet::new();
        let mut add = |zip: &mut Archive<W>, files: Files| -> Result<()> {
            for (name, bytes) in files {
                zip.start_file(name.as_str(), stored()).map_err(zip_error)?;
                zip.write_all(&bytes).map_err(write_error)?;
                parts.push(Part {
                    name,
                    size: bytes.len() as u64,
                    sha256: sha256_hex(&bytes),
                });
            }
            Ok(())
        };
        let mut rendered = rendered_rx.iter();
        if let Some(Rendered::Head { seen, months }) = rendered.next() {
            if seen == written.head_seq && months.iter().eq(months_seen.iter()) {
                for r in rendered {
                    if let Rendered::Month(month, files) = r {
                        add(&mut zip, files)?;
                        files_in.insert(month);
                    }
                }
            }
        }
        drop(rendered_rx);
        rendering
            .join()
            .expect("the rendering thread does not panic");
        let left: Vec<(i32, u32)> = months_seen.difference(&files_in).copied().collect();
        if !left.is_empty() {
            let mut added = Ok(());
            registers(store, &left, now.date(), &mut |_, files| {
                added = add(&mut zip, files);
                added.is_ok()
            })?;
            added?;
        }
        Ok::<_, SyncError>((zip, parts, written))
    })?;

    let manifest = Manifest {
        format: FORMAT.into(),
        format_version: match contents {
            Contents::Register => FORMAT_VERSION,
            Contents::Full => 2,
        },
        office,
        period,
        period_label: period.label(),
        seq_from: written.seq_from,
        seq_to: written.seq_to,
        audit_head_seq: written.head_seq,
        audit_head_hash: written.head_hash,
        schema_version: anyqtama_store::SCHEMA_VERSION,
        program_version: env!("CARGO_PKG_VERSION").into(),
        created_at: now,
        counts: counts_map(written.counts),
        parts,
    };
    let manifest_bytes = serde_json::to_vec_pretty(&manifest).expect("serialisable");
    zip.start_file("manifest.json", options())
        .map_err(zip_error)?;
    zip.write_all(&manifest_bytes).map_err(write_error)?;
    let out = sign(zip, signer.signing())?;
    Ok((out, manifest))
}

/// Finishes the archive and signs it: a placeholder comment of the signature's length, so the
/// bytes before it are final and hashed as they went out; the signature in the placeholder's
/// place.
fn sign<W: Write + Seek>(mut zip: Archive<W>, key: &ed25519_dalek::SigningKey) -> Result<W> {
    let placeholder = "0".repeat(COMMENT_LEN);
    zip.set_comment(placeholder.as_str()).map_err(zip_error)?;
    let (mut out, prehash) = zip
        .finish()
        .map_err(zip_error)?
        .into_inner()
        .finish(placeholder.as_bytes())?;
    let signature = key
        .sign_prehashed(prehash, Some(CONTEXT))
        .expect("a context of 17 bytes is within RFC 8032's 255");
    out.seek(SeekFrom::End(-(COMMENT_LEN as i64)))
        .map_err(write_error)?;
    out.write_all(format!("{SIGNATURE_PREFIX}{}", hex::encode(signature.to_bytes())).as_bytes())
        .map_err(write_error)?;
    out.flush().map_err(write_error)?;
    Ok(out)
}

/// Writes a bundle of the current format from a manifest and parts (the manifest last), signed
/// with `key`. Tests use it to forge bundles (another key, another manifest) and see them
/// refused.
#[doc(hidden)]
pub fn assemble(
    manifest: &[u8],
    parts: &[(String, Vec<u8>)],
    key: &ed25519_dalek::SigningKey,
) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new_stream(Prehashing::new(Cursor::new(Vec::new())));
    for (name, bytes) in parts {
        let o = if name.ends_with(".xlsx") || name == TRAIL_PART {
            stored()
        } else {
            options()
        };
        zip.start_file(name.as_str(), o).expect("in memory");
        zip.write_all(bytes).expect("in memory");
    }
    zip.start_file("manifest.json", options())
        .expect("in memory");
    zip.write_all(manifest).expect("in memory");
    sign(zip, key).expect("in memory").into_inner()
}
