"""The honest before/after of a fine-tune: scores, and the table the window shows and the CLI prints.

Three rows: the accuracy on the learner's digits held out from fine-tuning (never the digits it trained on),
the accuracy on MNIST's test set (what it forgot), and the current drawing's guess. Cells are marked texts
(context FinetuneReport), so the window renders them in the person's language and lays them out itself, and
the CLI aligns their English.
"""

from __future__ import annotations

from dataclasses import dataclass

from digitpad.common.text import QT_TRANSLATE_NOOP, Message

NO_HELD_OUT = QT_TRANSLATE_NOOP("FinetuneReport", "none held out yet: with more of your digits, a quarter is kept "
                                                  "aside to test on, so no honest accuracy on your handwriting can "
                                                  "be given")
NO_VALUE = "—"  # a value that cannot be given


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
    """One row: what is measured, its value before and after (``""`` while not yet known) and the change;
    ``str()`` of each is its English."""

    what: Message
    before: Message
    after: Message
    change: Message


def table_rows(before: Scores, after: Scores | None, n_personal: int, n_mnist: int) -> list[TableRow]:
    """The rows for ``before`` and ``after`` (None while the fine-tune runs); the drawing's row only when
    there is a drawing. ``n_personal`` and ``n_mnist`` are the sizes of the two test sets."""
    personal = QT_TRANSLATE_NOOP("FinetuneReport", "Your held-out digits (n={n:,})").fill(n=n_personal)
    if n_personal:
        rows = [_accuracy_row(personal, before.personal, after.personal if after else None)]
    else:
        rows = [TableRow(personal, NO_VALUE, NO_VALUE, NO_HELD_OUT)]
    rows.append(_accuracy_row(QT_TRANSLATE_NOOP("FinetuneReport", "MNIST test ({n:,})").fill(n=n_mnist),
                              before.mnist, after.mnist if after else None))
    if before.drawing is not None:
        guess = after.drawing if after else None
        changed: Message = ""
        if guess is not None:
            changed = (QT_TRANSLATE_NOOP("FinetuneReport", "same digit") if guess.label == before.drawing.label
                       else QT_TRANSLATE_NOOP("FinetuneReport", "changed"))
        rows.append(TableRow(QT_TRANSLATE_NOOP("FinetuneReport", "This drawing"), _guess(before.drawing),
                             _guess(guess) if guess else "", changed))
    return rows


def format_table(rows: list[TableRow]) -> str:
    """The rows as aligned plain English text under a header line (what the CLI prints)."""
    table = [("", "before", "after", "change"),
             *((str(row.what), str(row.before), str(row.after), str(row.change)) for row in rows)]
    widths = [max(len(cells[column]) for cells in table) for column in range(3)]
    return "\n".join(f"{what:<{widths[0]}}  {before:>{widths[1]}}  {after:>{widths[2]}}  {change}".rstrip()
                     for what, before, after, change in table)


def _accuracy_row(what: Message, before: float | None, after: float | None) -> TableRow:
    change = "" if after is None or before is None else QT_TRANSLATE_NOOP(
        "FinetuneReport", "{change:+.1f} points").fill(change=(after - before) * 100)
    return TableRow(what, _percent(before), _percent(after) if after is not None else "", change)


def _percent(value: float | None) -> Message:
    return NO_VALUE if value is None else QT_TRANSLATE_NOOP("FinetuneReport", "{accuracy:.1%}").fill(accuracy=value)


def _guess(guess: Guess) -> Message:
    return QT_TRANSLATE_NOOP("FinetuneReport", "{digit} ({probability:.0%})").fill(digit=guess.label,
                                                                                 probability=guess.probability)
