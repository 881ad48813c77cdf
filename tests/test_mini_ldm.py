"""The mini latent diffusion model: image conversions, a tiny training run that `StableDiffusionPipeline`
opens offline through our loader, and the shipped pipeline's classifier-judged accuracy per digit."""

import pytest
import torch

from core.assets import DIGITS_CLASSIFIER_PATH, MINI_CLIP_DIR, MINI_LDM_DIR
from core.checkpoint import load_model
from core.data.images import load_digits
from core.mini_ldm import IMAGE_SIZE, per_digit_accuracy, to_digits, to_rgb32, train_mini_ldm
from core.pretrained import load_pipeline, release_pipeline


def test_digits_survive_the_trip_to_pipeline_images_and_back():
    """Smooth upsampling then 4x4 averaging blurs a little; the classifier still reads the digits."""
    images, labels = load_digits("test")
    big = to_rgb32(images)
    assert big.shape == (len(images), 3, IMAGE_SIZE, IMAGE_SIZE) and big.min() >= -1 and big.max() <= 1
    back = to_digits((big + 1) / 2)
    assert back.shape == images.shape and (back - images).abs().mean() < 0.1
    read = load_model(DIGITS_CLASSIFIER_PATH).predict_proba(back).argmax(1)
    assert (read == labels).float().mean() > 0.95


def test_a_tiny_run_saves_a_pipeline_the_loader_opens(tmp_path):
    out = tmp_path / "ldm"
    *_, last = train_mini_ldm(
        out,
        clip_dir=MINI_CLIP_DIR,
        classifier=load_model(DIGITS_CLASSIFIER_PATH),
        steps=3,
        vae_steps=2,
        per_digit=1,
        vae_width=8,
        unet_width=16,
    )
    assert last.done and 0 <= last.metrics["accuracy_mean"] <= 1 and len([k for k in last.metrics if k.startswith("accuracy_")]) == 11
    assert sorted(p.name for p in out.glob("*/*.safetensors"))  # unet, vae, text encoder weights as safetensors
    pipe = load_pipeline(out)
    assert 0.1 < pipe.vae.config.scaling_factor < 100  # 1 / std of the latents
    image = pipe(
        "un siete escrito a mano",
        num_inference_steps=2,
        height=IMAGE_SIZE,
        width=IMAGE_SIZE,
        output_type="pt",
        generator=torch.Generator().manual_seed(0),
    ).images
    assert image.shape == (1, 3, IMAGE_SIZE, IMAGE_SIZE) and torch.isfinite(image).all()
    assert "python -m core.retrain mini-ldm --steps 3" in (out / "TRAINED_WITH.txt").read_text()
    release_pipeline()


@pytest.mark.skipif(not (MINI_LDM_DIR / "model_index.json").is_file(), reason="the mini latent diffusion model is not shipped yet")
def test_shipped_mini_ldm_draws_the_digit_it_is_asked_for():
    pipe = load_pipeline(MINI_LDM_DIR)
    accuracy = per_digit_accuracy(pipe, load_model(DIGITS_CLASSIFIER_PATH), per_digit=10, seed=100)
    release_pipeline()
    assert min(accuracy) >= 0.7 and sum(accuracy) / 10 >= 0.9, accuracy
