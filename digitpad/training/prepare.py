"""The one path from settings to a run: data, subset, validation split, network, trainer, model.

The CLI, the window's training session, the learning lab, New model and the
benchmarks all build their runs here, so a run means the same thing wherever
it starts and the settings are always checked against the training set they
will meet (a batch larger than the training set, a validation share that
leaves nothing to train on). The learning lab passes its deliberate mistakes
in as ``customise``, so this module never imports the lab.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass

import numpy as np

from digitpad.common.errors import ConfigError, DataError
from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.data.dataset import Dataset, stratified_split
from digitpad.data.loading import load_source
from digitpad.data.preprocessing import for_image_shape
from digitpad.model.bundle import Model
from digitpad.nn.network import MLP
from digitpad.training.config import TrainConfig
from digitpad.training.reports import Callback, TrainResult, TrainState
from digitpad.training.settings import RunSettings
from digitpad.training.trainer import BatchRows, Trainer, aligned_batch, input_scale

# Installs changes on a freshly built network (the lab's deliberate bugs) and returns the batch picker to use.
Customise = Callable[[MLP], BatchRows]
# Builds the finished Model of a run that is not trained from scratch (a fine-tune keeps its model's own
# preprocessing, classes and name): (the run, its result or None, metrics, name) → Model.
MakeModel = Callable[["PreparedRun", "TrainResult | None", "dict[str, float] | None", str], Model]


@dataclass(frozen=True)
class PreparedRun:
    """Everything a run needs, checked: its settings, its data split and its untrained network."""

    settings: RunSettings
    config: TrainConfig
    data: Dataset              # the first ``subset`` rows of the source
    train: Dataset
    val: Dataset | None
    network: MLP
    batch_rows: BatchRows = aligned_batch
    # Reported to before the caller's own callbacks, on the training thread (a fine-tune's after-scores).
    callbacks: tuple[Callback, ...] = ()
    make_model: MakeModel | None = None  # None: to_model, a model as `digitpad train` makes it

    @property
    def input_scale(self) -> float:
        return input_scale(self.data, self.config)

    def trainer(self, callbacks: Sequence[Callback] = ()) -> Trainer:
        """The Trainer for this run, reporting to the run's own callbacks, then to ``callbacks`` (which so see
        what the run's own did at each hook, e.g. a fine-tune's after-scores at the end)."""
        return Trainer(self.network, self.config, [*self.callbacks, *callbacks], batch_rows=self.batch_rows)

    def fit(self, callbacks: Sequence[Callback] = (), resume: TrainState | None = None) -> TrainResult:
        """Train the network in place on the training split, validating on the validation split; with ``resume``
        (a checkpoint of this run) from where that stopped."""
        return self.trainer(callbacks).fit(self.train, self.val, resume)

    def model(self, result: TrainResult | None = None, metrics: dict[str, float] | None = None,
              name: str = "") -> Model:
        """The network (trained in place by :meth:`trainer`) with everything needed to use and reproduce it."""
        if self.make_model is not None:
            return self.make_model(self, result, metrics, name)
        return to_model(self.network, self.data, self.settings, result, metrics, name)


def prepare_run(settings: RunSettings, source: Dataset | None = None,
                customise: Customise | None = None) -> PreparedRun:
    """Check ``settings``, load the dataset (unless ``source`` is given), take the subset, split off the
    validation share, check the settings against the training set and build the network.

    Raises ConfigError (naming the setting) for settings that do not fit,
    DataError for data that cannot be loaded.
    """
    settings.validate()
    config = settings.config()
    if source is None:
        source = load_source(settings.dataset, "train")
    data = source.head(settings.subset or None)
    train, val = split_validation(data, config.validation, config.seed)
    config.validate(len(train))
    network = build_network(settings, data)
    batch_rows = customise(network) if customise is not None else aligned_batch
    return PreparedRun(settings, config, data, train, val, network, batch_rows)


def build_network(settings: RunSettings, data: Dataset) -> MLP:
    """The untrained network ``settings`` describe for images and classes like ``data``'s (which may be empty)."""
    return MLP(settings.spec(data.n_features, data.n_classes), seed=settings.seed)


def split_validation(data: Dataset, share: float, seed: int) -> tuple[Dataset, Dataset | None]:
    """A stratified (train, validation) split; validation is None when ``share`` is 0."""
    if len(data) == 0:
        raise DataError(QT_TRANSLATE_NOOP("Prepare", "{name} holds no images").fill(name=data.name))
    if share == 0:
        return data, None
    train_rows, val_rows = stratified_split(data.labels, share, np.random.default_rng([seed, 1]))
    if len(train_rows) == 0 or len(val_rows) == 0:
        raise ConfigError(QT_TRANSLATE_NOOP("Prepare", "{images} images are too few to split off a {share:.1%} "
                                                       "validation share").fill(images=len(data), share=share),
                          "validation")
    return data.subset(train_rows), data.subset(val_rows)


def to_model(network: MLP, data: Dataset, settings: RunSettings, result: TrainResult | None,
             metrics: dict[str, float] | None = None, name: str = "") -> Model:
    """Wrap a network with everything needed to use and reproduce it."""
    return Model(network=network, input_shape=data.image_shape, preprocessing=for_image_shape(data.image_shape).id,
                 input_scale=input_scale(data, settings.config()), class_names=data.class_names,
                 dataset=data.name, hyperparameters=settings.to_dict(),
                 history=dict(result.history) if result else {}, metrics=dict(metrics or {}), name=name,
                 step_changes=[asdict(change) for change in result.step_changes] if result else [])
