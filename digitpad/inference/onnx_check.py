"""Running an exported ONNX file with onnxruntime and measuring how far it is from digitpad.

The check is measured, never assumed: the same raw pixels go through the file
(onnxruntime) and through the model's own network (``raw × input_scale``,
:meth:`MLP.predict_proba`, or the single output of a one-output regression),
and the largest absolute difference is the answer. onnxruntime is optional;
it is imported only when a check runs.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from digitpad.common.errors import DataError, DigitpadError
from digitpad.common.text import QT_TRANSLATE_NOOP, Text
from digitpad.data.loading import load
from digitpad.data.preprocessing import get_preprocessing
from digitpad.data.registry import is_available, is_named, title
from digitpad.model.bundle import Model
from digitpad.model.onnx_export import INPUT_NAME, expected_outputs

MISSING_RUNTIME = QT_TRANSLATE_NOOP("OnnxCheck", "checking an ONNX file needs onnxruntime: pip install onnxruntime")
INK_SHARE = 0.2  # the share of lit pixels in a random stand-in (MNIST's digits light about a fifth of theirs)


def runtime_available() -> bool:
    """True when onnxruntime can be imported, so :func:`max_difference` can run."""
    try:
        import onnxruntime  # noqa: F401 - only whether it imports
    except ImportError:
        return False
    return True


def run_onnx(path: str | Path, raw: np.ndarray) -> np.ndarray:
    """The file's output for raw pixels ``(N, n_inputs)``; DigitpadError when onnxruntime is missing or the
    file cannot be run."""
    try:
        import onnxruntime
    except ImportError:
        raise DigitpadError(MISSING_RUNTIME) from None
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1  # a few rows: threads would only wait for each other
    try:
        session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        return session.run(None, {INPUT_NAME: np.asarray(raw, dtype=np.float32)})[0]
    except Exception as exc:  # noqa: BLE001 - onnxruntime raises its own types (Fail, InvalidGraph, …)
        raise DigitpadError(QT_TRANSLATE_NOOP("OnnxCheck", "onnxruntime cannot run {file}: {error}").fill(
            file=Path(path).name, error=exc)) from None


def max_difference_on(path: str | Path, model: Model, raw: np.ndarray) -> float:
    """The largest absolute difference between the file's and the model's outputs on raw pixels ``(N, n)``."""
    got = run_onnx(path, raw)
    want = expected_outputs(model, raw)
    if got.shape != want.shape:
        raise DigitpadError(QT_TRANSLATE_NOOP("OnnxCheck", "{file} gives outputs of shape {got}; the model gives "
                                                           "{want}").fill(file=Path(path).name, got=got.shape,
                                                                          want=want.shape))
    return float(np.max(np.abs(got.astype(np.float64) - want.astype(np.float64))))


def max_difference(path: str | Path, model: Model, drawing: np.ndarray) -> float:
    """:func:`max_difference_on` the drawing (2-D, ink high, in [0, 1]) through the model's preprocessing."""
    raw = get_preprocessing(model.preprocessing).to_raw(drawing).reshape(1, -1)
    return max_difference_on(path, model, raw)


def check_inputs(model: Model, n: int = 100, seed: int = 0) -> tuple[np.ndarray, Text]:
    """Up to ``n`` raw inputs ``(n, n_inputs)`` float32 to compare on, and what they are in words.

    The model's own test split when it is on this computer and fits the model;
    otherwise random MNIST-like rows: about a fifth of the pixels lit, at whole
    values up to the preprocessing's raw maximum.
    """
    n_inputs = model.network.spec.sizes[0]
    if is_named(model.dataset) and is_available(model.dataset):
        try:
            test = load(model.dataset, "test")
        except DataError:
            test = None
        if test is not None and len(test) and test.n_features == n_inputs:
            rows = test.images[:n].astype(np.float32)
            described = QT_TRANSLATE_NOOP("OnnxCheck", "1 test image of {dataset}") if len(rows) == 1 else \
                QT_TRANSLATE_NOOP("OnnxCheck", "{n} test images of {dataset}")
            return rows, described.fill(n=len(rows), dataset=title(model.dataset))
    rng = np.random.default_rng(seed)
    raw_max = get_preprocessing(model.preprocessing).raw_max
    lit = rng.random((n, n_inputs)) < INK_SHARE
    rows = np.where(lit, rng.integers(1, int(raw_max) + 1, (n, n_inputs)), 0).astype(np.float32)
    described = QT_TRANSLATE_NOOP("OnnxCheck", "1 random MNIST-like input") if n == 1 else \
        QT_TRANSLATE_NOOP("OnnxCheck", "{n} random MNIST-like inputs")
    return rows, described.fill(n=n)
