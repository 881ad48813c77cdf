"""Stable Diffusion tab: latent diffusion with a real `diffusers` pipeline. Text-to-image streamed step by
step (each step's latent decoded, its channels shown, each step timed), the autoencoder's round trip of
an image (the "latent" of latent diffusion), image-to-image with a strength, and the kinds of
conditioning. The embedded pipeline is the gallery's mini latent diffusion model on digits
(`assets/mini_ldm`); allowlisted real ones load when they are on this machine."""

from __future__ import annotations

import time

import gradio as gr
import plotly.graph_objects as go

from core.assets import MINI_LDM_DIR
from core.pretrained import PIPELINE_ALLOWLIST, ModelUnavailableError, load_pipeline, pipeline_available
from demos import inputs, knobs, links
from demos.gpu import PIPELINE_SECONDS, on_gpu
from demos.i18n import I18N, Lang, error, lang_of, t
from demos.knobs import Knob
from demos.layout import HEAVY, LIGHT, intro, markdown, page, pages, picture_inputs
from demos.lazy import core_latent_diffusion, data_images
from demos.pictures import Picture
from demos.plots import channel_strip, chart_layout, enlarge

MINI = "mini"
MODELS = (MINI, *PIPELINE_ALLOWLIST)
MAX_PROMPT_CHARS = 1000
# per model: (smallest size, largest size, size step, default size, default guidance)
BOUNDS = {MINI: (32, 64, 16, 32, 4.0)}
REAL_BOUNDS = (256, 768, 64, 512, 7.5)
LIMITS = {"steps": (1, 50), "guidance": (0.0, 15.0), "strength": (0.05, 1.0)}
# The sampling knobs, declared once (the model and the size stay apart: the size's range is the chosen model's)
STEPS, GUIDANCE, STRENGTH = (
    Knob("steps", "slider", "sd_steps", 25, lo=LIMITS["steps"][0], hi=LIMITS["steps"][1], step=1, integer=True),
    Knob("guidance", "slider", "sd_guidance", BOUNDS[MINI][4], lo=LIMITS["guidance"][0], hi=LIMITS["guidance"][1], step=0.5),
    Knob("strength", "slider", "sd_strength", 0.6, lo=LIMITS["strength"][0], hi=LIMITS["strength"][1], step=0.05, elem_id="sd-strength"),
)
SAMPLING_KNOBS = (STEPS, GUIDANCE, knobs.SEED)
REFRESH_SECONDS = 0.15  # at most ~7 updates per second reach the page


def _pipeline(name, size, lang: Lang, *, image_to_image: bool = False):
    """Returns (pipeline, side, note): the chosen pipeline at the chosen size, or, when it is not on this machine, the
    mini one with a sentence saying so, at the chosen size if the mini model can draw it and at its own size otherwise."""
    name = inputs.choice(name, "sd_model", MODELS, lang)
    if name != MINI and pipeline_available(name):
        side = _size(size, name, lang)  # checked before a large pipeline loads
        try:
            return load_pipeline(name, image_to_image=image_to_image), side, ""
        except ModelUnavailableError:
            pass  # in the cache but not loadable: the mini one runs
    mini = load_pipeline(MINI_LDM_DIR, image_to_image=image_to_image)
    if name == MINI:
        return mini, _size(size, MINI, lang), ""
    try:
        side = _size(size, MINI, lang)
    except gr.Error:
        _size(size, name, lang)  # a size for neither pipeline is still an error (with the chosen one's range)
        side = BOUNDS[MINI][3]
    return mini, side, t("sd_unavailable", lang, name=name, size=side)


def _prompt(value, name_key: str, lang: Lang, *, required: bool) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise error("common_err_text", lang, name=t(name_key, lang))
    if required and not value.strip():
        raise error("sd_err_empty", lang)
    return value.strip()[:MAX_PROMPT_CHARS]


def _truncated(pipe, prompt: str, raw) -> bool:
    """Returns whether the prompt is longer than the text encoder reads (or was cut to MAX_PROMPT_CHARS)."""
    return (isinstance(raw, str) and len(raw.strip()) > MAX_PROMPT_CHARS) or len(
        pipe.tokenizer(prompt).input_ids
    ) > pipe.tokenizer.model_max_length


