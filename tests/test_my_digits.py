"""My digits: the browser of the learner's digits, through the main window and real clicks and keys."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog, QFileDialog
from support.boxes import answer_box
from support.models import make_model
from test_correct_row import drawn

from digitpad.data.dataset import FASHION_NAMES
from digitpad.data.personal import PersonalStore, held_out
from digitpad.data.preprocess import to_8x8
from digitpad.inference.digit_rows import predict_rows, rows_to_input
from digitpad.ui.widgets.canvas import stroke_ink
from digitpad.ui.widgets.digit_grid import HELD_OUT_TIP, MISREAD

SEVEN = [(6, 7), (6, 20), (11, 18), (15, 16), (19, 14), (23, 12)]
ONE = [(5, 14), (23, 13)]


def shape(points, shift=0):
    """A drawing like the canvas's of a stroke through ``points`` (row, col), moved ``shift`` columns."""
    pts = [(r, c + shift) for r, c in points]
    return np.max([stroke_ink(a, b) for a, b in itertools.pairwise(pts)], axis=0)


def fill(labels_and_shapes):
    """The store with these (label, drawing) digits, as Correct it keeps them; their ids in order."""
    store = PersonalStore()
    return [store.add_drawing(drawing, label).id for label, drawing in labels_and_shapes]


