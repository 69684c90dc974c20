"""Issue 15, item 7: the whole workflow of a first issue with the keyboard alone, in the real
window. Every control is reached with Tab (the test presses Tab until the control has the focus, so
a control the keyboard cannot reach fails the test), typed into or pressed with Enter or Space;
nothing is clicked. The focus is visible wherever it lands."""
import os
import subprocess

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from conftest import E2E_NOW, TARGET, launch
from ui import screen, set_lang, wait_for, wait_text, wait_until

BIN = os.environ.get("ANYQTAMA_BIN", str(TARGET / "debug" / "anyqtama"))
PASSWORD = "anyqtama-demo"


def keys(d, *k):
    ActionChains(d).send_keys(*k).perform()


def focused(d, selector):
    return d.execute_script("const a = document.activeElement; return !!a && a.matches(arguments[0])", selector)


def tab_to(d, selector, limit=400):
    """Presses Tab until `selector` has the focus; fails if the keyboard never gets there."""
    for _ in range(limit):
        if focused(d, selector):
            visible = d.execute_script("""
                const s = getComputedStyle(document.activeElement);
                return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';""")
            assert visible, f"{selector} has the focus but does not show it"
            return
        keys(d, Keys.TAB)
    raise AssertionError(f"Tab never reached {selector}; the focus is on "
                         + d.execute_script("return document.activeElement.outerHTML.slice(0, 120)"))


def type_into(d, selector, text):
    """Types into an empty field (the fields of this workflow start empty)."""
    tab_to(d, selector)
    assert d.execute_script("return document.activeElement.value") == "", selector
    keys(d, text)


def press(d, selector, key=Keys.ENTER):
    tab_to(d, selector)
    keys(d, key)


def sign_in(d, login):
    wait_for(d, "#signin")
    # The login field has the focus from the start.
    wait_until(d, "return document.activeElement === document.querySelector('#signin input[name=login]')")
    keys(d, login, Keys.TAB, PASSWORD, Keys.ENTER)
    screen(d, "dashboard")


def sign_out(d):
    d.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)")
    press(d, "#sign-out")
    wait_for(d, "#signin")


def test_a_first_issue_from_application_to_printed_certificate_with_the_keyboard_alone(tmp_path):
    (tmp_path / "dialogs").mkdir()
    store = tmp_path / "keys.sqlite"
    subprocess.run([BIN, "demo", "--db", str(store), "--cases", "20", "--today", E2E_NOW[:10]],
                   check=True, capture_output=True, timeout=300)
    with launch(store, tmp_path / "dialogs") as w:
        d = w.d
        set_lang(d, "ru")
        # The registrar registers the application and sends it to the Commission.
        sign_in(d, "registrar")
        press(d, "#menu-new")
        screen(d, "new")
        for key, value in {
            "surname_latin": "KARIMOV", "given_names_latin": "BOBUR", "surname_cyrillic": "Каримов",
            "given_names_cyrillic": "Бобур", "citizenship": "UZB", "passport_number": "FA7654321",
            "passport_issuer": "MIA UZB", "phone": "+998 90 123 45 67", "address_kz": "Semey, Lenin st 5",
            "residence_address": "Tashkent, Navoi st 10", "birth_date": "14.03.1988",
        }.items():
            type_into(d, f"#a-{key}", value)
        type_into(d, "#prof-search", "инженер")
        wait_for(d, "#prof-hits button")
        press(d, "#prof-hits button")
        wait_until(d, "return document.getElementById('prof-chosen').textContent.length > 0")
        for box in d.execute_script("return [...document.querySelectorAll('#checklist input[type=checkbox]')].map(e => e.id)"):
            press(d, f"#{box}", Keys.SPACE)
        assert d.execute_script("return [...document.querySelectorAll('#checklist input[type=checkbox]')].every(e => e.checked)")
        press(d, "#register")
        screen(d, "case")
        wait_for(d, "#case-status")
        case = int(d.execute_script("return document.querySelector('#case-title').textContent.match(/\\d+/)[0]"))
        press(d, "#send-to-commission")
        wait_until(d, "return !document.getElementById('send-to-commission')", 20)
        sign_out(d)

        # The secretary: a sitting, then the assessment.
        sign_in(d, "secretary")
        set_lang(d, "ru")
        press(d, "#menu-commission")
        screen(d, "commission")
        type_into(d, "#sitting-place", "Акимат, кабинет 12")
        press(d, "#create-sitting")
        wait_for(d, "#sittings li")
        press(d, f"#agenda-table a.case-link[data-case='{case}']")
        wait_for(d, "#points")
        press(d, "#p-higher", Keys.SPACE)
        type_into(d, "#points .p-from", "01.01.2015")
        type_into(d, "#points .p-to", "31.12.2020")
        wait_until(d, "return document.getElementById('decision-issue').checked", 20)
        press(d, "#record-assessment")
        screen(d, "case")
        sign_out(d)

        # The head decides; the certificate is previewed and printed from the preview.
        sign_in(d, "head")
        set_lang(d, "ru")
        press(d, "#menu-search")
        screen(d, "search")
        keys(d, "KARIMOV", Keys.ENTER)
        press(d, f"#search-results a.case-link[data-case='{case}']")
        screen(d, "case")
        press(d, "#decide")
        wait_for(d, "#certificate-produced", 30)
        press(d, "#preview-certificate")
        wait_text(d, "#preview-status", "Проект", 60)
        press(d, "#preview-print")
        wait_text(d, "#preview-status", "Подлинник", 60)
        keys(d, Keys.ESCAPE)
        wait_until(d, "return !document.getElementById('preview')")
        # The help is one key away.
        keys(d, Keys.F1)
        screen(d, "help")
    assert (tmp_path / "dialogs" / "printed.txt").read_text().strip() == "main"
