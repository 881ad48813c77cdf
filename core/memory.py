"""Giving freed memory back to the system, so a server's resident size falls again after a class leaves.

When a student closes the tab, the run's models, optimisers and pictures are freed, but glibc's allocator
keeps the freed pages in the process for later and the server's resident memory stays near its peak.
`malloc_trim(0)` hands them back.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import threading
from functools import lru_cache

TRIM_EVERY_SECONDS = 15.0


@lru_cache(maxsize=1)
def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name) if name else None
    except OSError:
        return None
    return libc if libc is not None and hasattr(libc, "malloc_trim") else None


def trim_heap() -> bool:
    """Returns True if glibc released free heap memory to the system, False if there was none to release or no glibc."""
    libc = _libc()
    return bool(libc.malloc_trim(0)) if libc is not None else False


def start_trimming(every: float = TRIM_EVERY_SECONDS) -> threading.Thread:
    """Starts (and returns) a daemon thread that calls `trim_heap` every `every` seconds while the process lives."""

    def loop() -> None:
        while True:
            threading.Event().wait(every)
            trim_heap()

    thread = threading.Thread(target=loop, daemon=True, name="trim-heap")
    thread.start()
    return thread
