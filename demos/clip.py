"""CLIP & DALL-E 2 tab: zero-shot classification with any labels and template and a temperature knob,
similarity matrices, the shared embedding space in 2D, CLIP's known failures, and the unCLIP pipeline.

The embedded model is the gallery's mini CLIP (`assets/mini_clip`, digits); the allowlisted real CLIPs
load through `core.pretrained` when they are on this machine, and when they are not the tab says so
in one sentence and carries on with the mini CLIP. Every answer names the model that gave it; the mini
CLIP's answers about photos, or over words it never read, are called meaningless beside the result, and
the failure examples run only on a real CLIP (without one they say that one is needed)."""

from __future__ import annotations

import html
from functools import lru_cache

import gradio as gr
import numpy as np
import plotly.graph_objects as go

from core.assets import MINI_CLIP_DIR
from core.pretrained import CLIP_ALLOWLIST, ModelRefusedError, ModelUnavailableError, clip_available, load_clip
from demos import inputs, links
from demos import unclip as unclip_section
from demos.i18n import I18N, Lang, error, lang_of, number, percent, t
from demos.layout import LIGHT, intro, markdown, page, pages, picture_inputs
from demos.lazy import core_clip_tools, core_mini_clip, data_images, torch
from demos.pictures import Picture
from demos.plots import base_layout, chart_layout

MINI = "mini"
MODELS = (MINI, *CLIP_ALLOWLIST)
IMAGE_SETS = ("digits", "photos")
MAX_PROMPT_CHARS = 1000  # longer prompts are cut here first (then to the model's own token limit)
MAX_LABELS = 12
LIMITS = {"scale": (1.0, 100.0)}
UPLOAD_SIZE = 224
# Known failures of the real CLIP (photo, labels, template): counting, and colours bound to the wrong object. The
# binding test is a drawn red square beside a blue circle: the first two captions bind the colours right, the last two
# swap them, and all four hold the same words, so only binding (not which words occur) can rank them.
FAILURES = {
    "counting": ("coins", "3 coins, 10 coins, 24 coins, 50 coins", "a photo of {}"),
    "colour": (
        "shapes",
        "a red square and a blue circle, a blue circle and a red square, a blue square and a red circle, a red circle and a blue square",
        "{}",
    ),
}


def _model(name, lang: Lang):
    """Returns (model, processor, answered, note): the chosen CLIP, or the mini CLIP with a sentence saying why;
    `answered` names the one that runs (`MINI` or the model id)."""
    name = inputs.choice(name, "clip_model", MODELS, lang)
    if name != MINI:
        try:
            model, processor = load_clip(name)
            return model, processor, name, ""
        except ModelRefusedError:
            raise error("clip_err_refused", lang) from None
        except ModelUnavailableError:
            model, processor = load_clip(MINI_CLIP_DIR)
            return model, processor, MINI, t("clip_unavailable", lang, name=name)
    model, processor = load_clip(MINI_CLIP_DIR)
    return model, processor, MINI, ""


def _answered(answered: str, lang: Lang) -> str:
    """Returns the sentence that names the model that answered and what it was trained on."""
    return t("clip_answered_mini", lang) if answered == MINI else t("clip_answered_real", lang, name=answered)


@lru_cache(maxsize=1)
def _mini_corpus() -> tuple[str, ...]:
    return tuple(core_mini_clip.corpus())


def _words_unseen_by_mini(prompts: list[str], lang: Lang) -> str:
    """Returns the words of `prompts` that the mini CLIP never read in training, quoted, or "" when it read them all."""
    return ", ".join(t("clip_word", lang, w=w) for w in core_clip_tools.unseen_words(prompts, _mini_corpus()))


def _text(value, name_key: str, lang: Lang) -> str:
    """Returns `value` if it is text, or raises a translated error."""
    if not isinstance(value, str):
        raise error("common_err_text", lang, name=t(name_key, lang))
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


