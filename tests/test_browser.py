"""The gallery in a real browser (Playwright driving Debian's Chromium), in Spanish and English."""

import functools
import re

import gradio as gr
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from demos.locales.en import STRINGS as EN
from demos.locales.es import STRINGS as ES
from tests.conftest import draw_stroke

pytestmark = pytest.mark.browser

TAB_KEYS = [
    "tab_overview",
    "tab_gans",
    "tab_autoencoders",
    "tab_diffusion",
    "tab_clip",
    "tab_sd",
    "tab_nerf",
    "tab_3dgs",
    "tab_trilemma",
    "tab_explore",
]


def open_page(browser, app_url, locale):
    context = browser.new_context(locale=locale, viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(app_url)
    page.get_by_role("tab", name=(ES if locale.startswith("es") else EN)["tab_overview"]).wait_for(timeout=30_000)
    return context, page


@pytest.mark.parametrize(("locale", "table"), [("es-AR", ES), ("en-US", EN)])
def test_all_ten_tabs_in_the_course_order_and_in_the_browser_language(browser, app_url, artifacts, locale, table):
    context, page = open_page(browser, app_url, locale)
    tabs = page.get_by_role("tablist").first.get_by_role("tab")  # the gallery's tabs (the first tab's pages come after)
    names = [tabs.nth(i).inner_text().strip() for i in range(tabs.count())]
    assert names == [table[key] for key in TAB_KEYS]
    for key in TAB_KEYS:
        page.get_by_role("tab", name=table[key], exact=True).click()
        page.screenshot(path=str(artifacts / f"{locale}-{key}.png"), full_page=True)
    page.get_by_role("tab", name=table["tab_explore"], exact=True).click()
    papers = 0
    for page_id in ("stylegan", "translation"):  # the models to explore, over two pages
        show_page(page, "explore", page_id)
        shown = page.locator(f"#page-explore-{page_id}")
        papers += shown.get_by_role("link", name="paper").count() + shown.get_by_role("link", name="código").count()
    assert papers >= 13
    context.close()


def show_page(page, tab: str, page_id: str, timeout: int = 60_000) -> None:
    """Selects page `page_id` of tab `tab` (`demos.layout.page`) as a person would, and waits until Gradio draws it.

    A bar too narrow for its pages keeps the last ones in a "More tabs" menu (the Autoencoders' Spanish bar at
    1366 px): the menu's buttons have no ids, so the page is found there by its label, read from the bar's own list."""
    bar = page.locator(f"#pages-{tab} > .tab-wrapper")
    bar.locator("[role=tablist]").wait_for(timeout=timeout)
    button = bar.locator(f"#page-{tab}-{page_id}-button")
    if button.count():
        button.click(timeout=timeout)
    else:
        label = bar.locator(".visually-hidden button").nth(tab_pages()[tab].index(page_id)).inner_text()
        bar.locator(".overflow-menu > button").click(timeout=timeout)
        bar.locator(".overflow-dropdown button", has_text=label).first.click(timeout=timeout)
    page.locator(f"#page-{tab}-{page_id}").wait_for(state="visible", timeout=timeout)


@functools.cache
def built_app():
    """Returns the gallery's Blocks, built once for the tests that ask how it is laid out (not launched)."""
    import app

    return app.build_app()


@functools.cache
def tab_pages() -> dict[str, list[str]]:
    """Returns the ids of each tab's pages, in the order of its bar (tabs without pages are left out)."""
    from demos import layout

    out: dict[str, list[str]] = {}
    for block in built_app().blocks.values():
        found = layout.enclosing_page(block) if isinstance(block, gr.Tab) else None
        if found is not None and found[1] == block.id:
            tab, page_id = str(block.id).split(".", 1)
            out.setdefault(tab, []).append(page_id)
    return out


@functools.cache
def section_pages() -> dict[tuple[str, str], str]:
    """Returns the page of each section that lies on one, by (tab, section): as the app lays them out."""
    from demos import links

    sections = links.registry(built_app()).sections
    return {(tab, name): found.page[1].removeprefix(f"{tab}.") for (tab, name), found in sections.items() if found.page is not None}


def show_section(page, tab: str, section: str) -> None:
    """Selects the page that section `section` of tab `tab` lies on (if it lies on one)."""
    page_id = section_pages().get((tab, section))
    if page_id is not None:
        show_page(page, tab, page_id)


def summary_text(page) -> str:
    return page.locator("#overview-summary").inner_text()


@pytest.mark.parametrize(("locale", "table"), [("en-US", EN), ("es-ES", ES)])
def test_overview_fits_switches_dataset_and_draws_new_points(browser, app_url, artifacts, locale, table):
    context, page = open_page(browser, app_url, locale)
    plots = page.locator(".js-plotly-plot")
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot').length >= 2", timeout=60_000)
    page.wait_for_function("document.querySelector('#overview-summary')?.innerText.includes('K = 8')", timeout=60_000)
    assert plots.count() >= 2  # p(y | x) and p(x); the trilemma's triangle is on its own page
    # 2 classes on the default two moons: two legend entries in the classifier plot
    first = summary_text(page)

    # switch to the ring of 8: the classifier now shows 8 classes
    page.get_by_label(table["common_dataset"]).first.click()
    page.get_by_role("option", name=table["common_ds_ring"]).click()
    page.wait_for_function(
        "document.querySelectorAll('.js-plotly-plot')[0]?.querySelectorAll('.legend .traces').length === 8", timeout=60_000
    )
    assert page.locator(".js-plotly-plot").first.locator(".legend .traces").count() == 8

    # draw brand-new points: a new trace appears and the download is offered
    page.get_by_role("button", name=table["ov_sample_button"]).click()
    marker = table["ov_sampled_other"].split("**")[0].strip()
    page.wait_for_function(f"document.querySelector('#overview-summary')?.innerText.includes({marker!r})", timeout=60_000)
    assert summary_text(page) != first
    density = page.locator(".js-plotly-plot").nth(1)
    assert density.locator(".legend .traces").filter(has_text=table["ov_new_points"]).count() == 1
    page.screenshot(path=str(artifacts / f"{locale}-overview-used.png"), full_page=True)
    assert page.locator("span:visible", has_text="new_points").count() >= 1  # the CSV download is offered
    show_page(page, "overview", "trilemma")
    page.wait_for_function("document.querySelectorAll('#page-overview-trilemma .js-plotly-plot').length === 1", timeout=60_000)
    context.close()


def gan_status(page) -> str:
    return page.locator("#gan-status").inner_text()


def test_gan_lab_play_pause_step_and_switch_loss(browser, app_url, artifacts):
    context, page = open_page(browser, app_url, "en-US")
    page.get_by_role("tab", name=EN["tab_gans"], exact=True).click()
    page.wait_for_function(
        "document.querySelector('#gan-status') && document.querySelector('#gan-status')?.innerText.includes('Iteration 0')", timeout=60_000
    )
    first_plot = page.locator("#gan-plane img").first.get_attribute("src")

    page.locator("#gan-play").click()
    # at least 100 generator steps done while playing
    page.wait_for_function("/ (\\d{3,}) of/.test(document.querySelector('#gan-status')?.innerText)", timeout=60_000)
    page.locator("#gan-pause").click(force=True)  # the page keeps redrawing while training
    page.wait_for_timeout(1500)
    paused = gan_status(page)
    page.wait_for_timeout(1000)
    assert gan_status(page) == paused, "pause stops the run"
    assert page.locator("#gan-plane img").first.get_attribute("src") != first_plot, "the picture changed while training"

    iteration, d_steps, g_steps = map(int, re.match(r"Iteration (\d+) · (\d+) D steps · (\d+) of", paused).groups())
    page.locator("#gan-step-d").click()
    try:
        page.wait_for_function(
            f"(t => !t.includes('processing') && t.includes('Iteration ') && !t.includes('Iteration {iteration} '))"
            "(document.querySelector('#gan-status')?.innerText || '')",
            timeout=90_000,
        )
    except PlaywrightTimeout:
        pytest.fail(f"one step of D did not answer: {gan_status(page)!r} (paused at {paused!r})")
    after = gan_status(page)
    assert after.startswith(f"Iteration {iteration + 1} · {d_steps + 1} D steps · {g_steps} of"), (paused, after)

    page.get_by_text(EN["gan_training_knobs"]).click()  # the loss waits in its accordion
    page.locator("#gan-loss").get_by_text(EN["loss_wasserstein"]).click()
    # under a Wasserstein loss the heat map is a critic's score, and its caption (under "More") says so
    page.locator("#gan-more > button").click()
    page.wait_for_function("document.querySelector('#gan-plane-caption')?.innerText.includes('critic')", timeout=90_000)
    page.screenshot(path=str(artifacts / "en-US-gans-used.png"), full_page=True)
    context.close()


def image_src(page, selector: str) -> str:
    return page.locator(f"{selector} img").first.get_attribute("src") or ""


def press_slider_and_wait_for_image(page, slider: str, image: str, presses: int) -> None:
    """Moves the slider `slider` right with the keyboard, then waits until the image in `image` changes."""
    before = image_src(page, image)
    page.locator(f"{slider} input[type=range]").focus()
    for _ in range(presses):
        page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "([sel, old]) => { const img = document.querySelector(sel); return img && img.src !== old; }",
        arg=[f"{image} img", before],
        timeout=30_000,
    )


