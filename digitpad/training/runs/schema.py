"""The run history's database file: where it lives, its schema and migrations, and a file that is not one.

The database is one SQLite file (``runs.db`` in the user data folder, or
``$DIGITPAD_RUNS_DB``) in WAL mode, so the window can read while a CLI run
writes, and a writer kill leaves the last committed transaction, never a
broken file. ``synchronous=NORMAL``: a commit is not flushed to the disk (a
power cut may lose the last epochs' rows, never the file's consistency),
which keeps an epoch's row a fraction of a millisecond.

The schema's version is ``PRAGMA user_version``; :data:`MIGRATIONS` takes a
database from each version to the next, and a new database is made by running
them all in order, so every database, however old, ends on the same schema.
``PRAGMA application_id`` marks the file as digitpad's: a file in its place
that is no SQLite database, or another program's, is moved aside with a
timestamp (:func:`connect` says so in ``notice``) and a new one is started.
A database from a newer digitpad is left alone and not written.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import platformdirs

from digitpad.common.errors import DigitpadError
from digitpad.common.text import QT_TRANSLATE_NOOP, Message

ENV_VAR = "DIGITPAD_RUNS_DB"
APPLICATION_ID = 0x64706164  # "dpad"
BUSY_TIMEOUT_MS = 5000  # another process's transaction is short (one epoch's rows): wait for it
SQLITE_HEADER = b"SQLite format 3\x00"

# Each entry takes the schema from its index's version to the next (index 0: from an empty file to version 1).
MIGRATIONS: tuple[str, ...] = (
    # 1: runs, their epochs and their batch losses.
    """
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        front_end TEXT NOT NULL,          -- window, cli
        kind TEXT NOT NULL,               -- train, lab, finetune
        recipe TEXT NOT NULL,             -- the recipe the settings follow exactly, '' for custom settings
        lab_preset TEXT NOT NULL,         -- the lab preset, '' outside the lab
        dataset TEXT NOT NULL,
        data_fingerprint TEXT NOT NULL,
        network TEXT NOT NULL,            -- e.g. 784-256-128-10 relu softmax
        settings TEXT NOT NULL,           -- RunSettings.to_dict() as JSON
        epochs INTEGER NOT NULL,          -- planned
        epochs_done INTEGER NOT NULL,
        batches_per_epoch INTEGER NOT NULL,
        status TEXT NOT NULL,             -- running, completed, stopped, diverged, interrupted, failed
        message TEXT NOT NULL,
        stopped_epoch INTEGER,            -- a stop in the middle of an epoch: where (both from 1)
        stopped_batch INTEGER,
        started REAL NOT NULL,            -- seconds since 1970
        ended REAL,
        seconds REAL NOT NULL,            -- training time
        best_val_accuracy REAL,
        val_accuracy REAL,                -- of the weights the run ended with
        test_accuracy REAL,
        metrics TEXT NOT NULL,            -- every final number, JSON
        step_changes TEXT NOT NULL,       -- JSON list of StepChange fields
        model_path TEXT,                  -- the last model file saved from the run
        app_version TEXT NOT NULL,
        pid INTEGER NOT NULL,             -- the writer, to tell a run going on from one a kill interrupted
        process TEXT NOT NULL,
        checkpoint TEXT                   -- the recovery checkpoint's id, so a resumed run goes on in its row
    );
    CREATE INDEX runs_by_start ON runs (started);
    CREATE INDEX runs_by_checkpoint ON runs (checkpoint);
    CREATE TABLE epochs (
        run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        epoch INTEGER NOT NULL,           -- from 1
        train_loss REAL, train_accuracy REAL, val_loss REAL, val_accuracy REAL, lr REAL, seconds REAL,
        PRIMARY KEY (run_id, epoch)
    ) WITHOUT ROWID;
    CREATE TABLE batch_losses (
        run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        epoch INTEGER NOT NULL,           -- from 1: the batches of that epoch
        losses BLOB NOT NULL,             -- little-endian float32
        PRIMARY KEY (run_id, epoch)
    ) WITHOUT ROWID;
    """,
    # 2: tags.
    """
    CREATE TABLE tags (
        run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        PRIMARY KEY (run_id, tag)
    ) WITHOUT ROWID;
    CREATE INDEX tags_by_tag ON tags (tag);
    """,
    # 3: batch losses as one stream per run, in parts of LOSSES_PER_PART, whatever the epochs. One row an epoch
    # in a WITHOUT ROWID table wasted a quarter or more of the pages: a row over ~1 KB spills into an overflow
    # page of its own, mostly empty (500-batch epochs took 2.4 bytes a stored byte), and small rows leave a page's
    # end unused (100-batch epochs: nine 400-byte rows a page). Parts of 960 bytes fill a page four at a time.
    # Rows of earlier versions become parts as they were, each starting where the epochs before it end.
    """
    CREATE TABLE batch_loss_parts (
        run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        first INTEGER NOT NULL,           -- from 0: the run's batch whose loss comes first in it
        losses BLOB NOT NULL,             -- little-endian float32, the batches from first on
        PRIMARY KEY (run_id, first)
    ) WITHOUT ROWID;
    INSERT INTO batch_loss_parts
        SELECT run_id, coalesce(sum(length(losses)) OVER (PARTITION BY run_id ORDER BY epoch
                                                          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) / 4,
               losses
        FROM batch_losses WHERE length(losses) > 0;
    DROP TABLE batch_losses;
    ALTER TABLE batch_loss_parts RENAME TO batch_losses;
    """,
    # 4: the runs still running, found at every store's opening without reading all runs (4 ms of 10,000).
    """
    CREATE INDEX runs_running ON runs (status) WHERE status = 'running';
    """,
)
# A part's bytes: with its key, under the 1,002 bytes a row of a 4 KB page keeps in the page (more spills over).
LOSSES_PER_PART = 240
SCHEMA_VERSION = len(MIGRATIONS)


class RunStoreError(DigitpadError):
    """The run history cannot be read or written."""


def database_path() -> Path:
    """``$DIGITPAD_RUNS_DB``, or ``runs.db`` in the user data folder."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("digitpad")) / "runs.db"


def connect(path: Path, migrations: tuple[str, ...] = MIGRATIONS) -> tuple[sqlite3.Connection, Message]:
    """An open connection to the run history at ``path`` on the newest schema, and a notice for the person
    ("" or what happened to a file that was not a run history, marked for translation).

    ``migrations`` is for the tests, which make databases of older schemas. Raises RunStoreError when the
    file cannot be opened at all, or was made by a newer digitpad (it is left as it is).
    """
    notice: Message = ""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        problem = _not_ours(path) or _found_damaged(path)
        if problem:
            notice = move_aside(path, problem)
        try:
            connection = _open(path, migrations)
        except (_NotOurs, sqlite3.DatabaseError) as exc:  # damaged beyond its header: found on the first reads
            if not isinstance(exc, _NotOurs) and not _damaged(exc):
                raise  # locked, a full disk, no permission: the file may be fine
            notice = move_aside(path, exc.args[0] if isinstance(exc, _NotOurs) else str(exc))
            connection = _open(path, migrations)
    except sqlite3.Error as exc:
        raise RunStoreError(QT_TRANSLATE_NOOP("RunStore", "cannot open the run history {path}: {reason}").fill(
            path=path, reason=exc)) from exc
    except OSError as exc:
        raise RunStoreError(QT_TRANSLATE_NOOP("RunStore", "cannot open the run history {path}: {reason}").fill(
            path=path, reason=exc.strerror or exc)) from exc
    return connection, notice


def damaged_marker(path: Path) -> Path:
    """The file that says SQLite found ``path`` damaged while it was in use: the next opening moves it aside."""
    return path.with_name(path.name + ".damaged")


def note_if_damaged(path: Path, exc: sqlite3.Error) -> bool:
    """When ``exc`` says the file is damaged (deep inside, past what an opening reads), leave the marker that has
    the next opening move it aside; whether it did. A busy, full or read-only file is no damage."""
    if not (isinstance(exc, sqlite3.DatabaseError) and _damaged(exc)):
        return False
    try:
        damaged_marker(path).write_text(f"{exc}\n", encoding="utf-8")
    except OSError:
        return False
    return True


def _found_damaged(path: Path) -> Message:
    """Why the file is to be moved aside, if a reading found it damaged (its marker is then removed)."""
    marker = damaged_marker(path)
    if not marker.exists():
        return ""
    try:
        why = marker.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        why = ""
    marker.unlink(missing_ok=True)
    if not path.exists():
        return ""
    if why:
        return QT_TRANSLATE_NOOP("RunStore", "SQLite found it damaged while reading it: {why}").fill(why=why)
    return QT_TRANSLATE_NOOP("RunStore", "SQLite found it damaged while reading it")


class _NotOurs(Exception):
    """The file is an SQLite database, but another program's."""


def _damaged(exc: sqlite3.DatabaseError) -> bool:
    """Whether SQLite found the file no database or a damaged one (not busy, full, read-only…)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:  # Python before 3.11 does not say
        return "malformed" in str(exc) or "not a database" in str(exc)
    return code & 0xFF in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


def _open(path: Path, migrations: tuple[str, ...]) -> sqlite3.Connection:
    # Autocommit (isolation_level None): every write says where its transaction begins and ends.
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                 check_same_thread=False)
    try:
        version = _check(connection, path, migrations)  # before anything is written: a refused file stays as it is
        _wal(connection)
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute("PRAGMA foreign_keys = ON")
        _migrate(connection, version, migrations)
        _probe(connection)
    except BaseException:
        connection.close()
        raise
    return connection


def _wal(connection: sqlite3.Connection) -> None:
    """Switch on WAL. On a new file that several processes open at once this answers "locked" at once,
    without the busy timeout: try again until the timeout has passed (another process is making it)."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _check(connection: sqlite3.Connection, path: Path, migrations: tuple[str, ...]) -> int:
    """The file's schema version; _NotOurs for another program's database, RunStoreError for a newer one's."""
    connection.execute("BEGIN")  # one snapshot: another process may be making the schema right now
    try:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    finally:
        connection.execute("COMMIT")
    if version == 0 and tables:
        raise _NotOurs(QT_TRANSLATE_NOOP("RunStore", "it is another program's database"))
    if version > len(migrations):
        raise RunStoreError(QT_TRANSLATE_NOOP("RunStore", "the run history {path} was made by a newer digitpad "
                                                          "(schema {version}, this one knows {known}); runs are not "
                                                          "recorded until digitpad is updated").fill(
            path=path, version=version, known=len(migrations)))
    return version


def _migrate(connection: sqlite3.Connection, version: int, migrations: tuple[str, ...]) -> None:
    """Bring the schema from ``version`` up to ``len(migrations)``, each step in its own transaction."""
    while version < len(migrations):
        connection.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated it meanwhile: read the version again inside the transaction.
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version < len(migrations):
                for statement in _statements(migrations[version]):
                    connection.execute(statement)
                version += 1
                connection.execute(f"PRAGMA user_version = {version}")
                connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise


def _probe(connection: sqlite3.Connection) -> None:
    """Read the first page of every table: a file whose pages after its header are garbage fails here (a
    full check reads every page, far too long at each start)."""
    tables = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    for (table,) in tables:
        connection.execute(f'SELECT * FROM "{table}" LIMIT 1').fetchall()


def _statements(script: str) -> list[str]:
    """The statements of a migration, so they run inside the caller's transaction (``executescript`` would
    commit first)."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return [s for s in statements if s]


def _not_ours(path: Path) -> Message:
    """Why the file at ``path`` is not a run history ("" when it is one, or is missing or empty)."""
    try:
        with path.open("rb") as f:
            header = f.read(100)
    except FileNotFoundError:
        return ""
    if not header:
        return ""
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        return QT_TRANSLATE_NOOP("RunStore", "it is not an SQLite database")
    application_id = int.from_bytes(header[68:72], "big")
    if application_id not in (0, APPLICATION_ID):
        return QT_TRANSLATE_NOOP("RunStore", "it is another program's database (application id {id:#x})").fill(
            id=application_id)
    if application_id == 0 and int.from_bytes(header[60:64], "big") != 0:
        return QT_TRANSLATE_NOOP("RunStore", "it is another program's database")  # a schema version, not ours
    return ""


def move_aside(path: Path, why: Message) -> Message:
    """Rename ``path`` (and its WAL files) to ``NAME.unreadable-YYYYmmdd-HHMMSS``; what to tell the person."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.unreadable-{stamp}")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.name}.unreadable-{stamp}-{n}")
    os.replace(path, aside)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            os.replace(companion, aside.with_name(aside.name + suffix))
    return QT_TRANSLATE_NOOP("RunStore", "The run history {path} could not be read ({why}). It was moved aside "
                                         "to {aside} and a new one was started; nothing else was touched.").fill(
        path=path, why=why, aside=aside.name)
