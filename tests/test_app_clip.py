"""The CLIP & DALL-E 2 tab through the HTTP API: zero-shot classification with the mini CLIP, the
temperature, the similarity matrix and shared space, an offline real CLIP, and bad input."""

import json

import pytest
from gradio_client import handle_file
from gradio_client.exceptions import AppError

from demos.locales.en import STRINGS as EN
from demos.locales.es import STRINGS as ES

DIGIT_LABELS = "zero, one, two, three, four, five, six, seven, eight, nine"


def figure(plot) -> dict:
    return json.loads(plot["plot"]) if isinstance(plot["plot"], str) else plot["plot"]


def array(value):
    """Returns a plotly array as nested lists (plotly sends large numeric arrays as base64 `bdata`)."""
    import base64

    import numpy as np

    if isinstance(value, dict) and "bdata" in value:
        flat = np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"]))
        shape = [int(n) for n in str(value.get("shape", len(flat))).split(",")]
        return flat.reshape(shape).tolist()
    return value


def classify(client, *, model="mini", source="digit", index=7, photo="cat", upload=None, labels=DIGIT_LABELS,
             template="a handwritten {}", scale=18.0):  # fmt: skip
    bars, verdict, _shown = client.predict(model, source, index, photo, upload, labels, template, scale, api_name="/clip_classify")
    fig = figure(bars)
    names, probs = fig["data"][0]["y"], array(fig["data"][0]["x"])
    return dict(zip(names, probs, strict=True)), verdict


def test_mini_clip_reads_a_seven_and_the_scale_only_sharpens(client):
    sharp, verdict = classify(client, scale=100.0)
    flat, _ = classify(client, scale=1.0)
    assert max(sharp, key=sharp.get) == "seven" == max(flat, key=flat.get)
    assert "**seven**" in verdict
    assert sum(sharp.values()) == pytest.approx(1.0, abs=1e-3) and len(sharp) == 10
    assert sharp["seven"] > 0.95 and flat["seven"] < 0.5  # s = 1: nearly uniform over ten labels


def test_spanish_labels_and_numerals_work_too(client):
    spanish, _ = classify(client, index=3, labels="cero, uno, dos, tres, cuatro, cinco, seis, siete, ocho, nueve", template="un {} escrito a mano")
    assert max(spanish, key=spanish.get) == "tres"
    read = [max(p, key=p.get) for p in (classify(client, index=d, labels=", ".join(str(k) for k in range(10)))[0] for d in range(10))]
    assert sum(r == str(d) for d, r in enumerate(read)) >= 8, read  # the first ten digits of the set are 0 to 9


def test_an_offline_real_clip_falls_back_to_the_mini_one_with_one_sentence(client, spanish_client):
    probs, verdict = classify(client, model="openai/clip-vit-base-patch32")
    assert max(probs, key=probs.get) == "seven"
    assert EN["clip_unavailable"].format(name="openai/clip-vit-base-patch32") in verdict
    _, verdict_es = classify(spanish_client, model="openai/clip-vit-base-patch32")
    assert "no está en esta máquina" in verdict_es


def test_similarity_matrix_has_its_largest_values_on_the_matching_texts(client):
    heat, space, _text = client.predict("mini", "digits", DIGIT_LABELS, "a handwritten {}", api_name="/clip_matrix")
    z = array(figure(heat)["data"][0]["z"])
    assert len(z) == 10 and len(z[0]) == 10
    hits = sum(max(range(10), key=lambda j, row=row: row[j]) == i for i, row in enumerate(z))
    assert hits >= 9
    traces = figure(space)["data"]
    assert [tr["name"] for tr in traces[-2:]] == [EN["clip_images"], EN["clip_texts"]]
    photos = client.predict("mini", "photos", "cat, rocket", "a photo of a {}", api_name="/clip_matrix")
    assert len(array(figure(photos[0])["data"][0]["z"])) == 8


def test_unclip_diagram_has_its_seven_stages_in_the_reader_language(client, spanish_client):
    svg = client.predict(api_name="/clip_diagram")
    assert svg.count("<rect") == 7 and "Prior" in svg and "CLIP text" in svg
    assert "Codificador de" in spanish_client.predict(api_name="/clip_diagram")


def test_a_hundred_thousand_character_label_is_cut_with_a_notice(client):
    probs, verdict = classify(client, labels="seven " * 20_000 + ", one")
    assert len(probs) == 1 or len(probs) == 2
    assert EN["clip_truncated"] in verdict


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"labels": "seven"}, "at least two labels"), ({"labels": ",".join("abcdefghijklm")}, "at most 12"),
     ({"template": "a handwritten"}, "exactly once"), ({"template": "{} and {}"}, "exactly once"),
     ({"model": "someone/evil-model"}, "must be one of"), ({"source": "upload"}, "Upload an image first"),
     ({"index": 5000}, "between 0 and 1796"), ({"scale": 0.0}, "between 1"), ({"photo": "../../etc/passwd", "source": "photo"}, "must be one of")],
)  # fmt: skip
def test_bad_input(client, kwargs, message):
    with pytest.raises(AppError, match=message):
        classify(client, **kwargs)


def test_an_upload_that_is_not_an_image(client, tmp_path):
    bad = tmp_path / "not-an-image.png"
    bad.write_bytes(b"this is text, not a PNG")
    with pytest.raises(AppError, match="could not be read as an image"):
        classify(client, source="upload", upload=handle_file(str(bad)))


def test_nan_scale_over_raw_http(app_url):
    from tests.test_app_overview import raw_call

    body = '{"data": ["mini", "digit", 7, "cat", null, "zero, one", "a handwritten {}", NaN]}'
    assert "finite number" in raw_call(app_url, "clip_classify", body)


def test_spanish_error_messages(spanish_client):
    with pytest.raises(AppError, match=ES["clip_err_few_labels"][:20]):
        classify(spanish_client, labels="siete")
