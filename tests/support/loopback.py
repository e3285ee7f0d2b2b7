"""A local HTTP server on 127.0.0.1 that serves tiny dataset files and misbehaves on request.

Fixtures ``payload`` and ``server`` are made available to every test module by conftest.py.
benchmarks/soak.py serves its downloads from here too.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import numpy as np
import pytest

from digitpad.data import registry
from digitpad.data.idx import write_idx

SLOW_PIECE_BYTES, SLOW_PIECE_SECONDS = 2048, 0.01  # a slow link: about 200 KB/s


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


class SlowHandler(Handler):
    """The loopback server's handler, plus mode ``slow``: the whole body, a little at a time."""

    def do_GET(self) -> None:
        mode, _, name = self.path.strip("/").partition("/")
        body = self.server.files.get(name)
        if mode != "slow" or body is None:
            super().do_GET()
            return
        self.server.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            for start in range(0, len(body), SLOW_PIECE_BYTES):
                self.wfile.write(body[start:start + SLOW_PIECE_BYTES])
                time.sleep(SLOW_PIECE_SECONDS)
        except OSError:  # the client hung up (a cancelled download): nothing more to send
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
    for (split, kind), name in registry.FILE_NAMES.items():
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


def spec_for(files: dict[str, bytes], *mirrors: str) -> registry.DatasetSpec:
    specs = tuple(registry.FileSpec(name, hashlib.md5(body).hexdigest(),
                                 hashlib.md5(gzip.decompress(body)).hexdigest())
                  for name, body in files.items())
    return registry.DatasetSpec("tiny", "Tiny", registry.DIGIT_NAMES, specs, mirrors)
