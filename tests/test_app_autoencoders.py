"""The Autoencoders tab through the HTTP API: every endpoint, both languages, bad input."""

import io
import json
import re

import numpy as np
import pytest
from gradio_client import handle_file
from gradio_client.exceptions import AppError
from PIL import Image

from demos.texts import t
from tests.texts import NUMBER, pattern, read, value


def pixels(path) -> np.ndarray:
    return np.asarray(Image.open(path).convert("RGB")).astype(np.int16)


def figure(plot) -> dict:
    return json.loads(plot["plot"]) if isinstance(plot["plot"], str) else plot["plot"]


def decode_array(values) -> list[float]:
    """Returns a plotly array, decoding plotly 7's base64 {"bdata", "dtype"} form."""
    if isinstance(values, dict) and "bdata" in values:
        import base64

        return np.frombuffer(base64.b64decode(values["bdata"]), dtype=np.dtype(values["dtype"])).tolist()
    return list(values)


def assert_verdict(text: str, key="ae_verdict", lang="en") -> int:
    """Checks `text` is the classifier's verdict (a digit, a confidence from 10% to 100%) and returns the digit."""
    found = read(text, key, lang, groups={"digit": r"\d"})
    assert 10 <= value(found["confidence"], lang) <= 100, text
    return int(found["digit"])


@pytest.mark.parametrize("name", ["ae_2d", "vae_2d"])
def test_a_latent_point_is_decoded_and_marked(client, name):
    map_a, digit_a, verdict = client.predict(0.0, 0.0, "codes", api_name=f"/autoencoders_point_{name}")
    map_b, digit_b, _ = client.predict(1.5, -1.0, "codes", api_name=f"/autoencoders_point_{name}")
    assert_verdict(verdict)
    assert np.abs(pixels(digit_a) - pixels(digit_b)).max() > 40, "another latent point decodes to another image"
    assert (pixels(map_a) != pixels(map_b)).any(axis=-1).sum() > 50, "the marker moved"
    manifold = client.predict(0.0, 0.0, "manifold", api_name=f"/autoencoders_point_{name}")[0]
    assert np.abs(pixels(manifold).mean() - pixels(map_a).mean()) > 5, "the manifold view looks different from the scatter"


def test_the_view_switch_redraws_both_maps(client):
    ae_map, vae_map = client.predict("manifold", 0, 0, 0, 0, api_name="/autoencoders_view")
    assert Image.open(ae_map).size == Image.open(vae_map).size


def test_prior_samples_show_the_holes(client):
    from core.assets import AUTOENCODERS_DIR
    from core.checkpoint import read_checkpoint

    ae, vae, summary = client.predict(0, 16, api_name="/autoencoders_prior")
    assert Image.open(ae).size == Image.open(vae).size
    shares = [100 * float(read_checkpoint(AUTOENCODERS_DIR / f"{n}.safetensors")[1]["prior_confident_share"]) for n in ("ae_2d", "vae_2d")]
    found = read(summary, "ae_prior_summary", "en", n=16, ae_share=shares[0], vae_share=shares[1])  # the shipped figures, quoted
    assert 0 <= int(found["ae"]) <= 16 and 0 <= int(found["vae"]) <= 16


def _drawn_seven() -> bytes:
    canvas = np.full((280, 280, 3), 255, dtype=np.uint8)
    canvas[40:70, 50:230] = 0  # the top bar of a 7
    for row in range(70, 250):  # its diagonal stroke
        col = 230 - (row - 70) * 0.6
        canvas[row, int(col) - 14 : int(col) + 14] = 0
    buffer = io.BytesIO()
    Image.fromarray(canvas).save(buffer, format="PNG")
    return buffer.getvalue()


def test_an_uploaded_digit_lands_on_both_maps(client, tmp_path):
    path = tmp_path / "seven.png"
    path.write_bytes(_drawn_seven())
    result = client.predict(handle_file(str(path)), "codes", api_name="/autoencoders_upload")
    ae_z1, ae_z2, ae_map, ae_digit, ae_verdict, vae_z1, vae_z2, vae_map, vae_digit, vae_verdict, strip, text = result
    assert all(isinstance(v, float) for v in (ae_z1, ae_z2, vae_z1, vae_z2))
    assert assert_verdict(text, "ae_draw_text") == 7, text
    assert_verdict(ae_verdict) is not None and assert_verdict(vae_verdict) is not None
    # the returned maps and decodes are those of the sliders' new point
    again = client.predict(vae_z1, vae_z2, "codes", api_name="/autoencoders_point_vae_2d")
    assert np.abs(pixels(again[1]) - pixels(vae_digit)).max() <= 40
    assert Image.open(ae_map).size == Image.open(vae_map).size and Image.open(ae_digit).size[0] >= 150
    assert Image.open(strip).size[0] > 2 * Image.open(strip).size[1]


