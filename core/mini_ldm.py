"""The gallery's mini latent diffusion model: Stable Diffusion's parts at digit scale, with `diffusers`' classes.

1. An `AutoencoderKL` compresses a digit drawn at 32x32 RGB (3,072 numbers) into a 4x8x8 latent (256
   numbers, 12x fewer) and back. It is trained on reconstruction with a very small KL weight, as
   Stable Diffusion's autoencoder is: the latent stays close to a Gaussian without losing detail.
2. A `UNet2DConditionModel` learns to denoise those latents (1,000-step DDPM schedule, noise
   prediction) with cross-attention on the mini CLIP's frozen text encoder: every caption's token
   embeddings are the keys and values its attention layers read. Captions are dropped 15% of the time,
   so one network learns both p(z | text) and p(z) and classifier-free guidance can mix them.
3. They are saved with the mini CLIP's tokenizer and a DDIM scheduler as a `StableDiffusionPipeline`
   folder that `core.pretrained.load_pipeline` opens offline, exactly like a real Stable Diffusion.

`MiniLDM` puts a loaded pipeline behind the gallery's `sample` contract (`shipped_mini_ldm()`).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import torch
from torch import Tensor
from torch.nn import functional as F

from core.assets import MINI_LDM_DIR
from core.data.images import load_digits
from core.loop import Progress, Trainer, recipe_command, run_recipe
from core.mini_clip import WORDS, attributes, caption
from core.pretrained import load_pipeline

# `diffusers` and `transformers` are imported inside the functions that use them: they are heavy
# optional libraries, and importing this module (for `to_digits`, `per_digit_accuracy`...) must stay instant.

IMAGE_SIZE = 32  # digits are upsampled 4x: big enough for a 4x smaller latent grid
DEFAULT_STEPS = 25
DEFAULT_GUIDANCE = 4.0
P_EMPTY = 0.15


def to_rgb32(images: Tensor) -> Tensor:
    """Returns digits `[N, 1, 8, 8]` in [0, 1] as the pipeline's images `[N, 3, 32, 32]` in [-1, 1] (smoothly upsampled)."""
    big = F.interpolate(images, size=(IMAGE_SIZE, IMAGE_SIZE), mode="bilinear", align_corners=False)
    return (big.expand(-1, 3, -1, -1) * 2 - 1).clamp(-1, 1)


def to_digits(images: Tensor) -> Tensor:
    """Returns pipeline images `[N, 3, 32, 32]` in [0, 1] as 8x8 grey digits `[N, 1, 8, 8]` for the digits classifier."""
    return F.adaptive_avg_pool2d(images.mean(1, keepdim=True), 8).clamp(0, 1)


def autoencoder(width: int = 32) -> Any:
    """Returns the mini `AutoencoderKL`: 3 resolutions (32, 16, 8), 4 latent channels."""
    from diffusers import AutoencoderKL

    return AutoencoderKL(
        in_channels=3,
        out_channels=3,
        latent_channels=4,
        block_out_channels=(width, 2 * width, 2 * width),
        down_block_types=("DownEncoderBlock2D",) * 3,
        up_block_types=("UpDecoderBlock2D",) * 3,
        layers_per_block=1,
        norm_num_groups=8,
        sample_size=IMAGE_SIZE,
    )


def denoiser(cross_attention_dim: int, width: int = 64) -> Any:
    """Returns the mini `UNet2DConditionModel` on 4x8x8 latents with cross-attention of `cross_attention_dim`."""
    from diffusers import UNet2DConditionModel

    return UNet2DConditionModel(
        sample_size=IMAGE_SIZE // 4,
        in_channels=4,
        out_channels=4,
        block_out_channels=(width, 2 * width),
        layers_per_block=1,
        down_block_types=("CrossAttnDownBlock2D", "DownBlock2D"),
        up_block_types=("UpBlock2D", "CrossAttnUpBlock2D"),
        cross_attention_dim=cross_attention_dim,
        attention_head_dim=8,
        norm_num_groups=16,
    )


def autoencoder_trainer(
    vae: Any, images: Tensor, *, batch_size: int = 64, lr: float = 1e-3, kl_weight: float = 1e-6, generator: torch.Generator | None = None
) -> Trainer:
    """Returns a `Trainer` of the autoencoder: squared error of reconstructions of sampled latents, plus a tiny KL."""
    optimizer = torch.optim.Adam(vae.parameters(), lr=lr)
    pixels = to_rgb32(images)

    def step() -> dict[str, float]:
        vae.train()
        batch = pixels[torch.randint(len(pixels), (batch_size,), generator=generator)]
        posterior = vae.encode(batch).latent_dist
        recon = vae.decode(posterior.sample(generator=generator)).sample
        mse = F.mse_loss(recon, batch)
        kl = posterior.kl().mean() / batch[0].numel()
        loss = mse + kl_weight * kl
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        return {"reconstruction": mse.item(), "kl": kl.item()}

    return Trainer(step)


