"""The personal digit set ``mine``: the journal's API, its held-out rule, two stores on one folder, crashes."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from digitpad.common.errors import DataError
from digitpad.data import loading, registry
from digitpad.data.personal import FILE_MAGIC, JOURNAL, PersonalStore, held_out
from digitpad.data.preprocess import center_digit

ROOT = Path(__file__).resolve().parents[1]


def stroke(label: int = 1) -> np.ndarray:
    """A 28×28 ink-high drawing: a bar whose position depends on ``label`` (so images differ)."""
    drawing = np.zeros((28, 28), np.float32)
    drawing[4:22, 3 + label: 7 + label] = 1.0
    return drawing


def image(seed: int) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, 256, (28, 28), dtype=np.uint8)


def test_a_drawing_is_kept_as_drawn_and_as_a_mnist_model_receives_it(tmp_path):
    store = PersonalStore(tmp_path)
    digit = store.add_drawing(stroke(3), 7)
    assert digit.label == 7 and digit.source == "drawn" and len(digit.id) == 32
    assert np.array_equal(digit.image, np.rint(center_digit(stroke(3)) * 255).astype(np.uint8))
    assert np.array_equal(digit.raw, (stroke(3) * 255).astype(np.uint8))
    again = PersonalStore(tmp_path).digits()
    assert [d.id for d in again] == [digit.id]
    assert np.array_equal(again[0].image, digit.image) and np.array_equal(again[0].raw, digit.raw)
    assert again[0].added == digit.added


def test_opening_writes_nothing_and_an_empty_set_counts_zero_for_every_label(tmp_path):
    store = PersonalStore(tmp_path / "mine")
    assert len(store) == 0 and store.digits() == [] and store.counts() == dict.fromkeys(range(10), 0)
    assert len(store.dataset()) == 0 and store.damage is None
    assert not (tmp_path / "mine").exists()


@pytest.mark.parametrize("bad, words", [
    (lambda s: s.add_drawing(np.zeros((28, 28)), 1), "blank"),
    (lambda s: s.add_drawing(np.ones((20, 20)), 1), "28×28"),
    (lambda s: s.add(image(0), 10), "0..9"),
    (lambda s: s.add(image(0), True), "0..9"),
    (lambda s: s.add(np.zeros((28, 27), np.uint8), 1), "28×28"),
    (lambda s: s.add(np.full((28, 28), 300), 1), "0..255"),
    (lambda s: s.add_many([(image(0), 1, "a"), (image(1), 11, "b")]), "0..9"),
])
def test_bad_digits_are_refused_and_nothing_is_written(tmp_path, bad, words):
    store = PersonalStore(tmp_path)
    with pytest.raises(DataError, match=words):
        bad(store)
    assert len(PersonalStore(tmp_path)) == 0


def test_delete_relabel_and_counts_follow_the_order_added(tmp_path):
    store = PersonalStore(tmp_path)
    added = store.add_many([(image(i), i % 3, f"f{i}.png") for i in range(6)])
    store.delete([added[1].id, "0" * 32])  # an id no longer here is passed over
    store.relabel([added[0].id, added[2].id], 9)
    seen = PersonalStore(tmp_path).digits()
    assert [d.id for d in seen] == [added[i].id for i in (0, 2, 3, 4, 5)]
    assert [d.label for d in seen] == [9, 9, 0, 1, 2]
    assert [d.source for d in seen] == ["f0.png", "f2.png", "f3.png", "f4.png", "f5.png"]
    assert store.counts() == {**dict.fromkeys(range(10), 0), 0: 1, 1: 1, 2: 1, 9: 2}
    with pytest.raises(DataError, match="0..9"):
        store.relabel([added[0].id], -1)


def test_two_stores_on_one_folder_see_each_others_changes(tmp_path):
    window, cli = PersonalStore(tmp_path), PersonalStore(tmp_path)
    first = window.add(image(0), 1)
    assert [d.id for d in cli.digits()] == [first.id]
    batch = cli.add_many([(image(1), 2, "a"), (image(2), 3, "b")])
    assert len(window) == 3
    window.delete([batch[0].id])
    cli.relabel([first.id], 4)
    assert [(d.id, d.label) for d in window.digits()] == [(first.id, 4), (batch[1].id, 3)]


def test_the_held_out_split_depends_on_the_id_alone(tmp_path):
    store = PersonalStore(tmp_path)
    added = store.add_many([(image(i), i % 10, "x") for i in range(200)])
    test_ids = {d.id for d in added if held_out(d.id)}
    assert 25 < len(test_ids) < 75  # about one in four
    assert store.is_held_out(next(iter(test_ids)))
    store.delete([d.id for d in added[::3]])
    store.relabel([d.id for d in added[1::3]], 0)
    store.add_many([(image(i), 5, "y") for i in range(300, 340)])
    train, test = store.dataset("train"), store.dataset("test")
    kept = {d.id for d in store.digits()}
    assert len(train) + len(test) == len(kept) == len(store.dataset())
    assert {d.id for d in store.digits() if held_out(d.id)} >= test_ids & kept
    rows = {d.image.tobytes(): d.id for d in store.digits()}
    assert all(held_out(rows[row.tobytes()]) for row in test.images)
    assert not any(held_out(rows[row.tobytes()]) for row in train.images)
    assert train.name == "mine" and train.class_names == tuple("0123456789")


def test_mine_in_the_registry_and_loading(monkeypatch, tmp_path):
    assert "mine" in registry.NAMES and registry.title("mine") == "My digits"
    assert not registry.is_available("mine")
    with pytest.raises(DataError, match="nothing to download"):
        registry.get_spec("mine")
    with pytest.raises(DataError, match="My digits holds no digits yet.*Ctrl\\+0.*--dataset mine"):
        loading.load("mine", "train")
    assert loading.describe("mine").image_shape == (28, 28) and loading.describe("mine").name == "mine"
    store = PersonalStore()
    assert store.folder == registry.data_dir() / "mine"
    digits = store.add_many([(image(i), i % 10, "x") for i in range(40)])
    assert registry.is_available("mine")
    test = loading.load_source("mine", "test")
    assert len(test) == sum(held_out(d.id) for d in digits) and len(loading.load("mine", "train")) == 40 - len(test)


def test_a_split_without_digits_says_why(tmp_path):
    store = PersonalStore()
    for seed in range(50):
        digit = store.add(image(seed), 1)
        if not held_out(digit.id):
            break
    store.delete([d.id for d in store.digits() if held_out(d.id)])
    with pytest.raises(DataError, match="no held-out"):
        loading.load("mine", "test")


def test_five_hundred_digits_load_quickly(tmp_path):
    PersonalStore(tmp_path).add_many([(image(i), i % 10, f"{i}.png") for i in range(500)])
    assert len(PersonalStore(tmp_path).dataset()) == 500  # its time: benchmarks/gui_thread.py


# -- damage and crashes -----------------------------------------------------------------
def test_a_torn_tail_is_ignored_and_cut_before_the_next_append(tmp_path):
    store = PersonalStore(tmp_path)
    kept = store.add_many([(image(i), i, "x") for i in range(3)])
    journal = tmp_path / JOURNAL
    good_size = journal.stat().st_size
    with journal.open("ab") as fh:
        fh.write(b"DPrc\x10\x27\x00\x00junk")  # a record cut short by a crash
    reopened = PersonalStore(tmp_path)
    assert [d.id for d in reopened.digits()] == [d.id for d in kept] and reopened.damage is None
    assert journal.stat().st_size > good_size  # reading alone changes nothing
    later = reopened.add(image(9), 9)
    assert [d.id for d in PersonalStore(tmp_path).digits()] == [*(d.id for d in kept), later.id]
    assert b"junk" not in journal.read_bytes()


def test_a_flipped_byte_loses_only_its_record_and_says_so(tmp_path):
    store = PersonalStore(tmp_path)
    first = store.add(image(0), 0)
    offset = (tmp_path / JOURNAL).stat().st_size
    lost = store.add(image(1), 1)
    last = store.add(image(2), 2)
    data = bytearray((tmp_path / JOURNAL).read_bytes())
    data[offset + 100] ^= 0xFF  # inside the middle record's image
    (tmp_path / JOURNAL).write_bytes(bytes(data))
    reopened = PersonalStore(tmp_path)
    assert [d.id for d in reopened.digits()] == [first.id, last.id]
    assert "1 damaged part" in str(reopened.damage) and "every other digit was kept" in str(reopened.damage)
    assert lost.id not in {d.id for d in reopened.digits()}
    after = reopened.add(image(3), 3)
    assert [d.id for d in PersonalStore(tmp_path).digits()] == [first.id, last.id, after.id]


def test_a_foreign_file_in_place_of_the_journal_is_refused_and_kept(tmp_path):
    journal = tmp_path / JOURNAL
    journal.write_bytes(b"PK\x03\x04 something else entirely")
    store = PersonalStore(tmp_path)
    with pytest.raises(DataError, match=f"{JOURNAL} is not a digitpad journal.*Move it out"):
        store.digits()
    with pytest.raises(DataError, match="not a digitpad journal"):
        store.add(image(0), 1)
    assert journal.read_bytes().startswith(b"PK")


WRITER = """
import sys, numpy as np
from pathlib import Path
from digitpad.data.personal import PersonalStore
store = PersonalStore(Path(sys.argv[1]))
for i in range(100000):
    image = np.full((28, 28), i % 256, np.uint8)
    digit = store.add(image, i % 10, source=str(i)) if i % 5 else store.add_many([(image, i % 10, str(i))] * 3)[0]
    print(digit.id, i, flush=True)
