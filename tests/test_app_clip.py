"""The CLIP & DALL-E 2 tab through the HTTP API: zero-shot classification with the mini CLIP, the
temperature, the similarity matrix and shared space, an offline real CLIP, and bad input."""

import json
import re

import pytest
from gradio_client import handle_file
from gradio_client.exceptions import AppError

from core.data.images import PHOTOS
from demos.locales.en import STRINGS as EN
from demos.locales.es import STRINGS as ES
from demos.texts import t
from tests.texts import pattern, read, value

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


def classify(
    client, *, model="mini", source="digit", index=7, photo="cat", upload=None, labels=DIGIT_LABELS, template="a handwritten {}", scale=18.0
):
    bars, verdict, _shown = client.predict(model, source, index, photo, upload, labels, template, scale, api_name="/clip_classify")
    fig = figure(bars)
    names, probs = fig["data"][0]["y"], array(fig["data"][0]["x"])
    return dict(zip(names, probs, strict=True)), verdict


def test_mini_clip_reads_a_seven_and_the_scale_only_sharpens(client):
    sharp, verdict = classify(client, scale=100.0)
    flat, _ = classify(client, scale=1.0)
    assert max(sharp, key=sharp.get) == "seven" == max(flat, key=flat.get)
    shown = read(verdict, "clip_verdict", "en", label="seven", s=100.0)["p"]
    assert value(shown) == pytest.approx(100 * sharp["seven"], abs=0.06), "the verdict quotes the bar's probability"
    assert sum(sharp.values()) == pytest.approx(1.0, abs=1e-3) and len(sharp) == 10
    assert sharp["seven"] > 0.95 and flat["seven"] < 0.5  # s = 1: nearly uniform over ten labels


def test_spanish_labels_and_numerals_work_too(client):
    spanish, _ = classify(
        client, index=3, labels="cero, uno, dos, tres, cuatro, cinco, seis, siete, ocho, nueve", template="un {} escrito a mano"
    )
    assert max(spanish, key=spanish.get) == "tres"
    read = [max(p, key=p.get) for p in (classify(client, index=d, labels=", ".join(str(k) for k in range(10)))[0] for d in range(10))]
    assert sum(r == str(d) for d, r in enumerate(read)) >= 8, read  # the first ten digits of the set are 0 to 9


def test_an_offline_real_clip_falls_back_to_the_mini_one_with_one_sentence(client, spanish_client):
    probs, verdict = classify(client, model="openai/clip-vit-base-patch32")
    assert max(probs, key=probs.get) == "seven"
    assert EN["clip_unavailable"].format(name="openai/clip-vit-base-patch32") in verdict
    _, verdict_es = classify(spanish_client, model="openai/clip-vit-base-patch32")
    assert t("clip_unavailable", "es", name="openai/clip-vit-base-patch32") in verdict_es


def test_every_answer_names_the_model_that_answered_and_what_it_learned_from(client, spanish_client):
    _, verdict = classify(client)
    assert verdict.startswith(EN["clip_answered_mini"]) and read(verdict, "clip_verdict", "en", label="seven")
    _, verdict = classify(client, model="openai/clip-vit-base-patch32")  # offline: the mini CLIP answered, and says so first
    assert verdict.startswith(EN["clip_answered_mini"])
    assert classify(spanish_client)[1].startswith(ES["clip_answered_mini"])
    text = client.predict("mini", "digits", DIGIT_LABELS, "a handwritten {}", api_name="/clip_matrix")[-1]
    assert text.startswith(EN["clip_answered_mini"])


@pytest.mark.parametrize(("labels", "template"), [("cat, dog", "a photo of a {}"), (DIGIT_LABELS, "a handwritten {}")])
def test_a_photo_shown_to_the_mini_clip_gets_no_verdict_but_a_warning_beside_it(client, labels, template):
    probs, verdict = classify(client, source="photo", photo="cat", labels=labels, template=template)
    k = len(probs)
    assert EN["clip_reason_photo"] in read(verdict, "clip_meaningless", "en", k=k, chance=1 / k)["reasons"]
    assert not pattern("clip_verdict", "en").search(verdict)  # never presented as if it knew
    bars, _, shown = client.predict("mini", "photo", 7, "cat", None, labels, template, 18.0, api_name="/clip_classify")
    shapes = figure(bars)["layout"]["shapes"]
    assert [round(shape["x0"], 3) for shape in shapes] == [round(1 / len(probs), 3)]  # the chance line beside the bars
    import numpy as np
    from PIL import Image

    with Image.open(shown) as seen:  # the 8x8 pixels the mini CLIP sees, drawn large: flat 28x28 blocks
        pixels = np.asarray(seen.convert("RGB"), dtype=np.float32)
    blocks = pixels.reshape(8, 28, 8, 28, 3)
    assert pixels.shape == (224, 224, 3) and np.abs(blocks - blocks.mean((1, 3), keepdims=True)).mean() < 3


