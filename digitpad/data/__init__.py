"""Datasets: file readers, the local data store, downloads and preprocessing."""
