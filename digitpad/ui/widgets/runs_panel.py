"""The Runs tab: every recorded run (this window's, earlier sessions', the command line's), to find, compare,
rename, tag, delete, train again and open.

The list is the run history (:mod:`digitpad.training.runs`) as one query
returns it: the filters and the column headers become its WHERE and ORDER
BY, and it is read again when a run starts or ends, when the tab is shown
and when the window comes to the front (a CLI run may have been recorded
meanwhile), so 10,000 runs open in well under half a second. A run's curves
are read only once it is ticked; ticked runs are drawn over the current run
on the plots (``overlays_changed``), each in the colour of its swatch, and
stay ticked while the filters hide them.

A run history that cannot be opened (a newer digitpad's) leaves the tab
disabled with one line saying why; training goes on unrecorded. A file that
was no run history was moved aside: the line under the list says so once.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from digitpad.common.errors import DigitpadError
from digitpad.training.history import RunRecord, save_history_csv
from digitpad.training.runs.schema import RunStoreError
from digitpad.training.runs.store import RunStore
from digitpad.training.runs.summary import RunSummary
from digitpad.ui.base.i18n import error_text, fill, render, translate
from digitpad.ui.base.plot_parts import overlay_colour
from digitpad.ui.widgets.run_details import run_tooltip
from digitpad.ui.widgets.runs_filters import RunFilters
from digitpad.ui.widgets.runs_list import RunsList, ViewState
from digitpad.ui.widgets.runs_model import (
    RunsModel,
)
from digitpad.ui.widgets.runs_words import HINT, count_text, delete_question, shown_name, shown_names

__all__ = ["RunRecord", "RunsPanel", "time_opening"]

ERROR_RATE_KEY = "runs/errorRate"


def run_colour(run_id: int) -> str:
    """A run's colour, on its swatch and its overlaid curves: fixed by its id, so it never changes."""
    return overlay_colour(max(0, run_id - 1))


