"""Images into ``mine``: ImageFolder directories, CSV and IDX files, each error, export, and the CLI lines."""

from __future__ import annotations

import gzip

import numpy as np
import pytest
from support.models import make_model

from digitpad.cli.main import main
from digitpad.common.errors import DataError
from digitpad.data.dataset import Dataset
from digitpad.data.idx import idx_header
from digitpad.data.image_file import read_image, write_png
from digitpad.data.image_folder import (
    from_uint8,
    load_image_folder,
    to_mnist_rows,
    write_image_folder,
)
from digitpad.data.importing import import_personal
from digitpad.data.loading import load_source
from digitpad.data.personal import PersonalStore, held_out
from digitpad.data.preprocess import center_digit
from digitpad.model.files import save_model
from digitpad.nn.network import NetworkSpec


def ink(label: int, size: int = 28) -> np.ndarray:
    """A float ink-high digit-ish picture that differs per label."""
    picture = np.zeros((size, size), np.float32)
    s = size // 28
    picture[4 * s:22 * s, (3 + label) * s:(6 + label) * s] = 1.0
    picture[4 * s:6 * s, 3 * s:(8 + label) * s] = 0.6
    return picture


def paper(picture: np.ndarray) -> np.ndarray:
    """Dark ink on light paper, as a scan or screenshot: uint8."""
    return np.rint((1 - picture) * 255).astype(np.uint8)


@pytest.fixture
def folder(tmp_path, qapp):
    """An ImageFolder: 0/ 1/ 2/ with PNGs (one dark-on-light, one 56 px), a BMP, an uppercase .JPG, hidden files."""
    from PySide6.QtGui import QImage
    root = tmp_path / "digits"
    for label in range(3):
        (root / str(label)).mkdir(parents=True)
        write_png(root / str(label) / "a.png", paper(ink(label)))
        write_png(root / str(label) / "b.png", np.rint(ink(label, 56) * 255).astype(np.uint8))
    pixels = np.ascontiguousarray(paper(ink(7)))
    image = QImage(pixels.data, 28, 28, 28, QImage.Format.Format_Grayscale8)
    assert image.save(str(root / "2" / "c.JPG"), "JPG", 100) and image.save(str(root / "1" / "d.bmp"), "BMP")
    (root / ".DS_Store").write_bytes(b"\0junk")
    (root / "1" / "._a.png").write_bytes(b"resource fork")
    return root


def kaggle_csv(path, labels, header=True, light=False):
    rows = [np.rint(ink(label) * 255).astype(np.uint8).reshape(-1) for label in labels]
    if light:
        rows = [255 - row for row in rows]
    lines = (["label," + ",".join(f"pixel{i}" for i in range(784))] if header else [])
    lines += [f"{label}," + ",".join(map(str, row)) for label, row in zip(labels, rows)]
    path.write_text("\n".join(lines) + "\n")
    return path


def test_rows_are_the_drawings_preprocessing_and_blank_images_are_named():
    pictures = [ink(1), ink(4, 84)]
    rows = to_mnist_rows(pictures)
    assert rows.dtype == np.uint8 and rows.shape == (2, 784)
    for row, picture in zip(rows, pictures):
        assert np.array_equal(row, np.rint(center_digit(picture) * 255).reshape(-1))
    with pytest.raises(DataError, match="scan.png is blank"):
        to_mnist_rows([ink(1), np.zeros((28, 28))], ["ok.png", "scan.png"])


def test_arrays_on_light_paper_are_inverted_and_mnist_style_ones_kept():
    dark_on_light, light_on_dark = from_uint8(np.stack([paper(ink(2)), np.rint(ink(3) * 255).astype(np.uint8)]))
    np.testing.assert_allclose(dark_on_light, ink(2), atol=1 / 255)
    np.testing.assert_allclose(light_on_dark, ink(3), atol=1 / 255)


