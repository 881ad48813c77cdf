"""Diffusion tab: the forward process on any image, the shipped digits DDPM generating step by step
(DDPM or DDIM, guidance), the three prediction targets compared, and the U-Net drawn from itself."""

from __future__ import annotations

import json
import math
import time
from functools import lru_cache

import gradio as gr
import numpy as np
import plotly.graph_objects as go
from PIL import Image, ImageDraw
from plotly.subplots import make_subplots

from core.assets import BENCHMARKS_DIR, diffusion_unet
from core.diffusion.settings import DEFAULT_GUIDANCE, DEFAULT_STEPS, PREDICTION_SHORT_NAMES, SCHEDULES
from demos import diffusion_toy, inputs, knobs, links
from demos.animation import Recording, gif_download, titled_views
from demos.gpu import SAMPLING_SECONDS, on_gpu
from demos.i18n import I18N, Lang, error, format_date, lang_of, number, percent, t
from demos.knobs import Knob
from demos.layout import LATEX, LIGHT, intro, live_run_state, markdown, page, pages, picture_inputs
from demos.lazy import core_device, core_threads, diffusion_ddpm, diffusion_digits, diffusion_schedule, metrics_modes, torch, unet_model
from demos.pictures import Picture
from demos.plots import chart_layout, figure_like, image_grid
from demos.raster import font
from demos.verdicts import judged_tiles

T = 1000
PHOTO_SIZE = 64
SAMPLERS = ("ddpm", "ddim")
LIMITS = {"steps": (1, 1000), "eta": (0.0, 1.0), "guidance": (0.0, 10.0), "count": (1, 64)}
DIGITS = tuple(str(d) for d in range(10))
# The generation knobs, declared once, in the API's order; `sampler`, `steps`, `eta` and `guidance` are the
# keywords of `core.diffusion.ddpm.sample_steps`
GENERATE_KNOBS = (
    Knob("sampler", "radio", "diff_sampler", "ddim", choices=SAMPLERS, choice_label="diff_sampler_{}"),
    Knob("steps", "slider", "diff_steps", DEFAULT_STEPS, lo=LIMITS["steps"][0], hi=LIMITS["steps"][1], step=1, integer=True),
    Knob("eta", "slider", "diff_eta", 0.0, lo=LIMITS["eta"][0], hi=LIMITS["eta"][1], step=0.05),
    Knob("guidance", "slider", "diff_guidance", DEFAULT_GUIDANCE, lo=LIMITS["guidance"][0], hi=LIMITS["guidance"][1], step=0.25),
    Knob("digit", "dropdown", "diff_digit", "7", choices=("any", *DIGITS), choice_label={"any": "diff_any"}),
    Knob("count", "slider", "diff_count", 32, lo=LIMITS["count"][0], hi=LIMITS["count"][1], step=1, integer=True),
    knobs.SEED,
)
GENERATE = {"concurrency_id": "diffusion_generate", "concurrency_limit": 2}
REFRESH_SECONDS = 0.25
EVERY_STEP_UP_TO = 25
MAX_GENERATION_SECONDS = 120


# --- 1. the forward process ---


@lru_cache(maxsize=4)
def schedule(name: str) -> diffusion_schedule.NoiseSchedule:
    return diffusion_schedule.NoiseSchedule.named(name, T)  # type: ignore[arg-type]


