"""Everything that runs off the GUI thread: one Job type with one registry, training, the session."""
