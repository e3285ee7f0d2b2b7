"""The training doctor's rules: health numbers in, plain-words diagnoses out.

:func:`diagnose` is a pure function from :class:`HealthSignals` to
:class:`Diagnosis` objects, so each rule can be tested on made-up numbers as
well as on real runs (:mod:`digitpad.training.doctor` gathers the numbers).

Every threshold below was set by training pathological and healthy runs on
the 8×8 digits and on MNIST (networks 32 to 256,128 units; relu, sigmoid,
tanh; sgd, momentum, adam); each comment gives the numbers it rests on.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from digitpad.nn.network import NetworkSpec
from digitpad.training.settings import RunSettings

# The loss curve is judged as the loss plot shows it: its per-epoch points, against an x axis that spans the whole
# run and the y range of everything plotted. "Lately" is the last tenth of the run, and at least 3 epochs: 3 epochs
# of the lab's 3,000-epoch runs are a pixel wide, and judged over them a loss falling from 3.3 to 0.9 was "flat".
WINDOW_SHARE, FLAT_EPOCHS = 0.1, 3
# A flat loss: over that window every epoch point stays within a band that is flat on the plot (2 % of its y range:
# 4 px of a 200 px plot) and against the loss itself (1 %). Healthy runs fall 3–10 % over any 3 epochs until they
# converge; that 3,000-epoch run fell 7 % over its last 300, 0.6 % of its y range (its first loss was 12.8).
FLAT_SHARE, FLAT_CHANGE = 0.02, 0.01
# Flatness is expected once a schedule has lowered the rate (a cosine run's last epochs run at < 5 % of it).
FLAT_MIN_LR_SHARE = 0.25
# A loss below 5 % of the first batch's has learned (8×8 nets that fit reach 1–3 %); it may rest and wobble.
NEAR_ZERO = 0.05
# Stuck at chance: cross-entropy within 5 % of ln(n) for 3 epochs. Healthy runs leave that band within
# 2 epochs (slowest measured: Adam at lr 0.001, 2.38 → 2.16 → 1.99); stuck ones sit at 2.30–2.37.
CHANCE_BAND, CHANCE_EPOCHS = 0.05, 3
# Heads without a cross-entropy: training accuracy under 1.5× that of guessing for those 3 epochs.
CHANCE_ACCURACY = 1.5
# Mean over output units of their std across probe images. Trained nets: 0.2–0.3; healthy first epochs:
# ≥ 0.023; "everything is 0.1" nets: 0.0000–0.002. 0.02 would sit too close to the slow healthy start.
CONSTANT_STD = 0.01
# Saturated activations (digitpad.training.unit_health: sigmoid outside [0.01, 0.99], |tanh| > 0.99).
# Healthy runs: 0–17 % of activations; raw 0–16 inputs into sigmoid/tanh: 70–93 %.
SATURATED_SHARE = 0.30
# ReLU units silent on every probe image. Healthy: 0–22 % per layer; lr 1 with momentum kills 59 %,
# lr 10 or raw MNIST inputs 100 %.
DEAD_SHARE = 0.50
# First layer's median gradient vs the last's. Healthy runs: 0.5–3.2. Five sigmoid layers: 1.4e-3 with
# Glorot (never learns), 1.5e-9 with N(0, 0.01²).
VANISHING_RATIO = 1e-2
# Every layer's median gradient under this while the loss is high: 60× below the smallest healthy median
# (0.06, a regression head); deep N(0, 0.01²) relu and tanh nets measure 1e-7–6e-4.
TINY_NORM = 1e-3
# Exploding: a gradient 100× its size on the first batch (healthy runs peak at ≤ 5×; lr 10 reaches 165×,
# a summed gradient 109×) and at least 10 (the largest healthy norm measured was 6.2, batch size 8), or
# beyond 1000 from any start.
EXPLODE_GROWTH, EXPLODE_FLOOR, EXPLODE_BOUND = 100.0, 10.0, 1e3
# A rising loss: the latest epoch point 1.5× the lowest point of the window before it (the first batch's loss
# counts as epoch 0), and above it by 5 % of the plot's y range (10 px of a 200 px plot): a near-zero loss wobbling
# 0.065 → 0.077 (seen in a healthy constant-rate run) is no rise, nor is a rise beside a spike that dwarfs it.
RISE_FACTOR, RISE_SHARE = 1.5, 0.05
# Learning rates below these are small for mean-reduced gradients (usual: sgd family 0.05–0.5, adam ~1e-3).
SMALL_LR = {"adam": 2e-4}
SMALL_LR_SGD = 0.02

SYMPTOMS = ("constant_outputs", "stuck_at_chance", "loss_flat")
# Causes first, then the symptoms they explain; within a severity the list shows in this order.
ORDER = ("diverged", "exploding_gradients", "loss_rising", "dead_relu", "vanishing_gradients",
         "saturated_units", *SYMPTOMS)


@dataclass(frozen=True)
class Diagnosis:
    """One problem seen in a run, in words a learner can act on.

    ``fix`` maps :class:`RunSettings` field names to new values the GUI can
    apply with one click (None when no single change is the fix); treat it as
    read-only (being a dict, it also makes a Diagnosis unhashable).
    ``epoch`` (1-based) is when the problem was first seen; ``layer`` the
    1-based dense layer concerned, where one is. ``epochs`` is the first and
    last epoch of the stretch of the loss curve a diagnosis of the curve
    describes (0 is the first batch, before any update), so a plot can mark it.
    """

    code: str
    severity: str  # "problem" (training cannot work like this) or "warning" (it works, hampered)
    title: str
    explanation: str
    suggestion: str
    fix: dict[str, object] | None = None
    epoch: int = 0
    layer: int | None = None
    epochs: tuple[int, int] | None = None


@dataclass(frozen=True, eq=False)
class HealthSignals:
    """The numbers the rules read; per-epoch series run oldest first, per-layer tuples from the input side.

    Norms are ‖∂L/∂W‖ of each dense layer. ``saturation`` and ``dead`` have one
    share per hidden layer (empty when the activation has no such state). The
    per-epoch series become read-only arrays (an array given is not copied).
    """

    epoch: int                            # 1-based epoch the run is in
    initial_loss: float = math.nan        # the first batch's loss, before any update
    peak_loss: float = math.nan           # the largest batch loss so far
    epoch_losses: Sequence[float] = ()
    epoch_accuracies: Sequence[float] = ()
    lr_share: float = 1.0                 # learning rate now / the run's starting rate
    first_norms: tuple[float, ...] = ()   # on the first batch
    peak_norms: tuple[float, ...] = ()    # largest so far
    recent_norms: tuple[float, ...] = ()  # median over the latest epoch's batches
    saturation: tuple[float, ...] = ()
    dead: tuple[float, ...] = ()
    output_std: float = math.nan          # mean over output units of their std across the probe images
    probe_size: int = 0
    divergence: str | None = None         # the trainer's message when the loss became NaN or infinite
    # The loss plot's y extent: the lowest and highest finite batch, epoch or validation loss so far (empty: taken
    # from the first batch's, the peak and the epoch losses).
    loss_range: tuple[float, float] = ()

    def __post_init__(self) -> None:
        for name in ("epoch_losses", "epoch_accuracies"):
            series = np.asarray(getattr(self, name), dtype=float).view()  # a view: the caller's array stays writable
            series.flags.writeable = False
            object.__setattr__(self, name, series)


def _sig(value: float) -> float:
    """``value`` without float noise (0.005, not 0.005000000000000001), for a settings form."""
    return float(f"{value:.12g}")


class _Case:
    """The run a rule reasons about: its settings, network shape and head, and the fixes they suggest."""

    def __init__(self, spec: NetworkSpec, settings: RunSettings) -> None:
        self.s, self.spec = settings, spec
        self.activation, self.hidden_layers = spec.activation, len(spec.sizes) - 2
        self.n_classes = 10 if spec.is_regression else spec.sizes[-1]
        self.cross_entropy = spec.loss == "cross_entropy"

    def gentler_steps(self) -> tuple[dict[str, object], str]:
        """The change that shrinks every update: the root cause first, then the learning rate."""
        s = self.s
        if not s.scale_inputs:
            return {"scale_inputs": True}, ("Scale the inputs to 0–1: raw pixel values (up to 255, or 16 for the "
                                             "8×8 digits) make every weighted sum and every update that much larger.")
        if s.sum_gradient:
            return {"sum_gradient": False}, ("Average the gradient over the batch instead of summing it: a sum makes "
                                             f"every step batch-size times larger ({s.batch_size or 'all'} images).")
        return {"lr": _sig(s.lr / 10)}, f"Divide the learning rate by 10, from {s.lr:g} to {s.lr / 10:g}."

    def faster_learning(self) -> tuple[dict[str, object] | None, str]:
        """The change most likely to get a net that learns nothing moving."""
        s = self.s
        if s.regression:
            return {"regression": False, "head": "softmax+cross_entropy"}, (
                "Classify instead: one output predicting label/10 must put a 1 between a 0 and a 2, so the net "
                "learns to hedge between neighbouring digits. Ten outputs with softmax + cross-entropy do not.")
        if not s.scale_inputs:
            return self.gentler_steps()
        if s.lr < SMALL_LR.get(s.optimizer, SMALL_LR_SGD):
            return {"lr": _sig(s.lr * 10)}, (f"The learning rate {s.lr:g} is small for {s.optimizer}: "
                                              f"multiply it by 10, to {s.lr * 10:g}.")
        if self.activation in ("sigmoid", "tanh"):
            return {"activation": "relu", "init": "he"}, (
                "Use ReLU with He initialisation: its slope is 1 wherever it is active, so the error signal "
                "reaches every layer at full strength.")
        return None, "Try more hidden units, or check that the labels belong to the images."


def diagnose(signals: HealthSignals, spec: NetworkSpec, settings: RunSettings) -> list[Diagnosis]:
    """Every problem the signals show, most severe first.

    ``spec`` is the network's :class:`~digitpad.nn.network.NetworkSpec`;
    ``settings`` the run's, from which fixes are computed. Symptoms a cause
    explains are left out (a dead layer makes outputs constant; a divergence
    is the end of exploding gradients), and so are weaker forms of one
    symptom (a loss stuck at chance is also flat).
    """
    case = _Case(spec, settings)
    rules = (_diverged, _exploding, _rising, _dead, _vanishing, _saturated, _constant, _chance)
    found = {d.code: d for d in (rule(signals, case) for rule in rules) if d is not None}
    drop = set()
    if "diverged" in found:
        drop |= {"exploding_gradients", "loss_rising"}
    if any(d.severity == "problem" and code not in SYMPTOMS for code, d in found.items()):
        drop |= set(SYMPTOMS)
    for weaker, stronger in (("stuck_at_chance", "constant_outputs"), ("loss_flat", "constant_outputs"),
                             ("loss_flat", "stuck_at_chance")):
        if stronger in found:
            drop.add(weaker)
    # The weakest symptom, and the one rule that may read the whole run: asked only when nothing found explains it.
    if "loss_flat" not in drop and (flat := _flat(signals, case)) is not None:
        found[flat.code] = flat
    kept = [d for code, d in found.items() if code not in drop]
    return sorted(kept, key=lambda d: (d.severity != "problem", ORDER.index(d.code)))


def _diverged(s: HealthSignals, case: _Case) -> Diagnosis | None:
    if s.divergence is None:
        return None
    fix, how = case.gentler_steps()
    match = re.search(r"\(layer (\d+)\)", s.divergence)
    message = s.divergence[0].upper() + s.divergence[1:]
    return Diagnosis("diverged", "problem", "Training blew up (NaN)",
                     f"{message} Each update was so large that the weights grew until the numbers overflowed.",
                     how, fix, s.epoch, int(match.group(1)) if match else None)


def _exploding(s: HealthSignals, case: _Case) -> Diagnosis | None:
    worst = None
    for layer, (first, peak) in enumerate(zip(s.first_norms, s.peak_norms), start=1):
        growth = peak / first if first > 0 else math.inf
        exploded = (growth >= EXPLODE_GROWTH and peak >= EXPLODE_FLOOR) or peak >= EXPLODE_BOUND
        if exploded and (worst is None or peak > worst[1]):
            worst = (layer, peak, first, growth)
    if worst is None:
        return None
    layer, peak, first, growth = worst
    fix, how = case.gentler_steps()
    start = f", {growth:.3g}× its size on the first batch ({first:.3g})" if first > 0 else ""
    return Diagnosis("exploding_gradients", "problem", "Exploding gradients",
                     f"The gradient of layer {layer} reached {peak:.3g}{start}. Each update then throws the weights "
                     "far off, so the loss jumps instead of falling and units can be knocked out for good.",
                     how, fix, s.epoch, layer)


def _rising(s: HealthSignals, case: _Case) -> Diagnosis | None:
    losses, last = s.epoch_losses, len(s.epoch_losses)
    if not last or not math.isfinite(s.initial_loss):
        return None
    start = max(0, last - _window(s, case))  # the window's first epoch; the first batch's loss is epoch 0's
    earlier = losses[max(0, start - 1):last - 1]
    earlier = np.concatenate(([s.initial_loss], earlier)) if start == 0 else earlier
    lowest = int(np.argmin(earlier))
    latest, low = float(losses[-1]), float(earlier[lowest])
    if not (latest > RISE_FACTOR * low and latest - low > RISE_SHARE * _height(s)):
        return None
    first = start + lowest
    fix, how = case.gentler_steps()
    since = "on the first batch" if first == 0 else f"in epoch {first}"
    return Diagnosis("loss_rising", "problem", "The loss went up",
                     f"The training loss rose from {low:.3g} {since} to {latest:.3g} in epoch {last}. Steps that "
                     "are too large overshoot the bottom of the valley and climb its other side.",
                     how, fix, s.epoch, epochs=(first, last))


def _dead(s: HealthSignals, case: _Case) -> Diagnosis | None:
    # A leaky ReLU that never fires still passes back α times the gradient: it learns, slowly, and is no problem.
    if case.activation != "relu" or not s.dead or max(s.dead) <= DEAD_SHARE:
        return None
    share = max(s.dead)
    layer = s.dead.index(share) + 1
    whole = share >= 1.0
    explanation = (f"{share:.0%} of the ReLU units of layer {layer} output 0 for every one of the "
                   f"{s.probe_size} probe images. A ReLU that never fires has zero gradient, so it never learns again")
    explanation += (f"; with all of them dead no gradient reaches layer {layer} or below, and the output cannot "
                    "depend on the image." if whole else "; the network learns with the rest, at reduced capacity.")
    if case.s.init == "normal":
        fix, how = {"init": "he"}, ("Use He initialisation: with N(0, 0.01²) weights the signal is so small that "
                                    "a slight drift of the biases switches units off.")
    elif math.isfinite(s.peak_loss) and s.peak_loss > RISE_FACTOR * s.initial_loss:
        fix, how = case.gentler_steps()
        how = f"A step too large (the loss spiked to {s.peak_loss:.3g}) pushed these units far negative. {how}"
    else:
        fix, how = {"activation": "leaky_relu"}, ("Use leaky ReLU: its small slope below zero keeps a gradient "
                                                  "flowing, so a silent unit can come back. A lower learning rate "
                                                  "also kills fewer units.")
    return Diagnosis("dead_relu", "problem" if whole else "warning",
                     f"Layer {layer} is dead" if whole else "Dead ReLU units", explanation, how, fix, s.epoch, layer)


def _vanishing(s: HealthSignals, case: _Case) -> Diagnosis | None:
    norms = s.recent_norms
    if len(norms) < 2 or (s.dead and max(s.dead) >= 1.0) or _near_zero(s):
        return None  # a dead layer blocks the gradient itself and has its own diagnosis
    first, last, largest = norms[0], norms[-1], max(norms)
    if last > 0 and first < VANISHING_RATIO * last:
        what = (f"The gradient reaching layer 1 is {first / last:.1e} of the one at layer {len(norms)} "
                f"({first:.2g} against {last:.2g}, median over the last epoch). On the way back each layer "
                "multiplies the error by its slope and its weights, so the first layers barely change.")
    elif largest < TINY_NORM:
        what = (f"Every layer's gradient is below {TINY_NORM:g} (largest {largest:.1e}) while the loss is still "
                f"{_latest_loss(s):.3g}: the signal shrinks layer after layer on the way in, the error on the way "
                "back, and the weights hardly move.")
    else:
        return None
    if case.activation == "sigmoid" and case.hidden_layers >= 3:
        fix, how = {"activation": "relu", "init": "he"}, (
            "Use ReLU with He initialisation: a sigmoid's slope is at most 0.25, so through three or more "
            "sigmoid layers the gradient shrinks whatever the initialisation.")
    elif case.s.init == "normal":
        better = "he" if case.activation in ("relu", "leaky_relu") else "glorot"
        fix, how = {"init": better}, (f"Use {better.capitalize()} initialisation: it scales each layer's weights to "
                                      "its width so signals keep their size, where N(0, 0.01²) shrinks them.")
    else:
        fix, how = case.faster_learning()
    return Diagnosis("vanishing_gradients", "problem", "Vanishing gradients", what, how, fix, s.epoch, 1)


def _saturated(s: HealthSignals, case: _Case) -> Diagnosis | None:
    if not s.saturation or max(s.saturation) <= SATURATED_SHARE:
        return None
    share = max(s.saturation)
    layer = s.saturation.index(share) + 1
    bounds = "below 0.01 or above 0.99" if case.activation == "sigmoid" else "beyond ±0.99"
    if not case.s.scale_inputs:
        fix, how = case.gentler_steps()
    elif case.s.init == "uniform":
        fix, how = {"init": "glorot"}, ("Use Glorot initialisation: U(−1, 1) weights add up to sums far beyond "
                                        "the sigmoid's working range; Glorot scales them to the layer's width.")
    else:
        fix, how = {"activation": "relu", "init": "he"}, ("Use ReLU, which does not saturate for positive inputs, "
                                                          "or lower the learning rate so the weights grow less.")
    return Diagnosis("saturated_units", "warning", "Saturated units",
                     f"{share:.0%} of the {case.activation} outputs of layer {layer} are {bounds} on the probe "
                     f"images. There the curve is flat: its slope, and with it the gradient passed back, is nearly "
                     "0, so these units learn very slowly.", how, fix, s.epoch, layer)


def _constant(s: HealthSignals, case: _Case) -> Diagnosis | None:
    if not s.output_std < CONSTANT_STD:
        return None
    fix, how = case.faster_learning()
    same = (f" (about {1 / case.n_classes:.2g} for every class)" if case.spec.output == "softmax" else "")
    return Diagnosis("constant_outputs", "problem", "Same output for every image",
                     f"Across {s.probe_size} probe images the outputs vary by only {s.output_std:.4f} on average "
                     f"(a trained network: 0.2–0.3). The network gives every image nearly the same answer{same}: "
                     "it has learned how often each class occurs and nothing about the images.", how, fix, s.epoch)


def _chance(s: HealthSignals, case: _Case) -> Diagnosis | None:
    if len(s.epoch_losses) < CHANCE_EPOCHS:
        return None
    n, recent = case.n_classes, s.epoch_losses[-CHANCE_EPOCHS:]
    if case.cross_entropy:
        if not all(abs(loss - math.log(n)) < CHANCE_BAND * math.log(n) for loss in recent):
            return None
        what = (f"For {CHANCE_EPOCHS} epochs the loss has stayed near ln({n}) ≈ {math.log(n):.3f}, the loss of "
                f"guessing every class with equal probability (training accuracy {s.epoch_accuracies[-1]:.0%}).")
    elif all(acc < CHANCE_ACCURACY / n for acc in s.epoch_accuracies[-CHANCE_EPOCHS:]):
        what = (f"For {CHANCE_EPOCHS} epochs the training accuracy has stayed at {s.epoch_accuracies[-1]:.0%}, "
                f"about what guessing gets ({1 / n:.0%}).")
    else:
        return None
    fix, how = case.faster_learning()
    return Diagnosis("stuck_at_chance", "problem", "Stuck at chance", what, how, fix, s.epoch)


def _flat(s: HealthSignals, case: _Case) -> Diagnosis | None:
    losses, window = s.epoch_losses, _window(s, case)
    if len(losses) <= window or s.lr_share < FLAT_MIN_LR_SHARE or _near_zero(s):
        return None
    band = min(FLAT_SHARE * _height(s), FLAT_CHANGE * losses[-1])
    recent = losses[-window - 1:]
    if not recent.max() - recent.min() < band:
        return None
    # The flat stretch: back from the window's first epoch for as long as the points stay within the band.
    last, before = len(losses), len(losses) - window - 1
    highs = np.maximum.accumulate(np.append(recent.max(), losses[:before][::-1]))
    lows = np.minimum.accumulate(np.append(recent.min(), losses[:before][::-1]))
    inside = int(np.argmax(highs - lows >= band)) or len(highs)  # 1 + the epochs before the window in the band
    first = last - window - inside + 1
    low, high = f"{lows[inside - 1]:.3g}", f"{highs[inside - 1]:.3g}"
    level = f"stayed at {low}" if low == high else f"stayed between {low} and {high}"
    fix, how = case.faster_learning()
    return Diagnosis("loss_flat", "warning", "The loss has stopped falling",
                     f"From epoch {first} to {last} the training loss {level}, flat on the loss plot (it began at "
                     f"{s.initial_loss:.3g}), though the learning rate is still {s.lr_share:.0%} of its starting "
                     "value.", how, fix, s.epoch, epochs=(first, last))


def _window(s: HealthSignals, case: _Case) -> int:
    """Epochs back from the latest that a plateau or a rise is judged over: the last tenth of the run's x axis."""
    return max(FLAT_EPOCHS, math.ceil(WINDOW_SHARE * max(case.s.epochs, len(s.epoch_losses))))


def _height(s: HealthSignals) -> float:
    """The loss plot's y range: from the lowest loss plotted to the highest."""
    losses = s.epoch_losses
    low, high = s.loss_range or (min(s.initial_loss, losses.min()), max(s.initial_loss, s.peak_loss, losses.max()))
    return float(high - low)


def _latest_loss(s: HealthSignals) -> float:
    return float(s.epoch_losses[-1]) if len(s.epoch_losses) else s.initial_loss


def _near_zero(s: HealthSignals) -> bool:
    """True when the loss has come down to a small share of where it began: the net has learned."""
    return _latest_loss(s) < NEAR_ZERO * s.initial_loss
