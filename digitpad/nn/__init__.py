"""The neural network engine: layers, losses, optimizers, network, model files.

Plain NumPy, written to be read next to a textbook: every forward sits right
above its backward.
"""
