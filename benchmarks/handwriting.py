"""Handwriting-font digits drawn as a person draws them on the window's canvas, and models measured on them.

A model that reads MNIST's test images well can still misread drawings: a person's digit sits anywhere on
the canvas, at any size, slanted, with the canvas brush's thick strokes. MNIST's test set says nothing about
that, so this renders digits in the handwriting fonts installed here, each like one drawing:

- a 280×280 black image (ten pixels per canvas cell), the digit in white with antialiasing, in one font,
  scaled so its ink is 12-25 cells tall (the fonts' digits differ too much in size for one font size to mean
  one digit size: Kristi's are a third of Breip's), turned by up to ±10°, its outline stroked by a pen 6-22 px
  wide so its strokes are about as thick as the canvas brush's (a font's own strokes are often hair-thin);
- placed at random: often off-centre, touching different parts of the canvas, always whole inside it
  (``off_centre=False`` centres it instead);
- reduced to 28×28 by the mean of each 10×10 block: ``(28, 28)`` float32, ink high, in [0, 1], as the canvas
  holds a drawing.

Rendered digits are for measuring only, never for training a model whose figures they give.

    python benchmarks/handwriting.py MODEL... [--per-class 50] [--seed 1] [--mnist DIR] [--fonts F,F] [--grid PNG]

prints, per model, its accuracy on the off-centre set through ``predict_drawing`` (the window's own path:
the model's preprocessing, MNIST's centring for an MNIST model) over all fonts and per font, its MNIST test
accuracy, its file size and the time ``load_model`` takes. ``--grid`` saves some rendered digits as a PNG.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, Qt  # the platform is chosen above, before Qt loads
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QTransform,
)

REPO = Path(__file__).resolve().parents[1]
DEFAULT_MNIST = REPO.parent / "shared" / "data" / "mnist"
# Handwriting (and hand-lettered) families; the ones missing on a machine are skipped with a note.
# femkeklaver is installed here but left out: its letters are hollow outlines (two lines round each stroke,
# still open under the widest pen), which no canvas brush draws.
FONTS = (
    "Kaushan Script", "Dancing Script", "Kristi", "DkgHandwriting", "Breip", "Humor Sans", "Comic Neue", "Because We Build", "Because We Connect", "Because We Create", "Because We Learn",
    "Because We Mentor", "Because We Organize", "Klee One", "Cabin Sketch",
)
CANVAS_PX = 280  # the canvas at ten pixels per cell
CELL_PX = 10
FONT_PX = 200  # outlines are vectors: the font size only sets how finely Qt traces them
DIGIT_HEIGHTS = (120.0, 250.0)  # the ink's height in pixels, before the pen's width is added
MAX_ROTATION_DEG = 10.0
PEN_WIDTHS = (6.0, 22.0)
MARGIN_PX = 4  # the digit's ink keeps this far from the canvas edge


def _application() -> QGuiApplication:
    """Qt's application object, created when none exists: fonts need one."""
    return QGuiApplication.instance() or QGuiApplication([])


def installed_fonts(families: tuple[str, ...] = FONTS) -> tuple[str, ...]:
    """The families of ``families`` Qt has here, in their order; each missing one is named on stderr."""
    _application()
    present = set(QFontDatabase.families())
    missing = [f for f in families if f not in present]
    if missing:
        print(f"note: font(s) not installed, skipped: {', '.join(missing)}", file=sys.stderr)
    return tuple(f for f in families if f in present)


def _glyph(family: str, digit: int, rng: np.random.Generator) -> tuple[QPainterPath, float]:
    """The digit's outline at a random height, turned by a random angle about its centre, and a pen width."""
    font = QFont(family)
    font.setPixelSize(FONT_PX)
    path = QPainterPath()
    path.addText(QPointF(0, 0), font, str(digit))
    path.setFillRule(Qt.FillRule.WindingFill)  # fill a glyph's strokes whole, as a brush would ink them
    box = path.boundingRect()
    size = rng.uniform(*DIGIT_HEIGHTS) / box.height()
    turn = QTransform().rotate(rng.uniform(-MAX_ROTATION_DEG, MAX_ROTATION_DEG)).scale(size, size)
    path = turn.map(path.translated(-box.center()))
    return path, float(rng.uniform(*PEN_WIDTHS))


