"""The tests' reader of translated texts (tests/texts.py): a template becomes a regex that reads back what `t` wrote."""

import pytest

from demos.texts import t
from tests.texts import NUMBER, fields, pattern, read, template, value


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_template_reads_back_the_values_t_wrote(lang):
    text = t("toy_status_done", lang, step="1,200", total="30,000", loss="0.512", seconds="7")
    assert pattern("toy_status_done", lang).fullmatch(text).groupdict() == {
        "step": "1,200",
        "total": "30,000",
        "loss": "0.512",
        "seconds": "7",
    }


@pytest.mark.parametrize("lang", ["en", "es"])
def test_fixed_fields_are_written_by_t_and_numeric_specs_match_numbers(lang):
    text = "`███░` " + t(
        "diff_done",
        lang,
        samples=t("common_n_samples", lang, count=8),
        steps=t("common_n_steps", lang, count=10),
        seconds=1234.56,
        evals="x",
    )
    found = read(text, "diff_done", lang, samples=t("common_n_samples", lang, count=8), steps=t("common_n_steps", lang, count=10))
    assert value(found["seconds"], lang) == pytest.approx(1234.6) and found["evals"] == "x"
    assert not pattern("diff_done", lang, samples=t("common_n_samples", lang, count=7)).search(text), (
        "a different fixed value does not match"
    )


@pytest.mark.parametrize(("lang", "count"), [("en", 1), ("en", 8), ("es", 1), ("es", 1797)])
def test_a_counted_key_takes_its_form_and_its_count(lang, count):
    text = t("diff_verdict_cond", lang, count=count, hits=1, digit=7)
    assert read(text, "diff_verdict_cond", lang, count=count) == {"hits": "1", "digit": "7"}
    assert template("diff_verdict_cond", lang, count=count).endswith(".")
    assert (
        read(text, f"diff_verdict_cond_{'one' if count == 1 else 'other'}", lang)["count"]
        == t("common_n_steps", lang, count=count).split()[0]
    )
    other = 2 if count == 1 else 1
    assert not pattern("diff_verdict_cond", lang, count=other).search(text)


def test_a_field_in_latex_and_a_repeated_field():
    text = t("diff_forward_caption", "es", t=250, a=0.5, signal=0.7071, noise=0.7071, snr=1.0)
    found = read(text, "diff_forward_caption", "es")
    assert found["t"] == "250" and found["a"] == "0.5000", "inside LaTeX the number keeps its point"
    assert "t" in fields("diff_forward_caption", "es")
    assert pattern("diff_curve_note", "en", groups={"when": r"\d+ \w+ \d+"}).pattern.count("(?P<when>") == 1


def test_a_template_opening_a_capitalised_sentence_still_matches():
    sentence = t("diff_read_fid_range", "es", sampler="DDPM", low="1,00", high="9,00", low_steps="1.000", high_steps="10")
    text = "Rangos. " + sentence[0].upper() + sentence[1:]
    assert read(text, "diff_read_fid_range", "es", sampler="DDPM")["high"] == "9,00"


@pytest.mark.parametrize(
    ("text", "lang", "number"),
    [
        ("1.797", "es", 1797),
        ("1,797", "en", 1797),
        ("0,52", "es", 0.52),
        ("40 %", "es", 40),
        ("40\u00a0%", "es", 40),
        ("12.5%", "en", 12.5),
        ("−3", "en", -3),
    ],
)
def test_numbers_are_read_the_languages_way(text, lang, number):
    import re

    assert re.fullmatch(NUMBER, text) and value(text, lang) == number


def test_a_missing_text_fails_with_the_template():
    with pytest.raises(AssertionError, match="toy_status_done"):
        read("nothing here", "toy_status_done", "en")
