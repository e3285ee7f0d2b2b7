"""The window in 简体中文 and Русский: every visible text translated, numbers in the locale's format, and
Help ▸ Language remembered and offering a restart.

The walk opens each view as a person does (a tab click, a shortcut) after a short real run, so the status
line, the doctor, the plots' legends and the Runs tab hold the texts a run writes; then every text of every
visible widget must be free of English words (tests/support/languages.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QTabWidget, QWidget
from support.languages import clipped, english_words, untranslated
from test_main_window import draw_seven, start

from digitpad.training.settings import RunSettings
from digitpad.ui.base import language

LANGUAGES = ("zh_CN", "ru")


@pytest.mark.parametrize(("name", "expected"), [("ru_RU", "ru"), ("ru_UA", "ru"), ("zh_CN", "zh_CN"),
                                                 ("zh_SG", "zh_CN"), ("zh_TW", "en"), ("de_DE", "en"),
                                                 ("en_GB", "en"), ("C", "en")])
def test_the_system_locale_picks_the_language(name, expected):
    assert language.system_language(QLocale(name)) == expected


@pytest.mark.parametrize(("lang", "file_menu", "point"), [("ru_RU.UTF-8", "&Файл", ","),
                                                          ("zh_CN.UTF-8", "文件(&F)", "."),
                                                          ("de_DE.UTF-8", "&File", ".")])
def test_lang_chooses_the_windows_language_at_start(lang, file_menu, point, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env.update(LANG=lang, XDG_CONFIG_HOME=str(tmp_path), HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    script = ("from PySide6.QtWidgets import QApplication; from PySide6.QtCore import QLocale;"
              "from digitpad.ui.app import set_up_app; from digitpad.ui.base.i18n import translate;"
              "app = QApplication([]); set_up_app(app);"
              "print(translate('Menus', '&File'), QLocale().decimalPoint(), sep='|')")
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60,
                          check=False)
    assert done.stdout.strip() == f"{file_menu}|{point}", done.stderr


@pytest.fixture(params=LANGUAGES)
def speaking(request):
    """The language installed before the window is built (conftest puts English back afterwards)."""
    language.install(request.param)
    return request.param


def click_tab(qtbot, tabs: QTabWidget, index: int) -> None:
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


def walk_tabs(qtbot, root: QWidget, code: str, data: tuple[str, ...]) -> list[tuple[str, str]]:
    """The untranslated texts of ``root`` with each tab of each of its tab widgets shown in turn."""
    found = untranslated(root, code, data)
    for tabs in root.findChildren(QTabWidget):
        if tabs.isVisibleTo(root):
            for index in range(tabs.count()):
                click_tab(qtbot, tabs, index)
                found += untranslated(root, code, data)
    return found


def walk_modal(open_it, code: str, data: tuple[str, ...], kind: type = QDialog) -> list[tuple[str, str]]:
    """The untranslated texts of the ``kind`` dialog ``open_it`` opens and runs modally; it is closed after."""
    found: list[tuple[str, str]] = []
    walked: list[QDialog] = []

    def look(tries: int = 250) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            walked.append(dialog)
            found.extend(untranslated(dialog, code, data))
            dialog.reject()
        elif tries:
            QTimer.singleShot(20, lambda: look(tries - 1))

    QTimer.singleShot(0, look)
    open_it()
    assert walked, f"no {kind.__name__} opened"
    return found


STUCK = RunSettings(dataset="digits8x8", hidden="4,4", activation="sigmoid", head="sigmoid+mse", bias=False,
                    scale_inputs=False, optimizer="momentum", lr=0.001, schedule="constant", batch_size=0, epochs=30,
                    validation=0.2)  # a short run the doctor has much to say about


def click_menu(qtbot, window, *path) -> None:
    """Open the menu bar's ``path[0]`` with a click, then click each following action in the menu now open."""
    bar = window.menuBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(path[0]).center())
    for action in path[1:]:
        qtbot.waitUntil(lambda a=action: QApplication.activePopupWidget() is not None
                        and a in QApplication.activePopupWidget().actions())
        popup = QApplication.activePopupWidget()
        qtbot.mouseClick(popup, Qt.MouseButton.LeftButton, pos=popup.actionGeometry(action).center())


