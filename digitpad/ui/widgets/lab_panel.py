"""The learning lab panel: pick a preset, predict, run, read why; tick fixes, run again.

A tick always means the same thing: that fix is applied (a bug box ticked is
the bug removed). Alternatives (toggles sharing a ``choice``, such as two
optimizers) are one combo box, so at most one of them is picked. The story's
cause stays hidden until a run of the preset has ended: predict, run, reveal.
The panel only builds :class:`~digitpad.lab.pitfalls.LabRun` s and emits
them; whoever owns the training session runs them and reports back through
:meth:`LabPanel.show_progress`, :meth:`LabPanel.show_status` and
:meth:`LabPanel.reveal`.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.data import registry
from digitpad.lab.mistakes import MISTAKES
from digitpad.lab.pitfalls import PITFALLS, LabRun, Pitfall, Toggle, get_pitfall
from digitpad.training.settings import RunSettings
from digitpad.ui.base.i18n import fill, listed, render, translate
from digitpad.ui.widgets.settings_fields import HEAD_TEXT, OPTIMIZER_TEXT

GROUPS = (("bug", "labBugs", QT_TRANSLATE_NOOP("LabPanel", "Bugs (tick to fix)"),
           QT_TRANSLATE_NOOP("LabPanel", "Deliberate mistakes in this setup. Tick one to remove that bug.")),
          ("fix", "labFixes", QT_TRANSLATE_NOOP("LabPanel", "Fixes (tick to apply)"),
           QT_TRANSLATE_NOOP("LabPanel", "Changes that remove a cause of the failure. Tick to apply.")),
          ("tuning", "labTuning", QT_TRANSLATE_NOOP("LabPanel", "Tuning (tick to apply)"),
           QT_TRANSLATE_NOOP("LabPanel", "Settings that are not bugs but still decide the result. Tick to apply.")))
PREDICT = QT_TRANSLATE_NOOP("LabPanel", "What do you expect to see? Run the failing setup; why it fails is explained "
                                        "here once it has run.")
# The words of a choice's combo box (toggles sharing a ``choice``): its first item, which keeps the setup's, and
# that item's tooltip.
CHOICE_TEXT = {"optimizer": (QT_TRANSLATE_NOOP("LabPanel", "Optimizer as in the setup"),
                             QT_TRANSLATE_NOOP("LabPanel", "Keep the setup's optimizer; or pick one of the "
                                                           "alternatives, which exclude each other"))}

INIT_TEXT = {"uniform": "U(−1, 1)", "normal": "N(0, 0.01²)", "glorot": "Glorot", "he": "He"}


class LabPanel(QWidget):
    """Pitfall chooser, story, toggles grouped by kind, the three run buttons and the run's own controls."""

    run_requested = Signal(object)  # a LabRun
    pause_requested = Signal()      # pause, or resume a paused run
    stop_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labPanel")
        self._checks: dict[str, QCheckBox] = {}
        self._choices: dict[str, QComboBox] = {}
        self._revealed: set[str] = set()
        self.preset_combo = QComboBox(objectName="labPresetCombo", toolTip=translate(
            "LabPanel", "A complete setup that reproduces a classic way training fails"))
        for i, preset in enumerate(PITFALLS.values()):
            self.preset_combo.addItem(render(preset.title), preset.name)
            self.preset_combo.setItemData(i, render(preset.summary), Qt.ItemDataRole.ToolTipRole)
        self.story = QLabel(objectName="labStory", wordWrap=True, toolTip=translate(
            "LabPanel", "The setup; what goes wrong and why shows once it has run"))
        self.summary = QLabel(objectName="labSummary", wordWrap=True, toolTip=translate(
            "LabPanel", "The settings the next run will use, with the ticks as they are now"))
        self.summary.setStyleSheet("color: palette(placeholder-text);")
        self.groups: dict[str, QGroupBox] = {}
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 6, 0)
        column.addWidget(self.story)
        for kind, name, title, tip in GROUPS:
            group = QGroupBox(render(title), objectName=name, toolTip=render(tip))
            QVBoxLayout(group)
            self.groups[kind] = group
            column.addWidget(group)
        column.addWidget(self.summary)
        column.addStretch(1)
        # Stories are a paragraph long: scroll rather than clip them when the panel is short.
        self._scroll = scroll = QScrollArea(widgetResizable=True, frameShape=QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preset_combo)
        layout.addWidget(scroll, 1)
        layout.addLayout(self._buttons())
        layout.addLayout(self._run_controls())
        self.preset_combo.currentIndexChanged.connect(self._show_preset)
        self._show_preset()
        self.set_running(False)

    def _buttons(self) -> QHBoxLayout:
        self.failing_button = QPushButton(translate("LabPanel", "Run failing setup"), objectName="labRunFailingButton",
                                          toolTip=translate("LabPanel", "Untick every fix (every bug back in) and run "
                                                                        "the setup exactly as it fails"))
        self.ticked_button = QPushButton(translate("LabPanel", "Run with ticked fixes"),
                                         objectName="labRunTickedButton",
                                         toolTip=translate("LabPanel", "Run with the boxes as they are ticked now"))
        self.all_button = QPushButton(translate("LabPanel", "Apply all fixes"), objectName="labApplyAllButton",
                                      toolTip=translate("LabPanel", "Tick every fix (of alternatives, the last one) "
                                                                    "and run"))
        self.failing_button.clicked.connect(lambda: self._run_with(()))
        self.ticked_button.clicked.connect(lambda: self.run_requested.emit(self.lab_run()))
        self.all_button.clicked.connect(lambda: self._run_with(self.preset().all_fixes))
        row = QHBoxLayout()
        for button in (self.failing_button, self.ticked_button, self.all_button):
            row.addWidget(button)
        return row

    def _run_controls(self) -> QVBoxLayout:
        self.pause_button = QPushButton(translate("LabPanel", "Pause"), objectName="labPauseButton",
                                        toolTip=translate("LabPanel", "Pause or resume the run; takes effect within "
                                                                      "one batch (F6)"))
        self.stop_button = QPushButton(translate("LabPanel", "Stop"), objectName="labStopButton",
                                       toolTip=translate("LabPanel", "Stop the run after the current batch (Shift+F5)"))
        self.pause_button.clicked.connect(self.pause_requested)
        self.stop_button.clicked.connect(self.stop_requested)
        self.progress = QProgressBar(objectName="labProgress", textVisible=True, toolTip=translate(
            "LabPanel", "Progress of the run: epochs, batches and time left"))
        self.status = QLabel(translate("LabPanel", "Ready"), objectName="labStatus", wordWrap=True)
        row = QHBoxLayout()
        row.addWidget(self.pause_button)
        row.addWidget(self.stop_button)
        row.addStretch(1)
        column = QVBoxLayout()
        column.addLayout(row)
        column.addWidget(self.progress)  # a row of its own: "epoch 10/10 · batch 1875/1875 · 0 s left" fits
        column.addWidget(self.status)
        return column

    # -- public API ----------------------------------------------------------
    def preset(self) -> Pitfall:
        """The preset shown."""
        return PITFALLS[self.preset_combo.currentData()]

    def set_preset(self, name: str) -> None:
        """Show the preset called ``name`` with its failing ticks; ConfigError for an unknown name."""
        self.preset_combo.setCurrentIndex(self.preset_combo.findData(get_pitfall(name).name))

    def lab_run(self) -> LabRun:
        """The run the ticks describe: ticked bugs removed, ticked fixes and tuning applied."""
        return self.preset().run_for(self.enabled())

    def enabled(self) -> list[str]:
        """Names of the toggles in effect: the ticked boxes and the alternatives picked."""
        names = {name for name, check in self._checks.items() if check.isChecked()}
        names |= {combo.currentData() for combo in self._choices.values() if combo.currentData()}
        return [t.name for t in self.preset().toggles if t.name in names]

    def check_box(self, toggle: str) -> QCheckBox:
        """The checkbox of one toggle of the shown preset (not of an alternative: see :meth:`choice_box`)."""
        return self._checks[toggle]

    def choice_box(self, choice: str) -> QComboBox:
        """The combo box of the shown preset's alternatives called ``choice`` (e.g. "optimizer")."""
        return self._choices[choice]

    def apply_toggles(self, names: Iterable[str]) -> None:
        """Tick (or pick) the shown preset's toggles ``names``, leaving the others as they are."""
        for name in names:
            toggle = self.preset().toggle(name)
            if toggle.choice:
                combo = self._choices[toggle.choice]
                combo.setCurrentIndex(combo.findData(name))
            else:
                self._checks[name].setChecked(True)

    def reveal(self, preset: str) -> None:
        """A run of ``preset`` has ended: from now on its story says what went wrong and why."""
        self._revealed.add(preset)
        if self.preset().name == preset:
            self._show_story()

    def set_running(self, running: bool) -> None:
        """Lock the choices while a run trains (one run at a time); Pause and Stop act on it."""
        for widget in (self.preset_combo, self.failing_button, self.ticked_button, self.all_button,
                       *self.groups.values()):
            widget.setEnabled(not running)
        self.pause_button.setEnabled(running)
        self.stop_button.setEnabled(running)
        self.set_paused(False)

    def set_paused(self, paused: bool) -> None:
        self.pause_button.setText(translate("LabPanel", "Resume") if paused else translate("LabPanel", "Pause"))

    def show_status(self, text: str) -> None:
        """The run's state in one line under the progress bar."""
        self.status.setText(text)

    def show_progress(self, done: int, total: int, text: str) -> None:
        """``done`` of ``total`` steps with ``text`` on the bar; marks it for the next repaint rather than
        repainting at once (see ``TrainingPanel.show_progress``)."""
        self.progress.setUpdatesEnabled(False)
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.progress.setFormat(text)
        self.progress.setUpdatesEnabled(True)

    # -- internals -----------------------------------------------------------
    def _show_preset(self) -> None:
        preset = self.preset()
        self._show_story()
        for widget in (*self._checks.values(), *self._choices.values()):
            widget.setParent(None)  # Python now owns it: dropping the reference below deletes it at once
        self._checks.clear()
        self._choices.clear()
        for toggle in preset.toggles:
            layout = self.groups[toggle.kind].layout()
            if not toggle.choice:
                self._checks[toggle.name] = check = _toggle_box(toggle)
                check.toggled.connect(self._update_summary)
                layout.addWidget(check)
            elif toggle.choice not in self._choices:
                self._choices[toggle.choice] = combo = _choice_box(preset, toggle.choice)
                combo.currentIndexChanged.connect(self._update_summary)
                layout.addWidget(combo)
        for kind, group in self.groups.items():
            group.setVisible(any(t.kind == kind for t in preset.toggles))
        content = self._scroll.widget()
        self._scroll.setMinimumWidth(content.minimumSizeHint().width()
                                     + self._scroll.verticalScrollBar().sizeHint().width())
        self._update_summary()

    def _show_story(self) -> None:
        preset = self.preset()
        # The setup and the question are paragraphs of their own, a blank line apart.
        self.story.setText(render(preset.story) if preset.name in self._revealed
                           else f"{render(preset.setup)}\n\n{render(PREDICT)}")

    def _run_with(self, names: Iterable[str]) -> None:
        """Set the ticks to exactly ``names`` and run."""
        for check in self._checks.values():
            check.setChecked(False)
        for combo in self._choices.values():
            combo.setCurrentIndex(0)
        self.apply_toggles(names)
        self.run_requested.emit(self.lab_run())

    def _update_summary(self) -> None:
        run = self.lab_run()
        bugs = listed(render(MISTAKES[name].title).lower() for name in sorted(run.mistakes))
        parts = [settings_summary(run.settings)]
        if bugs:
            parts.append(fill(translate("LabPanel", "bugs in the code: {bugs}"), bugs=bugs))
        self.summary.setText(" · ".join(parts))
        for combo in self._choices.values():
            combo.setToolTip(combo.currentData(Qt.ItemDataRole.ToolTipRole))


