"""English text of the Stable Diffusion tab."""

STRINGS: dict[str, str] = {
    "sd_page_generate": "1 · Text to image",
    "sd_page_round_trip": "2 · The latent round trip",
    "sd_page_img2img": "3 · Image to image",
    "sd_page_conditioning": "4 · Conditioning",
    "sd_model": "Pipeline",
    "sd_mini": "Mini latent diffusion (digits, trained here)",
    "sd_prompt": "Prompt",
    "sd_negative": "Negative prompt (optional)",
    "sd_steps": "Steps",
    "sd_guidance": "Guidance scale w",
    "sd_size": "Size (pixels; the mini model: 32 to 64)",
    "sd_generate": "Generate",
    "sd_picture": "Each step, decoded",
    "sd_latents": "The latent's channels (blue < 0 < red)",
    "sd_timing": "Time per step",
    "sd_timing_title": "Milliseconds per denoising step",
    "sd_step": "Step",
    "sd_ms": "ms",
    "sd_status": "Step {i} of {n} (timestep {t})…",
    "sd_done": "Done: {steps} in {seconds:.2f}\u00a0s ({ms:.0f}\u00a0ms per step, with guidance each step runs the U-Net on two latents).",
    "sd_unavailable": (
        "⚠️ {name} is not on this machine and cannot be downloaded now (offline), so the mini pipeline ran instead, at its own size of "
        "{size}x{size} pixels."
    ),
    "sd_switched": (
        "⚠️ **{name} is not on this machine** and cannot be downloaded now (offline), so the tab switched back to the mini "
        "latent diffusion model: the controls (size 32 to 64 pixels, guidance) are the mini model's, and every section "
        "runs it."
    ),
    "sd_default_prompt": "a handwritten seven",
    "sd_err_empty": 'Write a prompt first (for the mini model, for example "a handwritten seven").',
    "sd_err_size_step": "The size must be a multiple of {step} pixels for this pipeline.",
    "sd_err_strength_steps": "With so few steps and this strength no denoising step would run; raise the steps or the strength.",
    "sd_round_trip_button": "Encode and decode",
    "sd_original": "Original",
    "sd_reconstruction": "Decoded",
    "sd_error": "Error (scaled to its largest value)",
    "sd_latent": "The latent's channels",
    "sd_round_trip_text": (
        "A {side}x{side}x3 image becomes a {c}x{h}x{w} latent ({ratio:.0f}x fewer numbers); mean squared error of the round trip {mse:.2g} "
        "(pixels in [0, 1])."
    ),
    "sd_strength": "Strength",
    "sd_img2img_button": "Redraw with the prompt",
    "sd_start": "Start image",
    "sd_result": "Result",
    "sd_img2img_text_one": "Strength {s:.2f}: {k} of {count} step runs ({seconds:.2f}\u00a0s).",
    "sd_img2img_text_other": "Strength {s:.2f}: {k} of {count} steps run ({seconds:.2f}\u00a0s).",
    "sd_latents_caption": (
        "Each tile is one channel of the latent that the U-Net denoises at this step, a grid much smaller than the image: blue where "
        "the value is negative, white near 0, red where it is positive."
    ),
    "sd_timing_caption": "Each bar is one denoising step (x) and the milliseconds it took on this machine (y).",
}
