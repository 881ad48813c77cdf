"""A class at once: N simulated students on one `python app.py`, each with its own Gradio session.

The benchmark starts the gallery as a separate process on a free loopback port, warms it with one
student (so every model a student touches is loaded once: the "idle" memory is the warm server's),
then lets N students (10, 20, 40; quick mode: 3 for a few seconds) arrive within a few seconds, each
with its own `gradio_client.Client` (its own session hash, so its own `gr.State`; built before the class
starts, as a browser's own work), and follow a script through several tabs:

1. open: the page (its HTML, with the app's configuration), then the light page-load events
   (`gan_reset`, both autoencoder latent decodes, the forward-noise view, the prior samples) with the
   widgets' default values, as a browser sends them;
2. move sliders: latent points decoded (`autoencoders_point_vae_2d`), forward-noise timesteps
   (`diffusion_forward`), NeRF camera azimuths (`nerf_fly`), with a think time between moves;
3. generate digits: `diffusion_generate` with DDIM and 10 steps, streamed;
4. reset the GAN Lab with a seed of their own (`gan_reset`), press Play (`gan_play`, streamed) for
   `PLAY_SECONDS`, moving a slider or the camera every few seconds while it plays, then press Pause
   (`gan_pause`, which also cancels a Play still queued);
5. train a VAE (`autoencoders_beta_train`, streamed) for `VAE_SECONDS`, then Stop;
6. close the tab (the client's heartbeat ends, as a closed browser tab's does).

Reported per N: p50 and p95 latency of the light interactions (and per endpoint), the time to the first
frame of each Play, each student's GAN training rate (generator steps during the Play window over the
window's seconds, read from the streamed status text; min, median, max; the rate while frames flowed
too) and VAE training rate, failed requests (error events, refused) and unanswered ones (timed out, or
a Play that never showed a frame), the server's peak resident memory and its memory `SETTLE_SECONDS`
after the last student left, against the warm idle figure. Traffic goes to 127.0.0.1 only; every
request has a time limit and every phase a bounded length. Targets (at the largest N, reported, not
enforced): no failed or unanswered request, light p95 under 1 s, every Play's first frame within 10 s,
the slowest student's GAN rate at least half the median, memory within 10% of idle after they leave.
"""

from __future__ import annotations

import contextlib
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import CancelledError
from dataclasses import dataclass, field
from typing import Any

import httpx
import numpy as np
import psutil

from benchmarks.common import REPO_ROOT, median, target
from benchmarks.startup import answers_200, free_port, rss_mb, stop

STUDENTS, QUICK_STUDENTS = (10, 20, 40), (3,)
ARRIVAL_SECONDS, QUICK_ARRIVAL_SECONDS = 5.0, 0.5  # students open the page within this window
PLAY_SECONDS, QUICK_PLAY_SECONDS = 30.0, 3.0
VAE_SECONDS, QUICK_VAE_SECONDS = 10.0, 2.0
SLIDER_MOVES, QUICK_SLIDER_MOVES = 12, 3
SETTLE_SECONDS, QUICK_SETTLE_SECONDS = 60.0, 3.0  # after the last student leaves, before the memory is read (a closed
# tab is noticed at the next heartbeat, 15 s, and freed 30 s later: `demos.layout.free_closed_sessions`)
WARM_SETTLE_SECONDS = 2.0  # after the warm-up student leaves, before the idle memory is read
THINK_SECONDS = (0.3, 1.0)  # a student's pause between two slider moves
MOVE_DURING_PLAY_SECONDS = 3.0  # while Play runs, a student moves a slider in another tab this often
LIGHT_TIMEOUT, GENERATE_TIMEOUT, DRAIN_TIMEOUT, OPEN_TIMEOUT = 30.0, 60.0, 30.0, 60.0
START_TIMEOUT, MEMORY_POLL_SECONDS, FRAME_POLL_SECONDS = 180.0, 0.2, 0.05
MAX_LIGHT_P95_S, MAX_FIRST_FRAME_S, MIN_FAIRNESS, MAX_MEMORY_GROWTH = 1.0, 10.0, 0.5, 0.10

