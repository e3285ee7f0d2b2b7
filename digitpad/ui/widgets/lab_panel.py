"""The learning lab panel: pick a preset, read its story, tick causes away, run.

Bugs are checkboxes that start ticked (the bug is present); fixes and tuning
start unticked. The panel only builds :class:`~digitpad.lab.pitfalls.LabRun` s
and emits them; whoever owns the training session runs them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from digitpad.data import registry
from digitpad.lab.mistakes import MISTAKES
from digitpad.lab.pitfalls import PITFALLS, LabRun, Pitfall, Toggle, get_pitfall
from digitpad.training.settings import RunSettings

GROUPS = (("bug", "labBugs", "Bugs (ticked = still in the code)",
           "Deliberate mistakes in this setup. Untick one to remove that bug."),
          ("fix", "labFixes", "Fixes", "Changes that remove a cause of the failure. Tick to apply."),
          ("tuning", "labTuning", "Tuning", "Settings that are not bugs but still decide the result. Tick to apply."))

INIT_TEXT = {"uniform": "U(−1, 1)", "normal": "N(0, 0.01²)", "glorot": "Glorot", "he": "He"}


class LabPanel(QWidget):
    """Pitfall chooser, story, toggles grouped by kind, and the three run buttons."""

    run_requested = Signal(object)  # a LabRun

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labPanel")
        self._checks: dict[str, QCheckBox] = {}
        self.preset_combo = QComboBox(objectName="labPresetCombo",
                                      toolTip="A complete setup that reproduces a classic way training fails")
        for i, preset in enumerate(PITFALLS.values()):
            self.preset_combo.addItem(preset.title, preset.name)
            self.preset_combo.setItemData(i, preset.summary, Qt.ItemDataRole.ToolTipRole)
        self.story = QLabel(objectName="labStory", wordWrap=True, toolTip="What you will see, and why")
        self.summary = QLabel(objectName="labSummary", wordWrap=True,
                              toolTip="The settings the next run will use, with the ticks as they are now")
        self.summary.setStyleSheet("color: palette(placeholder-text);")
        self.groups: dict[str, QGroupBox] = {}
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 6, 0)
        column.addWidget(self.story)
        for kind, name, title, tip in GROUPS:
            group = QGroupBox(title, objectName=name, toolTip=tip)
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
        self.preset_combo.currentIndexChanged.connect(self._show_preset)
        self._show_preset()

    def _buttons(self) -> QHBoxLayout:
        self.failing_button = QPushButton("Run failing setup", objectName="labRunFailingButton",
                                          toolTip="Put every bug back, untick every fix, and run the setup "
                                                  "exactly as it fails")
        self.ticked_button = QPushButton("Run with ticked fixes", objectName="labRunTickedButton",
                                         toolTip="Run with the boxes as they are ticked now")
        self.all_button = QPushButton("Apply all fixes", objectName="labApplyAllButton",
                                      toolTip="Remove every bug, tick every fix and tuning, and run")
        self.failing_button.clicked.connect(self._run_failing)
        self.ticked_button.clicked.connect(lambda: self.run_requested.emit(self.lab_run()))
        self.all_button.clicked.connect(self._run_all_fixes)
        row = QHBoxLayout()
        for button in (self.failing_button, self.ticked_button, self.all_button):
            row.addWidget(button)
        return row

    # -- public API ----------------------------------------------------------
    def preset(self) -> Pitfall:
        """The preset shown."""
        return PITFALLS[self.preset_combo.currentData()]

    def set_preset(self, name: str) -> None:
        """Show the preset called ``name`` with its failing ticks; ConfigError for an unknown name."""
        self.preset_combo.setCurrentIndex(self.preset_combo.findData(get_pitfall(name).name))

    def lab_run(self) -> LabRun:
        """The run the ticks describe: unticked bugs removed, ticked fixes and tuning applied."""
        return self.preset().run_for(self.enabled())

    def enabled(self) -> list[str]:
        """Names of the toggles in effect: bugs unticked, fixes and tuning ticked."""
        return [t.name for t in self.preset().toggles if self._checks[t.name].isChecked() != (t.kind == "bug")]

    def check_box(self, toggle: str) -> QCheckBox:
        """The checkbox of one toggle of the shown preset."""
        return self._checks[toggle]

    def set_running(self, running: bool) -> None:
        """Lock the panel while a lab run trains (one run at a time)."""
        for widget in (self.preset_combo, self.failing_button, self.ticked_button, self.all_button,
                       *self.groups.values()):
            widget.setEnabled(not running)

    # -- internals -----------------------------------------------------------
    def _show_preset(self) -> None:
        preset = self.preset()
        self.story.setText(preset.story)
        for check in self._checks.values():
            check.setParent(None)  # Python now owns it: dropping the reference below deletes it at once
        self._checks.clear()
        for toggle in preset.toggles:
            check = _toggle_box(toggle)
            check.toggled.connect(self._update_summary)
            self.groups[toggle.kind].layout().addWidget(check)
            self._checks[toggle.name] = check
        for kind, group in self.groups.items():
            group.setVisible(any(t.kind == kind for t in preset.toggles))
        content = self._scroll.widget()
        self._scroll.setMinimumWidth(content.minimumSizeHint().width()
                                     + self._scroll.verticalScrollBar().sizeHint().width())
        self._update_summary()

    def _set_ticks(self, all_fixed: bool) -> None:
        for toggle in self.preset().toggles:
            self._checks[toggle.name].setChecked(all_fixed != (toggle.kind == "bug"))

    def _run_failing(self) -> None:
        self._set_ticks(all_fixed=False)
        self.run_requested.emit(self.lab_run())

    def _run_all_fixes(self) -> None:
        self._set_ticks(all_fixed=True)
        self.run_requested.emit(self.lab_run())

    def _update_summary(self) -> None:
        run = self.lab_run()
        bugs = ", ".join(MISTAKES[name].title.lower() for name in sorted(run.mistakes))
        self.summary.setText(settings_summary(run.settings) + (f" · bugs in the code: {bugs}" if bugs else ""))


def _toggle_box(toggle: Toggle) -> QCheckBox:
    text = f"Bug: {toggle.label}" if toggle.kind == "bug" else toggle.label
    check = QCheckBox(text, objectName=f"labToggle_{toggle.name}", toolTip=toggle.explanation)
    check.setChecked(toggle.kind == "bug")
    return check


def settings_summary(s: RunSettings) -> str:
    """One line a learner can compare between runs: data, network, and how it is trained."""
    data = registry.title(s.dataset)
    rows = f"first {s.subset:,} images of {data}" if s.subset else f"all of {data}"
    out = "1 output = label/10" if s.regression else s.head.replace("+", " + ").replace("_", "-")
    batch = "full batch" if s.batch_size == 0 else f"batches of {s.batch_size}"
    return (f"{rows} · hidden {s.hidden} {s.activation} · {out} · {INIT_TEXT.get(s.init, s.init)} init"
            f"{'' if s.bias else ', no bias'} · inputs {'in [0, 1]' if s.scale_inputs else 'raw'} · "
            f"{s.optimizer} lr {s.lr:g}, {batch}, gradient {'summed' if s.sum_gradient else 'averaged'} · "
            f"{s.epochs:,} epochs" + (f" · {s.validation:.0%} held out" if s.validation else ""))
