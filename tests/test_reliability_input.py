"""Input that is too big, empty or out of range: refused with the reason before anything is built or trained.

Model files whose entries would inflate past any sane size are refused from
the sizes the archive declares, before inflating a byte. Training data that is
empty or whose labels are not digits is refused before training starts, in the
CLI (one ``digitpad: error:`` line, exit 1, no model written) and in the window
(an error dialog, nothing started, the window usable).
"""

from __future__ import annotations

import json
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtWidgets import QMessageBox
from support.models import parts, refused

from digitpad.cli.main import main
from digitpad.data.idx import write_idx
from digitpad.training.settings import RunSettings

MiB = 2**20


# -- model files with absurd sizes ---------------------------------------------
def with_huge_entry(path: Path, name: str, dtype: str, n_bytes: int, meta: dict, arrays: dict) -> Path:
    """A model archive whose ``name.npy`` inflates to ``n_bytes`` (a zip bomb: it stores ~n_bytes/1000).

    Written a megabyte at a time, so the test itself never holds it in memory.
    """
    entries = {"metadata": np.frombuffer(json.dumps(meta).encode(), np.uint8)} | arrays
    np.savez(path, **{k: v for k, v in entries.items() if k != name})
    itemsize = np.dtype(dtype).itemsize
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive, \
            archive.open(f"{name}.npy", "w", force_zip64=True) as f:
        np.lib.format.write_array_header_1_0(f, {"descr": dtype, "fortran_order": False,
                                                 "shape": (n_bytes // itemsize,)})
        for _ in range(n_bytes // MiB):
            f.write(b" " * MiB)
    return path


def refused_within(path: Path, max_bytes: int, *words: str) -> None:
    """Loading ``path`` fails with ``words`` in the message, allocating at most ``max_bytes`` on the way."""
    tracemalloc.start()
    try:
        refused(path, *words)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < max_bytes, f"{peak:,} bytes allocated"


def test_metadata_inflating_past_16_mib_is_refused_before_inflating(tmp_path):
    meta, arrays = parts(tmp_path)
    path = with_huge_entry(tmp_path / "bomb.npz", "metadata", "|u1", 17 * MiB, meta, arrays)
    assert path.stat().st_size < MiB
    refused_within(path, MiB, "metadata is 17,825,", "more than its 16,777,216 limit")


def test_a_weight_entry_inflating_past_its_layer_size_is_refused_before_inflating(tmp_path):
    meta, arrays = parts(tmp_path)
    path = with_huge_entry(tmp_path / "bomb.npz", "W0", "<f4", 64 * MiB, meta, arrays)
    refused_within(path, MiB, "array W0 is 67,108,", "limit")


# -- training data that is empty or not digits ----------------------------------------
def header_only_csv(folder: Path) -> Path:
    path = folder / "empty.csv"
    path.write_text("label," + ",".join(f"pixel{i}" for i in range(784)) + "\n")
    return path


def label_12_csv(folder: Path) -> Path:
    path = folder / "twelve.csv"
    path.write_text("".join(",".join(["12"] + ["0"] * 784) + "\n" for _ in range(5)))
    return path


def idx_pair(labels: np.ndarray) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        write_idx(folder / "train-images-idx3-ubyte.gz", np.zeros((len(labels), 28, 28), np.uint8))
        write_idx(folder / "train-labels-idx1-ubyte.gz", labels.astype(np.uint8))
        return folder / "train-images-idx3-ubyte.gz"
    return make


BAD_DATA = [
    pytest.param(header_only_csv, "has a header line but no images", id="empty-csv"),
    pytest.param(label_12_csv, "label 12 is not a digit 0..9", id="csv-label-12"),
    pytest.param(idx_pair(np.arange(20) % 13), "labels must lie in 0..9", id="idx-label-12"),
    pytest.param(idx_pair(np.zeros(0)), "no images", id="empty-idx"),
]


@pytest.mark.parametrize("make, message", BAD_DATA)
def test_the_cli_refuses_bad_training_data_in_one_line(tmp_path, capsys, make, message):
    out = tmp_path / "model.npz"
    assert main(["train", "--dataset", str(make(tmp_path)), "--hidden", "8", "--epochs", "1",
                 "--batch", "4", "-o", str(out)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("digitpad: error:") and message in err[0]
    assert not out.exists()


@pytest.mark.parametrize("make, message", BAD_DATA)
def test_the_window_refuses_bad_training_data_before_starting(window, qtbot, tmp_path, monkeypatch, make, message):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: shown.append(a[2]))
    model = window.files.model
    window.panel.set_settings(RunSettings(dataset=str(make(tmp_path)), hidden="8", epochs=1, batch_size=4))
    with qtbot.waitSignal(window.session.failed, timeout=10_000):
        window.runs.start_training()
    assert len(shown) == 1 and message in shown[0]
    assert not window.session.running and window.session.worker is None
    assert window.panel.train_button.isEnabled() and window.runs_panel.store.count() == 0
    assert window.files.model is model and window.prediction.model is model
