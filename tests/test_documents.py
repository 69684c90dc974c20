"""Documents through the real CLI, checked with real tools: pdftotext, pdffonts, qpdf, pdftoppm,
zbarimg, openpyxl; rendered pages compared with the reference images in tests/reference/."""
import csv
import io
import json
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
BIN = os.environ.get("ANYQTAMA_BIN", str(TARGET / "debug" / "anyqtama"))
REFERENCE = ROOT / "tests" / "reference"
LANGS = ["kk", "ru", "en", "kk+ru"]
TODAY = "2026-11-20"


def run(*args, ok=True):
    # The demo's head prints (a recorded print is a signed-in user's); drafts need nobody.
    p = subprocess.run([BIN, *args], capture_output=True, text=True,
                       env={**os.environ, "LANG": "en_US.UTF-8", "ANYQTAMA_PASSWORD": "anyqtama-demo"})
    if ok:
        assert p.returncode == 0, f"{args}: {p.stderr}"
    return p


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    d = tmp_path_factory.mktemp("docs")
    db = d / "store.sqlite"
    run("demo", "--db", str(db), "--cases", "400", "--seed", "11", "--today", TODAY)
    c = sqlite3.connect(db)
    q = lambda sql: c.execute(sql).fetchone()
    ids = {
        "certificate": q("SELECT number FROM certificates WHERE copy = 0 AND status = 'valid' AND replaces_id IS NULL ORDER BY id DESC LIMIT 1")[0],
        "duplicate": q("SELECT number FROM certificates WHERE copy > 0 ORDER BY id DESC LIMIT 1")[0],
        "reissue": q("SELECT number FROM certificates WHERE replaces_id IS NOT NULL AND number NOT IN (SELECT number FROM certificates WHERE copy > 0) ORDER BY id DESC LIMIT 1")[0],
        "refused": str(q("SELECT id FROM cases WHERE status = 'refused' AND kind = 'issue' ORDER BY id DESC LIMIT 1")[0]),
        "refused_other": str(q("SELECT id FROM cases WHERE status = 'refused' AND kind <> 'issue' ORDER BY id DESC LIMIT 1")[0]),
        "not_accepted": str(q("SELECT c.id FROM cases c JOIN acceptance_refusals r ON r.case_id = c.id WHERE r.missing <> '[]' ORDER BY c.id DESC LIMIT 1")[0]),
    }
    holder = q(f"SELECT a.surname_latin, a.surname_cyrillic FROM certificates c JOIN applicants a ON a.id = c.applicant_id WHERE c.number = '{ids['certificate']}'")
    refused_name = q(f"SELECT a.surname_latin FROM cases c JOIN applicants a ON a.id = c.applicant_id WHERE c.id = {ids['refused']}")[0]
    c.close()
    return {"db": db, "dir": d, "ids": ids, "holder": holder, "refused_name": refused_name}


def pdf_text(path):
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def check_pdf(path):
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts, "no fonts"
    for line in fonts:
        assert line.split()[-5] == "yes", f"font not embedded: {line}"
    subprocess.run(["qpdf", "--check", str(path)], capture_output=True, check=True)


def print_doc(store, kind, ident, lang, name=None, *extra):
    out = store["dir"] / f"{name or kind}-{lang}.pdf"
    who = [] if "--draft" in extra else ["--user", "head"]
    run("print", kind, ident, "--db", str(store["db"]), "--lang", lang, "--out", str(out), *who, *extra)
    check_pdf(out)
    return out


TITLES = {
    "kk": "Өз бетінше жұмысқа орналасу үшін біліктілік сәйкестігі туралы анықтама",
    "ru": "Справка о соответствии квалификации для самостоятельного трудоустройства",
    "en": "Certificate of qualification compliance for self-employment",
}
MONTH = {"kk": "қараша", "ru": "ноября", "en": "November"}


def squash(s):
    return " ".join(s.split())


def doc_messages(lang):
    """Message id -> first line of locales/<lang>/documents.ftl (the fixed words of the forms)."""
    import re
    out = {}
    for line in (ROOT / "locales" / lang / "documents.ftl").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^([a-z][a-z0-9_-]*)\s*=\s*(.*)$", line)
        if m:
            out[m.group(1)] = m.group(2)
    return out


def words_before_placeable(text, n=4):
    """The first words of a message up to its first { placeable }: what any rendering contains."""
    return " ".join(text.split("{")[0].split()[:n])