GAN_STEPS = re.compile(r"([\d,]+) of [\d,]+ G steps")
VAE_STEPS = re.compile(r"(?:Step|Done:) ([\d,]+)")


@dataclass
class Call:
    """One request a student made: its endpoint, kind, seconds to the answer (None: unanswered) and error."""

    endpoint: str
    kind: str  # "light", "generate", "play", "train"
    seconds: float | None
    error: str | None = None


@dataclass
class Stream:
    """A streamed event (Play, Generate, VAE training) as a student saw it."""

    pressed: float
    frames: list[tuple[float, int | None]] = field(default_factory=list)  # (arrival time, steps read from the status)
    error: str | None = None
    thread: threading.Thread | None = None
    job: Any = None
    cancelled: bool = False  # the student asked the server to cancel it (Pause, Stop): the end it then reports is no error

    def first_frame_seconds(self) -> float | None:
        return self.frames[0][0] - self.pressed if self.frames else None

    def running_rate(self) -> float | None:
        """Returns the steps per second between the first and the last frame that carried a step count."""
        counted = [(at, steps) for at, steps in self.frames if steps is not None]
        if len(counted) < 2 or counted[-1][0] <= counted[0][0]:
            return None
        return (counted[-1][1] - counted[0][1]) / (counted[-1][0] - counted[0][0])


def _steps(pattern: re.Pattern[str], text: Any) -> int | None:
    match = pattern.search(text) if isinstance(text, str) else None
    return int(match.group(1).replace(",", "")) if match else None


