"""Faults: an exception in the training thread, seen through the window; a save killed mid-write.

The first reads /proc (Linux only). The second runs a child process that
saves a model, stops it in the middle of writing the new file and kills it
with SIGKILL (POSIX only).
"""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtWidgets import QMessageBox
from support.lifecycle import live_jobs, os_threads
from support.models import make_model

from digitpad.model.files import load_model, save_model
from digitpad.nn.network import MLP
from digitpad.training.settings import RunSettings

SMALL_RUN = RunSettings(dataset="digits8x8", hidden="16", epochs=2, batch_size=32, validation=0.2)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self")
def test_an_exception_in_the_training_thread_is_an_error_dialog_and_the_thread_ends(window, qtbot, qapp,
                                                                                    monkeypatch):
    step, calls = MLP.train_step, []

    def third_batch_fails(network, x, targets):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("boom in batch 3")
        return step(network, x, targets)

    monkeypatch.setattr(MLP, "train_step", third_batch_fails)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: shown.append((a[1], a[2])))
    threads, model = os_threads(), window.files.model
    window.panel.set_settings(SMALL_RUN)
    with qtbot.waitSignal(window.session.failed, timeout=10_000):
        window.runs.start_training()
    assert shown == [("Training failed", "Training failed: RuntimeError: boom in batch 3")]
    assert len(calls) == 3  # the run stopped at the failing batch
    assert not window.session.running and window.session.job is None
    assert window.panel.train_button.isEnabled() and not window.panel.stop_button.isEnabled()
    assert window.files.model is model and window.prediction.model is model
    window.insight_tabs.setCurrentWidget(window.runs_panel)  # the run is listed as it ended
    assert [run.status_text() for run in window.runs_panel.shown()] == ["failed at epoch 0 of 2"]
    qtbot.waitUntil(lambda: live_jobs() == 0 and os_threads() <= threads + 1, timeout=5_000)
    monkeypatch.setattr(MLP, "train_step", step)
    with qtbot.waitSignal(window.session.finished, timeout=20_000) as done:  # the window goes on working
        window.runs.start_training()
    assert done.args[1].status == "completed"


# The child saves once, then again with a writer that stops halfway and waits to be killed.
KILLED_CHILD = textwrap.dedent("""
    import sys, time
    import numpy as np
    from digitpad.model import files as model_file
    from support.models import make_model

    path = sys.argv[1]
    model = make_model()
    model_file.save_model(path, model)

    def half_then_wait(f, arrays):
        f.write(b"PK\\x03\\x04" + bytes(2048))
        f.flush()
        print("writing", flush=True)
        time.sleep(60)

    model_file.write_npz = half_then_wait
    model.network.set_weights({k: v + 1 for k, v in model.network.get_weights().items()})
    model_file.save_model(path, model)
""")


@pytest.fixture(scope="module")
def killed_save(tmp_path_factory) -> Path:
    """A folder where a process saving ``model.npz`` over an older save was killed mid-write."""
    if not hasattr(signal, "SIGKILL"):
        pytest.skip("needs SIGKILL")
    folder = tmp_path_factory.mktemp("killed")
    child = subprocess.Popen([sys.executable, "-c", KILLED_CHILD, str(folder / "model.npz")],
                             stdout=subprocess.PIPE, text=True, cwd=Path(__file__).parent)
    try:
        assert child.stdout.readline().strip() == "writing"
    finally:
        child.kill()
        child.wait()
        child.stdout.close()
    return folder


def test_a_save_killed_mid_write_keeps_the_previous_file(killed_save, tmp_path):
    save_model(tmp_path / "expected.npz", make_model())
    loaded, expected = load_model(killed_save / "model.npz"), load_model(tmp_path / "expected.npz")
    for name, array in expected.network.get_weights().items():
        np.testing.assert_array_equal(loaded.network.get_weights()[name], array)


def test_a_save_killed_mid_write_leaves_no_temporary_file(killed_save):
    assert [p.name for p in killed_save.iterdir()] == ["model.npz"]
