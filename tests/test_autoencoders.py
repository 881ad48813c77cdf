"""Autoencoder building blocks: KL in closed form, the reparametrisation trick, linear AE vs PCA."""

import re

import pytest
import torch
from scipy.linalg import subspace_angles

from core.assets import DIGITS_CLASSIFIER_PATH, autoencoder_path
from core.autoencoders import (
    SHIPPED,
    Autoencoder,
    AutoencoderConfig,
    autoencoder_trainer,
    elbo_terms,
    encode_mean,
    interpolate_codes,
    kl_to_standard_normal,
    latent_grid,
    reconstruction_mse,
    reparameterize,
    reparameterized_decodes,
    subspace_race,
    train_autoencoders,
)
from core.checkpoint import load_model, read_checkpoint, save_checkpoint
from core.data.images import load_digits
from core.loop import run_to_end
from core.metrics.subspace import pca_basis, pca_reconstruction_error, principal_angles


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


def test_latent_grid_reads_like_a_map():
    grid = latent_grid((-1.0, -2.0), (1.0, 2.0), 3)
    # row by row from the top (largest z2), z1 growing to the right
    assert grid.tolist() == [[-1, 2], [0, 2], [1, 2], [-1, 0], [0, 0], [1, 0], [-1, -2], [0, -2], [1, -2]]


def _tiny_vae(seed: int = 0) -> Autoencoder:
    torch.manual_seed(seed)
    return Autoencoder(AutoencoderConfig(kind="vae", hidden=(16,)))


def test_elbo_terms_match_a_hand_computation():
    model = _tiny_vae()
    images = load_digits("test")[0][:20]
    terms = elbo_terms(model, images, samples=1, generator=torch.Generator().manual_seed(3))
    z_mean, log_var = model.encode(images)
    z = reparameterize(z_mean, log_var, generator=torch.Generator().manual_seed(3))
    p = torch.sigmoid(model.decode_raw(z))
    nll = -(images * torch.log(p) + (1 - images) * torch.log(1 - p)).flatten(1).sum(1).mean()
    kl = (0.5 * (z_mean**2 + log_var.exp() - log_var - 1).sum(1)).mean()
    assert terms["reconstruction"] == pytest.approx(nll.item(), rel=1e-4)
    assert terms["kl"] == pytest.approx(kl.item(), rel=1e-5)
    assert terms["elbo"] == pytest.approx(-(nll + kl).item(), rel=1e-4)
    with pytest.raises(ValueError):
        elbo_terms(Autoencoder(AutoencoderConfig(kind="ae", hidden=(16,))), images)


def test_reconstruction_mse_is_zero_for_a_perfect_identity():
    model = Autoencoder(AutoencoderConfig(kind="linear", latent_dim=64))
    with torch.no_grad():
        model.encoder.weight.copy_(torch.eye(64))
        model.encoder.bias.zero_()
        model.decoder.weight.copy_(torch.eye(64))
        model.decoder.bias.zero_()
    images = load_digits("test")[0]
    assert reconstruction_mse(model, images) == pytest.approx(0.0, abs=1e-10)
    model.decoder.bias.data.fill_(0.0)
    model.decoder.weight.data.mul_(0.5)  # halves every pixel: error = 0.25 * sum(x^2)
    expected = (0.25 * images.pow(2).flatten(1).sum(1)).mean().item()
    assert reconstruction_mse(model, images) == pytest.approx(expected, rel=1e-5)


def test_reparameterized_decodes_use_mu_and_sigma():
    model = _tiny_vae()
    image = load_digits("test")[0][:1]
    mean_out = reparameterized_decodes(model, image, 5, use_mean=True)
    z_mean, log_var = model.encode(image)
    assert torch.allclose(mean_out["z"], z_mean.expand(5, -1)) and torch.allclose(mean_out["sigma"], torch.exp(0.5 * log_var[0]))
    sampled = reparameterized_decodes(model, image, 20_000, generator=torch.Generator().manual_seed(0))
    assert sampled["z"].mean(0) == pytest.approx(sampled["mu"], abs=0.03 * float(sampled["sigma"].max()) + 1e-3)
    assert sampled["z"].std(0) == pytest.approx(sampled["sigma"], rel=0.03)
    assert sampled["decodes"].shape == (20_000, 1, 8, 8)


