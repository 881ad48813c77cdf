"""The Streamlit trilemma dashboard, served by the gallery's own server under /dashboard/ and linked from the Trilemma tab."""

import urllib.request

import pytest

from demos.locales.en import STRINGS as EN
from demos.locales.es import STRINGS as ES

pytestmark = pytest.mark.browser


def test_the_dashboard_answers_on_the_gallerys_port(app_url):
    with urllib.request.urlopen(app_url.rstrip("/") + "/dashboard/_stcore/health", timeout=60) as response:
        assert response.status == 200 and response.read() == b"ok"


@pytest.mark.parametrize(("locale", "strings"), [("es-AR", ES), ("en-US", EN)])
def test_the_trilemma_tab_links_to_the_dashboard_in_its_language(browser, app_url, artifacts, locale, strings):
    context = browser.new_context(locale=locale, viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.goto(app_url)
    page.get_by_role("tab", name=strings["tab_trilemma"], exact=True).click()
    link = page.locator("#tri-dashboard-link a").first
    link.wait_for(timeout=30_000)
    href = link.get_attribute("href")
    assert href is not None and href.startswith("/dashboard/") and f"lang={locale[:2]}" in href
    page.goto(app_url.rstrip("/") + href)
    heading = page.get_by_role("heading", level=1).first
    heading.wait_for(timeout=90_000)
    assert heading.inner_text() == strings["dash_title"]
    page.get_by_text(strings["dash_rerun"]).first.wait_for(timeout=60_000)  # the page ran to its end
    assert page.get_by_text("Deploy", exact=True).count() == 0  # no Streamlit toolbar for students
    page.screenshot(path=str(artifacts / f"{locale}-dashboard-mounted.png"))
    context.close()
