"""The GANs tab's second part: the gallery's DCGAN on 8x8 digits, judged by the digits classifier."""

from __future__ import annotations

import gradio as gr
import plotly.graph_objects as go

from core.assets import classifier, dcgan
from demos import inputs, links
from demos.i18n import I18N, lang_of, number, t
from demos.layout import LIGHT, intro, page
from demos.lazy import core_classifier, gan_dcgan, torch
from demos.pictures import Picture
from demos.plots import chart_layout, image_grid
from demos.verdicts import digit_verdict

NUM_SLIDERS = 4
JUDGE_SAMPLES = 2000


def samples(seed, z0, z1, z2, z3, request: gr.Request):
    """Returns a grid of 64 samples for `seed`, and one digit whose first NUM_SLIDERS noise coordinates are the sliders."""
    lang = lang_of(request)
    coordinates = (z0, z1, z2, z3)
    seed_value = inputs.seed(seed, lang)
    values = [inputs.real(c, "gan_digits_coordinate", -3.0, 3.0, lang) for c in coordinates]
    model = dcgan()
    z = model.noise(64, generator=torch.Generator().manual_seed(seed_value))  # [64, noise_dim]
    single = z[:1].clone()
    single[0, : len(values)] = torch.tensor(values)
    grid = image_grid(model.decode(z), nrow=8, scale=6)
    one = image_grid(model.decode(single), nrow=1, scale=24, pad=0)
    return grid, one, digit_verdict(model.decode(single), "gan_digits_verdict", lang)


def interpolation(seed_a, seed_b, mode, steps, request: gr.Request):
    """Returns an image strip from the digit of `seed_a` to that of `seed_b`, linear or spherical."""
    lang = lang_of(request)
    a, b = inputs.seed(seed_a, lang), inputs.seed(seed_b, lang)
    mode = inputs.choice(mode, "gan_digits_mode", ("linear", "spherical"), lang)
    n = inputs.integer(steps, "gan_digits_steps", 3, 16, lang)
    model = dcgan()
    z0 = model.noise(1, generator=torch.Generator().manual_seed(a))[0]
    z1 = model.noise(1, generator=torch.Generator().manual_seed(b))[0]
    path = gan_dcgan.interpolate_latents(z0, z1, n, mode=mode)  # [n, noise_dim]
    norms = " · ".join(number(v, lang, 1) for v in path.norm(dim=1).tolist())
    return image_grid(model.decode(path), nrow=n, scale=10), t("gan_digits_norms", lang, norms=norms)


def verdict(seed, request: gr.Request):
    """Returns the classifier's class histogram of 2,000 DCGAN samples, with KL to uniform and confidence."""
    lang = lang_of(request)
    seed_value = inputs.seed(seed, lang)
    images = dcgan().sample(JUDGE_SAMPLES, generator=torch.Generator().manual_seed(seed_value))
    probs = classifier().predict_proba(images)
    counts = torch.bincount(probs.argmax(1), minlength=10).tolist()
    scores = core_classifier.judge_digits(classifier(), images)
    fig = go.Figure(
        go.Bar(
            x=[str(d) for d in range(10)],
            y=counts,
            marker_color="#7c3aed",
            text=counts,
            textposition="outside",
            cliponaxis=False,
        )
    )
    uniform = t("gan_digits_uniform", lang)
    # the uniform line's label sits in the right margin, beside the bars rather than over the last one
    fig.add_hline(
        y=JUDGE_SAMPLES / 10,
        line_dash="dash",
        line_color="#16a34a",
        annotation_text=uniform,
        annotation_position="right",
        annotation_font_color="#16a34a",
        layer="below",  # under the bars and their counts, seen between them
    )
    chart_layout(
        fig,
        t("gan_digits_hist_title", lang, n=JUDGE_SAMPLES),
        x_title=t("gan_digits_class", lang),
        y_title=t("gan_digits_count", lang),
        height=330,
        margin={"r": 14 + 9 * len(uniform)},
    )
    fig.update_yaxes(range=[0, 1.15 * max(max(counts), JUDGE_SAMPLES / 10)])  # room above the tallest bar for its count
    text = t("gan_digits_scores", lang, kl=scores["class_kl"], confident=100 * scores["confident_share"])
    return fig, text


def build(demo: gr.Blocks) -> None:
    """Builds the DCGAN pages of the GANs tab: samples and their judge, then interpolation."""
    with page("gans", "digits", "gan_page_digits"):
        intro("gan_digits_intro", heading=False)
        with gr.Row(equal_height=False):
            with gr.Column(min_width=300):
                seed = inputs.Number(0, precision=0, minimum=0, label=I18N("common_seed"))
                grid = Picture(format="png", label=I18N("gan_digits_grid"), type="pil", interactive=False, height=330)
            with gr.Column(min_width=300):
                sliders = [
                    inputs.Slider(-3, 3, value=0, step=0.05, label=I18N("gan_digits_coordinate") + f" z[{i}]") for i in range(NUM_SLIDERS)
                ]
                one = Picture(
                    format="png", label=I18N("gan_digits_single"), type="pil", interactive=False, height=170, elem_id="gan-digit-one"
                )
                one_verdict = gr.Markdown()
            with gr.Column(min_width=300):
                judge_button = gr.Button(I18N("gan_digits_judge"))
                histogram = gr.Plot(label=I18N("gan_digits_hist"))
                scores = gr.Markdown()
        link = links.control(demo, "gans", "dcgan", {"seed": seed, **{f"z{i}": s for i, s in enumerate(sliders)}})
    with page("gans", "interpolation", "gan_page_interpolation"):
        intro("gan_digits_interp_help", heading=False)
        with gr.Row():
            seed_a = inputs.Number(1, precision=0, minimum=0, label=I18N("gan_digits_seed_a"))
            seed_b = inputs.Number(2, precision=0, minimum=0, label=I18N("gan_digits_seed_b"))
            mode = inputs.Radio(
                [(I18N("gan_digits_linear"), "linear"), (I18N("gan_digits_spherical"), "spherical")],
                value="spherical",
                label=I18N("gan_digits_mode"),
            )
            steps = inputs.Slider(3, 16, value=10, step=1, label=I18N("gan_digits_steps"))
        strip = Picture(format="png", label=I18N("gan_digits_strip"), type="pil", interactive=False, height=180)
        norms = gr.Markdown()
        interp_link = links.control(demo, "gans", "interpolation", {"seed_a": seed_a, "seed_b": seed_b, "mode": mode, "steps": steps})
    gr.on(
        [demo.load, seed.submit, *[s.release for s in sliders], link.restored.change],
        samples,
        [seed, *sliders],
        [grid, one, one_verdict],
        api_name="gan_digits_samples",
        trigger_mode="always_last",
        **LIGHT,
    )
    gr.on(
        [demo.load, seed_a.submit, seed_b.submit, mode.change, steps.release, interp_link.restored.change],
        interpolation,
        [seed_a, seed_b, mode, steps],
        [strip, norms],
        api_name="gan_digits_interpolate",
        trigger_mode="always_last",
        **LIGHT,
    )
    gr.on(
        [demo.load, judge_button.click, link.restored.change],
        verdict,
        seed,
        [histogram, scores],
        api_name="gan_digits_judge",
        trigger_mode="always_last",
        **LIGHT,
    )
