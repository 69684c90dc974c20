//! Reading a bundle: [`open`] checks the signature over the whole file in one pass, then the
//! manifest, the keys and the parts it lists; [`Opened::records`] reads the records one line at a
//! time (inflated on a second thread), each checked within the limits before it is parsed, and
//! checks the part's checksum and the counts at its end. Memory stays bounded whatever the size.

use super::*;
use anyqtama_store::exchange::{Record, TrailEntry};
use ed25519_dalek::Signature;
use std::io::SeekFrom;

/// What a bundle's reading hands on, in the bundle's order.
pub enum Item<'r> {
    /// Entries of the trail (format 3), in order.
    Trail(&'r [TrailEntry]),
    /// A record, with, for an audit event (format 2), its JSON as the bundle carries it.
    Record(&'r Record, Option<&'r str>),
}

/// Where the trail and the records go.
pub type Sink<'a> = dyn FnMut(Item<'_>) -> Result<()> + 'a;

enum Body<R> {
    /// A first-format bundle, read and checked whole.
    Legacy(anyqtama_store::exchange::Records),
    Streamed(zip::ZipArchive<R>),
}

/// A bundle whose signature, keys, versions and list of parts are checked; its records are read
/// with [`Opened::records`].
pub struct Opened<R> {
    pub manifest: Manifest,
    /// The office's identity key.
    pub public_key: [u8; 32],
    /// SHA-256 of the whole file: the bundle's identity at the higher office.
    pub sha256: String,
    body: Body<R>,
}

fn io(e: std::io::Error) -> SyncError {
    SyncError::NotABundle(e.to_string())
}

/// Which format the end of the file is signed in: the comment's length and the end record before
/// it. Returns the comment's length.
fn signed_end<R: Read + Seek>(src: &mut R, len: u64) -> Result<usize> {
    for comment in [COMMENT_LEN, legacy::COMMENT_LEN] {
        let Some(at) = len.checked_sub((EOCD_LEN + comment) as u64) else {
            continue;
        };
        let mut eocd = [0u8; EOCD_LEN];
        src.seek(SeekFrom::Start(at)).map_err(io)?;
        src.read_exact(&mut eocd).map_err(io)?;
        if eocd[..4] == [0x50, 0x4b, 0x05, 0x06] && u16_at(&eocd, 20) == comment {
            return Ok(comment);
        }
    }
    if len < (EOCD_LEN + legacy::COMMENT_LEN) as u64 {
        return Err(SyncError::NotABundle("too short".into()));
    }
    Err(SyncError::NotABundle("no signed end record".into()))
}

/// Opens a bundle: any format, any size, in bounded memory. Nothing of its records is read yet.
pub fn open<R: Read + Seek>(mut src: R) -> Result<Opened<R>> {
    let len = src.seek(SeekFrom::End(0)).map_err(io)?;
    let comment_len = signed_end(&mut src, len)?;
    if comment_len == legacy::COMMENT_LEN {
        // The first format is read whole, as it was written.
        let mut bytes = Vec::new();
        src.seek(SeekFrom::Start(0)).map_err(io)?;
        src.read_to_end(&mut bytes).map_err(io)?;
        let l = legacy::verify(&bytes)?;
        return Ok(Opened {
            manifest: l.manifest,
            public_key: l.public_key,
            sha256: sha256_hex(&bytes),
            body: Body::Legacy(l.records),
        });
    }
    let body = len - COMMENT_LEN as u64;
    let mut comment = vec![0u8; COMMENT_LEN];
    src.read_exact(&mut comment).map_err(io)?;
    let signature = Signature::from_bytes(&comment_signature(&comment, SIGNATURE_PREFIX)?);
    // Names, count and declared sizes from the raw directory before anything is inflated.
    let eocd_at = body - EOCD_LEN as u64;
    let mut eocd = [0u8; EOCD_LEN];
    src.seek(SeekFrom::Start(eocd_at)).map_err(io)?;
    src.read_exact(&mut eocd).map_err(io)?;
    let (offset, size) = directory_span(&eocd, usize::try_from(eocd_at).unwrap_or(usize::MAX))?;
    let mut dir = vec![0u8; size];
    src.seek(SeekFrom::Start(offset as u64)).map_err(io)?;
    src.read_exact(&mut dir).map_err(io)?;
    let entries = listed_entries(&eocd, &dir)?;
    // One pass over the file: the signature's prehash of the body, the bundle's SHA-256.
    let (mut prehash, mut whole) = (
        <ed25519_dalek::Sha512 as ed25519_dalek::Digest>::new(),
        Sha256::new(),
    );
    src.seek(SeekFrom::Start(0)).map_err(io)?;
    each_chunk(&mut src, body, |chunk| {
        ed25519_dalek::Digest::update(&mut prehash, chunk);
        whole.update(chunk);
    })
    .map_err(io)?;
    whole.update(&comment);
    let mut zip = zip::ZipArchive::new(src).map_err(|e| SyncError::NotABundle(e.to_string()))?;
    let manifest = parse_manifest(&read_capped(&mut zip, "manifest.json", MAX_MANIFEST)?)?;
    let (public_key, identity, signer) = signing_keys(&manifest)?;
    signer
        .verify_prehashed(prehash, Some(CONTEXT), &signature)
        .map_err(|_| SyncError::Altered)?;
    check_signed_manifest(&manifest, &identity, &signer, &[2, FORMAT_VERSION])?;
    check_listed_parts(&manifest, &entries)?;
    if !manifest.parts.iter().any(|p| p.name == RECORDS_PART) {
        return Err(SyncError::PartMissing(RECORDS_PART.into()));
    }
    // Format 3 sends the trail as hashes and no event whole; format 2 the other way round.
    let trail = manifest.parts.iter().any(|p| p.name == TRAIL_PART);
    if manifest.format_version >= 3 && !trail {
        return Err(SyncError::PartMissing(TRAIL_PART.into()));
    }
    if manifest.format_version < 3 && trail {
        return Err(SyncError::PartExtra(TRAIL_PART.into()));
    }
    Ok(Opened {
        manifest,
        public_key,
        sha256: hex::encode(whole.finalize()),
        body: Body::Streamed(zip),
    })
}

