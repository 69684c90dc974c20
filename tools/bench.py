"""The benchmarks of issue 14: each Anyqtama command beside the tool a user would use instead (the
peers in ../shared/peers), in one run, as whole processes. For each pair: the median wall time of
REPS runs, the peak resident memory (wait4's rusage of that process), and for Anyqtama's short
commands the instruction count under callgrind (repeatable on a noisy machine). Prints a table
with the ratios. A benchmark, not a test: no figure fails anything.

    tools/bench.sh            (builds the release binary, installs the peers' tools, runs this)
    BENCH_ONLY=certificates tools/bench.sh      (the documents only; BENCH_CASES, BENCH_REPS)
"""
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
BIN = str(TARGET / "release" / "anyqtama")
PEERS = Path(os.environ.get("ANYQTAMA_PEERS", ROOT.parent / "shared" / "peers"))
WORK = TARGET / "bench-run"
CASES = int(os.environ.get("BENCH_CASES", "100000"))
REPS = int(os.environ.get("BENCH_REPS", "5"))
ENV = {**os.environ, "ANYQTAMA_PASSWORD": "anyqtama-demo", "LANG": "C.UTF-8"}
ENV.pop("ANYQTAMA_TEST_NOW", None)


def run(cmd, setup=None):
    """One run of `cmd`: (seconds, peak RSS in MB). The peak is GNU time's: the rusage this
    script's own wait4 returned counted this script's memory too (Linux keeps the high-water mark
    across exec, and Python starts a child by vfork), 243 MB for a register that takes 36."""
    if setup:
        setup()
    peak = WORK / "peak.txt"
    start = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", str(peak), *map(str, cmd)],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV)
    took = time.perf_counter() - start
    if p.returncode != 0:
        err = p.stderr.decode(errors="replace")
        sys.exit(f"failed ({p.returncode}): {' '.join(map(str, cmd))}\n{err}")
    return took, int(peak.read_text().split()[-1]) / 1024


def timed(cmd, reps=REPS, setup=None):
    runs = [run(cmd, setup) for _ in range(reps)]
    return statistics.median(t for t, _ in runs), max(m for _, m in runs)


def instructions(cmd, setup=None):
    """Instructions of one run under callgrind (the program alone, no children)."""
    if setup:
        setup()
    out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd],
                         capture_output=True, text=True, env=ENV)
    for line in out.stderr.splitlines():
        if "Collected" in line:
            return int(line.split(":")[-1].strip())
    sys.exit(f"callgrind gave no count for {cmd}:\n{out.stderr[-2000:]}")


def demo(path, cases, years):
    if path.exists():
        # A store made by an earlier build is brought to the current schema once, here, so that
        # no timed run pays for a migration.
        subprocess.run([BIN, "cases", "--db", str(path), "--search", "zz", "--limit", "1"], check=True, env=ENV,
                       stdout=subprocess.DEVNULL)
        return
    for p in WORK.glob(path.name + "*"):
        p.unlink()
    print(f"making a demo store of {cases} cases ({path.name}) ...", file=sys.stderr)
    subprocess.run([BIN, "demo", "--db", str(path), "--cases", str(cases), "--seed", "43",
                    "--today", "2026-11-20", "--years", str(years)], check=True, env=ENV,
                   stdout=subprocess.DEVNULL)


def remove_store(path):
    """An SQLite file and what lies beside it: its WAL, its shared memory, Anyqtama's lock."""
    for suffix in ["", "-wal", "-shm", ".lock"]:
        p = Path(str(path) + suffix)
        if p.exists():
            p.unlink()


ROWS = []


def row(work, ours, peer, peer_name, mem=None, instr=None):
    ROWS.append((work, ours, peer, peer_name, mem, instr))
    ratio = peer / ours
    print(f"{work}: anyqtama {ours * 1000:,.1f} ms, {peer_name} {peer * 1000:,.1f} ms, "
          f"{'%.2fx faster' % ratio if ratio >= 1 else '%.2fx slower' % (1 / ratio)}"
          + (f", peak {mem:,.0f} MB" if mem else "") + (f", {instr / 1e6:,.1f} M instructions" if instr else ""),
          file=sys.stderr)