class Student:
    """One simulated student: a `gradio_client.Client` of its own, a script, and what it measured."""

    def __init__(self, index: int, url: str, quick: bool):
        self.index, self.url, self.quick = index, url, quick
        self.rng = random.Random(index)
        self.calls: list[Call] = []
        self.client: Any = None
        self.session_hash: str | None = None
        self.connect_seconds: float | None = None
        self.open_seconds: float | None = None
        self.play: Stream | None = None
        self.generate: Stream | None = None
        self.vae: Stream | None = None
        self.gan_steps = 0
        self.gan_window_seconds = 0.0
        self.vae_steps = 0
        self.vae_window_seconds = 0.0
        self.left_at: float | None = None
        self.client_resends = 0

    # --- requests ---

    def call(self, endpoint: str, kind: str = "light", timeout: float = LIGHT_TIMEOUT, **kwargs) -> Any:
        """Returns the endpoint's answer (None when it failed or timed out), recording the call.

        `gradio_client` can lose an answer: when the server closes the session's message stream (its last event, a
        cancelled Play, has ended) just as a new request goes out on it, the client ends that request with a
        CancelledError although the server answers it. Such a call is sent again once (it is counted in
        `client_resends`, not as a failure); a browser opens a new stream instead."""
        start = time.perf_counter()
        job = None
        try:
            try:
                job = self.client.submit(api_name=f"/{endpoint}", **kwargs)
                result = job.result(timeout=timeout)
            except CancelledError:
                self.client_resends += 1
                job = self.client.submit(api_name=f"/{endpoint}", **kwargs)
                result = job.result(timeout=max(timeout - (time.perf_counter() - start), 1.0))
        except TimeoutError:
            with contextlib.suppress(Exception):
                job.cancel()
            self.calls.append(Call(endpoint, kind, None, f"no answer within {timeout:.0f} s"))
            return None
        except Exception as exc:  # an error event, a refused request ("queue full"), a dropped connection
            self.calls.append(Call(endpoint, kind, time.perf_counter() - start, f"{type(exc).__name__}: {exc}"[:300]))
            return None
        self.calls.append(Call(endpoint, kind, time.perf_counter() - start))
        return result

    def stream(self, endpoint: str, pattern: re.Pattern[str], status_index: int, **kwargs) -> Stream:
        """Returns a Stream whose frames a watcher thread collects from the streamed event as they arrive.

        The watcher polls the job's outputs every `FRAME_POLL_SECONDS` (iterating a `gradio_client` job
        polls every millisecond, and forty such threads would take a core from the server they measure)."""
        record = Stream(time.perf_counter())
        job = self.client.submit(api_name=f"/{endpoint}", **kwargs)
        record.job = job

        def watch() -> None:
            seen = 0
            try:
                while True:
                    done = job.done()  # read before the outputs, so that no frame that came before the end is missed
                    outputs = job.outputs()
                    for output in outputs[seen:]:
                        status = output[status_index] if isinstance(output, (list, tuple)) else None
                        record.frames.append((time.perf_counter(), _steps(pattern, status)))
                    seen = len(outputs)
                    if done:
                        break
                    time.sleep(FRAME_POLL_SECONDS)
                if not job.cancelled() and (exc := job.exception()) is not None and not record.cancelled:
                    record.error = f"{type(exc).__name__}: {exc}"[:300]
            except Exception as exc:  # a cancelled future raises CancelledError, which is what Pause and Stop ask for
                if not isinstance(exc, CancelledError) and not record.cancelled:
                    record.error = f"{type(exc).__name__}: {exc}"[:300]

        record.thread = threading.Thread(target=watch, daemon=True, name=f"student-{self.index}-{endpoint}")
        record.thread.start()
        return record

    def cancel(self, record: Stream) -> None:
        """Returns after asking the server to cancel the streamed event, as the page does for an event's `cancels`."""
        record.cancelled = True
        with contextlib.suppress(Exception):
            record.job.cancel()

    def drain(self, record: Stream, endpoint: str, kind: str) -> None:
        """Returns once the streamed event has ended (or `DRAIN_TIMEOUT` passed), recording it as a call."""
        assert record.thread is not None
        record.thread.join(DRAIN_TIMEOUT)
        if record.thread.is_alive():
            self.calls.append(Call(endpoint, kind, None, f"stream still open {DRAIN_TIMEOUT:.0f} s after stop"))
        elif record.error is not None:
            self.calls.append(Call(endpoint, kind, time.perf_counter() - record.pressed, record.error))
        elif not record.frames:
            self.calls.append(Call(endpoint, kind, None, "no frame before it was stopped"))
        else:
            self.calls.append(Call(endpoint, kind, record.first_frame_seconds()))

    # --- the script ---

    def think(self) -> None:
        time.sleep(self.rng.uniform(*THINK_SECONDS))

    def move_slider(self, which: int) -> None:
        """Returns after one light interaction: a latent point, a forward-noise timestep or a NeRF view."""
        kind = which % 3 if which % 6 != 5 else 0  # mostly latent points and timesteps, a camera move now and then
        if kind == 0:
            z1, z2 = self.rng.uniform(-2, 2), self.rng.uniform(-2, 2)
            self.call("autoencoders_point_vae_2d", z1=z1, z2=z2, view="codes")
        elif kind == 1:
            step = self.rng.randrange(1, 1000)
            self.call("diffusion_forward", source="digit", digit_index=self.index % 50, photo="astronaut", upload=None, step=step)
        else:  # the azimuth slider moves in whole degrees
            self.call("nerf_fly", model="nerf", azimuth=float(self.rng.randrange(360)), elevation=30.0, distance=4.5, fixed_direction=False)

    def connect(self) -> None:
        """Builds the student's `gradio_client.Client` (its session), before the class starts.

        The client reads the app's 1.4 MB configuration and builds its endpoints: about 0.1 s of the load generator's
        CPU each, where a browser spends its own. Forty clients built within the class's first seconds kept the load
        generator's one Python process busy (0.9 of a core, the server 0.6) and the latencies it timed then measured
        its own queue; built before, the class measures the server."""
        from gradio_client import Client

        start = time.perf_counter()
        try:
            self.client = Client(  # plain HTTP on the loopback: no certificates to load (each request would build a TLS context)
                self.url,
                verbose=False,
                download_files=False,
                analytics_enabled=False,
                ssl_verify=False,
                httpx_kwargs={"timeout": OPEN_TIMEOUT},
            )
        except Exception as exc:
            self.calls.append(Call("connect", "light", None, f"{type(exc).__name__}: {exc}"[:300]))
            return
        self.connect_seconds = time.perf_counter() - start
        self.session_hash = self.client.session_hash

    def open(self) -> bool:
        """Returns whether the page opened as a browser opens it: its HTML (with the app's configuration), then the
        page-load events."""
        start = time.perf_counter()
        try:
            page = httpx.get(self.url, timeout=OPEN_TIMEOUT)
            page.raise_for_status()
        except Exception as exc:
            self.calls.append(Call("open", "light", None, f"{type(exc).__name__}: {exc}"[:300]))
            return False
        self.open_seconds = time.perf_counter() - start
        # the page's light load events (the browser fires more; these are the ones named in the API), with the values a
        # browser sends: the widgets' defaults (a parameter left out takes its default, the seeds above all)
        self.call("gan_reset", csv_file=None, sketch=None)
        self.call("autoencoders_point_ae_2d", z1=0.0, z2=0.0, view="codes")
        self.call("autoencoders_point_vae_2d", z1=0.0, z2=0.0, view="codes")
        self.call("diffusion_forward", source="photo", digit_index=0, photo="astronaut", upload=None)
        self.call("autoencoders_prior", count=16)
        return True

    def run(self, slider_moves: int, play_seconds: float, vae_seconds: float) -> None:
        """Returns after the whole script (open, sliders, generate, Play, VAE, close), whatever failed on the way."""
        if self.client is None:
            self.connect()
        if self.client is None:
            return
        try:
            if not self.open():
                return
            for move in range(slider_moves):
                self.move_slider(move)
                self.think()
            self.generate_digits()
            self.think()
            self.press_play(play_seconds)
            self.think()
            self.train_vae(vae_seconds)
        finally:
            self.client.close()
            self.left_at = time.perf_counter()

    def generate_digits(self) -> None:
        self.generate = self.stream(
            "diffusion_generate",
            VAE_STEPS,
            2,
            sampler="ddim",
            steps=10,
            eta=0.0,
            guidance=2.0,
            digit=str(self.index % 10),
            count=16,
            seed=0,
        )
        assert self.generate.thread is not None
        self.generate.thread.join(GENERATE_TIMEOUT)
        if self.generate.thread.is_alive():
            self.cancel(self.generate)
            self.calls.append(Call("diffusion_generate", "generate", None, f"not done within {GENERATE_TIMEOUT:.0f} s"))
        elif self.generate.error is not None or not self.generate.frames:
            self.calls.append(Call("diffusion_generate", "generate", None, self.generate.error or "no frame"))
        else:
            self.calls.append(Call("diffusion_generate", "generate", self.generate.frames[-1][0] - self.generate.pressed))

    def press_play(self, seconds: float) -> None:
        self.call("gan_reset", csv_file=None, sketch=None, seed=self.index)  # a run of their own seed, then Play
        self.play = self.stream("gan_play", GAN_STEPS, 4)
        deadline = self.play.pressed + seconds
        move = 0
        while time.perf_counter() + MOVE_DURING_PLAY_SECONDS < deadline:
            time.sleep(MOVE_DURING_PLAY_SECONDS)
            self.move_slider(2 * move)  # a latent point, a camera move, a timestep, in turn: light answers while runs train
            move += 1
        time.sleep(max(deadline - time.perf_counter(), 0.0))
        self.gan_window_seconds = time.perf_counter() - self.play.pressed
        self.cancel(self.play)  # Pause's `cancels=[play]`: the page posts /cancel for the Play it started (queued or running)
        paused = self.call("gan_pause", views=["real", "fake", "heatmap", "gradients", "manifold"])
        self.drain(self.play, "gan_play", "play")
        counts = [steps for _, steps in self.play.frames if steps is not None]
        after_pause = _steps(GAN_STEPS, paused[4]) if isinstance(paused, (list, tuple)) else None
        self.gan_steps = max([*counts, after_pause or 0])

    def train_vae(self, seconds: float) -> None:
        self.vae = self.stream("autoencoders_beta_train", VAE_STEPS, 2, beta=1.0, steps=20_000, seed=self.index)
        time.sleep(seconds)
        self.vae_window_seconds = time.perf_counter() - self.vae.pressed
        self.cancel(self.vae)  # Stop's `cancels=[train]`, as the page does
        self.call("autoencoders_beta_stop")
        self.drain(self.vae, "autoencoders_beta_train", "train")
        self.vae_steps = max([steps for _, steps in self.vae.frames if steps is not None], default=0)


