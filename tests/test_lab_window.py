"""The Lab tab in the main window, driven as a learner drives it: real clicks and keys, then what the window shows.

A lab run is an experiment meant to fail: it has its own progress, Pause and
Stop; it never asks to be saved, never changes the Train tab's form, a
doctor's fix for it becomes the Lab's matching choice, and it is overlaid only
on runs it can be compared with.
"""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressBar, QPushButton

from digitpad.data import importing
from digitpad.lab import pitfalls
from digitpad.training.reports import Callback
from digitpad.ui.run_view import SETTINGS_KEY


class EpochCounter(Callback):
    """Epochs the trainer has finished, counted on the training thread."""

    def __init__(self):
        self.n = 0

    def on_epoch_end(self, stats):
        self.n = stats.epoch + 1


def shorten(monkeypatch, name: str, **base) -> pitfalls.Pitfall:
    """The preset ``name`` with some base settings changed (fewer epochs: tests must be quick)."""
    preset = pitfalls.PITFALLS[name]
    short = dataclasses.replace(preset, base=dataclasses.replace(preset.base, **base))
    monkeypatch.setitem(pitfalls.PITFALLS, name, short)
    return short


def no_questions(monkeypatch) -> list[str]:
    """Record every question the window would ask; none is expected."""
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or QMessageBox.StandardButton.Cancel)
    return asked


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def lab_button(window, name: str) -> QPushButton:
    return window.lab_panel.findChild(QPushButton, name)


def run_lab(window, qtbot, button: str = "labRunFailingButton", timeout: int = 60_000):
    """Click one of the Lab's run buttons and wait for the run to end; returns (model, result)."""
    with qtbot.waitSignal(window.session.finished, timeout=timeout) as done:
        click(qtbot, lab_button(window, button))
    qtbot.waitUntil(lambda: not window.runs.pending)  # the overlay and the doctor's cards come a turn later
    return done.args


def start_lab(window, qtbot, button: str = "labRunFailingButton") -> EpochCounter:
    with qtbot.waitSignal(window.session.started, timeout=10_000):
        click(qtbot, lab_button(window, button))
    counter = EpochCounter()
    window.session.worker._trainer.callbacks.append(counter)
    return counter


def held(qtbot, counter: EpochCounter) -> bool:
    """Whether the trainer has stopped advancing: at most the epoch in flight ends, then no other."""
    qtbot.wait(300)
    at = counter.n
    qtbot.wait(500)
    return counter.n == at


# -- 1, 2: pause and stop during the fast full-batch epochs ---------------------------------------------------
def test_f6_and_the_labs_pause_button_hold_a_full_batch_run_and_stop_ends_it(window, qtbot):
    window.open_lab("narrow")  # the real preset: 3,000 one-step epochs
    counter = start_lab(window, qtbot)
    qtbot.waitUntil(lambda: counter.n > 20, timeout=10_000)
    pause = lab_button(window, "labPauseButton")
    assert pause.isEnabled() and lab_button(window, "labStopButton").isEnabled()
    # F6, typed where the keyboard focus is (the run button that had it is locked now).
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F6)
    assert window.session.worker.paused and pause.text() == "Resume"
    arrived = []
    window.session.epoch_finished.connect(arrived.append)
    assert held(qtbot, counter) and not arrived
    assert window.lab_panel.status.text().startswith("Paused")
    click(qtbot, pause)  # Resume
    qtbot.waitUntil(lambda: counter.n > 40 and bool(arrived), timeout=10_000)
    click(qtbot, pause)  # Pause, by a click on the Lab's own button
    assert window.session.worker.paused and window.panel.pause_button.text() == "Resume"
    assert held(qtbot, counter)
    click(qtbot, pause)
    qtbot.waitUntil(lambda: counter.n > 60, timeout=10_000)
    with qtbot.waitSignal(window.session.finished, timeout=10_000) as done:
        click(qtbot, lab_button(window, "labStopButton"))
    result = done.args[1]
    assert result.status == "stopped" and result.epochs_done < 3000
    bar = window.lab_panel.findChild(QProgressBar, "labProgress")
    # One batch per epoch: the bar shows every batch the trainer did, out of the preset's 3,000.
    assert bar.maximum() == 3000 and bar.value() == len(result.batch_losses)
    assert bar.format().startswith(f"epoch {len(result.batch_losses)}/3000")
    assert not pause.isEnabled() and lab_button(window, "labRunFailingButton").isEnabled()


