"""A worker process for heavy views on a CPU server, so that they render beside the server instead of under its lock.

Python runs one thread of a process at a time. A server process is therefore held to about one core however many
it has, and a view's thousands of small torch operations each wait for Python's lock to come back from the threads
answering everyone else. The classroom benchmark showed it: with 40 students the NeRF tab's flown views took 13 s at
the 95th percentile while a core stood half idle. `run(fn, ...)` calls `fn` in a worker process instead, where it
renders alone at full speed, on a core of its own.

The worker is off until `enable()` (the server's `main` turns it on): tests, notebooks and `python -m` tools call
the function in the calling thread, exactly as before. It starts with the first call (a few seconds, once: it imports
what `fn` needs), not with the server, so start-up stays as fast and small. If it cannot be used (it died, or `fn`
or its results cannot travel between processes), the call runs in the calling thread and the next call starts a
fresh worker. On a ZeroGPU Space (`SPACES_ZERO_GPU`) heavy handlers already run in GPU processes, so it stays off;
`GALLERY_WORKER=0` keeps it off anywhere.

`fn` must be a module-level function; its arguments and results are pickled (the server's own values, never a
user's file: handlers validate and pass plain numbers and strings).
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
import pickle
import threading
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

Result = TypeVar("Result")

WORKERS = 1  # one process beside the server: on the 2-core Spaces and laptops the server holds the other core
_lock = threading.Lock()
_enabled = False
_pool: concurrent.futures.ProcessPoolExecutor | None = None


def _start_worker() -> None:
    """Runs in the worker as it starts: one intra-op thread (the server's process keeps the other core busy), and the
    memory its views free handed back to the system, as the server's is (`core.memory`)."""
    import torch

    from core.memory import start_trimming

    torch.set_num_threads(1)
    start_trimming()


def enable(on: bool = True) -> bool:
    """Turns the worker on (or off, stopping it); returns whether it is on. It stays off on a ZeroGPU Space and where
    `GALLERY_WORKER=0` asks for one process only (the worker holds about 450 MB once it has rendered a view)."""
    global _enabled, _pool
    with _lock:
        _enabled = on and not os.environ.get("SPACES_ZERO_GPU") and os.environ.get("GALLERY_WORKER", "1").strip() != "0"
        if not _enabled and _pool is not None:
            _pool.shutdown(wait=False, cancel_futures=True)
            _pool = None
        return _enabled


def enabled() -> bool:
    return _enabled


def _worker_pool() -> concurrent.futures.ProcessPoolExecutor:
    global _pool
    with _lock:
        if _pool is None:
            _pool = concurrent.futures.ProcessPoolExecutor(
                max_workers=WORKERS, mp_context=multiprocessing.get_context("spawn"), initializer=_start_worker
            )
        return _pool


def _discard(pool: concurrent.futures.ProcessPoolExecutor) -> None:
    global _pool
    with _lock:
        if _pool is pool:
            _pool = None
    pool.shutdown(wait=False, cancel_futures=True)


def run(fn: Callable[..., Result], /, *args: Any, **kwargs: Any) -> Result:
    """Returns `fn(*args, **kwargs)`, computed in the worker process when it is on, else in this thread.

    An exception `fn` raises in the worker is raised here (rebuilt from its arguments: a `gr.Error` keeps its message)."""
    if not _enabled:
        return fn(*args, **kwargs)
    pool = _worker_pool()
    try:
        return pool.submit(fn, *args, **kwargs).result()
    except BrokenProcessPool:  # the worker died (killed, out of memory): this call runs here, the next starts a new one
        _discard(pool)
    except (pickle.PicklingError, AttributeError, TypeError) as err:
        if not _travel_error(err):
            raise
    return fn(*args, **kwargs)


def _travel_error(err: BaseException) -> bool:
    """Returns True if `err` says a value could not be sent to or from the worker (not an error of the function itself)."""
    text = str(err)
    return isinstance(err, pickle.PicklingError) or "pickle" in text or "Can't get attribute" in text
