"""The Model bundle (a network with its preprocessing, classes, settings and history) and its file format."""
