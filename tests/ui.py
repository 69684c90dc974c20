"""Helpers to drive the window: wait for text, fill fields, click, screenshots."""
import json
import time

from conftest import SHOTS


def js(d, script, *args):
    return d.execute_script(script, *args)


def wait_until(d, script, timeout=10.0, message=None):
    end = time.time() + timeout
    while time.time() < end:
        value = d.execute_script(script)
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(message or f"timed out waiting for: {script}\nscreen: {text(d, 'main')[:800]}")


def text(d, selector):
    return d.execute_script("const e = document.querySelector(arguments[0]); return e ? e.textContent : null", selector)


def wait_text(d, selector, expected, timeout=10.0):
    end = time.time() + timeout
    got = None
    while time.time() < end:
        got = text(d, selector)
        if got is not None and (expected in got if isinstance(expected, str) else expected(got)):
            return got
        time.sleep(0.05)
    raise AssertionError(f"{selector}: expected {expected!r}, got {got!r}")


def exists(d, selector):
    return d.execute_script("return !!document.querySelector(arguments[0])", selector)


def wait_for(d, selector, timeout=10.0):
    wait_until(d, f"return !!document.querySelector({json.dumps(selector)})", timeout, f"no {selector}; screen: {text(d, 'main')}")


def click(d, selector):
    wait_for(d, selector)
    d.execute_script("document.querySelector(arguments[0]).click()", selector)


def fill(d, selector, value):
    """Types a value the way a person would: the field changes and its input event fires."""
    wait_for(d, selector)
    d.execute_script(
        "const e = document.querySelector(arguments[0]); e.focus(); e.value = arguments[1];"
        "e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true}));",
        selector, value)


def check(d, selector, on=True):
    wait_for(d, selector)
    d.execute_script(
        "const e = document.querySelector(arguments[0]); if (e.checked !== arguments[1]) e.click();", selector, on)


def screen(d, name, timeout=10.0):
    wait_until(d, f"return document.getElementById('main').dataset.screen === {json.dumps(name)}", timeout)


def set_lang(d, lang):
    d.execute_script(f"document.querySelector('#langs button[data-lang=\"{lang}\"]').click()")
    # The screen is drawn again in the new language and its typed fields refilled.
    wait_until(d, f"const m = document.getElementById('main'); return m.dataset.lang === '{lang}' && m.dataset.ready === '1'")
    time.sleep(0.05)


def menu(d, name):
    click(d, f"#menu-{name}")
    screen(d, name)
    time.sleep(0.1)


def sign_in(d, login, password):
    wait_for(d, "#signin")
    fill(d, "#login", login)
    fill(d, "#password", password)
    click(d, "#signin button[type=submit]")


def shoot(d, name):
    """Saves a screenshot after the page has painted (the first frame under Xvfb can be stale)."""
    d.execute_async_script("const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(done));")
    d.get_screenshot_as_png()
    d.save_screenshot(str(SHOTS / f"{name}.png"))


def no_untranslated(d):
    """No message id was missing while rendering, and none shows on the screen."""
    missing = d.execute_script("return document.documentElement.dataset.missing || ''")
    assert not missing, f"messages missing: {missing}"
    body = d.execute_script("return document.body.innerText")
    import re
    leaked = re.findall(r"\b(?:ui|error|doc)-[a-z][a-z0-9_-]+", body)
    assert not leaked, f"message ids on screen: {leaked}"


def record_progress(d):
    """From now on, every text the progress bar shows is kept in the page (window.__progress)."""
    d.execute_script("""
        window.__progress = [];
        const text = document.getElementById('progress-text');
        new MutationObserver(() => window.__progress.push(text.textContent))
            .observe(text, { childList: true, characterData: true, subtree: true });""")


def progress_seen(d):
    """What the progress bar showed since record_progress, once it is hidden again."""
    wait_until(d, "return document.getElementById('progress').hidden")
    return d.execute_script("return window.__progress")
