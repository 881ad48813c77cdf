"""English text of the Autoencoders tab."""

STRINGS: dict[str, str] = {
    "ae_maps_help": (
        "### 1. The latent maps\n"
        "Both models squeeze each 8×8 digit (64 numbers) into **two numbers** $z = (z_1, z_2)$, so the whole latent "
        "space fits on a page. Each dot is a test digit placed at its code, coloured by what digit it really is. "
        "**Click a map** (or move the sliders) to pick a latent point and see what the decoder makes of it. "
        "Switch the view to **decoded grid** to see the decode of every point of the plane at once: the AE's grid "
        "has blank and smeared regions between its clusters (holes); the VAE's grid morphs smoothly from digit to digit. "
        "Note the scales: the AE's codes sprawl over tens of units, the VAE's stay near the origin, where the KL term pulls them. "
        "(Both models score the reconstruction as the binary cross-entropy of the pixels, the usual choice for images in [0, 1].)"
    ),
    "ae_view": "Map view",
    "ae_view_codes": "Test digits' codes",
    "ae_view_manifold": "Decoded grid",
    "ae_model_ae_2d": "Autoencoder (AE), 2-D latent",
    "ae_model_vae_2d": "Variational autoencoder (VAE), 2-D latent",
    "ae_map_name_ae_2d": "Autoencoder (AE)",
    "ae_map_name_vae_2d": "Variational autoencoder (VAE)",
    "ae_map_title_codes": "{model}: codes of 364 test digits",
    "ae_map_title_manifold": "{model}: decodes over the plane",
    "ae_digit": "Digit",
    "ae_coordinate": "Latent coordinate",
    "ae_decoded": "Decoded image",
    "ae_verdict": "The digits classifier reads a **{digit}** with {confidence:.0f}% confidence.",
    "ae_prior_help": (
        "### 2. Holes against smoothness: random codes from $\\mathcal{N}(0, I)$\n"
        "A generative model must turn *random* latent points into data. Draw codes from the standard normal and "
        "decode the **same codes** with both models. Under each decode, the digits classifier's reading and "
        "confidence: green above 90%, red below."
    ),
    "ae_prior_count": "How many codes",
    "ae_prior_button": "Draw random codes",
    "ae_prior_ae_2d": "AE decodes",
    "ae_prior_vae_2d": "VAE decodes",
    "ae_prior_summary": (
        "**Confident readings (> 90%) here:** AE {ae} of {n}, VAE {vae} of {n}.  \n"
        "**Over 1,000 draws** (measured when the models were trained): AE {ae_share:.0f}%, VAE {vae_share:.0f}% confident. "
        "The class histogram of those 1,000 decodes is {ae_kl:.2f} nats from uniform for the AE (it makes a few digits "
        "over and over, because N(0, I) covers only a small patch of its sprawling latent space) and {vae_kl:.3f} for "
        "the VAE (all ten digits, evenly)."
    ),
    "ae_draw_help": (
        "### 3. Draw a digit\n"
        "Draw a digit with a thick stroke on the canvas (or upload a picture of one). It is cut to its bounding box and shrunk to 8×8 "
        "exactly as the dataset was made; the maps above jump to where it lands in each latent space."
    ),
    "ae_draw": "Draw a digit",
    "ae_upload": "…or upload an image",
    "ae_drawn_strip": "8×8 input · AE and VAE reconstructions",
    "ae_draw_text": "The classifier reads your drawing as a **{digit}** ({confidence:.0f}%). The markers on both maps show its codes.",
    "ae_err_draw_empty": "There is no digit to read: draw a few strokes (or upload an image with visible ink) first.",
    "ae_err_draw_too_big": "That image is too large (more than 16 million pixels); please use a smaller one.",
    "ae_err_image": "Please draw a digit or upload an image (PNG or JPEG).",
    "ae_interp_help": (
        "### 4. Interpolation\n"
        "Walk in a straight line from the code of one test digit to another and decode each step. In the VAE the path "
        "stays on digits; in the AE it may cross a hole and pass through shapes that are no digit at all."
    ),
    "ae_first": "From digit",
    "ae_second": "To digit",
    "ae_example": "Which test example",
    "ae_steps": "Steps",
    "ae_strip_ae_2d": "AE: the two digits at the ends, the path between",
    "ae_strip_vae_2d": "VAE: the two digits at the ends, the path between",
    "ae_reparam_help": (
        "### 5. The reparametrisation trick\n"
        "For one input the VAE's encoder gives a mean $\\mu$ and a standard deviation $\\sigma$: a small cloud, "
        "$q(z \\mid x) = \\mathcal{N}(\\mu, \\sigma^2)$, drawn as ellipses at one and two $\\sigma$. Sampling is written as "
        "$z = \\mu + \\sigma \\odot \\epsilon$ with $\\epsilon \\sim \\mathcal{N}(0, I)$: the randomness sits in $\\epsilon$, "
        "so gradients flow through $\\mu$ and $\\sigma$ during training. The red crosses are samples; their decodes are "
        "below. The chart is zoomed in around $\\mu$ (the faint dots are the other test digits): $\\sigma$ is small, a "
        "precise code, but the KL term keeps it from shrinking to zero. Choose **use the mean** to see what the model does at test time."
    ),
    "ae_samples": "Samples",
    "ae_mode": "Code",
    "ae_mode_sample": "Sample z = μ + σ·ε",
    "ae_mode_mean": "Use the mean z = μ",
    "ae_reparam_chart": "q(z | x) in the VAE's latent plane",
    "ae_reparam_strip": "The input, then the decode of each sample",
    "ae_reparam_title": "q(z|x), zoomed in: ellipses at 1 and 2 std, samples as red x",
    "ae_reparam_text": "Mean $\\mu = ({mu1:.2f}, {mu2:.2f})$, standard deviation $\\sigma = ({s1:.2f}, {s2:.2f})$.",
    "ae_beta_help": (
        "### 6. The KL weight $\\beta$\n"
        "The VAE's loss is reconstruction + $\\beta$ × KL. With $\\beta = 0$ nothing pulls the codes together and the "
        "KL is huge (it is just an AE with noise); as $\\beta$ grows the codes crowd into $\\mathcal{N}(0, I)$, the KL "
        "falls and the reconstruction worsens; too large and the encoder gives up (KL ≈ 0, every code decodes to the "
        "same blur: *posterior collapse*). Below, the shipped models for five betas (test-set KL and reconstruction, "
        "in nats per image); then train your own, live."
    ),
    "ae_beta_shipped": "Shipped VAEs for β = 0, 0.5, 1, 2 and 4 (latent maps of the test digits)",
    "ae_beta_panel": "beta = {beta:g}",
    "ae_beta_figures": "KL {kl:.1f} · reconstruction {rec:.1f}",
    "ae_beta": "β (weight of the KL term)",
    "ae_train_steps": "Training steps",
    "ae_beta_hint": "Choose β and press **Train**: a fresh 2-D VAE trains on the digits (about 5 seconds for 3,000 steps) while its curves and latent map update.",
    "ae_train": "Train",
    "ae_stop": "Stop",
    "ae_beta_curves": "Loss terms while training",
    "ae_beta_curves_title": "A 2-D VAE with β = {beta:g}: the two terms of its loss",
    "ae_curve_reconstruction": "Reconstruction (−log p(x|z))",
    "ae_curve_kl": "KL(q(z|x) ‖ N(0, I))",
    "ae_nats": "Nats per image",
    "ae_step": "Training step",
    "ae_live_map": "Its latent map, live",
    "ae_live_map_title": "beta = {beta:g}: codes of the test digits",
    "ae_live_status": "Step {step} of {total} · reconstruction {rec:.1f} · KL {kl:.2f} · {seconds:.0f} s",
    "ae_live_status_done": "Done: {step} steps · reconstruction {rec:.1f} · KL {kl:.2f} · {seconds:.0f} s",
    "ae_time_ceiling": "(stopped at the {seconds} s ceiling of one run)",
    "ae_race_help": (
        "### 7. A linear autoencoder finds PCA's subspace; non-linearity does better\n"
        "A **linear** AE with $k$ latents (encoder and decoder are plain matrices) trained on squared error ends up "
        "spanning the same subspace as PCA's top $k$ principal components: the **principal angles** between its "
        "decoder's columns and PCA's directions fall to zero, and its error meets PCA's, the best any linear map can "
        "do. A **non-linear** AE with the same $k$ (one hidden layer of 128) beats both. Errors are squared errors per "
        "test image, summed over the 64 pixels."
    ),
    "ae_k": "Latent dimensions k",
    "ae_race_steps": "Training steps",
    "ae_race_hint": "Press **Train**: both autoencoders train side by side (about 5 seconds) and the curves fill in live.",
    "ae_angles": "Principal angles to PCA",
    "ae_errors": "Reconstruction error on the test digits",
    "ae_angles_title": "Linear AE against PCA's top {k} directions",
    "ae_errors_title": "Reconstruction error with k = {k}",
    "ae_curve_max_angle": "Largest principal angle",
    "ae_curve_mean_angle": "Mean principal angle",
    "ae_curve_linear": "Linear AE",
    "ae_curve_nonlinear": "Non-linear AE",
    "ae_curve_pca": "PCA",
    "ae_degrees": "Degrees",
    "ae_mse": "Squared error per image",
    "ae_race_status": (
        "Step {step} of {total} · largest angle **{angle:.2f}°** · test error: linear AE {linear:.3f}, "
        "PCA {pca:.3f}, non-linear AE **{nonlinear:.3f}**"
    ),
    "ae_vae16_help": (
        "### 8. A VAE with a 16-D latent\n"
        "Two numbers are too few to describe a digit; with 16 the reconstructions are closer to their inputs (the README "
        "lists the test errors). Samples of a small VAE stay somewhat blurry: where the decoder is unsure it outputs the "
        "average pixel. Random samples from $\\mathcal{N}(0, I)$, and one digit whose first four latent coordinates you set "
        "(the rest come from the seed)."
    ),
    "ae_vae16_grid": "32 random samples of the 16-D VAE",
}
