"""Guard against the PySide6 6.12.0 reference-count bug.

PySide6 6.12.0 drops a reference on every ``Signal.emit()`` and every QtTest
mouse call; after a few hundred of them Python 3.11 aborts with "Fatal Python
error: bool_dealloc" (or none_dealloc) as a shared singleton's count reaches
zero. The app emits signals constantly (training progress, drawing), so the
dependency pin ``PySide6-Essentials<6.12`` keeps that release out. If the pin
is loosened onto a broken release, this test crashes the test run instead of
the user's session.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

EMISSIONS = 100_000
OBJECT_EMISSIONS = 10_000
CLICKS = 2_000


class Emitter(QObject):
    ping = Signal(int)
    carry = Signal(object)


class ClickCounter(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.presses = self.releases = 0

    def mousePressEvent(self, event) -> None:
        self.presses += 1

    def mouseReleaseEvent(self, event) -> None:
        self.releases += 1


class Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.carried = []

    def on_carry(self, item) -> None:
        self.carried.append(item)


def test_many_signal_emissions_keep_python_alive():
    emitter, receiver, seen = Emitter(), Receiver(), []

    def on_ping(value: int) -> None:
        seen.append(value)

    emitter.ping.connect(on_ping)
    emitter.carry.connect(receiver.on_carry)
    counts_before = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    for i in range(EMISSIONS):
        emitter.ping.emit(i)
    payload = {"losses": [0.5, 0.25], "done": True}
    for _ in range(OBJECT_EMISSIONS):
        emitter.carry.emit(payload)
    assert len(seen) == EMISSIONS and seen[-1] == EMISSIONS - 1
    assert len(receiver.carried) == OBJECT_EMISSIONS and all(item is payload for item in receiver.carried)
    # Immortal-free Python 3.11: a leak of these singletons' references shows up directly.
    assert (sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)) >= tuple(
        count - 1000 for count in counts_before)


def test_many_qtest_mouse_clicks_keep_python_alive(qtbot):
    widget = ClickCounter()
    qtbot.addWidget(widget)
    widget.resize(40, 40)
    for _ in range(CLICKS):
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    assert widget.presses == widget.releases == CLICKS
