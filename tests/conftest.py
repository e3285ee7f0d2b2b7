"""Shared fixtures: headless Qt and the path to the real datasets beside the project."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from loopback import payload, server  # noqa: F401 - fixtures shared by the download tests

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory, monkeypatch):
    """Every test gets an empty data store, never the user's real one."""
    monkeypatch.setenv("DIGITPAD_DATA_DIR", str(tmp_path_factory.mktemp("datastore")))


@pytest.fixture
def mnist_dir() -> Path:
    """Folder with the real MNIST IDX files; skips the test when absent."""
    folder = SHARED_DATA / "mnist"
    if not (folder / "train-images-idx3-ubyte.gz").is_file():
        pytest.skip(f"real MNIST not found in {folder}")
    return folder
