"""Overview tab: a discriminative model p(y|x) beside a generative model p(x) on the same 2D data,
the generative trilemma, and a map of the gallery."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass

import gradio as gr
import numpy as np
import plotly.graph_objects as go

from core.data.toy2d import TOY_DATASETS, Toy2D, make_toy
from core.lazy import source_of
from demos import inputs, links
from demos.i18n import I18N, Lang, error, lang_of, t
from demos.layout import LIGHT, intro, markdown, page, pages
from demos.lazy import core_classifier2d, core_gmm, core_loop, core_plane, core_seeding, torch
from demos.plots import base_layout, blend_probabilities, chart_layout, class_colors

DATASETS = (*TOY_DATASETS, "csv")
LIMITS = {
    "num_points": (50, 5000),
    "components": (1, 30),
    "em_iterations": (1, 500),
    "classifier_steps": (1, 3000),
    "new_points": (1, 5000),
}
DEFAULTS = {
    "dataset": "moons",
    "num_points": 600,
    "components": 8,
    "em_iterations": 60,
    "classifier_steps": 300,
    "new_points": 300,
    "seed": 0,
}
GRID_RESOLUTION = 120
# After a successful fit, close the error popups an earlier bad input left on screen.
DISMISS_ERRORS = "() => document.querySelectorAll('[data-testid=toast-body].error [data-testid=toast-close]').forEach((b) => b.click())"


@dataclass
class Fitted:
    """One person's fitted pair of models and the data they saw (kept in `gr.State`)."""

    data: Toy2D
    box: tuple[float, float, float, float]
    classifier: core_classifier2d.PointClassifier
    gmm: core_gmm.GaussianMixture
    train_accuracy: float
    log_likelihood: float


def _load_data(dataset: str, csv_file: str | None, num_points: int, generator: torch.Generator, lang: Lang) -> Toy2D:
    if dataset == "csv":
        return inputs.csv_points(csv_file, lang)
    return make_toy(dataset, num_points, generator=generator)  # type: ignore[arg-type]


def fit_models(
    dataset: str,
    csv_file: str | None,
    num_points: float,
    components: float,
    em_iterations: float,
    classifier_steps: float,
    seed: float,
    request: gr.Request,
) -> tuple[go.Figure | None, go.Figure | None, str, Fitted | None]:
    """Fits the classifier and the Gaussian mixture on the chosen data; returns both figures.

    "My points" without a file yet is no error: the plots are emptied and the summary asks for the file.
    """
    lang = lang_of(request)
    dataset = inputs.choice(dataset, "common_dataset", DATASETS, lang)
    if dataset == "csv" and not csv_file:
        return None, None, t("ov_csv_wait", lang, box=t("common_ds_csv", lang)), None
    n = inputs.integer(num_points, "num_points", *LIMITS["num_points"], lang)
    k = inputs.integer(components, "components", *LIMITS["components"], lang)
    iters = inputs.integer(em_iterations, "em_iterations", *LIMITS["em_iterations"], lang)
    steps = inputs.integer(classifier_steps, "classifier_steps", *LIMITS["classifier_steps"], lang)
    seed_value = inputs.seed(seed, lang)

    generator = torch.Generator().manual_seed(seed_value)
    data = _load_data(dataset, csv_file, n, generator, lang)
    if len(data.points) < k:
        raise error("err_too_few_points", lang, n=len(data.points), k=k)
    box = core_plane.bounds(data.points)

    classifier = core_seeding.init_weights(
        core_classifier2d.PointClassifier(core_classifier2d.PointClassifierConfig(num_classes=max(data.num_classes, 2))),
        torch.Generator().manual_seed(seed_value),
    )
    clf_report = core_loop.run_to_end(core_classifier2d.classifier_trainer(classifier, data.points, data.labels), steps)
    gmm = core_gmm.GaussianMixture(core_gmm.GMMConfig(num_components=k))
    core_loop.run_to_end(core_gmm.em_trainer(gmm, data.points, generator=generator), iters)
    log_likelihood = float(gmm.log_prob(data.points).mean())

    fitted = Fitted(data, box, classifier, gmm, clf_report.metrics["accuracy"], log_likelihood)
    summary = t("ov_summary", lang, acc=100 * fitted.train_accuracy, steps=steps, ll=log_likelihood, k=k, iters=iters)
    return classifier_figure(fitted, lang), density_figure(fitted, lang), summary, fitted


def choose_csv() -> tuple[str, str]:
    """Returns "My points" as the chosen data set and an empty hint: a file has just been uploaded."""
    return "csv", ""