def main():
    WORK.mkdir(parents=True, exist_ok=True)
    small = WORK / "office-2000.sqlite"
    demo(small, 2000, 2)
    numbers = [r[0] for r in sqlite3.connect(small).execute(
        # Certificates that hold today: one revoked, replaced or expired prints only as a draft.
        "SELECT number FROM certificates WHERE copy = 0 AND status = 'valid' AND valid_to >= date('now') "
        "ORDER BY id DESC LIMIT 100")]
    assert len(numbers) == 100, len(numbers)

    # One certificate, kk+ru, and 100 in one call.
    # A recorded print, as an official makes it: signed in (argon2id of the password included).
    user = ["--user", "registrar"]
    one = [BIN, "print", "certificate", numbers[0], "--lang", "kk+ru", "--db", str(small), "--out", str(WORK / "one.pdf"), *user]
    many = [BIN, "print", "certificates", *numbers, "--lang", "kk+ru", "--db", str(small), "--out", str(WORK / "hundred.pdf"), *user]
    draft = [BIN, "print", "certificate", numbers[0], "--lang", "kk+ru", "--db", str(small), "--out", str(WORK / "draft.pdf"), "--draft"]
    so1 = [str(PEERS / "soffice_certificate.sh"), str(WORK / "so1"), "1"]
    so100 = [str(PEERS / "soffice_certificate.sh"), str(WORK / "so100"), "100"]
    t_one, m_one = timed(one)
    t_so1, _ = timed(so1, reps=3)
    row("one certificate (kk+ru)", t_one, t_so1, "soffice", m_one, instructions(one))
    t_draft, m_draft = timed(draft)
    row("one certificate, draft (no sign-in)", t_draft, t_so1, "soffice", m_draft, instructions(draft))
    t_many, m_many = timed(many)
    t_so100, _ = timed(so100, reps=3)
    row("100 certificates, one call", t_many, t_so100, "soffice (one call)", m_many, instructions(many))
    print(f"100 certificates / one certificate: {t_many / t_one:.2f}x the time", file=sys.stderr)
    many_draft = [BIN, "print", "certificates", *numbers, "--lang", "kk+ru", "--db", str(small), "--out", str(WORK / "hundred-draft.pdf"), "--draft"]
    t_many_draft, m_many_draft = timed(many_draft)
    row("100 certificates, one call, drafts (no sign-in)", t_many_draft, t_so100, "soffice (one call)", m_many_draft, instructions(many_draft))
    print(f"100 drafts / one draft: {t_many_draft / t_draft:.2f}x the time", file=sys.stderr)
    if os.environ.get("BENCH_ONLY") == "certificates":
        return table()

    # The commonest surname of a 20,000-case store, a page of 50 with the total, beside the raw
    # FTS5 query in the sqlite3 shell.
    mid = WORK / "office-20000.sqlite"
    demo(mid, 20000, 5)
    surname = sqlite3.connect(mid).execute(
        "SELECT surname_latin FROM applicants GROUP BY 1 ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    search = [BIN, "cases", "--db", str(mid), "--search", surname]
    fts = ["sqlite3", str(mid), f"SELECT rowid FROM case_search WHERE case_search MATCH '{surname}' ORDER BY rowid DESC"]
    t_s, m_s = timed(search)
    t_f, _ = timed(fts)
    row(f"search, the commonest surname ({surname}), 20,000 cases", t_s, t_f, "raw FTS5 query (sqlite3)", m_s, instructions(search))

    # The bundle of everything, exported and imported, beside the sqlite3 shell on the same count.
    big = WORK / f"office-{CASES}.sqlite"
    demo(big, CASES, 5)
    copy = WORK / "export-copy.sqlite"

    def fresh_copy():
        remove_store(copy)
        shutil.copy(big, copy)
        # On the disk before the run: the export's own commit syncs the store, and would
        # otherwise wait for the copy's 600 MB of writeback (0.3 s of a 2 s export, not its own).
        fd = os.open(copy, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    bundle = WORK / "bundle.zip"
    export = [BIN, "bundle", "export", "--since-last", "--db", str(copy), "--out", str(bundle), "--user", "admin"]
    t_exp, m_exp = timed(export, reps=3, setup=fresh_copy)
    cases = sqlite3.connect(big).execute("SELECT count(*) FROM cases").fetchone()[0]
    csv = WORK / f"cases-{cases}.csv"
    if not csv.exists():
        subprocess.run([sys.executable, str(PEERS / "make_cases_csv.py"), str(cases), str(csv)], check=True)
    peer_db = WORK / "peer.db"

    def no_peer_db():
        remove_store(peer_db)

    t_imp_peer, _ = timed([str(PEERS / "import_sqlite3.sh"), str(csv)], reps=3)
    no_peer_db()
    run([str(PEERS / "import_sqlite3.sh"), str(csv), str(peer_db)])
    t_exp_peer, _ = timed([str(PEERS / "export_sqlite3.sh"), str(peer_db), str(WORK / "peer.csv.gz")], reps=3)
    row(f"bundle export, {cases:,} cases", t_exp, t_exp_peer, "sqlite3 CSV + gzip -1", m_exp)
    hq = WORK / "hq.sqlite"

    def no_hq():
        remove_store(hq)

    imp = [BIN, "bundle", "import", str(bundle), "--db", str(hq), "--trust-new-office"]
    t_imp, m_imp = timed(imp, reps=3, setup=no_hq)
    row(f"bundle import, {cases:,} cases", t_imp, t_imp_peer, "sqlite3 bulk load", m_imp)
    print(f"bundle: {bundle.stat().st_size / 1e6:,.1f} MB", file=sys.stderr)
    same_rows(big, cases, t_exp, m_exp, t_imp, m_imp)

    # The busiest month's register as XLSX, beside openpyxl writing as many rows: the five-year
    # office's (about 1,800 decisions), and a month of over 10,000 decisions (an office of
    # 125,000 cases in one year).
    py = os.environ.get("BENCH_PYTHON", sys.executable)
    dense = WORK / "office-10k-month.sqlite"
    if os.environ.get("BENCH_DENSE", "1") == "1":
        demo(dense, 125000, 1)
    for store in [big, dense]:
        if not store.exists():
            continue
        month, n = sqlite3.connect(store).execute(
            "SELECT substr(decided_on, 1, 7) m, count(*) c FROM cases WHERE decided_on IS NOT NULL GROUP BY m ORDER BY c DESC LIMIT 1").fetchone()
        reg = [BIN, "register", "--month", month, "--format", "xlsx", "--lang", "kk+ru", "--db", str(store), "--out", str(WORK / "register.xlsx")]
        t_reg, m_reg = timed(reg)
        t_opx, _ = timed([py, str(PEERS / "register_openpyxl.py"), str(WORK / "peer.xlsx"), str(n)], reps=3)
        row(f"register XLSX, {n:,} decisions", t_reg, t_opx, "openpyxl", m_reg, instructions(reg))

    table()
    if os.environ.get("BENCH_MILLION") == "1":
        million_search()


# What a bundle (format 3) carries, table by table, as the sqlite3 shell would move it: the
# columns of the office's rows that its records hold (a case's register columns and its
# applicant's name, passport and citizenship; an extension's terms; a certificate's columns; the
# notices, complaints and sittings whole) and of the audit trail each event's hash.
BUNDLE_TABLES = {
    "cases": "id, kind, status, registered_on, decided_on, applicant_id, profession_id, result_certificate_id",
    "applicants": "id, surname_latin, given_names_latin, passport_number, citizenship",
    "extensions": "id, case_id, certificate_id, valid_from, valid_to, previous_valid_to",
    "certificates": "id, number, copy, case_id, applicant_id, profession_id, issued_on, valid_from, valid_to, status, invalid_from",
    "notifications": "*", "complaints": "*", "sittings": "*", "sitting_members": "*",
    "audit": "seq, hash",
}


def same_rows(big, cases, t_exp, m_exp, t_imp, m_imp):
    """A second peer for the bundle, beside the one of ../shared/peers (14 columns of the case
    rows, 13 MB): the sqlite3 shell dumping every row a bundle carries (CSV + gzip -1), and
    bulk-loading those rows into tables with the office's primary keys and indexes (WAL), so
    the ratio compares the work per row, not the amount carried."""
    d = WORK / "same-rows"
    d.mkdir(exist_ok=True)
    src = sqlite3.connect(big)
    queries = [f"SELECT {cols} FROM {t}" for t, cols in BUNDLE_TABLES.items()]
    dump = ["sh", "-c", f'sqlite3 -csv -header "{big}" "{"; ".join(queries)}" | gzip -1 > "{d / "all.csv.gz"}"']
    t_dump, _ = timed(dump, reps=3)
    row(f"bundle export, {cases:,} cases", t_exp, t_dump, "sqlite3 CSV + gzip -1 of every row a bundle carries", m_exp)
    # The load: one CSV a table (made once, not timed), the office's keys and indexes first.
    script = ["PRAGMA journal_mode=WAL;"]
    for t, cols in BUNDLE_TABLES.items():
        info = src.execute(f"PRAGMA table_info({t})").fetchall()
        names = [r[1] for r in info] if cols == "*" else [c.strip() for c in cols.split(",")]
        pk = [r[1] for r in sorted(info, key=lambda r: r[5]) if r[5] and r[1] in names]
        defs = [n + (" PRIMARY KEY" if pk == [n] else "") for n in names]
        if len(pk) > 1:
            defs.append(f"PRIMARY KEY({', '.join(pk)})")
        script.append(f"CREATE TABLE {t}({', '.join(defs)});")
        # The office's indexes of the table whose columns it carries (expression indexes left).
        for name, sql in src.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name = ?", (t,)):
            cols_of = [r[2] for r in src.execute(f"PRAGMA index_info({name})")]
            partial = " WHERE " in sql.upper() and cols != "*"
            if cols_of and all(c in names for c in cols_of) and not partial:
                script.append(f"{sql};")
        csv = d / f"{t}.csv"
        # Made again when the demo store is newer than them.
        if not csv.exists() or csv.stat().st_mtime < big.stat().st_mtime:
            with open(csv, "w") as f:
                subprocess.run(["sqlite3", "-csv", "-header", str(big), f"SELECT {cols} FROM {t}"], stdout=f, check=True)
    script.append(".mode csv")
    script += [f".import --skip 1 {d / t}.csv {t}" for t in BUNDLE_TABLES]
    (d / "load.sql").write_text("\n".join(script) + "\n")
    db = d / "peer.db"

    def no_db():
        remove_store(db)

    load = ["sh", "-c", f'sqlite3 "{db}" < "{d / "load.sql"}"']
    t_load, _ = timed(load, reps=3, setup=no_db)
    no_db()
    row(f"bundle import, {cases:,} cases", t_imp, t_load, "sqlite3 bulk load of every row a bundle carries", m_imp)
    size = sum((d / f"{t}.csv").stat().st_size for t in BUNDLE_TABLES)
    print(f"every row a bundle carries: {size / 1e6:,.0f} MB as CSV, {(d / 'all.csv.gz').stat().st_size / 1e6:,.1f} MB gzipped",
          file=sys.stderr)


def million_search():
    """BENCH_MILLION=1: the one-million-case store (built once, about 17 minutes and 5.7 GB), and the
    p95 of whole-process searches over 20 kinds of query (surnames Latin and Cyrillic, passports
    whole and as a prefix, certificate numbers, names of two words, native scripts), 5 runs each."""
    store = WORK / "office-1000000.sqlite"
    if not store.exists():
        print("making the one-million-case demo store (about 17 minutes) ...", file=sys.stderr)
        subprocess.run([BIN, "demo", "--db", str(store), "--cases", "1000000", "--seed", "42",
                        "--today", "2026-11-20", "--years", "5"], check=True, env=ENV, stdout=subprocess.DEVNULL)
    c = sqlite3.connect(store)
    q = [r[0] for r in c.execute("SELECT surname_latin FROM applicants GROUP BY 1 ORDER BY count(*) DESC LIMIT 5")]
    q += [r[0] for r in c.execute("SELECT surname_cyrillic FROM applicants GROUP BY 1 ORDER BY count(*) DESC LIMIT 3")]
    q += [r[0] for r in c.execute("SELECT passport_number FROM applicants ORDER BY id DESC LIMIT 3")]
    q += [r[0][:5] for r in c.execute("SELECT passport_number FROM applicants ORDER BY id LIMIT 2")]
    q += [r[0] for r in c.execute("SELECT number FROM certificates ORDER BY id DESC LIMIT 3")]
    q += [f"{r[0]} {r[1][:4]}" for r in c.execute("SELECT surname_latin, given_names_latin FROM applicants ORDER BY id DESC LIMIT 2")]
    q += [r[0] for r in c.execute("SELECT name_native FROM applicants WHERE name_native <> '' ORDER BY id DESC LIMIT 2")]
    times = sorted(run([BIN, "cases", "--db", str(store), "--search", text])[0] * 1000 for text in q for _ in range(5))
    p95 = times[int(len(times) * 0.95) - 1]
    cases = c.execute("SELECT count(*) FROM cases").fetchone()[0]
    print(f"\nsearch on {cases:,} cases, {len(q)} queries x 5 runs: "
          f"median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, max {times[-1]:.1f} ms")


def table():
    print("\n| work | Anyqtama | peer | ratio | peak memory | instructions |")
    print("|---|---|---|---|---|---|")
    for work, ours, peer, name, mem, instr in ROWS:
        ratio = peer / ours
        print(f"| {work} | {ours * 1000:,.1f} ms | {name}: {peer * 1000:,.1f} ms | "
              f"{'%.2fx faster' % ratio if ratio >= 1 else '%.2fx slower' % (1 / ratio)} | "
              f"{'%.0f MB' % mem if mem else ''} | {'%.1f M' % (instr / 1e6) if instr else ''} |")


if __name__ == "__main__":
    main()
