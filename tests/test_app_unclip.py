"""The CLIP tab's unCLIP section through the HTTP API: the streamed pipeline in both languages, variations,
interpolation, the comparison with the baselines, and bad input (empty, huge or emoji-only captions, NaN and huge
guidance, 0 or 10^6 samples, a missing drawing)."""

import json
import re

import pytest
from gradio_client.exceptions import AppError

from demos.texts import t
from tests.test_app_overview import raw_call, stream_error
from tests.texts import read, value


def figure(plot) -> dict:
    return json.loads(plot["plot"]) if isinstance(plot["plot"], str) else plot["plot"]


def range_error(name_key: str, lo: float, hi: float, lang: str = "en") -> str:
    return t("common_err_range", lang, name=t(name_key, lang), lo=lo, hi=hi)


def run(client, caption, **knobs):
    values = {"prior_guidance": 2.0, "decoder_guidance": 3.0, "count": 4, "seed": 0} | knobs
    job = client.submit(caption=caption, **values, api_name="/clip_unclip_run")
    job.result()
    return job.outputs()


def test_the_pipeline_streams_the_prior_then_the_decoder(client):
    outputs = run(client, "a handwritten seven", count=6)
    assert len(outputs) >= 2  # the prior's answer, the decoder's steps at a refresh rate, then the verdict
    space, bars, _, prior_text, _ = outputs[0]
    found = read(prior_text.split("  ", 1)[1], "clip_unclip_prior_done", "en", digit=7)
    assert 0 < value(found["class_cos"]) <= 1  # the draws point the way of the real sevens' mean embedding
    traces = figure(space)["data"]
    assert len(traces) == 4 and traces[3]["text"] == ["1", "2", "3", "4", "5", "6"]  # other digits, the sevens, the caption, the 6 draws
    assert len(figure(bars)["data"]) == 2
    steps = [int(read(o[3].split("  ", 1)[1], "clip_unclip_progress", "en")["i"]) for o in outputs[1:-1]]
    assert steps == sorted(steps) and all(1 <= s < 25 for s in steps), steps
    *_, (last_space, last_bars, tiles, done, verdict) = outputs
    # the last message carries the whole result again, so a streamed message lost on the way leaves nothing missing
    assert figure(last_space)["data"][3]["text"] == traces[3]["text"] and figure(last_bars) == figure(bars)
    assert value(read(done.split("  ", 1)[1], "clip_unclip_done", "en", steps=25)["seconds"]) > 0
    hits = int(read(verdict, "clip_unclip_verdict", "en", n=6, digit=7)["hits"])
    assert hits >= 5, verdict  # the shipped prior and decoder draw the digit asked for
    assert tiles


def test_spanish_caption_and_texts(spanish_client):
    outputs = run(spanish_client, "un 3 escrito a mano", count=4)
    read(outputs[0][3].split("  ", 1)[1], "clip_unclip_prior_done", "es", digit=3)
    hits = int(read(outputs[-1][4], "clip_unclip_verdict", "es", n=4, digit=3)["hits"])
    assert hits >= 3


def test_variations_keep_the_digit_and_interpolation_walks_between_two(client):
    source, tiles, text = client.predict(
        source="digit", example=7, decoder_guidance=3.0, count=6, seed=0, api_name="/clip_unclip_variations"
    )
    found = read(text, "clip_unclip_variations_text", "en", n=6)
    assert int(found["hits"]) >= 5 and 0 < value(found["cos"]) <= 1 and source and tiles
    path, text = client.predict(first=3, second=12, points=5, decoder_guidance=3.0, seed=0, api_name="/clip_unclip_interpolate")
    found = read(text, "clip_unclip_interpolate_text", "en", k=5)
    assert 0 < value(found["angle"]) < 180 and len(found["path"].split(" → ")) == 5 and path


def test_why_a_prior_compares_three_methods_on_the_same_captions(client):
    table, chart, reading = client.predict(per_class=6, seed=0, api_name="/clip_unclip_compare")
    rows = [line for line in table.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert [r.split(" | ")[0][2:] for r in rows] == [t(f"clip_unclip_method_{m}", "en") for m in ("unclip", "text_direct", "caption_only")]
    assert len(figure(chart)["data"]) == 6  # each method: its shares, its diversity
    keys = ("clip_unclip_reading_holds", "clip_unclip_reading_fidelity", "clip_unclip_reading_not_diverse")
    assert sum(t(k, "en").split("{")[0] in reading for k in keys) == 1
    read(reading.split("\n\n")[-1], "clip_unclip_compare_done", "en", captions=60)


@pytest.mark.parametrize(
    ("api", "values", "message"),
    [
        ("/clip_unclip_run", {"caption": ""}, t("clip_unclip_err_empty", "en")),
        ("/clip_unclip_run", {"caption": "   "}, t("clip_unclip_err_empty", "en")),
        ("/clip_unclip_run", {"caption": "🙂🎉🙂"}, t("clip_unclip_err_unknown", "en")),
        ("/clip_unclip_run", {"caption": "a seven", "count": 0}, range_error("clip_unclip_count", 1, 16)),
        ("/clip_unclip_run", {"caption": "a seven", "count": 10**6}, range_error("clip_unclip_count", 1, 16)),
        ("/clip_unclip_run", {"caption": "a seven", "prior_guidance": 1e30}, range_error("clip_unclip_prior_guidance", 0.0, 8.0)),
        ("/clip_unclip_run", {"caption": "a seven", "decoder_guidance": -1}, range_error("clip_unclip_decoder_guidance", 0.0, 8.0)),
        ("/clip_unclip_variations", {"source": "drawing", "sketch": None}, t("common_err_draw_empty", "en")),
        ("/clip_unclip_variations", {"example": 10**6}, range_error("clip_unclip_example", 0, 363)),
        ("/clip_unclip_interpolate", {"points": 10**6}, range_error("clip_unclip_points", 3, 11)),
        ("/clip_unclip_compare", {"per_class": 10**6}, range_error("clip_unclip_per_class", 6, 20)),
    ],
)
def test_bad_input(client, api, values, message):
    with pytest.raises(AppError, match=re.escape(message)):
        client.predict(**values, api_name=api)


def test_a_huge_caption_is_cut_and_said_so(client):
    outputs = run(client, "a handwritten seven " * 5000, count=2)  # 100,000 characters
    assert t("common_truncated", "en") in outputs[-1][4]


def test_nan_guidance_over_raw_http(app_url):
    stream = raw_call(app_url, "clip_unclip_run", '{"data": ["a seven", NaN, 3, 4, 0]}')
    assert stream_error(stream) == t("common_err_not_finite", "en", name=t("clip_unclip_prior_guidance", "en"))
