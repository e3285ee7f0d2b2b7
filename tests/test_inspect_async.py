"""Look inside evaluates in a job: a busy bar while it runs, the window usable, the latest request wins, no model kept.

The pass over the test set is held back with an event (a fault injected into
``inspect_model``), so what the person sees *while* it runs can be checked
without any timing.
"""

from __future__ import annotations

import gc
import threading
import weakref

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from test_inspect import show_model, train_8x8

from digitpad.data import loading
from digitpad.model.files import save_model
from digitpad.training import inspection as inspection_module
from digitpad.ui.inspect import inspect_window
from digitpad.ui.inspect.inspect_window import InspectWindow
from digitpad.ui.jobs.job import Job


@pytest.fixture(scope="module")
def models():
    """Two 8×8 models of different shapes, and the 8×8 test split."""
    first, test = train_8x8(hidden="24", epochs=1)
    second, _ = train_8x8(hidden="12", epochs=1)
    return first, second, test


class HeldBack:
    """``inspect_model`` that waits, per model, until the test releases it; records the threads it ran on."""

    def __init__(self) -> None:
        self.gates: dict[int, threading.Event] = {}
        self.on_gui_thread: list[bool] = []

    def gate(self, model) -> threading.Event:
        return self.gates.setdefault(id(model), threading.Event())

    def __call__(self, model, test):
        self.on_gui_thread.append(threading.current_thread() is threading.main_thread())
        assert self.gate(model).wait(30)
        return inspection_module.inspect_model(model, test)


@pytest.fixture
def held(monkeypatch):
    fake = HeldBack()
    monkeypatch.setattr(inspect_window, "inspect_model", fake)
    yield fake
    for gate in fake.gates.values():
        gate.set()
    assert Job.wait_all(30_000)


def click_tab(qtbot, win: InspectWindow, index: int) -> None:
    bar = win.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


def test_while_a_model_is_inspected_a_busy_bar_shows_and_the_previous_model_stays_usable(qtbot, models, held):
    first, second, test = models
    held.gate(first).set()
    win = InspectWindow()
    qtbot.addWidget(win)
    show_model(qtbot, win, first, test)
    win.show()
    qtbot.waitExposed(win)
    win.set_model(second, test)  # held back: the job waits
    assert win.busy_now and win.busy.isVisible() and win.busy_label.isVisible()
    assert "8×8 12" in win.busy_label.text()
    assert "8×8 24" in win.summary.text() and win.weights.tiles().shape[0] == 24
    click_tab(qtbot, win, 2)  # the window answers clicks meanwhile
    assert win.tabs.currentWidget() is win.weights
    with qtbot.waitSignal(win.shown, timeout=30_000):
        held.gate(second).set()
    assert held.on_gui_thread == [False, False]
    assert not win.busy.isVisible() and "8×8 12" in win.summary.text()
    assert win.weights.tiles().shape[0] == 12 and win.tabs.currentWidget() is win.weights


def test_a_newer_request_supersedes_one_still_running(qtbot, models, held):
    first, second, test = models
    win = InspectWindow()
    qtbot.addWidget(win)
    win.set_model(first, test)
    win.set_model(second, test)
    shown = []
    win.shown.connect(shown.append)
    with qtbot.waitSignal(win.shown, timeout=30_000):
        held.gate(second).set()
    held.gate(first).set()  # the older one ends after the newer one: its result is dropped
    assert Job.wait_all(30_000)
    qtbot.wait(50)  # let anything queued by the older job arrive, if it could
    assert shown == [second]
    expected = second.network.predict(test.images * np.float32(second.input_scale))
    assert np.trace(win.confusion.matrix()) == np.sum(expected == test.labels)
    assert "8×8 12" in win.windowTitle() and not win.busy_now


def test_closing_during_an_inspection_lets_it_go(qtbot, models, held):
    first, _, test = models
    win = InspectWindow()
    qtbot.addWidget(win)
    win.show()
    win.set_model(first, test)
    shown = []
    win.shown.connect(shown.append)
    qtbot.keyClick(win, Qt.Key.Key_Escape)
    assert not win.isVisible() and not win.busy_now
    held.gate(first).set()
    assert Job.wait_all(30_000)
    qtbot.wait(50)
    assert shown == [] and win.inspection() is None


def test_look_inside_shows_the_latest_model_and_frees_the_previous_ones(window, qtbot, models, tmp_path, monkeypatch):
    """Ctrl+L on one model, then on another: the window shows the latest, and the earlier networks are freed."""
    first, second, _ = models
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: pytest.fail(f"warning: {a[2]}"))
    refs = []
    for i, model in enumerate((first, second, first)):
        path = tmp_path / f"model{i}.npz"
        save_model(path, model)
        assert window.files.open(path)
        refs.append(weakref.ref(window.files.model.network))
        window.activateWindow()  # back to the main window, as a click on it does, then its shortcut
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        assert window.inspect_window.busy_now
        qtbot.waitUntil(lambda: window.inspect_window.isVisible() and not window.inspect_window.busy_now,
                        timeout=30_000)
        inside = window.inspect_window
        assert f"model{i}" in inside.windowTitle() or model.name in inside.windowTitle()
        assert inside.weights.tiles().shape[0] == window.files.model.network.dense_layers[0].n_out
    assert Job.wait_all(30_000)
    qtbot.wait(10)
    gc.collect()
    assert [ref() is None for ref in refs] == [True, True, False]  # only the model on screen is alive
    window.inspect_window.close()


def test_the_test_split_loads_in_the_job_too(window, qtbot, models, tmp_path, monkeypatch):
    first, _, _ = models
    save_model(tmp_path / "m.npz", first)
    assert window.files.open(tmp_path / "m.npz")
    threads = []
    real = loading.load

    def recording(source, split):
        threads.append(threading.current_thread() is threading.main_thread())
        return real(source, split)

    from digitpad.ui import main_window
    monkeypatch.setattr(main_window, "load", recording)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.inspect_window is not None and window.inspect_window.isVisible(), timeout=30_000)
    assert threads == [False]
    window.inspect_window.close()
