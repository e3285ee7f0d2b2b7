"""Sentences the window shows translated and the CLI prints in English, written once in the core modules.

The core (training, lab, data, model) knows nothing of Qt, yet the doctor's
diagnoses, the lab's presets and the errors it raises are read in the
window in the person's language. So a sentence is kept as its English
template with named fields, never as glued fragments:

    QT_TRANSLATE_NOOP("Doctor", "Divide the learning rate by 10, from {lr:g} to {new:g}.").fill(lr=lr, new=lr / 10)

``pyside6-lupdate`` finds the template by that call's name and its two
literal arguments (keyword arguments hide a call from it, hence ``fill``).
``str()`` of the result is the English sentence; the window translates the
template in its context and fills the same fields
(:func:`digitpad.ui.base.i18n.render`), so word order may change.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Self


class Template(str):
    """An English template that remembers the translation context it was marked in."""

    context: str

    def __new__(cls, context: str, source: str) -> Self:
        template = super().__new__(cls, source)
        template.context = context
        return template

    def __reduce__(self) -> tuple:  # copy, deepcopy and pickle: str's own would drop the context
        return Template, (self.context, str(self))

    def fill(self, **fields: Any) -> Text:
        """The sentence this template makes with ``fields`` (numbers, names, or other :class:`Text`)."""
        return Text(self, fields)


def QT_TRANSLATE_NOOP(context: str, source: str) -> Template:  # the name pyside6-lupdate looks for
    """Mark ``source`` for translation in ``context``; the English template, to :meth:`Template.fill` or show."""
    return Template(context, source)


@dataclass(frozen=True)
class Text:
    """A template with its fields: English through ``str()``, the person's language through ``render``."""

    template: Template
    fields: Mapping[str, Any] = field(default_factory=dict)

    def __hash__(self) -> int:  # its fields are a dict; equal Texts say the same words
        return hash(str(self))

    def __str__(self) -> str:
        return self.template.format(**{name: str(value) if isinstance(value, (Text, Template)) else value
                                       for name, value in self.fields.items()})


Message = str | Text | Template
"""What a core module may hand the window as a sentence: plain (never translated), or marked for translation."""
