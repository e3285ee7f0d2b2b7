"""Runs that survive a crash: a checkpoint at epoch ends in the user data folder's ``recovery/``.

A :class:`Checkpointer` (a trainer callback) writes one file per run, replaced
atomically after each epoch, at most once a second (:func:`digitpad.common.atomic.atomic_write`), so
a kill or a power cut at any moment leaves the previous checkpoint or the new
one, never half of one. The file is an ``.npz`` of plain arrays (never a
pickle): ``checkpoint`` (UTF-8 JSON: the run's settings, its epoch, the
shuffling generator's state, the settings in effect, the history so far),
``model`` (the bytes of a complete model file of the weights so far, which
``digitpad recover ID -o FILE`` writes out), ``batch_losses`` and
``optimizer_0`` … (velocities or Adam's moments). Together they let
``Trainer.fit(resume=...)`` continue the run bit for bit.

Who removes a checkpoint: the CLI once the model file is saved; the window
once the run's model is saved or given up (another model, a quit that
discards it). A run that ended in the window is kept as *finished* until then,
so a crash after training loses nothing either.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import os
import secrets
import time
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import numpy as np
import platformdirs

from digitpad.common.atomic import atomic_write
from digitpad.common.errors import DigitpadError, ModelFileError
from digitpad.common.text import QT_TRANSLATE_NOOP, Text
from digitpad.model.bundle import Model
from digitpad.model.files import model_bytes, model_from_bytes, write_npz
from digitpad.nn.network import MLP
from digitpad.training.reports import Callback, StepChange, TrainResult, TrainState

ENV_VAR = "DIGITPAD_RECOVERY_DIR"
CHECKPOINT_SECONDS = 1.0  # the least time between two epochs' checkpoints (see Checkpointer)
FORMAT, VERSION = "digitpad-recovery", 1
_MAX_JSON_BYTES = 64 * 2**20


class RecoveryError(DigitpadError):
    """A checkpoint that cannot be read or does not fit what is asked of it."""


def process_identity(pid: int) -> str:
    """Who ``pid`` is: this boot's id and the process's start time (Linux), so a pid reused by another process
    or after a reboot does not pass for the writer; "" when it is not running (a zombie neither)."""
    try:
        boot = Path("/proc/sys/kernel/random/boot_id").read_text().strip()
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return "" if Path("/proc").is_dir() else _alive_elsewhere(pid)
    fields = stat[stat.rindex(")") + 2:].split()  # after "pid (name) ": state is field 3, start time field 22
    return "" if fields[0] in "ZX" else f"{boot}:{fields[19]}"


def _alive_elsewhere(pid: int) -> str:
    """Without /proc: the pid's existence is all there is to go by. Not on Windows, where ``os.kill(pid, 0)``
    would send the process a Ctrl+C: there a writer is never taken for running."""
    if os.name == "nt":
        return ""
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError, ValueError):
        return ""
    except PermissionError:
        pass
    return f"pid:{pid}"


def data_fingerprint(data) -> str:
    """A digest of a dataset's images and labels: a resume refuses data that changed under the same name."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(np.ascontiguousarray(data.images).data)
    digest.update(np.ascontiguousarray(data.labels).data)
    return digest.hexdigest()