def test_autoencoders_slider_click_and_drawing(browser, app_url, artifacts):
    context, page = open_page(browser, app_url, "en-US")
    page.get_by_role("tab", name=EN["tab_autoencoders"], exact=True).click()
    page.locator("#ae-decoded-vae_2d img").first.wait_for(timeout=60_000)
    # move the VAE's z1 slider with the keyboard: its decode changes
    press_slider_and_wait_for_image(page, "#ae-vae_2d-z1", "#ae-decoded-vae_2d", 150)
    assert float(page.locator("#ae-vae_2d-z1 input[type=number]").input_value()) > 1.0
    # click the AE's map near its top-left corner: its sliders follow
    ae_z1 = page.locator("#ae-ae_2d-z1 input[type=number]").input_value()
    box = page.locator("#ae-map-ae_2d img").first.bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.2, box["y"] + box["height"] * 0.2)
    page.wait_for_function(
        "([sel, old]) => document.querySelector(sel).value !== old", arg=["#ae-ae_2d-z1 input[type=number]", ae_z1], timeout=30_000
    )
    # draw a digit on the canvas: it is read and placed on both maps
    page.locator("#ae-sketch").scroll_into_view_if_needed()
    page.locator("#ae-sketch button[aria-label=Brush]").click()
    draw_stroke(page, page.locator("#ae-sketch canvas").first, (0.3, 0.2), (0.01, 0.03))  # a vertical stroke: a one
    page.wait_for_function("document.querySelector('#ae-drawn-text')?.innerText.includes('classifier reads')", timeout=30_000)
    page.screenshot(path=str(artifacts / "en-US-autoencoders-used.png"), full_page=True)
    context.close()


