"""Teach it my digits: continue training a digit model on MNIST mixed with the learner's own digits.

A fine-tune is a :class:`~digitpad.training.prepare.PreparedRun` like any other, so the window's training
session and the CLI train it with the same loop, curves and controls. What differs:

- the network is a copy of the model's own (weights and unit gains), never one built from settings, and the
  caller's model is left untouched;
- each epoch is a fixed sample of MNIST's training images plus the personal training digits repeated until
  they are ``mix`` of the epoch (oversampled, so 20 digits matter against thousands), randomly shifted as
  the model was trained (its settings' ``shift``);
- the learning rate is well below a from-scratch run's, so the weights move towards the new handwriting
  without forgetting MNIST;
- the validation set is the personal digits held out from training, so the live validation curve *is* the
  honest accuracy on the learner's handwriting: digits it never trained on;
- the finished model keeps the original's preprocessing, input scale, classes and dataset, and records the
  personal set's size and the before/after accuracies (:mod:`digitpad.training.finetune_report`).

The scores before are measured in :func:`prepare_finetune` (off the GUI thread in the window), the scores
after by the run's own callback at the end of training, on the training thread.
"""

from __future__ import annotations

import copy
import dataclasses
import math
from dataclasses import dataclass, field

import numpy as np

from digitpad.common.errors import ConfigError, DataError
from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.data.dataset import DIGIT_NAMES, Dataset
from digitpad.data.preprocessing import MNIST_28, get_preprocessing
from digitpad.model.bundle import Model
from digitpad.nn.network import MLP
from digitpad.training.config import MAX_SHIFT, TrainConfig
from digitpad.training.evaluate import evaluate
from digitpad.training.finetune_data import mixed_set
from digitpad.training.finetune_report import Guess, Scores, TableRow, format_table, table_rows
from digitpad.training.prepare import PreparedRun
from digitpad.training.reports import Callback, TrainResult
from digitpad.training.settings import RunSettings

TUNED_SUFFIX = " (tuned on my digits)"
MAX_MIX = 0.9          # beyond this MNIST hardly takes part and the model forgets it


@dataclass(frozen=True)
class FinetuneOptions:
    """How to fine-tune; the defaults were chosen by benchmarks/finetune.py (see benchmarks/README.md).

    Each epoch shows the network ``mnist_images`` MNIST training images (one sample, drawn once with
    ``seed``) and the personal training digits repeated until they are ``mix`` of the epoch's images.
    SGD with momentum 0.9 at ``lr`` (a fifth of a from-scratch run's 0.05), falling along half a cosine to 0,
    with random shifts of up to ``shift`` pixels; ``None``: the shift the model was trained with (0 when its
    settings do not say). A shift the model never saw costs MNIST accuracy in a short fine-tune (0.8 points
    at 2 pixels for a 256-128 model trained without), while the personal digits need none: the
    preprocessing centres them.
    """

    epochs: int = 4
    mix: float = 0.25
    lr: float = 0.01
    shift: int | None = None
    batch_size: int = 128
    seed: int = 0
    mnist_images: int = 12_000

    def validate(self) -> None:
        """Raise ConfigError naming the first option that does not make sense."""
        if not (isinstance(self.mix, (int, float)) and 0 < self.mix <= MAX_MIX):
            raise ConfigError(QT_TRANSLATE_NOOP("Finetune", "mix (the share of each epoch that is your digits) must "
                                                            "be above 0 and at most {high}, got {mix}").fill(
                high=MAX_MIX, mix=self.mix), "mix")
        if self.mnist_images < 1:
            raise ConfigError(QT_TRANSLATE_NOOP("Finetune", "mnist_images must be at least 1, got {value}").fill(
                value=self.mnist_images), "mnist_images")
        if self.batch_size < 1:
            raise ConfigError(QT_TRANSLATE_NOOP("Finetune", "batch size must be at least 1, got {value}").fill(
                value=self.batch_size), "batch_size")
        TrainConfig(epochs=self.epochs, batch_size=self.batch_size, lr=self.lr, seed=self.seed,
                    shift=self.shift or 0).validate()

    def settings(self, model: Model, network: MLP, dataset: str, scale_inputs: bool) -> RunSettings:
        """The run's settings: the network's own architecture, these options' training (the shift ``model``
        was trained with unless :attr:`shift` is given), no validation split (the held-out personal digits
        are the validation set)."""
        spec = network.spec
        shift = self.shift if self.shift is not None else _trained_shift(model)
        return RunSettings(dataset=dataset, validation=0.0, hidden=",".join(map(str, spec.sizes[1:-1])),
                           activation=spec.activation, head=f"{spec.output}+{spec.loss}", init=spec.init,
                           bias=spec.bias, sum_gradient=spec.reduction == "sum", scale_inputs=scale_inputs,
                           float64=spec.dtype == "float64", optimizer="momentum", lr=self.lr, momentum=0.9,
                           schedule="cosine", batch_size=self.batch_size, epochs=self.epochs, seed=self.seed,
                           shift=shift)