def _size(value, key: str, lang: Lang) -> int:
    lo, hi, step, _, _ = BOUNDS.get(key, REAL_BOUNDS)
    size = inputs.integer(value, "sd_size", lo, hi, lang)
    if size % step:
        raise error("sd_err_size_step", lang, step=step)
    return size


def _timing_figure(seconds: list[float], lang: Lang) -> go.Figure:
    fig = go.Figure(go.Bar(x=list(range(1, len(seconds) + 1)), y=[1000 * s for s in seconds], marker_color="#4f46e5"))
    return chart_layout(
        fig,
        t("sd_timing_title", lang),
        x_title=t("sd_step", lang),
        y_title=t("sd_ms", lang),
        height=260,
        margin={"l": 55, "r": 15, "t": 45},
        lang=lang,
    )


@on_gpu(PIPELINE_SECONDS)
def generate(model_name, prompt, negative, size, request: gr.Request, **values):
    """Streams the denoising: each step's latent decoded to an image, its channels, the time per step, and a status line.

    `values` holds the knobs of `SAMPLING_KNOBS` by name (a missing one takes its default)."""
    lang = lang_of(request)
    text = _prompt(prompt, "sd_prompt", lang, required=True)
    negative_text = _prompt(negative, "sd_negative", lang, required=False)
    v = knobs.parse(SAMPLING_KNOBS, values, lang)
    n, w, seed_value = v["steps"], v["guidance"], v["seed"]
    pipe, side, note = _pipeline(model_name, size, lang)
    notes = [note] if note else []
    if _truncated(pipe, text, prompt):
        notes.append(t("common_truncated", lang))
    seconds: list[float] = []
    last_shown = 0.0
    for item in core_latent_diffusion.text_to_image_steps(
        pipe, text, negative_prompt=negative_text, steps=n, guidance=w, seed=seed_value, height=side, width=side
    ):
        if isinstance(item, core_latent_diffusion.Final):
            status = t("sd_done", lang, steps=t("common_n_steps", lang, count=n), seconds=item.seconds, ms=1000 * item.seconds / n)
            yield enlarge(item.image), channel_strip(item.latents[0]), _timing_figure(seconds, lang), "\n\n".join([status, *notes])
            return
        seconds.append(item.seconds)
        now = time.monotonic()
        if now - last_shown < REFRESH_SECONDS and item.index < item.total:
            continue
        last_shown = now
        image = core_latent_diffusion.decode(pipe, item.latents)[0]
        status = t("sd_status", lang, i=item.index, n=item.total, t=item.timestep)
        yield enlarge(image), channel_strip(item.latents[0]), _timing_figure(seconds, lang), "\n\n".join([status, *notes])


@on_gpu(PIPELINE_SECONDS)
def autoencode(model_name, source, digit_index, photo, upload, size, request: gr.Request):
    """Returns an image's round trip through the pipeline's autoencoder: original, latent channels, reconstruction, error."""
    lang = lang_of(request)
    image = inputs.picture(source, digit_index, photo, upload, lang, size=256)
    pipe, side, note = _pipeline(model_name, size, lang)
    trip = core_latent_diffusion.round_trip(pipe, image, side)
    error_map = trip.error[None].expand(3, -1, -1)
    text = t(
        "sd_round_trip_text",
        lang,
        mse=trip.mse,
        ratio=trip.compression,
        c=trip.latent.shape[0],
        h=trip.latent.shape[1],
        w=trip.latent.shape[2],
        side=trip.original.shape[-1],
    )
    return (
        enlarge(trip.original),
        channel_strip(trip.latent),
        enlarge(trip.reconstruction),
        enlarge((error_map / max(float(error_map.max()), 1e-6)).clamp(0, 1)),
        "\n\n".join([text, note] if note else [text]),
    )


