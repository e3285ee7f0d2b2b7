"""The "looking inside" window: what the current model does on a test set, in five tabs."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from digitpad.data.dataset import Dataset
from digitpad.model.bundle import Model
from digitpad.training.inspection import Inspection, inspect_model
from digitpad.ui.inspect.activations import ActivationsView
from digitpad.ui.inspect.confusion import ConfusionMatrixView, PerClassAccuracy
from digitpad.ui.inspect.gallery import MistakesGallery
from digitpad.ui.inspect.gradcheck_view import GradCheckView
from digitpad.ui.inspect.weights import WeightsView

CONFUSION_HINT = ("Rows are the true classes, columns what the network predicted. The blue diagonal counts "
                  "correct answers, orange cells the mistakes. Click a cell to see its images.")


class InspectWindow(QDialog):
    """Confusion matrix, mistakes, first-layer weights, activations and a gradient check.

    The evaluation runs once, on construction and on each :meth:`set_model`
    (~0.1 s for 10,000 MNIST images); both raise DataError when the test set
    does not fit the model, leaving the window as it was.
    """

    def __init__(self, model: Model, test: Dataset, parent: QWidget | None = None,
                 inspection: Inspection | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspectWindow")
        self.setModal(False)
        self.resize(1000, 700)
        self.summary = QLabel(objectName="inspectSummary")
        self.summary.setWordWrap(True)
        self.confusion = ConfusionMatrixView()
        self.accuracy = PerClassAccuracy()
        self.gallery = MistakesGallery()
        self.weights = WeightsView()
        self.activations = ActivationsView()
        self.gradcheck = GradCheckView()
        self.tabs = QTabWidget(objectName="inspectTabs")
        self.tabs.addTab(self._confusion_tab(), "Confusion")
        self.tabs.addTab(self.gallery, "Mistakes")
        self.tabs.addTab(self.weights, "Weights")
        self.tabs.addTab(self.activations, "Activations")
        self.tabs.addTab(self.gradcheck, "Gradient check")
        for i, tip in enumerate(("Which classes the network confuses with which",
                                 "The test images the network gets wrong",
                                 "What the first layer's units look for",
                                 "How the hidden units respond: dead or saturated units",
                                 "Is backpropagation right for this model's maths?")):
            self.tabs.setTabToolTip(i, tip)
        self.confusion.cell_clicked.connect(self.show_cell)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self._inspection: Inspection | None = None
        self.set_model(model, test, inspection)

    def _confusion_tab(self) -> QWidget:
        tab = QWidget()
        hint = QLabel(CONFUSION_HINT, objectName="confusionHint")
        hint.setWordWrap(True)
        title = QLabel("<b>Accuracy per class</b>")
        side = QVBoxLayout()
        side.addWidget(title)
        side.addWidget(self.accuracy, 1)
        row = QHBoxLayout()
        row.addWidget(self.confusion, 3)
        row.addSpacing(16)
        row.addLayout(side, 1)
        layout = QVBoxLayout(tab)
        layout.addWidget(hint)
        layout.addLayout(row, 1)
        return tab

    def set_model(self, model: Model, test: Dataset, inspection: Inspection | None = None) -> None:
        """Show ``model`` on ``test`` in every tab: ``inspection`` when given (made off the GUI thread, as the
        main window does), else evaluated here (DataError when they do not fit)."""
        if inspection is None:
            inspection = inspect_model(model, test)
        self._inspection = inspection
        ev, names = inspection.evaluation, inspection.class_names
        matrix = inspection.confusion()
        self.confusion.set_matrix(matrix, names)
        self.accuracy.set_counts(np.diag(matrix), matrix.sum(axis=1), names)
        self.gallery.set_inspection(inspection, test)
        self.weights.set_inspection(inspection)
        self.activations.set_inspection(inspection)
        self.gradcheck.set_network(model.network)
        title = model.name or "untitled model"
        self.setWindowTitle(f"Inside {title}")
        mistakes = int(np.sum(ev.predictions != ev.labels))
        self.summary.setText(f"<b>{title}</b> &nbsp;{model.network!r} on {len(test):,} test images "
                             f"of {test.name or 'the test set'}: accuracy <b>{100 * ev.accuracy:.2f} %</b>, "
                             f"loss {ev.loss:.4f}, {mistakes:,} mistakes.")

    def inspection(self) -> Inspection | None:
        """What the tabs show: the evaluation and everything derived from it."""
        return self._inspection

    def show_cell(self, true_class: int, predicted: int) -> None:
        """Show the images of one confusion cell in the Mistakes tab."""
        self.gallery.set_filter((true_class, predicted))
        self.tabs.setCurrentWidget(self.gallery)

    def done(self, result: int) -> None:
        # Close, Escape and the title bar's × all end here: a running check is let go, not waited for.
        self.gradcheck.shutdown()
        if self.gallery.dialog is not None:
            self.gallery.dialog.close()
        super().done(result)
