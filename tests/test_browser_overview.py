"""The Overview tab's own points in a real browser: choosing the CSV data set waits for a file, without errors."""

import time

import pytest

from demos.locales.es import STRINGS as ES

pytestmark = pytest.mark.browser

ERRORS = "[data-testid=toast-body].error"  # Gradio's error popup
BADGES = "[data-testid=status-tracker] .error"  # the red Error badge over an output


def open_overview(browser, app_url):
    context = browser.new_context(locale="es-AR", viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto(app_url)
    page.get_by_role("tab", name=ES["tab_overview"]).wait_for(timeout=30_000)
    page.wait_for_function("document.querySelector('#overview-summary')?.innerText.includes('K = 8')", timeout=60_000)
    return context, page


def visible_errors(page) -> list[str]:
    """Returns the texts of the red Error badges on outputs and of Gradio's error popups now on screen."""
    return page.locator(f"{BADGES}:visible").all_inner_texts() + page.locator(f"{ERRORS}:visible").all_inner_texts()


def test_choosing_my_points_opens_the_upload_box_and_waits_for_a_file(browser, app_url, artifacts, tmp_path):
    context, page = open_overview(browser, app_url)
    upload = page.locator("#overview-csv input[type=file]")
    assert not page.locator("#overview-csv").is_visible(), "the upload box starts closed"

    page.get_by_label(ES["common_dataset"]).first.click()
    page.get_by_role("option", name=ES["common_ds_csv"]).click()
    page.locator("#overview-csv").wait_for(state="visible", timeout=10_000)
    hint = ES["ov_csv_wait"].split("**")[0].strip()
    page.wait_for_function(f"document.querySelector('#overview-csv-hint')?.innerText.includes({hint!r})", timeout=30_000)
    page.wait_for_timeout(1500)  # an error would have come back by now
    assert visible_errors(page) == []
    page.screenshot(path=str(artifacts / "es-AR-overview-csv-waiting.png"), full_page=True)

    # a good file: both plots are redrawn from its three clusters and no error stays on screen
    rows = [
        (x + dx / 10, y + dy / 10, k) for k, (x, y) in enumerate([(0, 0), (3, 0), (0, 3)]) for dx in range(-3, 4) for dy in range(-3, 4)
    ]
    path = tmp_path / "mis_puntos.csv"
    path.write_text("x,y,label\n" + "\n".join(f"{x},{y},{k}" for x, y, k in rows))
    upload.set_input_files(str(path))
    page.wait_for_function(
        "document.querySelectorAll('.js-plotly-plot')[0]?.querySelectorAll('.legend .traces').length === 3", timeout=60_000
    )
    assert page.locator(".js-plotly-plot").nth(1).locator(".legend .traces").count() >= 2, "the density plot is drawn"
    page.wait_for_function("document.querySelector('#overview-summary')?.innerText.includes('K = ')", timeout=30_000)
    assert page.locator("#overview-csv-hint").inner_text().strip() == ""
    page.wait_for_timeout(1000)
    assert visible_errors(page) == []
    page.screenshot(path=str(artifacts / "es-AR-overview-csv-uploaded.png"), full_page=True)
    context.close()


def test_an_error_popup_goes_away_when_a_good_file_arrives(browser, app_url, tmp_path):
    context, page = open_overview(browser, app_url)
    page.get_by_label(ES["common_dataset"]).first.click()
    page.get_by_role("option", name=ES["common_ds_csv"]).click()
    upload = page.locator("#overview-csv input[type=file]")
    bad = tmp_path / "malo.csv"
    bad.write_text("x,y\n1,2\n")
    upload.set_input_files(str(bad))
    page.locator(f"{ERRORS}:visible").first.wait_for(timeout=30_000)
    shown = time.monotonic()
    assert page.get_by_label(ES["common_dataset"]).first.is_visible(), "no error badge hides the data set menu"
    before = page.locator("#overview-summary").inner_text()
    page.locator("#overview-csv button[aria-label]").first.click()  # Gradio's own ✕ (clear) on the uploaded file
    good = tmp_path / "bueno.csv"
    good.write_text("x,y\n" + "\n".join(f"{i % 7},{i // 7}" for i in range(49)))
    upload.set_input_files(str(good))
    page.wait_for_function(
        "([old]) => { const s = document.querySelector('#overview-summary')?.innerText; return s !== old && s.includes('K = '); }",
        arg=[before],
        timeout=60_000,
    )
    page.wait_for_function(f"document.querySelectorAll({ERRORS!r}).length === 0", timeout=3_000)
    # Gradio closes an error popup by itself after 10 s: it must have gone before that
    assert time.monotonic() - shown < 10, "the machine was too slow for this check to mean anything"
    assert visible_errors(page) == []
    context.close()
