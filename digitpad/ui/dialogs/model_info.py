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

from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.data.registry import title
from digitpad.lab.mistakes import MISTAKES
from digitpad.model.bundle import Model
from digitpad.training.reports import StepChange
from digitpad.ui.base.i18n import fill, render, translate
from digitpad.ui.jobs.training import step_text
from digitpad.ui.widgets.settings_fields import HEAD_TEXT, OPTIMIZER_TEXT, SCHEDULE_TEXT


def _yes(value: object) -> str:
    return translate("ModelInfo", "yes") if value else translate("ModelInfo", "no")


def _count(value: object, zero: str) -> str:
    return zero if value == 0 else fill("{value:,}", value=value) if isinstance(value, int) else str(value)


def _decimal(value: object) -> str:
    return fill("{value:g}", value=value)


def _all(value: object) -> str:
    return translate("ModelInfo", "all")


INIT_TEXT = {"uniform": QT_TRANSLATE_NOOP("ModelInfo", "Uniform(−1, 1)"),
             "normal": QT_TRANSLATE_NOOP("ModelInfo", "Normal(0, 0.01)")}
DATA, NETWORK = QT_TRANSLATE_NOOP("ModelInfo", "Data"), QT_TRANSLATE_NOOP("ModelInfo", "Network")
OPTIMIZER, RUN = QT_TRANSLATE_NOOP("ModelInfo", "Optimizer"), QT_TRANSLATE_NOOP("ModelInfo", "Run")
# (Train tab page, field, label, how its value reads), in the form's order.
SETTINGS: tuple[tuple[str, str, str, Callable[[object], str]], ...] = (
    (DATA, "dataset", QT_TRANSLATE_NOOP("ModelInfo", "Dataset"), lambda v: render(title(str(v)))),
    (DATA, "subset", QT_TRANSLATE_NOOP("ModelInfo", "Images"),
     lambda v: _all(v) if v == 0 else fill(translate("ModelInfo", "first {count}"), count=_count(v, _all(v)))),
    (DATA, "validation", QT_TRANSLATE_NOOP("ModelInfo", "Validation"),
     lambda v: fill(translate("ModelInfo", "{percent:g} %"), percent=100 * v)),
    (DATA, "shift", QT_TRANSLATE_NOOP("ModelInfo", "Random shift"),
     lambda v: translate("ModelInfo", "off") if v == 0 else fill(translate("ModelInfo", "{pixels} px"), pixels=v)),
    (DATA, "scale_inputs", QT_TRANSLATE_NOOP("ModelInfo", "Scale inputs to [0, 1]"), _yes),
    (NETWORK, "hidden", QT_TRANSLATE_NOOP("ModelInfo", "Hidden layers"),
     lambda v: str(v) or translate("ModelInfo", "none (a linear model)")),
    (NETWORK, "activation", QT_TRANSLATE_NOOP("ModelInfo", "Activation"), lambda v: str(v).replace("_", " ")),
    (NETWORK, "head", QT_TRANSLATE_NOOP("ModelInfo", "Output + loss"), lambda v: render(HEAD_TEXT.get(v, str(v)))),
    (NETWORK, "regression", QT_TRANSLATE_NOOP("ModelInfo", "Regression: one output = label/10"), _yes),
    (NETWORK, "init", QT_TRANSLATE_NOOP("ModelInfo", "Initialiser"),
     lambda v: render(INIT_TEXT.get(v, str(v).capitalize()))),
    (NETWORK, "bias", QT_TRANSLATE_NOOP("ModelInfo", "Layers have a bias"), _yes),
    (NETWORK, "float64", QT_TRANSLATE_NOOP("ModelInfo", "64-bit floats"), _yes),
    (OPTIMIZER, "optimizer", QT_TRANSLATE_NOOP("ModelInfo", "Optimizer"), lambda v: render(OPTIMIZER_TEXT.get(v, str(v)))),
    (OPTIMIZER, "lr", QT_TRANSLATE_NOOP("ModelInfo", "Learning rate"), _decimal),
    (OPTIMIZER, "momentum", QT_TRANSLATE_NOOP("ModelInfo", "Momentum"), _decimal),
    (OPTIMIZER, "schedule", QT_TRANSLATE_NOOP("ModelInfo", "Schedule"), lambda v: render(SCHEDULE_TEXT.get(v, str(v)))),
    (OPTIMIZER, "weight_decay", QT_TRANSLATE_NOOP("ModelInfo", "Weight decay"),
     lambda v: translate("ModelInfo", "off") if v == 0 else _decimal(v)),
    (RUN, "batch_size", QT_TRANSLATE_NOOP("ModelInfo", "Batch size"),
     lambda v: _count(v, translate("ModelInfo", "full batch"))),
    (RUN, "sum_gradient", QT_TRANSLATE_NOOP("ModelInfo", "Sum the gradient over the batch"), _yes),
    (RUN, "epochs", QT_TRANSLATE_NOOP("ModelInfo", "Epochs"), lambda v: _count(v, "0")),
    (RUN, "seed", QT_TRANSLATE_NOOP("ModelInfo", "Seed"), str),
)
SPLITS = {"train": QT_TRANSLATE_NOOP("ModelInfo", "Training"), "val": QT_TRANSLATE_NOOP("ModelInfo", "Validation"),
          "validation": QT_TRANSLATE_NOOP("ModelInfo", "Validation"), "test": QT_TRANSLATE_NOOP("ModelInfo", "Test")}
