"""GAN losses, gradient penalty, clipping, mode metrics and the 2D GAN Lab, on small known cases."""

import math

import pytest
import torch

from core.checkpoint import load_model, save_checkpoint
from core.data.toy2d import DataError, make_toy, points_from_mask, ring_centers
from core.gan.lab2d import MLPGAN, GANLab, TrainSettings, config_for_data
from core.gan.losses import LOSSES, clip_weights, discriminator_loss, generator_loss, gradient_penalty
from core.metrics.modes import mode_coverage
from core.plane import bounds, plane_grid

REAL = torch.tensor([0.0, 2.0])
FAKE = torch.tensor([-1.0, 1.0])


def softplus(v: float) -> float:
    return math.log1p(math.exp(v))


@pytest.mark.parametrize(
    ("name", "d_expected", "g_expected"),
    [
        ("minimax", (softplus(0) + softplus(-2)) / 2 + (softplus(-1) + softplus(1)) / 2, -(softplus(-1) + softplus(1)) / 2),
        ("non_saturating", (softplus(0) + softplus(-2)) / 2 + (softplus(-1) + softplus(1)) / 2, (softplus(1) + softplus(-1)) / 2),
        ("wasserstein", 0.0 - 1.0, -0.0),
        ("wgan_gp", 0.0 - 1.0, -0.0),
        ("least_squares", 0.5 * (1 + 1) / 2 + 0.5 * (1 + 1) / 2, 0.5 * (4 + 0) / 2),
        ("hinge", (1 + 0) / 2 + (0 + 2) / 2, -0.0),
    ],
)
def test_losses_against_hand_computed_values(name, d_expected, g_expected):
    assert discriminator_loss(name, REAL, FAKE).item() == pytest.approx(d_expected, rel=1e-6)
    assert generator_loss(name, FAKE).item() == pytest.approx(g_expected, abs=1e-7)


def test_the_saturating_loss_gives_no_gradient_where_the_non_saturating_one_does():
    fake = torch.tensor([-10.0], requires_grad=True)  # D is sure this sample is fake
    (g_minimax,) = torch.autograd.grad(generator_loss("minimax", fake), fake)
    (g_non_sat,) = torch.autograd.grad(generator_loss("non_saturating", fake), fake)
    assert abs(g_minimax.item()) < 1e-4
    assert g_non_sat.item() == pytest.approx(-1.0, abs=1e-4)


def test_unknown_loss():
    with pytest.raises(ValueError, match="unknown loss"):
        discriminator_loss("bogus", REAL, FAKE)


def test_gradient_penalty_matches_finite_differences():
    torch.manual_seed(0)
    critic_net = torch.nn.Sequential(torch.nn.Linear(2, 16), torch.nn.Tanh(), torch.nn.Linear(16, 1)).double()

    def critic(x):
        return critic_net(x).squeeze(-1)

    real, fake = torch.randn(6, 2, dtype=torch.float64), torch.randn(6, 2, dtype=torch.float64)
    penalty = gradient_penalty(critic, real, fake, generator=torch.Generator().manual_seed(3))
    t = torch.rand(6, 1, generator=torch.Generator().manual_seed(3), dtype=torch.float32).double()
    x_hat = t * real + (1 - t) * fake
    eps = 1e-6
    grads = torch.stack([(critic(x_hat + eps * e) - critic(x_hat - eps * e)) / (2 * eps) for e in torch.eye(2, dtype=torch.float64)], dim=1)
    expected = ((grads.norm(dim=1) - 1) ** 2).mean()
    assert penalty.item() == pytest.approx(expected.item(), rel=1e-5)


def lab_on(dataset="ring", loss="non_saturating", seed=0, width=32, **settings):
    generator = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed)
    data = make_toy(dataset, 4000, generator=generator)
    model = MLPGAN(config_for_data(data.points, g_width=width, d_width=width))
    return GANLab(model, data.points, TrainSettings(loss=loss, **settings), generator=generator), data


def test_weight_clipping_holds_after_every_critic_step():
    lab, _ = lab_on(loss="wasserstein", clip=0.01, d_lr=0.05)
    for _ in range(5):
        lab.step_d()
        assert max(p.abs().max().item() for p in lab.model.discriminator.parameters()) <= 0.01 + 1e-9
    clip_weights(lab.model.generator, 0.5)
    assert max(p.abs().max().item() for p in lab.model.generator.parameters()) <= 0.5


