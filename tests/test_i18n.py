"""Spanish and English: every key in both, same placeholders, language picked from the request."""

import string
from types import SimpleNamespace

import pytest

from demos.i18n import lang_of, t
from demos.locales.en import STRINGS as EN
from demos.locales.es import STRINGS as ES


def fields(text: str) -> set[str]:
    """Returns the `{name}` fields of a template (an empty name for a positional `{}`)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_both_languages_have_the_same_keys():
    assert set(EN) == set(ES)


@pytest.mark.parametrize("key", sorted(EN))
def test_text_is_there_in_both_languages(key):
    assert EN[key].strip() and ES[key].strip()


def test_every_template_has_the_same_fields_in_both_languages():
    """Every key of the tables is a `str.format` template (Markdown texts live apart and are never formatted)."""
    from demos.texts import MARKDOWN_KEYS

    templates = sorted(set(EN) - MARKDOWN_KEYS)
    assert len(templates) > 500
    differ = [(key, fields(EN[key]), fields(ES[key])) for key in templates if fields(EN[key]) != fields(ES[key])]
    assert differ == []
    assert fields(EN["diff_forward_caption"]) == {"t", "a", "signal", "noise", "snr"}  # LaTeX braces are doubled, not fields


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


def test_student_facing_texts_give_no_commands_and_point_to_no_readme():
    """Students read the app, not the repository: a missing result says who can make it, not how."""
    offenders = [key for table in (EN, ES) for key, text in table.items() if "python -m" in text or "README" in text]
    assert offenders == []


def test_percentages_take_a_no_break_space_before_the_sign_in_spanish():
    """A line never ends on "92" with "%" starting the next: the space before the sign does not break."""
    from demos.texts import percent

    assert percent(0.4, "es") == "40\u00a0%" and percent(0.4, "en") == "40%"
    assert percent(0.125, "es", 1) == "12,5\u00a0%" and percent(0.125, "en", 1) == "12.5%" and percent(12.34, "es") == "1.234\u00a0%"
    assert t("clip_verdict", "es", label="7", p=0.912, s=18.0, learned=100.0, p_learned=0.5) == (
        "Lo más probable: **7** (91,2\u00a0% con s = 18,0; 50,0\u00a0% con la escala que aprendió el modelo, s = 100,0)."
    )


def test_numbers_and_their_units_never_split_across_lines():
    """Between a number (or a field that holds one) and a percent sign or a unit's symbol, both languages put a no-break
    space (LaTeX aside, where spaces are not text): "92 %", "{seconds} s", "28 dB" stay on one line."""
    import re

    from demos.texts import TABLES

    split = re.compile(r"(\d|\})[ \t](%|ms|µs|s|dB|px|kB|MB|GB)(?!\w)")
    offenders = {
        (lang, key): split.findall(re.sub(r"\$\$.*?\$\$|\$[^$]*\$", "", text, flags=re.S))
        for lang, table in TABLES.items()
        for key, text in table.items()
    }
    assert {where: found for where, found in offenders.items() if found} == {}
    assert "\u00a0" in t("ae_live_status", "es", step=1, total=2, rec=1.0, kl=0.5, seconds=3.0)
    assert "91.2%" in t("clip_verdict", "en", label="7", p=0.912, s=18.0, learned=100.0, p_learned=0.5)


def test_t_fills_fields_and_falls_back_to_english():
    assert t("common_err_range", "es", name="K", lo=1, hi=30) == "«K» tiene que estar entre 1 y 30."
    assert t("common_err_range", "en", name="K", lo=1, hi=30) == "“K” must be between 1 and 30."


@pytest.mark.parametrize(
    ("iso", "lang", "shown"),
    [
        ("2026-11-20T10:11:12+00:00", "es", "20 de noviembre de 2026"),
        ("2026-11-20T10:11:12+00:00", "en", "20 November 2026"),
        ("2027-01-05", "es", "5 de enero de 2027"),
        ("2027-01-05T23:59:59", "en", "5 January 2027"),
    ],
)
def test_format_date_reads_like_a_date_in_each_language(iso, lang, shown):
    from demos.i18n import format_date

    assert format_date(iso, lang) == shown


@pytest.mark.parametrize("raw", ["?", "", "yesterday"])
def test_format_date_leaves_what_is_not_a_date_alone(raw):
    from demos.i18n import format_date

    assert format_date(raw, "es") == raw


def test_gradio_texts_use_voseo_and_ride_in_the_app_tables():
    import re

    from demos.i18n import I18N, TABLES
    from demos.locales.gradio_en import STRINGS as GRADIO_EN
    from demos.locales.gradio_es import STRINGS as GRADIO_ES

    assert set(GRADIO_EN) == set(GRADIO_ES)
    assert all(fields(GRADIO_EN[k]) == fields(GRADIO_ES[k]) for k in GRADIO_EN)
    usted_or_tu = re.compile(
        r"\b(aquí|Arrastre|Arrastra|Coloque|Haga|Haz|Suelte|suelta|Cargue|Sube|seleccione|selecciona|permita|Compruebe|contacte|"
        r"Duplique|inténtelo|está visitando|debe)\b",
        re.IGNORECASE,
    )
    assert [text for text in GRADIO_ES.values() if usted_or_tu.search(text)] == []
    assert GRADIO_ES["upload_text.drop_image"] == "Arrastrá la imagen acá"
    assert GRADIO_ES["upload_text.click_to_upload"] == "Hacé clic para subir"
    for lang, table in (("en", GRADIO_EN), ("es", GRADIO_ES)):
        assert table.items() <= TABLES[lang].items() and table.items() <= I18N.translations_dict[lang].items()


def test_gradio_keys_are_keys_of_the_installed_gradio():
    """Each overridden key is one that Gradio's frontend defines (its English table), so an upgrade that renames one shows here."""
    from pathlib import Path

    import gradio

    from demos.locales.gradio_en import STRINGS as GRADIO_EN

    assets = Path(gradio.__file__).parent / "templates" / "frontend" / "assets"
    bundle = "".join(path.read_text(encoding="utf-8") for path in assets.glob("core-*.js"))
    for key, english in GRADIO_EN.items():
        section, leaf = key.split(".")
        assert f"{leaf}:`{english}`" in bundle, key
        assert section in bundle, key


