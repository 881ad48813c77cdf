"""English text of the Diffusion tab."""

STRINGS: dict[str, str] = {
    "diff_page_forward": "1 · Forward process",
    "diff_page_generate": "2 · Generating digits",
    "diff_page_predictions": "3 · What to predict?",
    "diff_page_unet": "4 · The U-Net",
    "diff_page_playground": "5 · 2D playground",
    "diff_page_speed": "6 · Steps vs quality",
    "diff_source": "Image",
    "diff_source_digit": "A digit",
    "diff_source_photo": "A photo",
    "diff_source_upload": "My image",
    "diff_digit_index": "Which digit (of 1,797)",
    "diff_photo": "Photo",
    "diff_upload": "Upload an image (choose “My image”)",
    "diff_schedule": "Noise schedule",
    "diff_schedule_linear": "Linear",
    "diff_schedule_cosine": "Cosine",
    "diff_schedule_quadratic": "Quadratic",
    "diff_timestep": "Timestep t",
    "diff_chain_button": "Iterate the chain instead",
    "diff_pair": "x₀ and x_t",
    "diff_forward_caption": (
        "At $t = {t}$: $\\bar\\alpha_t = {a:.4f}$, so $x_t = {signal:.3f}\\, x_0 + {noise:.3f}\\, \\epsilon$ "
        "(the signal's variance is {snr:.3g} times the noise's)."
    ),
    "diff_schedule_plot": "The schedule",
    "diff_schedule_title": "{schedule} schedule: how much signal is left",
    "diff_alpha_bar": "ᾱ_t (share of signal variance)",
    "diff_log_snr": "log₁₀ of signal variance over noise variance",
    "diff_noise_plot": "The added noise",
    "diff_noise_title": "The noise ε added to this image, against N(0, 1)",
    "diff_noise_hist": "Noise values",
    "diff_noise_value": "Value",
    "diff_density": "Density",
    "diff_bands": (
        "Of the {n:,} noise values, {one:.1f}% lie within 1 standard deviation, {two:.1f}% within 2 and {three:.1f}% within 3 (a standard "
        "normal gives 68.3%, 95.4% and 99.7%)."
    ),
    "diff_chained": "x_t reached by iterating the one-step chain",
    "diff_chain_plot": "The chain against the closed form",
    "diff_chain_hist_title": "(x_t − √ᾱ_t x₀) / √(1 − ᾱ_t) after {t} chain steps, against N(0, 1)",
    "diff_chain_text": (
        "{steps} of $x_s = \\sqrt{{\\alpha_s}}\\, x_{{s-1}} + \\sqrt{{\\beta_s}}\\, \\epsilon_s$, where $\\beta_s$ is the variance of "
        "the noise added at step $s$ (from the noise schedule), $\\alpha_s = 1 - \\beta_s$ and $\\epsilon_s$ a fresh standard normal draw. "
        "Standardised with the closed "
        "form's mean and variance, the result should be standard normal. The largest gap between its cumulative distribution and the "
        "normal's is {ks:.3f} (a Kolmogorov-Smirnov test), p = {p:.2f}: a p above 0.05 means the test sees no difference."
    ),
    "diff_err_upload": "Upload an image first (PNG or JPEG), or choose a digit or a photo.",
    "diff_generate_hint": (
        "Press **Generate**: DDPM at 1,000 steps takes about 20 times as long as DDIM at 50, one pass of the network per step."
    ),
    "diff_sampler": "Sampler",
    "diff_sampler_ddpm": "DDPM (random steps)",
    "diff_sampler_ddim": "DDIM",
    "diff_steps": "Denoising steps",
    "diff_eta": "η: fresh noise in each DDIM step (0: none; DDPM uses 1)",
    "diff_digit": "Digit",
    "diff_any": "Any (no label)",
    "diff_guidance": "Guidance scale w",
    "diff_count": "How many samples",
    "diff_generate": "Generate",
    "diff_x_t": "x_t, step by step",
    "diff_x0": "Predicted x₀",
    "diff_progress": "Step {i} of {n} (t = {t}) · {seconds:.1f}\u00a0s",
    "diff_gif_footer": "Step {i} of {n} (t = {t})",
    "diff_done": "Done: {samples} in {steps}, {seconds:.1f}\u00a0s, {evals} per sample.",
    "diff_n_evals_one": "{count} network evaluation",
    "diff_n_evals_other": "{count} network evaluations",
    "diff_verdict_cond_one": "The classifier reads **{hits} of {count}** sample as a {digit}.",
    "diff_verdict_cond_other": "The classifier reads **{hits} of {count}** samples as a {digit}.",
    "diff_verdict_uncond": "Digits the classifier reads: {counts}.",
    "diff_diversity": "Diversity (mean distance between two samples, in pixel units): {d:.2f}; higher guidance lowers it.",
    "diff_err_too_slow": "This generation passed the {seconds}\u00a0s limit and was stopped; try fewer steps or samples.",
    "diff_compare": "Compare the three",
    "diff_pred_epsilon": "Predicts the noise ε",
    "diff_pred_sample": "Predicts the clean image x₀",
    "diff_pred_v": "Predicts v (a mix of noise and image)",
    "diff_pred_score": "Read as the requested digit: **{hits} of {n}**.",
    "diff_unet_legend": "height = resolution (8x8 top, 2x2 bottom) · green: skip connections · t: the timestep embedding enters",
    "diff_unet_table": (
        "{total:,} parameters in all (the time and class embeddings and the last norm are outside the stages).\n\n| Stage | Resolution | "
        "Channels | Parameters | Time enters | Skip from |\n|---|---|---|---|---|---|"
    ),
    "diff_unet_table_title": "Every stage as a table",
    "diff_curve": "Quality and time against steps",
    "diff_curve_quality": "Recognised as the requested digit",
    "diff_curve_fid": "FID of unconditional samples (lower is better)",
    "diff_curve_baseline": "real vs real",
    "diff_curve_time": "Time per sample",
    "diff_curve_accuracy_axis": "% of samples",
    "diff_curve_time_axis": "Milliseconds per sample",
    "diff_curve_note": "Measured on {when} with {cpus} CPU cores, {n} conditional samples per point (guidance 2).",
    "diff_months": "January February March April May June July August September October November December",
    "diff_date": "{day} {month} {year}",
    "diff_read_accuracy_flat": (
        "At every step count measured ({few} to {many}), the classifier recognises the requested digit in {accuracy} of the conditional "
        "samples of both samplers."
    ),
    "diff_read_accuracy": "The classifier recognises the requested digit in {samplers} of the conditional samples.",
    "diff_read_accuracy_sampler": "{sampler}: {few_accuracy} at {few} steps, {many_accuracy} at {many}",
    "diff_read_fid_range": "{sampler}'s FID ranges from {low} ({low_steps} steps) to {high} ({high_steps} steps)",
    "diff_read_fid_lower": "{winner}'s FID is lower than {loser}'s at {wins} of {total} step counts.",
    "diff_read_fid_tie": "Neither sampler has the lower FID at most step counts.",
    "diff_read_baseline": (
        "Two sets of real digits of this size already differ by {baseline} (the dashed line): gaps smaller than that do not rank the "
        "samplers."
    ),
    "diff_read_time": "Time is what grows: {few_ms}\u00a0ms per sample at {few} steps, {many_ms}\u00a0ms at {many}, {ratio} times as long.",
    "diff_read_flat": (
        "On this small model, then, fewer steps save time without a measurable loss of quality: on 8×8 digits, the quality that larger "
        "models lose with few steps does not show."
    ),
    "diff_read_costly": "Fewer steps cost quality here: the samples at {few} steps are measurably worse than the best.",
    "diff_curve_missing": "The measurements for this curve are missing; the instructor can regenerate them.",
    "toy_train_steps": "Training steps",
    "toy_hint": (
        "Choose the data and press **Train**: 20,000 steps take about 100\u00a0s on a 2-core machine with both cores busy; the samples "
        "refresh "
        "every second."
    ),
    "toy_data_title": "{dataset}: the training data",
    "toy_status": "Step {step} of {total} · loss {loss} · {seconds}\u00a0s",
    "toy_status_done": "Trained: {step} of {total} steps · loss {loss} · {seconds}\u00a0s",
    "toy_status_cut": (
        "Cut at the {limit}\u00a0s limit after {step} of {total} steps · loss {loss}: the model is only partly trained, and so are its "
        "samples "
        "and their coverage. Try fewer steps."
    ),
    "toy_status_stopped": "Stopped after {step} of {total} steps · loss {loss} · {seconds}\u00a0s",
    "toy_loss": "Training loss",
    "toy_loss_title": "Denoising loss (moving average of 50 steps)",
    "toy_loss_axis": "Squared error of the predicted noise",
    "toy_view": "Data, samples and the score field",
    "toy_data": "Data",
    "toy_particles": "Samples",
    "toy_score": "Learned score",
    "toy_samples_title": "{dataset}: {samples} of the model so far",
    "toy_particles_title": "Reverse process: step {i} of {n} (t = {t})",
    "toy_score_title": "The learned score at t = {t} (ᾱ_t = {a:.3f})",
    "toy_particles_button": "Send particles from noise",
    "toy_t": "Timestep of the score arrows",
    "toy_coverage_none": "Mode coverage is measured on the ring and the grid.",
    "toy_err_train_first": "Train a model first (press Train).",
    "diff_schedule_caption": (
        "x: the timestep t, from 0 to T. Left axis, blue: ᾱ_t, the share of the signal's variance left at step t. Right axis, orange: "
        "log₁₀ of the signal's variance over the noise's, ᾱ_t / (1 − ᾱ_t), 0 where signal and noise weigh the same."
    ),
    "toy_loss_caption": (
        "x: training step; y: squared error between the noise that was added and the one the network predicts, averaged over the last "
        "50 steps. It levels off above 0: part of the noise cannot be told from the noisy point."
    ),
}
