"""Run records, their CSV export, the Runs tab over the run history, and earlier runs overlaid on the plots.

The Runs tab is tested on real rows: small 8×8-digit runs recorded by RunRecorder, as ``digitpad train``
records them (an older run has its start moved back in the database), driven by clicks and keys.
"""

from __future__ import annotations

import csv
import io
import math
import sqlite3
import time

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QHelpEvent, QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStyle,
    QStyleOptionViewItem,
    QToolTip,
    QTreeView,
)
from support.boxes import answer_box
from support.crashes import StopAfter

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
from digitpad.training.runs.recorder import RunRecorder
from digitpad.training.runs.schema import database_path
from digitpad.training.runs.store import RunStore
from digitpad.training.settings import RunSettings
from digitpad.ui.base.plot_parts import OVERLAY_COLOURS
from digitpad.ui.widgets.plots import SMOOTHING_WINDOW, AccuracyPlot, LossPlot, window_means
from digitpad.ui.widgets.runs_panel import RunsPanel, run_colour, time_opening
from digitpad.ui.widgets.training_panel import TrainingPanel


def _result(epochs: int = 3, batches: int = 4, val: bool = True, status: str = "completed") -> TrainResult:
    rng = np.random.default_rng(epochs)
    history = {"train_loss": list(rng.uniform(0.1, 1, epochs)), "train_accuracy": list(rng.uniform(0.5, 1, epochs)),
               "lr": [0.1 / 3 * (i + 1) for i in range(epochs)], "seconds": list(rng.uniform(1, 2, epochs))}
    if val:
        history |= {"val_loss": list(rng.uniform(0.1, 1, epochs)), "val_accuracy": list(rng.uniform(0.5, 1, epochs))}
    return TrainResult(status, "", epochs, history, list(rng.uniform(0.1, 2, epochs * batches)), 1.0)


def _record(name: str = "Run 1", **kwargs) -> RunRecord:
    result = _result(**kwargs)
    return RunRecord.of(name, RunSettings(hidden="64", lr=0.1).to_dict(), result.history, result.batch_losses, 4,
                        status=result.status, seconds=result.seconds)


# -- records and CSV (no Qt) ----------------------------------------------
def test_a_record_keeps_history_steps_and_final_metrics():
    result = _result()
    record = RunRecord.of("a", {"lr": 0.1}, result.history, result.batch_losses, batches_per_epoch=4)
    assert record.history == result.history and record.history is not result.history
    assert record.batch_steps == [i / 4 for i in range(1, 13)] and record.batch_losses == result.batch_losses
    assert record.batch_stride == 1 and record.epochs_done == 3 and record.status == "completed"
    assert record.val_accuracy == result.history["val_accuracy"][-1]
    assert _record(val=False).val_accuracy is None


def test_long_runs_are_reduced_to_bin_means():
    result = _result(epochs=2, batches=2500)
    record = RunRecord.of("long", {}, result.history, result.batch_losses, batches_per_epoch=2500)
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




# -- runs recorded as the command line records them ----------------------------------------------------------
SMALL = RunSettings(dataset="digits8x8", hidden="16", epochs=3)
DAY = 86_400


def record_run(name: str, settings: RunSettings = SMALL, stop_after: int | None = None, failed: bool = False,
               days_ago: float = 0, kind: str = "train", lab_preset: str = "", tags: tuple[str, ...] = (),
               test_accuracy: float | None = None) -> int:
    """Train a small run with a RunRecorder (or, ``failed``, record one that failed before its first epoch);
    its id. ``days_ago`` moves its start back (the database's own column)."""
    prepared = prepare_run(settings)
    recorder = RunRecorder(prepared, "cli", name, kind=kind, lab_preset=lab_preset)
    if failed:
        recorder.end("failed", "Training failed: boom")
    else:
        stopper = StopAfter(stop_after) if stop_after else None
        trainer = prepared.trainer([recorder, *([stopper] if stopper else [])])
        if stopper:
            stopper.trainer = trainer
        trainer.fit(prepared.train, prepared.val)
    if test_accuracy is not None:
        recorder.add_metrics({"test_accuracy": test_accuracy})
    run_id = recorder.run_id
    recorder.close()
    with RunStore() as store:
        if tags:
            store.set_tags(run_id, tags)
    if days_ago:
        with sqlite3.connect(database_path()) as db:
            db.execute("UPDATE runs SET started = started - ? WHERE id = ?", (days_ago * DAY, run_id))
    return run_id


def names(panel) -> list[str]:
    """The names in the list, top to bottom, as the view shows them."""
    model = panel.findChild(QTreeView, "runsList").model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def cell(panel, row: int, column: int) -> str:
    return panel.findChild(QTreeView, "runsList").model().index(row, column).data()


