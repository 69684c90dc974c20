"""Issue 15, item 7: every screen checked by axe-core (from npm, injected by this test only; the
window ships without it), with no serious or critical violation of WCAG 2.1 A/AA; every field has a
label."""
import json
import os
import sqlite3
import subprocess

from conftest import E2E_NOW, ROOT, TARGET, launch
from ui import click, fill, menu, screen, set_lang, sign_in, wait_for, wait_until

BIN = os.environ.get("ANYQTAMA_BIN", str(TARGET / "debug" / "anyqtama"))
AXE = ROOT / "ui" / "node_modules" / "axe-core" / "axe.min.js"
SCREENS = {
    "registrar": ["dashboard", "search", "new", "registers", "audit", "about", "help"],
    "secretary": ["commission"],
    "head": ["decisions"],
    "admin": ["settings", "backup"],
}


def axe(d, where):
    """axe-core's serious and critical violations on the page as it is now."""
    if not d.execute_script("return !!window.axe"):
        d.execute_script(AXE.read_text(encoding="utf-8"))
    result = d.execute_async_script("""
        const done = arguments[0];
        axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
          .then((r) => done(JSON.stringify({ passed: r.passes.map((p) => p.id), violations: r.violations.map((v) => ({
              id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) })) })),
                (e) => done(JSON.stringify({ passed: [], violations: [{ id: 'axe-failed', impact: 'critical', help: String(e), nodes: [] }] })));""")
    result = json.loads(result)
    # Not vacuous: the rules that matter most here did run on this screen.
    assert {"color-contrast", "button-name"} <= set(result["passed"]), (where, result["passed"])
    return [dict(v, where=where) for v in result["violations"] if v["impact"] in ("serious", "critical")]


def unlabelled(d):
    """Fields with no name a screen reader could say."""
    return d.execute_script("""
        return [...document.querySelectorAll('main input:not([type=hidden]), main select, main textarea')]
          .filter((e) => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby')
                         && !e.closest('label'))
          .map((e) => e.id || e.name || e.outerHTML.slice(0, 80));""")


def test_every_screen_has_no_serious_accessibility_violation(tmp_path):
    (tmp_path / "dialogs").mkdir()
    store = tmp_path / "a11y.sqlite"
    subprocess.run([BIN, "demo", "--db", str(store), "--cases", "120", "--today", E2E_NOW[:10]],
                   check=True, capture_output=True, timeout=300)
    con = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    case, number = con.execute(
        "SELECT c.id, t.number FROM cases c JOIN certificates t ON t.id = c.result_certificate_id "
        "WHERE c.kind = 'issue' AND t.status = 'valid' ORDER BY c.id DESC LIMIT 1").fetchone()
    con.close()
    found, fields = [], {}
    with launch(store, tmp_path / "dialogs") as w:
        d = w.d
        set_lang(d, "kk")
        wait_for(d, "#signin")
        found += axe(d, "start")
        for login, screens in SCREENS.items():
            if d.execute_script("return !document.getElementById('sign-out').hidden"):
                click(d, "#sign-out")
            sign_in(d, login, "anyqtama-demo")
            screen(d, "dashboard")
            set_lang(d, "kk")
            for name in screens:
                if name == "help":
                    click(d, "#help-button")
                else:
                    menu(d, name)
                screen(d, name)
                # Folded parts open, so what they hold is checked too.
                d.execute_script("document.querySelectorAll('details').forEach((x) => x.open = true)")
                found += axe(d, name)
                if unlabelled(d):
                    fields[name] = unlabelled(d)
        menu(d, "search")
        fill(d, "#search", number)
        click(d, f"#search-results a.case-link[data-case='{case}']")
        screen(d, "case")
        d.execute_script("document.querySelectorAll('details').forEach((x) => x.open = true)")
        found += axe(d, "case")
        if unlabelled(d):
            fields["case"] = unlabelled(d)
        # The document preview, a modal dialog over the case page.
        click(d, "#preview-certificate")
        wait_until(d, "return document.querySelectorAll('#preview-pages canvas').length > 0", 60)
        found += axe(d, "preview")
    assert not found, json.dumps(found, ensure_ascii=False, indent=1)
    assert not fields, fields
