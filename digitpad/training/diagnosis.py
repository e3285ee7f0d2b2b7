"""The training doctor's rules: health numbers in, plain-words diagnoses out.

:func:`diagnose` is a pure function from :class:`HealthSignals` to
:class:`Diagnosis` objects, so each rule can be tested on made-up numbers as
well as on real runs (:mod:`digitpad.training.doctor` gathers the numbers).

Every threshold below was set by training pathological and healthy runs on
the 8×8 digits and on MNIST (networks 32 to 256,128 units; relu, sigmoid,
tanh; sgd, momentum, adam); each comment gives the numbers it rests on.
A diagnosis's words are marked templates with their numbers as fields
(:mod:`digitpad.common.text`): ``str()`` of them is English, the window
translates them; a sentence with variants has one whole template per variant.
The two types live in :mod:`digitpad.training.health`, the remedies the
rules suggest in :mod:`digitpad.training.remedies`.
"""

from __future__ import annotations

import math
import re

import numpy as np

from digitpad.common.text import QT_TRANSLATE_NOOP
from digitpad.nn.network import NetworkSpec
from digitpad.training.health import Diagnosis, HealthSignals
from digitpad.training.remedies import Case
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
SYMPTOMS = ("constant_outputs", "stuck_at_chance", "loss_flat")
# Causes first, then the symptoms they explain; within a severity the list shows in this order.
ORDER = ("diverged", "exploding_gradients", "loss_rising", "dead_relu", "vanishing_gradients",
         "saturated_units", *SYMPTOMS)


def diagnose(signals: HealthSignals, spec: NetworkSpec, settings: RunSettings) -> list[Diagnosis]:
    """Every problem the signals show, most severe first.

    ``spec`` is the network's :class:`~digitpad.nn.network.NetworkSpec`;
    ``settings`` the run's, from which fixes are computed. Symptoms a cause
    explains are left out (a dead layer makes outputs constant; a divergence
    is the end of exploding gradients), and so are weaker forms of one
    symptom (a loss stuck at chance is also flat).
    """
    case = Case(spec, settings)
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


def _diverged(s: HealthSignals, case: Case) -> Diagnosis | None:
    if s.divergence is None:
        return None
    fix, how = case.gentler_steps()
    match = re.search(r"\(layer (\d+)\)", s.divergence)
    message = s.divergence[0].upper() + s.divergence[1:]
    what = QT_TRANSLATE_NOOP("Doctor", "{message} Each update was so large that the weights grew until the numbers "
                                       "overflowed.").fill(message=message)
    return Diagnosis("diverged", "problem", QT_TRANSLATE_NOOP("Doctor", "Training blew up (NaN)"), what,
                     how, fix, s.epoch, int(match.group(1)) if match else None)


def _exploding(s: HealthSignals, case: Case) -> Diagnosis | None:
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
    if first > 0:
        what = QT_TRANSLATE_NOOP(
            "Doctor", "The gradient of layer {layer} reached {peak:.3g}, {growth:.3g}× its size on the first batch "
                      "({first:.3g}). Each update then throws the weights far off, so the loss jumps instead of "
                      "falling and units can be knocked out for good.").fill(layer=layer, peak=peak, growth=growth,
                                                                            first=first)
    else:
        what = QT_TRANSLATE_NOOP(
            "Doctor", "The gradient of layer {layer} reached {peak:.3g}. Each update then throws the weights far off, "
                      "so the loss jumps instead of falling and units can be knocked out for good.").fill(layer=layer,
                                                                                                         peak=peak)
    return Diagnosis("exploding_gradients", "problem", QT_TRANSLATE_NOOP("Doctor", "Exploding gradients"), what,
                     how, fix, s.epoch, layer)


def _rising(s: HealthSignals, case: Case) -> Diagnosis | None:
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
    if first == 0:
        what = QT_TRANSLATE_NOOP(
            "Doctor", "The training loss rose from {low:.3g} on the first batch to {latest:.3g} in epoch {last}. "
                      "Steps that are too large overshoot the bottom of the valley and climb its other side.")
    else:
        what = QT_TRANSLATE_NOOP(
            "Doctor", "The training loss rose from {low:.3g} in epoch {first} to {latest:.3g} in epoch {last}. "
                      "Steps that are too large overshoot the bottom of the valley and climb its other side.")
    return Diagnosis("loss_rising", "problem", QT_TRANSLATE_NOOP("Doctor", "The loss went up"),
                     what.fill(low=low, first=first, latest=latest, last=last), how, fix, s.epoch,
                     epochs=(first, last))


