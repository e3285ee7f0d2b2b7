"""The run history (issue 17): a run recorded as it trains, files that are not a run history, two writers at once,
runs whose writer died, lists filtered and sorted, edits, and what a long run's losses take on the disk."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from support.runs import StopAt

from digitpad.data import loading
from digitpad.training.prepare import prepare_run
from digitpad.training.recovery import Checkpointer, list_checkpoints, process_identity, resume_state
from digitpad.training.reports import Callback, EpochStats, TrainResult
from digitpad.training.runs.recorder import RunRecorder
from digitpad.training.runs.schema import (
    APPLICATION_ID,
    MIGRATIONS,
    SCHEMA_VERSION,
    RunStoreError,
    connect,
    database_path,
)
from digitpad.training.runs.store import RunStore
from digitpad.training.runs.summary import SORTS, RunFilter
from digitpad.training.settings import RunSettings

SMALL = RunSettings(dataset="digits8x8", hidden="16", epochs=3)
SETTINGS = {"dataset": "digits8x8"}


@pytest.fixture(scope="module")
def digits():
    return loading.load("digits8x8", "train")


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "runs.db"


@pytest.fixture
def store(db):
    with RunStore(db) as s:
        yield s


def fit_recorded(settings: RunSettings, data, db: Path, extra: tuple = (), **recorder):
    """Train ``settings`` with a RunRecorder (after ``extra``, whose ``trainer`` is set); the recorder and result."""
    run = prepare_run(settings, data)
    rec = RunRecorder(run, "cli", recorder.pop("name", "run"), path=db, **recorder)
    trainer = run.trainer([*extra, rec])
    for cb in extra:
        cb.trainer = trainer
    result = trainer.fit(run.train, run.val, recorder.get("resume"))
    rec.close()
    return rec, result


def as_float32(values) -> np.ndarray:
    return np.asarray(values, dtype=np.float32)


# -- recording real runs ---------------------------------------------------------------------------------------------
def test_a_recorded_run_is_its_result_epoch_by_epoch_and_batch_by_batch(digits, db):
    rec, result = fit_recorded(SMALL, digits, db, name="first")
    assert rec.error is None and result.status == "completed"
    with RunStore(db) as store:
        assert store.history(rec.run_id) == result.history
        losses = store.batch_losses(rec.run_id)
        assert losses.dtype == np.float32 and np.array_equal(losses, as_float32(result.batch_losses))
        summary = store.summary(rec.run_id)
        details = store.details(rec.run_id)
    assert (summary.name, summary.status, summary.epochs, summary.epochs_done) == ("first", "completed", 3, 3)
    assert summary.stopped_at is None and summary.network == "64-16-10 relu softmax"
    assert summary.dataset == "digits8x8" and summary.front_end == "cli" and summary.setup == "custom"
    assert summary.best_val_accuracy == max(result.history["val_accuracy"])
    assert summary.val_accuracy == result.final_metrics["val_accuracy"]
    assert summary.seconds == result.seconds and summary.ended >= summary.started
    assert details["metrics"] == {key: series[-1] for key, series in result.history.items()} | result.final_metrics
    assert details["batches_per_epoch"] * 3 == len(result.batch_losses) and details["data_fingerprint"]


def test_a_run_stopped_mid_epoch_says_where_and_keeps_the_batches_of_its_last_epoch(digits, db):
    settings = replace(SMALL, batch_size=8)
    rec, result = fit_recorded(settings, digits, db, extra=(StopAt(1, 40),))
    assert result.status == "stopped" and result.stopped_at == (2, 41)
    with RunStore(db) as store:
        summary = store.summary(rec.run_id)
        losses = store.batch_losses(rec.run_id)
        per_epoch = store.details(rec.run_id)["batches_per_epoch"]
        assert store.history(rec.run_id) == result.history and len(result.history["train_loss"]) == 1
    assert summary.status == "stopped" and summary.stopped_at == (2, 41) and summary.epochs_done == 1
    assert summary.status_text() == "stopped at epoch 2, batch 41"
    assert len(losses) == per_epoch + 41 and np.array_equal(losses, as_float32(result.batch_losses))


class RaiseLearningRate(Callback):
    """Sets a learning rate no run survives in epoch 3."""

    trainer = None

    def on_batch_end(self, stats) -> None:
        if (stats.epoch, stats.batch) == (2, 0):
            self.trainer.change_step(lr=1e30)


def test_a_diverged_run_keeps_the_epochs_of_its_restored_weights(digits, db):
    rec, result = fit_recorded(replace(SMALL, epochs=4, scale_inputs=False), digits, db, extra=(RaiseLearningRate(),))
    assert result.status == "diverged" and result.epochs_done == 2
    with RunStore(db) as store:
        summary = store.summary(rec.run_id)
        history = store.history(rec.run_id)
        losses = store.batch_losses(rec.run_id)
        message = store.details(rec.run_id)["message"]
    assert summary.status == "diverged" and summary.epochs_done == 2 and message == result.message
    assert history == result.history and all(len(series) == 2 for series in history.values())
    assert np.array_equal(losses, as_float32(result.batch_losses))  # the plot keeps the batches up to the failure
    assert summary.best_val_accuracy == max(result.history["val_accuracy"])


class KillAfterEpoch(Callback):
    """Ends the process's run as a kill would in epoch ``epoch``'s end (after the recorder's write, before the
    checkpoint): nobody hears of the end."""

    def __init__(self, epoch: int) -> None:
        self.epoch = epoch

    def on_epoch_end(self, stats) -> None:
        if stats.epoch + 1 == self.epoch:
            raise KeyboardInterrupt


def test_a_resumed_run_goes_on_in_its_row_and_ends_as_one_never_interrupted(digits, tmp_path):
    settings = replace(SMALL, epochs=4, batch_size=32)
    _, whole = fit_recorded(settings, digits, tmp_path / "whole.db")
    db = tmp_path / "runs.db"
    run = prepare_run(settings, digits)
    checkpointer = Checkpointer(run, "cli", "r", min_interval=0.0)
    first = RunRecorder(run, "cli", "r", checkpoint=checkpointer.id, path=db)
    with pytest.raises(KeyboardInterrupt):  # epoch 3 recorded, its checkpoint never written
        run.fit([first, KillAfterEpoch(3), checkpointer])
    first.close()
    with RunStore(db) as store:
        assert len(store.history(first.run_id)["train_loss"]) == 3
    (entry,), _ = list_checkpoints()
    assert entry.epochs_done == 2
    again = prepare_run(settings, digits)
    state = resume_state(entry, again.network, again.data)
    rec, result = fit_recorded(settings, digits, db, checkpoint=entry.id, resume=state, name="r")
    assert rec.run_id == first.run_id and result.status == "completed"
    with RunStore(db) as store:
        assert store.count() == 1
        history, summary = store.history(rec.run_id), store.summary(rec.run_id)
        losses = store.batch_losses(rec.run_id)
    assert history == result.history
    assert {k: v for k, v in history.items() if k != "seconds"} == {
        k: v for k, v in whole.history.items() if k != "seconds"}
    assert np.array_equal(losses, as_float32(whole.batch_losses))
    assert (summary.status, summary.epochs_done) == ("completed", 4)
    assert summary.seconds == pytest.approx(result.seconds)


@pytest.mark.parametrize("per_epoch", [7, 240, 1000])
def test_batch_losses_rewritten_from_any_batch_read_back_as_written(store, per_epoch):
    """Recording an epoch again, a resume cutting the epochs after its checkpoint, and a stop's tail of batches
    all land where they belong in the run's stream of losses, whatever its parts."""
    run_id = store.begin_run(name="a", front_end="cli", kind="train", settings=SETTINGS, network="n", epochs=9,
                             batches_per_epoch=per_epoch, checkpoint="c1")
    rng = np.random.default_rng(per_epoch)
    epochs = [rng.random(per_epoch, dtype=np.float32) for _ in range(9)]

    def record(epoch):
        store.record_epoch(run_id, EpochStats(epoch, 9, 0.5, 0.8, None, None, 0.1, 1.0), epochs[epoch], 1.0)
    for epoch in range(5):
        record(epoch)
    epochs[4] = rng.random(per_epoch, dtype=np.float32)
    record(4)  # written again
    assert np.array_equal(store.batch_losses(run_id), np.concatenate(epochs[:5]))
    resumed = store.begin_run(name="a", front_end="cli", kind="train", settings=SETTINGS, network="n", epochs=9,
                              batches_per_epoch=per_epoch, checkpoint="c1", resumed_after=3)
    assert resumed == run_id and np.array_equal(store.batch_losses(run_id), np.concatenate(epochs[:3]))
    assert len(store.history(run_id)["train_loss"]) == 3
    epochs[3] = rng.random(per_epoch, dtype=np.float32)
    record(3)
    tail = [float(v) for v in rng.random(per_epoch // 2 + 1, dtype=np.float32)]
    result = TrainResult("stopped", "stopped", 4, {"train_loss": [0.5] * 4}, [], stopped_at=(5, len(tail)))
    result.batch_losses = [float(v) for v in np.concatenate(epochs[:4])] + tail
    store.finish_run(run_id, result, per_epoch)
    assert np.array_equal(store.batch_losses(run_id), as_float32(result.batch_losses))
    assert store.summary(run_id).stopped_at == (5, len(tail))
    sizes = [len(blob) // 4 for (blob,) in store._db.execute("SELECT losses FROM batch_losses WHERE run_id = ? "
                                                             "ORDER BY first", (run_id,))]
    assert max(sizes) <= 240 and all(size == 240 for size in sizes[:-1])  # full parts, only the last one short


# -- the file: schema versions, and files that are not a run history ---------------------------------------------------
def test_a_database_of_the_first_schema_is_migrated_and_keeps_its_runs(db):
    connection, notice = connect(db, MIGRATIONS[:1])
    assert notice == "" and connection.execute("PRAGMA user_version").fetchone()[0] == 1
    connection.execute(
        "INSERT INTO runs (id, name, front_end, kind, recipe, lab_preset, dataset, data_fingerprint, network, settings, "
        "epochs, epochs_done, batches_per_epoch, status, message, started, seconds, metrics, step_changes, "
        "app_version, pid, process) VALUES (7, 'old run', 'cli', 'train', '', '', 'digits8x8', '', '64-16-10 relu "
        "softmax', '{}', 2, 2, 3, 'completed', '', 1000.0, 1.5, '{}', '[]', '0.1', 1, 'x')")
    connection.execute("INSERT INTO epochs VALUES (7, 1, 0.5, 0.8, NULL, NULL, 0.1, 0.7)")
    connection.execute("INSERT INTO batch_losses VALUES (7, 1, ?)", (as_float32([3, 2, 1]).tobytes(),))
    connection.execute("INSERT INTO batch_losses VALUES (7, 2, ?)", (as_float32([0.5, 0.25]).tobytes(),))  # a tail
    connection.close()
    with RunStore(db) as store:
        assert store._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 2
        (summary,) = store.summaries()
        assert (summary.id, summary.name, summary.tags) == (7, "old run", ())
        store.set_tags(7, ["keep", "old"])
        assert store.summary(7).tags == ("keep", "old")
        assert store.history(7) == {"train_loss": [0.5], "train_accuracy": [0.8], "lr": [0.1], "seconds": [0.7]}
        assert store.batch_losses(7).tolist() == [3, 2, 1, 0.5, 0.25]
        store.finish_run(7, TrainResult("completed", "", 1, {"train_loss": [0.5]}, [3, 2, 1, 9]), 3)
        assert store.batch_losses(7).tolist() == [3, 2, 1, 9]
        assert store.integrity() == "ok"


def foreign_database(path: Path, application_id: int = 0, tables: bool = True) -> None:
    with sqlite3.connect(path) as other:
        if tables:
            other.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
            other.execute("INSERT INTO notes (text) VALUES ('not yours')")
        other.execute(f"PRAGMA application_id = {application_id}")
    other.close()


def damaged_ours(path: Path, keep: int) -> None:
    """A run history of ours with its pages after the first ``keep`` bytes replaced by garbage."""
    with RunStore(path) as s:
        for i in range(30):
            s.begin_run(name=f"run {i}", front_end="cli", kind="train", settings=SETTINGS | {"pad": "x" * 400},
                        network="n", epochs=1, batches_per_epoch=1)
    data = path.read_bytes()
    assert data.startswith(b"SQLite format 3\x00") and len(data) > 3 * 4096
    path.write_bytes(data[:keep] + np.random.default_rng(1).bytes(len(data) - keep))


@pytest.mark.parametrize("make, why", [
    (lambda p: p.write_bytes(np.random.default_rng(0).bytes(10_000)), "not an SQLite database"),
    (lambda p: p.write_bytes(b"SQLite format 3\x00"), "not an SQLite database"),  # the first bytes of a copy
    (foreign_database, "another program's database"),
    (lambda p: foreign_database(p, 0x1234), "another program's database (application id 0x1234)"),
    (lambda p: foreign_database(p, 0x1234, tables=False), "application id 0x1234"),
    (lambda p: damaged_ours(p, 4096), "malformed"),  # its first page, then garbage
    (lambda p: damaged_ours(p, 100), "malformed"),  # its header, then garbage
], ids=["random", "truncated", "foreign", "foreign-app-id", "foreign-app-id-empty", "damaged", "header-only"])
def test_a_file_that_is_no_run_history_is_moved_aside_untouched_and_a_new_one_started(tmp_path, make, why):
    db = tmp_path / "runs.db"
    make(db)
    original = db.read_bytes()
    (tmp_path / "notes.txt").write_text("mine")
    (tmp_path / "runs.db.bak").write_bytes(b"backup")
    with RunStore(db) as store:
        (aside,) = tmp_path.glob("runs.db.unreadable-*")
        assert aside.read_bytes() == original
        assert why in store.notice and aside.name in store.notice and "new one was started" in store.notice
        run_id = store.begin_run(name="fresh", front_end="cli", kind="train", settings=SETTINGS, network="n",
                                 epochs=1, batches_per_epoch=1)
        assert [s.id for s in store.summaries()] == [run_id] and store.integrity() == "ok"
    assert {p.name for p in tmp_path.iterdir()} == {"runs.db", aside.name, "notes.txt", "runs.db.bak"}
    assert (tmp_path / "notes.txt").read_text() == "mine" and (tmp_path / "runs.db.bak").read_bytes() == b"backup"
    with RunStore(db) as again:  # the new one is ours: nothing moved the second time
        assert again.notice == "" and again.count() == 1
    assert len(list(tmp_path.glob("runs.db.unreadable-*"))) == 1


def test_an_empty_file_is_a_new_run_history_in_place(db):
    # An empty file is also what another process's connection is a moment before it writes the first page:
    # moving it aside would take that process's database from under it.
    db.write_bytes(b"")
    with RunStore(db) as store:
        assert store.notice == "" and store.count() == 0
        with RunStore(db) as other:
            assert other.notice == ""
    assert list(db.parent.glob("*.unreadable-*")) == []
    assert db.read_bytes()[68:72] == APPLICATION_ID.to_bytes(4, "big")


@pytest.mark.parametrize("journal", ["wal", "delete"])
def test_a_run_history_of_a_newer_digitpad_is_refused_and_left_as_it_is(db, journal):
    with RunStore(db) as s:
        s.begin_run(name="future", front_end="cli", kind="train", settings=SETTINGS, network="n", epochs=1,
                    batches_per_epoch=1)
    with sqlite3.connect(db) as raw:
        raw.execute(f"PRAGMA journal_mode = {journal}")
        raw.execute("PRAGMA user_version = 99")
    raw.close()
    before = db.read_bytes()
    with pytest.raises(RunStoreError, match=r"newer digitpad \(schema 99"):
        RunStore(db)
    assert db.read_bytes() == before
    assert sorted(p.name for p in db.parent.iterdir()) == ["runs.db"]


def test_the_database_is_where_the_environment_says(db, monkeypatch):
    monkeypatch.setenv("DIGITPAD_RUNS_DB", str(db))
    assert database_path() == db
    with RunStore() as store:
        assert store.path == db and store._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.read_bytes()[68:72] == APPLICATION_ID.to_bytes(4, "big")


# -- two at once -------------------------------------------------------------------------------------------------------
def test_two_recorders_and_a_reader_at_once_all_complete(digits, db):
    settings = replace(SMALL, epochs=6, batch_size=16)
    outcomes, errors, done = {}, [], threading.Event()

    def train(name):
        try:
            outcomes[name] = fit_recorded(settings, digits, db, name=name)
        except Exception as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)

    def read():
        with RunStore(db) as reader:
            while not done.is_set():
                try:
                    for summary in reader.summaries():
                        reader.record(summary.id)
                except Exception as exc:  # noqa: BLE001
                    errors.append(exc)
                    return

    threads = [threading.Thread(target=train, args=(name,)) for name in ("a", "b")]
    reading = threading.Thread(target=read)
    for t in [*threads, reading]:
        t.start()
    for t in threads:
        t.join(30)
    done.set()
    reading.join(10)
    assert errors == [] and sorted(outcomes) == ["a", "b"]
    with RunStore(db) as store:
        for rec, result in outcomes.values():
            assert rec.error is None
            assert store.summary(rec.run_id).status == "completed"
            assert store.history(rec.run_id) == result.history
            assert np.array_equal(store.batch_losses(rec.run_id), as_float32(result.batch_losses))


