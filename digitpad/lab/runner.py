"""Running a lab configuration and measuring its failure signature.

The CLI, the tests and the benchmark all call :func:`run_lab`; the GUI trains
through its own session (both build the run with
:func:`~digitpad.training.prepare.prepare_run`) and can call
:func:`signature` on any network.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from digitpad.data.loading import load
from digitpad.lab.mistakes import apply_mistakes, recording_mistakes
from digitpad.lab.pitfalls import LabRun, Pitfall
from digitpad.model.bundle import Model
from digitpad.nn.network import MLP
from digitpad.training.evaluate import evaluate
from digitpad.training.prepare import PreparedRun, prepare_run
from digitpad.training.reports import BatchStats, Callback, EpochStats, TrainResult
from digitpad.training.unit_health import dead_units, saturated

SIGNATURE_ROWS = 2000  # enough inputs to see whether outputs vary; cheap on any dataset


@dataclass
class LabResult:
    """What a lab run produced and the numbers that tell a failure from a success.

    ``train_accuracy`` is measured after training on every training row (the
    figure the original, flawed experiments reported); ``val_accuracy`` on the
    held-out share, when there is one; ``test_accuracy`` on the dataset's test
    split when ``run_lab`` was asked for it.
    """

    run: LabRun
    model: Model
    result: TrainResult
    rows: dict[str, int]  # images per split used: "train", and "validation" / "test" when measured
    train_accuracy: float
    val_accuracy: float | None
    test_accuracy: float | None
    signature: dict[str, float | None]


def prepare_lab(lab_run: LabRun) -> PreparedRun:
    """``lab_run``'s run, built: its data loaded, split, and the network with the deliberate mistakes installed.

    Loads ``settings.dataset`` from the store (:meth:`Pitfall.run_for` already
    chose the fallback dataset when the preferred one is absent). Raises
    DataError when the dataset is missing and ConfigError for bad settings.
    """
    return prepare_run(lab_run.settings, customise=lambda network: apply_mistakes(lab_run.mistakes, network))


def run_lab(lab_run: LabRun, callbacks: list[Callback] | tuple = (), test_split: bool = True,
            prepared: PreparedRun | None = None) -> LabResult:
    """Train ``lab_run`` (settings plus deliberate mistakes) and measure it.

    The run is ``prepared`` (from :func:`prepare_lab`, for a caller whose
    callbacks need it, such as a recorder) or built here the same way. The
    signature is measured on up to :data:`SIGNATURE_ROWS` test images
    (training images when ``test_split`` is False).

    Raises DataError when the dataset is missing and ConfigError for bad settings.
    """
    settings = lab_run.settings
    prepared = prepared or prepare_lab(lab_run)
    result = prepared.fit(callbacks)
    network, scale = prepared.network, prepared.input_scale
    test = load(settings.dataset, "test") if test_split else None
    splits = {"train": prepared.train, "validation": prepared.val, "test": test}
    rows = {name: len(split) for name, split in splits.items() if split is not None}
    metrics = {f"{name}_accuracy": evaluate(network, split, scale).accuracy
               for name, split in splits.items() if split is not None}
    probe = (test if test is not None else prepared.train).images[:SIGNATURE_ROWS]
    model = recording_mistakes(prepared.model(result, metrics, name=f"lab: {lab_run.label}"))
    return LabResult(lab_run, model, result, rows, metrics["train_accuracy"], metrics.get("validation_accuracy"),
                     metrics.get("test_accuracy"), signature(network, probe * network.dtype(scale)))


def signature(network: MLP, x: np.ndarray) -> dict[str, float | None]:
    """Numbers that show how a network failed, measured on inputs ``x`` ``(rows, n_inputs)``.

    Returns
    -------
    dict
        ``output_std``: the largest standard deviation of any output unit across
        the rows (≈ 0 when the network answers the same for every input);
        ``output_mean``: the mean output; ``pinned_share``: share of sigmoid
        outputs beyond 0.01/0.99 (None for other outputs); ``saturated_share``:
        share of sigmoid/tanh hidden activations (unit × row) in their flat tails,
        beyond 0.01/0.99 for sigmoid and |a| > 0.99 for tanh (None without such
        layers); ``dead_share``: share of ReLU hidden units that output 0 for
        every row (None without ReLU layers).
    """
    x = np.asarray(x, dtype=network.dtype)
    out = network.outputs(x)
    kind = network.spec.activation
    activations = network.hidden_activations(x)
    saturated_masks = [mask.ravel() for a in activations if (mask := saturated(a, kind)) is not None]
    dead = [mask for a in activations if (mask := dead_units(a, kind)) is not None]
    return {
        "output_std": float(out.std(axis=0).max()) if len(out) else 0.0,
        "output_mean": float(out.mean()) if len(out) else 0.0,
        "pinned_share": (float(np.mean(saturated(out, "sigmoid"))) if network.spec.output == "sigmoid" else None),
        "saturated_share": float(np.concatenate(saturated_masks).mean()) if saturated_masks else None,
        "dead_share": float(np.concatenate(dead).mean()) if dead else None,
    }


class EveryNthEpoch(Callback):
    """Forward every batch but only every ``every``-th epoch (and the last) to ``callback``.

    Full-batch presets run thousands of one-step epochs; a line for each would
    bury what matters.
    """

    def __init__(self, callback: Callback, every: int) -> None:
        self.callback, self.every = callback, max(1, every)

    def on_batch_end(self, stats: BatchStats) -> None:
        self.callback.on_batch_end(stats)

    def on_epoch_end(self, stats: EpochStats) -> None:
        if (stats.epoch + 1) % self.every == 0 or stats.epoch + 1 == stats.epochs or stats.epoch == 0:
            self.callback.on_epoch_end(stats)

    def on_train_end(self, result: TrainResult) -> None:
        self.callback.on_train_end(result)


def toggle_lines(preset: Pitfall, enabled: Iterable[str]) -> list[str]:
    """One line per toggle of ``preset``: whether it is in effect, its kind, name and label."""
    enabled = set(enabled)
    width = max(len(t.name) for t in preset.toggles)
    lines = []
    for t in preset.toggles:
        if t.kind == "bug":
            state = "removed" if t.name in enabled else "PRESENT"
        else:
            state = "on" if t.name in enabled else "off"
        lines.append(f"  {state:<8} {t.kind:<7} {t.name:<{width}}  {t.label}")
    return lines


def result_lines(lab: LabResult) -> list[str]:
    """The signature and accuracies of a finished lab run, as plain lines for a terminal."""
    sig = lab.signature
    lines = [f"output std across inputs {sig['output_std']:.4f}   mean output {sig['output_mean']:.3f}"]
    for key, text in (("pinned_share", "outputs pinned beyond 0.01/0.99"),
                      ("saturated_share", "hidden activations saturated (sigmoid beyond 0.01/0.99, |tanh| > 0.99)"),
                      ("dead_share", "dead ReLU units (0 for every input)")):
        if sig[key] is not None:
            lines.append(f"{text}: {sig[key]:.1%}")
    for split, value in (("train", lab.train_accuracy), ("validation", lab.val_accuracy),
                         ("test", lab.test_accuracy)):
        if value is not None:
            lines.append(f"{split} accuracy {value:.2%} on {lab.rows[split]:,} images")
    return lines
