"""The Diffusion tab's steps-quality section and 2D playground in a real browser, in Spanish (es-AR)."""

import re

import pytest

from demos.locales.es import STRINGS as ES
from tests.test_browser import show_page

pytestmark = pytest.mark.browser


def show(page, selector: str) -> None:
    """Scrolls an element to the top of the view (live plots around it never let it count as "stable")."""
    page.locator(selector).first.evaluate("el => el.scrollIntoView({block: 'start'})")
    page.wait_for_timeout(500)


def snap(page, selector: str, path) -> None:
    """Returns nothing; saves a screenshot of what the element covers on screen."""
    box = page.locator(selector).first.bounding_box()
    page.screenshot(path=str(path), clip=box)


def open_diffusion(browser, app_url):
    context = browser.new_context(locale="es-AR", viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto(app_url)
    page.get_by_role("tab", name=ES["tab_diffusion"], exact=True).wait_for(timeout=30_000)
    page.get_by_role("tab", name=ES["tab_diffusion"], exact=True).click()
    return context, page


def test_the_steps_curve_reads_as_it_measures_with_a_date_and_a_share_axis(browser, app_url, artifacts):
    context, page = open_diffusion(browser, app_url)
    show_page(page, "diffusion", "speed")
    note = page.locator("#diff-curve-note")
    page.wait_for_function(
        "document.querySelector('#diff-curve-note') && document.querySelector('#diff-curve-note')?.innerText.includes('Medido el')",
        timeout=60_000,
    )
    text = note.inner_text()
    assert re.search(
        r"Medido el \d{1,2} de (enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre) de 20\d\d", text
    ), text
    assert not re.search(r"\d{4}-\d\d-\d\dT", text), "no machine timestamp"
    assert re.search(r"FID de DDPM va de \d+,\d\d", text) and "real" in text, "the reading quotes the measured FID, with a decimal comma"
    curve = page.locator("#diff-curve .js-plotly-plot")
    show(page, "#diff-curve")
    page.wait_for_function("document.querySelectorAll('#diff-curve .ytick').length > 0", timeout=30_000)
    ticks = [t.replace("\u2212", "-") for t in curve.locator(".yaxislayer-above .ytick text").all_text_contents()]
    first = [float(t.replace(",", "")) for t in ticks if re.fullmatch(r"-?[\d.,]+", t)]
    assert first and max(first) <= 100 and min(first) >= 0, ticks
    assert "101" not in ticks and "99.5" not in ticks
    snap(page, "#diff-curve", artifacts / "es-AR-diffusion-steps-curve.png")
    show(page, "#diff-curve-note")
    snap(page, "#diff-curve-note", artifacts / "es-AR-diffusion-steps-reading.png")
    context.close()


def test_a_2d_run_cut_by_its_limit_says_so_in_the_browser(browser, app_url, artifacts, monkeypatch):
    from demos import diffusion_toy

    monkeypatch.setattr(diffusion_toy, "TRAIN_SECONDS", 2)  # the app runs in this process
    context, page = open_diffusion(browser, app_url)
    show_page(page, "diffusion", "playground")
    status = page.locator("#toy-status")
    show(page, "#toy-view")
    page.screenshot(path=str(artifacts / "es-AR-diffusion-2d-before.png"))
    hint = status.inner_text()
    assert "Elegí los datos" in hint and f"{diffusion_toy.TOY_TRAIN_DEFAULT:,}".replace(",", ".") in hint
    page.locator("#toy-train").click()
    page.wait_for_function("document.querySelector('#toy-status')?.innerText.includes('Se cortó')", timeout=90_000)
    text = status.inner_text()
    total = f"{diffusion_toy.TOY_TRAIN_DEFAULT:,}".replace(",", ".")
    assert (
        re.search(rf"Se cortó al llegar al límite de 2\u00a0s, tras [\d.]+ de {re.escape(total)} pasos", text) and "Entrenado" not in text
    ), text
    page.wait_for_timeout(1500)
    snap(page, "#toy-view", artifacts / "es-AR-diffusion-2d-cut.png")
    page.screenshot(path=str(artifacts / "es-AR-diffusion-2d-playground.png"), full_page=False)
    context.close()
