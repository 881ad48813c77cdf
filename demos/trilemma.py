"""Trilemma & FID tab: how FID and its companions (precision, recall, density, coverage) react to
sample size, blur and missing classes, on the gallery's own feature space; then every model family
measured on the same data (the results of `python -m benchmarks trilemma`, drawn by
`demos.trilemma_charts`, which the Streamlit dashboard shares)."""

from __future__ import annotations

from functools import lru_cache

import gradio as gr
import plotly.graph_objects as go

from core.assets import classifier
from demos import inputs, links
from demos import trilemma_charts as charts
from demos.i18n import I18N, error, lang_of, number, t
from demos.layout import LIGHT, intro, markdown, page, pages
from demos.lazy import data_images, metrics_fid, metrics_subspace, torch
from demos.plots import base_layout, chart_layout, class_colors
from demos.trilemma_reading import reading_markdown

SIZES = (20, 50, 100, 200, 400, 800, 1433)
LIMITS = {"blur": (0.0, 3.0), "size": (10, 1433)}
METRICS = ("precision", "recall", "density", "coverage")


@lru_cache(maxsize=1)
def _real() -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """Returns (train images, train labels, the test digits' classifier features, test labels)."""
    train, labels = data_images.load_digits("train")
    test_features = metrics_fid.classifier_features(classifier(), data_images.load_digits("test")[0])
    return train, labels, test_features, data_images.load_digits("test")[1]


def bias_curve(request: gr.Request):
    """Returns FID of real train digits against the real test digits as the sample size grows (5 draws each)."""
    lang = lang_of(request)
    train, _, test_features, _ = _real()
    features = metrics_fid.classifier_features(classifier(), train)
    means, spreads = [], []
    for size in SIZES:
        values = []
        for seed in range(5):
            pick = torch.randperm(len(train), generator=torch.Generator().manual_seed(seed))[:size]
            values.append(metrics_fid.feature_frechet(features[pick], test_features))
        tensor = torch.tensor(values)
        means.append(float(tensor.mean()))
        spreads.append(float(tensor.std()) if size < len(train) else 0.0)
    fig = go.Figure(
        go.Scatter(
            x=list(SIZES), y=means, error_y={"type": "data", "array": spreads}, mode="lines+markers", line={"color": "#4f46e5"}, name="FID"
        )
    )
    chart_layout(
        fig,
        t("tri_bias_title", lang),
        x_title=t("tri_sample_size", lang),
        y_title=t("tri_fid_axis", lang),
        height=360,
        margin={"l": 60, "b": 50},
        lang=lang,
    )
    fig.update_xaxes(type="log")
    return fig.update_yaxes(rangemode="tozero")


def explain(blur, dropped, size, request: gr.Request):
    """Returns how FID and the k-NN metrics react to blurring the real digits and dropping classes, and the feature space."""
    lang = lang_of(request)
    sigma = inputs.real(blur, "tri_blur", *LIMITS["blur"], lang)
    n = inputs.integer(size, "tri_size", *LIMITS["size"], lang)
    if dropped is None:
        dropped = []
    if not isinstance(dropped, list) or any(d not in [str(k) for k in range(10)] for d in dropped):
        raise error("common_err_choice", lang, name=t("tri_drop", lang), choices="0-9")
    if len(dropped) == 10:
        raise error("tri_err_all_dropped", lang)
    train, labels, test_features, test_labels = _real()
    keep = ~torch.isin(labels, torch.tensor([int(d) for d in dropped], dtype=torch.long))
    pool = data_images.gaussian_blur(train[keep], sigma).clamp(0, 1)
    pick = torch.randperm(len(pool), generator=torch.Generator().manual_seed(0))[: min(n, len(pool))]
    if len(pick) < 10:
        raise error("tri_err_too_few", lang)
    fake = metrics_fid.classifier_features(classifier(), pool[pick])
    fid = metrics_fid.feature_frechet(fake, test_features)
    untouched = metrics_fid.classifier_features(
        classifier(), train[torch.randperm(len(train), generator=torch.Generator().manual_seed(0))[: len(pick)]]
    )
    baseline = metrics_fid.feature_frechet(untouched, test_features)
    scores = metrics_fid.manifold_metrics(test_features, fake)
    bars = go.Figure(
        go.Bar(
            x=[t(f"tri_{m}", lang) for m in METRICS],
            y=[getattr(scores, m) for m in METRICS],
            marker_color=["#4f46e5", "#0891b2", "#7c3aed", "#16a34a"],
            text=[number(getattr(scores, m), lang, 2) for m in METRICS],
            textposition="outside",
        )
    )
    chart_layout(bars, t("tri_metrics_title", lang), y_title=t("tri_value", lang), height=340, margin={"l": 55}, lang=lang)
    bars.update_yaxes(range=[0, 1.3])
    basis, mean = metrics_subspace.pca_basis(test_features, 2)
    real_2d = ((test_features.double() - mean) @ basis).numpy()
    fake_2d = ((fake.double() - mean) @ basis).numpy()
    space = go.Figure()
    colors = class_colors(10)
    space.add_trace(
        go.Scatter(
            x=real_2d[:, 0],
            y=real_2d[:, 1],
            mode="markers",
            name=t("tri_real", lang),
            marker={"size": 6, "color": [colors[int(c)] for c in test_labels], "opacity": 0.55},
        )
    )
    space.add_trace(
        go.Scatter(
            x=fake_2d[:, 0],
            y=fake_2d[:, 1],
            mode="markers",
            name=t("tri_fake", lang),
            marker={"size": 5, "color": "#111827", "symbol": "x"},
        )
    )
    space_title = t("tri_space_title", lang)
    axes = {"x_title": t("common_pc", lang, k=1), "y_title": t("common_pc", lang, k=2)}
    base_layout(space, space_title, **axes, height=420, margin={"b": 90}, legend={"y": -0.28}, lang=lang)  # the legend below the axis title
    text = t("tri_explain_text", lang, fid=fid, baseline=baseline, n=len(pick))
    return bars, text, space


