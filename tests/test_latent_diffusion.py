"""Streaming a Stable Diffusion pipeline step by step, the autoencoder round trip and image-to-image, on a
tiny pipeline built here with the real `diffusers` classes (offline)."""

import threading

import pytest
import torch

from core.latent_diffusion import Final, Step, fit_image, image_to_image, round_trip, text_to_image_steps
from core.pretrained import load_pipeline, release_pipeline
from tests.test_pretrained import CAPTIONS, tiny_pipeline


@pytest.fixture(scope="module")
def pipe(tmp_path_factory):
    from core.pretrained import build_clip_tokenizer

    root = tmp_path_factory.mktemp("sd")
    build_clip_tokenizer(CAPTIONS, root / "tok")
    pipeline = load_pipeline(tiny_pipeline(root / "tok", root / "pipe", 0))
    yield pipeline
    release_pipeline()


def test_streamed_steps_are_the_pipeline_s_own_loop(pipe):
    items = list(text_to_image_steps(pipe, "a handwritten seven", steps=4, guidance=3.0, seed=5, height=16, width=16))
    steps, final = items[:-1], items[-1]
    assert [s.index for s in steps] == [1, 2, 3, 4] and all(isinstance(s, Step) and s.seconds >= 0 for s in steps)
    assert isinstance(final, Final) and final.image.shape == (3, 16, 16)
    assert torch.equal(steps[-1].latents, final.latents)
    reference = pipe(
        "a handwritten seven",
        num_inference_steps=4,
        guidance_scale=3.0,
        height=16,
        width=16,
        output_type="pt",
        generator=torch.Generator().manual_seed(5),
    ).images[0]
    assert torch.allclose(final.image, reference, atol=1e-5)  # the same images as calling the pipeline directly
    assert [s.timestep for s in steps] == pipe.scheduler.timesteps.tolist()


def test_closing_the_stream_interrupts_the_pipeline(pipe):
    before = threading.active_count()
    stream = text_to_image_steps(pipe, "a handwritten seven", steps=20, height=16, width=16)
    first = next(stream)
    assert first.index == 1
    stream.close()  # the consumer went away: the helper thread must end, not run 19 more steps in the background
    assert threading.active_count() <= before


def test_round_trip_reports_the_latent_and_the_compression(pipe):
    image = torch.rand(3, 40, 30)
    trip = round_trip(pipe, image, 16)
    assert trip.original.shape == trip.reconstruction.shape == (3, 16, 16)
    assert trip.latent.shape == (4, 8, 8) and trip.error.shape == (16, 16)
    assert trip.compression == pytest.approx(3 * 16 * 16 / (4 * 8 * 8))
    assert trip.mse == pytest.approx(float((trip.reconstruction - trip.original).pow(2).mean()))


def test_fit_image_crops_the_centre_and_makes_grey_rgb():
    grey = torch.zeros(1, 10, 20)
    grey[:, :, 5:15] = 1.0  # the centre square is white, the sides black
    out = fit_image(grey, 5)
    assert out.shape == (3, 5, 5) and torch.allclose(out, torch.ones(3, 5, 5))


def test_image_to_image_returns_an_image_of_the_asked_size(pipe):
    from diffusers import StableDiffusionImg2ImgPipeline

    sibling = StableDiffusionImg2ImgPipeline(**pipe.components)
    out = image_to_image(sibling, "a handwritten seven", torch.rand(1, 8, 8), strength=0.5, steps=4, size=16)
    assert out.shape == (3, 16, 16) and out.min() >= 0 and out.max() <= 1
