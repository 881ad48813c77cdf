"""The NeRF tab in a real browser, in Spanish and English: camera sliders, a clicked pixel's ray, a short training."""

import re

import pytest

from demos.locales.en import STRINGS as EN
from demos.locales.es import STRINGS as ES
from tests.test_browser import show_page

pytestmark = pytest.mark.browser


def open_nerf(browser, app_url, locale: str, strings: dict):
    context = browser.new_context(locale=locale, viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto(app_url)
    page.get_by_role("tab", name=strings["tab_nerf"], exact=True).wait_for(timeout=30_000)
    page.get_by_role("tab", name=strings["tab_nerf"], exact=True).click()
    return context, page


def show_fly_page(page) -> None:
    show_page(page, "nerf", "fly")
    page.wait_for_function(
        "document.querySelector('#nerf-view-text') && /dB/.test(document.querySelector('#nerf-view-text')?.innerText)", timeout=90_000
    )


def view_text(page) -> str:
    return page.locator("#nerf-view-text").inner_text()


@pytest.mark.parametrize(("locale", "strings"), [("es-AR", ES), ("en-US", EN)])
def test_camera_sliders_a_clicked_pixel_and_a_short_training(browser, app_url, artifacts, locale, strings):
    context, page = open_nerf(browser, app_url, locale, strings)
    page.wait_for_function("document.querySelectorAll('#nerf-scene .js-plotly-plot').length > 0", timeout=60_000)
    page.locator("#nerf-scene").screenshot(path=str(artifacts / f"{locale}-nerf-scene.png"))
    show_fly_page(page)
    before = view_text(page)
    # move the azimuth slider with the keyboard: a new view renders with its own PSNR
    slider = page.get_by_label(strings["nerf_azimuth"]).first
    slider.focus()
    for _ in range(10):
        slider.press("ArrowRight")
    slider.dispatch_event("pointerup")
    page.wait_for_function("(b) => document.querySelector('#nerf-view-text')?.innerText !== b", arg=before, timeout=60_000)
    assert re.search(r"\d+[.,]\d\sdB", view_text(page))
    page.locator("#nerf-view").screenshot(path=str(artifacts / f"{locale}-nerf-view.png"))
    # click a pixel of the rendered view: the ray plot follows that pixel
    image = page.locator("#nerf-view img").first
    box = image.bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.375, box["y"] + box["height"] * 0.6)
    page.wait_for_function("/\\(\\d+, \\d+\\)/.test(document.querySelector('#nerf-ray-text')?.innerText)", timeout=60_000)
    page.locator("#nerf-ray").screenshot(path=str(artifacts / f"{locale}-nerf-ray.png"))
    # a short training: 10 seconds of the voxel grid
    show_page(page, "nerf", "train")
    seconds = page.get_by_label(strings["nerf_seconds"]).first
    seconds.fill("10")
    seconds.dispatch_event("pointerup")
    page.locator("#nerf-train").click()
    done = strings["nerf_status_done"].split("{")[0].strip()
    page.wait_for_function("(d) => document.querySelector('#nerf-status')?.innerText.includes(d)", arg=done, timeout=120_000)
    assert "dB" in page.locator("#nerf-status").inner_text()
    page.locator("#nerf-live").screenshot(path=str(artifacts / f"{locale}-nerf-live.png"))
    page.locator("#nerf-curves").screenshot(path=str(artifacts / f"{locale}-nerf-curves.png"))
    context.close()
