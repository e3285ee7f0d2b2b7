"""The files digitpad ships: the default model, the 8×8 digits and the app icon.

They live at the repository's top level in ``assets/`` and are installed as the
package ``digitpad.assets`` (``package-dir`` in pyproject.toml). This file makes
it a regular package: an editable install cannot import a mapped directory
without one, and ``importlib.resources.files("digitpad.assets")`` needs the
import to work. Read the files through that call, never through a path.
"""
