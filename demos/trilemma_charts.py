"""Tables, plotly charts and sentences of the trilemma comparison, shared by the Streamlit dashboard
and the Trilemma & FID tab. They only read the results file of `python -m benchmarks trilemma`."""

from __future__ import annotations

import json
import math
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
import plotly.graph_objects as go

from core.assets import BENCHMARKS_DIR
from demos.lazy import torch
from demos.plots import chart_layout
from demos.texts import Lang, format_date, number, t

ROOT = Path(__file__).resolve().parent.parent
RESULTS = BENCHMARKS_DIR / "trilemma.json"  # the shipped full run
QUICK_DIR = Path(tempfile.gettempdir()) / "gallery-trilemma-quick"  # the dashboard's quick re-runs, apart from it
MODEL_COLORS = {
    "gan": "#dc2626",
    "wgan_gp": "#f97316",
    "vae": "#16a34a",
    "ddpm_1000": "#1d4ed8",
    "ddim_50": "#4f46e5",
    "ddim_10": "#7c3aed",
    "ddgan_4": "#0891b2",
    "ddgan_2": "#06b6d4",
}
DATASET_SYMBOLS = {"ring": "circle", "grid": "square", "digits": "diamond"}
CLAIMS = ("gan_fast", "diffusion_covers", "vae_blurry", "ddgan_fast", "ddgan_good", "ddim_few_steps")


class ResultsError(ValueError):
    """A results file that is missing, unreadable or not the trilemma benchmark's."""


def shown_path(path: Path | str) -> str:
    """Returns how a results file is named to people: its path inside the project, else its file name alone
    (a visitor has no use for the server's folders, and should not see them)."""
    path = Path(path)
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return path.name


def load_results(path: Path = RESULTS) -> dict[str, Any]:
    """Returns the `results` of a trilemma benchmark file (plus its `machine`), or raises `ResultsError`
    (whose message names the file with `shown_path`)."""
    name = shown_path(path)
    try:
        payload = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:  # its own message would repeat the absolute path
        raise ResultsError(f"cannot read {name}: {exc.strerror or type(exc).__name__}") from exc
    except ValueError as exc:
        raise ResultsError(f"cannot read {name}: {exc}") from exc
    if not isinstance(payload, dict) or payload.get("benchmark") != "trilemma" or not isinstance(payload.get("results"), dict):
        raise ResultsError(f"{name} is not a trilemma benchmark file")
    results = payload["results"]
    if not isinstance(results.get("table"), list):
        raise ResultsError(f"{name} has no table")
    return {**results, "machine": payload.get("machine", {})}


def model_name(model: str, lang: Lang) -> str:
    return t(f"tc_model_{model}", lang)


def dataset_name(dataset: str, lang: Lang) -> str:
    return t(f"tc_ds_{dataset}", lang)


def filtered(results: dict[str, Any], datasets: list[str] | None = None, models: list[str] | None = None) -> list[dict[str, Any]]:
    """Returns the summary rows of the chosen datasets and models (all when None), in the table's order."""
    return [r for r in results["table"] if (datasets is None or r["dataset"] in datasets) and (models is None or r["model"] in models)]


def _pm(row: dict[str, Any], key: str, lang: Lang, digits: int = 3) -> str:
    if key not in row:
        return "–"
    mean = number(row[key], lang, digits)
    return f"{mean} ± {number(row.get(f'{key}_std', 0.0), lang, digits)}" if row.get("seeds", 1) > 1 else mean


def _extra_cells(r: dict[str, Any], lang: Lang) -> tuple[str, str]:
    if "fid" in r:
        return f"FID {_pm(r, 'fid', lang, 2)}", f"KL {_pm(r, 'class_kl', lang)}"
    modes = f"{number(r['modes'], lang, 1)}/{r.get('num_modes', 8):.0f}"
    return f"{number(100 * r['high_quality'], lang, 1)}% HQ", f"{modes}, KL {_pm(r, 'reverse_kl', lang)}"