def check_box_centre(view: QTreeView, row: int) -> QPoint:
    """Where the tick box of ``row`` is drawn."""
    index = view.model().index(row, 0)
    option = QStyleOptionViewItem()
    option.initFrom(view.viewport())
    option.rect = view.visualRect(index)
    view.itemDelegateForIndex(index).initStyleOption(option, index)
    return view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, view).center()


def click_tick(qtbot, panel, row: int) -> None:
    view = panel.findChild(QTreeView, "runsList")
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=check_box_centre(view, row))


def click_row(qtbot, panel, row: int, column: int = 3, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    view = panel.findChild(QTreeView, "runsList")
    view.scrollTo(view.model().index(row, column))  # as a person scrolls to a column out of sight
    rect = view.visualRect(view.model().index(row, column))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def click_header(qtbot, panel, column: int) -> None:
    header = panel.findChild(QTreeView, "runsList").header()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def type_into_editor(qtbot, view: QTreeView, text: str) -> None:
    """F2 on the current cell, select what its editor holds, type ``text`` and press Enter."""
    qtbot.keyClick(view, Qt.Key.Key_F2)
    # The open editor (an earlier one may still wait for its deferred deletion, hidden).
    editor = next((e for e in view.viewport().findChildren(QLineEdit) if e.isVisible()), None)
    assert editor is not None and view.state() == view.State.EditingState
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        qtbot.keyClicks(editor, text)
    else:
        qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState)  # Qt commits a turn of the loop later


