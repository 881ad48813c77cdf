"""Autoencoder building blocks: KL in closed form, the reparametrisation trick, linear AE vs PCA."""

import pytest
import torch
from scipy.linalg import subspace_angles

from core.autoencoders import Autoencoder, AutoencoderConfig, autoencoder_trainer, kl_to_standard_normal, reparameterize
from core.checkpoint import load_model, save_checkpoint
from core.data.images import load_digits
from core.metrics.subspace import pca_basis, pca_reconstruction_error, principal_angles
from core.training import run_to_end


def test_kl_matches_torch_distributions():
    z_mean = torch.tensor([[0.0, 0.0], [1.0, -2.0], [0.3, 0.5]])
    log_var = torch.tensor([[0.0, 0.0], [0.5, -1.0], [-3.0, 2.0]])
    q = torch.distributions.Normal(z_mean, torch.exp(0.5 * log_var))
    p = torch.distributions.Normal(torch.zeros(2), torch.ones(2))
    expected = torch.distributions.kl_divergence(q, p).sum(1)
    assert kl_to_standard_normal(z_mean, log_var) == pytest.approx(expected, abs=1e-6)
    assert kl_to_standard_normal(z_mean, log_var)[0].item() == 0.0  # N(0, I) against itself


def test_reparametrised_samples_have_mean_mu_and_std_sigma():
    z_mean = torch.tensor([[1.5, -0.5]]).expand(200_000, 2)
    log_var = torch.log(torch.tensor([[0.25, 4.0]])).expand(200_000, 2)
    z = reparameterize(z_mean, log_var, generator=torch.Generator().manual_seed(0))
    assert z.mean(0) == pytest.approx(torch.tensor([1.5, -0.5]), abs=0.02)
    assert z.std(0) == pytest.approx(torch.tensor([0.5, 2.0]), rel=0.01)


def test_gradients_flow_through_the_sampling():
    z_mean = torch.zeros(4, 2, requires_grad=True)
    log_var = torch.zeros(4, 2, requires_grad=True)
    reparameterize(z_mean, log_var, noise=torch.ones(4, 2)).sum().backward()
    assert torch.equal(z_mean.grad, torch.ones(4, 2)) and torch.allclose(log_var.grad, torch.full((4, 2), 0.5))


def test_principal_angles_match_scipy():
    generator = torch.Generator().manual_seed(0)
    a, b = torch.randn(10, 3, generator=generator, dtype=torch.float64), torch.randn(10, 3, generator=generator, dtype=torch.float64)
    expected = sorted(torch.rad2deg(torch.from_numpy(subspace_angles(a.numpy(), b.numpy()))).tolist())
    assert principal_angles(a, b).tolist() == pytest.approx(expected, abs=1e-8)
    assert principal_angles(a, a @ torch.randn(3, 3, generator=generator, dtype=torch.float64)).max() < 1e-5


def test_a_linear_autoencoder_recovers_the_pca_subspace_of_low_rank_data():
    generator = torch.Generator().manual_seed(1)
    basis = torch.linalg.qr(torch.randn(64, 3, generator=generator))[0]
    codes = torch.randn(2000, 3, generator=generator) * torch.tensor([3.0, 2.0, 1.0])
    data = (codes @ basis.T + 0.01 * torch.randn(2000, 64, generator=generator)).reshape(-1, 1, 8, 8)
    torch.manual_seed(0)
    model = Autoencoder(AutoencoderConfig(kind="linear", latent_dim=3))
    run_to_end(autoencoder_trainer(model, data, batch_size=256, lr=1e-2, generator=generator), 500)
    pca, _ = pca_basis(data.flatten(1), 3)
    assert principal_angles(model.decoder.weight.detach(), pca).max() < 1.0
    with torch.no_grad():
        error = model.loss(data)["reconstruction"].item()
    pca_error = pca_reconstruction_error(data.flatten(1), 3)
    assert pca_error <= error < 1.25 * pca_error  # PCA is the optimum; the linear AE gets close


@pytest.mark.parametrize("kind", ["ae", "vae"])
def test_a_short_run_lowers_the_loss_and_round_trips(kind, tmp_path):
    images, _ = load_digits("train")
    torch.manual_seed(0)
    model = Autoencoder(AutoencoderConfig(kind=kind, hidden=(64,)))
    final = run_to_end(autoencoder_trainer(model, images, generator=torch.Generator().manual_seed(0)), 300)
    losses = final.history["loss"]
    assert sum(losses[-20:]) < 0.8 * sum(losses[:20])
    assert (final.metrics["kl"] > 0) == (kind == "vae")
    loaded = load_model(save_checkpoint(model, tmp_path / "ae.safetensors"))
    samples = loaded.sample(4, generator=torch.Generator().manual_seed(0))
    assert samples.shape == (4, 1, 8, 8) and samples.min() >= 0 and samples.max() <= 1
