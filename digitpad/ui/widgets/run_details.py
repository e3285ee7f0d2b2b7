"""A recorded run in words, for its tooltip in the Runs tab: its outcome, final numbers and settings.

The settings are named as the Train tab labels them and shown in its units
(``RunSettings.to_dict()`` keys never show), so a run can be set up again by
eye; the numbers are the run history's.
"""

from __future__ import annotations

from digitpad.data.registry import title
from digitpad.nn.optim import MOMENTUM_OPTIMIZERS
from digitpad.training.history import duration_text, loss_name
from digitpad.training.runs.summary import RunSummary
from digitpad.ui.widgets.settings_fields import HEAD_TEXT, OPTIMIZER_TEXT

INIT_TEXT = {"uniform": "Uniform(−1, 1)"}  # the others as the Train tab shows them: capitalised
# The final numbers, as the Train tab and the plots name them; accuracies are fractions shown in percent.
METRIC_TEXT = {"train_loss": "Training loss", "train_accuracy": "Training accuracy", "val_loss": "Validation loss",
               "val_accuracy": "Validation accuracy", "test_accuracy": "Test accuracy", "test_loss": "Test loss",
               "lr": "Final learning rate"}
SETUP_TEXT = {"window": "the window", "cli": "the command line"}


def run_tooltip(run: RunSummary, settings: dict, metrics: dict[str, float]) -> str:
    """The run's tooltip: its outcome, where it ran, its final numbers, then its settings."""
    if run.status == "completed":
        done = f"{run.epochs_done} of {run.epochs} epochs" if run.epochs != run.epochs_done else f"{run.epochs} epochs"
        lines = [f"Completed after {done}"]
    else:
        text = run.status_text()
        lines = [text[:1].upper() + text[1:]]
    lines.append(f"Started {run.when()} from {SETUP_TEXT.get(run.front_end, run.front_end)}")
    for key, value in metrics.items():
        if key in ("seconds", "stopped_in_epoch", "stopped_after_batch") or not isinstance(value, (int, float)):
            continue  # the last epoch's time (the run's is below); where a stop was (the first line says)
        text = f"{100 * value:.1f} %" if key.endswith("accuracy") else f"{value:.4g}"
        lines.append(f"{METRIC_TEXT.get(key, key.replace('_', ' ').capitalize())}: {text}")
    if run.best_val_accuracy is not None:
        lines.append(f"Best validation accuracy: {100 * run.best_val_accuracy:.1f} %")
    if run.seconds:
        lines.append(f"Time: {duration_text(run.seconds)}")
    lines.append(f"Loss: {loss_name(settings)}")
    if run.model_path:
        lines.append(f"Model saved as {run.model_path}")
    return "\n".join([*lines, "", *settings_lines(settings)])


def settings_lines(s: dict) -> list[str]:
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
