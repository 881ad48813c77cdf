"""ZeroGPU: heavy handlers run inside `spaces.GPU` on a Space that has it, and unchanged everywhere else.

On a ZeroGPU Space (the hardware free accounts get for Gradio Spaces) a GPU is attached only while a
function decorated with `spaces.GPU` runs; the `spaces` package that Spaces install returns the function
unchanged anywhere else (`SPACES_ZERO_GPU` unset), and without the package (a laptop, CI) this module
does the same. Inside, handlers move their model with `core.device.place` and hand back CPU results.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TypeVar

F = TypeVar("F", bound=Callable)

# seconds of GPU a call may hold (ZeroGPU's default is 60; a shorter figure queues sooner)
SAMPLING_SECONDS = 60
PIPELINE_SECONDS = 120
RENDER_SECONDS = 20


def on_gpu(duration: int) -> Callable[[F], F]:
    """Returns a decorator that wraps a handler in `spaces.GPU(duration=...)` when the `spaces` package is installed."""

    def wrap(fn: F) -> F:
        try:
            spaces = importlib.import_module("spaces")  # only on Hugging Face Spaces: an optional package, looked up lazily
        except ImportError:
            return fn
        return spaces.GPU(duration=duration)(fn)

    return wrap
