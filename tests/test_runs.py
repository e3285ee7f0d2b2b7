"""Run records, their CSV export, the runs panel, and earlier runs overlaid on the plots."""

from __future__ import annotations

import csv
import io
import math

import numpy as np
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox, QToolTip

from digitpad.training.evaluate import evaluate
from digitpad.training.history import (
    CSV_COLUMNS,
    MAX_BATCH_POINTS,
    RunRecord,
    history_csv,
    save_history_csv,
    settings_summary,
)
from digitpad.training.prepare import prepare_run
from digitpad.training.reports import TrainResult
from digitpad.training.settings import RunSettings
from digitpad.ui.base.plot_parts import OVERLAY_COLOURS
from digitpad.ui.widgets.plots import SMOOTHING_WINDOW, AccuracyPlot, LossPlot, window_means
from digitpad.ui.widgets.runs_panel import RunsPanel
from digitpad.ui.widgets.training_panel import TrainingPanel


def _result(epochs: int = 3, batches: int = 4, val: bool = True, status: str = "completed") -> TrainResult:
    rng = np.random.default_rng(epochs)
    history = {"train_loss": list(rng.uniform(0.1, 1, epochs)), "train_accuracy": list(rng.uniform(0.5, 1, epochs)),
               "lr": [0.1 / 3 * (i + 1) for i in range(epochs)], "seconds": list(rng.uniform(1, 2, epochs))}
    if val:
        history |= {"val_loss": list(rng.uniform(0.1, 1, epochs)), "val_accuracy": list(rng.uniform(0.5, 1, epochs))}
    return TrainResult(status, "", epochs, history, list(rng.uniform(0.1, 2, epochs * batches)), 1.0)


def _record(name: str = "Run 1", **kwargs) -> RunRecord:
    return RunRecord.from_result(name, RunSettings(hidden="64", lr=0.1).to_dict(), _result(**kwargs), 4)


# -- records and CSV (no Qt) ----------------------------------------------
def test_record_from_result_keeps_history_steps_and_final_metrics():
    result = _result()
    record = RunRecord.from_result("a", {"lr": 0.1}, result, batches_per_epoch=4)
    assert record.history == result.history and record.history is not result.history
    assert record.batch_steps == [i / 4 for i in range(1, 13)] and record.batch_losses == result.batch_losses
    assert record.batch_stride == 1 and record.epochs_done == 3 and record.status == "completed"
    assert record.val_accuracy == result.history["val_accuracy"][-1]
    assert _record(val=False).val_accuracy is None


def test_long_runs_are_reduced_to_bin_means():
    result = _result(epochs=2, batches=2500)
    record = RunRecord.from_result("long", {}, result, batches_per_epoch=2500)
    assert record.batch_stride == 3 and len(record.batch_losses) == math.ceil(5000 / 3) <= MAX_BATCH_POINTS
    assert record.batch_losses[1] == pytest.approx(np.mean(result.batch_losses[3:6]))
    assert record.batch_losses[-1] == pytest.approx(np.mean(result.batch_losses[-2:]))  # a short last bin
    assert record.batch_steps[-1] == pytest.approx((4999 + 5000) / 2 / 2500)


def test_history_csv_round_trips_every_number():
    record = _record()
    rows = list(csv.DictReader(io.StringIO(history_csv(record))))
    assert tuple(rows[0]) == CSV_COLUMNS and len(rows) == 3
    assert [int(r["epoch"]) for r in rows] == [1, 2, 3]
    for key in CSV_COLUMNS[1:]:
        assert [float(r[key]) for r in rows] == record.history[key]  # bit-identical


def test_history_csv_leaves_missing_series_empty():
    rows = list(csv.DictReader(io.StringIO(history_csv(_record(val=False)))))
    assert all(r["val_loss"] == "" and r["val_accuracy"] == "" and r["train_loss"] for r in rows)
    assert history_csv(RunRecord("empty")) == ",".join(CSV_COLUMNS) + "\n"


def test_save_history_csv_is_atomic_and_reports_failures(tmp_path):
    record, path = _record(), tmp_path / "run.csv"
    path.write_text("old")
    save_history_csv(path, record)
    assert path.read_text(encoding="utf-8") == history_csv(record)
    assert [p.name for p in tmp_path.iterdir()] == ["run.csv"]  # no temporary file left
    with pytest.raises(Exception, match="cannot write .*missing"):
        save_history_csv(tmp_path / "missing" / "run.csv", record)