def table_markdown(rows: list[dict[str, Any]], lang: Lang, baselines: dict[str, dict[str, float]] | None = None) -> str:
    """Returns the comparison as a Markdown table: quality, coverage and speed columns, mean ± spread over seeds.

    With `baselines` (the results' `real_baselines`), each data set starts with real data measured against real
    data: the scores of a perfect model at this sample size."""
    head = [
        t(f"tc_col_{c}", lang) for c in ("dataset", "model", "precision", "recall", "quality_extra", "coverage_extra", "nfe", "ms", "seeds")
    ]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    shown: set[str] = set()
    for r in rows:
        if baselines and r["dataset"] not in shown and r["dataset"] in baselines:
            shown.add(r["dataset"])
            real = {**baselines[r["dataset"]], "seeds": 1}
            cells = [
                f"*{dataset_name(r['dataset'], lang)}*",
                f"*{t('tc_real_data', lang)}*",
                _pm(real, "precision", lang),
                _pm(real, "recall", lang),
                *_extra_cells(real, lang),
                "–",
                "–",
                "–",
            ]
            lines.append("| " + " | ".join(cells) + " |")
        seeds = t("tc_seeds_training" if r["seed_kind"] == "training" else "tc_seeds_sampling", lang, n=r["seeds"])
        cells = [
            dataset_name(r["dataset"], lang),
            model_name(r["model"], lang),
            _pm(r, "precision", lang),
            _pm(r, "recall", lang),
            *_extra_cells(r, lang),
            str(r["nfe"]),
            number(r["ms_per_sample"], lang, spec=".3g"),
            seeds,
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def table_records(rows: list[dict[str, Any]], lang: Lang) -> list[dict[str, Any]]:
    """Returns the rows as flat records with translated column names (for a dataframe widget)."""
    out = []
    for r in rows:
        record = {t("tc_col_dataset", lang): dataset_name(r["dataset"], lang), t("tc_col_model", lang): model_name(r["model"], lang)}
        for key in (
            "precision",
            "recall",
            "density",
            "coverage",
            "fid",
            "high_quality",
            "modes",
            "reverse_kl",
            "class_kl",
            "confident_share",
        ):
            if key in r:
                record[t(f"tc_col_{key}", lang)] = round(r[key], 3)
        record[t("tc_col_nfe", lang)] = r["nfe"]
        record[t("tc_col_ms", lang)] = float(f"{r['ms_per_sample']:.3g}")
        record[t("tc_col_seeds", lang)] = t(
            "tc_seeds_training" if r["seed_kind"] == "training" else "tc_seeds_sampling", lang, n=r["seeds"]
        )
        out.append(record)
    return out


def paper_markdown(results: dict[str, Any], lang: Lang) -> str:
    """Returns the trilemma paper's CIFAR-10 table in Markdown, labelled as a different scale."""
    head = [t(f"tc_paper_{c}", lang) for c in ("model", "fid", "recall", "nfe", "seconds")]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in results.get("paper_cifar10", []):
        lines.append(f"| {r['model']} | {r['fid']} | {r['recall']} | {r['nfe']} | {r['seconds_per_100']} |")
    return "\n".join(lines)


# the comparison's charts: the gallery's layout with grid lines, taller, with the legend at the left under a deep bottom margin
LOOK: dict[str, Any] = {
    "grid": True,
    "height": 460,
    "margin": {"l": 60, "t": 60, "b": 120},
    "legend": {"y": -0.22, "x": 0, "xanchor": "left"},
}


def _scatter(rows: list[dict[str, Any]], x_key: str, y_key: str, lang: Lang) -> go.Figure:
    """Returns one trace per model (its colour), one marker per data set (its symbol), with the spread over seeds as error bars."""
    fig = go.Figure()
    for model in MODEL_COLORS:
        group = [r for r in rows if r["model"] == model]
        if not group:
            continue
        fig.add_trace(
            go.Scatter(
                x=[r[x_key] for r in group],
                y=[r[y_key] for r in group],
                mode="markers",
                name=model_name(model, lang),
                legendgroup="models",
                error_x={"type": "data", "array": [r.get(f"{x_key}_std", 0.0) for r in group]},
                error_y={"type": "data", "array": [r.get(f"{y_key}_std", 0.0) for r in group]},
                marker={
                    "size": 13,
                    "color": MODEL_COLORS[model],
                    "symbol": [DATASET_SYMBOLS.get(r["dataset"], "circle") for r in group],
                    "line": {"width": 1, "color": "#111827"},
                },
                text=[dataset_name(r["dataset"], lang) for r in group],
                hovertemplate=f"{model_name(model, lang)} · %{{text}}<br>%{{x:.3g}}, %{{y:.3f}}<extra></extra>",
            )
        )
    for dataset in dict.fromkeys(r["dataset"] for r in rows):  # the symbols' key, in grey
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                name=dataset_name(dataset, lang),
                legendgroup="data",
                marker={"size": 11, "color": "#9ca3af", "symbol": DATASET_SYMBOLS.get(dataset, "circle")},
            )
        )
    return fig


# the comparison's axes: time on a log scale, shares on 0..1 with a little room for the markers
AXES: dict[str, dict[str, Any]] = {
    "ms_per_sample": {"type": "log"},
    "precision": {"range": [-0.05, 1.05]},
    "recall": {"range": [-0.05, 1.05]},
}


