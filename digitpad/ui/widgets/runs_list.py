"""The Runs tab's list: a view of :class:`~digitpad.ui.widgets.runs_model.RunsModel` whose header clicks are the
run history's order, that keeps what the person was looking at across a reading of the list, and whose Delete key
asks to delete the selected runs.

A reading of the list is a model reset, which would forget the selection and scroll to the top; the list keeps
them by run id (:meth:`RunsList.view_state`, :meth:`RunsList.restore`), since rows move when runs are added.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView

from digitpad.training.runs.summary import RunSummary
from digitpad.ui.base.i18n import translate
from digitpad.ui.widgets.runs_model import (
    COLUMNS,
    DATASET,
    EPOCHS,
    FIRST_ORDER,
    NAME,
    NETWORK,
    STATUS,
    TAGS,
    TEST,
    TIME,
    VAL,
    WHEN,
    RunsModel,
    sort_key,
)

# Each column as wide as its longest usual text (a longer name or network can be widened by hand).
WIDTHS = {NAME: "Run 12 · Too narrow to lea", VAL: "Val. acc.", TEST: "Test acc.", WHEN: "2026-11-21 22:59",
          EPOCHS: "100/100", TIME: "12:34", STATUS: "stopped after epoch 10", DATASET: "Fashion-MNIST",
          NETWORK: "784-256-128-10 relu softmax", TAGS: "baseline, lr sweep"}


@dataclass(frozen=True)
class ViewState:
    """What the person was looking at: the current run, the runs selected, the run at the top of the view and how
    far it was scrolled past (None: scroll to the current run instead), the horizontal scroll."""

    current: int | None
    selected: frozenset[int] = field(default_factory=frozenset)
    top: tuple[int, int] | None = None
    across: int = 0


class RunsList(QTreeView):
    """The runs, one a row. ``order_changed(str)``: a header click asked for this :data:`SORTS` order.
    ``delete_pressed``: the Delete key, outside an edit."""

    order_changed = Signal(str)
    delete_pressed = Signal()

    def __init__(self, model: RunsModel) -> None:
        super().__init__(objectName="runsList", rootIsDecorated=False, uniformRowHeights=True,
                         alternatingRowColors=True, allColumnsShowFocus=True)
        self.runs = model
        self.setModel(model)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setToolTip(translate("RunsList", "Every recorded run. Tick runs to overlay their curves; F2 or a "
                                              "double-click renames a run or edits its tags; click a header to sort."))
        header = self.header()
        header.setSectionsMovable(False)
        header.setStretchLastSection(True)
        metrics = self.fontMetrics()
        for column in range(len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            title = str(model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
            # As wide as a typical value, and never narrower than the header's words (longer in Russian) and
            # the sort arrow beside them.
            header.resizeSection(column, max(metrics.horizontalAdvance(WIDTHS[column]) + (44 if column == NAME else 16),
                                             header.fontMetrics().horizontalAdvance(title) + 28))
        self.setSortingEnabled(True)
        header.setSortIndicator(WHEN, Qt.SortOrder.DescendingOrder)
        header.sortIndicatorChanged.connect(self._sorted)
        self._sort_column, self._sort_order = WHEN, Qt.SortOrder.DescendingOrder
        self.order = "newest"  # the SORTS key the header shows

    # -- which runs ----------------------------------------------------------------
    def current_run(self) -> RunSummary | None:
        """The run whose row is current, or None."""
        index, rows = self.currentIndex(), self.runs.rows
        return rows[index.row()] if index.isValid() and index.row() < len(rows) else None

    def select_run(self, run_id: int) -> None:
        row = self.runs.row_of(run_id)
        if row is not None:
            self.setCurrentIndex(self.runs.index(row, NAME))

    def selected_runs(self) -> list[RunSummary]:
        """The selected runs in list order, or the current one when none is selected."""
        rows = sorted({index.row() for index in self.selectionModel().selectedRows()})
        runs = [self.runs.rows[row] for row in rows if row < len(self.runs.rows)]
        current = self.current_run()
        return runs or ([current] if current else [])

    # -- across a reading ----------------------------------------------------------
    def view_state(self) -> ViewState:
        current = self.current_run()
        return ViewState(current.id if current else None, frozenset(run.id for run in self.selected_runs()),
                         self._top_run(), self.horizontalScrollBar().value())

    def restore(self, state: ViewState) -> None:
        """After a reading (a model reset): the current run current again and the selected runs selected again
        (by id: their rows may have moved), and the list scrolled as it was, its top run at the top; without a
        top run (a run asked for, or none was shown) the current run is scrolled to."""
        selection = QItemSelection()
        for run_id in state.selected:
            if (row := self.runs.row_of(run_id)) is not None:
                selection.select(self.runs.index(row, 0), self.runs.index(row, len(COLUMNS) - 1))
        flags = QItemSelectionModel.SelectionFlag
        model = self.selectionModel()
        row = self.runs.row_of(state.current) if state.current is not None else None
        if row is not None:
            model.setCurrentIndex(self.runs.index(row, NAME), flags.NoUpdate if state.selected else
                                  flags.ClearAndSelect | flags.Rows)
        if state.selected:
            model.select(selection, flags.ClearAndSelect)
        top_row = self.runs.row_of(state.top[0]) if state.top is not None else None
        if top_row is not None:
            self.scrollTo(self.runs.index(top_row, NAME), QAbstractItemView.ScrollHint.PositionAtTop)
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + state.top[1])
        elif row is not None:
            self.scrollTo(self.runs.index(row, NAME))
        self.horizontalScrollBar().setValue(state.across)

    def _top_run(self) -> tuple[int, int] | None:
        """The run whose row is at the top of the view and how far it is scrolled past, or None."""
        index = self.indexAt(QPoint(0, 0))
        if not index.isValid() or index.row() >= len(self.runs.rows):
            return None
        return self.runs.rows[index.row()].id, -self.visualRect(index).top()

    # -- the person's keys and clicks ---------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and self.state() != QAbstractItemView.State.EditingState:
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)

    def _sorted(self, column: int, order: Qt.SortOrder) -> None:
        """A header was clicked: that order (a first click: the model's InitialSortOrderRole, best, newest and
        longest first; the accuracies only ever best first); a column not to sort by leaves the order as it was."""
        header = self.header()
        if column not in FIRST_ORDER or sort_key(column, order) == sort_key(column, FIRST_ORDER[column]) \
                and order != FIRST_ORDER[column]:  # accuracy has one order only: the best first
            if column in FIRST_ORDER:
                self._sort_column, self._sort_order = column, FIRST_ORDER[column]
            header.blockSignals(True)
            header.setSortIndicator(self._sort_column, self._sort_order)
            header.blockSignals(False)
            if column in FIRST_ORDER:
                self.order = sort_key(column, self._sort_order)
                self.order_changed.emit(self.order)
            return
        self._sort_column, self._sort_order, self.order = column, order, sort_key(column, order)
        self.order_changed.emit(self.order)
