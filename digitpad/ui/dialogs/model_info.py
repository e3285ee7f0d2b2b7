"""The current model's details: architecture, dataset, settings, metrics and per-epoch history.

Every setting is shown under the label and in the units of the Train tab's
form (``Images: first 6,000``, ``Validation: 10 %``), under its pages
(Data, Network, Optimizer, Run), and every number with its unit: the dialog is read by the
person who filled that form, not by the code that stored it. A model the
learning lab trained with a deliberate mistake says so first, in the lab's words.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from digitpad.data.registry import title
from digitpad.lab.mistakes import MISTAKES
from digitpad.model.bundle import Model
from digitpad.training.reports import StepChange
from digitpad.ui.jobs.training import step_text
from digitpad.ui.widgets.settings_fields import HEAD_TEXT, OPTIMIZER_TEXT


def _yes(value: object) -> str:
    return "yes" if value else "no"


def _count(value: object, zero: str) -> str:
    return zero if value == 0 else f"{value:,}" if isinstance(value, int) else str(value)


INIT_TEXT = {"uniform": "Uniform(−1, 1)", "normal": "Normal(0, 0.01)"}
# (Train tab page, field, label, how its value reads), in the form's order.
SETTINGS: tuple[tuple[str, str, str, Callable[[object], str]], ...] = (
    ("Data", "dataset", "Dataset", lambda v: title(str(v))),
    ("Data", "subset", "Images", lambda v: "all" if v == 0 else f"first {_count(v, 'all')}"),
    ("Data", "validation", "Validation", lambda v: f"{100 * v:g} %"),
    ("Data", "shift", "Random shift", lambda v: "off" if v == 0 else f"{v} px"),
    ("Data", "scale_inputs", "Scale inputs to [0, 1]", _yes),
    ("Network", "hidden", "Hidden layers", lambda v: str(v) or "none (a linear model)"),
    ("Network", "activation", "Activation", lambda v: str(v).replace("_", " ")),
    ("Network", "head", "Output + loss", lambda v: HEAD_TEXT.get(v, str(v))),
    ("Network", "regression", "Regression: one output = label/10", _yes),
    ("Network", "init", "Initialiser", lambda v: INIT_TEXT.get(v, str(v).capitalize())),
    ("Network", "bias", "Layers have a bias", _yes),
    ("Network", "float64", "64-bit floats", _yes),
    ("Optimizer", "optimizer", "Optimizer", lambda v: OPTIMIZER_TEXT.get(v, str(v))),
    ("Optimizer", "lr", "Learning rate", lambda v: f"{v:g}"),
    ("Optimizer", "momentum", "Momentum", lambda v: f"{v:g}"),
    ("Optimizer", "schedule", "Schedule", str),
    ("Optimizer", "weight_decay", "Weight decay", lambda v: "off" if v == 0 else f"{v:g}"),
    ("Run", "batch_size", "Batch size", lambda v: _count(v, "full batch")),
    ("Run", "sum_gradient", "Sum the gradient over the batch", _yes),
    ("Run", "epochs", "Epochs", lambda v: _count(v, "0")),
    ("Run", "seed", "Seed", str),
)
SPLITS = {"train": "Training", "val": "Validation", "validation": "Validation", "test": "Test"}
# What a model tuned on My digits records (training.finetune), in words.
TUNED_METRICS = {"test_accuracy_before": "Test accuracy before tuning",
                 "personal_accuracy": "Accuracy on my held-out digits",
                 "personal_accuracy_before": "Accuracy on my held-out digits before tuning",
                 "personal_train_digits": "My digits it was tuned on", "personal_heldout_digits": "My digits held out"}
# Per-epoch series: column title and how one value reads.
HISTORY = {"train_loss": ("Training loss", "{:.4f}"), "train_accuracy": ("Training accuracy", "{:.2%}"),
           "val_loss": ("Validation loss", "{:.4f}"), "val_accuracy": ("Validation accuracy", "{:.2%}"),
           "lr": ("Learning rate", "{:.4g}"), "seconds": ("Epoch time", "{:.1f} s")}
PREPROCESSING_TEXT = {"mnist-28": "cropped, scaled to 20 px and centred, as MNIST's digits",
                      "digits-8x8": "counted into 8×8 blocks of 0–16, as the 8×8 digits"}


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


def metric_text(key: str, value: float) -> str:
    """E.g. ``("test_accuracy", 0.9299) -> "Test accuracy: 92.99 %"``; unknown keys read as words."""
    split, _, kind = key.partition("_")
    words = TUNED_METRICS.get(key) or f"{SPLITS.get(split, split.capitalize())} {kind.replace('_', ' ')}".strip()
    if not math.isfinite(value):
        return f"{words}: not a number"
    percent = kind.partition("_")[0] == "accuracy"  # also "accuracy_before", a tuned model's before
    return f"{words}: {value:.2%}".replace("%", " %") if percent else f"{words}: {value:.4g}"


def settings_rows(settings: dict) -> list[tuple[str, str, str]]:
    """``(group, label, value)`` for each stored setting, the Train tab's groups and labels first, then any
    setting the form does not have (an older or another program's file) under "Other"."""
    rows = [(group, label, read(settings[key])) for group, key, label, read in SETTINGS if key in settings]
    known = {key for _, key, _, _ in SETTINGS}
    rows += [("Other", key.replace("_", " "), str(value)) for key, value in settings.items() if key not in known]
    return rows


def _settings_html(settings: dict) -> str:
    if not settings:
        return "<p>not recorded</p>"
    parts, group = [], None
    for row_group, label, value in settings_rows(settings):
        if row_group != group:
            group = row_group
            parts.append(f"<tr><td colspan=2><i>{html.escape(group)}</i></td></tr>")
        parts.append(f"<tr><td>{html.escape(label)}</td><td><b>{html.escape(value)}</b></td></tr>")
    return f"<table cellspacing=3>{''.join(parts)}</table>"


def _history_html(history: dict[str, list[float]]) -> str:
    series = [k for k in HISTORY if k in history]
    epochs = max((len(history[k]) for k in series), default=0)
    if not epochs:
        return "<p>not trained in digitpad</p>"
    head = "".join(f"<th>{HISTORY[k][0]}</th>" for k in series)

    def cell(key: str, epoch: int) -> str:
        values = history[key]
        ok = epoch < len(values) and math.isfinite(values[epoch])
        return f"<td>{HISTORY[key][1].format(values[epoch]).replace('%', ' %') if ok else '—'}</td>"
    body = "".join(f"<tr><td>{e + 1}</td>{''.join(cell(k, e) for k in series)}</tr>" for e in range(epochs))
    return f"<table border=0 cellspacing=6><tr><th>Epoch</th>{head}</tr>{body}</table>"


def _mistakes_html(mistakes: tuple[str, ...]) -> str:
    """What the lab's deliberate mistakes on the network mean here, then each one in the lab's words."""
    if not mistakes:
        return ""
    parts = []
    for name in mistakes:
        mistake = MISTAKES.get(name)
        title, explanation = (mistake.title, mistake.explanation) if mistake else (name, "")
        parts.append(f"<p><b>{html.escape(title)}.</b> {html.escape(explanation)}</p>")
    bug, it, changes = ("this bug", "it", "it changes") if len(mistakes) == 1 else ("these bugs", "them", "they change")
    return (f"<h4 style='color:#d9534f'>Deliberate lab mistake{'s' * (len(mistakes) > 1)}</h4>"
            f"<p>The learning lab trained this model with {bug} on purpose, and the model keeps {it}: {changes} how "
            "the network learns (its gradient), not what it predicts. Look inside ▸ Gradient check fails for it.</p>"
            + "".join(parts))


def model_html(model: Model) -> str:
    """The model's metadata as a small HTML document."""
    metrics = "".join(f"<li>{html.escape(metric_text(k, v))}</li>" for k, v in model.metrics.items()) \
        or "<li>none</li>"
    changes = "".join(f"<li>{html.escape(step_text(StepChange(**c)))} from epoch {c['epoch'] + 1}, "
                      f"batch {c['batch'] + 1}</li>" for c in model.step_changes)
    changed = f"<h4>Changed while training</h4><ul>{changes}</ul>" if changes else ""
    shape = "×".join(map(str, model.input_shape))
    seen = PREPROCESSING_TEXT.get(model.preprocessing, model.preprocessing)
    return (f"<h3>{html.escape(model.name or 'Untitled model')}</h3>"
            f"<p><b>{html.escape(repr(model.network))}</b>, {model.network.n_parameters():,} parameters<br>"
            f"Dataset: {html.escape(title(model.dataset) if model.dataset else 'unknown')}<br>"
            f"Input: {shape} images, {html.escape(seen)}<br>"
            f"Saved: {html.escape(model.created or 'not saved yet')}</p>{_mistakes_html(model.mistakes)}"
            f"<h4>Metrics</h4><ul>{metrics}</ul><h4>Settings</h4>{_settings_html(model.hyperparameters)}{changed}"
            f"<h4>History</h4>{_history_html(model.history)}")
