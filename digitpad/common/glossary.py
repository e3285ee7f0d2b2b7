"""The words digitpad uses, one per idea, in every view: the Train tab, the lab, the doctor, Look inside, Help.

:data:`TERMS` explains each word (Help ▸ How to use digitpad lists them);
:data:`NOT_USED` maps the synonyms learners meet elsewhere to the word used
here, and a test reads every text the window can show for them. "Row" stays
for a row of a table or a matrix (the confusion matrix); the examples a
network learns from are "images".
"""

from __future__ import annotations

TERMS: dict[str, str] = {
    "image": "One example to learn from or to classify: 28×28 (MNIST) or 8×8 pixels and its label.",
    "epoch": "One pass over every training image.",
    "mini-batch": "The images one step of gradient descent looks at; the batch size is how many. "
                  "A full batch is every training image in one step.",
    "step": "One update of the weights, after one mini-batch.",
    "learning rate": "How far one step moves the weights along the gradient.",
    "optimizer": "The rule that turns gradients into steps: SGD, SGD + momentum, Adam.",
    "initialiser": "How the weights are drawn before training (He, Glorot, normal, uniform); "
                   "drawing them is the initialisation.",
    "unit": "One output of a hidden layer: a weighted sum of its inputs through the activation.",
    "activation": "The function a hidden unit applies to its sum: ReLU, sigmoid, tanh.",
    "loss": "How wrong the network is on the images it was shown; training lowers it.",
    "validation": "Images held out of training to measure the network on images it has not learned.",
    "gradient": "∂L/∂W, how the loss changes with each weight; backpropagation computes it.",
}

NOT_USED: dict[str, str] = {
    "rows": "images", "samples": "images", "sample": "image",
    "iterations": "epochs or steps", "iteration": "epoch or step",
    "minibatch": "mini-batch", "minibatches": "mini-batches",
    "neuron": "unit", "neurons": "units",
    "optimiser": "optimizer", "optimisation": "optimizer", "optimization": "optimizer",
    "initializer": "initialiser", "initialization": "initialisation",
}
