"""The generic training loop: step and time budgets, stop, report cadence, history."""

import threading

import pytest

from core.loop import Trainer, run_to_end


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def counting_step(counter, clock=None, dt=0.0):
    def step():
        counter.append(1)
        if clock is not None:
            clock.now += dt
        return {"loss": 1.0 / len(counter)}

    return step


def test_step_budget_and_report_cadence():
    calls = []
    reports = list(Trainer(counting_step(calls)).run(10, report_every=3))
    assert len(calls) == 10
    assert [r.step for r in reports] == [3, 6, 9, 10]
    assert [r.done for r in reports] == [False, False, False, True]
    assert reports[-1].reason == "steps"
    assert reports[-1].metrics["loss"] == pytest.approx(0.1)
    assert reports[-1].history["loss"] == pytest.approx([1 / k for k in range(1, 11)])


def test_time_budget_uses_the_clock():
    clock, calls = FakeClock(), []
    final = run_to_end(Trainer(counting_step(calls, clock, dt=0.25), clock=clock), 1000, max_seconds=1.0)
    assert len(calls) == 4 and final.reason == "time" and final.elapsed == pytest.approx(1.0)


def test_stop_ends_the_run_and_a_new_run_continues_the_count():
    calls = []
    trainer = Trainer(counting_step(calls))
    for report in trainer.run(100):
        if report.step == 5:
            trainer.stop()
    assert len(calls) == 5 and report.done and report.reason == "stopped"
    final = run_to_end(trainer, 3)
    assert final.step == 8 and final.reason == "steps"


def test_stop_from_another_thread():
    started = threading.Event()
    trainer = Trainer(lambda: (started.set(), {"x": 0.0})[1])
    threading.Timer(0.05, trainer.stop).start()
    final = run_to_end(trainer, 10**9)
    assert final.reason == "stopped" and started.is_set() and final.step < 10**9


def test_preview_is_made_only_when_asked():
    made = []
    trainer = Trainer(lambda: {"x": 0.0}, preview=lambda: made.append(1) or len(made))
    reports = list(trainer.run(6, report_every=1, preview_every=3))
    assert [r.preview for r in reports] == [None, None, 1, None, None, 2]


def test_zero_steps_and_bad_arguments():
    final = run_to_end(Trainer(lambda: {"x": 0.0}), 0)
    assert final.step == 0 and final.done
    with pytest.raises(ValueError):
        list(Trainer(lambda: {}).run(-1))
    with pytest.raises(ValueError):
        list(Trainer(lambda: {}).run(5, report_every=0))


def test_reports_on_time_when_asked():
    clock, calls = FakeClock(), []
    reports = list(Trainer(counting_step(calls, clock, dt=0.0625), clock=clock).run(40, report_seconds=0.25))  # exact binary fractions
    assert [r.step for r in reports] == [4, 8, 12, 16, 20, 24, 28, 32, 36, 40]
