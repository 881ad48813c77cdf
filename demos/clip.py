"""CLIP & DALL-E 2 tab: zero-shot classification with any labels and template and a temperature knob,
similarity matrices, the shared embedding space in 2D, CLIP's known failures, and the unCLIP pipeline.

The embedded model is the gallery's mini CLIP (`assets/mini_clip`, digits); the allowlisted real CLIPs
load through `core.pretrained` when they are on this machine, and when they are not the tab says so
in one sentence and carries on with the mini CLIP."""

from __future__ import annotations

import html

import gradio as gr
import numpy as np
import plotly.graph_objects as go
import torch

from core.clip_tools import Embeddings, embed, joint_projection, similarity, zero_shot_probs
from core.data.images import PHOTOS, load_digits, load_photo
from core.pretrained import CLIP_ALLOWLIST, ModelRefusedError, ModelUnavailableError, load_clip
from core.train import MINI_CLIP_DIR
from demos import inputs
from demos.i18n import I18N, Lang, error, lang_of, t
from demos.layout import LIGHT, markdown, picture_inputs
from demos.plots import base_layout

MINI = "mini"
MODELS = (MINI, *CLIP_ALLOWLIST)
IMAGE_SETS = ("digits", "photos")
MAX_PROMPT_CHARS = 1000  # longer prompts are cut here first (then to the model's own token limit)
MAX_LABELS = 12
LIMITS = {"scale": (1.0, 100.0)}
UPLOAD_SIZE = 224
DEFAULTS = {"labels": "zero, one, two, three, four, five, six, seven, eight, nine", "template": "a handwritten {}"}
# Known failures of the real CLIP (photo, labels, template): counting, and colours bound to the wrong object.
FAILURES = {
    "counting": ("coins", "3 coins, 10 coins, 24 coins, 50 coins", "a photo of {}"),
    "colour": ("coffee", "a red cup on a white saucer, a white cup on a red saucer, a white cup on a white saucer", "{}"),
}


def _model(name, lang: Lang):
    """Returns (model, processor, note): the chosen CLIP, or the mini CLIP with a sentence saying why."""
    name = inputs.choice(name, "clip_model", MODELS, lang)
    if name != MINI:
        try:
            model, processor = load_clip(name)
            return model, processor, ""
        except ModelRefusedError:
            raise error("clip_err_refused", lang) from None
        except ModelUnavailableError:
            model, processor = load_clip(MINI_CLIP_DIR)
            return model, processor, t("clip_unavailable", lang, name=name)
    model, processor = load_clip(MINI_CLIP_DIR)
    return model, processor, ""


def _text(value, name_key: str, lang: Lang) -> str:
    """Returns `value` if it is text, or raises a translated error."""
    if not isinstance(value, str):
        raise error("clip_err_text", lang, name=t(name_key, lang))
    return value


def _prompts(labels, template, lang: Lang) -> tuple[list[str], list[str], bool]:
    """Returns (labels, prompts, cut) from comma-separated labels and a template with `{}`.

    Each prompt is cut to `MAX_PROMPT_CHARS` characters (the tokenizer then cuts to the model's own limit): a huge
    text costs one split, never a huge tokenisation."""
    names = [p.strip() for p in _text(labels, "clip_labels", lang).split(",", MAX_LABELS + 1)[: MAX_LABELS + 1] if p.strip()]
    template_text = _text(template, "clip_template", lang)
    if len(names) < 2:
        raise error("clip_err_few_labels", lang)
    if len(names) > MAX_LABELS:
        raise error("clip_err_many_labels", lang, n=MAX_LABELS)
    if template_text.count("{}") != 1:
        raise error("clip_err_template", lang)
    prompts = [template_text.replace("{}", n) for n in names]
    cut = any(len(p) > MAX_PROMPT_CHARS for p in prompts)
    return [n[:60] for n in names], [p[:MAX_PROMPT_CHARS] for p in prompts], cut


def _notes(emb: Embeddings, cut: bool, model_note: str, lang: Lang) -> list[str]:
    notes = [model_note] if model_note else []
    if cut or emb.truncated:
        notes.append(t("clip_truncated", lang))
    return notes


