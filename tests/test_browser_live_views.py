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
from tests.test_browser import show_page

pytestmark = pytest.mark.browser

# counts distinct texts of an element, polling faster than any live view updates
COUNT_UPDATES = """(selector) => {
  if (window.__poll) clearInterval(window.__poll);
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
        "document.querySelector('#gan-status') && document.querySelector('#gan-status')?.innerText.includes('Iteration 0')", timeout=60_000
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

    # counted in updates, not milliseconds (a busy CI machine may take a second to answer Pause):
    # after the click only the frames already under way (4 on a quiet machine; 12 is two seconds of streaming) and Pause's own
    # render arrive, then nothing; a Pause that did not stop the loop would stream on until the 120 s ceiling
    updates_at_click = page.evaluate("window.__updates")
    page.locator("#gan-pause").click()
    page.wait_for_function("performance.now() - window.__last_change > 2500", timeout=30_000, polling=200)
    after_pause = page.evaluate("window.__updates") - updates_at_click
    assert after_pause <= 12, f"the view updated {after_pause} times after Pause"
    page.wait_for_timeout(3000)
    assert page.evaluate("window.__updates") - updates_at_click == after_pause, "the view started updating again after Pause"
    page.screenshot(path=str(artifacts / "en-US-gans-after-200-updates.png"))
    context.close()


def run_until_quiet(page, button: str, status: str, quiet_ms: int = 4000) -> int:
    """Presses `button`, waits until the run's status has not changed for `quiet_ms`, returns how many times it changed."""
    page.evaluate(COUNT_UPDATES, status)
    page.locator(button).click()
    page.wait_for_function(f"window.__updates >= 3 && performance.now() - window.__last_change > {quiet_ms}", timeout=150_000, polling=250)
    return page.evaluate("window.__updates")


def test_autoencoder_race_twice_leaves_the_page_size(browser, app_url):
    """The linear AE's race streams two plotly charts an update and ends by itself after a few seconds.

    The page is measured at rest after a first race and again after a second: a chart left behind by each update
    (before app.HEAD's purge, about 2,000 nodes and 200 listeners an update) would show as growth between the two.
    Measuring at rest avoids catching a chart that is being swapped in.
    """
    context, page, cdp = open_tab_with_metrics(browser, app_url, "tab_autoencoders")
    show_page(page, "autoencoders", "race")
    page.locator("#ae-race-train").scroll_into_view_if_needed(timeout=60_000)
    run_until_quiet(page, "#ae-race-train", "#ae-race-status")
    nodes_first, listeners_first = page_size(cdp)
    updates = run_until_quiet(page, "#ae-race-train", "#ae-race-status")
    nodes_second, listeners_second = page_size(cdp)
    assert updates >= 5, f"only {updates} updates in the second race"
    # allow a twentieth of the old leak per update
    assert nodes_second - nodes_first <= 100 * updates, (nodes_first, nodes_second, updates)
    assert listeners_second - listeners_first <= 10 * updates, (listeners_first, listeners_second, updates)
    context.close()


def beta_run_at_rest(page, updates: int) -> int:
    """Presses Train for the beta VAE, lets it stream `updates` updates (or 60 s), presses Stop and waits until the page is
    quiet; returns how many updates came."""
    page.evaluate(COUNT_UPDATES, "#ae-beta-status")
    page.locator("#ae-beta-train").click()
    with contextlib.suppress(PlaywrightTimeout):
        wait_for_updates(page, updates, 60_000)
    page.locator("#ae-beta-train ~ button").first.click()
    page.wait_for_function("performance.now() - window.__last_change > 4000", timeout=60_000, polling=250)
    return page.evaluate("window.__updates")


def test_autoencoder_beta_run_keeps_the_page_size(browser, app_url):
    """The beta VAE's run streams a chart and a latent map an update; measured at rest after a short run and after a long one.

    A chart left behind by each update (before app.HEAD's purge, about 2,000 nodes and 200 listeners) would show as growth
    between the two; measuring at rest avoids catching a chart that is being swapped in, and a slow machine only gives
    fewer updates, each still checked."""
    context, page, cdp = open_tab_with_metrics(browser, app_url, "tab_autoencoders")
    show_page(page, "autoencoders", "beta")
    page.locator("#ae-beta-train").scroll_into_view_if_needed(timeout=60_000)
    beta_run_at_rest(page, 3)
    nodes_first, listeners_first = page_size(cdp)
    updates = beta_run_at_rest(page, 30)
    nodes_second, listeners_second = page_size(cdp)
    assert updates >= 5, f"only {updates} updates in 60 s"
    assert nodes_second - nodes_first <= 100 * updates, (nodes_first, nodes_second, updates)
    assert listeners_second - listeners_first <= 10 * updates, (listeners_first, listeners_second, updates)
    context.close()
