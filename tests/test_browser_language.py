"""The ES / EN switch: it overrides the browser's language, is remembered on that browser, and `?lang=` in a link sets it.

Both halves follow it: Gradio's labels (translated in the page) and the texts the server writes (numbers with a
decimal comma in Spanish), because the page sends the chosen language with every request.
"""

import pytest

from demos.locales.en import STRINGS as EN
from demos.locales.es import STRINGS as ES

pytestmark = pytest.mark.browser

SUMMARY = "document.querySelector('#overview-summary')"


def overview_summary(page) -> str:
    page.wait_for_function(f"{SUMMARY} && {SUMMARY}.innerText.includes('K = 8')", timeout=60_000)
    return page.locator("#overview-summary").inner_text()


def test_a_link_with_lang_sets_the_language_and_the_browser_remembers_it(browser, app_url, artifacts):
    context = browser.new_context(locale="en-US", viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.goto(app_url + "?lang=es")
    page.get_by_role("tab", name=ES["tab_overview"], exact=True).wait_for(timeout=60_000)
    assert "," in overview_summary(page).split("log")[-1]  # the server wrote Spanish numbers: -0,835
    assert "iteraciones" in overview_summary(page)
    page.screenshot(path=str(artifacts / "en-US-browser-lang-es.png"))

    page.goto(app_url)  # no parameter: the choice is remembered
    page.get_by_role("tab", name=ES["tab_overview"], exact=True).wait_for(timeout=60_000)

    page.locator("#lang-switch a[hreflang=en]").click()  # the switch
    page.get_by_role("tab", name=EN["tab_overview"], exact=True).wait_for(timeout=60_000)
    summary = overview_summary(page)
    assert "iterations" in summary and "-0.8" in summary
    context.close()


def test_without_a_choice_the_browser_language_holds(browser, app_url):
    context = browser.new_context(locale="es-AR", viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.goto(app_url)
    page.get_by_role("tab", name=ES["tab_overview"], exact=True).wait_for(timeout=60_000)
    assert page.evaluate("document.documentElement.dataset.galleryLang") is None
    context.close()


def test_every_tab_name_follows_the_switch(browser, app_url, artifacts):
    """Gradio names the tabs once, in the language it starts in: the choice must be made before it starts, or the tabs
    not shown at that moment keep the browser's language ("Diffusion", "Explore" in the Spanish page)."""
    from app import TABS

    # the gallery's tabs: the first tablist (a tab's own pages have theirs)
    names = "[...document.querySelector('[role=tablist]').querySelectorAll('[role=tab]')].map((e) => e.innerText.trim())"
    context = browser.new_context(locale="en-US", viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.goto(app_url)
    page.get_by_role("tab", name=EN["tab_overview"], exact=True).wait_for(timeout=60_000)
    page.get_by_text("ES", exact=True).click()
    page.get_by_role("tab", name=ES["tab_overview"], exact=True).wait_for(timeout=60_000)
    assert page.evaluate(names) == [ES[key] for _, key, _ in TABS]
    page.screenshot(path=str(artifacts / "en-US-switched-to-es.png"))
    page.get_by_text("EN", exact=True).click()
    page.get_by_role("tab", name=EN["tab_overview"], exact=True).wait_for(timeout=60_000)
    assert page.evaluate(names) == [EN[key] for _, key, _ in TABS]
    context.close()


def test_the_language_script_comes_before_gradios_code(app_url):
    """The page the server sends runs the language script first: Gradio's own `head` scripts run after it has started."""
    import urllib.request

    from app import LANGUAGE_SCRIPT

    with urllib.request.urlopen(app_url + "?lang=es") as response:
        page = response.read().decode()
    assert page.count(LANGUAGE_SCRIPT) == 1
    assert page.index(LANGUAGE_SCRIPT) < page.index('<script type="module"') and page.index("<head>") < page.index(LANGUAGE_SCRIPT)