"""


def test_a_writer_killed_at_any_moment_loses_at_most_the_digit_being_written(tmp_path):
    rng = random.Random(14)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for run in range(4):
        folder = tmp_path / f"run{run}"
        child = subprocess.Popen([sys.executable, "-c", WRITER, str(folder)], stdout=subprocess.PIPE, env=env,
                                 text=True)
        printed = [child.stdout.readline().split() for _ in range(rng.randint(3, 40))]
        time.sleep(rng.uniform(0, 0.05))
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate()
        printed += [line.split() for line in rest.splitlines() if len(line.split()) == 2]
        store = PersonalStore(folder)
        found = {d.id: d for d in store.digits()}
        for digit_id, i in printed:
            i = int(i)
            assert found[digit_id].label == i % 10 and found[digit_id].source == str(i)
            assert np.array_equal(found[digit_id].image, np.full((28, 28), i % 256, np.uint8))
        expected = sum(3 if int(i) % 5 == 0 else 1 for _, i in printed)
        assert expected <= len(found) <= expected + 3  # at most the one call being written
        assert store.damage is None
        extra = store.add(image(run), 5)
        assert PersonalStore(folder).digits()[-1].id == extra.id
        assert (folder / JOURNAL).read_bytes().startswith(FILE_MAGIC)


def test_a_flipped_byte_in_the_last_record_is_damage_kept_on_disk_not_a_torn_tail_to_cut(tmp_path):
    """A whole import whose bytes were damaged is said, and the next save never deletes it."""
    store = PersonalStore(tmp_path)
    first = store.add(image(0), 0)
    offset = (tmp_path / JOURNAL).stat().st_size
    store.add_many([(image(i % 10), i % 10, "import") for i in range(50)])
    data = bytearray((tmp_path / JOURNAL).read_bytes())
    data[offset + 2000] ^= 0xFF  # inside the import's record, its last
    (tmp_path / JOURNAL).write_bytes(bytes(data))
    damaged_size = len(data)
    reopened = PersonalStore(tmp_path)
    assert [d.id for d in reopened.digits()] == [first.id]
    assert "1 damaged part" in str(reopened.damage)
    after = reopened.add(image(7), 7)
    assert (tmp_path / JOURNAL).read_bytes()[:damaged_size] == bytes(data)  # the damaged bytes are still there
    again = PersonalStore(tmp_path)
    assert [d.id for d in again.digits()] == [first.id, after.id] and "1 damaged part" in str(again.damage)
