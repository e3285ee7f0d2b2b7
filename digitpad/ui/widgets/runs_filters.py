"""The Runs tab's filters: dataset, setup, status, when, and a search box, read as one
:class:`~digitpad.training.runs.store.RunFilter`."""

from __future__ import annotations

import time
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLineEdit, QWidget

from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.data.registry import title
from digitpad.lab.pitfalls import PITFALLS
from digitpad.training.recipes import RECIPES
from digitpad.training.runs.summary import STATUS_NAMES, STATUSES, RunFilter
from digitpad.ui.base.i18n import fill, render, translate

DAY = 86_400
WHEN = ((QT_TRANSLATE_NOOP("RunsFilters", "Any time"), None), (QT_TRANSLATE_NOOP("RunsFilters", "Today"), "today"),
        (QT_TRANSLATE_NOOP("RunsFilters", "Last 7 days"), 7), (QT_TRANSLATE_NOOP("RunsFilters", "Last 30 days"), 30))
COMBO_CHARS = 6  # the closed combos' least width in characters (the Runs tab must not widen the tabs beside the plots); their lists show whole entries


def setups() -> list[tuple[str, str | None]]:
    """The Setup filter's entries: (text, RunFilter.setup), in the window's language."""
    return [(translate("RunsFilters", "Any setup"), None), (translate("RunsFilters", "Custom settings"), "custom"),
            *((fill(translate("RunsFilters", "Recipe: {title}"), title=render(recipe.title)), f"recipe:{name}")
              for name, recipe in RECIPES.items()),
            (translate("RunsFilters", "Lab (any)"), "lab"),
            *((fill(translate("RunsFilters", "Lab: {title}"), title=render(p.title)), f"lab:{name}")
              for name, p in PITFALLS.items()),
            (translate("RunsFilters", "Teach it my digits"), "finetune")]


class RunFilters(QWidget):
    """Two rows: four combos, then the search box beside ``extra`` (the panel's error-rate checkbox).
    ``changed`` whenever any of them does."""

    changed = Signal()

    def __init__(self, extra: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dataset = self._combo("runsDatasetFilter", [(translate("RunsFilters", "All datasets"), None)],
                                   translate("RunsFilters", "Show the runs on one dataset only"))
        self.setup = self._combo("runsSetupFilter", setups(),
                                 translate("RunsFilters", "Show the runs of one setup only: your own settings, a "
                                                          "recipe, a lab preset, or Teach it my digits"))
        self.status = self._combo("runsStatusFilter", [(translate("RunsFilters", "Any status"), None),
                                                       *((render(STATUS_NAMES[s]), s) for s in STATUSES)],
                                  translate("RunsFilters", "Show the runs that ended one way only"))
        self.when = self._combo("runsWhenFilter", [(render(text), data) for text, data in WHEN],
                                translate("RunsFilters", "Show the runs started in this time only"))
        self.search = QLineEdit(objectName="runsSearch",
                                placeholderText=translate("RunsFilters", "Search names, tags, networks"),
                                clearButtonEnabled=True,
                                toolTip=translate("RunsFilters", "Show the runs whose name, a tag or network has "
                                                                 "this text in it"))
        self.search.textChanged.connect(self.changed)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for column, combo in enumerate((self.dataset, self.setup, self.status, self.when)):
            layout.addWidget(combo, 0, column)
        layout.addWidget(self.search, 1, 0, 1, 3)
        layout.addWidget(extra, 1, 3)

    def _combo(self, name: str, entries: list[tuple[str, object]], tip: str) -> QComboBox:
        combo = QComboBox(objectName=name, toolTip=tip)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(COMBO_CHARS)
        for text, data in entries:
            combo.addItem(text, data)
        combo.currentIndexChanged.connect(self.changed)
        self._fit_list(combo)
        return combo

    @staticmethod
    def _fit_list(combo: QComboBox) -> None:
        view = combo.view()
        view.setMinimumWidth(view.sizeHintForColumn(0) + 24)

    def set_datasets(self, names: list[str]) -> None:
        """The datasets the run history has runs on; the one picked stays picked (and listed) if it has none."""
        picked = self.dataset.currentData()
        names = sorted(set(names) | ({picked} if picked else set()), key=lambda n: render(title(n)).lower())
        if [self.dataset.itemData(i) for i in range(1, self.dataset.count())] == names:
            return
        self.dataset.blockSignals(True)
        try:
            while self.dataset.count() > 1:
                self.dataset.removeItem(1)
            for name in names:
                self.dataset.addItem(render(title(name)), name)
            self.dataset.setCurrentIndex(max(0, self.dataset.findData(picked)) if picked else 0)
        finally:
            self.dataset.blockSignals(False)
        self._fit_list(self.dataset)

    def run_filter(self, now: float | None = None) -> RunFilter:
        """What the filters let through, "today" from local midnight."""
        now = time.time() if now is None else now
        when, since = self.when.currentData(), None
        if when == "today":
            since = datetime.fromtimestamp(now).replace(hour=0, minute=0, second=0, microsecond=0).timestamp()
        elif when:
            since = now - when * DAY
        return RunFilter(dataset=self.dataset.currentData(), setup=self.setup.currentData(),
                         status=self.status.currentData(), since=since, text=self.search.text())

    def active(self) -> bool:
        """Whether any filter hides runs."""
        return any(combo.currentIndex() > 0 for combo in (self.dataset, self.setup, self.status, self.when)) \
            or bool(self.search.text().strip())

    def set_enabled(self, enabled: bool) -> None:
        for widget in (self.dataset, self.setup, self.status, self.when, self.search):
            widget.setEnabled(enabled)
