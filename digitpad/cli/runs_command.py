"""``digitpad runs``: the run history on the command line, and the recording of the CLI's own runs.

``digitpad runs`` lists the runs (a query of the ``runs`` rows alone, and a count when the list is cut, so
10,000 runs list in a fraction of a second), ``runs show ID`` tells everything about
one, ``runs export ID -o FILE`` writes its per-epoch history (or every batch's
loss) as CSV, ``runs delete``, ``runs rename`` and ``runs tag`` edit the
history. Output is plain aligned text without colours: scripts read it.

:func:`recording` is how ``digitpad train``, ``lab`` and ``finetune`` record
their run: the database's notices as ``note:`` lines, Ctrl+C and errors as the
run's end, and a history that cannot be written never stops the run.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from digitpad.common.atomic import atomic_write
from digitpad.common.errors import ConfigError, DigitpadError
from digitpad.training.history import duration_text
from digitpad.training.runs.schema import database_path
from digitpad.training.runs.store import RunStore
from digitpad.training.runs.summary import SORTS, STATUSES, RunFilter, RunSummary

if TYPE_CHECKING:
    from digitpad.training.runs.recorder import RunRecorder

DEFAULT_LIMIT = 50
SETUP_KINDS = ("recipe", "lab", "finetune", "custom")
TABLE_COLUMNS = ("id", "when", "dataset", "network", "epochs", "best val", "test", "status", "name")


# -- recording the CLI's runs ----------------------------------------------------------------------------------

@contextmanager
def recording(recorder: RunRecorder, say: Callable[[str], None]) -> Iterator[RunRecorder]:
    """Run the body as the recorded run of ``recorder``, then close it.

    A KeyboardInterrupt ends the run "interrupted", any other exception "failed" (both go on up). The
    database's notice and a history that could not be written are each one ``note:`` line through ``say``;
    the run trains and saves either way.
    """
    if recorder.notice:
        say(f"note: {recorder.notice}")
    told = recorder.error is not None
    if told:
        say(f"note: this run is not recorded in the run history ({recorder.error})")
    try:
        yield recorder
    except KeyboardInterrupt:
        recorder.end("interrupted", "interrupted: Ctrl+C")
        raise
    except BaseException as exc:
        recorder.end("failed", f"failed: {exc}" if str(exc) else f"failed: {type(exc).__name__}")
        raise
    finally:
        if recorder.error is not None and not told:
            say(f"note: the run history could not be written, so this run's record is incomplete ({recorder.error})")
        recorder.close()


# -- digitpad runs ---------------------------------------------------------------------------------------------

def cmd_runs(args: argparse.Namespace) -> int:
    action = getattr(args, "runs_command", None) or "list"
    if not database_path().exists():  # nothing recorded: do not make a file to say so
        if action == "list":
            print(f"no runs recorded yet (the run history is {database_path()})")
            return 0
        ids = args.ids if action == "delete" else [args.id]
        raise DigitpadError(f"there is no run {ids[0]} in the run history" if len(ids) == 1 else
                            f"there are no runs {', '.join(map(str, ids))} in the run history")
    with RunStore() as store:
        if store.notice:
            print(f"note: {store.notice}", file=sys.stderr)
        return ACTIONS[action](store, args)


def _list(store: RunStore, args: argparse.Namespace) -> int:
    where, sort = run_filter(args), sort_key(args.sort)
    limit = 0 if args.all else args.limit
    if limit < 0:
        raise ConfigError(f"--limit must be 0 (all) or more, got {limit}")
    shown = store.summaries(where, sort, limit or None)
    if not shown:
        filtered = where != RunFilter()
        print("no runs match these filters" if filtered else f"no runs recorded yet (the run history is {store.path})")
        return 0
    print(format_table([table_row(run) for run in shown]))
    total = store.count(where) if len(shown) == limit else len(shown)  # counted only when the list may be cut
    if total > len(shown):
        print(f"… {total - len(shown)} more; --limit 0 for all")
    return 0


def run_filter(args: argparse.Namespace) -> RunFilter:
    """The list's filters from ``--dataset``, ``--setup``, ``--status`` and ``--since``."""
    if args.status and args.status not in STATUSES:
        raise ConfigError(f"--status must be one of {', '.join(STATUSES)}, got {args.status!r}")
    if args.setup:
        kind, colon, name = args.setup.partition(":")
        if kind not in SETUP_KINDS or (colon and (not name or kind in ("finetune", "custom"))):
            raise ConfigError(f"--setup must be recipe:NAME, recipe, lab:PRESET, lab, finetune or custom, "
                              f"got {args.setup!r}")
    return RunFilter(dataset=args.dataset or None, setup=args.setup or None, status=args.status or None,
                     since=since_timestamp(args.since) if args.since else None)


