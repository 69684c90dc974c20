"""Shared fixtures: the real desktop app driven through tauri-driver + WebKitWebDriver."""
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
SHOTS = TARGET / "screenshots"


def ftl(lang):
    """Message id -> text of locales/<lang>/main.ftl (simple one-line messages)."""
    out = {}
    for line in (ROOT / "locales" / lang / "main.ftl").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^([a-z][a-z0-9-]*)\s*=\s*(.*)$", line)
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


@pytest.fixture(scope="session")
def driver_url():
    if not os.environ.get("DISPLAY"):
        pytest.fail("window tests need a display: run them through ./dev test (it starts Xvfb)")
    exe = shutil.which("tauri-driver")
    assert exe, "tauri-driver is not installed: ./dev test installs it"
    port, native = free_port(), free_port()
    # The app under test uses a store of its own, never the user's.
    os.environ["ANYQTAMA_DB"] = str(Path(tempfile.mkdtemp()) / "e2e.sqlite")
    proc = subprocess.Popen([exe, "--port", str(port), "--native-port", str(native)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(url + "/status", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("tauri-driver did not start")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture()
def app(driver_url, tmp_path):
    from selenium import webdriver
    from selenium.webdriver.common.options import ArgOptions

    binary = os.environ.get("ANYQTAMA_DESKTOP", str(TARGET / "debug" / "anyqtama-desktop"))
    opts = ArgOptions()
    opts.set_capability("browserName", "wry")
    opts.set_capability("tauri:options", {"application": binary})
    d = webdriver.Remote(command_executor=driver_url, options=opts)
    d.implicitly_wait(5)
    SHOTS.mkdir(parents=True, exist_ok=True)
    try:
        yield d
    finally:
        d.quit()
