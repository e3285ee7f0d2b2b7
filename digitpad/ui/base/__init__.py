"""Helpers the widgets share: arrays as QImages, the plot base class, the recent-files list."""
