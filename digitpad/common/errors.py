"""The error types digitpad raises for things a user can cause.

Every loader, parser and validator raises a subclass of :class:`DigitpadError`
with a message that says what is wrong in plain words, so the CLI can print one
line and the GUI can show one dialog instead of a traceback. A message given
as a :class:`~digitpad.common.text.Text` (or a marked template) is kept as
``text``, so the window shows it in the person's language while ``str()``
stays English.
"""

from __future__ import annotations

from digitpad.common.text import Message


class DigitpadError(Exception):
    """Base class: a problem the user can understand and fix."""

    def __init__(self, message: Message = "") -> None:
        super().__init__(str(message))
        self.text: Message = message


class DataError(DigitpadError):
    """A dataset file is missing, corrupt, or cannot be downloaded."""


class ModelFileError(DigitpadError):
    """A model file is not a valid digitpad model."""


class ConfigError(DigitpadError):
    """A training or network setting is invalid.

    ``field`` names the setting (e.g. ``"lr"``, ``"hidden"``) so a form can
    show the message next to it; None when no single setting is to blame.
    """

    def __init__(self, message: Message, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field

