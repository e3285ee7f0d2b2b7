"""What the window asks a person to draw, from the current model's classes.

A Fashion-MNIST model reads clothing, so the canvas must not ask for a digit:
every "Draw …" text in the window comes from :func:`draw_prompt`.
"""

from __future__ import annotations

from collections.abc import Sequence

from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.data.dataset import DIGIT_NAMES, FASHION_NAMES
from digitpad.ui.base.i18n import fill, render, translate

KNOWN = {DIGIT_NAMES: QT_TRANSLATE_NOOP("Prompt", "Draw a digit"),
         FASHION_NAMES: QT_TRANSLATE_NOOP("Prompt", "Draw a piece of clothing")}
MAX_LISTED = 4  # classes named in "one of …" before "…"


def draw_prompt(class_names: Sequence[str]) -> str:
    """E.g. "Draw a digit", "Draw a piece of clothing", "Draw one of: A, B, C"."""
    names = tuple(class_names)
    if names in KNOWN:
        return render(KNOWN[names])
    listed = ", ".join(names[:MAX_LISTED]) + (", …" if len(names) > MAX_LISTED else "")
    return fill(translate("Prompt", "Draw one of: {classes}"), classes=listed)


def draw_tip(prompt: str) -> str:
    """The status line's tip for a prompt: "Draw a digit with the left mouse button; the right button erases."."""
    return fill(translate("Prompt", "{prompt} with the left mouse button; the right button erases."), prompt=prompt)