# -- 4: a model meant to fail is never work to save ---------------------------------------------------------------
def test_lab_runs_never_ask_to_save_and_leave_no_unsaved_work(window, qtbot, monkeypatch):
    shorten(monkeypatch, "narrow", epochs=30)
    asked = no_questions(monkeypatch)
    window.open_lab("narrow")
    run_lab(window, qtbot)
    assert not window.isWindowModified() and "[*]" in window.windowTitle()
    run_lab(window, qtbot, "labApplyAllButton")  # the next lab run asks nothing either
    assert window.files.may_discard() and window.files.may_replace_before_training()  # nor would Open or Train
    assert asked == [] and window.runs_panel.store.count() == 2


def test_a_lab_run_still_asks_before_replacing_the_learners_own_unsaved_model(window, qtbot, monkeypatch):
    shorten(monkeypatch, "narrow", epochs=30)
    asked = no_questions(monkeypatch)  # answers Cancel
    window.setWindowModified(True)  # a model the learner trained and has not saved
    window.open_lab("narrow")
    click(qtbot, lab_button(window, "labRunFailingButton"))
    assert len(asked) == 1 and not window.session.running


# -- 5: the Train tab's form is the learner's ---------------------------------------------------------------------
def test_a_lab_run_leaves_the_train_forms_settings_as_the_learner_typed_them(window, qtbot, monkeypatch, settings):
    shorten(monkeypatch, "narrow", epochs=30)
    edit = window.panel.hidden_edit
    click(qtbot, edit)
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(edit, "48,24")
    before = window.panel.settings()
    assert before.hidden == "48,24"
    window.open_lab("narrow")
    run_lab(window, qtbot)
    assert window.files.model.network.spec.sizes == (64, 4, 4, 4, 10)  # the lab's network was trained ...
    assert edit.text() == "48,24" and window.panel.settings() == before  # ... the form is untouched
    assert settings.value(SETTINGS_KEY) is None  # and the lab's settings are not remembered as the form's


# -- 6: a doctor's fix, in words, into the Lab's choices -----------------------------------------------------------
def apply_first_fix(window, qtbot) -> dict:
    window.insight_tabs.setCurrentWidget(window.doctor_panel)

    def apply_buttons() -> list[QPushButton]:  # new cards show a turn of the event loop after they are made
        return [b for b in window.doctor_panel.findChildren(QPushButton)
                if b.objectName().startswith("applyFix_") and b.isVisible()]
    qtbot.waitUntil(lambda: bool(apply_buttons()), timeout=10_000)
    button = apply_buttons()[0]
    code = button.objectName().removeprefix("applyFix_")
    fix = next(d.fix for d in window.doctor_panel.diagnoses() if d.code == code)
    click(qtbot, button)
    return fix


def test_applying_a_doctors_fix_to_a_lab_run_ticks_the_matching_lab_choice_and_says_it_in_words(window, qtbot,
                                                                                                  monkeypatch):
    shorten(monkeypatch, "narrow", epochs=30)
    window.open_lab("narrow")
    form = window.panel.settings()
    run_lab(window, qtbot)
    fix = apply_first_fix(window, qtbot)
    assert fix == {"scale_inputs": True}  # raw 0–16 pixels: the doctor's first advice for this setup
    assert window.lab_panel.check_box("scale_inputs").isChecked()
    assert window.lab_panel.lab_run().settings.scale_inputs
    assert window.side_tabs.currentWidget() is window.lab_panel
    status = window.statusBar().currentMessage()
    assert "scale inputs → on" in status and "Inputs scaled to [0, 1]" in status
    assert "True" not in status and "False" not in status
    assert window.panel.settings() == form  # the learner's form is not where a lab fix goes


