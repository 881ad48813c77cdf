"""The benchmarks' command line: the start-up benchmark in quick mode writes well-formed JSON."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from benchmarks.__main__ import main


def test_startup_quick_writes_results(tmp_path: Path) -> None:
    """Returns nothing; runs `startup --quick` through `main` and checks its JSON (no timing limits)."""
    assert main(["startup", "--quick", "--out", str(tmp_path)]) == 0

    path = tmp_path / "startup.json"
    assert path.is_file()
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["benchmark"] == "startup"

    results = data["results"]
    assert results["app_seconds"] > 0
    assert results["reference_seconds"] > 0
    assert math.isfinite(results["ratio"]) and results["ratio"] > 0
    assert results["app_rss_mb"] > 0
    assert results["reference_rss_mb"] > 0
    assert set(results["targets"]) == {"ratio", "app_rss_mb"}
    assert all(isinstance(t["passed"], bool) for t in results["targets"].values())
    assert len(results["runs"]["app"]) == len(results["runs"]["reference"]) == 1

    machine = data["machine"]
    assert {"python", "platform", "cpu_count", "gradio", "torch", "timestamp"} <= set(machine)
    assert machine["quick"] is True
    assert machine["gradio"]


def test_gan2d_quick_writes_a_coverage_table(tmp_path: Path, capsys) -> None:
    """Returns nothing; runs `gan2d --quick` and checks its table and numbers (no timing limits)."""
    assert main(["gan2d", "--quick", "--out", str(tmp_path)]) == 0
    results = json.loads((tmp_path / "gan2d.json").read_text(encoding="utf-8"))["results"]
    rows = results["coverage"]
    assert {(r["dataset"], r["loss"]) for r in rows} == {("ring", "non_saturating"), ("ring", "wgan_gp")}
    for row in rows:
        assert 0 <= row["modes_mean"] <= 8 and 0 <= row["hq_mean"] <= 1 and row["num_modes"] == 8
    assert results["ring_best_loss"] in {"non_saturating", "wgan_gp"}
    assert results["lab_steps_per_second"] > 0 and results["bare_loop_steps_per_second"] > 0
    assert 0 < results["live_view_time_share"] < 1 and results["live_updates_per_second"] > 0
    assert {"ring_best_modes", "ring_best_high_quality", "ring_best_reverse_kl", "ring_all_modes_median_s"} <= set(results["targets"])
    assert results["dcgan_samples"] == 1000 and results["dcgan_class_kl"] < 0.05 and results["dcgan_confident_share"] > 0.7
    assert results["strong_d_settings"]["d_steps"] == 5 and "strong_d_minimax_worse" in results["targets"]
    for loss in ("minimax", "non_saturating"):
        assert 0 <= results[f"strong_d_{loss}_modes"] <= 8 and 0 <= results[f"strong_d_{loss}_high_quality"] <= 1
    printed = capsys.readouterr().out
    assert "coverage" in printed and "non_saturating" in printed


def test_autoencoders_quick_writes_its_figures(tmp_path: Path, capsys) -> None:
    """Returns nothing; runs `autoencoders --quick` and checks its figures (no timing limits)."""
    assert main(["autoencoders", "--quick", "--out", str(tmp_path)]) == 0
    results = json.loads((tmp_path / "autoencoders.json").read_text(encoding="utf-8"))["results"]
    assert [m["model"] for m in results["models"]] == ["ae_2d", "vae_2d"]
    vae = results["models"][1]
    assert vae["test_elbo"] == pytest.approx(-(vae["test_reconstruction_nll"] + vae["test_kl"]), rel=1e-6)
    assert results["holes_vae_confident_share"] > results["holes_ae_confident_share"]
    assert results["race_k"] == 2 and results["race_nonlinear_mse"] < results["race_pca_mse"]
    assert results["slider_ms"] > 0 and results["drawing_ms"] > 0 and results["bare_decode_ms"] > 0
    assert set(results["targets"]) == {
        "vae_minus_ae_confident_share",
        "race_max_angle_deg",
        "nonlinear_over_pca_mse",
        "slider_ms",
        "drawing_ms",
    }
    assert "holes_ae_confident_share" in capsys.readouterr().out


def test_diffusion_quick_writes_its_figures(tmp_path: Path) -> None:
    """Returns nothing; runs `diffusion --quick` and checks its figures (no timing limits)."""
    assert main(["diffusion", "--quick", "--out", str(tmp_path)]) == 0
    results = json.loads((tmp_path / "diffusion.json").read_text(encoding="utf-8"))["results"]
    assert [d["prediction"] for d in results["digits"]] == ["epsilon"]
    assert 0 <= results["digits"][0]["conditional_accuracy"] <= 1
    assert {(r["sampler"], r["steps"]) for r in results["curve"]} == {("ddpm", 10), ("ddim", 10), ("ddpm", 20), ("ddim", 20)}
    assert results["toy"][0]["dataset"] == "ring" and results["toy"][0]["seeds"] == 1
    assert results["ours_over_diffusers_ratio"] > 0 and results["forward_slider_ms"] > 0
    assert {"conditional_accuracy", "ddim50_64_digits_s", "ours_over_diffusers_ratio", "forward_slider_ms", "ring_modes"} <= set(
        results["targets"]
    )


def test_metrics_quick_agrees_with_the_references(tmp_path: Path) -> None:
    """Returns nothing; runs `metrics --quick`: our metrics equal the references (timings are only reported)."""
    assert main(["metrics", "--quick", "--out", str(tmp_path)]) == 0
    results = json.loads((tmp_path / "metrics.json").read_text(encoding="utf-8"))["results"]
    assert results["samples"] == 500 and results["frechet_relative_difference"] < 1e-6 and results["knn_max_difference"] < 1e-9
    assert results["frechet_ratio"] > 0 and results["knn_ratio"] > 0


def test_trilemma_quick_writes_a_well_formed_comparison(tmp_path: Path, capsys) -> None:
    """Returns nothing; runs `trilemma --quick` (tiny budgets) and checks the file the dashboard and the tab read."""
    from core.trilemma import MODELS
    from demos.trilemma_charts import load_results

    assert main(["trilemma", "--quick", "--out", str(tmp_path)]) == 0
    results = load_results(tmp_path / "trilemma.json")
    assert results["machine"]["quick"] is True and results["seeds"] == 1
    table = {(r["dataset"], r["model"]): r for r in results["table"]}
    assert set(table) == {("ring", m) for m in MODELS} | {("digits", m) for m in MODELS if m != "ddgan_2"}
    for (dataset, model), row in table.items():
        assert row["nfe"] == MODELS[model][1] and row["ms_per_sample"] > 0
        assert all(0 <= row[k] <= 1 for k in ("precision", "recall", "coverage"))
        assert ("fid" in row) == (dataset == "digits") and ("modes" in row) == (dataset != "digits")
        assert row["seed_kind"] == (
            "sampling" if dataset == "digits" and model in ("gan", "vae", "ddpm_1000", "ddim_50", "ddim_10") else "training"
        )
    assert table[("digits", "ddpm_1000")]["ms_per_sample"] > 10 * table[("digits", "ddim_10")]["ms_per_sample"]  # 1000 steps vs 10
    assert results["real_baselines"]["ring"]["modes"] == 8 and results["real_baselines"]["digits"]["fid"] < 5
    assert len(results["previews"]["ring/gan"]) == 500 and len(results["previews"]["digits/vae"][0]) == 64
    assert {c["claim"] for c in results["claims"]} >= {"gan_fast", "diffusion_covers", "ddgan_fast"}
    assert "paper_cifar10" in capsys.readouterr().out


def test_shipped_trilemma_results_cover_every_family_with_three_seeds() -> None:
    """Returns nothing; the shipped full run (`python -m benchmarks trilemma`) has every data set, model and seed."""
    from core.trilemma import MODELS
    from demos.trilemma_charts import RESULTS, load_results

    results = load_results(RESULTS)
    assert results["machine"]["quick"] is False and results["seeds"] == 3
    expected = {(d, m) for d in ("ring", "grid", "digits") for m in MODELS if (d, m) != ("digits", "ddgan_2")}
    assert {(r["dataset"], r["model"]) for r in results["table"]} == expected
    assert all(r["seeds"] == 3 for r in results["table"])
    assert len(results["claims"]) == 18  # six claims on three data sets


def test_pretrained_quick_measures_the_mini_models(tmp_path: Path) -> None:
    """Returns nothing; runs `pretrained --quick` on the shipped mini CLIP and mini latent diffusion pipeline."""
    assert main(["pretrained", "--quick", "--out", str(tmp_path)]) == 0
    results = json.loads((tmp_path / "pretrained.json").read_text(encoding="utf-8"))["results"]
    assert results["clip_zero_shot_accuracy"] >= 0.9 and results["clip_zero_shot_accuracy_spanish"] >= 0.8
    assert len(results["ldm_accuracy_per_digit"]) == 10 and results["ldm_images_per_digit"] == 5
    assert 0 < results["clip_cached_over_first"] < 1 and 0 < results["pipeline_cached_over_first"] < 1
    assert results["txt2img_s"] > 0 and results["clip_call_ms"] > 0 and results["txt2img_streamed_over_direct"] > 0
    assert set(results["targets"]) == {
        "clip_zero_shot_accuracy",
        "ldm_accuracy_min",
        "clip_cached_over_first",
        "pipeline_cached_over_first",
    }


def test_nerf_quick_writes_its_figures(tmp_path: Path, capsys) -> None:
    """Returns nothing; runs `nerf --quick` and checks its figures (no timing limits)."""
    assert main(["nerf", "--quick", "--out", str(tmp_path)]) == 0
    results = json.loads((tmp_path / "nerf.json").read_text(encoding="utf-8"))["results"]
    assert 0 < results["grid_ssim"] <= 1 and results["nerf_psnr"] > 15
    for kind in ("grid", "nerf"):
        curve = results["curves"][kind]
        assert len(curve["seconds"]) == len(curve["held_out"]) >= 2 and curve["seconds"] == sorted(curve["seconds"])
        assert results[f"{kind}_live_run_mb"] > 0
    assert {f"ablation_{name}_psnr" for name in ("full", "no_encoding", "no_view_dependence", "quarter_views")} <= set(results)
    assert results["nerf_view_vs_exact"] == pytest.approx(results["nerf_ms"] / results["exact_ms"])
    assert set(results["targets"]) == {"nerf_psnr", "grid_speedup", "grid_psnr_at_60s", "nerf_ms", "ray_ms"}
    assert "grid_speedup" in capsys.readouterr().out
    for kind in ("grid", "nerf"):  # skipping empty space: measured against the full render of the same view
        assert results[f"{kind}_skip_vs_full_psnr"] > 40 and 0 < results[f"{kind}_occupied_share"] < 1
        assert results[f"{kind}_skip_speedup"] == pytest.approx(results[f"{kind}_full_ms"] / results[f"{kind}_ms"])
    # one section re-run: its figures are new, the others kept from the file, and the file says when
    assert main(["nerf", "--quick", "--only", "speed", "--out", str(tmp_path)]) == 0
    again = json.loads((tmp_path / "nerf.json").read_text(encoding="utf-8"))["results"]
    assert again["nerf_psnr"] == results["nerf_psnr"] and again["curves"] == results["curves"]
    assert list(again["sections_rerun"]) == ["speed"] and again["exact_ms"] != results["exact_ms"]
    with pytest.raises(SystemExit):
        main(["nerf", "--only", "nonsense"])


def test_classroom_quick_plays_a_small_class(tmp_path: Path, capsys) -> None:
    """Returns nothing; runs `classroom --quick` (3 students on `python app.py` for a few seconds) and checks its figures."""
    assert main(["classroom", "--quick", "--out", str(tmp_path)]) == 0
    data = json.loads((tmp_path / "classroom.json").read_text(encoding="utf-8"))
    assert data["machine"]["quick"] is True
    results = data["results"]
    [row] = results["classes"]
    run = results["runs"]["3"]
    assert row["students"] == results["students"] == 3
    assert run["sessions_distinct"] == 3  # every student had a session of its own
    assert row["failed"] == 0 and row["unanswered"] == 0 and results["failed_or_unanswered"] == 0, run["errors"]
    assert isinstance(row["client_resends"], int) and row["client_resends"] >= 0
    assert results["light_p95_s"] >= results["light_p50_s"] > 0 and row["light_p95_s"] >= row["light_p50_s"]
    assert run["light_calls"] >= 3 * 10  # the page's load events, the slider moves, the moves during Play, Pause, Stop
    assert run["plays"] == 3 and row["plays_without_frame"] == 0 and 0 < row["first_frame_median_s"] <= row["first_frame_max_s"]
    assert len(run["gan_rates"]) == len(run["vae_rates"]) == 3
    assert 0 < row["gan_rate_min"] <= row["gan_rate_median"] <= row["gan_rate_max"]
    assert 0 < row["vae_rate_min"] <= row["vae_rate_median"] <= row["vae_rate_max"]
    assert 0 < results["gan_fairness"] <= 1
    assert row["cold_rss_mb"] > 0 and 0 < row["idle_rss_mb"] <= row["peak_rss_mb"] and row["after_rss_mb"] > 0
    endpoints = {e["endpoint"] for e in results["light_endpoints"]}
    assert endpoints >= {"gan_reset", "gan_pause", "diffusion_forward", "autoencoders_point_vae_2d"}
    assert set(results["targets"]) == {"failed_or_unanswered", "light_p95_s", "first_frame_max_s", "gan_fairness", "after_over_idle"}
    assert all(isinstance(t["passed"], bool) for t in results["targets"].values())
    assert "light_endpoints" in capsys.readouterr().out


def test_a_classroom_call_whose_answer_the_client_lost_is_sent_again_once() -> None:
    from concurrent.futures import CancelledError

    from benchmarks.classroom import Student

    class Job:
        def __init__(self, outcome):
            self.outcome = outcome

        def result(self, timeout=None):
            if isinstance(self.outcome, BaseException):
                raise self.outcome
            return self.outcome

    class FakeClient:
        def __init__(self, outcomes):
            self.outcomes, self.sent = list(outcomes), []

        def submit(self, api_name, **kwargs):
            self.sent.append(api_name)
            return Job(self.outcomes.pop(0))

    student = Student(0, "http://127.0.0.1:1/", quick=True)
    student.client = FakeClient([CancelledError(), ("paused",)])
    assert student.call("gan_pause") == ("paused",)
    assert student.client.sent == ["/gan_pause", "/gan_pause"] and student.client_resends == 1
    assert student.calls[-1].error is None
    student.client = FakeClient([CancelledError(), CancelledError()])  # lost twice: a failure, not a third try
    assert student.call("gan_pause") is None
    assert student.client.sent == ["/gan_pause", "/gan_pause"] and student.client_resends == 2
    assert student.calls[-1].error.startswith("CancelledError")


def test_splat_quick_writes_its_figures(tmp_path: Path, capsys) -> None:
    """Returns nothing; runs `splat --quick` (tiny 2D fits, 64x64 renders) and checks its figures (no timing limits)."""
    assert main(["splat", "--quick", "--out", str(tmp_path)]) == 0
    data = json.loads((tmp_path / "splat.json").read_text(encoding="utf-8"))
    assert data["machine"]["quick"] is True
    results = data["results"]
    assert [(r["gaussians"], r["steps"]) for r in results["fits_2d"]] == [(100, 30), (500, 30)]
    for row in results["fits_2d"]:
        assert row["psnr"] > 10 and row["ms_per_step"] > 0 and row["step_vs_reference"] > 0
        assert row["bytes"] == 36 * row["gaussians"] and 0 < row["jpeg_bytes"] <= row["bytes"] and row["jpeg_psnr"] > 20
    assert results["splat_psnr"] > 20 and 0 < results["splat_ssim"] <= 1 and results["nerf_psnr"] > 20
    assert results["splat_minus_nerf_psnr"] == pytest.approx(results["splat_psnr"] - results["nerf_psnr"])
    assert results["splat_checkpoint_psnr"] == pytest.approx(results["splat_psnr"], abs=0.1)  # the same views, the same renderer
    assert {(r["model"], r["size"]) for r in results["renders"]} == {("splat", 64), ("nerf", 64), ("nerf_skip", 64), ("grid", 64)}
    assert results["splat_speedup_vs_nerf_skip_64"] == pytest.approx(results["nerf_skip_64_ms"] / results["splat_64_ms"])
    assert results["splat_speedup_vs_nerf_64"] == pytest.approx(results["nerf_64_ms"] / results["splat_64_ms"])
    assert [(r["gaussians"], r["size"]) for r in results["rasteriser"]] == [(1000, 64), (5000, 64)]
    assert all(r["ms"] > 0 and 0 < r["visible"] <= r["gaussians"] for r in results["rasteriser"])
    assert set(results["targets"]) == {"splat_psnr", "splat_minus_nerf_psnr", "splat_speedup_vs_nerf_64"}
    assert all(isinstance(t["passed"], bool) for t in results["targets"].values())
    assert results["load_average_start"] >= 0 and "rasteriser" in capsys.readouterr().out


def test_a_partial_rerun_replaces_its_sections_keeps_the_others_and_drops_the_targets() -> None:
    from benchmarks.common import run_sections

    sections = {"a": lambda: {"x": 1, "shared": "a"}, "b": lambda: {"y": 2, "shared": "b"}}
    full = run_sections(sections)
    assert full == {"x": 1, "shared": "b", "y": 2}  # in order: a later section wins a shared key
    sections["a"] = lambda: {"x": 5, "shared": "a"}
    again = run_sections(sections, ["a"], {**full, "targets": {"x": {}}})
    assert again["x"] == 5 and again["y"] == 2 and again["shared"] == "a" and "targets" not in again
    assert list(again["sections_rerun"]) == ["a"]


def test_unclip_quick_measures_the_three_methods_and_the_shipped_figures_hold(tmp_path: Path) -> None:
    """Returns nothing; runs `unclip --quick` (6 captions per digit, one seed) and re-measures the shipped unCLIP's figures
    against the full run in assets/benchmarks/unclip.json, within the tolerance a 60-caption sample allows."""
    assert main(["unclip", "--quick", "--out", str(tmp_path)]) == 0
    quick = json.loads((tmp_path / "unclip.json").read_text(encoding="utf-8"))["results"]
    assert quick["captions_per_digit"] == 6 and quick["seeds"] == 1 and len(quick["per_seed"]) == 1
    for method in ("unclip", "text_direct", "caption_only"):
        assert 0 <= quick[f"{method}_accuracy"] <= 1 and quick[f"{method}_diversity"] > 0
        assert 0 <= quick[f"{method}_recall"] <= 1 and 0 <= quick[f"{method}_coverage"] <= 1
    assert set(quick["targets"]) == {"unclip_accuracy", "variation_class_share", "pipeline_8_samples_s"}
    full = json.loads((Path("assets/benchmarks") / "unclip.json").read_text(encoding="utf-8"))["results"]
    assert full["captions_per_digit"] == 100 and full["seeds"] == 3
    assert quick["unclip_accuracy"] >= full["unclip_accuracy"] - 0.1  # 60 captions: a few misses at most
    assert quick["variation_class_share"] >= full["variation_class_share"] - 0.1