class RunsPanel(QWidget):
    """The run history at ``path`` (default: ``$DIGITPAD_RUNS_DB`` or the user's).

    Signals
    -------
    overlays_changed(list[RunRecord])
        The ticked runs, oldest first, whenever the ticks change, a ticked run
        is renamed or deleted, or a ticked run that was going has ended.
    train_again_requested(RunSummary, dict)
        Train again: the run and its settings (``RunSettings.to_dict()``).
    open_model_requested(str)
        Open its model: the model file saved from the run.
    """

    overlays_changed = Signal(list)
    train_again_requested = Signal(object, dict)
    open_model_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runsPanel")
        self.store: RunStore | None = None
        self.notice = self.error = ""
        self._notice_showing = False  # the notice stays on the line under the list until the list changes
        self._records: dict[int, RunRecord] = {}  # the ticked runs' curves, read once ticked
        self._select: int | None = None  # the run to make current at the next reading
        self._stale = True  # a reading was asked for while the list could not be read (hidden, or a name edited)
        self.model = RunsModel(run_colour, self._tooltip, self)
        self.error_check = QCheckBox(translate("RunsPanel", "Error rate (log scale)"), objectName="errorRateCheck",
                                     toolTip=translate("RunsPanel", "Show accuracy as the error rate, 100 − "
                                                                    "accuracy, on a log axis: 97 % and 99 % become "
                                                                    "3 % and 1 %, far apart"))
        self.filters = RunFilters(self.error_check)
        self.list = RunsList(self.model)
        self.hint = QLabel(render(HINT), objectName="runsHint", wordWrap=True)
        self.hint.setEnabled(False)  # the disabled text colour: a quiet secondary line
        self.train_button = self._button(translate("RunsPanel", "Train again"), "trainAgainButton",
                                         translate("RunsPanel", "Fill the Train tab's form with this run's settings "
                                                                "(a lab run: pick its preset in the Lab tab)"),
                                         self.train_again)
        self.open_button = self._button(translate("RunsPanel", "Open its model"), "openRunModelButton",
                                        translate("RunsPanel", "Open the model file saved from this run"),
                                        self.open_model)
        self.export_button = self._button(translate("RunsPanel", "Export CSV…"), "exportRunButton",
                                          translate("RunsPanel", "Save the selected run's per-epoch history (loss, "
                                                                 "accuracy, learning rate, time) as a CSV file"),
                                          self.export_selected)
        self.delete_button = self._button(translate("RunsPanel", "Delete…"), "deleteRunButton",
                                          translate("RunsPanel", "Delete the selected runs from the run history "
                                                                 "(Delete key); saved model files stay"),
                                          self.delete_selected)
        buttons = QHBoxLayout()
        for button in (self.train_button, self.open_button, self.export_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filters)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        layout.addLayout(buttons)
        self.filters.changed.connect(self.refresh)
        self.list.order_changed.connect(self._ordered)
        self.list.delete_pressed.connect(self.delete_selected)
        self.list.selectionModel().selectionChanged.connect(self._update_buttons)
        self.list.selectionModel().currentChanged.connect(self._update_buttons)
        self.model.ticks_changed.connect(self._emit_overlays)
        self.model.edited.connect(self._edited)
        self.model.edit_failed.connect(lambda text: self._say(fill(translate("RunsPanel", "Not changed: {reason}"),
                                                                   reason=text), True))
        self._open(path)
        self._update_buttons()

    def _button(self, text: str, name: str, tip: str, slot) -> QPushButton:
        button = QPushButton(text, objectName=name, toolTip=tip)
        button.clicked.connect(slot)
        return button

    def _open(self, path: Path | None) -> None:
        try:
            self.store = RunStore(path)
        except RunStoreError as exc:
            self.error = error_text(exc)
            self.setEnabled(False)
            self._say(fill(translate("RunsPanel", "Runs cannot be listed: {reason}"), reason=self.error), True)
            return
        self.model.store, self.notice = self.store, render(self.store.notice_text)
        if self.notice:
            self._notice_showing = True
            self._say(self.notice, True)

    # -- public API -----------------------------------------------------------------
    def refresh(self, select: int | None = None) -> None:
        """Read the list again (one query) with the filters and order shown; the current run stays current
        (or ``select`` becomes it) and ticked runs stay ticked."""
        if select is not None:
            self._select = select
        if self.store is None:
            return
        if self.list.state() == QAbstractItemView.State.EditingState or not self.isVisible():
            self._stale = True  # read once the tab is shown and no name is being typed: a hidden list costs nothing
            return
        self._stale = False
        chosen, self._select = self._select, None
        view = self.list.view_state() if chosen is None else ViewState(chosen)
        try:
            # A run whose process was killed is "running" until someone marks it: the window, every time it reads
            # (one indexed query of the runs still running, ~5 µs).
            self.store.mark_interrupted()
            self.store.changed()  # what is read now is what later changes are measured from
            rows = shown_names(self.store.summaries(self.filters.run_filter(), self.list.order))
            datasets = self.store.values("dataset")
            total = self.store.count()
        except RunStoreError as exc:
            self._say(error_text(exc), True)
            return
        self.filters.set_datasets(datasets)
        self.model.load(rows)
        self.list.restore(view)
        self._reload_running_ticked()
        self._update_buttons()
        if self._notice_showing:
            return  # said once, until the person changes the list
        self._say(self._count_text(len(rows), total))

    def refresh_if_changed(self) -> None:
        """Read the list again if the tab is on screen and the run history changed since it was read (a run
        recorded from the command line, a run of this window that started or ended while the tab was hidden, a run
        whose process was killed since): coming back to the window or the tab costs one PRAGMA and one indexed
        query of the runs still running, not a reading of 10,000 runs."""
        if self.store is None or not self.isVisible():
            return
        try:
            # A run killed since is changed too, though our own connection's marking moves no data_version.
            changed = self.store.changed() | bool(self.store.mark_interrupted())
        except RunStoreError as exc:
            self._say(error_text(exc), True)
            return
        if changed or self._stale:
            self.refresh()

    def shown(self) -> list[RunSummary]:
        """The runs in the list, in its order."""
        return list(self.model.rows)

    def selected(self) -> RunSummary | None:
        """The run whose row is current, or None."""
        return self.list.current_run()

    def select(self, run_id: int) -> None:
        self.list.select_run(run_id)

    def ticked_ids(self) -> list[int]:
        return sorted(self.model.ticked)

    def ticked(self) -> list[RunRecord]:
        """The ticked runs' records, oldest first (read from the run history when first ticked)."""
        return [self._records[i] for i in self.ticked_ids() if i in self._records]

    def tick(self, run_id: int, ticked: bool = True) -> None:
        """Tick a run for overlay, or untick it, as a click on its box would."""
        self.model.set_ticked(run_id, ticked)

    def set_model_path(self, run_id: int, path: str | Path) -> None:
        """The run's model was saved to ``path``: Open its model opens it from now on."""
        if self.store is not None:
            try:
                self.store.set_model_path(run_id, path)
                self.model.replace(self.store.summary(run_id))
            except RunStoreError as exc:
                self._say(error_text(exc), True)
            self._update_buttons()

    def bind_error_rate(self, action: QAction, settings: QSettings) -> None:
        """Keep the Error rate checkbox in step with ``action`` (the accuracy plot's right-click entry), both as
        last chosen (remembered in ``settings``)."""
        self.error_check.toggled.connect(action.setChecked)
        action.toggled.connect(self.error_check.setChecked)
        action.toggled.connect(lambda on: settings.setValue(ERROR_RATE_KEY, on))
        action.setChecked(settings.value(ERROR_RATE_KEY, False, type=bool))
        self.error_check.setChecked(action.isChecked())

    def close_store(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = self.model.store = None

    # -- the buttons ---------------------------------------------------------------------
    def train_again(self) -> None:
        run = self.selected()
        if run is None or self.store is None:
            return
        try:
            settings = self.store.settings(run.id)
        except RunStoreError as exc:
            self._say(error_text(exc), True)
            return
        self.train_again_requested.emit(run, settings)

    def open_model(self) -> None:
        run = self.selected()
        if run is not None and run.model_path:
            self.open_model_requested.emit(run.model_path)

    def export_selected(self) -> None:
        """Ask for a file and write the selected run's history to it as CSV."""
        run = self.selected()
        if run is None or self.store is None:
            return
        default = re.sub(r"[^\w.-]+", "-", run.name).strip("-") or "run"
        path, _ = QFileDialog.getSaveFileName(
            self, fill(translate("RunsPanel", "Export the history of {name}"), name=run.name), f"{default}.csv",
            translate("RunsPanel", "CSV files (*.csv);;All files (*)"))
        if not path:
            return
        path = Path(path)
        if not path.suffix:
            path = path.with_suffix(".csv")
        try:
            save_history_csv(path, self.store.record(run.id))
        except DigitpadError as e:
            QMessageBox.warning(self, translate("RunsPanel", "Export failed"), error_text(e))

    def delete_selected(self) -> None:
        """Delete the selected runs (not one still going), after a question naming them."""
        runs = self.list.selected_runs()
        going = [run for run in runs if run.status == "running"]
        runs = [run for run in runs if run.status != "running"]
        if not runs:
            if going:
                self._say(fill(translate("RunsPanel", "{name} is still training: it can be deleted once it has "
                                                      "ended."), name=going[0].name), True)
            return
        if QMessageBox.question(self, translate("RunsPanel", "Delete runs"), delete_question(runs, bool(going))) \
                != QMessageBox.StandardButton.Yes:
            return
        try:
            self.store.delete(run.id for run in runs)
        except RunStoreError as exc:
            self._say(error_text(exc), True)
            return
        ticked = [run.id for run in runs if run.id in self.model.ticked]
        for run in runs:
            self.model.ticked.discard(run.id)
            self._records.pop(run.id, None)
        self._notice_showing = False
        self.refresh()
        if ticked:
            self._emit_overlays()

    # -- inside ----------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh_if_changed()

    def _ordered(self, order: str) -> None:
        """A header was clicked: the list is read again in that order."""
        self.refresh()

    def _update_buttons(self, *_) -> None:
        run = self.selected()
        self.train_button.setEnabled(run is not None)
        self.export_button.setEnabled(run is not None)
        self.delete_button.setEnabled(bool(self.list.selected_runs()))
        has_model = run is not None and bool(run.model_path) and Path(run.model_path).is_file()
        self.open_button.setEnabled(has_model)
        self.open_button.setToolTip(fill(translate("RunsPanel", "Open {path}"), path=run.model_path) if has_model
                                    else translate("RunsPanel", "Open the model file saved from this run (File ▸ "
                                                                "Save after a run saves it)"))

    def _tooltip(self, run_id: int) -> str:
        row = self.model.row_of(run_id)
        if self.store is None or row is None:
            return ""
        try:
            return run_tooltip(self.model.rows[row], self.store.settings(run_id),
                               self.store.details(run_id)["metrics"])
        except RunStoreError:
            return ""  # deleted meanwhile by another process

    def _record(self, run_id: int) -> RunRecord | None:
        if run_id not in self._records and self.store is not None:
            try:
                record = self.store.record(run_id)
            except RunStoreError:
                return None
            record.colour, record.name = run_colour(run_id), shown_name(record.name, run_id)
            self._records[run_id] = record
        return self._records.get(run_id)

    def _emit_overlays(self) -> None:
        for run_id in self.ticked_ids():
            self._record(run_id)
        self._notice_showing = False
        self._say(self._count_text(len(self.model.rows), None))
        self.overlays_changed.emit(self.ticked())

    def _reload_running_ticked(self) -> None:
        """A ticked run that was going when ticked is read again once it has ended (its whole curves)."""
        stale = [i for i in self.ticked_ids() if i in self._records and self._records[i].status == "running"
                 and (row := self.model.row_of(i)) is not None and self.model.rows[row].status != "running"]
        for run_id in stale:
            del self._records[run_id]
        if stale:
            self._emit_overlays()

    def _edited(self, run_id: int) -> None:
        record = self._records.get(run_id)
        row = self.model.row_of(run_id)
        if record is not None and row is not None and record.name != self.model.rows[row].name:
            record.name = self.model.rows[row].name
            self.overlays_changed.emit(self.ticked())  # its legend entries change

    def _count_text(self, shown: int, total: int | None) -> str:
        total = self.store.count() if total is None and self.store is not None else total
        hidden = sum(1 for i in self.model.ticked if self.model.row_of(i) is None)
        return count_text(shown, total, len(self.model.ticked), hidden)

    def _say(self, text: str, loud: bool = False) -> None:
        self.hint.setText(text)
        self.hint.setEnabled(loud)  # normal text colour: this one should be read


def time_opening(path: Path, size: tuple[int, int] = (900, 400)) -> float:
    """Seconds from making a Runs tab on the run history at ``path`` to its first paint (benchmarks/runs.py)."""
    began = time.perf_counter()
    panel = RunsPanel(path=path)
    panel.resize(*size)
    panel.show()
    QApplication.processEvents()
    panel.list.viewport().repaint()
    elapsed = time.perf_counter() - began
    panel.close_store()
    panel.close()
    panel.deleteLater()
    return elapsed