def test_labels_the_mini_clip_never_read_are_named_and_their_answer_called_meaningless(client, spanish_client):
    probs, verdict = classify(client, labels="cat, dog", template="a photo of a {}")
    words = ", ".join(t("clip_word", "en", w=w) for w in ("cat", "dog"))
    assert t("clip_reason_words", "en", words=words) in verdict and not pattern("clip_verdict", "en").search(verdict)
    assert max(probs.values()) < 0.75  # near a coin toss over two labels it never saw
    _, verdict_es = classify(spanish_client, source="photo", labels="gato, perro", template="una foto de un {}")
    words_es = ", ".join(t("clip_word", "es", w=w) for w in ("gato", "perro"))
    assert t("clip_reason_words", "es", words=words_es) in verdict_es and ES["clip_reason_photo"] in verdict_es


def test_the_failure_presets_say_a_real_clip_is_needed_instead_of_showing_mini_clip_numbers(client, spanish_client):
    outputs = client.predict(18.0, api_name="/clip_failure_counting")
    note = outputs[-1]
    assert EN["clip_fail_needs_real"].split("{")[0] in note and EN["clip_fail_counting_what"] in note
    assert all(not isinstance(o, dict) or "plot" not in o for o in outputs[:-1])  # no bars were drawn
    assert ES["clip_fail_colour_what"] in spanish_client.predict(18.0, api_name="/clip_failure_colour")[-1]


def test_a_failure_preset_runs_on_a_real_clip_when_one_is_here(monkeypatch):
    from demos import clip

    calls = []
    monkeypatch.setattr(clip, "clip_available", lambda name: name == clip.CLIP_ALLOWLIST[1])
    monkeypatch.setattr(clip, "classify", lambda *args: calls.append(args) or ("bars", "verdict", "shown"))
    model, source, photo, labels, template, bars, verdict, _shown, note = clip.failure_example("counting", 18.0, None)
    assert (model, source, photo, template, bars, note) == (clip.CLIP_ALLOWLIST[1], "photo", "coins", "a photo of {}", "bars", "")
    assert calls[0][:2] == (clip.CLIP_ALLOWLIST[1], "photo") and "24 coins" in labels and verdict == "verdict"


def test_the_examples_are_in_the_reader_language(client, spanish_client):
    labels, template, photos = spanish_client.predict(api_name="/clip_defaults")
    assert labels.startswith("cero, uno, dos") and template == "un {} escrito a mano"
    assert ("gato", "cat") in [tuple(c) for c in photos["choices"]]
    assert client.predict(api_name="/clip_defaults")[0] == DIGIT_LABELS
    spanish, _ = classify(spanish_client, labels=labels, template=template)
    assert max(spanish, key=spanish.get) == "siete"  # the mini CLIP reads them
    heat = spanish_client.predict("mini", "photos", "gato, cohete", "una foto de un {}", api_name="/clip_matrix")[0]
    assert {"gato", "astronauta", "monedas"} <= set(figure(heat)["data"][0]["y"])


def test_names_on_the_plane_never_cover_each_other_and_all_show_on_hover(client):
    from demos import clip

    for image_set in ("digits", "photos"):
        space = figure(client.predict("mini", image_set, DIGIT_LABELS, "a handwritten {}", api_name="/clip_matrix")[1])
        layout = space["layout"]
        x_range, y_range = layout["xaxis"]["range"], layout["yaxis"]["range"]
        scale = min(clip.PLOT_AREA_PX[0] / (x_range[1] - x_range[0]), clip.PLOT_AREA_PX[1] / (y_range[1] - y_range[0]))
        boxes, hovered = [], []
        for trace in space["data"]:
            if "text" not in trace.get("mode", ""):
                continue
            xs, ys = array(trace["x"]), array(trace["y"])
            hovered += trace["hovertext"]
            for x, y, text, position in zip(xs, ys, trace["text"], trace["textposition"], strict=True):
                if text:
                    boxes.append(clip.label_box(x, y, text, position, scale))
        assert len(hovered) == 20 if image_set == "digits" else 18
        assert len(boxes) >= 8  # most names are drawn
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)


