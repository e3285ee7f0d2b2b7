"""The learning lab: presets that reproduce classic training failures, each with a toggle per cause.

``presets`` holds the configurations and their toggles, ``mistakes`` the only
deliberately wrong code in digitpad, ``runner`` trains a configuration and
measures its failure signature. No Qt here; ``digitpad.ui.lab_panel`` is the GUI.
"""
