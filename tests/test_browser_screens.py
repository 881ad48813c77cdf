"""Every tab on a projector (1366x768) and on a phone (390x844), in Spanish and English: nothing is cut off at the
side; on the projector each page (one idea, its controls and its figure) fits the screen once chosen, its bar at the
top; a screenshot of each tab's first screen (and on the projector, of each of its pages) is kept as a test artifact
(tests/artifacts/screens-*)."""

import pytest

from app import TABS
from demos.locales.en import STRINGS as EN
from demos.locales.es import STRINGS as ES
from tests.test_browser import show_page, tab_pages

pytestmark = pytest.mark.browser

SCREENS = {"projector": (1366, 768), "phone": (390, 844)}
# the elements that stick out past the right edge of the window, if any: not the tab bar's (its overflow menu holds
# the tabs that do not fit, hidden), nor what scrolls inside a box of its own (a wide equation scrolls sideways)
STICKING_OUT = """() => {
    const scrolls = (e) => {
        for (let a = e.parentElement; a; a = a.parentElement) if (['auto', 'scroll'].includes(getComputedStyle(a).overflowX)) return true;
        return false;
    };
    const out = [...document.querySelectorAll('body *')].filter((e) => {
        const r = e.getBoundingClientRect(), style = getComputedStyle(e);
        return e.offsetParent && style.visibility !== 'hidden' && r.width > 0 && r.right > window.innerWidth + 1
            && !e.closest('.tab-wrapper, [role=tablist]') && !scrolls(e);
    });
    return {scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth,
            out: out.slice(0, 3).map((e) => `${e.tagName}#${e.id}.${e.className}`)};
}"""


# how tall a chosen page is, from the top of its bar to its bottom, and where its bar and its bottom sit in the window
PAGE_HEIGHT = """([tab, id]) => {
    const bar = document.querySelector(`#pages-${tab} > .tab-wrapper`).getBoundingClientRect();
    const shown = document.getElementById(`page-${tab}-${id}`).getBoundingClientRect();
    return {height: Math.round(shown.bottom - bar.top), barTop: Math.round(bar.top), bottom: Math.round(shown.bottom)};
}"""


# whether every result of a page has arrived: none of its status trackers is showing (a pending or running event)
SETTLED = """(id) => [...document.getElementById(id).querySelectorAll('[data-testid=status-tracker]')]
    .every((tracker) => tracker.classList.contains('hide'))"""


def select_tab(page, tab_id: str, label: str) -> None:
    """Selects a tab as a person would: its button, or on a narrow screen the "More tabs" menu that holds it."""
    button = page.locator(f"#tab-{tab_id}-button")
    if button.count() and button.is_visible():
        button.click()
        return
    bar = page.locator(".tab-wrapper").first  # the gallery's tabs (a tab's own pages come after)
    bar.locator(".overflow-menu > button").click()
    bar.locator(".overflow-dropdown button", has_text=label).first.click()


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize(("locale", "table"), [("es-AR", ES), ("en-US", EN)])
def test_every_tab_fits_the_width_of_a_projector_and_a_phone(browser, app_url, artifacts, screen, locale, table):
    width, height = SCREENS[screen]
    context = browser.new_context(locale=locale, viewport={"width": width, "height": height})
    context.set_default_timeout(90_000)
    page = context.new_page()
    page.goto(app_url)
    page.locator("#tab-overview-button").wait_for()
    for tab_id, label_key, _ in TABS:
        select_tab(page, tab_id, table[label_key])
        page.wait_for_function("(id) => document.getElementById(id).getAttribute('aria-selected') === 'true'", arg=f"tab-{tab_id}-button")
        assert page.locator(f"#tab-{tab_id}-button").inner_text().strip() == table[label_key]
        page.wait_for_timeout(1500)  # the tab draws its widgets and its first results
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(artifacts / f"screens-{screen}-{locale}-{tab_id}.png"))
        found = page.evaluate(STICKING_OUT)
        assert found["scrollWidth"] <= width and found["out"] == [], (tab_id, found)
        if screen == "projector":  # each page of the tab as a person chooses it: its bar comes to the top, the page fits
            for page_id in tab_pages()[tab_id]:
                show_page(page, tab_id, page_id)
                page.wait_for_function(SETTLED, arg=f"page-{tab_id}-{page_id}", timeout=90_000)  # its first results drawn
                page.wait_for_timeout(500)
                # choosing the page brought its bar to the top; its results, since arrived, may have moved it
                page.locator(f"#pages-{tab_id}").evaluate("el => el.scrollIntoView({block: 'start'})")
                page.screenshot(path=str(artifacts / f"screens-{screen}-{locale}-{tab_id}-{page_id}.png"))
                found = page.evaluate(STICKING_OUT)
                assert found["scrollWidth"] <= width and found["out"] == [], (tab_id, page_id, found)
                size = page.evaluate(PAGE_HEIGHT, [tab_id, page_id])
                assert size["barTop"] >= 0 and size["bottom"] <= height, (tab_id, page_id, size)  # all of it on the screen
    context.close()
