"""The session's runs: a list to compare them, tick them for the plots, rename and export them.

Each finished run becomes a :class:`~digitpad.training.history.RunRecord`
(plain data, built outside Qt) and one row here: its name (editable, with a
checkbox and a swatch of its plot colour), a one-line summary of its
settings, and its final validation accuracy. Ticking rows emits
``overlays_changed`` with the ticked records, for ``LossPlot.set_overlays``
and ``AccuracyPlot.set_overlays``.

The list keeps at most :data:`MAX_RUNS` runs: a run costs up to about 130 KB
(curves of up to 2000 batch points, row, tooltip; 400 such runs took 52 MB),
and keeping them all grew a 1000-run soak by 40 MB.
Past the limit the oldest run nobody holds on to goes, and the line under
the list names it. Held on to, never dropped: ticked runs (being compared),
runs the user renamed (named to be found again) and the run selected when
the new one arrives (maybe about to be exported). When every older run is
held the list grows past the limit rather than drop one of them.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from digitpad.common.errors import DigitpadError
from digitpad.data.registry import title
from digitpad.nn.optim import MOMENTUM_OPTIMIZERS
from digitpad.training.history import RunRecord, save_history_csv, settings_summary
from digitpad.ui.base.plot_parts import overlay_colour
from digitpad.ui.widgets.settings_fields import HEAD_TEXT, OPTIMIZER_TEXT

__all__ = ["RunRecord", "RunsPanel"]

NAME, SETTINGS, ACCURACY = range(3)
# Enough for a lesson's worth of lab runs and more rows than anyone compares by eye; at most ~6.5 MB.
MAX_RUNS = 50
HINT = "Tick runs to overlay them on the plots."
LIST_TOOLTIP = ("The training runs of this session, newest last.\n"
                "Tick a run to draw its curves over the current ones on the plots; "
                "double-click (or F2) a name to rename it.\n"
                f"The latest {MAX_RUNS} runs are kept: older ones are dropped unless ticked or renamed "
                "(Export CSV… saves a run's history for good).")


class _NameOnlyDelegate(QStyledItemDelegate):
    """Edits the name column only; settings and accuracy are facts about the run."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget | None:
        return super().createEditor(parent, option, index) if index.column() == NAME else None


