"""Shared fixtures: headless Qt, the real datasets beside the project, and main windows."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

# Helpers in tests/support get pytest's assertion messages, as the test modules do.
pytest.register_assert_rewrite("support")
from support.loopback import payload, server  # noqa: F401 - fixtures shared by the download tests

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The suite reads the window in English whatever this machine's LANG: QLocale.system() reads LC_ALL first.
# Tests of other languages install theirs (tests/support/languages.py) or start a process with their own LANG.
os.environ["LC_ALL"] = "C.UTF-8"

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory, monkeypatch):
    """Every test gets an empty data store, recovery folder and run history, never the user's real ones."""
    monkeypatch.setenv("DIGITPAD_DATA_DIR", str(tmp_path_factory.mktemp("datastore")))
    monkeypatch.setenv("DIGITPAD_RECOVERY_DIR", str(tmp_path_factory.mktemp("recovery")))
    monkeypatch.setenv("DIGITPAD_RUNS_DB", str(tmp_path_factory.mktemp("runs") / "runs.db"))


@pytest.fixture(autouse=True)
def _english_afterwards():
    """A test that installs another language leaves English for the next one."""
    yield
    language = sys.modules.get("digitpad.ui.base.language")
    if language is not None and language.installed() != language.ENGLISH:
        language.install(language.ENGLISH)


@pytest.fixture
def mnist_dir() -> Path:
    """Folder with the real MNIST IDX files; skips the test when absent."""
    folder = SHARED_DATA / "mnist"
    if not (folder / "train-images-idx3-ubyte.gz").is_file():
        pytest.skip(f"real MNIST not found in {folder}")
    return folder


def quiet_close(win) -> None:
    """Before pytest-qt closes a window: no run left, nothing unsaved to ask about."""
    win.session.shutdown()
    win.setWindowModified(False)


@pytest.fixture
def settings(tmp_path):
    """QSettings in a file of the test's own, never the user's."""
    from PySide6.QtCore import QSettings
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot, settings):
    """Factory for main windows with the bundled model and the test's settings, closed quietly."""
    from digitpad.ui.app import default_model
    from digitpad.ui.main_window import MainWindow

    def make():
        win = MainWindow(default_model(), settings)
        qtbot.addWidget(win, before_close_func=quiet_close)
        return win
    return make


@pytest.fixture
def window(qtbot, make_window):
    """A main window, shown and exposed."""
    win = make_window()
    win.show()
    qtbot.waitExposed(win)
    return win