impl<R: Read + Seek + Send> Opened<R> {
    /// Every record to `sink`, in the bundle's order; every part checked against the manifest,
    /// the records against its counts. A record reaches `sink` before the end of its part is
    /// checked: whoever writes it must be able to take it back (the import's transaction).
    pub fn records(self, sink: &mut Sink<'_>) -> Result<()> {
        let (manifest, mut zip) = match self.body {
            Body::Legacy(records) => {
                for r in records.into_stream() {
                    sink(Item::Record(&r, None))?;
                }
                return Ok(());
            }
            Body::Streamed(zip) => (self.manifest, zip),
        };
        let mut counts = RecordCounts::default();
        let events_whole = manifest.format_version < 3;
        // Format 2: the events whole among the records, held to the manifest as a trail is.
        let mut events = Span::default();
        for part in &manifest.parts {
            if part.name == RECORDS_PART {
                stream_records(&mut zip, part, &mut |r, raw| {
                    if let Record::Audit(e) = r {
                        if !events_whole {
                            // The trail is in its own part: an event here is not the format's.
                            return Err(SyncError::PartDamaged(format!(
                                "{RECORDS_PART}: audit {}",
                                e.seq
                            )));
                        }
                        let mut hash = [0u8; 32];
                        hex::decode_to_slice(&e.hash, &mut hash).map_err(|_| {
                            SyncError::PartDamaged(format!("{RECORDS_PART}: audit {}", e.seq))
                        })?;
                        events.count += 1;
                        events.first.get_or_insert(e.seq);
                        events.last = Some((e.seq, hash));
                    }
                    counts.add(r);
                    sink(Item::Record(r, raw))
                })?;
                if events_whole {
                    check_span(&manifest, &events, false)?;
                }
            } else if part.name == TRAIL_PART {
                let span = stream_trail(&mut zip, part, sink)?;
                check_span(&manifest, &span, true)?;
                counts.audit_events += span.count;
            } else {
                let (size, sha) = hash_part(&mut zip, part)?;
                if size != part.size || sha != part.sha256 {
                    return Err(SyncError::PartDamaged(part.name.clone()));
                }
            }
        }
        let found = counts_map(counts);
        if found != manifest.counts {
            return Err(SyncError::Counts(format!(
                "{:?} != {:?}",
                found, manifest.counts
            )));
        }
        Ok(())
    }
}

/// Inflates a part and hashes it, never more than one byte past its declared size.
fn hash_part<R: Read + Seek>(zip: &mut zip::ZipArchive<R>, part: &Part) -> Result<(u64, String)> {
    let f = zip
        .by_name(&part.name)
        .map_err(|_| SyncError::PartMissing(part.name.clone()))?;
    let mut f = f.take(part.size + 1);
    let (mut sha, mut size) = (Sha256::new(), 0u64);
    let mut buf = vec![0u8; CHUNK];
    loop {
        let n = f.read(&mut buf).map_err(|e| part_error(&part.name, e))?;
        if n == 0 {
            return Ok((size, hex::encode(sha.finalize())));
        }
        sha.update(&buf[..n]);
        size += n as u64;
    }
}

/// Trail entries handed on at a time.
const TRAIL_BATCH: usize = 4096;
/// One entry of the trail: a sequence number (8 bytes, big-endian) and a hash.
const TRAIL_ENTRY: usize = 40;

