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


# A small launcher forks and execs the program and reports its peak from wait4. (Linux counts the
# memory a process had before exec in ru_maxrss: forked from pytest itself, the program would be
# charged pytest's own 90 MB; forked from this launcher, a few.)
LAUNCH = """
import os, sys
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[2], sys.argv[2:])
_, status, usage = os.wait4(pid, 0)
open(sys.argv[1], "w").write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run(*args):
    """Runs the program; returns the result and its own peak resident memory in kB, as the
    operating system counted it for that process (not a timer, not the other tests')."""
    import sys
    import tempfile
    with tempfile.NamedTemporaryFile("r", suffix=".kb") as peak:
        p = subprocess.run([sys.executable, "-c", LAUNCH, peak.name, BIN, "--lang", "en", *args],
                           capture_output=True, text=True)
        return p, int(open(peak.name).read() or 0)


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
    # The manifest of a real bundle (an office's demo), in front of a 2 GB records.json.
    office = tmp_path / "office.sqlite"
    subprocess.run([BIN, "demo", "--db", str(office), "--cases", "20", "--today", "2026-11-20"], check=True,
                   capture_output=True)
    real = tmp_path / "real.zip"
    subprocess.run([BIN, "bundle", "export", "--db", str(office), "--since-last", "--out", str(real), "--user", "admin"],
                   check=True, capture_output=True, env={**os.environ, "ANYQTAMA_PASSWORD": "anyqtama-demo"})
    with zipfile.ZipFile(real) as z:
        manifest = z.read("manifest.json")
    path = tmp_path / "bomb2.zip"
    bomb(path, name="records.json", before=[("manifest.json", manifest, zlib.crc32(manifest), len(manifest), 0)])
    p, peak_kb = run("bundle", "verify", str(path))
    assert p.returncode != 0 and not p.stdout
    assert "changed after the office signed it" in p.stderr, p.stderr
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