def test_applying_a_doctors_fix_to_a_run_from_the_form_says_it_in_words(window, qtbot):
    stuck = pitfalls.PITFALLS["narrow"].run_for().settings
    window.panel.set_settings(dataclasses.replace(stuck, epochs=30))
    with qtbot.waitSignal(window.session.finished, timeout=60_000):
        click(qtbot, window.panel.train_button)
    fix = apply_first_fix(window, qtbot)
    assert fix == {"scale_inputs": True} and window.panel.scale_check.isChecked()
    assert window.panel.status.text() == "Applied scale inputs → on. Press Train (F5) to try it."


# -- 7: overlays only of runs that can be compared ------------------------------------------------------------------
@pytest.fixture
def mnist_store(mnist_dir):
    importing.import_files(sorted(mnist_dir.glob("*.gz")), "mnist")


def test_only_a_run_of_the_same_preset_with_the_same_loss_is_overlaid(window, qtbot, monkeypatch, mnist_store):
    label10 = shorten(monkeypatch, "label10", epochs=20)
    # All of MNIST for 10 epochs takes too long for a test: 2,000 images for 2 epochs instead.
    quick = tuple(dataclasses.replace(t, settings={"subset": 2000, "epochs": 2}) if t.name == "all_rows" else t
                  for t in label10.toggles)
    monkeypatch.setitem(pitfalls.PITFALLS, "label10", dataclasses.replace(label10, toggles=quick))
    shorten(monkeypatch, "narrow", epochs=20)
    asked = no_questions(monkeypatch)
    window.open_lab("label10")
    run_lab(window, qtbot)                           # MSE on label/10
    run_lab(window, qtbot, "labApplyAllButton")      # cross-entropy: not comparable
    runs = window.runs_panel
    failing, fixed = (run.id for run in runs.store.summaries(sort="oldest"))
    assert runs.store.settings(failing)["head"] == "sigmoid+mse"
    assert runs.store.settings(fixed)["head"] == "softmax+cross_entropy"
    assert runs.ticked() == [] and window.loss_plot.overlays == []
    run_lab(window, qtbot)                           # the failing setup again: the first run is its match
    assert runs.ticked_ids() == [failing] and len(window.loss_plot.overlays) == 1
    window.open_lab("narrow")
    run_lab(window, qtbot)                           # another preset: the label10 overlay goes
    assert runs.ticked() == [] and window.loss_plot.overlays == [] and asked == []


# -- 8: New model and the run being trained -----------------------------------------------------------------------
def test_new_model_clears_the_last_runs_curves_and_status(window, qtbot, monkeypatch):
    shorten(monkeypatch, "narrow", epochs=30)
    asked = no_questions(monkeypatch)
    window.open_lab("narrow")
    _, result = run_lab(window, qtbot)
    assert len(window.loss_plot.raw_curve.getData()[1]) == len(result.batch_losses)
    assert window.panel.status.text().startswith("Trained for 30 epochs")
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert asked == [] and window.files.model.name == "Untitled" and window.files.model.history == {}
    x = window.loss_plot.raw_curve.getData()[0]
    assert x is None or len(x) == 0
    assert len(window.accuracy_plot.train_curve.getData()[1] or []) == 0
    for text in (window.panel.status.text(), window.lab_panel.status.text(), window.statusBar().currentMessage()):
        assert "Trained" not in text and text.startswith("New untrained model")
    for bar in (window.panel.progress, window.lab_panel.progress):
        assert bar.value() == 0 and bar.format() == ""