/// What a trail part held: how many entries, its first one's sequence number, its last entry.
#[derive(Default)]
struct Span {
    count: usize,
    first: Option<i64>,
    last: Option<TrailEntry>,
}

/// The trail against what the signed manifest says of it. A bundle that names events it does
/// not carry, or a head behind its own trail (the bug fixed in 0a59f95), would anchor the chain
/// outside the office at the wrong event: refused whole.
/// `with_before`: the trail carries the event before each run (format 3), so it may begin one
/// before `seq_from`; events whole (format 2) begin at `seq_from` itself.
fn check_span(manifest: &Manifest, span: &Span, with_before: bool) -> Result<()> {
    let fail = |what: String| Err(SyncError::TrailSpan(what));
    let (head, head_hash) = (manifest.audit_head_seq, manifest.audit_head_hash.as_str());
    match (manifest.seq_from, manifest.seq_to, span.first, &span.last) {
        // An empty period: no event, and no event before one.
        (None, None, None, None) => {}
        (Some(from), Some(to), Some(first), Some((last, hash))) => {
            // Each run of events comes with the one before it (the first event has none).
            if first != from && !(with_before && Some(first) == from.checked_sub(1)) {
                return fail(format!("seq_from {from}, trail from {first}"));
            }
            if *last != to || from > to {
                return fail(format!("seq_to {to}, trail to {last}"));
            }
            if head < to {
                return fail(format!("audit_head_seq {head} < seq_to {to}"));
            }
            if head == to && hex::encode(hash) != head_hash {
                return fail(format!("audit_head_hash, event {to}"));
            }
        }
        _ => {
            return fail(format!(
                "seq_from {:?}, seq_to {:?}, trail {:?}..{:?}",
                manifest.seq_from,
                manifest.seq_to,
                span.first,
                span.last.map(|(s, _)| s)
            ))
        }
    }
    if let Period::Since { after } = manifest.period {
        // Since a point of the trail, the bundle runs from just after it to the head.
        if manifest
            .seq_from
            .is_some_and(|from| from != after.saturating_add(1))
            || manifest.seq_to.is_some_and(|to| to != head)
        {
            return fail(format!(
                "since {after}: seq_from {:?}, seq_to {:?}, head {head}",
                manifest.seq_from, manifest.seq_to
            ));
        }
    }
    Ok(())
}

/// The trail part: stored (hashes do not deflate), read a batch of entries at a time, never past
/// its declared size, its checksum checked at its end.
fn stream_trail<R: Read + Seek>(
    zip: &mut zip::ZipArchive<R>,
    part: &Part,
    sink: &mut Sink<'_>,
) -> Result<Span> {
    let name = part.name.as_str();
    if !part.size.is_multiple_of(TRAIL_ENTRY as u64) {
        return Err(SyncError::PartDamaged(name.to_string()));
    }
    let f = zip
        .by_name(name)
        .map_err(|_| SyncError::PartMissing(name.to_string()))?;
    let mut f = f.take(part.size + 1);
    let (mut sha, mut size, mut span) = (Sha256::new(), 0u64, Span::default());
    let mut buf = vec![0u8; TRAIL_ENTRY * TRAIL_BATCH];
    let mut entries: Vec<TrailEntry> = Vec::with_capacity(TRAIL_BATCH);
    loop {
        // A whole number of entries, or the part's end.
        let mut filled = 0;
        while filled < buf.len() {
            let n = f
                .read(&mut buf[filled..])
                .map_err(|e| part_error(name, e))?;
            if n == 0 {
                break;
            }
            filled += n;
        }
        if filled == 0 {
            break;
        }
        size += filled as u64;
        if size > part.size || !filled.is_multiple_of(TRAIL_ENTRY) {
            return Err(SyncError::PartDamaged(name.to_string()));
        }
        sha.update(&buf[..filled]);
        entries.clear();
        for e in buf[..filled].chunks_exact(TRAIL_ENTRY) {
            let seq = u64::from_be_bytes(e[..8].try_into().expect("8 bytes"));
            let seq = i64::try_from(seq)
                .map_err(|_| SyncError::PartDamaged(format!("{name} entry {}", span.count + 1)))?;
            entries.push((seq, e[8..].try_into().expect("32 bytes")));
            span.count += 1;
        }
        span.first = span.first.or(entries.first().map(|e| e.0));
        span.last = entries.last().copied().or(span.last);
        sink(Item::Trail(&entries))?;
    }
    if size != part.size || hex::encode(sha.finalize()) != part.sha256 {
        return Err(SyncError::PartDamaged(name.to_string()));
    }
    Ok(span)
}

/// Records handed from the reading thread at a time.
const BATCH: usize = 512;

