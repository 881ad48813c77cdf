"""Freed memory goes back to the system (`core.memory`), so a server's resident size falls after a class leaves."""

from __future__ import annotations

import gc
import subprocess
import sys
import textwrap
import time
import weakref

import numpy as np
import psutil
import pytest

from core import memory
from core.memory import limit_arenas, start_trimming, trim_heap


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="malloc_trim is glibc's")
def test_trimming_gives_freed_small_blocks_back():
    """20,000 arrays of 8 KB (160 MB, each under glibc's mmap threshold, so on the heap) freed: a trim returns most of it."""
    process = psutil.Process()
    trim_heap()
    blocks = [np.ones(1024) for _ in range(20_000)]
    held = process.memory_info().rss
    del blocks
    trim_heap()
    assert held - process.memory_info().rss > 80e6


def test_the_trimming_thread_is_a_daemon():
    thread = start_trimming(every=3600)
    assert thread.is_alive() and thread.daemon


ARENAS_PROBE = textwrap.dedent(
    """
    import ctypes, sys, tempfile, threading
    import numpy as np
    from core.memory import limit_arenas
    if sys.argv[1] != "default":
        assert limit_arenas(int(sys.argv[1]))
    start, done = threading.Barrier(5), threading.Barrier(5)
    def work():
        start.wait()
        blocks = [np.ones(1024) for _ in range(2000)]  # 8 KB each: on a heap, not mmapped
        done.wait()
    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads: t.start()
    start.wait(); done.wait()
    libc = ctypes.CDLL(None)
    libc.fopen.restype = ctypes.c_void_p
    path = tempfile.mktemp()
    stream = libc.fopen(path.encode(), b"w")
    libc.malloc_info(0, ctypes.c_void_p(stream))
    libc.fclose(ctypes.c_void_p(stream))
    print(open(path).read().count("<heap nr="))
    """
)


def _heaps(setting: str) -> int:
    out = subprocess.run([sys.executable, "-c", ARENAS_PROBE, setting], capture_output=True, text=True, timeout=60, check=True)
    return int(out.stdout.strip())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="arenas are glibc's")
def test_limiting_arenas_keeps_every_thread_on_the_allowed_heaps():
    """Four threads allocating at once get heaps of their own by default; limited, they share the main heap and one more."""
    assert _heaps("default") >= 3
    assert _heaps("2") == 2
    assert _heaps("1") == 1


def test_a_limit_below_one_heap_is_refused():
    with pytest.raises(ValueError):
        limit_arenas(0)


class _Cycle:
    def __init__(self):
        self.me = self


def test_a_freed_reference_cycle_is_collected_soon_after_the_last_of_many_calls():
    """A class leaving frees forty sessions within seconds: their runs' cycles go in one collection after the last."""
    collections: list[float] = []
    collector = memory._Debounced(lambda: (collections.append(time.monotonic()), memory.collect_and_trim()), 0.3)
    gc.disable()  # the collector would not run on its own in an idle server either
    try:
        cycle = _Cycle()
        alive = weakref.ref(cycle)
        del cycle
        assert alive() is not None  # only the cycle collector frees it
        start = time.monotonic()
        for _ in range(5):
            collector.soon()
            time.sleep(0.1)
        deadline = time.monotonic() + 5
        while alive() is not None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert alive() is None
        time.sleep(0.5)
        assert len(collections) == 1 and collections[0] - start >= 0.4 + 0.3 - 0.05
    finally:
        gc.enable()