# --- the server -------------------------------------------------------------------------------


@contextlib.contextmanager
def gallery() -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Yields (url, process) of `python app.py` on a free loopback port, stopped (with its children) on exit."""
    port = free_port()
    env = {
        **os.environ,
        "GRADIO_SERVER_PORT": str(port),
        "GRADIO_SERVER_NAME": "127.0.0.1",
        "GRADIO_ANALYTICS_ENABLED": "False",
        "HF_HUB_OFFLINE": "1",
    }
    url = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        process = subprocess.Popen([sys.executable, "app.py"], cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            while not answers_200(url):
                if process.poll() is not None or time.perf_counter() - start > START_TIMEOUT:
                    log.seek(0)
                    raise RuntimeError(f"app.py did not start:\n{log.read().decode(errors='replace')[-2000:]}")
                time.sleep(0.1)
            yield url, process
        finally:
            stop(process)


class MemoryWatch:
    """Samples the server's resident memory (with its children) in a thread; `peak` is the largest sample."""

    def __init__(self, process: subprocess.Popen[bytes]):
        self.process = psutil.Process(process.pid)
        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True, name="memory-watch")

    def _sample(self) -> None:
        while not self._stop.is_set():
            with contextlib.suppress(psutil.Error):
                self.peak = max(self.peak, rss_mb(self.process))
            self._stop.wait(MEMORY_POLL_SECONDS)

    def now(self, seconds: float = 2.0) -> float:
        """Returns the median of the memory sampled over `seconds`."""
        samples = []
        for _ in range(max(int(seconds / MEMORY_POLL_SECONDS), 1)):
            samples.append(rss_mb(self.process))
            time.sleep(MEMORY_POLL_SECONDS)
        return median(samples)

    def __enter__(self) -> MemoryWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