def _show(x: torch.Tensor) -> Image.Image:
    """Returns images `[N, C, H, W]` in model scale [-1, 1] as one enlarged picture."""
    scale = max(1, 256 // x.shape[-1])
    return image_grid(diffusion_digits.to_image(x), nrow=len(x), scale=scale, pad=0)


def _schedule_figure(name: str, step: int, lang: Lang) -> go.Figure:
    """Returns the schedule's curves with a dashed line at `step` (the slider moves only that line)."""
    spec = _schedule_spec(name, lang)
    shape, note = spec["layout"]["shapes"][0], spec["layout"]["annotations"][0]
    return figure_like(
        spec, layout={"shapes": [{**shape, "x0": step, "x1": step}], "annotations": [{**note, "x": step, "text": f"t = {step}"}]}
    )


@lru_cache(maxsize=8)
def _schedule_spec(name: str, lang: Lang) -> dict:
    return _build_schedule_figure(name, 0, lang).to_dict()


def _build_schedule_figure(name: str, step: int, lang: Lang) -> go.Figure:
    s = schedule(name)
    ts = list(range(T))
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    fig.add_trace(
        go.Scatter(x=ts, y=s.alphas_cumprod.tolist(), name=t("diff_alpha_bar", lang), line={"color": "#4f46e5"}), secondary_y=False
    )
    fig.add_trace(go.Scatter(x=ts, y=s.snr().log10().tolist(), name=t("diff_log_snr", lang), line={"color": "#ea580c"}), secondary_y=True)
    fig.add_vline(x=step, line_dash="dash", line_color="#111827", annotation_text=f"t = {step}")
    title = t("diff_schedule_title", lang, schedule=t(f"diff_schedule_{name}", lang))
    chart_layout(fig, title, height=290, margin={"l": 55, "r": 55, "b": 80}, legend={"y": -0.38})
    fig.update_xaxes(title_text=t("diff_timestep", lang), showgrid=True, gridcolor="#eee")
    fig.update_yaxes(title_text="ᾱ_t", range=[0, 1.02], secondary_y=False, showgrid=True, gridcolor="#eee")
    fig.update_yaxes(title_text="log₁₀ SNR", secondary_y=True, showgrid=False)
    return fig


def _noise_figure(noise: torch.Tensor, title: str, lang: Lang) -> tuple[go.Figure, str]:
    """Returns the histogram of `noise` over the standard normal's density and its 1, 2 and 3 sigma bands, and a text
    with the share of values in each band."""
    values = noise.flatten().numpy()
    shares = diffusion_schedule.normal_band_shares(noise)
    spec = _noise_spec(lang)
    fig = figure_like(spec, layout={"title": {**spec["layout"]["title"], "text": title}}, traces={0: {"x": values}})
    text = t("diff_bands", lang, n=len(values), one=100 * shares[0], two=100 * shares[1], three=100 * shares[2])
    return fig, text


@lru_cache(maxsize=4)
def _noise_spec(lang: Lang) -> dict:
    return _build_noise_figure(np.zeros(1, dtype=np.float32), "", lang).to_dict()


def _build_noise_figure(values: np.ndarray, title: str, lang: Lang) -> go.Figure:
    grid = np.linspace(-4, 4, 200)
    fig = go.Figure()
    for k, color in ((3, "#fef3c7"), (2, "#fde68a"), (1, "#fcd34d")):
        fig.add_vrect(x0=-k, x1=k, fillcolor=color, opacity=0.6, line_width=0, layer="below")
    fig.add_trace(
        go.Histogram(
            x=values, histnorm="probability density", nbinsx=40, name=t("diff_noise_hist", lang), marker_color="#6366f1", opacity=0.75
        )
    )
    fig.add_trace(go.Scatter(x=grid, y=np.exp(-0.5 * grid**2) / math.sqrt(2 * math.pi), name="N(0, 1)", line={"color": "#111827"}))
    chart_layout(
        fig,
        title,
        x_title=t("diff_noise_value", lang),
        y_title=t("diff_density", lang),
        height=320,
        margin={"l": 55},
        legend={"y": -0.25},
        lang=lang,
        bargap=0.02,
    )
    fig.update_xaxes(range=[-4, 4])
    return fig


def _forward_inputs(source, digit_index, photo, upload, schedule_name, step, seed, lang: Lang) -> tuple[torch.Tensor, str, int, int]:
    """Returns the validated forward-process inputs: x_0 in model scale, the schedule's name, the timestep and the seed."""
    image = inputs.picture(source, digit_index, photo, upload, lang, size=PHOTO_SIZE)  # [C, H, W]
    name = inputs.choice(schedule_name, "diff_schedule", SCHEDULES, lang)
    k = inputs.integer(step, "diff_timestep", 0, T - 1, lang)
    seed_value = inputs.seed(seed, lang)
    return diffusion_digits.to_model(image[None]), name, k, seed_value


def forward(source, digit_index, photo, upload, schedule_name, step, seed, request: gr.Request):
    """Returns x_0, x_t in closed form, the schedule's curves, and the histogram of the added noise."""
    lang = lang_of(request)
    x0, name, k, seed_value = _forward_inputs(source, digit_index, photo, upload, schedule_name, step, seed, lang)
    noise = torch.randn(x0.shape, generator=torch.Generator().manual_seed(seed_value))
    x_t = schedule(name).q_sample(x0, torch.tensor([k]), noise)
    a = schedule(name).alphas_cumprod[k].item()
    caption = t("diff_forward_caption", lang, t=k, a=a, signal=math.sqrt(a), noise=math.sqrt(1 - a), snr=a / (1 - a))
    hist, bands = _noise_figure(noise, t("diff_noise_title", lang), lang)
    return _show(torch.cat([x0, x_t])), caption, _schedule_figure(name, k, lang), hist, bands


def chain(source, digit_index, photo, upload, schedule_name, step, seed, request: gr.Request):
    """Returns x_t reached by iterating the one-step chain, and a test that it has the closed form's distribution."""
    lang = lang_of(request)
    x0, name, k, seed_value = _forward_inputs(source, digit_index, photo, upload, schedule_name, step, seed, lang)
    s = schedule(name)
    x_t = s.chain(x0, k, generator=torch.Generator().manual_seed(seed_value + 1))
    a = s.alphas_cumprod[k].item()
    standardised = (x_t - math.sqrt(a) * x0) / math.sqrt(1 - a)  # should be N(0, 1) if the chain matches the closed form
    from scipy import stats  # 58 MB and over a second at import: loaded by the first request that tests a chain

    test = stats.kstest(standardised.flatten().numpy(), "norm")
    hist, bands = _noise_figure(standardised, t("diff_chain_hist_title", lang, t=k), lang)
    text = t("diff_chain_text", lang, steps=t("common_n_steps", lang, count=k + 1), ks=test.statistic, p=test.pvalue) + "  \n" + bands
    return _show(x_t), text, hist


# --- 2-3. generation with the shipped model, guidance ---


def _labels(digit: str, count: int, lang: Lang) -> torch.Tensor | None:
    if digit == "any":
        return None
    return torch.full((count,), inputs.integer(digit, "diff_digit", 0, 9, lang))


@on_gpu(SAMPLING_SECONDS)
def generate(request: gr.Request, **values):
    """Streams a generation: x_t and the predicted x_0 as the steps go by, then the classifier's verdict.

    `values` holds the knobs of `GENERATE_KNOBS` by name (a missing one takes its default)."""
    lang = lang_of(request)
    v = knobs.parse(GENERATE_KNOBS, values, lang)
    digit, n, w = v["digit"], v["count"], v["guidance"]
    model = core_device.place(diffusion_unet("epsilon"))
    labels = _labels(digit, n, lang)
    start, last_report = time.monotonic(), 0.0
    last = None
    recording, titles = Recording("denoising"), [t("diff_x_t", lang), t("diff_x0", lang)]  # what the person watches, for a GIF
    stream = core_threads.TRAINING.ahead_each(  # each step takes the next turn on the CPU, ahead of the live runs' turns
        diffusion_ddpm.sample_steps(
            model,
            diffusion_digits.schedule_of(model),
            model.config.prediction,
            (n, 1, 8, 8),
            sampler=v["sampler"],
            steps=v["steps"],
            eta=1.0 if v["sampler"] == "ddpm" else v["eta"],  # DDPM is DDIM with eta = 1
            labels=labels,
            guidance=w if labels is not None else 1.0,
            generator=torch.Generator().manual_seed(v["seed"]),
        )
    )
    for step in stream:
        last = core_device.to_cpu(step)
        now = time.monotonic() - start
        if now > MAX_GENERATION_SECONDS:
            raise error("diff_err_too_slow", lang, seconds=MAX_GENERATION_SECONDS)
        if last.total > EVERY_STEP_UP_TO and 1 < last.index < last.total and now - last_report < REFRESH_SECONDS:
            continue  # long runs stream about 4 frames a second; short ones show every step
        last_report = now
        filled = round(20 * last.index / last.total)
        progress = (
            "`"
            + "█" * filled
            + "░" * (20 - filled)
            + "`  "
            + t("diff_progress", lang, i=last.index, n=last.total, t=last.timestep, seconds=now)
        )
        if last.index < last.total:
            x_t, x0 = (
                image_grid(diffusion_digits.to_image(last.sample), nrow=8, scale=6),
                image_grid(diffusion_digits.to_image(last.pred_x0), nrow=8, scale=6),
            )
            recording.add(titled_views([x_t, x0], titles, footer=_frame_footer(last, lang)))
            yield x_t, x0, progress, gr.skip(), recording
    assert last is not None
    images = diffusion_digits.to_image(last.sample)
    tiles, read, _ = judged_tiles(images, labels, lang=lang)
    spread = t("diff_diversity", lang, d=metrics_modes.diversity(images)) if n > 1 else ""
    if labels is not None:
        verdict = t("diff_verdict_cond", lang, count=n, hits=int((read == labels).sum()), digit=digit) + " " + spread
    else:
        counts = torch.bincount(read, minlength=10).tolist()
        verdict = t("diff_verdict_uncond", lang, counts=" · ".join(f"{d}: {c}" for d, c in enumerate(counts))) + " " + spread
    done = t(
        "diff_done",
        lang,
        samples=t("common_n_samples", lang, count=n),
        steps=t("common_n_steps", lang, count=last.total),
        seconds=time.monotonic() - start,
        evals=t("diff_n_evals", lang, count=last.total * (2 if labels is not None and w != 1.0 else 1)),
    )
    x0 = image_grid(diffusion_digits.to_image(last.pred_x0), nrow=8, scale=6)
    recording.add(titled_views([image_grid(images, nrow=8, scale=6), x0], titles, footer=_frame_footer(last, lang)))
    yield tiles, x0, done, verdict, recording


def _frame_footer(step, lang: Lang) -> str:
    """Returns a GIF frame's footer: the step and its timestep, without the seconds (a GIF replays at its own pace)."""
    return t("diff_gif_footer", lang, i=step.index, n=step.total, t=step.timestep)


# --- 4. what the network predicts ---


@on_gpu(SAMPLING_SECONDS)
def compare_predictions(steps, seed, digit, request: gr.Request):
    """Returns the three shipped models' samples for the same seed, steps and label, each judged."""
    lang = lang_of(request)
    n_steps = inputs.integer(steps, "diff_steps", *LIMITS["steps"], lang)
    seed_value = inputs.seed(seed, lang)
    d = inputs.integer(digit, "diff_digit", 0, 9, lang)
    out = []
    for prediction in PREDICTION_SHORT_NAMES:
        model = core_device.place(diffusion_unet(prediction))
        labels = torch.full((16,), d)
        noise = torch.randn(16, 1, 8, 8, generator=torch.Generator().manual_seed(seed_value))
        *_, last = diffusion_ddpm.sample_steps(
            model,
            diffusion_digits.schedule_of(model),
            prediction,
            (16, 1, 8, 8),
            steps=n_steps,
            labels=labels,
            guidance=DEFAULT_GUIDANCE,
            noise=noise,
        )  # type: ignore[arg-type]
        tiles, read, _ = judged_tiles(diffusion_digits.to_image(last.sample.cpu()), labels, lang=lang)
        out += [tiles, t("diff_pred_score", lang, hits=int((read == labels).sum()), n=16)]
    return tuple(out)


# --- 5. the U-Net, drawn from the model ---


def unet_diagram(request: gr.Request):
    """Returns a picture of the shipped U-Net's stages (resolution by height), skips and time inputs, and a table."""
    lang = lang_of(request)
    stages = unet_model.describe_unet(diffusion_unet("epsilon"))
    levels = sorted({s["resolution"] for s in stages}, reverse=True)
    width, height, box_w, box_h = 110 * len(stages) + 40, 380, 96, 64
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    centres = {}
    colors = {
        "conv": (229, 231, 235),
        "down": (199, 210, 254),
        "downsample": (224, 231, 255),
        "mid": (252, 211, 77),
        "up": (187, 247, 208),
        "upsample": (220, 252, 231),
    }
    for i, s in enumerate(stages):
        x = 30 + 110 * i
        y = 40 + 100 * levels.index(s["resolution"])
        centres[s["name"]] = (x + box_w / 2, y)
        draw.rounded_rectangle([x, y, x + box_w, y + box_h], radius=8, fill=colors[s["kind"]], outline=(75, 85, 99))
        draw.text((x + box_w / 2, y + 12), s["name"], fill="black", font=font(13), anchor="mm")
        draw.text((x + box_w / 2, y + 30), f"{s['in_channels']} -> {s['out_channels']} ch", fill="black", font=font(12), anchor="mm")
        draw.text((x + box_w / 2, y + 47), f"{s['resolution']}x{s['resolution']}", fill=(75, 85, 99), font=font(12), anchor="mm")
        if s["time"]:
            draw.ellipse([x + box_w - 16, y - 10, x + box_w + 4, y + 10], fill=(234, 88, 12))
            draw.text((x + box_w - 6, y), "t", fill="white", font=font(12), anchor="mm")
        if i:
            (px, py), (cx, cy) = centres[stages[i - 1]["name"]], centres[s["name"]]
            draw.line([(px + box_w / 2, py + box_h / 2), (cx - box_w / 2, cy + box_h / 2)], fill=(75, 85, 99), width=2)
    for s in stages:
        if "skip_from" in s:
            (sx, sy), (ux, uy) = centres[s["skip_from"]], centres[s["name"]]
            top = min(sy, uy) - 22
            draw.line([(sx, sy), (sx, top), (ux, top), (ux, uy)], fill=(22, 163, 74), width=2)
    draw.text((30, height - 22), t("diff_unet_legend", lang), fill=(75, 85, 99), font=font(12))
    rows = "\n".join(
        f"| {s['name']} | {s['resolution']}×{s['resolution']} | {s['in_channels']} → {s['out_channels']} | {number(s['params'], lang)} | "
        f"{'✓' if s['time'] else ''} | {s.get('skip_from', '')} |"
        for s in stages
    )
    total = sum(p.numel() for p in diffusion_unet("epsilon").parameters())
    table = t("diff_unet_table", lang, total=total) + "\n" + rows
    return image, table


# --- 6. steps against quality, measured by the benchmark ---


def curve_reading(rows: list[dict], lang: Lang) -> str:
    """Returns what the benchmark's steps-quality rows show, in words: accuracy, FID against its noise, time, verdict.

    Rows hold `sampler`, `steps`, `conditional_accuracy`, `seconds_per_sample` and, when measured, `fid` and
    `real_baseline_fid`. Quality counts as lost with few steps when a sampler's accuracy there is over 2 points
    below its best, or its FID is above its best by more than the real-vs-real baseline (the measurement's noise).
    """
    by = {(r["sampler"], r["steps"]): r for r in rows}
    samplers = [s for s in SAMPLERS if any(k[0] == s for k in by)]
    steps = sorted({r["steps"] for r in rows})
    few, many = steps[0], steps[-1]
    name = {s: s.upper() for s in samplers}

    def pct(share: float) -> str:
        return percent(share, lang)

    def curve(sampler: str, key: str) -> list[tuple[int, float]]:
        return [(k, by[sampler, k][key]) for k in steps if (sampler, k) in by and key in by[sampler, k]]

    accuracy = {s: dict(curve(s, "conditional_accuracy")) for s in samplers}
    values = [a for c in accuracy.values() for a in c.values()]
    if max(values) - min(values) < 0.02:
        low, high = pct(min(values)), pct(max(values))
        text = [
            t(
                "diff_read_accuracy_flat",
                lang,
                few=number(few, lang),
                many=number(many, lang),
                accuracy=low if low == high else f"{low}–{high}",
            )
        ]
    else:
        parts = [
            t(
                "diff_read_accuracy_sampler",
                lang,
                sampler=name[s],
                few=number(few, lang),
                many=number(many, lang),
                few_accuracy=pct(accuracy[s].get(few, float("nan"))),
                many_accuracy=pct(accuracy[s].get(many, float("nan"))),
            )
            for s in samplers
        ]
        text = [t("diff_read_accuracy", lang, samplers="; ".join(parts))]
    costly = any(max(c.values()) - c.get(few, max(c.values())) > 0.02 for c in accuracy.values())

    fid = {s: dict(curve(s, "fid")) for s in samplers}
    if all(fid.values()):
        ranges = []
        for s in samplers:
            (low_steps, low), (high_steps, high) = min(fid[s].items(), key=lambda kv: kv[1]), max(fid[s].items(), key=lambda kv: kv[1])
            ranges.append(
                t(
                    "diff_read_fid_range",
                    lang,
                    sampler=name[s],
                    low=number(low, lang, 2),
                    high=number(high, lang, 2),
                    low_steps=number(low_steps, lang),
                    high_steps=number(high_steps, lang),
                )
            )
        text.append(_sentence("; ".join(ranges)))
        if len(samplers) == 2:
            a, b = samplers
            shared = [k for k in fid[a] if k in fid[b]]
            wins = {a: sum(fid[a][k] < fid[b][k] for k in shared), b: sum(fid[b][k] < fid[a][k] for k in shared)}
            if wins[a] != wins[b]:
                winner, loser = (a, b) if wins[a] > wins[b] else (b, a)
                text.append(t("diff_read_fid_lower", lang, winner=name[winner], loser=name[loser], wins=wins[winner], total=len(shared)))
            else:
                text.append(t("diff_read_fid_tie", lang))
        baseline = next((r["real_baseline_fid"] for r in rows if "real_baseline_fid" in r), None)
        if baseline is not None:
            text.append(t("diff_read_baseline", lang, baseline=number(baseline, lang, 2)))
            costly = costly or any(c.get(few, min(c.values())) - min(c.values()) > baseline for c in fid.values())

    ms = {k: [1000 * by[s, k]["seconds_per_sample"] for s in samplers if (s, k) in by] for k in (few, many)}
    few_ms, many_ms = sum(ms[few]) / len(ms[few]), sum(ms[many]) / len(ms[many])
    text.append(
        t(
            "diff_read_time",
            lang,
            few=number(few, lang),
            many=number(many, lang),
            few_ms=number(few_ms, lang, 1 if few_ms < 10 else 0),
            many_ms=number(many_ms, lang, 1 if many_ms < 10 else 0),
            ratio=number(many_ms / few_ms, lang),
        )
    )
    text.append(t("diff_read_costly", lang, few=number(few, lang)) if costly else t("diff_read_flat", lang))
    return " ".join(text)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


def steps_curve(request: gr.Request):
    """Returns the benchmark's curves of quality and time against the number of steps, and what they show in words."""
    lang = lang_of(request)
    path = BENCHMARKS_DIR / "diffusion.json"
    if not path.is_file():
        return gr.skip(), t("diff_curve_missing", lang)
    payload = json.loads(path.read_text(encoding="utf-8"))
    rows = payload["results"]["curve"]
    fig = make_subplots(
        rows=1, cols=3, subplot_titles=(t("diff_curve_quality", lang), t("diff_curve_fid", lang), t("diff_curve_time", lang))
    )
    styles = {"ddpm": {"color": "#dc2626"}, "ddim": {"color": "#4f46e5", "dash": "dash"}}  # dashed: the lines can coincide
    symbols = {"ddpm": "circle", "ddim": "diamond-open"}
    for sampler in SAMPLERS:
        group = sorted((r for r in rows if r["sampler"] == sampler), key=lambda r: r["steps"])
        steps = [r["steps"] for r in group]
        common = {
            "x": steps,
            "mode": "lines+markers",
            "name": t(f"diff_sampler_{sampler}", lang),
            "line": styles[sampler],
            "marker": {"symbol": symbols[sampler], "size": 8},
            "legendgroup": sampler,
            "cliponaxis": False,
        }
        fig.add_trace(go.Scatter(y=[100 * r["conditional_accuracy"] for r in group], **common), row=1, col=1)
        if all("fid" in r for r in group):
            fig.add_trace(go.Scatter(y=[r["fid"] for r in group], showlegend=False, **common), row=1, col=2)
        fig.add_trace(go.Scatter(y=[1000 * r["seconds_per_sample"] for r in group], showlegend=False, **common), row=1, col=3)
    if rows and "real_baseline_fid" in rows[0]:
        fig.add_hline(
            y=rows[0]["real_baseline_fid"],
            line_dash="dash",
            line_color="#6b7280",
            annotation_text=t("diff_curve_baseline", lang),
            row=1,
            col=2,
        )
    fid_top = max([r.get("fid", 0.0) for r in rows] + [r.get("real_baseline_fid", 0.0) for r in rows] + [1.0])
    fig.update_xaxes(type="log", title_text=t("diff_steps", lang))
    fig.update_yaxes(title_text=t("diff_curve_accuracy_axis", lang), range=[0, 100], row=1, col=1)  # a share: all of it, never 99-101%
    fig.update_yaxes(title_text="FID", range=[0, 1.15 * fid_top], row=1, col=2)  # from 0, so gaps look their size
    fig.update_yaxes(type="log", title_text=t("diff_curve_time_axis", lang), row=1, col=3)
    chart_layout(fig, None, height=380, margin={"l": 60, "t": 80, "b": 80}, legend={"y": -0.3}, lang=lang)
    machine = payload.get("machine", {})
    when = format_date(machine.get("timestamp", "?"), lang)
    note = t("diff_curve_note", lang, when=when, cpus=machine.get("cpu_count", "?"), n=10 * 20)
    return fig, curve_reading(rows, lang) + "\n\n" + note


# --- layout ---


def build(demo: gr.Blocks) -> None:
    """Builds the Diffusion tab and wires its events."""
    intro("topic_diffusion")
    with pages("diffusion"):
        with page("diffusion", "forward", "diff_page_forward"):
            intro("diff_forward_help", heading=False)
            with gr.Row(equal_height=False):
                with gr.Column(scale=1, min_width=280):
                    source, digit_index, photo, upload = picture_inputs(
                        digit=0, photo="astronaut", height=160, source="photo", sources=["upload"]
                    )
                    schedule_name = inputs.Radio(
                        [(I18N(f"diff_schedule_{s}"), s) for s in SCHEDULES], value="linear", label=I18N("diff_schedule")
                    )
                    step = inputs.Slider(0, T - 1, value=250, step=1, label=I18N("diff_timestep"), elem_id="diff-t")
                    seed = inputs.Number(0, precision=0, minimum=0, label=I18N("common_seed"))
                    forward_link = links.control(
                        demo,
                        "diffusion",
                        "forward",
                        links.picture_settings(source, digit_index, photo) | {"schedule": schedule_name, "t": step, "seed": seed},
                    )
                with gr.Column(scale=2):
                    pair = Picture(type="pil", interactive=False, label=I18N("diff_pair"), height=230, elem_id="diff-pair", format="png")
                    caption = gr.Markdown(latex_delimiters=LATEX)
                    curves = gr.Plot(label=I18N("diff_schedule_plot"))
                with gr.Column(scale=2):
                    noise_plot = gr.Plot(label=I18N("diff_noise_plot"))
                    bands = gr.Markdown()
                    markdown("diff_schedule_caption")
                    with gr.Accordion(I18N("diff_chain_button"), open=False):  # the check: step by step reaches the same x_t
                        chain_button = gr.Button(I18N("diff_chain_button"))
                        chained = Picture(type="pil", interactive=False, label=I18N("diff_chained"), height=150, format="png")
                        chain_text = gr.Markdown()
                        chain_plot = gr.Plot(label=I18N("diff_chain_plot"), visible=True)
            forward_inputs = [source, digit_index, photo, upload, schedule_name, step, seed]
            gr.on(
                [
                    demo.load,
                    source.change,
                    digit_index.release,
                    photo.change,
                    upload.upload,
                    schedule_name.change,
                    step.input,
                    seed.submit,
                    forward_link.restored.change,
                ],
                forward,
                forward_inputs,
                [pair, caption, curves, noise_plot, bands],
                api_name="diffusion_forward",
                trigger_mode="always_last",
                show_progress="hidden",
                **LIGHT,
            )
            chain_button.click(chain, forward_inputs, [chained, chain_text, chain_plot], api_name="diffusion_chain", **LIGHT)

        with page("diffusion", "generate", "diff_page_generate"):
            intro("diff_generate_help", heading=False)
            generate_widgets = knobs.layout(GENERATE_KNOBS, per_row=4)
            with gr.Row(equal_height=False):
                with gr.Column(scale=1, min_width=220):
                    gen_button = gr.Button("▶ " + I18N("diff_generate"), variant="primary", elem_id="diff-generate")
                    stop_button = gr.Button(I18N("common_stop"))
                    denoising = live_run_state()  # the person's last denoising stream, for a GIF: freed with the session
                    gif_download(denoising, api_name="diffusion_gif", elem_id="diff-gif")
                    # the seed comes back with the rest: pressing Generate reproduces the samples
                    links.control(demo, "diffusion", "generate", links.knob_settings(GENERATE_KNOBS, generate_widgets))
                with gr.Column(scale=2):
                    x_t_view = Picture(type="pil", interactive=False, label=I18N("diff_x_t"), height=300, elem_id="diff-x-t", format="png")
                    progress = gr.Markdown(I18N("diff_generate_hint"), elem_id="diff-progress")
                with gr.Column(scale=2):
                    x0_view = Picture(type="pil", interactive=False, label=I18N("diff_x0"), height=300, format="png")
                    verdict = gr.Markdown(elem_id="diff-verdict")
            gen_event = gen_button.click(
                generate,
                None,
                [x_t_view, x0_view, progress, verdict, denoising],
                inputs_kwargs=generate_widgets,
                api_name="diffusion_generate",
                **GENERATE,
            )
            stop_button.click(None, None, None, cancels=[gen_event], api_name=False)

        with page("diffusion", "predictions", "diff_page_predictions"):
            intro("diff_predictions_help", heading=False)
            with gr.Row():
                pred_steps = inputs.Slider(*LIMITS["steps"], value=DEFAULT_STEPS, step=1, label=I18N("diff_steps"))
                pred_digit = inputs.Dropdown([str(d) for d in range(10)], value="4", label=I18N("diff_digit"))
                pred_seed = inputs.Number(0, precision=0, minimum=0, label=I18N("common_seed"))
                pred_button = gr.Button(I18N("diff_compare"), variant="primary")
            links.control(demo, "diffusion", "predictions", {"steps": pred_steps, "digit": pred_digit, "seed": pred_seed})
            pred_outputs = []
            with gr.Row(equal_height=False):
                for name in PREDICTION_SHORT_NAMES.values():
                    with gr.Column():
                        pred_outputs.append(
                            Picture(format="png", type="pil", interactive=False, label=I18N(f"diff_pred_{name}"), height=200)
                        )
                        pred_outputs.append(gr.Markdown())
            pred_button.click(
                compare_predictions, [pred_steps, pred_seed, pred_digit], pred_outputs, api_name="diffusion_predictions", **LIGHT
            )

        with page("diffusion", "unet", "diff_page_unet"):
            intro("diff_unet_help", heading=False)
            diagram = Picture(format="png", type="pil", interactive=False, show_label=False, height=380)
            with gr.Accordion(I18N("diff_unet_table_title"), open=False):
                table = gr.Markdown()
            demo.load(unet_diagram, None, [diagram, table], api_name="diffusion_unet", **LIGHT)

        with page("diffusion", "playground", "diff_page_playground"):
            diffusion_toy.build(demo)

        with page("diffusion", "speed", "diff_page_speed"):
            intro("diff_curve_help", heading=False)
            curve = gr.Plot(label=I18N("diff_curve"), elem_id="diff-curve")
            curve_note = gr.Markdown(elem_id="diff-curve-note")
            demo.load(steps_curve, None, [curve, curve_note], api_name="diffusion_steps_curve", **LIGHT)
