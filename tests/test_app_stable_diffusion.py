"""The Stable Diffusion tab through the HTTP API, on the shipped mini latent diffusion pipeline: the
streamed generation, the autoencoder round trip, image-to-image, an offline real pipeline, bad input."""

import re

import pytest
from gradio_client import handle_file
from gradio_client.exceptions import AppError

from demos.locales.en import STRINGS as EN
from demos.locales.es import STRINGS as ES
from demos.texts import t
from tests.texts import NUMBER, pattern, read, value

GENERATE = {"model": "mini", "prompt": "a handwritten seven", "negative": "", "steps": 6, "guidance": 4.0, "seed": 0, "size": 32}


def size_of(image) -> tuple[int, int]:
    from PIL import Image

    with Image.open(image["path"] if isinstance(image, dict) else image) as opened:
        return opened.size


def generate(client, **changes):
    values = {**GENERATE, **changes}
    job = client.submit(*values.values(), api_name="/stable_diffusion_generate")
    job.result()
    return job.outputs()


def test_generation_streams_every_step_and_ends_with_timings(client):
    outputs = generate(client)
    assert len(outputs) >= 2  # the picture emerges over several updates
    picture, latents, timing, status = outputs[-1]
    assert value(read(status, "sd_done", "en", steps=t("common_n_steps", "en", count=6))["seconds"]) > 0
    assert size_of(picture) == (256, 256) and size_of(latents)[0] > 3 * size_of(latents)[1]  # four channel maps side by side
    bars = timing["plot"] if isinstance(timing["plot"], str) else str(timing["plot"])
    assert t("sd_timing_title", "en") in bars
    assert int(read(outputs[0][3], "sd_status", "en", i=1, n=6)["t"]) > 0  # the first step denoises the noisiest latent


@pytest.mark.parametrize("prompt", ["a handwritten seven", "un 7 escrito a mano"])  # the English and the Spanish default
def test_the_mini_pipeline_draws_the_asked_digit(client, prompt):
    """The picture is 256 pixels (32 enlarged 8x); the classifier reads it as a seven."""
    import numpy as np
    import torch
    from PIL import Image

    from core.assets import classifier
    from core.mini_ldm import to_digits

    picture = generate(client, prompt=prompt, steps=25)[-1][0]
    array = np.asarray(Image.open(picture["path"] if isinstance(picture, dict) else picture).convert("RGB"), dtype=np.float32) / 255
    assert array.shape == (256, 256, 3)
    small = torch.from_numpy(array).permute(2, 0, 1)[None]
    digit = to_digits(torch.nn.functional.avg_pool2d(small, 8))
    assert classifier().predict_proba(digit).argmax().item() == 7


def test_round_trip_and_img2img(client):
    original, latent, reconstruction, error_map, text = client.predict(
        "mini", "digit", 3, "astronaut", None, 32, api_name="/stable_diffusion_round_trip"
    )
    shape = {"side": 32, "c": 4, "h": 8, "w": 8, "ratio": 32 * 32 * 3 / (4 * 8 * 8)}  # 12x fewer numbers
    assert size_of(original) == size_of(reconstruction) == size_of(error_map) == (256, 256) and size_of(latent)[1] == 128
    mse = value(read(text, "sd_round_trip_text", "en", **shape)["mse"])
    assert mse < 0.01  # the mini autoencoder knows digits
    photo_text = client.predict("mini", "photo", 3, "astronaut", None, 32, api_name="/stable_diffusion_round_trip")[-1]
    assert value(read(photo_text, "sd_round_trip_text", "en", **shape)["mse"]) > 2 * mse  # and nothing else
    start, result, message = client.predict(
        "mini", "a handwritten seven", "", "digit", 3, "cat", None, 0.6, 10, 4.0, 0, 32, api_name="/stable_diffusion_img2img"
    )
    assert read(message, "sd_img2img_text", "en", count=10, k=6, s=0.6) and size_of(start) == size_of(result) == (256, 256)


def test_an_offline_real_pipeline_falls_back_to_the_mini_one(client, spanish_client):
    text = client.predict("stabilityai/sd-turbo", "digit", 3, "astronaut", None, 32, api_name="/stable_diffusion_round_trip")[-1]
    assert EN["sd_unavailable"].format(name="stabilityai/sd-turbo", size=32) in text
    text_es = spanish_client.predict("stabilityai/sd-turbo", "digit", 3, "astronaut", None, 32, api_name="/stable_diffusion_round_trip")[-1]
    assert t("sd_unavailable", "es", name="stabilityai/sd-turbo", size=32) in text_es