def test_interpolation_starts_and_ends_at_the_two_reconstructions():
    model = _tiny_vae()
    a, b = load_digits("test")[0][:2].split(1)
    path = interpolate_codes(model, a, b, 5)
    with torch.no_grad():
        ends = model.decode(encode_mean(model, torch.cat([a, b])))
    assert path.shape == (5, 1, 8, 8)
    assert torch.allclose(path[0], ends[0], atol=1e-6) and torch.allclose(path[-1], ends[1], atol=1e-6)


def test_the_subspace_race_finds_pca_and_the_nonlinear_ae_wins():
    train, test = load_digits("train")[0], load_digits("test")[0]
    race, trainer = subspace_race(train, test, 2)
    final = run_to_end(trainer, 1500)
    assert final.metrics["max_angle"] < 5.0  # the linear AE found PCA's plane
    assert final.metrics["linear_mse"] == pytest.approx(race.pca_test_mse, rel=0.02)
    assert final.metrics["nonlinear_mse"] < 0.8 * race.pca_test_mse
    assert final.history["max_angle"][0] > 30.0  # it started far from it
    # PCA's test error at k = 2, computed directly with NumPy
    import numpy as np

    x, y = train.flatten(1).double().numpy(), test.flatten(1).double().numpy()
    _, _, vh = np.linalg.svd(x - x.mean(0), full_matrices=False)
    residual = (y - x.mean(0)) - (y - x.mean(0)) @ vh[:2].T @ vh[:2]
    assert race.pca_test_mse == pytest.approx((residual**2).sum(1).mean(), rel=1e-9)


def test_training_recipe_at_tiny_scale_writes_loadable_checkpoints(tmp_path):
    configs = {"ae_2d": AutoencoderConfig(kind="ae", hidden=(16,)), "vae_2d": AutoencoderConfig(kind="vae", hidden=(16,))}
    reports = list(train_autoencoders(tmp_path, classifier=load_model(DIGITS_CLASSIFIER_PATH), steps=20, seed=1, configs=configs))
    done = [r for r in reports if r.done]
    assert [r.preview for r in done] == ["ae_2d", "vae_2d"]
    assert 0 <= done[0].metrics["prior_confident_share"] <= 1 and "test_elbo" in done[1].metrics and "test_elbo" not in done[0].metrics
    for name in configs:
        model = load_model(tmp_path / f"{name}.safetensors")
        _, metadata = read_checkpoint(tmp_path / f"{name}.safetensors")
        assert metadata["command"] == "python -m core.retrain autoencoders-digits --steps 20 --seed 1" and metadata["name"] == name
        assert model.config.hidden == (16,)


@pytest.mark.parametrize("name", list(SHIPPED))
def test_shipped_autoencoders_load_and_meet_their_recorded_figures(name):
    """The checkpoints load through the contract and reproduce the figures stored in them."""
    from core.autoencoders import evaluate_autoencoder

    path = autoencoder_path(name)
    model = load_model(path)
    _, metadata = read_checkpoint(path)
    assert model.config == SHIPPED[name]
    assert re.fullmatch(r"python -m core\.retrain autoencoders-digits --steps \d+ --seed \d+", metadata["command"])
    figures = evaluate_autoencoder(model, load_model(DIGITS_CLASSIFIER_PATH), load_digits("test")[0])
    for key, value in figures.items():
        assert value == pytest.approx(float(metadata[key]), rel=1e-3, abs=1e-3), key


def test_shipped_vae_has_fewer_holes_than_the_shipped_ae():
    """The tab's lesson, on the shipped models: random codes decode to confident, evenly spread digits far more often with the VAE."""
    ae, vae = (read_checkpoint(autoencoder_path(name))[1] for name in ("ae_2d", "vae_2d"))
    assert float(vae["prior_confident_share"]) > float(ae["prior_confident_share"]) + 0.1
    assert float(vae["prior_class_kl"]) < 0.05 < 0.3 < float(ae["prior_class_kl"])
