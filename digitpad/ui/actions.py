"""The menu bar as a table: each action's menu, text, what it does, shortcut and tip.

:func:`build_menus` turns :data:`MENUS` into QActions on a window. A
``target`` is a dotted attribute path on the window (``"files.save"``,
``"canvas.undo"``), so the table names what an action does without the
window wiring each one by hand. The Lab menu's entries come from the
pitfalls themselves, Open recent is filled when it opens, Export is a submenu, and Help ▸ Language
lists the languages (:mod:`digitpad.ui.language_menu`). Texts are marked for translation here and
translated when the menus are built.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from digitpad.common.text import QT_TRANSLATE_NOOP, Message
from digitpad.lab.pitfalls import PITFALLS
from digitpad.ui.base.i18n import render
from digitpad.ui.language_menu import add_language_actions

Shortcut = QKeySequence.StandardKey | str | tuple[str, ...] | None


@dataclass(frozen=True)
class ActionSpec:
    """One menu entry; ``name`` (when given) makes the QAction findable as ``actions[name]``."""

    text: Message
    target: str = ""
    shortcut: Shortcut = None
    tip: Message = ""
    checkable: bool = False
    name: str = ""


SEPARATOR = ActionSpec("-")
RECENT = ActionSpec(QT_TRANSLATE_NOOP("Menus", "Open &recent"), name="recent")  # a submenu, filled by files.fill_recent_menu when shown
EXPORT = ActionSpec(QT_TRANSLATE_NOOP("Menus", "&Export"), name="export")  # a submenu of the entries below
LANGUAGE = ActionSpec(QT_TRANSLATE_NOOP("Menus", "&Language"), name="language")  # a submenu: digitpad.ui.language_menu
EXPORTS = (
    ActionSpec(QT_TRANSLATE_NOOP("Menus", "&ONNX…"), "exports.export_onnx",
               tip=QT_TRANSLATE_NOOP("Menus", "The model as an ONNX file (input pixels, output probabilities), checked against "
                                                "digitpad")),
    ActionSpec(QT_TRANSLATE_NOOP("Menus", "&PyTorch script…"), "exports.export_pytorch",
               tip=QT_TRANSLATE_NOOP("Menus", "A standalone script that builds the same torch.nn.Sequential and checks itself "
                                                "on the drawing")),
)

MENUS: dict[str, tuple[ActionSpec, ...]] = {
    QT_TRANSLATE_NOOP("Menus", "&File"): (
        ActionSpec(QT_TRANSLATE_NOOP("Menus", "&New model"), "files.new_model", QKeySequence.StandardKey.New,
                   QT_TRANSLATE_NOOP("Menus", "An untrained network with the current settings")),
        ActionSpec(QT_TRANSLATE_NOOP("Menus", "&Open…"), "files.open_dialog", QKeySequence.StandardKey.Open),
        RECENT,
        ActionSpec(QT_TRANSLATE_NOOP("Menus", "&Save"), "files.save", QKeySequence.StandardKey.Save),
        ActionSpec(QT_TRANSLATE_NOOP("Menus", "Save &as…"), "files.save_as", QKeySequence.StandardKey.SaveAs),
        EXPORT,
        SEPARATOR,
        ActionSpec(QT_TRANSLATE_NOOP("Menus", "&Quit"), "close", QKeySequence.StandardKey.Quit),
    ),
    QT_TRANSLATE_NOOP("Menus", "&Draw"): (
        ActionSpec(QT_TRANSLATE_NOOP("Menus", "&Undo stroke"), "canvas.undo", QKeySequence.StandardKey.Undo),
        ActionSpec(QT_TRANSLATE_NOOP("Menus", "&Clear"), "canvas.clear", ("Esc", "Del")),
        ActionSpec(QT_TRANSLATE_NOOP("Menus", "&Eraser"), "eraser_button.toggle", "E"),
        ActionSpec(QT_TRANSLATE_NOOP("Menus", "Show &saliency"), "prediction.update", "S",
                   QT_TRANSLATE_NOOP("Menus", "Colour the drawing by how each pixel pushes the top class: red raises "
                                     "it, blue lowers it"),
                   checkable=True, name="saliency"),
        SEPARATOR,
        ActionSpec(QT_TRANSLATE_NOOP("Menus", "&My digits…"), "personal.show_browser", "Ctrl+D",
                   QT_TRANSLATE_NOOP("Menus", "Your own digits kept with Correct it (Ctrl+0 … Ctrl+9): the model's "
                                     "reading of each, delete, relabel, import and export"), name="myDigits"),
    ),
    QT_TRANSLATE_NOOP("Menus", "&Training"): (
        ActionSpec(QT_TRANSLATE_NOOP("Menus", "&Train"), "runs.start_training", "F5"),
        ActionSpec(QT_TRANSLATE_NOOP("Menus", "&Pause / resume"), "runs.toggle_pause", "F6"),
        ActionSpec(QT_TRANSLATE_NOOP("Menus", "&Stop"), "session.stop", "Shift+F5"),
    ),
    QT_TRANSLATE_NOOP("Menus", "&Lab"): tuple(ActionSpec(p.title, f"open_lab:{p.name}", tip=p.summary) for p in PITFALLS.values()),
    QT_TRANSLATE_NOOP("Menus", "&Model"): (
        ActionSpec(QT_TRANSLATE_NOOP("Menus", "Model &details…"), "show_model_info", "Ctrl+I"),
        ActionSpec(QT_TRANSLATE_NOOP("Menus", "&Look inside…"), "look_inside", "Ctrl+L",
                   QT_TRANSLATE_NOOP("Menus", "Confusion matrix, mistakes, first-layer weights, activations and a "
                                     "gradient check on the model's test set")),
        ActionSpec(QT_TRANSLATE_NOOP("Menus", "&Teach it my digits…"), "teach.teach", "Ctrl+T",
                   QT_TRANSLATE_NOOP("Menus", "Fine-tune the model on MNIST mixed with My digits, and see the honest "
                                     "before/after: your held-out digits, MNIST's test set, this drawing")),
        ActionSpec(QT_TRANSLATE_NOOP("Menus", "&Wide tabs beside the plots"), "set_wide_insights", "Ctrl+E",
                   QT_TRANSLATE_NOOP("Menus", "Give the Network, Backprop and other tabs the whole width and more "
                                     "height (again: back)"),
                   checkable=True, name="wide"),
    ),
    QT_TRANSLATE_NOOP("Menus", "&Help"): (
        ActionSpec(QT_TRANSLATE_NOOP("Menus", "&How to use digitpad"), "show_help", QKeySequence.StandardKey.HelpContents,
                   QT_TRANSLATE_NOOP("Menus", "The main steps, what each view shows, and every shortcut")),
        LANGUAGE,
        ActionSpec(QT_TRANSLATE_NOOP("Menus", "&About digitpad"), "about"),
    ),
}


def build_menus(window: QMainWindow) -> dict[str, QAction | QMenu]:
    """Add every menu of :data:`MENUS` to ``window``'s menu bar; return the named actions and submenus."""
    named: dict[str, QAction | QMenu] = {}
    for title, specs in MENUS.items():
        menu = window.menuBar().addMenu(render(title))
        for spec in specs:
            if spec is SEPARATOR:
                menu.addSeparator()
            elif spec is RECENT:
                named[spec.name] = submenu = menu.addMenu(render(spec.text))
                submenu.aboutToShow.connect(lambda m=submenu: window.files.fill_recent_menu(m))
            elif spec is EXPORT:
                named[spec.name] = submenu = menu.addMenu(render(spec.text))
                for entry in EXPORTS:
                    submenu.addAction(_action(window, entry))
            elif spec is LANGUAGE:
                named[spec.name] = submenu = menu.addMenu(render(spec.text))
                add_language_actions(submenu, window)
            else:
                action = _action(window, spec)
                menu.addAction(action)
                if spec.name:
                    named[spec.name] = action
    return named


def _action(window: QMainWindow, spec: ActionSpec) -> QAction:
    action = QAction(render(spec.text), window, checkable=spec.checkable)
    action.setShortcuts(key_sequences(spec.shortcut))
    action.setStatusTip(render(spec.tip))
    target, _, argument = spec.target.partition(":")
    slot = operator.attrgetter(target)(window)
    action.triggered.connect((lambda checked=False: slot(argument)) if argument else (lambda checked=False: slot()))
    return action


def key_sequences(shortcut: Shortcut) -> list[QKeySequence]:
    """The keys of an ActionSpec's shortcut, as its QAction gets them."""
    if shortcut is None:
        return []
    if isinstance(shortcut, QKeySequence.StandardKey):
        return QKeySequence.keyBindings(shortcut)
    keys = (shortcut,) if isinstance(shortcut, str) else shortcut
    named = {"Esc": Qt.Key.Key_Escape, "Del": Qt.Key.Key_Delete}
    return [QKeySequence(named[k]) if k in named else QKeySequence(k) for k in keys]
