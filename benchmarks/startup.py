"""Start-up benchmark: seconds until `python app.py` first answers 200 on `/`, and its memory.

The reference is a bare Gradio app with one Markdown line, launched the same way; the two are
measured alternately so that a noisy machine slows both alike.
"""

from __future__ import annotations

import contextlib
import math
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import psutil

from benchmarks.common import REPO_ROOT, median, target

RUNS, QUICK_RUNS = 5, 1
POLL_SECONDS, TIMEOUT_SECONDS = 0.05, 120.0
MAX_RATIO, MAX_APP_RSS_MB = 1.5, 400.0  # issue 16: at most 1.5 times a bare Gradio app, 400 MB resident
REFERENCE_SOURCE = """import gradio as gr

with gr.Blocks() as demo:
    gr.Markdown("hello")

demo.launch()
"""


def free_port() -> int:
    """Returns a TCP port that was free a moment ago (bound to port 0, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def answers_200(url: str) -> bool:
    """Returns whether a GET on `url` answers with HTTP status 200 right now."""
    try:
        with urllib.request.urlopen(url, timeout=1.0) as response:
            return response.status == 200
    except (OSError, ValueError):  # URLError, HTTPError, refused, reset and timeouts are OSErrors
        return False


def rss_mb(process: psutil.Process) -> float:
    """Returns the resident memory of `process` plus all its descendants, in MB."""
    total = 0
    for proc in [process, *process.children(recursive=True)]:
        with contextlib.suppress(psutil.NoSuchProcess):
            total += proc.memory_info().rss
    return total / 2**20


def stop(process: subprocess.Popen[bytes]) -> None:
    """Returns once `process` and its descendants are gone: terminate, wait, kill if needed."""
    try:
        procs = [psutil.Process(process.pid), *psutil.Process(process.pid).children(recursive=True)]
    except psutil.NoSuchProcess:
        procs = []
    for proc in procs:
        with contextlib.suppress(psutil.NoSuchProcess):
            proc.terminate()
    _, alive = psutil.wait_procs(procs, timeout=10)
    for proc in alive:
        with contextlib.suppress(psutil.NoSuchProcess):
            proc.kill()
    psutil.wait_procs(alive, timeout=5)
    process.wait(timeout=5)


def measure(script: Path) -> tuple[float, float]:
    """Returns (seconds until the first 200 on `/`, RSS MB right then) for `python <script>`."""
    port = free_port()
    env = {
        **os.environ,
        "GRADIO_SERVER_PORT": str(port),
        "GRADIO_SERVER_NAME": "127.0.0.1",
        "GRADIO_ANALYTICS_ENABLED": "False",
    }
    url = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        process = subprocess.Popen([sys.executable, str(script)], cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            while not answers_200(url):
                elapsed = time.perf_counter() - start
                if process.poll() is not None or elapsed > TIMEOUT_SECONDS:
                    log.seek(0)
                    tail = log.read().decode(errors="replace")[-2000:]
                    state = f"exited with {process.returncode}" if process.poll() is not None else "timed out"
                    raise RuntimeError(f"{script.name} {state} before answering 200:\n{tail}")
                time.sleep(POLL_SECONDS)
            seconds = time.perf_counter() - start
            memory = rss_mb(psutil.Process(process.pid))
        finally:
            stop(process)
    return seconds, memory


def run(quick: bool) -> dict[str, Any]:
    """Returns the medians, the app/reference ratio, the targets and the raw runs."""
    runs: dict[str, list[dict[str, float]]] = {"app": [], "reference": []}
    with tempfile.TemporaryDirectory(prefix="bench_startup_") as tmp:
        reference = Path(tmp) / "reference_app.py"
        reference.write_text(REFERENCE_SOURCE, encoding="utf-8")
        scripts = {"app": REPO_ROOT / "app.py", "reference": reference}
        for _ in range(QUICK_RUNS if quick else RUNS):
            for kind, script in scripts.items():  # alternate: app, reference, app, ...
                seconds, memory = measure(script)
                runs[kind].append({"seconds": seconds, "rss_mb": memory})
    app_seconds = median(r["seconds"] for r in runs["app"])
    reference_seconds = median(r["seconds"] for r in runs["reference"])
    ratio = app_seconds / reference_seconds if reference_seconds > 0 else math.inf
    app_rss_mb = median(r["rss_mb"] for r in runs["app"])
    return {
        "app_seconds": app_seconds,
        "reference_seconds": reference_seconds,
        "ratio": ratio,
        "app_rss_mb": app_rss_mb,
        "reference_rss_mb": median(r["rss_mb"] for r in runs["reference"]),
        "targets": {"ratio": target(ratio, MAX_RATIO), "app_rss_mb": target(app_rss_mb, MAX_APP_RSS_MB)},
        "runs": runs,
    }