def since_timestamp(text: str) -> float:
    """Local midnight starting the day ``YYYY-MM-DD``, in seconds since 1970."""
    try:
        return datetime.strptime(text, "%Y-%m-%d").timestamp()
    except ValueError:
        raise ConfigError(f"--since takes a date as YYYY-MM-DD, e.g. 2026-03-01; got {text!r}") from None


def sort_key(text: str) -> str:
    """A key of :data:`SORTS`; a dash may stand for the space ("test-accuracy")."""
    key = text.replace("-", " ").replace("_", " ")
    if key not in SORTS:
        raise ConfigError(f"--sort must be one of {', '.join(k.replace(' ', '-') for k in SORTS)}, got {text!r}")
    return key


def percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.2%}"


def table_row(run: RunSummary) -> tuple[str, ...]:
    return (str(run.id), run.when(), run.dataset, run.network, f"{run.epochs_done}/{run.epochs}",
            percent(run.best_val_accuracy), percent(run.test_accuracy), run.status_text(), run.name)


def format_table(rows: list[tuple[str, ...]], header: tuple[str, ...] = TABLE_COLUMNS,
                 right: frozenset[int] = frozenset({0, 4, 5, 6})) -> str:
    """Columns as wide as their widest cell, two spaces apart; the columns ``right`` (the list's id and numbers)
    right-aligned, the last column not padded."""
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(row: tuple[str, ...]) -> str:
        cells = [cell.rjust(w) if i in right else cell.ljust(w) for i, (cell, w) in enumerate(zip(row, widths))]
        return "  ".join(cells).rstrip()
    return "\n".join(line(row) for row in [header, *rows])


# -- digitpad runs show ID -------------------------------------------------------------------------------------

def _show(store: RunStore, args: argparse.Namespace) -> int:
    print(describe(store, args.id))
    return 0


def describe(store: RunStore, run_id: int) -> str:
    """Everything recorded about run ``run_id``, as ``runs show`` prints it."""
    run, details, settings = store.summary(run_id), store.details(run_id), store.settings(run_id)
    ended = datetime.fromtimestamp(run.ended).strftime("%Y-%m-%d %H:%M:%S") if run.ended else "-"
    status = run.status_text() + (f": {details['message']}" if details["message"] else "")
    fingerprint = f" (fingerprint {details['data_fingerprint']})" if details["data_fingerprint"] else ""
    lines = [f"run {run.id}: {run.name}",
             f"tags: {', '.join(run.tags) if run.tags else '-'}",
             f"status: {status}",
             f"started: {datetime.fromtimestamp(run.started).strftime('%Y-%m-%d %H:%M:%S')}",
             f"ended: {ended}",
             f"training time: {duration_text(run.seconds)}",
             f"front end: {run.front_end}",
             f"setup: {run.setup}",
             f"dataset: {run.dataset}{fingerprint}",
             f"network: {run.network}",
             "settings:", *[f"  {key} = {value}" for key, value in settings.items()],
             "final metrics:" if details["metrics"] else "final metrics: -",
             *[f"  {key} = {value:.6g}" for key, value in details["metrics"].items()],
             "step changes:" if details["step_changes"] else "step changes: none",
             *[f"  epoch {c['epoch'] + 1}, batch {c['batch'] + 1}: {c['setting']} {c['old']:g} → {c['new']:g}"
               for c in details["step_changes"]],
             f"model file: {model_file(run.model_path)}",
             f"app version: {details['app_version']}", ""]
    lines.append(epoch_table(store.history(run_id)))
    return "\n".join(lines)


