"""The Runs tab's list as a Qt model: one row per :class:`~digitpad.training.runs.store.RunSummary`.

The rows are what one query of the run history returns (SQL filters and
sorts; see :meth:`RunsModel.load`), so 10,000 runs cost one query and a list
of small records, never 10,000 widgets: the view asks only for the rows it
draws. Ticks are kept by run id, so a ticked run stays ticked while filters
hide it or the list is read again, and runs of different days can be
overlaid. A row's tooltip (its settings and final numbers) is read from the
database when the mouse rests on it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap

from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.data.registry import title
from digitpad.training.history import duration
from digitpad.training.runs.store import RunStore
from digitpad.training.runs.summary import RunSummary
from digitpad.ui.base import i18n
from digitpad.ui.base.i18n import error_text, fill, render, translate
from digitpad.ui.widgets.runs_words import shown_names

# The columns, and the run-history order a click on each header asks for (None: not sortable).
# What tells runs apart first (a narrow tab shows these), then what they ran on.
COLUMNS = (QT_TRANSLATE_NOOP("RunsModel", "Run"), QT_TRANSLATE_NOOP("RunsModel", "Val. acc."),
           QT_TRANSLATE_NOOP("RunsModel", "Test acc."), QT_TRANSLATE_NOOP("RunsModel", "Started"),
           QT_TRANSLATE_NOOP("RunsModel", "Epochs"), QT_TRANSLATE_NOOP("RunsModel", "Time"),
           QT_TRANSLATE_NOOP("RunsModel", "Status"), QT_TRANSLATE_NOOP("RunsModel", "Dataset"),
           QT_TRANSLATE_NOOP("RunsModel", "Network"), QT_TRANSLATE_NOOP("RunsModel", "Tags"))
NAME, VAL, TEST, WHEN, EPOCHS, TIME, STATUS, DATASET, NETWORK, TAGS = range(len(COLUMNS))
SORT_KEYS = {NAME: ("name", "name"), VAL: ("accuracy", "accuracy"), TEST: ("test accuracy", "test accuracy"),
             WHEN: ("oldest", "newest"), TIME: ("shortest", "longest")}  # column → (ascending, descending)
# The order a first click on a header gives: best, newest and longest first; names A to Z.
FIRST_ORDER = {NAME: Qt.SortOrder.AscendingOrder, VAL: Qt.SortOrder.DescendingOrder,
               TEST: Qt.SortOrder.DescendingOrder, WHEN: Qt.SortOrder.DescendingOrder,
               TIME: Qt.SortOrder.DescendingOrder}
HEADER_TIPS = {
    NAME: QT_TRANSLATE_NOOP("RunsModel", "Tick a run to draw its curves over the current ones on the plots; F2 or "
                                         "a double-click renames it"),
    VAL: QT_TRANSLATE_NOOP("RunsModel", "The best validation accuracy of any of its epochs (click to sort, best "
                                        "first)"),
    TEST: QT_TRANSLATE_NOOP("RunsModel", "Accuracy on the test set, measured after the run (digitpad train, "
                                         "finetune and lab measure it)"),
    WHEN: QT_TRANSLATE_NOOP("RunsModel", "When the run started (click to sort)"),
    DATASET: QT_TRANSLATE_NOOP("RunsModel", "The images it trained on"),
    NETWORK: QT_TRANSLATE_NOOP("RunsModel", "Layer sizes, activation and output"),
    EPOCHS: QT_TRANSLATE_NOOP("RunsModel", "Epochs done / planned"),
    TIME: QT_TRANSLATE_NOOP("RunsModel", "Training time (click to sort)"),
    STATUS: QT_TRANSLATE_NOOP("RunsModel", "How the run ended"),
    TAGS: QT_TRANSLATE_NOOP("RunsModel", "Your labels for the run, comma-separated: F2 or a double-click edits "
                                         "them; the search box finds them"),
}
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
EDITABLE = (NAME, TAGS)
_ROOT = QModelIndex()


def swatch(colour: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


def percent(value: float | None) -> str:
    return "—" if value is None else i18n.percent(value, 1)


def when_text(started: float, now: datetime | None = None) -> str:
    """"14:05" today, "Mon 14:05" this week, "2026-03-01 14:05" before."""
    start, now = datetime.fromtimestamp(started), now or datetime.now()
    if start.date() == now.date():
        return start.strftime("%H:%M")
    if 0 <= (now.date() - start.date()).days < 7:  # the day's name in the window's language
        day = QLocale().dayName(start.isoweekday(), QLocale.FormatType.ShortFormat)
        return fill(translate("RunsModel", "{day} {time}"), day=day, time=start.strftime("%H:%M"))
    return start.strftime("%Y-%m-%d %H:%M")


class RunsModel(QAbstractTableModel):
    """The runs one query found, in its order, with a tick box on each name.

    ``colour(run_id)`` is a run's plot colour (its swatch); ``tooltip(run_id)``
    its tooltip text. ``ticks_changed`` is emitted when a tick changes;
    ``edited(run_id)`` after a name or tags were written to the database.
    """

    ticks_changed = Signal()
    edited = Signal(int)
    edit_failed = Signal(str)

    def __init__(self, colour: Callable[[int], str], tooltip: Callable[[int], str], parent=None) -> None:
        super().__init__(parent)
        self.store: RunStore | None = None
        self.rows: list[RunSummary] = []
        self.ticked: set[int] = set()
        self._colour, self._tooltip = colour, tooltip
        self._icons: dict[str, QIcon] = {}

    # -- reading -------------------------------------------------------------------
    def load(self, rows: list[RunSummary]) -> None:
        """Show ``rows`` (a fresh query's answer); ticks stay with their runs."""
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_of(self, run_id: int) -> int | None:
        return next((i for i, run in enumerate(self.rows) if run.id == run_id), None)

    def replace(self, summary: RunSummary) -> None:
        """The run read again after an edit: its row changes in place (its name as the window shows it)."""
        row = self.row_of(summary.id)
        if row is not None:
            self.rows[row] = shown_names([summary])[0]
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def set_ticked(self, run_id: int, ticked: bool) -> None:
        if (run_id in self.ticked) == ticked:
            return
        (self.ticked.add if ticked else self.ticked.discard)(run_id)
        row = self.row_of(run_id)
        if row is not None:
            index = self.index(row, NAME)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.ticks_changed.emit()

    # -- Qt's model interface ----------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return render(COLUMNS[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            return render(HEADER_TIPS[section]) if section in HEADER_TIPS else None
        if role == Qt.ItemDataRole.InitialSortOrderRole and section in FIRST_ORDER:
            return FIRST_ORDER[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in (VAL, TEST, EPOCHS, TIME):
            return RIGHT
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        if index.column() == NAME:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        run, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _text(run, column)
        if role == Qt.ItemDataRole.EditRole:
            return run.name if column == NAME else ", ".join(run.tags) if column == TAGS else None
        if role == Qt.ItemDataRole.CheckStateRole and column == NAME:
            return Qt.CheckState.Checked if run.id in self.ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DecorationRole and column == NAME:
            colour = self._colour(run.id)
            if colour not in self._icons:
                self._icons[colour] = swatch(colour)
            return self._icons[colour]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (VAL, TEST, EPOCHS, TIME):
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(run.id)
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        run, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == NAME:
            self.set_ticked(run.id, Qt.CheckState(value) == Qt.CheckState.Checked)
            return True
        if role != Qt.ItemDataRole.EditRole or column not in EDITABLE or self.store is None:
            return False
        text = str(value).strip()
        if column == NAME and (not text or text == run.name):
            return False  # an empty name is refused: the old one stays
        try:
            if column == NAME:
                self.store.rename(run.id, text)
            else:
                self.store.set_tags(run.id, text.split(","))
            self.replace(self.store.summary(run.id))
        except Exception as exc:  # noqa: BLE001 - a RunStoreError, or the run deleted by another process
            self.edit_failed.emit(error_text(exc))
            return False
        self.edited.emit(run.id)
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is the query's: the panel reads the list again in the order the header asks for."""


def sort_key(column: int, order: Qt.SortOrder) -> str:
    """The :data:`~digitpad.training.runs.store.SORTS` name a click on ``column``'s header in ``order`` means."""
    ascending, descending = SORT_KEYS.get(column, SORT_KEYS[WHEN])
    return ascending if order == Qt.SortOrder.AscendingOrder else descending


def _text(run: RunSummary, column: int) -> str:
    if column == NAME:
        return run.name
    if column == VAL:
        return percent(run.best_val_accuracy)
    if column == TEST:
        return percent(run.test_accuracy)
    if column == WHEN:
        return when_text(run.started)
    if column == DATASET:
        return render(title(run.dataset))
    if column == NETWORK:
        return run.network
    if column == EPOCHS:
        return fill(translate("RunsModel", "{done}/{planned}"), done=run.epochs_done, planned=run.epochs)
    if column == TIME:
        return render(duration(run.seconds))
    if column == STATUS:
        return render(run.status_message())
    return ", ".join(run.tags)
