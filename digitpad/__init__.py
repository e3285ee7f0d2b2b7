"""digitpad: a desktop workbench for learning how neural networks learn."""

__version__ = "0.1.0"
