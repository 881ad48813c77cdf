"""Spanish and English for the whole interface.

Components get `I18N(key)`, which the browser translates with its own language (`gr.I18n`).
Handlers that build text themselves (figure titles, messages, errors) read the language from the
request's Accept-Language header with `lang_of(request)` and translate with `t(key, lang)`; numbers
read with the language's marks with `number(value, lang)` ("0,523" in Spanish), dates as dates with
`format_date(iso, lang)` (defined, like `t`, in the Gradio-free `demos.texts`).
"""

from __future__ import annotations

import gradio as gr

from demos.texts import LANGS, SEPARATORS, TABLES, Lang, format_date, number, t

__all__ = ["I18N", "LANGS", "SEPARATORS", "TABLES", "Lang", "error", "format_date", "lang_of", "number", "t"]
I18N = gr.I18n(en=TABLES["en"], es=TABLES["es"])


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