COMPARE_DATASETS = ("ring", "grid", "digits")


@lru_cache(maxsize=2)
def _comparison(mtime: float) -> dict | None:
    """Returns the shipped comparison results (re-read when the file changes), or None when there are none."""
    try:
        return charts.load_results(charts.RESULTS)
    except charts.ResultsError:
        return None


def comparison(dataset, request: gr.Request):
    """Returns the comparison of every family on one data set: quality against speed, the triangles, the table and the claims."""
    lang = lang_of(request)
    dataset = inputs.choice(dataset, "tri_compare_dataset", COMPARE_DATASETS, lang)
    results = _comparison(charts.RESULTS.stat().st_mtime if charts.RESULTS.is_file() else 0.0)
    if results is None:
        message = t("tc_missing", lang, error=charts.RESULTS.name)
        return go.Figure(), go.Figure(), message, ""
    rows = charts.filtered(results, [dataset])
    speed = charts.quality_speed_figure(rows, lang)
    radar = charts.radar_figure(rows, dataset, lang)
    table = "\n\n".join(
        [
            charts.source_caption(results, lang),
            charts.table_markdown(rows, lang, results.get("real_baselines")),
            t("tc_scale_note", lang),
            charts.paper_markdown(results, lang),
        ]
    )
    claims = t("tri_claims_title", lang) + "\n" + (charts.claims_markdown(results, lang, [dataset]) or "–")
    return speed, radar, table, claims


def reading(request: gr.Request) -> str:
    """Returns the reading of the shipped run, its numbers filled from the results file ("" when there is none)."""
    results = _comparison(charts.RESULTS.stat().st_mtime if charts.RESULTS.is_file() else 0.0)
    return "" if results is None else reading_markdown(results, lang_of(request))


def build(demo: gr.Blocks) -> None:
    """Builds the Trilemma & FID tab."""
    intro("topic_trilemma")
    markdown("tri_dashboard_link", elem_id="tri-dashboard-link")
    with pages("trilemma"):
        with page("trilemma", "bias", "tri_page_bias"):
            intro("tri_bias_help", heading=False)
            bias_plot = gr.Plot(label=I18N("tri_bias"))
        with page("trilemma", "fid", "tri_page_fid"):
            intro("tri_explain_help", heading=False)
            with gr.Row(equal_height=False):
                with gr.Column(scale=1, min_width=260):
                    blur = inputs.Slider(*LIMITS["blur"], value=0.0, step=0.1, label=I18N("tri_blur"), elem_id="tri-blur")
                    dropped = inputs.CheckboxGroup([str(d) for d in range(10)], value=[], label=I18N("tri_drop"), elem_id="tri-drop")
                    size = inputs.Slider(*LIMITS["size"], value=364, step=1, label=I18N("tri_size"))
                    explain_link = links.control(demo, "trilemma", "fid", {"blur": blur, "dropped": dropped, "size": size})
                    text = gr.Markdown(elem_id="tri-text")
                with gr.Column(scale=2):
                    bars = gr.Plot(label=I18N("tri_metrics"), elem_id="tri-bars")
                with gr.Column(scale=2):
                    space = gr.Plot(label=I18N("tri_space"))
                    markdown("tri_space_caption")
        with page("trilemma", "compare", "tri_page_compare"):
            intro("tri_compare_help", heading=False)
            with gr.Row(equal_height=False):
                with gr.Column(scale=1, min_width=240):
                    compare_dataset = inputs.Radio(
                        [(I18N(f"tc_ds_{d}"), d) for d in COMPARE_DATASETS], value="digits", label=I18N("tri_compare_dataset")
                    )
                    links.control(demo, "trilemma", "compare", {"dataset": compare_dataset})  # the radio's change redraws the comparison
                    markdown("tc_radar_note")
                with gr.Column(scale=2):
                    speed_plot = gr.Plot(label=I18N("tri_speed_plot"), elem_id="tri-speed")
                with gr.Column(scale=2):
                    radar_plot = gr.Plot(label=I18N("tri_radar_plot"), elem_id="tri-radar")
        with page("trilemma", "claims", "tri_page_claims"):  # what the numbers of the page before say
            claims = gr.Markdown(elem_id="tri-claims")
            reading_text = gr.Markdown(elem_id="tri-reading")
            with gr.Accordion(I18N("tri_compare_table"), open=False, elem_id="tri-table-box"):
                table = gr.Markdown(elem_id="tri-table")
    demo.load(bias_curve, None, bias_plot, api_name="trilemma_bias", **LIGHT)
    demo.load(reading, None, reading_text, api_name="trilemma_reading", **LIGHT)
    gr.on(
        [demo.load, blur.release, dropped.change, size.release, explain_link.restored.change],
        explain,
        [blur, dropped, size],
        [bars, text, space],
        api_name="trilemma_explain",
        trigger_mode="always_last",
        **LIGHT,
    )
    gr.on(
        [demo.load, compare_dataset.change],
        comparison,
        compare_dataset,
        [speed_plot, radar_plot, table, claims],
        api_name="trilemma_compare",
        **LIGHT,
    )
