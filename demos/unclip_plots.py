"""The unCLIP section's charts: the shared 2D map with the prior's draws, the embeddings as bars, and the comparison
of unCLIP with its two baselines."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from demos.i18n import Lang, number, percent, t
from demos.plots import base_layout, chart_layout

PRIOR_COLOR, TEXT_COLOR, REAL_COLOR, OTHER_COLOR = "#ea580c", "#db2777", "#0891b2", "#cbd5e1"
METHOD_COLORS = {"unclip": "#4f46e5", "text_direct": "#9ca3af", "caption_only": "#0d9488"}


def embedding_map(
    real_xy: np.ndarray, real_labels: np.ndarray, digit: int, text_xy: np.ndarray, drawn_xy: np.ndarray, lang: Lang
) -> go.Figure:
    """Returns the plane of the CLIP tab's map: the test digits' image embeddings (those of `digit` coloured, the others
    grey), the caption's text embedding, and the image embeddings the prior drew (numbered as the decoded digits)."""
    fig = go.Figure()
    others, mine = real_labels != digit, real_labels == digit
    fig.add_trace(
        go.Scatter(
            x=real_xy[others, 0],
            y=real_xy[others, 1],
            mode="markers",
            marker={"size": 5, "color": OTHER_COLOR},
            hovertext=[str(d) for d in real_labels[others]],
            hovertemplate="%{hovertext}<extra></extra>",
            name=t("clip_unclip_map_others", lang),
        )
    )
    fig.add_trace(
        go.Scatter(
            x=real_xy[mine, 0],
            y=real_xy[mine, 1],
            mode="markers",
            marker={"size": 7, "color": REAL_COLOR, "symbol": "square"},
            name=t("clip_unclip_map_real", lang, digit=digit),
            hoverinfo="skip",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=text_xy[:, 0],
            y=text_xy[:, 1],
            mode="markers",
            marker={"size": 14, "color": TEXT_COLOR, "symbol": "diamond"},
            name=t("clip_unclip_map_text", lang),
        )
    )
    fig.add_trace(
        go.Scatter(
            x=drawn_xy[:, 0],
            y=drawn_xy[:, 1],
            mode="markers+text",
            text=[str(i + 1) for i in range(len(drawn_xy))],
            textposition="top center",
            marker={"size": 12, "color": PRIOR_COLOR, "symbol": "star", "line": {"color": "white", "width": 1}},
            name=t("clip_unclip_map_drawn", lang),
        )
    )
    return base_layout(
        fig,
        t("clip_unclip_map_title", lang),
        x_title=t("common_pc", lang, k=1),
        y_title=t("common_pc", lang, k=2),
        height=350,
        lang=lang,
        legend={"y": -0.3},
    )


def embedding_bars(text: np.ndarray, image: np.ndarray, lang: Lang) -> go.Figure:
    """Returns the caption's text embedding and the first drawn image embedding `[D]` as bars, coordinate by coordinate."""
    fig = go.Figure()
    dims = np.arange(1, len(text) + 1)
    fig.add_trace(go.Bar(x=dims, y=text, name=t("clip_unclip_map_text", lang), marker_color=TEXT_COLOR))
    fig.add_trace(go.Bar(x=dims, y=image, name=t("clip_unclip_bars_image", lang), marker_color=PRIOR_COLOR))
    cos = float(text @ image)
    chart_layout(
        fig,
        t("clip_unclip_bars_title", lang, d=len(text), cos=cos),  # the title names the x axis: the embedding's coordinates
        x_title=None,
        height=230,
        barmode="group",
        legend={"y": -0.2},
        lang=lang,
    )
    return fig


def comparison_chart(scores: dict[str, dict[str, float]], lang: Lang) -> go.Figure:
    """Returns the methods side by side: the shares (right digit, recall, coverage) as grouped bars on the left, the
    diversity on the right."""
    from plotly.subplots import make_subplots

    shares = ("accuracy", "recall", "coverage")
    fig = make_subplots(rows=1, cols=2, column_widths=[0.68, 0.32], horizontal_spacing=0.1)
    names = [t(f"clip_unclip_col_{k}", lang) for k in shares]
    for method, s in scores.items():
        label = t(f"clip_unclip_method_{method}", lang)
        color = METHOD_COLORS.get(method, "#111827")
        fig.add_trace(
            go.Bar(
                x=names,
                y=[s[k] for k in shares],
                name=label,
                marker_color=color,
                text=[percent(s[k], lang) for k in shares],
                textposition="outside",
                legendgroup=method,
            ),
            row=1,
            col=1,
        )
        fig.add_trace(
            go.Bar(
                x=[t("clip_unclip_col_diversity", lang)],
                y=[s["diversity"]],
                name=label,
                marker_color=color,
                text=[number(s["diversity"], lang, 2)],
                textposition="outside",
                legendgroup=method,
                showlegend=False,
                hovertext=[f"CLIP {number(s['clip_score'], lang, 3)}"],
            ),
            row=1,
            col=2,
        )
    chart_layout(fig, t("clip_unclip_compare_title", lang), height=320, barmode="group", lang=lang)
    ticks = [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]
    fig.update_yaxes(range=[0, 1.15], tickvals=ticks, ticktext=[percent(v, lang) for v in ticks], row=1, col=1)
    fig.update_yaxes(range=[0, 1.2 * max([s["diversity"] for s in scores.values()] + [1e-3])], row=1, col=2)
    return fig
