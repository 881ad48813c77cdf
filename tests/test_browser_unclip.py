"""The CLIP tab's unCLIP section in Chromium, in Spanish and English: run the pipeline from the caption the page
fills in, see the prior's draws on the map, the streamed decoder and the verdict; then make variations."""

import pytest

from demos.locales.en import STRINGS as EN
from demos.locales.es import STRINGS as ES
from tests.test_browser import open_page, show_page

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("locale", "table"), [("es-AR", ES), ("en-US", EN)])
def test_unclip_runs_step_by_step_and_makes_variations(browser, app_url, artifacts, locale, table):
    context, page = open_page(browser, app_url, locale)
    page.get_by_role("tab", name=table["tab_clip"], exact=True).click(timeout=90_000)
    # the tab's own sections answer first on page load; then the page is settled
    page.wait_for_function("document.querySelector('#clip-verdict')?.innerText.length > 20", timeout=90_000)
    show_page(page, "clip", "unclip_run")
    caption = table["clip_unclip_default_caption"]
    page.wait_for_function(
        "([c]) => [...document.querySelectorAll('#clip-unclip-caption textarea, #clip-unclip-caption input')].some((e) => e.value === c)",
        arg=[caption],
        timeout=60_000,
    )
    page.locator("#clip-unclip-run").click(timeout=90_000)
    done = table["clip_unclip_done"].split("{")[0]
    page.wait_for_function("([d]) => document.querySelector('#clip-unclip-progress')?.innerText.includes(d)", arg=[done], timeout=90_000)
    # the map holds the prior's 8 draws, numbered as the decoded digits
    page.locator("#clip-unclip-map").scroll_into_view_if_needed(timeout=30_000)
    drawn = table["clip_unclip_map_drawn"]
    page.wait_for_function(
        "([d]) => [...document.querySelectorAll('#clip-unclip-map .legendtext')].some((e) => e.textContent === d)"
        " && document.querySelectorAll('#clip-unclip-map g.textpoint text').length === 8",
        arg=[drawn],
        timeout=60_000,
    )
    verdict = page.locator("#clip-unclip-verdict").inner_text()
    assert table["clip_unclip_verdict"].split("**")[0].strip() in verdict and " 7" in verdict
    assert page.locator("#clip-unclip-digits img").count() == 1
    page.screenshot(path=str(artifacts / f"{locale}-clip-unclip.png"), full_page=False)
    show_page(page, "clip", "unclip_variations")
    page.locator("#clip-unclip-variations-run").click(timeout=90_000)
    kept = table["clip_unclip_variations_text"].split("**")[0].strip()
    page.wait_for_function(
        "([k]) => document.querySelector('#clip-unclip-variations-text')?.innerText.includes(k)", arg=[kept], timeout=60_000
    )
    context.close()
