"""A run's curves, settings and outcome as the plots overlay them, and their CSV export.

A :class:`RunRecord` is made from a run's result as it ends, or read back from
the run history (:meth:`digitpad.training.runs.store.RunStore.record`). It
holds plain lists only (no network, no Qt): per-epoch history in full,
per-batch losses reduced to at most :data:`MAX_BATCH_POINTS` bin means.
"""

from __future__ import annotations

import csv
import io
import math
import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from digitpad.common.atomic import atomic_write
from digitpad.common.errors import DigitpadError
from digitpad.common.text import QT_TRANSLATE_NOOP, Message, Text

CSV_COLUMNS = ("epoch", "train_loss", "train_accuracy", "val_loss", "val_accuracy", "lr", "seconds")
# A plot a few hundred pixels wide shows no more; 60,000 batch-size-1 steps would be 500 kB per run.
MAX_BATCH_POINTS = 2000
LOSS_NAMES = {"cross_entropy": QT_TRANSLATE_NOOP("History", "cross-entropy"),
              "bce": QT_TRANSLATE_NOOP("History", "binary cross-entropy"),
              "mse": QT_TRANSLATE_NOOP("History", "squared error")}


@dataclass
class RunRecord:
    """One training run.

    Attributes
    ----------
    name : str
        Shown in the runs list and the plot legends; the user may rename it.
    settings : dict
        The run's settings (``RunSettings.to_dict()``).
    history : dict[str, list[float]]
        Per-epoch series as ``TrainResult.history`` has them (train_loss,
        train_accuracy, val_loss, val_accuracy, lr, seconds); accuracies are fractions.
    batch_steps, batch_losses : list[float]
        Batch losses at their x positions in epochs; when there were more than
        MAX_BATCH_POINTS, each is the mean of ``batch_stride`` consecutive batches.
    batch_stride : int
        Batches per stored point (1 = every batch).
    metrics : dict[str, float]
        Final values (the last epoch of each history series, and any test metrics).
    status : str
        "completed", "stopped" or "diverged", as the trainer reported it.
    colour : str
        Display colour chosen by the runs panel; empty lets a plot choose.
    seconds : float
        How long the whole run took (``TrainResult.seconds``).
    run_id : int or None
        The run's id in the run history (:mod:`digitpad.training.runs`), None when it was not recorded.
    """

    name: str
    settings: dict = field(default_factory=dict)
    history: dict[str, list[float]] = field(default_factory=dict)
    batch_steps: list[float] = field(default_factory=list)
    batch_losses: list[float] = field(default_factory=list)
    batch_stride: int = 1
    metrics: dict[str, float] = field(default_factory=dict)
    status: str = "completed"
    colour: str = ""
    seconds: float = 0.0
    run_id: int | None = None

    @classmethod
    def of(cls, name: str, settings: dict, history: dict[str, list[float]], batch_losses, batches_per_epoch: int,
           metrics: dict[str, float] | None = None, status: str = "completed", seconds: float = 0.0,
           run_id: int | None = None) -> RunRecord:
        """A record of a run's curves, its ``batch_losses`` ``batches_per_epoch`` to an epoch (reduced to bin
        means past MAX_BATCH_POINTS); ``metrics`` by default the last epoch of each history series."""
        steps = np.arange(1, len(batch_losses) + 1) / max(1, batches_per_epoch)
        stride, steps, losses = downsample(steps, np.asarray(batch_losses, dtype=np.float64))
        history = {key: list(series) for key, series in history.items()}
        if metrics is None:
            metrics = {key: series[-1] for key, series in history.items() if series}
        return cls(name, dict(settings), history, steps.tolist(), losses.tolist(), stride, dict(metrics), status,
                   seconds=seconds, run_id=run_id)

    @property
    def val_accuracy(self) -> float | None:
        """The last epoch's validation accuracy (a fraction), or None without a validation set."""
        return self.metrics.get("val_accuracy")

    @property
    def epochs_done(self) -> int:
        return max((len(series) for series in self.history.values()), default=0)

    @property
    def batches_per_epoch(self) -> float:
        """About how many mini-batches an epoch had (1 for full-batch gradient descent)."""
        return len(self.batch_losses) * self.batch_stride / max(1, self.epochs_done)

    @property
    def loss_name(self) -> str:
        """The loss its curves measure (see :func:`loss_name`)."""
        return loss_name(self.settings)