def test_a_writer_holding_the_database_makes_the_others_wait_not_fail(store, db):
    run_id = store.begin_run(name="a", front_end="cli", kind="train", settings=SETTINGS, network="n", epochs=1,
                             batches_per_epoch=1)
    holding, released = threading.Event(), []

    def hold():
        raw = sqlite3.connect(db, isolation_level=None)
        raw.execute("BEGIN IMMEDIATE")
        raw.execute("UPDATE runs SET message = 'held' WHERE id = ?", (run_id,))
        holding.set()
        time.sleep(0.5)
        released.append(time.perf_counter())
        raw.execute("COMMIT")
        raw.close()

    writer = threading.Thread(target=hold)
    writer.start()
    holding.wait(5)
    assert [s.name for s in store.summaries()] == ["a"] and not released  # a reader does not wait for the commit
    with RunStore(db) as other:  # opening does not wait either, nor fail
        assert not released
        store.rename(run_id, "renamed")  # waits for the writer's commit
        assert released and released[0] <= time.perf_counter()
        assert other.summary(run_id).name == "renamed" and store.details(run_id)["message"] == "held"
    writer.join()


# -- runs whose writer is gone ------------------------------------------------------------------------------------------
def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_run_whose_process_is_gone_is_marked_interrupted_and_ours_is_not(store, db):
    def begin(name):
        return store.begin_run(name=name, front_end="cli", kind="train", settings=SETTINGS, network="n", epochs=5,
                               batches_per_epoch=1)
    ours, dead, reused, nameless, done = (begin(n) for n in ("ours", "dead", "reused", "nameless", "done"))
    pid = dead_pid()
    store._db.execute("UPDATE runs SET pid = ?, process = ? WHERE id = ?", (pid, f"boot:{pid}", dead))
    store._db.execute("UPDATE runs SET process = 'another-boot:1' WHERE id = ?", (reused,))  # our pid, not us
    store._db.execute("UPDATE runs SET pid = ?, process = '' WHERE id = ?", (pid, nameless))
    store.finish_run(done, TrainResult("completed", "ok", 0), 1)
    store._db.execute("UPDATE runs SET pid = ?, process = 'x' WHERE id = ?", (pid, done))
    assert process_identity(os.getpid()) == store._process != ""
    with RunStore(db) as other:  # opening a store marks them
        statuses = {s.name: s.status for s in other.summaries()}
    assert statuses == {"ours": "running", "dead": "interrupted", "reused": "interrupted",
                        "nameless": "interrupted", "done": "completed"}
    assert store.mark_interrupted() == 0
    assert store.summary(dead).status_text() == "interrupted at epoch 0 of 5"
    assert "process ended" in store.details(dead)["message"]
    assert store.summary(ours).status == "running"


