"""unCLIP at toy scale: the prior, the decoder, guidance, condition dropout, slerp, training, and the shipped pipeline."""

import math

import pytest
import torch

from core.checkpoint import load_model, save_checkpoint
from core.diffusion.digits import schedule_of
from core.diffusion.samplers import DDIMSampler
from core.loop import run_to_end
from core.unclip.decoder import DecoderConfig, EmbeddingUNet, decode, decode_steps, decoder_trainer
from core.unclip.pipeline import slerp
from core.unclip.prior import PriorConfig, PriorNet, drop_mask, embed_scale, guided_output, prior_steps, prior_trainer, sample_prior
from core.unclip.prior import schedule_of as prior_schedule

TINY_PRIOR = PriorConfig(embed_dim=8, hidden=32, layers=1, time_dim=16, num_train_timesteps=100)
TINY_DECODER = DecoderConfig(channels=(8, 16), time_dim=16, embed_dim=8, num_train_timesteps=100)


def test_prior_and_decoder_shapes_and_no_condition():
    torch.manual_seed(0)
    prior, decoder = PriorNet(TINY_PRIOR), EmbeddingUNet(TINY_DECODER)
    assert prior(torch.randn(5, 8), torch.arange(5), torch.randn(5, 8)).shape == (5, 8)
    x = torch.randn(3, 1, 8, 8)
    out = decoder(x, 7, torch.randn(3, 8)).sample
    assert out.shape == (3, 1, 8, 8)
    # no embedding is the zero embedding, and the embedding changes the output
    assert torch.equal(decoder(x, 7).sample, decoder(x, 7, torch.zeros(3, 8)).sample)
    assert not torch.allclose(decoder(x, 7).sample, out)
    with pytest.raises(ValueError, match="num_classes"):
        EmbeddingUNet(DecoderConfig(num_classes=10))


def test_guidance_mixes_conditional_and_unconditional_outputs():
    torch.manual_seed(0)
    net = PriorNet(TINY_PRIOR)
    x, cond = torch.randn(4, 8), torch.randn(4, 8)
    c, u = net(x, 10, cond), net(x, 10, torch.zeros(4, 8))
    assert torch.equal(guided_output(net, x, 10, cond, 1.0), c)  # scale 1: the conditional prediction
    assert torch.equal(guided_output(net, x, 10, cond, 0.0), u)  # scale 0: the unconditional one
    assert torch.allclose(guided_output(net, x, 10, cond, 3.0), u + 3 * (c - u), atol=1e-5)
    assert torch.allclose(guided_output(net, x, 10, cond, 0.5), 0.5 * (u + c), atol=1e-5)


def test_drop_mask_drops_at_the_asked_rate_and_is_seeded():
    mask = drop_mask(200_000, 0.1, generator=torch.Generator().manual_seed(0))
    assert mask.dtype == torch.bool
    assert abs((~mask).float().mean().item() - 0.1) < 0.003  # 3 standard deviations: sqrt(0.09 / 200000) = 0.00067
    assert torch.equal(mask, drop_mask(200_000, 0.1, generator=torch.Generator().manual_seed(0)))
    assert drop_mask(50, 0.0).all() and not drop_mask(50, 1.0).any()


def test_slerp_endpoints_norm_and_midpoint_by_hand():
    a, b = torch.tensor([1.0, 0, 0]), torch.tensor([0.0, 1, 0])
    path = slerp(a, b, torch.linspace(0, 1, 5))
    assert torch.allclose(path[0], a, atol=1e-6) and torch.allclose(path[-1], b, atol=1e-6)
    assert torch.allclose(path.norm(dim=1), torch.ones(5), atol=1e-6)
    assert torch.allclose(path[2], torch.tensor([0.5**0.5, 0.5**0.5, 0]), atol=1e-6)
    # a quarter of the way: the angle from a is a quarter of 90 degrees
    assert math.isclose(float(torch.arccos(path[1] @ a)), math.pi / 8, rel_tol=1e-5)
    # equal ends: the constant path
    assert torch.allclose(slerp(a, a, torch.tensor([0.3, 0.7])), a.expand(2, 3))


def test_prior_sampling_uses_the_gallery_sampler_and_is_seeded():
    torch.manual_seed(0)
    net = PriorNet(TINY_PRIOR)
    text = torch.nn.functional.normalize(torch.randn(3, 8), dim=1)
    steps = list(prior_steps(net, text, steps=10, generator=torch.Generator().manual_seed(1)))
    assert [s.index for s in steps] == list(range(1, 11)) and steps[0].total == 10
    sampler = DDIMSampler(prior_schedule(TINY_PRIOR), "sample")
    sampler.set_timesteps(10)
    assert [s.timestep for s in steps] == sampler.timesteps.tolist() == [90, 80, 70, 60, 50, 40, 30, 20, 10, 0]
    assert torch.allclose(steps[-1].embedding.norm(dim=1), torch.ones(3), atol=1e-5)
    again = sample_prior(net, text, steps=10, generator=torch.Generator().manual_seed(1))
    assert torch.equal(again, steps[-1].embedding)
    assert not torch.equal(again, sample_prior(net, text, steps=10, generator=torch.Generator().manual_seed(2)))