def test_settings_summary_names_what_tells_runs_apart():
    assert settings_summary(RunSettings().to_dict()) == "mnist · 256,128 relu · momentum lr 0.05 · batch 128 · 10 ep"
    odd = RunSettings(batch_size=0, sum_gradient=True, scale_inputs=False, weight_decay=1e-4).to_dict()
    assert settings_summary(odd).endswith("batch full · 10 ep · sum of gradients · unscaled inputs · decay 0.0001")
    assert settings_summary({}) == "? · ? ? · ? · batch full · ? ep"


# -- the panel --------------------------------------------------------------
@pytest.fixture
def panel(qtbot) -> RunsPanel:
    widget = RunsPanel()
    qtbot.addWidget(widget)
    widget.resize(520, 220)
    return widget


def test_panel_lists_runs_with_settings_and_accuracy(panel):
    first, second = _record("Run 1"), _record("Run 2", val=False, status="diverged")
    panel.add_run(first)
    panel.add_run(second)
    assert panel.runs() == [first, second] and panel.ticked() == []
    tree = panel.findChild(type(panel.list), "runsList")
    row = tree.topLevelItem(0)
    assert row.text(0) == "Run 1" and "64 relu" in row.text(1) and row.text(2) == f"{first.val_accuracy:.1%}"
    assert tree.topLevelItem(1).text(2) == "— (diverged)"
    assert first.colour and second.colour and first.colour != second.colour
    assert panel.selected() is second and panel.next_name() == "Run 3"


def test_ticking_and_unticking_emits_the_ticked_runs(qtbot, panel):
    records = [_record(f"Run {i}") for i in range(3)]
    for record in records:
        panel.add_run(record)
    tree = panel.list
    with qtbot.waitSignal(panel.overlays_changed) as blocker:
        tree.topLevelItem(2).setCheckState(0, Qt.CheckState.Checked)
    assert blocker.args == [[records[2]]]
    with qtbot.waitSignal(panel.overlays_changed) as blocker:
        tree.topLevelItem(0).setCheckState(0, Qt.CheckState.Checked)
    assert blocker.args == [[records[0], records[2]]] and panel.ticked() == [records[0], records[2]]
    with qtbot.waitSignal(panel.overlays_changed) as blocker:
        tree.topLevelItem(2).setCheckState(0, Qt.CheckState.Unchecked)
    assert blocker.args == [[records[0]]]


def test_renaming_edits_the_record_and_refreshes_ticked_legends(qtbot, panel):
    record, other = _record("Run 1"), _record("Run 2")
    panel.add_run(record)
    panel.add_run(other)
    item = panel.list.topLevelItem(0)
    with qtbot.assertNotEmitted(panel.overlays_changed):
        panel.list.topLevelItem(1).setText(0, "  lr 0.1  ")
    assert other.name == "lr 0.1" and panel.list.topLevelItem(1).text(0) == "lr 0.1"
    item.setCheckState(0, Qt.CheckState.Checked)
    with qtbot.waitSignal(panel.overlays_changed) as blocker:
        item.setText(0, "baseline")
    assert record.name == "baseline" and blocker.args == [[record]]
    item.setText(0, "   ")  # an empty name is refused
    assert record.name == "baseline" and item.text(0) == "baseline"


def test_only_the_name_column_opens_an_editor(qtbot, panel):
    panel.add_run(_record())
    panel.show()
    qtbot.waitExposed(panel)
    item = panel.list.topLevelItem(0)
    panel.list.editItem(item, 1)
    assert not panel.list.isPersistentEditorOpen(item, 1) and panel.list.state() != panel.list.State.EditingState
    panel.list.editItem(item, 0)
    assert panel.list.state() == panel.list.State.EditingState


def test_export_writes_the_selected_runs_csv(qtbot, panel, tmp_path, monkeypatch):
    assert not panel.export_button.isEnabled()
    first, second = _record("Run 1"), _record("Run 2", epochs=5)
    panel.add_run(first)
    panel.add_run(second)
    panel.list.setCurrentItem(panel.list.topLevelItem(0))
    asked = []

    def save_as(parent, caption, default, filters):
        asked.append(default)
        return str(tmp_path / "first"), filters  # no suffix typed: .csv is added

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    qtbot.mouseClick(panel.findChild(type(panel.export_button), "exportRunButton"), Qt.MouseButton.LeftButton)
    assert asked == ["Run-1.csv"]
    rows = list(csv.DictReader(io.StringIO((tmp_path / "first.csv").read_text(encoding="utf-8"))))
    assert [float(r["val_accuracy"]) for r in rows] == first.history["val_accuracy"]


def test_export_failure_is_a_message_not_a_traceback(qtbot, panel, tmp_path, monkeypatch):
    panel.add_run(_record())
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "no" / "x.csv"), ""))
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    panel.export_button.click()
    assert len(warnings) == 1 and "cannot write" in warnings[0]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))  # cancelled: nothing happens
    panel.export_button.click()
    assert len(warnings) == 1