# -- lists, filters, sorts and edits ---------------------------------------------------------------------------------
def populate(store: RunStore) -> dict[str, int]:
    """Seven runs of every setup, dataset and status, each a day apart; their ids by name."""
    rows = [  # name, kind, recipe, lab preset, dataset, network, status, best, test, seconds
        ("Quick", "train", "quick", "", "digits8x8", "64-16-10 relu softmax", "completed", 0.9, 0.88, 3.0),
        ("Best", "train", "best", "", "mnist", "784-256-128-10 relu softmax", "completed", 0.98, None, 300.0),
        ("mine", "train", "", "", "mnist", "784-32-10 tanh softmax", "stopped", 0.7, 0.69, 30.0),
        ("lab a", "lab", "", "xor", "xor", "2-4-1 tanh sigmoid \\", "completed", None, None, 1.0),
        ("lab b", "lab", "", "spiral", "spiral", "2-16-3 relu softmax", "diverged", 0.4, None, 2.0),
        ("tuned", "finetune", "", "", "mnist", "784-256-128-10 relu softmax", "completed", 0.95, 0.97, 60.0),
        ("zeta", "train", "", "", "digits8x8", "64-100_5-10 relu softmax", "failed", None, None, 0.5),
    ]
    ids = {}
    for day, (name, kind, recipe, preset, dataset, network, status, best, test, seconds) in enumerate(rows):
        run_id = store.begin_run(name=name, front_end="cli", kind=kind, settings={"dataset": dataset},
                                 network=network, epochs=2, batches_per_epoch=1, recipe=recipe, lab_preset=preset)
        store._db.execute("UPDATE runs SET status = ?, best_val_accuracy = ?, test_accuracy = ?, seconds = ?, "
                          "started = ? WHERE id = ?", (status, best, test, seconds, 1e9 + day * 86400, run_id))
        ids[name] = run_id
    store.set_tags(ids["mine"], ["keeper", "  ", "keeper", "wide"])
    store.set_tags(ids["Best"], ["wide"])
    return ids