@pytest.mark.parametrize("loss", LOSSES)
def test_d_steps_freeze_g_and_g_steps_freeze_d(loss):
    lab, _ = lab_on(loss=loss)
    g_before = [p.clone() for p in lab.model.generator.parameters()]
    d_before = [p.clone() for p in lab.model.discriminator.parameters()]
    lab.step_d()
    assert all(torch.equal(a, b) for a, b in zip(g_before, lab.model.generator.parameters(), strict=True))
    assert not all(torch.equal(a, b) for a, b in zip(d_before, lab.model.discriminator.parameters(), strict=True))
    d_now = [p.clone() for p in lab.model.discriminator.parameters()]
    lab.step_g()
    assert all(torch.equal(a, b) for a, b in zip(d_now, lab.model.discriminator.parameters(), strict=True))
    assert lab.d_steps_done == 1 and lab.g_steps_done == 1 and lab.iterations == 2
    assert all(math.isfinite(v) for v in lab.last.values())
    assert {"d_loss", "g_loss", "d_acc_real", "d_acc_fake", "g_grad_norm"} <= set(lab.history)


def test_d_steps_per_g_step_and_linear_schedule():
    lab, _ = lab_on(d_steps=3, schedule="linear", budget=10)
    lab.step()
    assert lab.d_steps_done == 3 and lab.g_steps_done == 1
    assert lab.lr_factor() == pytest.approx(0.9)
    assert lab.g_opt.param_groups[0]["lr"] == pytest.approx(lab.settings.g_lr * 0.9, rel=1e-6) or lab.g_steps_done == 1


def test_perfect_sampler_captures_every_mode_with_98_9_percent_high_quality():
    data = make_toy("ring", 100_000, generator=torch.Generator().manual_seed(0))
    mc = mode_coverage(data.points, data.centers, data.std)
    assert mc.modes_captured == 8
    assert mc.high_quality == pytest.approx(1 - math.exp(-4.5), abs=0.002)  # P(chi2_2 <= 9) = 98.89%
    assert mc.reverse_kl < 1e-3


def test_all_samples_on_one_mode():
    samples = ring_centers()[3].expand(500, 2) + 0.001 * torch.randn(500, 2, generator=torch.Generator().manual_seed(0))
    mc = mode_coverage(samples, ring_centers(), 0.01)
    assert mc.modes_captured == 1 and mc.high_quality == 1.0
    assert mc.reverse_kl == pytest.approx(math.log(8))
    assert mc.counts[3] == 500


def test_no_high_quality_sample_and_nan_samples():
    mc = mode_coverage(torch.full((10, 2), 5.0), ring_centers(), 0.01)
    assert mc.modes_captured == 0 and mc.high_quality == 0.0 and math.isinf(mc.reverse_kl)
    nan = mode_coverage(torch.tensor([[float("nan"), 0.0], [1.0, 0.0]]), ring_centers(), 0.01)
    assert nan.modes_captured == 1 and nan.high_quality == 0.5


def test_a_short_training_run_improves_coverage():
    lab, data = lab_on(loss="non_saturating", width=128)

    def coverage():  # a loose threshold (10 std) suits a run this short
        return mode_coverage(lab.model.sample(2500, generator=torch.Generator().manual_seed(7)), data.centers, data.std, threshold=10)

    before = coverage()
    for _ in range(800):
        lab.step()
    after = coverage()
    assert before.modes_captured <= 2 and before.high_quality < 0.05
    assert after.modes_captured == 8 and after.high_quality > 0.5


def test_snapshot_arrows_point_to_where_d_says_real():
    lab, data = lab_on()
    for _ in range(50):
        lab.step_d()
    grid = plane_grid(bounds(data.points), 20)
    snap = lab.snapshot(grid, num_fake=64)
    assert snap.real.shape == (400, 2) and snap.fake.shape == (64, 2) and snap.fake_grad.shape == (64, 2)
    assert snap.d_values.shape == (20, 20) and (snap.d_values >= 0).all() and (snap.d_values <= 1).all()
    assert snap.manifold.shape == (15, 15, 2)
    with torch.no_grad():
        step = 1e-3 * snap.fake_grad / snap.fake_grad.norm(dim=1, keepdim=True).clamp_min(1e-12)
        gain = lab.model.discriminate(snap.fake + step) - lab.model.discriminate(snap.fake)
    assert (gain > 0).float().mean() > 0.9


def test_gan2d_checkpoint_round_trip_samples_the_same(tmp_path):
    lab, _ = lab_on()
    path = save_checkpoint(lab.model, tmp_path / "g.safetensors")
    loaded = load_model(path)
    a = lab.model.sample(5, generator=torch.Generator().manual_seed(1))
    b = loaded.sample(5, generator=torch.Generator().manual_seed(1))
    assert torch.equal(a, b) and a.shape == (5, 2)


def test_points_from_a_drawing():
    mask = torch.zeros(100, 100, dtype=torch.bool)
    mask[10:20, 80:90] = True  # top right corner of the canvas
    data = points_from_mask(mask, 500, generator=torch.Generator().manual_seed(0))
    assert data.points.shape == (500, 2)
    assert (data.points[:, 0] > 1.1).all() and (data.points[:, 0] < 1.65).all()
    assert (data.points[:, 1] > 1.15).all() and (data.points[:, 1] < 1.65).all()
    with pytest.raises(DataError):
        points_from_mask(torch.zeros(10, 10, dtype=torch.bool), 10)