def pick(qtbot, combo: QComboBox, text: str) -> None:
    """Choose ``text`` in a closed combo with the arrow keys, as a keyboard user does."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text, [combo.itemText(i) for i in range(combo.count())]


@pytest.fixture
def panel(qtbot) -> RunsPanel:
    widget = RunsPanel()
    qtbot.addWidget(widget)
    widget.resize(1000, 320)
    return widget


def show(qtbot, panel) -> RunsPanel:
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_the_list_shows_every_recorded_run_newest_first_with_its_numbers(qtbot, panel):
    old = record_run("old", days_ago=40)
    done = record_run("done", test_accuracy=0.875)
    stopped = record_run("stopped", stop_after=1)
    failed = record_run("failed", failed=True)
    show(qtbot, panel)
    assert names(panel) == ["failed", "stopped", "done", "old"]
    with RunStore() as store:
        best = store.summary(done).best_val_accuracy
        assert best == max(store.history(done)["val_accuracy"])
    assert [cell(panel, 2, c) for c in (1, 2, 7, 8, 4, 6)] == [f"{best:.1%}", "87.5%", "8×8 digits",
                                                                "64-16-10 relu softmax", "3/3", "completed"]
    assert (cell(panel, 1, 4), cell(panel, 1, 6)) == ("1/3", "stopped after epoch 1")
    assert (cell(panel, 0, 1), cell(panel, 0, 6)) == ("—", "failed at epoch 0 of 3")
    assert cell(panel, 3, 3).count("-") == 2  # 40 days ago: the date, not the weekday
    assert {old, done, stopped, failed} == {run.id for run in panel.shown()}
    assert "4 runs" in panel.hint.text()


def test_the_filters_and_the_search_box_pick_the_runs_shown(qtbot, panel):
    record_run("custom today", tags=("baseline",))
    record_run("lab run", kind="lab", lab_preset="narrow", days_ago=3)
    record_run("broken", failed=True, days_ago=20)
    other = record_run("other data")
    with sqlite3.connect(database_path()) as db:  # a run on another dataset (the bundled one is all we have)
        db.execute("UPDATE runs SET dataset = 'mnist' WHERE id = ?", (other,))
    show(qtbot, panel)
    assert len(names(panel)) == 4
    dataset = panel.findChild(QComboBox, "runsDatasetFilter")
    assert [dataset.itemText(i) for i in range(dataset.count())] == ["All datasets", "8×8 digits", "MNIST"]
    pick(qtbot, dataset, "MNIST")
    assert names(panel) == ["other data"] and "1 of 4 runs" in panel.hint.text()
    pick(qtbot, dataset, "All datasets")
    setup = panel.findChild(QComboBox, "runsSetupFilter")
    pick(qtbot, setup, "Lab: Too narrow to learn")
    assert names(panel) == ["lab run"]
    pick(qtbot, setup, "Custom settings")
    assert names(panel) == ["other data", "custom today", "broken"]
    pick(qtbot, setup, "Any setup")
    pick(qtbot, panel.findChild(QComboBox, "runsStatusFilter"), "failed")
    assert names(panel) == ["broken"]
    pick(qtbot, panel.findChild(QComboBox, "runsStatusFilter"), "Any status")
    when = panel.findChild(QComboBox, "runsWhenFilter")
    pick(qtbot, when, "Last 7 days")
    assert names(panel) == ["other data", "custom today", "lab run"]
    pick(qtbot, when, "Any time")
    search = panel.findChild(QLineEdit, "runsSearch")
    qtbot.keyClicks(search, "basel")  # a tag
    assert names(panel) == ["custom today"]
    search.clear()
    qtbot.keyClicks(search, "lab")  # a name
    assert names(panel) == ["lab run"]


def test_a_click_on_a_header_sorts_by_it(qtbot, panel):
    ids = [record_run(name, RunSettings(dataset="digits8x8", hidden="16", epochs=epochs, lr=lr))
           for name, epochs, lr in (("b slow", 3, 0.001), ("a good", 3, 0.1), ("c one", 1, 0.05))]
    show(qtbot, panel)
    with RunStore() as store:
        best = {store.summary(i).name: store.summary(i).best_val_accuracy for i in ids}
    click_header(qtbot, panel, 1)  # Val. acc.: best first
    assert names(panel) == sorted(best, key=best.get, reverse=True)
    click_header(qtbot, panel, 1)  # again: still best first (no one looks for the worst run)
    assert names(panel) == sorted(best, key=best.get, reverse=True)
    click_header(qtbot, panel, 2)  # Test acc.: none measured; the newest first among equals
    assert names(panel) == ["c one", "a good", "b slow"]
    click_header(qtbot, panel, 0)  # names, A to Z
    assert names(panel) == ["a good", "b slow", "c one"]
    click_header(qtbot, panel, 8)  # the network: not an order
    assert names(panel) == ["a good", "b slow", "c one"]
    click_header(qtbot, panel, 3)  # newest first
    assert names(panel) == ["c one", "a good", "b slow"]


def test_ticked_runs_are_overlaid_and_stay_ticked_through_filters_and_reading_again(qtbot, panel):
    first, second = record_run("first"), record_run("second", days_ago=10)
    plot = AccuracyPlot()
    qtbot.addWidget(plot)
    panel.overlays_changed.connect(plot.set_overlays)
    show(qtbot, panel)
    with qtbot.waitSignal(panel.overlays_changed) as blocker:
        click_tick(qtbot, panel, 1)  # "second", the older
    assert [r.name for r in blocker.args[0]] == ["second"]
    click_tick(qtbot, panel, 0)
    with RunStore() as store:
        history = {i: store.history(i) for i in (first, second)}
    assert [r.run_id for r in panel.ticked()] == [first, second]
    for curves, run_id in zip(plot.overlays, (first, second)):
        np.testing.assert_allclose(curves["val"].getData()[1], 100 * np.array(history[run_id]["val_accuracy"]))
        assert curves["val"].opts["pen"].color().name() == run_colour(run_id)
    assert plot.legend_names()[-1] == "second · validation"
    pick(qtbot, panel.findChild(QComboBox, "runsWhenFilter"), "Today")
    assert names(panel) == ["first"] and len(plot.overlays) == 2  # hidden, still ticked and drawn
    assert "2 ticked (1 hidden by the filters)" in panel.hint.text()
    record_run("third")
    panel.refresh()
    assert names(panel) == ["third", "first"] and [r.run_id for r in panel.ticked()] == [first, second]
    assert cell(panel, 1, 0) == "first" and panel.model.index(1, 0).data(Qt.ItemDataRole.CheckStateRole) \
        == Qt.CheckState.Checked
    with qtbot.waitSignal(panel.overlays_changed):
        click_tick(qtbot, panel, 1)
    assert [r.name for r in panel.ticked()] == ["second"] and len(plot.overlays) == 1


def wheel(view: QTreeView, notches: int) -> None:
    """Turn the mouse wheel over the list's rows (negative: down)."""
    centre = view.viewport().rect().center()
    event = QWheelEvent(QPointF(centre), QPointF(view.viewport().mapToGlobal(centre)), QPoint(),
                        QPoint(0, 120 * notches), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), event)