@pytest.mark.parametrize("where, names", [
    (RunFilter(), ["zeta", "tuned", "lab b", "lab a", "mine", "Best", "Quick"]),
    (RunFilter(dataset="mnist"), ["tuned", "mine", "Best"]),
    (RunFilter(setup="recipe:best"), ["Best"]),
    (RunFilter(setup="recipe"), ["Best", "Quick"]),
    (RunFilter(setup="lab"), ["lab b", "lab a"]),
    (RunFilter(setup="lab:xor"), ["lab a"]),
    (RunFilter(setup="finetune"), ["tuned"]),
    (RunFilter(setup="custom"), ["zeta", "mine"]),
    (RunFilter(status="completed"), ["tuned", "lab a", "Best", "Quick"]),
    (RunFilter(since=1e9 + 2 * 86400), ["zeta", "tuned", "lab b", "lab a", "mine"]),
    (RunFilter(until=1e9 + 2 * 86400), ["Best", "Quick"]),
    (RunFilter(since=1e9 + 86400, until=1e9 + 3 * 86400), ["mine", "Best"]),
    (RunFilter(text="LAB"), ["lab b", "lab a"]),  # the name, whatever the case
    (RunFilter(text="keep"), ["mine"]),  # a tag
    (RunFilter(text="wide"), ["mine", "Best"]),
    (RunFilter(text=" 784-256 "), ["tuned", "Best"]),  # the network
    (RunFilter(text="100_5"), ["zeta"]),  # _ and % are themselves, not wildcards
    (RunFilter(text="4_1"), []),  # no "4-1" (lab a)
    (RunFilter(text="%"), []),
    (RunFilter(text="\\"), ["lab a"]),
    (RunFilter(dataset="mnist", setup="custom", status="stopped", text="32"), ["mine"]),
    (RunFilter(dataset="xor", status="diverged"), []),
])
def test_a_filter_lets_through_the_runs_it_names(store, where, names):
    populate(store)
    assert [s.name for s in store.summaries(where)] == names and store.count(where) == len(names)