class RunsPanel(QWidget):
    """The runs of the session, newest last, at most ``max_runs`` of them unless held (see above).

    Signals
    -------
    overlays_changed(list[RunRecord])
        The ticked runs, in list order, whenever the ticks change or a ticked
        run is renamed (its legend entry changes).
    """

    overlays_changed = Signal(list)

    def __init__(self, parent: QWidget | None = None, max_runs: int = MAX_RUNS) -> None:
        super().__init__(parent)
        self.setObjectName("runsPanel")
        self.max_runs = max_runs
        self._records: list[RunRecord] = []
        self._last_ticked: list[int] = []
        self._added = 0  # runs ever added: names and colours go on counting after a drop
        self._renamed: set[int] = set()  # id() of the records the user renamed
        self.list = QTreeWidget(objectName="runsList")
        self.list.setHeaderLabels(["Run", "Settings", "Val. acc."])
        self.list.setToolTip(LIST_TOOLTIP)
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setItemDelegate(_NameOnlyDelegate(self.list))
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SETTINGS, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ACCURACY, QHeaderView.ResizeMode.ResizeToContents)
        self.export_button = QPushButton("Export CSV…", objectName="exportRunButton")
        self.export_button.setToolTip("Save the selected run's per-epoch history (loss, accuracy, "
                                      "learning rate, time) as a CSV file")
        self.export_button.setEnabled(False)
        self.hint = QLabel(HINT, objectName="runsHint", wordWrap=True)
        self.hint.setToolTip(LIST_TOOLTIP)
        self.hint.setEnabled(False)  # the disabled text colour: a quiet secondary line
        buttons = QHBoxLayout()
        buttons.addWidget(self.hint, 1)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.list.itemChanged.connect(self._item_changed)
        self.list.currentItemChanged.connect(lambda item, _: self.export_button.setEnabled(item is not None))
        self.export_button.clicked.connect(self.export_selected)

    # -- public API -------------------------------------------------------
    def add_run(self, record: RunRecord) -> None:
        """Append ``record`` (unticked) and select it; gives it a plot colour if it has none.

        Past ``max_runs`` runs, the oldest runs neither ticked, renamed nor
        selected are dropped, and the line under the list says which.
        """
        if not record.colour:
            record.colour = overlay_colour(self._added)
        self._added += 1
        self._records.append(record)
        item = QTreeWidgetItem()
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                      | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable)
        item.setIcon(NAME, _swatch(record.colour))
        item.setText(SETTINGS, settings_summary(record.settings))
        item.setText(ACCURACY, _accuracy_text(record))
        item.setTextAlignment(ACCURACY, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for column in (NAME, SETTINGS, ACCURACY):
            item.setToolTip(column, _details(record))
        # Filled before it is in the list, so no itemChanged fires for a half-built row.
        item.setText(NAME, record.name)
        item.setCheckState(NAME, Qt.CheckState.Unchecked)
        self.list.addTopLevelItem(item)
        self._drop_old_runs()  # while the previous selection is still current, so it is kept
        self.list.setCurrentItem(item)

    def tick(self, record: RunRecord, ticked: bool = True) -> None:
        """Tick ``record`` for overlay, or untick it (as a click on its checkbox would); nothing if it was
        dropped."""
        if any(r is record for r in self._records):
            state = Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
            self.list.topLevelItem(self._index(record)).setCheckState(NAME, state)

    def runs(self) -> list[RunRecord]:
        """The runs in the list (the session's latest, see :data:`MAX_RUNS`), oldest first."""
        return list(self._records)

    def ticked(self) -> list[RunRecord]:
        """The runs ticked for overlay, in list order."""
        return [self._records[i] for i in self._ticked_indices()]

    def selected(self) -> RunRecord | None:
        """The run whose row is current, or None."""
        item = self.list.currentItem()
        return None if item is None else self._records[self.list.indexOfTopLevelItem(item)]

    def next_name(self) -> str:
        """A default name for the next run: "Run 1", "Run 2", … (never one a dropped run had)."""
        return f"Run {self._added + 1}"

    def export_selected(self) -> None:
        """Ask for a file and write the selected run's history to it as CSV."""
        record = self.selected()
        if record is None:
            return
        default = re.sub(r"[^\w.-]+", "-", record.name).strip("-") or "run"
        path, _ = QFileDialog.getSaveFileName(self, f"Export the history of {record.name}",
                                              f"{default}.csv", "CSV files (*.csv);;All files (*)")
        if not path:
            return
        path = Path(path)
        if not path.suffix:
            path = path.with_suffix(".csv")
        try:
            save_history_csv(path, record)
        except DigitpadError as e:
            QMessageBox.warning(self, "Export failed", str(e))

    # -- edits in the list --------------------------------------------------
    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if column != NAME:
            return
        index = self.list.indexOfTopLevelItem(item)
        record = self._records[index]
        name = item.text(NAME).strip()
        if name != item.text(NAME) or not name:
            item.setText(NAME, name or record.name)  # re-enters with a clean name
            return
        renamed = name != record.name
        record.name = name
        if renamed:
            self._renamed.add(id(record))
        ticked = self._ticked_indices()
        if ticked != self._last_ticked or (renamed and index in ticked):
            self._last_ticked = ticked
            self.overlays_changed.emit(self.ticked())

    def _drop_old_runs(self) -> None:
        """Drop the oldest runs nobody holds on to until at most ``max_runs`` remain (never the newest)."""
        current, dropped, index = self.list.currentItem(), [], 0
        while len(self._records) > self.max_runs and index < len(self._records) - 1:
            item, record = self.list.topLevelItem(index), self._records[index]
            if (item is current or item.checkState(NAME) == Qt.CheckState.Checked
                    or id(record) in self._renamed):
                index += 1
                continue
            self.list.takeTopLevelItem(index)
            del self._records[index]
            dropped.append(record.name)
        if dropped:
            self._last_ticked = self._ticked_indices()  # same runs, new rows: no overlays_changed
            self._say_dropped(dropped)

    def _say_dropped(self, names: list[str]) -> None:
        which = names[0] if len(names) == 1 else f"{len(names)} runs ({', '.join(names)})"
        self.hint.setText(f"Dropped {which}: only the latest {self.max_runs} runs are kept. "
                          "Tick or rename a run to keep it.")
        self.hint.setEnabled(True)  # normal text colour: this one should be read

    def _index(self, record: RunRecord) -> int:
        # By identity: two runs with equal settings and curves are still two rows.
        return next(i for i, r in enumerate(self._records) if r is record)

    def _ticked_indices(self) -> list[int]:
        return [i for i in range(self.list.topLevelItemCount())
                if self.list.topLevelItem(i).checkState(NAME) == Qt.CheckState.Checked]


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


def _accuracy_text(record: RunRecord) -> str:
    accuracy = record.val_accuracy
    text = "—" if accuracy is None else f"{accuracy:.1%}"
    return text if record.status == "completed" else f"{text} ({record.status})"


INIT_TEXT = {"uniform": "Uniform(−1, 1)"}  # the others as the Train tab shows them: capitalised
STATUS_TEXT = {"completed": "Completed", "stopped": "Stopped", "diverged": "Diverged"}
# The final numbers, as the Train tab and the plots name them; accuracies are fractions shown in percent.
METRIC_TEXT = {"train_loss": "Training loss", "train_accuracy": "Training accuracy", "val_loss": "Validation loss",
               "val_accuracy": "Validation accuracy", "lr": "Final learning rate"}


def _details(record: RunRecord) -> str:
    """The run's tooltip: its outcome, then its settings under the Train tab's labels and in its units."""
    epochs = record.epochs_done
    planned = record.settings.get("epochs")
    done = f"{epochs} of {planned} epochs" if planned and planned != epochs else f"{epochs} epochs"
    lines = [f"{STATUS_TEXT.get(record.status, record.status.capitalize())} after {done}"]
    for key, value in record.metrics.items():
        if key == "seconds":
            continue  # the last epoch's time; the run's is below
        text = f"{100 * value:.1f} %" if key.endswith("accuracy") else f"{value:.4g}"
        lines.append(f"{METRIC_TEXT.get(key, key.replace('_', ' ').capitalize())}: {text}")
    if record.seconds:
        lines.append(f"Time: {_seconds(record.seconds)}")
    lines.append(f"Loss: {record.loss_name}")
    lines += ["", *_settings_lines(record.settings)]
    return "\n".join(lines)


def _settings_lines(s: dict) -> list[str]:
    """``RunSettings.to_dict()`` as "Label: value" lines, the Train tab's labels, only the settings it has."""
    def yes(key: str) -> str:
        return "yes" if s.get(key) else "no"

    rows = [("Dataset", title(s["dataset"]) if "dataset" in s else None),
            ("Images", "all" if s.get("subset") == 0 else _count(s.get("subset"))),
            ("Validation", _percent(s.get("validation"))),
            ("Random shift", None if "shift" not in s else f"{s['shift']} px" if s["shift"] else "off"),
            ("Hidden layers", None if "hidden" not in s else s["hidden"] or "none (a linear model)"),
            ("Activation", s.get("activation")), ("Output + loss", HEAD_TEXT.get(s.get("head"), s.get("head"))),
            ("Regression on label/10", yes("regression") if "regression" in s else None),
            ("Initialiser", INIT_TEXT.get(s.get("init"), str(s.get("init")).capitalize()) if "init" in s else None),
            ("Bias", yes("bias") if "bias" in s else None),
            ("Optimizer", OPTIMIZER_TEXT.get(s.get("optimizer"), s.get("optimizer"))),
            ("Learning rate", _number(s.get("lr"))),
            ("Momentum", _number(s.get("momentum")) if s.get("optimizer") in MOMENTUM_OPTIMIZERS else None),
            ("Schedule", s.get("schedule")), ("Weight decay", _number(s.get("weight_decay"))),
            ("Batch size", "full" if s.get("batch_size") == 0 else _count(s.get("batch_size"))),
            ("Sum gradients", yes("sum_gradient") if "sum_gradient" in s else None),
            ("Scale inputs", yes("scale_inputs") if "scale_inputs" in s else None),
            ("Precision", "float64" if s.get("float64") else None),
            ("Epochs", _count(s.get("epochs"))), ("Seed", s.get("seed"))]
    return [f"{label}: {value}" for label, value in rows if value is not None]


def _count(value) -> str | None:
    return f"{value:,}" if isinstance(value, int) else None


def _number(value) -> str | None:
    return f"{value:g}" if isinstance(value, (int, float)) else None


def _percent(share) -> str | None:
    return f"{100 * share:g} %" if isinstance(share, (int, float)) else None


def _seconds(seconds: float) -> str:
    """0.7 s, 42 s or 3:07, as the status line gives a run's time."""
    if seconds < 10:
        return f"{seconds:.1f} s"
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}" if whole >= 60 else f"{whole} s"
