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

from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.lab.mistakes import MISTAKES, installed_mistakes
from digitpad.nn.gradcheck import TOLERANCE, CheckResult, gradient_check
from digitpad.nn.losses import Head
from digitpad.nn.network import MLP, NetworkSpec
from digitpad.training.inspection import layer_errors
from digitpad.ui.base.i18n import fill, listed, render, translate
from digitpad.ui.jobs.job import Job
from digitpad.ui.widgets.settings_fields import HEAD_TEXT

PASS_COLOUR = QColor("#3c8d40")
FAIL_COLOUR = QColor("#d9534f")
HEADERS = (QT_TRANSLATE_NOOP("GradCheckView", "layer"), QT_TRANSLATE_NOOP("GradCheckView", "weights W: relative error"),
           QT_TRANSLATE_NOOP("GradCheckView", "biases b: relative error"), QT_TRANSLATE_NOOP("GradCheckView", "result"))


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
        self.button = QPushButton(translate("GradCheckView", "Run gradient check"), objectName="gradCheckButton")
        self.button.setToolTip(translate("GradCheckView", "Compare backpropagation with numerical derivatives on this "
                                         "model's architecture and the output + loss maths it trained with (a freshly "
                                         "initialised float64 copy, a few sampled weights per array)"))
        self.button.clicked.connect(self.run)
        self.busy = QProgressBar(objectName="gradCheckBusy")
        self.busy.setRange(0, 0)  # no progress to report: a busy indicator while the check runs
        self.busy.setMaximumWidth(160)
        self.busy.setVisible(False)
        self.status = QLabel(objectName="gradCheckStatus")
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, len(HEADERS), objectName="gradCheckTable")
        self.table.setHorizontalHeaderLabels([render(header) for header in HEADERS])
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setToolTip(fill(translate("GradCheckView", "Relative error ‖analytic − numeric‖ / (‖analytic‖ + "
                                             "‖numeric‖) over the sampled entries; a correct backward pass gives "
                                             "about 1e-8, the limit is {tolerance:g}"), tolerance=TOLERANCE))
        explanation = QLabel(fill(translate("GradCheckView", "A pass means that for every layer the gradient "
                                            "backpropagation computes matches the slope measured by nudging sampled "
                                            "weights up and down (relative error below {tolerance:g}), so the "
                                            "backward pass this model trains with is correct; it says nothing about "
                                            "whether training will succeed."), tolerance=TOLERANCE),
                             objectName="gradCheckExplanation")
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
        status = fill(translate("GradCheckView", "Not run yet for {network}."), network=self._describe())
        self.status.setText(status + self._mistake_note())

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
        self.status.setText(fill(translate("GradCheckView", "Checking {network}…"), network=self._describe()))
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
            cells = (fill("{layer}  ({inputs} → {outputs})", layer=layer + 1, inputs=sizes[layer],
                          outputs=sizes[layer + 1]), _error(w_error),
                     translate("GradCheckView", "no bias") if b_error is None else _error(b_error),
                     translate("GradCheckView", "✓ pass") if ok else translate("GradCheckView", "✗ FAIL"))
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
        errors = {"output": result.output_error, "worst": result.worst, "tolerance": TOLERANCE}
        if result.passed:
            return fill(translate("GradCheckView", "Every layer passes for {network}, and the output gradient dL/dz: "
                                  "relative error {output:.2e}: worst relative error {worst:.2e} (tolerance "
                                  "{tolerance:g})."), network=self._describe(), **errors)
        where, sizes = result.first_failure(), result.spec.sizes
        n_layers = len(sizes) - 1
        if where == n_layers:
            part = fill(translate("GradCheckView", "The numbers part at the output: the gradient dL/dz that {head} "
                                  "hands to layer {layer} ({inputs} → {outputs}) is wrong (relative error "
                                  "{output:.2e}), and every layer below inherits the error."),
                        head=self._head_text(), layer=n_layers, inputs=sizes[-2], outputs=sizes[-1], **errors)
        else:
            part = fill(translate("GradCheckView", "The numbers part at layer {layer} ({inputs} → {outputs}): the "
                                  "output is right, gradient dL/dz: relative error {output:.2e}."),
                        layer=where + 1, inputs=sizes[where], outputs=sizes[where + 1], **errors)
        return fill(translate("GradCheckView", "✗ FAILS for {network}: backpropagation disagrees with the numerical "
                              "slope (worst relative error {worst:.2e}, tolerance {tolerance:g}). {part}"),
                    network=self._describe(), part=part, **errors)

    def _mistake_note(self) -> str:
        if not self._mistakes:
            return ""
        titles = listed(render(MISTAKES[name].title).lower() for name in sorted(self._mistakes))
        return "\n" + fill(translate("GradCheckView", "This model trained with a deliberate lab mistake ({titles}); "
                                      "the check uses the maths it trained with, mistake included."), titles=titles)

    def _head_text(self) -> str:
        s = self._spec
        head = render(HEAD_TEXT.get(f"{s.output}+{s.loss}", f"{s.output} + {s.loss}"))
        if "softmax_derivative" in self._mistakes:
            return fill(translate("GradCheckView", "{head} with the softmax derivative applied twice"), head=head)
        return head

    def _fit_table(self) -> None:
        """As tall as its rows: a table of three layers should not leave a screen of empty grid."""
        table = self.table
        height = table.horizontalHeader().height() + 2 * table.frameWidth()
        table.setFixedHeight(height + sum(table.rowHeight(r) for r in range(table.rowCount())))

    def _failed(self, message: str) -> None:
        self.task.thread.wait()
        self._task_ended()
        self.status.setText(fill(translate("GradCheckView", "The gradient check could not run: {message}"),
                                 message=message))

    def _describe(self) -> str:
        s = self._spec
        hidden = "".join(f"→{n} {s.activation}" for n in s.sizes[1:-1])
        return f"{s.sizes[0]}{hidden}→{s.sizes[-1]} {self._head_text()}"


def _error(value: float) -> str:
    """A relative error as the table shows it, e.g. ``3.21e-09``."""
    return fill("{value:.2e}", value=value)
