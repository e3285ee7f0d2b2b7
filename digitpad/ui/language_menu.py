"""Help ▸ Language: System, English, 简体中文, Русский. The choice is remembered and shown from the next start.

The window is not retranslated in place: its texts are built once, with
numbers, run names and a running training in them, so a new language takes
effect when digitpad starts again. The note that says so is written in the
chosen language (and in the current one, when they differ), and offers to
restart now: the window closes as File ▸ Quit would (asking about an
unsaved model first), then digitpad starts again with the same arguments
once this process has ended.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QProcess
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from digitpad.common.text import QT_TRANSLATE_NOOP, Template
from digitpad.ui.base import language
from digitpad.ui.base.i18n import render, translate

NOTE = QT_TRANSLATE_NOOP("LanguageMenu", "digitpad will be shown in {language} from its next start.")
RESTART = QT_TRANSLATE_NOOP("LanguageMenu", "&Restart now")
LATER = QT_TRANSLATE_NOOP("LanguageMenu", "&Later")
NOT_RESTARTED = QT_TRANSLATE_NOOP("LanguageMenu", "digitpad could not start again by itself; start it as usual.")


def add_language_actions(menu: QMenu, window: QMainWindow) -> None:
    """Fill ``menu`` with one checkable entry per language, the stored choice ticked."""
    menu.setObjectName("languageMenu")
    group = QActionGroup(menu)
    stored = language.chosen(window.settings)
    names = {"": translate("LanguageMenu", "System"), **language.LANGUAGES}
    for code, name in names.items():
        action = QAction(name, menu, checkable=True, checked=code == stored)
        action.setObjectName(f"language_{code or 'system'}")
        action.setStatusTip(translate("LanguageMenu", "Follow the system's language (LANG)") if not code else name)
        group.addAction(action)
        menu.addAction(action)
        action.triggered.connect(lambda checked=False, code=code: choose(window, code))


def choose(window: QMainWindow, code: str) -> None:
    """Remember ``code`` ("" for the system's) and, when that changes the language, offer to restart."""
    window.settings.setValue(language.SETTING, code)
    window.settings.sync()
    target = code or language.system_language()
    if target == language.installed():
        return
    box = QMessageBox(QMessageBox.Icon.Information, language.LANGUAGES[target], note(target), parent=window)
    box.setObjectName("languageNote")
    restart = box.addButton(_in(target, RESTART), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_in(target, LATER), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is restart and window.close() and not relaunch():
        QMessageBox.warning(None, language.LANGUAGES[target], render(NOT_RESTARTED))


def note(target: str) -> str:
    """The restart note in ``target``'s words, followed by the current language's when it is another."""
    name = language.LANGUAGES[target]
    lines = (_in(target, NOTE).format(language=name), render(NOTE).format(language=name))
    return "\n\n".join(dict.fromkeys(lines))


def _in(code: str, source: Template) -> str:
    """``source`` translated into ``code`` (not the window's current language): the note speaks the new one."""
    translator = language.translator(code)
    translated = translator.translate(source.context, source) if translator is not None else ""
    return translated or source


def relaunch() -> bool:
    """Start digitpad again as it was started (same interpreter, same arguments) once this process has ended,
    so the new one finds a run this one was training interrupted, to resume, not still going; False when it
    cannot be started."""
    command = [sys.executable, *sys.orig_argv[1:]]
    if sys.platform == "win32":
        return QProcess.startDetached(command[0], command[1:])[0]
    wait_then_start = 'while kill -0 "$0" 2>/dev/null; do sleep 0.1; done; exec "$@"'
    return QProcess.startDetached("/bin/sh", ["-c", wait_then_start, str(os.getpid()), *command])[0]