# --- one class ----------------------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float | None:
    return float(np.percentile(values, q)) if values else None


def _spread(values: list[float]) -> dict[str, float | None]:
    return {
        "min": min(values) if values else None,
        "median": median(values) if values else None,
        "max": max(values) if values else None,
    }


def play_class(url: str, process: subprocess.Popen[bytes], students: int, quick: bool) -> dict[str, Any]:
    """Returns one class's measurements: `students` students on the warm server at `url`."""
    arrival = QUICK_ARRIVAL_SECONDS if quick else ARRIVAL_SECONDS
    moves = QUICK_SLIDER_MOVES if quick else SLIDER_MOVES
    play_seconds = QUICK_PLAY_SECONDS if quick else PLAY_SECONDS
    vae_seconds = QUICK_VAE_SECONDS if quick else VAE_SECONDS
    settle = QUICK_SETTLE_SECONDS if quick else SETTLE_SECONDS
    load_before = os.getloadavg()
    me, cpu_before = psutil.Process(), psutil.Process().cpu_times()
    server_cpu_before = psutil.Process(process.pid).cpu_times()
    with MemoryWatch(process) as memory:
        idle_mb = memory.now()
        memory.peak = idle_mb
        class_ = [Student(i, url, quick) for i in range(students)]
        for student in class_:  # their sessions, before the clock starts (`Student.connect`)
            student.connect()
        threads = [threading.Thread(target=s.run, args=(moves, play_seconds, vae_seconds), daemon=True) for s in class_]
        start = time.perf_counter()
        for thread in threads:
            thread.start()
            time.sleep(arrival / students)
        for thread in threads:
            thread.join()
        seconds = time.perf_counter() - start
        peak_during_mb = memory.peak
        time.sleep(settle)
        after_mb = memory.now()
    cpu_after, server_cpu_after = me.cpu_times(), psutil.Process(process.pid).cpu_times()
    return summarise(class_, students, seconds, idle_mb, peak_during_mb, after_mb, settle) | {
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "load_generator_cpu_s": (cpu_after.user + cpu_after.system) - (cpu_before.user + cpu_before.system),
        "server_cpu_s": (server_cpu_after.user + server_cpu_after.system) - (server_cpu_before.user + server_cpu_before.system),
    }


