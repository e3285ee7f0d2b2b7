"""The learning lab's pitfalls (its *presets* on screen): complete configurations that reproduce a real failure.

A :class:`Pitfall` is the failing setup (settings plus deliberate mistakes) and
a list of :class:`Toggle` s, one per cause, so a learner can remove causes one
at a time and see which matters. :meth:`Pitfall.run_for` turns a set of ticked
toggles into a :class:`LabRun`.

Every text a learner reads (titles, stories, toggle labels and explanations)
is a marked template (:mod:`digitpad.common.text`, context ``LabPresets``):
the English string itself, which the window translates.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from digitpad.common.errors import ConfigError
from digitpad.common.text import QT_TRANSLATE_NOOP, Template, Text
from digitpad.data import registry
from digitpad.lab.mistakes import MISTAKES
from digitpad.training.settings import RunSettings

KINDS = ("bug", "fix", "tuning")


class LabRun(NamedTuple):
    """One run of the lab: the settings, the deliberate mistakes installed, a label for plots and files in the
    lab's words ("Too narrow to learn · failing setup"), and the pitfall's name ("narrow")."""

    settings: RunSettings
    mistakes: frozenset[str]
    label: Text
    pitfall: str = ""


@dataclass(frozen=True)
class Toggle:
    """One cause of a failure (``kind`` "bug") or one remedy ("fix", "tuning").

    Applying it sets the RunSettings fields in ``settings`` and removes the
    mistakes in ``removes``; ``adjust`` (if any) then computes settings that
    depend on others (see :meth:`Pitfall.run_for` for the order). A bug toggle
    *applied* means the bug is gone.
    """

    name: str
    label: str
    kind: str
    explanation: str
    settings: dict = field(default_factory=dict)
    removes: frozenset[str] = frozenset()
    adjust: Callable[[RunSettings], RunSettings] | None = None
    choice: str = ""  # alternatives share one (e.g. "optimizer"); "" for a toggle of its own

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"toggle kind must be one of {KINDS}, got {self.kind!r}")


@dataclass(frozen=True)
class Pitfall:
    """A failing configuration, the story of what the learner will see, and its toggles.

    The story comes in two parts, so a learner can predict before the cause
    is given away: ``setup`` (what is trained, how) and ``reveal`` (what goes
    wrong and why). The base settings' dataset is used when it is in the
    store, else ``fallback`` (when that is).
    """

    name: str
    title: str
    summary: str  # one line for lists and tooltips
    setup: str
    reveal: str
    base: RunSettings
    toggles: tuple[Toggle, ...]
    mistakes: frozenset[str] = frozenset()
    fallback: str | None = None

    def toggle(self, name: str) -> Toggle:
        for toggle in self.toggles:
            if toggle.name == name:
                return toggle
        raise ConfigError(QT_TRANSLATE_NOOP("LabPresets", "preset {preset!r} has no toggle {toggle!r}; choose from "
                                                          "{toggles}").fill(
            preset=self.name, toggle=name, toggles=", ".join(t.name for t in self.toggles)))

    @property
    def story(self) -> Text:
        """The whole story: the setup, then what goes wrong and why."""
        return QT_TRANSLATE_NOOP("LabPresets", "{setup} {reveal}").fill(setup=self.setup, reveal=self.reveal)

    @property
    def dataset(self) -> str:
        """The dataset the preset was written for."""
        return self.base.dataset

    @property
    def fix_names(self) -> tuple[str, ...]:
        """Every toggle: removing every bug and applying every fix and tuning."""
        return tuple(t.name for t in self.toggles)

    @property
    def all_fixes(self) -> tuple[str, ...]:
        """Every toggle but, of alternatives (one ``choice``), only the last: the one :meth:`run_for` lets win."""
        last = {t.choice: t.name for t in self.toggles if t.choice}
        return tuple(t.name for t in self.toggles if not t.choice or last[t.choice] == t.name)

    def toggles_for(self, change: dict) -> tuple[str, ...]:
        """The toggles that together make exactly the settings ``change`` (a training doctor's fix, say),
        each setting part of it; () when no set of toggles does."""
        parts = [t for t in self.toggles if t.settings and t.settings.items() <= change.items()]
        covered = {key: value for t in parts for key, value in t.settings.items()}
        return tuple(t.name for t in parts) if covered == change else ()

    def dataset_to_use(self) -> str:
        """``dataset`` when it is in the store (or there is no usable fallback), else ``fallback``."""
        if self.fallback is None or registry.is_available(self.dataset) or not registry.is_available(self.fallback):
            return self.dataset
        return self.fallback

    def run_for(self, enabled: Iterable[str] = (), overrides: dict | None = None) -> LabRun:
        """The run with the ``enabled`` toggles applied.

        The order is fixed, whatever the order of ``enabled``: (1) the base
        settings and mistakes; (2) each enabled toggle's ``settings`` and
        ``removes``, in the order the preset lists them (a later toggle that sets
        the same setting wins); (3) ``overrides``, RunSettings fields set by the
        user (the CLI's ``--epochs``/``--subset``); (4) each enabled toggle's
        ``adjust``, so a setting computed from others sees their final values.
        Unknown toggle names raise ConfigError.
        """
        enabled = set(enabled)
        for name in enabled:
            self.toggle(name)
        applied = [t for t in self.toggles if t.name in enabled]
        settings, mistakes = replace(self.base, dataset=self.dataset_to_use()), self.mistakes
        for toggle in applied:
            settings, mistakes = replace(settings, **toggle.settings), mistakes - toggle.removes
        settings = replace(settings, **(overrides or {}))
        for toggle in applied:
            if toggle.adjust is not None:
                settings = toggle.adjust(settings)
        return LabRun(settings, mistakes, self._label(applied), self.name)

    def _label(self, applied: list[Toggle]) -> Text:
        """The run in the words the Lab tab shows: its title, then "failing setup", "all fixes" or the choices
        applied (a bug's as "fixed: <the bug>"); ``str()`` is the English the CLI names its model with."""
        if not applied:
            return QT_TRANSLATE_NOOP("LabPresets", "{title} · failing setup").fill(title=self.title)
        if {t.name for t in applied} >= set(self.all_fixes):
            return QT_TRANSLATE_NOOP("LabPresets", "{title} · all fixes").fill(title=self.title)
        choices = [QT_TRANSLATE_NOOP("LabPresets", "fixed: {bug}").fill(bug=t.label) if t.kind == "bug" else t.label
                   for t in applied]
        # Only fields and " + " between them: the same in every language, so it needs no translation.
        joined = Template("LabPresets", " + ".join(f"{{choice{i}}}" for i in range(len(choices))))
        return QT_TRANSLATE_NOOP("LabPresets", "{title} · {choices}").fill(
            title=self.title, choices=joined.fill(**{f"choice{i}": choice for i, choice in enumerate(choices)}))


def _lr_per_row(settings: RunSettings) -> RunSettings:
    """While the gradient is summed, divide lr by the images per step: exactly what averaging does."""
    if not settings.sum_gradient:
        return settings
    rows = settings.batch_size or settings.subset
    if rows <= 0:
        raise ConfigError(QT_TRANSLATE_NOOP("LabPresets", "scaling the learning rate needs a known number of images "
                                                          "per step: set a batch size or a subset"), "lr")
    return replace(settings, lr=settings.lr / rows)


LABEL10 = Pitfall(
    name="label10", title=QT_TRANSLATE_NOOP("LabPresets", "Regression on label/10"),
    summary=QT_TRANSLATE_NOOP("LabPresets", "a summed gradient saturates the net near 10% accuracy"),
    setup=QT_TRANSLATE_NOOP(
        "LabPresets", "A beginner's digit recogniser: 784 pixels → 250 sigmoid units → one sigmoid output trained to "
                      "equal label/10, on the first 500 MNIST images, with U(−1, 1) weights, no bias, full-batch "
                      "gradient descent at lr 0.1 and the gradient summed over the images instead of averaged."),
    reveal=QT_TRANSLATE_NOOP(
        "LabPresets", "Within a few epochs the loss stops moving: over a third of the hidden activations sit in the "
                      "flat tails of the sigmoid and the output is pinned at 0 or 1 for every image, so accuracy "
                      "(rounded output × 10 = label) stays near 10%. The cause is the step size: a gradient summed "
                      "over 500 images is 500 times the average, so lr 0.1 acts like lr 50, and it grows with every "
                      "image you add. A smaller step stops the blow-up but then crawls (20–35% on the training images "
                      "after 300–600 epochs, about 20% on the test set), because one output has to squeeze ten classes "
                      "onto a line."),
    base=RunSettings(dataset="mnist", subset=500, validation=0.0, hidden="250", activation="sigmoid",
                     head="sigmoid+mse", regression=True, init="uniform", bias=False, sum_gradient=True,
                     optimizer="sgd", lr=0.1, schedule="constant", batch_size=0, epochs=300, seed=0),
    toggles=(
        Toggle("mean_gradient", QT_TRANSLATE_NOOP("LabPresets", "Average the gradient over the images"), "fix",
               QT_TRANSLATE_NOOP(
                   "LabPresets", "Divide the summed gradient by the number of images, so the step no longer grows with "
                                 "the batch. The net stops saturating, but one regression output still learns slowly."),
               {"sum_gradient": False}),
        Toggle("scaled_lr", QT_TRANSLATE_NOOP("LabPresets", "Learning rate ÷ images per step"), "fix",
               QT_TRANSLATE_NOOP(
                   "LabPresets", "The other way to the same fix: keep the summed gradient and divide the learning rate "
                                 "by the images per step (0.1 / 500). It gives exactly the averaged run; once the "
                                 "gradient is averaged it has nothing left to do."), adjust=_lr_per_row),
        Toggle("mini_batches", QT_TRANSLATE_NOOP("LabPresets", "Mini-batches of 32"), "fix",
               QT_TRANSLATE_NOOP("LabPresets", "Update after every 32 images instead of once per pass: many small "
                                               "steps, each with a little noise, instead of one huge one. With a "
                                               "summed gradient each step is also 16 times smaller."),
               {"batch_size": 32}),
        Toggle("softmax", QT_TRANSLATE_NOOP("LabPresets", "10 softmax outputs + cross-entropy"), "fix",
               QT_TRANSLATE_NOOP("LabPresets", "One output per class with softmax and cross-entropy instead of one "
                                               "number that must hit label/10. The classes no longer need to lie on a "
                                               "line, and the gradient p − y never vanishes on a wrong answer."),
               {"regression": False, "head": "softmax+cross_entropy"}),
        Toggle("glorot_init", QT_TRANSLATE_NOOP("LabPresets", "Glorot initialisation"), "fix",
               QT_TRANSLATE_NOOP("LabPresets", "Weights drawn with a spread of √(6 / (fan-in + fan-out)) instead of "
                                               "U(−1, 1): a hidden unit then sums 784 inputs to a value near 0, in the "
                                               "sigmoid's steep middle, not its flat tails."),
               {"init": "glorot"}),
        Toggle("all_rows", QT_TRANSLATE_NOOP("LabPresets", "All 60,000 images, 10 epochs"), "tuning",
               QT_TRANSLATE_NOOP("LabPresets", "Train on MNIST's whole training set for 10 epochs. 500 images are too "
                                               "few for 95% whatever the method; pair it with mini-batches, since "
                                               "full-batch descent makes only 10 steps in 10 epochs."),
               {"subset": 60_000, "epochs": 10}),
    ),
)

NARROW = Pitfall(
    name="narrow", title=QT_TRANSLATE_NOOP("LabPresets", "Too narrow to learn"),
    summary=QT_TRANSLATE_NOOP("LabPresets", "layers of 4 sigmoid units answer 0.10 for every digit"),
    setup=QT_TRANSLATE_NOOP("LabPresets", "An 8×8-digits classifier as a learner wrote it: 64 raw pixel values (0–16) "
                                          "→ three hidden layers of 4 sigmoid units → 10 sigmoid outputs whose error "
                                          "is a − y, no bias, U(−1, 1) weights, and full-batch gradient descent with "
                                          "lr 0.001 and momentum 0.9 for 3,000 epochs (one step each)."),
    reveal=QT_TRANSLATE_NOOP(
        "LabPresets", "At the end every output sits at about 0.10 for every image, the share of each class, and "
                      "accuracy is no better than chance, about 10%: four units cannot carry a digit through, so the "
                      "net settles for the class frequencies. The learner's own fix, three layers of 100, reaches "
                      "about 93%, but on the very images it trained on: int(len(labels*0.8)) multiplies the labels, "
                      "not the length, so nothing was held out. Tick the fixes one at a time to see which of them "
                      "matters and which does not."),
    base=RunSettings(dataset="digits8x8", validation=0.0, hidden="4,4,4", activation="sigmoid", head="sigmoid+bce",
                     init="uniform", bias=False, scale_inputs=False, optimizer="momentum", momentum=0.9, lr=0.001,
                     schedule="constant", batch_size=0, epochs=3000, seed=0),
    toggles=(
        Toggle("wide", QT_TRANSLATE_NOOP("LabPresets", "Three hidden layers of 100"), "fix",
               QT_TRANSLATE_NOOP(
                   "LabPresets", "Widen each hidden layer from 4 to 100 units. Four sigmoid units can pass on little "
                                 "more than four yes/no answers about the image; a hundred can carry the digit."),
               {"hidden": "100,100,100"}),
        Toggle("scale_inputs", QT_TRANSLATE_NOOP("LabPresets", "Inputs scaled to [0, 1]"), "fix",
               QT_TRANSLATE_NOOP("LabPresets", "Divide the pixel values (0–16) by 16. Raw values push the first "
                                               "layer's sums far into the sigmoid's flat tails, where its derivative, "
                                               "and so the gradient, is nearly zero."),
               {"scale_inputs": True}),
        Toggle("bias", QT_TRANSLATE_NOOP("LabPresets", "Layers have a bias"), "fix",
               QT_TRANSLATE_NOOP("LabPresets", "Give every layer a bias, so a unit can shift where it switches on "
                                               "instead of always at 0."),
               {"bias": True}),
        Toggle("relu", QT_TRANSLATE_NOOP("LabPresets", "ReLU hidden units"), "fix",
               QT_TRANSLATE_NOOP(
                   "LabPresets", "Use max(0, z) in the hidden layers. Its slope is 1 wherever it is active, so the "
                                 "gradient does not shrink by σ' ≤ 0.25 at every layer on its way back."),
               {"activation": "relu"}),
        Toggle("holdout", QT_TRANSLATE_NOOP("LabPresets", "Hold out 20% to measure"), "fix",
               QT_TRANSLATE_NOOP("LabPresets", "Keep 20% of the images out of training and report accuracy on them. "
                                               "The original code meant to (int(len(labels) * 0.8)) but wrote "
                                               "int(len(labels*0.8)), which is every image."),
               {"validation": 0.2}),
        Toggle("he_init", QT_TRANSLATE_NOOP("LabPresets", "He initialisation"), "tuning",
               QT_TRANSLATE_NOOP("LabPresets", "Weights drawn from N(0, 2 / fan-in), the spread that keeps ReLU "
                                               "activations the same size layer after layer. U(−1, 1) makes 100-unit "
                                               "ReLU layers blow the signal up about fourfold per layer."),
               {"init": "he"}),
    ),
)

SOFTMAX_BUGS = Pitfall(
    name="softmax-bugs", title=QT_TRANSLATE_NOOP("LabPresets", "Three bugs in softmax training"), fallback="mnist",
    summary=QT_TRANSLATE_NOOP("LabPresets", "stuck at chance, and fixing the bugs is not enough"),
    setup=QT_TRANSLATE_NOOP(
        "LabPresets", "A 784-300-300-10 ReLU network with softmax outputs, trained for 5 epochs on Fashion-MNIST "
                      "(MNIST when Fashion-MNIST is not in the data folder) in batches of 600 with lr 0.001 and N(0, "
                      "0.01) weights, carrying three bugs at once: the softmax derivative p(1 − p) multiplied onto the "
                      "cross-entropy gradient, images taken from the unshuffled array while the labels are shuffled, "
                      "and pixels left at 0–255."),
    reveal=QT_TRANSLATE_NOOP(
        "LabPresets", "Accuracy stays at chance, about 10%, and the loss hardly moves. Remove the bugs one at a time: "
                      "they interact, and with all three gone accuracy is still only about 13%, because weights of "
                      "0.01 shrink the signal at every layer and lr 0.001 is too small to recover. The tuning choices, "
                      "He initialisation and lr 0.1 with momentum or Adam, finish the job."),
    base=RunSettings(dataset="fashion", validation=0.0, hidden="300,300", activation="relu",
                     head="softmax+cross_entropy", init="normal", bias=True, scale_inputs=False, optimizer="sgd",
                     lr=0.001, schedule="constant", batch_size=600, epochs=5, seed=0),
    mistakes=frozenset({"softmax_derivative", "misaligned_batches"}),
    toggles=(
        Toggle("softmax_derivative", QT_TRANSLATE_NOOP(
            "LabPresets", "softmax derivative p(1 − p) applied twice"), "bug",
               MISTAKES["softmax_derivative"].explanation, removes=frozenset({"softmax_derivative"})),
        Toggle("misaligned_batches", QT_TRANSLATE_NOOP("LabPresets", "images unshuffled, labels shuffled"), "bug",
               MISTAKES["misaligned_batches"].explanation, removes=frozenset({"misaligned_batches"})),
        Toggle("raw_inputs", QT_TRANSLATE_NOOP("LabPresets", "pixels left at 0–255"), "bug",
               QT_TRANSLATE_NOOP("LabPresets", "Pixel values of 0–255 make the first layer's sums hundreds of times "
                                               "larger than with inputs in [0, 1], and its gradient just as large: any "
                                               "learning rate that suits one layer is wrong for the others. Fixing it "
                                               "divides the pixels by 255."), {"scale_inputs": True}),
        Toggle("he_init", QT_TRANSLATE_NOOP("LabPresets", "He initialisation"), "tuning",
               QT_TRANSLATE_NOOP(
                   "LabPresets", "Weights drawn from N(0, 2 / fan-in) instead of N(0, 0.01²): with 784 inputs of about "
                                 "0.1 each, weights of 0.01 make every layer's output about 30 times smaller than its "
                                 "input, so almost no signal or gradient gets through."), {"init": "he"}),
        Toggle("momentum", QT_TRANSLATE_NOOP("LabPresets", "lr 0.1 with momentum 0.9"), "tuning",
               QT_TRANSLATE_NOOP("LabPresets", "A hundred times the learning rate, with momentum to smooth the steps: "
                                               "lr 0.001 with plain SGD moves the weights too little in 5 "
                                               "epochs."), {"optimizer": "momentum", "momentum": 0.9, "lr": 0.1},
               choice="optimizer"),
        Toggle("adam", QT_TRANSLATE_NOOP("LabPresets", "Adam (lr 0.001)"), "tuning",
               QT_TRANSLATE_NOOP("LabPresets", "Adam scales each weight's step by its own gradient history, so the "
                                               "tiny gradients of a badly initialised net still move "
                                               "it."), {"optimizer": "adam", "lr": 0.001}, choice="optimizer"),
    ),
)

PITFALLS: dict[str, Pitfall] = {p.name: p for p in (LABEL10, NARROW, SOFTMAX_BUGS)}


def get_pitfall(name: str) -> Pitfall:
    """The preset called ``name``; ConfigError naming the known ones otherwise."""
    try:
        return PITFALLS[name]
    except KeyError:
        raise ConfigError(QT_TRANSLATE_NOOP("LabPresets", "unknown lab preset {name!r}; choose one of {presets}").fill(
            name=name, presets=", ".join(PITFALLS))) from None
