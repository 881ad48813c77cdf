"""The denoisers: the U-Net's shape and diagram, diffusers' pipeline around it, training and guidance."""

import pytest
import torch
from diffusers import DDPMPipeline, DDPMScheduler

from core.checkpoint import load_model, read_checkpoint
from core.data.toy2d import make_toy
from core.diffusion.ddpm import diffusion_trainer, guided, sample, sample_steps
from core.diffusion.digits import to_image, to_model, train_digits_unet
from core.diffusion.schedule import PREDICTION_SHORT_NAMES, NoiseSchedule
from core.diffusion.toy import ToyConfig, ToyDenoiser
from core.diffusion.unet import UNet, UNetConfig, describe_unet, timestep_embedding
from core.loop import run_to_end
from core.metrics.modes import diversity, mode_coverage

TINY = UNetConfig(channels=(8, 16, 16), time_dim=16)


def test_timestep_embedding_by_hand():
    emb = timestep_embedding(torch.tensor([0, 3]), 4)
    # frequencies 1 and 1/100 for dim 4: [cos(t), cos(t/100), sin(t), sin(t/100)]
    expected = torch.tensor(
        [
            [1, 1, 0, 0],
            [torch.cos(torch.tensor(3.0)), torch.cos(torch.tensor(0.03)), torch.sin(torch.tensor(3.0)), torch.sin(torch.tensor(0.03))],
        ]
    )
    assert torch.allclose(emb, expected, atol=1e-6)


def test_unet_shapes_and_its_diagram():
    torch.manual_seed(0)
    model = UNet(TINY)
    out = model(torch.randn(5, 1, 8, 8), torch.arange(5), torch.tensor([0, 1, 2, 3, 10])).sample
    assert out.shape == (5, 1, 8, 8)
    stages = describe_unet(model)
    assert [s["resolution"] for s in stages] == [8, 8, 4, 4, 2, 2, 2, 2, 4, 4, 8, 8, 8]
    ups = [s for s in stages if s["kind"] == "up"]
    assert [s["skip_from"] for s in ups] == ["down2", "down1", "down0"]
    assert [s["in_channels"] for s in ups] == [32, 32, 24]  # previous level + the skip's channels
    assert all(s["time"] == (s["kind"] in {"down", "mid", "up"}) for s in stages)
    outside = [model.time_mlp, model.class_embedding, model.norm_out]  # the embeddings and the final norm are not stages
    assert sum(s["params"] for s in stages) + sum(p.numel() for m in outside for p in m.parameters()) == sum(
        p.numel() for p in model.parameters()
    )


def test_the_unet_runs_inside_diffusers_pipeline_and_matches_our_loop():
    torch.manual_seed(0)
    model = UNet(UNetConfig(channels=(8, 16, 16), time_dim=16, num_classes=0)).eval()
    scheduler = DDPMScheduler(num_train_timesteps=1000, clip_sample=False)
    pipeline = DDPMPipeline(unet=model, scheduler=scheduler)
    theirs = pipeline(batch_size=2, num_inference_steps=20, generator=torch.Generator().manual_seed(3), output_type="np").images
    ours = sample(
        model, NoiseSchedule.named("linear"), "epsilon", (2, 1, 8, 8), sampler="ddpm", steps=20, generator=torch.Generator().manual_seed(3)
    )
    ours_image = to_image(ours).permute(0, 2, 3, 1).numpy()
    assert theirs.shape == ours_image.shape == (2, 8, 8, 1)
    assert abs(theirs - ours_image).max() < 1e-5


def test_guidance_mixes_the_conditional_and_unconditional_outputs():
    torch.manual_seed(0)
    model = UNet(TINY).eval()
    x, labels = torch.randn(3, 1, 8, 8), torch.tensor([1, 4, 7])
    with torch.no_grad():
        cond = model(x, 10, labels).sample
        uncond = model(x, 10, torch.full((3,), 10)).sample
        assert torch.allclose(guided(model, x, 10, labels, 1.0), cond, atol=1e-6)
        assert torch.allclose(guided(model, x, 10, labels, 0.0), uncond, atol=1e-5)
        assert torch.allclose(guided(model, x, 10, labels, 3.0), uncond + 3 * (cond - uncond), atol=1e-5)


