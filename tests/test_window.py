"""The real application window: it opens, shows the start screen, and switches language at once."""
import time

from conftest import SHOTS, ftl, ftl_all


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


def test_demo_office_sign_in_dashboard_and_search(app):
    """A newcomer opens the demo office from the first screen, signs in, sees the dashboard in
    working days, and finds a person by a Cyrillic name. A wrong password is refused in words."""
    msgs = ftl_all("ru")
    app.execute_script("document.querySelector('button[data-lang=\"ru\"]').click()")
    wait_text(app, "tagline", ftl("ru")["app-tagline"])
    if not app.execute_script("return document.getElementById('open-demo').hidden"):
        app.execute_script("document.getElementById('open-demo').click()")
        wait_until(app, "return !document.getElementById('signin').hidden", timeout=90)
    shoot(app, "start-demo-ru")
    # A wrong password is refused with a message a person understands.
    app.execute_script("document.getElementById('login').value = 'registrar'; document.getElementById('password').value = 'wrong'; document.querySelector('#signin button[type=submit]').click()")
    wait_text(app, "signin-error", ftl("ru")["error-bad-credentials"])
    app.execute_script("document.getElementById('login').value = 'registrar'; document.getElementById('password').value = 'anyqtama-demo'; document.querySelector('#signin button[type=submit]').click()")
    wait_until(app, "return !document.getElementById('home').hidden")
    wait_until(app, "return document.getElementById('ending').children.length > 0")
    for lst in ["due-today", "late", "ending"]:
        assert app.execute_script(f"return document.getElementById('{lst}').children.length") >= 1
    assert msgs["ui-due-today"] in app.execute_script("return document.body.textContent")
    shoot(app, "dashboard-ru")
    # Search by a Cyrillic surname typed in capitals.
    app.execute_script("const s = document.getElementById('search'); s.value = 'КИМ'; s.dispatchEvent(new Event('input'))")
    wait_until(app, "return document.querySelectorAll('#results li').length > 0")
    rows = app.execute_script("return [...document.querySelectorAll('#results li')].map(li => li.textContent)")
    assert all("Ким" in r for r in rows), rows
    shoot(app, "search-ru")
    for lang in ["kk", "en"]:
        app.execute_script(f"document.querySelector('button[data-lang=\"{lang}\"]').click()")
        wait_until(app, f"return document.documentElement.lang === '{lang}'")
        wait_until(app, "return !document.getElementById('home').hidden")
        heading = ftl_all(lang)["ui-due-today"]
        wait_until(app, f"return document.body.textContent.includes({heading!r})")
        # The results and the signed-in line follow the language too.
        kind = ftl_all(lang)["ui-kind-issue"]
        wait_until(app, f"return [...document.querySelectorAll('#results li')].some(li => li.textContent.includes({kind!r}))")
        role = ftl_all(lang)["ui-role-registrar"]
        assert role in app.execute_script("return document.getElementById('who').textContent")
        shoot(app, f"dashboard-{lang}")
    app.execute_script("document.getElementById('sign-out').click()")
    wait_until(app, "return !document.getElementById('start').hidden")


def wait_until(d, script, timeout=10.0):
    end = time.time() + timeout
    while time.time() < end:
        if d.execute_script(script):
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out: {script}")


def test_commission_points_follow_the_rules(app):
    """The secretary's panel: the PRODUCT.md example (higher education, six years) gives 7 points of
    6 and 'issue'; without the higher education it is 4 points and 'refuse', below the threshold."""
    msgs = ftl_all("en")
    app.execute_script("document.querySelector('button[data-lang=\"en\"]').click()")
    wait_until(app, "return document.documentElement.lang === 'en'")
    if app.execute_script("return document.getElementById('home').hidden"):
        if not app.execute_script("return document.getElementById('open-demo').hidden"):
            app.execute_script("document.getElementById('open-demo').click()")
            wait_until(app, "return !document.getElementById('signin').hidden", timeout=90)
        app.execute_script("document.getElementById('login').value = 'secretary'; document.getElementById('password').value = 'anyqtama-demo'; document.querySelector('#signin button[type=submit]').click()")
        wait_until(app, "return !document.getElementById('home').hidden")
    app.execute_script("""
        const set = (el, v) => { el.value = v; };
        set(document.getElementById('p-date'), '2026-03-20');
        document.getElementById('p-higher').checked = true;
        const row = document.querySelector('#p-periods .period');
        set(row.querySelector('.p-from'), '2014-09-01');
        set(row.querySelector('.p-to'), '2020-08-31');
        document.getElementById('points').dispatchEvent(new Event('input'));
    """)
    wait_until(app, "return document.getElementById('p-result').textContent.startsWith('7 points')")
    assert "order-426-2026" in app.execute_script("return document.getElementById('p-result').textContent")
    assert app.execute_script("return document.getElementById('p-recommendation').textContent") == msgs["ui-points-issue"]
    app.execute_script("document.getElementById('p-higher').checked = false; document.getElementById('points').dispatchEvent(new Event('input'))")
    wait_until(app, "return document.getElementById('p-result').textContent.startsWith('4 points')")
    assert app.execute_script("return document.getElementById('p-recommendation').textContent") == msgs["ui-points-refuse"]
    assert msgs["ui-ground-below_threshold"] in app.execute_script("return document.getElementById('p-grounds').textContent")
    app.execute_script("document.getElementById('p-higher').checked = true; document.getElementById('points').dispatchEvent(new Event('input'))")
    wait_until(app, "return document.getElementById('p-result').textContent.startsWith('7 points')")
    app.execute_script("document.getElementById('points').scrollIntoView()")
    shoot(app, "points-en")
