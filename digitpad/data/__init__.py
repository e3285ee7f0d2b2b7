"""Datasets: the registry of known datasets, file readers, loading, importing, downloads and preprocessing."""
