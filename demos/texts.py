"""The interface's text tables and their lookup, without Gradio (the Streamlit dashboard uses them too)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from demos.locales.en import LECTURES
from demos.locales.en import STRINGS as EN
from demos.locales.es import STRINGS as ES
from demos.locales.gradio_en import STRINGS as GRADIO_EN
from demos.locales.gradio_es import STRINGS as GRADIO_ES

Lang = Literal["en", "es"]
LANGS: tuple[Lang, ...] = ("en", "es")
# Gradio's own texts ride along: its frontend reads a key of the app's table before its built-in one.
TABLES: dict[Lang, dict[str, str]] = {"en": {**EN, **GRADIO_EN}, "es": {**ES, **GRADIO_ES}}
# Keys of the long Markdown texts (demos/locales/lectures/): shown as they are, never formatted.
MARKDOWN_KEYS = frozenset(LECTURES)
MONTHS: dict[Lang, tuple[str, ...]] = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"),
}


def t(key: str, lang: Lang = "en", **params: object) -> str:
    """Returns the text for `key` in `lang`, with `{name}` fields filled from `params`."""
    if params and key in MARKDOWN_KEYS:
        raise ValueError(f"{key!r} is a Markdown text and takes no fields; give the number a short template key instead")
    text = TABLES.get(lang, EN).get(key) or EN[key]
    return text.format(**params) if params else text


def format_date(iso: str, lang: Lang = "en") -> str:
    """Returns the day of an ISO 8601 date or timestamp as people write it: "20 de noviembre de 2026", "20 November 2026".

    The day is the one written in the timestamp (its own time zone); text that is not an ISO date comes back unchanged."""
    try:
        day = date.fromisoformat(iso[:10])
    except (TypeError, ValueError):
        return iso
    month = MONTHS.get(lang, MONTHS["en"])[day.month - 1]
    return f"{day.day} de {month} de {day.year}" if lang == "es" else f"{day.day} {month} {day.year}"