def _comparison_figure(
    rows: list[dict[str, Any]], x_key: str, y_key: str, title_key: str, x_axis_key: str, y_axis_key: str, lang: Lang
) -> go.Figure:
    """Returns `_scatter` of `y_key` against `x_key` with the comparison's look and axes."""
    fig = chart_layout(
        _scatter(rows, x_key, y_key, lang), t(title_key, lang), x_title=t(x_axis_key, lang), y_title=t(y_axis_key, lang), lang=lang, **LOOK
    )
    fig.update_xaxes(**AXES[x_key])
    return fig.update_yaxes(**AXES[y_key])


def quality_speed_figure(rows: list[dict[str, Any]], lang: Lang) -> go.Figure:
    """Returns precision (quality) against milliseconds per sample on a log axis: the fast-and-good corner is top left."""
    return _comparison_figure(rows, "ms_per_sample", "precision", "tc_speed_title", "tc_ms_axis", "tc_quality_axis", lang)


def coverage_quality_figure(rows: list[dict[str, Any]], lang: Lang) -> go.Figure:
    """Returns recall (coverage) against precision (quality): good models sit top right."""
    return _comparison_figure(rows, "precision", "recall", "tc_cov_title", "tc_quality_axis", "tc_coverage_axis", lang)


def speed_scores(rows: list[dict[str, Any]]) -> dict[str, float]:
    """Returns a speed score per model of one dataset: 1 for the fastest, 0 for the slowest, on a log scale of time."""
    times = {r["model"]: max(r["ms_per_sample"], 1e-9) for r in rows}
    low, high = math.log10(min(times.values())), math.log10(max(times.values()))
    if high - low < 1e-12:
        return dict.fromkeys(times, 1.0)
    return {m: 1 - (math.log10(v) - low) / (high - low) for m, v in times.items()}


def radar_figure(rows: list[dict[str, Any]], dataset: str, lang: Lang) -> go.Figure:
    """Returns each model of `dataset` as a triangle: quality (precision), coverage (recall), speed (log-scaled rank)."""
    group = [r for r in rows if r["dataset"] == dataset]
    speed = speed_scores(group) if group else {}
    axes = [t("tc_axis_quality", lang), t("tc_axis_coverage", lang), t("tc_axis_speed", lang)]
    fig = go.Figure()
    for r in group:
        values = [r["precision"], r["recall"], speed[r["model"]]]
        fig.add_trace(
            go.Scatterpolar(
                r=values + values[:1],
                theta=axes + axes[:1],
                name=model_name(r["model"], lang),
                fill="toself",
                opacity=0.55,
                line={"color": MODEL_COLORS[r["model"]]},
            )
        )
    return chart_layout(
        fig,
        t("tc_radar_title", lang, dataset=dataset_name(dataset, lang)),
        height=440,
        margin={"l": 40, "r": 40, "t": 60, "b": 90},
        legend={"x": 0, "xanchor": "left"},
        lang=lang,
        polar={"radialaxis": {"range": [0, 1], "tickvals": [0.25, 0.5, 0.75, 1.0]}},
    )


def steps_figure(rows: list[dict[str, Any]], dataset: str, lang: Lang) -> go.Figure:
    """Returns sample quality against network evaluations for DDPM, DDIM and DDGAN on `dataset` (log x axis)."""
    key = "fid" if dataset == "digits" else "frechet"
    fig = go.Figure()
    for family, models in (("diffusion", ("ddim_10", "ddim_50", "ddpm_1000")), ("ddgan", ("ddgan_2", "ddgan_4"))):
        group = [r for m in models for r in rows if r["dataset"] == dataset and r["model"] == m and key in r]
        if not group:
            continue
        fig.add_trace(
            go.Scatter(
                x=[r["nfe"] for r in group],
                y=[r[key] for r in group],
                mode="lines+markers+text",
                name=t(f"tc_family_{family}", lang),
                text=[model_name(r["model"], lang) for r in group],
                textposition="top center",
                error_y={"type": "data", "array": [r.get(f"{key}_std", 0.0) for r in group]},
                marker={"size": 11, "color": [MODEL_COLORS[r["model"]] for r in group]},
                line={"color": "#1d4ed8" if family == "diffusion" else "#0891b2", "dash": "solid" if family == "diffusion" else "dot"},
            )
        )
    title = t("tc_steps_title", lang, dataset=dataset_name(dataset, lang))
    chart_layout(fig, title, x_title=t("tc_nfe_axis", lang), y_title=t(f"tc_{key}_axis", lang), lang=lang, **LOOK)
    fig.update_xaxes(type="log", range=[-0.2, 3.5])  # 0.6 to 3,000 evaluations: room for the labels
    fig.update_yaxes(rangemode="tozero")
    return fig