@torch.no_grad()
def encode_latents(vae: Any, images: Tensor) -> Tensor:
    """Returns the latent means `[N, 4, 8, 8]` of digits `[N, 1, 8, 8]` (unscaled)."""
    vae.eval()
    return torch.cat([vae.encode(to_rgb32(chunk)).latent_dist.mean for chunk in images.split(256)])


@torch.no_grad()
def text_states(text_encoder: Any, tokenizer: Any, prompts: list[str]) -> Tensor:
    """Returns the text encoder's token states `[N, 32, D]` (padded to the tokenizer's limit, as the pipeline does)."""
    ids = tokenizer(prompts, padding="max_length", max_length=tokenizer.model_max_length, truncation=True, return_tensors="pt").input_ids
    return text_encoder(ids)[0]


def denoiser_trainer(
    unet: Any,
    latents: Tensor,
    captions: list[list[str]],
    text_encoder: Any,
    tokenizer: Any,
    *,
    batch_size: int = 64,
    lr: float = 5e-4,
    steps: int,
    seed: int = 0,
) -> Trainer:
    """Returns a `Trainer` of the U-Net: noise prediction on scaled latents `[N, 4, 8, 8]`, captions dropped `P_EMPTY` of the time."""
    from diffusers import DDPMScheduler

    scheduler = DDPMScheduler(num_train_timesteps=1000, beta_schedule="scaled_linear", beta_start=0.00085, beta_end=0.012)
    optimizer = torch.optim.AdamW(unet.parameters(), lr=lr, weight_decay=0.01)
    decay = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda i: max(0.05, 1 - i / max(steps, 1)))
    generator = torch.Generator().manual_seed(seed)
    rng = random.Random(seed)
    empty = text_states(text_encoder, tokenizer, [""])  # [1, 32, D]

    def step() -> dict[str, float]:
        unet.train()
        pick = torch.randint(len(latents), (batch_size,), generator=generator)
        prompts = [rng.choice(captions[i]) if rng.random() > P_EMPTY else "" for i in pick.tolist()]
        states = text_states(text_encoder, tokenizer, prompts)
        noise = torch.randn(latents[pick].shape, generator=generator)
        t = torch.randint(0, 1000, (batch_size,), generator=generator)
        noisy = scheduler.add_noise(latents[pick], noise, t)
        loss = F.mse_loss(unet(noisy, t, encoder_hidden_states=states).sample, noise)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        decay.step()
        return {"loss": loss.item()}

    trainer = Trainer(step)
    trainer.empty_states = empty  # type: ignore[attr-defined]
    trainer.scheduler = scheduler  # type: ignore[attr-defined]
    return trainer


def digit_prompts(lang: str = "en") -> list[str]:
    """Returns "a handwritten zero" ... "a handwritten nine" (or the Spanish captions)."""
    return [("a handwritten {d}" if lang == "en" else "un {d} escrito a mano").format(d=w) for w in WORDS[lang]]


class MiniLDM:
    """A text-to-image `StableDiffusionPipeline` of digits behind the gallery's `sample` contract."""

    def __init__(self, pipeline: Any):
        self.pipeline = pipeline

    @torch.no_grad()
    def sample(
        self,
        num_samples: int,
        *,
        generator: torch.Generator | None = None,
        labels: Tensor | None = None,
        lang: str = "en",
        num_steps: int = DEFAULT_STEPS,
        guidance: float = DEFAULT_GUIDANCE,
    ) -> Tensor:
        """Returns `num_samples` pictures `[N, 3, 32, 32]` in [0, 1] (`to_digits` makes them 8x8 digits): of the
        digits `labels` `[N]` (prompts "a handwritten <digit>" in `lang`), or from the empty prompt when `labels` is None."""
        if labels is not None and len(labels) != num_samples:
            raise ValueError(f"labels must hold one digit per sample ({num_samples}), got {len(labels)}")
        prompts = [""] * num_samples if labels is None else [digit_prompts(lang)[int(d)] for d in labels]
        return self.pipeline(
            prompts,
            num_inference_steps=num_steps,
            guidance_scale=guidance,
            height=IMAGE_SIZE,
            width=IMAGE_SIZE,
            output_type="pt",
            generator=generator,
        ).images


def shipped_mini_ldm() -> MiniLDM:
    """Returns the shipped mini latent diffusion pipeline (`core.assets.MINI_LDM_DIR`), ready to sample."""
    return MiniLDM(load_pipeline(MINI_LDM_DIR))


