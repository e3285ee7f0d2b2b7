"""Downloads against a local HTTP server that misbehaves on request."""

from __future__ import annotations

import gzip
import socket
from pathlib import Path

import pytest
from support.loopback import Server, spec_for

from digitpad.common.errors import DataError
from digitpad.data import download as dl
from digitpad.data import registry

REAL_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
CLIENT_TIMEOUT = 0.5


def fetch(server: Server, dest: Path, *modes: str, **kwargs) -> Path:
    spec = spec_for(server.files, *(server.mirror(mode) for mode in modes))
    return dl.download_files(spec, dest, timeout=CLIENT_TIMEOUT, **kwargs)


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_download_writes_all_files_and_reports_progress(server, tmp_path):
    events = []
    dest = fetch(server, tmp_path / "out", "good", progress=lambda *event: events.append(event))
    assert dest == tmp_path / "out"
    assert listing(dest) == sorted(server.files)
    for name, body in server.files.items():
        assert (dest / name).read_bytes() == body
        mine = [(done, total) for file, done, total in events if file == name]
        assert mine[0] == (0, len(body)) and mine[-1] == (len(body), len(body))
    # Everything is present and valid now: a second call asks for nothing.
    hits = len(server.hits)
    fetch(server, dest, "good")
    assert len(server.hits) == hits


def test_progress_total_is_none_without_content_length(server, tmp_path):
    events = []
    fetch(server, tmp_path, "nolength", progress=lambda *event: events.append(event))
    assert listing(tmp_path) == sorted(server.files)
    assert {total for _, _, total in events} == {None}


def test_a_failing_mirror_falls_through_to_the_next(server, tmp_path):
    fetch(server, tmp_path, "missing", "good")
    assert listing(tmp_path) == sorted(server.files)
    assert sum(hit.startswith("/missing/") for hit in server.hits) == 4


@pytest.mark.parametrize(("mode", "reason"), [
    ("bad", "checksum mismatch"),
    ("short", "connection dropped after"),
    ("stall", "timed out"),
    ("loop", "HTTP 302 .*infinite loop"),
    ("missing", "HTTP 404 Not Found"),
])
def test_a_failed_download_leaves_nothing_behind(server, tmp_path, mode, reason):
    with pytest.raises(DataError, match=reason) as info:
        fetch(server, tmp_path, mode)
    assert "could not download train-images-idx3-ubyte.gz of Tiny" in str(info.value)
    assert listing(tmp_path) == []


def test_all_mirrors_failing_lists_each_reason(server, tmp_path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{sock.getsockname()[1]}/"
    spec = spec_for(server.files, server.mirror("missing"), server.mirror("bad"), closed)
    with pytest.raises(DataError) as info:
        dl.download_files(spec, tmp_path, timeout=CLIENT_TIMEOUT)
    lines = str(info.value).splitlines()[1:]
    assert len(lines) == 3
    assert "404" in lines[0] and "checksum" in lines[1] and "refused" in lines[2].lower()
    assert listing(tmp_path) == []


def test_re_compressed_or_raw_files_pass_by_content(server, tmp_path):
    fetch(server, tmp_path / "a", "regzip")
    fetch(server, tmp_path / "b", "raw")
    for name, body in server.files.items():
        assert gzip.decompress((tmp_path / "a" / name).read_bytes()) == gzip.decompress(body)
        assert (tmp_path / "b" / name).read_bytes() == gzip.decompress(body)


def test_cancel_between_chunks_stops_and_cleans_up(server, tmp_path, monkeypatch):
    monkeypatch.setattr(dl, "CHUNK_SIZE", 512)
    polls = iter(range(1000))
    # "good" is listed twice: a cancel must not fall through to the next mirror.
    with pytest.raises(dl.DownloadCancelled):
        fetch(server, tmp_path, "good", "good", cancel=lambda: next(polls) >= 3)
    assert listing(tmp_path) == []
    assert len(server.hits) == 1


def test_a_cancel_while_a_mirror_stalls_tries_no_other_mirror(server, tmp_path):
    cancelled = []

    def cancel() -> bool:  # the user presses Cancel while the first mirror keeps the request hanging
        cancelled.append(True)
        return len(cancelled) > 1

    with pytest.raises(dl.DownloadCancelled):
        fetch(server, tmp_path, "stall", "good", cancel=cancel)
    assert not any(hit.startswith("/good/") for hit in server.hits)
    assert listing(tmp_path) == []


def test_a_retry_after_a_failure_succeeds(server, tmp_path):
    with pytest.raises(DataError):
        fetch(server, tmp_path, "short")
    fetch(server, tmp_path, "good")
    assert listing(tmp_path) == sorted(server.files)


def test_an_invalid_local_file_is_replaced(server, tmp_path):
    name = "t10k-labels-idx1-ubyte.gz"
    (tmp_path / name).write_bytes(server.wrong[name])
    fetch(server, tmp_path, "good")
    assert (tmp_path / name).read_bytes() == server.files[name]


def test_download_by_name_checks_the_registry_checksums(server, data_home):
    # The tiny files are not MNIST, so the real checksums must refuse them.
    with pytest.raises(DataError, match="checksum mismatch"):
        dl.download("mnist", mirrors=[server.mirror("good")], timeout=CLIENT_TIMEOUT)
    assert listing(data_home / "mnist") == []
    with pytest.raises(DataError, match="bundled"):
        dl.download("digits8x8")
    with pytest.raises(DataError, match="unknown dataset"):
        dl.download("cifar")


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(registry.ENV_VAR, str(tmp_path / "store"))
    return tmp_path / "store"


@pytest.mark.realdata
@pytest.mark.parametrize("name", ["mnist", "fashion"])
def test_registry_checksums_accept_the_real_files(name):
    folder = REAL_DATA / name
    if not folder.is_dir():
        pytest.skip(f"real {name} files not found in {folder}")
    for file in registry.get_spec(name).files:
        dl.verify_file(folder / file.name, file)
