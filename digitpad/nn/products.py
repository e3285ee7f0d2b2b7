"""Matrix products that are small in one dimension (a drawing's one row), computed without BLAS.

OpenBLAS splits a product over its worker threads above a size. While another thread of the process keeps those
workers busy (a run training beside the window), a thread whose product has to wait for them waited up to 0.45 s
for one row through a 784×1024 layer that takes 0.05 ms on a quiet machine, and up to 0.17 s for a 10×512 by
512×1024 product. NumPy's own loops (``einsum``) never wait: 0.12 ms and 1.3 ms, quiet or not (benchmarks/README.md,
"The window's one-row products"). Batches keep BLAS, which is far faster for them.
"""

from __future__ import annotations

import numpy as np

FEW = 16  # rows of the left factor, or the inner dimension, at or below which a product skips BLAS


def product(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``a @ b`` for 2-D ``a`` and ``b``; by NumPy's own loops when ``a`` has at most :data:`FEW` rows or the
    inner dimension is at most :data:`FEW` (an outer product), by BLAS otherwise."""
    if len(a) <= FEW or a.shape[1] <= FEW:
        return np.einsum("ik,kj->ij", a, b)
    return a @ b
