"""The words digitpad uses, one per idea, in every view: the Train tab, the lab, the doctor, Look inside, Help.

:data:`TERMS` explains each word (Help ▸ How to use digitpad lists them);
:data:`NOT_USED` maps the synonyms learners meet elsewhere to the word used
here, and a test reads every text the window can show for them. "Row" stays
for a row of a table or a matrix (the confusion matrix); the examples a
network learns from are "images".
"""

from __future__ import annotations

from digitpad.common.text import QT_TRANSLATE_NOOP

TERMS: dict[str, str] = {
    QT_TRANSLATE_NOOP("Glossary", "image"): QT_TRANSLATE_NOOP(
        "Glossary", "One example to learn from or to classify: 28×28 (MNIST) or 8×8 pixels and its label."),
    QT_TRANSLATE_NOOP("Glossary", "epoch"): QT_TRANSLATE_NOOP("Glossary", "One pass over every training image."),
    QT_TRANSLATE_NOOP("Glossary", "mini-batch"): QT_TRANSLATE_NOOP(
        "Glossary", "The images one step of gradient descent looks at; the batch size is how many. A full batch is "
                    "every training image in one step."),
    QT_TRANSLATE_NOOP("Glossary", "step"): QT_TRANSLATE_NOOP(
        "Glossary", "One update of the weights, after one mini-batch."),
    QT_TRANSLATE_NOOP("Glossary", "learning rate"): QT_TRANSLATE_NOOP(
        "Glossary", "How far one step moves the weights along the gradient."),
    QT_TRANSLATE_NOOP("Glossary", "optimizer"): QT_TRANSLATE_NOOP(
        "Glossary", "The rule that turns gradients into steps: SGD, SGD + momentum, Adam."),
    QT_TRANSLATE_NOOP("Glossary", "initialiser"): QT_TRANSLATE_NOOP(
        "Glossary", "How the weights are drawn before training (He, Glorot, normal, uniform); drawing them is the "
                    "initialisation."),
    QT_TRANSLATE_NOOP("Glossary", "unit"): QT_TRANSLATE_NOOP(
        "Glossary", "One output of a hidden layer: a weighted sum of its inputs through the activation."),
    QT_TRANSLATE_NOOP("Glossary", "activation"): QT_TRANSLATE_NOOP(
        "Glossary", "The function a hidden unit applies to its sum: ReLU, sigmoid, tanh."),
    QT_TRANSLATE_NOOP("Glossary", "loss"): QT_TRANSLATE_NOOP(
        "Glossary", "How wrong the network is on the images it was shown; training lowers it."),
    QT_TRANSLATE_NOOP("Glossary", "validation"): QT_TRANSLATE_NOOP(
        "Glossary", "Images held out of training to measure the network on images it has not learned."),
    QT_TRANSLATE_NOOP("Glossary", "gradient"): QT_TRANSLATE_NOOP(
        "Glossary", "∂L/∂W, how the loss changes with each weight; backpropagation computes it."),
}

NOT_USED: dict[str, str] = {
    "rows": "images", "samples": "images", "sample": "image",
    "iterations": "epochs or steps", "iteration": "epoch or step",
    "minibatch": "mini-batch", "minibatches": "mini-batches",
    "neuron": "unit", "neurons": "units",
    "optimiser": "optimizer", "optimisation": "optimizer", "optimization": "optimizer",
    "initializer": "initialiser", "initialization": "initialisation",
}
