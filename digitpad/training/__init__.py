"""The training loop, its settings and evaluation; plain Python, no Qt."""