def test_diffusion_timestep_slider_and_a_generation(browser, app_url, artifacts):
    context, page = open_page(browser, app_url, "es-ES")
    page.get_by_role("tab", name=ES["tab_diffusion"], exact=True).click()
    page.locator("#diff-pair img").first.wait_for(timeout=60_000)
    press_slider_and_wait_for_image(page, "#diff-t", "#diff-pair", 40)
    show_page(page, "diffusion", "generate")
    page.locator("#diff-generate").click()
    page.wait_for_function("document.querySelector('#diff-verdict')?.innerText.includes('clasificador')", timeout=90_000)
    assert "Hecho" in page.locator("#diff-progress").inner_text()
    # the stream just watched, as a GIF for slides: the button fills a file box with a link to it
    page.locator("#diff-gif-button").click()
    link = page.locator("#diff-gif a[href$='.gif']").first
    link.wait_for(timeout=30_000)
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "denoising.gif"
    page.screenshot(path=str(artifacts / "es-ES-diffusion-used.png"), full_page=True)
    context.close()


def test_trilemma_explainer_sliders(browser, app_url, artifacts):
    context, page = open_page(browser, app_url, "en-US")
    page.get_by_role("tab", name=EN["tab_trilemma"], exact=True).click()
    show_page(page, "trilemma", "fid")
    page.wait_for_function("document.querySelector('#tri-text')?.innerText.includes('FID')", timeout=60_000)
    before = page.locator("#tri-text").inner_text()
    page.locator("#tri-drop").get_by_label("3", exact=True).check()
    page.wait_for_function("([old]) => document.querySelector('#tri-text')?.innerText !== old", arg=[before], timeout=30_000)
    after_drop = page.locator("#tri-text").inner_text()
    slider = page.locator("#tri-blur input[type=range]")
    slider.focus()
    for _ in range(10):
        page.keyboard.press("ArrowRight")
    slider.dispatch_event("pointerup")  # the blur applies when the slider is released
    page.wait_for_function("([old]) => document.querySelector('#tri-text')?.innerText !== old", arg=[after_drop], timeout=30_000)
    # the comparison: another data set redraws the triangles, and the table on the next page
    table_has = "([name]) => document.querySelector('#tri-table')?.textContent.includes(name)"
    show_page(page, "trilemma", "claims")
    page.locator("#tri-table-box > button").click()  # Gradio draws a closed accordion's content once it is opened
    page.wait_for_function(table_has, arg=[EN["tc_ds_digits"]], timeout=30_000)
    show_page(page, "trilemma", "compare")
    page.get_by_label(EN["tc_ds_ring"], exact=True).check()
    show_page(page, "trilemma", "claims")
    page.wait_for_function(table_has, arg=[EN["tc_ds_ring"]], timeout=30_000)
    assert EN["tc_ds_digits"] not in page.locator("#tri-table").text_content()
    show_page(page, "trilemma", "compare")
    assert page.locator("#tri-radar .main-svg").first.is_visible()
    # every chart is plotly with its toolbar, so a chart goes to a slide as a PNG from the camera button
    page.locator("#tri-radar .main-svg").first.hover()
    camera = page.locator("#tri-radar .modebar-btn[data-title='Download plot as a PNG']")
    camera.wait_for(timeout=10_000)
    with page.expect_download() as download:
        camera.click()
    assert download.value.suggested_filename.endswith(".png")
    page.mouse.wheel(0, 3000)
    page.screenshot(path=str(artifacts / "en-US-trilemma-used.png"), full_page=True)
    context.close()


