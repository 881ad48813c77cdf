"""Turns on the CPU for live runs (`core.threads.FairShare`): round robin, a first turn ahead, a stop while waiting."""

from __future__ import annotations

import contextvars
import threading
import time

import pytest
import torch

from core.loop import Trainer
from core.threads import FairShare, training_slots


def wait_until(condition, seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.005)


def test_runs_take_turns_round_robin():
    """Three runs that all wait while the slot is held take their turns A B C A B C ..., not one run to its end."""
    share = FairShare(1)
    order: list[str] = []

    def items(name: str, count: int):
        for i in range(count):
            order.append(name)
            yield i

    with share.turn(first=True) as got:  # the test holds the only slot while the runs queue up
        assert got
        threads = []
        for name in "ABC":
            thread = threading.Thread(target=lambda name=name: list(share.share(items(name, 3))))
            thread.start()
            threads.append(thread)
            wait_until(lambda n=len(threads): share.waiting() == n)  # each queues before the next arrives
        assert share.live() == 3 and order == []
    for thread in threads:
        thread.join(5)
    assert order == list("ABCABCABC")
    assert share.live() == 0 and share.waiting() == 0


def test_a_first_turn_goes_ahead_of_later_turns_behind_earlier_first_turns():
    share = FairShare(1)
    granted: list[str] = []

    def take(name: str, first: bool) -> None:
        with share.turn(first=first) as got:
            assert got
            granted.append(name)

    with share.turn():
        threads = []
        for name, first in [("later-1", False), ("later-2", False), ("first-1", True), ("first-2", True)]:
            thread = threading.Thread(target=take, args=(name, first))
            thread.start()
            threads.append(thread)
            wait_until(lambda n=len(threads): share.waiting() == n)
    for thread in threads:
        thread.join(5)
    assert granted == ["first-1", "first-2", "later-1", "later-2"]