def test_while_a_run_trains_the_prediction_header_names_that_run(window, qtbot):
    previous = window.files.display_name()
    window.open_lab("narrow")
    start_lab(window, qtbot)
    assert "Training: Too narrow to learn · failing setup" in window.model_label.text()
    assert previous not in window.model_label.text()
    assert repr(window.prediction.model.network) in window.model_label.text()
    assert window.prediction.model.network.spec.sizes == (64, 4, 4, 4, 10)
    with qtbot.waitSignal(window.session.finished, timeout=10_000):
        click(qtbot, lab_button(window, "labStopButton"))
    assert window.model_label.text().startswith("<b>Too narrow to learn · failing setup</b>")


def test_a_runs_late_cards_never_land_after_new_model_and_its_overlay_lands_as_if_at_once(window, qtbot,
                                                                                           monkeypatch):
    """The doctor's cards and the earlier run's overlay come a turn of the event loop after they are sent; New
    model pressed before then clears the run's cards for good, while the overlay (a ticked run, which outlives
    the run) lands as it would have at once."""
    shorten(monkeypatch, "narrow", epochs=30)
    no_questions(monkeypatch)
    window.open_lab("narrow")
    run_lab(window, qtbot)
    assert window.doctor_panel.diagnoses()  # the failing setup is diagnosed
    with qtbot.waitSignal(window.session.finished, timeout=60_000):
        click(qtbot, lab_button(window, "labRunFailingButton"))
    window.doctor_panel.set_diagnoses([])  # so the run's last cards, if they came, would show
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.runs.pending)
    assert window.files.model.name == "Untitled"
    assert window.doctor_panel.diagnoses() == [] and len(window.loss_plot.overlays) == 1


def test_pointing_at_a_doctor_card_shades_the_epochs_it_speaks_of_on_the_loss_plot(window, qtbot, monkeypatch):
    shorten(monkeypatch, "narrow", epochs=30)
    no_questions(monkeypatch)
    window.open_lab("narrow")
    run_lab(window, qtbot)
    panel = window.doctor_panel
    window.insight_tabs.setCurrentWidget(panel)
    assert panel.rows and window.loss_plot.marked_epochs() is None
    for row in panel.rows:
        QTest.mouseMove(row, row.rect().center())
        d = row.diagnosis
        first, last = d.epochs if d.epochs else (d.epoch, 30)  # "since epoch N": to the run's last epoch
        assert window.loss_plot.marked_epochs() == pytest.approx((first, last) if last - first >= 1 else
                                                                 ((first + last) / 2 - 0.5, (first + last) / 2 + 0.5))
        words = f"epochs {first}–{last}" if d.epochs else f"since epoch {first}"
        assert words in row.title.text()  # the card says what the plot shades
    # The doctor's next check moves the card's stretch while the pointer rests on it: the shading follows.
    hovered = panel.rows[-1]
    panel.set_diagnoses([*panel.diagnoses()[:-1], dataclasses.replace(hovered.diagnosis, epochs=(2, 9))])
    assert window.loss_plot.marked_epochs() == (2.0, 9.0) and "epochs 2–9" in hovered.title.text()
    QTest.mouseMove(window.canvas, window.canvas.rect().center())
    assert window.loss_plot.marked_epochs() is None


def test_the_lab_tabs_progress_text_fits_its_bar_at_1280_by_800(window, qtbot, monkeypatch):
    window.resize(1280, 800)
    shorten(monkeypatch, "narrow", epochs=30)
    no_questions(monkeypatch)
    window.open_lab("narrow")
    run_lab(window, qtbot)
    bar = window.lab_panel.progress
    assert bar.format().startswith("epoch 30/30")
    # What an MNIST lab run shows (1,875 batches of 32), with room for the bar's own margins.
    widest = "epoch 10/10 · batch 1875/1875 · 59 s left"
    for text in (bar.format(), widest):
        assert bar.fontMetrics().horizontalAdvance(text) + 16 <= bar.contentsRect().width(), text