def recovery_dir() -> Path:
    """Where checkpoints live: ``$DIGITPAD_RECOVERY_DIR`` or ``recovery/`` in the user data folder."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("digitpad")) / "recovery"


@dataclass(frozen=True)
class Interrupted:
    """One checkpoint as a list shows it (read from its JSON only, not its arrays)."""

    id: str
    path: Path
    name: str
    front_end: str          # "window" or "cli"
    epochs_done: int
    epochs: int
    updated: float          # seconds since the epoch, when it was written
    finished: bool          # the run ended (its model not yet saved); else it was interrupted
    resumable: bool         # its settings rebuild it (a fine-tune's do not)
    settings: dict
    output: str | None      # the CLI's --output
    pid: int
    process: str            # process_identity(pid) of the writer when it wrote it
    status: str             # the run's status when written: "completed" (so far, or at the end) or "diverged"
    data: str               # data_fingerprint of the run's images and labels ("" before the first epoch's write)

    @property
    def running(self) -> bool:
        """True while the process that writes it still runs (a CLI run training now). This process asks only
        before it trains (at start, or for a CLI command), so its own are not running; after a reboot, or
        once its id went to another process, the writer is gone."""
        return self.pid != os.getpid() and self.process == process_identity(self.pid)

    def describe(self) -> Text:
        """One sentence for a person: "The run … was interrupted at epoch 2 of 4." or that it finished unsaved."""
        if self.finished and self.status == "diverged":
            return QT_TRANSLATE_NOOP("Recovery", "The run {name} diverged and its model (its last good epoch's) was "
                                                 "not saved.").fill(name=self.name)
        if self.finished:
            return QT_TRANSLATE_NOOP("Recovery", "The run {name} finished training but its model was not "
                                                 "saved.").fill(name=self.name)
        return QT_TRANSLATE_NOOP("Recovery", "The run {name} was interrupted at epoch {epoch} of "
                                             "{epochs}.").fill(name=self.name, epoch=self.epochs_done,
                                                               epochs=self.epochs)

    def when(self) -> str:
        return datetime.fromtimestamp(self.updated).strftime("%Y-%m-%d %H:%M")


class Checkpointer(Callback):
    """Writes the run's checkpoint at epoch ends (and, with ``keep_finished``, its final model at the end).

    ``run`` is the :class:`~digitpad.training.prepare.PreparedRun` (its ``model`` makes the checkpoint's model),
    ``name`` the run's name, ``front_end`` who runs it, ``output`` the CLI's model path; ``keep_finished``
    (the window) replaces the last checkpoint with the finished model, kept until it is saved; ``checkpoint_id``
    continues the checkpoint of a resumed run. A write that fails
    (a full disk) does not stop training: ``error`` keeps what went wrong, and the run goes on.

    The first epoch is always written; after it, an epoch's end is written once ``min_interval`` seconds
    have passed since the last write. A write takes 5-50 ms (it is flushed to the disk): after every one of
    the 8×8 digits' 10 ms epochs it made a run 80 % slower, while a crash loses at most that second.
    """

    def __init__(self, run, front_end: str, name: str, output: str | None = None, resumable: bool = True,
                 keep_finished: bool = False, folder: Path | None = None, checkpoint_id: str | None = None,
                 min_interval: float = CHECKPOINT_SECONDS) -> None:
        self.run, self.front_end, self.name, self.output = run, front_end, name, output
        self.resumable, self.keep_finished, self.min_interval = resumable, keep_finished, min_interval
        self._written = -math.inf  # time.monotonic() of the last epoch's write
        self.folder = folder or recovery_dir()
        # A resumed run goes on writing the checkpoint it was resumed from.
        self.id = checkpoint_id or f"{time.strftime('%Y%m%d-%H%M%S')}-{secrets.token_hex(3)}"
        self.path = self.folder / f"{self.id}.npz"
        self.error: Exception | None = None
        self._data = ""  # the run's data_fingerprint, made on the training thread at the first write
        self._process = process_identity(os.getpid())

    @property
    def wants_state(self) -> bool:
        """Whether this epoch's end is written. A run its settings cannot rebuild (a fine-tune) could only give
        back a half-tuned model, whose model maker would measure it each time: it is kept only once it ends."""
        return self.resumable and time.monotonic() - self._written >= self.min_interval

    def on_checkpoint(self, state: TrainState) -> None:
        self._write(self._model(state.result, {}), state.result, state)
        self._written = time.monotonic()

    def on_train_end(self, result: TrainResult) -> None:
        """With ``keep_finished``, the run's model as it ended; a run stopped by the person keeps its last
        epoch's checkpoint instead, which can still resume."""
        if self.keep_finished and result.status != "stopped":
            self._write(self._model(result, result.final_metrics), result, None)

    def discard(self) -> None:
        """Remove the checkpoint (the model is saved, or given up)."""
        self.path.unlink(missing_ok=True)

    def _model(self, result: TrainResult, metrics: dict[str, float]) -> Model:  # the run's own model maker
        return self.run.model(result, metrics, self.name)

    def _write(self, model: Model, result: TrainResult, state: TrainState | None) -> None:
        try:
            self._data = self._data or data_fingerprint(self.run.data)
            self.folder.mkdir(parents=True, exist_ok=True)
            write_checkpoint(self.path, self._header(result, state), model, result, state)
            self.error = None
        except Exception as exc:  # noqa: BLE001 - a full disk, weights that are no longer finite: training goes on
            self.error = exc

    def _header(self, result: TrainResult, state: TrainState | None) -> dict:
        return {
            "format": FORMAT, "version": VERSION, "id": self.id, "name": self.name, "front_end": self.front_end,
            "output": self.output, "settings": self.run.settings.to_dict(),
            "resumable": self.resumable and state is not None, "finished": state is None,
            "epochs_done": result.epochs_done, "epochs": self.run.config.epochs, "updated": time.time(),
            "pid": os.getpid(), "process": self._process, "data": self._data,
            "status": result.status, "message": result.message,
        }


def write_checkpoint(path: Path, header: dict, model: Model, result: TrainResult, state: TrainState | None) -> None:
    """One atomic file: the header and the run so far as JSON, the model's file bytes, the arrays."""
    doc = header | {"history": result.history, "seconds": result.seconds,
                    "step_changes": [vars(change) for change in result.step_changes]}
    arrays: dict[str, np.ndarray] = {"model": np.frombuffer(model_bytes(model), dtype=np.uint8),
                                     "batch_losses": np.asarray(result.batch_losses, dtype=np.float64)}
    if state is not None:
        optimizer = {key: value for key, value in state.optimizer.items() if key != "arrays"}
        doc |= {"rng": state.rng, "step": state.step, "pending": state.pending, "optimizer": optimizer}
        arrays |= {f"optimizer_{i}": array for i, array in enumerate(state.optimizer["arrays"])}
    arrays["checkpoint"] = np.frombuffer(json.dumps(doc).encode("utf-8"), dtype=np.uint8)
    with atomic_write(path) as out:
        write_npz(out.file, arrays)


def list_checkpoints(folder: Path | None = None) -> tuple[list[Interrupted], list[tuple[Path, str]]]:
    """Every checkpoint in the folder, newest first, and the files that could not be read (path, why)."""
    folder = folder or recovery_dir()
    found, unreadable = [], []
    for path in sorted(folder.glob("*.npz")) if folder.is_dir() else ():
        try:
            with _archive(path) as archive:
                found.append(_interrupted(path, _read_doc(archive, path)))
        except RecoveryError as exc:
            unreadable.append((path, str(exc)))
    found.sort(key=lambda entry: entry.updated, reverse=True)
    return found, unreadable


def find_checkpoint(checkpoint_id: str, folder: Path | None = None) -> Interrupted:
    """The checkpoint with this id (or the one id it begins); RecoveryError naming what there is otherwise."""
    found, _ = list_checkpoints(folder)
    matches = [entry for entry in found if entry.id == checkpoint_id] or [
        entry for entry in found if entry.id.startswith(checkpoint_id)]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        known = ", ".join(entry.id for entry in found) or QT_TRANSLATE_NOOP("Recovery", "none")
        raise RecoveryError(QT_TRANSLATE_NOOP("Recovery", "no interrupted run {id!r} (there are: {known})").fill(
            id=checkpoint_id, known=known))
    raise RecoveryError(QT_TRANSLATE_NOOP("Recovery", "{id!r} could be any of {ids}").fill(
        id=checkpoint_id, ids=", ".join(entry.id for entry in matches)))


def recovered_model(entry: Interrupted) -> Model:
    """The checkpoint's model: the weights of its last epoch (or of the finished run)."""
    with _archive(entry.path) as archive:
        return _model_in(archive, entry.path)


def resume_state(entry: Interrupted, network: MLP, data=None) -> TrainState:
    """What ``Trainer.fit(resume=...)`` needs to continue ``entry`` on ``network`` (built from the same settings)
    and ``data`` (the run's images, checked against the fingerprint the checkpoint recorded); RecoveryError when
    it cannot be resumed, or does not fit them."""
    if not entry.resumable:
        raise RecoveryError(QT_TRANSLATE_NOOP("Recovery", "the run {name} cannot be resumed, only its model "
                                                          "recovered").fill(name=entry.name))
    if data is not None and entry.data and data_fingerprint(data) != entry.data:
        raise RecoveryError(QT_TRANSLATE_NOOP("Recovery", "the data of the run {name} has changed since it was "
                                                          "interrupted, so it cannot go on as it would have; recover "
                                                          "its model instead").fill(name=entry.name))
    with _archive(entry.path) as archive:
        doc = _read_doc(archive, entry.path)
        weights = _model_in(archive, entry.path).network.get_weights()
        n = sum(1 for name in archive.namelist() if name.startswith("optimizer_"))
        arrays = [_entry(archive, f"optimizer_{i}") for i in range(n)]
        losses = [float(v) for v in _entry(archive, "batch_losses")]
    params = {name: param for name, param, _ in network.parameters()}
    if {name: w.shape for name, w in weights.items()} != {name: p.shape for name, p in params.items()}:
        raise RecoveryError(QT_TRANSLATE_NOOP("Recovery", "the checkpoint {id} holds another network's "
                                                          "weights").fill(id=entry.id))
    shapes = [p.shape for p in params.values()]
    if [a.shape for a in arrays] not in ([], shapes, shapes + shapes):
        raise RecoveryError(QT_TRANSLATE_NOOP("Recovery", "the checkpoint {id} holds another network's optimizer "
                                                          "state").fill(id=entry.id))
    try:
        np.random.default_rng().bit_generator.state = doc["rng"]  # a state the generator takes
        result = TrainResult("completed", doc["message"], int(doc["epochs_done"]),
                             {key: [float(v) for v in values] for key, values in doc["history"].items()}, losses,
                             float(doc["seconds"]), [StepChange(**change) for change in doc["step_changes"]])
        return TrainState(int(doc["epochs_done"]), weights, doc["optimizer"] | {"arrays": arrays}, doc["rng"],
                          {key: float(value) for key, value in doc["step"].items()}, result,
                          {key: float(value) for key, value in doc.get("pending", {}).items()})
    except (KeyError, TypeError, ValueError) as exc:
        raise RecoveryError(QT_TRANSLATE_NOOP("Recovery", "the checkpoint {id} is incomplete ({error})").fill(
            id=entry.id, error=str(exc))) from exc


def discard(entry: Interrupted) -> None:
    entry.path.unlink(missing_ok=True)


def _interrupted(path: Path, doc: dict) -> Interrupted:
    try:
        entry = Interrupted(str(doc["id"]), path, str(doc["name"]), str(doc["front_end"]), int(doc["epochs_done"]),
                            int(doc["epochs"]), float(doc["updated"]), bool(doc["finished"]), bool(doc["resumable"]),
                            dict(doc["settings"]), doc["output"], int(doc["pid"]), str(doc["process"]),
                            str(doc["status"]), str(doc["data"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise RecoveryError(QT_TRANSLATE_NOOP("Recovery", "{file} is not a complete checkpoint ({error})").fill(
            file=path.name, error=str(exc))) from exc
    if not (0 < entry.pid < 2**31 and 0 <= entry.updated < 2**33 and 0 <= entry.epochs_done <= entry.epochs):
        raise RecoveryError(QT_TRANSLATE_NOOP("Recovery", "{file} is not a complete checkpoint (its numbers are out "
                                                          "of range)").fill(file=path.name))
    return entry


def _read_doc(archive: zipfile.ZipFile, path: Path) -> dict:
    raw = _entry(archive, "checkpoint", _MAX_JSON_BYTES)
    try:
        doc = json.loads(raw.tobytes().decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise RecoveryError(QT_TRANSLATE_NOOP("Recovery", "{file} is not a digitpad checkpoint: {error}").fill(
            file=path.name, error=str(exc))) from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise RecoveryError(QT_TRANSLATE_NOOP("Recovery", "{file} is not a digitpad checkpoint").fill(file=path.name))
    if doc.get("version") != VERSION:
        raise RecoveryError(QT_TRANSLATE_NOOP("Recovery", "{file} was written by another digitpad (checkpoint version "
                                                          "{version})").fill(file=path.name,
                                                                             version=doc.get("version")))
    return doc


def _model_in(archive: zipfile.ZipFile, path: Path) -> Model:
    try:
        return model_from_bytes(_entry(archive, "model").tobytes(),
                                QT_TRANSLATE_NOOP("Recovery", "the model in {file}").fill(file=path.name))
    except ModelFileError as exc:
        raise RecoveryError(exc.text) from exc


@contextmanager
def _archive(path: Path) -> Iterator[zipfile.ZipFile]:
    """The checkpoint's zip, opened with every failure as RecoveryError."""
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise RecoveryError(QT_TRANSLATE_NOOP("Recovery", "cannot read {file}: {error}").fill(
            file=path.name, error=str(exc))) from exc
    with archive:
        yield archive


def _entry(archive: zipfile.ZipFile, name: str, max_bytes: int | None = None) -> np.ndarray:
    try:
        info = archive.getinfo(f"{name}.npy")
        if max_bytes is not None and info.file_size > max_bytes:
            raise RecoveryError(QT_TRANSLATE_NOOP("Recovery", "its {entry} entry is too large").fill(entry=name))
        with archive.open(info) as f:
            return np.load(io.BytesIO(f.read()), allow_pickle=False)
    except KeyError:
        raise RecoveryError(QT_TRANSLATE_NOOP("Recovery", "the checkpoint has no {entry}").fill(entry=name)) from None
    except (OSError, zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise RecoveryError(QT_TRANSLATE_NOOP("Recovery", "its {entry} entry is damaged: {error}").fill(
            entry=name, error=str(exc))) from exc
