"""Giving freed memory back to the system, so a server's resident size falls again after a class leaves.

When a student closes the tab, the run's models, optimisers and pictures are freed, but glibc's allocator
keeps the freed pages in the process for later and the server's resident memory stays near its peak.
`malloc_trim(0)` hands them back.

glibc also gives threads heaps of their own ("arenas", up to eight per core) so that they do not wait for each
other's allocations; a server's many worker threads then each keep a heap of freed pages that no trim empties
fully. In a GIL-bound server the threads gain nothing from them: `limit_arenas(2)` measured, with 12 students
and 80 s after they left, 588 MB idle and 632 MB after (glibc's default: 629 and 730 MB).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import threading
from functools import lru_cache

TRIM_EVERY_SECONDS = 15.0
COLLECT_DELAY_SECONDS = 2.0  # a class leaving frees its sessions within seconds: one collection after the last
SERVER_ARENAS = 2
_M_ARENA_MAX = -8  # mallopt's parameter number (malloc.h)


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


def limit_arenas(count: int = SERVER_ARENAS) -> bool:
    """Returns True once glibc will create at most `count` heaps for this process's threads (False without glibc).

    Call it before the threads start: heaps already created stay."""
    if count < 1:
        raise ValueError(f"count must be >= 1, got {count}")
    libc = _libc()
    return bool(libc.mallopt(_M_ARENA_MAX, count)) if libc is not None and hasattr(libc, "mallopt") else False


def start_trimming(every: float = TRIM_EVERY_SECONDS) -> threading.Thread:
    """Starts (and returns) a daemon thread that calls `trim_heap` every `every` seconds while the process lives."""

    def loop() -> None:
        while True:
            threading.Event().wait(every)
            trim_heap()

    thread = threading.Thread(target=loop, daemon=True, name="trim-heap")
    thread.start()
    return thread


class _Debounced:
    """Runs `action` once, `delay` seconds after the last of any number of `soon()` calls."""

    def __init__(self, action, delay: float):
        self.action, self.delay = action, delay
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()

    def soon(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(self.delay, self.action)
            self._timer.daemon = True
            self._timer.start()


def collect_and_trim() -> None:
    """Frees Python's unreachable reference cycles, then hands free heap memory back to the system."""
    gc.collect()
    trim_heap()


_COLLECTOR = _Debounced(collect_and_trim, COLLECT_DELAY_SECONDS)


def collect_soon() -> None:
    """Schedules `collect_and_trim` for `COLLECT_DELAY_SECONDS` after the last call; returns at once.

    A freed session's run (its model, optimisers, trainer and recorded frames) holds reference cycles, which only
    Python's cycle collector frees, and the collector runs when many new objects are made: after a class has left, an
    idle server makes none, and the runs stayed in memory."""
    _COLLECTOR.soon()
