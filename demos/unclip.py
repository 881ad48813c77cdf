"""The CLIP tab's unCLIP section: DALL-E 2's pipeline run at toy scale on the mini CLIP.

(1) A caption goes through the mini CLIP's text tower, the prior draws image embeddings (shown on the tab's 2D map
beside the real digits' embeddings) and the decoder turns each into a digit, streamed step by step; (2) variations
of a test digit or a drawing decode its own image embedding with other noise; (3) slerp between two digits' image
embeddings, decoded with one shared noise; (4) unCLIP against the decoder fed the text embedding directly and the
caption-only baseline, on the same captions. The models and measures are `core.unclip`'s; this module only asks,
checks and shows.
"""

from __future__ import annotations

import dataclasses
import time
from functools import lru_cache

import gradio as gr
import numpy as np

from core.unclip.settings import DEFAULTS
from demos import inputs, knobs, links
from demos.gpu import SAMPLING_SECONDS, on_gpu
from demos.i18n import I18N, Lang, error, lang_of, number, percent, t
from demos.knobs import SEED, Knob
from demos.layout import LIGHT, intro, page, sketchpad
from demos.lazy import (
    core_clip_tools,
    core_mini_clip,
    data_images,
    metrics_modes,
    torch,
    unclip_decoder,
    unclip_evaluate,
    unclip_pipeline,
    unclip_prior,
)
from demos.pictures import Picture
from demos.plots import image_grid
from demos.raster import labeled_tiles
from demos.unclip_plots import comparison_chart, embedding_bars, embedding_map
from demos.verdicts import classifier, judged_tiles

TEST_DIGITS = 364  # the test split's size (`core.data.images`)
GUIDANCE = (0.0, 8.0)
SOURCES = ("digit", "drawing")
RUN = {"concurrency_id": "clip_unclip", "concurrency_limit": 2}
REFRESH_SECONDS = 0.2

RUN_KNOBS = (
    Knob("prior_guidance", "slider", "clip_unclip_prior_guidance", DEFAULTS["prior_guidance"], lo=GUIDANCE[0], hi=GUIDANCE[1], step=0.25),
    Knob(
        "decoder_guidance",
        "slider",
        "clip_unclip_decoder_guidance",
        DEFAULTS["decoder_guidance"],
        lo=GUIDANCE[0],
        hi=GUIDANCE[1],
        step=0.25,
    ),
    Knob("count", "slider", "clip_unclip_count", 8, lo=1, hi=16, step=1, integer=True),
    dataclasses.replace(SEED, elem_id="clip-unclip-seed"),
)
VARIATION_KNOBS = (
    Knob("source", "radio", "clip_unclip_source", "digit", choices=SOURCES, choice_label="clip_unclip_source_{}"),
    Knob("example", "slider", "clip_unclip_example", 7, lo=0, hi=TEST_DIGITS - 1, step=1, integer=True),
    RUN_KNOBS[1],
    RUN_KNOBS[2],
    SEED,
)
INTERPOLATE_KNOBS = (
    Knob("first", "slider", "clip_unclip_first", 3, lo=0, hi=TEST_DIGITS - 1, step=1, integer=True),
    Knob("second", "slider", "clip_unclip_second", 12, lo=0, hi=TEST_DIGITS - 1, step=1, integer=True),
    Knob("points", "slider", "clip_unclip_points", 7, lo=3, hi=11, step=1, integer=True),
    RUN_KNOBS[1],
    SEED,
)
COMPARE_KNOBS = (
    Knob("per_class", "slider", "clip_unclip_per_class", 6, lo=6, hi=20, step=1, integer=True),
    SEED,
)


@lru_cache(maxsize=1)
def _mini_corpus() -> tuple[str, ...]:
    return tuple(core_mini_clip.corpus())


@lru_cache(maxsize=1)
def _centres() -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    return unclip_pipeline.class_centres(unclip_pipeline.shipped_unclip().clip)