def test_every_view_speaks_the_chosen_language(speaking, make_window, qtbot):
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    draw_seven(qtbot, window.canvas)
    with qtbot.waitSignal(window.session.finished, timeout=60_000):
        start(window, qtbot, STUCK)
    qtbot.waitUntil(lambda: len(window.doctor_panel.diagnoses()) > 0)
    # The person's own words: the run's model is named after its settings ("digits8x8 4,4 sigmoid"); the file
    # dialog shows their folders.
    data = (window.files.model.name, str(Path.home()), str(Path.cwd()))
    found = walk_tabs(qtbot, window, speaking, data)
    for preset in range(window.lab_panel.preset_combo.count()):
        window.lab_panel.preset_combo.setCurrentIndex(preset)
        found += untranslated(window, speaking, data)
    QTest.keyClick(window, Qt.Key.Key_F1)  # Help
    for key in (Qt.Key.Key_L, Qt.Key.Key_D):  # Look inside (it shows once its numbers are ready), My digits
        QTest.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.inspect_window is not None and window.inspect_window.isVisible(), timeout=30_000)
    tools = [tool for tool in QApplication.topLevelWidgets() if tool is not window and tool.isVisible()
             and tool.windowType() != Qt.WindowType.Popup]
    assert {type(tool).__name__ for tool in tools} >= {"InspectWindow", "MyDigitsDialog", "HelpDialog"}
    for tool in tools:
        qtbot.waitExposed(tool)
        found += walk_tabs(qtbot, tool, speaking, data)
    window.activateWindow()  # back from the tool windows
    qtbot.waitUntil(window.isActiveWindow)
    found += walk_modal(lambda: QTest.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier),
                        speaking, data)  # Model details
    file_menu, export = window.menuBar().actions()[0], window.actions["export"]
    found += walk_modal(lambda: click_menu(qtbot, window, file_menu, export.menuAction(), export.actions()[0]),
                        speaking, data, QFileDialog)  # File ▸ Export ▸ ONNX…: the file dialog, Qt's own texts
    assert not found, "\n".join(f"{where}: {english_words(text)} in {text[:100]!r}"
                                 for where, text in sorted(set(found)))


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)], ids=["1280x800", "1920x1080"])
def test_every_text_fits_at_the_desktop_sizes(speaking, size, make_window, qtbot):
    window = make_window()
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    assert (window.width(), window.height()) == size  # no text forces the window wider than the screen
    found = clipped(window)
    for tabs in window.findChildren(QTabWidget):
        for index in range(tabs.count()):
            click_tab(qtbot, tabs, index)
            found += clipped(window)
    assert not found, "\n".join(f"{where}: {text!r}" for where, text in sorted(set(found)))


def test_the_fit_check_sees_a_button_too_narrow_for_its_text(qtbot):
    from PySide6.QtWidgets import QHBoxLayout, QPushButton
    root = QWidget()
    qtbot.addWidget(root)
    button = QPushButton("Сохранить модель как…")
    button.setFixedWidth(40)
    QHBoxLayout(root).addWidget(button)
    root.show()
    assert clipped(root) == [("QPushButton", "Сохранить модель как…")]