def open_upload(dataset: str, csv_file: str | None, request: gr.Request) -> tuple:
    """Returns the upload box opened, with a hint, when "My points" is chosen and no file is there yet."""
    if dataset == "csv" and not csv_file:
        lang = lang_of(request)
        return gr.Accordion(open=True), t("ov_csv_wait", lang, box=t("common_ds_csv", lang))
    return gr.skip(), ""


def draw_new_points(fitted: Fitted | None, new_points: float, seed: float, request: gr.Request) -> tuple[go.Figure, str, gr.File]:
    """Samples brand-new points from the fitted mixture; returns the figure, a note and a CSV file."""
    lang = lang_of(request)
    if not isinstance(fitted, Fitted):
        raise error("err_fit_first", lang)
    n = inputs.integer(new_points, "new_points", *LIMITS["new_points"], lang)
    seed_value = inputs.seed(seed, lang)
    samples = fitted.gmm.sample(n, generator=torch.Generator().manual_seed(seed_value + 1))
    path = os.path.join(tempfile.mkdtemp(prefix="overview-"), "new_points.csv")
    np.savetxt(path, samples.numpy(), delimiter=",", header="x,y", comments="", fmt="%.6f")
    note = t("ov_sampled", lang, count=n, ll=float(fitted.gmm.log_prob(samples).mean()))
    return density_figure(fitted, lang, new_points=samples), note, gr.File(value=path, visible=True)


def classifier_figure(fitted: Fitted, lang: Lang) -> go.Figure:
    """Returns p(y|x) as class-coloured regions with the training points on top."""
    grid = core_plane.plane_grid(fitted.box, GRID_RESOLUTION)
    probs = grid.as_image(fitted.classifier.predict_proba(grid.points)).numpy()  # [H, W, K]
    x0, x1, y0, y1 = fitted.box
    fig = go.Figure()
    fig.add_layout_image(
        source=blend_probabilities(probs),
        x=x0,
        y=y1,
        sizex=x1 - x0,
        sizey=y1 - y0,
        xref="x",
        yref="y",
        sizing="stretch",
        layer="below",
    )
    colors = class_colors(fitted.classifier.config.num_classes)
    pts, labels = fitted.data.points.numpy(), fitted.data.labels.numpy()
    for k in np.unique(labels):
        sel = labels == k
        fig.add_trace(
            go.Scattergl(
                x=pts[sel, 0],
                y=pts[sel, 1],
                mode="markers",
                name=t("ov_class", lang, k=int(k)),
                showlegend=len(colors) <= 10,
                marker={"size": 5, "color": colors[int(k)], "line": {"width": 0.5, "color": "white"}},
            )
        )
    fig.update_xaxes(range=[x0, x1])
    fig.update_yaxes(range=[y0, y1])
    return base_layout(fig, t("ov_clf_title", lang), height=300, legend={"y": -0.3})


def density_figure(fitted: Fitted, lang: Lang, new_points: torch.Tensor | None = None) -> go.Figure:
    """Returns contours of log p(x), the 2-sigma ellipse of each component, the data and new points."""
    grid = core_plane.plane_grid(fitted.box, GRID_RESOLUTION)
    log_p = grid.as_image(fitted.gmm.log_prob(grid.points)).numpy()
    floor = log_p.max() - 12.0  # contours over 12 nats of density; lower is drawn as the floor
    x0, x1, y0, y1 = fitted.box
    fig = go.Figure(
        go.Contour(
            x=grid.xs.numpy(),
            y=grid.ys.numpy(),
            z=np.maximum(log_p, floor),
            colorscale=[[0, "#ffffff"], [1, "#60a5fa"]],
            ncontours=14,
            colorbar={"title": {"text": "log p(x)", "side": "right"}, "thickness": 12},
            name="log p(x)",
            hovertemplate="x₁=%{x:.2f}<br>x₂=%{y:.2f}<br>log p(x)=%{z:.2f}<extra></extra>",
        )
    )
    pts = fitted.data.points.numpy()
    fig.add_trace(
        go.Scattergl(
            x=pts[:, 0],
            y=pts[:, 1],
            mode="markers",
            name=t("ov_data", lang),
            marker={"size": 4, "color": "rgba(40,40,40,0.55)"},
        )
    )
    ex, ey = _ellipses(fitted.gmm)
    fig.add_trace(go.Scatter(x=ex, y=ey, mode="lines", name=t("ov_components", lang), line={"color": "#f59e0b", "width": 2}))
    if new_points is not None:
        new = new_points.numpy()
        fig.add_trace(
            go.Scattergl(
                x=new[:, 0],
                y=new[:, 1],
                mode="markers",
                name=t("ov_new_points", lang),
                marker={"size": 6, "color": "#dc2626", "symbol": "x"},
            )
        )
    fig.update_xaxes(range=[x0, x1])
    fig.update_yaxes(range=[y0, y1])
    return base_layout(fig, t("ov_gen_title", lang), height=300, legend={"y": -0.3})


