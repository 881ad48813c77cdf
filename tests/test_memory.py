"""Freed memory goes back to the system (`core.memory`), so a server's resident size falls after a class leaves."""

from __future__ import annotations

import sys

import numpy as np
import psutil
import pytest

from core.memory import start_trimming, trim_heap


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
