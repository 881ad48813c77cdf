"""The interface's text tables and their lookup, and how numbers and dates read in each language, without Gradio
(the Streamlit dashboard uses them too)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from demos.locales.en import STRINGS as EN
from demos.locales.es import STRINGS as ES
from demos.locales.gradio_en import STRINGS as GRADIO_EN
from demos.locales.gradio_es import STRINGS as GRADIO_ES

Lang = Literal["en", "es"]
LANGS: tuple[Lang, ...] = ("en", "es")
# Gradio's own texts ride along: its frontend reads a key of the app's table before its built-in one.
TABLES: dict[Lang, dict[str, str]] = {"en": {**EN, **GRADIO_EN}, "es": {**ES, **GRADIO_ES}}
MONTHS: dict[Lang, tuple[str, ...]] = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"),
}


def t(key: str, lang: Lang = "en", **params: object) -> str:
    """Returns the text for `key` in `lang`, with `{name}` fields filled from `params`."""
    text = TABLES.get(lang, EN).get(key) or EN[key]
    return text.format(**params) if params else text


# Plotly's decimal and thousands marks (its layout's `separators`), the same marks `number` writes
SEPARATORS: dict[Lang, str] = {"es": ",.", "en": ".,"}


def number(value: float, lang: Lang = "en", decimals: int = 0, *, spec: str | None = None) -> str:
    """Returns `value` with thousands grouped and `decimals` places: "11.915" and "0,523" in Spanish, "11,915" and "0.523" in English.

    `spec` replaces the grouped fixed-point format with any of Python's (".1%", ".3g"); the marks follow `lang` all the same."""
    text = format(value, spec or f",.{decimals}f")
    return text.translate(str.maketrans(",.", ".,")) if lang == "es" else text


def format_date(iso: str, lang: Lang = "en") -> str:
    """Returns the day of an ISO 8601 date or timestamp as people write it: "20 de noviembre de 2026", "20 November 2026".

    The day is the one written in the timestamp (its own time zone); text that is not an ISO date comes back unchanged."""
    try:
        day = date.fromisoformat(iso[:10])
    except (TypeError, ValueError):
        return iso
    month = MONTHS.get(lang, MONTHS["en"])[day.month - 1]
    return f"{day.day} de {month} de {day.year}" if lang == "es" else f"{day.day} {month} {day.year}"