def _ellipses(gmm: core_gmm.GaussianMixture, n_std: float = 2.0, resolution: int = 48) -> tuple[list, list]:
    """Returns x and y coordinates of each component's n-sigma ellipse, separated by None."""
    theta = torch.linspace(0, 2 * np.pi, resolution, dtype=torch.float64)
    circle = torch.stack([theta.cos(), theta.sin()])  # [2, R]
    chol = torch.linalg.cholesky(gmm.covariances)  # [K, 2, 2]
    rings = gmm.means[:, :, None] + n_std * chol @ circle  # [K, 2, R]
    xs: list = []
    ys: list = []
    for ring in rings.numpy():
        xs += [*ring[0], None]
        ys += [*ring[1], None]
    return xs, ys


# Where the course places each family, as barycentric weights (quality, speed, coverage).
TRILEMMA_POSITIONS = {
    "tri_gan": (0.46, 0.46, 0.08),
    "tri_diffusion": (0.46, 0.08, 0.46),
    "tri_vae": (0.08, 0.46, 0.46),
    "tri_ddgan": (0.34, 0.33, 0.33),
}
_VERTICES = {"quality": (0.5, 0.866), "speed": (0.0, 0.0), "coverage": (1.0, 0.0)}


def trilemma_figure(request: gr.Request) -> go.Figure:
    """Returns the trilemma triangle with GANs, VAEs and diffusion where the course places them."""
    lang = lang_of(request)
    vq, vs, vc = (np.array(v) for v in _VERTICES.values())
    fig = go.Figure(
        go.Scatter(
            x=[vq[0], vs[0], vc[0], vq[0]],
            y=[vq[1], vs[1], vc[1], vq[1]],
            mode="lines",
            line={"color": "#64748b", "width": 2},
            hoverinfo="skip",
            showlegend=False,
        )
    )
    for name, (x, y), pos in zip(
        ("tri_quality", "tri_speed", "tri_coverage"), _VERTICES.values(), ("top center", "bottom left", "bottom right"), strict=True
    ):
        fig.add_trace(
            go.Scatter(
                x=[x],
                y=[y],
                mode="markers+text",
                text=[f"<b>{t(name, lang)}</b>"],
                textposition=pos,
                marker={"size": 10, "color": "#334155"},
                hoverinfo="skip",
                showlegend=False,
                cliponaxis=False,
            )
        )
    colors = {"tri_gan": "#dc2626", "tri_diffusion": "#2563eb", "tri_vae": "#16a34a", "tri_ddgan": "#9333ea"}
    for key, (q, s, c) in TRILEMMA_POSITIONS.items():
        x, y = q * vq + s * vs + c * vc
        fig.add_trace(
            go.Scatter(
                x=[x],
                y=[y],
                mode="markers+text",
                text=[t(key, lang)],
                textposition="middle right" if key != "tri_ddgan" else "bottom center",
                marker={"size": 16, "color": colors[key], "symbol": "diamond" if key == "tri_ddgan" else "circle"},
                hovertext=t(key + "_why", lang),
                hoverinfo="text",
                showlegend=False,
            )
        )
    chart_layout(fig, t("tri_title", lang), height=460, margin={"l": 20, "b": 20}, font={"size": 14})
    fig.update_xaxes(visible=False, range=[-0.45, 1.45])
    fig.update_yaxes(visible=False, range=[-0.12, 1.0], scaleanchor="x")
    return fig


