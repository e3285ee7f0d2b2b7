"""Downloads against a local HTTP server that misbehaves on request."""

from __future__ import annotations

import gzip
import hashlib
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import numpy as np
import pytest

from digitpad.data import download as dl
from digitpad.data import store
from digitpad.data.idx import write_idx
from digitpad.errors import DataError

REAL_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
CLIENT_TIMEOUT = 0.5


class Handler(BaseHTTPRequestHandler):
    """Serves ``/<mode>/<file name>``; ``mode`` picks the (mis)behaviour."""

    server: Server

    def do_GET(self) -> None:
        self.server.hits.append(self.path)
        mode, _, name = self.path.strip("/").partition("/")
        body = self.server.files.get(name)
        if mode == "loop":
            self._reply(302, b"", {"Location": self.path})
        elif body is None or mode == "missing":
            self._reply(404, b"not here")
        elif mode == "stall":
            self.server.release.wait(5)
        elif mode == "short":
            self._reply(200, body[: len(body) // 2], {"Content-Length": str(len(body))})
        else:
            variants = {"good": body, "nolength": body, "bad": self.server.wrong[name],
                        "regzip": gzip.compress(gzip.decompress(body), 1, mtime=1),
                        "raw": gzip.decompress(body)}
            self._reply(200, variants[mode], {} if mode == "nolength" else None)

    def _reply(self, code: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(code)
        for key, value in ({"Content-Length": str(len(body))} if headers is None else headers).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


class Server(ThreadingHTTPServer):
    # Joined on close, so no handler thread outlives its test.
    daemon_threads = False

    def __init__(self, files: dict[str, bytes], wrong: dict[str, bytes]) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.files, self.wrong = files, wrong
        self.hits: list[str] = []
        self.release = threading.Event()

    def mirror(self, mode: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/{mode}/"


def gz_idx(array: np.ndarray, path: Path) -> bytes:
    write_idx(path, array)
    return path.read_bytes()


@pytest.fixture
def payload(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """Four small gzip IDX files by standard name, and a wrong version of each."""
    src = tmp_path_factory.mktemp("src")
    rng = np.random.default_rng(0)
    files, wrong = {}, {}
    for (split, kind), name in store.FILE_NAMES.items():
        n = 30 if split == "train" else 10
        if kind == "images":
            array = rng.integers(0, 256, (n, 28, 28), dtype=np.uint8)
        else:
            array = np.arange(n, dtype=np.uint8) % 10
        files[name] = gz_idx(array, src / name)
        wrong[name] = gz_idx(array[::-1], src / f"wrong-{name}")
    return files, wrong


@pytest.fixture
def server(payload, monkeypatch) -> Iterator[Server]:
    # A proxy from the environment must not intercept requests to 127.0.0.1.
    monkeypatch.setenv("no_proxy", "*")
    monkeypatch.setenv("NO_PROXY", "*")
    srv = Server(*payload)
    # A short poll keeps shutdown() from waiting the default half second.
    thread = threading.Thread(target=srv.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    yield srv
    srv.release.set()
    srv.shutdown()
    srv.server_close()
    thread.join()


def spec_for(files: dict[str, bytes], *mirrors: str) -> store.DatasetSpec:
    specs = tuple(store.FileSpec(name, hashlib.md5(body).hexdigest(),
                                 hashlib.md5(gzip.decompress(body)).hexdigest())
                  for name, body in files.items())
    return store.DatasetSpec("tiny", "Tiny", store.DIGIT_NAMES, specs, mirrors)


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
    monkeypatch.setenv(store.ENV_VAR, str(tmp_path / "store"))
    return tmp_path / "store"


@pytest.mark.realdata
@pytest.mark.parametrize("name", ["mnist", "fashion"])
def test_registry_checksums_accept_the_real_files(name):
    folder = REAL_DATA / name
    if not folder.is_dir():
        pytest.skip(f"real {name} files not found in {folder}")
    for file in store.get_spec(name).files:
        dl.verify_file(folder / file.name, file)