@on_gpu(PIPELINE_SECONDS)
def img2img(model_name, prompt, negative, source, digit_index, photo, upload, size, request: gr.Request, **values):
    """Returns an image redrawn under the prompt from the noise level `strength` (the start image beside it).

    `values` holds `strength` and the knobs of `SAMPLING_KNOBS` by name (a missing one takes its default)."""
    lang = lang_of(request)
    text = _prompt(prompt, "sd_prompt", lang, required=True)
    negative_text = _prompt(negative, "sd_negative", lang, required=False)
    v = knobs.parse((STRENGTH, *SAMPLING_KNOBS), values, lang)
    s, n, w, seed_value = v["strength"], v["steps"], v["guidance"], v["seed"]
    image = inputs.picture(source, digit_index, photo, upload, lang, size=256)
    pipe, side, note = _pipeline(model_name, size, lang, image_to_image=True)
    if int(n * s) < 1:
        raise error("sd_err_strength_steps", lang)
    start = time.perf_counter()
    out = core_latent_diffusion.image_to_image(
        pipe, text, image, strength=s, negative_prompt=negative_text, steps=n, guidance=w, seed=seed_value, size=side
    )
    message = t("sd_img2img_text", lang, count=n, s=s, k=int(n * s), seconds=time.perf_counter() - start)
    return enlarge(core_latent_diffusion.fit_image(image, side)), enlarge(out), "\n\n".join([message, note] if note else [message])


def choose_model(model_name, request: gr.Request):
    """Returns the controls for the pipeline that will run: the chosen one when it is on this machine, otherwise the
    mini one (the choice set back to it, its size range and guidance) with one sentence saying why."""
    lang = lang_of(request)
    name = inputs.choice(model_name, "sd_model", MODELS, lang)
    note = ""
    if name != MINI and not pipeline_available(name):
        name, note = MINI, t("sd_switched", lang, name=model_name)
    lo, hi, step, size, guidance = BOUNDS.get(name, REAL_BOUNDS)
    return gr.update(value=name), gr.update(minimum=lo, maximum=hi, step=step, value=size), gr.update(value=guidance), note


def defaults(request: gr.Request):
    """Returns the tab's examples in the reader's language: the prompt, and the bundled photos' names."""
    lang = lang_of(request)
    prompt = (
        gr.skip() if "prompt" in links.linked(request, "stable_diffusion") else t("sd_default_prompt", lang)
    )  # a link's own prompt stays
    return prompt, gr.update(choices=[(t(f"photo_{p}", lang), p) for p in data_images.PHOTOS])