def test_lectures_are_markdown_files_with_the_same_sections_in_both_languages():
    from demos.locales.markdown import LECTURES, parse_sections

    files = {lang: sorted(p.name for p in (LECTURES / lang).glob("*.md")) for lang in ("en", "es")}
    assert files["en"] == files["es"] and len(files["en"]) >= 9
    for name in files["en"]:
        keys = {lang: list(parse_sections((LECTURES / lang / name).read_text(encoding="utf-8"))) for lang in ("en", "es")}
        assert keys["en"] == keys["es"], name
        for key in keys["en"]:
            assert EN[key].startswith(("#", "**")) or len(EN[key]) > 100, key
    assert t("topic_diffusion", "en") == EN["topic_diffusion"] and "\\bar\\alpha_t" in EN["topic_diffusion"]


def test_markdown_texts_are_never_formatted():
    from demos.texts import MARKDOWN_KEYS

    assert {"topic_diffusion", "gan_intro", "tri_compare_help", "exp_mode_collapse"} <= MARKDOWN_KEYS
    with pytest.raises(ValueError, match="Markdown"):
        t("topic_autoencoders", "es", n=3)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("stray\n<!-- key: a -->\nx", "before the first"),
        ("<!-- key: a -->\nx\n<!-- key: a -->\ny", "twice"),
        ("<!-- key: a -->\n\n<!-- key: b -->\ny", "empty"),
    ],
)
def test_markdown_sections_are_parsed_strictly(text, problem):
    from demos.locales.markdown import parse_sections

    assert parse_sections("<!-- key: a -->\n## A\n\ntext {x}\n\n<!-- key: b_2 -->\nmore\n") == {"a": "## A\n\ntext {x}", "b_2": "more"}
    with pytest.raises(ValueError, match=problem):
        parse_sections(text)


