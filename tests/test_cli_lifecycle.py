"""A certificate's whole life driven from a shell (tools/lifecycle.sh, shown in the README), against a
fresh store, with the clock pinned: every step signs in as a user of the store, and the store ends
as the law says — the reissue for a new employer ends with the new contract, the duplicate is
revoked, and `verify` passes. Then what a shell must not be able to do: act without the right
password or role, or refuse without a ground, and write anything while failing."""
import json
import os
import sqlite3
import subprocess
from pathlib import Path

from conftest import ROOT, TARGET

BIN = os.environ.get("ANYQTAMA_BIN", str(TARGET / "debug" / "anyqtama"))
NOW = "2026-11-25T10:00"


def env(**extra):
    return {**os.environ, "ANYQTAMA": BIN, "ANYQTAMA_TEST_NOW": NOW, "LANG": "en_US.UTF-8", **extra}


def q(db, sql):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_the_readme_lifecycle_script_runs_on_a_fresh_store(tmp_path):
    out = subprocess.run([str(ROOT / "tools" / "lifecycle.sh"), str(tmp_path)], env=env(),
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-3000:]
    db = tmp_path / "office.sqlite"
    kinds = dict(q(db, "SELECT kind, status FROM cases"))
    assert kinds == {"issue": "issued", "extend": "issued", "reissue": "issued", "duplicate": "issued"}
    # Rules p.16-17: the extension runs to the contract's end (within three years).
    assert q(db, "SELECT valid_to FROM extensions") == [("2028-06-30",)]
    # Rules p.19, p.22 (order 426), p.16: the reissue for a new employer ends with its contract.
    assert q(db, "SELECT valid_to FROM certificates WHERE replaces_id IS NOT NULL") == [("2027-06-30",)]
    # The duplicate keeps the number and is the one revoked (Rules p.22-1, p.21).
    assert q(db, "SELECT copy, status FROM certificates WHERE number = 'SMY-2026-00002' ORDER BY copy") == \
        [(0, "replaced"), (1, "revoked")]
    # Every action is attributed to the user who signed in.
    logins = {r[0] for r in q(db, "SELECT DISTINCT login FROM audit WHERE action IN ('register_application', 'decide', 'record_assessment')")}
    assert logins == {"registrar", "head", "secretary"}
    assert (tmp_path / "certificate.pdf").read_bytes().startswith(b"%PDF")
    # The actions beyond the case itself, each through the CLI as in the window.
    assert q(db, "SELECT document_kind FROM attachments") == [("identity_document",)]
    assert q(db, "SELECT kind FROM notifications") == [("employer_change",)]
    assert q(db, "SELECT status FROM complaints") == [("rejected",)]
    # A reset and a change of password kept every signatory's slot (and no plain key anywhere).
    assert q(db, "SELECT count(*) FROM key_slots") == [(2,)]
    assert q(db, "SELECT count(*) FROM office_keys WHERE secret_key IS NOT NULL") == [(0,)]
    assert "may: ['attach_scan', 'send_to_commission'" in out.stdout, out.stdout[:2000]
    assert json.loads(out.stdout[out.stdout.rindex("{"):])["ok"] is True, "verify at the end"


def test_a_shell_cannot_act_without_the_password_the_role_or_a_ground(tmp_path):
    subprocess.run([str(ROOT / "tools" / "lifecycle.sh"), str(tmp_path)], env=env(), check=True, capture_output=True)
    db = str(tmp_path / "office.sqlite")
    events = q(db, "SELECT count(*) FROM audit")[0][0]

    def run(*args, password, lang="en"):
        return subprocess.run([BIN, "--lang", lang, *args, "--db", db], env=env(ANYQTAMA_PASSWORD=password),
                              capture_output=True, text=True)

    # A new extension application to decide on.
    app = json.loads((tmp_path / "extend.json").read_text())
    app["certificate"] = q(db, "SELECT id FROM certificates WHERE replaces_id IS NULL AND copy = 0 ORDER BY id LIMIT 1")[0][0]
    (tmp_path / "extend2.json").write_text(json.dumps(app))
    wrong = run("case", "register", str(tmp_path / "extend2.json"), "--user", "registrar", password="nope")
    assert wrong.returncode != 0 and not wrong.stdout and "password" in wrong.stderr.lower()
    # The certificate is superseded by the reissue: the registration itself is refused.
    refused = run("case", "register", str(tmp_path / "extend2.json"), "--user", "registrar", password="registrar password")
    assert refused.returncode != 0 and not refused.stdout
    assert q(db, "SELECT count(*) FROM audit")[0][0] == events, "nothing written on failure"

    # A new first issue, assessed "issue": a registrar cannot decide it; a head cannot refuse it
    # without a ground of App 2 p.9, nor with a written reason alone.
    case = json.loads(run("case", "register", str(tmp_path / "application.json"), "--user", "registrar",
                          password="registrar password").stdout)["case"]
    run("case", "send", str(case), "--user", "registrar", password="registrar password")
    p = run("case", "assess", str(case), "--sitting", "1", "--decision", "refuse", "--note", "we disagree",
            str(tmp_path / "findings.json"), "--user", "secretary", password="secretary password")
    assert p.returncode != 0 and "follows from its findings" in p.stderr, p.stderr
    run("case", "assess", str(case), "--sitting", "1", "--decision", "issue", str(tmp_path / "findings.json"),
        "--user", "secretary", password="secretary password")
    events = q(db, "SELECT count(*) FROM audit")[0][0]
    p = run("case", "decide", str(case), "--outcome", "refuse", "--user", "registrar", password="registrar password")
    assert p.returncode != 0 and not p.stdout
    p = run("case", "decide", str(case), "--outcome", "refuse", "--reason", "Нет", "--user", "head",
            password="head new password", lang="ru")
    assert p.returncode != 0 and not p.stdout and "основание" in p.stderr, p.stderr
    p = run("case", "decide", "abc", "--outcome", "issue", "--user", "head", password="head new password")
    assert p.returncode != 0 and "abc" in p.stderr
    assert q(db, "SELECT count(*) FROM audit")[0][0] == events
    p = run("case", "decide", str(case), "--outcome", "refuse", "--ground", "unreliable_documents",
            "--reason", "The diploma's register entry does not exist.", "--user", "head", password="head new password")
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["refusal_grounds"] == ["unreliable_documents"]
    # The revoked duplicate is never printed as an original, only as a marked draft.
    events = q(db, "SELECT count(*) FROM audit")[0][0]
    p = run("print", "certificate", "SMY-2026-00002", "--out", str(tmp_path / "revoked.pdf"), "--user", "registrar",
            password="registrar password", lang="ru")
    assert p.returncode != 0 and "не действует" in p.stderr, p.stderr
    assert not (tmp_path / "revoked.pdf").exists() and q(db, "SELECT count(*) FROM audit")[0][0] == events
    p = run("print", "certificate", "SMY-2026-00002", "--draft", "--out", str(tmp_path / "revoked.pdf"), password="")
    assert p.returncode == 0 and (tmp_path / "revoked.pdf").read_bytes().startswith(b"%PDF"), p.stderr