@pytest.mark.parametrize("lang", LANGS)
def test_certificate_carries_its_values(store, lang):
    out = print_doc(store, "certificate", store["ids"]["certificate"], lang)
    text = squash(pdf_text(out))
    assert store["ids"]["certificate"] in text
    assert store["holder"][0] in text
    for l in lang.split("+"):
        assert squash(TITLES[l]) in text, l
    if lang != "en":
        assert store["holder"][1] in text, "the Cyrillic name on the kk and ru forms"
    assert ("М.О." in text) if lang.startswith("kk") else True
    assert ("М.П." in text) if "ru" in lang else True
    if lang == "en":
        assert "Unofficial translation" in text
    if lang.startswith("kk"):
        assert "ресми емес" in text, "our Kazakh names of professions are marked unofficial"


@pytest.mark.parametrize("lang", LANGS)
def test_qr_decodes_verifies_and_one_changed_character_fails(store, lang):
    out = store["dir"] / f"certificate-{lang}.pdf"
    if not out.exists():
        print_doc(store, "certificate", store["ids"]["certificate"], lang)
    png = store["dir"] / f"qr-{lang}"
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(out), str(png)], check=True)
    payload = subprocess.run(["zbarimg", "-q", "--raw", f"{png}.png"], capture_output=True, text=True, check=True).stdout.strip()
    assert payload.startswith("ANQ1|")
    ok = json.loads(run("verify-qr", payload, "--db", str(store["db"])).stdout)
    assert ok["genuine"] is True and ok["certificate"]["number"] == store["ids"]["certificate"]
    # One character changed anywhere is refused.
    for i in [len("ANQ1|") + 20, len(payload) // 2, len(payload) - 3]:
        c = payload[i]
        bad = payload[:i] + ("X" if c != "X" else "Y") + payload[i + 1:]
        p = run("verify-qr", bad, "--db", str(store["db"]), ok=False)
        assert p.returncode != 0 and not p.stdout, bad
        assert p.stderr.strip()


def test_verify_qr_names_forgery_and_unknown_office_in_each_language(store, tmp_path):
    out = print_doc(store, "certificate", store["ids"]["certificate"], "ru", "qrlang")
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(out), str(tmp_path / "q")], check=True)
    payload = subprocess.run(["zbarimg", "-q", "--raw", str(tmp_path / "q.png")], capture_output=True, text=True, check=True).stdout.strip()
    forged = payload.replace("|2026-", "|2029-", 1)
    assert "FORGED" in run("--lang", "en", "verify-qr", forged, "--db", str(store["db"]), ok=False).stderr
    assert "ПОДДЕЛКА" in run("--lang", "ru", "verify-qr", forged, "--db", str(store["db"]), ok=False).stderr
    assert "ЖАЛҒАН" in run("--lang", "kk", "verify-qr", forged, "--db", str(store["db"]), ok=False).stderr
    other = tmp_path / "other.sqlite"
    run("demo", "--db", str(other), "--cases", "5", "--seed", "12", "--today", TODAY)
    assert "does not know" in run("verify-qr", payload, "--db", str(other), ok=False).stderr


def test_duplicate_and_reissue_are_marked(store):
    dup = squash(pdf_text(print_doc(store, "certificate", store["ids"]["duplicate"], "ru", "dup")))
    assert "ДУБЛИКАТ" in dup and "оригинал недействителен" in dup
    re = squash(pdf_text(print_doc(store, "certificate", store["ids"]["reissue"], "kk+ru", "reissue")))
    assert "взамен справки №" in re and "орнына берілді" in re


@pytest.mark.parametrize("lang", LANGS)
def test_application_refusal_protocol(store, lang):
    case = store["ids"]["refused"]
    app = squash(pdf_text(print_doc(store, "application", case, lang)))
    assert store["refused_name"] in app
    ref = squash(pdf_text(print_doc(store, "refusal", case, lang)))
    assert f"№ {case}" in ref or f"No. {case}" in ref
    assert {"kk": "25-тармақ", "ru": "п. 25", "en": "p.25", "kk+ru": "п. 25"}[lang] in ref, "the appeal route of chapter 3"
    # App 2 p.5 and p.9: each ground the decision recorded is printed, with its subparagraph.
    c = sqlite3.connect(store["db"])
    grounds, rule_set = c.execute(
        f"SELECT d.refusal_grounds, c.rule_set FROM decisions d JOIN cases c ON c.id = d.case_id WHERE c.id = {case}").fetchone()
    grounds = json.loads(grounds)
    assert grounds, "a refusal always has a ground"
    for l in lang.split("+"):
        msgs = doc_messages(l)
        for g in grounds:
            assert squash(words_before_placeable(msgs[f"ground-{g}"])) in ref, (l, g)
    prot = squash(pdf_text(print_doc(store, "protocol", case, lang)))
    assert store["refused_name"] in prot
    for l in lang.split("+"):
        msgs = doc_messages(l)
        assert squash(msgs[f"ruleset-{rule_set}"]) in prot, "the rule set is named in words, not by its id"
        assert words_before_placeable(msgs["protocol-experience-total"], 2) in prot, "the experience totals"
    assert "order-" not in prot


