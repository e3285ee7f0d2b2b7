"""Quitting with tool windows open and a gradient check running: every tool window closes, every job is waited for.

The subprocess tests start the real app (``run_app``), open Look inside with
Ctrl+L, start the gradient check with a click and then quit; the check is
made to take a second longer (a fault injected into ``gradient_check``), so
it is certainly still running when the app is told to quit. A QThread still
running when the process exits aborts it (exit 134).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_inspect import train_8x8

from digitpad.model.files import save_model

DRIVER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from PySide6.QtCore import QTimer, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    import digitpad.ui.app as app_module
    from digitpad.ui.inspect import gradcheck_view
    from digitpad.ui.jobs.job import Job

    real_check = gradcheck_view.gradient_check
    def slow_check(*args, **kwargs):
        result = real_check(*args, **kwargs)
        time.sleep(1.0)  # still running when the quit comes
        return result
    gradcheck_view.gradient_check = slow_check
    HOW = sys.argv[2]
    opened = app_module.open_window

    def when(condition, then):
        if condition():
            then()
        else:
            QTimer.singleShot(20, lambda: when(condition, then))

    def open_window(path=None, settings=None):
        window = opened(path, settings)
        app = QApplication.instance()
        app.aboutToQuit.connect(lambda: print("open at quit:", sorted(
            w.objectName() or type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible()), flush=True))

        def start_check():
            inside = window.inspect_window
            bar = inside.tabs.tabBar()
            QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(4).center())
            QTest.mouseClick(inside.gradcheck.button, Qt.MouseButton.LeftButton)
            print("check running:", inside.gradcheck.task is not None and inside.gradcheck.task.running, flush=True)
            if HOW == "close":
                window.close()  # the main window's title bar ×
                print("open after close:", sorted(w.objectName() or type(w).__name__
                                                  for w in QApplication.topLevelWidgets() if w.isVisible()), flush=True)
            else:
                app.exit(0)  # the event loop ends without closing any window first (quit() closes them)

        def look_inside():
            QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
            when(lambda: window.inspect_window is not None and window.inspect_window.isVisible(), start_check)

        when(lambda: window.isVisible() and QApplication.activeWindow() is window, look_inside)
        return window

    app_module.open_window = open_window
    code = app_module.run_app(Path(sys.argv[1]))
    print("jobs running after exec:", sum(job.running for job in Job.running_jobs()), flush=True)
    sys.exit(code)
""")


@pytest.fixture(scope="module")
def model_file(tmp_path_factory):
    model, _ = train_8x8(hidden="64,32", epochs=1)
    path = tmp_path_factory.mktemp("model") / "small.npz"
    save_model(path, model)
    return path


@pytest.mark.parametrize("how", ["close", "exit"])
def test_quitting_during_a_gradient_check_closes_every_tool_window_and_exits_cleanly(model_file, tmp_path, how):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DIGITPAD_DATA_DIR=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), HOME=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", DRIVER, str(model_file), how], env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    out = done.stdout
    assert "check running: True" in out, out + done.stderr
    assert done.returncode == 0, f"exit {done.returncode}\n{out}\n{done.stderr}"
    assert "QThread: Destroyed" not in done.stderr
    assert "jobs running after exec: 0" in out, out
    if how == "close":  # Look inside closed with the main window, not only by the quit after it
        assert "open after close: []" in out and "open at quit: []" in out, out


def test_closing_the_main_window_closes_its_tool_windows(window, qtbot, model_file):
    assert window.files.open(model_file)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # Look inside
    qtbot.waitUntil(lambda: window.inspect_window is not None and window.inspect_window.isVisible(), timeout=30_000)
    inside = window.inspect_window
    qtbot.mouseClick(inside.gradcheck.button, Qt.MouseButton.LeftButton)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_F1)  # Help
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # My digits
    tools = window.tool_windows()
    assert {inside, window.help_dialog, window.personal.browser} <= set(tools)
    window.setWindowModified(False)
    window.close()
    assert not window.isVisible()
    assert [w for w in tools if w.isVisible()] == [] and window.tool_windows() == []
    assert inside.gradcheck.task is None and all(not w.isVisible() for w in QApplication.topLevelWidgets())
