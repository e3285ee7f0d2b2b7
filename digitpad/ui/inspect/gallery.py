"""The test images the network gets wrong, as thumbnails with true and predicted class.

A QListView in icon mode over a list model: thousands of mistakes cost one
small array of indices, and a thumbnail is made only when its row is painted
(uniform item sizes let the view lay out every row without asking for its
data). The gallery shows every mistake, most confident first, or the images
of one confusion-matrix cell. Double-click or Enter opens one large, with its
probabilities (:class:`~digitpad.ui.inspect.mistake_dialog.MistakeDialog`).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from digitpad.data.dataset import Dataset
from digitpad.training.inspection import Inspection
from digitpad.ui.base.i18n import fill, translate
from digitpad.ui.base.images import gray_image
from digitpad.ui.focus import return_focus_on_close
from digitpad.ui.inspect.mistake_dialog import MistakeDialog
from digitpad.ui.prompt import draw_prompt
from digitpad.ui.widgets.probabilities import percent

THUMB = 56       # thumbnail side in pixels: 28×28 at 2×, 8×8 at 7×
ITEM_WIDTH = 104  # room for "Ankle boot" and friends under a thumbnail
PADDING = 6
ROOT = QModelIndex()  # a list has one parent: the invalid root index


class Item(NamedTuple):
    index: int          # row in the test set
    true_class: int
    predicted: int
    probability: float  # of the predicted class
    true_probability: float


class GalleryModel(QAbstractListModel):
    """Rows = test images to show; thumbnails are drawn from the uint8 test images on demand."""

    def __init__(self) -> None:
        super().__init__()
        self._rows = np.zeros(0, dtype=np.int64)
        self._inspection: Inspection | None = None
        self._test: Dataset | None = None

    def set_rows(self, rows: np.ndarray, inspection: Inspection, test: Dataset) -> None:
        self.beginResetModel()
        self._rows, self._inspection, self._test = np.asarray(rows, dtype=np.int64), inspection, test
        self.endResetModel()

    def rows(self) -> np.ndarray:
        return self._rows.copy()

    def class_names(self) -> tuple[str, ...]:
        return self._inspection.class_names if self._inspection else ()

    def regression(self) -> bool:
        """Whether the model is a one-output regression: its "probabilities" are one-hot, so none is shown."""
        return bool(self._inspection and self._inspection.spec.is_regression)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def item(self, row: int) -> Item:
        index = int(self._rows[row])
        ev, probs = self._inspection.evaluation, self._inspection.probabilities[index]
        true_class, predicted = int(ev.labels[index]), int(ev.predictions[index])
        return Item(index, true_class, predicted, float(probs[predicted]), float(probs[true_class]))

    def pixels(self, row: int) -> np.ndarray:
        """The test image of ``row``, 2-D in [0, 1]."""
        test = self._test
        return test.images[self._rows[row]].reshape(test.image_shape) / test.max_value

    def probabilities(self, row: int) -> np.ndarray:
        """The class probabilities the engine gave the image of ``row``."""
        return self._inspection.probabilities[int(self._rows[row])]

    def thumbnail(self, row: int) -> QImage:
        return gray_image(self.pixels(row))

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            item, names = self.item(index.row()), self._inspection.class_names
            fields = {"index": item.index, "true": names[item.true_class], "predicted": names[item.predicted]}
            if self.regression():
                return fill(translate("MistakesGallery", "Test image {index:,}\ntrue class: {true}\n"
                                      "predicted: {predicted} (its one output ×10, rounded)"), **fields)
            return fill(translate("MistakesGallery", "Test image {index:,}\ntrue class: {true}\n"
                                  "predicted: {predicted} with probability {probability}\n"
                                  "probability of the true class: {true_probability}"), **fields,
                        probability=percent(item.probability), true_probability=percent(item.true_probability))
        if role == Qt.ItemDataRole.DisplayRole:
            item, names = self.item(index.row()), self._inspection.class_names
            return f"{names[item.true_class]} → {names[item.predicted]}"
        return None


class ThumbnailDelegate(QStyledItemDelegate):
    """A pixel-exact thumbnail, "true → predicted" below it and the prediction's probability.

    Short class names share one line ("4 → 9"); long ones ("Ankle boot")
    take a line each, so neither is cut.
    """

    @staticmethod
    def _labels(option: QStyleOptionViewItem, names: tuple[str, ...]) -> bool:
        """Whether "true → predicted" needs two lines for these class names."""
        fm = QFontMetrics(_bold(option.font))
        widest = max((fm.horizontalAdvance(n) for n in names), default=0)
        return 2 * widest + fm.horizontalAdvance(" → ") > ITEM_WIDTH - 4

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        line = QFontMetrics(option.font).height()
        lines = 3 if self._labels(option, index.model().class_names()) else 2
        return QSize(ITEM_WIDTH, THUMB + lines * line + 3 * PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        model: GalleryModel = index.model()
        item, names = model.item(index.row()), model.class_names()
        painter.save()
        style = option.widget.style() if option.widget else None
        if style is not None:  # selection and hover backgrounds as the platform draws them
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        rect, line = option.rect, QFontMetrics(option.font).height()
        image = QRect(rect.x() + (rect.width() - THUMB) // 2, rect.y() + PADDING, THUMB, THUMB)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)  # crisp blocks, as the net sees them
        painter.drawImage(image, model.thumbnail(index.row()))
        text_rect = QRect(rect.x() + 2, image.bottom() + PADDING // 2, rect.width() - 4, line)
        palette, bold = option.palette, _bold(option.font)
        painter.setPen(palette.highlightedText().color() if option.state & QStyle.StateFlag.State_Selected
                       else palette.text().color())
        painter.setFont(bold)
        true_name, predicted = names[item.true_class], names[item.predicted]
        labels = [true_name, f"→ {predicted}"] if self._labels(option, names) else [f"{true_name} → {predicted}"]
        for text in labels:
            elided = QFontMetrics(bold).elidedText(text, Qt.TextElideMode.ElideRight, text_rect.width())
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignCenter, elided)
            text_rect.translate(0, line)
        painter.setFont(option.font)
        painter.setPen(palette.placeholderText().color())
        if not model.regression():
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignCenter, percent(item.probability))
        painter.restore()


def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    return bold


class MistakesGallery(QWidget):
    """Every misclassified test image, or one confusion cell's images, as a scrolling grid.

    ``draw_requested(image, caption)``: the opened image's "Draw on the canvas", a 28×28 drawing.
    """

    draw_requested = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mistakesGallery")
        self.dialog: MistakeDialog | None = None
        self._inspection: Inspection | None = None
        self._test: Dataset | None = None
        self._cell: tuple[int, int] | None = None
        self.summary = QLabel(objectName="gallerySummary")
        self.summary.setWordWrap(True)
        self.show_all = QPushButton(translate("MistakesGallery", "Show all mistakes"), objectName="showAllMistakes")
        self.show_all.setToolTip(translate("MistakesGallery", "Leave the confusion-matrix cell and show every "
                                           "misclassified test image"))
        self.show_all.clicked.connect(lambda: self.set_filter(None))
        self.model = GalleryModel()
        self.view = QListView(objectName="mistakesList")
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setMovement(QListView.Movement.Static)
        self.view.setUniformItemSizes(True)  # layout without asking every row for its size
        self.view.setSpacing(4)
        self.view.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.view.setItemDelegate(ThumbnailDelegate(self.view))
        self.view.setModel(self.model)
        self.view.setToolTip(translate("MistakesGallery", "Hover a thumbnail for details; double-click it (or "
                                       "press Enter) to open it large with every class's probability. Each shows "
                                       "what the network saw: true → predicted class and the probability the "
                                       "network gave its prediction."))
        self.view.activated.connect(self.open_image)  # double-click, or Enter on the current thumbnail
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.show_all)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)

    def set_inspection(self, inspection: Inspection, test: Dataset) -> None:
        """Show a new inspection (``test`` supplies the images), keeping the cell shown if it still exists.

        Kept so that a refresh after every training epoch does not throw the learner out of a cell.
        """
        self._inspection, self._test = inspection, test
        cell = self._cell
        self.set_filter(cell if cell is not None and max(cell) < inspection.n_classes else None)

    def set_filter(self, cell: tuple[int, int] | None) -> None:
        """Show one confusion cell ``(true_class, predicted)``, or every mistake for None."""
        if self._inspection is None:
            return
        self._cell = None if cell is None else (int(cell[0]), int(cell[1]))
        self.model.set_rows(self._inspection.gallery_rows(self._cell), self._inspection, self._test)
        self.view.scrollToTop()
        self.show_all.setEnabled(self._cell is not None)
        self.summary.setText(self._describe())

    def open_image(self, index: QModelIndex) -> None:
        """Show the thumbnail at ``index`` large, with its probabilities, in the one mistake dialog."""
        if not index.isValid():
            return
        if self.dialog is None:
            self.dialog = MistakeDialog(self)
            self.dialog.draw_requested.connect(self.draw_requested)
            return_focus_on_close(self.dialog, self)
        row, names = index.row(), self.model.class_names()
        item = self.model.item(row)
        self.dialog.show_image(item.index, self.model.pixels(row), item.true_class, item.predicted,
                               None if self.model.regression() else self.model.probabilities(row), names,
                               draw_prompt(names))
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()

    def cell(self) -> tuple[int, int] | None:
        """The confusion cell shown, or None when showing every mistake."""
        return self._cell

    def count(self) -> int:
        """Images in the gallery."""
        return self.model.rowCount()

    def shown_indices(self) -> np.ndarray:
        """Test-set rows of the images shown, in display order."""
        return self.model.rows()

    def _describe(self) -> str:
        n, total, names = self.count(), len(self._inspection.evaluation.labels), self._inspection.class_names
        if self._cell is not None:
            t, p = self._cell
            if n == 0:
                text = translate("MistakesGallery", "No test image of true class <b>{true}</b> was predicted as "
                                 "<b>{predicted}</b>.")
            elif t == p:
                text = (translate("MistakesGallery", "<b>{n:,}</b> correctly classified image of true class "
                                  "<b>{true}</b> predicted as <b>{predicted}</b>, most confident first.")
                        if n == 1 else
                        translate("MistakesGallery", "<b>{n:,}</b> correctly classified images of true class "
                                  "<b>{true}</b> predicted as <b>{predicted}</b>, most confident first."))
            elif n == 1:
                text = translate("MistakesGallery", "<b>{n:,}</b> misclassified image of true class <b>{true}</b> "
                                 "predicted as <b>{predicted}</b>, most confident first.")
            else:
                text = translate("MistakesGallery", "<b>{n:,}</b> misclassified images of true class <b>{true}</b> "
                                 "predicted as <b>{predicted}</b>, most confident first.")
            return fill(text, n=n, true=names[t], predicted=names[p])
        if n == 0:
            return fill(translate("MistakesGallery", "No mistakes: all {total:,} test images are classified "
                                  "correctly."), total=total)
        return fill(translate("MistakesGallery", "<b>{n:,}</b> of {total:,} test images misclassified ({share}), "
                              "most confident first. Under each: true → predicted class and the probability the "
                              "network gave its answer."), n=n, total=total, share=percent(n / total))
