"""The desktop app: the main window composes widgets, dialogs and background jobs (PySide6, pyqtgraph)."""
