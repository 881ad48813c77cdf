"""Gradio's own texts (upload boxes, drawing canvas) in the gallery's Spanish: "vos", never "usted" or "tú"."""

import re

import pytest

from demos.locales.es import STRINGS as ES
from demos.locales.gradio_es import STRINGS as GRADIO_ES
from tests.test_browser import open_page

pytestmark = pytest.mark.browser

# Gradio's built-in Spanish for the keys the gallery replaces, as a student would otherwise read it
BUILT_IN = ["Coloque la imagen aquí", "Haga clic para cargar", "seleccione la herramienta de dibujo para comenzar", "Cargue una imagen"]
USTED = re.compile(r"\b(Arrastre|Coloque|Haga|Suelte|Cargue|Seleccione|Permita|Compruebe|Contacte|Duplique|Inténtelo)\b", re.IGNORECASE)


# the upload box waits behind a choice: an accordion to open (autoencoders), the "my image" source (diffusion)
@pytest.mark.parametrize(
    ("tab", "panel_height", "reveal"), [("tab_autoencoders", "tall", "ae_upload"), ("tab_diffusion", "compact", "common_source_upload")]
)
def test_upload_boxes_speak_voseo(browser, app_url, artifacts, tab, panel_height, reveal):
    context, page = open_page(browser, app_url, "es-AR")
    page.get_by_role("tab", name=ES[tab], exact=True).click()
    panel = page.locator("[role=tabpanel]:visible").first
    panel.get_by_text(ES[reveal], exact=True).first.click()
    upload = panel.locator("input[type=file]").first
    upload.wait_for(state="attached", timeout=30_000)
    text = panel.inner_text()
    assert [s for s in BUILT_IN if s in text] == []
    assert USTED.findall(text) == []
    drop = GRADIO_ES["upload_text.drop_image"]
    assert drop in text and GRADIO_ES["upload_text.click_to_upload"] in text
    panel.get_by_text(drop).first.evaluate("el => el.scrollIntoView({block: 'center'})")
    page.screenshot(path=str(artifacts / f"es-AR-{tab}-upload-box-{panel_height}.png"))
    context.close()