def test_reading_the_list_again_keeps_the_selected_runs_and_the_scroll_position(qtbot, panel):
    with RunStore() as store:
        for i in range(60):
            run_id = store.begin_run(name=f"sweep {i}", front_end="cli", kind="train", settings=SMALL.to_dict(),
                                     network="64-16-10 relu softmax", epochs=3, batches_per_epoch=1)
            store.finish_run(run_id, _result(), 4)
    show(qtbot, panel)
    view = panel.findChild(QTreeView, "runsList")
    click_row(qtbot, panel, 30)
    click_row(qtbot, panel, 33, modifier=Qt.KeyboardModifier.ControlModifier)
    wheel(view, -3)  # a turn of the mouse wheel, down: the list scrolls, the selection stays
    chosen = [panel.shown()[row.row()].name for row in view.selectionModel().selectedRows()]
    scrolled, current = view.verticalScrollBar().value(), panel.selected().name
    assert sorted(chosen) == ["sweep 26", "sweep 29"] and scrolled > 0
    panel.refresh()  # as when a run starts or ends
    assert sorted(panel.shown()[row.row()].name for row in view.selectionModel().selectedRows()) == sorted(chosen)
    assert view.verticalScrollBar().value() == scrolled and panel.selected().name == current


def test_f2_renames_a_run_and_its_tags_are_edited_in_place(qtbot, panel):
    run_id = record_run("Run 1")
    show(qtbot, panel)
    click_tick(qtbot, panel, 0)
    view = panel.findChild(QTreeView, "runsList")
    click_row(qtbot, panel, 0, column=0)
    with qtbot.waitSignal(panel.overlays_changed) as blocker:  # a ticked run's legend changes
        type_into_editor(qtbot, view, "  baseline ")
    assert [r.name for r in blocker.args[0]] == ["baseline"] and names(panel) == ["baseline"]
    type_into_editor(qtbot, view, "")  # an empty name is refused
    assert names(panel) == ["baseline"]
    click_row(qtbot, panel, 0, column=9)
    type_into_editor(qtbot, view, "lr sweep, keep ,lr sweep")
    assert cell(panel, 0, 9) == "keep, lr sweep"
    with RunStore() as store:
        assert store.summary(run_id).name == "baseline" and store.summary(run_id).tags == ("keep", "lr sweep")
    click_row(qtbot, panel, 0, column=1)
    qtbot.keyClick(view, Qt.Key.Key_F2)  # the numbers are facts about the run
    assert view.state() != view.State.EditingState


def test_the_delete_key_asks_naming_the_runs_and_ticked_runs_leave_the_plots(qtbot, panel):
    keep, first, second = record_run("keep"), record_run("gone 1"), record_run("gone 2")
    show(qtbot, panel)
    click_tick(qtbot, panel, 1)  # "gone 1"
    click_row(qtbot, panel, 0)
    click_row(qtbot, panel, 1, modifier=Qt.KeyboardModifier.ControlModifier)
    view = panel.findChild(QTreeView, "runsList")
    seen = answer_box("No")
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert len(seen) == 1 and "2 runs (gone 2, gone 1)" in seen[0] and names(panel) == ["gone 2", "gone 1", "keep"]
    answer_box("Yes", seen)
    with qtbot.waitSignal(panel.overlays_changed) as blocker:
        qtbot.mouseClick(panel.findChild(QPushButton, "deleteRunButton"), Qt.MouseButton.LeftButton)
    assert blocker.args == [[]] and names(panel) == ["keep"] and panel.ticked() == []
    with RunStore() as store:
        assert [run.id for run in store.summaries()] == [keep] and store.history(first) == {}
    assert second not in panel.ticked_ids()


def test_export_writes_the_selected_runs_csv(qtbot, panel, tmp_path, monkeypatch):
    first = record_run("Run 1")
    record_run("Run 2")
    show(qtbot, panel)
    button = panel.findChild(QPushButton, "exportRunButton")
    assert not button.isEnabled()
    click_row(qtbot, panel, 1)
    asked = []

    def save_as(parent, caption, default, filters):
        asked.append(default)
        return str(tmp_path / "first"), filters  # no suffix typed: .csv is added

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert asked == ["Run-1.csv"]
    rows = list(csv.DictReader(io.StringIO((tmp_path / "first.csv").read_text(encoding="utf-8"))))
    with RunStore() as store:
        assert [float(r["val_accuracy"]) for r in rows] == store.history(first)["val_accuracy"]


def test_export_failure_is_a_message_not_a_traceback(qtbot, panel, tmp_path, monkeypatch):
    record_run("Run 1")
    show(qtbot, panel)
    click_row(qtbot, panel, 0)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "no" / "x.csv"), ""))
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    panel.export_button.click()
    assert len(warnings) == 1 and "cannot write" in warnings[0]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))  # cancelled: nothing happens
    panel.export_button.click()
    assert len(warnings) == 1


