"""Random shifts count pixels of a 28×28 image and scale with the image: every preset on every dataset."""

from __future__ import annotations

import numpy as np
import pytest

from digitpad.common.errors import ConfigError
from digitpad.data import augment
from digitpad.data.dataset import DIGIT_NAMES, Dataset
from digitpad.data.loading import load
from digitpad.nn.network import MLP
from digitpad.training import trainer as trainer_module
from digitpad.training.config import MAX_SHIFT, TrainConfig
from digitpad.training.evaluate import evaluate
from digitpad.training.recipes import apply_recipe
from digitpad.training.settings import RunSettings
from digitpad.training.trainer import Trainer, input_scale

# The shift each preset must apply, in pixels of the dataset's own images (mnist, fashion and mine are 28×28).
APPLIED = {
    ("default", "mnist"): 0, ("default", "fashion"): 0, ("default", "mine"): 0, ("default", "digits8x8"): 0,
    ("quick", "mnist"): 2, ("quick", "fashion"): 2, ("quick", "mine"): 2, ("quick", "digits8x8"): 0,
    ("best", "mnist"): 2, ("best", "fashion"): 0, ("best", "mine"): 2, ("best", "digits8x8"): 0,
}


def test_28_pixel_images_keep_the_shift_and_smaller_ones_round_it_down():
    assert [augment.scaled_shift(s, (28, 28)) for s in range(MAX_SHIFT + 1)] == list(range(MAX_SHIFT + 1))
    assert [augment.scaled_shift(s, (8, 8)) for s in range(MAX_SHIFT + 1)] == [0, 0, 0, 0, 1, 1, 1, 2, 2]
    assert augment.scaled_shift(7, (8, 28)) == augment.scaled_shift(7, (28, 8)) == 2, "the shorter side counts"
    assert augment.scaled_shift(4, (56, 56)) == 8


def test_the_limit_is_in_28_pixel_units_and_names_shift():
    TrainConfig(shift=MAX_SHIFT).validate()
    with pytest.raises(ConfigError, match=r"0 to 8 pixels \(of a 28×28 image\), got 9") as refused:
        TrainConfig(shift=MAX_SHIFT + 1).validate()
    assert refused.value.field == "shift"


def _train_images(name: str) -> Dataset:
    """128 training images with the dataset's image size (the real 8×8 digits; noise for the 28×28 sets)."""
    if name == "digits8x8":
        data = load(name, "train")
        return Dataset(data.images[:128], data.labels[:128], data.image_shape, data.max_value, data.class_names, name)
    rng = np.random.default_rng(0)
    return Dataset(rng.integers(0, 256, (128, 784), dtype=np.uint8), rng.integers(0, 10, 128), (28, 28), 255,
                   DIGIT_NAMES, name)


@pytest.mark.parametrize(("preset", "dataset"), APPLIED)
def test_every_preset_applies_the_scaled_shift_on_every_dataset(preset, dataset, monkeypatch):
    calls = []

    def recording_shift(images, image_shape, max_shift, rng):
        calls.append((image_shape, max_shift))
        return augment.random_shift(images, image_shape, max_shift, rng)

    monkeypatch.setattr(trainer_module, "random_shift", recording_shift)
    settings = apply_recipe(RunSettings(dataset=dataset, subset=128), preset)
    data = _train_images(dataset)
    config = TrainConfig(**(settings.config().to_dict() | {"epochs": 1}))
    result = Trainer(MLP(settings.spec(data.n_features, 10), seed=0), config).fit(data)
    assert result.status == "completed"
    expected = APPLIED[(preset, dataset)]
    n_batches = -(-len(data) // (config.batch_size or len(data)))
    assert calls == ([(data.image_shape, expected)] * n_batches if expected else []), \
        f"{preset} on {dataset} must shift by ±{expected} px"


def test_quick_on_the_8x8_digits_trains_as_well_as_without_a_shift():
    train, test = load("digits8x8", "train"), load("digits8x8", "test")
    quick = apply_recipe(RunSettings(dataset="digits8x8"), "quick")
    assert quick.shift == 2
    accuracies = {}
    for shift in (quick.shift, 0):
        config = TrainConfig(**(quick.config().to_dict() | {"shift": shift}))
        network = MLP(quick.spec(train.n_features, 10), seed=quick.seed)
        Trainer(network, config).fit(train)
        accuracies[shift] = evaluate(network, test, input_scale(test, config)).accuracy
    # Measured: 97.5 % unshifted; a ±2-pixel shift of the 8×8 images gave 83.3 %, ±1 gave 93.6 %.
    assert accuracies[quick.shift] == accuracies[0] > 0.96
