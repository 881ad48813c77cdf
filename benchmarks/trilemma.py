"""The generative trilemma: every family on the same data, measured the same way (`core.trilemma`).

Full run: ring, grid and digits; GAN (non-saturating), WGAN-GP, VAE, DDPM (1,000 steps), DDIM (50
and 10 steps), DDGAN (4 and 2 steps; 4 on digits); three seeds each. It takes about 40 minutes on two
free cores. Quick mode (the test suite's, and the dashboard's re-run button): ring and digits, one
seed, a few hundred training steps, a couple of minutes. Besides the table it writes sample
previews (500 points or 64 digits per model, first seed) for the dashboard, and checks the course's
claims against our numbers (`claims`: each says whether it holds at this scale).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

Progress = Callable[[int, int, str], None]  # (jobs done, jobs in all, what just finished)


def claims(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Returns the course's claims checked on each dataset's summary rows: {dataset, claim, holds, values}.

    `values` holds the numbers behind each verdict (the interface words them in the reader's language).
    """
    out: list[dict[str, Any]] = []
    for dataset in dict.fromkeys(r["dataset"] for r in rows):
        out += _claims_on(dataset, {r["model"]: r for r in rows if r["dataset"] == dataset})
    return out


def _claims_on(dataset: str, by: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Returns the claims that the rows of one data set (`by` model) allow checking."""
    out: list[dict[str, Any]] = []

    def add(claim: str, needs: tuple[str, ...], test: Callable[[], tuple[bool, dict[str, float]]]) -> None:
        if all(m in by for m in needs):
            holds, values = test()
            out.append({"dataset": dataset, "claim": claim, "holds": bool(holds), "values": values})

    def ratio(slow: str, fast: str) -> float:
        return by[slow]["ms_per_sample"] / max(by[fast]["ms_per_sample"], 1e-12)

    def pr(model: str) -> tuple[float, float]:
        return by[model]["precision"], by[model]["recall"]

    add("gan_fast", ("gan", "ddpm_1000"), lambda: (ratio("ddpm_1000", "gan") >= 100, {"ratio": ratio("ddpm_1000", "gan")}))
    add(
        "diffusion_covers",
        ("gan", "ddpm_1000"),
        lambda: (pr("ddpm_1000")[1] >= pr("gan")[1], {"ddpm": pr("ddpm_1000")[1], "gan": pr("gan")[1]}),
    )
    add("vae_blurry", ("gan", "vae"), lambda: (pr("vae")[0] < pr("gan")[0], {"vae": pr("vae")[0], "gan": pr("gan")[0]}))
    add("ddgan_fast", ("ddgan_4", "ddpm_1000"), lambda: (ratio("ddpm_1000", "ddgan_4") >= 50, {"ratio": ratio("ddpm_1000", "ddgan_4")}))
    add(
        "ddgan_good",
        ("ddgan_4", "ddpm_1000"),
        lambda: (
            pr("ddgan_4")[0] >= 0.9 * pr("ddpm_1000")[0] and pr("ddgan_4")[1] >= 0.9 * pr("ddpm_1000")[1],
            {"p_ddgan": pr("ddgan_4")[0], "p_ddpm": pr("ddpm_1000")[0], "r_ddgan": pr("ddgan_4")[1], "r_ddpm": pr("ddpm_1000")[1]},
        ),
    )
    add(
        "ddim_few_steps",
        ("ddim_50", "ddim_10", "ddpm_1000"),
        lambda: (
            pr("ddim_50")[0] >= 0.9 * pr("ddpm_1000")[0] and pr("ddim_10")[0] < pr("ddim_50")[0],
            {"ddpm": pr("ddpm_1000")[0], "ddim50": pr("ddim_50")[0], "ddim10": pr("ddim_10")[0]},
        ),
    )
    return out


def run(quick: bool, progress: Progress | None = None, *, workers: int = 2) -> dict[str, Any]:
    """Returns the comparison: per-seed runs, the summary table, real baselines, claims, the paper's table, previews."""
    from core.trilemma import FULL, PAPER_TABLE, QUICK, UNITS, jobs, real_baselines, run_unit, summarise

    budget = QUICK if quick else FULL
    datasets = ("ring", "digits") if quick else ("ring", "grid", "digits")
    todo = list(jobs(budget, datasets=datasets, seeds=1 if quick else 3))
    runs: list[dict[str, Any]] = []
    total = sum(len(UNITS[unit]) for unit, *_ in todo)

    def collect(rows: list[dict[str, Any]]) -> None:
        runs.extend(rows)
        if progress is not None:
            progress(len(runs), total, f"{rows[0]['dataset']}: {', '.join(r['model'] for r in rows)}")

    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for rows in pool.map(run_unit, todo):
                collect(rows)
    else:
        for job in todo:
            collect(run_unit(job))
    previews = {f"{r['dataset']}/{r['model']}": _rounded(r.pop("sample_preview"), r["dataset"]) for r in runs if r["seed"] == 0}
    for r in runs:
        r.pop("sample_preview", None)
    rows = summarise(runs)
    return {
        "budget": budget.__dict__,
        "datasets": list(datasets),
        "seeds": 1 if quick else 3,
        "table": rows,
        "real_baselines": {d: real_baselines(d, budget) for d in datasets},
        "claims": claims(rows),
        "paper_cifar10": list(PAPER_TABLE),
        "runs": runs,
        "previews": previews,
    }


def _rounded(samples, dataset: str) -> list[list[float]]:
    digits = 2 if dataset == "digits" else 3
    return [[round(float(v), digits) for v in row] for row in samples.tolist()]
