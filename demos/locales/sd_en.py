"""English text of the Stable Diffusion tab."""

STRINGS: dict[str, str] = {
    "sd_model": "Pipeline",
    "sd_mini": "Mini latent diffusion (digits, trained here)",
    "sd_model_help": (
        "The **mini latent diffusion model** is a real `diffusers` `StableDiffusionPipeline`, only tiny: an `AutoencoderKL` "
        "that turns a 32x32 picture of a digit into a 4x8x8 latent, a `UNet2DConditionModel` that denoises those latents "
        "with cross-attention on the mini CLIP's text encoder, and a DDIM scheduler, all trained here. It draws digits "
        'from English or Spanish prompts ("a handwritten seven", "un 7 escrito a mano") and nothing else. The other choices '
        "are real Stable Diffusion pipelines; they load only if they are already on this machine, otherwise the tab says so "
        "and keeps the mini one."
    ),
    "sd_generate_help": (
        "### 1. Text to image, step by step\n"
        "The pipeline starts from pure noise in the **latent** space and removes it in the chosen number of steps, guided by "
        "the prompt (and pushed away from the negative prompt). Each step's latent is decoded so the picture emerges; its "
        "channels are shown on a blue-white-red scale, and every step is timed."
    ),
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
    "sd_done": "Done: {steps} steps in {seconds:.2f} s ({ms:.0f} ms per step, with guidance each step runs the U-Net on two latents).",
    "sd_unavailable": "⚠️ {name} is not on this machine and cannot be downloaded now (offline), so the mini pipeline ran instead, at its own size of {size}x{size} pixels.",
    "sd_switched": (
        "⚠️ **{name} is not on this machine** and cannot be downloaded now (offline), so the tab switched back to the mini "
        "latent diffusion model: the controls below (size 32 to 64 pixels, guidance) are the mini model's, and every section "
        "runs it."
    ),
    "sd_default_prompt": "a handwritten seven",
    "sd_err_empty": 'Write a prompt first (for the mini model, for example "a handwritten seven").',
    "sd_err_size_step": "The size must be a multiple of {step} pixels for this pipeline.",
    "sd_err_strength_steps": "With so few steps and this strength no denoising step would run; raise the steps or the strength.",
    "sd_round_trip_help": (
        '### 2. The autoencoder round trip: the "latent" of latent diffusion\n'
        "Diffusion never sees pixels: the autoencoder's encoder compresses the image into the latent, and its decoder turns "
        "latents back into pixels. Here an image goes in and comes back; the error map shows what the compression loses. The "
        "mini autoencoder knows only digits, so a photo comes back as the digit-like blur it can represent."
    ),
    "sd_round_trip_button": "Encode and decode",
    "sd_original": "Original",
    "sd_reconstruction": "Decoded",
    "sd_error": "Error (scaled to its largest value)",
    "sd_latent": "The latent's channels",
    "sd_round_trip_text": "A {side}x{side}x3 image becomes a {c}x{h}x{w} latent ({ratio:.0f}x fewer numbers); mean squared error of the round trip {mse:.2g} (pixels in [0, 1]).",
    "sd_img2img_help": (
        "### 3. Image to image\n"
        "The image chosen above is encoded, noised to the level given by the **strength** (0: unchanged, 1: pure noise, as "
        "text to image) and denoised under the prompt of section 1: low strength keeps the composition, high strength keeps "
        "little but the prompt."
    ),
    "sd_strength": "Strength",
    "sd_img2img_button": "Redraw with the prompt",
    "sd_start": "Start image",
    "sd_result": "Result",
    "sd_img2img_text": "Strength {s:.2f}: {k} of {n} steps run ({seconds:.2f} s).",
    "sd_conditioning": (
        "### 4. Conditioning: not only text\n"
        "The text prompt enters through cross-attention, but latent diffusion can be steered by almost any signal, either "
        "with the same mechanism or with an added network (ControlNet, T2I-Adapter) that injects features of a control image:\n\n"
        "| Condition | What it fixes | Typical source |\n|---|---|---|\n"
        "| Text | what is in the image and its style | a prompt through CLIP's text encoder |\n"
        "| Semantic map | which region is sky, road, person... | a segmentation model or a painted map |\n"
        "| Keypoints (pose) | where a person's joints are | a pose estimator |\n"
        "| Sketch / scribbles | the rough shapes and layout | a drawing |\n"
        "| Edges | exact outlines | an edge detector (Canny) on a photo |\n"
        "| Depth | what is near and far | a depth estimator |\n"
        "| Normal map | which way each surface faces | a normal estimator or a 3D render |\n"
        "| An image (img2img, inpainting) | colours and composition, or everything outside a mask | section 3 above |"
    ),
}
