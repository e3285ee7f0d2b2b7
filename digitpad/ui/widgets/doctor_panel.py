"""The training doctor's view: what is wrong with the run, in plain words, with one-click fixes.

:class:`DoctorPanel` lists the current :class:`~digitpad.training.doctor.Diagnosis`
objects, problems first, each with its explanation, what to do and, when one
settings change is the fix, that change in words and an "Apply" button that
emits it; once clicked, the card says what was applied. The window feeds it
from the Doctor's ``on_diagnoses`` through a queued signal.

Every text wraps to the panel's width (there is no sideways scrolling), and a
list equal to the one shown changes no widget, so the cards move only when
what they say changes. While the pointer is on a card, ``pointed`` names the
epochs it speaks of, for the loss plot to shade (:func:`epoch_span`).

Severity colours are tints mixed into the palette's Base colour, and text
keeps the palette's Text colour, so rows read on light and dark desktops and
are restyled when the palette changes.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.training.diagnosis import Diagnosis
from digitpad.ui.base.i18n import fill, listed, render, translate
from digitpad.ui.widgets.settings_fields import HEAD_TEXT, OPTIMIZER_TEXT

# Red and amber of middle lightness: distinct from each other on white and dark grey, and for most colour-blind eyes
# also by the icon beside them.
SEVERITY_COLOURS = {"problem": "#d64541", "warning": "#e0a030"}
# How much of the severity colour goes into a row's background: a tint, never a block of colour behind text.
TINT = 0.14
ICON_SIZE = 22
STRIPE = 4  # width in pixels of the severity stripe on a row's left edge
SEVERITY_TEXT = {"problem": QT_TRANSLATE_NOOP("DoctorPanel", "problem"),
                 "warning": QT_TRANSLATE_NOOP("DoctorPanel", "warning")}
# RunSettings fields by the Train tab's row labels (or, for a check box, the words its text starts with); a field not
# here (none a doctor's fix sets) is named as written, with spaces: "momentum", "epochs".
FIELD_TEXT = {"lr": QT_TRANSLATE_NOOP("DoctorPanel", "learning rate"),
              "init": QT_TRANSLATE_NOOP("DoctorPanel", "initialiser"),
              "scale_inputs": QT_TRANSLATE_NOOP("DoctorPanel", "scale inputs"),
              "sum_gradient": QT_TRANSLATE_NOOP("DoctorPanel", "sum the gradient"),
              "head": QT_TRANSLATE_NOOP("DoctorPanel", "output + loss"),
              "hidden": QT_TRANSLATE_NOOP("DoctorPanel", "hidden layers"),
              "subset": QT_TRANSLATE_NOOP("DoctorPanel", "images"),
              "shift": QT_TRANSLATE_NOOP("DoctorPanel", "random shift"),
              "batch_size": QT_TRANSLATE_NOOP("DoctorPanel", "batch size"),
              "weight_decay": QT_TRANSLATE_NOOP("DoctorPanel", "weight decay"),
              "activation": QT_TRANSLATE_NOOP("DoctorPanel", "activation"),
              "regression": QT_TRANSLATE_NOOP("DoctorPanel", "regression"),
              "optimizer": QT_TRANSLATE_NOOP("DoctorPanel", "optimizer")}
# Values as the Train tab's lists show them.
VALUE_TEXT = {"head": HEAD_TEXT, "optimizer": OPTIMIZER_TEXT}


def describe_fix(fix: dict[str, object]) -> str:
    """A settings change in the Train tab's words, booleans as on/off:
    ``{"lr": 0.005, "scale_inputs": True}`` → ``"learning rate → 0.005, scale inputs → on"``.

    For anything that tells a learner what a fix changes (a doctor card, a status line).
    """
    return listed(fill(translate("DoctorPanel", "{setting} → {value}"), setting=_setting(name),
                       value=_shown(name, value)) for name, value in fix.items())


def epoch_span(diagnosis: Diagnosis) -> tuple[int, int | None]:
    """The epochs ``diagnosis`` speaks of, as ``(first, last)`` on the plots' epoch axis: its stretch of the curve
    (``epochs``; 0 is the first batch), or from the epoch it was first seen to the latest (``last`` None)."""
    return diagnosis.epochs if diagnosis.epochs else (diagnosis.epoch, None)


def _setting(name: str) -> str:
    return render(FIELD_TEXT[name]) if name in FIELD_TEXT else name.replace("_", " ")


def _shown(name: str, value: object) -> str:
    if isinstance(value, bool):
        return translate("DoctorPanel", "on") if value else translate("DoctorPanel", "off")
    if isinstance(value, float):
        return fill("{value:g}", value=value)
    if value in VALUE_TEXT.get(name, {}):
        return render(VALUE_TEXT[name][value])
    return str(value).replace("_", " ")  # a setting's value as written: "leaky relu", "he"


class DoctorPanel(QWidget):
    """The current diagnoses, or a note of what is being watched when there are none."""

    fix_requested = Signal(dict)  # RunSettings field → new value, from a row's Apply button
    pointed = Signal(object)  # (first, last) epochs of the card under the pointer (epoch_span), None when it leaves

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("doctorPanel")
        self.setToolTip(translate("DoctorPanel", "The training doctor: problems it sees in the current run, why "
                                                 "they happen, and what to change."))
        self._diagnoses: list[Diagnosis] = []
        self._applied: set[tuple] = set()  # the fixes applied since the list was last empty (_fix_key)
        self.rows: list[DiagnosisRow] = []
        self.empty = _label(translate(
            "DoctorPanel", "<b>No problems seen</b><br>While you train, the doctor watches the loss, each layer's "
                           "gradient size and, after every epoch, how the hidden units respond to a fixed batch of "
                           "training images. It speaks up about a loss that is flat, rising or stuck at chance, "
                           "outputs that ignore the image, saturated or dead units, and gradients that vanish or "
                           "explode."),
            "doctorEmpty", rich=True)
        self.empty.setMargin(8)
        host = QWidget()
        self._list = QVBoxLayout(host)
        self._list.setContentsMargins(0, 0, 0, 0)
        self._list.addWidget(self.empty)
        self._list.addStretch(1)
        # Text wraps to the viewport's width: nothing needs a sideways scroll bar, and one would hide cut text.
        self.scroll = QScrollArea(objectName="doctorScroll", widgetResizable=True, frameShape=QFrame.Shape.NoFrame,
                                  horizontalScrollBarPolicy=Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(host)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)

    def diagnoses(self) -> list[Diagnosis]:
        """What the panel shows, in order."""
        return list(self._diagnoses)

    def set_diagnoses(self, diagnoses: Sequence[Diagnosis]) -> None:
        """Show ``diagnoses`` (in the order given) instead of what was shown; empty shows the watched-for note.

        A list equal to the one shown changes nothing. The same problems with new numbers (a run goes on)
        update their rows in place, each only where its text changed: rebuilding the rows at every epoch of a
        long run kept the GUI thread busy, and every changed text reflows its card. An empty list (a new run
        starts) forgets which fixes were applied.
        """
        diagnoses = list(diagnoses)
        if diagnoses == self._diagnoses:
            return
        if not diagnoses:
            self._applied.clear()
        if _shape(diagnoses) == _shape(self._diagnoses):
            self._diagnoses = diagnoses
            for row, diagnosis in zip(self.rows, diagnoses):
                row.show_diagnosis(diagnosis, self._was_applied(diagnosis))
                if row.underMouse():  # the stretch it speaks of may have grown
                    self.pointed.emit(epoch_span(diagnosis))
            return
        for row in self.rows:
            self._list.removeWidget(row)
            row.deleteLater()
        if any(row.underMouse() for row in self.rows):
            self.pointed.emit(None)  # the card under the pointer goes, and the plot's shading with it
        self._diagnoses = diagnoses
        self.rows = [DiagnosisRow(d, self._was_applied(d)) for d in self._diagnoses]
        for i, row in enumerate(self.rows):
            row.fix_requested.connect(self._apply)
            row.pointed.connect(self.pointed)
            self._list.insertWidget(i, row)
        self.empty.setVisible(not self.rows)

    def set_applied(self, fix: dict, applied: bool = True) -> None:
        """Mark the cards whose fix is ``fix`` as applied (button "Applied ✓", disabled), or no longer so.

        A click on Apply marks its card before ``fix_requested`` is emitted, so a receiver that cannot apply
        the fix takes the mark back with ``set_applied(fix, False)``.
        """
        if applied:
            self._applied.add(_fix_key(fix))
        else:
            self._applied.discard(_fix_key(fix))
        for row in self.rows:
            if row.diagnosis.fix == fix:
                row.show_diagnosis(row.diagnosis, applied)

    def _apply(self, fix: dict) -> None:
        self.set_applied(fix)
        self.fix_requested.emit(dict(fix))  # a copy: the receiver may change it

    def _was_applied(self, diagnosis: Diagnosis) -> bool:
        return diagnosis.fix is not None and _fix_key(diagnosis.fix) in self._applied


class DiagnosisRow(QWidget):
    """One diagnosis: severity icon and title, explanation, what to do, and the fix with its Apply button if there
    is one; once applied, the button reads "Applied ✓" (disabled) and the fix "Applied: …"."""

    fix_requested = Signal(dict)
    pointed = Signal(object)  # epoch_span(diagnosis) as the pointer enters, None as it leaves

    def __init__(self, diagnosis: Diagnosis, applied: bool = False) -> None:
        super().__init__()
        self.diagnosis = d = diagnosis
        self.setObjectName(f"diagnosis_{d.code}")
        self.setToolTip(translate("DoctorPanel", "The loss plot shades the epochs this card speaks of while the "
                                                 "pointer is on it."))
        icon = QStyle.StandardPixmap.SP_MessageBoxCritical if d.severity == "problem" \
            else QStyle.StandardPixmap.SP_MessageBoxWarning
        badge = QLabel(objectName="severityIcon")
        badge.setPixmap(self.style().standardIcon(icon).pixmap(ICON_SIZE, ICON_SIZE))
        badge.setFixedSize(ICON_SIZE, ICON_SIZE)
        badge.setToolTip(translate("DoctorPanel", "A problem: training cannot work like this.")
                         if d.severity == "problem"
                         else translate("DoctorPanel", "A warning: training works, but less well than it could."))
        self.title = _label("", "diagnosisTitle", rich=True)
        self.explanation = _label("", "diagnosisExplanation")
        self.suggestion = _label("", "diagnosisSuggestion", rich=True)
        text = QVBoxLayout()
        text.setSpacing(4)
        for widget in (self.title, self.explanation, self.suggestion):
            text.addWidget(widget)
        self.apply_button = self.change = None
        if d.fix is not None:
            self.apply_button = QPushButton(objectName=f"applyFix_{d.code}")
            self.apply_button.clicked.connect(self._apply)
            self.change = _label("", "diagnosisFix")
            fix_row = QHBoxLayout()
            fix_row.addWidget(self.apply_button, 0, Qt.AlignmentFlag.AlignTop)
            fix_row.addWidget(self.change, 1)
            text.addLayout(fix_row)
        self.show_diagnosis(d, applied)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(STRIPE + 8, 8, 10, 8)
        layout.addWidget(badge, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(text, 1)

    @property
    def applied(self) -> bool:
        """Whether this row's fix has been applied (its button is then disabled)."""
        return self.apply_button is not None and not self.apply_button.isEnabled()

    def show_diagnosis(self, diagnosis: Diagnosis, applied: bool = False) -> None:
        """Show ``diagnosis``, which has this row's code and severity (its numbers may be new); ``applied`` says
        its fix was applied."""
        self.diagnosis = d = diagnosis
        # The card's tags, each a value of its own: severity, the epochs it speaks of, the layer concerned.
        tags = [render(SEVERITY_TEXT[d.severity]), _epochs_text(d.epochs) if d.epochs
                else fill(translate("DoctorPanel", "since epoch {epoch}"), epoch=d.epoch)]
        if d.layer:
            tags.append(fill(translate("DoctorPanel", "layer {layer}"), layer=d.layer))
        self.title.setText(f"<b>{html.escape(render(d.title))}</b>&nbsp;&nbsp;<small>{' · '.join(tags)}</small>")
        self.explanation.setText(render(d.explanation))
        self.suggestion.setText(fill(translate("DoctorPanel", "<b>What to do:</b> {suggestion}"),
                                     suggestion=html.escape(render(d.suggestion))))
        if self.apply_button is not None:
            change = describe_fix(d.fix)
            self.apply_button.setText(translate("DoctorPanel", "Applied ✓") if applied
                                      else translate("DoctorPanel", "Apply"))
            self.apply_button.setEnabled(not applied)
            self.apply_button.setToolTip(fill(translate("DoctorPanel", "Set {change} in the Train tab; the change "
                                                                       "takes effect on the next run."), change=change))
            self.change.setText(fill(translate("DoctorPanel", "Applied: {change}."), change=change) if applied
                                else fill(translate("DoctorPanel", "Fix: {change}"), change=change))

    def _apply(self) -> None:
        self.fix_requested.emit(dict(self.diagnosis.fix))

    def enterEvent(self, event) -> None:
        super().enterEvent(event)
        self.pointed.emit(epoch_span(self.diagnosis))

    def leaveEvent(self, event) -> None:
        super().leaveEvent(event)
        self.pointed.emit(None)

    def paintEvent(self, event: QPaintEvent) -> None:
        # Painted from the palette on every paint, so a palette change restyles the row by itself.
        base = self.palette().color(QPalette.ColorRole.Base)
        accent = QColor(SEVERITY_COLOURS[self.diagnosis.severity])
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor.fromRgbF(*(b + TINT * (a - b) for a, b in zip(accent.getRgbF()[:3],
                                                                              base.getRgbF()[:3]))))
        painter.drawRoundedRect(QRectF(self.rect()), 4, 4)
        painter.setBrush(accent)
        painter.drawRoundedRect(QRectF(0, 0, STRIPE, self.height()), 2, 2)


def _epochs_text(epochs: tuple[int, int]) -> str:
    first, last = epochs
    if first:
        return fill(translate("DoctorPanel", "epochs {first}–{last}"), first=first, last=last)
    return fill(translate("DoctorPanel", "first batch to epoch {last}"), last=last)


def _fix_key(fix: dict[str, object]) -> tuple:
    return tuple(sorted((name, repr(value)) for name, value in fix.items()))


def _shape(diagnoses: Sequence[Diagnosis]) -> list[tuple[str, str, bool]]:
    """What decides a row's widgets: the code, the severity and whether there is a fix to apply."""
    return [(d.code, d.severity, d.fix is not None) for d in diagnoses]


def _label(text: str, object_name: str, rich: bool = False) -> QLabel:
    label = QLabel(text, objectName=object_name)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
