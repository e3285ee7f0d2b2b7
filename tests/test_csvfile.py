"""Tests for digitpad.data.csvfile: Kaggle and header-less digit CSVs."""

from __future__ import annotations

import gzip

import numpy as np
import pytest

from digitpad.common.errors import DataError
from digitpad.data import csvfile
from digitpad.data.csvfile import read_csv

TRAIN_HEADER = "label," + ",".join(f"pixel{i}" for i in range(784))
TEST_HEADER = ",".join(f"pixel{i}" for i in range(784))


def _rows(n: int, labels: bool = True, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    pixels = rng.integers(0, 256, size=(n, 784))
    if not labels:
        return pixels
    return np.column_stack([np.arange(n) % 10, pixels])


def _text(rows: np.ndarray, header: str | None = None, newline: str = "\n") -> str:
    lines = [header] if header is not None else []
    lines += [",".join(str(v) for v in row) for row in rows]
    return newline.join(lines) + newline


def _write(tmp_path, text: str, name: str = "digits.csv"):
    path = tmp_path / name
    if name.endswith(".gz"):
        path.write_bytes(gzip.compress(text.encode()))
    else:
        path.write_text(text, newline="")
    return path


def _with_field(rows: np.ndarray, row: int, col: int, value: str, header: str | None = None) -> str:
    """CSV text of ``rows`` with one field replaced by arbitrary text."""
    lines = _text(rows, header).splitlines()
    line = row + (header is not None)
    fields = lines[line].split(",")
    fields[col] = value
    lines[line] = ",".join(fields)
    return "\n".join(lines) + "\n"


def test_kaggle_train_with_header(tmp_path):
    rows = _rows(5)
    images, labels = read_csv(_write(tmp_path, _text(rows, TRAIN_HEADER), "train.csv"))
    assert images.shape == (5, 784) and images.dtype == np.uint8
    assert labels.dtype == np.int64
    np.testing.assert_array_equal(images, rows[:, 1:])
    np.testing.assert_array_equal(labels, rows[:, 0])


def test_kaggle_test_without_labels(tmp_path):
    rows = _rows(4, labels=False)
    images, labels = read_csv(_write(tmp_path, _text(rows, TEST_HEADER), "test.csv"))
    assert labels is None
    np.testing.assert_array_equal(images, rows)


def test_generic_label_then_pixels_without_header(tmp_path):
    rows = _rows(7)
    images, labels = read_csv(_write(tmp_path, _text(rows)))
    np.testing.assert_array_equal(images, rows[:, 1:])
    np.testing.assert_array_equal(labels, rows[:, 0])


def test_gzip_compressed(tmp_path):
    rows = _rows(3)
    images, labels = read_csv(_write(tmp_path, _text(rows, TRAIN_HEADER), "train.csv.gz"))
    np.testing.assert_array_equal(images, rows[:, 1:])
    np.testing.assert_array_equal(labels, rows[:, 0])


def test_crlf_bom_spaces_and_trailing_blank_lines(tmp_path):
    rows = _rows(3)
    text = "\ufeff" + _text(rows, TRAIN_HEADER, newline="\r\n").replace(",", ", ") + "\r\n\r\n"
    images, labels = read_csv(_write(tmp_path, text))
    np.testing.assert_array_equal(images, rows[:, 1:])
    np.testing.assert_array_equal(labels, rows[:, 0])


def test_whole_numbers_written_as_floats_are_accepted(tmp_path):
    rows = _rows(2)
    text = _text(rows).replace(",", ".0,").replace("\n", ".0\n")
    images, labels = read_csv(_write(tmp_path, text))
    np.testing.assert_array_equal(images, rows[:, 1:])
    np.testing.assert_array_equal(labels, rows[:, 0])


def test_many_blocks_read_in_order(tmp_path, monkeypatch):
    monkeypatch.setattr(csvfile, "BLOCK_ROWS", 3)
    rows = _rows(10)
    images, labels = read_csv(_write(tmp_path, _text(rows, TRAIN_HEADER)))
    np.testing.assert_array_equal(images, rows[:, 1:])
    np.testing.assert_array_equal(labels, rows[:, 0])


def test_ragged_row_names_file_and_line(tmp_path):
    lines = _text(_rows(4), TRAIN_HEADER).splitlines()
    lines[3] = lines[3].rsplit(",", 1)[0]
    path = _write(tmp_path, "\n".join(lines) + "\n", "bad.csv")
    with pytest.raises(DataError, match=r"bad\.csv: line 4 has 784 comma-separated values but line 1 has 785"):
        read_csv(path)


def test_blank_line_inside_is_ragged(tmp_path):
    lines = _text(_rows(3)).splitlines()
    path = _write(tmp_path, "\n".join([lines[0], "", *lines[1:]]) + "\n", "bad.csv")
    with pytest.raises(DataError, match=r"bad\.csv: line 2 has 1 comma-separated values"):
        read_csv(path)


def test_non_number_names_line_and_column(tmp_path):
    path = _write(tmp_path, _with_field(_rows(4), 2, 101, "x7", TRAIN_HEADER), "bad.csv")
    with pytest.raises(DataError, match=r"bad\.csv: line 4, column 102: 'x7' is not a number"):
        read_csv(path)


def test_empty_field_is_not_a_number(tmp_path):
    path = _write(tmp_path, _with_field(_rows(2), 1, 5, ""), "bad.csv")
    with pytest.raises(DataError, match=r"bad\.csv: line 2, column 6: '' is not a number"):
        read_csv(path)


@pytest.mark.parametrize("value", ["25#5", "2 3"])
def test_a_field_with_a_number_and_more_is_not_a_number(tmp_path, value):
    # In the last column: a '#' read as a comment or a blank read as a separator
    # would keep the line's length and silently turn "25#5" into 25.
    path = _write(tmp_path, _with_field(_rows(3), 1, 784, value), "bad.csv")
    with pytest.raises(DataError, match=rf"bad\.csv: line 2, column 785: '{value}' is not a number"):
        read_csv(path)


def test_non_number_in_a_later_block(tmp_path, monkeypatch):
    monkeypatch.setattr(csvfile, "BLOCK_ROWS", 2)
    path = _write(tmp_path, _with_field(_rows(7), 5, 3, "abc"), "bad.csv")
    with pytest.raises(DataError, match=r"bad\.csv: line 6, column 4: 'abc' is not a number"):
        read_csv(path)


@pytest.mark.parametrize("value", ["256", "-1", "2.5", "nan"])
def test_pixel_outside_range_or_not_whole(tmp_path, value):
    path = _write(tmp_path, _with_field(_rows(3), 1, 400, value, TRAIN_HEADER), "bad.csv")
    with pytest.raises(DataError, match=rf"bad\.csv: line 3, column 401: pixel value {value} "
                                        r"is not a whole number 0\.\.255"):
        read_csv(path)


def test_label_outside_digits(tmp_path):
    path = _write(tmp_path, _with_field(_rows(3), 2, 0, "10"), "bad.csv")
    with pytest.raises(DataError, match=r"bad\.csv: line 3: label 10 is not a digit 0\.\.9"):
        read_csv(path)


def test_out_of_range_in_a_later_block(tmp_path, monkeypatch):
    monkeypatch.setattr(csvfile, "BLOCK_ROWS", 2)
    path = _write(tmp_path, _with_field(_rows(5, labels=False), 4, 0, "300"), "bad.csv")
    with pytest.raises(DataError, match=r"bad\.csv: line 5, column 1: pixel value 300"):
        read_csv(path)


@pytest.mark.parametrize("text", ["", "\n\n", "  \r\n"])
def test_empty_file(tmp_path, text):
    with pytest.raises(DataError, match=r"empty\.csv: the file is empty"):
        read_csv(_write(tmp_path, text, "empty.csv"))


def test_header_without_rows(tmp_path):
    with pytest.raises(DataError, match=r"head\.csv: has a header line but no images"):
        read_csv(_write(tmp_path, TRAIN_HEADER + "\n", "head.csv"))


@pytest.mark.parametrize("n_cols", [1, 10, 783, 786])
def test_wrong_number_of_columns(tmp_path, n_cols):
    text = "\n".join(",".join(["1"] * n_cols) for _ in range(3)) + "\n"
    with pytest.raises(DataError, match=rf"cols\.csv: {n_cols} columns; expected 785 .* or 784"):
        read_csv(_write(tmp_path, text, "cols.csv"))


def test_label_column_must_come_first(tmp_path):
    header = ",".join(f"pixel{i}" for i in range(784)) + ",label"
    path = _write(tmp_path, _text(_rows(2), header), "last.csv")
    with pytest.raises(DataError, match=r"last\.csv: the label column must come first, found it in column 785"):
        read_csv(path)


def test_missing_file(tmp_path):
    with pytest.raises(DataError, match="no such file"):
        read_csv(tmp_path / "absent.csv")


def test_corrupt_gzip(tmp_path):
    path = tmp_path / "broken.csv.gz"
    path.write_bytes(gzip.compress(_text(_rows(3)).encode())[:-20])
    with pytest.raises(DataError, match=r"broken\.csv\.gz: cannot read"):
        read_csv(path)


def test_label_header_on_pixels_only_file(tmp_path):
    header = "label," + ",".join(f"pixel{i}" for i in range(783))
    path = _write(tmp_path, _text(_rows(2, labels=False), header), "short.csv")
    with pytest.raises(DataError, match=r"short\.csv: a 'label' column and only 783 pixels"):
        read_csv(path)
