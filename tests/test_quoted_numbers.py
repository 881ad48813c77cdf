"""Numbers the texts quote from our results files and shipped checkpoints match them.

Texts that need a measured number at run time take it as a `{field}` (the trilemma reading, the diffusion curve);
the rest quote a number by hand, and each such quote is checked against the file it comes from (here, or beside its
tab's API tests: the 2D playground's hint in test_app_diffusion.py, the VAE's shares in test_app_autoencoders.py, the
modes the GAN Lab's mode-collapse experiment captures in test_app_gans.py, where that run is measured). The English
text is read against the files and the Spanish one against the English, so the two languages cannot drift apart.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from demos.locales.en import STRINGS as EN
from demos.locales.es import STRINGS as ES

BENCHMARKS = Path("assets/benchmarks")


def results(name: str) -> dict:
    return json.loads((BENCHMARKS / f"{name}.json").read_text(encoding="utf-8"))


def metadata(path: str) -> dict[str, str]:
    from core.checkpoint import read_checkpoint

    return read_checkpoint(Path("assets") / path)[1]


def numbers(text: str, lang: str) -> set[float]:
    """Returns the numbers written in `text` outside its fields, LaTeX and links, read the language's way ("1.000" is 1000 in Spanish)."""
    text = re.sub(r"\{[^{}]*\}|\$[^$]*\$|\]\([^)]*\)", " ", text)
    found = set()
    for match in re.finditer(r"\d[\d.,]*\d|\d", text):
        raw = match.group(0)
        raw = raw.replace(".", "").replace(",", ".") if lang == "es" else raw.replace(",", "")
        found.add(float(raw))
    return found


# Spanish writes a digit where English spells it ("un 7 escrito a mano" for "a handwritten seven")
SPELLED_IN_ENGLISH = {"clip_answered_mini": {7.0}, "sd_default_prompt": {7.0}, "sd_err_empty": {7.0}}


def test_spanish_texts_quote_the_numbers_of_the_english_ones():
    differ = {}
    for key, english in EN.items():
        if key.startswith("explore_"):  # the catalogue's tables are built from one list of links
            continue
        extra = SPELLED_IN_ENGLISH.get(key, set())
        if numbers(ES[key], "es") - extra != numbers(english, "en"):
            differ[key] = (sorted(numbers(english, "en")), sorted(numbers(ES[key], "es")))
    assert differ == {}


def test_the_numbers_reader_reads_each_language():
    assert numbers("1.000 pasos, 0,05 y el 20 % ({x:.1f}, $T = 1{.}000$)", "es") == {1000, 0.05, 20}
    assert numbers("1,000 steps, 0.05 and 20% ({x:.1f}, $T = 1{,}000$, [a](https://arxiv.org/abs/1706.08500))", "en") == {
        1000,
        0.05,
        20,
    }


def test_the_generate_hint_quotes_the_measured_ratio_of_ddpm_to_ddim():
    measured = results("diffusion")["results"]
    ratio = measured["ddpm1000_64_digits_s"] / measured["ddim50_64_digits_s"]
    found = re.search(r"DDPM at ([\d,]+) steps takes about (\d+) times as long as DDIM at (\d+)", EN["diff_generate_hint"])
    assert found and (found[1], found[3]) == ("1,000", "50")
    assert int(found[2]) == pytest.approx(ratio, rel=0.15)


