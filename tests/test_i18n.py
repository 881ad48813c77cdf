"""Spanish and English: every key in both, same placeholders, language picked from the request."""

import string
from types import SimpleNamespace

import pytest

from demos.i18n import lang_of, t
from demos.locales.en import STRINGS as EN
from demos.locales.es import STRINGS as ES


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_languages_have_the_same_keys():
    assert set(EN) == set(ES)


@pytest.mark.parametrize("key", sorted(EN))
def test_placeholders_match_and_text_is_translated(key):
    if key.startswith(("ov_summary", "ov_sampled", "err_", "csv_", "dash_found")):
        assert fields(EN[key]) == fields(ES[key])
    assert EN[key].strip() and ES[key].strip()


def test_long_texts_are_really_translated():
    same = [k for k in EN if len(EN[k]) > 40 and EN[k] == ES[k]]
    assert same == []


@pytest.mark.parametrize(
    ("header", "lang"),
    [("es-AR,es;q=0.9,en;q=0.8", "es"), ("en-US,en;q=0.9", "en"), ("fr-FR,es;q=0.5", "es"), ("de", "en"), ("", "en")],
)
def test_language_from_accept_language(header, lang):
    assert lang_of(SimpleNamespace(headers={"accept-language": header})) == lang
    assert lang_of(None) == "en"


def test_t_fills_fields_and_falls_back_to_english():
    assert t("err_range", "es", name="K", lo=1, hi=30) == "«K» tiene que estar entre 1 y 30."
    assert t("err_range", "en", name="K", lo=1, hi=30) == "“K” must be between 1 and 30."
