"""The drawing's probabilities over the run, epoch by epoch, in the network view.

Each epoch update of a run brings the weights after it (the same copy the
drawing's prediction loads); :class:`~digitpad.inference.drawing_history.WeightHistory`
keeps them within a memory budget, and whenever the drawing or the run moves
on, the plot shows what the network said about *this* drawing after each
epoch kept. Drawing something new re-plots from the snapshots, at most every
``REFRESH_MS`` (a recompute and repaint take 5–12 ms, too much for the
drawing's 30 ms pace: benchmarks/README.md, "Drawing history"). Opening or
making another model clears it; the finished run's model keeps its run's
history, edits included.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from digitpad.inference.drawing_history import WeightHistory
from digitpad.inference.predict import drawing_to_input
from digitpad.model.bundle import Model
from digitpad.ui.base.throttle import Throttle
from digitpad.ui.jobs.session import TrainingSession
from digitpad.ui.jobs.training import EpochUpdate
from digitpad.ui.model_files import ModelFiles
from digitpad.ui.prediction import DrawingPrediction
from digitpad.ui.widgets.network_view import NetworkView

REFRESH_MS = 200


class DrawingHistory(QObject):
    """Keeps the network view's history plot true to the current run's snapshots and the drawing."""

    def __init__(self, view: NetworkView, session: TrainingSession, prediction: DrawingPrediction,
                 files: ModelFiles) -> None:
        super().__init__(view)
        self.view, self.plot, self.session, self.prediction = view, view.history_plot, session, prediction
        self.snapshots = WeightHistory()
        self._throttle = Throttle(self, REFRESH_MS, self.refresh)
        session.started.connect(self._started)
        session.epoch_finished.connect(self._epoch_finished)
        files.changed.connect(self._model_changed)
        prediction.updated.connect(self._throttle.request)

    def _started(self, untrained: Model) -> None:
        self.snapshots.clear()
        self.plot.clear(untrained.hyperparameters.get("epochs"))
        self.view.want_history(False)  # until the run's first epoch

    def _epoch_finished(self, update: EpochUpdate) -> None:
        self.snapshots.add(update.stats.epoch + 1, update.weights)
        # The window connects this before the runs' presenter, whose prediction update with these weights then
        # refreshes the plot.

    def _model_changed(self, model: Model) -> None:
        """Another model than the latest run's (opened, new): the snapshots are of nothing on screen."""
        if len(self.snapshots) and not self.session.running and model is not self.session.last_model:
            self.snapshots.clear()
            self.plot.clear()
            self.view.want_history(False)

    def refresh(self) -> None:
        """Plot the drawing's probabilities at every snapshot kept, while the network view can be seen; with no
        snapshots (no run yet) the plot stands aside and the unit panel has its room."""
        self.view.want_history(bool(len(self.snapshots)))
        if not self.plot.isVisible():
            return
        self._throttle.mark()
        drawing = self.prediction.canvas.image()
        if not drawing.any():
            self.plot.show_empty_canvas()
        else:
            model = self.prediction.model
            epochs, values = self.snapshots.probabilities(model.network, drawing_to_input(model, drawing))
            self.plot.show_history(epochs, values, model.class_names)