def _notes(emb: core_clip_tools.Embeddings, cut: bool, model_note: str, lang: Lang) -> list[str]:
    notes = [model_note] if model_note else []
    if cut or emb.truncated:
        notes.append(t("common_truncated", lang))
    return notes


def _enlarged(image: torch.Tensor) -> np.ndarray:
    """Returns an image `[C, H, W]` in [0, 1] as RGB bytes, a small one drawn large pixel by pixel."""
    preview = image.expand(3, -1, -1) if image.shape[0] == 1 else image
    factor = max(1, 224 // preview.shape[-1])
    preview = preview.repeat_interleave(factor, 1).repeat_interleave(factor, 2).permute(1, 2, 0).numpy()
    return (preview * 255).round().astype(np.uint8)


def classify(model_name, source, digit_index, photo, upload, labels, template, scale, request: gr.Request):
    """Returns the zero-shot probabilities of the labels for one image as bars, which model answered and what its answer
    is worth, and the image as the model sees it."""
    lang = lang_of(request)
    s = inputs.real(scale, "clip_scale", *LIMITS["scale"], lang)
    names, prompts, cut = _prompts(labels, template, lang)
    image = inputs.picture(source, digit_index, photo, upload, lang, size=UPLOAD_SIZE)
    model, processor, answered, note = _model(model_name, lang)
    emb = core_clip_tools.embed(model, processor, [image], prompts)
    probs = core_clip_tools.zero_shot_probs(emb, s)[0].numpy()
    learned = core_clip_tools.zero_shot_probs(emb)[0].numpy()
    best, k = int(probs.argmax()), len(names)
    # the mini CLIP knows 8x8 digits and the words of its captions: on a photo, or on words it never read, its pick is noise
    reasons = []
    if answered == MINI and source == "photo":
        reasons.append(t("clip_reason_photo", lang))
    unseen = _words_unseen_by_mini(prompts, lang) if answered == MINI else ""
    if unseen:
        reasons.append(t("clip_reason_words", lang, words=unseen))
    lines = [_answered(answered, lang)]
    if reasons:
        lines.append(t("clip_meaningless", lang, reasons=" ".join(reasons), label=names[best], p=probs[best], k=k, chance=1 / k))
    else:
        lines.append(t("clip_verdict", lang, label=names[best], p=probs[best], s=s, learned=emb.logit_scale, p_learned=learned[best]))
        if answered == MINI and source == "upload":
            lines.append(t("clip_reason_upload", lang))
    lines += _notes(emb, cut, note, lang)
    order = np.argsort(probs)
    fig = go.Figure(
        go.Bar(
            x=probs[order],
            y=[names[i] for i in order],
            orientation="h",
            marker_color="#9ca3af" if reasons else "#4f46e5",
            text=[percent(p, lang, 1) for p in probs[order]],
            textposition="outside",
        )
    )
    fig.add_vline(
        x=1 / k,
        line={"dash": "dash", "color": "#64748b", "width": 1.5},
        annotation_text=t("clip_chance", lang, k=k),
        annotation_position="top",
        annotation_font={"size": 11, "color": "#475569"},
    )
    chart_layout(
        fig, t("clip_probs_title", lang, s=s), x_title=t("clip_prob_axis", lang), height=120 + 24 * k, margin={"l": 10, "t": 60}, lang=lang
    )
    fig.update_xaxes(range=[0, 1.15], gridcolor="#eee")
    fig.update_yaxes(automargin=True)
    return fig, "\n\n".join(lines), _enlarged(core_clip_tools.model_input(processor, image))


def _photo_choices(lang: Lang) -> list[tuple[str, str]]:
    return [(t(f"photo_{p}", lang), p) for p in data_images.PHOTOS]


def _image_set(name: str, lang: Lang) -> tuple[list[torch.Tensor], list[str]]:
    if name == "digits":
        images, labels = data_images.load_digits("test")
        first = [int((labels == d).nonzero()[0]) for d in range(10)]
        return [images[i] for i in first], [str(d) for d in range(10)]
    return [data_images.load_photo(p, size=UPLOAD_SIZE) for p in data_images.PHOTOS], [label for label, _ in _photo_choices(lang)]


# The plane's names: each is drawn beside its point only where it covers no other name, no point and no edge, measured
# for the smallest plotting area the tab expects (a wider one only adds room); the others show when hovered.
LABEL_CHAR_PX = 7.5  # a generous average character width of the 12 px sans-serif font plotly uses
LABEL_HEIGHT_PX = 16.0
MARKER_RADIUS_PX = 7.0  # markers are 11 px wide, plus a margin
PLOT_AREA_PX = (400.0, 300.0)  # width, height
LABEL_POSITIONS = ("top center", "bottom center", "middle right", "middle left", "top right", "top left", "bottom right", "bottom left")


def label_box(x: float, y: float, name: str, position: str, px_per_unit: float) -> tuple[float, float, float, float]:
    """Returns the box (x0, y0, x1, y1), in data units, that `name` covers when drawn at `position` beside point (x, y)."""
    w, h, gap = (LABEL_CHAR_PX * len(name) + 4) / px_per_unit, LABEL_HEIGHT_PX / px_per_unit, (MARKER_RADIUS_PX + 2) / px_per_unit
    vertical, horizontal = position.split()
    corner = 0.75 * gap if vertical != "middle" and horizontal != "center" else 0.0
    x0 = {"center": x - w / 2, "right": x + (corner or gap), "left": x - (corner or gap) - w}[horizontal]
    y0 = {"middle": y - h / 2, "top": y + (corner or gap), "bottom": y - (corner or gap) - h}[vertical]
    return x0, y0, x0 + w, y0 + h


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def plane_ranges(points: np.ndarray) -> tuple[list[float], list[float], float]:
    """Returns the x and y ranges of the plane (the points with room for names around them) and its pixels per data unit."""
    lo, hi = points.min(0), points.max(0)
    pad = 0.14 * (hi - lo) + 0.05 * max(float((hi - lo).max()), 1e-6)
    x_range, y_range = [float(lo[0] - pad[0]), float(hi[0] + pad[0])], [float(lo[1] - pad[1]), float(hi[1] + pad[1])]
    return x_range, y_range, min(PLOT_AREA_PX[0] / (x_range[1] - x_range[0]), PLOT_AREA_PX[1] / (y_range[1] - y_range[0]))


def place_labels(points: np.ndarray, names: list[str], x_range, y_range, px_per_unit: float) -> tuple[list[str], list[str]]:
    """Returns (text, textposition) for each point: its name at the first position that overlaps nothing already drawn
    (greedy, in order), or "" when none is free."""
    r = MARKER_RADIUS_PX / px_per_unit
    taken = [(x - r, y - r, x + r, y + r) for x, y in points]
    texts, positions = [], []
    for (x, y), name in zip(points, names, strict=True):
        for position in LABEL_POSITIONS:
            box = label_box(x, y, name, position, px_per_unit)
            inside = x_range[0] <= box[0] and box[2] <= x_range[1] and y_range[0] <= box[1] and box[3] <= y_range[1]
            if inside and not any(_overlap(box, other) for other in taken):
                taken.append(box)
                texts.append(name)
                positions.append(position)
                break
        else:
            texts.append("")
            positions.append("top center")
    return texts, positions


def _space_figure(
    image_xy: np.ndarray, text_xy: np.ndarray, image_names: list[str], names: list[str], best: np.ndarray, lang: Lang
) -> go.Figure:
    """Returns images and texts in one plane, each image joined to its best text, their names placed without overlaps."""
    x_range, y_range, scale = plane_ranges(np.concatenate([image_xy, text_xy]))
    texts, positions = place_labels(np.concatenate([image_xy, text_xy]), [*image_names, *names], x_range, y_range, scale)
    n = len(image_names)
    fig = go.Figure()
    for i, j in enumerate(best):  # each image to the text it matches best
        fig.add_trace(
            go.Scatter(
                x=[image_xy[i, 0], text_xy[j, 0]],
                y=[image_xy[i, 1], text_xy[j, 1]],
                mode="lines",
                line={"color": "#cbd5e1", "width": 1},
                showlegend=False,
                hoverinfo="skip",
            )
        )
    for xy, group, start, symbol, color, key in (
        (image_xy, image_names, 0, "square", "#0891b2", "clip_images"),
        (text_xy, names, n, "diamond", "#db2777", "clip_texts"),
    ):
        fig.add_trace(
            go.Scatter(
                x=xy[:, 0],
                y=xy[:, 1],
                mode="markers+text",
                text=texts[start : start + len(group)],
                textposition=positions[start : start + len(group)],
                textfont={"size": 12},
                hovertext=group,
                hovertemplate="%{hovertext}<extra></extra>",
                marker={"size": 11, "color": color, "symbol": symbol},
                name=t(key, lang),
            )
        )
    base_layout(fig, t("clip_space_title", lang), x_title=t("common_pc", lang, k=1), y_title=t("common_pc", lang, k=2), height=460)
    fig.update_xaxes(range=x_range, autorange=False)
    fig.update_yaxes(range=y_range, autorange=False)
    return fig


def matrix(model_name, image_set, labels, template, request: gr.Request):
    """Returns the image-by-text cosine similarities as a heat map, all embeddings in one 2D plane, and what they are worth."""
    lang = lang_of(request)
    names, prompts, cut = _prompts(labels, template, lang)
    chosen = inputs.choice(image_set, "clip_image_set", IMAGE_SETS, lang)
    images, image_names = _image_set(chosen, lang)
    model, processor, answered, note = _model(model_name, lang)
    emb = core_clip_tools.embed(model, processor, images, prompts)
    sims = core_clip_tools.similarity(emb).numpy()
    heat = go.Figure(
        go.Heatmap(
            z=sims,
            x=names,
            y=image_names,
            colorscale="Viridis",
            colorbar={"title": "cos"},
            text=[[number(v, lang, 2) for v in row] for row in sims],
            texttemplate="%{text}",
            hovertemplate="%{y} · %{x}: %{z:.3f}<extra></extra>",
        )
    )
    chart_layout(heat, t("clip_matrix_title", lang), height=480, margin={"l": 10, "r": 10, "b": 10})
    heat.update_yaxes(autorange="reversed", type="category", title_text=t("clip_images", lang), automargin=True)
    heat.update_xaxes(type="category", title_text=t("clip_texts", lang), automargin=True, tickangle=-30)
    image_xy, text_xy = core_clip_tools.joint_projection(emb)
    space = _space_figure(image_xy, text_xy, image_names, names, sims.argmax(1), lang)
    lines = [_answered(answered, lang), t("clip_matrix_text", lang)]
    if answered == MINI and chosen == "photos":
        lines.append(t("clip_matrix_meaningless", lang))
    unseen = _words_unseen_by_mini(prompts, lang) if answered == MINI else ""
    if unseen:
        lines.append("⚠️ " + t("clip_reason_words", lang, words=unseen))
    return heat, space, "\n\n".join(lines + _notes(emb, cut, note, lang))


def failure_example(kind: str, scale, request: gr.Request):
    """Returns a failure example's inputs and a real CLIP's answer to it, or, when no real CLIP is on this machine, no
    change and a note saying one is needed (the mini CLIP's numbers would not show CLIP's failure)."""
    lang = lang_of(request)
    real = next((m for m in CLIP_ALLOWLIST if clip_available(m)), None)
    if real is None:
        what = t(f"clip_fail_{kind}_what", lang)
        return (*[gr.update()] * 8, t("clip_fail_needs_real", lang, name=CLIP_ALLOWLIST[0], what=what))
    photo, labels, template = FAILURES[kind]
    bars, verdict, shown = classify(real, "photo", 0, photo, None, labels, template, scale, request)
    return real, "photo", photo, labels, template, bars, verdict, shown, ""


def _failure_handler(kind: str):
    def handler(scale, request: gr.Request):
        return failure_example(kind, scale, request)

    handler.__name__ = f"failure_{kind}"
    return handler


def defaults(request: gr.Request):
    """Returns the tab's examples in the reader's language: the labels, the template, and the bundled photos' names."""
    lang, linked = lang_of(request), links.linked(request, "clip")  # a link's own labels and template stay
    labels = gr.skip() if "labels" in linked else t("clip_default_labels", lang)
    template = gr.skip() if "template" in linked else t("clip_default_template", lang)
    return labels, template, gr.update(choices=_photo_choices(lang))


def unclip_diagram(lang: Lang) -> str:
    """Returns the unCLIP pipeline as an SVG diagram (boxes and arrows, translated)."""
    steps = [
        ("clip_u_text", "#e0e7ff"),
        ("clip_u_encoder", "#c7d2fe"),
        ("clip_u_text_emb", "#fce7f3"),
        ("clip_u_prior", "#fbcfe8"),
        ("clip_u_image_emb", "#cffafe"),
        ("clip_u_decoder", "#a5f3fc"),
        ("clip_u_image", "#dcfce7"),
    ]
    width, box, gap = 1200, 150, 22
    parts = [
        f'<svg viewBox="0 0 {width} 150" width="100%" role="img" aria-label="{html.escape(t("clip_unclip_title", lang))}" '
        'xmlns="http://www.w3.org/2000/svg" style="font-family: sans-serif">'
    ]
    parts.append(
        '<defs><marker id="arrow" markerWidth="10" markerHeight="8" refX="9" refY="4" orient="auto">'
        '<path d="M0,0 L10,4 L0,8 z" fill="#475569"/></marker></defs>'
    )
    for i, (key, color) in enumerate(steps):
        x = 10 + i * (box + gap)
        parts.append(f'<rect x="{x}" y="35" width="{box}" height="70" rx="10" fill="{color}" stroke="#475569"/>')
        for k, line in enumerate(t(key, lang).split("\n")):
            parts.append(
                f'<text x="{x + box / 2}" y="{63 + 18 * k}" font-size="14" text-anchor="middle" fill="#111827">{html.escape(line)}</text>'
            )
        if i < len(steps) - 1:
            parts.append(
                f'<line x1="{x + box}" y1="70" x2="{x + box + gap - 2}" y2="70" '
                'stroke="#475569" stroke-width="2" marker-end="url(#arrow)"/>'
            )
    parts.append(
        f'<text x="{10 + 1.5 * (box + gap) + box / 2}" y="130" font-size="12" text-anchor="middle" fill="#475569">'
        f"{html.escape(t('clip_u_clip_part', lang))}</text>"
    )
    parts.append(
        f'<text x="{10 + 4 * (box + gap) + box / 2}" y="130" font-size="12" text-anchor="middle" fill="#475569">'
        f"{html.escape(t('clip_u_new_part', lang))}</text></svg>"
    )
    return "".join(parts)


def diagram(request: gr.Request):
    return unclip_diagram(lang_of(request))


def build(demo: gr.Blocks) -> None:
    """Builds the CLIP & DALL-E 2 tab."""
    intro("topic_clip")
    with gr.Row(equal_height=False):
        model = inputs.Dropdown(
            [(I18N("clip_mini"), MINI), *[(m, m) for m in CLIP_ALLOWLIST]],
            value=MINI,
            label=I18N("clip_model"),
            elem_id="clip-model",
            scale=1,
            min_width=240,
        )
        with gr.Column(scale=3):
            markdown("clip_model_help")
    with pages("clip"):
        with page("clip", "zero_shot", "clip_page_zero_shot"):
            intro("clip_zero_help", heading=False)
            with gr.Row(equal_height=False):
                with gr.Column(scale=1, min_width=280):
                    source, digit_index, photo, upload = picture_inputs(digit=7, photo="cat", height=180)
                    labels = gr.Textbox(value=t("clip_default_labels", "en"), label=I18N("clip_labels"), lines=2, elem_id="clip-labels")
                    template = gr.Textbox(value=t("clip_default_template", "en"), label=I18N("clip_template"), elem_id="clip-template")
                    scale = inputs.Slider(*LIMITS["scale"], value=18.0, step=0.5, label=I18N("clip_scale"), elem_id="clip-scale")
                    run = gr.Button(I18N("clip_classify"), variant="primary", elem_id="clip-run")
                    zero_link = links.control(
                        demo,
                        "clip",
                        "zero_shot",
                        {
                            "model": model,
                            **links.picture_settings(source, digit_index, photo),
                            "labels": labels,
                            "template": template,
                            "scale": scale,
                        },
                    )
                with gr.Column(scale=1, min_width=220):
                    shown = Picture(format="png", label=I18N("clip_image_shown"), interactive=False, height=200)
                    verdict = gr.Markdown(elem_id="clip-verdict")
                with gr.Column(scale=2):
                    bars = gr.Plot(label=I18N("clip_probs"), elem_id="clip-bars")
                    intro("clip_failures_help")
                    with gr.Row():
                        counting = gr.Button(I18N("clip_fail_counting"), size="sm")
                        colour = gr.Button(I18N("clip_fail_colour"), size="sm")
                    failure_note = gr.Markdown(elem_id="clip-failure-note")
        with page("clip", "matrix", "clip_page_matrix"):
            intro("clip_matrix_help", heading=False)
            with gr.Row(equal_height=False):
                with gr.Column(scale=1, min_width=240):
                    image_set = inputs.Radio([(I18N(f"clip_set_{s}"), s) for s in IMAGE_SETS], value="digits", label=I18N("clip_image_set"))
                    matrix_button = gr.Button(I18N("clip_matrix_button"), elem_id="clip-matrix-run")
                    matrix_link = links.control(
                        demo, "clip", "matrix", {"model": model, "image_set": image_set, "labels": labels, "template": template}
                    )
                    matrix_text = gr.Markdown()
                with gr.Column(scale=2):
                    heat = gr.Plot(label=I18N("clip_matrix"), elem_id="clip-heat")
                with gr.Column(scale=2):
                    space = gr.Plot(label=I18N("clip_space"), elem_id="clip-space")
        with page("clip", "unclip", "clip_page_unclip"):
            intro("clip_unclip_help", heading=False)
            unclip = gr.HTML(elem_id="clip-unclip")
            intro("clip_unclip_steps", heading=False)
        unclip_section.build(demo)

    zero_inputs = [model, source, digit_index, photo, upload, labels, template, scale]
    gr.on(
        [run.click, scale.release, source.change, digit_index.release, photo.change, upload.upload, zero_link.restored.change],
        classify,
        zero_inputs,
        [bars, verdict, shown],
        api_name="clip_classify",
        trigger_mode="always_last",
        **LIGHT,
    )
    matrix_inputs = [model, image_set, labels, template]
    gr.on(
        [matrix_button.click, image_set.change, matrix_link.restored.change],
        matrix,
        matrix_inputs,
        [heat, space, matrix_text],
        api_name="clip_matrix",
        trigger_mode="always_last",
        **LIGHT,
    )
    # on page load: the examples in the reader's language first, then both sections on them
    loaded = demo.load(defaults, None, [labels, template, photo], api_name="clip_defaults", **LIGHT)
    # (a link to a section computes it itself, from the link's values)
    loaded.then(links.unless_linked(classify, "clip", "zero_shot"), zero_inputs, [bars, verdict, shown], api_visibility="private", **LIGHT)
    loaded.then(links.unless_linked(matrix, "clip", "matrix"), matrix_inputs, [heat, space, matrix_text], api_visibility="private", **LIGHT)
    for button, kind in ((counting, "counting"), (colour, "colour")):
        button.click(
            _failure_handler(kind),
            scale,
            [model, source, photo, labels, template, bars, verdict, shown, failure_note],
            api_name=f"clip_failure_{kind}",
            **LIGHT,
        )
    demo.load(diagram, None, unclip, api_name="clip_diagram", **LIGHT)
