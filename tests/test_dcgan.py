"""The DCGAN on digits: its trainer at tiny scale, sampling, latent interpolation, the shipped checkpoint."""

import copy
import math
import re

import pytest
import torch

from core.assets import DCGAN_PATH, DIGITS_CLASSIFIER_PATH
from core.checkpoint import MODEL_REGISTRY, load_model, read_checkpoint
from core.classifier import judge_digits
from core.gan.dcgan import DCGAN, DCGANConfig, dcgan_trainer, interpolate_latents, train_dcgan
from core.loop import run_to_end, update_average

TINY = DCGANConfig(noise_dim=4, g_channels=(8, 8, 4), d_channels=(4, 4, 8))


@pytest.fixture(autouse=True)
def registered(monkeypatch):
    """The registry entry the checkpoint needs (a no-op once core/checkpoint.py lists it)."""
    monkeypatch.setitem(MODEL_REGISTRY, "dcgan_digits", "core.gan.dcgan:DCGAN")


def tiny_digits(n=64):
    torch.manual_seed(0)
    return torch.rand(n, 1, 8, 8)


def test_trainer_at_tiny_scale_updates_both_networks_with_finite_metrics():
    torch.manual_seed(0)
    model = DCGAN(TINY)
    before = {k: v.clone() for k, v in model.state_dict().items()}
    final = run_to_end(dcgan_trainer(model, tiny_digits(), batch_size=16, generator=torch.Generator().manual_seed(0)), 30)
    assert final.step == 30 and set(final.metrics) == {"d_loss", "g_loss", "d_acc_real", "d_acc_fake"}
    assert all(math.isfinite(v) for v in final.metrics.values())
    assert 0 <= final.metrics["d_acc_real"] <= 1 and 0 <= final.metrics["d_acc_fake"] <= 1
    assert len(final.history["d_loss"]) == 30
    after = model.state_dict()
    assert not torch.equal(before["generator.up.0.weight"], after["generator.up.0.weight"])
    assert not torch.equal(before["discriminator.net.0.weight"], after["discriminator.net.0.weight"])
    assert final.preview.shape == (16, 1, 8, 8)


def test_the_average_generator_follows_the_trained_one():
    torch.manual_seed(0)
    model = DCGAN(TINY)
    average = copy.deepcopy(model.generator)
    start = average.up[0].weight.clone()
    run_to_end(dcgan_trainer(model, tiny_digits(), batch_size=16, average=average, generator=torch.Generator().manual_seed(0)), 30)
    trained, averaged = model.generator.up[0].weight, average.up[0].weight
    assert not torch.equal(averaged, start) and not torch.equal(averaged, trained)


def test_update_average_moves_weights_and_batch_norm_statistics():
    average, model = torch.nn.BatchNorm1d(3), torch.nn.BatchNorm1d(3)
    with torch.no_grad():
        model.weight.fill_(3.0)  # the average's weight is 1
    model.running_mean.fill_(1.0)  # the average's is 0
    model.num_batches_tracked += 5
    update_average(average, model, decay=0.75)
    assert torch.allclose(average.weight, torch.full((3,), 1.5))
    assert torch.allclose(average.running_mean, torch.full((3,), 0.25)) and average.num_batches_tracked == 5


def test_trainer_is_reproducible_under_a_seeded_generator():
    def run():
        torch.manual_seed(0)
        model = DCGAN(TINY)
        return run_to_end(dcgan_trainer(model, tiny_digits(), batch_size=8, generator=torch.Generator().manual_seed(3)), 5).metrics

    assert run() == run()


def test_sample_shape_range_and_determinism():
    torch.manual_seed(0)
    model = DCGAN(TINY)
    model.train()
    images = model.sample(5, generator=torch.Generator().manual_seed(7))
    assert images.shape == (5, 1, 8, 8) and images.min() >= 0 and images.max() <= 1
    assert torch.equal(images, model.sample(5, generator=torch.Generator().manual_seed(7)))
    assert not torch.equal(images, model.sample(5, generator=torch.Generator().manual_seed(8)))
    assert model.training  # decode uses eval mode for itself and leaves the model as it was
    z = model.noise(3, generator=torch.Generator().manual_seed(1))
    assert z.shape == (3, 4)
    assert torch.equal(model.decode(z)[1], model.decode(z[1:2])[0])  # eval mode: a sample ignores its batch
    assert torch.equal(model.sample(3, noise=z), model.decode(z))
    with pytest.raises(ValueError, match="num_samples"):
        model.sample(2, noise=z)


