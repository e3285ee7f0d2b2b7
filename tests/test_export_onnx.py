"""ONNX export: onnxruntime gives digitpad's own numbers for every architecture and head the engine builds."""

from __future__ import annotations

import itertools
import json
import sys

import numpy as np
import pytest
from support.models import make_model

from digitpad import __version__
from digitpad.cli.main import main
from digitpad.common.errors import ConfigError
from digitpad.inference.onnx_check import check_inputs, max_difference_on
from digitpad.model.files import load_model, save_model
from digitpad.model.onnx_export import MISSING_ONNX, export_onnx
from digitpad.nn.layers import ACTIVATIONS
from digitpad.nn.network import MLP, NetworkSpec

onnx = pytest.importorskip("onnx")
ort = pytest.importorskip("onnxruntime")

TOLERANCE = 1e-5  # the bound on |onnxruntime − digitpad|; measured differences are ~1e-7
HEADS = [("softmax", "cross_entropy"), ("sigmoid", "bce"), ("sigmoid", "mse"), ("identity", "mse")]


def mnist_like(n: int, n_inputs: int, raw_max: float, seed: int = 0) -> np.ndarray:
    """``n`` raw inputs: a fifth of the pixels lit at whole values up to ``raw_max``, as digits are."""
    rng = np.random.default_rng(seed)
    return np.where(rng.random((n, n_inputs)) < 0.2, rng.integers(1, int(raw_max) + 1, (n, n_inputs)), 0
                    ).astype(np.float32)


def run(path, raw: np.ndarray) -> tuple[str, np.ndarray]:
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    (output,) = session.get_outputs()
    return output.name, session.run(None, {"pixels": raw})[0]


def with_gains(model):
    """A unit switched off and one doubled in every hidden layer (the network view's edits)."""
    for layer in range(1, len(model.network.spec.sizes) - 1):
        model.network.set_unit_gain(layer, 0, 0.0)
        model.network.set_unit_gain(layer, 1, 2.0)
    return model


@pytest.mark.parametrize(("activation", "head", "bias", "gains"),
                         list(itertools.product(ACTIVATIONS, HEADS, (True, False), (False, True))))
def test_onnxruntime_gives_digitpads_probabilities_for_every_architecture_and_head(tmp_path, activation, head,
                                                                                 bias, gains):
    spec = NetworkSpec((64, 12, 8, 10), activation=activation, output=head[0], loss=head[1], bias=bias)
    model = make_model(spec)
    for dense in model.network.dense_layers[:: 2 if bias else 1]:  # biases that are not 0 (the initialiser's are)
        if dense.has_bias:
            dense.params["b"][...] = np.linspace(-0.5, 0.5, dense.n_out)
    if gains:
        with_gains(model)
    raw = mnist_like(100, 64, 16)
    export_onnx(model, tmp_path / "m.onnx")
    name, got = run(tmp_path / "m.onnx", raw)
    want = model.network.predict_proba(raw * model.input_scale)
    assert name == "probabilities" and got.shape == (100, 10)
    assert np.max(np.abs(got - want)) < TOLERANCE
    assert np.allclose(got.sum(axis=1), 1, atol=1e-5)


def test_the_gains_are_in_the_export(tmp_path):
    """A switched-off unit changes the probabilities; the file follows the edited network, not the trained one."""
    model = make_model(NetworkSpec((64, 16, 10), activation="relu"))
    raw = mnist_like(100, 64, 16)
    trained = model.network.predict_proba(raw * model.input_scale)
    with_gains(model)
    export_onnx(model, tmp_path / "m.onnx")
    got = run(tmp_path / "m.onnx", raw)[1]
    assert np.max(np.abs(got - trained)) > 1e-3
    assert np.max(np.abs(got - model.network.predict_proba(raw * model.input_scale))) < TOLERANCE


def test_a_mnist_model_reads_raw_pixels_0_to_255(tmp_path):
    model = make_model(NetworkSpec((784, 32, 16, 10), activation="leaky_relu"), input_shape=(28, 28),
                       preprocessing="mnist-28", input_scale=1 / 255, dataset="mnist")
    raw = mnist_like(100, 784, 255)
    export_onnx(model, tmp_path / "m.onnx")
    got = run(tmp_path / "m.onnx", raw)[1]
    assert np.max(np.abs(got - model.network.predict_proba(raw / np.float32(255)))) < TOLERANCE


def test_a_float64_network_is_exported_as_float32_within_the_tolerance(tmp_path):
    model = make_model(NetworkSpec((64, 16, 10), activation="sigmoid", dtype="float64"))
    raw = mnist_like(100, 64, 16)
    export_onnx(model, tmp_path / "m.onnx")
    proto = onnx.load(str(tmp_path / "m.onnx"))
    assert {t.data_type for t in proto.graph.initializer} == {onnx.TensorProto.FLOAT}
    assert "float64" in {p.key: p.value for p in proto.metadata_props}["weights"]
    got = run(tmp_path / "m.onnx", raw)[1]
    assert np.max(np.abs(got - model.network.predict_proba(raw * model.input_scale))) < TOLERANCE


