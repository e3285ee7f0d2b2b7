"""The current model's details: architecture, dataset, settings, metrics and per-epoch history."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from digitpad.model.bundle import Model
from digitpad.training.trainer import StepChange
from digitpad.ui.jobs.training import step_text


class ModelInfoDialog(QDialog):
    """The current model's metadata: architecture, dataset, settings, metrics, history."""

    def __init__(self, parent: QWidget, model: Model) -> None:
        super().__init__(parent)
        self.setObjectName("modelInfoDialog")
        self.setWindowTitle(f"Model: {model.name or 'untitled'}")
        self.resize(560, 520)
        self.text = QTextBrowser(objectName="modelInfoText")
        self.text.setHtml(model_html(model))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)


def model_html(model: Model) -> str:
    """The model's metadata as a small HTML document."""
    rows = "".join(f"<tr><td><b>{html.escape(k)}</b></td><td>{html.escape(str(v))}</td></tr>"
                   for k, v in model.hyperparameters.items())
    metrics = "".join(f"<li>{html.escape(k)}: {v:.4g}</li>" for k, v in model.metrics.items()) or "<li>none</li>"
    history = model.history
    epochs = len(history.get("train_loss", []))
    series = [k for k in ("train_loss", "train_accuracy", "val_loss", "val_accuracy") if k in history]
    head = "".join(f"<th>{k.replace('_', ' ')}</th>" for k in series)
    body = "".join("<tr><td>" + str(e + 1) + "</td>" + "".join(f"<td>{history[k][e]:.4f}</td>" for k in series)
                   + "</tr>" for e in range(epochs))
    changes = "".join(f"<li>{html.escape(step_text(StepChange(**c)))} from epoch {c['epoch'] + 1}, "
                      f"batch {c['batch'] + 1}</li>" for c in model.step_changes)
    changed = f"<h4>Changed while training</h4><ul>{changes}</ul>" if changes else ""
    return (f"<h3>{html.escape(model.name or 'Untitled model')}</h3>"
            f"<p><b>{html.escape(repr(model.network))}</b>, {model.network.n_parameters():,} parameters<br>"
            f"dataset: {html.escape(model.dataset or 'unknown')}; input {model.input_shape[0]}×{model.input_shape[1]}"
            f" ({html.escape(model.preprocessing)}); created {html.escape(model.created or 'not saved yet')}</p>"
            f"<h4>Metrics</h4><ul>{metrics}</ul><h4>Settings</h4><table>{rows}</table>{changed}"
            f"<h4>History</h4>" + (f"<table border=0 cellspacing=6><tr><th>epoch</th>{head}</tr>{body}</table>"
                                   if epochs else "<p>not trained in digitpad</p>"))
