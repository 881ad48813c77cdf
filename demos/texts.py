"""The interface's text tables and their lookup, without Gradio (the Streamlit dashboard uses them too)."""

from __future__ import annotations

from typing import Literal

from demos.locales.en import STRINGS as EN
from demos.locales.es import STRINGS as ES
from demos.locales.gradio_en import STRINGS as GRADIO_EN
from demos.locales.gradio_es import STRINGS as GRADIO_ES

Lang = Literal["en", "es"]
LANGS: tuple[Lang, ...] = ("en", "es")
# Gradio's own texts ride along: its frontend reads a key of the app's table before its built-in one.
TABLES: dict[Lang, dict[str, str]] = {"en": {**EN, **GRADIO_EN}, "es": {**ES, **GRADIO_ES}}


def t(key: str, lang: Lang = "en", **params: object) -> str:
    """Returns the text for `key` in `lang`, with `{name}` fields filled from `params`."""
    text = TABLES.get(lang, EN).get(key) or EN[key]
    return text.format(**params) if params else text