def summarise(
    class_: list[Student], students: int, seconds: float, idle_mb: float, peak_mb: float, after_mb: float, settle: float
) -> dict[str, Any]:
    """Returns the per-class figures from the students' records."""
    calls = [c for s in class_ for c in s.calls]
    light = [c.seconds for c in calls if c.kind == "light" and c.error is None and c.seconds is not None]
    without_nerf = [
        c.seconds for c in calls if c.kind == "light" and c.endpoint != "nerf_fly" and c.error is None and c.seconds is not None
    ]
    failed = [c for c in calls if c.error is not None and c.seconds is not None]
    unanswered = [c for c in calls if c.seconds is None]
    first_frames = [s.play.first_frame_seconds() for s in class_ if s.play is not None]
    shown = [f for f in first_frames if f is not None]
    gan_rates = [s.gan_steps / s.gan_window_seconds for s in class_ if s.gan_window_seconds > 0]
    running = [r for s in class_ if s.play is not None and (r := s.play.running_rate()) is not None]
    vae_rates = [s.vae_steps / s.vae_window_seconds for s in class_ if s.vae_window_seconds > 0]
    generate = [c.seconds for c in calls if c.kind == "generate" and c.seconds is not None and c.error is None]
    endpoints: dict[str, list[Call]] = {}
    for c in calls:
        if c.kind == "light":
            endpoints.setdefault(c.endpoint, []).append(c)
    per_endpoint = []
    for name, group in sorted(endpoints.items()):
        ok = [c.seconds for c in group if c.error is None and c.seconds is not None]
        per_endpoint.append(
            {
                "endpoint": name,
                "calls": len(group),
                "p50_s": percentile(ok, 50),
                "p95_s": percentile(ok, 95),
                "max_s": max(ok) if ok else None,
                "failed_or_unanswered": len(group) - len(ok),
            }
        )
    gan = _spread(gan_rates)
    fairness = (gan["min"] or 0.0) / gan["median"] if gan["median"] else 0.0
    errors: dict[str, int] = {}
    for c in failed + unanswered:
        key = f"{c.endpoint}: {c.error}"[:160]
        errors[key] = errors.get(key, 0) + 1
    return {
        "students": students,
        "sessions_distinct": len({s.session_hash for s in class_ if s.session_hash}),
        "seconds": seconds,
        "requests": len(calls),
        "failed": len(failed),
        "unanswered": len(unanswered),
        "client_resends": sum(s.client_resends for s in class_),
        "light_calls": len(light),
        "light_p50_s": percentile(light, 50),
        "light_p95_s": percentile(light, 95),
        "light_max_s": max(light) if light else None,
        "light_p95_without_nerf_s": percentile(without_nerf, 95),
        "open_median_s": median([s.open_seconds for s in class_ if s.open_seconds is not None] or [float("nan")]),
        "connect_median_s": median([s.connect_seconds for s in class_ if s.connect_seconds is not None] or [float("nan")]),
        "generate_median_s": median(generate) if generate else None,
        "generate_max_s": max(generate) if generate else None,
        "plays": len(first_frames),
        "plays_without_frame": len(first_frames) - len(shown),
        "first_frame_median_s": median(shown) if shown else None,
        "first_frame_max_s": max(shown) if shown else None,
        "gan_rate_min": gan["min"],
        "gan_rate_median": gan["median"],
        "gan_rate_max": gan["max"],
        "gan_fairness": fairness,
        "gan_running_rate_median": median(running) if running else None,
        "vae_rate_min": _spread(vae_rates)["min"],
        "vae_rate_median": _spread(vae_rates)["median"],
        "vae_rate_max": _spread(vae_rates)["max"],
        "idle_rss_mb": idle_mb,
        "peak_rss_mb": peak_mb,
        "after_rss_mb": after_mb,
        "after_over_idle": after_mb / idle_mb,
        "settle_seconds": settle,
        "per_endpoint": per_endpoint,
        "errors": errors,
        "gan_rates": gan_rates,
        "vae_rates": vae_rates,
        "first_frames": first_frames,
    }


