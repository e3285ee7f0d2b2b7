"""Qt widgets and the main window: drawing, prediction display, training controls and plots."""
