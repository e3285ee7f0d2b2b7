"""Training: settings, the one run builder, the trainer loop, recipes, unit health, the doctor; no Qt."""
