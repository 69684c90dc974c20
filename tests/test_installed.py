"""The program as an office installs it (issue 15): the .deb made by `./dev package` installed with
apt-get, started from where it was installed, on a fresh home, without any of the tests' choices of
store. CI sets ANYQTAMA_INSTALLED to the installed binary after installing the package; elsewhere
these tests are skipped."""
import os
import subprocess
import tempfile
from pathlib import Path

import pytest

from conftest import ftl, launch
from ui import no_untranslated, shoot, text, wait_for

INSTALLED = os.environ.get("ANYQTAMA_INSTALLED")
pytestmark = pytest.mark.skipif(not INSTALLED, reason="no installed program (CI installs the .deb)")


def test_the_package_installed_what_an_office_needs():
    files = subprocess.run(["dpkg", "-L", "anyqtama"], capture_output=True, text=True, check=True).stdout.split()
    assert INSTALLED in files
    assert "/usr/share/applications/Anyqtama.desktop" in files
    assert "/usr/share/doc/anyqtama/copyright" in files
    assert any(f.endswith("/256x256/apps/anyqtama-desktop.png") for f in files)
    entry = Path("/usr/share/applications/Anyqtama.desktop").read_text()
    for line in ["GenericName[kk]=", "GenericName[ru]=", "Comment[kk]=", "Comment[ru]=", "Exec=anyqtama-desktop"]:
        assert line in entry, line
    version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "anyqtama"], capture_output=True, text=True, check=True).stdout
    assert version == "0.1.0"


def test_the_installed_program_opens_its_first_screen_on_a_fresh_home():
    home = Path(tempfile.mkdtemp(prefix="anyqtama-home-"))
    dialogs = home / "dialogs"
    dialogs.mkdir()
    env = {"HOME": str(home), "XDG_DATA_HOME": str(home / ".local" / "share"),
           "XDG_CONFIG_HOME": str(home / ".config")}
    with launch(None, dialogs, env=env, binary=INSTALLED) as w:
        d = w.d
        wait_for(d, "#tagline", timeout=60)
        taglines = {ftl(lang)["app-tagline"] for lang in ["kk", "ru", "en"]}
        assert text(d, "#tagline") in taglines
        no_untranslated(d)
        # Its store is where an installed program keeps it: in the user's data folder under the
        # fresh home (made when the office is set up or the demo opened).
        assert str(home / ".local" / "share" / "kz.anyqtama.desktop" / "anyqtama.sqlite") in text(d, "#store")
        shoot(d, "installed-first-screen")


def test_without_a_display_the_installed_program_says_so():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    p = subprocess.run([INSTALLED], env={**env, "LANG": "ru_RU.UTF-8"}, capture_output=True, text=True, timeout=30)
    assert p.returncode == 1
    assert ftl("ru")["error-no-display"] in p.stderr
