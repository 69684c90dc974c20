"""Issue 15, item 6: the help in the window (F1 and the header's button), a guide per role in each
language with a screenshot of the role's screen.

The screenshots are made here: `ANYQTAMA_UPDATE_HELP=1` signs each role in on a demo office at
1100x760, shoots its main screen in kk, ru and en and writes ui/static/help/<lang>-<role>.png (the
window embeds them at its next build). Without it, the help is checked as it ships: every guide in
every language, every screenshot loaded."""
import io
import os
import subprocess

from conftest import E2E_NOW, ROOT, TARGET, ftl_all, launch
from ui import click, no_untranslated, screen, set_lang, shoot, sign_in, wait_for, wait_text, wait_until

BIN = os.environ.get("ANYQTAMA_BIN", str(TARGET / "debug" / "anyqtama"))
HELP = ROOT / "ui" / "static" / "help"
ROLES = {"registrar": "dashboard", "secretary": "commission", "head": "decisions", "admin": "settings"}
LANGS = ["kk", "ru", "en"]


def demo(tmp_path):
    (tmp_path / "dialogs").mkdir()
    store = tmp_path / "help.sqlite"
    subprocess.run([BIN, "demo", "--db", str(store), "--cases", "300", "--today", E2E_NOW[:10]],
                   check=True, capture_output=True, timeout=300)
    return store, tmp_path / "dialogs"


def make_screenshots(store, dialogs):
    from PIL import Image
    HELP.mkdir(parents=True, exist_ok=True)
    with launch(store, dialogs) as w:
        d = w.d
        for role, name in ROLES.items():
            sign_in(d, role, "anyqtama-demo")
            screen(d, "dashboard")
            if name != "dashboard":
                click(d, f"#menu-{name}")
                screen(d, name)
            for lang in LANGS:
                set_lang(d, lang)
                d.execute_script("window.scrollTo(0, 0)")
                d.execute_async_script("const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(done));")
                png = Image.open(io.BytesIO(d.get_screenshot_as_png())).convert("RGB")
                small = png.resize((880, round(png.height * 880 / png.width)), Image.LANCZOS)
                small.quantize(colors=128, method=Image.Quantize.MEDIANCUT).save(HELP / f"{lang}-{role}.png", optimize=True)
            click(d, "#sign-out")


def test_the_help_guides_each_role_in_every_language(tmp_path):
    store, dialogs = demo(tmp_path)
    if os.environ.get("ANYQTAMA_UPDATE_HELP"):
        make_screenshots(store, dialogs)
    for role in ROLES:
        for lang in LANGS:
            assert (HELP / f"{lang}-{role}.png").is_file(), f"run with ANYQTAMA_UPDATE_HELP=1: {lang}-{role}.png"
    with launch(store, dialogs) as w:
        d = w.d
        # Before signing in: F1 from the first screen.
        wait_for(d, "#signin")
        d.execute_script("document.dispatchEvent(new KeyboardEvent('keydown', { key: 'F1', bubbles: true }))")
        screen(d, "help")
        for lang in LANGS:
            set_lang(d, lang)
            msgs = ftl_all(lang)
            wait_text(d, "#help", msgs["help-registrar-title"])
            for role in ROLES:
                wait_text(d, f"#help-{role}", msgs[f"help-{role}-1"])
            # Every screenshot is the one of this language, and it loaded.
            for img in d.find_elements("css selector", "#help img.help-shot"):
                d.execute_script("arguments[0].scrollIntoView()", img)
            wait_until(d, "return [...document.querySelectorAll('#help img.help-shot')].every((i) => i.complete && i.naturalWidth > 0)",
                       message="a help screenshot did not load")
            shots = d.execute_script(
                "return [...document.querySelectorAll('#help img.help-shot')].map((i) => [i.getAttribute('src'), i.naturalWidth, i.alt])")
            assert sorted(s[0] for s in shots) == sorted(f"help/{lang}-{r}.png" for r in ROLES), shots
            assert all(s[1] == 880 and s[2] for s in shots), shots
            no_untranslated(d)
            shoot(d, f"help-{lang}")
    # Signed in, the header's button opens it, the user's own role first.
    with launch(store, dialogs) as w:
        d = w.d
        set_lang(d, "ru")
        sign_in(d, "secretary", "anyqtama-demo")
        screen(d, "dashboard")
        set_lang(d, "ru")
        click(d, "#help-button")
        screen(d, "help")
        order = d.execute_script("return [...document.querySelectorAll('#help section')].map((s) => s.id)")
        assert order[0] == "help-secretary", order
        assert ftl_all("ru")["help-for-you"] in d.execute_script("return document.getElementById('help').innerText")