@pytest.mark.parametrize("output", ["identity", "sigmoid"])
def test_a_regression_exports_its_single_output_named_output(tmp_path, output):
    model = make_model(NetworkSpec((64, 16, 1), activation="tanh", output=output, loss="mse"))
    raw = mnist_like(100, 64, 16)
    export_onnx(model, tmp_path / "m.onnx")
    name, got = run(tmp_path / "m.onnx", raw)
    assert name == "output" and got.shape == (100, 1)
    assert np.max(np.abs(got - model.network.outputs(raw * model.input_scale))) < TOLERANCE
    props = {p.key: p.value for p in onnx.load(str(tmp_path / "m.onnx")).metadata_props}
    assert props["head"] == "regression" and "× 10" in props["output"]


def test_the_file_is_a_checked_opset_13_graph_with_the_models_metadata(tmp_path):
    model = make_model(name="fashion helper", class_names=tuple("abcdefghij"))
    export_onnx(model, tmp_path / "m.onnx")
    proto = onnx.load(str(tmp_path / "m.onnx"))
    onnx.checker.check_model(proto, full_check=True)
    assert [(o.domain, o.version) for o in proto.opset_import] == [("", 13)]
    (pixels,), (probabilities,) = proto.graph.input, proto.graph.output
    shape = [d.dim_param or d.dim_value for d in pixels.type.tensor_type.shape.dim]
    assert (pixels.name, shape, pixels.type.tensor_type.elem_type) == ("pixels", ["N", 64], onnx.TensorProto.FLOAT)
    assert probabilities.name == "probabilities"
    assert [n.op_type for n in proto.graph.node] == ["Mul", "MatMul", "Add", "Tanh", "MatMul", "Add", "Softmax"]
    props = {p.key: p.value for p in proto.metadata_props}
    assert props["name"] == "fashion helper" and json.loads(props["class_names"]) == list("abcdefghij")
    assert props["preprocessing"] == "digits-8x8" and float(props["input_scale"]) == 1 / 16
    assert props["digitpad_version"] == __version__ and props["head"] == "softmax"


def test_without_the_onnx_package_the_message_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "onnx", None)  # import onnx now raises ImportError
    with pytest.raises(ConfigError) as info:
        export_onnx(make_model(), tmp_path / "m.onnx")
    assert str(info.value) == MISSING_ONNX and "pip install 'digitpad[onnx]'" in MISSING_ONNX
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_does_not_exist_is_a_clear_error(tmp_path):
    with pytest.raises(ConfigError, match="cannot write"):
        export_onnx(make_model(), tmp_path / "missing" / "m.onnx")


def test_the_command_prints_what_it_wrote_and_the_measured_difference(tmp_path, capsys):
    model = make_model(NetworkSpec((64, 16, 10), activation="relu"))
    model.network.set_unit_gain(1, 3, 0.0)
    save_model(tmp_path / "m.npz", model)
    assert main(["export", str(tmp_path / "m.npz"), str(tmp_path / "m.onnx")]) == 0
    out = capsys.readouterr().out
    raw, described = check_inputs(load_model(tmp_path / "m.npz"))
    measured = max_difference_on(tmp_path / "m.onnx", model, raw)
    assert "input pixels [N, 64] float32, raw 0–16" in out and "output probabilities [N, 10]" in out
    assert "opset 13" in out
    assert f"onnxruntime on {described}: max difference {measured:.1g} from digitpad" in out
    assert str(described) == "100 random MNIST-like inputs" and measured < TOLERANCE


def test_the_command_without_onnxruntime_says_so(tmp_path, capsys, monkeypatch):
    save_model(tmp_path / "m.npz", make_model())
    monkeypatch.setitem(sys.modules, "onnxruntime", None)
    assert main(["export", str(tmp_path / "m.npz"), str(tmp_path / "m.onnx")]) == 0
    assert "onnxruntime is not installed" in capsys.readouterr().out
    assert (tmp_path / "m.onnx").is_file()


@pytest.mark.realdata
def test_the_bundled_model_matches_on_100_mnist_test_images(tmp_path, mnist_dir, monkeypatch):
    from digitpad.ui.app import default_model
    monkeypatch.setenv("DIGITPAD_DATA_DIR", str(mnist_dir.parent))
    model = default_model()
    raw, described = check_inputs(model)
    assert str(described).startswith("100 test images of")
    export_onnx(model, tmp_path / "m.onnx")
    got = run(tmp_path / "m.onnx", raw)[1]
    assert np.max(np.abs(got - model.network.predict_proba(raw * np.float32(model.input_scale)))) < TOLERANCE


def test_an_mlp_built_from_the_spec_alone_is_exported_too(tmp_path):
    """A network as New model makes it: no trained weights, biases all 0."""
    model = make_model(network=MLP(NetworkSpec((64, 10), output="sigmoid", loss="bce"), seed=3))
    raw = mnist_like(100, 64, 16)
    export_onnx(model, tmp_path / "m.onnx")
    got = run(tmp_path / "m.onnx", raw)[1]
    assert np.max(np.abs(got - model.network.predict_proba(raw * model.input_scale))) < TOLERANCE


def test_identity_outputs_all_below_0_give_each_class_the_same_share(tmp_path):
    """digitpad's rule for an output row with no mass (every output clipped to 0): uniform, never 0/0."""
    model = make_model(NetworkSpec((64, 8, 10), output="identity", loss="mse"))
    model.network.dense_layers[-1].params["b"][...] = -1e3
    raw = mnist_like(5, 64, 16)
    export_onnx(model, tmp_path / "m.onnx")
    got = run(tmp_path / "m.onnx", raw)[1]
    assert np.array_equal(model.network.predict_proba(raw * model.input_scale), np.full((5, 10), 0.1, np.float32))
    assert np.max(np.abs(got - 0.1)) < 1e-7
