"""The modules of `core/` (and PyTorch) that the tabs call, imported when a handler first uses them.

Building the page needs knobs, texts and layouts, none of which needs PyTorch; importing it and the model modules
at start-up would cost a cold Space about two seconds and 180 MB before anyone opens a tab. So the tabs import
these names from here and call `gan_lab2d.GANLab(...)`, `torch.Generator()`, ...: each is a `core.lazy` stand-in
until its first attribute is read. What the page needs while it is built comes from modules that import no
PyTorch (`core.assets`, `core.pretrained`, `core.data.toy2d` and the `settings` modules), imported as usual.

Each module has one name here, used by every tab: `core.x` is `core_x`, `core.a.b` is `a_b`, with three exceptions
where that name was taken (`unet_model`, `toy_denoiser`, `scene`). `tests/test_lazy.py` checks that building the
app imports none of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.lazy import lazy_module

if TYPE_CHECKING:
    import torch
    import torch.nn.functional as F

    from core import autoencoders as core_autoencoders
    from core import checkpoint as core_checkpoint
    from core import classifier as core_classifier
    from core import classifier2d as core_classifier2d
    from core import clip_tools as core_clip_tools
    from core import device as core_device
    from core import gmm as core_gmm
    from core import latent_diffusion as core_latent_diffusion
    from core import loop as core_loop
    from core import mini_clip as core_mini_clip
    from core import plane as core_plane
    from core import seeding as core_seeding
    from core import threads as core_threads
    from core import trilemma as core_trilemma
    from core.data import images as data_images
    from core.diffusion import ddpm as diffusion_ddpm
    from core.diffusion import digits as diffusion_digits
    from core.diffusion import schedule as diffusion_schedule
    from core.diffusion import toy as toy_denoiser
    from core.diffusion import unet as unet_model
    from core.gan import dcgan as gan_dcgan
    from core.gan import lab2d as gan_lab2d
    from core.metrics import fid as metrics_fid
    from core.metrics import image as metrics_image
    from core.metrics import modes as metrics_modes
    from core.metrics import subspace as metrics_subspace
    from core.nerf import fitting as nerf_fitting
    from core.nerf import occupancy as nerf_occupancy
    from core.nerf import renderer as nerf_renderer
    from core.scene import cameras as scene_cameras
    from core.scene import scene as scene
    from core.scene import views as scene_views
    from core.splat import fitting as splat_fitting
    from core.splat import gaussians as splat_gaussians
    from core.splat import image2d as splat_image2d
    from core.splat import ply as splat_ply
    from core.splat import projection as splat_projection
    from core.splat import renderer as splat_renderer
    from core.unclip import decoder as unclip_decoder
    from core.unclip import evaluate as unclip_evaluate
    from core.unclip import pipeline as unclip_pipeline
    from core.unclip import prior as unclip_prior
else:
    core_autoencoders = lazy_module("core.autoencoders")
    core_checkpoint = lazy_module("core.checkpoint")
    core_classifier = lazy_module("core.classifier")
    core_classifier2d = lazy_module("core.classifier2d")
    core_clip_tools = lazy_module("core.clip_tools")
    data_images = lazy_module("core.data.images")
    core_device = lazy_module("core.device")
    diffusion_ddpm = lazy_module("core.diffusion.ddpm")
    diffusion_digits = lazy_module("core.diffusion.digits")
    diffusion_schedule = lazy_module("core.diffusion.schedule")
    toy_denoiser = lazy_module("core.diffusion.toy")
    unet_model = lazy_module("core.diffusion.unet")
    gan_dcgan = lazy_module("core.gan.dcgan")
    gan_lab2d = lazy_module("core.gan.lab2d")
    core_gmm = lazy_module("core.gmm")
    core_latent_diffusion = lazy_module("core.latent_diffusion")
    core_loop = lazy_module("core.loop")
    metrics_fid = lazy_module("core.metrics.fid")
    metrics_image = lazy_module("core.metrics.image")
    metrics_modes = lazy_module("core.metrics.modes")
    metrics_subspace = lazy_module("core.metrics.subspace")
    core_mini_clip = lazy_module("core.mini_clip")
    nerf_fitting = lazy_module("core.nerf.fitting")
    nerf_occupancy = lazy_module("core.nerf.occupancy")
    nerf_renderer = lazy_module("core.nerf.renderer")
    core_plane = lazy_module("core.plane")
    scene_cameras = lazy_module("core.scene.cameras")
    scene = lazy_module("core.scene.scene")
    scene_views = lazy_module("core.scene.views")
    core_seeding = lazy_module("core.seeding")
    splat_fitting = lazy_module("core.splat.fitting")
    splat_gaussians = lazy_module("core.splat.gaussians")
    splat_image2d = lazy_module("core.splat.image2d")
    splat_ply = lazy_module("core.splat.ply")
    splat_projection = lazy_module("core.splat.projection")
    splat_renderer = lazy_module("core.splat.renderer")
    core_threads = lazy_module("core.threads")
    core_trilemma = lazy_module("core.trilemma")
    unclip_decoder = lazy_module("core.unclip.decoder")
    unclip_evaluate = lazy_module("core.unclip.evaluate")
    unclip_pipeline = lazy_module("core.unclip.pipeline")
    unclip_prior = lazy_module("core.unclip.prior")
    torch = lazy_module("torch")
    F = lazy_module("torch.nn.functional")
