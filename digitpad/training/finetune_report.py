"""The honest before/after of a fine-tune: scores, and the table the window shows and the CLI prints.

Three rows: the accuracy on the learner's digits held out from fine-tuning (never the digits it trained on),
the accuracy on MNIST's test set (what it forgot), and the current drawing's guess. Cells are plain text, so
the window lays them out itself and the CLI aligns them.
"""

from __future__ import annotations

from dataclasses import dataclass

NO_HELD_OUT = ("none held out yet: with more of your digits, a quarter is kept aside to test on, "
               "so no honest accuracy on your handwriting can be given")


@dataclass(frozen=True)
class Guess:
    """A network's most probable class for one drawing and its probability."""

    label: str
    probability: float


@dataclass(frozen=True)
class Scores:
    """A network's accuracy on the held-out personal digits (None when none are held out) and on MNIST test,
    and its guess for the current drawing (None without a drawing)."""

    personal: float | None
    mnist: float
    drawing: Guess | None = None


@dataclass(frozen=True)
class TableRow:
    """One row: what is measured, its value before and after (``""`` while not yet known) and the change."""

    what: str
    before: str
    after: str
    change: str


def table_rows(before: Scores, after: Scores | None, n_personal: int, n_mnist: int) -> list[TableRow]:
    """The rows for ``before`` and ``after`` (None while the fine-tune runs); the drawing's row only when
    there is a drawing. ``n_personal`` and ``n_mnist`` are the sizes of the two test sets."""
    if n_personal:
        rows = [_accuracy_row(f"Your held-out digits (n={n_personal:,})", before.personal,
                              after.personal if after else None)]
    else:
        rows = [TableRow("Your held-out digits (n=0)", "—", "—", NO_HELD_OUT)]
    rows.append(_accuracy_row(f"MNIST test ({n_mnist:,})", before.mnist, after.mnist if after else None))
    if before.drawing is not None:
        guess = after.drawing if after else None
        changed = "" if guess is None else "same digit" if guess.label == before.drawing.label else "changed"
        rows.append(TableRow("This drawing", _guess(before.drawing), _guess(guess) if guess else "", changed))
    return rows


def format_table(rows: list[TableRow]) -> str:
    """The rows as aligned plain text under a header line."""
    table = [TableRow("", "before", "after", "change"), *rows]
    widths = [max(len(getattr(row, key)) for row in table) for key in ("what", "before", "after")]
    return "\n".join(f"{row.what:<{widths[0]}}  {row.before:>{widths[1]}}  {row.after:>{widths[2]}}  "
                     f"{row.change}".rstrip() for row in table)


def _accuracy_row(what: str, before: float | None, after: float | None) -> TableRow:
    change = "" if after is None or before is None else f"{(after - before) * 100:+.1f} points"
    return TableRow(what, _percent(before), _percent(after) if after is not None else "", change)


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def _guess(guess: Guess) -> str:
    return f"{guess.label} ({guess.probability:.0%})"
