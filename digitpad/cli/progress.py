"""A one-line terminal progress bar for the CLI, redrawn at most 10 times a second."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from digitpad.training.reports import BatchStats, Callback, EpochStats


def format_seconds(seconds: float) -> str:
    seconds = int(round(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}" if seconds >= 60 else f"{seconds}s"


class ProgressBar:
    """``label [#######.......] 40% detail``; on a non-terminal only :meth:`line` prints."""

    def __init__(self, stream: TextIO | None = None, width: int = 24) -> None:
        self.stream = stream or sys.stderr
        self.width = width
        self.live = self.stream.isatty()
        self._last = 0.0

    def update(self, label: str, done: float, total: float, detail: str = "") -> None:
        now = time.monotonic()
        if not self.live or (now - self._last < 0.1 and done < total):
            return
        self._last = now
        share = done / total if total else 0.0
        filled = int(self.width * share)
        self.stream.write(f"\r{label} [{'#' * filled}{'.' * (self.width - filled)}] {share:4.0%} {detail}\033[K")
        self.stream.flush()

    def line(self, text: str) -> None:
        """A permanent line, replacing the bar."""
        self.stream.write(("\r\033[K" if self.live else "") + text + "\n")
        self.stream.flush()


class TrainingProgress(Callback):
    """Trainer callback: a live bar per epoch and a summary line after each."""

    def __init__(self, bar: ProgressBar, epochs: int) -> None:
        self.bar, self._epochs = bar, epochs

    def on_batch_end(self, s: BatchStats) -> None:
        done = s.epoch * s.n_batches + s.batch + 1
        total = s.n_batches * self._epochs
        left = s.elapsed / done * (total - done)
        self.bar.update(f"epoch {s.epoch + 1}/{self._epochs}", s.batch + 1, s.n_batches,
                        f"loss {s.loss:.4f}  {format_seconds(left)} left")

    def on_epoch_end(self, s: EpochStats) -> None:
        val = f"  val loss {s.val_loss:.4f}  val acc {s.val_accuracy:.2%}" if s.val_loss is not None else ""
        self.bar.line(f"epoch {s.epoch + 1}/{s.epochs}  loss {s.train_loss:.4f}  acc {s.train_accuracy:.2%}"
                      f"{val}  lr {s.lr:.3g}  {s.seconds:.1f}s")