def _place(path: QPainterPath, pen_width: float, rng: np.random.Generator, off_centre: bool) -> QPainterPath:
    """The outline shrunk if it would not fit, then moved to a random (or the central) spot inside the canvas."""
    room = CANVAS_PX - 2 * MARGIN_PX - pen_width  # for the ink's outline; the pen adds half its width around
    ink = path.boundingRect()
    scale = min(1.0, room / ink.width(), room / ink.height())
    if scale < 1.0:
        path = QTransform().scale(scale, scale).map(path)
    box = path.boundingRect().adjusted(-pen_width / 2, -pen_width / 2, pen_width / 2, pen_width / 2)
    # Room left around the digit (a digit shrunk to fit has none, up to float rounding).
    free_x = max(0.0, CANVAS_PX - 2 * MARGIN_PX - box.width())
    free_y = max(0.0, CANVAS_PX - 2 * MARGIN_PX - box.height())
    fraction_x, fraction_y = rng.uniform(size=2) if off_centre else (0.5, 0.5)
    left, top = MARGIN_PX + fraction_x * free_x, MARGIN_PX + fraction_y * free_y
    return path.translated(left - box.left(), top - box.top())


def _paint(path: QPainterPath, pen_width: float) -> np.ndarray:
    """The outline filled and stroked in white on black at 280×280, as a ``(28, 28)`` mean of 10×10 blocks."""
    image = QImage(CANVAS_PX, CANVAS_PX, QImage.Format.Format_Grayscale8)
    image.fill(QColor(0, 0, 0))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(255, 255, 255), pen_width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
               Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(QBrush(QColor(255, 255, 255)))
    painter.drawPath(path)
    painter.end()
    stride = image.bytesPerLine()
    pixels = np.frombuffer(image.constBits(), dtype=np.uint8, count=stride * CANVAS_PX)
    pixels = pixels.reshape(CANVAS_PX, stride)[:, :CANVAS_PX].astype(np.float32) / 255
    cells = CANVAS_PX // CELL_PX
    return pixels.reshape(cells, CELL_PX, cells, CELL_PX).mean(axis=(1, 3))


