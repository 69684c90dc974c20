"""The real application window: it opens, shows the start screen, and switches language at once."""
import time

from conftest import SHOTS, ftl


def wait_text(d, element_id, expected, timeout=5.0):
    end = time.time() + timeout
    text = None
    while time.time() < end:
        text = d.execute_script(f"return document.getElementById('{element_id}').textContent")
        if text == expected:
            return
        time.sleep(0.05)
    raise AssertionError(f"#{element_id}: expected {expected!r}, got {text!r}")


def shoot(d, name):
    """Saves a screenshot after the page has painted (the first frame under Xvfb can be stale)."""
    d.execute_async_script("const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(done));")
    d.get_screenshot_as_png()
    d.save_screenshot(str(SHOTS / f"{name}.png"))


def test_start_screen_in_every_language(app):
    for lang in ["kk", "ru", "en"]:
        msgs = ftl(lang)
        app.execute_script(f"document.querySelector('button[data-lang=\"{lang}\"]').click()")
        wait_text(app, "tagline", msgs["app-tagline"])
        assert app.execute_script("return document.documentElement.lang") == lang
        rules = app.execute_script("return document.getElementById('rules').textContent")
        assert rules.startswith(msgs["app-rules-in-force"].split("{")[0].strip())
        assert "order-" in rules
        pressed = app.execute_script("return document.querySelector('button[aria-pressed=\"true\"]').dataset.lang")
        assert pressed == lang
        shoot(app, f"start-{lang}")


def test_language_choice_is_remembered(app):
    app.execute_script("document.querySelector('button[data-lang=\"ru\"]').click()")
    wait_text(app, "tagline", ftl("ru")["app-tagline"])
    app.refresh()
    wait_text(app, "tagline", ftl("ru")["app-tagline"])
