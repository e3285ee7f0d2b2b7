"""The sentences the window says of a run as it goes and ends, in the person's language (context RunPresenter).

:class:`~digitpad.ui.run_view.RunPresenter` shows them in the training and
lab panels and the status bar; each is one translated template with its
numbers in the locale's format.
"""

from __future__ import annotations

from digitpad.common.text import Message
from digitpad.training.reports import EpochStats, TrainResult
from digitpad.training.runs.summary import RunSummary
from digitpad.ui.base.i18n import fill, listed, render, translate
from digitpad.ui.jobs.training import Progress


def duration(seconds: float) -> str:
    """``"42 s"`` or ``"3:07"``: a run's time for the window."""
    seconds = max(0, int(round(seconds)))  # noqa: RUF046 - a NumPy float rounds to a NumPy float
    if seconds >= 60:
        return fill("{minutes}:{seconds:02d}", minutes=seconds // 60, seconds=seconds % 60)
    return fill(translate("RunPresenter", "{seconds} s"), seconds=seconds)


def progress_text(p: Progress) -> str:
    """The text on the progress bar: where the run is and the time left."""
    return fill(translate("RunPresenter", "epoch {epoch}/{epochs} · batch {batch}/{batches} · {time} left"),
                epoch=p.epoch + 1, epochs=p.epochs, batch=p.batch + 1, batches=p.n_batches, time=duration(p.eta))


def epoch_text(s: EpochStats) -> str:
    """The status after an epoch: its loss, and its validation accuracy when there is a validation set."""
    if s.val_accuracy is None:
        return fill(translate("RunPresenter", "Epoch {epoch}/{epochs}: loss {loss:.4f}"),
                    epoch=s.epoch + 1, epochs=s.epochs, loss=s.train_loss)
    return fill(translate("RunPresenter", "Epoch {epoch}/{epochs}: loss {loss:.4f}, validation accuracy "
                          "{accuracy:.1%}"), epoch=s.epoch + 1, epochs=s.epochs, loss=s.train_loss,
                accuracy=s.val_accuracy)


def result_text(result: TrainResult) -> str:
    """The trainer's message of how the run ended (e.g. "trained for 10 epochs")."""
    return render(result.text or result.message)


def ended_text(result: TrainResult) -> str:
    """The status as a run ends: how, and how long it took."""
    message = result_text(result)
    return fill(translate("RunPresenter", "{message} ({time})."), message=message[:1].upper() + message[1:],
                time=duration(result.seconds))


def again_text(run: RunSummary) -> str:
    """The status once Train again has filled the form with ``run``'s settings."""
    if run.kind == "finetune":
        text = translate("RunPresenter", "The form has the settings of {run} (Train trains a new network with "
                         "them). Press Train (F5) to train it again.")
    else:
        text = translate("RunPresenter", "The form has the settings of {run}. Press Train (F5) to train it again.")
    return fill(text, run=run.name)


def picked_text(choices: list[Message], fix: str) -> str:
    """The status once a doctor's ``fix`` has ticked the Lab's ``choices`` (their labels) for a lab run."""
    quoted = listed(fill(translate("RunPresenter", "“{choice}”"), choice=render(choice)) for choice in choices)
    return fill(translate("RunPresenter", "Picked {choices} in the Lab ({fix}). Press Run with ticked fixes to try "
                          "it."), choices=quoted, fix=fix)
