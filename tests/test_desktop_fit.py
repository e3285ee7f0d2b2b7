"""Fitting the desktop: one clear line when no window can open, offline downloads, `digitpad FILE.npz`, the version."""

from __future__ import annotations

import dataclasses
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import PySide6
import pytest
from conftest import quiet_close
from PySide6.QtWidgets import QMessageBox, QWidget
from support.models import make_model

from digitpad import __version__
from digitpad.cli.main import main
from digitpad.common.errors import DataError
from digitpad.data import download as dl
from digitpad.data import registry
from digitpad.model.files import save_model
from digitpad.ui import app as ui_app
from digitpad.ui import platform_check
from digitpad.ui.dialogs.dataset_dialogs import DownloadDialog

ROOT = Path(__file__).resolve().parents[1]
QT_DIR = Path(PySide6.__file__).parent / "Qt"
OFFLINE = ("no internet connection (could not reach any mirror of MNIST); import files you have with "
           "`digitpad data import FILES` or use the bundled 8×8 digits (--dataset digits8x8)")


def everything_loads(soname: str) -> bool:
    return True


def lacking(*sonames: str):
    return lambda soname: soname not in sonames


# -- can a window open here? -------------------------------------------------
def test_a_missing_xcb_library_is_one_line_naming_the_package_and_the_apt_command():
    problem = platform_check.platform_problem({"DISPLAY": ":0"}, "linux", lacking("libxcb-cursor.so.0"))
    assert problem == ("digitpad: the window needs libxcb-cursor0, missing on this system; "
                       "install with: sudo apt install libxcb-cursor0")


