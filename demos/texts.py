"""The interface's text tables and their lookup, and how numbers and dates read in each language, without Gradio
(the Streamlit dashboard uses them too)."""

from __future__ import annotations

import numbers
import string
from datetime import date
from typing import Literal

from demos.locales.en import LECTURES
from demos.locales.en import STRINGS as EN
from demos.locales.es import STRINGS as ES
from demos.locales.gradio_en import STRINGS as GRADIO_EN
from demos.locales.gradio_es import STRINGS as GRADIO_ES

Lang = Literal["en", "es"]
# Spanish writes a space before the percent sign, and both languages one between a number and its unit ("40 %",
# "1,2 s"): a no-break space, so that a line never ends on the number and starts the next with the sign
NBSP = "\u00a0"
LANGS: tuple[Lang, ...] = ("en", "es")
# Gradio's own texts ride along: its frontend reads a key of the app's table before its built-in one.
TABLES: dict[Lang, dict[str, str]] = {"en": {**EN, **GRADIO_EN}, "es": {**ES, **GRADIO_ES}}
# Keys of the long Markdown texts (demos/locales/lectures/): shown as they are, never formatted.
MARKDOWN_KEYS = frozenset(LECTURES)
MONTHS: dict[Lang, tuple[str, ...]] = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"),
}


def plural_form(count: float, lang: Lang = "en") -> Literal["one", "other"]:
    """Returns the plural form of `count` in `lang`: "one" for exactly 1, "other" for the rest (0, 2, 1.5), in Spanish and English."""
    return "one" if count == 1 else "other"


def format_number(value: float, lang: Lang = "en", decimals: int = 0) -> str:
    """Returns `value` with thousands grouped and `decimals` places: "1.797" and "0,52" in Spanish, "1,797" and "0.52" in English."""
    text = f"{value:,.{decimals}f}"
    return text.translate(str.maketrans(",.", ".,")) if lang == "es" else text


def percent(value: float, lang: Lang = "en", decimals: int = 0) -> str:
    """Returns the share `value` (0.4 is 40 percent) as a percentage: "40 %" and "12,5 %" in Spanish (with a no-break space),
    "40%" and "12.5%" in English."""
    number = format_number(100 * value, lang, decimals)
    return f"{number}{NBSP}%" if lang == "es" else f"{number}%"


_SWAP = str.maketrans(",.", ".,")


def _format(text: str, lang: Lang, params: dict[str, object]) -> str:
    """Returns `text` with its fields filled; in Spanish, numbers outside LaTeX take a decimal comma and a thousands dot."""
    if lang != "es":
        return text.format(**params)
    formatter, out, in_math = string.Formatter(), [], False
    for literal, name, spec, conversion in formatter.parse(text):
        out.append(literal)
        in_math ^= literal.count("$") % 2 == 1
        if name is None:
            continue
        value = formatter.convert_field(formatter.get_field(name, (), params)[0], conversion)
        shown = formatter.format_field(value, spec or "")
        numeric = isinstance(value, numbers.Real) and not isinstance(value, bool)  # numpy's floats too
        if numeric and not in_math:
            shown = shown.translate(_SWAP)
            if (spec or "").endswith("%"):  # `{p:.0%}` writes "40%": Spanish puts a (no-break) space before the sign
                shown = shown[:-1] + NBSP + "%"
        out.append(shown)
    return "".join(out)


def t(key: str, lang: Lang = "en", *, count: int | None = None, **params: object) -> str:
    """Returns the text for `key` in `lang`, with `{name}` fields filled from `params`.

    With `count`, the text is the counted message's form for that number, `key_one` or `key_other`
    ("1 muestra", "2 muestras"), and its `{count}` field is the number written the language's way. Spanish numbers
    take a decimal comma and a thousands dot ("0,52", "1.797") and a no-break space before a percent sign ("{p:.0%}" is "40 %")
    except inside LaTeX, where the comma would be spaced."""
    if params and key in MARKDOWN_KEYS:
        raise ValueError(f"{key!r} is a Markdown text and takes no fields; give the number a short template key instead")
    if count is not None:
        key = f"{key}_{plural_form(count, lang)}"
        if key not in EN:
            raise KeyError(f"{key!r}: a counted message needs the keys {key.rsplit('_', 1)[0]}_one and _other")
        params["count"] = format_number(count, lang)
    text = TABLES.get(lang, EN).get(key) or EN[key]
    return _format(text, lang, params) if params else text


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
