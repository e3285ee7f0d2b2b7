"""Looking inside a trained model: confusion matrix, mistakes, weights, activations, gradient check.

:class:`InspectWindow` shows them in tabs for the current model and a test
set; the numbers behind every view come from :mod:`digitpad.training.inspection`.
"""

from __future__ import annotations

from digitpad.ui.inspect.inspect_window import InspectWindow

__all__ = ["InspectWindow"]
