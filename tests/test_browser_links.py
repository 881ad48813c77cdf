"""Links that reopen a setup, in Chromium: for each tab, a section's settings changed by hand, its link copied, the
link opened in a fresh browser; the tab is selected and every setting is back (the section's link, copied again
there, is the same link). A link with unreadable and unknown parameters opens the page with a notice.

One app and one browser for the module.
"""

from urllib.parse import parse_qsl, urlsplit

import pytest

from app import TABS
from demos.locales.en import STRINGS as EN
from demos.locales.es import STRINGS as ES
from tests.test_browser import show_section

pytestmark = pytest.mark.browser

NUMBER = "input[aria-label='{}']"
SLIDER = "input[aria-label^='number input for {}']"
RADIO = "radio:{}"  # the radio button whose label starts so
CHECK = "check:{}"
TEXT = "textarea:{}"  # the text box labelled so
OPEN = "open:{}"  # the closed accordion whose label starts so (Gradio draws its widgets once it is opened)

# tab: (section, [(where, value)], {parameter: value the link must carry})
CHANGES = {
    "overview": ("fit", [(NUMBER.format("Seed"), "5"), (SLIDER.format("Mixture components K"), "5")], {"seed": "5", "components": "5"}),
    "gans": (
        "lab",
        [
            (OPEN.format(EN["gan_training_knobs"]), None),
            (RADIO.format("Minimax (saturating)"), None),
            (NUMBER.format("D learning rate"), "0.003"),
            (SLIDER.format("D steps per G step"), "3"),
        ],
        {"loss": "minimax", "d_lr": "0.003", "d_steps": "3"},
    ),
    "autoencoders": (
        "reparametrisation",
        [(RADIO.format("Use the mean"), None), (SLIDER.format("Samples"), "4")],
        {"mode": "mean", "count": "4"},
    ),
    "diffusion": (
        "generate",
        [(RADIO.format("DDPM"), None), (SLIDER.format("Guidance scale w"), "3.5")],
        {"sampler": "ddpm", "guidance": "3.5"},
    ),
    "clip": (
        "zero_shot",
        [(TEXT.format("Labels (comma-separated)"), "zero, one, seven"), (SLIDER.format("Scale s"), "12")],
        {"labels": "zero, one, seven", "scale": "12"},
    ),
    "stable_diffusion": (
        "generate",
        [(TEXT.format("Prompt"), "a handwritten three"), (NUMBER.format("Seed"), "11")],
        {"prompt": "a handwritten three", "seed": "11"},
    ),
    "nerf": (
        "fly",
        [(RADIO.format("Voxel grid"), None), (SLIDER.format("Azimuth"), "120"), (CHECK.format("Hold the viewing direction"), None)],
        {"model": "grid", "azimuth": "120", "fixed_direction": "true"},
    ),
    "gaussian_splatting": (
        "hand_2d",
        [(SLIDER.format("Rotation"), "75"), (RADIO.format("Orange"), None)],
        {"angle": "75", "colour": "orange"},
    ),
    "trilemma": (
        "fid",
        [(CHECK.format("3"), None), (CHECK.format("7"), None), (SLIDER.format("Blur"), "1.5")],
        {"dropped": "3,7", "blur": "1.5"},
    ),
}
TAB_LABELS = {tab_id: key for tab_id, key, _ in TABS}
SPANISH = {"gans", "diffusion", "nerf", "trilemma"}  # the fresh pages of these tabs open in Spanish


def panel(page, tab: str):
    return page.locator(f"#tab-{tab}")


def change(page, tab: str, where: str, value: str | None) -> None:
    """Sets one widget of `tab` as a person would: types a number (Enter), picks a radio, ticks a box, types text; or
    opens an accordion."""
    kind, _, label = where.partition(":")
    scope = panel(page, tab)
    if kind == "open":
        scope.get_by_text(label).first.click()
    elif kind == "radio":
        scope.locator("label").filter(has_text=label).first.click()
    elif kind == "check":
        scope.get_by_label(label, exact=False).first.check()
    elif kind == "textarea":
        box = scope.get_by_label(label, exact=True).first
        box.fill(value)
        box.blur()
    else:
        box = scope.locator(where).first
        box.fill(value)
        box.press("Enter")


def notice(page, text: str, timeout: float = 120_000) -> None:
    """Waits for a notice (Gradio's toasts group the notices of one kind; the group holds each text)."""
    page.wait_for_function(
        "(text) => Array.from(document.querySelectorAll('.toast-body')).some((t) => t.innerText.includes(text))", arg=text, timeout=timeout
    )


def copied_link(page, tab: str, section: str) -> str:
    field = f"#link-{tab}-{section}-field textarea"
    page.locator(f"#link-{tab}-{section}").click()
    page.wait_for_function(f"document.querySelector({field!r})?.value.startsWith('http')", timeout=120_000)
    return page.locator(field).input_value()