def _dead(s: HealthSignals, case: Case) -> Diagnosis | None:
    # A leaky ReLU that never fires still passes back α times the gradient: it learns, slowly, and is no problem.
    if case.activation != "relu" or not s.dead or max(s.dead) <= DEAD_SHARE:
        return None
    share = max(s.dead)
    layer = s.dead.index(share) + 1
    whole = share >= 1.0
    if whole:
        title = QT_TRANSLATE_NOOP("Doctor", "Layer {layer} is dead").fill(layer=layer)
        what = QT_TRANSLATE_NOOP(
            "Doctor", "{share:.0%} of the ReLU units of layer {layer} output 0 for every one of the {probe} probe "
                      "images. A ReLU that never fires has zero gradient, so it never learns again; with all of "
                      "them dead no gradient reaches layer {layer} or below, and the output cannot depend on the "
                      "image.")
    else:
        title = QT_TRANSLATE_NOOP("Doctor", "Dead ReLU units")
        what = QT_TRANSLATE_NOOP(
            "Doctor", "{share:.0%} of the ReLU units of layer {layer} output 0 for every one of the {probe} probe "
                      "images. A ReLU that never fires has zero gradient, so it never learns again; the network "
                      "learns with the rest, at reduced capacity.")
    if case.s.init == "normal":
        fix, how = {"init": "he"}, QT_TRANSLATE_NOOP(
            "Doctor", "Use He initialisation: with N(0, 0.01²) weights the signal is so small that a slight drift of "
                      "the biases switches units off.")
    elif math.isfinite(s.peak_loss) and s.peak_loss > RISE_FACTOR * s.initial_loss:
        fix, gentler = case.gentler_steps()
        how = QT_TRANSLATE_NOOP("Doctor", "A step too large (the loss spiked to {peak:.3g}) pushed these units far "
                                          "negative. {remedy}").fill(peak=s.peak_loss, remedy=gentler)
    else:
        fix, how = {"activation": "leaky_relu"}, QT_TRANSLATE_NOOP(
            "Doctor", "Use leaky ReLU: its small slope below zero keeps a gradient flowing, so a silent unit can come "
                      "back. A lower learning rate also kills fewer units.")
    return Diagnosis("dead_relu", "problem" if whole else "warning", title,
                     what.fill(share=share, layer=layer, probe=s.probe_size), how, fix, s.epoch, layer)


def _vanishing(s: HealthSignals, case: Case) -> Diagnosis | None:
    norms = s.recent_norms
    if len(norms) < 2 or (s.dead and max(s.dead) >= 1.0) or _near_zero(s):
        return None  # a dead layer blocks the gradient itself and has its own diagnosis
    first, last, largest = norms[0], norms[-1], max(norms)
    if last > 0 and first < VANISHING_RATIO * last:
        what = QT_TRANSLATE_NOOP(
            "Doctor", "The gradient reaching layer 1 is {ratio:.1e} of the one at layer {layers} ({first:.2g} "
                      "against {last:.2g}, median over the last epoch). On the way back each layer multiplies the "
                      "error by its slope and its weights, so the first layers barely change.").fill(
            ratio=first / last, layers=len(norms), first=first, last=last)
    elif largest < TINY_NORM:
        what = QT_TRANSLATE_NOOP(
            "Doctor", "Every layer's gradient is below {tiny:g} (largest {largest:.1e}) while the loss is still "
                      "{loss:.3g}: the signal shrinks layer after layer on the way in, the error on the way back, "
                      "and the weights hardly move.").fill(tiny=TINY_NORM, largest=largest, loss=_latest_loss(s))
    else:
        return None
    if case.activation == "sigmoid" and case.hidden_layers >= 3:
        fix, how = {"activation": "relu", "init": "he"}, QT_TRANSLATE_NOOP(
            "Doctor", "Use ReLU with He initialisation: a sigmoid's slope is at most 0.25, so through three or more "
                      "sigmoid layers the gradient shrinks whatever the initialisation.")
    elif case.s.init == "normal":
        better = "he" if case.activation in ("relu", "leaky_relu") else "glorot"
        fix, how = {"init": better}, QT_TRANSLATE_NOOP(
            "Doctor", "Use {name} initialisation: it scales each layer's weights to its width so signals keep their "
                      "size, where N(0, 0.01²) shrinks them.").fill(name=better.capitalize())
    else:
        fix, how = case.faster_learning()
    return Diagnosis("vanishing_gradients", "problem", QT_TRANSLATE_NOOP("Doctor", "Vanishing gradients"), what,
                     how, fix, s.epoch, 1)