def test_counted_messages_have_both_forms_and_the_same_fields():
    counted = {key.rsplit("_", 1)[0] for key in EN if key.endswith(("_one", "_other"))}
    assert {"common_n_samples", "common_n_steps", "ov_sampled", "diff_verdict_cond", "tc_n_seeds"} <= counted
    for base in counted:
        for form in ("one", "other"):
            assert fields(EN[f"{base}_{form}"]) == fields(ES[f"{base}_{form}"]), base
        assert fields(EN[f"{base}_other"]) >= {"count"}, base


@pytest.mark.parametrize(
    ("lang", "count", "shown"),
    [
        ("es", 1, "1 muestra"),
        ("es", 2, "2 muestras"),
        ("es", 0, "0 muestras"),
        ("es", 1797, "1.797 muestras"),
        ("en", 1, "1 sample"),
        ("en", 2, "2 samples"),
        ("en", 0, "0 samples"),
        ("en", 1797, "1,797 samples"),
    ],
)
def test_t_picks_the_plural_form_of_a_count(lang, count, shown):
    assert t("common_n_samples", lang, count=count) == shown


def test_counted_messages_read_right_at_one():
    assert t("common_n_steps", "es", count=1) == "1 paso" and t("common_n_steps", "en", count=3) == "3 steps"
    assert t("ov_sampled", "en", count=1, ll=-1.5) == "Drew **1** new point; its log-likelihood under the mixture is -1.500."
    assert t("ov_sampled", "es", count=2, ll=-1.5).startswith("Se generaron **2** puntos nuevos")
    assert t("sd_img2img_text", "es", count=1, s=1.0, k=1, seconds=0.5) == "Intensidad 1,00: se ejecuta 1 de 1 paso (0,50\u00a0s)."
    with pytest.raises(KeyError, match="_one and _other"):
        t("common_err_range", "en", count=2, name="K", lo=1, hi=3)


def test_keys_shared_by_several_tabs_say_so():
    """A key looked up by two tabs' modules (or by the shared helpers in inputs.py and layout.py) starts with `common_`."""
    import ast
    from collections import defaultdict
    from pathlib import Path

    same_tab = {
        "trilemma_charts": "trilemma",
        "trilemma_dashboard": "trilemma",
        "trilemma_reading": "trilemma",
        "gan_digits": "gans",
        "gan_plots": "gans",
        "splat_plots": "splat",
        "unclip": "clip",
        "unclip_plots": "clip",
    }
    tabs = defaultdict(set)
    for path in Path("demos").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in EN:
                tabs[node.value].add(same_tab.get(path.stem, path.stem))
    shared = {key for key, used in tabs.items() if len(used) > 1 or used & {"inputs", "layout"}}
    assert {"common_seed", "common_dataset", "common_err_range", "common_train"} <= shared
    assert sorted(key for key in shared if not key.startswith("common_")) == []


def _spanish_texts() -> dict[str, str]:
    from demos.locales.gradio_es import STRINGS as GRADIO_ES

    return {key: text for key, text in ES.items() if not key.startswith("explore_")} | GRADIO_ES