def choose_language(qtbot, window, steps_down: int) -> None:
    """Help ▸ Language ▸ the entry ``steps_down`` below System, by keyboard: Alt+H, L, Down…, Enter."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    QTest.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_L)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None
                    and QApplication.activePopupWidget().objectName() == "languageMenu")
    submenu = QApplication.activePopupWidget()
    for _ in range(steps_down):
        QTest.keyClick(submenu, Qt.Key.Key_Down)
    QTest.keyClick(submenu, Qt.Key.Key_Return)


def test_help_language_is_remembered_and_offers_a_restart_in_the_chosen_language(window, qtbot, settings,
                                                                                monkeypatch):
    from support.boxes import answer_box

    from digitpad.ui import language_menu
    restarts = []
    monkeypatch.setattr(language_menu, "relaunch", lambda: restarts.append(True) or True)
    seen = answer_box("Позже")
    choose_language(qtbot, window, 3)  # System, English, 简体中文, Русский
    qtbot.waitUntil(lambda: seen != [])
    assert settings.value("language") == "ru" and restarts == [] and window.isVisible()
    assert seen[0] == ("digitpad будет показан на языке «Русский» со следующего запуска.\n\n"
                       "digitpad will be shown in Русский from its next start.")
    assert window.menuBar().actions()[0].text() == "&File"  # this window keeps its language until the restart
    window.setWindowModified(False)
    seen = answer_box("Перезапустить сейчас")
    choose_language(qtbot, window, 3)
    qtbot.waitUntil(lambda: restarts == [True])
    assert not window.isVisible()


def test_choosing_the_language_already_shown_changes_nothing_else(window, qtbot, settings):
    choose_language(qtbot, window, 1)  # English, which the window speaks: no note, no restart
    qtbot.waitUntil(lambda: settings.value("language") == "en")
    assert QApplication.activeModalWidget() is None and window.isVisible()


def test_numbers_in_russian_take_the_decimal_comma_typed_and_shown(make_window, qtbot):
    from support.keys import type_into

    language.install("ru")
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    click_tab(qtbot, window.panel.pages, 2)  # Optimizer, where the learning rate is
    type_into(window.panel.lr_spin, "0,05")
    assert window.panel.settings().lr == 0.05 and window.panel.lr_spin.text() == "0,050000"
    ticks = window.loss_plot.getPlotItem().getAxis("left").tickStrings([0.25, 0.5], 1.0, 0.05)
    assert ticks == ["0,25", "0,50"]


def test_a_cli_runs_default_name_is_shown_translated_and_stays_so_after_an_edit(qtbot):
    from PySide6.QtWidgets import QTreeView
    from test_runs import cell, click_row, names, record_run, show, type_into_editor

    from digitpad.ui.widgets.runs_panel import RunsPanel
    run_id = record_run("Run 1")
    language.install("ru")
    panel = RunsPanel()
    qtbot.addWidget(panel)
    panel.resize(1000, 320)
    show(qtbot, panel)
    assert names(panel) == [f"Запуск {run_id}"]
    click_row(qtbot, panel, 0, column=9)
    type_into_editor(qtbot, panel.findChild(QTreeView, "runsList"), "baseline")  # QTest types Latin keys only
    assert cell(panel, 0, 9) == "baseline" and names(panel) == [f"Запуск {run_id}"]


def test_a_translation_that_cannot_be_read_leaves_the_window_in_english(monkeypatch):
    from PySide6.QtCore import QCoreApplication

    monkeypatch.setattr(language, "translator", lambda code: None)
    language.install("ru")
    assert language.installed() == "en" and QLocale().decimalPoint() == "."
    assert QCoreApplication.translate("Menus", "&File") == "&File"


def test_the_restart_waits_for_this_process_to_end(tmp_path, monkeypatch):
    from digitpad.ui import language_menu
    marker = tmp_path / "started"
    old = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        monkeypatch.setattr(sys, "orig_argv", [sys.executable, "-c", f"open({str(marker)!r}, 'w')"])
        monkeypatch.setattr(language_menu.os, "getpid", lambda: old.pid)
        assert language_menu.relaunch()
        time.sleep(1.0)
        assert not marker.exists()  # the old digitpad is still running
    finally:
        old.kill()
        old.wait()
    deadline = time.monotonic() + 20
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert marker.exists()


def test_a_restart_that_cannot_start_says_so(window, qtbot, monkeypatch):
    from support.boxes import answer_box

    from digitpad.ui import language_menu
    monkeypatch.setattr(language_menu, "relaunch", lambda: False)
    window.setWindowModified(False)
    noted, seen = answer_box("Перезапустить сейчас"), []

    def then_the_warning() -> None:  # it opens once the note has been answered
        if noted:
            answer_box("Ok", seen)
        else:
            QTimer.singleShot(20, then_the_warning)

    then_the_warning()
    choose_language(qtbot, window, 3)
    qtbot.waitUntil(lambda: seen != [])
    assert seen == ["digitpad could not start again by itself; start it as usual."] and not window.isVisible()
