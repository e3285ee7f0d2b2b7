"""What the look-alikes cost: building the index of the training images and one drawing's nearest 8.

    python benchmarks/neighbours.py [--mnist DIR] [--repeats 50]

For each network (the bundled 784-256-128-10 MNIST model, a 784-1024-512-10 one with fresh weights, a 784-10
one without a hidden layer, the 8×8 digits' 64-32-10 with fresh weights on its own training set), with the 60,000
MNIST training images (``--mnist``: a folder with ``train-images-idx3-ubyte.gz`` and the test files beside it):

- **build s**: :meth:`NeighbourIndex.build`, one pass of every training image through the network (median of 3);
- **index MB**: the last hidden layer's outputs it keeps (float32) and the squared lengths (the pixels are the
  training set's own uint8 images);
- **query ms**: :meth:`NeighbourIndex.nearest` for one drawing, both spaces, median (worst in brackets) over
  ``--repeats`` MNIST test images put in as drawings;
- **query peak MB**: the most memory one query allocates beyond the index (tracemalloc sees NumPy's arrays);
- **hidden / pixel vote**: the share of those test images whose 8 nearest training images' commonest label is
  the true one, in the last hidden layer and in pixel space: how much better the network's own space sorts
  digits than raw pixels do.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

from digitpad.data.loading import load, load_file
from digitpad.inference.neighbours import NeighbourIndex
from digitpad.nn.network import MLP, NetworkSpec
from digitpad.ui.app import default_model

REPO = Path(__file__).resolve().parents[1]


def vote(neighbours) -> int:
    return int(np.bincount([n.label for n in neighbours]).argmax())


def measure(name: str, model, train, test, repeats: int) -> str:
    builds = []
    for _ in range(3):
        start = time.perf_counter()
        index = NeighbourIndex.build(model, train)
        builds.append(time.perf_counter() - start)
    kept = sum(a.nbytes for a in (index.hidden, index.hidden_norms, index.pixel_norms) if a is not None) / 1e6
    times, peaks, hidden_right, pixel_right = [], [], 0, 0
    for i in range(repeats):
        drawing = test.images[i].reshape(test.image_shape) / test.max_value
        if test.image_shape != (28, 28):  # an 8×8 digit as a canvas drawing: each cell takes the nearest pixel
            cells = np.arange(28) * test.image_shape[0] // 28
            drawing = drawing[np.ix_(cells, cells)]
        tracemalloc.start()
        start = time.perf_counter()
        found = index.nearest(drawing)
        times.append(time.perf_counter() - start)
        peaks.append(tracemalloc.get_traced_memory()[1] / 1e6)
        tracemalloc.stop()
        hidden_right += found.hidden is not None and vote(found.hidden) == test.labels[i]
        pixel_right += vote(found.pixel) == test.labels[i]
    hidden = f"{hidden_right / repeats:.0%}" if index.hidden is not None else "—"
    return (f"| {name} | {len(train):,} | {statistics.median(builds):.2f} | {kept:.1f} | "
            f"{1e3 * statistics.median(times):.0f} ({1e3 * max(times):.0f}) | {max(peaks):.1f} | {hidden} | "
            f"{pixel_right / repeats:.0%} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mnist", type=Path, default=REPO.parent / "shared" / "data" / "mnist")
    parser.add_argument("--repeats", type=int, default=50)
    args = parser.parse_args()
    train = load_file(args.mnist / "train-images-idx3-ubyte.gz")
    test = load_file(args.mnist / "t10k-images-idx3-ubyte.gz")
    bundled = default_model()
    wide = MLP(NetworkSpec((784, 1024, 512, 10)), seed=0)
    flat = MLP(NetworkSpec((784, 10)), seed=0)
    eight = load("digits8x8", "train"), load("digits8x8", "test")
    small = dataclasses.replace(bundled, network=MLP(NetworkSpec((64, 32, 10)), seed=0), input_shape=(8, 8),
                                preprocessing="digits-8x8", input_scale=1 / 16, dataset="digits8x8")
    print(f"Python {sys.version.split()[0]}, NumPy {np.__version__}, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f}")
    print("| network | training images | build s | index MB | query ms | query peak MB | hidden vote | pixel vote |")
    print("|---|--:|--:|--:|--:|--:|--:|--:|")
    for name, model, data in (("bundled 784-256-128-10", bundled, (train, test)),
                              ("784-1024-512-10 (fresh)", dataclasses.replace(bundled, network=wide), (train, test)),
                              ("784-10 (fresh, no hidden layer)", dataclasses.replace(bundled, network=flat),
                               (train, test)),
                              ("8×8 64-32-10 (fresh)", small, eight)):
        print(measure(name, model, *data, min(args.repeats, len(data[1]))), flush=True)
    print(f"load average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
