"""The learning lab: deliberate mistakes, presets and their toggles, failure signatures, the CLI.

Each preset must reproduce its failure and its fixes must work, on real data
with seeds fixed here. Full-size runs take too long for a test; these use
subsets or fewer epochs, and benchmarks/lab.py prints the full figures.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from digitpad.cli.main import main
from digitpad.common.errors import ConfigError
from digitpad.data import importing, registry
from digitpad.lab.mistakes import MISTAKES, SoftmaxDerivativeHead, apply_mistakes, misaligned_batch
from digitpad.lab.pitfalls import PITFALLS, LabRun, get_pitfall
from digitpad.lab.runner import run_lab, signature
from digitpad.model.files import load_model, save_model
from digitpad.nn.losses import SoftmaxCrossEntropy
from digitpad.nn.network import MLP, NetworkSpec
from digitpad.training.trainer import aligned_batch

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


# -- mistakes ------------------------------------------------------------------
def test_softmax_derivative_head_multiplies_p_times_one_minus_p_onto_the_true_gradient():
    rng = np.random.default_rng(0)
    z, y = rng.normal(size=(5, 10)), np.eye(10)[rng.integers(0, 10, 5)]
    p = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    loss, grad = SoftmaxDerivativeHead().loss_and_grad(z.copy(), y)
    true_loss, true_grad = SoftmaxCrossEntropy().loss_and_grad(z.copy(), y)
    assert loss == pytest.approx(true_loss)
    np.testing.assert_allclose(true_grad, (p - y) / 5, rtol=1e-9)
    np.testing.assert_allclose(grad, (p - y) * p * (1 - p) / 5, rtol=1e-9)


def test_misaligned_batch_takes_images_in_order_and_labels_shuffled():
    order = np.array([3, 0, 4, 1, 2])
    images, labels = misaligned_batch(order, 3, 6)
    assert images.tolist() == [3, 4] and labels.tolist() == [1, 2]
    assert [r.tolist() for r in aligned_batch(order, 3, 6)] == [[1, 2], [1, 2]]


def test_apply_mistakes_installs_the_head_and_returns_the_batch_picker():
    net = MLP(NetworkSpec((4, 3, 2)))
    assert apply_mistakes([], net) is aligned_batch and type(net.head) is SoftmaxCrossEntropy
    assert apply_mistakes(["softmax_derivative", "misaligned_batches"], net) is misaligned_batch
    assert isinstance(net.head, SoftmaxDerivativeHead)
    with pytest.raises(ConfigError, match="unknown mistake 'nope'"):
        apply_mistakes(["nope"], MLP(NetworkSpec((4, 3, 2))))
    with pytest.raises(ConfigError, match="softmax \\+ cross-entropy head"):
        apply_mistakes(["softmax_derivative"], MLP(NetworkSpec((4, 3, 2), output="sigmoid", loss="mse")))


# -- presets -------------------------------------------------------------------
@pytest.mark.parametrize("preset", PITFALLS.values(), ids=PITFALLS)
def test_every_preset_is_complete_and_both_of_its_ends_are_valid_settings(preset):
    assert 3 <= len(re.findall(r"[.!?](?:\s|$)", str(preset.story))) <= 6
    names = [t.name for t in preset.toggles]
    assert len(set(names)) == len(names) and all(t.explanation and t.label for t in preset.toggles)
    assert preset.mistakes <= MISTAKES.keys()
    failing, fixed = preset.run_for([]), preset.run_for(preset.fix_names)
    failing.settings.validate()
    fixed.settings.validate()
    assert failing.mistakes == preset.mistakes and fixed.mistakes == frozenset()
    assert str(failing.label).endswith("failing setup") and str(fixed.label).endswith("all fixes")


def test_toggles_apply_in_the_presets_order_whatever_order_they_are_given():
    preset = get_pitfall("softmax-bugs")
    assert preset.run_for(["adam", "momentum"]) == preset.run_for(["momentum", "adam"])
    assert preset.run_for(["adam", "momentum"]).settings.optimizer == "adam"
    assert preset.run_for(["momentum"]).settings.lr == 0.1
    run = preset.run_for(["misaligned_batches"])
    assert run.mistakes == {"softmax_derivative"}
    assert str(run.label) == "Three bugs in softmax training · fixed: images unshuffled, labels shuffled"
    assert run.pitfall == "softmax-bugs"
    with pytest.raises(ConfigError, match="no toggle 'wide'"):
        preset.run_for(["wide"])
    with pytest.raises(ConfigError, match="unknown lab preset"):
        get_pitfall("nope")


def test_alternatives_share_a_choice_and_all_fixes_takes_the_one_that_wins():
    preset = get_pitfall("softmax-bugs")
    assert {t.name for t in preset.toggles if t.choice == "optimizer"} == {"momentum", "adam"}
    assert "momentum" not in preset.all_fixes and "adam" in preset.all_fixes
    assert set(preset.fix_names) - set(preset.all_fixes) == {"momentum"}
    every, chosen = preset.run_for(preset.fix_names), preset.run_for(preset.all_fixes)
    assert every.settings == chosen.settings and str(chosen.label).endswith("all fixes")
    for other in (get_pitfall("narrow"), get_pitfall("label10")):
        assert other.all_fixes == other.fix_names  # no alternatives there


def test_a_settings_change_maps_to_the_toggles_that_make_it():
    narrow, label10, bugs = get_pitfall("narrow"), get_pitfall("label10"), get_pitfall("softmax-bugs")
    assert narrow.toggles_for({"scale_inputs": True}) == ("scale_inputs",)
    assert narrow.toggles_for({"activation": "relu", "init": "he"}) == ("relu", "he_init")
    assert label10.toggles_for({"sum_gradient": False}) == ("mean_gradient",)
    assert label10.toggles_for({"regression": False, "head": "softmax+cross_entropy"}) == ("softmax",)
    assert bugs.toggles_for({"scale_inputs": True}) == ("raw_inputs",)
    assert narrow.toggles_for({"lr": 0.01}) == () and narrow.toggles_for({"scale_inputs": False}) == ()
    assert label10.toggles_for({"regression": False}) == ()  # half of a toggle is not that toggle


@pytest.mark.parametrize("preset", PITFALLS.values(), ids=PITFALLS)
def test_the_setup_keeps_the_cause_for_after_the_run(preset):
    assert str(preset.story) == f"{preset.setup} {preset.reveal}"
    assert len(re.findall(r"[.!?](?:\s|$)", preset.setup)) == 1
    for giveaway in ("10%", "chance", "cause", "saturat"):
        assert giveaway not in preset.setup


def test_scaled_lr_divides_by_the_images_per_step_only_while_the_gradient_is_summed():
    preset = get_pitfall("label10")
    assert preset.run_for(["scaled_lr"]).settings.lr == pytest.approx(0.1 / 500)
    assert preset.run_for(["scaled_lr", "mini_batches"]).settings.lr == pytest.approx(0.1 / 32)
    assert preset.run_for(["scaled_lr"], {"subset": 100}).settings.lr == pytest.approx(0.1 / 100)
    assert preset.run_for(["scaled_lr", "mean_gradient"]).settings.lr == 0.1
    with pytest.raises(ConfigError, match="known number of images"):
        preset.run_for(["scaled_lr"], {"subset": 0})


def test_the_fashion_preset_falls_back_to_mnist_only_when_fashion_is_absent():
    preset = get_pitfall("softmax-bugs")
    assert preset.run_for().settings.dataset == "fashion"  # neither: the preferred one, so its error names it
    _fake_files("mnist")
    assert preset.run_for().settings.dataset == "mnist"
    _fake_files("fashion")
    assert preset.run_for().settings.dataset == "fashion"


def _fake_files(name: str) -> None:
    """Presence is all the fallback looks at; the files' contents are never read here."""
    folder = registry.dataset_dir(name)
    folder.mkdir(parents=True)
    for spec in registry.get_spec(name).files:
        (folder / spec.name).touch()