# The metrics a run records, by name; another name reads as its split and its words.
METRICS = {"train_loss": QT_TRANSLATE_NOOP("ModelInfo", "Training loss"),
           "train_accuracy": QT_TRANSLATE_NOOP("ModelInfo", "Training accuracy"),
           "val_loss": QT_TRANSLATE_NOOP("ModelInfo", "Validation loss"),
           "val_accuracy": QT_TRANSLATE_NOOP("ModelInfo", "Validation accuracy"),
           "test_loss": QT_TRANSLATE_NOOP("ModelInfo", "Test loss"),
           "test_accuracy": QT_TRANSLATE_NOOP("ModelInfo", "Test accuracy"),
           # What a model tuned on My digits records (training.finetune), in words.
           "test_accuracy_before": QT_TRANSLATE_NOOP("ModelInfo", "Test accuracy before tuning"),
           "personal_accuracy": QT_TRANSLATE_NOOP("ModelInfo", "Accuracy on my held-out digits"),
           "personal_accuracy_before": QT_TRANSLATE_NOOP("ModelInfo", "Accuracy on my held-out digits before tuning"),
           "personal_train_digits": QT_TRANSLATE_NOOP("ModelInfo", "My digits it was tuned on"),
           "personal_heldout_digits": QT_TRANSLATE_NOOP("ModelInfo", "My digits held out")}
# Per-epoch series: column title and how one value reads (filled with ``value``).
HISTORY = {"train_loss": (METRICS["train_loss"], "{value:.4f}"),
           "train_accuracy": (METRICS["train_accuracy"], "{value:.2%}"),
           "val_loss": (METRICS["val_loss"], "{value:.4f}"), "val_accuracy": (METRICS["val_accuracy"], "{value:.2%}"),
           "lr": (QT_TRANSLATE_NOOP("ModelInfo", "Learning rate"), "{value:.4g}"),
           "seconds": (QT_TRANSLATE_NOOP("ModelInfo", "Epoch time"), QT_TRANSLATE_NOOP("ModelInfo", "{value:.1f} s"))}
PREPROCESSING_TEXT = {"mnist-28": QT_TRANSLATE_NOOP("ModelInfo", "cropped, scaled to 20 px and centred, as MNIST's "
                                                                 "digits"),
                      "digits-8x8": QT_TRANSLATE_NOOP("ModelInfo", "counted into 8×8 blocks of 0–16, as the 8×8 digits")}


class ModelInfoDialog(QDialog):
    """The current model's metadata: architecture, dataset, settings, metrics, history."""

    def __init__(self, parent: QWidget, model: Model) -> None:
        super().__init__(parent)
        self.setObjectName("modelInfoDialog")
        self.setWindowTitle(fill(translate("ModelInfo", "Model: {name}"),
                                 name=model.name or translate("ModelInfo", "untitled")))
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
    words = render(METRICS[key]) if key in METRICS else \
        f"{render(SPLITS.get(split, split.capitalize()))} {kind.replace('_', ' ')}".strip()
    if not math.isfinite(value):
        return fill(translate("ModelInfo", "{metric}: not a number"), metric=words)
    if kind.partition("_")[0] == "accuracy":  # also "accuracy_before", a tuned model's before
        return fill(translate("ModelInfo", "{metric}: {percent:.2f} %"), metric=words, percent=100 * value)
    return fill(translate("ModelInfo", "{metric}: {value:.4g}"), metric=words, value=value)


def settings_rows(settings: dict) -> list[tuple[str, str, str]]:
    """``(group, label, value)`` for each stored setting, the Train tab's groups and labels first, then any
    setting the form does not have (an older or another program's file) under "Other"."""
    rows = [(render(group), render(label), read(settings[key])) for group, key, label, read in SETTINGS
            if key in settings]
    known = {key for _, key, _, _ in SETTINGS}
    rows += [(translate("ModelInfo", "Other"), key.replace("_", " "), str(value)) for key, value in settings.items()
             if key not in known]
    return rows


