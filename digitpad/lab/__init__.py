"""The learning lab: pitfalls that reproduce classic training failures, each with a toggle per cause.

``pitfalls`` holds the configurations and their toggles, ``mistakes`` the only
deliberately wrong code in digitpad, ``runner`` trains a configuration and
measures its failure signature. No Qt here; ``digitpad.ui.widgets.lab_panel`` is the GUI.
"""
