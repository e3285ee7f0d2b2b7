"""Help ▸ How to use digitpad: the main steps, what each view shows, the words it uses, and every shortcut.

The shortcuts are read from the menus' own table (:data:`digitpad.ui.actions.MENUS`),
so the page lists the keys the window really has.
"""

from __future__ import annotations

import html

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from digitpad.common.glossary import TERMS
from digitpad.ui.actions import MENUS, key_sequences
from digitpad.ui.base.i18n import render, translate


def steps_html() -> str:
    """The main steps, one translated paragraph each."""
    steps = (
        translate("HelpDialog", "<b>Draw</b> on the black canvas with the left mouse button; the right button (or "
                                "Eraser) erases. Undo takes back a stroke, Clear empties the canvas."),
        translate("HelpDialog", "<b>Read the prediction</b> beside it: one bar per class with the probability the "
                                "network gives it, the top class large. <i>What the model sees</i> is your drawing "
                                "after the same preprocessing as the training images. <i>Show saliency</i> colours "
                                "the drawing: red where more ink raises the top class, blue where it lowers it."),
        translate("HelpDialog", "<b>Train</b> a network in the <i>Train</i> tab: pick a preset or set the data, the "
                                "network and the optimizer, then press Train. The loss and accuracy curves below grow "
                                "as it learns; the prediction follows the new weights after every epoch."),
        translate("HelpDialog", "<b>Watch it learn</b> in the tabs beside the plots: the <i>Doctor</i> explains "
                                "problems it sees (a flat loss, dead units, exploding gradients) and can put its fix "
                                "into the form; <i>Gradients</i> shows each layer's gradient size; <i>Runs</i> keeps "
                                "every run of the session to overlay on the plots."),
        translate("HelpDialog", "<b>See the network think</b> in the <i>Network</i> tab: every layer for your drawing "
                                "(the input as the network receives it, each hidden unit as a coloured cell, the "
                                "probabilities), following the drawing and every epoch. Point at a unit to see its "
                                "numbers, its weights and the test images it responds to most; click to keep it in "
                                "the panel; <b>Ctrl+click</b> switches it off (or on again), and its gain scales it: "
                                "the bars and the test accuracy follow, and the model is marked <i>edited</i> until "
                                "Reset edits. Green and red frames mark the units that pushed the predicted class up "
                                "and down the most. <i>Wide</i> (Ctrl+E) gives these tabs the whole width; there a "
                                "plot beside the unit shows your drawing's probabilities after each epoch of the last "
                                "run."),
        translate("HelpDialog", "<b>See it learn</b> in the <i>Backprop</i> tab: pick the true label (keys 0–9), read "
                                "the loss and each layer's error signal δ, click a unit and then one in the next "
                                "column to see that weight's gradient written out with its numbers and checked by "
                                "finite differences, and take one step of gradient descent on your drawing alone "
                                "(Undo step takes it back)."),
        translate("HelpDialog", "<b>Teach it your handwriting</b>: when it misreads your drawing, click the right "
                                "digit in the <i>Correct it</i> row under the bars (or press <b>Ctrl+0 … Ctrl+9</b>): "
                                "the drawing is kept in <i>My digits</i> (Draw ▸ My digits, Ctrl+D), where you can "
                                "browse, delete, relabel, import and export them. <i>Look-alikes</i> shows the "
                                "training images nearest to your drawing as the network sees it, to explain a "
                                "misread. Model ▸ Teach it my digits (Ctrl+T) fine-tunes the model on MNIST mixed "
                                "with your digits and shows the honest before/after: your held-out digits (never "
                                "trained on) and MNIST's test set, to see what it forgot."),
        translate("HelpDialog", "<b>Learn from mistakes</b> in the <i>Lab</i> tab (or the Lab menu): classic failing "
                                "set-ups, each with a story and the bugs and fixes to tick one at a time."),
        translate("HelpDialog", "<b>Look inside</b> a trained model (Model menu): the confusion matrix, the test "
                                "images it gets wrong (double-click one to see it large and draw it on the canvas), "
                                "the first layer's weights, the hidden units' activations and a gradient check of "
                                "backpropagation."),
        translate("HelpDialog", "<b>Keep a model</b> with File ▸ Save (a .npz file) and open it again later; Model ▸ "
                                "Model details lists its settings and history. Nothing is lost in a crash: a run "
                                "saves its epochs as it goes, and the next start offers to recover its model or "
                                "resume training exactly where it stopped (<code>digitpad recover</code> lists them "
                                "too)."),
    )
    title, items = translate("HelpDialog", "How to use digitpad"), "".join(f"<li>{step}</li>" for step in steps)
    return f"<h3>{title}</h3><ol>{items}</ol>"


def glossary_html() -> str:
    """The words digitpad uses (:data:`~digitpad.common.glossary.TERMS`), each with what it means here."""
    rows = "".join(f"<tr><td><b>{html.escape(render(term))}</b></td><td>{html.escape(render(meaning))}</td></tr>"
                   for term, meaning in TERMS.items())
    title = translate("HelpDialog", "Words used here")
    return f"<h4>{title}</h4><table cellspacing=4>{rows}</table>"


def shortcuts_html() -> str:
    """A table of every menu entry that has a shortcut, as the menus define them."""
    rows = []
    for menu, specs in MENUS.items():
        for spec in specs:
            sequences = key_sequences(spec.shortcut)
            if isinstance(spec.shortcut, QKeySequence.StandardKey):
                sequences = sequences[:1]  # the platform's usual key, as the menu shows it, not media keys
            keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in sequences)
            if keys:
                where = f"{render(menu).replace('&', '')} ▸ {render(spec.text).replace('&', '')}"
                rows.append(f"<tr><td>{html.escape(where)}</td><td><b>{html.escape(keys)}</b></td></tr>")
    title = translate("HelpDialog", "Shortcuts")
    return f"<h4>{title}</h4><table cellspacing=4>{''.join(rows)}</table>"


class HelpDialog(QDialog):
    """The How to use page: steps, views, the words used, shortcuts. Non-modal, so it can stay open beside the window."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(translate("HelpDialog", "How to use digitpad"))
        self.setModal(False)
        self.resize(620, 640)
        self.text = QTextBrowser(objectName="helpText")
        self.text.setHtml(steps_html() + glossary_html() + shortcuts_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
