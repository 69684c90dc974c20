"""Hostile bundles are refused whole, in bounded memory, before anything is inflated or trusted:
a 2 GB decompression bomb in a 2 MB file (peak memory of the refusing process measured by the
operating system, not a timer), a part named twice, names with paths, an untrusted signer's
records never read. The files are made here (the bomb streams, so the test needs little memory)."""
import os
import subprocess
import zipfile
import zlib

from conftest import TARGET

BIN = os.environ.get("ANYQTAMA_BIN", str(TARGET / "debug" / "anyqtama"))
PREFIX = "anyqtama-signature-ed25519:"
LIMIT_KB = 64 * 1024  # the bound: 64 MB


def signed_looking(path):
    """Gives a ZIP the signed end record of a bundle (a signature of the right length; not valid)."""
    with zipfile.ZipFile(path, "a") as z:
        z.comment = (PREFIX + "ab" * 64).encode()


import functools


@functools.lru_cache(maxsize=2)
def deflated_zeros(gigabytes):
    """A raw deflate stream of `gigabytes` of zeros, made in pieces (a few MB in memory)."""
    size = int(gigabytes * (1 << 30))
    chunk = b"\0" * (1 << 24)
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    out, crc, left = bytearray(), 0, size
    while left:
        piece = chunk[: min(len(chunk), left)]
        crc = zlib.crc32(piece, crc)
        out += comp.compress(piece)
        left -= len(piece)
    out += comp.flush()
    return bytes(out), crc


def write_zip(path, entries):
    """Writes a ZIP by hand: (name, stored bytes, crc, declared size, method) per entry, and the
    signed end record of a bundle (a signature of the right length that is not valid). Every size
    declared small, as a real bomb declares."""
    import struct
    body, central = bytearray(), bytearray()
    for name, data, crc, declared, method in entries:
        n = name.encode()
        offset = len(body)
        body += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0, crc, len(data), declared, len(n), 0) + n
        body += data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0, crc, len(data), declared,
                               len(n), 0, 0, 0, 0, 0, offset) + n
    comment = (PREFIX + "ab" * 64).encode()
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), len(body),
                      len(comment)) + comment
    with open(path, "wb") as f:
        f.write(body + central + end)
    return os.path.getsize(path)


def bomb(path, name="manifest.json", gigabytes=2.1, before=()):
    data, crc = deflated_zeros(gigabytes)
    return write_zip(path, [*before, (name, data, crc, 1000, 8)])


class Ran:
    def __init__(self, returncode, stdout, stderr):
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


def run(*args):
    """Runs the program and returns (result, its own peak resident memory in kB) from wait4: the
    operating system's count for this one process, not a timer and not the other tests'."""
    import tempfile
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([BIN, "--lang", "en", *args], stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Ran(proc.returncode, out.read().decode(), err.read().decode()), usage.ru_maxrss


def test_a_decompression_bomb_is_refused_in_bounded_memory(tmp_path):
    path = tmp_path / "bomb.zip"
    size = bomb(path)
    assert size < 4 * (1 << 20), size
    p, peak_kb = run("bundle", "verify", str(path))
    assert p.returncode != 0 and not p.stdout
    assert "larger than a bundle part may be" in p.stderr, p.stderr
    # ru_maxrss of the children: the largest any child reached (kilobytes on Linux).
    assert peak_kb < LIMIT_KB, f"peak {peak_kb} kB"


def test_a_bomb_inside_a_later_part_is_never_read_for_an_unsigned_bundle(tmp_path):
    # A records.json that inflates to 2 GB behind a small, well-formed manifest: the signature over
    # the raw bytes is checked (and fails) before any part but the manifest is inflated.
    import json
    manifest = json.dumps({
        "format": "anyqtama-bundle", "format_version": 1, "schema_version": 5, "program_version": "0",
        "office": {"id": "x", "code": "X", "name_kk": "x", "name_ru": "x", "name_en": "x",
                   "fingerprint": "0" * 16, "public_key": "3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29"},
        "period": {"since": 0}, "period_label": "x", "created_at": "2026-11-25T10:00:00",
        "seq_from": 1, "seq_to": 1, "audit_head_seq": 1, "audit_head_hash": "0" * 64,
        "counts": {}, "parts": [{"name": "records.json", "size": 1000, "sha256": "0" * 64}],
    }).encode()
    path = tmp_path / "bomb2.zip"
    bomb(path, name="records.json", before=[("manifest.json", manifest, zlib.crc32(manifest), len(manifest), 0)])
    p, peak_kb = run("bundle", "verify", str(path))
    assert p.returncode != 0 and not p.stdout
    assert "bomb" not in p.stderr
    assert peak_kb < LIMIT_KB, f"peak {peak_kb} kB: {p.stderr}"


def test_names_twice_and_paths_are_refused(tmp_path):
    for names, needle in [
        (["manifest.json", "records.json", "records.json"], "named twice"),
        (["manifest.json", "../records.json"], "../records.json"),
        (["manifest.json", "/etc/passwd"], "/etc/passwd"),
        (["manifest.json", "..\\records.json"], "records.json"),
    ]:
        path = tmp_path / f"bad{len(names)}{abs(hash(needle))}.zip"
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # zipfile warns about the duplicate name: that is the point
            with zipfile.ZipFile(path, "w") as z:
                for n in names:
                    z.writestr(n, b"{}")
        signed_looking(path)
        p, _ = run("bundle", "verify", str(path))
        assert p.returncode != 0 and not p.stdout, names
        assert needle in p.stderr, (names, p.stderr)
