"""Check the current model's backpropagation against finite differences.

The check rebuilds the network in float64 and compares, for sampled entries
of every weight matrix and bias vector, the gradient backprop computes with
the slope measured by nudging that entry both ways. It uses the maths the
model trained with: a lab run's deliberately wrong head is checked as it is,
so the check fails where that run's numbers part. It runs in a Job: for a
wide network it takes seconds.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from digitpad.lab.mistakes import MISTAKES, installed_mistakes
from digitpad.nn.gradcheck import TOLERANCE, CheckResult, gradient_check
from digitpad.nn.losses import Head
from digitpad.nn.network import MLP, NetworkSpec
from digitpad.training.inspection import layer_errors
from digitpad.ui.jobs.job import Job
from digitpad.ui.widgets.settings_fields import HEAD_TEXT

PASS_COLOUR = QColor("#3c8d40")
FAIL_COLOUR = QColor("#d9534f")
EXPLANATION = (
    "A pass means that for every layer the gradient backpropagation computes matches the slope measured by "
    f"nudging sampled weights up and down (relative error below {TOLERANCE:g}), so the backward pass this "
    "model trains with is correct; it says nothing about whether training will succeed."
)
HEADERS = ("layer", "weights W: relative error", "biases b: relative error", "result")


class GradCheckView(QWidget):
    """A button that runs the gradient check and a table of relative errors per layer.

    ``checked(CheckResult)`` is emitted once a result is on screen.
    """

    checked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gradCheckView")
        self._spec: NetworkSpec | None = None
        self._head: Head | None = None
        self._mistakes: frozenset[str] = frozenset()
        self._result: CheckResult | None = None
        self.task: Job | None = None
        self.button = QPushButton("Run gradient check", objectName="gradCheckButton")
        self.button.setToolTip("Compare backpropagation with numerical derivatives on this model's architecture "
                               "and the output + loss maths it trained with (a freshly initialised float64 copy, "
                               "a few sampled weights per array)")
        self.button.clicked.connect(self.run)
        self.busy = QProgressBar(objectName="gradCheckBusy")
        self.busy.setRange(0, 0)  # no progress to report: a busy indicator while the check runs
        self.busy.setMaximumWidth(160)
        self.busy.setVisible(False)
        self.status = QLabel(objectName="gradCheckStatus")
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, len(HEADERS), objectName="gradCheckTable")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setToolTip("Relative error ‖analytic − numeric‖ / (‖analytic‖ + ‖numeric‖) over the "
                              f"sampled entries; a correct backward pass gives about 1e-8, the limit is {TOLERANCE:g}")
        explanation = QLabel(EXPLANATION, objectName="gradCheckExplanation")
        explanation.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.button)
        top.addWidget(self.busy)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(explanation)
        layout.addSpacing(8)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        layout.addStretch(1)

    def set_network(self, network: MLP) -> None:
        """Check ``network``'s architecture with its own head from now on (a lab run's deliberate mistake
        included); a result or running check for another architecture or head is dropped."""
        if network.spec == self._spec and type(network.head) is type(self._head):
            return
        self.shutdown()
        self._spec, self._head, self._result = network.spec, network.head, None
        self._mistakes = installed_mistakes(network)
        self.table.setRowCount(0)
        self._fit_table()
        self.status.setText(f"Not run yet for {self._describe()}.{self._mistake_note()}")

    def result(self) -> CheckResult | None:
        """The last result for the current architecture, or None."""
        return self._result

    def run(self) -> None:
        """Start the check in a background thread; the table fills when it ends."""
        if self._spec is None or self.task is not None:
            return
        spec, head = self._spec, self._head
        self.task = Job(lambda report, cancelled: gradient_check(spec, head=head))
        # Bound methods, not lambdas: PySide6 would run a lambda in the worker thread.
        self.task.finished.connect(self._finished)
        self.task.errored.connect(self._failed)
        self.button.setEnabled(False)
        self.busy.setVisible(True)
        self.status.setText(f"Checking {self._describe()}…")
        self.task.start()

    def shutdown(self) -> None:
        """Let go of a running check (it ends on its own); its result is not shown."""
        if self.task is not None:
            self.task.finished.disconnect(self._finished)
            self.task.errored.disconnect(self._failed)
            self.task.cancel()
            self._task_ended()

    def _task_ended(self) -> None:
        self.task = None
        self.button.setEnabled(True)
        self.busy.setVisible(False)

    def _finished(self, result: CheckResult) -> None:
        self.task.thread.wait()
        self._task_ended()
        self._result = result
        rows = layer_errors(result)
        self.table.setRowCount(len(rows))
        sizes = result.spec.sizes
        for row, (layer, w_error, b_error) in enumerate(rows):
            ok = max(w_error, b_error or 0.0) < TOLERANCE
            cells = (f"{layer + 1}  ({sizes[layer]} → {sizes[layer + 1]})", f"{w_error:.2e}",
                     "no bias" if b_error is None else f"{b_error:.2e}", "✓ pass" if ok else "✗ FAIL")
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
            result_item = self.table.item(row, 3)
            result_item.setForeground(PASS_COLOUR if ok else FAIL_COLOUR)
            font = result_item.font()
            font.setBold(True)
            result_item.setFont(font)
        self._fit_table()
        self.status.setText(self._verdict(result) + self._mistake_note())
        self.checked.emit(result)

    def _verdict(self, result: CheckResult) -> str:
        """Pass or fail, and for a failure where the numbers first part, walking back from the output."""
        output = f"the output gradient dL/dz: relative error {result.output_error:.2e}"
        if result.passed:
            return (f"Every layer passes for {self._describe()}, and {output}: worst relative error "
                    f"{result.worst:.2e} (tolerance {TOLERANCE:g}).")
        where, sizes = result.first_failure(), result.spec.sizes
        n_layers = len(sizes) - 1
        if where == n_layers:
            part = (f"The numbers part at the output: the gradient dL/dz that {self._head_text()} hands to layer "
                    f"{n_layers} ({sizes[-2]} → {sizes[-1]}) is wrong (relative error {result.output_error:.2e}), "
                    "and every layer below inherits the error.")
        else:
            part = (f"The numbers part at layer {where + 1} ({sizes[where]} → {sizes[where + 1]}): "
                    f"{output.replace('the output', 'the output is right,')}.")
        return (f"✗ FAILS for {self._describe()}: backpropagation disagrees with the numerical slope "
                f"(worst relative error {result.worst:.2e}, tolerance {TOLERANCE:g}). {part}")

    def _mistake_note(self) -> str:
        if not self._mistakes:
            return ""
        titles = ", ".join(MISTAKES[name].title.lower() for name in sorted(self._mistakes))
        return (f"\nThis model trained with a deliberate lab mistake ({titles}); the check uses the maths it "
                "trained with, mistake included.")

    def _head_text(self) -> str:
        s = self._spec
        bug = " with the softmax derivative applied twice" if "softmax_derivative" in self._mistakes else ""
        return HEAD_TEXT.get(f"{s.output}+{s.loss}", f"{s.output} + {s.loss}") + bug

    def _fit_table(self) -> None:
        """As tall as its rows: a table of three layers should not leave a screen of empty grid."""
        table = self.table
        height = table.horizontalHeader().height() + 2 * table.frameWidth()
        table.setFixedHeight(height + sum(table.rowHeight(r) for r in range(table.rowCount())))

    def _failed(self, message: str) -> None:
        self.task.thread.wait()
        self._task_ended()
        self.status.setText(f"The gradient check could not run: {message}")

    def _describe(self) -> str:
        s = self._spec
        hidden = "".join(f"→{n} {s.activation}" for n in s.sizes[1:-1])
        return f"{s.sizes[0]}{hidden}→{s.sizes[-1]} {self._head_text()}"
