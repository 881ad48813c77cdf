"""Shared fixtures: offline Hugging Face, the app launched in-process, and Chromium."""

from __future__ import annotations

import os
import socket

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(os.environ.get("TEST_ARTIFACTS", ROOT / "tests" / "artifacts"))
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def app_url():
    """The gallery launched in this process on a free port; yields its URL."""
    import app

    demo = app.build_app()
    options = dict(app.LAUNCH_OPTIONS)
    app.serve(demo, server_name="127.0.0.1", server_port=free_port(), quiet=True, **options)
    yield demo.local_url
    demo.close()


@pytest.fixture(scope="session")
def client(app_url):
    from gradio_client import Client

    return Client(app_url, verbose=False)


@pytest.fixture(scope="session")
def spanish_client(app_url):
    from gradio_client import Client

    return Client(app_url, verbose=False, headers={"Accept-Language": "es-AR,es;q=0.9"})


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (Playwright cannot download its own browser here)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: the test command installs Debian's chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


def draw_stroke(page, canvas, start: tuple[float, float], step: tuple[float, float], points: int = 20) -> None:
    """Draws a stroke with the mouse on `canvas` from `start` by `step` per point (fractions of its size)."""
    box = canvas.bounding_box()
    x0, y0, w, h = box["x"], box["y"], box["width"], box["height"]
    page.mouse.move(x0 + start[0] * w, y0 + start[1] * h)
    page.mouse.down()
    for i in range(1, points + 1):
        page.mouse.move(x0 + (start[0] + step[0] * i) * w, y0 + (start[1] + step[1] * i) * h)
    page.mouse.up()