def open_browser(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(QDialog, "myDigits")
    qtbot.waitUntil(lambda: dialog.isVisible())
    qtbot.waitUntil(lambda: "reading them" not in dialog.summary.text(), timeout=10_000)
    return dialog


def click(qtbot, dialog, digit_id, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.mouseClick(dialog.grid, Qt.MouseButton.LeftButton, modifier, dialog.grid.thumbnail_rect(digit_id).center())


def engine_reading(model, store):
    """What the model's own network reads in every stored digit, by id (mnist-28: the rows as they are)."""
    data, digits = store.dataset(), store.digits()
    x = data.images * np.float32(model.input_scale)
    return dict(zip((d.id for d in digits), model.network.predict(x).tolist()))


def on_disk():
    return {d.id: d.label for d in PersonalStore().digits()}


def test_the_browser_shows_each_class_with_counts_and_the_models_reading(window, qtbot):
    ids = fill([(7, shape(SEVEN)), (7, shape(SEVEN, 2)), (1, shape(SEVEN, -2)), (1, shape(ONE))])
    dialog = open_browser(window, qtbot)
    reading = engine_reading(window.files.model, PersonalStore())
    assert {i: dialog.grid.prediction(i) for i in ids} == reading
    labels = on_disk()
    misread = [i for i in ids if reading[i] != labels[i]]
    assert misread and dialog.grid.misread_ids() == [i for i in dialog.grid.ids() if i in misread]
    sevens_wrong = sum(reading[i] != 7 for i in ids[:2])
    assert dialog.grid.header_text(7) == "7 — 2 digits" + (f", {sevens_wrong} misread" if sevens_wrong else "")
    assert dialog.grid.header_text(3) == "3 — no digits yet"
    # What a person sees: a red frame round a misread digit, none round one read right.
    image = dialog.grid.grab().toImage()
    for digit_id in ids:
        rect = dialog.grid.thumbnail_rect(digit_id)
        frame = image.pixelColor(rect.left() - 1, rect.center().y())
        assert (frame == MISREAD) == (digit_id in misread)
    qtbot.mouseClick(dialog.misread_button, Qt.MouseButton.LeftButton)
    assert sorted(dialog.grid.selected_ids()) == sorted(misread)
    held = [i for i in ids if held_out(i)]
    for digit_id in ids:
        assert (HELD_OUT_TIP.lower() in dialog.grid.tooltip(digit_id).lower()) == (digit_id in held)


def test_click_and_ctrl_click_then_delete_removes_exactly_those_from_disk(window, qtbot):
    ids = fill([(d % 10, shape(SEVEN, d % 3)) for d in range(6)])
    dialog = open_browser(window, qtbot)
    click(qtbot, dialog, ids[1])
    click(qtbot, dialog, ids[4], Qt.KeyboardModifier.ControlModifier)
    assert dialog.grid.selected_ids() == [ids[1], ids[4]]
    asked = answer_box("Yes")
    qtbot.keyClick(dialog.grid, Qt.Key.Key_Delete)
    assert asked and "Delete these 2 digits" in asked[0]
    assert set(on_disk()) == set(ids) - {ids[1], ids[4]}
    assert set(dialog.grid.ids()) == set(on_disk()) and dialog.grid.selected_ids() == []
    click(qtbot, dialog, ids[0])  # one digit: no question
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert set(on_disk()) == {ids[2], ids[3], ids[5]}


def test_shift_click_selects_a_range_and_relabelling_moves_it(window, qtbot):
    ids = fill([(2, shape(SEVEN, s)) for s in (-2, -1, 0, 1)])
    dialog = open_browser(window, qtbot)
    shown = dialog.grid.ids()
    click(qtbot, dialog, shown[0])
    click(qtbot, dialog, shown[2], Qt.KeyboardModifier.ShiftModifier)
    assert dialog.grid.selected_ids() == shown[:3]
    qtbot.mouseClick(dialog.findChild(type(dialog.relabel_buttons[0]), "relabel7"), Qt.MouseButton.LeftButton)
    assert on_disk() == {i: (7 if i in shown[:3] else 2) for i in ids}
    assert dialog.grid.header_text(2).startswith("2 — 1 digit") and sorted(dialog.grid.selected_ids()) == \
        sorted(shown[:3])
    qtbot.keyClick(dialog.grid, Qt.Key.Key_4)  # the digit keys relabel the selection too
    assert on_disk() == {i: (4 if i in shown[:3] else 2) for i in ids}
    qtbot.keyClick(dialog.grid, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert sorted(dialog.grid.selected_ids()) == sorted(ids)


def test_a_digit_kept_from_the_window_appears_in_the_open_browser(window, qtbot):
    dialog = open_browser(window, qtbot)
    assert "No digits yet" in dialog.summary.text()
    window.activateWindow()
    drawn(qtbot, window)
    qtbot.keyClick(window.canvas, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    [digit_id] = on_disk()
    assert dialog.grid.ids() == [digit_id]
    assert dialog.grid.prediction(digit_id) == engine_reading(window.files.model, PersonalStore())[digit_id]
    assert dialog.grid.header_text(7).startswith("7 — 1 digit")


def test_the_readings_follow_the_model(window, qtbot):
    ids = fill([(7, shape(SEVEN)), (1, shape(ONE)), (4, shape(SEVEN, 1))])
    dialog = open_browser(window, qtbot)
    eight = make_model()  # an 8×8 model reads each digit's image as a drawing
    window.files.set_model(eight, None)
    store = PersonalStore()
    images = np.stack([d.image for d in store.digits()])
    x = np.stack([to_8x8(image / 255.0).reshape(-1) for image in images]) * eight.input_scale
    expected = dict(zip((d.id for d in store.digits()), eight.network.predict(x).tolist()))
    qtbot.waitUntil(lambda: all(dialog.grid.prediction(i) == expected[i] for i in ids), timeout=10_000)
    assert np.allclose(rows_to_input(eight, images), x, rtol=1e-6)
    window.files.set_model(make_model(class_names=FASHION_NAMES), None)
    assert all(dialog.grid.prediction(i) is None for i in ids) and "reads other classes" in dialog.summary.text()


def write_image_folder_by_hand(root, labels):
    """An ImageFolder as a person has one: PNGs (dark ink on white) written by Qt under 0 … 9."""
    for k, label in enumerate(labels):
        folder = root / str(label)
        folder.mkdir(parents=True, exist_ok=True)
        pixels = np.rint(255 - shape(SEVEN if label == 7 else ONE, k % 3) * 255).astype(np.uint8)
        image = QImage(pixels.tobytes(), 28, 28, 28, QImage.Format.Format_Grayscale8).copy()
        assert image.save(str(folder / f"{k}.png"))


def test_importing_an_image_folder_through_the_dialog(window, qtbot, tmp_path, monkeypatch):
    write_image_folder_by_hand(tmp_path / "mine", [7, 7, 1])
    dialog = open_browser(window, qtbot)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path / "mine"))
    qtbot.mouseClick(dialog.import_folder_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.note.text().startswith("Imported"), timeout=10_000)
    assert sorted(on_disk().values()) == [1, 7, 7]
    assert "Imported 3 digits" in dialog.note.text() and "2 sevens" in dialog.note.text()
    assert dialog.grid.header_text(7).startswith("7 — 2 digits")
    qtbot.waitUntil(lambda: all(dialog.grid.prediction(i) is not None for i in dialog.grid.ids()))


def test_an_import_error_names_the_file_and_adds_nothing(window, qtbot, tmp_path, monkeypatch):
    fill([(7, shape(SEVEN))])
    write_image_folder_by_hand(tmp_path / "mine", [7, 1])
    (tmp_path / "mine" / "1" / "notes.txt").write_text("not an image")
    dialog = open_browser(window, qtbot)
    before = on_disk()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path / "mine"))
    shown = answer_box("Ok")
    qtbot.mouseClick(dialog.import_folder_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert len(shown) == 1 and "notes.txt" in shown[0]
    assert on_disk() == before and dialog.grid.ids() == list(before)
    qtbot.waitUntil(lambda: dialog.import_folder_button.isEnabled())


def test_export_writes_a_png_per_digit_in_a_folder_per_class(window, qtbot, tmp_path, monkeypatch):
    ids = fill([(7, shape(SEVEN)), (7, shape(SEVEN, 1)), (1, shape(ONE))])
    dialog = open_browser(window, qtbot)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "keep.txt").write_text("mine")  # not empty: the export goes into a new folder in it
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path / "out"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.note.text().startswith("Exported"), timeout=10_000)
    written = sorted(p.relative_to(tmp_path / "out" / "my-digits").as_posix()
                     for p in (tmp_path / "out" / "my-digits").rglob("*.png"))
    labels = on_disk()
    assert written == sorted(f"{labels[i]}/{i}.png" for i in ids)
    assert "Exported 3 PNG files" in dialog.note.text() and "my-digits" in dialog.note.text()


