"""The one atomic-write helper: readers see the old file or the whole new one, and a failure leaves nothing."""

from __future__ import annotations

import gzip
import os
import stat

import pytest

from digitpad.common.atomic import atomic_write


def test_atomic_write_leaves_nothing_on_error(tmp_path):
    dest = tmp_path / "sub" / "file.bin"
    dest.parent.mkdir()
    with pytest.raises(RuntimeError), atomic_write(dest) as out:
        out.write(b"half")
        raise RuntimeError("interrupted")
    assert list(dest.parent.iterdir()) == []
    with atomic_write(dest) as out:
        out.write(b"whole")
    assert dest.read_bytes() == b"whole" and list(dest.parent.iterdir()) == [dest]


def test_what_is_written_can_be_read_back_before_it_replaces_the_old_file(tmp_path):
    dest = tmp_path / "data.gz"
    dest.write_bytes(b"old")
    with atomic_write(dest) as out:
        out.write(gzip.compress(b"new content"))
        with gzip.open(out.readback_path) as back:
            assert back.read() == b"new content"
        assert dest.read_bytes() == b"old"
    assert gzip.decompress(dest.read_bytes()) == b"new content" and list(tmp_path.iterdir()) == [dest]


def test_a_replaced_file_keeps_its_permissions_and_a_new_file_gets_the_usual_ones(tmp_path):
    kept = tmp_path / "kept.npz"
    kept.write_bytes(b"old")
    os.chmod(kept, 0o640)
    with atomic_write(kept) as out:
        out.write(b"new")
    assert kept.read_bytes() == b"new" and stat.S_IMODE(kept.stat().st_mode) == 0o640
    umask = os.umask(0o022)
    os.umask(umask)
    fresh = tmp_path / "fresh.npz"
    with atomic_write(fresh) as out:
        out.write(b"new")
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask


@pytest.mark.skipif(os.name != "posix", reason="only POSIX can open and fsync a folder")
def test_the_folder_is_synced_after_the_rename(tmp_path, monkeypatch):
    dest = tmp_path / "file.bin"
    synced = []
    real_fsync = os.fsync

    def recording_fsync(fd):
        synced.append((stat.S_ISDIR(os.fstat(fd).st_mode), os.path.exists(dest)))
        real_fsync(fd)
    monkeypatch.setattr(os, "fsync", recording_fsync)
    with atomic_write(dest) as out:
        out.write(b"whole")
    # The file's bytes first (before it has its name), then the folder once the name is in it.
    assert synced == [(False, False), (True, True)]
