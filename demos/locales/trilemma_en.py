"""English text of the Trilemma & FID tab."""

STRINGS: dict[str, str] = {
    "tri_bias_help": (
        "### 1. FID is biased at small sample sizes\n"
        "Real digits against real digits should score 0, yet FID computed from a few samples is well above 0: the "
        "covariance of a small sample is a noisy estimate. Here, train digits against the test digits (in the features "
        "of the gallery's digits classifier), 5 draws per size. Always read an FID beside this baseline at the same size."
    ),
    "tri_bias": "Real against real",
    "tri_bias_title": "FID of real train digits against the real test digits",
    "tri_sample_size": "Number of train digits (log scale)",
    "tri_fid_axis": "FID (mean ± std of 5 draws)",
    "tri_explain_help": (
        "### 2. What each metric notices\n"
        "Pretend the train digits are a generator's output and spoil them: **blur** lowers quality; **dropping classes** "
        "removes modes. FID mixes both into one number. **Precision** (are the samples inside the real manifold?) and "
        "**density** (which can exceed 1) react to quality; **recall** (is the real manifold covered by the samples?) and **coverage** react "
        "to missing modes. Right: the 64-d feature space projected on its first two principal components."
    ),
    "tri_blur": "Blur (Gaussian std, pixels)",
    "tri_drop": "Drop these digits",
    "tri_size": "Number of samples",
    "tri_metrics": "Precision, recall, density, coverage",
    "tri_metrics_title": "The k-NN metrics against the real test digits",
    "tri_value": "Value (ideal: 1)",
    "tri_precision": "Precision",
    "tri_recall": "Recall",
    "tri_density": "Density",
    "tri_coverage": "Coverage",
    "tri_space": "The feature space",
    "tri_space_title": "Classifier features: 2 main components",
    "tri_pc": "Principal component {k}",
    "tri_real": "Real test digits (coloured by digit)",
    "tri_fake": "The spoiled samples",
    "tri_explain_text": "**FID {fid:.2f}** for these {n} samples, against **{baseline:.2f}** for as many untouched train digits (the baseline).",
    "tri_err_all_dropped": "Keep at least one digit: with every class dropped there is nothing to compare.",
    "tri_err_too_few": "Too few samples are left (at least 10 are needed); keep more digits or raise the number of samples.",
    # --- the comparison (tab section 3 and the dashboard) ---------------------------------
    "tc_model_gan": "GAN (non-saturating)",
    "tc_model_wgan_gp": "WGAN-GP",
    "tc_model_vae": "VAE",
    "tc_model_ddpm_1000": "DDPM, 1000 steps",
    "tc_model_ddim_50": "DDIM, 50 steps",
    "tc_model_ddim_10": "DDIM, 10 steps",
    "tc_model_ddgan_4": "DDGAN, 4 steps",
    "tc_model_ddgan_2": "DDGAN, 2 steps",
    "tc_ds_ring": "Ring of 8",
    "tc_ds_grid": "Grid of 25",
    "tc_ds_digits": "Digits 8x8",
    "tc_family_diffusion": "Diffusion (one network, three samplers)",
    "tc_family_ddgan": "Denoising diffusion GAN",
    "tc_col_dataset": "Data",
    "tc_col_model": "Model",
    "tc_col_precision": "Precision ↑",
    "tc_col_recall": "Recall ↑",
    "tc_col_density": "Density",
    "tc_col_coverage": "Coverage ↑",
    "tc_col_fid": "FID ↓",
    "tc_col_high_quality": "High-quality share ↑",
    "tc_col_modes": "Modes captured ↑",
    "tc_col_reverse_kl": "Reverse KL ↓",
    "tc_col_class_kl": "Class KL ↓",
    "tc_col_confident_share": "Confident share ↑",
    "tc_col_quality_extra": "More quality",
    "tc_col_coverage_extra": "More coverage",
    "tc_col_nfe": "Network evals / sample",
    "tc_col_ms": "ms / sample",
    "tc_col_seeds": "Seeds",
    "tc_seeds_training": "{n} × training",
    "tc_seeds_sampling": "{n} × sampling (shipped model)",
    "tc_real_data": "Real data (a perfect model)",
    "tc_paper_model": "Model (CIFAR-10)",
    "tc_paper_fid": "FID ↓",
    "tc_paper_recall": "Recall ↑",
    "tc_paper_nfe": "Network evals",
    "tc_paper_seconds": "Seconds / 100 images (V100 GPU)",
    "tc_speed_title": "Quality against speed\nbest: top left",
    "tc_cov_title": "Coverage against quality\nbest: top right",
    "tc_ms_axis": "ms per sample, this CPU (log scale)",
    "tc_quality_axis": "Precision (quality)",
    "tc_coverage_axis": "Recall (coverage)",
    "tc_axis_quality": "Quality",
    "tc_axis_coverage": "Coverage",
    "tc_axis_speed": "Speed",
    "tc_radar_title": "The trilemma per model\n{dataset}",
    "tc_radar_note": "Quality is precision, coverage is recall; speed is 1 for the fastest model of the table and 0 for the slowest, on a log scale of time.",
    "tc_steps_title": "Steps against quality\n{dataset}",
    "tc_nfe_axis": "Network evaluations per sample (log)",
    "tc_fid_axis": "FID (lower is better)",
    "tc_frechet_axis": "Fréchet distance of the points (lower is better)",
    "tc_previews_title": "Samples of each model: {dataset}",
    "tc_holds": "✓ holds here",
    "tc_fails": "✗ does not hold here",
    "tc_claim_gan_fast": "a GAN samples at least 100x faster than DDPM",
    "tc_claim_diffusion_covers": "DDPM covers the data at least as well as the GAN (recall)",
    "tc_claim_vae_blurry": "VAE samples are of lower quality than GAN samples (precision)",
    "tc_claim_ddgan_fast": "DDGAN with 4 steps samples at least 50x faster than DDPM",
    "tc_claim_ddgan_good": "DDGAN keeps at least 90% of DDPM's precision and recall",
    "tc_claim_ddim_few_steps": "DDIM with 50 steps keeps 90% of DDPM's precision, and 10 steps lose some",
    "tc_detail_gan_fast": "DDPM takes {ratio:,.0f}x the GAN's time per sample",
    "tc_detail_diffusion_covers": "recall: DDPM {ddpm:.3f}, GAN {gan:.3f}",
    "tc_detail_vae_blurry": "precision: VAE {vae:.3f}, GAN {gan:.3f}",
    "tc_detail_ddgan_fast": "DDPM takes {ratio:,.0f}x DDGAN's time per sample",
    "tc_detail_ddgan_good": "precision: DDGAN {p_ddgan:.3f}, DDPM {p_ddpm:.3f}; recall: DDGAN {r_ddgan:.3f}, DDPM {r_ddpm:.3f}",
    "tc_detail_ddim_few_steps": "precision: DDPM {ddpm:.3f}, DDIM-50 {ddim50:.3f}, DDIM-10 {ddim10:.3f}",
    "tc_full_run": "the shipped full run",
    "tc_quick_run": "a quick run (tiny training budgets: the numbers only show that the pipeline works)",
    "tc_source": "Measured on {when} in {kind}: {cpus} CPUs, torch {torch}, {seeds} seed(s) per model.",
    "tc_scale_note": (
        "**Different scales.** Ours: 2D points and 8x8 digits, small networks trained in minutes, timed on this CPU with one "
        "thread. The paper's: CIFAR-10 images, large networks, timed on a V100 GPU. Compare the *shape* of the trade-off, "
        "not the numbers."
    ),
    "tc_missing": "No comparison results were found ({error}). Run `python -m benchmarks trilemma` (about 40 minutes) or `--quick`.",
    "tri_compare_help": (
        "### 3. Every family, measured\n"
        "The same data, the same measurements: GANs, a VAE, one diffusion network sampled with DDPM (1000 steps) and DDIM "
        "(50 and 10), and a denoising diffusion GAN with 4 and 2 steps, the trilemma paper's own answer. Quality is "
        "precision; coverage is recall; speed is milliseconds per sample on this CPU."
    ),
    "tri_speed_plot": "Quality against speed",
    "tri_radar_plot": "The trilemma, model by model",
    "tri_real_points": "Real points",
    "tri_reading": (
        "#### Reading the shipped run\n"
        "- **Speed** holds everywhere: a GAN or a VAE needs one network evaluation per sample; DDPM needs 1,000 and is "
        "1,000 to 2,000 times slower (2.5 ms per 2D point, 194 ms per digit on this CPU). DDIM with 50 steps is 20 times "
        "faster than DDPM and keeps most of its quality; with 10 steps the 2D samples fall off the narrow modes (ring "
        "precision 0.06), the digits much less.\n"
        "- **Coverage**: DDPM covers the 2D data better than the GAN (recall 0.98 against 0.91 on the ring, 25/25 modes "
        "against 23.3 on the grid). On digits the shipped DCGAN covers as much as DDPM (recall 0.88 against 0.87, both "
        "with every class): the course's *GANs miss modes* does not show at this scale; it shows in the GAN Lab's "
        "mode-collapse experiment.\n"
        "- **Quality**: the VAE, decoding the mean, is the blurriest on 2D data: on the ring all its samples land between "
        "the modes (precision 0), on the grid 59% are on a mode. On digits its precision equals the GAN's (0.86) but its "
        "recall is the lowest (0.64, FID 1.40): here the VAE pays in coverage.\n"
        "- **The trilemma's answer**: the denoising diffusion GAN with 4 steps is 280 to 6,200 times faster than DDPM. On "
        "the ring it matches DDPM (precision 0.93, recall 0.96); on digits it comes close (0.82 and 0.84 against 0.90 and "
        "0.87); on the grid it finds every mode but only 54% of its samples are on one (DDPM: 94%). At our small training "
        "budgets it softens the trilemma rather than solving it.\n"
        "- **FID**: the DCGAN scores a lower FID than DDPM (0.30 against 0.39; real digits 0.21): the gallery's FID sees the "
        "features the classifier uses, classes and coarse strokes, not every detail. Read it with precision and recall."
    ),
    "tri_compare_dataset": "Data set",
    "tri_compare_table": "The table (mean ± spread over seeds)",
    "tri_claims_title": "#### What the course claims, checked on our numbers",
}
