"""The recently opened or saved model files, kept in QSettings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

KEY = "files/recent"
MAX_RECENT = 8


class RecentFiles:
    """Most recent first; entries that no longer exist are dropped when listed."""

    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    def paths(self) -> list[Path]:
        stored = self.settings.value(KEY) or []
        if isinstance(stored, str):  # QSettings returns a lone entry as a plain string
            stored = [stored]
        if not isinstance(stored, list):
            stored = []
        paths = [Path(p) for p in stored if isinstance(p, str) and Path(p).is_file()]
        if len(paths) != len(stored):
            self._store(paths)
        return paths

    def add(self, path: Path) -> None:
        path = path.resolve()
        self._store([path] + [p for p in self.paths() if p != path])

    def remove_if_missing(self, path: Path) -> None:
        if not path.is_file():
            self._store([p for p in self.paths() if p != path.resolve()])

    def _store(self, paths: list[Path]) -> None:
        self.settings.setValue(KEY, [str(p) for p in paths[:MAX_RECENT]])