# -- signature -----------------------------------------------------------------
def test_signature_measures_constant_outputs_saturation_and_dead_units():
    net = MLP(NetworkSpec((3, 4, 2), activation="sigmoid", output="sigmoid", loss="bce", bias=False))
    net.dense_layers[0].params["W"][...] = [[50, -50, 0.1, 0], [0, 0, 0, 0], [0, 0, 0, 0]]
    net.dense_layers[1].params["W"][...] = 0
    x = np.array([[1.0, 0, 0], [2.0, 0, 0]])
    sig = signature(net, x)
    assert sig["output_std"] == 0 and sig["output_mean"] == pytest.approx(0.5)
    assert sig["saturated_share"] == pytest.approx(0.5) and sig["pinned_share"] == 0 and sig["dead_share"] is None
    relu = MLP(NetworkSpec((3, 4, 2), bias=False))
    relu.dense_layers[0].params["W"][:, :2] = -1
    relu.dense_layers[0].params["W"][:, 2:] = 1
    sig = signature(relu, x)
    assert sig["dead_share"] == 0.5 and sig["saturated_share"] is None and sig["pinned_share"] is None


# -- the presets on real data ----------------------------------------------------
def test_narrow_reproduces_outputs_stuck_at_the_class_share():
    lab = run_lab(get_pitfall("narrow").run_for())
    sig = lab.signature
    assert sig["output_std"] < 0.02 and sig["output_mean"] == pytest.approx(0.10, abs=0.01)
    assert lab.train_accuracy < 0.20 and lab.test_accuracy < 0.20 and lab.val_accuracy is None