def _caption(value, lang: Lang) -> tuple[str, list[str]]:
    """Returns the caption (cut to `MAX_CAPTION_CHARS`) and notes on it, or raises a translated error for an empty one or
    one without any word the mini CLIP read in training."""
    if not isinstance(value, str):
        raise error("common_err_text", lang, name=t("clip_unclip_caption", lang))
    text = value.strip()
    if not text:
        raise error("clip_unclip_err_empty", lang)
    notes = [t("common_truncated", lang)] if len(text) > unclip_pipeline.MAX_CAPTION_CHARS else []
    text = text[: unclip_pipeline.MAX_CAPTION_CHARS]
    words = [w for w in text.replace(",", " ").split() if any(c.isalnum() for c in w)]
    unseen = core_clip_tools.unseen_words([text], _mini_corpus())
    if not words or len(unseen) == len({w.lower().strip(".,;:!?") for w in words}):
        raise error("clip_unclip_err_unknown", lang)
    if unseen:
        notes.append("⚠️ " + t("clip_reason_words", lang, words=", ".join(t("clip_word", lang, w=w) for w in unseen[:8])))
    return text, notes


def _bar(index: int, total: int) -> str:
    filled = round(20 * index / total)
    return "`" + "█" * filled + "░" * (20 - filled) + "`"


# --- 1. the pipeline, step by step ---


@on_gpu(SAMPLING_SECONDS)
def run(request: gr.Request, caption=None, **values):
    """Streams unCLIP on a caption: the map with the prior's image embeddings and the embeddings' bars first, then the
    decoder's steps with a progress bar, then the classifier's verdict on the digits.

    `values` holds the knobs of `RUN_KNOBS` by name (a missing one takes its default)."""
    lang = lang_of(request)
    text, notes = _caption(caption, lang)
    v = knobs.parse(RUN_KNOBS, values, lang)
    pipe = unclip_pipeline.shipped_unclip()
    start = time.monotonic()
    generator = torch.Generator().manual_seed(v["seed"])
    z_t = unclip_pipeline.text_embeddings(pipe.clip, pipe.tokenizer, [text])  # [1, D]
    read = unclip_pipeline.read_up_to(pipe.tokenizer, text)
    if read == "":
        raise error("clip_unclip_err_unknown", lang)  # it reads nothing: the caption starts with a character it does not know
    if read is not None:
        notes.append("⚠️ " + t("clip_unclip_note_cut", lang, read=read))
    real_z, real_labels, centres = _centres()
    digit = int(unclip_pipeline.nearest_class(z_t, centres)[0])
    n = v["count"]
    z_i = unclip_prior.sample_prior(
        pipe.prior, z_t.expand(n, -1), guidance=v["prior_guidance"], steps=int(DEFAULTS["prior_steps"]), generator=generator
    )
    real_xy, text_xy = core_clip_tools.joint_projection(
        core_clip_tools.Embeddings(images=torch.cat([real_z, z_i]), texts=z_t, truncated=False, logit_scale=1.0)
    )
    figure = embedding_map(real_xy[: len(real_z)], real_labels.numpy(), digit, text_xy, real_xy[len(real_z) :], lang)
    bars = embedding_bars(z_t[0].numpy(), z_i[0].numpy(), lang)
    prior_text = t(
        "clip_unclip_prior_done",
        lang,
        digit=digit,
        text_cos=float((z_i @ z_t[0]).mean()),
        class_cos=float((z_i @ centres[digit]).mean()),
        real_cos=float((real_z[real_labels == digit] @ z_t[0]).mean()),
    )
    yield figure, bars, gr.skip(), _bar(0, 1) + "  " + prior_text, gr.skip()
    last, last_report = None, 0.0
    for step in unclip_decoder.decode_steps(
        pipe.decoder, z_i, guidance=v["decoder_guidance"], steps=int(DEFAULTS["decoder_steps"]), generator=generator
    ):
        last = step
        now = time.monotonic() - start
        if step.index < step.total and now - last_report >= REFRESH_SECONDS:
            last_report = now
            progress = _bar(step.index, step.total) + "  " + t("clip_unclip_progress", lang, i=step.index, n=step.total, seconds=now)
            yield gr.skip(), gr.skip(), image_grid(torch.cat([step.sample, step.pred_x0]), nrow=n, scale=8), progress, gr.skip()
    assert last is not None
    tiles, readings, _ = judged_tiles(last.sample, torch.full((n,), digit), lang=lang)
    hits = int((readings == digit).sum())
    verdict = [t("clip_unclip_verdict", lang, hits=hits, n=n, digit=digit, spread=metrics_modes.diversity(last.sample)), prior_text, *notes]
    done = _bar(1, 1) + "  " + t("clip_unclip_done", lang, seconds=time.monotonic() - start, steps=last.total)
    # the last message carries the whole result: a streamed message lost on a busy connection leaves nothing missing
    yield figure, bars, tiles, done, "\n\n".join(verdict)