def render_digits(family: str, n_per_class: int, seed: int,
                  off_centre: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """``n_per_class`` drawings of each digit 0-9 in ``family``, as the canvas would hold them.

    Returns ``(drawings, labels)``: ``(10·n_per_class, 28, 28)`` float32 ink-high in [0, 1] and
    ``(10·n_per_class,)`` int64, class by class. The same family, count and seed give the same drawings.
    Raises ValueError for a family Qt does not have (it would draw another font in its place).
    """
    _application()
    if family not in QFontDatabase.families():
        raise ValueError(f"font {family!r} is not installed (fc-list lists the installed ones)")
    rng = np.random.default_rng([seed, sum(map(ord, family))])
    drawings = np.empty((10 * n_per_class, CANVAS_PX // CELL_PX, CANVAS_PX // CELL_PX), dtype=np.float32)
    labels = np.repeat(np.arange(10, dtype=np.int64), n_per_class)
    for i, digit in enumerate(labels):
        path, pen_width = _glyph(family, int(digit), rng)
        drawings[i] = _paint(_place(path, pen_width, rng, off_centre), pen_width)
    return drawings, labels


# -- measuring models -----------------------------------------------------
def predicted_classes(model, drawings: np.ndarray) -> np.ndarray:
    """Each drawing's most probable class through ``predict_drawing``, the window's path, ``(N,)``."""
    from digitpad.inference.predict import predict_drawing

    return np.array([int(np.argmax(predict_drawing(model, d))) for d in drawings])


def mnist_accuracy(model, folder: Path) -> float:
    """The model's accuracy on MNIST's 10,000 test images (read as the CLI's evaluate reads them)."""
    from digitpad.data.idx import read_idx

    images = read_idx(folder / "t10k-images-idx3-ubyte.gz").reshape(-1, 784)
    labels = read_idx(folder / "t10k-labels-idx1-ubyte.gz")
    inputs = images.astype(model.network.dtype) * model.input_scale
    return float(np.mean(np.argmax(model.network.predict_proba(inputs), axis=1) == labels))


def load_seconds(path: Path, repeats: int = 5) -> float:
    """The fastest of ``repeats`` ``load_model`` calls on the file."""
    from digitpad.model.files import load_model

    best = math.inf
    for _ in range(repeats):
        start = time.perf_counter()
        load_model(path)
        best = min(best, time.perf_counter() - start)
    return best


def save_grid(path: Path, sets: dict[str, tuple[np.ndarray, np.ndarray]], per_font: int = 20) -> None:
    """A PNG of the first drawings of each font set, one row per font, to look at by eye."""
    rows = []
    for drawings, _ in sets.values():
        pick = drawings[np.linspace(0, len(drawings) - 1, per_font).astype(int)]
        rows.append(np.concatenate([np.pad(d, 1, constant_values=0.3) for d in pick], axis=1))
    grid = np.ascontiguousarray((np.concatenate(rows, axis=0) * 255).astype(np.uint8))
    h, w = grid.shape
    QImage(grid.data, w, h, w, QImage.Format.Format_Grayscale8).scaled(w * 2, h * 2).save(str(path))


def _measure(path: Path, sets: dict[str, tuple[np.ndarray, np.ndarray]], mnist: Path) -> dict[str, str]:
    """One model's column of the table: its figures as text, keyed by row name."""
    from digitpad.model.files import load_model

    model = load_model(path)
    per_font = {f: float(np.mean(predicted_classes(model, d) == y)) for f, (d, y) in sets.items()}
    has_mnist = (mnist / "t10k-images-idx3-ubyte.gz").is_file()
    column = {
        "network": "-".join(map(str, model.network.spec.sizes)),
        "drawings, all fonts": f"{np.mean(list(per_font.values())):.2%}",  # every font has as many drawings
        "drawings, worst font": f"{min(per_font.values()):.2%}",
        "MNIST test": f"{mnist_accuracy(model, mnist):.2%}" if has_mnist else "n/a",
        "file MB": f"{path.stat().st_size / 1e6:.2f}",
        "load s": f"{load_seconds(path):.3f}",
    }
    return column | {family: f"{accuracy:.1%}" for family, accuracy in per_font.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("models", nargs="*", type=Path, help="model files (.npz) to measure")
    parser.add_argument("--per-class", type=int, default=50, help="drawings per digit per font (default 50)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the rendered set (default 1)")
    parser.add_argument("--mnist", type=Path, default=DEFAULT_MNIST, help="folder with MNIST's t10k IDX .gz")
    parser.add_argument("--fonts", help="comma-separated families (default: every installed one of FONTS)")
    parser.add_argument("--grid", type=Path, help="also save some rendered digits as this PNG")
    args = parser.parse_args(argv)

    families = installed_fonts(tuple(args.fonts.split(",")) if args.fonts else FONTS)
    start = time.perf_counter()
    sets = {f: render_digits(f, args.per_class, args.seed) for f in families}
    print(f"{len(families)} fonts × {args.per_class} per class, seed {args.seed}, off-centre: "
          f"{sum(len(y) for _, y in sets.values()):,} drawings rendered in {time.perf_counter() - start:.1f} s\n")
    if args.grid:
        save_grid(args.grid, sets)
    if not args.models:
        return 0
    columns = [_measure(path, sets, args.mnist) for path in args.models]
    names = [path.stem for path in args.models]
    print("| | " + " | ".join(names) + " |")
    print("|---|" + "---:|" * len(names))
    for row in columns[0]:
        print(f"| {row} | " + " | ".join(column[row] for column in columns) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