def test_narrow_with_its_fixes_learns_and_is_measured_on_held_out_images():
    preset = get_pitfall("narrow")
    # 1,500 of the preset's 3,000 epochs keep the test short; benchmarks/lab.py runs all 3,000 (97 % held out).
    lab = run_lab(preset.run_for(preset.fix_names, {"epochs": 1500}))
    assert lab.rows["validation"] == pytest.approx(0.2 * (lab.rows["train"] + lab.rows["validation"]), abs=2)
    assert lab.val_accuracy >= 0.95 and lab.test_accuracy >= 0.96
    assert lab.signature["output_std"] > 0.2


@pytest.fixture(scope="module")
def real_store(tmp_path_factory):
    """A data store holding whichever of MNIST and Fashion-MNIST ../shared/data has, imported once."""
    folder = tmp_path_factory.mktemp("realstore")
    images = registry.FILE_NAMES[("train", "images")]
    present = [name for name in ("mnist", "fashion") if (SHARED_DATA / name / images).is_file()]
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(registry.ENV_VAR, str(folder))
        for name in present:
            importing.import_files(sorted((SHARED_DATA / name).glob("*.gz")), name)
    return folder, present


def use_store(real_store, monkeypatch, needs: str) -> None:
    folder, present = real_store
    if needs not in present:
        pytest.skip(f"real {needs} not found in {SHARED_DATA / needs}")
    monkeypatch.setenv(registry.ENV_VAR, str(folder))


@pytest.mark.realdata
def test_label10_saturates_and_pins_its_output(real_store, monkeypatch):
    use_store(real_store, monkeypatch, "mnist")
    lab = run_lab(get_pitfall("label10").run_for([], {"epochs": 150}))
    sig, losses = lab.signature, lab.result.history["train_loss"]
    assert sig["saturated_share"] > 1 / 3
    assert sig["output_std"] < 0.01 and sig["pinned_share"] > 0.99
    assert max(losses[-100:]) - min(losses[-100:]) < 1e-3
    assert lab.train_accuracy < 0.15 and lab.test_accuracy < 0.15


@pytest.mark.realdata
def test_label10_with_every_fix_learns(real_store, monkeypatch):
    use_store(real_store, monkeypatch, "mnist")
    preset = get_pitfall("label10")
    # 10,000 images for 3 epochs instead of 60,000 for 10 (95.9 % in benchmarks/lab.py).
    lab = run_lab(preset.run_for(preset.fix_names, {"subset": 10_000, "epochs": 3}))
    assert lab.test_accuracy >= 0.87 and lab.signature["saturated_share"] < 0.05


def softmax_bugs_run(enabled, dataset: str, subset: int):
    """Named outright rather than through the fallback (which has its own test), on the first ``subset`` images."""
    lab_run = get_pitfall("softmax-bugs").run_for(enabled, {"subset": subset, "dataset": dataset})
    assert lab_run.settings.dataset == dataset
    return run_lab(lab_run)