def test_an_image_folder_is_imported_preprocessed_with_progress(folder):
    calls = []
    summary = import_personal([folder], progress=lambda done, total: calls.append((done, total)))
    assert summary.added == 8 and summary.total == 8 and summary.files == 8 and summary.sources == ("digits/",)
    assert summary.counts == {0: 2, 1: 3, 2: 3, **dict.fromkeys(range(3, 10), 0)}
    assert calls == [(k, 8) for k in range(1, 9)]
    digits = {d.source: d for d in PersonalStore().digits()}
    assert set(digits) == {"digits/0/a.png", "digits/0/b.png", "digits/1/a.png", "digits/1/b.png",
                           "digits/1/d.bmp", "digits/2/a.png", "digits/2/b.png", "digits/2/c.JPG"}
    assert digits["digits/1/a.png"].raw is None and digits["digits/1/a.png"].label == 1
    expected = np.rint(center_digit(ink(1)) * 255)
    assert np.abs(digits["digits/1/a.png"].image.astype(int) - expected).max() <= 1  # dark on light, inverted
    assert np.abs(digits["digits/2/c.JPG"].image.astype(int) - np.rint(center_digit(ink(7)) * 255)).max() < 40


def test_kaggle_csv_and_idx_pairs_are_imported(tmp_path):
    kaggle_csv(tmp_path / "train.csv", [3, 4, 4])
    kaggle_csv(tmp_path / "scans.csv", [5], header=False, light=True)
    images = np.stack([np.rint(ink(label) * 255).astype(np.uint8) for label in (6, 7)])
    (tmp_path / "my-images-idx3-ubyte.gz").write_bytes(gzip.compress(idx_header(images) + images.tobytes()))
    labels = np.array([6, 7], np.uint8)
    (tmp_path / "my-labels-idx1-ubyte.gz").write_bytes(gzip.compress(idx_header(labels) + labels.tobytes()))
    summary = import_personal([tmp_path / "train.csv", tmp_path / "scans.csv", tmp_path / "my-images-idx3-ubyte.gz",
                               tmp_path / "my-labels-idx1-ubyte.gz"])  # both files of the pair: imported once
    assert summary.added == 6 and summary.files == 4
    assert [d.label for d in PersonalStore().digits()] == [3, 4, 4, 5, 6, 7]
    assert [d.source for d in PersonalStore().digits()][:4] == ["train.csv:1", "train.csv:2", "train.csv:3",
                                                                "scans.csv:1"]
    scanned = PersonalStore().digits()[3].image
    assert np.abs(scanned.astype(int) - np.rint(center_digit(ink(5)) * 255)).max() <= 1


@pytest.mark.parametrize("damage, words", [
    (lambda root: (root / "cats").mkdir(), "folder 'cats' is not a digit class 0 … 9"),
    (lambda root: (root / "README.txt").write_text("hi"), "README.txt: an ImageFolder holds only subfolders"),
    (lambda root: (root / "1" / "notes.txt").write_text("hi"), "notes.txt: not a PNG, JPEG"),
    (lambda root: (root / "2" / "broken.png").write_bytes(b"\x89PNG not really"), "broken.png: cannot read image"),
    (lambda root: write_png(root / "0" / "empty.png", np.full((28, 28), 255, np.uint8)), "empty.png is blank"),
])
def test_a_broken_folder_imports_nothing_and_names_the_culprit(folder, damage, words):
    damage(folder)
    with pytest.raises(DataError, match=words):
        import_personal([folder])
    assert len(PersonalStore()) == 0


def test_paths_that_are_no_image_folder_are_refused(tmp_path, folder):
    (tmp_path / "empty" / "3").mkdir(parents=True)
    (tmp_path / "wide.csv").write_text("label," + ",".join(["0"] * 790) + "\n1," + ",".join(["0"] * 790))
    for paths, words in [([tmp_path / "empty"], "no images in it"), ([folder / "1" / "a.png"], "single image"),
                         ([tmp_path / "nope"], "no such file or folder"), ([tmp_path / "wide.csv"], "wide.csv"),
                         ([folder, tmp_path / "nope"], "no such file"), ([], "no files")]:
        with pytest.raises(DataError, match=words):
            import_personal(paths)
    assert len(PersonalStore()) == 0


