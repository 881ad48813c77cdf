"""Live training on a shared server: one intra-op thread per run, and turns on the CPU taken in order.

PyTorch starts as many intra-op threads as there are cores. The gallery's live runs train small MLPs
whose matrices are too small to gain from a second thread, and on a 2-core server with another run (or
anything else) on the other core the two threads wait on each other at every operation.

A class of forty students who all press Play at once would otherwise start forty threads that fight
over two cores (and over Python's GIL) for as long as their runs last, first come first served where
a concurrency limit queues them, while the sliders of everyone else wait behind them. `FairShare`
hands out turns instead: a run trains for a slice of time and draws its frame inside its turn, then
queues again behind every other live run (round robin), so every run moves at the same pace, a new
run's first frame comes after at most the turn in progress, and the cores left over answer sliders.
"""

from __future__ import annotations

import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar, cast

import torch

Update = TypeVar("Update")
_END = object()  # what `next` returns once a wrapped generator is exhausted

CYCLE_SECONDS = 2.0  # with many live runs, each one's turn comes back about this often (a frame every ~2 s)...
MIN_SLICE_SECONDS = 0.05  # ...but a turn never trains for less than this (fewer steps per frame drawn)
WAIT_POLL_SECONDS = 0.1  # a run waiting for its turn checks this often whether it was stopped
QUICK_WAIT_SECONDS = 0.3  # a turn that comes while quick requests (sliders) are answered waits at most this long for them


@contextmanager
def one_thread() -> Iterator[None]:
    """Runs the block with one intra-op torch thread in the calling thread, then restores the setting.

    Measured on two cores with one kept busy: the 2D diffusion playground trained 4 times as fast on one
    thread as on two (332 against 85 steps a second), and 23 times as fast with a live view of 2,500
    samples a second (137 against 6); a GAN Lab generator step took 6 ms against 209 ms.
    """
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def training_slots(cpus: int | None = None) -> int:
    """Returns how many live runs may train at the same moment: one core is kept for everything else, at most 4.

    `GALLERY_TRAINING_SLOTS` overrides it. On the 2-core Spaces and laptops this is 1."""
    setting = os.environ.get("GALLERY_TRAINING_SLOTS", "")
    if setting.strip().isdigit() and int(setting) > 0:
        return int(setting)
    cpus = cpus if cpus is not None else (os.cpu_count() or 1)
    return max(1, min(4, cpus - 1))


