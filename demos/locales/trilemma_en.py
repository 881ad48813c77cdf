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
    "tri_comparison_coming": (
        "### 3. Every family, measured\n"
        "The comparison of GANs, VAEs, DDPM, DDIM and a denoising diffusion GAN on the same data (quality, coverage, "
        "speed) will appear here with its benchmark; the 2D and digits figures of each family are already on their tabs."
    ),
}
