"""Reading every text a person sees in a window, and finding the ones left in English.

:func:`visible_texts` walks a window as it is shown: the labels, buttons,
group and tab titles, combo box entries, placeholders, tooltips, table
headers, menus (with their submenus), text browsers and pyqtgraph axes and
legends of every visible widget. :func:`english_words` then lists the words
of a text that are English: Latin letters, not a name that stays as written
(MNIST, ReLU, Adam…, :data:`NAMES`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pyqtgraph as pg
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTabBar,
    QTableView,
    QTextEdit,
    QTreeView,
    QWidget,
)

from digitpad.ui.base import language

# Names and symbols that stay as written in every language (docs/translations.md).
NAMES = {
    "digitpad", "mnist", "fashion", "relu", "sigmoid", "tanh", "softmax", "adam", "sgd", "he", "glorot", "xavier",
    "onnx", "pytorch", "torch", "nn", "sequential", "numpy", "kaggle", "csv", "png", "jpeg", "jpg", "bmp", "gif",
    "idx", "npz", "py", "ctrl", "shift", "alt", "esc", "del", "enter", "tab", "backspace", "lang", "qt", "mse", "ln",
    "imagefolder", "keras", "tensorflow", "cpu", "sklearn", "scikit", "learn", "utf", "gz", "ubyte", "lecun", "ms",
    "std", "max", "min", "log", "exp", "argmax", "id", "sqlite", "db", "mb", "kb", "px", "dpi", "nan", "inf", "nesterov",
    "mlp", "english",  # MLP(784→256 relu→10 softmax); the language menu names each language in itself
    "lr", "float", "uint",  # the learning rate in formulas: w ← w − lr·g; dtypes (float64)
}


def english_words(text: str) -> list[str]:
    """The words of ``text`` that are English (Latin letters, two or more, not in :data:`NAMES`)."""
    text = re.sub(r"<[^<>]*>|&[a-z]+;|\b\d+pt\b", " ", text)  # markup, font sizes
    text = re.sub(r"[\w.+-]+\.(npz|csv|png|py|onnx|db|gz|json)\b", " ", text)  # file names are the person's
    text = re.sub(r"\bF\d+\b|\b(Delete|Space|Home|End)\b(?=\s*[)）键])|(?<=клавиша )Delete", " ", text)  # keys
    text = re.sub(r"\bdigitpad [a-z]+\b", " ", text)  # a command of digitpad's CLI
    return [word for word in re.findall(r"[A-Za-z]{2,}", text) if word.lower() not in NAMES]


def _plain(text: str) -> str:
    return QTextDocumentFragment.fromHtml(text).toPlainText() if re.search(r"<[a-zA-Z/][^<>]*>", text) else text


def _widget_texts(widget: QWidget) -> Iterator[str]:
    yield widget.toolTip()
    if widget.isWindow():
        yield widget.windowTitle().replace("[*]", "")
    if isinstance(widget, (QLabel, QAbstractButton)):
        yield widget.text()
    elif isinstance(widget, QGroupBox):
        yield widget.title()
    elif isinstance(widget, QTabBar):
        for index in range(widget.count()):
            yield widget.tabText(index)
            yield widget.tabToolTip(index)
    elif isinstance(widget, QComboBox):
        for index in range(widget.count()):
            yield widget.itemText(index)
            yield str(widget.itemData(index, Qt.ItemDataRole.ToolTipRole) or "")
    elif isinstance(widget, QLineEdit):
        yield widget.placeholderText()
    elif isinstance(widget, QAbstractSpinBox):
        yield widget.specialValueText()
        yield getattr(widget, "suffix", lambda: "")()
        yield getattr(widget, "prefix", lambda: "")()
    elif isinstance(widget, QTextEdit):
        yield widget.toPlainText()
    elif isinstance(widget, (QTableView, QTreeView)) and widget.model() is not None:  # lists have no headers
        model = widget.model()
        for section in range(model.columnCount(QModelIndex())):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                yield str(model.headerData(section, Qt.Orientation.Horizontal, role) or "")
    elif isinstance(widget, pg.PlotWidget):
        item = widget.getPlotItem()
        for name in ("left", "bottom", "right", "top"):
            axis = item.getAxis(name)
            if axis.isVisible() and axis.label.isVisible():
                yield axis.labelText
        yield item.titleLabel.text if item.titleLabel.isVisible() else ""
        if item.legend is not None and item.legend.isVisible():
            yield from (label.text for _, label in item.legend.items)
    for action in QWidget.actions(widget):
        yield from _action_texts(action)


def _action_texts(action) -> Iterator[str]:
    if action.isSeparator() or not action.isVisible():
        return
    yield action.text()
    yield action.statusTip()
    menu = action.menu()
    if isinstance(menu, QMenu):
        for inner in menu.actions():
            yield from _action_texts(inner)


def visible_texts(window: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every non-empty text ``window`` shows now, its menu bar and status bar included."""
    found: list[tuple[str, str]] = []
    widgets = [window, *window.findChildren(QWidget)]
    if isinstance(window, QMainWindow):
        found += [("menu", text) for action in window.menuBar().actions() for text in _action_texts(action)]
        found.append(("status bar", window.statusBar().currentMessage()))
    for widget in widgets:
        if widget is window or widget.isVisibleTo(window):
            where = widget.objectName() or type(widget).__name__
            found += [(where, _plain(text)) for text in _widget_texts(widget)]
    return [(where, text) for where, text in found if text and text.strip()]


def untranslated(window: QWidget, code: str, data: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """The texts of ``window`` that still show English words while ``code`` is installed; ``data`` are the
    person's own words it may show (a model's name), taken out before looking."""
    assert language.installed() == code, "install the language before building the window"
    found = []
    for where, text in visible_texts(window):
        for words in data:
            text = text.replace(words, " ")
        if english_words(text):
            found.append((where, text))
    return found


def clipped(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of each visible one-line label, button and tab of ``root`` too narrow for its text."""
    found = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.width() <= 1:
            continue
        where = widget.objectName() or type(widget).__name__
        label_cut = isinstance(widget, QLabel) and widget.text() and not widget.wordWrap() \
            and widget.pixmap().isNull() and widget.width() < widget.minimumSizeHint().width() - 1
        button_cut = isinstance(widget, QAbstractButton) and widget.text() \
            and widget.width() < widget.fontMetrics().horizontalAdvance(widget.text().replace("&", "")) + 8
        if label_cut or button_cut:
            found.append((where, widget.text()))
        elif isinstance(widget, QHeaderView) and widget.orientation() == Qt.Orientation.Horizontal \
                and widget.model() is not None:
            for section in range(widget.count()):
                title = str(widget.model().headerData(section, Qt.Orientation.Horizontal) or "")
                if not widget.isSectionHidden(section) and \
                        widget.sectionSize(section) < widget.fontMetrics().horizontalAdvance(title) + 8:
                    found.append((where, title))
        elif isinstance(widget, QTabBar) and widget.sizeHint().width() > widget.width() + 1:  # scroll buttons
            found.append((where, " | ".join(widget.tabText(i) for i in range(widget.count()))))
        elif isinstance(widget, QTabBar):
            found += [(where, widget.tabText(i)) for i in range(widget.count())
                      if widget.tabRect(i).width() < widget.fontMetrics().horizontalAdvance(
                          widget.tabText(i).replace("&", "")) + 8]
    return found
