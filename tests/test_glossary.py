"""One word per idea in everything the window, the lab and the doctor say (digitpad.common.glossary).

Every string literal in the modules that make those texts is read (docstrings
and messages for programmers aside) for the synonyms the glossary does not
use: "rows" in the lab against "images" and "batch" elsewhere once told a
learner of two things where there was one.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import digitpad
from digitpad.common.glossary import NOT_USED, TERMS

PACKAGE = Path(digitpad.__file__).parent
SOURCES = sorted([*PACKAGE.glob("ui/**/*.py"), *PACKAGE.glob("lab/*.py"), PACKAGE / "training" / "diagnosis.py",
                  PACKAGE / "training" / "remedies.py"])
# "Row" of a table or a matrix is the right word there.
MATRIX_ROWS = ("row = true class", "Rows are the true classes")
PLACEHOLDER = r"\{[^{}]*\}"  # a template's field ("{rows}×{columns} pixels") is code, not a word shown
FOR_PROGRAMMERS = {"ValueError", "TypeError", "RuntimeError", "KeyError", "IndexError", "AssertionError"}


def shown_strings(path: Path) -> list[tuple[int, str]]:
    """(line, text) of each string literal in ``path`` that can reach a person: not a docstring, not an
    identifier-like key, not the message of an exception only a programmer sees."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and body \
                and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            skipped.add(id(body[0].value))
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) \
                and getattr(node.exc.func, "id", None) in FOR_PROGRAMMERS:
            skipped.update(id(inner) for inner in ast.walk(node.exc))
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped
            and not re.fullmatch(r"[a-z0-9_]*", node.value)]


def test_the_window_the_lab_and_the_doctor_use_the_glossarys_words():
    assert len(SOURCES) > 30  # the scan sees the modules it is meant to
    found = []
    for path in SOURCES:
        for line, text in shown_strings(path):
            if any(phrase in text for phrase in MATRIX_ROWS):
                continue
            found += [f"{path.relative_to(PACKAGE)}:{line}: {word!r} (say {NOT_USED[word.lower()]!r})"
                      for word in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", re.sub(PLACEHOLDER, " ", text))
                      if word.lower() in NOT_USED]
    assert found == []


def test_the_scan_finds_a_synonym_where_one_is_written(tmp_path):
    module = tmp_path / "texts.py"
    module.write_text('"""Rows of a docstring are not shown."""\n'
                      'LABEL = "Average the gradient over the rows"\n'
                      'def check(x):\n    raise ValueError(f"{x} rows")\n')
    assert [text for _, text in shown_strings(module)] == ["Average the gradient over the rows"]


def test_every_word_the_glossary_avoids_points_at_one_it_uses():
    used = {word for term in TERMS for word in term.split()} | {"mini-batches", "images", "units", "epochs",
                                                                "initialisation", "steps"}
    for instead in NOT_USED.values():
        assert set(instead.replace(" or ", " ").split()) <= used, instead