# --- 2. variations ---


def _source_digit(source: str, example: int, sketch, lang: Lang) -> torch.Tensor:
    """Returns the chosen test digit or the drawing as `[1, 1, 8, 8]` in [0, 1]."""
    if source == "digit":
        return data_images.load_digits("test")[0][example : example + 1]
    array = sketch.get("composite") if isinstance(sketch, dict) else sketch
    if array is None:
        raise error("common_err_draw_empty", lang)
    if isinstance(array, str) and array == inputs.UNREADABLE:
        raise error("common_err_image_unreadable", lang)
    if not isinstance(array, np.ndarray):
        raise error("common_err_image", lang)
    try:
        return data_images.digit_from_image(array)
    except data_images.DrawingError as err:
        raise error(f"common_err_{err.key}", lang) from None


@on_gpu(SAMPLING_SECONDS)
def variations(request: gr.Request, sketch=None, **values):
    """Returns the source digit, its variations (its CLIP image embedding decoded with other noise) judged by the
    classifier, and what they kept."""
    lang = lang_of(request)
    v = knobs.parse(VARIATION_KNOBS, values, lang)
    source = _source_digit(v["source"], v["example"], sketch, lang)
    pipe = unclip_pipeline.shipped_unclip()
    z = unclip_pipeline.image_embeddings(pipe.clip, source)  # [1, D]
    n = v["count"]
    decoded = unclip_decoder.decode(
        pipe.decoder,
        z.expand(n, -1),
        guidance=v["decoder_guidance"],
        steps=int(DEFAULTS["decoder_steps"]),
        generator=torch.Generator().manual_seed(v["seed"]),
    )
    wanted = int(classifier().predict_proba(source).argmax(1)[0])
    tiles, read, _ = judged_tiles(decoded, torch.full((n,), wanted), lang=lang)
    kept = float((unclip_pipeline.image_embeddings(pipe.clip, decoded) @ z[0]).mean())
    text = t(
        "clip_unclip_variations_text",
        lang,
        digit=wanted,
        hits=int((read == wanted).sum()),
        n=n,
        cos=kept,
        spread=metrics_modes.diversity(decoded),
    )
    return image_grid(source, nrow=1, scale=24), tiles, text


# --- 3. interpolation ---


@on_gpu(SAMPLING_SECONDS)
def interpolate(request: gr.Request, **values):
    """Returns two test digits and the decodes of points of the great circle between their CLIP image embeddings (slerp),
    all from one shared noise, and the angle between the two embeddings."""
    lang = lang_of(request)
    v = knobs.parse(INTERPOLATE_KNOBS, values, lang)
    images = data_images.load_digits("test")[0][[v["first"], v["second"]]]
    pipe = unclip_pipeline.shipped_unclip()
    z = unclip_pipeline.image_embeddings(pipe.clip, images)
    k = v["points"]
    path = unclip_pipeline.slerp(z[0], z[1], torch.linspace(0, 1, k))  # [k, D]
    generator = torch.Generator().manual_seed(v["seed"])
    noise = torch.randn(1, 1, 8, 8, generator=generator).expand(k, -1, -1, -1)
    decoded = unclip_decoder.decode(pipe.decoder, path, guidance=v["decoder_guidance"], steps=int(DEFAULTS["decoder_steps"]), noise=noise)
    row = torch.cat([images[:1], decoded, images[1:]])
    best, read = classifier().predict_proba(row).max(1)
    captions = [f"{d} · {percent(q, lang)}" for d, q in zip(read.tolist(), best.tolist(), strict=True)]
    tiles = labeled_tiles(row[:, 0].numpy(), captions, [True] * len(row), per_row=len(row))
    angle = float(torch.rad2deg(torch.arccos((z[0] @ z[1]).clamp(-1, 1))))
    text = t("clip_unclip_interpolate_text", lang, angle=angle, k=k, path=" → ".join(str(d) for d in read[1:-1].tolist()))
    return tiles, text