def test_clip_zero_shot_and_stable_diffusion_stream(browser, app_url, artifacts):
    context, page = open_page(browser, app_url, "es-ES")
    page.get_by_role("tab", name=ES["tab_clip"], exact=True).click()
    page.wait_for_function(
        "document.querySelector('#clip-verdict')?.innerText.includes('siete') || "
        "document.querySelector('#clip-verdict')?.innerText.includes('seven')",
        timeout=60_000,
    )
    before = page.locator("#clip-verdict").inner_text()
    assert "siete" in before  # a Spanish reader starts from Spanish labels
    labels = page.locator("#clip-labels textarea")
    labels.fill("0, 1, 2, 3, 4, 5, 6, 7, 8, 9")
    page.locator("#clip-template input, #clip-template textarea").first.fill("un {} escrito a mano")
    page.locator("#clip-run").click()
    # the new verdict names the numeral label (the old one said "siete"); the markdown is rendered, not shown raw
    page.wait_for_function(
        "!document.querySelector('#clip-verdict')?.innerText.includes('siete') && "
        "document.querySelector('#clip-verdict')?.innerText.includes('7')",
        timeout=30_000,
    )
    assert "**" not in page.locator("#clip-verdict").inner_text() and before != page.locator("#clip-verdict").inner_text()
    page.mouse.wheel(0, 2500)
    page.screenshot(path=str(artifacts / "es-ES-clip-used.png"), full_page=True)
    page.get_by_role("tab", name=ES["tab_sd"], exact=True).click()
    page.locator("#sd-prompt textarea, #sd-prompt input").first.fill("un 3 escrito a mano")
    page.locator("#sd-run").click()
    page.wait_for_function("document.querySelector('#sd-status')?.innerText.includes('Hecho')", timeout=90_000)
    assert page.locator("#sd-picture img").first.is_visible()
    page.screenshot(path=str(artifacts / "es-ES-sd-used.png"), full_page=True)
    context.close()
