"""The trilemma comparison's parts: the denoising diffusion GAN, the 2D VAE, MLPGAN on any dimension,
and the comparison's measurements, summaries and claims (tiny budgets; no timing limits)."""

import math

import numpy as np
import pytest
import torch

from core.autoencoders import Autoencoder, AutoencoderConfig
from core.checkpoint import load_model, save_checkpoint
from core.diffusion.ddgan import DDGAN, DDGANConfig, ddgan_alphas_cumprod, ddgan_config_for_data, train_ddgan
from core.gan.lab2d import MLPGAN, config_for_data
from core.trilemma import MODELS, QUICK, UNITS, jobs, measure_2d, summarise


def paper_alpha_bars(num_steps: int, beta_min: float = 0.1, beta_max: float = 20.0) -> np.ndarray:
    """The DDGAN authors' `get_sigma_schedule` (NumPy transcription): alpha_bar_t as the square of the cumulative a_s."""
    eps_small = 1e-3
    t = np.arange(0, num_steps + 1, dtype=np.float64) / num_steps
    t = t * (1.0 - eps_small) + eps_small
    log_mean_coeff = -0.25 * t**2 * (beta_max - beta_min) - 0.5 * t * beta_min
    alpha_bars = 1.0 - (1.0 - np.exp(2.0 * log_mean_coeff))
    betas = np.concatenate([[1e-8], 1 - alpha_bars[1:] / alpha_bars[:-1]])
    return np.cumprod(np.sqrt(1 - betas)) ** 2


@pytest.mark.parametrize("num_steps", [1, 2, 4, 8])
def test_ddgan_schedule_matches_the_papers_code(num_steps):
    ours = ddgan_alphas_cumprod(num_steps).numpy()
    np.testing.assert_allclose(ours, paper_alpha_bars(num_steps), rtol=1e-7, atol=1e-12)
    assert ours[0] == 1.0 and np.all(np.diff(ours) < 0)
    assert ours[-1] < 5e-5  # x_T is pure noise whatever T


def test_ddgan_posterior_is_gaussian_conditioning_of_the_forward_pair():
    """q(x_{t-1} | x_t, x_0) against the conditional of the joint Gaussian (x_{t-1}, x_t) given x_0, worked by hand."""
    model = DDGAN(DDGANConfig(data_dim=1, num_steps=4))
    ab = model.alphas_cumprod.double()
    x0, x_t = torch.tensor([[0.7]]), torch.tensor([[-0.3]])
    for t in range(1, 5):
        mean, var = model.posterior_mean_var(x0, x_t, torch.tensor([t]))
        ab_prev, alpha = ab[t - 1].item(), (ab[t] / ab[t - 1]).item()
        mu1, s11 = math.sqrt(ab_prev) * 0.7, 1 - ab_prev  # x_{t-1} | x_0
        mu2, s22, s12 = math.sqrt(alpha) * mu1, alpha * s11 + (1 - alpha), math.sqrt(alpha) * s11  # x_t | x_0
        assert mean.item() == pytest.approx(mu1 + s12 / s22 * (-0.3 - mu2), abs=1e-5)
        assert var.item() == pytest.approx(s11 - s12**2 / s22, abs=1e-6)
    mean, var = model.posterior_mean_var(x0, x_t, torch.tensor([1]))
    assert mean.item() == pytest.approx(0.7, abs=1e-6) and var.item() == pytest.approx(0.0, abs=1e-7)  # the last step lands on x_0


def test_ddgan_forward_pair_has_the_closed_form_marginals():
    model = DDGAN(DDGANConfig(data_dim=1, num_steps=4))
    x0 = torch.full((200_000, 1), 1.5)
    gen = torch.Generator().manual_seed(0)
    for t in (1, 3, 4):
        x_prev, x_t = model.forward_pair(x0, torch.full((len(x0),), t), generator=gen)
        ab = model.alphas_cumprod[t].item()
        assert x_t.mean().item() == pytest.approx(math.sqrt(ab) * 1.5, abs=0.01)
        assert x_t.var().item() == pytest.approx(1 - ab, abs=0.01)
        assert x_prev.mean().item() == pytest.approx(math.sqrt(model.alphas_cumprod[t - 1].item()) * 1.5, abs=0.01)


def test_ddgan_learns_a_single_gaussian_and_round_trips(tmp_path):
    """Known answer: trained on N((3, -1), 0.5^2 I), its samples have about that mean and spread."""
    data = torch.tensor([3.0, -1.0]) + 0.5 * torch.randn(5000, 2, generator=torch.Generator().manual_seed(0))
    model = train_ddgan(data, steps=3000, seed=0, num_steps=2, width=64, depth=2)
    samples = model.sample(4000, generator=torch.Generator().manual_seed(1))
    assert samples.shape == (4000, 2) and torch.isfinite(samples).all()
    np.testing.assert_allclose(samples.mean(0).numpy(), [3.0, -1.0], atol=0.1)
    np.testing.assert_allclose(samples.std(0).numpy(), [0.5, 0.5], atol=0.08)
    path = save_checkpoint(model, tmp_path / "ddgan.safetensors")
    again = load_model(path)
    assert torch.equal(
        again.sample(10, generator=torch.Generator().manual_seed(2)), model.sample(10, generator=torch.Generator().manual_seed(2))
    )