def test_two_slots_hold_two_turns_at_once_and_no_third():
    share = FairShare(2)
    inside, most = [0], [0]
    lock = threading.Lock()

    def take() -> None:
        with share.turn() as got:
            assert got
            with lock:
                inside[0] += 1
                most[0] = max(most[0], inside[0])
            time.sleep(0.05)
            with lock:
                inside[0] -= 1

    threads = [threading.Thread(target=take) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(5)
    assert most[0] == 2


def test_a_stop_while_waiting_ends_the_run_without_another_slice():
    """Pause pressed before a run's turn came: the run ends at once, and its generator is never advanced."""
    share = FairShare(1)
    advanced = []
    stop = threading.Event()

    def items():
        advanced.append(True)
        yield 1

    frames: list[int] = []
    with share.turn():
        thread = threading.Thread(target=lambda: frames.extend(share.share(items(), stopped=stop.is_set)))
        thread.start()
        wait_until(lambda: share.waiting() == 1)
        stop.set()
        thread.join(5)
        assert not thread.is_alive()
    assert frames == [] and advanced == [] and share.live() == 0 and share.waiting() == 0


def test_a_closed_run_leaves_the_share_and_closes_its_generator():
    share = FairShare(1)
    closed = []

    def items():
        try:
            yield from range(100)
        finally:
            closed.append(True)

    run = share.share(items())
    assert next(run) == 0 and share.live() == 1
    run.close()  # the page went away: Gradio drops the stream
    assert share.live() == 0 and closed == [True]


def test_each_turn_runs_on_one_intra_op_thread_and_restores_the_setting():
    share = FairShare(1)
    before = torch.get_num_threads()
    torch.set_num_threads(2)
    try:
        seen = list(share.share(torch.get_num_threads() for _ in range(3)))
        assert seen == [1, 1, 1] and torch.get_num_threads() == 2
    finally:
        torch.set_num_threads(before)


def test_an_error_inside_a_turn_frees_the_slot():
    share = FairShare(1)

    def items():
        yield 1
        raise ValueError("bad input")

    with pytest.raises(ValueError):
        list(share.share(items()))
    with share.turn() as got:  # would wait forever if the slot had leaked
        assert got


@pytest.mark.parametrize(("live", "expected"), [(0, 0.4), (1, 0.4), (4, 0.4), (5, 0.4), (10, 0.2), (20, 0.1), (100, 0.05)])
def test_a_turn_shortens_as_more_runs_share_the_slot(live, expected):
    """With one slot and a 2 s cycle: each of `live` runs trains 2 s / live per turn, at most 0.4 s and at least 0.05 s."""
    share = FairShare(1, cycle_seconds=2.0, min_slice=0.05)
    share._live = live
    assert share.slice_seconds(0.4) == pytest.approx(expected)
    assert share.slice(0.4)() == pytest.approx(expected)


@pytest.mark.parametrize(("cpus", "slots"), [(1, 1), (2, 1), (3, 2), (5, 4), (16, 4)])
def test_one_core_is_left_for_sliders(cpus, slots, monkeypatch):
    monkeypatch.delenv("GALLERY_TRAINING_SLOTS", raising=False)
    assert training_slots(cpus) == slots


def test_the_slots_can_be_set(monkeypatch):
    monkeypatch.setenv("GALLERY_TRAINING_SLOTS", "3")
    assert training_slots(2) == 3
    monkeypatch.setenv("GALLERY_TRAINING_SLOTS", "zero")
    assert training_slots(2) == 1


def test_a_stop_asked_before_the_first_report_is_kept():
    """`run` clears an earlier stop when called, not at its first report, so a stop in between is not lost."""
    trainer = Trainer(lambda: {"loss": 1.0})
    trainer.stop()
    run = trainer.run(100)
    assert not trainer.stopped()
    trainer.stop()
    reports = list(run)
    assert [(r.done, r.reason) for r in reports] == [(True, "stopped")] and trainer.steps_done == 0


def test_the_report_period_counts_training_time_only_and_may_change():
    """Time the consumer spends between two reports (drawing, waiting for a turn) does not count as training time."""
    now = [0.0]
    period = [1.0]

    def step() -> dict[str, float]:
        now[0] += 0.25  # each step takes a quarter of a second
        return {}

    trainer = Trainer(step, clock=lambda: now[0])
    run = trainer.run(100, report_seconds=lambda: period[0])
    first = next(run)
    assert first.step == 4
    now[0] += 10.0  # the consumer waited 10 s for its next turn
    second = next(run)
    assert second.step == 8  # four more steps, not one
    period[0] = 0.5  # more runs joined: shorter turns
    third = next(run)
    assert third.step == 10


def test_a_turn_lets_a_quick_request_in_progress_finish_first():
    """A turn that comes while a slider's answer is computed starts once that answer is done, not before."""
    share = FairShare(1, quick_wait=5.0)
    events: list[str] = []
    with share.quick():

        def take() -> None:
            with share.turn():
                events.append("turn")

        thread = threading.Thread(target=take)
        with share.turn():  # the test holds the slot while the other turn queues behind it
            thread.start()
            wait_until(lambda: share.waiting() == 1)
        time.sleep(0.2)
        assert events == []  # the slot is free, but a quick request is still in progress
        events.append("quick done")
    thread.join(5)
    assert events == ["quick done", "turn"]


def _turn_seconds(share: FairShare) -> tuple[bool, float]:
    start = time.monotonic()
    with share.turn() as got:
        return got, time.monotonic() - start


def test_a_turn_waits_for_quick_requests_no_longer_than_its_limit():
    share = FairShare(1, quick_wait=0.2)
    with share.quick():
        got, waited = contextvars.Context().run(_turn_seconds, share)  # another request's code (its own context)
    assert got and 0.2 <= waited < 2.0
    start = time.monotonic()
    with share.turn():  # no quick request in progress: no wait
        assert time.monotonic() - start < 0.15


def test_a_computation_ahead_runs_before_the_live_runs_waiting_turns_and_is_not_a_live_run():
    """A view to render (`ahead`) takes the turn after the one in progress, before the runs that were already waiting."""
    share = FairShare(1)
    order: list[str] = []

    def items(name: str):
        for i in range(2):
            order.append(name)
            yield i

    with share.turn(first=True):
        run = threading.Thread(target=lambda: list(share.share(items("run"))))
        run.start()
        wait_until(lambda: share.waiting() == 1)

        def render() -> None:
            with share.ahead():
                assert share.live() == 1  # the run, not the render
                order.append("render")

        view = threading.Thread(target=render)
        view.start()
        wait_until(lambda: share.waiting() == 2)
    for thread in (run, view):
        thread.join(5)
    assert order == ["run", "render", "run"]  # behind the run's first turn (asked earlier), ahead of its second
    assert share.waiting() == 0 and share.live() == 0


def test_a_turn_inside_the_threads_own_turn_runs_at_once_instead_of_waiting_for_itself():
    share = FairShare(1)
    with share.turn() as got:
        assert got
        with share.ahead():  # a frame that renders a view: one slot, held by this very thread
            assert share.waiting() == 0
    with share.ahead():  # the slot was given back once, not twice
        pass
    inside = threading.Event()

    def render() -> None:
        with share.ahead():
            inside.set()

    with share.turn():
        other = threading.Thread(target=render)
        other.start()
        time.sleep(0.1)
        assert not inside.is_set()  # another thread still waits for the slot this one holds
    other.join(5)
    assert inside.is_set()


def test_each_item_of_a_stream_ahead_is_computed_in_a_turn_and_the_stream_is_closed():
    share = FairShare(1)
    held: list[bool] = []
    closed: list[bool] = []

    def steps():
        try:
            for i in range(3):
                held.append(share._busy == 1)
                yield i
        finally:
            closed.append(True)

    stream = share.ahead_each(steps())
    assert next(stream) == 0 and share._busy == 0  # between two items the slot is free for the live runs
    stream.close()
    assert held == [True] and closed == [True]
    assert list(share.ahead_each(steps())) == [0, 1, 2] and held == [True] * 4


def test_a_turn_taken_inside_a_quick_request_does_not_wait_for_that_request():
    """A view rendered by a quick request (a NeRF view), in the request's thread or in a thread that inherits its context,
    as Gradio runs handlers, takes its turn at once, while another request's quick answer still delays a turn."""
    share = FairShare(1, quick_wait=1.0)
    with share.quick():
        assert _turn_seconds(share)[1] < 0.5
        context = contextvars.copy_context()
        result: list[tuple[bool, float]] = []
        thread = threading.Thread(target=lambda: result.append(context.run(_turn_seconds, share)))
        thread.start()
        thread.join(5)
        assert result[0][0] and result[0][1] < 0.5
        with share.quick():  # a second quick request inside it
            assert _turn_seconds(share)[1] < 0.5
        assert contextvars.Context().run(_turn_seconds, share)[1] >= 1.0  # a turn of other code waits for it