def test_each_sort_orders_the_runs_as_it_says(store):
    populate(store)
    runs = store.summaries()
    newest = sorted(runs, key=lambda s: -s.started)

    def ranked(key):  # the newest first among equals, a missing number last
        return [s.name for s in sorted(newest, key=key)]
    expected = {
        "newest": [s.name for s in newest],
        "oldest": [s.name for s in reversed(newest)],
        "accuracy": ranked(lambda s: (s.best_val_accuracy is None, -(s.best_val_accuracy or 0))),
        "test accuracy": ranked(lambda s: (s.test_accuracy is None, -(s.test_accuracy or 0))),
        "longest": ranked(lambda s: -s.seconds),
        "shortest": ranked(lambda s: s.seconds),
        "name": ranked(lambda s: s.name.lower()),
    }
    assert set(expected) == set(SORTS)
    for sort, names in expected.items():
        assert [s.name for s in store.summaries(sort=sort)] == names, sort
    assert expected["accuracy"][:2] == ["Best", "tuned"] and expected["name"][:2] == ["Best", "lab a"]
    assert [s.name for s in store.summaries(sort="oldest", limit=2)] == ["Quick", "Best"]
    assert store.values("dataset") == ["digits8x8", "mnist", "spiral", "xor"]


def test_rename_tags_and_delete(store):
    ids = populate(store)
    store.rename(ids["mine"], "  wide one  ")
    assert store.summary(ids["mine"]).name == "wide one"
    with pytest.raises(RunStoreError, match="empty"):
        store.rename(ids["mine"], "   ")
    assert store.summary(ids["mine"]).name == "wide one"
    assert store.summary(ids["mine"]).tags == ("keeper", "wide")
    store.set_tags(ids["mine"], ["b", "a"])
    summary = store.summary(ids["mine"])
    assert summary.tags == ("a", "b") and replace(summary) == summary and hash(replace(summary)) == hash(summary)
    with pytest.raises(AttributeError):
        summary.name = "x"  # frozen, however it was made
    stats = EpochStats(0, 2, 0.5, 0.8, None, None, 0.1, 1.0)
    for name in ("mine", "Best"):
        store.record_epoch(ids[name], stats, as_float32([1, 2]), 1.0)
    assert store.delete([ids["mine"], ids["mine"], 999]) == 1
    with pytest.raises(RunStoreError, match="no run"):
        store.summary(ids["mine"])
    for table in ("epochs", "batch_losses", "tags"):
        left = store._db.execute(f"SELECT run_id FROM {table} WHERE run_id IN (?, ?)", (ids["mine"], ids["Best"]))
        assert [row[0] for row in left] == [ids["Best"]], table
    assert store.count() == 6 and store.delete([]) == 0