# Tú imperatives and present forms (the interface speaks vos), and Spain-only words; matched as whole words, case-sensitive
# where a capital marks the imperative at the start of a sentence ("Prueba con..." is an order, "una prueba" a noun).
TU_FORMS = (
    r"\b(pulsa|Pulsa|(?<!se )elige|Elige|(?<!dónde )mira|Mira|Prueba con|prueba con|sube|Sube|mueve|Mueve|haz|Haz|"
    r"puedes|tienes|quieres|verás|fíjate|Ejecuta|"
    r"Fíjate|Imagina|Compara|Escribe|Arrastra|Entrena antes|Espera a|Deja al|deja más|Léelo|Lee siempre|estropéalos|aquí|Aquí|"
    r"en directo|ordenador|vosotros|\w+áis)\b"
)
GLOSSARY_BANNED = {
    r"\bmodas\b": "modos",
    r"\b[Rr]ejilla\b": "grilla",
    r"\b[Rr]ecall\b": "exhaustividad",
    r"desviaci[óo]n t[íi]pica": "desvío estándar",
    r"\best[áa]tica\b": "ruido puro",
    r"muestras seguras|[Ll]ecturas seguras": "con confianza > 90 %",
    r"clasificador (de dígitos )?lee\b|\blee el clasificador": "reconoce",
    r"\b(la|una|de la) FID\b": "el FID",
    r"\bel KL\b|\bdel KL\b": "la KL",
    r"aplicaci[óo]n lineal": "transformación lineal",
    r"incrustaci[óo]n|\brepresentaci[óo]n(es)? (de|del) (texto|imagen)": "embedding",
    r"\b(campo de|el|del) score\b": "función de puntuación (score)",
    r"programa de ruido": "calendario de ruido",
    r"\b[Aa]pretá\b": "tocá",
    r"\b[Kk]L inversa\b(?![^<]*</details>)": "desequilibrio entre modos (the reverse KL is named only in Go deeper)",
    r"\d%": "90 % (a space before %)",
}


def test_spanish_texts_speak_with_vos():
    import re

    found = {key: re.findall(TU_FORMS, text) for key, text in _spanish_texts().items()}
    assert {key: words for key, words in found.items() if words} == {}


@pytest.mark.parametrize(("banned", "use"), sorted(GLOSSARY_BANNED.items()))
def test_spanish_texts_follow_the_glossary(banned, use):
    import re

    # `{x:.1%}` formats its own percent sign: it is a field, not text
    offenders = [key for key, text in _spanish_texts().items() if re.search(banned, re.sub(r"\{[^{}]*\}", "", text))]
    assert offenders == [], f"use {use!r}"


def test_glossary_terms_are_the_ones_used():
    from pathlib import Path

    glossary = (Path("demos") / "locales" / "GLOSSARY.md").read_text(encoding="utf-8")
    spanish = "\n".join(_spanish_texts().values()).lower()
    for term in ("grilla", "exhaustividad", "desvío estándar", "calendario de ruido", "embedding", "función de puntuación", "ruido puro"):
        assert term in glossary and term in spanish, term
    assert "modos" in spanish and "el fid" in spanish and "la kl" in spanish


@pytest.mark.parametrize("lang", ["en", "es"])
def test_lecture_sections_open_with_a_short_look_and_try(lang):
    """What to look at and what to try comes first, in at most about 80 words (headings, LaTeX and markup aside); the rest
    of a long section follows it or waits in a collapsed Go deeper block."""
    import re

    from demos.locales.markdown import load_lectures

    cue = {"en": r"\*\*(Look at|Try)\b", "es": r"\*\*(Mirá|Probá)\b"}[lang]
    long_openings, openings = {}, 0
    for key, text in load_lectures(lang).items():
        visible = "\n".join(line for line in text.split("<details")[0].splitlines() if not line.startswith("#"))
        paragraphs = [p for p in re.split(r"\n\s*\n", visible) if p.strip() and not p.lstrip().startswith(("|", "$$"))]
        opening = re.sub(r"\$[^$]*\$", "x", paragraphs[0]) if paragraphs else ""
        if re.search(cue, opening):
            openings += 1
            words = len(opening.split())
            if words > 90:
                long_openings[key] = words
    assert openings >= 30 and long_openings == {}


LONGEST_BODY = {"en": 180, "es": 210}  # words; Spanish takes about 15% more words to say the same