def test_sampling_streams_every_step():
    torch.manual_seed(0)
    model = UNet(TINY)
    steps = list(
        sample_steps(model, NoiseSchedule.named("linear"), "epsilon", (2, 1, 8, 8), steps=10, generator=torch.Generator().manual_seed(0))
    )
    assert [s.index for s in steps] == list(range(1, 11)) and steps[-1].timestep == 0
    assert all(s.sample.shape == s.pred_x0.shape == (2, 1, 8, 8) for s in steps)


def test_a_tiny_2d_model_learns_and_moves_samples_towards_the_modes():
    generator = torch.Generator().manual_seed(0)
    data = make_toy("ring", 4000, generator=generator)
    torch.manual_seed(0)
    config = ToyConfig(width=64, depth=3)
    model = ToyDenoiser(config)
    schedule = NoiseSchedule.named("linear", config.num_train_timesteps)

    def coverage():
        points = sample(model, schedule, "epsilon", (2500, 2), steps=100, sampler="ddpm", generator=torch.Generator().manual_seed(1))
        return mode_coverage(points, data.centers, data.std), points

    before, _ = coverage()
    final = run_to_end(
        diffusion_trainer(model, data.points, schedule, "epsilon", batch_size=256, lr=3e-3, decay_steps=2000, generator=generator), 2000
    )
    losses = final.history["loss"]
    assert sum(losses[-50:]) < 0.85 * sum(losses[:50])  # the eps loss has a high floor: at large t the noise is unpredictable
    after, points = coverage()
    distance = lambda p: torch.cdist(p, data.centers).min(1).values.median().item()  # noqa: E731
    assert after.modes_captured >= before.modes_captured + 4  # samples now land within 3 std of most modes
    assert distance(points) < 0.9 * distance(torch.randn(2500, 2, generator=torch.Generator().manual_seed(1)))


def test_scaling_round_trips():
    images = torch.rand(4, 1, 8, 8)
    assert torch.allclose(to_image(to_model(images)), images)


def test_training_recipe_at_tiny_scale(tmp_path):
    out = tmp_path / "unet.safetensors"
    reports = list(
        train_digits_unet(
            out,
            prediction="v_prediction",
            steps=20,
            seed=1,
            config=UNetConfig(channels=(8, 16, 16), time_dim=16, prediction="v_prediction"),
            evaluate=False,
        )
    )
    assert reports[-1].done and reports[-1].step == 20
    model = load_model(out)
    assert model.config.prediction == "v_prediction" and model.config.channels == (8, 16, 16)
    assert read_checkpoint(out)[1]["command"] == "python -m core.retrain diffusion-digits-v --steps 20 --seed 1"


def test_diversity_by_hand():
    same = torch.ones(4, 1, 2, 2)
    assert diversity(same) == 0.0
    pair = torch.stack([torch.zeros(1, 2, 2), torch.ones(1, 2, 2)])  # distance sqrt(4) = 2 between the two
    assert diversity(pair) == pytest.approx(2.0)


@pytest.mark.parametrize("prediction", ["epsilon", "sample", "v_prediction"])
def test_shipped_unets_load_and_meet_their_recorded_quality(prediction):
    """Each shipped U-Net loads through the checkpoint contract and, on a smaller sample, reproduces the
    conditional accuracy stored in it (within sampling error)."""
    import re

    from core.assets import DIFFUSION_PATHS, DIGITS_CLASSIFIER_PATH
    from core.diffusion.digits import evaluate_digits

    path = DIFFUSION_PATHS[prediction]
    model = load_model(path)
    metadata = read_checkpoint(path)[1]
    name = PREDICTION_SHORT_NAMES[prediction]
    assert re.fullmatch(rf"python -m core\.retrain diffusion-digits-{name} --steps \d+ --seed \d+", metadata["command"])
    assert model.config.prediction == prediction
    figures = evaluate_digits(model, load_model(DIGITS_CLASSIFIER_PATH), seed=7, per_class=10, unconditional=500)
    assert figures["conditional_accuracy"] >= float(metadata["conditional_accuracy"]) - 0.1
    assert figures["unconditional_class_kl"] <= float(metadata["unconditional_class_kl"]) + 0.1
