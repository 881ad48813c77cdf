"""A generic, quiet training loop that yields progress.

The loop knows nothing of the model: it calls a `step` function that performs one optimisation
step and returns its metrics, and yields `Progress(step, metrics, preview, elapsed)` every
`report_every` steps. It honours a step budget and a wall-clock budget, and `stop()` ends it from
another thread (a UI's stop button). The Overview tab, later tabs, the dashboard and the training
command all drive this same loop (as minGPT's trainer "has nothing to do with GPT").

`run_recipe` is the part every training recipe of a shipped checkpoint shares (`core.retrain`): run
the loop, pass its reports on, hand back the last one to be judged and saved with `recipe_command`.
"""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

import torch
from torch import nn

StopReason = Literal["steps", "time", "stopped", "running"]
RETRAIN = "python -m core.retrain"  # the command line that runs the recipes


@dataclass
class Progress:
    """One report of a training run."""

    step: int  # optimisation steps done so far, over all runs of this trainer
    metrics: dict[str, float]
    preview: Any = None
    elapsed: float = 0.0  # seconds since this run started
    done: bool = False
    reason: StopReason = "running"
    history: dict[str, list[float]] = field(default_factory=dict)


class Trainer:
    """Runs `step()` repeatedly under a step and time budget, yielding `Progress` reports."""

    _running: ClassVar[weakref.WeakSet[Trainer]] = weakref.WeakSet()  # trainers inside `run`, for `running()`

    @classmethod
    def running(cls) -> int:
        """Returns how many trainers in this process are inside `run` now (a server's live runs, for monitoring)."""
        return len(cls._running)

    def __init__(
        self,
        step: Callable[[], dict[str, float]],
        *,
        preview: Callable[[], Any] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ):
        self._step = step
        self._preview = preview
        self._clock = clock
        self._stop = threading.Event()
        self.steps_done = 0
        self.history: dict[str, list[float]] = {"step": []}

    def stop(self) -> None:
        """Asks the running loop to end after the current step."""
        self._stop.set()

    def run(
        self,
        max_steps: int,
        *,
        max_seconds: float | None = None,
        report_every: int = 1,
        report_seconds: float | Callable[[], float] | None = None,
        preview_every: int | None = None,
    ) -> Iterator[Progress]:
        """Yields a `Progress` every `report_every` steps and a final one marked `done`.

        With `report_seconds`, it reports on time instead: once it has trained that many seconds since
        the consumer last asked for a report (a live view's refresh rate, or a turn's slice of the CPU,
        `core.threads.FairShare`), whatever the number of steps. It may be a function, read at each report.

        Runs at most `max_steps` steps and, if given, at most `max_seconds` seconds; a call to
        `stop()` ends it early. The step counter carries on across runs of the same trainer.
        """
        if max_steps < 0:
            raise ValueError(f"max_steps must be >= 0, got {max_steps}")
        if report_every < 1:
            raise ValueError(f"report_every must be >= 1, got {report_every}")
        self._stop.clear()  # now, not at the first report: a stop asked for before the run's first turn still counts
        return self._running_loop(max_steps, max_seconds, report_every, report_seconds, preview_every)

    def stopped(self) -> bool:
        """Returns whether a stop was asked for since the last call of `run`."""
        return self._stop.is_set()

    def _running_loop(self, *args: Any) -> Iterator[Progress]:
        Trainer._running.add(self)
        try:
            yield from self._loop(*args)
        finally:  # also when the consumer closes the generator or drops it
            Trainer._running.discard(self)

    def _loop(
        self,
        max_steps: int,
        max_seconds: float | None,
        report_every: int,
        report_seconds: float | Callable[[], float] | None,
        preview_every: int | None,
    ) -> Iterator[Progress]:
        period = report_seconds if callable(report_seconds) else (lambda: report_seconds)
        start = last_report = self._clock()
        metrics: dict[str, float] = {}
        reason: StopReason = "steps"
        for i in range(1, max_steps + 1):
            if self._stop.is_set():
                reason = "stopped"
                break
            if max_seconds is not None and self._clock() - start >= max_seconds:
                reason = "time"
                break
            metrics = {k: float(v) for k, v in self._step().items()}
            self.steps_done += 1
            self._record(metrics)
            now = self._clock()
            seconds = period()
            due = now - last_report >= seconds if seconds is not None else i % report_every == 0
            if due and i < max_steps:
                want_preview = seconds is not None or (preview_every is not None and i % preview_every == 0)
                yield Progress(self.steps_done, metrics, self._make_preview(want_preview), now - start, history=self.history)
                last_report = self._clock()  # the time the consumer spent (drawing, waiting for a turn) is not training time
        yield Progress(
            self.steps_done, metrics, self._make_preview(True), self._clock() - start, done=True, reason=reason, history=self.history
        )

    def _record(self, metrics: dict[str, float]) -> None:
        self.history["step"].append(float(self.steps_done))
        for key, value in metrics.items():
            self.history.setdefault(key, []).append(value)

    def _make_preview(self, wanted: bool) -> Any:
        return self._preview() if wanted and self._preview is not None else None


def run_to_end(trainer: Trainer, max_steps: int, **kwargs: Any) -> Progress:
    """Returns the final `Progress` of a run, consuming all intermediate reports."""
    *_, last = trainer.run(max_steps, **kwargs)
    return last


def run_recipe(trainer: Trainer, steps: int, *, reports: int = 20, label: Any = None) -> Generator[Progress, None, Progress]:
    """Returns the final `Progress` of `trainer.run(steps)` (marked done), after yielding about `reports` reports before it.

    A recipe writes `last = yield from run_recipe(trainer, steps)`, then judges the model, adds the
    figures to `last.metrics`, saves it and yields `last`. A `label` (which model of the recipe is
    training) is put in every report's `preview`.
    """
    last = None
    for last in trainer.run(steps, report_every=max(1, steps // reports)):
        if label is not None:
            last.preview = label
        if not last.done:
            yield last
    assert last is not None  # run() always yields its final report
    return last


def recipe_command(recipe: str, steps: int, seed: int) -> str:
    """Returns the command that reruns `recipe` (a name of `core.retrain.RECIPES`), stored beside what it trained."""
    return f"{RETRAIN} {recipe} --steps {steps} --seed {seed}"


@torch.no_grad()
def update_average(average: nn.Module, model: nn.Module, *, decay: float) -> None:
    """Moves `average`'s weights toward `model`'s: a <- decay * a + (1 - decay) * m (batch-norm statistics too)."""
    for a, m in zip(average.parameters(), model.parameters(), strict=True):
        a.lerp_(m, 1 - decay)
    for buffer, current in zip(average.buffers(), model.buffers(), strict=True):
        if buffer.is_floating_point():
            buffer.lerp_(current, 1 - decay)
        else:
            buffer.copy_(current)  # batch norm's step counter
