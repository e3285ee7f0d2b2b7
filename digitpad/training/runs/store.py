"""Every run recorded: :class:`RunStore` writes a run's rows as it goes and reads the history back.

A run is one row of ``runs`` (settings, dataset, network, status, times,
final numbers, the model file saved from it), one row of ``epochs`` per epoch
and its batch losses as one float32 stream in parts of 240 (4 bytes a batch: a
50,000-batch run takes about 220 KB of the file, whatever its epochs). Epochs are
written in short transactions, so two processes record at once (the other waits
at most for a few epochs' rows) and a kill leaves every epoch written before it. A run whose writer is gone while its row
still says ``running`` was interrupted: the next store opened says so
(:meth:`RunStore.mark_interrupted`).

Lists are read from the ``runs`` rows alone
(:class:`~digitpad.training.runs.summary.RunSummary`); a run's
curves only when asked (:meth:`RunStore.record`), so 10,000 runs list in
milliseconds. The schema is in :mod:`~digitpad.training.runs.schema`.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Self

import numpy as np

from digitpad import __version__
from digitpad.common.text import QT_TRANSLATE_NOOP, Text
from digitpad.training.history import RunRecord
from digitpad.training.recovery import process_identity
from digitpad.training.reports import EpochStats, TrainResult
from digitpad.training.runs.schema import (
    LOSSES_PER_PART,
    RunStoreError,
    connect,
    damaged_marker,
    database_path,
    note_if_damaged,
)
from digitpad.training.runs.summary import EVERY_RUN, SORTS, SUMMARY_COLUMNS, RunFilter, RunSummary

HISTORY_KEYS = ("train_loss", "train_accuracy", "val_loss", "val_accuracy", "lr", "seconds")


class RunStore:
    """The run history in the database at ``path`` (default :func:`~digitpad.training.runs.schema.database_path`).

    ``notice`` is "" or a sentence for the person: a file in the database's
    place was no run history and was moved aside (``notice_text``: the same,
    marked for translation, for the window). Each instance has its own
    connection; use one from one thread at a time. Every error is a
    RunStoreError.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else database_path()
        self._db, self.notice_text = connect(self.path)
        self._process = process_identity(os.getpid())
        self._data_version: int | None = None  # PRAGMA data_version when changed() last looked
        try:
            self.mark_interrupted()
        except RunStoreError:
            if not damaged_marker(self.path).exists():
                raise
            self._db.close()  # damaged where the opening's probe did not look: moved aside now, a new one begun
            self._db, self.notice_text = connect(self.path)

    @property
    def notice(self) -> str:
        """The notice in English (the CLI's ``note:`` line)."""
        return str(self.notice_text)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction, taking the write lock at once (waiting up to the busy timeout for another's)."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        except sqlite3.Error as exc:
            raise RunStoreError(self._failed(exc, writing=True)) from exc

    def _read(self, sql: str, values: Iterable = ()) -> list[tuple]:
        try:
            return self._db.execute(sql, tuple(values)).fetchall()
        except sqlite3.Error as exc:
            raise RunStoreError(self._failed(exc, writing=False)) from exc

    def _failed(self, exc: sqlite3.Error, writing: bool) -> Text:
        """The error of a failed read or write, saying so when SQLite found the file damaged (the next opening
        moves it aside)."""
        if note_if_damaged(self.path, exc):
            template = QT_TRANSLATE_NOOP("RunStore", "cannot write the run history {path}: {reason}; it is damaged "
                                                     "and will be moved aside, and a new one started, when "
                                                     "digitpad next opens it") if writing else \
                QT_TRANSLATE_NOOP("RunStore", "cannot read the run history {path}: {reason}; it is damaged and will "
                                              "be moved aside, and a new one started, when digitpad next opens it")
        else:
            template = QT_TRANSLATE_NOOP("RunStore", "cannot write the run history {path}: {reason}") if writing \
                else QT_TRANSLATE_NOOP("RunStore", "cannot read the run history {path}: {reason}")
        return template.fill(path=self.path, reason=exc)

    # -- recording a run -------------------------------------------------------
    def begin_run(self, *, name: str, front_end: str, kind: str, settings: dict, network: str, epochs: int,
                  batches_per_epoch: int, recipe: str = "", lab_preset: str = "", checkpoint: str | None = None,
                  resumed_after: int = 0) -> int:
        """A new run's row, status running; its id. With ``checkpoint`` (a recovery checkpoint's id) and a run
        already recorded with it, that run goes on instead: its epochs after ``resumed_after`` are dropped."""
        now = time.time()
        with self._write() as db:
            if checkpoint is not None:
                row = db.execute("SELECT id FROM runs WHERE checkpoint = ? ORDER BY id DESC LIMIT 1",
                                 (checkpoint,)).fetchone()
                if row is not None:
                    run_id = row[0]
                    db.execute("DELETE FROM epochs WHERE run_id = ? AND epoch > ?", (run_id, resumed_after))
                    self._put_losses(db, run_id, resumed_after * batches_per_epoch, ())
                    db.execute("UPDATE runs SET status = 'running', message = 'resumed', epochs_done = ?, "
                               "ended = NULL, stopped_epoch = NULL, stopped_batch = NULL, pid = ?, process = ?, "
                               "front_end = ?, app_version = ? WHERE id = ?",
                               (resumed_after, os.getpid(), self._process, front_end, __version__, run_id))
                    self._update_best(db, run_id)
                    return run_id
            cursor = db.execute(
                "INSERT INTO runs (name, front_end, kind, recipe, lab_preset, dataset, data_fingerprint, network, "
                "settings, epochs, epochs_done, batches_per_epoch, status, message, started, seconds, metrics, "
                "step_changes, app_version, pid, process, checkpoint) "
                "VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, ?, 0, ?, 'running', '', ?, 0, '{}', '[]', ?, ?, ?, ?)",
                (name, front_end, kind, recipe, lab_preset, str(settings.get("dataset", "")), network,
                 json.dumps(settings), epochs, batches_per_epoch, now, __version__, os.getpid(), self._process,
                 checkpoint))
            return cursor.lastrowid

    def record_epoch(self, run_id: int, stats: EpochStats, batch_losses: np.ndarray, seconds: float,
                     data_fingerprint: str = "") -> None:
        """The epoch ``stats`` of run ``run_id``, its batches' losses, and the run's training time so far."""
        self.record_epochs(run_id, [(stats, batch_losses)], seconds, data_fingerprint)

    def record_epochs(self, run_id: int, epochs: list[tuple[EpochStats, np.ndarray]], seconds: float,
                      data_fingerprint: str = "") -> None:
        """Consecutive epochs of run ``run_id`` (each its stats and its batches' losses) in one transaction, and
        the run's training time after the last."""
        if not epochs:
            return
        last = epochs[-1][0]
        val = [stats.val_accuracy for stats, _ in epochs if stats.val_accuracy is not None]
        with self._write() as db:
            db.executemany("INSERT OR REPLACE INTO epochs VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           [(run_id, stats.epoch + 1, stats.train_loss, stats.train_accuracy, stats.val_loss,
                             stats.val_accuracy, stats.lr, stats.seconds) for stats, _ in epochs])
            # Every full epoch of a run has as many batches: these begin after the epochs before them.
            first, losses = epochs[0], np.concatenate([np.asarray(batch, np.float32) for _, batch in epochs])
            self._put_losses(db, run_id, first[0].epoch * len(first[1]), losses)
            best = max(val) if val else None
            db.execute("UPDATE runs SET epochs_done = ?, seconds = ?, "
                       "best_val_accuracy = max(coalesce(best_val_accuracy, ?), coalesce(?, best_val_accuracy)), "
                       "data_fingerprint = CASE WHEN ? != '' THEN ? ELSE data_fingerprint END WHERE id = ?",
                       (last.epoch + 1, seconds, best, best, data_fingerprint, data_fingerprint, run_id))

    def finish_run(self, run_id: int, result: TrainResult, batches_per_epoch: int) -> None:
        """The run's end as ``result`` says: its status and final numbers, and its epochs and batch losses
        rewritten from the result, which holds the whole run (a resumed run's earlier epochs too): an epoch a
        failed write or a kill left out is filled in, a diverged run goes back to its last good epoch, and the
        batches of an epoch it was stopped in are the stream's end."""
        history = result.history
        done = len(history.get("train_loss", ()))
        metrics = {key: series[-1] for key, series in history.items() if series} | result.final_metrics
        stopped = result.stopped_at if result.status in ("stopped", "interrupted") else None
        columns = [history.get(key) or [None] * done for key in HISTORY_KEYS]
        with self._write() as db:
            db.execute("DELETE FROM epochs WHERE run_id = ?", (run_id,))
            db.executemany("INSERT INTO epochs VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           [(run_id, epoch + 1, *(column[epoch] for column in columns)) for epoch in range(done)])
            self._put_losses(db, run_id, 0, result.batch_losses)
            db.execute("UPDATE runs SET status = ?, message = ?, epochs_done = ?, ended = ?, seconds = ?, "
                       "stopped_epoch = ?, stopped_batch = ?, val_accuracy = ?, metrics = ?, step_changes = ?, "
                       "batches_per_epoch = ? WHERE id = ?",
                       (result.status, result.message, done, time.time(), result.seconds,
                        *(stopped or (None, None)), metrics.get("val_accuracy"), json.dumps(metrics),
                        json.dumps([asdict(change) for change in result.step_changes]), batches_per_epoch, run_id))
            self._update_best(db, run_id)

    def end_run(self, run_id: int, status: str, message: str) -> None:
        """A run that did not reach its end: "interrupted" (Ctrl+C, a quit) or "failed" (an error)."""
        with self._write() as db:
            db.execute("UPDATE runs SET status = ?, message = ?, ended = ? WHERE id = ? AND status = 'running'",
                       (status, message, time.time(), run_id))

    def add_metrics(self, run_id: int, metrics: dict[str, float]) -> None:
        """Numbers measured after the run (the CLI's validation and test accuracy) join its final metrics."""
        with self._write() as db:
            row = db.execute("SELECT metrics FROM runs WHERE id = ?", (run_id,)).fetchone()
            if row is None:
                return
            merged = json.loads(row[0]) | {key: float(value) for key, value in metrics.items()}
            db.execute("UPDATE runs SET metrics = ?, val_accuracy = ?, test_accuracy = ? WHERE id = ?",
                       (json.dumps(merged), merged.get("val_accuracy"), merged.get("test_accuracy"), run_id))

    def set_model_path(self, run_id: int, path: str | os.PathLike) -> None:
        """The model file saved from the run (the latest, if saved more than once)."""
        with self._write() as db:
            db.execute("UPDATE runs SET model_path = ? WHERE id = ?", (str(Path(path).resolve()), run_id))

    def mark_interrupted(self) -> int:
        """Mark the runs still "running" whose writer is gone (killed, or its machine restarted) as interrupted;
        how many there were."""
        rows = self._read("SELECT id, pid, process FROM runs WHERE status = 'running'")
        gone = [run_id for run_id, pid, process in rows if not process or process_identity(pid) != process]
        if gone:
            with self._write() as db:
                db.executemany("UPDATE runs SET status = 'interrupted', message = 'interrupted: its process ended "
                               "before the run did' WHERE id = ? AND status = 'running'", [(i,) for i in gone])
        return len(gone)

    @staticmethod
    def _put_losses(db: sqlite3.Connection, run_id: int, start: int, losses) -> None:
        """The run's batch losses from its batch ``start`` (from 0) on become ``losses``: the stream is cut there
        and they are appended, the last part filled up to LOSSES_PER_PART before new ones begin."""
        db.execute("DELETE FROM batch_losses WHERE run_id = ? AND first >= ?", (run_id, start))
        blob = np.asarray(losses, dtype="<f4").tobytes()
        last = db.execute("SELECT first, losses FROM batch_losses WHERE run_id = ? ORDER BY first DESC LIMIT 1",
                          (run_id,)).fetchone()
        if last is not None and len(last[1]) // 4 + last[0] > start:  # it goes past the cut: shorten it
            last = (last[0], last[1][:(start - last[0]) * 4])
            db.execute("UPDATE batch_losses SET losses = ? WHERE run_id = ? AND first = ?", (last[1], run_id, last[0]))
        if not blob:
            return
        if last is not None and len(last[1]) < LOSSES_PER_PART * 4 and last[0] + len(last[1]) // 4 == start:
            # fill it up: the new losses join it (not past a gap an epoch that was never written left)
            db.execute("DELETE FROM batch_losses WHERE run_id = ? AND first = ?", (run_id, last[0]))
            start, blob = last[0], last[1] + blob
        size = LOSSES_PER_PART * 4
        db.executemany("INSERT INTO batch_losses VALUES (?, ?, ?)",
                       [(run_id, start + offset // 4, blob[offset:offset + size])
                        for offset in range(0, len(blob), size)])

    @staticmethod
    def _update_best(db: sqlite3.Connection, run_id: int) -> None:
        db.execute("UPDATE runs SET best_val_accuracy = (SELECT max(val_accuracy) FROM epochs WHERE run_id = ?) "
                   "WHERE id = ?", (run_id, run_id))

    # -- reading -----------------------------------------------------------------
    def summaries(self, where: RunFilter = EVERY_RUN, sort: str = "newest",
                  limit: int | None = None) -> list[RunSummary]:
        """The runs ``where`` lets through, ordered by ``sort`` (a key of :data:`SORTS`)."""
        clause, values = where.where()
        sql = f"SELECT {SUMMARY_COLUMNS} FROM runs{clause} ORDER BY {SORTS[sort]}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [RunSummary.from_row(row) for row in self._read(sql, values)]

    def summary(self, run_id: int) -> RunSummary:
        rows = self._read(f"SELECT {SUMMARY_COLUMNS} FROM runs WHERE id = ?", (run_id,))
        if not rows:
            raise RunStoreError(_no_run(run_id))
        return RunSummary.from_row(rows[0])

    def settings(self, run_id: int) -> dict:
        rows = self._read("SELECT settings FROM runs WHERE id = ?", (run_id,))
        if not rows:
            raise RunStoreError(_no_run(run_id))
        return json.loads(rows[0][0])

    def details(self, run_id: int) -> dict:
        """Everything else recorded of the run: message, metrics, step changes, batches per epoch, data
        fingerprint, app version, checkpoint."""
        rows = self._read("SELECT message, metrics, step_changes, batches_per_epoch, data_fingerprint, app_version, "
                          "checkpoint FROM runs WHERE id = ?", (run_id,))
        if not rows:
            raise RunStoreError(_no_run(run_id))
        message, metrics, changes, per_epoch, fingerprint, version, checkpoint = rows[0]
        return {"message": message, "metrics": json.loads(metrics), "step_changes": json.loads(changes),
                "batches_per_epoch": per_epoch, "data_fingerprint": fingerprint, "app_version": version,
                "checkpoint": checkpoint}

    def history(self, run_id: int) -> dict[str, list[float]]:
        """The per-epoch series as ``TrainResult.history`` has them (a series the run did not record, such as
        validation without a validation set, is left out)."""
        rows = self._read(f"SELECT {', '.join(HISTORY_KEYS)} FROM epochs WHERE run_id = ? ORDER BY epoch",
                          (run_id,))
        columns = list(zip(*rows)) if rows else [()] * len(HISTORY_KEYS)
        return {key: [float(v) for v in column] for key, column in zip(HISTORY_KEYS, columns)
                if column and all(v is not None for v in column)}

    def batch_losses(self, run_id: int) -> np.ndarray:
        """Every batch's loss, in order (float32); NaN for the batches of an epoch that was never written (a
        run interrupted after a write failed)."""
        rows = self._read("SELECT first, losses FROM batch_losses WHERE run_id = ? ORDER BY first", (run_id,))
        if not rows:
            return np.zeros(0, np.float32)
        losses = np.full(max(first + len(blob) // 4 for first, blob in rows), np.nan, np.float32)
        for first, blob in rows:
            losses[first:first + len(blob) // 4] = np.frombuffer(blob, dtype="<f4")
        return losses

    def record(self, run_id: int) -> RunRecord:
        """The run as the plots and the CSV export take it (batch losses reduced as RunRecord does)."""
        summary, details = self.summary(run_id), self.details(run_id)
        return RunRecord.of(summary.name, self.settings(run_id), self.history(run_id), self.batch_losses(run_id),
                            details["batches_per_epoch"], details["metrics"], summary.status, summary.seconds, run_id)

    def values(self, column: str) -> list[str]:
        """The distinct values of ``column`` ("dataset", "recipe", "lab_preset", "kind", "status"), for filters."""
        if column not in ("dataset", "recipe", "lab_preset", "kind", "status"):
            raise ValueError(f"no filter on {column!r}")
        return [value for (value,) in self._read(f"SELECT DISTINCT {column} FROM runs ORDER BY {column}")]

    def count(self, where: RunFilter = EVERY_RUN) -> int:
        """How many runs ``where`` lets through (all of them by default): with ``summaries(limit=...)``, a list
        of the first few need not read them all."""
        clause, values = where.where()
        return self._read(f"SELECT count(*) FROM runs{clause}", values)[0][0]

    def changed(self) -> bool:
        """Whether another connection (another process, or a recorder in this one) has committed anything since
        the last call (True at the first): a list need not be read again when nothing changed."""
        version = self._read("PRAGMA data_version")[0][0]
        changed, self._data_version = version != self._data_version, version
        return changed

    # -- editing -------------------------------------------------------------------
    def rename(self, run_id: int, name: str) -> None:
        name = name.strip()
        if not name:
            raise RunStoreError(QT_TRANSLATE_NOOP("RunStore", "a run's name cannot be empty"))
        with self._write() as db:
            db.execute("UPDATE runs SET name = ? WHERE id = ?", (name, run_id))

    def set_tags(self, run_id: int, tags: Iterable[str]) -> None:
        """The run's tags become ``tags`` (blank ones and repeats dropped; a line break is a space)."""
        clean = sorted({" ".join(tag.split()) for tag in tags if tag.strip()})
        with self._write() as db:
            db.execute("DELETE FROM tags WHERE run_id = ?", (run_id,))
            db.executemany("INSERT INTO tags VALUES (?, ?)", [(run_id, tag) for tag in clean])

    def delete(self, run_ids: Iterable[int]) -> int:
        """Delete these runs with their epochs, batches and tags; how many there were."""
        ids = sorted({int(i) for i in run_ids})
        marks = ", ".join("?" * len(ids))
        with self._write() as db:
            found = db.execute(f"SELECT count(*) FROM runs WHERE id IN ({marks})", ids).fetchone()[0]
            db.execute(f"DELETE FROM runs WHERE id IN ({marks})", ids)
        return found

    def integrity(self) -> str:
        """``PRAGMA integrity_check``'s answer: "ok" for a sound file."""
        return "\n".join(row[0] for row in self._read("PRAGMA integrity_check"))


def _no_run(run_id: int) -> Text:
    return QT_TRANSLATE_NOOP("RunStore", "there is no run {run_id} in the run history").fill(run_id=run_id)
