"""Where tensors live: `core.device` chooses the device in one place, and `demos.gpu` wraps heavy handlers for ZeroGPU."""

import dataclasses
import re
import sys
import types
from collections import namedtuple
from pathlib import Path

import pytest
import torch
from torch import nn

from core import device
from core.device import compute_device, place, rand, randn, to_cpu
from demos import gpu

ROOT = Path(__file__).resolve().parent.parent
needs_cuda = pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA device on this machine")


def test_the_cpu_without_cuda_and_cuda_with_it(monkeypatch):
    monkeypatch.delenv(device.DEVICE_VARIABLE, raising=False)
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    assert compute_device() == torch.device("cpu")
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    assert compute_device() == torch.device("cuda")


def test_the_variable_overrides_the_choice_and_refuses_other_names(monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setenv(device.DEVICE_VARIABLE, "CPU")
    assert compute_device() == torch.device("cpu")
    monkeypatch.setenv(device.DEVICE_VARIABLE, "tpu")
    with pytest.raises(ValueError, match="'cpu' or 'cuda'"):
        compute_device()


def test_noise_is_drawn_on_the_generator_and_equals_torch_randn():
    ours = randn((3, 4), generator=torch.Generator().manual_seed(7), device="cpu")
    theirs = torch.randn(3, 4, generator=torch.Generator().manual_seed(7))
    assert torch.equal(ours, theirs)
    assert torch.equal(rand((5,), generator=torch.Generator().manual_seed(3)), torch.rand(5, generator=torch.Generator().manual_seed(3)))


def test_place_leaves_a_cpu_module_where_it_is_on_a_cpu_machine(monkeypatch):
    monkeypatch.setenv(device.DEVICE_VARIABLE, "cpu")
    layer = nn.Linear(2, 2)
    weight = layer.weight
    assert place(layer) is layer and layer.weight is weight and layer.weight.device.type == "cpu"
    assert place(nn.ReLU()) is not None  # a module without parameters


def test_to_cpu_reaches_inside_containers_and_dataclasses():
    @dataclasses.dataclass
    class Step:
        sample: torch.Tensor
        index: int

    Pair = namedtuple("Pair", "a b")
    x = torch.ones(2, requires_grad=True) * 2
    out = to_cpu({"steps": [Step(x, 3)], "pair": Pair(1, 2), "t": (x,)})
    assert out["steps"][0].index == 3 and not out["steps"][0].sample.requires_grad
    assert torch.equal(out["t"][0], torch.full((2,), 2.0))
    assert out["pair"] == Pair(1, 2)


def test_no_cuda_call_is_scattered_in_the_code():
    """Devices are chosen in core/device.py only: no `.cuda()` or `device="cuda"` elsewhere."""
    pattern = re.compile(r"\.cuda\(|device\s*=\s*[\"']cuda")
    offenders = [
        str(path.relative_to(ROOT))
        for folder in ("core", "demos", "benchmarks")
        for path in (ROOT / folder).rglob("*.py")
        if path.name != "device.py" and pattern.search(path.read_text())
    ]
    assert offenders == []


def test_without_the_spaces_package_handlers_stay_as_they_are(monkeypatch):
    monkeypatch.setitem(sys.modules, "spaces", None)  # importing it raises ImportError

    def handler(x):
        return x + 1

    assert gpu.on_gpu(30)(handler) is handler


def test_with_the_spaces_package_handlers_run_inside_spaces_gpu(monkeypatch):
    calls = []

    def fake_gpu(*, duration):
        def decorate(fn):
            def wrapped(*args, **kwargs):
                calls.append(duration)
                return fn(*args, **kwargs)

            return wrapped

        return decorate

    monkeypatch.setitem(sys.modules, "spaces", types.SimpleNamespace(GPU=fake_gpu))

    def steps(n):
        yield from range(n)

    wrapped = gpu.on_gpu(gpu.SAMPLING_SECONDS)(steps)
    assert list(wrapped(3)) == [0, 1, 2] and calls == [gpu.SAMPLING_SECONDS]


def test_the_heavy_handlers_are_wrapped_for_zerogpu():
    """The paths that gain from a GPU carry the decorator (its source line sits above the handler)."""
    sources = {name: (ROOT / "demos" / f"{name}.py").read_text() for name in ("diffusion", "stable_diffusion", "nerf")}
    wrapped = {
        "diffusion": ["generate", "compare_predictions"],
        "stable_diffusion": ["generate", "autoencode", "img2img"],
        "nerf": ["fly", "ray", "turntable_gif"],
    }
    for module, names in wrapped.items():
        for name in names:
            assert re.search(rf"@on_gpu\(\w+\)\ndef {name}\(", sources[module]), (module, name)


@needs_cuda
def test_digit_sampling_on_cuda_matches_the_cpu(monkeypatch):
    from core.assets import diffusion_unet
    from core.diffusion.ddpm import sample
    from core.diffusion.digits import schedule_of

    model = diffusion_unet("epsilon")
    cpu = sample(model, schedule_of(model), "epsilon", (4, 1, 8, 8), steps=10, generator=torch.Generator().manual_seed(0))
    on_gpu = sample(model.cuda(), schedule_of(model), "epsilon", (4, 1, 8, 8), steps=10, generator=torch.Generator().manual_seed(0))
    model.cpu()
    assert torch.allclose(on_gpu.cpu(), cpu, atol=1e-3)


@needs_cuda
def test_nerf_rendering_on_cuda_matches_the_cpu():
    from core.assets import radiance_field
    from core.nerf.renderer import render_view
    from core.scene.cameras import orbit_camera

    field = radiance_field("grid")
    camera = orbit_camera(30.0, 30.0, 4.5, size=32)
    cpu = render_view(field, camera, samples=32)
    on_gpu = render_view(field.cuda(), camera, samples=32, device=torch.device("cuda"))
    field.cpu()
    assert on_gpu.rgb.device.type == "cpu" and torch.allclose(on_gpu.rgb, cpu.rgb, atol=1e-3)
