"""The one atomic-write helper: readers see the old file or the whole new one, and a failure leaves nothing."""

from __future__ import annotations

import gzip

import pytest

from digitpad.common.atomic import atomic_write


def test_atomic_write_leaves_nothing_on_error(tmp_path):
    dest = tmp_path / "sub" / "file.bin"
    dest.parent.mkdir()
    with pytest.raises(RuntimeError):
        with atomic_write(dest) as out:
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
        assert gzip.open(out.readback_path).read() == b"new content"
        assert dest.read_bytes() == b"old"
    assert gzip.decompress(dest.read_bytes()) == b"new content" and list(tmp_path.iterdir()) == [dest]
