"""The trilemma tab's reading of the shipped run: every number in it is filled from the results file, none is typed by hand.

The sentences are templates (`tri_reading_*` in the tables); `reading_fields` computes their numbers from the summary
rows of `assets/benchmarks/trilemma.json`, so a new run of the benchmark rewrites the numbers with it.
"""

from __future__ import annotations

from typing import Any

from demos.texts import Lang, percent, t

PARTS = ("speed", "coverage", "quality", "ddgan", "fid")
# the models the reading quotes, by the short name of their fields (`p_ddpm_ring` is DDPM's precision on the ring)
MODELS = {"gan": "gan", "vae": "vae", "ddpm": "ddpm_1000", "ddim50": "ddim_50", "ddim10": "ddim_10", "ddgan": "ddgan_4"}


def reading_fields(results: dict[str, Any], lang: Lang) -> dict[str, object]:
    """Returns the numbers the reading quotes, from the results' summary rows (shares already written as percentages)."""
    rows = {(r["dataset"], r["model"]): r for r in results["table"]}

    def value(dataset: str, model: str, key: str) -> float:
        return float(rows[(dataset, model)][key])

    def ms(dataset: str, model: str) -> float:
        return value(dataset, model, "ms_per_sample")

    ddgan_speedups = [ms(d, "ddpm_1000") / ms(d, "ddgan_4") for d in ("ring", "grid", "digits")]
    fields: dict[str, object] = {
        # speed: time is evaluations times the cost of each, so the ratios differ per data set
        "ddpm_vae_ring": ms("ring", "ddpm_1000") / ms("ring", "vae"),
        "ddpm_vae_grid": ms("grid", "ddpm_1000") / ms("grid", "vae"),
        "ddpm_vae_digits": ms("digits", "ddpm_1000") / ms("digits", "vae"),
        "ddpm_ms_ring": ms("ring", "ddpm_1000"),
        "ddpm_ms_digits": ms("digits", "ddpm_1000"),
        "ddgan_us_digits": 1000 * ms("digits", "ddgan_4"),
        "gan_us_digits": 1000 * ms("digits", "gan"),
        "ddim_speedup_ring": ms("ring", "ddpm_1000") / ms("ring", "ddim_50"),
        "ddgan_speedup_min": min(ddgan_speedups),
        "ddgan_speedup_max": max(ddgan_speedups),
        "grid_modes": float(results.get("real_baselines", {}).get("grid", {}).get("num_modes", 25)),
        "fid_real": float(results.get("real_baselines", {}).get("digits", {}).get("fid", float("nan"))),
    }
    for dataset in ("ring", "grid", "digits"):
        for name, model in MODELS.items():
            fields[f"p_{name}_{dataset}"] = value(dataset, model, "precision")
            fields[f"r_{name}_{dataset}"] = value(dataset, model, "recall")
            if dataset != "digits":
                fields[f"modes_{name}_{dataset}"] = value(dataset, model, "modes")
                fields[f"hq_{name}_{dataset}"] = percent(value(dataset, model, "high_quality"), lang)
            else:
                fields[f"fid_{name}_{dataset}"] = value(dataset, model, "fid")
    return fields


def reading_markdown(results: dict[str, Any], lang: Lang) -> str:
    """Returns the reading of a run as Markdown, or "" when the run lacks a model or data set it quotes (a partial quick run)."""
    try:
        fields = reading_fields(results, lang)
    except (KeyError, ZeroDivisionError):
        return ""
    return "\n".join([t("tri_reading_title", lang), *(t(f"tri_reading_{part}", lang, **fields) for part in PARTS)])
