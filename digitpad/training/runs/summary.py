"""A run as the lists show it (:class:`RunSummary`), which runs a list shows (:class:`RunFilter`) and in which
order (:data:`SORTS`): the list side of the run history, read from the ``runs`` rows alone."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime

from digitpad.common.text import QT_TRANSLATE_NOOP, Message

STATUSES = ("running", "completed", "stopped", "diverged", "interrupted", "failed")
# Each status as the window names it (the run history and the CLI keep the English words).
STATUS_NAMES = {"running": QT_TRANSLATE_NOOP("RunSummary", "running"),
                "completed": QT_TRANSLATE_NOOP("RunSummary", "completed"),
                "stopped": QT_TRANSLATE_NOOP("RunSummary", "stopped"),
                "diverged": QT_TRANSLATE_NOOP("RunSummary", "diverged"),
                "interrupted": QT_TRANSLATE_NOOP("RunSummary", "interrupted"),
                "failed": QT_TRANSLATE_NOOP("RunSummary", "failed")}
# How a list can be ordered: a name for each, and its ORDER BY (the newest first among equals).
SORTS = {
    "newest": "started DESC",
    "oldest": "started ASC",
    "accuracy": "best_val_accuracy IS NULL, best_val_accuracy DESC, started DESC",
    "test accuracy": "test_accuracy IS NULL, test_accuracy DESC, started DESC",
    "longest": "seconds DESC, started DESC",
    "shortest": "seconds ASC, started DESC",
    "name": "name COLLATE NOCASE ASC, started DESC",
}
SUMMARY_COLUMNS = ("id, name, front_end, kind, recipe, lab_preset, dataset, network, epochs, epochs_done, status, "
                    "stopped_epoch, stopped_batch, started, ended, seconds, best_val_accuracy, val_accuracy, "
                    "test_accuracy, model_path, "
                    "(SELECT group_concat(tag, char(10)) FROM (SELECT tag FROM tags WHERE run_id = runs.id "
                    "ORDER BY tag))")


@dataclass(frozen=True)
class RunSummary:
    """A run as a list shows it."""

    id: int
    name: str
    front_end: str                  # "window" or "cli"
    kind: str                       # "train", "lab" or "finetune"
    recipe: str                     # the recipe its settings follow exactly; "" for custom settings
    lab_preset: str                 # the lab preset; "" outside the lab
    dataset: str
    network: str                    # e.g. "784-256-128-10 relu softmax"
    epochs: int                     # planned
    epochs_done: int
    status: str                     # one of STATUSES
    stopped_at: tuple[int, int] | None  # (epoch, batches done in it), both from 1, for a stop mid-epoch
    started: float                  # seconds since 1970
    ended: float | None
    seconds: float                  # training time
    best_val_accuracy: float | None  # the best epoch's, a fraction
    val_accuracy: float | None      # of the weights it ended with
    test_accuracy: float | None
    model_path: str | None
    tags: tuple[str, ...]

    @classmethod
    def from_row(cls, row: tuple) -> RunSummary:
        stopped = (row[11], row[12]) if row[11] is not None else None
        tags = tuple(row[20].split("\n")) if row[20] else ()
        # Filled in directly: a frozen dataclass's __init__ sets each field through object.__setattr__, which
        # took half of the 10,000-run list's time.
        summary = object.__new__(cls)
        summary.__dict__.update(zip(_SUMMARY_FIELDS, (*row[:11], stopped, *row[13:20], tags)))
        return summary

    def when(self) -> str:
        """The start, in local time: "2026-12-01 22:40"."""
        return datetime.fromtimestamp(self.started).strftime("%Y-%m-%d %H:%M")

    @property
    def setup(self) -> str:
        """What the run was set up from, as :class:`RunFilter` ``setup`` names it: "lab:PRESET", "finetune",
        "recipe:NAME" or "custom"."""
        if self.kind == "lab":
            return f"lab:{self.lab_preset}"
        if self.kind == "finetune":
            return "finetune"
        return f"recipe:{self.recipe}" if self.recipe else "custom"

    def status_text(self) -> str:
        """"completed", "stopped at epoch 3, batch 40", "stopped after epoch 3", "interrupted at epoch 5 of 20"…"""
        return str(self.status_message())

    def status_message(self) -> Message:
        """:meth:`status_text` marked for translation, for the window."""
        if self.status == "stopped":
            if self.stopped_at:
                return QT_TRANSLATE_NOOP("RunSummary", "stopped at epoch {epoch}, batch {batch}").fill(
                    epoch=self.stopped_at[0], batch=self.stopped_at[1])
            return QT_TRANSLATE_NOOP("RunSummary", "stopped after epoch {epoch}").fill(epoch=self.epochs_done)
        if self.status == "interrupted":
            return QT_TRANSLATE_NOOP("RunSummary", "interrupted at epoch {epoch} of {epochs}").fill(
                epoch=self.epochs_done, epochs=self.epochs)
        if self.status == "running":
            return QT_TRANSLATE_NOOP("RunSummary", "running at epoch {epoch} of {epochs}").fill(
                epoch=self.epochs_done, epochs=self.epochs)
        if self.status == "failed":
            return QT_TRANSLATE_NOOP("RunSummary", "failed at epoch {epoch} of {epochs}").fill(
                epoch=self.epochs_done, epochs=self.epochs)
        return STATUS_NAMES.get(self.status, self.status)


_SUMMARY_FIELDS = tuple(f.name for f in fields(RunSummary))


@dataclass(frozen=True)
class RunFilter:
    """Which runs a list shows; None (or "") for any. ``setup`` is a :attr:`RunSummary.setup` value or one of
    its kinds ("lab", "recipe"); ``since`` and ``until`` bound the start (seconds since 1970); ``text`` is
    found in the name, a tag or the network."""

    dataset: str | None = None
    setup: str | None = None
    status: str | None = None
    since: float | None = None
    until: float | None = None
    text: str = ""

    def where(self) -> tuple[str, list]:
        clauses, values = [], []
        if self.dataset:
            clauses.append("dataset = ?")
            values.append(self.dataset)
        if self.setup:
            kind, _, name = self.setup.partition(":")
            if kind == "lab":
                clauses.append("kind = 'lab'" + (" AND lab_preset = ?" if name else ""))
                values += [name] if name else []
            elif kind == "recipe":
                clauses.append("kind = 'train' AND " + ("recipe = ?" if name else "recipe != ''"))
                values += [name] if name else []
            elif kind == "custom":
                clauses.append("kind = 'train' AND recipe = ''")
            else:  # a kind of its own ("finetune"); anything after a colon names nothing
                clauses.append("kind = ?")
                values.append(kind)
        if self.status:
            clauses.append("status = ?")
            values.append(self.status)
        if self.since is not None:
            clauses.append("started >= ?")
            values.append(self.since)
        if self.until is not None:
            clauses.append("started < ?")
            values.append(self.until)
        if self.text.strip():
            # The text as it is: % and _ (as in "100_5") are no wildcards.
            escaped = self.text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            pattern = f"%{escaped}%"
            clauses.append("(name LIKE ? ESCAPE '\\' OR network LIKE ? ESCAPE '\\' OR "
                           "id IN (SELECT run_id FROM tags WHERE tag LIKE ? ESCAPE '\\'))")
            values += [pattern] * 3
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", values

EVERY_RUN = RunFilter()  # a filter that lets every run through
