"""What the window asks a person to draw, from the current model's classes.

A Fashion-MNIST model reads clothing, so the canvas must not ask for a digit:
every "Draw …" text in the window comes from :func:`subject`.
"""

from __future__ import annotations

from collections.abc import Sequence

from digitpad.data.dataset import DIGIT_NAMES, FASHION_NAMES

KNOWN = {DIGIT_NAMES: "a digit", FASHION_NAMES: "a piece of clothing"}
MAX_LISTED = 4  # classes named in "one of …" before "…"


def subject(class_names: Sequence[str]) -> str:
    """What to draw for a model with these classes: "a digit", "a piece of clothing" or "one of: A, B, C"."""
    names = tuple(class_names)
    if names in KNOWN:
        return KNOWN[names]
    listed = ", ".join(names[:MAX_LISTED]) + (", …" if len(names) > MAX_LISTED else "")
    return f"one of: {listed}"


def draw_prompt(class_names: Sequence[str]) -> str:
    """E.g. "Draw a digit", "Draw a piece of clothing"."""
    return f"Draw {subject(class_names)}"