def test_ddgan_config_standardises_any_dimension():
    data = torch.rand(100, 64) * 3 + 1
    config = ddgan_config_for_data(data, num_steps=2)
    assert config.data_dim == 64 and len(config.data_shift) == 64 and config.num_steps == 2
    assert DDGAN(config).sample(5).shape == (5, 64)


def test_gaussian_vae_loss_is_the_normal_negative_log_likelihood_plus_kl():
    model = Autoencoder(AutoencoderConfig(kind="vae", latent_dim=2, hidden=(8,), image_shape=(2,), likelihood="gaussian"))
    with torch.no_grad():
        model.log_sigma.fill_(math.log(0.3))
    points = torch.randn(7, 2)
    noise = torch.randn(7, 2, generator=torch.Generator().manual_seed(3))
    terms = model.loss(points, generator=torch.Generator().manual_seed(3))
    z_mean, log_var = model.encode(points)
    z = z_mean + torch.exp(0.5 * log_var) * noise
    nll = -torch.distributions.Normal(model.decode_raw(z), 0.3).log_prob(points).sum(1).mean()
    assert terms["reconstruction"].item() == pytest.approx(nll.item(), rel=1e-5)
    assert model.sample(4).shape == (4, 2)  # points, not sigmoid pixels: any real value
    assert Autoencoder(AutoencoderConfig()).sample(2).shape == (2, 1, 8, 8)  # the digits' default is unchanged


def test_gan2d_trains_on_any_dimension_and_round_trips(tmp_path):
    data = torch.rand(50, 64)
    model = MLPGAN(config_for_data(data))
    assert model.config.data_dim == 64 and model.sample(3).shape == (3, 64)
    again = load_model(save_checkpoint(model, tmp_path / "g.safetensors"))
    assert again.config.data_dim == 64 and torch.equal(again.shift, model.shift)
    assert MLPGAN(config_for_data(torch.randn(10, 2))).sample(2).shape == (2, 2)


def test_measure_2d_knows_real_data_from_a_collapsed_sampler():
    from core.data.toy2d import make_toy

    real = make_toy("ring", 2500, generator=torch.Generator().manual_seed(9)).points
    good = measure_2d("ring", real, 0)
    assert good["modes"] == 8 and good["high_quality"] > 0.98 and good["reverse_kl"] < 0.01
    assert good["precision"] > 0.9 and good["recall"] > 0.9
    collapsed = real[:1].repeat(2500, 1) + 0.001 * torch.randn(2500, 2)
    bad = measure_2d("ring", collapsed, 0)
    assert bad["modes"] == 1 and bad["reverse_kl"] == pytest.approx(math.log(8), abs=1e-6)
    assert bad["recall"] < 0.2 and bad["precision"] > 0.9  # sharp, but one mode: quality without coverage


def test_summarise_gives_mean_and_population_spread():
    runs = [
        {
            "dataset": "ring",
            "model": "gan",
            "family": "gan",
            "nfe": 1,
            "seed": s,
            "seed_kind": "training",
            "precision": p,
            "recall": 0.5,
            "ms_per_sample": 1.0,
        }
        for s, p in enumerate([0.2, 0.4, 0.9])
    ]
    (row,) = summarise(runs)
    assert row["precision"] == pytest.approx(0.5) and row["precision_std"] == pytest.approx(np.std([0.2, 0.4, 0.9]))
    assert row["recall_std"] == 0.0 and row["seeds"] == 3 and "fid" not in row


def test_jobs_cover_every_unit_once_per_seed_and_skip_the_second_ddgan_on_digits():
    todo = list(jobs(QUICK, seeds=3))
    assert len(todo) == (len(UNITS) * 3 - 1) * 3
    assert ("ddgan_2", "digits", 0, QUICK) not in todo and ("ddgan_4", "digits", 2, QUICK) in todo
    assert todo[0][0] == "wgan_gp"  # slowest first
    assert {m for unit in UNITS.values() for m in unit} == set(MODELS)


def test_claims_follow_the_numbers():
    from benchmarks.trilemma import claims

    rows = [
        {"dataset": "ring", "model": "gan", "ms_per_sample": 0.001, "precision": 0.9, "recall": 0.3},
        {"dataset": "ring", "model": "vae", "ms_per_sample": 0.001, "precision": 0.2, "recall": 0.8},
        {"dataset": "ring", "model": "ddpm_1000", "ms_per_sample": 5.0, "precision": 0.95, "recall": 0.9},
        {"dataset": "ring", "model": "ddgan_4", "ms_per_sample": 0.2, "precision": 0.5, "recall": 0.9},
    ]
    checked = claims(rows)
    verdict = {c["claim"]: c["holds"] for c in checked}
    assert verdict == {"gan_fast": True, "diffusion_covers": True, "vae_blurry": True, "ddgan_fast": False, "ddgan_good": False}
    values = {c["claim"]: c["values"] for c in checked}
    assert values["gan_fast"]["ratio"] == pytest.approx(5000) and values["ddgan_fast"]["ratio"] == pytest.approx(25)
    assert values["ddgan_good"] == {"p_ddgan": 0.5, "p_ddpm": 0.95, "r_ddgan": 0.9, "r_ddpm": 0.9}
