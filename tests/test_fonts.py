"""Text in the images the server draws: one shipped font that has every Spanish letter, in every title."""

from types import SimpleNamespace

import pytest
from PIL import Image, ImageDraw, ImageFont

from demos import raster
from demos.texts import LANGS, t

# Every translated string the server draws into an image, with sample values for its fields.
SERVER_DRAWN = {
    "ae_map_title_codes": {"model": "{ae_map_name_vae_2d}"},
    "ae_map_title_manifold": {"model": "{ae_map_name_ae_2d}"},
    "ae_digit": {},
    "ae_reparam_title": {},
    "ae_beta_panel": {"beta": 0.25},
    "ae_beta_figures": {"kl": 5.3, "rec": 35.1},
    "ae_live_map_title": {"beta": 1.5},
    "diff_unet_legend": {},
}


def render(text: str, font: ImageFont.FreeTypeFont) -> bytes:
    size = font.size
    image = Image.new("L", (3 * size, 3 * size))
    ImageDraw.Draw(image).text((size, size), text, font=font, fill=255)
    return image.tobytes()


def missing_glyphs(text: str, font: ImageFont.FreeTypeFont) -> list[str]:
    """Returns the characters of `text` that `font` draws as its missing-glyph box (.notdef)."""
    notdef = render("\ue000", font)  # a private-use character: no font of ours has it
    return sorted({ch for ch in text if not ch.isspace() and render(ch, font) == notdef})


def test_the_check_sees_a_missing_glyph():
    """Pillow's bundled font has no accented letters: the check must catch them."""
    assert missing_glyphs("códigos", ImageFont.load_default(size=15)) == ["ó"]
    assert missing_glyphs("codigos", ImageFont.load_default(size=15)) == []


def test_server_images_use_the_shipped_font():
    assert raster.FONT_PATH.is_file() and raster.FONT_PATH.parent.name == "fonts"
    assert (raster.FONT_PATH.parent / "LICENSE-DejaVu.txt").is_file()
    assert raster.font(13).path == str(raster.FONT_PATH)
    assert raster.font(13) is raster.font(13), "loaded once per size"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("size", [10, 12, 15])
def test_every_title_drawn_by_the_server_has_its_glyphs(lang, size):
    for key, fields in SERVER_DRAWN.items():
        fields = {name: t(value[1:-1], lang) if isinstance(value, str) else value for name, value in fields.items()}
        text = t(key, lang, **fields)
        assert missing_glyphs(text, raster.font(size)) == [], f"{key} ({lang}): {text!r}"


@pytest.fixture
def drawn_text(monkeypatch):
    """Records (text, font) of every ImageDraw.text call."""
    calls = []
    original = ImageDraw.ImageDraw.text

    def text(self, xy, text, *args, **kwargs):
        calls.append((text, kwargs.get("font")))
        return original(self, xy, text, *args, **kwargs)

    monkeypatch.setattr(ImageDraw.ImageDraw, "text", text)
    return calls


@pytest.mark.parametrize("lang", LANGS)
def test_every_string_in_the_server_drawn_images_has_its_glyphs(drawn_text, lang):
    from demos import autoencoders, diffusion

    request = SimpleNamespace(headers={"accept-language": lang})
    autoencoders.base_map.cache_clear()
    for name in autoencoders.MAP_MODELS:
        for view in autoencoders.VIEWS:
            autoencoders.base_map(name, view, lang)
    autoencoders.reparametrisation("2", 0, 4, 0, "sample", request)
    autoencoders.beta_gallery(request)
    autoencoders.prior_samples(0, 4, request)
    autoencoders._live_map(autoencoders.autoencoder("vae_2d"), 1.0, lang)
    diffusion.unet_diagram(request)
    drawn = list(drawn_text)  # the checks below draw too
    assert any("ó" in text or "í" in text for text, _ in drawn) or lang == "en"
    for text, font in drawn:
        assert isinstance(font, ImageFont.FreeTypeFont) and font.path == str(raster.FONT_PATH), text
        assert missing_glyphs(text, font) == [], text


@pytest.mark.parametrize("lang", LANGS)
def test_map_titles_fit_one_line_at_a_readable_size(lang):
    from demos import autoencoders

    for name in autoencoders.MAP_MODELS:
        axes = autoencoders.axes_of(name)
        for view in autoencoders.VIEWS:
            title = t(f"ae_map_title_{view}", lang, model=t(f"ae_map_name_{name}", lang))
            lines, fitted = raster.fit_lines(title, axes.width - raster.TOOLBAR_CLEARANCE - 4, size=15, max_height=axes.top - 6)
            assert len(lines) == 1 and fitted.size >= 12, title
