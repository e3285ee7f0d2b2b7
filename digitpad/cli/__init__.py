"""The command line: the parser, one module per command group, and a terminal progress bar.

``main`` is the ``digitpad`` entry point (the window when no command is given).
"""

from digitpad.cli.main import main

__all__ = ["main"]
