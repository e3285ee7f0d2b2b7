"""The PyTorch script: valid Python naming the right nn.Sequential, weights beside it, and a check that holds.

torch is not a dependency: the script is compiled and read here, then run
against a stand-in ``torch`` written in NumPy (the few calls the script
makes, with torch's semantics: Linear's weight is out × in), and against the
real torch where it happens to be installed.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import textwrap

import numpy as np
import pytest
from support.models import make_model

from digitpad.cli.main import main
from digitpad.common.errors import ConfigError
from digitpad.model.files import load_model, save_model
from digitpad.model.onnx_export import expected_outputs
from digitpad.model.torch_export import export_pytorch
from digitpad.nn.network import NetworkSpec

# torch as the script uses it, in NumPy: tensors, no_grad, and the modules digitpad's networks need.
FAKE_TORCH = '''
import numpy as np


class Tensor(np.ndarray):
    def numpy(self):
        return np.asarray(self)

    def copy_(self, other):
        assert self.shape == other.shape, (self.shape, other.shape)  # torch refuses a shape mismatch too
        self[...] = other
        return self

    def sum(self, dim=None, keepdim=False):
        return np.ndarray.sum(self, axis=dim, keepdims=keepdim)


def from_numpy(array):
    return np.array(array).view(Tensor)


def where(condition, x, y):
    return np.where(condition, x, y).view(Tensor)


def full_like(a, value):
    return np.full_like(a, value).view(Tensor)


class no_grad:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False
'''

FAKE_NN = '''
import numpy as np

from torch import Tensor


class Module:
    def __call__(self, x):
        return self.forward(x)

    def eval(self):
        return self


class Sequential(Module):
    def __init__(self, *layers):
        self.layers = layers

    def __iter__(self):
        return iter(self.layers)

    def forward(self, x):
        for layer in self.layers:
            x = layer(x)
        return x


class Linear(Module):
    def __init__(self, n_in, n_out, bias=True):
        self.weight = np.full((n_out, n_in), np.nan, np.float32).view(Tensor)
        self.bias = np.full(n_out, np.nan, np.float32).view(Tensor) if bias else None

    def forward(self, x):
        y = x @ self.weight.T
        return y if self.bias is None else y + self.bias


class ReLU(Module):
    def forward(self, x):
        return np.maximum(x, 0)


class LeakyReLU(Module):
    def __init__(self, negative_slope=0.01):
        self.slope = negative_slope

    def forward(self, x):
        return np.where(x > 0, x, x * np.float32(self.slope)).view(Tensor)


class Sigmoid(Module):
    def forward(self, x):
        return 1 / (1 + np.exp(-x))


class Tanh(Module):
    def forward(self, x):
        return np.tanh(x)


class Softmax(Module):
    def __init__(self, dim):
        self.dim = dim

    def forward(self, x):
        x = np.asarray(x)
        e = np.exp(x - x.max(axis=self.dim, keepdims=True))
        return (e / np.sum(e, axis=self.dim, keepdims=True)).view(Tensor)
'''

CASES = {
    "tanh softmax": (NetworkSpec((64, 16, 10), activation="tanh"),
                     ["nn.Linear(64, 16)", "nn.Tanh()", "nn.Linear(16, 10)", "nn.Softmax(dim=1)"]),
    "leaky sigmoid no bias": (
        NetworkSpec((64, 16, 12, 10), activation="leaky_relu", output="sigmoid", loss="bce", bias=False),
        ["nn.Linear(64, 16, bias=False)", "nn.LeakyReLU(0.01)", "nn.Linear(16, 12, bias=False)",
         "nn.LeakyReLU(0.01)", "nn.Linear(12, 10, bias=False)", "nn.Sigmoid()", "SharesOfOne()"]),
    "relu identity": (NetworkSpec((64, 16, 10), activation="relu", output="identity", loss="mse"),
                      ["nn.Linear(64, 16)", "nn.ReLU()", "nn.Linear(16, 10)", "nn.ReLU()", "SharesOfOne()"]),
    "identity hidden": (NetworkSpec((64, 16, 10), activation="identity"),
                        ["nn.Linear(64, 16)", "nn.Linear(16, 10)", "nn.Softmax(dim=1)"]),
    "regression": (NetworkSpec((64, 8, 1), activation="sigmoid", output="sigmoid", loss="mse"),
                   ["nn.Linear(64, 8)", "nn.Sigmoid()", "nn.Linear(8, 1)", "nn.Sigmoid()"]),
}


def pixels(seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return np.where(rng.random(64) < 0.3, rng.integers(1, 17, 64), 0).astype(np.float32)


def exported(tmp_path, name: str, gains: bool = True):
    spec, _ = CASES[name]
    model = make_model(spec)
    if gains:
        model.network.set_unit_gain(1, 2, 0.0)
        model.network.set_unit_gain(1, 5, 1.5)
    return model, export_pytorch(model, tmp_path / "net.py", pixels())


def sequential_entries(source: str) -> list[str]:
    """The arguments of the ``nn.Sequential(...)`` call the script's ``build()`` returns, as source."""
    build = next(n for n in ast.parse(source).body if isinstance(n, ast.FunctionDef) and n.name == "build")
    call = build.body[-1].value
    assert ast.unparse(call.func) == "nn.Sequential"
    return [ast.unparse(arg) for arg in call.args]


