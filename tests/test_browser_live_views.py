"""Live views in a real browser: a page that streams updates for minutes stays the same size and answers at once.

Gradio's Plot mounts a new chart for every value and leaves the old one referenced (app.HEAD purges it);
the GAN Lab's plane is a picture, which a browser swaps in a millisecond. These tests count the page's
DOM nodes and event listeners (Chrome's `Performance.getMetrics` after a forced garbage collection)
early in a run and after many updates.
"""

import contextlib

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from demos.locales.en import STRINGS as EN

pytestmark = pytest.mark.browser

# counts distinct texts of an element, polling faster than any live view updates
COUNT_UPDATES = """(selector) => {
  window.__updates = 0; window.__last_change = performance.now();
  let text = document.querySelector(selector).innerText;
  window.__poll = setInterval(() => {
    const now = document.querySelector(selector).innerText;
    if (now !== text) { text = now; window.__updates++; window.__last_change = performance.now(); }
  }, 20);
}"""


def page_size(cdp) -> tuple[int, int]:
    """Returns (DOM nodes, JS event listeners) after a forced garbage collection."""
    cdp.send("HeapProfiler.collectGarbage")
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    return int(metrics["Nodes"]), int(metrics["JSEventListeners"])


def wait_for_updates(page, count: int, timeout_ms: int) -> None:
    page.wait_for_function(f"window.__updates >= {count}", timeout=timeout_ms, polling=200)


def open_tab_with_metrics(browser, app_url, tab_key: str):
    """Returns (context, page, CDP session) with the tab `tab_key` open at 1366x768 and Chrome's metrics on."""
    context = browser.new_context(locale="en-US", viewport={"width": 1366, "height": 768})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable")
    page.goto(app_url)
    page.get_by_role("tab", name=EN[tab_key], exact=True).click()
    return context, page, cdp


def test_gan_lab_play_keeps_the_page_size_and_pauses_at_once(browser, app_url, artifacts):
    context, page, cdp = open_tab_with_metrics(browser, app_url, "tab_gans")
    page.wait_for_function(
        "document.querySelector('#gan-status') && document.querySelector('#gan-status').innerText.includes('Iteration 0')", timeout=60_000
    )
    page.locator("#gan-plane img").first.wait_for(timeout=30_000)
    page.evaluate(COUNT_UPDATES, "#gan-status")
    page.locator("#gan-play").click()

    # after 20 updates every part of the view (the curves too) has been drawn a few times
    wait_for_updates(page, 20, 60_000)
    nodes_early, listeners_early = page_size(cdp)
    # 200 updates, or as many as a busy machine streams in 90 s of the run's 120 s (it still plays then)
    with contextlib.suppress(PlaywrightTimeout):
        wait_for_updates(page, 200, 90_000)
    updates = page.evaluate("window.__updates")
    assert updates >= 60, f"only {updates} updates in 90 s"
    nodes_late, listeners_late = page_size(cdp)
    # the same page after many updates as after 20, within a few percent (before the fix: +2,000 nodes an update)
    assert nodes_late <= nodes_early * 1.05, (nodes_early, nodes_late)
    assert listeners_late <= listeners_early * 1.05, (listeners_early, listeners_late)

    clicked = page.evaluate("performance.now()")
    page.locator("#gan-pause").click()
    page.wait_for_timeout(2500)
    last_change = page.evaluate("window.__last_change")
    assert last_change - clicked < 1000, f"the view kept updating {last_change - clicked:.0f} ms after Pause"
    page.screenshot(path=str(artifacts / "en-US-gans-after-200-updates.png"))
    context.close()


@pytest.mark.parametrize(
    ("button", "status", "early", "late"), [("#ae-race-train", "#ae-race-status", 3, 12), ("#ae-beta-train", "#ae-beta-status", 10, 60)]
)
def test_autoencoder_live_runs_keep_the_page_size(browser, app_url, button, status, early, late):
    """The linear AE's race (two plotly charts an update) and the beta VAE's run stream curves for many updates."""
    context, page, cdp = open_tab_with_metrics(browser, app_url, "tab_autoencoders")
    page.locator(button).scroll_into_view_if_needed(timeout=60_000)
    page.evaluate(COUNT_UPDATES, status)
    page.locator(button).click()
    wait_for_updates(page, early, 60_000)
    nodes_early, listeners_early = page_size(cdp)
    with contextlib.suppress(PlaywrightTimeout):
        wait_for_updates(page, late, 60_000)
    updates = page.evaluate("window.__updates")
    # the race ends on its own after about a dozen updates (fewer on a slow machine: they come on a clock); four
    # updates past the first measurement are enough, a leak left about 2,000 nodes per update
    assert updates >= early + 4, f"only {updates} updates in 60 s"
    nodes_late, listeners_late = page_size(cdp)
    # before the fix each update left about 2,000 nodes and 200 listeners behind; allow a twentieth of that
    grown = updates - early
    assert nodes_late - nodes_early <= 100 * grown, (nodes_early, nodes_late, grown)
    assert listeners_late - listeners_early <= 20 * grown, (listeners_early, listeners_late, grown)
    context.close()