def test_a_run_history_of_a_newer_digitpad_leaves_the_tab_disabled_with_one_line(qtbot):
    record_run("Run 1")
    with sqlite3.connect(database_path()) as db:
        db.execute("PRAGMA user_version = 99")
    widget = show(qtbot, RunsPanel())
    qtbot.addWidget(widget)
    assert not widget.isEnabled() and names(widget) == []
    assert widget.hint.text().startswith("Runs cannot be listed: the run history") and "newer digitpad" in \
        widget.hint.text() and "\n" not in widget.hint.text()


def test_a_file_that_is_no_run_history_is_moved_aside_and_said_once(qtbot):
    database_path().write_bytes(b"not a database at all" * 10)
    widget = RunsPanel()
    qtbot.addWidget(widget)
    show(qtbot, widget)
    assert widget.isEnabled() and "was moved aside" in widget.hint.text() and widget.hint.isEnabled()
    assert list(database_path().parent.glob("runs.db.unreadable-*"))
    record_run("Run 1")
    widget.refresh()
    assert names(widget) == ["Run 1"] and "moved aside" in widget.hint.text()  # until the person acts
    click_tick(qtbot, widget, 0)
    assert "moved aside" not in widget.hint.text()


def test_opening_the_tab_times_one_query(qtbot):
    for i in range(3):
        record_run(f"Run {i}")
    began = time.perf_counter()
    seconds = time_opening(database_path())
    assert 0 < seconds <= time.perf_counter() - began


# -- what hovering a run shows ---------------------------------------------------
def _hover_tooltip(qtbot, panel, row: int, column: int) -> str:
    """Move the mouse over a cell and wait for the tooltip a person would see."""
    view = panel.list
    pos = view.visualRect(view.model().index(row, column)).center()
    qtbot.mouseMove(view.viewport(), pos)
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos)))
    qtbot.waitUntil(QToolTip.isVisible)
    text = QToolTip.text()
    QToolTip.hideText()
    return text


def test_hovering_a_run_shows_its_numbers_and_settings_as_the_train_tab_names_them(qtbot, panel):
    settings = RunSettings(dataset="digits8x8", subset=1200, validation=0.25, hidden="16", optimizer="momentum",
                           lr=0.05, batch_size=64, epochs=3, sum_gradient=False, seed=3)
    prepared = prepare_run(settings)
    recorder = RunRecorder(prepared, "cli", "Run 1")
    result = prepared.fit([recorder])
    recorder.close()
    show(qtbot, panel)
    val = evaluate(prepared.network, prepared.val, prepared.input_scale)  # the engine's own numbers
    tip = _hover_tooltip(qtbot, panel, 0, 0)
    lines = tip.splitlines()
    assert lines[0] == "Completed after 3 epochs" and lines[1].endswith("from the command line")
    assert f"Validation accuracy: {100 * val.accuracy:.1f} %" in lines
    assert f"Validation loss: {val.loss:.4g}" in lines
    assert f"Training accuracy: {100 * result.history['train_accuracy'][-1]:.1f} %" in lines
    assert f"Time: {result.seconds:.1f} s" in lines and "Loss: cross-entropy" in lines
    for line in ("Dataset: 8×8 digits", "Images: 1,200", "Validation: 25 %", "Hidden layers: 16",
                 "Output + loss: softmax + cross-entropy", "Optimizer: SGD + momentum", "Learning rate: 0.05",
                 "Momentum: 0.9", "Batch size: 64", "Sum gradients: no", "Scale inputs: yes", "Bias: yes",
                 "Initialiser: He", "Random shift: off", "Epochs: 3"):
        assert line in lines, (line, tip)
    for raw in ("sum_gradient", "subset", "head", "=", "seconds", "False", "True"):
        assert raw not in tip, raw
    assert _hover_tooltip(qtbot, panel, 0, 4) == tip  # the same on every column of the row
    assert cell(panel, 0, 1) == f"{max(result.history['val_accuracy']):.1%}"


def test_the_tooltips_labels_are_the_train_tabs(qtbot, panel):
    form = TrainingPanel()
    qtbot.addWidget(form)
    shown = {label.text().rstrip(":").replace("&", "") for label in form.findChildren(QLabel)}
    record_run("Run 1", RunSettings(dataset="digits8x8", hidden="16", epochs=1, optimizer="momentum"))
    show(qtbot, panel)
    tip = panel.list.model().index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    labels = {line.split(":")[0] for line in tip.splitlines()}
    assert {"Dataset", "Images", "Validation", "Random shift", "Hidden layers", "Activation", "Output + loss",
            "Initialiser", "Optimizer", "Learning rate", "Momentum", "Schedule", "Weight decay", "Batch size",
            "Epochs", "Seed"} <= shown & labels