def test_predict_rows_is_the_engine_on_the_rows_in_chunks(monkeypatch):
    from digitpad.inference import digit_rows
    from digitpad.ui.app import default_model

    model = default_model()
    images = np.stack([np.rint(shape(points, s) * 255).astype(np.uint8) for points in (SEVEN, ONE) for s in range(3)])
    monkeypatch.setattr(digit_rows, "CHUNK", 4)
    shares = []
    found = predict_rows(model, images, shares.append)
    assert found.tolist() == model.network.predict(images.reshape(6, -1) * np.float32(model.input_scale)).tolist()
    assert shares == [4 / 6, 1.0]
    assert predict_rows(model, images, cancelled=lambda: True) is None
    with pytest.raises(ValueError, match="uint8"):
        rows_to_input(model, images.astype(np.float32))


def test_two_thousand_digits_open_in_the_dialog(window, qtbot):
    base, n = shape(SEVEN), 2000
    rng = np.random.default_rng(0)
    images = [np.rint(np.roll(base, int(rng.integers(-3, 4)), axis=1) * 255).astype(np.uint8) for _ in range(n)]
    PersonalStore().add_many([(image, k % 10, "test") for k, image in enumerate(images)])
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(QDialog, "myDigits")
    qtbot.waitExposed(dialog)
    assert len(dialog.grid.ids()) == n  # the time it takes: benchmarks/gui_thread.py
    qtbot.waitUntil(lambda: "reading them" not in dialog.summary.text(), timeout=10_000)
    reading = engine_reading(window.files.model, PersonalStore())
    assert all(dialog.grid.prediction(i) == reading[i] for i in dialog.grid.ids())
    assert dialog.grid.height() > dialog.scroll.viewport().height()  # it scrolls
    assert dialog.frameGeometry().width() <= 1280 and dialog.frameGeometry().height() <= 800