def _toggle_box(toggle: Toggle) -> QCheckBox:
    label = render(toggle.label)
    text = fill(translate("LabPanel", "Fix the bug: {bug}"), bug=label) if toggle.kind == "bug" else label
    return QCheckBox(text, objectName=f"labToggle_{toggle.name}", toolTip=render(toggle.explanation))


def _choice_box(preset: Pitfall, choice: str) -> QComboBox:
    """The alternatives sharing ``choice``: none of them (as the setup has it) or exactly one."""
    combo = QComboBox(objectName=f"labChoice_{choice}")
    keep, tip = CHOICE_TEXT[choice]
    combo.addItem(render(keep), None)
    combo.setItemData(0, render(tip), Qt.ItemDataRole.ToolTipRole)
    for toggle in preset.toggles:
        if toggle.choice == choice:
            combo.addItem(render(toggle.label), toggle.name)
            combo.setItemData(combo.count() - 1, render(toggle.explanation), Qt.ItemDataRole.ToolTipRole)
    return combo


def settings_summary(s: RunSettings) -> str:
    """One line a learner can compare between runs: data, network, and how it is trained, each a phrase of its
    own between " · "."""
    data = render(registry.title(s.dataset))
    init = INIT_TEXT.get(s.init, s.init)
    batch = (translate("LabPanel", "full batch") if s.batch_size == 0
             else fill(translate("LabPanel", "batches of {size}"), size=s.batch_size))
    gradient = (translate("LabPanel", "gradient summed") if s.sum_gradient
                else translate("LabPanel", "gradient averaged"))
    parts = [fill(translate("LabPanel", "first {images:,} images of {data}"), images=s.subset, data=data) if s.subset
             else fill(translate("LabPanel", "all of {data}"), data=data),
             fill(translate("LabPanel", "hidden {hidden} {activation}"), hidden=s.hidden, activation=s.activation),
             translate("LabPanel", "1 output = label/10") if s.regression
             else render(HEAD_TEXT.get(s.head, s.head)),
             fill(translate("LabPanel", "{init} init"), init=init) if s.bias
             else fill(translate("LabPanel", "{init} init, no bias"), init=init),
             translate("LabPanel", "inputs in [0, 1]") if s.scale_inputs else translate("LabPanel", "inputs raw"),
             fill(translate("LabPanel", "{optimizer} lr {lr:g}, {batch}, {gradient}"), optimizer=render(OPTIMIZER_TEXT.get(s.optimizer, s.optimizer)), lr=s.lr,
                  batch=batch, gradient=gradient),
             fill(translate("LabPanel", "{epochs:,} epochs"), epochs=s.epochs)]
    if s.validation:
        parts.append(fill(translate("LabPanel", "{share:.0%} held out"), share=s.validation))
    return " · ".join(parts)