@pytest.fixture(scope="module")
def copied(browser, app_url, artifacts) -> dict[str, str]:
    """Returns each tab's link, copied after a person changed some settings of one of its sections (one page for all)."""
    context = browser.new_context(
        locale="en-US", viewport={"width": 1366, "height": 768}, permissions=["clipboard-read", "clipboard-write"]
    )
    context.set_default_timeout(120_000)  # a loaded machine answers slowly; no value here is a measurement
    page = context.new_page()
    page.goto(app_url)
    page.get_by_role("tab", name=EN["tab_gans"], exact=True).wait_for(timeout=120_000)
    urls = {}
    for tab, (section, changes, expected) in CHANGES.items():
        button = page.get_by_role("tab", name=EN[TAB_LABELS[tab]], exact=True)
        if button.get_attribute("aria-selected") != "true":
            button.click(timeout=120_000)
        show_section(page, tab, section)
        page.locator(f"#link-{tab}-{section}").wait_for(timeout=120_000)
        for where, value in changes:
            change(page, tab, where, value)
        url = copied_link(page, tab, section)
        query = dict(parse_qsl(urlsplit(url).query))
        assert url.startswith(app_url) and query["tab"] == tab and query["section"] == section
        assert {key: query[key] for key in expected} == expected, tab
        assert page.evaluate("navigator.clipboard.readText()") == url  # localhost is a secure context: copied
        urls[tab] = url
        if tab == "gans":
            page.screenshot(path=str(artifacts / "en-US-link-copied-gans.png"))
    context.close()
    return urls


@pytest.mark.parametrize("tab", list(CHANGES))
def test_a_copied_link_reopens_its_tab_with_every_setting(browser, copied, tab, artifacts):
    """The link opened in a fresh browser (its own context: nothing remembered): the tab is selected, the section in
    view, and the section's link copied there again is the same link, so every setting came back."""
    section, _, _ = CHANGES[tab]
    locale = "es-AR" if tab in SPANISH else "en-US"
    texts = ES if locale == "es-AR" else EN
    context = browser.new_context(locale=locale, viewport={"width": 1366, "height": 768})
    context.set_default_timeout(120_000)
    page = context.new_page()
    page.goto(copied[tab])
    notice(page, texts["common_link_restored"])
    page.wait_for_timeout(500)  # the notice comes with the restore's answer; its values a moment after
    assert page.locator(f"#tab-{tab}-button").get_attribute("aria-selected") == "true"
    assert page.locator(f"#tab-{tab}-button").inner_text().strip() == texts[TAB_LABELS[tab]]
    assert page.locator(f"#link-{tab}-{section}").is_visible()  # scrolled to the section
    page.screenshot(path=str(artifacts / f"{locale}-link-opened-{tab}.png"))
    again = copied_link(page, tab, section)
    assert dict(parse_qsl(urlsplit(again).query)) == dict(parse_qsl(urlsplit(copied[tab]).query))
    context.close()


def test_a_link_with_bad_parameters_opens_the_page_with_a_notice(browser, app_url, artifacts):
    context = browser.new_context(locale="es-AR", viewport={"width": 1366, "height": 768})
    context.set_default_timeout(120_000)
    page = context.new_page()
    page.goto(app_url + "?tab=gans&section=lab&d_lr=fast&speed=9&d_steps=99&loss=minimax")
    notice(page, ES["common_link_ignored"].format(names="d_lr, speed"))
    notice(page, ES["common_link_adjusted"].format(names="d_steps"))
    assert page.locator("#tab-gans-button").get_attribute("aria-selected") == "true"
    page.screenshot(path=str(artifacts / "es-AR-link-bad-parameters.png"))
    lab = panel(page, "gans")
    change(page, "gans", OPEN.format(ES["gan_training_knobs"]), None)  # the knobs wait in their accordion
    steps = lab.locator(SLIDER.format(ES["gan_d_steps"]))
    page.wait_for_function("(box) => box.value === '10'", arg=steps.element_handle(), timeout=30_000)  # clamped to its top
    assert lab.locator(NUMBER.format(ES["gan_d_lr"])).input_value() == "0.001"  # the unreadable value is left at its default
    assert lab.locator("label").filter(has_text=ES["loss_minimax"]).first.locator("input").is_checked()
    # the page still works: its link copies (the field in Spanish), and the lab answers a step
    assert "d_steps=10" in copied_link(page, "gans", "lab")
    page.screenshot(path=str(artifacts / "es-AR-link-copied-gans.png"))
    page.locator("#gan-step-both").click()
    page.wait_for_function("document.querySelector('#gan-status')?.innerText.includes('Iteración 1 ·')", timeout=120_000)
    context.close()


def test_a_link_to_a_section_on_a_later_page_selects_that_page(browser, app_url, artifacts):
    """A tab's sections lie on pages (`demos.layout.page`): a link to one that is not on the first page shows its page."""
    context = browser.new_context(locale="en-US", viewport={"width": 1366, "height": 768})
    context.set_default_timeout(120_000)
    page = context.new_page()
    page.goto(app_url + "?tab=clip&section=matrix&image_set=photos")
    notice(page, EN["common_link_restored"])
    page.wait_for_function("document.getElementById('page-clip-matrix-button')?.getAttribute('aria-selected') === 'true'")
    assert page.locator("#page-clip-zero_shot-button").get_attribute("aria-selected") == "false"
    assert page.locator("#link-clip-matrix").is_visible()
    assert panel(page, "clip").locator("label").filter(has_text=EN["clip_set_photos"]).locator("input").is_checked()
    page.screenshot(path=str(artifacts / "en-US-link-opened-clip-matrix.png"))
    context.close()