def test_embed_scale_gives_unit_variance_per_coordinate():
    z = torch.nn.functional.normalize(torch.randn(20_000, 32, generator=torch.Generator().manual_seed(0)), dim=1)
    assert abs((z * embed_scale(32)).var().item() - 1.0) < 0.02


def _two_class_data(generator):
    """Two captions (text embeddings) and the image embeddings of their images: two clusters on the sphere in 8-D."""
    centres = torch.eye(8)[:2] * 0.9 + 0.1  # image-embedding centres of class 0 and 1
    labels = torch.arange(2).repeat_interleave(100)
    image = torch.nn.functional.normalize(centres[labels] + 0.1 * torch.randn(200, 8, generator=generator), dim=1)
    text_of = torch.nn.functional.normalize(torch.eye(8)[4:6] + 0.3, dim=1)  # the captions' embeddings, elsewhere
    return text_of, image, labels, torch.nn.functional.normalize(centres, dim=1)


def test_a_tiny_prior_learns_to_draw_the_captions_class_and_its_loss_falls():
    generator = torch.Generator().manual_seed(0)
    torch.manual_seed(0)
    text_of, image, labels, centres = _two_class_data(generator)
    net = PriorNet(TINY_PRIOR)
    trainer = prior_trainer(net, text_of[labels][:, None], image, batch_size=64, lr=3e-3, generator=generator)
    run_to_end(trainer, 400)
    losses = torch.tensor(trainer.history["loss"])
    assert losses[-50:].mean() < 0.6 * losses[:10].mean(), (losses[:10].mean(), losses[-50:].mean())
    for k in (0, 1):
        drawn = sample_prior(net, text_of[k].expand(50, 8), guidance=2.0, steps=20, generator=torch.Generator().manual_seed(k))
        nearest = (drawn @ centres.T).argmax(1)
        assert (nearest == k).float().mean() > 0.9, (k, nearest)


def test_a_tiny_decoder_trains_and_reads_its_embeddings():
    generator = torch.Generator().manual_seed(0)
    torch.manual_seed(0)
    # two "digits": a bright top half and a bright bottom half, each with its own embedding
    images = torch.full((2, 1, 8, 8), -1.0)
    images[0, :, :4], images[1, :, 4:] = 1.0, 1.0
    embeddings = torch.eye(8)[:2]  # [2, 8]
    model = EmbeddingUNet(TINY_DECODER)
    trainer = decoder_trainer(model, images, embeddings[:, None], batch_size=16, lr=3e-3, generator=generator)
    run_to_end(trainer, 300)
    losses = torch.tensor(trainer.history["loss"])
    assert losses[-50:].mean() < 0.5 * losses[:10].mean(), (losses[:10].mean(), losses[-50:].mean())
    # from the same noised pictures (16 draws each), their own embeddings predict them better than the swapped ones
    schedule = schedule_of(model)
    clean, own_emb = images.repeat(16, 1, 1, 1), embeddings.repeat(16, 1)
    t = torch.full((32,), 60)
    x_t = schedule.q_sample(clean, t, torch.randn(clean.shape, generator=generator))
    with torch.no_grad():
        own = schedule.to_x0_and_eps("epsilon", model(x_t, t, own_emb).sample, x_t, t)[0].clamp(-1, 1)
        swapped = schedule.to_x0_and_eps("epsilon", model(x_t, t, embeddings.flip(0).repeat(16, 1)).sample, x_t, t)[0].clamp(-1, 1)
    own_error, swapped_error = (own - clean).pow(2).mean(), (swapped - clean).pow(2).mean()
    assert own_error < 0.7 * swapped_error, (own_error, swapped_error)
    steps = list(decode_steps(model, embeddings, steps=10, generator=torch.Generator().manual_seed(0)))
    assert [s.index for s in steps] == list(range(1, 11)) and steps[-1].sample.shape == (2, 1, 8, 8)
    out = steps[-1].sample
    assert out.min() >= 0 and out.max() <= 1
    assert torch.equal(decode(model, embeddings, steps=10, generator=torch.Generator().manual_seed(0)), out)


def test_checkpoints_round_trip(tmp_path):
    torch.manual_seed(0)
    for model, args in (
        (PriorNet(TINY_PRIOR), (torch.randn(2, 8), 3, torch.randn(2, 8))),
        (EmbeddingUNet(TINY_DECODER), (torch.randn(2, 1, 8, 8), 3, torch.randn(2, 8))),
    ):
        path = save_checkpoint(model, tmp_path / f"{model.checkpoint_name}.safetensors")
        loaded = load_model(path)
        assert type(loaded) is type(model) and loaded.config == model.config
        a, b = model.eval()(*args), loaded(*args)
        assert torch.equal(getattr(a, "sample", a), getattr(b, "sample", b))
