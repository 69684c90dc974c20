"""Shared fixtures: the real desktop app driven through tauri-driver + WebKitWebDriver.

Each store gets its own tauri-driver, started with the environment the app inherits: the store's
path (ANYQTAMA_DB) and the folder the native-dialog seam answers from (ANYQTAMA_TEST_DIALOGS; see
src-tauri/src/dialogs.rs)."""
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# Window tests never run on the real clock: the app's clock is pinned (ANYQTAMA_TEST_NOW) to this
# moment, and the demo office is built relative to it. `./dev test` runs the window suite at two
# pinned moments (the 1st of a month and 31 December); set ANYQTAMA_E2E_NOW to try another.
E2E_NOW = os.environ.get("ANYQTAMA_E2E_NOW", "2026-12-01T10:00")
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
SHOTS = TARGET / "screenshots"


def ftl(lang):
    """Message id -> text of locales/<lang>/main.ftl (simple one-line messages)."""
    out = {}
    for line in (ROOT / "locales" / lang / "main.ftl").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^([a-z][a-z0-9_-]*)\s*=\s*(.*)$", line)
        if m:
            out[m.group(1)] = m.group(2)
    return out


def ftl_all(lang):
    """Every message of a language across its .ftl files (one-line messages)."""
    out = {}
    for path in sorted((ROOT / "locales" / lang).glob("*.ftl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            m = re.match(r"^([a-z][a-z0-9_-]*)\s*=\s*(.*)$", line)
            if m:
                out[m.group(1)] = m.group(2)
    return out


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Window:
    """One app process on one store, with the folder its dialogs answer from."""

    def __init__(self, driver, store, dialogs):
        self.d = driver
        self.store = store
        self.dialogs = dialogs


def app_pids():
    out = subprocess.run(["pgrep", "-f", "anyqtama-desktop"], capture_output=True, text=True).stdout
    return {int(p) for p in out.split()}


def end_windows(pids, timeout=10.0):
    """The app a session started, once the session is over: normally gone; if a window hangs on its
    way out (seen on a loaded machine), it is killed so the next test can open the store."""
    end = time.time() + timeout
    while time.time() < end and pids & app_pids():
        time.sleep(0.1)
    for pid in pids & app_pids():
        try:
            os.kill(pid, 9)
        except ProcessLookupError:
            pass


def wait_for_store(store, timeout=90.0):
    """The window of a test before may take a moment to exit and let go of the store's lock (many
    seconds on a loaded two-core machine)."""
    import fcntl
    path = str(store) + ".lock"
    if not os.path.exists(path):
        return
    end = time.time() + timeout
    with open(path, "a+") as f:
        while True:
            try:
                fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
                fcntl.flock(f, fcntl.LOCK_UN)
                return
            except BlockingIOError:
                if time.time() > end:
                    pytest.fail(f"{path} is still held by an earlier window")
                time.sleep(0.1)


@contextmanager
def launch(store, dialogs, wait_store=True, env=None, binary=None):
    """The app on `store` (None: the store where an installed program keeps it, under HOME)."""
    if not os.environ.get("DISPLAY"):
        pytest.fail("window tests need a display: run them through ./dev test (it starts Xvfb)")
    exe = shutil.which("tauri-driver")
    assert exe, "tauri-driver is not installed: ./dev test installs it"
    from selenium import webdriver
    from selenium.webdriver.common.options import ArgOptions

    if wait_store and store is not None:
        wait_for_store(store)
    port, native = free_port(), free_port()
    env = {**os.environ, "ANYQTAMA_TEST_DIALOGS": str(dialogs), "ANYQTAMA_TEST_NOW": E2E_NOW,
           **({"ANYQTAMA_DB": str(store)} if store is not None else {}), **(env or {})}
    if store is None:
        env.pop("ANYQTAMA_DB", None)
    proc = subprocess.Popen([exe, "--port", str(port), "--native-port", str(native)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    d = None
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "/status", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("tauri-driver did not start")
        binary = binary or os.environ.get("ANYQTAMA_DESKTOP", str(TARGET / "debug" / "anyqtama-desktop"))
        before = app_pids()
        opts = ArgOptions()
        opts.set_capability("browserName", "wry")
        opts.set_capability("tauri:options", {"application": binary})
        d = webdriver.Remote(command_executor=url, options=opts)
        d.implicitly_wait(2)
        d.set_script_timeout(120)
        SHOTS.mkdir(parents=True, exist_ok=True)
        mine = app_pids() - before
        yield Window(d, Path(store) if store is not None else None, Path(dialogs))
    finally:
        if d is not None:
            d.quit()
        proc.terminate()
        proc.wait(timeout=10)
        if d is not None:
            end_windows(mine)


@pytest.fixture(scope="module")
def fresh_store():
    """An empty store, shared by the tests of one module (they run in order)."""
    base = Path(tempfile.mkdtemp(prefix="anyqtama-e2e-"))
    (base / "dialogs").mkdir()
    return base / "office.sqlite", base / "dialogs"


@pytest.fixture(scope="session")
def demo_store():
    base = Path(tempfile.mkdtemp(prefix="anyqtama-demo-"))
    (base / "dialogs").mkdir()
    return base / "demo.sqlite", base / "dialogs"


@pytest.fixture()
def app(demo_store):
    """The window on the demo store (created by the first test that opens the demo office)."""
    with launch(*demo_store) as w:
        yield w.d