def test_similarity_matrix_has_its_largest_values_on_the_matching_texts(client):
    heat, space, _text = client.predict("mini", "digits", DIGIT_LABELS, "a handwritten {}", api_name="/clip_matrix")
    z = array(figure(heat)["data"][0]["z"])
    assert len(z) == 10 and len(z[0]) == 10
    hits = sum(max(range(10), key=lambda j, row=row: row[j]) == i for i, row in enumerate(z))
    assert hits >= 9
    traces = figure(space)["data"]
    assert [tr["name"] for tr in traces[-2:]] == [EN["clip_images"], EN["clip_texts"]]
    photos = client.predict("mini", "photos", "cat, rocket", "a photo of a {}", api_name="/clip_matrix")
    assert len(array(figure(photos[0])["data"][0]["z"])) == len(PHOTOS)  # one row per bundled photo


def test_unclip_diagram_has_its_seven_stages_in_the_reader_language(client, spanish_client):
    svg = client.predict(api_name="/clip_diagram")
    svg_es = spanish_client.predict(api_name="/clip_diagram")
    assert svg.count("<rect") == 7
    for key in ("clip_u_prior", "clip_u_encoder"):  # each line of a stage's name is a line of the drawing
        assert all(line in svg for line in t(key, "en").split("\n")) and all(line in svg_es for line in t(key, "es").split("\n"))
    assert t("clip_u_encoder", "es").split("\n")[0] not in svg


def test_a_hundred_thousand_character_label_is_cut_with_a_notice(client):
    probs, verdict = classify(client, labels="seven " * 20_000 + ", one")
    assert len(probs) == 1 or len(probs) == 2
    assert EN["common_truncated"] in verdict


def choice_error(name_key: str, choices: str) -> str:
    """Returns the refusal of a value that is none of `choices` (a name in demos.clip or core.data.images) for `name_key`."""
    from core.data import images
    from demos import clip

    values = getattr(clip, choices, None) or getattr(images, choices)
    return t("common_err_choice", "en", name=t(name_key, "en"), choices=", ".join(values))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"labels": "seven"}, t("clip_err_few_labels", "en")),
        ({"labels": ",".join("abcdefghijklm")}, t("clip_err_many_labels", "en", n=12)),
        ({"template": "a handwritten"}, t("clip_err_template", "en")),
        ({"template": "{} and {}"}, t("clip_err_template", "en")),
        ({"model": "someone/evil-model"}, choice_error("clip_model", "MODELS")),
        ({"source": "upload"}, t("common_err_upload", "en")),
        ({"index": 5000}, t("common_err_range", "en", name=t("common_digit_index", "en"), lo=0, hi=1796)),
        ({"scale": 0.0}, t("common_err_range", "en", name=t("clip_scale", "en"), lo=1.0, hi=100.0)),
        ({"photo": "../../etc/passwd", "source": "photo"}, choice_error("common_photo", "PHOTOS")),
    ],
)
def test_bad_input(client, kwargs, message):
    with pytest.raises(AppError, match=re.escape(message)):
        classify(client, **kwargs)


def test_an_upload_that_is_not_an_image(client, tmp_path):
    bad = tmp_path / "not-an-image.png"
    bad.write_bytes(b"this is text, not a PNG")
    with pytest.raises(AppError, match=re.escape(t("common_err_image_unreadable", "en"))):
        classify(client, source="upload", upload=handle_file(str(bad)))


def test_nan_scale_over_raw_http(app_url):
    from tests.test_app_overview import raw_call, stream_error

    body = '{"data": ["mini", "digit", 7, "cat", null, "zero, one", "a handwritten {}", NaN]}'
    assert stream_error(raw_call(app_url, "clip_classify", body)) == t("common_err_not_finite", "en", name=t("clip_scale", "en"))


def test_spanish_error_messages(spanish_client):
    with pytest.raises(AppError, match=re.escape(ES["clip_err_few_labels"])):
        classify(spanish_client, labels="siete")


def test_the_colour_preset_tests_binding_with_two_colours_on_two_objects():
    """Every caption holds the same words; two bind red to the square (as drawn), two swap the colours."""
    import numpy as np

    from core.data.images import SHAPE_COLORS, load_photo
    from demos.clip import FAILURES

    photo, labels, template = FAILURES["colour"]
    captions = [label.strip() for label in labels.split(",")]
    assert photo == "shapes" and template == "{}" and len(captions) == 4
    assert len({tuple(sorted(c.split())) for c in captions}) == 1  # a bag of words cannot tell them apart
    right = [c for c in captions if "red square" in c and "blue circle" in c]
    swapped = [c for c in captions if "blue square" in c and "red circle" in c]
    assert len(right) == 2 and len(swapped) == 2
    image = load_photo(photo, size=224).numpy()  # [3, H, W]
    colours = {tuple(round(255 * float(v)) for v in image[:, y, x]) for y in range(0, 224, 4) for x in range(0, 224, 4)}
    assert all(any(np.abs(np.subtract(c, rgb)).sum() < 30 for c in colours) for rgb in SHAPE_COLORS.values())