def model_file(path: str | None) -> str:
    if not path:
        return "none saved"
    return f"{path} ({'exists' if Path(path).is_file() else 'no longer there'})"


def epoch_table(history: dict[str, list[float]]) -> str:
    """One row per epoch: its train and validation loss and accuracy and learning rate ("-" where not recorded)."""
    n = len(history.get("train_loss", ()))
    if not n:
        return "no epochs recorded"
    columns = (("train loss", "train_loss", "{:.4f}"), ("train acc", "train_accuracy", "{:.2%}"),
               ("val loss", "val_loss", "{:.4f}"), ("val acc", "val_accuracy", "{:.2%}"), ("lr", "lr", "{:.4g}"))
    header = ("epoch", *(title for title, _, _ in columns))
    rows = [(str(i + 1), *(form.format(history[key][i]) if key in history else "-" for _, key, form in columns))
            for i in range(n)]
    return format_table(rows, header, right=frozenset(range(len(header))))


# -- digitpad runs export ID -o FILE ---------------------------------------------------------------------------

def _export(store: RunStore, args: argparse.Namespace) -> int:
    from digitpad.training.history import save_history_csv
    store.summary(args.id)  # no such run: the one-line error
    if args.batches:
        n = save_batches_csv(args.output, store, args.id)
        print(f"wrote {args.output}: {n} batch losses of run {args.id}")
    else:
        record = store.record(args.id)
        save_history_csv(args.output, record)
        print(f"wrote {args.output}: {record.epochs_done} epochs of run {args.id}")
    return 0


def save_batches_csv(path: Path, store: RunStore, run_id: int) -> int:
    """Every batch's loss of run ``run_id`` as CSV (batch from 1, its epoch from 1, loss as stored in float32,
    written so it reads back to the same float32); how many batches."""
    losses = store.batch_losses(run_id)
    per_epoch = store.details(run_id)["batches_per_epoch"] or 1
    try:
        with atomic_write(Path(path)) as out:
            text = io.StringIO()
            writer = csv.writer(text, lineterminator="\n")
            writer.writerow(("batch", "epoch", "loss"))
            for i, loss in enumerate(losses):
                writer.writerow((i + 1, i // per_epoch + 1, str(loss)))  # str of a float32: its shortest repr
            out.write(text.getvalue().encode("utf-8"))
    except OSError as exc:
        raise DigitpadError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return len(losses)


# -- digitpad runs delete / rename / tag -----------------------------------------------------------------------

def _delete(store: RunStore, args: argparse.Namespace) -> int:
    ids = list(dict.fromkeys(args.ids))
    missing = missing_ids(store, ids)
    if missing:
        listed = ", ".join(map(str, missing))
        raise DigitpadError(f"there is no run {listed} in the run history; nothing was deleted" if len(missing) == 1
                            else f"there are no runs {listed} in the run history; nothing was deleted")
    n = store.delete(ids)
    print(f"deleted {n} run{'s' if n != 1 else ''}")
    return 0


def missing_ids(store: RunStore, ids: list[int]) -> list[int]:
    """Those of ``ids`` that are no run in the history."""
    missing = []
    for run_id in ids:
        try:
            store.summary(run_id)
        except DigitpadError:
            missing.append(run_id)
    return missing


def _rename(store: RunStore, args: argparse.Namespace) -> int:
    store.summary(args.id)
    store.rename(args.id, args.name)
    print(f"run {args.id} is now named {args.name.strip()!r}")
    return 0


def _tag(store: RunStore, args: argparse.Namespace) -> int:
    tags = set(store.summary(args.id).tags)
    given = {tag.strip() for tag in args.tags if tag.strip()}
    store.set_tags(args.id, tags - given if args.remove else tags | given)
    now = store.summary(args.id).tags
    print(f"run {args.id} tags: {', '.join(now) if now else 'none'}")
    return 0


ACTIONS: dict[str, Callable[[RunStore, argparse.Namespace], int]] = {
    "list": _list, "show": _show, "export": _export, "delete": _delete, "rename": _rename, "tag": _tag}