@pytest.mark.parametrize("lang", ["en", "es"])
def test_lecture_sections_stay_short_outside_go_deeper(lang):
    """What a section shows before its collapsed blocks (tables included, headings aside, each formula one word) stays short
    enough to read in class: the longest were 256 words in English and 287 in Spanish (topic_autoencoders) before what the
    course does not teach moved into Go deeper."""
    import re

    from demos.locales.markdown import load_lectures

    def visible_words(text: str) -> int:
        text = re.sub(r"<details>.*?</details>", " ", text, flags=re.S)
        lines = [line for line in text.splitlines() if not line.startswith("#") and not re.fullmatch(r"\|[-:| ]+\|", line.strip())]
        text = re.sub(r"\$\$.*?\$\$", " x ", "\n".join(lines), flags=re.S)
        return len(re.sub(r"[|*]", " ", re.sub(r"\$[^$]*\$", "x", text)).split())

    assert visible_words("## T\n**Look at:** a $x^2$ b\n\n| A | B |\n|---|---|\n| c d | e |\n\n$$y$$\n<details>f g h</details>") == 11
    long = {key: words for key, text in load_lectures(lang).items() if (words := visible_words(text)) > LONGEST_BODY[lang]}
    assert long == {}


def test_gan_losses_beyond_the_course_read_in_plain_words_and_point_to_go_deeper():
    """The loss radio names each loss the course does not teach by what it does, its paper's name in brackets; its info line
    says what each is in one clause and points to the lab's Go deeper block, which explains them."""
    import re

    from core.gan.losses import LOSSES
    from demos.gans import SETTING_KNOBS
    from demos.knobs import by_name

    knob = by_name(SETTING_KNOBS)["loss"]
    assert knob.info == "gan_loss_info"
    paper = {"wgan_gp": ("WGAN-GP", "WGAN-GP"), "least_squares": ("least squares", "mínimos cuadrados"), "hinge": ("hinge", "hinge")}
    for loss in LOSSES:
        for lang, table in (("en", EN), ("es", ES)):
            label = table[knob.choice_key(loss)]
            if loss in paper:
                name = paper[loss][lang == "es"]
                assert re.fullmatch(rf"\S.* \({re.escape(name)}\)", label), label  # plain words first, the paper's name after
                assert name in table["gan_loss_info"] and name in table["gan_intro"].split("<details>")[1]
    assert "Go deeper" in EN["gan_loss_info"] and "Para profundizar" in ES["gan_loss_info"]
    assert EN["loss_non_saturating"].startswith("Modified minimax")  # the course's name for it


@pytest.mark.parametrize(
    ("text", "lead", "rest"),
    [
        ("### One\n**Look at:** x. **Try:** y.\n\nMore.\n\n$$a$$", "### One\n**Look at:** x. **Try:** y.", "More.\n\n$$a$$"),
        ("## One\n\n**Try:** y.\n\nMore.", "## One\n\n**Try:** y.", "More."),
        ("**Try:** y.", "**Try:** y.", ""),
        ("$$a$$\n\nMore.", "", "$$a$$\n\nMore."),  # an equation is never a lead
    ],
)
def test_a_lecture_splits_into_its_lead_and_the_rest(text, lead, rest):
    from demos.locales.markdown import split_lead

    assert split_lead(text) == (lead, rest)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_lecture_has_its_lead_and_its_rest_in_the_table(lang):
    """`demos.layout.intro` shows a lecture's lead and folds its rest: both come from the lecture, in both languages alike."""
    from demos.locales.markdown import load_lectures

    table = {"en": EN, "es": ES}[lang]
    for key, text in load_lectures(lang).items():
        rest = table.get(f"{key}_more", "")
        assert table[f"{key}_lead"] and (table[f"{key}_lead"] + ("\n\n" + rest if rest else "")).split() == text.split(), key
        assert (f"{key}_more" in EN) == (f"{key}_more" in ES), key  # folded in one language, folded in the other
