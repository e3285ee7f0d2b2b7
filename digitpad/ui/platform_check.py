"""Before Qt starts on Linux: is there a display, and can Qt's X11 (xcb) plugin load?

When the xcb plugin cannot load its libraries, Qt prints a page about
plugins and aborts the process; PySide6 ≥ 6.5 needs ``libxcb-cursor0``,
which many minimal systems lack. :func:`platform_problem` looks first and
returns one line naming the missing Debian/Ubuntu packages and the apt
command, or saying there is no display at all. It imports nothing of Qt, so
it can run before PySide6 is loaded.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

# The system libraries an X11 window of PySide6 6.11 (what pyproject.toml allows) loads: the
# ELF NEEDED entries of plugins/platforms/libqxcb.so and of the Qt libraries it brings (XcbQpa,
# Gui, DBus), Qt's own and the C/C++ runtime left out; each with the Debian/Ubuntu package holding it.
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libz.so.1": "zlib1g",
}


def can_load(soname: str) -> bool:
    """Whether the dynamic linker finds ``soname`` as it will for Qt (the same search path, the same name)."""
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_packages(loads: Callable[[str], bool] = can_load) -> list[str]:
    """The packages of the X11 window's libraries that ``loads`` cannot load, each once, in the table's order."""
    return list(dict.fromkeys(package for soname, package in XCB_LIBRARIES.items() if not loads(soname)))


def platform_problem(env: Mapping[str, str] | None = None, system: str = sys.platform,
                     loads: Callable[[str], bool] = can_load) -> str | None:
    """One line saying why the window cannot open here, or None when Qt may go ahead.

    Only Linux with Qt's X11 plugin is checked: ``QT_QPA_PLATFORM`` unset
    or naming xcb first. Unset, Qt tries Wayland first in a Wayland session
    (and on a Wayland-only setup), so the xcb libraries are not needed there.
    """
    env = os.environ if env is None else env
    if not system.startswith("linux"):
        return None
    chosen = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0]
    display, wayland = env.get("DISPLAY"), env.get("WAYLAND_DISPLAY")
    if chosen and chosen != "xcb":
        return None  # offscreen, wayland, vnc …: the user chose; Qt reports its own problems
    if not chosen and wayland and (not display or env.get("XDG_SESSION_TYPE") == "wayland"):
        return None
    if not display:
        what = "DISPLAY is not set" if chosen else "neither DISPLAY nor WAYLAND_DISPLAY is set"
        return (f"digitpad: no display to open the window on ({what}); start it in a desktop session, "
                "use a command such as `digitpad train` (see `digitpad --help`), "
                "or set QT_QPA_PLATFORM=offscreen to run without a screen (as the tests do)")
    missing = missing_packages(loads)
    if not missing:
        return None
    needs = missing[0] + (f" (and {', '.join(missing[1:])})" if missing[1:] else "")
    return (f"digitpad: the window needs {needs}, missing on this system; install with: "
            f"sudo apt install {' '.join(missing)}")