def classify(model_name, source, digit_index, photo, upload, labels, template, scale, request: gr.Request):
    """Returns the zero-shot probabilities of the labels for one image as bars, and a sentence about them."""
    lang = lang_of(request)
    s = inputs.real(scale, "clip_scale", *LIMITS["scale"], lang)
    names, prompts, cut = _prompts(labels, template, lang)
    image = inputs.picture(source, digit_index, photo, upload, lang, size=UPLOAD_SIZE)
    model, processor, note = _model(model_name, lang)
    emb = embed(model, processor, [image], prompts)
    probs = zero_shot_probs(emb, s)[0].numpy()
    learned = zero_shot_probs(emb)[0].numpy()
    order = np.argsort(probs)
    fig = go.Figure(go.Bar(x=probs[order], y=[names[i] for i in order], orientation="h", marker_color="#4f46e5",
                           text=[f"{p:.1%}" for p in probs[order]], textposition="outside"))  # fmt: skip
    fig.update_layout(title={"text": t("clip_probs_title", lang, s=s), "x": 0.5, "font": {"size": 15}}, height=140 + 34 * len(names),
                      plot_bgcolor="white", margin={"l": 10, "r": 20, "t": 50, "b": 45})  # fmt: skip
    fig.update_xaxes(range=[0, 1.15], title_text=t("clip_prob_axis", lang), gridcolor="#eee")
    fig.update_yaxes(automargin=True)
    best = int(probs.argmax())
    lines = [t("clip_verdict", lang, label=names[best], p=probs[best], s=s, learned=emb.logit_scale, p_learned=learned[best])]
    lines += _notes(emb, cut, note, lang)
    preview = image.expand(3, -1, -1) if image.shape[0] == 1 else image
    factor = max(1, 224 // preview.shape[-1])  # small digits drawn large, pixel by pixel
    preview = preview.repeat_interleave(factor, 1).repeat_interleave(factor, 2).permute(1, 2, 0).numpy()
    return fig, "\n\n".join(lines), (preview * 255).round().astype(np.uint8)


def _image_set(name: str) -> tuple[list[torch.Tensor], list[str]]:
    if name == "digits":
        images, labels = load_digits("test")
        first = [int((labels == d).nonzero()[0]) for d in range(10)]
        return [images[i] for i in first], [str(d) for d in range(10)]
    return [load_photo(p, size=UPLOAD_SIZE) for p in PHOTOS], list(PHOTOS)


def matrix(model_name, image_set, labels, template, request: gr.Request):
    """Returns the image-by-text cosine similarities as a heat map, and all embeddings in one 2D plane."""
    lang = lang_of(request)
    names, prompts, cut = _prompts(labels, template, lang)
    chosen = inputs.choice(image_set, "clip_image_set", IMAGE_SETS, lang)
    images, image_names = _image_set(chosen)
    model, processor, note = _model(model_name, lang)
    emb = embed(model, processor, images, prompts)
    sims = similarity(emb).numpy()
    heat = go.Figure(go.Heatmap(z=sims, x=names, y=image_names, colorscale="Viridis", colorbar={"title": "cos"},
                                text=[[f"{v:.2f}" for v in row] for row in sims], texttemplate="%{text}", hovertemplate="%{y} · %{x}: %{z:.3f}<extra></extra>"))  # fmt: skip
    heat.update_layout(title={"text": t("clip_matrix_title", lang), "x": 0.5, "font": {"size": 15}}, height=480, plot_bgcolor="white",
                       margin={"l": 10, "r": 10, "t": 50, "b": 10})  # fmt: skip
    heat.update_yaxes(autorange="reversed", type="category", title_text=t("clip_images", lang), automargin=True)
    heat.update_xaxes(type="category", title_text=t("clip_texts", lang), automargin=True, tickangle=-30)
    image_xy, text_xy = joint_projection(emb)
    space = go.Figure()
    best = sims.argmax(1)
    for i, j in enumerate(best):  # each image to the text it matches best
        space.add_trace(go.Scatter(x=[image_xy[i, 0], text_xy[j, 0]], y=[image_xy[i, 1], text_xy[j, 1]], mode="lines",
                                   line={"color": "#cbd5e1", "width": 1}, showlegend=False, hoverinfo="skip"))  # fmt: skip
    space.add_trace(go.Scatter(x=image_xy[:, 0], y=image_xy[:, 1], mode="markers+text", text=image_names, textposition="top center",
                               marker={"size": 11, "color": "#0891b2", "symbol": "square"}, name=t("clip_images", lang)))  # fmt: skip
    space.add_trace(go.Scatter(x=text_xy[:, 0], y=text_xy[:, 1], mode="markers+text", text=names, textposition="bottom center",
                               marker={"size": 11, "color": "#db2777", "symbol": "diamond"}, name=t("clip_texts", lang)))  # fmt: skip
    base_layout(space, t("clip_space_title", lang), x_title=t("tri_pc", lang, k=1), y_title=t("tri_pc", lang, k=2), height=460)
    notes = _notes(emb, cut, note, lang)
    return heat, space, "\n\n".join([t("clip_matrix_text", lang), *notes])


def failure(kind: str):
    """Returns the inputs of a failure example: the first allowlisted real CLIP, a photo, its labels and template."""
    photo, labels, template = FAILURES[kind]
    return CLIP_ALLOWLIST[0], "photo", photo, labels, template


def unclip_diagram(lang: Lang) -> str:
    """Returns the unCLIP pipeline as an SVG diagram (boxes and arrows, translated)."""
    steps = [("clip_u_text", "#e0e7ff"), ("clip_u_encoder", "#c7d2fe"), ("clip_u_text_emb", "#fce7f3"), ("clip_u_prior", "#fbcfe8"),
             ("clip_u_image_emb", "#cffafe"), ("clip_u_decoder", "#a5f3fc"), ("clip_u_image", "#dcfce7")]  # fmt: skip
    width, box, gap = 1200, 150, 22
    parts = [f'<svg viewBox="0 0 {width} 150" width="100%" role="img" aria-label="{html.escape(t("clip_unclip_title", lang))}" '
             'xmlns="http://www.w3.org/2000/svg" style="font-family: sans-serif">']  # fmt: skip
    parts.append('<defs><marker id="arrow" markerWidth="10" markerHeight="8" refX="9" refY="4" orient="auto">'
                 '<path d="M0,0 L10,4 L0,8 z" fill="#475569"/></marker></defs>')  # fmt: skip
    for i, (key, color) in enumerate(steps):
        x = 10 + i * (box + gap)
        parts.append(f'<rect x="{x}" y="35" width="{box}" height="70" rx="10" fill="{color}" stroke="#475569"/>')
        for k, line in enumerate(t(key, lang).split("\n")):
            parts.append(f'<text x="{x + box / 2}" y="{63 + 18 * k}" font-size="14" text-anchor="middle" fill="#111827">{html.escape(line)}</text>')
        if i < len(steps) - 1:
            parts.append(f'<line x1="{x + box}" y1="70" x2="{x + box + gap - 2}" y2="70" stroke="#475569" stroke-width="2" marker-end="url(#arrow)"/>')
    parts.append(f'<text x="{10 + 1.5 * (box + gap) + box / 2}" y="130" font-size="12" text-anchor="middle" fill="#475569">'
                 f"{html.escape(t('clip_u_clip_part', lang))}</text>")  # fmt: skip
    parts.append(f'<text x="{10 + 4 * (box + gap) + box / 2}" y="130" font-size="12" text-anchor="middle" fill="#475569">'
                 f"{html.escape(t('clip_u_new_part', lang))}</text></svg>")  # fmt: skip
    return "".join(parts)


def diagram(request: gr.Request):
    return unclip_diagram(lang_of(request))


def build(demo: gr.Blocks) -> None:
    """Builds the CLIP & DALL-E 2 tab."""
    markdown("topic_clip")
    model = inputs.Dropdown([(I18N("clip_mini"), MINI), *[(m, m) for m in CLIP_ALLOWLIST]], value=MINI, label=I18N("clip_model"), elem_id="clip-model")
    markdown("clip_model_help")
    markdown("clip_zero_help")
    with gr.Row(equal_height=False):
        with gr.Column(scale=1, min_width=280):
            source, digit_index, photo, upload = picture_inputs(digit=7, photo="cat", height=180)
            labels = gr.Textbox(value=DEFAULTS["labels"], label=I18N("clip_labels"), lines=2, elem_id="clip-labels")
            template = gr.Textbox(value=DEFAULTS["template"], label=I18N("clip_template"), elem_id="clip-template")
            scale = inputs.Slider(*LIMITS["scale"], value=18.0, step=0.5, label=I18N("clip_scale"), elem_id="clip-scale")
            run = gr.Button(I18N("clip_classify"), variant="primary", elem_id="clip-run")
        with gr.Column(scale=1, min_width=200):
            shown = gr.Image(label=I18N("clip_image_shown"), interactive=False, height=220)
            verdict = gr.Markdown(elem_id="clip-verdict")
        with gr.Column(scale=2):
            bars = gr.Plot(label=I18N("clip_probs"), elem_id="clip-bars")
    markdown("clip_failures_help")
    with gr.Row():
        counting = gr.Button(I18N("clip_fail_counting"))
        colour = gr.Button(I18N("clip_fail_colour"))
    markdown("clip_matrix_help")
    image_set = inputs.Radio([(I18N(f"clip_set_{s}"), s) for s in IMAGE_SETS], value="digits", label=I18N("clip_image_set"))
    matrix_button = gr.Button(I18N("clip_matrix_button"), elem_id="clip-matrix-run")
    with gr.Row(equal_height=False):
        heat = gr.Plot(label=I18N("clip_matrix"), elem_id="clip-heat")
        space = gr.Plot(label=I18N("clip_space"), elem_id="clip-space")
    matrix_text = gr.Markdown()
    markdown("clip_unclip_help")
    unclip = gr.HTML(elem_id="clip-unclip")
    markdown("clip_unclip_steps")

    zero_inputs = [model, source, digit_index, photo, upload, labels, template, scale]
    gr.on([demo.load, run.click, scale.release, source.change, digit_index.release, photo.change, upload.upload], classify, zero_inputs,
          [bars, verdict, shown], api_name="clip_classify", trigger_mode="always_last", **LIGHT)  # fmt: skip
    matrix_inputs = [model, image_set, labels, template]
    gr.on([demo.load, matrix_button.click, image_set.change], matrix, matrix_inputs, [heat, space, matrix_text], api_name="clip_matrix",
          trigger_mode="always_last", **LIGHT)  # fmt: skip
    for button, kind in ((counting, "counting"), (colour, "colour")):
        button.click(lambda kind=kind: failure(kind), None, [model, source, photo, labels, template], api_visibility="private").then(
            classify, zero_inputs, [bars, verdict, shown], api_visibility="private", **LIGHT
        )
    demo.load(diagram, None, unclip, api_name="clip_diagram", **LIGHT)
