"""Qt widgets, one per module: canvas, preview, probability bars, settings form, plots and panels."""