def build(demo: gr.Blocks) -> None:
    """Builds the Overview tab's components and wires its events."""
    intro("ov_intro")
    with pages("overview"):
        with page("overview", "fit", "ov_page_fit"):
            with gr.Row(equal_height=True):
                dataset = inputs.Dropdown(
                    [(I18N(f"common_ds_{name}"), name) for name in DATASETS],
                    value=DEFAULTS["dataset"],
                    label=I18N("common_dataset"),
                    scale=2,
                )
                num_points = inputs.Slider(*LIMITS["num_points"], value=DEFAULTS["num_points"], step=50, label=I18N("num_points"), scale=2)
                seed = inputs.Number(value=DEFAULTS["seed"], precision=0, minimum=0, label=I18N("common_seed"), scale=1)
                new_points = inputs.Slider(*LIMITS["new_points"], value=DEFAULTS["new_points"], step=1, label=I18N("new_points"), scale=2)
                with gr.Column(scale=1, min_width=160):
                    fit_button = gr.Button(I18N("ov_fit_button"), size="sm")
                    sample_button = gr.Button(I18N("ov_sample_button"), variant="primary", size="sm")
            with gr.Row(equal_height=False):
                with gr.Column(scale=4), gr.Accordion(I18N("common_ds_csv"), open=False) as csv_box:
                    markdown("common_csv_help")
                    csv_hint = gr.Markdown(elem_id="overview-csv-hint")
                    csv_file = gr.File(
                        label=I18N("common_csv_file"), file_types=[".csv", ".txt"], type="filepath", height=120, elem_id="overview-csv"
                    )
                with gr.Column(scale=4), gr.Accordion(I18N("ov_code"), open=False):
                    markdown("ov_code_help")
                    gr.Code(source_of("core.gmm", "GaussianMixture.em_step"), language="python", label="core/gmm.py")
                with gr.Column(scale=1, min_width=160):
                    link = links.control(demo, "overview", "fit")
            with gr.Row(equal_height=False):
                with gr.Column():
                    with gr.Row(equal_height=False):
                        with gr.Column(scale=3):
                            markdown("ov_clf_header")
                        classifier_steps = inputs.Slider(
                            *LIMITS["classifier_steps"], value=DEFAULTS["classifier_steps"], step=1, label=I18N("classifier_steps"), scale=2
                        )
                    classifier_plot = gr.Plot(label=I18N("ov_clf_plot"))
                    intro("ov_clf_text")
                    summary = gr.Markdown(elem_id="overview-summary")
                with gr.Column():
                    with gr.Row(equal_height=False):
                        with gr.Column(scale=2):
                            markdown("ov_gen_header")
                        components = inputs.Slider(
                            *LIMITS["components"], value=DEFAULTS["components"], step=1, label=I18N("components"), min_width=130
                        )
                        em_iterations = inputs.Slider(
                            *LIMITS["em_iterations"], value=DEFAULTS["em_iterations"], step=1, label=I18N("em_iterations"), min_width=130
                        )
                    density_plot = gr.Plot(label=I18N("ov_gen_plot"))
                    samples_file = gr.File(label=I18N("ov_download"), interactive=False, visible=False)
                    intro("ov_gen_text")
            link.register(
                {
                    "dataset": (dataset, links.choice(TOY_DATASETS, "common_dataset")),  # not "csv": a link carries no file
                    "num_points": num_points,
                    "seed": seed,
                    "components": components,
                    "em_iterations": em_iterations,
                    "classifier_steps": classifier_steps,
                    "new_points": new_points,
                },
            )

        with page("overview", "trilemma", "ov_page_trilemma"):
            markdown("tri_header")
            with gr.Row():
                trilemma_plot = gr.Plot(label=I18N("tri_title"), scale=3)
                with gr.Column(scale=2):
                    intro("tri_text")
        with page("overview", "map", "ov_page_map"):
            intro("ov_map", heading=False)

    fitted = gr.State(None)
    fit_inputs = [dataset, csv_file, num_points, components, em_iterations, classifier_steps, seed]
    fit_outputs = [classifier_plot, density_plot, summary, fitted]
    # `input`, not `change`: an upload sets the menu to "My points" itself and fits once
    gr.on(
        [
            demo.load,
            fit_button.click,
            dataset.input,
            num_points.release,
            components.release,
            em_iterations.release,
            classifier_steps.release,
            seed.submit,
            link.restored.change,
        ],
        fit_models,
        fit_inputs,
        fit_outputs,
        api_name="overview_fit",
        trigger_mode="always_last",
        **LIGHT,
    ).success(None, js=DISMISS_ERRORS)
    dataset.input(
        open_upload, [dataset, csv_file], [csv_box, csv_hint], api_name="overview_open_upload", api_visibility="private", queue=False
    )
    csv_file.upload(choose_csv, None, [dataset, csv_hint], api_name="overview_choose_csv", api_visibility="private", queue=False).then(
        fit_models,
        fit_inputs,
        fit_outputs,
        api_name="overview_fit_upload",
        api_visibility="private",
        **LIGHT,
    ).success(None, js=DISMISS_ERRORS)
    sample_button.click(
        draw_new_points,
        [fitted, new_points, seed],
        [density_plot, summary, samples_file],
        api_name="overview_sample",
        **LIGHT,
    )
    demo.load(trilemma_figure, None, trilemma_plot, api_name="overview_trilemma", **LIGHT)
