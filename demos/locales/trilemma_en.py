"""English text of the Trilemma & FID tab."""

STRINGS: dict[str, str] = {
    "tri_page_bias": "1 · FID needs samples",
    "tri_page_fid": "2 · What each metric notices",
    "tri_page_compare": "3 · Every family, measured",
    "tri_page_claims": "4 · The claims, checked",
    "tri_bias": "Real against real",
    "tri_bias_title": "FID of real train digits against the real test digits",
    "tri_sample_size": "Number of train digits (log scale)",
    "tri_fid_axis": "FID (mean ± std of 5 draws)",
    "tri_blur": "Blur (Gaussian std, pixels)",
    "tri_drop": "Drop these digits",
    "tri_size": "Number of samples",
    "tri_metrics": "Precision, recall and two variants",
    "tri_metrics_title": "The k-NN metrics against the real test digits",
    "tri_value": "Value (ideal: 1)",
    "tri_precision": "Precision",
    "tri_recall": "Recall",
    "tri_density": "Density (like precision)",
    "tri_coverage": "Coverage (like recall)",
    "tri_space": "The feature space",
    "tri_space_title": "Classifier features: 2 main components",
    "common_pc": "Principal component {k}",
    "tri_real": "Real test digits (coloured by digit)",
    "tri_fake": "The spoiled samples",
    "tri_explain_text": (
        "**FID {fid:.2f}** for these {n} samples, against **{baseline:.2f}** for as many untouched train digits (the baseline)."
    ),
    "tri_err_all_dropped": "Keep at least one digit: with every class dropped there is nothing to compare.",
    "tri_err_too_few": "Too few samples are left (at least 10 are needed); keep more digits or raise the number of samples.",
    # --- the comparison (tab section 3 and the dashboard) ---------------------------------
    "tc_model_gan": "GAN (non-saturating)",
    "tc_model_wgan_gp": "GAN, Wasserstein (WGAN-GP)",
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
    "tc_col_density": "Density (like precision)",
    "tc_col_coverage": "Coverage (like recall) ↑",
    "tc_col_fid": "FID ↓",
    "tc_col_high_quality": "High-quality share ↑",
    "tc_col_modes": "Modes captured ↑",
    "tc_col_reverse_kl": "Imbalance between modes (KL) ↓",
    "tc_col_class_kl": "Imbalance between digits (KL) ↓",
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
    "tc_radar_note": (
        "Quality is precision, coverage is recall; speed is 1 for the fastest model of the table and 0 for the slowest, on a log scale of "
        "time."
    ),
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
    "tc_n_seeds_one": "{count} seed",
    "tc_n_seeds_other": "{count} seeds",
    "tc_source": "Measured on {when} in {kind}: {cpus} CPUs, torch {torch}, {seeds} per model.",
    "tc_missing": "The comparison results are missing ({error}); the instructor can regenerate them.",
    "tri_speed_plot": "Quality against speed",
    "tri_radar_plot": "The trilemma, model by model",
    "tri_real_points": "Real points",
    "tri_compare_dataset": "Data set",
    "tri_compare_table": "The table (mean ± spread over seeds)",
    "tri_claims_title": "#### What the course claims, checked on our numbers",
    "tri_reading_title": "#### Reading the shipped run",
    "tri_reading_speed": (
        "- **Speed is not the number of network evaluations.** DDPM takes 1,000 evaluations per sample and is {ddpm_vae_ring:,.0f} times "
        "slower than the one-pass VAE on the ring, {ddpm_vae_grid:,.0f} times on the grid and {ddpm_vae_digits:,.0f} times on digits "
        "({ddpm_ms_ring:.1f}\u00a0ms per 2D point, {ddpm_ms_digits:,.0f}\u00a0ms per digit on this CPU): the digits' network costs more "
        "per "
        "evaluation. The other way round, the denoising diffusion GAN takes 4 evaluations and {ddgan_us_digits:.0f}\u00a0µs per digit, "
        "less "
        "than the one-pass DCGAN ({gan_us_digits:.0f}\u00a0µs): each of its evaluations costs less. DDIM with 50 steps is "
        "{ddim_speedup_ring:.0f} times faster than DDPM on the ring and keeps most of its quality (precision {p_ddim50_ring:.2f} against "
        "{p_ddpm_ring:.2f}); with 10 steps the 2D samples fall off the narrow modes (ring precision {p_ddim10_ring:.2f}), the digits "
        "much less ({p_ddim10_digits:.2f})."
    ),
    "tri_reading_coverage": (
        "- **Coverage**: DDPM covers the 2D data better than the GAN (recall {r_ddpm_ring:.2f} against {r_gan_ring:.2f} on the ring; "
        "{modes_ddpm_grid:.0f} of the grid's {grid_modes:.0f} modes against {modes_gan_grid:.1f} on average). On digits the shipped "
        "DCGAN covers about as much as DDPM (recall {r_gan_digits:.2f} against {r_ddpm_digits:.2f}): the course's *GANs miss modes* does "
        "not show at this scale; it shows in the GAN Lab's mode-collapse experiment."
    ),
    "tri_reading_quality": (
        "- **Quality**: the VAE, decoding the mean, blurs the 2D data. On the ring {hq_vae_ring} of its samples lie within 3 standard "
        "deviations of a mode (the GAN: {hq_gan_ring}), on the grid {hq_vae_grid} (the GAN: {hq_gan_grid}). On digits its precision is "
        "about the GAN's ({p_vae_digits:.2f} against {p_gan_digits:.2f}) but its recall is the lowest ({r_vae_digits:.2f}, FID "
        "{fid_vae_digits:.2f}): here the VAE pays in coverage."
    ),
    "tri_reading_ddgan": (
        "- **The trilemma's answer**: the denoising diffusion GAN with 4 steps is {ddgan_speedup_min:,.0f} to {ddgan_speedup_max:,.0f} "
        "times faster than DDPM. On the ring it is as good as DDPM (precision {p_ddgan_ring:.2f} and recall {r_ddgan_ring:.2f} against "
        "{p_ddpm_ring:.2f} and {r_ddpm_ring:.2f}); on digits it comes close ({p_ddgan_digits:.2f} and {r_ddgan_digits:.2f} against "
        "{p_ddpm_digits:.2f} and {r_ddpm_digits:.2f}); on the grid it finds {modes_ddgan_grid:.0f} modes but only {hq_ddgan_grid} of its "
        "samples lie on one (DDPM: {hq_ddpm_grid}). At our small training budgets it softens the trilemma rather than solving it."
    ),
    "tri_reading_fid": (
        "- **FID**: the DCGAN scores a lower FID than DDPM ({fid_gan_digits:.2f} against {fid_ddpm_digits:.2f}; real digits "
        "{fid_real:.2f}): the gallery's FID sees the features the classifier uses, classes and coarse strokes, not every detail. Read it "
        "with precision and recall."
    ),
    "tri_space_caption": (
        "Each point is one digit's 64 classifier features, projected on their first two principal components: coloured dots are test "
        "digits (colour = class), black crosses the spoiled train digits."
    ),
    "tri_dashboard_link": (
        "**[Open the full trilemma dashboard ↗](/dashboard/?lang=en)**: every model family on the same data in one table, with "
        "charts you can filter by data set and model (it opens on this same server)."
    ),
}
