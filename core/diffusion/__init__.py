"""Diffusion models from scratch: noise schedules, the forward process, DDPM and DDIM samplers
(parity-tested against `diffusers`), a small U-Net for digits and a small network for 2D data."""