def test_several_missing_libraries_are_all_named_and_each_package_once():
    problem = platform_check.platform_problem({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, "linux",
                               lacking("libxcb-cursor.so.0", "libglib-2.0.so.0", "libgthread-2.0.so.0"))
    assert problem == ("digitpad: the window needs libxcb-cursor0 (and libglib2.0-0), missing on this system; "
                       "install with: sudo apt install libxcb-cursor0 libglib2.0-0")
    assert "\n" not in problem


def test_no_display_says_so_and_names_the_offscreen_platform():
    problem = platform_check.platform_problem({}, "linux", everything_loads)
    assert problem.startswith("digitpad: no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY "
                              "is set)")
    assert "QT_QPA_PLATFORM=offscreen" in problem and "\n" not in problem
    forced = platform_check.platform_problem({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"}, "linux",
                                             everything_loads)
    assert forced.startswith("digitpad: no display to open the window on (DISPLAY is not set)")


def test_x11_with_every_library_is_no_problem():
    assert platform_check.platform_problem({"DISPLAY": ":0"}, "linux", everything_loads) is None


@pytest.mark.parametrize("env", [
    {"QT_QPA_PLATFORM": "offscreen"},                                    # the tests' platform: no display needed
    {"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":0"},                     # the user chose another plugin
    {"WAYLAND_DISPLAY": "wayland-0"},                                    # Wayland only: Qt takes its plugin
    {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0", "XDG_SESSION_TYPE": "wayland"},  # Qt tries Wayland first
])
def test_the_xcb_libraries_are_not_asked_for_where_qt_does_not_use_xcb(env):
    assert platform_check.platform_problem(env, "linux", lacking(*platform_check.XCB_LIBRARIES)) is None


def test_other_systems_are_not_checked():
    assert platform_check.platform_problem({}, "darwin", lacking(*platform_check.XCB_LIBRARIES)) is None
    assert platform_check.platform_problem({}, "win32", lacking(*platform_check.XCB_LIBRARIES)) is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the dynamic linker check is Linux's")
def test_the_loader_finds_real_libraries_and_not_made_up_ones():
    assert platform_check.can_load("libc.so.6")
    assert not platform_check.can_load("libdigitpad-no-such-library.so.0")
    assert platform_check.missing_packages(lacking("libxcb-cursor.so.0")) == ["libxcb-cursor0"]


@pytest.mark.skipif(shutil.which("readelf") is None, reason="readelf (binutils) is not installed")
def test_the_table_lists_every_system_library_the_installed_xcb_plugin_links():
    runtime = {"libc.so.6", "libm.so.6", "libstdc++.so.6", "libgcc_s.so.1", "libpthread.so.0", "libdl.so.2"}
    binaries = [QT_DIR / "plugins" / "platforms" / "libqxcb.so",
                *(QT_DIR / "lib" / name for name in ("libQt6XcbQpa.so.6", "libQt6Gui.so.6", "libQt6DBus.so.6"))]
    needed = set()
    for binary in binaries:
        dynamic = subprocess.run(["readelf", "-d", str(binary)], capture_output=True, text=True, check=True).stdout
        needed |= {line.split("[")[1].rstrip("]") for line in dynamic.splitlines() if "(NEEDED)" in line}
    qt_own = {name for name in needed if name.startswith(("libQt6", "libicu"))}  # shipped inside PySide6
    assert needed - runtime - qt_own == set(platform_check.XCB_LIBRARIES)


def headless_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return env | {"PYTHONPATH": str(ROOT)}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the display check is Linux's")
def test_python_m_digitpad_without_a_display_prints_one_line_and_exits_1():
    done = subprocess.run([sys.executable, "-m", "digitpad"], capture_output=True, text=True, env=headless_env(),
                          timeout=60, check=False)
    assert done.returncode == 1
    assert done.stderr.startswith("digitpad: no display to open the window on")
    assert done.stderr.count("\n") == 1 and done.stdout == ""


# -- offline downloads ---------------------------------------------------------
@pytest.fixture
def no_proxy(monkeypatch):
    # A proxy from the environment would answer for the unreachable mirrors.
    monkeypatch.setenv("no_proxy", "*")
    monkeypatch.setenv("NO_PROXY", "*")


@pytest.fixture
def closed_port() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}/"


def test_unreachable_mirrors_mean_no_internet_connection(no_proxy, closed_port, tmp_path):
    # .invalid never resolves (RFC 6761): the resolver answers at once, no network needed.
    with pytest.raises(DataError) as info:
        dl.download("mnist", mirrors=[closed_port, "http://nonexistent.invalid/"], dest_dir=tmp_path, timeout=2)
    assert str(info.value) == OFFLINE
    assert list(tmp_path.iterdir()) == []


def test_a_mirror_that_answered_keeps_the_list_of_reasons(no_proxy, server, closed_port, tmp_path):
    with pytest.raises(DataError) as info:
        dl.download("mnist", mirrors=[closed_port, server.mirror("missing")], dest_dir=tmp_path, timeout=2)
    assert "no internet" not in str(info.value) and "HTTP 404" in str(info.value)


def test_the_download_dialog_shows_the_offline_message(qtbot, no_proxy, closed_port, monkeypatch):
    monkeypatch.setitem(registry.DATASETS, "mnist", dataclasses.replace(registry.DATASETS["mnist"],
                                                                         mirrors=(closed_port,)))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    parent = QWidget()
    qtbot.addWidget(parent)
    assert not DownloadDialog(parent, "mnist").run()
    assert shown == [OFFLINE]


# -- digitpad FILE.npz ----------------------------------------------------------
@pytest.fixture
def opened(qtbot, settings):
    """open_window(path) as run_app calls it, the window closed quietly afterwards."""
    def open_(path: Path):
        win = ui_app.open_window(path, settings)
        qtbot.addWidget(win, before_close_func=quiet_close)
        return win
    return open_


def test_the_window_opens_the_file_it_is_given(opened, tmp_path):
    path = tmp_path / "my-net.npz"
    save_model(path, make_model(name=""))
    win = opened(path)
    assert win.isVisible()
    assert win.files.path == path and win.files.model.input_shape == (8, 8)
    assert win.windowTitle().startswith("my-net")


@pytest.mark.parametrize("content", [b"not a zip archive", None])
def test_a_bad_or_missing_file_is_the_usual_dialog_and_the_default_model_stays(opened, tmp_path, monkeypatch,
                                                                                content):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[1:3]))
    path = tmp_path / "broken.npz"
    if content is not None:
        path.write_bytes(content)
    win = opened(path)
    assert len(shown) == 1 and shown[0][0] == "Cannot open model"
    assert shown[0][1].startswith("broken.npz cannot be opened: ") and "current model stays" in shown[0][1]
    assert win.files.path is None and win.files.model.name == ui_app.default_model().name
    assert win.isVisible()


@pytest.fixture
def app_runs(monkeypatch) -> list:
    calls = []
    monkeypatch.setattr(ui_app, "run_app", lambda path=None: calls.append(path) or 0)
    return calls


def test_main_sends_a_model_file_to_the_window(app_runs, tmp_path):
    assert main(["foo.npz"]) == 0
    plain = tmp_path / "model-without-suffix"
    plain.write_bytes(b"")
    assert main([str(plain)]) == 0
    assert main([]) == 0
    assert app_runs == [Path("foo.npz"), plain, None]


def test_main_leaves_commands_and_mistyped_words_to_the_parser(app_runs, capsys):
    with pytest.raises(SystemExit) as info:
        main(["trian"])
    assert info.value.code == 2 and "invalid choice: 'trian'" in capsys.readouterr().err
    assert app_runs == []


# -- version and icon -------------------------------------------------------------
def console_script() -> Path:
    return Path(sys.executable).parent / "digitpad"


@pytest.mark.parametrize("command", [[sys.executable, "-m", "digitpad", "--version"],
                                     [str(console_script()), "--version"]], ids=["python -m", "console script"])
def test_version_is_the_same_from_python_m_and_the_console_script(command):
    if not Path(command[0]).is_file():
        pytest.skip(f"the console script is not installed at {command[0]}")
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, env=headless_env(), check=False)
    assert (done.returncode, done.stdout, done.stderr) == (0, f"digitpad {__version__}\n", "")


def test_the_app_set_up_gives_windows_the_digitpad_icon(qapp):
    names = qapp.organizationName(), qapp.applicationName(), qapp.applicationVersion()
    icon = qapp.windowIcon()
    try:
        ui_app.set_up_app(qapp)
        assert not qapp.windowIcon().isNull()
        assert qapp.applicationName() == "digitpad" and qapp.applicationVersion() == __version__
    finally:  # later tests' QSettings() must not find the user's real folder through these names
        qapp.setOrganizationName(names[0])
        qapp.setApplicationName(names[1])
        qapp.setApplicationVersion(names[2])
        qapp.setWindowIcon(icon)