def _saturated(s: HealthSignals, case: Case) -> Diagnosis | None:
    if not s.saturation or max(s.saturation) <= SATURATED_SHARE:
        return None
    share = max(s.saturation)
    layer = s.saturation.index(share) + 1
    if case.activation == "sigmoid":
        what = QT_TRANSLATE_NOOP(
            "Doctor", "{share:.0%} of the sigmoid outputs of layer {layer} are below 0.01 or above 0.99 on the probe "
                      "images. There the curve is flat: its slope, and with it the gradient passed back, is nearly "
                      "0, so these units learn very slowly.")
    else:
        what = QT_TRANSLATE_NOOP(
            "Doctor", "{share:.0%} of the {activation} outputs of layer {layer} are beyond ±0.99 on the probe images. "
                      "There the curve is flat: its slope, and with it the gradient passed back, is nearly 0, so "
                      "these units learn very slowly.")
    if not case.s.scale_inputs:
        fix, how = case.gentler_steps()
    elif case.s.init == "uniform":
        fix, how = {"init": "glorot"}, QT_TRANSLATE_NOOP(
            "Doctor", "Use Glorot initialisation: U(−1, 1) weights add up to sums far beyond the sigmoid's working "
                      "range; Glorot scales them to the layer's width.")
    else:
        fix, how = {"activation": "relu", "init": "he"}, QT_TRANSLATE_NOOP(
            "Doctor", "Use ReLU, which does not saturate for positive inputs, or lower the learning rate so the "
                      "weights grow less.")
    return Diagnosis("saturated_units", "warning", QT_TRANSLATE_NOOP("Doctor", "Saturated units"),
                     what.fill(share=share, activation=case.activation, layer=layer), how, fix, s.epoch, layer)


def _constant(s: HealthSignals, case: Case) -> Diagnosis | None:
    if not s.output_std < CONSTANT_STD:
        return None
    fix, how = case.faster_learning()
    if case.spec.output == "softmax":
        what = QT_TRANSLATE_NOOP(
            "Doctor", "Across {probe} probe images the outputs vary by only {std:.4f} on average (a trained network: "
                      "0.2–0.3). The network gives every image nearly the same answer (about {share:.2g} for every "
                      "class): it has learned how often each class occurs and nothing about the images.")
    else:
        what = QT_TRANSLATE_NOOP(
            "Doctor", "Across {probe} probe images the outputs vary by only {std:.4f} on average (a trained network: "
                      "0.2–0.3). The network gives every image nearly the same answer: it has learned how often "
                      "each class occurs and nothing about the images.")
    return Diagnosis("constant_outputs", "problem", QT_TRANSLATE_NOOP("Doctor", "Same output for every image"),
                     what.fill(probe=s.probe_size, std=s.output_std, share=1 / case.n_classes), how, fix, s.epoch)


def _chance(s: HealthSignals, case: Case) -> Diagnosis | None:
    if len(s.epoch_losses) < CHANCE_EPOCHS:
        return None
    n, recent = case.n_classes, s.epoch_losses[-CHANCE_EPOCHS:]
    if case.cross_entropy:
        if not all(abs(loss - math.log(n)) < CHANCE_BAND * math.log(n) for loss in recent):
            return None
        what = QT_TRANSLATE_NOOP(
            "Doctor", "For {epochs} epochs the loss has stayed near ln({n}) ≈ {chance:.3f}, the loss of guessing "
                      "every class with equal probability (training accuracy {accuracy:.0%}).").fill(
            epochs=CHANCE_EPOCHS, n=n, chance=math.log(n), accuracy=float(s.epoch_accuracies[-1]))
    elif all(acc < CHANCE_ACCURACY / n for acc in s.epoch_accuracies[-CHANCE_EPOCHS:]):
        what = QT_TRANSLATE_NOOP(
            "Doctor", "For {epochs} epochs the training accuracy has stayed at {accuracy:.0%}, about what guessing "
                      "gets ({chance:.0%}).").fill(epochs=CHANCE_EPOCHS, accuracy=float(s.epoch_accuracies[-1]),
                                                   chance=1 / n)
    else:
        return None
    fix, how = case.faster_learning()
    return Diagnosis("stuck_at_chance", "problem", QT_TRANSLATE_NOOP("Doctor", "Stuck at chance"), what, how, fix,
                     s.epoch)


def _flat(s: HealthSignals, case: Case) -> Diagnosis | None:
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
    low, high = float(lows[inside - 1]), float(highs[inside - 1])
    if f"{low:.3g}" == f"{high:.3g}":  # one level as the loss's 3 digits show it
        what = QT_TRANSLATE_NOOP(
            "Doctor", "From epoch {first} to {last} the training loss stayed at {low:.3g}, flat on the loss plot (it "
                      "began at {start:.3g}), though the learning rate is still {share:.0%} of its starting value.")
    else:
        what = QT_TRANSLATE_NOOP(
            "Doctor", "From epoch {first} to {last} the training loss stayed between {low:.3g} and {high:.3g}, flat "
                      "on the loss plot (it began at {start:.3g}), though the learning rate is still {share:.0%} of "
                      "its starting value.")
    fix, how = case.faster_learning()
    return Diagnosis("loss_flat", "warning", QT_TRANSLATE_NOOP("Doctor", "The loss has stopped falling"),
                     what.fill(first=first, last=last, low=low, high=high, start=s.initial_loss, share=s.lr_share),
                     how, fix, s.epoch, epochs=(first, last))


def _window(s: HealthSignals, case: Case) -> int:
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