def test_diffusion_lectures_quote_the_shipped_models_settings():
    """T, the U-Net's resolutions, the share of dropped labels and the 2D playground's steps are those of the shipped models."""
    import inspect

    from core.diffusion.digits import train_digits_unet
    from core.diffusion.toy import ToyConfig

    config = json.loads(metadata("diffusion/unet_epsilon.safetensors")["config"])
    assert "T = 1{,}000" in EN["topic_diffusion"] and config["num_train_timesteps"] == 1000
    sizes = [config["sample_size"] // 2**level for level in range(len(config["channels"]))]
    assert " → ".join(f"{s}×{s}" for s in sizes) in EN["diff_unet_help"]
    dropped = re.search(r"p_uncond=([\d.]+)", inspect.getsource(train_digits_unet))
    assert dropped and f"dropped {100 * float(dropped[1]):.0f}% of the time" in EN["diff_generate_help"]
    assert f"({ToyConfig().num_train_timesteps} diffusion steps" in EN["toy_help"]


def test_the_trilemma_texts_name_the_models_and_data_of_the_results():
    run = results("trilemma")["results"]
    models = {row["model"] for row in run["table"]}
    assert {"ddpm_1000", "ddim_50", "ddim_10", "ddgan_4", "ddgan_2"} <= models
    assert "DDPM (1000 steps) and DDIM (50 and 10)" in EN["tri_compare_help"] and "with 4 and 2 steps" in EN["tri_compare_help"]
    assert run["budget"]["diffusion_timesteps"] == 1000
    modes = {row["dataset"]: row["num_modes"] for row in run["runs"] if row["dataset"] != "digits"}
    assert modes == {"ring": 8, "grid": 25} and "a ring of 8 and a grid of 25 Gaussians" in EN["dash_intro"]


def test_nerf_texts_quote_the_shipped_fields():
    grid = metadata("nerf/grid.safetensors")
    resolution = json.loads(grid["config"])["resolution"]
    assert f"{resolution}³ grid" in EN["nerf_train_help"]
    size = int(grid["size"])
    assert f"{size}x{size} pixels" in EN["nerf_fly_text"]


def test_clip_and_stable_diffusion_texts_quote_the_shipped_mini_models():
    clip = json.loads(Path("assets/mini_clip/config.json").read_text(encoding="utf-8"))["vision_config"]["image_size"]
    assert f"a vision transformer on {clip}x{clip} digits" in EN["clip_model_help"]
    vae = json.loads(Path("assets/mini_ldm/vae/config.json").read_text(encoding="utf-8"))
    side, down = vae["sample_size"], 2 ** (len(vae["block_out_channels"]) - 1)
    latent = f"{vae['latent_channels']}x{side // down}x{side // down}"
    assert f"turns a {side}x{side} picture of a digit into a {latent} latent" in EN["sd_model_help"]


def test_the_dcgan_text_quotes_the_shipped_image_size():
    size = json.loads(metadata("dcgan_digits.safetensors")["config"])["image_size"]
    assert f"scikit-learn's {size}×{size} digits" in EN["gan_digits_intro"]


def test_the_gan_experiments_quote_their_presets():
    """What each ready-made experiment says it sets is what it sets (the run's outcome is measured in test_app_gans.py)."""
    from core.gan.experiments import EXPERIMENTS

    collapse, vanishing = EXPERIMENTS["mode_collapse"], EXPERIMENTS["vanishing"]
    words = {3: "three", 5: "5"}
    assert f"$D$ takes {words[collapse['d_steps']]} steps for each step of $G$" in EN["exp_mode_collapse"]
    assert f"a learning rate {collapse['d_lr'] / collapse['g_lr']:.0f} times larger" in EN["exp_mode_collapse"]
    assert f"$G$ draws from a {collapse['noise_dim']}D noise" in EN["exp_mode_collapse"]
    assert f"of the {collapse['budget']:,} steps" in EN["exp_mode_collapse"] and collapse["dataset"] == "ring"
    assert f"({words[vanishing['d_steps']]} steps per G step)" in EN["exp_vanishing"] and vanishing["loss"] == "minimax"
    clip, no_clip = EXPERIMENTS["wgan_clip"]["clip"], EXPERIMENTS["wgan_no_clip"]["clip"]
    assert f"(c = {clip})" in EN["exp_wgan_clip"] and f"$|w| \\le {clip}$" in EN["exp_wgan_clip"]
    assert f"(c = {no_clip:.0f})" in EN["exp_wgan_no_clip"]
    fifty = EXPERIMENTS["fifty_percent"]
    assert fifty["g_lr"] == fifty["d_lr"] and "equal learning rates" in EN["exp_fifty_percent"]
    assert f"On seed {fifty['seed']}" in EN["exp_fifty_percent"] and fifty["dataset"] == "moons"


def test_the_dashboards_missing_results_note_quotes_no_duration():
    """No results file records how long the full trilemma run takes, so the note that asks for it names no duration."""
    assert numbers(EN["dash_pending"], "en") == set() and numbers(ES["dash_pending"], "es") == set()
    assert "duration" not in json.dumps(results("trilemma")["machine"]) and "seconds" not in results("trilemma")["results"]


def test_the_unclip_lecture_quotes_the_benchmark():
    r = results("unclip")["results"]
    text = EN["clip_unclip_compare_help"]
    assert f"{r['captions_per_digit']} captions per digit, {r['seeds']} seeds" in text
    shares = [f"{100 * r[f'{m}_accuracy']:.1f}%" for m in ("unclip", "text_direct", "caption_only")]
    assert f"{shares[0]}, {shares[1]} and {shares[2]} of the time" in text
    pct = {k: f"{100 * r[k]:.0f}%" for k in r if k.endswith(("_recall", "_coverage"))}
    assert f"recall of the real digits {pct['unclip_recall']} against {pct['text_direct_recall']}" in text
    assert f"coverage {pct['unclip_coverage']} against {pct['text_direct_coverage']}" in text
    assert f"recall {pct['caption_only_recall']}, coverage {pct['caption_only_coverage']}" in text
    assert f"diversity {r['caption_only_diversity']:.2f} against unCLIP's {r['unclip_diversity']:.2f}" in text
    assert r["caption_only_diversity"] > r["unclip_diversity"]  # what "does not hold here" says
