"""English text of the GANs tab."""

STRINGS: dict[str, str] = {
    "gan_page_lab": "GAN Lab (2D)",
    "gan_page_digits": "A DCGAN on digits",
    "gan_page_interpolation": "Interpolating the noise",
    "common_ds_drawn": "Points I draw",
    "common_draw_empty": "Draw something on the canvas first (a few strokes), then choose “Points I draw”.",
    "common_draw": "Draw your own data",
    "gan_draw_help": (
        "Draw shapes with the mouse; the GAN learns to produce points where you drew. Choose **Points I draw** as the dataset."
    ),
    "gan_experiment": "Ready-made experiment",
    "gan_load_experiment": "Load",
    "gan_play": "Play",
    "gan_pause": "Pause",
    "gan_reset": "Reset",
    "gan_step_d": "1 step of D",
    "gan_step_g": "1 step of G",
    "gan_step_both": "1 step of both",
    "gan_training_knobs": "Loss and optimisation (apply at once)",
    "gan_loss": "Loss",
    "loss_minimax": "Minimax (saturating)",
    "loss_non_saturating": "Modified minimax (non-saturating)",
    "loss_wasserstein": "Wasserstein (clipped weights)",
    "loss_wgan_gp": "Wasserstein with a penalty (WGAN-GP)",
    "loss_least_squares": "Squared error to 1 and 0 (least squares)",
    "loss_hinge": "Score margin (hinge)",
    "gan_loss_info": (
        "The first three are the course's. The last three are later fixes, beyond the course: WGAN-GP keeps the critic smooth with "
        "a penalty instead of clipping; least squares pulls D's output to 1 on real points and 0 on fakes; hinge asks real scores "
        "above 1 and fake ones below −1. A Wasserstein critic has no accuracy, so with either Wasserstein loss the middle curve shows "
        "its gap between real and fake scores. More in “Go deeper” above."
    ),
    "gan_clip": "Weight clip c (Wasserstein)",
    "gan_gp_weight": "Penalty weight λ (WGAN-GP)",
    "gan_g_optimizer": "G optimiser",
    "gan_g_lr": "G learning rate",
    "gan_d_optimizer": "D optimiser",
    "gan_d_lr": "D learning rate",
    "gan_d_steps": "D steps per G step",
    "gan_batch": "Batch size",
    "gan_schedule": "Learning-rate schedule",
    "gan_schedule_constant": "constant",
    "gan_schedule_linear": "linear decay to the budget",
    "gan_budget": "Training budget (G steps)",
    "gan_arch_knobs": "Networks and noise (changing one restarts training)",
    "gan_arch_help": "Changing these rebuilds both networks from scratch.",
    "gan_noise_dim": "Noise dimension",
    "gan_noise": "Noise distribution",
    "gan_noise_gaussian": "Gaussian",
    "gan_noise_uniform": "Uniform",
    "gan_g_width": "G width",
    "gan_g_depth": "G depth (hidden layers)",
    "gan_d_width": "D width",
    "gan_d_depth": "D depth (hidden layers)",
    "gan_views": "Show",
    "gan_view_real": "real data",
    "gan_view_fake": "generated samples",
    "gan_view_heatmap": "D's output (heat map)",
    "gan_view_gradients": "G's gradients",
    "gan_view_manifold": "G's manifold",
    "gan_plane": "Data space",
    "gan_curves": "Training curves",
    "gan_download": "Download model and samples",
    "gan_files": "Checkpoint (.safetensors) and samples (.csv)",
    "gan_err_reset_first": "Choose a dataset or press Reset first: there is no GAN to train yet.",
    "gan_budget_reached": "The training budget is reached: raise the budget or press Reset.",
    "gan_time_ceiling": "Paused after {seconds} seconds (the limit of one press of Play); press Play to continue.",
    "gan_plane_title": "{dataset} · {loss}",
    "common_mode_coverage": (
        "**Mode coverage:** {captured}/{total} modes captured · {hq:.1f}% high-quality samples · "
        "imbalance between modes {kl} (0: all used equally)"
    ),
    "gan_coverage_none": "**Mode coverage** is measured on the ring and the grid, whose modes are known.",
    "gan_status": "Iteration {it} · {d} D steps · {g} of {budget} G steps · {sps:.0f} G steps/s · D loss {d_loss} · G loss {g_loss}",
    "gan_status_idle": "Iteration {it} · {d} D steps · {g} of {budget} G steps · D loss {d_loss} · G loss {g_loss}",
    "gan_plane_caption_d": (
        "Background: D(x), the discriminator's probability that a point is real (green near 1, white at 0.5, purple near 0). Green dots: "
        "real data; purple dots: the generator's samples; orange segments: where G's loss pushes each sample; faint purple lines: G's "
        "manifold (a grid of noise values mapped through G)."
    ),
    "gan_plane_caption_critic": (
        "Background: the critic's score D(x) (green: high, purple: low; a critic's score is not a probability, so its scale is centred on "
        "its median). Green dots: real data; purple dots: the generator's samples; orange segments: where G's loss pushes each sample; "
        "faint purple lines: G's manifold."
    ),
    "gan_optimizer_adam": "Adam",
    "gan_optimizer_sgd": "SGD",
    "gan_critic": "critic",
    "gan_manifold": "G's manifold",
    "gan_real": "real",
    "gan_fake": "generated",
    "gan_gradients": "G's gradient",
    "gan_losses": "Losses",
    "gan_accuracy": "D's accuracy",
    "gan_grad_norm": "Norm of G's gradient",
    "gan_d_loss": "D loss",
    "gan_g_loss": "G loss",
    "gan_acc_real": "on real",
    "gan_acc_fake": "on fake",
    "gan_critic_gap": "Critic's gap",
    "gan_curves_caption_d": (
        "x: iteration. Middle: real points D calls real (green)<br>and fakes it calls fake (purple); they sum to about<br>"
        "100% when D cannot tell them apart. Bottom: log scale."
    ),
    "gan_curves_caption_critic": (
        "x: iteration. Middle: the critic's mean score on real<br>points minus on fakes, what it maximises (a critic<br>"
        "has no accuracy). Bottom: log scale."
    ),
    "gan_iteration": "iteration",
    "exp_title_mode_collapse": "Mode collapse",
    "exp_title_vanishing": "Vanishing gradients",
    "exp_title_wgan_clip": "Wasserstein critic with clipping",
    "exp_title_wgan_no_clip": "Wasserstein critic without clipping",
    "exp_title_fifty_percent": "The 50% discriminator",
    "exp_title_oscillation": "Oscillation instead of convergence",
    # the digits DCGAN
    "gan_digits_grid": "64 samples of this seed",
    "gan_digits_coordinate": "noise coordinate",
    "gan_digits_single": "One digit: the sliders set its first noise coordinates",
    "gan_digits_verdict": "The classifier reads a **{digit}** ({confidence:.0f}% confident).",
    "gan_digits_interp_help": (
        "**Interpolation** between the noise of two seeds. Spherical interpolation keeps the noise at a typical length; the linear path "
        "passes through shorter vectors (their norms are listed)."
    ),
    "gan_digits_seed_a": "Seed A",
    "gan_digits_seed_b": "Seed B",
    "gan_digits_mode": "Path",
    "gan_digits_linear": "linear",
    "gan_digits_spherical": "spherical",
    "gan_digits_steps": "Steps",
    "gan_digits_strip": "From A to B",
    "gan_digits_norms": "Norms of the noise along the path: {norms}",
    "gan_digits_judge": "Judge 2,000 samples",
    "gan_digits_hist": "What the classifier reads",
    "gan_digits_hist_title": "Classes read in {n} generated digits",
    "gan_digits_uniform": "uniform",
    "gan_digits_class": "digit",
    "gan_digits_count": "samples",
    "gan_digits_scores": (
        "KL of the class histogram to uniform: **{kl:.3f}** (0 = every digit equally often) · confident samples (> 90%): "
        "**{confident:.1f}%**"
    ),
}
