"""A product small in one dimension (a drawing's row, an outer product) skips BLAS and still equals ``a @ b``."""

from __future__ import annotations

import numpy as np
import pytest

from digitpad.nn.products import FEW, product


@pytest.mark.parametrize("shape", [(1, 784, 1024), (FEW, 64, 32), (FEW + 1, 64, 32), (784, 1, 1024), (3, 5, 1)])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_a_product_equals_the_matrix_product(shape, dtype):
    rows, inner, columns = shape
    rng = np.random.default_rng(0)
    a, b = rng.normal(size=(rows, inner)).astype(dtype), rng.normal(size=(inner, columns)).astype(dtype)
    got = product(a, b)
    assert got.shape == (rows, columns) and got.dtype == dtype
    np.testing.assert_allclose(got, a @ b, rtol=1e-4 if dtype == np.float32 else 1e-12, atol=1e-4)
    np.testing.assert_allclose(product(a, b.T.copy().T), a @ b, rtol=1e-4, atol=1e-4)  # a transposed view too


def test_mixed_precision_promotes_as_matmul_does():
    a, b = np.ones((1, 3)), np.ones((3, 2), np.float32)
    assert product(a, b).dtype == (a @ b).dtype == np.float64