@pytest.mark.parametrize("lang", LANGS)
def test_refusal_to_accept_has_its_letter(store, lang):
    """App 2 p.9 (last part, 004) and Rules p.7 of order 503: incomplete or expired documents are a
    refusal to accept, with its own letter naming the documents."""
    case = store["ids"]["not_accepted"]
    c = sqlite3.connect(store["db"])
    missing = json.loads(c.execute(f"SELECT missing FROM acceptance_refusals WHERE case_id = {case}").fetchone()[0])
    text = squash(pdf_text(print_doc(store, "refusal", case, lang, "not-accepted")))
    for l in lang.split("+"):
        msgs = doc_messages(l)
        assert squash(msgs["acceptance-title"]) in text, l
        assert squash(words_before_placeable(msgs["acceptance-missing"])) in text
    main_msgs = {}
    import re
    for l in lang.split("+"):
        for line in (ROOT / "locales" / l / "main.ftl").read_text(encoding="utf-8").splitlines():
            m = re.match(r"^(doc-[a-z_]+)\s*=\s*(.*)$", line)
            if m:
                main_msgs[(l, m.group(1))] = m.group(2)
        for kind in missing:
            name = main_msgs.get((l, f"doc-{kind}"))
            assert name and squash(words_before_placeable(name, 3)) in text, (l, kind)


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_refusal_of_an_extension_reissue_or_duplicate_names_its_ground(store, lang):
    case = store["ids"]["refused_other"]
    c = sqlite3.connect(store["db"])
    grounds, reason = c.execute(f"SELECT refusal_grounds, reason FROM decisions WHERE case_id = {case}").fetchone()
    grounds = json.loads(grounds)
    assert grounds and "below_threshold" not in grounds
    text = squash(pdf_text(print_doc(store, "refusal", case, lang, "refused-other")))
    msgs = doc_messages(lang)
    for g in grounds:
        assert squash(words_before_placeable(msgs[f"ground-{g}"])) in text
    assert squash(reason)[:40] in text, "the written justification under the ground"


def test_refusal_of_a_case_that_was_not_refused_is_itself_refused(store):
    p = run("print", "refusal", "1", "--db", str(store["db"]), "--out", str(store["dir"] / "x.pdf"), ok=False)
    c = sqlite3.connect(store["db"])
    status = c.execute("SELECT status FROM cases WHERE id = 1").fetchone()[0]
    if status != "refused":
        assert p.returncode != 0 and not (store["dir"] / "x.pdf").exists()


def test_draft_is_marked_and_not_recorded_a_print_is(store):
    db = store["db"]
    count = lambda: sqlite3.connect(db).execute("SELECT count(*) FROM audit WHERE action = 'print'").fetchone()[0]
    before = count()
    draft = print_doc(store, "certificate", store["ids"]["certificate"], "kk", "draft", "--draft")
    assert count() == before
    real = print_doc(store, "certificate", store["ids"]["certificate"], "kk+ru", "real", "--copies", "2")
    assert count() == before + 1
    # The mark is what a person sees: red ink across the draft page, none on the real one.
    # (Poppler's pdftotext does not extract diagonal text, so this is checked on the image.)
    from PIL import Image

    def red(pdf):
        img = Image.open(render_png(pdf, pdf.with_suffix(""), dpi=50)).convert("RGB")
        return sum(1 for r, g, b in img.getdata() if r > 150 and g < 120 and b < 120)

    assert red(draft) > 500, "the DRAFT mark is visible"
    assert red(real) == 0
    after = json.loads(sqlite3.connect(db).execute("SELECT after FROM audit WHERE action = 'print' ORDER BY seq DESC LIMIT 1").fetchone()[0])
    assert after == {"document": "certificate", "id": store["ids"]["certificate"], "lang": "kk+ru", "copies": 2}
    assert json.loads(run("verify", "--db", str(db)).stdout)["ok"] is True


