"""The Runs tab in the window: runs recorded as they train, Train again, Open its model, the error-rate axis,
runs from another process, and a run history that cannot be used."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QFileDialog, QPushButton, QWidget
from support.boxes import answer_box
from test_main_window import LONG_RUN, SMALL_RUN, start
from test_plot_truth import click_menu_action
from test_run_store import dead_pid
from test_runs import cell, click_row, names, record_run

from digitpad.training.recovery import process_identity
from digitpad.training.runs.schema import RunStoreError, database_path
from digitpad.training.runs.store import RunStore
from digitpad.training.settings import RunSettings


def runs_tab(window):
    window.insight_tabs.setCurrentWidget(window.runs_panel)
    return window.runs_panel


def click(qtbot, panel, name: str) -> None:
    qtbot.mouseClick(panel.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def test_a_window_run_is_listed_as_running_from_its_start_then_as_it_ended(window, qtbot):
    panel = runs_tab(window)
    start(window, qtbot, SMALL_RUN)
    assert names(panel) == ["Run 1"] and cell(panel, 0, 6).startswith("running at epoch")
    assert panel.selected().id == 1
    qtbot.waitUntil(lambda: not window.session.running, timeout=30_000)
    assert cell(panel, 0, 6) == "completed" and cell(panel, 0, 4) == "3/3"
    summary = panel.store.summary(1)
    assert summary.front_end == "window" and summary.kind == "train" and summary.best_val_accuracy is not None


def test_train_again_fills_the_form_with_the_runs_settings(window, qtbot):
    settings = RunSettings(dataset="digits8x8", hidden="24,12", epochs=2, lr=0.07, batch_size=48)
    record_run("from the command line", settings)
    panel = runs_tab(window)
    click_row(qtbot, panel, 0)
    click(qtbot, panel, "trainAgainButton")
    assert window.side_tabs.currentWidget() is window.panel and window.panel.settings() == settings
    assert "from the command line" in window.statusBar().currentMessage()


def test_train_again_on_a_lab_run_picks_its_preset_in_the_lab(window, qtbot):
    record_run("Run 1 · Regression on label/10 · failing setup", kind="lab", lab_preset="label10")
    form = window.panel.settings()
    panel = runs_tab(window)
    click_row(qtbot, panel, 0)
    click(qtbot, panel, "trainAgainButton")
    assert window.side_tabs.currentWidget() is window.lab_panel and window.lab_panel.preset().name == "label10"
    assert window.panel.settings() == form  # a lab run never goes into the learner's form


def test_a_saved_runs_model_opens_from_the_runs_tab(window, qtbot, tmp_path, monkeypatch):
    panel = runs_tab(window)
    start(window, qtbot, SMALL_RUN)
    qtbot.waitUntil(lambda: not window.session.running, timeout=30_000)
    open_button = panel.findChild(QPushButton, "openRunModelButton")
    assert not open_button.isEnabled()  # nothing saved yet
    path = tmp_path / "first.npz"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(path), ""))
    assert window.files.save_as()
    assert panel.store.summary(1).model_path == str(path.resolve()) and open_button.isEnabled()
    start(window, qtbot, SMALL_RUN)  # the saved model is replaced without a question
    qtbot.waitUntil(lambda: not window.session.running, timeout=30_000)
    assert names(panel) == ["Run 2", "Run 1"] and window.files.path is None and window.isWindowModified()
    click_row(qtbot, panel, 1)
    seen = answer_box("Discard")  # Run 2's model is unsaved: asked about first
    click(qtbot, panel, "openRunModelButton")
    assert seen == ["The trained model has not been saved. Save it first?"]
    assert window.files.path == path.resolve() and not window.isWindowModified()


def test_a_run_recorded_by_another_process_shows_when_the_window_comes_to_the_front(window, qtbot):
    panel = runs_tab(window)
    assert names(panel) == []
    other = QWidget()  # another window comes to the front, then this one again
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: not window.isActiveWindow())
    record_run("from the command line")  # its own connection, as digitpad train's
    assert names(panel) == []
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert names(panel) == ["from the command line"]


def test_a_cli_run_killed_while_the_window_is_open_shows_interrupted_when_the_window_comes_to_the_front(
        window, qtbot):
    panel = runs_tab(window)
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: not window.isActiveWindow())
    with RunStore() as store:  # digitpad train's own connection: it began a run, then its process was killed
        run_id = store.begin_run(name="killed", front_end="cli", kind="train", settings=SMALL_RUN.to_dict(),
                                 network="64-16-10 relu softmax", epochs=5, batches_per_epoch=1)
        pid = dead_pid()
        store._db.execute("UPDATE runs SET pid = ?, process = ? WHERE id = ?", (pid, f"boot:{pid}", run_id))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert names(panel) == ["killed"] and cell(panel, 0, 6).startswith("interrupted")


def test_a_cli_run_seen_running_then_killed_shows_interrupted_when_the_window_comes_to_the_front(window, qtbot):
    panel = runs_tab(window)
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])  # digitpad train, training
    with RunStore() as store:
        run_id = store.begin_run(name="killed", front_end="cli", kind="train", settings=SMALL_RUN.to_dict(),
                                 network="64-16-10 relu softmax", epochs=5, batches_per_epoch=1)
        store._db.execute("UPDATE runs SET pid = ?, process = ? WHERE id = ?",
                          (child.pid, process_identity(child.pid), run_id))
    panel.refresh()
    assert cell(panel, 0, 6).startswith("running")
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: not window.isActiveWindow())
    child.kill()  # killed after its last write: nothing in the run history changes
    child.wait()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert cell(panel, 0, 6).startswith("interrupted")


def test_a_run_whose_record_could_not_be_written_says_so_once_it_ends(window, qtbot, monkeypatch):
    def full_disk(*args):
        raise RunStoreError("The run history cannot be written: database or disk is full")

    monkeypatch.setattr(RunStore, "record_epochs", full_disk)
    start(window, qtbot, SMALL_RUN)
    assert "incomplete" not in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: not window.session.running, timeout=30_000)
    message = window.statusBar().currentMessage()
    assert message.startswith("Trained for 3 epochs"), message  # how it ended, then what its record lacks
    assert message.endswith("This run's record in the run history is incomplete: The run history cannot be "
                            "written: database or disk is full"), message
    assert message == window.panel.status.text()


def test_the_error_rate_checkbox_and_the_plots_menu_are_one_choice_remembered(make_window, qtbot):
    window = make_window()
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    check = runs_tab(window).findChild(QCheckBox, "errorRateCheck")
    plot = window.accuracy_plot
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
    assert plot.getPlotItem().getAxis("left").logMode and plot.error_action.isChecked()
    click_menu_action(qtbot, plot, "Error rate on a log scale")  # off from the plot's menu
    assert not check.isChecked() and not plot.getPlotItem().getAxis("left").logMode
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
    window.close()
    again = make_window()
    assert again.accuracy_plot.error_action.isChecked() and again.runs_panel.error_check.isChecked()
    assert again.accuracy_plot.getPlotItem().getAxis("left").logMode


def test_a_newer_run_history_disables_the_tab_and_training_still_works(make_window, qtbot):
    record_run("Run 1")
    with sqlite3.connect(database_path()) as db:
        db.execute("PRAGMA user_version = 99")
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    panel = runs_tab(window)
    assert not panel.isEnabled() and "newer digitpad" in panel.hint.text()
    assert "Runs are not recorded" in window.statusBar().currentMessage()
    start(window, qtbot, SMALL_RUN)
    qtbot.waitUntil(lambda: not window.session.running, timeout=30_000)
    assert window.session.last_model is window.files.model and window.session.recording.run_id is None


def test_saving_the_model_of_the_run_before_during_the_next_run_records_it_on_the_run_that_made_it(
        window, qtbot, tmp_path, monkeypatch):
    panel = runs_tab(window)
    start(window, qtbot, SMALL_RUN)
    qtbot.waitUntil(lambda: not window.session.running, timeout=30_000)
    answer_box("Discard")  # run 1's model is unsaved: training again asks first
    start(window, qtbot, LONG_RUN)
    assert window.session.recording.run_id == 2 and window.files.model is window.session.last_model  # still run 1's
    path = tmp_path / "first.npz"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(path), ""))
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S while run 2 trains
    assert path.is_file()
    assert panel.store.summary(1).model_path == str(path.resolve()) and panel.store.summary(2).model_path is None
    window.session.stop()
    qtbot.waitUntil(lambda: not window.session.running, timeout=30_000)


def test_a_run_going_when_the_window_is_closed_is_recorded_interrupted_not_stopped(make_window, qtbot):
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    start(window, qtbot, LONG_RUN)
    qtbot.waitUntil(lambda: window.session.job is not None)
    asked = answer_box("Yes")  # Stop training and quit?
    assert window.close()
    assert asked[0].startswith("Stop training and quit?")
    with RunStore() as store:
        assert store.summary(1).status == "interrupted"
        assert store.details(1)["message"] == "interrupted: the window was closed while it trained"