def loss_name(settings: dict) -> str:
    """The loss a run with these settings (``RunSettings.to_dict()``) computes, in words:
    "cross-entropy", "binary cross-entropy", "squared error" or "squared error on label/10"
    (a regression's squared error is on other targets, so not comparable with a classifier's)."""
    return str(loss_message(settings))


def loss_message(settings: dict) -> Message:
    """:func:`loss_name` marked for translation, for the window."""
    loss = str(settings.get("head", "?+?")).partition("+")[2]
    name = LOSS_NAMES.get(loss) or loss.replace("_", " ") or QT_TRANSLATE_NOOP("History", "unknown loss")
    return QT_TRANSLATE_NOOP("History", "{loss} on label/10").fill(loss=name) if settings.get("regression") else name


def downsample(steps: np.ndarray, losses: np.ndarray,
               max_points: int = MAX_BATCH_POINTS) -> tuple[int, np.ndarray, np.ndarray]:
    """Bin means of consecutive points, so at most ``max_points`` remain.

    Returns ``(stride, steps, losses)``: each output point is the mean of
    ``stride`` inputs (the last bin may hold fewer), at the mean of their steps.
    """
    n = len(losses)
    stride = max(1, math.ceil(n / max_points))
    if stride == 1:
        return 1, steps.astype(np.float64), losses.astype(np.float64)
    starts = np.arange(0, n, stride)
    counts = np.diff(np.append(starts, n))
    return stride, np.add.reduceat(steps, starts) / counts, np.add.reduceat(losses, starts) / counts


def duration_text(seconds: float) -> str:
    """0.7 s, 42 s, 3:07 or 1:02:03: a run's training time (in English: the CLI's)."""
    return str(duration(seconds))


def duration(seconds: float) -> Text:
    """:func:`duration_text` marked for translation, for the window (its unit, its decimal point)."""
    if seconds < 10:
        return QT_TRANSLATE_NOOP("History", "{seconds:.1f} s").fill(seconds=seconds)
    whole = round(seconds)
    if whole >= 3600:
        return QT_TRANSLATE_NOOP("History", "{hours}:{minutes:02d}:{seconds:02d}").fill(
            hours=whole // 3600, minutes=whole // 60 % 60, seconds=whole % 60)
    if whole >= 60:
        return QT_TRANSLATE_NOOP("History", "{minutes}:{seconds:02d}").fill(minutes=whole // 60, seconds=whole % 60)
    return QT_TRANSLATE_NOOP("History", "{seconds} s").fill(seconds=whole)


def settings_summary(settings: dict) -> str:
    """One short line of the settings that tell runs apart, e.g.
    ``"mnist · 256,128 relu · momentum lr 0.05 · batch 128 · 10 ep"``."""
    get = settings.get
    optimizer, lr = get("optimizer", "?"), get("lr")
    parts = [get("dataset", "?"), f"{get('hidden', '?')} {get('activation', '?')}",
             f"{optimizer} lr {lr:g}" if isinstance(lr, (int, float)) else optimizer,
             f"batch {get('batch_size') or 'full'}", f"{get('epochs', '?')} ep"]
    # The deliberate mistakes and unusual choices, only when they are on.
    flags = {"sum_gradient": "sum of gradients", "regression": "regression", "float64": "float64"}
    parts += [text for key, text in flags.items() if get(key)]
    if get("scale_inputs") is False:
        parts.append("unscaled inputs")
    if get("weight_decay"):
        parts.append(f"decay {get('weight_decay'):g}")
    return " · ".join(str(p) for p in parts)


def history_csv(record: RunRecord) -> str:
    """The run's per-epoch history as CSV text, one row per epoch.

    Columns are :data:`CSV_COLUMNS`; epochs count from 1; numbers are written
    with ``repr`` so they read back bit-identical; a series the run did not
    record (no validation set) leaves its cells empty.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for i in range(record.epochs_done):
        row = [i + 1]
        for key in CSV_COLUMNS[1:]:
            series = record.history.get(key, [])
            row.append(repr(float(series[i])) if i < len(series) else "")
        writer.writerow(row)
    return out.getvalue()


def save_history_csv(path: str | os.PathLike, record: RunRecord) -> None:
    """Write :func:`history_csv` to ``path`` atomically; DigitpadError says why it failed."""
    path = Path(path)
    try:
        with atomic_write(path) as out:
            out.write(history_csv(record).encode("utf-8"))
    except OSError as e:
        raise DigitpadError(QT_TRANSLATE_NOOP("History", "cannot write {path}: {reason}").fill(
            path=path, reason=e.strerror or e)) from e
