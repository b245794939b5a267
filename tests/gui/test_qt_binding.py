"""Guards against known faults in the Qt binding that would crash a long-running kiosk."""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    changed = Signal(int)


def test_emitting_signals_does_not_lose_references_to_true() -> None:
    """PySide6 6.12.0 dropped a reference to True on every emit; after a few thousand
    emits (an afternoon on the staffroom kiosk) the interpreter aborts."""
    emitter = _Emitter()
    gc.collect()
    before = sys.getrefcount(True)
    for value in range(200):
        emitter.changed.emit(value)
    gc.collect()
    assert sys.getrefcount(True) - before > -50
