"""The translations are complete, compiled from their sources, and keep every placeholder and glossary term.

The .ts files in assets/translations are compared with what pyside6-lupdate
extracts from the code now, so a window text added without its translations
fails here (tools/translations.py update / todo / merge / release fixes it).
"""

from __future__ import annotations

import ast
import importlib.util
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

TOOL = Path(__file__).resolve().parents[1] / "tools" / "translations.py"
_spec = importlib.util.spec_from_file_location("translations_tool", TOOL)
tool = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tool)

LANGUAGES = tool.LANGUAGES
PLURAL_FORMS = {"zh_CN": 1, "ru": 3}
FIELD = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)?(?:[:!][^{}]*)?\}")
TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)")


def entries(ts: Path) -> dict[tuple[str, str, str], ET.Element]:
    return {(context, message.findtext("source"), message.findtext("comment") or ""): message
            for context, message in tool.messages(ts)}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict[tuple[str, str, str], ET.Element]:
    """What the code marks for translation today."""
    target = tmp_path_factory.mktemp("lupdate") / "now.ts"
    target.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="ru">'
                      '</TS>\n', encoding="utf-8")
    tool.lupdate(target)
    return entries(target)


def forms(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    return [form.text or "" for form in translation.iter("numerusform")] if message.get("numerus") == "yes" \
        else [translation.text or ""]


def test_the_code_marks_the_windows_texts(extracted):
    contexts = {context for context, _, _ in extracted}
    assert len(extracted) > 1000 and {"Menus", "LanguageMenu", "App"} <= contexts


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_source_text_is_translated_and_none_is_left_over(code, extracted):
    committed = entries(tool.ts_file(code))
    assert sorted(set(extracted) - set(committed))[:20] == [], "run tools/translations.py update, then translate"
    assert sorted(set(committed) - set(extracted))[:20] == [], "run tools/translations.py update"
    unfinished = [key for key, message in committed.items()
                  if message.find("translation").get("type") or not all(form.strip() for form in forms(message))]
    assert unfinished[:20] == []
    assert all(len(forms(message)) == PLURAL_FORMS[code] for message in committed.values()
               if message.get("numerus") == "yes")


@pytest.mark.parametrize("code", LANGUAGES)
def test_each_qm_file_is_compiled_from_its_ts_file(code, tmp_path):
    fresh = tmp_path / f"{code}.qm"
    tool.lrelease(tool.ts_file(code), fresh)
    shipped = tool.ts_file(code).with_suffix(".qm")
    assert shipped.is_file() and shipped.read_bytes() == fresh.read_bytes(), "run tools/translations.py release"


@pytest.mark.parametrize("code", LANGUAGES)
def test_translations_keep_the_placeholders_tags_and_shortcut_letters(code):
    broken = []
    for key, message in entries(tool.ts_file(code)).items():
        source = key[1]
        for form in filter(None, forms(message)):  # an empty one is the completeness test's
            if sorted(FIELD.findall(form)) != sorted(FIELD.findall(source)):
                broken.append(("fields", key, form))
            if sorted(TAG.findall(form)) != sorted(TAG.findall(source)):
                broken.append(("tags", key, form))
            if ("%n" in source) != ("%n" in form) and not (code == "zh_CN" or message.get("numerus") != "yes"):
                broken.append(("%n", key, form))
            if source.replace("&&", "").count("&") != form.replace("&&", "").count("&") and "<" not in source:
                broken.append(("&", key, form))
    assert broken[:10] == []


# One translation per idea (docs/translations.md): each English term, wherever it appears in a source text,
# appears in the translation as the glossary's word (a stem, so every Russian case ending matches).
GLOSSARY = {
    "zh_CN": {"backpropagation": "反向传播", "gradient descent": "梯度下降", "learning rate": "学习率",
              "overfitting": "过拟合", "overfits": "过拟合", "confusion matrix": "混淆矩阵", "cross-entropy": "交叉熵",
              "epoch": "轮", "mini-batch": "小批量", "hidden layer": "隐藏层", "validation": "验证"},
    "ru": {"backpropagation": "обратн", "gradient descent": "градиентн", "learning rate": "скорост",
           "overfitting": "переобуч", "overfits": "переобуч", "confusion matrix": "матриц", "cross-entropy": "энтропи",
           "epoch": "эпох", "mini-batch": "батч", "hidden layer": "скрыт", "validation": "валидац"},
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_glossarys_terms_are_translated_the_same_everywhere(code):
    astray = []
    for key, message in entries(tool.ts_file(code)).items():
        source = key[1].lower()
        for term, word in GLOSSARY[code].items():
            if re.search(rf"\b{re.escape(term)}\b", source) and any(word not in form.lower()
                                                                     for form in filter(None, forms(message))):
                astray.append((term, key[0], key[1][:60], forms(message)[0][:60]))
    assert astray[:10] == []


# Where a Qt widget takes a text a person reads: a literal (or f-string) with English words there was never
# marked for translation. The walk in test_languages.py sees what is shown; this sees what is painted or rarely shown.
TEXT_CALLS = {
    "setText", "setToolTip", "setStatusTip", "setWindowTitle", "setPlaceholderText", "setTitle", "setLabelText",
    "addItem", "addItems", "addTab", "insertTab", "setTabText", "setTabToolTip", "showMessage", "setWhatsThis",
    "setHorizontalHeaderLabels", "setVerticalHeaderLabels", "setSpecialValueText", "setSuffix", "setPrefix",
    "setLabel", "setHtml", "setPlainText", "setInformativeText", "setDetailedText", "addButton", "drawText",
    "information", "warning", "critical", "question", "about", "getSaveFileName", "getOpenFileName",
    "getExistingDirectory", "setItemText", "setItemData", "addMenu", "addAction", "setFormat", "addRow",
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QToolButton", "QMessageBox",
    "TextItem", "LabelItem",
}


MARKING = ("translate", "render", "fill", "QT_TRANSLATE_NOOP", "error_text")


def _english_literals(node) -> list[str]:
    """The English literals in ``node`` outside the calls that mark or translate them."""
    from support.languages import english_words
    if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in MARKING:
        return []
    if isinstance(node, ast.Constant):
        identifier = re.fullmatch(r"[a-zA-Z_][a-zA-Z0-9_]*", str(node.value))  # object names, keys
        return [node.value] if isinstance(node.value, str) and english_words(node.value) and not identifier else []
    return [text for child in ast.iter_child_nodes(node) for text in _english_literals(child)]


def unmarked_texts(path: Path) -> list[str]:
    """'line: text' of each English literal handed straight to a Qt text call in ``path``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name not in TEXT_CALLS:
            continue
        arguments = [*node.args, *(k.value for k in node.keywords if k.arg not in ("objectName", "name"))]
        for argument in arguments:
            found += [f"{node.lineno}: {text!r}" for text in _english_literals(argument)]
    return found


def test_no_window_text_reaches_qt_unmarked():
    ui = Path(tool.ROOT) / "digitpad" / "ui"
    found = [f"{path.relative_to(ui)}:{line}" for path in sorted(ui.rglob("*.py")) if path.name != "platform_check.py"
             for line in unmarked_texts(path)]
    assert found == []


def test_the_scan_finds_an_unmarked_text(tmp_path):
    module = tmp_path / "widget.py"
    module.write_text('label = QLabel("Learning rate")\nlabel.setToolTip(f"Epoch {n} done")\n'
                      'ok = QLabel(translate("X", "Learning rate"), objectName="rateLabel")\n', encoding="utf-8")
    assert unmarked_texts(module) == ["1: 'Learning rate'", "2: 'Epoch '", "2: ' done'"]


def marked_in_code() -> list[tuple[str, str, str, int]]:
    """(file, context, source, line, given a count) of every translate / QT_TRANSLATE_NOOP call in the package,
    as Python reads it; a call whose context or source is not a literal has source None (lupdate cannot see it)."""
    found = []
    for path in tool.sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            function = getattr(node, "func", None)
            name = getattr(function, "id", "")
            if isinstance(function, ast.Attribute):  # QCoreApplication.translate, not QPainter.translate
                name = function.attr if getattr(function.value, "id", "") == "QCoreApplication" else ""
            if not isinstance(node, ast.Call) or name not in ("translate", "QT_TRANSLATE_NOOP") or len(node.args) < 2:
                continue
            context, source = node.args[:2]
            literal = all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in (context, source))
            found.append((path.name, context.value if literal else None, source.value if literal else None,
                          node.lineno, len(node.args) >= 4))
    return found


MECHANISM = {"i18n.py", "language_menu.py"}  # they translate what others marked, so their arguments are computed


def test_lupdate_sees_every_marked_text(extracted):
    """A call lupdate skips (a computed argument, a count that is not a plain name) is never translated."""
    sources = {(context, source) for context, source, _ in extracted}
    missed = [(file, line, source) for file, context, source, line, _ in marked_in_code()
              if file not in MECHANISM and (source is None or (context, source) not in sources)]
    assert missed == []


def test_a_count_is_given_only_to_a_text_with_its_place():
    """Qt looks a message given a count up among plural forms: a source without %n is then not found."""
    assert [(file, line, source) for file, _, source, line, counted in marked_in_code()
            if counted and source is not None and "%n" not in source] == []