@dataclass
class FinetuneRun:
    """A prepared fine-tune: train :attr:`run` like any run, then read :attr:`after` and the table."""

    original: Model               # the caller's model, untouched
    options: FinetuneOptions
    personal_name: str
    n_personal_train: int
    personal_test: Dataset | None  # the held-out personal digits (None when there are none)
    base_test: Dataset             # MNIST's test set
    drawing_input: np.ndarray | None  # the current drawing as network input (1, n_inputs), when given
    before: Scores
    after: Scores | None = None    # set at the end of training (on the training thread)
    run: PreparedRun = field(init=False)

    @property
    def n_personal_test(self) -> int:
        return len(self.personal_test) if self.personal_test is not None else 0

    def scores(self, network: MLP) -> Scores:
        """``network``'s accuracy on the held-out personal digits and on MNIST test, and its guess for the drawing."""
        return score(network, self.original, self.personal_test, self.base_test, self.drawing_input)

    def rows(self) -> list[TableRow]:
        """The before/after table as plain rows (the window renders them itself)."""
        return table_rows(self.before, self.after, self.n_personal_test, len(self.base_test))

    def format_table(self) -> str:
        """The before/after table as aligned plain text (the CLI prints it)."""
        return format_table(self.rows())

    def tuned_model(self, run: PreparedRun, result: TrainResult | None, metrics: dict[str, float] | None,
                    name: str) -> Model:
        """The fine-tuned network as a Model: the original's preprocessing, input scale, classes, dataset and
        edits, the run's settings and history, and the fine-tune's record in ``metrics`` and
        ``hyperparameters``. ``name`` defaults to the original's name with :data:`TUNED_SUFFIX`."""
        if result is not None and self.after is None:  # trained without the run's own callbacks
            self.after = self.scores(run.network)
        scores = self.after or self.before  # before training, the network still has the original's weights
        record = {"personal_train_digits": float(self.n_personal_train),
                  "personal_heldout_digits": float(self.n_personal_test),
                  "test_accuracy": scores.mnist, "test_accuracy_before": self.before.mnist}
        if self.n_personal_test:
            record |= {"personal_accuracy": scores.personal, "personal_accuracy_before": self.before.personal}
        original = self.original
        base_name = original.name.removesuffix(TUNED_SUFFIX) or "model"
        hyperparameters = run.settings.to_dict() | {
            "finetune_of": original.name, "finetune_with": self.personal_name, "finetune_mix": self.options.mix,
            "finetune_mnist_images": self.options.mnist_images}
        return dataclasses.replace(
            original, network=run.network, hyperparameters=hyperparameters,
            history=dict(result.history) if result else {}, metrics=dict(metrics or {}) | record,
            name=name or base_name + TUNED_SUFFIX, created="", app_version="",
            hand_steps=copy.deepcopy(original.hand_steps),
            step_changes=[dataclasses.asdict(c) for c in result.step_changes] if result else [])


class _AfterScores(Callback):
    """Measures the scores after the fine-tune on the training thread, so the window never evaluates 10,000
    MNIST images on its GUI thread."""

    def __init__(self, finetune: FinetuneRun) -> None:
        self._finetune = finetune

    def on_train_end(self, result: TrainResult) -> None:
        self._finetune.after = self._finetune.scores(self._finetune.run.network)


def prepare_finetune(model: Model, personal_train: Dataset, personal_test: Dataset | None, base_train: Dataset,
                     base_test: Dataset, options: FinetuneOptions = FinetuneOptions(),
                     drawing: np.ndarray | None = None) -> FinetuneRun:
    """Check that ``model`` reads MNIST-style digits, build the mixed training set and the run, and score the
    model before it changes.

    ``personal_train`` is what it learns from; ``personal_test`` the learner's digits held out from it (see
    :func:`digitpad.training.finetune_data.personal_splits`), None or empty when there are none: then no honest personal
    accuracy can be given, and the table says so. ``base_train``/``base_test`` are MNIST's splits;
    ``drawing`` (2-D, ink high, in [0, 1]) the current drawing, whose guess the table shows before and after.

    Raises ConfigError for a model or option that does not fit, DataError for unusable data.
    """
    options.validate()
    check_model(model)
    for data in (personal_train, personal_test, base_train, base_test):
        if data is not None:
            _check_digits(data)
    if len(personal_train) == 0:
        raise DataError(QT_TRANSLATE_NOOP("Finetune", "{name} holds no digits to learn from; collect some of your "
                                                      "own first").fill(name=personal_train.name))
    if len(base_train) == 0:
        raise DataError(QT_TRANSLATE_NOOP("Finetune", "{name} has no training images").fill(name=base_train.name))
    if len(base_test) == 0:
        raise DataError(QT_TRANSLATE_NOOP("Finetune", "{name} has no test images").fill(name=base_train.name))
    personal_test = personal_test if personal_test is not None and len(personal_test) else None
    scale_inputs = _scale_inputs(model, base_train)
    working = model.copy()  # weights, gains and head kept; the caller's model untouched
    settings = options.settings(model, working.network, base_train.name, scale_inputs)
    config = settings.config()
    train = mixed_set(base_train, personal_train, options.mnist_images, options.mix, options.seed)
    config.validate(len(train))
    drawing_input = _drawing_input(model, drawing)
    before = score(model.network, model, personal_test, base_test, drawing_input)
    finetune = FinetuneRun(model, options, personal_train.name, len(personal_train), personal_test, base_test,
                           drawing_input, before)
    finetune.run = PreparedRun(settings, config, train, train, personal_test, working.network,
                               callbacks=(_AfterScores(finetune),), make_model=finetune.tuned_model)
    return finetune