# -- size --------------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("epochs, per_epoch", [(100, 500), (34, 1471), (500, 100)])
def test_a_50000_batch_runs_losses_take_under_250_kb(db, epochs, per_epoch):
    with RunStore(db) as store:
        run_id = store.begin_run(name="long", front_end="cli", kind="train", settings=SETTINGS, network="n",
                                 epochs=epochs, batches_per_epoch=per_epoch)
        rng = np.random.default_rng(0)
        for epoch in range(epochs):
            store.record_epoch(run_id, EpochStats(epoch, epochs, 0.1, 0.9, 0.1, 0.9, 0.01, 1.0),
                               rng.random(per_epoch, dtype=np.float32), 1.0)
        assert len(store.batch_losses(run_id)) >= 50_000
        store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        loss_bytes = batch_loss_bytes(store._db)
    assert loss_bytes < 250_000


def batch_loss_bytes(db: sqlite3.Connection) -> int:
    """The bytes of the pages that hold batch losses (the table and its indexes)."""
    tables = [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE tbl_name = 'batch_losses'")]
    try:
        return db.execute(f"SELECT sum(pgsize) FROM dbstat WHERE name IN ({', '.join('?' * len(tables))})",
                          tables).fetchone()[0]
    except sqlite3.OperationalError:  # no dbstat in this SQLite: the whole file, an upper bound
        db.execute("VACUUM")
        return db.execute("PRAGMA page_count").fetchone()[0] * db.execute("PRAGMA page_size").fetchone()[0]


# -- what the review found ---------------------------------------------------------------------------------------------
def test_an_epoch_whose_write_failed_is_filled_in_at_the_end(digits, db, monkeypatch):
    real = RunStore.record_epochs

    def fails_at_epoch_2(self, run_id, epochs, *args, **kwargs):
        if any(stats.epoch == 1 for stats, _ in epochs):
            raise RunStoreError("the disk was full for a moment")
        return real(self, run_id, epochs, *args, **kwargs)

    monkeypatch.setattr(RunStore, "record_epochs", fails_at_epoch_2)
    run = prepare_run(replace(SMALL, epochs=4), digits)
    rec = RunRecorder(run, "cli", "gap", path=db)
    seen = {}

    class Look(Callback):  # epochs 1, 2 and 3 each written at their end (the writer waited for), then read back
        def on_epoch_end(self, stats) -> None:
            if stats.epoch in (0, 1, 2):
                rec._stop_writer()
            if stats.epoch == 2:
                with RunStore(db) as store:
                    seen["epochs"] = [e for (e,) in store._db.execute(
                        "SELECT epoch FROM epochs WHERE run_id = ? ORDER BY epoch", (rec.run_id,))]
                    seen["losses"] = store.batch_losses(rec.run_id)

    result = run.fit([rec, Look()])
    rec.close()
    per_epoch = len(result.batch_losses) // 4
    assert isinstance(rec.error, RunStoreError) and seen["epochs"] == [1, 3]
    losses = seen["losses"]  # the missing epoch is a gap in the stream, not epoch 3 moved into its place
    assert np.isnan(losses[per_epoch:2 * per_epoch]).all()
    assert np.array_equal(losses[2 * per_epoch:3 * per_epoch], as_float32(result.batch_losses[2 * per_epoch:
                                                                                              3 * per_epoch]))
    with RunStore(db) as store:  # the end rewrote the whole run from its result
        assert store.history(rec.run_id) == result.history
        assert np.array_equal(store.batch_losses(rec.run_id), as_float32(result.batch_losses))
        assert store.summary(rec.run_id).epochs_done == 4


def test_a_stop_by_a_quit_is_recorded_interrupted_with_where_it_stopped(digits, db):
    run = prepare_run(replace(SMALL, batch_size=8), digits)
    rec = RunRecorder(run, "window", "quit", path=db)
    stop = StopAt(1, 10)
    trainer = run.trainer([stop, rec])
    stop.trainer = trainer
    rec.interrupt_on_stop("interrupted: the window was closed while it trained")
    result = trainer.fit(run.train, run.val)
    rec.close()
    assert result.status == "stopped"
    with RunStore(db) as store:
        summary = store.summary(rec.run_id)
        assert (summary.status, summary.stopped_at) == ("interrupted", (2, 11))
        assert store.details(rec.run_id)["message"] == "interrupted: the window was closed while it trained"


def test_a_writer_thread_error_of_any_kind_is_kept(digits, db, monkeypatch):
    def no_memory(self, *args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(RunStore, "record_epochs", no_memory)
    rec, result = fit_recorded(SMALL, digits, db)
    assert isinstance(rec.error, MemoryError) and result.status == "completed"


def damaged_deep_inside(db: Path, status: str) -> None:
    """A run history of 200 runs of ``status`` with a page in the middle of its runs table replaced by garbage."""
    with RunStore(db) as store:
        for i in range(200):
            store.begin_run(name=f"run {i}", front_end="cli", kind="train", settings=SETTINGS | {"pad": "x" * 400},
                            network="n", epochs=1, batches_per_epoch=1)
        store._db.execute("UPDATE runs SET status = ?", (status,))
        store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(db.read_bytes())
    page = len(data) // 4096 // 2  # the opening's probe reads a table's first page only
    data[page * 4096:(page + 1) * 4096] = np.random.default_rng(2).bytes(4096)
    db.write_bytes(bytes(data))


def test_damage_found_while_reading_moves_the_file_aside_at_the_next_opening(db):
    damaged_deep_inside(db, "completed")
    with RunStore(db) as store:
        assert store.notice == ""
        with pytest.raises(RunStoreError, match="damaged and will be moved aside"):
            store.summaries()
    original = db.read_bytes()
    with RunStore(db) as store:  # the next opening moves it aside and starts a new one
        assert "damaged while reading it" in store.notice and store.count() == 0
    (aside,) = db.parent.glob("runs.db.unreadable-*")
    assert aside.read_bytes() == original
    with RunStore(db) as store:
        assert store.notice == ""


def test_damage_found_by_the_opening_itself_moves_the_file_aside_at_once(db):
    damaged_deep_inside(db, "running")  # the opening reads the running runs to mark the interrupted ones
    with RunStore(db) as store:
        assert "damaged while reading it" in store.notice and store.count() == 0
    assert len(list(db.parent.glob("runs.db.unreadable-*"))) == 1


def test_a_busy_file_is_never_taken_for_a_damaged_one(store):
    busy = sqlite3.OperationalError("database is locked")
    busy.sqlite_errorcode = sqlite3.SQLITE_BUSY
    assert "damaged" not in str(store._failed(busy, writing=False)) and not list(store.path.parent.glob("*.damaged"))


def test_filters_of_a_kind_without_names_and_tags_with_line_breaks(store):
    run_id = store.begin_run(name="tuned", front_end="cli", kind="finetune", settings=SETTINGS, network="n",
                             epochs=1, batches_per_epoch=1)
    assert [s.id for s in store.summaries(RunFilter(setup="finetune:anything"))] == [run_id]
    store.set_tags(run_id, ["two\nlines", "  spaced   out "])
    assert store.summary(run_id).tags == ("spaced out", "two lines")


def test_a_new_file_another_connection_holds_is_waited_for(db):
    other = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN EXCLUSIVE")  # as another process does while it makes the file
    threading.Timer(0.3, lambda: (other.execute("COMMIT"), other.close())).start()
    with RunStore(db) as store:
        assert store._db.execute("PRAGMA journal_mode").fetchone()[0] == "wal" and store.count() == 0