def preview_figure(results: dict[str, Any], dataset: str, models: list[str], lang: Lang) -> go.Figure:
    """Returns the 2D sample previews of `models` on `dataset` as small scatter plots side by side, over real points in grey."""
    from plotly.subplots import make_subplots

    from core.data.toy2d import make_toy

    present = [m for m in models if f"{dataset}/{m}" in results.get("previews", {})]
    cols = max(1, min(4, len(present)))
    rows = max(1, math.ceil(len(present) / cols))
    fig = make_subplots(
        rows=rows, cols=cols, subplot_titles=[model_name(m, lang) for m in present], horizontal_spacing=0.04, vertical_spacing=0.12
    )
    real = make_toy(dataset, 500, generator=torch.Generator().manual_seed(0)).points.numpy()
    for i, m in enumerate(present):
        points = np.asarray(results["previews"][f"{dataset}/{m}"], dtype=np.float64)
        where = {"row": i // cols + 1, "col": i % cols + 1}
        fig.add_trace(
            go.Scattergl(
                x=real[:, 0],
                y=real[:, 1],
                mode="markers",
                marker={"size": 6, "color": "#9ca3af"},
                name=t("tri_real_points", lang),
                showlegend=i == 0,
                legendgroup="real",
            ),
            **where,
        )
        fig.add_trace(
            go.Scattergl(x=points[:, 0], y=points[:, 1], mode="markers", marker={"size": 3, "color": MODEL_COLORS[m]}, showlegend=False),
            **where,
        )
    fig.update_xaxes(range=[-5, 5], showticklabels=False)
    fig.update_yaxes(range=[-5, 5], showticklabels=False, scaleanchor="x")
    chart_layout(
        fig,
        None,
        height=280 * rows + 90,
        margin={"l": 10, "r": 10, "t": 90, "b": 40},
        legend={"y": -0.02, "yanchor": "top", "x": 0, "xanchor": "left"},
    )
    # the title at the top left, above the subplot titles
    return fig.update_layout(
        title={"text": t("tc_previews_title", lang, dataset=dataset_name(dataset, lang)), "x": 0.02, "y": 0.99, "yanchor": "top"}
    )


def digit_grid(results: dict[str, Any], model: str, *, upscale: int = 4) -> np.ndarray | None:
    """Returns the 64 digits previewed for `model` as one 8x8 grid image (uint8, upscaled), or None."""
    flat = results.get("previews", {}).get(f"digits/{model}")
    if not flat:
        return None
    images = np.clip(np.asarray(flat, dtype=np.float64), 0, 1).reshape(-1, 8, 8)[:64]
    side = math.ceil(math.sqrt(len(images)))
    canvas = np.ones((side * 9 + 1, side * 9 + 1))
    for i, image in enumerate(images):
        r, c = divmod(i, side)
        canvas[1 + 9 * r : 9 + 9 * r, 1 + 9 * c : 9 + 9 * c] = 1 - image  # dark ink on white, as on paper
    return np.kron((255 * canvas).astype(np.uint8), np.ones((upscale, upscale), dtype=np.uint8))


def claims_markdown(results: dict[str, Any], lang: Lang, datasets: list[str] | None = None) -> str:
    """Returns one line per checked claim: the course's statement, whether it holds at our scale, and the numbers."""
    lines = []
    for c in results.get("claims", []):
        if datasets is not None and c["dataset"] not in datasets:
            continue
        mark = t("tc_holds", lang) if c["holds"] else t("tc_fails", lang)
        claim = t("tc_claim_" + c["claim"], lang)
        try:
            detail = f" ({t('tc_detail_' + c['claim'], lang, **c['values'])})"
        except (KeyError, TypeError, ValueError):  # a file from an older benchmark: the verdict alone
            detail = ""
        lines.append(f"- **{dataset_name(c['dataset'], lang)}** · {claim}: {mark}{detail}")
    return "\n".join(lines)


def source_caption(results: dict[str, Any], lang: Lang) -> str:
    """Returns where the numbers come from: full or quick run, when, on what machine, with which budgets."""
    machine = results.get("machine", {})
    kind = t("tc_quick_run" if machine.get("quick") else "tc_full_run", lang)
    when = format_date(machine.get("timestamp", "?"), lang)  # "24 de noviembre de 2026", not the machine's ISO stamp
    return t(
        "tc_source",
        lang,
        kind=kind,
        when=when,
        cpus=machine.get("cpu_count", "?"),
        torch=machine.get("torch", "?"),
        seeds=t("tc_n_seeds", lang, count=seeds) if isinstance(seeds := results.get("seeds"), int) else "?",
    )
