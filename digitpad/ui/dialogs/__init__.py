"""Dialogs: getting a missing dataset, and the model's details."""