/// A record as read, with an audit event's JSON as the bundle carries it.
type Read1 = (Record, Option<String>);

/// The records part, line by line: inflated, hashed, split, checked within the limits and parsed
/// on a second thread, written by `sink` on this one (the store's side is the slower; issue 14).
fn stream_records<R: Read + Seek + Send>(
    zip: &mut zip::ZipArchive<R>,
    part: &Part,
    sink: &mut dyn FnMut(&Record, Option<&str>) -> Result<()>,
) -> Result<()> {
    let name = part.name.as_str();
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Read1>>(4);
        let reader = scope.spawn(move || -> Result<()> {
            let f = zip
                .by_name(name)
                .map_err(|_| SyncError::PartMissing(name.to_string()))?;
            let mut f = f.take(part.size + 1);
            let (mut sha, mut size) = (Sha256::new(), 0u64);
            let mut lines = Lines::default();
            let mut batch = Vec::with_capacity(BATCH);
            let mut buf = vec![0u8; CHUNK];
            loop {
                let n = f.read(&mut buf).map_err(|e| part_error(name, e))?;
                if n == 0 {
                    break;
                }
                sha.update(&buf[..n]);
                size += n as u64;
                if size > part.size {
                    return Err(SyncError::PartDamaged(name.to_string()));
                }
                let mut closed = false;
                lines.feed(&buf[..n], name, &mut |r, raw| {
                    batch.push((r, raw.map(str::to_string)));
                    if batch.len() == BATCH {
                        let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                        closed |= tx.send(full).is_err();
                    }
                    Ok(())
                })?;
                if closed {
                    // The writing side stopped on an error of its own.
                    return Ok(());
                }
            }
            lines.end(name)?;
            if size != part.size || hex::encode(sha.finalize()) != part.sha256 {
                return Err(SyncError::PartDamaged(name.to_string()));
            }
            let _ = tx.send(batch);
            Ok(())
        });
        let written = (|| -> Result<()> {
            for batch in rx.iter() {
                for (r, raw) in &batch {
                    sink(r, raw.as_deref())?;
                }
            }
            Ok(())
        })();
        drop(rx);
        let read = reader.join().expect("the reading thread does not panic");
        // The writer's own error first: the reader then only stopped because of it.
        written?;
        read
    })
}

/// Splits the inflated records into lines across chunks, holding at most one line.
#[derive(Default)]
struct Lines {
    carry: Vec<u8>,
    number: usize,
}

impl Lines {
    fn feed(
        &mut self,
        mut chunk: &[u8],
        name: &str,
        sink: &mut dyn FnMut(Record, Option<&str>) -> Result<()>,
    ) -> Result<()> {
        while let Some(end) = chunk.iter().position(|&b| b == b'\n') {
            if self.carry.is_empty() {
                self.line(&chunk[..end], name, sink)?;
            } else {
                self.carry.extend_from_slice(&chunk[..end]);
                let line = std::mem::take(&mut self.carry);
                self.line(&line, name, sink)?;
                self.carry = line;
                self.carry.clear();
            }
            chunk = &chunk[end + 1..];
        }
        if self.carry.len() + chunk.len() > MAX_LINE {
            return Err(SyncError::TooLarge(format!(
                "{name} line {}",
                self.number + 1
            )));
        }
        self.carry.extend_from_slice(chunk);
        Ok(())
    }

    /// The end of the part: every line ends with a newline, so nothing may be left over.
    fn end(&mut self, name: &str) -> Result<()> {
        if !self.carry.is_empty() {
            return Err(SyncError::PartDamaged(format!(
                "{name} line {}: no end of line",
                self.number + 1
            )));
        }
        Ok(())
    }

    fn line(
        &mut self,
        line: &[u8],
        name: &str,
        sink: &mut dyn FnMut(Record, Option<&str>) -> Result<()>,
    ) -> Result<()> {
        self.number += 1;
        if line.len() > MAX_LINE {
            return Err(SyncError::TooLarge(format!("{name} line {}", self.number)));
        }
        json_within_limits(line, MAX_JSON_STRING, MAX_JSON_DEPTH)
            .map_err(|at| SyncError::TooLarge(format!("{name} line {} @{at}", self.number)))?;
        let record: Record = serde_json::from_slice(line)
            .map_err(|e| SyncError::PartDamaged(format!("{name} line {}: {e}", self.number)))?;
        // An audit event as the office wrote it: `{"audit":{...}}`, the inner object kept.
        let as_sent = match &record {
            Record::Audit(_) => line
                .strip_prefix(b"{\"audit\":")
                .and_then(|l| l.strip_suffix(b"}"))
                .and_then(|l| std::str::from_utf8(l).ok()),
            _ => None,
        };
        sink(record, as_sent)
    }
}