@pytest.mark.realdata
def test_softmax_bugs_stay_at_chance_and_fixing_the_bugs_alone_is_not_enough(real_store, monkeypatch):
    use_store(real_store, monkeypatch, "fashion")
    failing = softmax_bugs_run([], "fashion", 6000)
    assert failing.test_accuracy < 0.2 and failing.signature["output_std"] < 0.05
    bugs = [t.name for t in get_pitfall("softmax-bugs").toggles if t.kind == "bug"]
    untuned = softmax_bugs_run(bugs, "fashion", 10_000)
    assert untuned.test_accuracy < 0.2 and untuned.signature["output_std"] < 0.01


@pytest.mark.realdata
@pytest.mark.parametrize("dataset, floor", [("fashion", 0.80), ("mnist", 0.92)])
def test_softmax_bugs_fixed_and_tuned_learn(real_store, monkeypatch, dataset, floor):
    use_store(real_store, monkeypatch, dataset)
    # 10,000 images instead of 60,000 (87.8 % Fashion / 97.1 % MNIST in benchmarks/lab.py).
    fixed = softmax_bugs_run(get_pitfall("softmax-bugs").fix_names, dataset, 10_000)
    assert fixed.test_accuracy >= floor


# -- the CLI -------------------------------------------------------------------
def test_lab_without_a_name_lists_the_presets(capsys):
    assert main(["lab"]) == 0
    out = capsys.readouterr().out
    assert all(f"{p.name} " in out and p.title in out and p.summary in out for p in PITFALLS.values())


def test_lab_runs_a_preset_with_fixes_and_saves_the_model(tmp_path, capsys):
    path = tmp_path / "lab.npz"
    assert main(["lab", "narrow", "--fix", "wide", "--fix", "scale_inputs", "--epochs", "60", "-o", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Too narrow to learn" in out and "four units cannot carry a digit" in " ".join(out.split())
    assert re.search(r"on\s+fix\s+wide", out) and re.search(r"off\s+fix\s+relu", out)
    assert "epoch 1/60" in out and "epoch 60/60" in out and "output std across inputs" in out
    assert "test accuracy" in out and f"saved {path}" in out
    model = load_model(path)
    assert model.network.spec.sizes == (64, 100, 100, 100, 10)
    assert model.name == "lab: Too narrow to learn · Three hidden layers of 100 + Inputs scaled to [0, 1]"
    assert model.mistakes == ()  # this preset's mistakes are all in its settings


def test_a_lab_model_file_names_the_mistake_its_network_carries(tmp_path):
    narrow = get_pitfall("narrow")
    buggy = LabRun(replace(narrow.base, head="softmax+cross_entropy", epochs=2), frozenset({"softmax_derivative"}),
                   "softmax derivative twice", "narrow")
    result = run_lab(buggy, test_split=False)
    assert isinstance(result.model.network.head, SoftmaxDerivativeHead)
    assert result.model.mistakes == ("softmax_derivative",)
    save_model(tmp_path / "buggy.npz", result.model)
    assert load_model(tmp_path / "buggy.npz").mistakes == ("softmax_derivative",)  # the window installs it again


def test_lab_all_fixes_marks_every_bug_removed_before_it_needs_the_data(capsys):
    assert main(["lab", "softmax-bugs", "--all-fixes"]) == 1  # the per-test data store is empty
    out, err = capsys.readouterr()
    assert out.count("removed") == 3 and "PRESENT" not in out and len(re.findall(r"\bon\s+tuning", out)) == 3
    assert err.startswith("digitpad: error: Fashion-MNIST train data is missing") and err.count("\n") == 1


@pytest.mark.parametrize("argv, message", [
    (["lab", "nope"], "unknown lab preset 'nope'"),
    (["lab", "narrow", "--fix", "adam"], "preset 'narrow' has no toggle 'adam'"),
    (["lab", "narrow", "--epochs", "0"], "epochs must be at least 1"),
    (["lab", "label10"], "MNIST train data is missing"),
])
def test_lab_errors_are_one_line(argv, message, capsys):
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err
