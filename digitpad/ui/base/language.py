"""Which language the window speaks: the system's, or the one chosen in Help ▸ Language, and loading it.

The choice is stored under :data:`SETTING` ("" follows the system). It is
installed once, before the main window is built (:func:`install`): our own
translations from ``digitpad.assets/translations`` and Qt's (standard
buttons, file dialogs) from the ``qtbase_*.qm`` files PySide6 ships. Numbers
follow the same language (``QLocale.setDefault``), so the window never mixes
Russian words with English decimal points. The CLI never loads any of this.
"""

from __future__ import annotations

from importlib.resources import as_file, files

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from digitpad.common.text import QT_TRANSLATE_NOOP

SETTING = "language"
ENGLISH = "en"
LANGUAGES: dict[str, str] = {ENGLISH: "English", "zh_CN": "简体中文", "ru": "Русский"}
"""The window's languages by code, each named in itself (a menu a person cannot read must still find theirs)."""
TRANSLATIONS = "translations"

# Qt's own texts its shipped translations (qtbase_ru, qtbase_zh_CN of Qt 6.11) lack, translated in ours: the
# file dialog's labels gained shortcut letters ("Look in:" became "&Look in:") and lost their translations.
QT_GAPS = (QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"), QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"))

_installed: list[QTranslator] = []
_current = [ENGLISH]


def system_language(locale: QLocale | None = None) -> str:
    """The language code of :data:`LANGUAGES` that ``locale`` (the system's: ``LANG``) asks for; else English."""
    locale = locale or QLocale.system()
    if locale.language() == QLocale.Language.Russian:
        return "ru"
    if locale.language() == QLocale.Language.Chinese and locale.script() != QLocale.Script.TraditionalHanScript:
        return "zh_CN"
    return ENGLISH


def chosen(settings: QSettings) -> str:
    """The stored choice: a code of :data:`LANGUAGES`, or "" to follow the system."""
    value = str(settings.value(SETTING, "") or "")
    return value if value in LANGUAGES else ""


def language_of(settings: QSettings) -> str:
    """The language the window speaks with these settings."""
    return chosen(settings) or system_language()


def locale_of(code: str) -> QLocale:
    """The locale whose number format goes with language ``code``."""
    locale = QLocale("en_US" if code == ENGLISH else code)
    locale.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator | QLocale.NumberOption.RejectGroupSeparator)
    return locale


def translator(code: str) -> QTranslator | None:
    """digitpad's own translations into ``code``; None for English (the source language)."""
    if code == ENGLISH:
        return None
    result = QTranslator()
    with as_file(files("digitpad.assets") / TRANSLATIONS / f"digitpad_{code}.qm") as path:
        if not result.load(str(path)):
            return None
    return result


def install(code: str, app: QCoreApplication | None = None) -> None:
    """Make ``code`` the language of every text and number created from now on (replacing the previous one);
    English when its translations cannot be read."""
    app = app or QCoreApplication.instance()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    ours = translator(code)
    if ours is None:  # English, or a translation that cannot be read: English words with English numbers
        code = ENGLISH
    else:
        qt = QTranslator()
        if qt.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _installed.append(qt)
        _installed.append(ours)
    for each in _installed:  # the one installed last is asked first: ours, then Qt's
        app.installTranslator(each)
    QLocale.setDefault(locale_of(code))
    _current[0] = code


def installed() -> str:
    """The language :func:`install` last made current (English until then)."""
    return _current[0]
