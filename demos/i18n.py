"""Spanish and English for the whole interface.

Components get `I18N(key)`, which the browser translates with its own language (`gr.I18n`).
Handlers that build text themselves (figure titles, messages, errors) read the language from the
request's Accept-Language header with `lang_of(request)` and translate with `t(key, lang)`.
"""

from __future__ import annotations

from typing import Literal

import gradio as gr

from demos.locales.en import STRINGS as EN
from demos.locales.es import STRINGS as ES

Lang = Literal["en", "es"]
LANGS: tuple[Lang, ...] = ("en", "es")
TABLES: dict[Lang, dict[str, str]] = {"en": EN, "es": ES}
I18N = gr.I18n(en=EN, es=ES)


def t(key: str, lang: Lang = "en", **params: object) -> str:
    """Returns the text for `key` in `lang`, with `{name}` fields filled from `params`."""
    text = TABLES.get(lang, EN).get(key) or EN[key]
    return text.format(**params) if params else text


def lang_of(request: gr.Request | None) -> Lang:
    """Returns "es" or "en": the first of the two named in the request's Accept-Language header."""
    header = ""
    if request is not None:
        headers = getattr(request, "headers", None) or {}
        header = headers.get("accept-language", "") or ""
    for part in header.split(","):
        primary = part.split(";")[0].strip().lower().split("-")[0]
        if primary in LANGS:
            return primary  # type: ignore[return-value]
    return "en"


def error(key: str, lang: Lang, **params: object) -> gr.Error:
    """Returns a `gr.Error` whose message is translated; raise it from a handler."""
    return gr.Error(t(key, lang, **params), title=t("error_title", lang), print_exception=False)