def score(network: MLP, model: Model, personal_test: Dataset | None, base_test: Dataset,
          drawing_input: np.ndarray | None = None) -> Scores:
    """``network``'s accuracy on ``personal_test`` (None when there is none) and ``base_test``, fed as ``model``
    feeds its network, and its guess for ``drawing_input`` (the network's input for one drawing), if given."""
    with np.errstate(over="ignore", invalid="ignore"):
        personal = evaluate(network, personal_test, model.input_scale).accuracy if personal_test is not None and len(personal_test) else None
        mnist = evaluate(network, base_test, model.input_scale).accuracy
        guess = None
        if drawing_input is not None:
            probabilities = network.predict_proba(drawing_input)[0]
            best = int(np.argmax(probabilities))
            guess = Guess(model.class_names[best], float(probabilities[best]))
    return Scores(personal, mnist, guess)


def check_model(model: Model) -> None:
    """Raise ConfigError, in plain words, unless ``model`` reads 28×28 MNIST-style drawings of the ten digits
    and gives each a probability: what a fine-tune on the learner's digits needs (cheap: the window asks
    before it loads anything)."""
    if model.preprocessing != MNIST_28.id:
        h, w = model.input_shape
        raise ConfigError(QT_TRANSLATE_NOOP("Finetune", "My digits are 28×28 handwritten digits; this model reads "
                                                        "{height}×{width} digits. Open or train a model on MNIST "
                                                        "first").fill(height=h, width=w))
    if tuple(model.class_names) != DIGIT_NAMES:
        raise ConfigError(QT_TRANSLATE_NOOP("Finetune", "My digits are the digits 0 to 9; this model tells apart "
                                                        "{classes}, … Open or train a model on MNIST first").fill(
            classes=", ".join(model.class_names[:3])))
    if model.network.spec.is_regression:
        raise ConfigError(QT_TRANSLATE_NOOP("Finetune", "this model predicts one number (a regression on label/10), "
                                                        "not a probability for each digit; Teach it my digits needs "
                                                        "a model with ten outputs"))


def _check_digits(data: Dataset) -> None:
    if data.image_shape != MNIST_28.input_shape or data.class_names != DIGIT_NAMES or data.max_value != 255:
        h, w = data.image_shape
        raise DataError(QT_TRANSLATE_NOOP("Finetune", "{name} holds {height}×{width} images of {classes}, …; "
                                                      "fine-tuning needs 28×28 digits 0 to 9 with pixels 0 to 255, "
                                                      "as MNIST's").fill(name=data.name, height=h, width=w,
                                                                         classes=", ".join(data.class_names[:3])))


def _scale_inputs(model: Model, data: Dataset) -> bool:
    """Whether the trainer must scale pixels to [0, 1] to feed the network as the model does."""
    if math.isclose(model.input_scale, 1 / data.max_value):
        return True
    if model.input_scale == 1:
        return False
    raise ConfigError(QT_TRANSLATE_NOOP("Finetune", "this model multiplies pixels by {scale:g}, which training "
                                                    "cannot reproduce (it feeds pixels × 1/{high} or raw)").fill(
        scale=model.input_scale, high=data.max_value))


def _trained_shift(model: Model) -> int:
    """The random shift ``model``'s settings say it was trained with; 0 when they do not say (or make no sense)."""
    shift = model.hyperparameters.get("shift", 0)
    return shift if isinstance(shift, int) and not isinstance(shift, bool) and 0 <= shift <= MAX_SHIFT else 0


def _drawing_input(model: Model, drawing: np.ndarray | None) -> np.ndarray | None:
    """The drawing as the network's input ``(1, n_inputs)``, through the model's preprocessing; None when
    there is no drawing or it has no ink."""
    if drawing is None or not np.any(drawing > 0):
        return None
    raw = get_preprocessing(model.preprocessing).to_raw(drawing)
    return (raw * model.input_scale).reshape(1, -1).astype(model.network.dtype)