class FairShare:
    """Turns on the CPU for live runs: `slots` at a time, in the order they asked, a new run's first turn ahead.

    `share(updates)` wraps a live view's generator: each of its items (the steps between two frames and
    the frame itself) is computed inside a turn, on one intra-op thread. `slice_seconds(most)` is how
    long a turn should train, so that with many runs each one's turn still comes back within about
    `cycle_seconds`.
    """

    def __init__(
        self,
        slots: int = 1,
        *,
        cycle_seconds: float = CYCLE_SECONDS,
        min_slice: float = MIN_SLICE_SECONDS,
        quick_wait: float = QUICK_WAIT_SECONDS,
    ):
        if slots < 1:
            raise ValueError(f"slots must be >= 1, got {slots}")
        self.slots = slots
        self.cycle_seconds = cycle_seconds
        self.min_slice = min_slice
        self.quick_wait = quick_wait
        self._quick = 0  # quick requests being answered now
        self._lock = threading.Condition()
        self._queue: deque[object] = deque()  # tickets waiting for a turn, first-turn tickets ahead of the others
        self._firsts = 0  # how many tickets at the front of the queue are first turns
        self._busy = 0  # turns in progress
        self._live = 0  # runs inside `share`, taking turns or between two
        self._held = threading.local()  # `depth` 1 in a thread while it holds a turn
        # the quick requests the running code is part of (a handler's thread inherits its request's context): a turn
        # taken inside a quick request (a view it renders) does not wait for that request to finish
        self._own_quick: ContextVar[int] = ContextVar(f"own_quick_{id(self)}", default=0)

    def live(self) -> int:
        """Returns how many runs are taking turns now."""
        with self._lock:
            return self._live

    def waiting(self) -> int:
        """Returns how many runs are waiting for a turn now."""
        with self._lock:
            return len(self._queue)

    @contextmanager
    def quick(self) -> Iterator[None]:
        """Marks a quick request (a slider's answer) in progress for the block: a turn that starts meanwhile lets it
        finish first, waiting at most `quick_wait` seconds, so that sliders answer at once while many runs train."""
        with self._lock:
            self._quick += 1
        token = self._own_quick.set(self._own_quick.get() + 1)
        try:
            yield
        finally:
            self._own_quick.reset(token)
            with self._lock:
                self._quick -= 1
                self._lock.notify_all()

    def slice_seconds(self, most: float) -> float:
        """Returns how long a turn trains: `most` while every live run has a slot, shorter as more runs share them."""
        with self._lock:
            live = self._live
        if live <= self.slots:
            return most
        return max(self.min_slice, min(most, self.cycle_seconds * self.slots / live))

    def slice(self, most: float) -> Callable[[], float]:
        """Returns `slice_seconds(most)` as a function, for `Trainer.run(report_seconds=...)`, read at each report."""
        return lambda: self.slice_seconds(most)

    @contextmanager
    def turn(self, *, first: bool = False, stopped: Callable[[], bool] = lambda: False) -> Iterator[bool]:
        """Waits for a free slot, then holds it for the block; yields False (holding nothing) if `stopped()` turned true first.

        Turns are given in the order they were asked for, except that a run's first turn goes ahead of
        every later turn (its first frame should come at once), behind the first turns already waiting.
        """
        if getattr(self._held, "depth", 0):  # a turn inside this thread's own turn runs in it (a render inside a frame)
            yield True
            return
        ticket = object()
        with self._lock:
            if first:
                self._queue.insert(self._firsts, ticket)
                self._firsts += 1
            else:
                self._queue.append(ticket)
            try:
                while not (self._queue[0] is ticket and self._busy < self.slots):
                    if stopped():
                        break
                    self._lock.wait(WAIT_POLL_SECONDS)
            finally:
                got = self._queue[0] is ticket and self._busy < self.slots and not stopped()
                if first:
                    self._firsts -= 1
                self._queue.remove(ticket)
                if got:
                    self._busy += 1
                self._lock.notify_all()
            deadline = time.monotonic() + self.quick_wait
            own = self._own_quick.get()
            while got and self._quick > own and (left := deadline - time.monotonic()) > 0 and not stopped():
                self._lock.wait(min(left, WAIT_POLL_SECONDS))
        self._held.depth = 1 if got else 0
        try:
            with one_thread():
                yield got
        finally:
            self._held.depth = 0
            if got:
                with self._lock:
                    self._busy -= 1
                    self._lock.notify_all()

    @contextmanager
    def ahead(self) -> Iterator[None]:
        """Runs the block in the next turn, ahead of every live run's later turn: a short heavy computation (a view to
        render, digits to sample) then runs alone on its core at full speed instead of beside the live runs.

        Beside a run, each of its many small torch operations waits for Python's lock to come back; measured with two
        threads running Python beside it, a 64-pixel scene render took 15 s (0.5 ms switch interval) instead of 0.08 s."""
        with self.turn(first=True):
            yield

    def ahead_each(self, updates: Iterator[Update]) -> Iterator[Update]:
        """Yields the items of `updates`, each computed in a turn of its own taken `ahead` of the live runs' turns: a
        short stream (digits sampled step by step) that is not a live run and should not wait a round of them per item."""
        try:
            while True:
                with self.ahead():
                    item = next(updates, _END)
                if item is _END:
                    return
                yield cast(Update, item)
        finally:
            _close(updates)

    def share(self, updates: Iterator[Update], *, stopped: Callable[[], bool] = lambda: False) -> Iterator[Update]:
        """Yields the items of `updates`, each computed inside a turn; ends when they end or `stopped()` turns true while waiting.

        A stop that comes while the run waits (Pause pressed before its turn came) ends it at once,
        without another slice of training."""
        with self._lock:
            self._live += 1
        try:
            first = True
            while True:
                with self.turn(first=first, stopped=stopped) as got:
                    item = next(updates, _END) if got else _END
                if item is _END:
                    return
                first = False
                yield cast(Update, item)
        finally:
            with self._lock:
                self._live -= 1
            _close(updates)


def _close(updates: Iterator[object]) -> None:
    """Closes a wrapped generator that ended early (its `finally` blocks run now, not whenever it is collected)."""
    close = getattr(updates, "close", None)
    if close is not None:
        close()


TRAINING = FairShare(training_slots())  # the server's one queue of turns: every live run of every person takes its turns here
