"""A recorded run in words, for its tooltip in the Runs tab: its outcome, final numbers and settings.

The settings are named as the Train tab labels them and shown in its units
(``RunSettings.to_dict()`` keys never show), so a run can be set up again by
eye; the numbers are the run history's.
"""

from __future__ import annotations

from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.data.registry import title
from digitpad.nn.optim import MOMENTUM_OPTIMIZERS
from digitpad.training.history import duration, loss_message
from digitpad.training.runs.summary import RunSummary
from digitpad.ui.base.i18n import fill, general, render, translate
from digitpad.ui.widgets.probabilities import percent
from digitpad.ui.widgets.settings_fields import HEAD_TEXT, OPTIMIZER_TEXT

INIT_TEXT = {"uniform": QT_TRANSLATE_NOOP("RunDetails", "Uniform(−1, 1)")}  # the others as the Train tab shows them
# The final numbers, as the Train tab and the plots name them; accuracies are fractions shown in percent.
METRIC_TEXT = {"train_loss": QT_TRANSLATE_NOOP("RunDetails", "Training loss"),
               "train_accuracy": QT_TRANSLATE_NOOP("RunDetails", "Training accuracy"),
               "val_loss": QT_TRANSLATE_NOOP("RunDetails", "Validation loss"),
               "val_accuracy": QT_TRANSLATE_NOOP("RunDetails", "Validation accuracy"),
               "test_accuracy": QT_TRANSLATE_NOOP("RunDetails", "Test accuracy"),
               "test_loss": QT_TRANSLATE_NOOP("RunDetails", "Test loss"),
               "lr": QT_TRANSLATE_NOOP("RunDetails", "Final learning rate")}
SETUP_TEXT = {"window": QT_TRANSLATE_NOOP("RunDetails", "the window"),
              "cli": QT_TRANSLATE_NOOP("RunDetails", "the command line")}


def run_tooltip(run: RunSummary, settings: dict, metrics: dict[str, float]) -> str:
    """The run's tooltip: its outcome, where it ran, its final numbers, then its settings."""
    if run.status == "completed":
        if run.epochs != run.epochs_done:
            first = fill(translate("RunDetails", "Completed after {done} of {epochs} epochs"), done=run.epochs_done,
                         epochs=run.epochs)
        else:
            first = fill(translate("RunDetails", "Completed after {epochs} epochs"), epochs=run.epochs)
        lines = [first]
    else:
        text = render(run.status_message())
        lines = [text[:1].upper() + text[1:]]
    lines.append(fill(translate("RunDetails", "Started {when} from {where}"), when=run.when(),
                      where=render(SETUP_TEXT.get(run.front_end, run.front_end))))
    for key, value in metrics.items():
        if key in ("seconds", "stopped_in_epoch", "stopped_after_batch") or not isinstance(value, (int, float)):
            continue  # the last epoch's time (the run's is below); where a stop was (the first line says)
        text = percent(value) if key.endswith("accuracy") else general(value, 4)
        lines.append(_line(render(METRIC_TEXT.get(key, key.replace('_', ' ').capitalize())), text))
    if run.best_val_accuracy is not None:
        lines.append(_line(translate("RunDetails", "Best validation accuracy"), percent(run.best_val_accuracy)))
    if run.seconds:
        lines.append(_line(translate("RunDetails", "Time"), render(duration(run.seconds))))
    lines.append(_line(translate("RunDetails", "Loss"), render(loss_message(settings))))
    if run.model_path:
        lines.append(fill(translate("RunDetails", "Model saved as {path}"), path=run.model_path))
    return "\n".join([*lines, "", *settings_lines(settings)])


def settings_lines(s: dict) -> list[str]:
    """``RunSettings.to_dict()`` as "Label: value" lines, the Train tab's labels, only the settings it has."""
    def yes(key: str) -> str:
        return translate("RunDetails", "yes") if s.get(key) else translate("RunDetails", "no")

    shift = s.get("shift")
    rows = [(translate("RunDetails", "Dataset"), render(title(s["dataset"])) if "dataset" in s else None),
            (translate("RunDetails", "Images"),
             translate("RunDetails", "all") if s.get("subset") == 0 else _count(s.get("subset"))),
            (translate("RunDetails", "Validation"), _share(s.get("validation"))),
            (translate("RunDetails", "Random shift"), None if "shift" not in s else
             fill(translate("RunDetails", "{shift} px"), shift=shift) if shift else translate("RunDetails", "off")),
            (translate("RunDetails", "Hidden layers"), None if "hidden" not in s else
             s["hidden"] or translate("RunDetails", "none (a linear model)")),
            (translate("RunDetails", "Activation"), s.get("activation")),
            (translate("RunDetails", "Output + loss"), _named(HEAD_TEXT, s.get("head"))),
            (translate("RunDetails", "Regression on label/10"), yes("regression") if "regression" in s else None),
            (translate("RunDetails", "Initialiser"),
             render(INIT_TEXT.get(s.get("init"), str(s.get("init")).capitalize())) if "init" in s else None),
            (translate("RunDetails", "Bias"), yes("bias") if "bias" in s else None),
            (translate("RunDetails", "Optimizer"), _named(OPTIMIZER_TEXT, s.get("optimizer"))),
            (translate("RunDetails", "Learning rate"), _number(s.get("lr"))),
            (translate("RunDetails", "Momentum"),
             _number(s.get("momentum")) if s.get("optimizer") in MOMENTUM_OPTIMIZERS else None),
            (translate("RunDetails", "Schedule"), s.get("schedule")),
            (translate("RunDetails", "Weight decay"), _number(s.get("weight_decay"))),
            (translate("RunDetails", "Batch size"),
             translate("RunDetails", "full") if s.get("batch_size") == 0 else _count(s.get("batch_size"))),
            (translate("RunDetails", "Sum gradients"), yes("sum_gradient") if "sum_gradient" in s else None),
            (translate("RunDetails", "Scale inputs"), yes("scale_inputs") if "scale_inputs" in s else None),
            (translate("RunDetails", "Precision"), "float64" if s.get("float64") else None),
            (translate("RunDetails", "Epochs"), _count(s.get("epochs"))),
            (translate("RunDetails", "Seed"), s.get("seed"))]
    return [_line(label, value) for label, value in rows if value is not None]


def _line(label: str, value: object) -> str:
    return fill(translate("RunDetails", "{label}: {value}"), label=label, value=value)


def _named(names: dict, key: object) -> object:
    """How the Train tab names a setting's value, or the value itself."""
    return render(names[key]) if key in names else key


def _count(value) -> str | None:
    return fill("{value:,}", value=value) if isinstance(value, int) else None


def _number(value) -> str | None:
    return general(value, 6) if isinstance(value, (int, float)) else None


def _share(share) -> str | None:
    return fill(translate("RunDetails", "{percent:g} %"), percent=100 * share) if isinstance(share, (int, float)) \
        else None
