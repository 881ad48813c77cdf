"""The Gaussian splatting tab in a real browser: the hand-made Gaussians draw, a short 2D fit runs to its end, and the
exported .ply shows in the browser's 3D viewer (software WebGL), in Spanish and in English."""

import io

import numpy as np
import pytest
from PIL import Image

from demos.locales.en import STRINGS as EN
from demos.locales.es import STRINGS as ES
from tests.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.test_browser import show_page

pytestmark = pytest.mark.browser

STATUS = "document.querySelector('#splat-fit2d-status')"


@pytest.fixture(scope="module")
def webgl_browser(browser):
    """A second Chromium with software WebGL (SwiftShader), which the 3D viewer needs on a machine without a GPU."""
    other = browser.browser_type.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, "--enable-unsafe-swiftshader"])
    yield other
    other.close()


@pytest.mark.parametrize(("locale", "table"), [("es-AR", ES), ("en-US", EN)])
def test_a_short_fit_runs_and_the_splat_shows_in_3d(webgl_browser, app_url, artifacts, locale, table):
    context = webgl_browser.new_context(locale=locale, viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto(app_url)
    page.get_by_role("tab", name=table["tab_3dgs"], exact=True).click()
    page.locator("#splat-hand2d img").first.wait_for(timeout=60_000)
    assert "pmatrix" not in page.locator("#splat-hand2d-text").inner_text()  # the LaTeX was typeset
    show_page(page, "gaussian_splatting", "hand3d")  # the same idea in 3D, on the next page
    page.locator("#splat-hand3d img").first.wait_for(timeout=60_000)
    assert "pmatrix" not in page.locator("#splat-hand3d-text").inner_text()

    show_page(page, "gaussian_splatting", "fit2d")
    page.locator("#splat-fit2d").scroll_into_view_if_needed()
    page.locator("#splat-fit2d").click()
    done = table["splat_fit2d_done"].split("{")[0].strip()
    page.wait_for_function(f"{STATUS}.innerText.includes({done!r})", timeout=180_000)
    page.locator("#splat-fit2d-picture img").first.wait_for(timeout=10_000)
    page.screenshot(path=str(artifacts / f"{locale}-splat-fit2d.png"))

    show_page(page, "gaussian_splatting", "ply")
    page.locator("#splat-ply-button").scroll_into_view_if_needed()
    page.locator("#splat-ply-button").click()
    canvas = page.locator("#splat-viewer canvas").first
    canvas.wait_for(timeout=60_000)
    page.wait_for_timeout(4000)  # the viewer loads the file and draws
    pixels = np.asarray(Image.open(io.BytesIO(canvas.screenshot())).convert("RGB")).astype(float)
    assert pixels.std() > 10, "the 3D viewer drew the splat, not a blank canvas"
    page.screenshot(path=str(artifacts / f"{locale}-splat-viewer.png"))
    context.close()
