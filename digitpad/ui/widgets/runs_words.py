"""The Runs tab's sentences about the list: how many runs it shows and ticks, the question before a delete,
and the runs' default names in the window's language.

Each is one whole template per variant (one run or several, hidden ticks or none), so a language may order
its words and count its plurals its own way.
"""

from __future__ import annotations

import dataclasses
import re

from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.training.runs.summary import RunSummary
from digitpad.ui.base.i18n import fill, render, translate
from digitpad.ui.jobs.recording import run_name

HINT = QT_TRANSLATE_NOOP("RunsPanel", "Tick runs to overlay their curves on the plots.")


def count_text(shown: int, total: int | None, ticked: int, hidden: int) -> str:
    """E.g. "3 of 12 runs · 2 ticked (1 hidden by the filters). Tick runs…": ``shown`` of ``total`` runs listed,
    ``ticked`` of them ticked, ``hidden`` of those not listed."""
    if total != shown:
        total = total or 0
        runs = fill(translate("RunsPanel", "{shown} of %n runs", None, total), shown=shown)
    elif shown == 1:
        runs = translate("RunsPanel", "%n run", None, shown)
    else:
        runs = translate("RunsPanel", "%n runs", None, shown)
    if not ticked:
        template = translate("RunsPanel", "{runs}. {hint}")
    elif hidden:
        template = translate("RunsPanel", "{runs} · %n ticked ({hidden} hidden by the filters). {hint}", None, ticked)
    else:
        template = translate("RunsPanel", "{runs} · %n ticked. {hint}", None, ticked)
    return fill(template, runs=runs, hidden=hidden, hint=render(HINT))


def delete_question(runs: list[RunSummary], going: bool) -> str:
    """The question before deleting ``runs`` (the first five named); ``going``: some selected are still training."""
    names = ", ".join(run.name for run in runs[:5])
    count = len(runs)
    if count > 5:
        more = count - 5
        names = fill(translate("RunsPanel", "{names} and %n more", None, more), names=names)
    if count == 1:
        what = fill(translate("RunsPanel", "the run {names}"), names=names)
    else:
        what = fill(translate("RunsPanel", "%n runs ({names})", None, count), names=names)
    if going:
        text = translate("RunsPanel", "Delete {what} from the run history? Their curves and numbers go for good; "
                                      "saved model files stay. Runs still training are kept.")
    else:
        text = translate("RunsPanel", "Delete {what} from the run history? Their curves and numbers go for good; "
                                      "saved model files stay.")
    return fill(text, what=what)


def shown_name(name: str, run_id: int) -> str:
    """``name`` as the window shows it: a default "Run N" (as the CLI names its runs) in the window's language,
    with whatever followed it; a name the person gave, as it is."""
    default = re.fullmatch(rf"Run {run_id}( · .*)?", name)
    if default is None:
        return name
    return run_name(run_id) + (default.group(1) or "")


def shown_names(runs: list[RunSummary]) -> list[RunSummary]:
    """``runs`` with :func:`shown_name` names."""
    return [dataclasses.replace(run, name=shown_name(run.name, run.id)) for run in runs]