def test_registers_as_pdf_xlsx_and_csv(store):
    import openpyxl

    db, d = str(store["db"]), store["dir"]
    month = "2026-06"
    meta = json.loads(run("register", "--db", db, "--month", month, "--format", "pdf", "--lang", "ru", "--out", str(d / "reg.pdf"), "--today", TODAY).stdout)
    check_pdf(d / "reg.pdf")
    text = squash(pdf_text(d / "reg.pdf"))
    assert "июнь 2026" in text and f"Всего: {meta['rows']}" in text and "Стр. 1 из" in text
    run("register", "--db", db, "--month", month, "--format", "xlsx", "--lang", "kk", "--out", str(d / "reg.xlsx"), "--today", TODAY)
    wb = openpyxl.load_workbook(d / "reg.xlsx")
    ws = wb.active
    assert ws.freeze_panes == "A2"
    assert ws.cell(1, 4).value == "Иесі"
    rows = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] is not None]
    assert len(rows) == meta["rows"] > 0
    import datetime
    assert all(isinstance(r[2], datetime.datetime) and r[2].strftime("%Y-%m") == month for r in rows)
    run("register", "--db", db, "--month", month, "--format", "csv", "--lang", "en", "--out", str(d / "reg.csv"), "--today", TODAY)
    raw = (d / "reg.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM for Excel"
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert table[0][1] == "Certificate" and len(table) - 1 == meta["rows"]
    bad = run("register", "--db", db, "--month", "2026-13", "--format", "csv", "--out", str(d / "bad.csv"), ok=False)
    assert bad.returncode != 0 and not (d / "bad.csv").exists()


def test_the_xlsx_register_says_what_the_csv_says(store):
    """Cell by cell, in two languages, for the busiest month: the XLSX writes each distinct text
    once, and it once took a profession for another of the same names in another sector."""
    import openpyxl

    db, d = str(store["db"]), store["dir"]
    c = sqlite3.connect(db)
    month = c.execute("SELECT substr(decided_on, 1, 7) m FROM cases WHERE decided_on IS NOT NULL "
                      "GROUP BY m ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    # The case this test was written for: professions of the same names in several sectors.
    assert c.execute("SELECT count(DISTINCT profession_id) FROM cases WHERE substr(decided_on, 1, 7) = ?",
                     (month,)).fetchone()[0] > 1
    c.close()
    for fmt in ["xlsx", "csv"]:
        run("register", "--db", db, "--month", month, "--format", fmt, "--lang", "kk+ru",
            "--out", str(d / f"same.{fmt}"), "--today", TODAY)
    table = list(csv.reader(io.StringIO((d / "same.csv").read_text(encoding="utf-8-sig"))))
    sheet = [["" if v is None else v for v in r]
             for r in openpyxl.load_workbook(d / "same.xlsx").active.iter_rows(values_only=True)]
    assert sheet[0] == table[0]
    rows = sheet[1:len(table)]
    assert len(rows) == len(table) - 1 > 10
    for x, t in zip(rows, table[1:]):
        # CSV dates are ISO; the XLSX has real dates; the row number is a number.
        x = [str(int(v)) if isinstance(v, float) else v.date().isoformat() if hasattr(v, "date") else v for v in x]
        assert x == t
    professions = {r[5] for r in table[1:]}
    assert len(professions) > 1


def render_png(pdf, out_base, dpi=40):
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", str(pdf), str(out_base)], check=True)
    return Path(f"{out_base}.png")


REFERENCE_DOCS = [("certificate", "certificate"), ("application", "refused"), ("refusal", "refused"), ("protocol", "refused"),
                  ("refusal", "not_accepted")]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind,key", REFERENCE_DOCS)
def test_pages_match_the_reference_images(store, kind, key, lang):
    """The first page of each document against its reference, with a tolerance for rasteriser
    differences. ANYQTAMA_UPDATE_REFERENCE=1 rewrites the references (then look at them)."""
    from PIL import Image, ImageChops

    name = kind if key != "not_accepted" else "not-accepted"
    pdf = print_doc(store, kind, store["ids"][key], lang, f"ref-{name}", "--draft")
    png = render_png(pdf, store["dir"] / f"ref-{name}-{lang}")
    ref = REFERENCE / f"{name}-{lang}.png"
    if os.environ.get("ANYQTAMA_UPDATE_REFERENCE") == "1":
        REFERENCE.mkdir(exist_ok=True)
        ref.write_bytes(png.read_bytes())
    a, b = Image.open(png).convert("L"), Image.open(ref).convert("L")
    assert a.size == b.size, f"{kind} {lang}: page size changed"
    diff = ImageChops.difference(a, b)
    changed = sum(1 for v in diff.getdata() if v > 64) / (a.size[0] * a.size[1])
    assert changed < 0.01, f"{kind} {lang}: {changed:.2%} of the page differs from {ref.name}"


@pytest.mark.parametrize("lang", ["ru", "kk+ru"])
def test_register_page_matches_the_reference_image(store, lang):
    from PIL import Image, ImageChops

    out = store["dir"] / f"register-{lang}.pdf"
    run("register", "--db", str(store["db"]), "--month", "2026-06", "--format", "pdf", "--lang", lang, "--out", str(out), "--today", TODAY)
    check_pdf(out)
    png = render_png(out, store["dir"] / f"register-{lang}")
    ref = REFERENCE / f"register-{lang}.png"
    if os.environ.get("ANYQTAMA_UPDATE_REFERENCE") == "1":
        ref.write_bytes(png.read_bytes())
    a, b = Image.open(png).convert("L"), Image.open(ref).convert("L")
    assert a.size == b.size
    diff = ImageChops.difference(a, b)
    assert sum(1 for v in diff.getdata() if v > 64) / (a.size[0] * a.size[1]) < 0.01


def test_a_print_is_recorded_only_once_written_and_only_as_a_user(store, tmp_path):
    """A recorded print is the signed-in user's, with 1 to 100 copies, and is recorded only once
    its file is written whole: a refused print leaves no file and no audit event."""
    db = store["db"]
    number = store["ids"]["certificate"]
    prints = lambda: sqlite3.connect(db).execute("SELECT count(*) FROM audit WHERE action = 'print'").fetchone()[0]
    before = prints()
    base = ["print", "certificate", number, "--db", str(db), "--lang", "kk+ru"]
    cannot = tmp_path / "no such folder" / "c.pdf"
    p = run(*base, "--out", str(cannot), "--user", "head", ok=False)
    assert p.returncode != 0 and not p.stdout and not cannot.exists()
    for copies in ["0", "101", "100000"]:
        out = tmp_path / f"c{copies}.pdf"
        p = run(*base, "--out", str(out), "--user", "head", "--copies", copies, ok=False)
        assert p.returncode != 0 and not out.exists(), copies
    p = run(*base, "--out", str(tmp_path / "anon.pdf"), ok=False)
    assert p.returncode != 0 and "--user" in p.stderr and not (tmp_path / "anon.pdf").exists()
    assert prints() == before, "nothing refused was recorded"
    run(*base, "--out", str(tmp_path / "draft.pdf"), "--draft")
    assert prints() == before
    run(*base, "--out", str(tmp_path / "real.pdf"), "--user", "head", "--copies", "100")
    assert prints() == before + 1
    login = sqlite3.connect(db).execute("SELECT login FROM audit WHERE action = 'print' ORDER BY seq DESC LIMIT 1").fetchone()[0]
    assert login == "head"


def qr_of(pdf, base):
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(pdf), str(base)], check=True)
    return subprocess.run(["zbarimg", "-q", "--raw", f"{base}.png"], capture_output=True, text=True, check=True).stdout.strip()


