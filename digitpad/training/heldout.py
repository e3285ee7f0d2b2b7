"""Which rows a model can honestly be measured on: rows it never trained on, and what they are in words.

A dataset with a test split (MNIST, Fashion-MNIST, the 8×8 digits, My digits,
a local dataset) gives that split, which training never loads. A model trained
on a file (or ImageFolder directory) saw every row of it except its validation
rows; those are found again from the model's own settings (the file, subset,
validation share and seed) by :func:`digitpad.training.prepare.split_validation`,
the very code that set them aside, so they are exactly the rows it did not train
on. A model that trained on every row has nothing left to measure honestly, and
is refused unless the caller accepts rows it trained on.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from digitpad.common.errors import DataError
from digitpad.data.dataset import Dataset
from digitpad.data.loading import load, load_source
from digitpad.data.local_datasets import file_md5, is_local, read_info
from digitpad.data.registry import is_named
from digitpad.model.bundle import Model
from digitpad.training.prepare import split_validation
from digitpad.training.settings import RunSettings


@dataclass(frozen=True)
class EvaluationRows:
    """The rows to evaluate on and what they are, e.g. ``10,000 images of mnist, its test split (never trained
    on)``; ``trained_on`` when the model trained on them (the figure is then optimistic)."""

    data: Dataset
    what: str
    trained_on: bool = False


def trained_source(model: Model) -> str:
    """The dataset name or file path the model's training rows came from.

    The settings' ``dataset`` keeps a file's path (the model's ``dataset`` only its name); a fine-tune's
    settings name the learner's digits it was mixed with, so its model's own dataset is the one to test on.
    """
    hyper = model.hyperparameters
    if "finetune_of" in hyper or not hyper.get("dataset"):
        return model.dataset
    return str(hyper["dataset"])


def evaluation_rows(model: Model, dataset: str | None = None, on_training_data: bool = False) -> EvaluationRows:
    """The rows ``model`` should be evaluated on: ``dataset``'s (a name, file or folder) or, by default, rows of
    its own source it did not train on.

    Raises DataError when the only rows there are are rows it trained on and ``on_training_data`` is False, or
    when the file it trained on is gone.
    """
    source = trained_source(model)
    if dataset is not None and _same_file(dataset, source):
        return _file_rows(model, dataset, on_training_data)
    if dataset is not None:
        shared = _shared_rows(dataset, source)
        if shared and not on_training_data:
            raise DataError(f"{shared}, so it holds rows the model trained on. Leave --dataset out to use rows it "
                            "did not train on, give other data, or add --on-training-data to measure it anyway "
                            "(an optimistic figure)")
        if is_named(dataset):
            never = " (never trained on)" if dataset == source else ""
            data = load(dataset, "test")
            if shared:
                return EvaluationRows(data, f"{len(data):,} images of {dataset}, its test split: rows it trained on "
                                            "(an optimistic figure)", trained_on=True)
            return EvaluationRows(data, f"{len(data):,} images of {dataset}, its test split{never}")
        data = load_source(dataset, "test")
        if shared:
            return EvaluationRows(data, f"{len(data):,} images of {data.name}: rows it trained on "
                                        "(an optimistic figure)", trained_on=True)
        return EvaluationRows(data, f"{len(data):,} images of {data.name}")
    if is_named(source):
        data = load(source, "test")
        return EvaluationRows(data, f"{len(data):,} images of {source}, its test split (never trained on)")
    return _file_rows(model, source, on_training_data)


def _file_rows(model: Model, source: str, on_training_data: bool) -> EvaluationRows:
    """The validation rows of the file ``model`` trained on (at ``source``), recomputed from its settings; with
    no validation split, the rows past its subset, if any."""
    if not Path(source).exists():
        raise DataError(f"this model trained on {source}, which is not there any more; give --dataset with the "
                        "file (or other data) to evaluate on")
    recorded = model.hyperparameters.get("dataset_md5")
    if recorded and Path(source).is_file() and file_md5(source) != recorded:
        raise DataError(f"{Path(source).name} has changed since this model trained on it, so which of its rows the "
                        "model did not see cannot be told; give --dataset with other data to evaluate on")
    settings = RunSettings.from_dict(model.hyperparameters)
    every = load_source(source, "train")
    data = every.head(settings.subset or None)
    name = Path(source).name
    if settings.validation > 0:
        _, val = split_validation(data, settings.validation, settings.seed)
        return EvaluationRows(val, f"the {len(val):,} validation rows of {name} it did not train on "
                                   f"(stratified {settings.validation * 100:g} % with seed {settings.seed})")
    if len(every) > len(data):
        rest = every.subset(np.arange(len(data), len(every)))
        return EvaluationRows(rest, f"the {len(rest):,} rows of {name} after the first {len(data):,} it trained on")
    if not on_training_data:
        raise DataError(f"this model trained on every row of {name}; there is nothing it has not seen. Give "
                        "--dataset with other data, or --on-training-data to measure it on what it trained on "
                        "(an optimistic figure)")
    return EvaluationRows(data, f"all {len(data):,} rows of {name}: the rows it trained on (an optimistic figure)",
                          trained_on=True)


def _shared_rows(dataset: str, source: str) -> str:
    """Why ``dataset`` holds rows the model trained on, when one of the two is a local dataset and the other the
    very file it was imported from (same md5); empty when they share nothing that can be told."""
    if is_local(dataset) and _imported_from(dataset, source):
        return f"the local dataset {dataset} was imported from {Path(source).name}, the file this model trained on"
    if is_local(source) and _imported_from(source, dataset):
        return (f"{Path(dataset).name} is the file the local dataset {source} was imported from, and this model "
                f"trained on {source}'s training rows")
    return ""


def _imported_from(local: str, path: str) -> bool:
    return not is_named(path) and Path(path).is_file() and file_md5(path) == read_info(local).source_md5


def _same_file(dataset: str, source: str) -> bool:
    """True when ``dataset`` is the file (or folder) the model trained on: the same path, or the same file name
    (a model that recorded a relative path, or a copy moved elsewhere: taken as that file, to stay honest)."""
    if is_named(dataset) or is_named(source):
        return False
    try:
        return Path(dataset).name == Path(source).name or Path(dataset).resolve() == Path(source).resolve()
    except OSError:
        return False