def test_demo_never_writes_into_a_store_with_data_and_a_closed_pipe_is_no_panic(tmp_path):
    subprocess.run([str(ROOT / "tools" / "lifecycle.sh"), str(tmp_path)], env=env(), check=True, capture_output=True)
    db = str(tmp_path / "office.sqlite")
    users = q(db, "SELECT count(*) FROM users")[0][0]
    p = subprocess.run([BIN, "demo", "--db", db, "--cases", "10", "--today", NOW[:10]], env=env(),
                       capture_output=True, text=True)
    assert p.returncode != 0 and not p.stdout
    assert q(db, "SELECT count(*) FROM users")[0][0] == users, "no demo users with the known password"
    demo = tmp_path / "demo.sqlite"
    subprocess.run([BIN, "demo", "--db", str(demo), "--cases", "300", "--today", NOW[:10]], env=env(), check=True,
                   capture_output=True)
    # `anyqtama cases | head -c 100`: the reader goes away; the command ends quietly, no backtrace.
    proc = subprocess.Popen([BIN, "cases", "--db", str(demo)], env=env(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    proc.stdout.read(100)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait() != 0
    assert "panicked" not in err and "backtrace" not in err.lower(), err


def test_a_file_that_is_not_a_store_is_refused_and_left_alone(tmp_path):
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    for args in (["verify"], ["cases"], ["due"], ["bundle", "export", "--since-last", "--out", str(tmp_path / "b.zip"), "--user", "admin"]):
        p = subprocess.run([BIN, "--lang", "en", *args, "--db", str(empty)], env=env(), capture_output=True, text=True)
        assert p.returncode != 0 and not p.stdout, (args, p.stdout)
        assert "empty file" in p.stderr, (args, p.stderr)
    assert empty.stat().st_size == 0, "never made into a store"
    folder = tmp_path / "folder.sqlite"
    folder.mkdir()
    p = subprocess.run([BIN, "--lang", "ru", "verify", "--db", str(folder)], env=env(), capture_output=True, text=True)
    assert p.returncode != 0 and "папка" in p.stderr, p.stderr


def test_a_bad_id_is_a_bad_id_and_another_offices_backup_is_not_restored_silently(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for d in (a, b):
        subprocess.run([str(ROOT / "tools" / "lifecycle.sh"), str(d)], env=env(), check=True, capture_output=True)
    db = str(a / "office.sqlite")
    p = subprocess.run([BIN, "--lang", "en", "print", "application", "abc", "--db", db, "--out", str(tmp_path / "x.pdf"),
                        "--draft"], env=env(), capture_output=True, text=True)
    assert p.returncode != 0 and "is not a case number" in p.stderr, p.stderr
    # b's store is another store (another setup), though of an office with the same code.
    copy = tmp_path / "b-copy.sqlite"
    subprocess.run([BIN, "backup", "--db", str(b / "office.sqlite"), "--out", str(copy)], env=env(), check=True,
                   capture_output=True)
    p = subprocess.run([BIN, "--lang", "en", "restore", "--db", db, "--from", str(copy)], env=env(),
                       capture_output=True, text=True)
    assert p.returncode != 0 and "another store" in p.stderr and "--other-office" in p.stderr, p.stderr
    p = subprocess.run([BIN, "restore", "--db", db, "--from", str(copy), "--other-office"], env=env(),
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
