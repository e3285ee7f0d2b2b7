"""The drawing's class probabilities after each epoch of a run, from the weight snapshots the run sends.

While a run trains, the window receives a copy of the weights every few
epochs (:class:`~digitpad.ui.jobs.training.EpochUpdate`). :class:`WeightHistory`
keeps them, so that whatever is drawn, even after the run ended, its
prediction can be traced back through the run: one forward pass per
snapshot, through a private network with the same maths as the model's
(its head and its unit gains).

Memory and time are bounded together. A recompute reads every snapshot's
weights once, so its time grows with their bytes, plus a fixed cost per
snapshot for the pass's Python (about what reading :data:`PASS_BYTES` of
weights costs); each snapshot is charged both against ``max_bytes``. When a
snapshot more would go over the budget, or over ``max_snapshots``, the older
snapshots are thinned evenly in epochs: the run is cut into bins of
``stride`` epochs, each bin keeps only its earliest snapshot, and the stride
doubles until the rest fits. The first snapshot and the latest always stay,
so the curves span the whole run, however long, and a long run keeps one
snapshot every few epochs rather than only its most recent ones.
"""

from __future__ import annotations

import numpy as np

from digitpad.nn.network import MLP

# A forward pass of one drawing costs 20-100 µs of Python per snapshot (more layers, more) besides reading its
# weights (~0.05 ms per MB on the benchmark machine), so each snapshot is charged this much on top of its arrays'
# bytes. With the default budget a recompute takes 1-4 ms on a quiet 2-core machine: 784-256-128-10 keeps up
# to 26 snapshots, 784-1024-512-10 up to 9, a tiny network 42 rather than 200 (benchmarks/drawing_history.py).
# A big network's one-row products stall on a second BLAS thread while another thread trains, unless the
# calling thread has one BLAS thread of its own (see the benchmark's --gui-blas-threads).
PASS_BYTES = 3 * 2**19


class WeightHistory:
    """Weight snapshots of one run by epoch, thinned evenly to stay within a budget.

    ``max_bytes`` bounds the snapshots' arrays plus :data:`PASS_BYTES` per
    snapshot, ``max_snapshots`` their number. The first and the latest
    snapshot stay even when they alone go over the budget.
    """

    def __init__(self, max_bytes: int = 64 * 2**20, max_snapshots: int = 200) -> None:
        if max_snapshots < 2:
            raise ValueError(f"a history keeps at least the first and the latest snapshot, not {max_snapshots}")
        self.max_bytes, self.max_snapshots = max_bytes, max_snapshots
        self._epochs: list[int] = []
        self._weights: list[dict[str, np.ndarray]] = []
        self._stride = 1  # epochs per bin; each bin keeps its earliest snapshot
        self._scratch: MLP | None = None

    def add(self, epoch: int, weights: dict[str, np.ndarray]) -> None:
        """Keep ``weights`` (``W0, b0, ...``, as ``MLP.get_weights`` names them) as the network after ``epoch``.

        The arrays are kept as they are, not copied: an ``EpochUpdate``'s
        weights are already a copy made for the window, which nobody writes
        into again (a copy would double the memory, and cost the GUI thread
        ~0.5 ms per 784-1024-512-10 update). A caller whose arrays
        may change must pass a copy. Epochs must increase; every snapshot of
        a history has the same arrays (same names, shapes and dtypes).
        """
        if self._epochs and epoch <= self._epochs[-1]:
            raise ValueError(f"epoch {epoch} after epoch {self._epochs[-1]}: a history's epochs increase")
        if self._weights:
            _check_same(self._weights[0], weights)
        # The latest snapshot so far stays only if it opens its bin.
        if len(self._epochs) >= 2 and self._bin(self._epochs[-1]) == self._bin(self._epochs[-2]):
            del self._epochs[-1], self._weights[-1]
        self._epochs.append(int(epoch))
        self._weights.append(dict(weights))
        while len(self._epochs) > 2 and self._over_budget():
            self._stride *= 2
            self._thin()

    def clear(self) -> None:
        """Forget every snapshot (a new run starts). The private network stays for the next run of the same
        spec (making a 784-1024-512-10 one takes ~20 ms), holding on to the last snapshot it read until then."""
        self._epochs, self._weights, self._stride = [], [], 1

    def epochs(self) -> np.ndarray:
        """The epochs of the snapshots kept, oldest first, ``(k,)``."""
        return np.array(self._epochs, dtype=np.int64)

    def __len__(self) -> int:
        return len(self._epochs)

    def nbytes(self) -> int:
        """The bytes of every array the history holds."""
        return len(self._weights) * self._snapshot_bytes()

    def probabilities(self, network: MLP, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For network input ``x`` ``(1, n_inputs)`` (:func:`~digitpad.inference.predict.drawing_to_input`):
        the epochs ``(k,)`` and what ``network`` would have said after each, ``(k, n_classes)`` float64.

        Each row is ``predict_proba`` of a network with ``network``'s spec,
        head and unit gains as they are now, and that snapshot's weights: a
        unit switched off is off at every epoch. A one-output regression has
        no class probabilities: its one column is the output × ``n_classes``
        (the digit it reads, as the window's number line shows it).
        """
        if self._weights:
            _check_same({name: p for name, p, _ in network.parameters()}, self._weights[0])
        if self._scratch is None or self._scratch.spec != network.spec:
            self._scratch = MLP(network.spec)
        scratch = self._scratch
        scratch.head, scratch.gains = network.head, network.gains  # only read by an inference pass
        regression = network.spec.is_regression
        values = np.empty((len(self._weights), 1 if regression else network.n_classes))
        slots = [(layer.params, key, f"{key}{i}") for i, layer in enumerate(scratch.dense_layers)
                 for key in layer.params]
        for row, weights in zip(values, self._weights):
            # The scratch network reads the snapshot's arrays in place: set_weights would copy them first,
            # twice the memory traffic (0.76 instead of 0.34 ms per 784-1024-512-10 snapshot).
            for params, key, name in slots:
                params[key] = weights[name]
            row[:] = float(scratch.outputs(x)[0, 0]) * scratch.n_classes if regression \
                else scratch.predict_proba(x)[0]
        return self.epochs(), values

    # -- thinning --------------------------------------------------------
    def _bin(self, epoch: int) -> int:
        return (epoch - self._epochs[0]) // self._stride

    def _thin(self) -> None:
        """Keep the earliest snapshot of each bin, and the latest."""
        last = len(self._epochs) - 1
        keep = [i for i, epoch in enumerate(self._epochs)
                if i in (0, last) or self._bin(epoch) != self._bin(self._epochs[i - 1])]
        self._epochs = [self._epochs[i] for i in keep]
        self._weights = [self._weights[i] for i in keep]

    def _over_budget(self) -> bool:
        count = len(self._epochs)
        return count > self.max_snapshots or count * (self._snapshot_bytes() + PASS_BYTES) > self.max_bytes

    def _snapshot_bytes(self) -> int:
        return sum(array.nbytes for array in self._weights[0].values()) if self._weights else 0


def _check_same(expected: dict[str, np.ndarray], weights: dict[str, np.ndarray]) -> None:
    """Raise ValueError unless ``weights`` has ``expected``'s names, shapes and dtypes."""
    described = {name: (a.shape, a.dtype) for name, a in expected.items()}
    given = {name: (np.shape(a), getattr(a, "dtype", None)) for name, a in weights.items()}
    if given != described:
        raise ValueError(f"weights {given} do not match this history's {described}")