@torch.no_grad()
def per_digit_accuracy(
    pipeline: Any,
    classifier: torch.nn.Module,
    *,
    per_digit: int = 20,
    steps: int = DEFAULT_STEPS,
    guidance: float = DEFAULT_GUIDANCE,
    seed: int = 0,
    lang: str = "en",
) -> list[float]:
    """Returns, for each digit, the share of `per_digit` images generated from its prompt that the classifier reads as it."""
    out = []
    for label, prompt in enumerate(digit_prompts(lang)):
        images = pipeline(
            [prompt] * per_digit,
            num_inference_steps=steps,
            guidance_scale=guidance,
            height=IMAGE_SIZE,
            width=IMAGE_SIZE,
            output_type="pt",
            generator=torch.Generator().manual_seed(seed + label),
        ).images
        # nn.Module.__getattr__ types the classifier's own methods as Tensor | Module
        predicted = classifier.predict_proba(to_digits(images)).argmax(1)  # type: ignore[operator]
        out.append((predicted == label).float().mean().item())
    return out


def train_mini_ldm(
    out: str | Path,
    *,
    clip_dir: str | Path,
    classifier: torch.nn.Module,
    steps: int = 8000,
    vae_steps: int = 2000,
    seed: int = 0,
    vae_width: int = 16,
    unet_width: int = 32,
    per_digit: int = 20,
) -> Iterator[Progress]:
    """Trains the autoencoder, then the U-Net, saves the `StableDiffusionPipeline` folder in `out`, yields progress.

    The final report's metrics include `accuracy_<digit>` and `accuracy_mean`: `classifier`'s reading (the shipped
    digits classifier, `core.assets.classifier()`, for the shipped model) of `per_digit` images per prompt
    "a handwritten <digit>" at the default steps and guidance.
    """
    from diffusers import DDIMScheduler, StableDiffusionPipeline  # heavy optional libraries: lazy
    from transformers import CLIPModel, CLIPTextModel, CLIPTokenizer

    torch.manual_seed(seed)
    generator = torch.Generator().manual_seed(seed)
    images, labels = load_digits("train")
    clip = CLIPModel.from_pretrained(str(clip_dir), local_files_only=True, use_safetensors=True)
    tokenizer = CLIPTokenizer.from_pretrained(str(clip_dir))
    text_encoder = CLIPTextModel(clip.config.text_config)
    text_encoder.load_state_dict(clip.text_model.state_dict())
    text_encoder.eval().requires_grad_(False)

    vae = autoencoder(vae_width)
    vae_done = yield from run_recipe(autoencoder_trainer(vae, images, generator=generator), vae_steps, reports=10, label="autoencoder")
    yield vae_done  # the first stage's final report too: the second stage starts from zero
    latents = encode_latents(vae, images)
    scaling = float(1 / latents.std())
    vae.register_to_config(scaling_factor=scaling)
    rng = random.Random(seed)
    keys = attributes(images, labels)
    captions = [[caption(int(labels[i]), keys[i], rng) for _ in range(8)] for i in range(len(images))]

    unet = denoiser(text_encoder.config.hidden_size, unet_width)
    trainer = denoiser_trainer(unet, latents * scaling, captions, text_encoder, tokenizer, steps=steps, seed=seed)
    last = yield from run_recipe(trainer, steps, label="denoiser")
    scheduler = DDIMScheduler.from_config(trainer.scheduler.config, clip_sample=False, set_alpha_to_one=False, steps_offset=1)  # type: ignore[attr-defined]
    pipeline = StableDiffusionPipeline(
        vae=vae.eval(),
        text_encoder=text_encoder,
        tokenizer=tokenizer,
        unet=unet.eval(),
        scheduler=scheduler,
        safety_checker=None,
        feature_extractor=None,
        requires_safety_checker=False,
    )
    pipeline.set_progress_bar_config(disable=True)
    accuracy = per_digit_accuracy(pipeline, classifier, per_digit=per_digit, seed=seed)
    last.metrics.update({f"accuracy_{d}": a for d, a in enumerate(accuracy)})
    last.metrics["accuracy_mean"] = sum(accuracy) / len(accuracy)
    pipeline.save_pretrained(str(out), safe_serialization=True)
    Path(out, "TRAINED_WITH.txt").write_text(
        f"{recipe_command('mini-ldm', steps, seed)}\nclassifier-read accuracy per digit "
        f"({per_digit} images each, {DEFAULT_STEPS} DDIM steps, guidance {DEFAULT_GUIDANCE}): "
        + ", ".join(f"{d}: {a:.2f}" for d, a in enumerate(accuracy))
        + f"; mean {last.metrics['accuracy_mean']:.3f}\n",
        encoding="utf-8",
    )
    yield last
