"""Small things a student meets in Spanish: the drawing canvas, map titles under the toolbar, the Explore tables."""

import pytest

from demos.locales.catalog import RESOURCE_FAMILY
from demos.locales.en import STRINGS as EN
from demos.locales.es import STRINGS as ES
from tests.conftest import draw_stroke
from tests.test_browser import show_page, tab_pages


def open_tab(browser, app_url, tab_key: str, *, width: int = 1366):
    context = browser.new_context(locale="es-AR", viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(app_url)
    page.get_by_role("tab", name=ES["tab_overview"]).wait_for(timeout=30_000)
    page.get_by_role("tab", name=ES[tab_key], exact=True).click()
    return context, page


# The pixels of an <img> under a rectangle of the page (in the image's own pixels), read through a canvas.
PIXELS_UNDER = """([imgSelector, rect]) => {
    const img = document.querySelector(imgSelector);
    const box = img.getBoundingClientRect();
    const sx = img.naturalWidth / box.width, sy = img.naturalHeight / box.height;
    const x0 = Math.max(0, (rect.x - box.x) * sx), y0 = Math.max(0, (rect.y - box.y) * sy);
    const x1 = Math.min(img.naturalWidth, (rect.x + rect.width - box.x) * sx);
    const y1 = Math.min(img.naturalHeight, (rect.y + rect.height - box.y) * sy);
    if (x1 <= x0 || y1 <= y0) return [];
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(Math.floor(x0), Math.floor(y0), Math.ceil(x1 - x0), Math.ceil(y1 - y0)).data;
    const dark = [];
    for (let i = 0; i < data.length; i += 4) if (Math.min(data[i], data[i + 1], data[i + 2]) < 200) dark.push(i / 4);
    return dark;
}"""


@pytest.mark.browser
def test_map_titles_stay_clear_of_the_image_toolbar(browser, app_url, artifacts):
    context, page = open_tab(browser, app_url, "tab_autoencoders")
    for name in ("ae_2d", "vae_2d"):
        selector = f"#ae-map-{name} img"
        page.wait_for_function(
            f"document.querySelector({selector!r}) && document.querySelector({selector!r}).naturalWidth > 0", timeout=60_000
        )
        page.locator(selector).scroll_into_view_if_needed()
        buttons = page.locator(f"#ae-map-{name} button").all()
        toolbar = [b.bounding_box() for b in buttons if b.bounding_box() and b.bounding_box()["height"] < 60]
        assert toolbar, "Gradio's image toolbar is there"
        x0, y0 = min(b["x"] for b in toolbar) - 4, min(b["y"] for b in toolbar) - 4
        x1, y1 = max(b["x"] + b["width"] for b in toolbar) + 4, max(b["y"] + b["height"] for b in toolbar) + 4
        rect = {"x": x0, "y": y0, "width": x1 - x0, "height": y1 - y0}
        assert page.evaluate(PIXELS_UNDER, [selector, rect]) == [], f"{name}: the title runs under the toolbar"
    page.locator("#ae-map-vae_2d").screenshot(path=str(artifacts / "es-AR-autoencoders-map-title.png"))
    context.close()


@pytest.mark.browser
def test_drawing_on_the_autoencoder_canvas_works_without_picking_the_brush(browser, app_url, artifacts):
    context, page = open_tab(browser, app_url, "tab_autoencoders")
    page.locator("#ae-decoded-vae_2d img").first.wait_for(timeout=60_000)
    page.locator("#ae-sketch").scroll_into_view_if_needed()
    canvas = page.locator("#ae-sketch canvas").first
    canvas.wait_for(timeout=30_000)
    page.wait_for_timeout(500)
    draw_stroke(page, canvas, (0.5, 0.2), (0.005, 0.03))  # a vertical stroke: a one
    reads = ES["ae_draw_text"].split("**")[0].strip()
    page.wait_for_function(f"document.querySelector('#ae-drawn-text')?.innerText.includes({reads!r})", timeout=60_000)
    page.locator("#ae-sketch").screenshot(path=str(artifacts / "es-AR-autoencoders-drawn.png"))
    context.close()


# Family names of the resource lists: translated by the gallery's own tab names.
FAMILIES = {"tab_gans", "tab_autoencoders", "tab_diffusion", "tab_nerf", "tab_3dgs", "*"}


def test_resource_families_are_tab_names_in_each_language():
    assert set(RESOURCE_FAMILY.values()) <= FAMILIES
    assert ">Difusión</span> |" in ES["explore_resources"] and ">Diffusion</span> |" not in ES["explore_resources"]
    assert ">Diffusion</span> |" in EN["explore_resources"]


# Returns every word of the Explore tables (links, headers, names, descriptions) with the number of lines it takes.
WORD_LINES = """() => {
    const out = [];
    for (const cell of document.querySelectorAll('[role=tabpanel] table th, [role=tabpanel] table td')) {
        if (cell.offsetParent === null) continue;
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const match of node.textContent.matchAll(/[^\\s-]+/g)) {  // words, split at spaces and hyphens
                const r = document.createRange();
                r.setStart(node, match.index); r.setEnd(node, match.index + match[0].length);
                out.push([match[0], new Set([...r.getClientRects()].map(q => Math.round(q.top))).size]);
            }
        }
    }
    return out;
}"""


@pytest.mark.browser
def test_explore_links_never_break_inside_a_word(browser, app_url, artifacts):
    context, page = open_tab(browser, app_url, "tab_explore")
    page.get_by_role("link", name="código").first.wait_for(timeout=30_000)
    for width in (1366, 900, 600):  # a laptop, a narrow window, a phone on its side
        # links and words stay whole on every page of the catalogue; the page does not scroll sideways
        page.set_viewport_size({"width": width, "height": 900})
        words = []
        for page_id in tab_pages()["explore"]:
            show_page(page, "explore", page_id)
            page.wait_for_timeout(300)
            words += page.evaluate(WORD_LINES)
            assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
        assert len(words) > 300
        broken = [word for word, lines in words if lines > 1]
        assert broken == [], f"{width} px: words broken across lines: {broken}"
        page.screenshot(path=str(artifacts / f"es-AR-explore-{width}.png"), full_page=True)
    show_page(page, "explore", "resources")  # the resource lists, whose families are the tabs' own names
    table = page.locator("table:visible").filter(has_text="Familia").first
    families = table.locator("td:nth-child(3)").all_inner_texts()
    assert "Difusión" in families and "Diffusion" not in families
    context.close()