def _settings_html(settings: dict) -> str:
    if not settings:
        return translate("ModelInfo", "<p>not recorded</p>")
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
        return translate("ModelInfo", "<p>not trained in digitpad</p>")
    head = "".join(f"<th>{render(HISTORY[k][0])}</th>" for k in series)

    def cell(key: str, epoch: int) -> str:
        values = history[key]
        ok = epoch < len(values) and math.isfinite(values[epoch])
        return f"<td>{fill(render(HISTORY[key][1]), value=values[epoch]).replace('%', ' %') if ok else '—'}</td>"
    body = "".join(f"<tr><td>{e + 1}</td>{''.join(cell(k, e) for k in series)}</tr>" for e in range(epochs))
    epoch = translate("ModelInfo", "Epoch")
    return f"<table border=0 cellspacing=6><tr><th>{epoch}</th>{head}</tr>{body}</table>"


def _mistakes_html(mistakes: tuple[str, ...]) -> str:
    """What the lab's deliberate mistakes on the network mean here, then each one in the lab's words."""
    if not mistakes:
        return ""
    parts = []
    for name in mistakes:
        mistake = MISTAKES.get(name)
        title, explanation = (render(mistake.title), render(mistake.explanation)) if mistake else (name, "")
        parts.append(fill(translate("ModelInfo", "<p><b>{title}.</b> {explanation}</p>"),
                          title=html.escape(title), explanation=html.escape(explanation)))
    intro = (translate("ModelInfo", "<h4 style='color:#d9534f'>Deliberate lab mistake</h4><p>The learning lab trained "
                                    "this model with this bug on purpose, and the model keeps it: it changes how the "
                                    "network learns (its gradient), not what it predicts. Look inside ▸ Gradient check "
                                    "fails for it.</p>") if len(mistakes) == 1 else
             translate("ModelInfo", "<h4 style='color:#d9534f'>Deliberate lab mistakes</h4><p>The learning lab trained "
                                    "this model with these bugs on purpose, and the model keeps them: they change how "
                                    "the network learns (its gradient), not what it predicts. Look inside ▸ Gradient "
                                    "check fails for it.</p>"))
    return intro + "".join(parts)


def model_html(model: Model) -> str:
    """The model's metadata as a small HTML document."""
    metrics = "".join(f"<li>{html.escape(metric_text(k, v))}</li>" for k, v in model.metrics.items()) \
        or translate("ModelInfo", "<li>none</li>")
    changes = "".join(fill(translate("ModelInfo", "<li>{change} from epoch {epoch}, batch {batch}</li>"),
                           change=html.escape(step_text(StepChange(**c))), epoch=c["epoch"] + 1, batch=c["batch"] + 1)
                      for c in model.step_changes)
    changed = fill(translate("ModelInfo", "<h4>Changed while training</h4><ul>{changes}</ul>"), changes=changes) \
        if changes else ""
    seen = render(PREPROCESSING_TEXT.get(model.preprocessing, model.preprocessing))
    n = model.network.n_parameters()
    head = (translate("ModelInfo", "<h3>{name}</h3><p><b>{network}</b>, {parameters:,} parameter<br>Dataset: "
                                   "{dataset}<br>Input: {shape} images, {preprocessing}<br>Saved: {saved}</p>")
            if n == 1 else
            translate("ModelInfo", "<h3>{name}</h3><p><b>{network}</b>, {parameters:,} parameters<br>Dataset: "
                                   "{dataset}<br>Input: {shape} images, {preprocessing}<br>Saved: {saved}</p>"))
    body = translate("ModelInfo", "<h4>Metrics</h4><ul>{metrics}</ul><h4>Settings</h4>{settings}{changed}"
                                  "<h4>History</h4>{history}")
    return (fill(head, name=html.escape(model.name or translate("ModelInfo", "Untitled model")),
                 network=html.escape(repr(model.network)), parameters=n,
                 dataset=html.escape(render(title(model.dataset)) if model.dataset
                                     else translate("ModelInfo", "unknown")),
                 shape="×".join(map(str, model.input_shape)), preprocessing=html.escape(seen),
                 saved=html.escape(model.created or translate("ModelInfo", "not saved yet")))
            + _mistakes_html(model.mistakes)
            + fill(body, metrics=metrics, settings=_settings_html(model.hyperparameters), changed=changed,
                   history=_history_html(model.history)))
