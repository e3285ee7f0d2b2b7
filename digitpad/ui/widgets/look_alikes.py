"""Look-alikes: the drawing's nearest training images as the network sees them and as pixels, with their labels.

It shows a :class:`~digitpad.inference.neighbours.LookAlikes` as it is handed in: a one-line summary of what the
hidden-layer neighbours say, then two rows of thumbnails, nearest first, each labelled (the predicted class framed
and written in colour). A note stands in for them while there is nothing to show (an empty canvas, the training
images being passed through the network, a missing training set). Clicking a thumbnail asks for that training
image on the canvas (``draw_requested(image, caption)``, the 28×28 drawing the canvas takes).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QShowEvent,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.data.dataset import Dataset
from digitpad.inference.neighbours import LookAlikes, Neighbour
from digitpad.ui.base.i18n import fill, render, translate
from digitpad.ui.base.images import gray_image
from digitpad.ui.inspect.mistake_dialog import canvas_image
from digitpad.ui.widgets.cell_grid import UP_COLOUR

SHOWN = 8  # thumbnails a row
HIDDEN_TITLE = QT_TRANSLATE_NOOP("LookAlikesView", "Nearest training images as the network sees them (last hidden "
                                                   "layer)")
PIXEL_TITLE = QT_TRANSLATE_NOOP("LookAlikesView", "Nearest in pixel space")
NO_HIDDEN = QT_TRANSLATE_NOOP("LookAlikesView", "This network has no hidden layer: its look-alikes are in pixel space "
                                                "only.")
REGRESSION_NOTE = QT_TRANSLATE_NOOP("LookAlikesView", "This model reads a number, not a class: the labels are the "
                                                      "training images’ digits, and the digit its output ×10 rounds "
                                                      "to is marked.")
MATCH_COLOUR = UP_COLOUR  # a label that is the predicted class
HIDDEN_TIP = QT_TRANSLATE_NOOP("LookAlikesView", "The training images whose last hidden layer outputs lie nearest to "
                                                 "your drawing’s (Euclidean): the images the network treats most like "
                                                 "it, since its output layer reads only that layer.")
PIXEL_TIP = QT_TRANSLATE_NOOP("LookAlikesView", "The training images nearest to your drawing pixel by pixel "
                                                "(Euclidean), after the same preprocessing the network sees: what "
                                                "your drawing looks like, before any learning.")


def plural(name: str) -> str:
    """How the summary names several images of a class: "7s" for a digit, "labelled “Coat”" otherwise."""
    return fill(translate("LookAlikesView", "{name}s") if name.isdigit() else
                translate("LookAlikesView", "labelled “{name}”"), name=name)


def as_one(name: str) -> str:
    """"a 7", "an 8", "a Coat", "an Ankle boot"."""
    return fill(translate("LookAlikesView", "an {name}") if name[:1].lower() in "aeiou8" else
                translate("LookAlikesView", "a {name}"), name=name)


def summary(found: LookAlikes, class_names: Sequence[str], regression: bool) -> str:
    """One line on what the hidden-layer neighbours say about the predicted class (the pixel ones without them)."""
    predicted = class_names[found.predicted]
    neighbours, where = (found.hidden, translate("LookAlikesView", "in the hidden layer")) \
        if found.hidden is not None else (found.pixel, translate("LookAlikesView", "in pixel space"))
    if not neighbours:
        alone = translate("LookAlikesView", "Its output ×10 rounds to {predicted}.") if regression else \
            translate("LookAlikesView", "It reads your drawing as {one}.")
        return fill(alone, predicted=predicted, one=as_one(predicted))
    reading = fill(translate("LookAlikesView", "its output ×10 rounds to {predicted}") if regression else
                   translate("LookAlikesView", "it reads your drawing as {one}"), predicted=predicted,
                   one=as_one(predicted))
    n, same = len(neighbours), sum(n.label == found.predicted for n in neighbours)
    counts = np.bincount([n.label for n in neighbours], minlength=len(class_names))
    fields = {"same": same, "where": where, "kind": plural(predicted), "reading": reading}
    if same * 2 > n:
        return fill(translate("LookAlikesView", "{same} of its %n nearest neighbours {where} are {kind}: {reading}.",
                              None, n), **fields)
    most = int(np.argmax(counts))
    if counts[most] > same:
        fields.update(most=int(counts[most]), other=plural(class_names[most]))
        text = translate("LookAlikesView", "Only {same} of its %n nearest neighbours {where} are {kind}, yet "
                                           "{reading}; {most} are {other}.", None, n) if same else \
            translate("LookAlikesView", "None of its %n nearest neighbours {where} are {kind}, yet {reading}; "
                                        "{most} are {other}.", None, n)
    else:
        text = translate("LookAlikesView", "Only {same} of its %n nearest neighbours {where} are {kind}, yet "
                                           "{reading}.", None, n) if same else \
            translate("LookAlikesView", "None of its %n nearest neighbours {where} are {kind}, yet {reading}.",
                      None, n)
    return fill(text, **fields)


class Thumbnail(QWidget):
    """One training image scaled up crisply (each pixel a block) with its label under it; a left click emits
    ``clicked``. An image labelled as the predicted class is framed and labelled in :data:`MATCH_COLOUR`."""

    clicked = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.caption, self.match = "", False
        self._image = None
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_image(self, image: np.ndarray, caption: str, match: bool, tip: str) -> None:
        """``image`` 2-D in [0, 1], ink high; ``tip`` its tooltip."""
        self._image, self.caption, self.match = gray_image(image), caption, match
        self.setToolTip(tip)
        self.setAccessibleName(fill(translate("LookAlikesView", "{caption}: {tip}"), caption=caption, tip=tip))
        self.update()

    def caption_height(self) -> int:
        return self.fontMetrics().height() + 2

    def minimumSizeHint(self) -> QSize:
        return QSize(28, 28 + self.caption_height())

    def sizeHint(self) -> QSize:
        return QSize(56, 56 + self.caption_height())

    def image_rect(self) -> QRectF:
        """The square the image is painted in: as large as fits above the caption, centred."""
        side = max(1, min(self.width(), self.height() - self.caption_height()) - 4)
        return QRectF((self.width() - side) / 2, 2, side, side)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._image is None:
            return
        painter = QPainter(self)  # no smooth transform: each pixel a crisp block
        area = self.image_rect()
        painter.drawImage(area, self._image)
        colour = MATCH_COLOUR if self.match else self.palette().color(QPalette.ColorRole.Text)
        if self.match:
            painter.setPen(QPen(colour, 2))
            painter.drawRect(area.adjusted(-1, -1, 1, 1))
        font = QFont(self.font())
        font.setBold(self.match)
        painter.setFont(font)
        painter.setPen(colour)
        text = painter.fontMetrics().elidedText(self.caption, Qt.TextElideMode.ElideRight, self.width())
        painter.drawText(QRectF(0, area.bottom() + 1, self.width(), self.caption_height()),
                         Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class LookAlikesView(QWidget):
    """:meth:`show_look_alikes` or :meth:`show_note`; ``shown`` when it comes into sight (nobody computes look-alikes
    for a view out of sight), ``draw_requested(image, caption)`` when a thumbnail is clicked."""

    shown = Signal()
    draw_requested = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lookAlikes")
        self.summary = QLabel(objectName="lookAlikesSummary", wordWrap=True)
        bold = QFont(self.summary.font())
        bold.setBold(True)
        self.summary.setFont(bold)
        self.note = QLabel(objectName="lookAlikesNote", wordWrap=True)
        self.titles = [QLabel(render(HIDDEN_TITLE), objectName="hiddenTitle", toolTip=render(HIDDEN_TIP),
                              wordWrap=True),
                       QLabel(render(PIXEL_TITLE), objectName="pixelTitle", toolTip=render(PIXEL_TIP), wordWrap=True)]
        self.rows = [[Thumbnail() for _ in range(SHOWN)] for _ in range(2)]  # hidden layer, pixel space
        self._shown: list[list[tuple[np.ndarray, str]]] = [[], []]  # each thumbnail's drawing and caption
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.summary)
        layout.addWidget(self.note)  # at the top: alone (nothing drawn, no training set) it is what there is to read
        for space, (title, row) in enumerate(zip(self.titles, self.rows)):
            strip = QHBoxLayout()
            strip.setSpacing(4)
            for i, thumbnail in enumerate(row):
                thumbnail.setObjectName(f"{('hidden', 'pixel')[space]}Thumbnail{i}")
                thumbnail.clicked.connect(lambda space=space, i=i: self._clicked(space, i))
                strip.addWidget(thumbnail)
            layout.addWidget(title)
            layout.addLayout(strip, 1)
        layout.addStretch(0)
        self.show_note("")

    def show_note(self, note: str) -> None:
        """Only ``note``: no thumbnails (nothing drawn, look-alikes on their way, none to be had)."""
        self.summary.hide()
        for title, row in zip(self.titles, self.rows):
            title.hide()
            for thumbnail in row:
                thumbnail.hide()
        self._shown = [[], []]
        self.note.setText(note)
        self.note.setVisible(bool(note))

    def show_look_alikes(self, found: LookAlikes, train: Dataset, class_names: Sequence[str],
                         regression: bool = False) -> None:
        """The neighbours in ``found``, images of ``train``, labelled with ``class_names``; a regression's
        predicted class is the digit its output rounds to."""
        self.summary.setText(summary(found, class_names, regression))
        self.summary.show()
        for space, neighbours in enumerate((found.hidden, found.pixel)):
            self._show_row(space, neighbours or (), train, class_names, found.predicted)
            self.titles[space].setVisible(neighbours is not None)
        notes = [render(NO_HIDDEN)] if found.hidden is None else []
        notes += [render(REGRESSION_NOTE)] if regression else []
        self.note.setText(" ".join(notes))
        self.note.setVisible(bool(notes))

    def _show_row(self, space: int, neighbours: Sequence[Neighbour], train: Dataset, class_names: Sequence[str],
                  predicted: int) -> None:
        tip = translate("LookAlikesView", "Training image {index:,}, labelled {name}: distance {distance:.3g} in the "
                                          "last hidden layer. Click to put it on the canvas.") if space == 0 else \
            translate("LookAlikesView", "Training image {index:,}, labelled {name}: distance {distance:.3g} in pixel "
                                        "space. Click to put it on the canvas.")
        caption = translate("LookAlikesView", "training image {index:,} (labelled {name})")
        self._shown[space] = []
        for thumbnail, neighbour in zip(self.rows[space], neighbours):
            image = train.images[neighbour.index].reshape(train.image_shape) / train.max_value
            fields = {"index": neighbour.index, "name": class_names[neighbour.label], "distance": neighbour.distance}
            thumbnail.set_image(image, fields["name"], neighbour.label == predicted, fill(tip, **fields))
            self._shown[space].append((canvas_image(image), fill(caption, **fields)))
        for i, thumbnail in enumerate(self.rows[space]):
            thumbnail.setVisible(i < len(neighbours))

    def _clicked(self, space: int, i: int) -> None:
        if i < len(self._shown[space]):
            self.draw_requested.emit(*self._shown[space][i])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.shown.emit()