def test_export_writes_mnist_style_pngs_that_read_back_and_load_as_a_dataset(tmp_path, qapp):
    store = PersonalStore()
    digits = [store.add_drawing(ink(label), label) for label in (1, 1, 8)]
    out = tmp_path / "export"
    assert main(["data", "export", "mine", str(out)]) == 0
    for digit in digits:
        back = read_image(out / str(digit.label) / f"{digit.id}.png")
        assert np.array_equal(np.rint(back * 255).astype(np.uint8), digit.image)  # light ink on dark, kept
    data = load_source(str(out), "test")
    assert data.name == "export" and sorted(data.labels.tolist()) == [1, 1, 8]
    assert load_image_folder(out).images.shape == (3, 784)
    with pytest.raises(DataError, match="not an empty folder"):
        write_image_folder(store.dataset(), out)


def test_export_numbers_rows_of_any_dataset_and_refuses_other_shapes(tmp_path):
    data = Dataset(np.full((2, 784), 9, np.uint8), np.array([0, 3]), (28, 28), 255, tuple("0123456789"), "x")
    assert write_image_folder(data, tmp_path / "a") == 2
    assert sorted(p.relative_to(tmp_path / "a").as_posix() for p in (tmp_path / "a").rglob("*.png")) == [
        "0/00000.png", "3/00001.png"]
    small = Dataset(np.zeros((1, 64), np.uint8), np.array([0]), (8, 8), 16, tuple("0123456789"), "digits8x8")
    with pytest.raises(DataError, match="only 28×28"):
        write_image_folder(small, tmp_path / "b")


# -- the command line ---------------------------------------------------------------------------
def test_data_list_shows_mine_empty_then_with_its_split(capsys):
    assert main(["data", "list"]) == 0
    assert [line.split() for line in capsys.readouterr().out.splitlines() if "mine" in line] == [
        ["mine", "My", "digits", "empty"]]
    digits = PersonalStore().add_many([(np.full((28, 28), k, np.uint8), k % 10, "x") for k in range(30)])
    test = sum(held_out(d.id) for d in digits)
    assert main(["data", "list"]) == 0
    line = next(line for line in capsys.readouterr().out.splitlines() if "mine" in line)
    assert line.split() == ["mine", "My", "digits", "ready", "train", f"{30 - test},", "test", str(test)]


def test_data_import_mine_prints_a_summary(folder, capsys):
    assert main(["data", "import", "--dataset", "mine", str(folder)]) == 0
    assert capsys.readouterr().out.strip() == (
        "imported 8 digits into My digits from digits/: 0: 2, 1: 3, 2: 3, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 0; "
        "now 8 in all")
    (folder / "cats").mkdir()
    assert main(["data", "import", "--dataset", "mine", str(folder)]) != 0
    captured = capsys.readouterr()
    assert "not a digit class" in captured.err and "Traceback" not in captured.err
    assert len(PersonalStore()) == 8


def test_data_export_of_an_empty_set_says_how_to_fill_it(tmp_path, capsys):
    assert main(["data", "export", "mine", str(tmp_path / "out")]) != 0
    assert "holds no digits yet" in capsys.readouterr().err and not (tmp_path / "out").exists()


def test_data_export_where_the_disk_refuses_is_one_line(tmp_path, capsys):
    PersonalStore().add_drawing(ink(2), 2)
    (tmp_path / "a-file").write_text("not a folder")
    assert main(["data", "export", "mine", str(tmp_path / "a-file" / "out")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("digitpad: error: ") and "cannot write there" in err and "Traceback" not in err


def test_evaluate_on_an_image_folder_and_on_mine(folder, tmp_path, capsys):
    model = make_model(NetworkSpec((784, 16, 10)), input_shape=(28, 28), preprocessing="mnist-28",
                       input_scale=1 / 255, dataset="mnist")
    save_model(tmp_path / "m.npz", model)
    assert main(["evaluate", str(tmp_path / "m.npz"), "--dataset", str(folder)]) == 0
    assert "on 8 images of digits" in capsys.readouterr().out
    store = PersonalStore()
    store.add_many([(np.full((28, 28), k, np.uint8), k % 10, "x") for k in range(40)])
    assert main(["evaluate", str(tmp_path / "m.npz"), "--dataset", "mine"]) == 0
    held = len(store.dataset("test"))
    assert f"on {held} images of mine" in capsys.readouterr().out