def test_interpolation_endpoints_midpoint_and_norm():
    g = torch.Generator().manual_seed(0)
    z0, z1 = torch.randn(16, generator=g), torch.randn(16, generator=g)
    for mode in ("linear", "spherical"):
        path = interpolate_latents(z0, z1, 7, mode=mode)
        assert path.shape == (7, 16)
        assert torch.equal(path[0], z0) and torch.equal(path[-1], z1)
    linear = interpolate_latents(z0, z1, 5, mode="linear")
    assert torch.allclose(linear[2], (z0 + z1) / 2)
    z1 = z1 * z0.norm() / z1.norm()  # equal norms: slerp stays on the sphere, lerp cuts inside it
    spherical = interpolate_latents(z0, z1, 9, mode="spherical")
    assert torch.allclose(spherical.norm(dim=1), z0.norm().expand(9), rtol=1e-5)
    assert interpolate_latents(z0, z1, 9, mode="linear")[4].norm() < 0.9 * z0.norm()
    angles = torch.arccos((spherical[:-1] * spherical[1:]).sum(1) / z0.norm() ** 2)
    assert torch.allclose(angles, angles.mean().expand(8), atol=1e-3)  # constant angular speed


def test_interpolation_falls_back_to_linear_for_parallel_vectors_and_checks_input():
    z0 = torch.tensor([1.0, 2.0, 3.0])
    assert torch.allclose(interpolate_latents(z0, 2 * z0, 4, mode="spherical"), interpolate_latents(z0, 2 * z0, 4, mode="linear"))
    with pytest.raises(ValueError, match="linear"):
        interpolate_latents(z0, z0, 4, mode="cubic")
    with pytest.raises(ValueError, match="steps"):
        interpolate_latents(z0, z0, 1, mode="linear")
    model = DCGAN(TINY)
    assert model.interpolate(torch.zeros(4), torch.ones(4), 3, mode="linear")[1].tolist() == [0.5] * 4


def test_judge_digits_on_real_digits():
    from core.data.images import load_digits

    images, _ = load_digits("test")
    verdict = judge_digits(load_model(DIGITS_CLASSIFIER_PATH), images)
    assert verdict["class_kl"] < 0.01 and verdict["confident_share"] > 0.85  # the split is balanced and legible
    collapsed = judge_digits(load_model(DIGITS_CLASSIFIER_PATH), images[:1].repeat(50, 1, 1, 1))
    assert collapsed["class_kl"] == pytest.approx(math.log(10))  # one class only


def test_training_recipe_at_tiny_scale_writes_a_loadable_checkpoint(tmp_path):
    out = tmp_path / "tiny.safetensors"
    reports = list(train_dcgan(out, classifier=load_model(DIGITS_CLASSIFIER_PATH), steps=20, seed=1, config=TINY))
    assert reports[-1].done and reports[-1].step == 20
    assert {"class_kl", "confident_share", "d_loss"} <= set(reports[-1].metrics)
    model = load_model(out)
    assert isinstance(model, DCGAN) and model.config == TINY
    _, metadata = read_checkpoint(out)
    assert metadata["command"] == "python -m core.retrain dcgan-digits --steps 20 --seed 1"
    assert float(metadata["class_kl"]) == pytest.approx(reports[-1].metrics["class_kl"], abs=1e-4)


def test_shipped_checkpoint_generates_balanced_legible_digits():
    model = load_model(DCGAN_PATH)
    _, metadata = read_checkpoint(DCGAN_PATH)
    assert re.fullmatch(r"python -m core\.retrain dcgan-digits --steps \d+ --seed \d+", metadata["command"])
    assert DCGAN_PATH.stat().st_size < 2_000_000
    samples = model.sample(2000, generator=torch.Generator().manual_seed(0))
    assert samples.shape == (2000, 1, 8, 8) and samples.min() >= 0 and samples.max() <= 1
    verdict = judge_digits(load_model(DIGITS_CLASSIFIER_PATH), samples)
    assert verdict["class_kl"] <= float(metadata["class_kl"]) + 0.03
    assert verdict["confident_share"] >= float(metadata["confident_share"]) - 0.05
