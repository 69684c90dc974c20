"""Manual sync through the real window: an office's administrator exports the month's bundle (the
save dialog's seam writes it), and a higher office's window on an empty store imports it: the
unknown office is trusted only after its fingerprint is shown, the same file again changes
nothing, and the consolidated register and the offices list show what came in."""
import json
import re
import os
import sqlite3
import subprocess
import tempfile
from pathlib import Path

from conftest import E2E_NOW, TARGET, launch
from ui import (click, fill, menu, no_untranslated, progress_seen, record_progress, screen, set_lang, shoot, sign_in,
                text, wait_for, wait_text, wait_until)

ANYQTAMA = os.environ.get("ANYQTAMA_BIN", str(TARGET / "debug" / "anyqtama"))


def test_office_exports_and_higher_office_imports():
    base = Path(tempfile.mkdtemp(prefix="anyqtama-sync-"))
    (base / "dialogs").mkdir()
    office = base / "office.sqlite"
    today = E2E_NOW[:10]
    subprocess.run([ANYQTAMA, "demo", "--db", str(office), "--cases", "300", "--seed", "11", "--years", "1",
                    "--today", today], check=True, capture_output=True)
    con = sqlite3.connect(f"file:{office}?mode=ro", uri=True)
    month = con.execute("SELECT substr(max(decided_on), 1, 7) FROM cases WHERE decided_on < date(?, 'start of month')",
                        (today,)).fetchone()[0]
    # The consolidated register lists the month's decisions and its revocations.
    decided = con.execute(f"SELECT count(*) FROM cases WHERE decided_on LIKE '{month}%' AND status IN ('issued', 'refused')").fetchone()[0]
    decided += con.execute(f"SELECT count(*) FROM revocations WHERE revoked_on LIKE '{month}%'").fetchone()[0]
    code = con.execute("SELECT code FROM office").fetchone()[0]
    con.close()

    with launch(office, base / "dialogs") as w:
        d = w.d
        set_lang(d, "en")
        sign_in(d, "admin", "anyqtama-demo")
        screen(d, "dashboard")
        set_lang(d, "en")
        menu(d, "backup")
        # Typed as people write it: MM.YYYY (issue 15).
        assert d.execute_script("return /^\\d\\d\\.\\d{4}$/.test(document.getElementById('export-month-value').value)")
        fill(d, "#export-month-value", f"{month[5:]}.{month[:4]}")
        record_progress(d)
        click(d, "#export-month")
        wait_text(d, "#toast", "Bundle saved")
        # Issue 15: the bar showed the export going on, by what it had written.
        seen = progress_seen(d)
        assert seen and all(re.fullmatch(r"Writing the bundle: [0-9.,]+ MB", s) for s in seen), seen
        shoot(d, "export-en")
    bundle = base / "dialogs" / f"{code}-{month}.anyqtama.zip"
    assert bundle.exists(), list((base / "dialogs").iterdir())

    region = base / "region.sqlite"
    with launch(region, base / "dialogs") as w:
        d = w.d
        set_lang(d, "ru")
        # An empty store becomes a higher office's, with its own administrator.
        d.execute_script("document.getElementById('hq-card').open = true")
        fill(d, "#hq-login", "region")
        fill(d, "#hq-full_name", "Абаева Сауле")
        fill(d, "#hq-password", "region-pass-1")
        fill(d, "#hq-password2", "region-pass-1")
        click(d, "#hq-setup")
        screen(d, "hq")
        (base / "dialogs" / "next-open").write_text(str(bundle))
        click(d, "#hq-import")
        # An office seen for the first time: refused until its fingerprint is compared and trusted.
        manifest = json.loads(subprocess.run([ANYQTAMA, "bundle", "verify", str(bundle)], check=True,
                                             capture_output=True, text=True).stdout)
        fingerprint = manifest["office"]["fingerprint"]
        wait_text(d, "#hq-report", fingerprint)
        shoot(d, "hq-unknown-office-ru")
        record_progress(d)
        click(d, "#hq-trust")
        wait_for(d, "#hq-result")
        seen = progress_seen(d)
        assert any(s.startswith("Пакет читается: ") for s in seen), seen
        percents = [int(s.split(": ")[1].rstrip(" %")) for s in seen]
        assert percents == sorted(percents) and percents[-1] > 50, seen
        wait_text(d, "#hq-result", code)
        wait_text(d, "#hq-offices", fingerprint)
        no_untranslated(d)
        # The consolidated register of the month shows the office's decisions.
        fill(d, "#hq-month", f"{month[5:]}.{month[:4]}")
        click(d, "#hq-register-show")
        wait_until(d, f"return document.querySelectorAll('#hq-register-table tbody tr').length === {decided}")
        shoot(d, "hq-ru")
        # The same file again: nothing changes.
        (base / "dialogs" / "next-open").write_text(str(bundle))
        click(d, "#hq-import")
        wait_text(d, "#hq-result", "уже импортировался")
        fill(d, "#hq-month", f"{month[5:]}.{month[:4]}")
        click(d, "#hq-register-show")
        shown = f"return document.getElementById('hq-month').value === '{month[5:]}.{month[:4]}'" \
                f" && document.querySelectorAll('#hq-register-table tbody tr').length === {decided}"
        wait_until(d, shown)
        for lang in ["ru", "kk", "en"]:
            set_lang(d, lang)
            # Drawn again in this language, the register shows the month it showed.
            wait_until(d, shown, message=f"the register of {month} after switching to {lang}")
            no_untranslated(d)
            shoot(d, f"hq-{lang}")
            # The higher office's screen fits the window: no sideways scroll (issue 15).
            assert d.execute_script("const e = document.scrollingElement; return e.scrollWidth - window.innerWidth") <= 0, lang
        # The higher office's own audit trail names who imported.
        menu(d, "audit")
        wait_text(d, "#audit-rows", "Абаева Сауле, region")
        no_untranslated(d)
        # Next time its window asks to sign in.
        click(d, "#sign-out")
        wait_for(d, "#signin")
        sign_in(d, "region", "region-pass-1")
        screen(d, "hq")
    con = sqlite3.connect(f"file:{region}?mode=ro", uri=True)
    assert con.execute("SELECT count(*) FROM hq_bundles").fetchone()[0] == 1
    assert con.execute("SELECT login FROM audit WHERE action = 'import_bundle'").fetchone()[0] == "region"
    assert con.execute("SELECT count(*) FROM hq_offices").fetchone()[0] == 1
    con.close()
