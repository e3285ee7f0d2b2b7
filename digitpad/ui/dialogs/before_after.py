"""Teach it my digits ▸ the honest before/after: the learner's held-out digits, MNIST's test set, this drawing.

The table comes as rows of marked texts from :mod:`digitpad.training.finetune_report`; the dialog renders
them in the person's language, lays them out, says what each row means, and offers what a learner wants next:
keep the tuned model (save it) or go back.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.training.finetune_report import TableRow
from digitpad.ui.base.i18n import render, translate

COLUMNS = ("", QT_TRANSLATE_NOOP("BeforeAfter", "Before"), QT_TRANSLATE_NOOP("BeforeAfter", "After"),
           QT_TRANSLATE_NOOP("BeforeAfter", "Change"))
INTRO = QT_TRANSLATE_NOOP("BeforeAfter",
                          "Fine-tuning continued training the model on MNIST's training images mixed with your "
                          "digits. <b>Your held-out digits</b> are the quarter of your digits set aside by a fixed "
                          "rule: it never trains on them, so their accuracy is an honest measure of how well it now "
                          "reads your handwriting. <b>MNIST test</b> shows what it may have forgotten of everyone "
                          "else's.")


class BeforeAfterDialog(QDialog):
    """The before/after table of one fine-tune; the After column fills in when the run ends.

    ``save_requested`` and ``revert_requested`` are the buttons under it (Save the tuned model as…, Back to
    the model before); both are enabled once the tuned model is the current one.
    """

    save_requested = Signal()
    revert_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="beforeAfter",
                         windowTitle=translate("BeforeAfter", "Teach it my digits: before and after"))
        intro = QLabel(render(INTRO), wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.table = QTableWidget(0, len(COLUMNS), objectName="beforeAfterTable")
        self.table.setHorizontalHeaderLabels([render(column) for column in COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(True)
        self.table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.status = QLabel(objectName="beforeAfterStatus", wordWrap=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = QPushButton(translate("BeforeAfter", "Save tuned model as…"), objectName="saveTunedButton",
                                       toolTip=translate("BeforeAfter", "Save the tuned model to a file (it is the "
                                                                        "current model now)"))
        self.revert_button = QPushButton(translate("BeforeAfter", "Back to the model before"),
                                         objectName="revertTunedButton",
                                         toolTip=translate("BeforeAfter", "Forget the tuned model and read drawings "
                                                                          "with the model as it was before (and as "
                                                                          "it is in its file, if it was saved)"))
        for button in (self.save_button, self.revert_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.setEnabled(False)
        self.save_button.clicked.connect(self.save_requested)
        self.revert_button.clicked.connect(self.revert_requested)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(640, 300)

    def show_rows(self, rows: list[TableRow], status: str, finished: bool) -> None:
        """Show the table's ``rows`` and a line of ``status`` under it; ``finished``: the tuned model is current,
        so it can be saved or given up."""
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, cell in enumerate((row.what, row.before, row.after, row.change)):
                text = render(cell)
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if c in (1, 2):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()
        self.status.setText(status)
        self.set_actions_enabled(finished)

    def set_actions_enabled(self, enabled: bool) -> None:
        """Save and Back act on the tuned model: only while it is the current one."""
        for button in (self.save_button, self.revert_button):
            button.setEnabled(enabled)

    def cell(self, row: int, column: int) -> str:
        """The text shown in one cell (what a person reads there)."""
        item = self.table.item(row, column)
        return item.text() if item is not None else ""