def build(demo: gr.Blocks) -> None:
    """Builds the Stable Diffusion tab."""
    intro("topic_sd")
    with gr.Row(equal_height=False):
        with gr.Column(scale=1, min_width=240):
            model = inputs.Dropdown(
                [(I18N("sd_mini"), MINI), *[(m, m) for m in PIPELINE_ALLOWLIST]], value=MINI, label=I18N("sd_model"), elem_id="sd-model"
            )
            model_note = gr.Markdown(elem_id="sd-model-note")
        with gr.Column(scale=3):
            intro("sd_model_help")
    with pages("stable_diffusion"):
        with page("stable_diffusion", "generate", "sd_page_generate"):
            intro("sd_generate_help", heading=False)
            with gr.Row(equal_height=False):
                with gr.Column(scale=1, min_width=280):
                    prompt = gr.Textbox(value=t("sd_default_prompt", "en"), label=I18N("sd_prompt"), elem_id="sd-prompt")
                    negative = gr.Textbox(value="", label=I18N("sd_negative"), elem_id="sd-negative")
                    sampling = knobs.layout(SAMPLING_KNOBS[:2], per_row=1)
                    with gr.Row():
                        sampling |= knobs.layout(SAMPLING_KNOBS[2:], per_row=1)
                        size = inputs.Slider(
                            BOUNDS[MINI][0], BOUNDS[MINI][1], value=BOUNDS[MINI][3], step=BOUNDS[MINI][2], label=I18N("sd_size")
                        )
                    run = gr.Button(I18N("sd_generate"), variant="primary", elem_id="sd-run")
                    # the seed comes back with the rest: pressing Generate reproduces the picture (the model stays the page's own)
                    prompts = {"prompt": prompt, "negative": negative}
                    # the size as the API takes it: a step of the mini model's sizes (the page's own model)
                    link_size = {"size": (size, links.stepped(size, "size", lambda value, lang: _size(value, MINI, lang)))}
                    links.control(demo, "stable_diffusion", "generate", prompts | links.knob_settings(SAMPLING_KNOBS, sampling) | link_size)
                with gr.Column(scale=1, min_width=260):
                    picture = Picture(format="png", label=I18N("sd_picture"), interactive=False, height=280, elem_id="sd-picture")
                    status = gr.Markdown(elem_id="sd-status")
                with gr.Column(scale=2):
                    latents = Picture(format="png", label=I18N("sd_latents"), interactive=False, height=150, elem_id="sd-latents")
                    markdown("sd_latents_caption")
                    timing = gr.Plot(label=I18N("sd_timing"), elem_id="sd-timing")
                    markdown("sd_timing_caption")
        with page("stable_diffusion", "round_trip", "sd_page_round_trip"):
            intro("sd_round_trip_help", heading=False)
            with gr.Row(equal_height=False):
                with gr.Column(scale=1, min_width=260):
                    source, digit_index, photo, upload = picture_inputs(digit=3, photo="astronaut", height=160)
                    trip_button = gr.Button(I18N("sd_round_trip_button"), elem_id="sd-trip-run")
                    links.control(demo, "stable_diffusion", "round_trip", links.picture_settings(source, digit_index, photo) | link_size)
                with gr.Column(scale=3):
                    with gr.Row():
                        original = Picture(format="png", label=I18N("sd_original"), interactive=False, height=220)
                        reconstruction = Picture(format="png", label=I18N("sd_reconstruction"), interactive=False, height=220)
                        error_image = Picture(format="png", label=I18N("sd_error"), interactive=False, height=220)
                    latent_image = Picture(format="png", label=I18N("sd_latent"), interactive=False, height=150)
                    trip_text = gr.Markdown(elem_id="sd-trip-text")
        with page("stable_diffusion", "img2img", "sd_page_img2img"):
            intro("sd_img2img_help", heading=False)
            with gr.Row(equal_height=False):
                with gr.Column(scale=1, min_width=260):
                    strength = STRENGTH.widget()
                    i2i_button = gr.Button(I18N("sd_img2img_button"), elem_id="sd-i2i-run")
                    i2i_settings = prompts | links.picture_settings(source, digit_index, photo) | {"strength": (strength, STRENGTH)}
                    links.control(
                        demo, "stable_diffusion", "img2img", i2i_settings | links.knob_settings(SAMPLING_KNOBS, sampling) | link_size
                    )
                    i2i_text = gr.Markdown(elem_id="sd-i2i-text")
                start_image = Picture(format="png", label=I18N("sd_start"), interactive=False, height=300)
                result_image = Picture(format="png", label=I18N("sd_result"), interactive=False, height=300)
        with page("stable_diffusion", "conditioning", "sd_page_conditioning"):
            markdown("sd_conditioning", elem_classes=["gallery-no-heading"])  # the table is the page: nothing folded

    # on a person's choice only (not on the value this handler sets back), so the note stays once it is said
    model.input(choose_model, model, [model, size, sampling["guidance"], model_note], api_name="stable_diffusion_model", **LIGHT)
    demo.load(defaults, None, [prompt, photo], api_name="stable_diffusion_defaults", **LIGHT)
    # by name, in the API's order: the model, the prompts, the sampling knobs, the size
    texts = {"model_name": model, "prompt": prompt, "negative": negative}
    gr.on(
        [run.click, prompt.submit],
        generate,
        None,
        [picture, latents, timing, status],
        inputs_kwargs={**texts, **sampling, "size": size},
        api_name="stable_diffusion_generate",
        **HEAVY,
    )
    trip_inputs = [model, source, digit_index, photo, upload, size]
    # not on page load: the first visit should not wait for the pipeline; a click or a new image runs it
    gr.on(
        [trip_button.click, source.change, digit_index.release, photo.change, upload.upload],
        autoencode,
        trip_inputs,
        [original, latent_image, reconstruction, error_image, trip_text],
        api_name="stable_diffusion_round_trip",
        trigger_mode="always_last",
        **HEAVY,
    )
    i2i_button.click(
        img2img,
        None,
        [start_image, result_image, i2i_text],
        inputs_kwargs={
            **texts,
            "source": source,
            "digit_index": digit_index,
            "photo": photo,
            "upload": upload,
            "strength": strength,
            **sampling,
            "size": size,
        },
        api_name="stable_diffusion_img2img",
        **HEAVY,
    )
