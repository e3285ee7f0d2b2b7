"""Texts for the window in the person's language: translated templates filled with numbers in the locale's format.

Every text a widget shows goes through here (see docs/translations.md):

- ``translate(context, source)`` is ``QCoreApplication.translate``; write the
  context and the English source as literals, so ``pyside6-lupdate`` finds them.
- ``fill(template, **fields)`` is ``str.format`` whose numbers take the locale's
  decimal point and group separator (``0,05`` in Russian), so a sentence is one
  translated template, never glued fragments.
- ``render(message)`` translates what a core module wrote with
  :func:`digitpad.common.text.QT_TRANSLATE_NOOP` (the doctor, the lab, errors).
- ``number``, ``general``, ``percent`` format one number the same way; ``listed`` joins a list.
"""

from __future__ import annotations

import string
from collections.abc import Iterable
from numbers import Number
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from digitpad.common.text import Message, Template, Text

translate = QCoreApplication.translate


class _LocaleFormatter(string.Formatter):
    """str.format, with the locale's decimal point and group separator in every number."""

    def format_field(self, value: Any, format_spec: str) -> str:
        text = format(value, format_spec)
        if isinstance(value, Number) and not isinstance(value, bool):
            return _localise_digits(text)
        return text


def _localise_digits(text: str) -> str:
    locale = QLocale()
    point, group = locale.decimalPoint(), locale.groupSeparator()
    if point == "." and group == ",":
        return text
    return text.translate(str.maketrans({".": point, ",": group}))


_FORMATTER = _LocaleFormatter()


def fill(template: str, /, **fields: Any) -> str:
    """``template.format(**fields)`` with numbers in the locale's format (decimal comma in Russian)."""
    return _FORMATTER.format(template, **fields)


def render(message: Message) -> str:
    """The person's-language text of a core module's sentence; a plain ``str`` is shown as it is."""
    if isinstance(message, Text):
        fields = {name: render(value) if isinstance(value, (Text, Template)) else value
                  for name, value in message.fields.items()}
        return fill(translate(message.template.context, message.template), **fields)
    if isinstance(message, Template):
        return translate(message.context, message)
    return message


def listed(items: Iterable[str]) -> str:
    """``items`` as a list inside a sentence: "a, b, c" (Chinese: "a、b、c")."""
    return translate("Lists", ", ", "between the items of a list").join(items)


def error_text(error: BaseException) -> str:
    """What to show of ``error`` in a dialog: its translated sentence when it has one, else its English words."""
    text = getattr(error, "text", None)
    return render(text) if text else str(error)


def number(value: float, decimals: int) -> str:
    """``value`` with ``decimals`` digits after the locale's decimal point."""
    return fill("{value:.{decimals}f}", value=float(value), decimals=decimals)


def general(value: float, digits: int = 3) -> str:
    """``value`` to ``digits`` significant digits (``{:.3g}``), in the locale's format."""
    return fill("{value:.{digits}g}", value=float(value), digits=digits)


def percent(fraction: float, decimals: int = 0) -> str:
    """``fraction`` (0.5) as a percentage ("50%"), in the locale's format."""
    return fill("{value:.{decimals}%}", value=float(fraction), decimals=decimals)


def localised(number_text: str) -> str:
    """A number already written out ("0.05", a plot's tick label) with the locale's decimal point and group
    separator ("0,05" in Russian)."""
    return _localise_digits(number_text)