def test_an_empty_upload_gives_a_clear_message(client, tmp_path):
    path = tmp_path / "blank.png"
    Image.new("RGB", (100, 100), "white").save(path)
    with pytest.raises(AppError, match=re.escape(t("common_err_draw_empty", "en"))):
        client.predict(handle_file(str(path)), "codes", api_name="/autoencoders_upload")


def test_interpolation_strips(client):
    ae, vae = client.predict("3", "8", 0, 8, api_name="/autoencoders_interpolate")
    for strip in (ae, vae):
        width, height = Image.open(strip).size
        assert width > 6 * height


def test_reparametrisation_sample_and_mean(client):
    chart, strip, text = client.predict("2", 0, 10, 0, "sample", api_name="/autoencoders_reparam")
    assert Image.open(chart).size[0] > 400
    found = read(text, "ae_reparam_text", "en")
    assert all(value(found[s]) > 0 for s in ("s1", "s2")), "a standard deviation is positive"
    _, mean_strip, mean_text = client.predict("2", 0, 10, 0, "mean", api_name="/autoencoders_reparam")
    assert mean_text == text  # same input, same q(z|x)
    tiles = pixels(mean_strip)
    sampled = pixels(strip)
    assert not np.array_equal(tiles, sampled), "sampling changes the decodes"


def test_beta_gallery_and_live_training(client):
    gallery = client.predict(api_name="/autoencoders_beta_shipped")
    width, height = Image.open(gallery).size
    assert width > 4 * height
    curves, live_map, status = client.predict(2.0, 300, 0, api_name="/autoencoders_beta_train")
    fig = figure(curves)
    names = [trace["name"] for trace in fig["data"]]
    assert names == [t("ae_curve_reconstruction", "en"), t("ae_curve_kl", "en")]
    assert fig["layout"]["xaxis"]["title"]["text"] and fig["layout"]["yaxis"]["title"]["text"]
    reconstruction = decode_array(fig["data"][0]["y"])
    assert len(reconstruction) == 300 and np.mean(reconstruction[-30:]) < np.mean(reconstruction[:30])
    assert value(read(status, "ae_live_status_done", "en", steps=t("common_n_steps", "en", count=300))["kl"]) >= 0
    assert Image.open(live_map).size[0] > 300
    # the latent map as it was watched, as a GIF that ends on the map of the last step
    gif = Image.open(client.predict(api_name="/autoencoders_beta_gif")["value"])
    assert gif.n_frames >= 2 and gif.info["duration"] > 0
    gif.seek(gif.n_frames - 1)
    last = np.asarray(gif.convert("RGB"), float)
    shown = Image.open(live_map).convert("RGB")
    scale = gif.size[0] / (shown.width + 32)  # the map sits 16 px in from the edges of a frame shrunk to fit a slide
    w, h, margin = round(shown.width * scale), round(shown.height * scale), round(16 * scale)
    expected = np.asarray(shown.resize((w, h), Image.LANCZOS), float)
    assert np.abs(last[margin : margin + h, margin : margin + w] - expected).mean() < 6


def test_linear_ae_against_pca(client):
    angles, errors, status = client.predict(2, 1500, api_name="/autoencoders_race")
    max_angle = decode_array(figure(angles)["data"][0]["y"])
    assert max_angle[-1] < 5.0 < max_angle[0]
    found = read(status, "ae_race_status", "en", step=1500, total=1500)
    assert value(found["angle"]) < 5.0 and value(found["nonlinear"]) < value(found["linear"])  # the status quotes the curves' ends
    linear, nonlinear = (decode_array(trace["y"]) for trace in figure(errors)["data"])
    assert nonlinear[-1] < linear[-1]


def test_the_16d_vae(client):
    grid, one, verdict = client.predict(0, 0, 0, 0, 0, api_name="/autoencoders_vae16")
    moved = client.predict(0, 2.5, -2.5, 0, 0, api_name="/autoencoders_vae16")[1]
    assert Image.open(grid).size[0] > 300 and assert_verdict(verdict) is not None
    assert not np.array_equal(pixels(one), pixels(moved))


def test_spanish(spanish_client):
    _, _, verdict = spanish_client.predict(0.0, 0.0, "codes", api_name="/autoencoders_point_vae_2d")
    assert_verdict(verdict, lang="es")
    with pytest.raises(AppError, match=refusal("common_err_range", "ae_coordinate", "es")):
        spanish_client.predict(1e30, 0.0, "codes", api_name="/autoencoders_point_vae_2d")


def refusal(key: str, name_key: str, lang="en", **fields) -> str:
    """Returns a regex of the error `key` about the input labelled `name_key` in `lang`; fields not given (a bound the
    server computes) match any number."""
    return pattern(key, lang, name=t(name_key, lang), groups={"lo": NUMBER, "hi": NUMBER}, **fields).pattern