def test_a_qr_tells_the_truth_and_a_draft_never_verifies(store, tmp_path):
    """Verifying a QR says genuine or not, which office signed it and the certificate's status today
    where the store holds it (valid, expired, superseded, replaced, revoked); a draft's code names
    the number, carries no signature and is refused as a draft."""
    db = str(store["db"])
    c = sqlite3.connect(db)
    revoked = c.execute("SELECT number, copy FROM certificates WHERE status = 'revoked' ORDER BY id DESC LIMIT 1").fetchone()
    valid = store["ids"]["certificate"]
    # A draft: its code says so and does not verify.
    draft = print_doc(store, "certificate", valid, "ru", "qr-draft", "--draft")
    payload = qr_of(draft, tmp_path / "draft")
    assert payload.startswith("ANQ1-DRAFT|") and valid in payload
    p = run("--lang", "en", "verify-qr", payload, "--db", db, ok=False)
    assert p.returncode != 0 and not p.stdout and "DRAFT" in p.stderr
    # A valid certificate: genuine, this office, valid today.
    real = qr_of(print_doc(store, "certificate", valid, "ru", "qr-valid"), tmp_path / "valid")
    ok = json.loads(run("verify-qr", real, "--db", db, "--today", TODAY).stdout)
    office = c.execute("SELECT name_ru FROM office").fetchone()[0]
    assert ok["genuine"] and ok["known"] and ok["status"] == "valid" and ok["matches"] is True
    assert ok["office"] and ok["fingerprint"] and ok["certificate"]["number"] == valid, ok
    # The same code years later: expired.
    later = json.loads(run("verify-qr", real, "--db", db, "--today", "2031-01-01").stdout)
    assert later["status"] == "expired"
    # A revoked certificate's code (the seal it was printed with while valid) is still genuinely
    # signed, and says revoked; the certificate itself is no longer printed as an original.
    if revoked:
        code = sqlite3.connect(db).execute("SELECT seal FROM certificates WHERE number = ? AND status = 'revoked'",
                                           (revoked[0],)).fetchone()[0]
        r = json.loads(run("verify-qr", code, "--db", db, "--today", TODAY).stdout)
        assert r["genuine"] and r["status"] == "revoked", r
        p = run("print", "certificate", revoked[0], "--db", db, "--lang", "en", "--out", str(tmp_path / "revoked.pdf"),
                "--user", "head", ok=False)
        assert p.returncode != 0 and "no longer valid" in p.stderr and not (tmp_path / "revoked.pdf").exists(), p.stderr
    # Another office's store does not hold the number: genuine there only if it knows the key.
    other = tmp_path / "other.sqlite"
    run("demo", "--db", str(other), "--cases", "5", "--seed", "12", "--today", TODAY)
    p = run("verify-qr", real, "--db", str(other), ok=False)
    assert p.returncode != 0 and "does not know" in p.stderr
    assert office


