"""The menu bar as a table: each action's menu, text, what it does, shortcut and tip.

:func:`build_menus` turns :data:`MENUS` into QActions on a window. A
``target`` is a dotted attribute path on the window (``"files.save"``,
``"canvas.undo"``), so the table names what an action does without the
window wiring each one by hand. The Lab menu's entries come from the
pitfalls themselves, Open recent is filled when it opens, and Export is a submenu.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from digitpad.lab.pitfalls import PITFALLS

Shortcut = QKeySequence.StandardKey | str | tuple[str, ...] | None


@dataclass(frozen=True)
class ActionSpec:
    """One menu entry; ``name`` (when given) makes the QAction findable as ``actions[name]``."""

    text: str
    target: str = ""
    shortcut: Shortcut = None
    tip: str = ""
    checkable: bool = False
    name: str = ""


SEPARATOR = ActionSpec("-")
RECENT = ActionSpec("Open &recent", name="recent")  # a submenu, filled by files.fill_recent_menu when shown
EXPORT = ActionSpec("&Export", name="export")  # a submenu of the entries below
EXPORTS = (
    ActionSpec("&ONNX…", "exports.export_onnx",
               tip="The model as an ONNX file (input pixels, output probabilities), checked against digitpad"),
    ActionSpec("&PyTorch script…", "exports.export_pytorch",
               tip="A standalone script that builds the same torch.nn.Sequential and checks itself on the drawing"),
)

MENUS: dict[str, tuple[ActionSpec, ...]] = {
    "&File": (
        ActionSpec("&New model", "files.new_model", QKeySequence.StandardKey.New,
                   "An untrained network with the current settings"),
        ActionSpec("&Open…", "files.open_dialog", QKeySequence.StandardKey.Open),
        RECENT,
        ActionSpec("&Save", "files.save", QKeySequence.StandardKey.Save),
        ActionSpec("Save &as…", "files.save_as", QKeySequence.StandardKey.SaveAs),
        EXPORT,
        SEPARATOR,
        ActionSpec("&Quit", "close", QKeySequence.StandardKey.Quit),
    ),
    "&Draw": (
        ActionSpec("&Undo stroke", "canvas.undo", QKeySequence.StandardKey.Undo),
        ActionSpec("&Clear", "canvas.clear", ("Esc", "Del")),
        ActionSpec("&Eraser", "eraser_button.toggle", "E"),
        ActionSpec("Show &saliency", "prediction.update", "S",
                   "Colour the drawing by how each pixel pushes the top class: red raises it, blue lowers it",
                   checkable=True, name="saliency"),
        SEPARATOR,
        ActionSpec("&My digits…", "personal.show_browser", "Ctrl+D",
                   "Your own digits kept with Correct it (Ctrl+0 … Ctrl+9): the model's reading of each, "
                   "delete, relabel, import and export", name="myDigits"),
    ),
    "&Training": (
        ActionSpec("&Train", "runs.start_training", "F5"),
        ActionSpec("&Pause / resume", "runs.toggle_pause", "F6"),
        ActionSpec("&Stop", "session.stop", "Shift+F5"),
    ),
    "&Lab": tuple(ActionSpec(p.title, f"open_lab:{p.name}", tip=p.summary) for p in PITFALLS.values()),
    "&Model": (
        ActionSpec("Model &details…", "show_model_info", "Ctrl+I"),
        ActionSpec("&Look inside…", "look_inside", "Ctrl+L",
                   "Confusion matrix, mistakes, first-layer weights, activations and a gradient check "
                   "on the model's test set"),
        ActionSpec("&Teach it my digits…", "teach.teach", "Ctrl+T",
                   "Fine-tune the model on MNIST mixed with My digits, and see the honest before/after: your "
                   "held-out digits, MNIST's test set, this drawing"),
        ActionSpec("&Wide tabs beside the plots", "set_wide_insights", "Ctrl+E",
                   "Give the Network, Backprop and other tabs the whole width and more height (again: back)",
                   checkable=True, name="wide"),
    ),
    "&Help": (
        ActionSpec("&How to use digitpad", "show_help", QKeySequence.StandardKey.HelpContents,
                   "The main steps, what each view shows, and every shortcut"),
        ActionSpec("&About digitpad", "about"),
    ),
}


def build_menus(window: QMainWindow) -> dict[str, QAction | QMenu]:
    """Add every menu of :data:`MENUS` to ``window``'s menu bar; return the named actions and submenus."""
    named: dict[str, QAction | QMenu] = {}
    for title, specs in MENUS.items():
        menu = window.menuBar().addMenu(title)
        for spec in specs:
            if spec is SEPARATOR:
                menu.addSeparator()
            elif spec is RECENT:
                named[spec.name] = submenu = menu.addMenu(spec.text)
                submenu.aboutToShow.connect(lambda m=submenu: window.files.fill_recent_menu(m))
            elif spec is EXPORT:
                named[spec.name] = submenu = menu.addMenu(spec.text)
                for entry in EXPORTS:
                    submenu.addAction(_action(window, entry))
            else:
                action = _action(window, spec)
                menu.addAction(action)
                if spec.name:
                    named[spec.name] = action
    return named


def _action(window: QMainWindow, spec: ActionSpec) -> QAction:
    action = QAction(spec.text, window, checkable=spec.checkable)
    action.setShortcuts(key_sequences(spec.shortcut))
    action.setStatusTip(spec.tip)
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