# -- overlays on the plots ---------------------------------------------------
def _points(curve):
    x, y = curve.getData()
    return np.column_stack([x, y])


def _legend_names(plot) -> list[str]:
    return plot.legend_names()


def test_loss_plot_overlays_one_set_of_curves_per_ticked_run(qtbot):
    plot = LossPlot()
    qtbot.addWidget(plot)
    plot.resize(640, 360)
    runs = [_record("first"), _record("second", val=False)]
    plot.set_overlays(runs)
    assert len(plot.overlays) == 2
    first = plot.overlays[0]
    np.testing.assert_allclose(_points(first["val"]), np.column_stack([[1, 2, 3], runs[0].history["val_loss"]]))
    np.testing.assert_allclose(_points(first["train"]), np.column_stack([[1, 2, 3], runs[0].history["train_loss"]]))
    smoothed = window_means(np.array(runs[0].batch_losses), SMOOTHING_WINDOW)
    np.testing.assert_allclose(_points(first["batch"]), np.column_stack([runs[0].batch_steps, smoothed]))
    assert "val" not in plot.overlays[1]
    assert _legend_names(plot) == ["first · batch average", "first · train", "first · validation",
                                   "second · batch average", "second · train"]  # one entry per line drawn
    plot.set_overlays(runs[1:])
    assert len(plot.overlays) == 1 and "first" not in _legend_names(plot)
    plot.set_overlays([])
    assert plot.overlays == [] and len(plot.listDataItems()) == 4  # the current run's curves only


def test_accuracy_plot_overlays_in_percent_and_keeps_the_current_run(qtbot):
    plot = AccuracyPlot()
    qtbot.addWidget(plot)
    plot.add_epoch(1, 50.0, 45.0)
    runs = [_record("a"), _record("b")]
    runs[1].colour = "#123456"
    plot.set_overlays(runs)
    assert len(plot.overlays) == 2 and set(plot.overlays[1]) == {"train", "val"}
    np.testing.assert_allclose(plot.overlays[1]["val"].getData()[1], 100 * np.array(runs[1].history["val_accuracy"]))
    colours = [curves["val"].opts["pen"].color().name() for curves in plot.overlays]
    assert colours == [OVERLAY_COLOURS[0], "#123456"]  # the plot's own choice only when the run has none
    assert _points(plot.val_curve).tolist() == [[1.0, 45.0]]
    assert _legend_names(plot) == ["train", "validation", "a · train", "a · validation", "b · train", "b · validation"]


# -- the limit on kept runs ------------------------------------------------------
def test_the_default_limit_is_fifty_runs():
    from digitpad.ui.widgets import runs_panel as runs
    assert runs.MAX_RUNS == 50 and "50 runs are kept" in runs.LIST_TOOLTIP


def test_past_the_limit_the_oldest_runs_are_dropped_with_a_notice(qtbot):
    panel = RunsPanel(max_runs=3)
    qtbot.addWidget(panel)
    records = []
    for _ in range(5):
        records.append(_record(panel.next_name()))
        panel.add_run(records[-1])
    assert panel.runs() == records[2:] and panel.list.topLevelItemCount() == 3
    assert [panel.list.topLevelItem(i).text(0) for i in range(3)] == ["Run 3", "Run 4", "Run 5"]
    assert panel.next_name() == "Run 6"  # never a name a dropped run had
    assert len({r.colour for r in records}) == 5  # colours go on cycling, not repeating the last one
    assert panel.hint.isEnabled() and "Dropped Run 2" in panel.hint.text() and "latest 3 runs" in panel.hint.text()
    assert panel.selected() is records[-1]


def test_ticked_renamed_and_selected_runs_are_never_dropped(qtbot):
    panel = RunsPanel(max_runs=3)
    qtbot.addWidget(panel)
    a, b, c, d, e, f = (_record(f"Run {i}") for i in range(1, 7))
    for record in (a, b, c):
        panel.add_run(record)
    panel.tick(a)
    panel.list.topLevelItem(1).setText(0, "keep me")  # renames b
    with qtbot.assertNotEmitted(panel.overlays_changed):
        panel.add_run(d)  # a ticked, b renamed, c selected: every old run is held, the list grows
    assert panel.runs() == [a, b, c, d] and not panel.hint.isEnabled()
    with qtbot.assertNotEmitted(panel.overlays_changed):
        panel.add_run(e)  # c is no longer selected; d is, and stays
    assert panel.runs() == [a, b, d, e] and panel.ticked() == [a]
    assert panel.hint.isEnabled() and panel.hint.text().startswith("Dropped Run 3:")
    panel.list.topLevelItem(0).setCheckState(0, Qt.CheckState.Unchecked)
    panel.add_run(f)
    assert panel.runs() == [b, e, f] and b.name == "keep me"
    assert panel.hint.text().startswith("Dropped 2 runs (Run 1, Run 4):")