def test_a_days_certificates_print_in_one_go(store, tmp_path):
    """`print certificates --decided-on DAY`: one PDF of all the day's certificates (or one file
    each), every print recorded in one transaction as the signed-in user; one bad number refuses
    the whole run with nothing written or recorded."""
    db = str(store["db"])
    c = sqlite3.connect(db)
    # The run prints those that still hold (a certificate revoked or replaced since is left out),
    # so the day is the one with the most certificates that still hold, chosen from the store.
    still = "AND EXISTS (SELECT 1 FROM certificates v WHERE v.number = t.number AND v.status = 'valid')"
    day, n = c.execute(
        "SELECT c.decided_on, count(DISTINCT t.number) FROM cases c JOIN certificates t ON t.id = c.result_certificate_id "
        f"WHERE c.status = 'issued' {still} GROUP BY c.decided_on ORDER BY 2 DESC, 1 LIMIT 1").fetchone()
    numbers = [r[0] for r in c.execute(
        "SELECT DISTINCT t.number FROM cases c JOIN certificates t ON t.id = c.result_certificate_id "
        f"WHERE c.status = 'issued' AND c.decided_on = ? {still} ORDER BY t.number", (day,))]
    n = len(numbers)
    assert n >= 2 and len(numbers) == n
    prints = lambda: sqlite3.connect(db).execute("SELECT count(*) FROM audit WHERE action = 'print'").fetchone()[0]
    before = prints()
    out = tmp_path / "day.pdf"
    meta = json.loads(run("print", "certificates", "--decided-on", day, "--db", db, "--lang", "kk+ru",
                          "--out", str(out), "--user", "head").stdout)
    assert meta["count"] == n
    check_pdf(out)
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    import re
    assert int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1)) == n, info
    text = pdf_text(out)
    assert all(num in text for num in numbers)
    assert prints() == before + n
    # One transaction: the day's prints carry one moment and one user.
    rows = sqlite3.connect(db).execute(
        f"SELECT DISTINCT at, login FROM (SELECT at, login FROM audit WHERE action = 'print' ORDER BY seq DESC LIMIT {n})").fetchall()
    assert len(rows) == 1 and rows[0][1] == "head", rows
    # One file each.
    folder = tmp_path / "each"
    run("print", "certificates", *numbers, "--db", db, "--lang", "ru", "--out-dir", str(folder), "--draft")
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"certificate-{x}-ru-draft.pdf" for x in numbers)
    assert prints() == before + n, "drafts are not recorded"
    # A number that does not exist: nothing written, nothing recorded.
    bad = tmp_path / "bad.pdf"
    p = run("print", "certificates", numbers[0], "NO-SUCH-1", "--db", db, "--out", str(bad), "--user", "head", ok=False)
    assert p.returncode != 0 and not bad.exists() and prints() == before + n
