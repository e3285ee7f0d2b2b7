"""The quality bar of Teach it my digits: fine-tune a model on ~20 digits per class in a handwriting unlike MNIST.

For each font and personal set size, the personal set is rendered with benchmarks/handwriting.py (as the canvas
holds a drawing: off-centre, sized, turned, brush-thick), preprocessed as the store keeps a digit
(``rint(center_digit(drawing) × 255)``), and split two ways:

- **separate**: ``n`` per class to learn from (seed 1) and a separate 20 per class to test on (seed 2);
- **store**: ``⌈4n/3⌉`` per class pooled with random ids, held out by the store's own rule
  (:func:`digitpad.data.personal.held_out`: the md5 of the id ≡ 0 mod 4), as ``mine`` splits them: about
  ``n`` per class to learn from and a third as many held out (few for small ``n``: a noisy figure).

The model (default: the bundled one) is fine-tuned with :func:`prepare_finetune` on MNIST's training images
mixed with the personal digits, and the table gives the held-out error before → after (target: at least
halved), MNIST test accuracy before → after (target: a drop of at most 0.5 points), the accuracy on the
*other* fonts (10 per class each, seed 3: does learning one handwriting cost the others?) and the seconds of
preparing and fine-tuning, wall clock (target: under 60 s on 2 cores) and CPU (both BLAS threads; steadier
on a shared machine).

    .venv/bin/python benchmarks/finetune.py [--model PATH] [--fonts F,F] [--sizes 20,50] [--split separate]
        [--epochs N] [--mix R] [--lr R] [--shift N] [--mnist-images N] [--seed S] [--mnist DIR]

``--scan`` first prints every installed font's accuracy under the model, to choose fonts it errs on.
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import os
import sys
import time
import uuid
from pathlib import Path

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from handwriting import DEFAULT_MNIST, FONTS, installed_fonts, render_digits

from digitpad.data.dataset import DIGIT_NAMES, Dataset
from digitpad.data.idx import read_idx
from digitpad.data.loading import make_dataset
from digitpad.data.personal import held_out
from digitpad.data.preprocess import center_digit
from digitpad.model.files import load_model
from digitpad.training.evaluate import evaluate
from digitpad.training.finetune import FinetuneOptions, prepare_finetune

REPO = Path(__file__).resolve().parents[1]
DEFAULT_MODEL = REPO / "assets" / "default-model.npz"
# Handwritings the bundled 784-1024-512 model misreads most (--scan, 20 per class: 55.0 %, 82.0 %, 87.5 %).
DEFAULT_FONTS = ("Kristi", "Because We Build", "Because We Learn")
HELD_OUT_PER_CLASS = 20


def digit_rows(drawings: np.ndarray, labels: np.ndarray, name: str) -> Dataset:
    """Drawings as the store keeps them: MNIST's crop, scale and centring, rounded to uint8."""
    images = np.stack([np.rint(center_digit(d) * 255) for d in drawings]).astype(np.uint8)
    return Dataset(images.reshape(len(images), -1), labels, (28, 28), 255, DIGIT_NAMES, name)


def personal_sets(font: str, n: int, split: str, seed: int) -> tuple[Dataset, Dataset]:
    """(learn from, held out) in ``font``: separate renders, or one pool split by the store's id rule."""
    if split == "separate":
        return (digit_rows(*render_digits(font, n, seed), f"{font} ×{n}"),
                digit_rows(*render_digits(font, HELD_OUT_PER_CLASS, seed + 1), f"{font} held out"))
    pool = digit_rows(*render_digits(font, math.ceil(4 * n / 3), seed), font)
    rng = np.random.default_rng(seed)
    ids = [uuid.UUID(bytes=rng.bytes(16)).hex for _ in range(len(pool))]
    test = np.array([held_out(i) for i in ids])
    return pool.subset(np.flatnonzero(~test)), pool.subset(np.flatnonzero(test))


def mean_accuracy(network, sets: list[Dataset], model) -> float:
    """The mean accuracy of ``network`` over ``sets`` (each the same size), fed as ``model`` feeds its own."""
    return float(np.mean([evaluate(network, data, model.input_scale).accuracy for data in sets]))


def mnist(folder: Path) -> tuple[Dataset, Dataset]:
    def split(prefix: str) -> Dataset:
        return make_dataset(read_idx(folder / f"{prefix}-images-idx3-ubyte.gz"),
                            read_idx(folder / f"{prefix}-labels-idx1-ubyte.gz"), DIGIT_NAMES, "mnist")
    return split("train"), split("t10k")


def scan(model, fonts: tuple[str, ...], seed: int) -> None:
    print("font accuracy of the model, 20 per class:")
    for font in fonts:
        data = digit_rows(*render_digits(font, 20, seed), font)
        print(f"  {font:<22} {evaluate(model.network, data, model.input_scale).accuracy:7.1%}")


def main(argv: list[str] | None = None) -> int:
    defaults = FinetuneOptions()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    parser.add_argument("--fonts", default=",".join(DEFAULT_FONTS))
    parser.add_argument("--sizes", default="20,50", help="personal digits per class to learn from")
    parser.add_argument("--split", default="separate,store")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--mnist", type=Path, default=DEFAULT_MNIST)
    parser.add_argument("--scan", action="store_true")
    for name, kind in (("epochs", int), ("mix", float), ("lr", float), ("shift", int), ("mnist_images", int),
                       ("batch_size", int)):
        parser.add_argument(f"--{name.replace('_', '-')}", type=kind, default=getattr(defaults, name))
    args = parser.parse_args(argv)
    options = dataclasses.replace(defaults, **{k: getattr(args, k) for k in
                                               ("epochs", "mix", "lr", "shift", "mnist_images", "batch_size")})
    model = load_model(args.model)
    base_train, base_test = mnist(args.mnist)
    if args.scan:
        scan(model, installed_fonts(FONTS), args.seed)
    print(f"{args.model.name}: {model.network!r}; {options}; load {os.getloadavg()[0]:.1f}")
    print("| font | split | learn n | held-out n | held-out error before → after | MNIST test before → after "
          "(points) | other fonts before → after | s | CPU s |")
    print("|---|---|--:|--:|---|---|---|--:|--:|")
    every_font = installed_fonts(FONTS)
    for font in args.fonts.split(","):
        others = [digit_rows(*render_digits(f, 10, 3), f) for f in every_font if f != font]
        for n in map(int, args.sizes.split(",")):
            for split in args.split.split(","):
                train, test = personal_sets(font, n, split, args.seed)
                start, cpu = time.perf_counter(), time.process_time()  # preparing (scores before) and the fit
                finetune = prepare_finetune(model, train, test, base_train, base_test, options)
                finetune.run.fit()
                seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
                before, after = finetune.before, finetune.after
                drop = (before.mnist - after.mnist) * 100
                print(f"| {font} | {split} | {len(train)} | {len(test)} | {1 - before.personal:.1%} → "
                      f"{1 - after.personal:.1%} (×{(1 - after.personal) / max(1 - before.personal, 1e-9):.2f}) | "
                      f"{before.mnist:.2%} → {after.mnist:.2%} ({-drop:+.2f}) | "
                      f"{mean_accuracy(model.network, others, model):.1%} → "
                      f"{mean_accuracy(finetune.run.network, others, model):.1%} | {seconds:.1f} | {cpu:.1f} |",
                      flush=True)
    print(f"load {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