@pytest.mark.parametrize(
    ("api", "values", "message"),
    [
        ("/autoencoders_point_vae_2d", (1e30, 0.0, "codes"), refusal("common_err_range", "ae_coordinate")),
        ("/autoencoders_point_ae_2d", (0.0, 0.0, "holes"), refusal("common_err_choice", "ae_view", choices="codes, manifold")),
        ("/autoencoders_view", ("codes", 0, 0, "x", 0), refusal("common_err_not_number", "ae_coordinate")),
        ("/autoencoders_prior", (0, 10_000), refusal("common_err_range", "ae_prior_count", lo=4, hi=64)),
        ("/autoencoders_interpolate", ("3", "12", 0, 8), refusal("common_err_range", "ae_digit", lo=0, hi=9)),
        ("/autoencoders_interpolate", ("3", "8", 500, 8), refusal("common_err_range", "ae_example", lo=0)),
        ("/autoencoders_reparam", ("2", 0, 0, 0, "sample"), refusal("common_err_range", "ae_samples", lo=1, hi=32)),
        ("/autoencoders_beta_train", (-1, 300, 0), refusal("common_err_range", "ae_beta", lo=0.0, hi=10.0)),
        ("/autoencoders_beta_train", (1, 10**9, 0), refusal("common_err_range", "ae_train_steps", lo=100, hi=20000)),
        ("/autoencoders_race", (0, 100), refusal("common_err_range", "ae_k", lo=1, hi=16)),
        ("/autoencoders_vae16", (0, 0, 0, 0, 1e30), refusal("common_err_range", "ae_coordinate", lo=-3.0, hi=3.0)),
    ],
)
def test_bad_input(client, api, values, message):
    with pytest.raises(AppError, match=message):
        client.predict(*values, api_name=api)
    # the server keeps answering
    assert_verdict(client.predict(0.0, 0.0, "codes", api_name="/autoencoders_point_vae_2d")[2])


@pytest.mark.parametrize(
    ("api", "body"), [("autoencoders_point_vae_2d", '{"data": [NaN, 0, "codes"]}'), ("autoencoders_race", '{"data": [4, Infinity]}')]
)
def test_nan_and_infinity_over_raw_http(app_url, api, body):
    from tests.test_app_overview import raw_call, stream_error

    name_key = "ae_coordinate" if api == "autoencoders_point_vae_2d" else "ae_race_steps"
    assert stream_error(raw_call(app_url, api, body)) == t("common_err_not_finite", "en", name=t(name_key, "en"))


@pytest.mark.parametrize(
    ("train", "stop", "args"),
    [
        ("/autoencoders_beta_train", "/autoencoders_beta_stop", (1.0, 20_000, 0)),
        ("/autoencoders_race", "/autoencoders_race_stop", (4, 5000)),
    ],
)
def test_live_training_can_be_stopped(app_url, train, stop, args):
    import time

    from gradio_client import Client

    own = Client(app_url, verbose=False)  # its own session: stop reaches this run only
    job = own.submit(*args, api_name=train)
    deadline = time.time() + 60
    while not job.outputs() and time.time() < deadline:
        time.sleep(0.2)
    assert job.outputs(), "training streams its first update"
    start = time.time()
    own.predict(api_name=stop)
    while not job.done() and time.time() < start + 30:
        time.sleep(0.2)
    assert job.done() and time.time() - start < 30
    status = job.outputs()[-1][2]
    assert steps_done(status) < args[1]


def steps_done(status: str) -> int:
    """Returns the step a live run's status line reports, running or done."""
    for key in ("ae_live_status", "ae_race_status"):
        found = pattern(key, "en").search(status)
        if found:
            return int(value(found["step"]))
    steps = read(status, "ae_live_status_done", "en")["steps"]
    return int(value(read(steps, "common_n_steps_other", "en")["count"]))


def test_the_lecture_quotes_the_measured_share_of_confident_prior_draws():
    """The VAE's latent space is smoother, not perfect: the shares the lecture quotes are the ones the benchmark measured."""
    import json
    import re
    from pathlib import Path

    from demos.locales.en import STRINGS as EN
    from demos.locales.es import STRINGS as ES

    models = {m["model"]: m for m in json.loads(Path("assets/benchmarks/autoencoders.json").read_text())["results"]["models"]}
    vae, ae = 100 * models["vae_2d"]["prior_confident_share"], 100 * models["ae_2d"]["prior_confident_share"]
    en = re.search(r"about (\d+)% of 1,000 draws .*? about (\d+)% for the AE", EN["topic_autoencoders"])
    es = re.search(r"cerca del (\d+)\s% de 1\.000 muestras .*? cerca del (\d+)\s% en el AE", ES["topic_autoencoders"])
    for quoted in (en, es):
        assert quoted and abs(int(quoted[1]) - vae) < 2.5 and abs(int(quoted[2]) - ae) < 2.5
    assert "every point decodes" not in EN["topic_autoencoders"] and "binary cross-entropy" in EN["topic_autoencoders"]
    errors = re.search(r"from about ([\d.]+) with 2 latents to about ([\d.]+)", EN["ae_vae16_help"])
    assert errors and (float(errors[1]), float(errors[2])) == pytest.approx(
        (models["vae_2d"]["test_mse"], models["vae_16d"]["test_mse"]), abs=0.01
    )