def test_every_section_runs_the_mini_pipeline_at_its_own_size_when_a_real_one_is_not_here(client):
    """The size slider of a real pipeline (256 to 768) must not strand the fallback: the mini model runs at 32."""
    name = "stable-diffusion-v1-5/stable-diffusion-v1-5"
    note = EN["sd_unavailable"].format(name=name, size=32)
    picture, _latents, _timing, status = generate(client, model=name, size=512, guidance=7.5, steps=3)[-1]
    assert read(status, "sd_done", "en", steps=t("common_n_steps", "en", count=3)) and note in status and size_of(picture) == (256, 256)
    text = client.predict(name, "digit", 3, "astronaut", None, 512, api_name="/stable_diffusion_round_trip")[-1]
    assert read(text, "sd_round_trip_text", "en", side=32, c=4, h=8, w=8) and note in text
    start, result, message = client.predict(
        name, "a handwritten seven", "", "digit", 3, "cat", None, 0.6, 5, 7.5, 0, 512, api_name="/stable_diffusion_img2img"
    )
    assert (
        read(message, "sd_img2img_text", "en", count=5, k=3, s=0.6) and note in message and size_of(start) == size_of(result) == (256, 256)
    )
    with pytest.raises(AppError, match=refusal("common_err_range", "sd_size", lo=256, hi=768)):  # a size for neither pipeline
        generate(client, model=name, size=4096)


def test_choosing_a_pipeline_that_is_not_here_switches_the_controls_to_the_mini_one_once(client, spanish_client):
    model, size, guidance, note = client.predict("stabilityai/sd-turbo", api_name="/stable_diffusion_model")
    assert model["value"] == "mini" and (size["minimum"], size["maximum"], size["value"]) == (32, 64, 32) and guidance["value"] == 4.0
    assert note == EN["sd_switched"].format(name="stabilityai/sd-turbo")
    assert client.predict("mini", api_name="/stable_diffusion_model")[-1] == ""  # back on the mini model, the note goes
    assert spanish_client.predict("segmind/small-sd", api_name="/stable_diffusion_model")[-1] == ES["sd_switched"].format(
        name="segmind/small-sd"
    )
    with pytest.raises(AppError, match="must be one of"):
        client.predict("someone/evil", api_name="/stable_diffusion_model")


def test_the_default_prompt_and_photo_names_are_in_the_reader_language(client, spanish_client):
    prompt, photos = spanish_client.predict(api_name="/stable_diffusion_defaults")
    assert prompt == "un 7 escrito a mano" and client.predict(api_name="/stable_diffusion_defaults")[0] == "a handwritten seven"
    names = dict((value, label) for label, value in photos["choices"]) if isinstance(photos, dict) else {}
    assert names.get("astronaut") == "astronauta" and names.get("cat") == "gato", photos


def test_a_hundred_thousand_character_prompt_is_cut_with_a_notice(client):
    status = generate(client, prompt="a handwritten seven " * 5000, steps=2)[-1][3]
    assert EN["common_truncated"] in status


def refusal(key: str, name_key: str | None = None, **fields) -> str:
    """Returns a regex of the English error `key` (about the input labelled `name_key`); a bound not given matches any number."""
    named = {"name": t(name_key, "en")} if name_key else {}
    return pattern(key, "en", groups={"lo": NUMBER, "hi": NUMBER}, **named, **fields).pattern


def models() -> str:
    from demos.stable_diffusion import MODELS

    return ", ".join(MODELS)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"prompt": "   "}, refusal("sd_err_empty")),
        ({"steps": 0}, refusal("common_err_range", "sd_steps", lo=1, hi=50)),
        ({"steps": 500}, refusal("common_err_range", "sd_steps", lo=1, hi=50)),
        ({"size": 40}, refusal("sd_err_size_step", step=16)),
        ({"size": 4096}, refusal("common_err_range", "sd_size", lo=32, hi=64)),
        ({"model": "someone/evil"}, refusal("common_err_choice", "sd_model", choices=models())),
        ({"guidance": 99}, refusal("common_err_range", "sd_guidance", lo=0.0)),
        ({"seed": -1}, refusal("common_err_range", "common_seed", lo=0, hi=2**31 - 1)),
    ],
)
def test_bad_generation_input(client, changes, message):
    with pytest.raises(AppError, match=message):
        generate(client, **changes)


def test_nan_guidance_over_raw_http(app_url):
    from tests.test_app_overview import raw_call, stream_error

    body = '{"data": ["mini", "a handwritten seven", "", 4, NaN, 0, 32]}'
    assert stream_error(raw_call(app_url, "stable_diffusion_generate", body)) == t(
        "common_err_not_finite", "en", name=t("sd_guidance", "en")
    )


def test_bad_images_and_strength(client, spanish_client, tmp_path):
    bad = tmp_path / "x.png"
    bad.write_bytes(b"not an image")
    with pytest.raises(AppError, match=refusal("common_err_image_unreadable")):
        client.predict("mini", "upload", 3, "cat", handle_file(str(bad)), 32, api_name="/stable_diffusion_round_trip")
    with pytest.raises(AppError, match=refusal("sd_err_strength_steps")):
        client.predict(
            "mini", "a handwritten seven", "", "digit", 3, "cat", None, 0.05, 5, 4.0, 0, 32, api_name="/stable_diffusion_img2img"
        )
    with pytest.raises(AppError, match=re.escape(ES["sd_err_empty"])):
        spanish_client.submit("mini", "", "", 4, 4.0, 0, 32, api_name="/stable_diffusion_generate").result()
