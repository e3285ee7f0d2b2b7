"""The neural network engine: layers, losses, initialisers, optimizers, the MLP, gradients and gradcheck.

Plain NumPy, written to be read next to a textbook: every forward sits right
above its backward. Knows nothing of datasets, files or Qt.
"""