# --- 4. why a prior? ---


def _table(scores: dict[str, dict[str, float]], lang: Lang) -> str:
    head = [t("clip_unclip_col_method", lang)] + [
        t(f"clip_unclip_col_{c}", lang) for c in ("accuracy", "clip_score", "diversity", "recall", "coverage")
    ]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for method, s in scores.items():
        cells = [
            t(f"clip_unclip_method_{method}", lang),
            percent(s["accuracy"], lang),
            number(s["clip_score"], lang, 3),
            number(s["diversity"], lang, 2),
            percent(s["recall"], lang),
            percent(s["coverage"], lang),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _reading(scores: dict[str, dict[str, float]], lang: Lang) -> str:
    """Returns what the numbers say about the paper's claim (more diversity at similar fidelity), decided by the numbers."""
    u, c, d = scores["unclip"], scores["caption_only"], scores["text_direct"]
    similar = abs(u["accuracy"] - c["accuracy"]) <= 0.1
    more = u["diversity"] > 1.05 * c["diversity"]
    key = (
        "clip_unclip_reading_holds"
        if similar and more
        else "clip_unclip_reading_fidelity"
        if not similar
        else "clip_unclip_reading_not_diverse"
    )
    parts = [
        t(key, lang, acc_u=u["accuracy"], acc_c=c["accuracy"], div_u=u["diversity"], div_c=c["diversity"]),
        t(
            "clip_unclip_reading_direct",
            lang,
            acc_d=d["accuracy"],
            acc_u=u["accuracy"],
            rec_d=d["recall"],
            rec_u=u["recall"],
            cov_d=d["coverage"],
            cov_u=u["coverage"],
        ),
    ]
    return " ".join(parts)


@on_gpu(SAMPLING_SECONDS)
def why_prior(request: gr.Request, **values):
    """Returns unCLIP, the decoder fed the text embedding and the caption-only baseline scored on the same captions: a table,
    a chart (accuracy against diversity) and a reading of the numbers."""
    lang = lang_of(request)
    v = knobs.parse(COMPARE_KNOBS, values, lang)
    pipe: unclip_pipeline.UnCLIP = unclip_pipeline.shipped_unclip()
    start = time.monotonic()
    test = data_images.load_digits("test")
    scores = unclip_evaluate.compare(pipe, classifier(), test, per_class=v["per_class"], seed=v["seed"], methods=unclip_evaluate.METHODS)
    seconds = time.monotonic() - start
    text = _reading(scores, lang) + "\n\n" + t("clip_unclip_compare_done", lang, captions=10 * v["per_class"], seconds=seconds)
    return _table(scores, lang), comparison_chart(scores, lang), text


def defaults(request: gr.Request):
    """Returns the example caption in the reader's language."""
    return t("clip_unclip_default_caption", lang_of(request))


def build(demo: gr.Blocks) -> None:
    """Builds the unCLIP pages of the CLIP tab (after its diagram): a run, variations, a walk, why a prior."""
    with page("clip", "unclip_run", "clip_page_unclip_run"):
        intro("clip_unclip_run_help", heading=False)
        with gr.Row(equal_height=False):
            with gr.Column(scale=1, min_width=280):
                caption = gr.Textbox(
                    value=t("clip_unclip_default_caption", "en"), label=I18N("clip_unclip_caption"), elem_id="clip-unclip-caption"
                )
                run_widgets = knobs.layout(RUN_KNOBS, per_row=1)
                with gr.Row():
                    run_button = gr.Button("▶ " + I18N("clip_unclip_run"), variant="primary", elem_id="clip-unclip-run")
                    stop_button = gr.Button(I18N("common_stop"))
                links.control(
                    demo, "clip", "unclip_run", {"caption": (caption, links.text())} | links.knob_settings(RUN_KNOBS, run_widgets)
                )
            with gr.Column(scale=2):
                space = gr.Plot(label=I18N("clip_unclip_map"), elem_id="clip-unclip-map")
            with gr.Column(scale=2):
                digits = Picture(
                    type="pil", interactive=False, label=I18N("clip_unclip_digits"), height=150, format="png", elem_id="clip-unclip-digits"
                )
                progress = gr.Markdown(I18N("clip_unclip_hint"), elem_id="clip-unclip-progress")
                verdict = gr.Markdown(elem_id="clip-unclip-verdict")
                bars = gr.Plot(label=I18N("clip_unclip_bars"), elem_id="clip-unclip-bars")
        run_event = run_button.click(
            run,
            None,
            [space, bars, digits, progress, verdict],
            inputs_kwargs={"caption": caption, **run_widgets},
            api_name="clip_unclip_run",
            **RUN,
        )
        stop_button.click(None, None, None, cancels=[run_event], api_name=False)
        demo.load(links.unless_linked(defaults, "clip", "unclip_run"), None, caption, api_name="clip_unclip_defaults", **LIGHT)

    with page("clip", "unclip_variations", "clip_page_unclip_variations"):
        intro("clip_unclip_variations_help", heading=False)
        with gr.Row(equal_height=False):
            with gr.Column(scale=1, min_width=260):
                variation_widgets = knobs.layout(VARIATION_KNOBS, per_row=1)
                variation_button = gr.Button(I18N("clip_unclip_variations_button"), variant="primary", elem_id="clip-unclip-variations-run")
                links.control(demo, "clip", "unclip_variations", links.knob_settings(VARIATION_KNOBS, variation_widgets))
            with gr.Column(scale=1, min_width=280):
                sketch = sketchpad("clip_unclip_draw", brush=22, elem_id="clip-unclip-sketch")
            with gr.Column(scale=2):
                with gr.Row():
                    source_view = Picture(type="pil", interactive=False, label=I18N("clip_unclip_source_view"), height=200, format="png")
                    variation_tiles = Picture(type="pil", interactive=False, label=I18N("clip_unclip_variations"), height=200, format="png")
                variation_text = gr.Markdown(elem_id="clip-unclip-variations-text")
        variation_button.click(
            variations,
            None,
            [source_view, variation_tiles, variation_text],
            inputs_kwargs={"sketch": sketch, **variation_widgets},
            api_name="clip_unclip_variations",
            **RUN,
        )

    with page("clip", "unclip_interpolate", "clip_page_unclip_interpolate"):
        intro("clip_unclip_interpolate_help", heading=False)
        with gr.Row(equal_height=False):
            with gr.Column(scale=1, min_width=280):
                interpolate_widgets = knobs.layout(INTERPOLATE_KNOBS, per_row=1)
                interpolate_button = gr.Button(
                    I18N("clip_unclip_interpolate_button"), variant="primary", elem_id="clip-unclip-interpolate-run"
                )
                links.control(demo, "clip", "unclip_interpolate", links.knob_settings(INTERPOLATE_KNOBS, interpolate_widgets))
            with gr.Column(scale=2):
                path_view = Picture(type="pil", interactive=False, label=I18N("clip_unclip_path"), height=170, format="png")
                path_text = gr.Markdown(elem_id="clip-unclip-interpolate-text")
        interpolate_button.click(
            interpolate, None, [path_view, path_text], inputs_kwargs=interpolate_widgets, api_name="clip_unclip_interpolate", **RUN
        )

    with page("clip", "unclip_compare", "clip_page_unclip_compare"):
        intro("clip_unclip_compare_help", heading=False)
        with gr.Row(equal_height=False):
            with gr.Column(scale=1, min_width=280):
                compare_widgets = knobs.layout(COMPARE_KNOBS, per_row=1)
                compare_button = gr.Button(I18N("clip_unclip_compare_button"), variant="primary", elem_id="clip-unclip-compare-run")
                links.control(demo, "clip", "unclip_compare", links.knob_settings(COMPARE_KNOBS, compare_widgets))
            with gr.Column(scale=2):
                chart = gr.Plot(label=I18N("clip_unclip_compare_chart"), elem_id="clip-unclip-chart")
        table = gr.Markdown(elem_id="clip-unclip-table")
        reading = gr.Markdown(elem_id="clip-unclip-reading")
        compare_button.click(why_prior, None, [table, chart, reading], inputs_kwargs=compare_widgets, api_name="clip_unclip_compare", **RUN)