def warm_up(url: str) -> None:
    """Returns after one student's short script, so that every model the class touches is loaded once."""
    Student(1000, url, quick=True).run(slider_moves=3, play_seconds=1.0, vae_seconds=1.0)


ROW_KEYS = (
    "students",
    "seconds",
    "failed",
    "unanswered",
    "client_resends",
    "light_p50_s",
    "light_p95_s",
    "light_p95_without_nerf_s",
    "first_frame_median_s",
    "first_frame_max_s",
    "plays_without_frame",
    "gan_rate_min",
    "gan_rate_median",
    "gan_rate_max",
    "vae_rate_min",
    "vae_rate_median",
    "vae_rate_max",
    "cold_rss_mb",
    "idle_rss_mb",
    "peak_rss_mb",
    "after_rss_mb",
)


def run(quick: bool) -> dict[str, Any]:
    """Returns the per-class rows, the largest class's figures with their targets, and the raw records."""
    classes = []
    load_at_start = os.getloadavg()
    for students in QUICK_STUDENTS if quick else STUDENTS:
        with gallery() as (url, process):
            cold_mb = rss_mb(psutil.Process(process.pid))
            warm_up(url)
            time.sleep(WARM_SETTLE_SECONDS)
            classes.append(play_class(url, process, students, quick) | {"cold_rss_mb": cold_mb})
            print(f"classroom: {students} students done in {classes[-1]['seconds']:.0f} s", file=sys.stderr, flush=True)
    rows = [{k: c[k] for k in ROW_KEYS} | {"load_1min": c["load_average_before"][0]} for c in classes]
    largest = classes[-1]
    first_frame_worst = float("inf") if largest["plays_without_frame"] else (largest["first_frame_max_s"] or float("inf"))
    light_p95 = largest["light_p95_s"] if largest["light_p95_s"] is not None else float("inf")
    failures = largest["failed"] + largest["unanswered"]
    return {
        "students": largest["students"],
        "failed_or_unanswered": failures,
        "light_p50_s": largest["light_p50_s"],
        "light_p95_s": light_p95,
        "light_p95_without_nerf_s": largest["light_p95_without_nerf_s"],
        "first_frame_max_s": first_frame_worst,
        "plays_without_frame": largest["plays_without_frame"],
        "gan_fairness": largest["gan_fairness"],
        "peak_rss_mb": largest["peak_rss_mb"],
        "after_over_idle": largest["after_over_idle"],
        "setting": {
            "students": list(QUICK_STUDENTS if quick else STUDENTS),
            "arrival_seconds": QUICK_ARRIVAL_SECONDS if quick else ARRIVAL_SECONDS,
            "slider_moves": QUICK_SLIDER_MOVES if quick else SLIDER_MOVES,
            "play_seconds": QUICK_PLAY_SECONDS if quick else PLAY_SECONDS,
            "vae_seconds": QUICK_VAE_SECONDS if quick else VAE_SECONDS,
            "settle_seconds": QUICK_SETTLE_SECONDS if quick else SETTLE_SECONDS,
            "cpu_count": os.cpu_count(),
            "load_average_at_start": [round(x, 2) for x in load_at_start],
            "load_generator": "this process's threads, on the same CPUs as the server (its CPU seconds are in runs)",
        },
        "targets": {
            "failed_or_unanswered": target(failures, 0),
            "light_p95_s": target(light_p95, MAX_LIGHT_P95_S),
            "first_frame_max_s": target(first_frame_worst, MAX_FIRST_FRAME_S),
            "gan_fairness": target(largest["gan_fairness"], minimum=MIN_FAIRNESS),
            "after_over_idle": target(largest["after_over_idle"], 1 + MAX_MEMORY_GROWTH),
        },
        "classes": rows,
        "light_endpoints": largest["per_endpoint"],
        "runs": {str(c["students"]): c for c in classes},  # a dict, so the printed tables skip it
    }
