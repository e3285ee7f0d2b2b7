"""The window's run in the run history: its recorder while it trains, its id and name there, what its record lacks.

Each run the window trains is recorded from its start (:class:`~digitpad.training.runs.recorder.RunRecorder`,
made as the run begins, so its row and its name "Run N" exist from the start; a resumed run goes on in the row,
and keeps the name, of the run it continues). A database that cannot be written never stops a run: the run
goes unrecorded from there, and :attr:`WindowRecording.error` says so once it has ended.
"""

from __future__ import annotations

from digitpad.common.errors import DigitpadError
from digitpad.training.prepare import PreparedRun
from digitpad.training.reports import TrainState
from digitpad.training.runs.recorder import RunRecorder
from digitpad.ui.base.i18n import error_text, fill, translate

PLACEHOLDER = "Run (starting)"  # the row's name until its id is known


class WindowRecording:
    """One run at a time: :meth:`begin` as it starts training, :meth:`end` once it has ended."""

    def __init__(self) -> None:
        self.recorder: RunRecorder | None = None  # records the run going
        self.run_id: int | None = None  # the run going or last ended (None: not recorded)
        self.run_name = ""  # its name there: "Run 12", "Run 13 · Too narrow to learn · failing setup"
        self.error = ""  # why the record of the run last ended is incomplete, in the person's language ("": it is not)

    def begin(self, run: PreparedRun, kind: str, lab_preset: str, label: str, checkpoint: str | None,
              resume: TrainState | None) -> RunRecorder:
        """The recorder of ``run`` (``kind`` "train", "lab" or "finetune"), its row made now and named "Run N"
        (N its id) with ``label``, if any, after it; with ``checkpoint`` and ``resume``, of the run it continues."""
        recorder = self.recorder = RunRecorder(run, "window", PLACEHOLDER, kind=kind, lab_preset=lab_preset,
                                               checkpoint=checkpoint, resume=resume)
        self.run_id, self.run_name, self.error = recorder.run_id, "", ""
        if recorder.recording:
            try:
                name = recorder.store.summary(recorder.run_id).name
                if name == PLACEHOLDER:  # named in the window's language: the name is the person's from here on
                    name = run_name(recorder.run_id, label)
                    recorder.store.rename(recorder.run_id, name)
                self.run_name = name
            except DigitpadError as exc:  # recording never stops a run
                recorder.error = exc
        return recorder

    def forget(self) -> None:
        """A new run is being prepared: nothing is known of it yet."""
        self.run_id, self.run_name, self.error = None, "", ""

    def interrupt_on_stop(self, message: str) -> None:
        """The run going is about to be stopped by a quit, not by the person (see RunRecorder)."""
        if self.recorder is not None:
            self.recorder.interrupt_on_stop(message)

    def end(self, status: str = "", message: str = "") -> None:
        """The run's record is complete (``status``: it ended without its own end, "failed" or "interrupted");
        :attr:`error` says what it lacks, if a write failed once its row was made (a run never recorded at all
        was said so as it started)."""
        recorder, self.recorder = self.recorder, None
        if recorder is not None:
            if status:
                recorder.end(status, message)
            recorder.close()  # the last epochs' writes end here
            if recorder.run_id is not None and recorder.error is not None:
                self.error = error_text(recorder.error)


def run_name(run_id: int, label: str = "") -> str:
    """A run's default name in the window's language: "Run 12", or with ``label`` "Run 13 · Too narrow to learn ·
    failing setup"."""
    return fill(translate("WindowRecording", "Run {id} · {label}") if label else
                translate("WindowRecording", "Run {id}"), id=run_id, label=label)
