"""Seeded initialisation with a private generator: equal to PyTorch's own, and safe under concurrent requests."""

import threading

import pytest
import torch

from core.autoencoders import Autoencoder, AutoencoderConfig
from core.classifier2d import PointClassifier, PointClassifierConfig
from core.diffusion.toy import ToyConfig, ToyDenoiser
from core.gan.lab2d import MLPGAN, MLPGANConfig
from core.seeding import init_weights

MODELS = [
    (MLPGAN, MLPGANConfig(noise_dim=3, g_width=16, d_width=8)),
    (Autoencoder, AutoencoderConfig(kind="vae", latent_dim=2)),
    (Autoencoder, AutoencoderConfig(kind="linear", latent_dim=3)),
    (PointClassifier, PointClassifierConfig(num_classes=3)),
    (ToyDenoiser, ToyConfig()),
]


@pytest.mark.parametrize(("model_class", "config"), MODELS, ids=lambda m: getattr(m, "__name__", getattr(m, "kind", "")))
def test_private_generator_gives_the_network_the_global_seed_gives(model_class, config):
    torch.manual_seed(11)
    reference = model_class(config).state_dict()
    ours = init_weights(model_class(config), torch.Generator().manual_seed(11)).state_dict()
    assert reference.keys() == ours.keys()
    assert all(torch.equal(reference[k], ours[k]) for k in reference)
    other = init_weights(model_class(config), torch.Generator().manual_seed(12)).state_dict()
    assert any(not torch.equal(other[k], ours[k]) for k in ours if k in dict(model_class(config).named_parameters()))


def test_a_layer_it_does_not_know_is_refused():
    with pytest.raises(TypeError, match="PReLU"):
        init_weights(torch.nn.Sequential(torch.nn.Linear(2, 2), torch.nn.PReLU()), torch.Generator())


def test_concurrent_seeded_initialisations_are_identical_to_a_lone_one():
    config = MLPGANConfig(noise_dim=4, g_width=32, d_width=32)
    lone = init_weights(MLPGAN(config), torch.Generator().manual_seed(5)).state_dict()
    results: list[dict] = []

    def build():
        for _ in range(20):
            torch.rand(1000)  # other work drawing from the process-wide generator at the same time
            results.append(init_weights(MLPGAN(config), torch.Generator().manual_seed(5)).state_dict())

    threads = [threading.Thread(target=build) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 80
    assert all(torch.equal(r[k], lone[k]) for r in results for k in lone)