def test_ticking_a_dropped_run_does_nothing(qtbot):
    panel = RunsPanel(max_runs=1)
    qtbot.addWidget(panel)
    old, previous, new = _record("old"), _record("previous"), _record("new")
    for record in (old, previous, new):
        panel.add_run(record)
    assert panel.runs() == [previous, new]  # "previous" was selected when "new" came
    with qtbot.assertNotEmitted(panel.overlays_changed):
        panel.tick(old)
    assert panel.ticked() == []



def test_tick_and_untick_by_record(qtbot, panel):
    first, second = _record("first"), _record("second")
    panel.add_run(first)
    panel.add_run(second)
    with qtbot.waitSignal(panel.overlays_changed) as blocker:
        panel.tick(second)
    assert blocker.args == [[second]] and panel.list.topLevelItem(1).checkState(0) == Qt.CheckState.Checked
    with qtbot.waitSignal(panel.overlays_changed) as blocker:
        panel.tick(second, False)
    assert blocker.args == [[]] and panel.ticked() == []


# -- what hovering a run shows ---------------------------------------------------
def _hover_tooltip(qtbot, panel, row: int, column: int) -> str:
    """Move the mouse over a cell and wait for the tooltip a person would see."""
    tree = panel.list
    pos = tree.visualRect(tree.indexFromItem(tree.topLevelItem(row), column)).center()
    qtbot.mouseMove(tree.viewport(), pos)
    QApplication.sendEvent(tree.viewport(), QHelpEvent(QEvent.Type.ToolTip, pos, tree.viewport().mapToGlobal(pos)))
    qtbot.waitUntil(QToolTip.isVisible)
    text = QToolTip.text()
    QToolTip.hideText()
    return text


def test_hovering_a_run_shows_its_numbers_and_settings_as_the_train_tab_names_them(qtbot, panel):
    settings = RunSettings(dataset="digits8x8", subset=1200, validation=0.25, hidden="16", optimizer="momentum",
                           lr=0.05, batch_size=64, epochs=3, sum_gradient=False, seed=3)
    prepared = prepare_run(settings)
    result = prepared.fit()
    record = RunRecord.from_result("Run 1", settings.to_dict(), result, math.ceil(len(prepared.train) / 64))
    panel.add_run(record)
    panel.show()
    qtbot.waitExposed(panel)
    val = evaluate(prepared.network, prepared.val, prepared.input_scale)  # the engine's own numbers
    tip = _hover_tooltip(qtbot, panel, 0, 0)
    lines = tip.splitlines()
    assert lines[0] == "Completed after 3 epochs"
    assert f"Validation accuracy: {100 * val.accuracy:.1f} %" in lines
    assert f"Validation loss: {val.loss:.4g}" in lines
    assert f"Training accuracy: {100 * result.history['train_accuracy'][-1]:.1f} %" in lines
    assert f"Time: {result.seconds:.1f} s" in lines and "Loss: cross-entropy" in lines
    for line in ("Dataset: 8×8 digits", "Images: 1,200", "Validation: 25 %", "Hidden layers: 16",
                 "Output + loss: softmax + cross-entropy", "Optimizer: SGD + momentum", "Learning rate: 0.05",
                 "Momentum: 0.9", "Batch size: 64", "Sum gradients: no", "Scale inputs: yes", "Bias: yes",
                 "Initialiser: He", "Random shift: off", "Epochs: 3"):
        assert line in lines, (line, tip)
    for raw in ("sum_gradient", "subset", "head", "=", "0.9299", "seconds", "False", "True"):
        assert raw not in tip, raw
    assert _hover_tooltip(qtbot, panel, 0, 2) == tip  # the same on every column of the row
    assert panel.list.topLevelItem(0).text(2) == f"{val.accuracy:.1%}"


def test_the_tooltips_labels_are_the_train_tabs(qtbot, panel):
    form = TrainingPanel()
    qtbot.addWidget(form)
    shown = {label.text().rstrip(":").replace("&", "") for label in form.findChildren(QLabel)}
    record = _record()
    record.settings = RunSettings(optimizer="momentum").to_dict()
    panel.add_run(record)
    labels = {line.split(":")[0] for line in panel.list.topLevelItem(0).toolTip(0).splitlines()}
    assert {"Dataset", "Images", "Validation", "Random shift", "Hidden layers", "Activation", "Output + loss",
            "Initialiser", "Optimizer", "Learning rate", "Momentum", "Schedule", "Weight decay", "Batch size",
            "Epochs", "Seed"} <= shown & labels
