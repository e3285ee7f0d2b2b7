"""Look-alikes joined to the drawing's prediction: the nearest training images, found off the GUI thread.

For the prediction's model an index of its training images (:class:`NeighbourIndex`: one pass of every training
image through a copy of the network, about 1 s on full MNIST) is built in a :class:`~digitpad.ui.jobs.job.Job` and
kept per model, weights version and unit gains (at most ``KEPT`` of them: an edited network and the one before).
While the view is in sight each drawing update asks it for the nearest images in another job, at most every
``REFRESH_MS``; one query runs at a time and, when it ends, the latest drawing is asked for next. The GUI thread
only copies the drawing and paints the thumbnails. While a run trains nothing is computed: the weights change
every epoch.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import shiboken6
from PySide6.QtCore import QObject

from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.data.dataset import Dataset
from digitpad.data.registry import DATASETS, is_available, title
from digitpad.inference.neighbours import LookAlikes, NeighbourIndex
from digitpad.model.bundle import Model
from digitpad.ui.base.i18n import fill, render, translate
from digitpad.ui.base.throttle import Throttle
from digitpad.ui.jobs.job import Job
from digitpad.ui.prediction import DrawingPrediction
from digitpad.ui.widgets.look_alikes import SHOWN, LookAlikesView

REFRESH_MS = 200  # at most one query every 200 ms while drawing, as the drawing history plot
KEPT = 2  # indices kept: 60,000 × 512 float32 outputs of a wide last hidden layer take 123 MB each
EMPTY = QT_TRANSLATE_NOOP("LookAlikes", "Draw something: the training images that look most like it appear here.")
BUSY = QT_TRANSLATE_NOOP("LookAlikes", "The look-alikes come when the training has ended: the network changes with "
                                       "every epoch.")
FINDING = QT_TRANSLATE_NOOP("LookAlikes", "Passing the training images through the network to find the nearest "
                                          "ones…")


@dataclass(frozen=True, eq=False)
class _Key:
    """What an index belongs to: the model (by identity), its weights version and its unit gains."""

    model: Model
    version: int
    gains: tuple[tuple[int, bytes], ...]

    def matches(self, other: _Key | None) -> bool:
        return other is not None and (self.model is other.model and self.version == other.version
                                      and self.gains == other.gains)


class LookAlikesPresenter(QObject):
    """Keeps ``view`` true to the drawing of ``prediction``: ``load_train(source)`` gives the training split of a
    model's dataset (called in a job), ``busy()`` says a run is training. Connect :meth:`weights_changed` to
    anything that changes the current model's weights in place (a step on the drawing, its undo, Reset edits)."""

    def __init__(self, view: LookAlikesView, prediction: DrawingPrediction, load_train: Callable[[str], Dataset],
                 busy: Callable[[], bool] = lambda: False) -> None:
        super().__init__(view)
        self.view, self.prediction = view, prediction
        self._load_train, self._busy = load_train, busy
        self.indices: list[tuple[_Key, NeighbourIndex]] = []  # the most recent last
        self._train: tuple[str, Dataset] | None = None  # the training split loaded last, shared by its indices
        self._version = 0
        self._building: tuple[_Key, Job] | None = None
        self._failed: tuple[_Key, str] | None = None  # a build that failed, not retried for the same key
        self._query: Job | None = None
        self._again = False  # a drawing update came while the query ran
        self._throttle = Throttle(self, REFRESH_MS, self.refresh)
        prediction.updated.connect(self._throttle.request)
        view.shown.connect(self.refresh)

    def weights_changed(self) -> None:
        """The current model's weights changed in place: its indices are of other weights."""
        self._version += 1

    def refresh(self) -> None:
        """Show the look-alikes of the drawing as it is now, while the view can be seen."""
        if not self.view.isVisible():
            return
        self._throttle.mark()
        if self._busy():
            self.view.show_note(render(BUSY))
            return
        key, drawing = self._current_key(), self.prediction.canvas.image()
        index = self._index(key)
        if not np.any(drawing > 0):
            self.view.show_note(render(EMPTY))  # the index goes on building: it is ready when the drawing comes
        elif index is not None:
            self._ask(key, index, drawing)

    def _current_key(self) -> _Key:
        model = self.prediction.model
        return _Key(model, self._version, tuple((layer, gains.tobytes())
                                                for layer, gains in sorted(model.network.gains.items())))

    # -- the index, built once per model, weights and gains --------------------------------------
    def _index(self, key: _Key) -> NeighbourIndex | None:
        """The index for ``key``, or None, starting its build (or showing why there is none)."""
        for kept, index in self.indices:
            if kept.matches(key):
                return index
        if self._failed is not None and self._failed[0].matches(key):
            self.view.show_note(self._failed[1])
        elif self._building is None or not self._building[0].matches(key):
            self._build(key)
        else:
            self.view.show_note(render(FINDING))
        return None

    def _build(self, key: _Key) -> None:
        if self._building is not None:
            self._building[1].cancel()  # it stops between chunks; its result would be of another network
            self._building = None
        source = key.model.dataset
        if not source:
            self.view.show_note(translate("LookAlikes", "This model does not say which images it was trained on, so "
                                                        "there are no training images to compare your drawing with."))
            return
        if source in DATASETS and not is_available(source):
            self.view.show_note(fill(translate("LookAlikes", "The {title} training images are not on this computer, "
                                                             "so there are no look-alikes to show. Training a model "
                                                             "on {title} offers to download them, as does `digitpad "
                                                             "data download {source}` in a terminal."),
                                     title=render(title(source)), source=source))
            return
        self.view.show_note(render(FINDING))
        model, load_train = key.model.copy(), self._load_train  # the copy keeps these weights and gains
        loaded = self._train[1] if self._train is not None and self._train[0] == source else None

        def build(report, cancelled):
            train = loaded if loaded is not None else load_train(source)
            return train, NeighbourIndex.build(model, train, report, cancelled)
        job = Job(build)
        self._building = key, job
        job.progressed.connect(lambda share, key=key: self._progressed(key, share))
        job.finished.connect(lambda found, key=key, source=source: self._built(key, source, *found))
        job.errored.connect(lambda message, key=key: self._build_failed(key, message))
        job.start()

    def _alive(self) -> bool:
        """Whether the view still exists: a job may end after its window closed (its answer then goes nowhere)."""
        return shiboken6.isValid(self.view)

    def _progressed(self, key: _Key, share: float) -> None:
        if self._alive() and self._is_building(key) and self.prediction.canvas.image().any():
            self.view.show_note(fill(translate("LookAlikes", "Passing the training images through the network to "
                                                             "find the nearest ones… {share:.0%}"), share=share))

    def _built(self, key: _Key, source: str, train: Dataset, index: NeighbourIndex | None) -> None:
        if not self._alive() or not self._is_building(key):
            return  # another model or other weights by now
        self._building = None
        self._train = source, train
        if index is not None:
            self.indices = [*self.indices, (key, index)][-KEPT:]
            self.refresh()

    def _build_failed(self, key: _Key, message: str) -> None:
        if self._alive() and self._is_building(key):
            self._building = None
            self._failed = key, fill(translate("LookAlikes", "No look-alikes: {error}"), error=message)
            self.refresh()

    def _is_building(self, key: _Key) -> bool:
        return self._building is not None and self._building[0] is key

    # -- the query, one at a time ----------------------------------------------------------
    def _ask(self, key: _Key, index: NeighbourIndex, drawing: np.ndarray) -> None:
        if self._query is not None:
            self._again = True  # the latest drawing is asked for when this query ends
            return
        self._query = job = Job(lambda report, cancelled: index.nearest(drawing, SHOWN))
        job.finished.connect(lambda found: self._answered(key, index, found))
        job.errored.connect(lambda message: self._alive() and self.view.show_note(
            fill(translate("LookAlikes", "No look-alikes: {error}"), error=message)))
        job.ended.connect(self._query_ended)
        job.start()

    def _answered(self, key: _Key, index: NeighbourIndex, found: LookAlikes | None) -> None:
        if (not self._alive() or found is None or not key.matches(self._current_key()) or self._busy()
                or not self.view.isVisible()):
            return  # another model, other weights or gains read the drawing now: the next refresh shows theirs
        model = key.model
        self.view.show_look_alikes(found, index.train, model.class_names, model.network.spec.is_regression)

    def _query_ended(self) -> None:
        self._query = None
        if self._again and self._alive():
            self._again = False
            self.refresh()