def constants(source: str) -> dict[str, object]:
    return {n.targets[0].id: ast.literal_eval(n.value) for n in ast.parse(source).body
            if isinstance(n, ast.Assign) and isinstance(n.value, (ast.Constant, ast.Tuple))}


def run_script(script, torch_path=None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if torch_path is not None:
        env["PYTHONPATH"] = str(torch_path)
    return subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env,
                          timeout=60, check=False)


@pytest.fixture
def fake_torch(tmp_path):
    folder = tmp_path / "fake"
    (folder / "torch").mkdir(parents=True)
    (folder / "torch" / "__init__.py").write_text(textwrap.dedent(FAKE_TORCH) + "\nfrom torch import nn\n")
    (folder / "torch" / "nn.py").write_text(textwrap.dedent(FAKE_NN))
    return folder


@pytest.mark.parametrize("name", list(CASES))
def test_the_script_compiles_and_builds_the_same_sequential(tmp_path, name):
    model, done = exported(tmp_path, name)
    source = done.script.read_text(encoding="utf-8")
    compile(source, str(done.script), "exec")
    assert sequential_entries(source) == CASES[name][1] == list(done.layers)
    assert ast.get_docstring(ast.parse(source)).splitlines()[0] == "tiny: a digitpad model as a PyTorch network."
    assert f"python {done.script.name}" in source
    found = constants(source)
    assert found["INPUT_SCALE"] == model.input_scale and found["CLASS_NAMES"] == model.class_names
    imported = {alias.name for node in ast.walk(ast.parse(source)) if isinstance(node, (ast.Import, ast.ImportFrom))
                for alias in node.names} | {node.module for node in ast.walk(ast.parse(source))
                                            if isinstance(node, ast.ImportFrom)}
    assert imported >= {"numpy", "torch", "nn"} and not any("digitpad" in str(name) for name in imported)


@pytest.mark.parametrize("name", list(CASES))
def test_the_weights_file_holds_what_the_script_loads(tmp_path, name):
    model, done = exported(tmp_path, name)
    assert done.weights == tmp_path / "net.weights.npz"
    with np.load(done.weights, allow_pickle=False) as npz:
        arrays = {k: npz[k] for k in npz.files}
    dense = model.network.dense_layers
    for i, layer in enumerate(dense):
        assert arrays[f"W{i}"].shape == (layer.n_in, layer.n_out) and arrays[f"W{i}"].dtype == np.float32
        assert (f"b{i}" in arrays) == layer.has_bias
    gains = np.ones(dense[1].n_in, np.float32)
    gains[[2, 5]] = (0.0, 1.5)
    assert np.allclose(arrays["W1"], dense[1].params["W"] * gains[:, None])  # the gains folded into the next rows
    assert np.array_equal(arrays["test_pixels"], pixels()[None])
    key = "digitpad_output" if model.network.spec.is_regression else "digitpad_probabilities"
    assert np.array_equal(arrays[key], expected_outputs(model, pixels()[None]))


@pytest.mark.parametrize("name", list(CASES))
def test_run_with_torchs_semantics_the_script_agrees_with_digitpad(tmp_path, fake_torch, name):
    _, done = exported(tmp_path, name)
    result = run_script(done.script, fake_torch)
    assert result.returncode == 0, result.stderr
    difference = float(result.stdout.strip().splitlines()[-1].removeprefix("max difference from digitpad: "))
    assert difference < 1e-5


def test_the_script_fails_when_the_weights_do_not_give_digitpads_numbers(tmp_path, fake_torch):
    _, done = exported(tmp_path, "tanh softmax")
    with np.load(done.weights) as npz:
        arrays = {k: npz[k] for k in npz.files}
    arrays["W1"] = arrays["W1"] * 2
    np.savez(done.weights, **arrays)
    result = run_script(done.script, fake_torch)
    assert result.returncode == 1 and "max difference from digitpad" in result.stdout


def test_with_real_torch_the_script_agrees_with_digitpad(tmp_path):
    pytest.importorskip("torch", reason="torch is not installed here; the stand-in above ran the script")
    for name in CASES:
        _, done = exported(tmp_path, name)
        result = run_script(done.script)
        assert result.returncode == 0, (name, result.stdout, result.stderr)


def test_a_name_not_ending_in_py_is_refused(tmp_path):
    with pytest.raises(ConfigError, match=r"\.py"):
        export_pytorch(make_model(), tmp_path / "net.txt", pixels())
    assert list(tmp_path.iterdir()) == []


def test_the_command_writes_the_script_beside_its_weights(tmp_path, capsys):
    save_model(tmp_path / "m.npz", make_model())
    assert main(["export", str(tmp_path / "m.npz"), str(tmp_path / "m.py")]) == 0
    out = capsys.readouterr().out
    assert f"wrote {tmp_path / 'm.py'} and m.weights.npz: nn.Sequential(Linear(64, 16), Tanh(), " in out
    assert (tmp_path / "m.py").is_file() and (tmp_path / "m.weights.npz").is_file()
    assert load_model(tmp_path / "m.npz").name == "tiny"  # the model itself is never the weights file
