"""The error types digitpad raises for things a user can cause.

Every loader, parser and validator raises a subclass of :class:`DigitpadError`
with a message that says what is wrong in plain words, so the CLI can print one
line and the GUI can show one dialog instead of a traceback.
"""

from __future__ import annotations


class DigitpadError(Exception):
    """Base class: a problem the user can understand and fix."""


class DataError(DigitpadError):
    """A dataset file is missing, corrupt, or cannot be downloaded."""


class ModelFileError(DigitpadError):
    """A model file is not a valid digitpad model."""


class ConfigError(DigitpadError):
    """A training or network setting is invalid.

    ``field`` names the setting (e.g. ``"lr"``, ``"hidden"``) so a form can
    show the message next to it; None when no single setting is to blame.
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field
