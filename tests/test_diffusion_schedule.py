"""The forward process and the samplers: closed forms, the chain, conversions, parity with diffusers."""

import pytest
import torch
from diffusers import DDIMScheduler, DDPMScheduler
from scipy import stats

from core.diffusion.samplers import DDIMSampler, DDPMSampler
from core.diffusion.schedule import PREDICTIONS, NoiseSchedule, make_betas

DIFFUSERS_SCHEDULES = {"linear": "linear", "cosine": "squaredcos_cap_v2", "quadratic": "scaled_linear"}


@pytest.mark.parametrize("name", ["linear", "cosine", "quadratic"])
def test_betas_match_diffusers(name):
    reference = DDPMScheduler(num_train_timesteps=1000, beta_schedule=DIFFUSERS_SCHEDULES[name])
    assert torch.allclose(make_betas(name, 1000), reference.betas, atol=1e-7)
    schedule = NoiseSchedule.named(name)
    assert torch.allclose(schedule.alphas_cumprod, reference.alphas_cumprod, rtol=1e-6)
    assert (schedule.snr()[1:] < schedule.snr()[:-1]).all()  # the signal-to-noise ratio falls with t


def test_linear_alpha_bar_by_hand():
    schedule = NoiseSchedule(torch.tensor([0.1, 0.2, 0.5]))
    assert schedule.alphas_cumprod.tolist() == pytest.approx([0.9, 0.72, 0.36])
    assert schedule.snr().tolist() == pytest.approx([9.0, 0.72 / 0.28, 0.36 / 0.64])


def test_q_sample_has_the_closed_form_mean_and_variance():
    schedule = NoiseSchedule.named("linear")
    x0 = torch.full((200_000, 1), 0.8)
    t = torch.full((200_000,), 300)
    x_t = schedule.q_sample(x0, t, torch.randn(x0.shape, generator=torch.Generator().manual_seed(0)))
    a = schedule.alphas_cumprod[300].item()
    assert x_t.mean().item() == pytest.approx(a**0.5 * 0.8, abs=0.005)
    assert x_t.var().item() == pytest.approx(1 - a, rel=0.01)
    reference = DDPMScheduler(num_train_timesteps=1000).add_noise(x0[:5], torch.ones(5, 1), t[:5])
    assert torch.allclose(schedule.q_sample(x0[:5], t[:5], torch.ones(5, 1)), reference, atol=1e-6)


@pytest.mark.parametrize("t", [0, 50, 400])
def test_the_iterated_chain_has_the_closed_form_distribution(t):
    schedule = NoiseSchedule.named("cosine")
    x0 = torch.full((20_000, 1), -0.5, dtype=torch.float64)
    chained = schedule.chain(x0, t, generator=torch.Generator().manual_seed(1))[:, 0]
    a = schedule.alphas_cumprod[t].double().item()
    closed = torch.distributions.Normal(a**0.5 * -0.5, (1 - a) ** 0.5)
    # Kolmogorov-Smirnov against the closed-form normal: the chain and q(x_t | x_0) are the same distribution
    result = stats.kstest(chained.numpy(), lambda v: closed.cdf(torch.as_tensor(v)).numpy())
    assert result.pvalue > 0.01


@pytest.mark.parametrize("prediction", PREDICTIONS)
def test_conversions_round_trip(prediction):
    schedule = NoiseSchedule.named("linear")
    generator = torch.Generator().manual_seed(2)
    x0, noise = torch.randn(6, 1, 8, 8, generator=generator), torch.randn(6, 1, 8, 8, generator=generator)
    t = torch.tensor([0, 10, 200, 500, 900, 999])
    x_t = schedule.q_sample(x0, t, noise)
    x0_back, eps_back = schedule.to_x0_and_eps(prediction, schedule.target(prediction, x0, noise, t), x_t, t)
    assert torch.allclose(x0_back, x0, atol=2e-3) and torch.allclose(eps_back, noise, atol=2e-3)


def _compare(ours, theirs, steps: int, prediction: str, eta: float | None):
    ours.set_timesteps(steps)
    theirs.set_timesteps(steps)
    assert ours.timesteps.tolist() == theirs.timesteps.tolist()
    generator = torch.Generator().manual_seed(5)
    sample = torch.randn(3, 1, 4, 4, generator=generator)
    ours_x, theirs_x = sample.clone(), sample.clone()
    for t in theirs.timesteps:
        output = torch.randn(3, 1, 4, 4, generator=generator)  # the same "model output" for both
        seed = int(t) + 7
        if eta is None:
            a = ours.step(output, t, ours_x, generator=torch.Generator().manual_seed(seed))
            b = theirs.step(output, t, theirs_x, generator=torch.Generator().manual_seed(seed))
        else:
            a = ours.step(output, t, ours_x, eta=eta, generator=torch.Generator().manual_seed(seed))
            b = theirs.step(output, t, theirs_x, eta=eta, generator=torch.Generator().manual_seed(seed))
        assert torch.allclose(a.pred_original_sample, b.pred_original_sample, atol=1e-5, rtol=1e-5)
        assert torch.allclose(a.prev_sample, b.prev_sample, atol=1e-5, rtol=1e-5)
        # carry our own sample forward, and feed the same to diffusers, so errors cannot compound unseen
        ours_x = theirs_x = a.prev_sample


@pytest.mark.parametrize("prediction", PREDICTIONS)
@pytest.mark.parametrize("steps", [1000, 50, 10])
@pytest.mark.parametrize("schedule", ["linear", "cosine"])
def test_ddpm_step_matches_diffusers(prediction, steps, schedule):
    theirs = DDPMScheduler(
        num_train_timesteps=1000, beta_schedule=DIFFUSERS_SCHEDULES[schedule], clip_sample=False, prediction_type=prediction
    )
    _compare(DDPMSampler(NoiseSchedule.named(schedule), prediction), theirs, steps, prediction, None)


@pytest.mark.parametrize("prediction", PREDICTIONS)
@pytest.mark.parametrize("steps", [100, 50, 10, 3])
@pytest.mark.parametrize("eta", [0.0, 0.5, 1.0])
def test_ddim_step_matches_diffusers(prediction, steps, eta):
    theirs = DDIMScheduler(num_train_timesteps=1000, clip_sample=False, prediction_type=prediction)
    _compare(DDIMSampler(NoiseSchedule.named("linear"), prediction), theirs, steps, prediction, eta)


def test_bad_step_counts_are_refused():
    sampler = DDIMSampler(NoiseSchedule.named("linear"))
    for bad in (0, -5, 10**9):
        with pytest.raises(ValueError):
            sampler.set_timesteps(bad)
