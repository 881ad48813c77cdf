"""The worker process for heavy views (`core.workers`): off, a call runs here; on, in another process, with the same answer."""

from __future__ import annotations

import os

import gradio as gr
import pytest

from core import workers


def pid_and(value: int) -> tuple[int, int]:
    return os.getpid(), value * 2


def worker_setting() -> tuple[int, list[str]]:
    import threading

    import torch

    return torch.get_num_threads(), [thread.name for thread in threading.enumerate()]


def fails_with_a_message(message: str) -> None:
    raise gr.Error(message)


def dies_in_a_worker(server_pid: int) -> str:
    if os.getpid() != server_pid:
        os._exit(3)  # the worker is killed mid-call (out of memory, say)
    return "answered here"


@pytest.fixture(scope="module")
def worker():  # one worker for the module's tests (each start imports torch and gradio: seconds)
    assert workers.enable()
    yield
    workers.enable(False)


def test_on_the_function_runs_in_one_other_process_that_stays(worker):
    pid, doubled = workers.run(pid_and, 21)
    assert doubled == 42 and pid != os.getpid()
    assert workers.run(pid_and, value=5) == (pid, 10)  # the same worker answers the next call
    threads, names = workers.run(worker_setting)
    assert threads == 1 and "trim-heap" in names  # one intra-op thread; freed memory goes back to the system


def test_an_error_raised_in_the_worker_reaches_the_caller_with_its_message(worker):
    with pytest.raises(gr.Error) as raised:
        workers.run(fails_with_a_message, "El campo no está.")
    assert raised.value.message == "El campo no está."


def test_a_worker_that_dies_leaves_the_call_to_this_process_and_the_next_call_to_a_new_worker(worker):
    first_pid, _ = workers.run(pid_and, 1)
    assert workers.run(dies_in_a_worker, os.getpid()) == "answered here"
    second_pid, _ = workers.run(pid_and, 1)
    assert second_pid not in (first_pid, os.getpid())


def test_a_value_that_cannot_travel_is_computed_here(worker):
    assert workers.run(lambda: os.getpid()) == os.getpid()  # a lambda cannot be pickled


def test_off_the_function_runs_in_the_calling_process():
    workers.enable(False)
    assert not workers.enabled()
    assert workers.run(pid_and, 21) == (os.getpid(), 42)


def test_it_stays_off_on_a_zerogpu_space(monkeypatch):
    monkeypatch.setenv("SPACES_ZERO_GPU", "true")
    assert not workers.enable()
    assert workers.run(pid_and, 2) == (os.getpid(), 4)


def test_it_stays_off_when_asked_to(monkeypatch):
    monkeypatch.setenv("GALLERY_WORKER", "0")
    assert not workers.enable()
    monkeypatch.setenv("GALLERY_WORKER", "1")
    assert workers.enable() and workers.enable(False) is False
