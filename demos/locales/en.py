"""English text of the interface. Every key here exists in `es.py` too (a test checks it)."""

from demos.locales.ae_en import STRINGS as AUTOENCODERS
from demos.locales.clip_en import STRINGS as CLIP_TAB
from demos.locales.diffusion_en import STRINGS as DIFFUSION
from demos.locales.gans_en import STRINGS as GANS
from demos.locales.links_en import STRINGS as LINKS
from demos.locales.markdown import complete_table
from demos.locales.nerf_en import STRINGS as NERF_TAB
from demos.locales.sd_en import STRINGS as SD_TAB
from demos.locales.splat_en import STRINGS as SPLAT_TAB
from demos.locales.trilemma_en import STRINGS as TRILEMMA

STRINGS: dict[str, str] = {
    "ov_page_fit": "Discriminative and generative",
    "ov_page_trilemma": "The generative trilemma",
    "ov_page_map": "Map of the gallery",
    # --- general -------------------------------------------------------------------------
    "app_title": "Generative Models Gallery",
    "app_header": (
        "# Generative Models Gallery\n"
        "The course unit on generative models, one tab per idea: GANs, autoencoders, diffusion, CLIP, "
        "Stable Diffusion, NeRF and Gaussian splatting. Each tab explains its idea and, once its models are ready, "
        "lets you try it; every model here runs on a laptop CPU."
    ),
    "error_title": "Check the input",
    "common_read_more": "More: the explanation and its equations",
    "common_more_settings": "More settings",
    "common_seed": "Seed",
    "common_gif": "Save as GIF",
    "common_gif_file": "Animated GIF of this run (for slides)",
    "common_gif_empty": "Nothing recorded yet: the GIF keeps what this view showed during a run, and there has been none yet.",
    "common_dataset": "Dataset",
    "common_ds_ring": "Ring of 8 Gaussians",
    "common_ds_grid": "Grid of 25 Gaussians",
    "common_ds_moons": "Two moons",
    "common_ds_spiral": "Spiral (two arms)",
    "common_ds_swiss_roll": "Swiss roll",
    "common_ds_csv": "My points (uploaded CSV)",
    "common_csv_file": "CSV with x, y[, label]",
    "common_csv_help": (
        "*Your own points:* upload a CSV with columns `x, y` and, optionally, an integer `label` (0 to 99), "
        "then pick **My points** as the dataset. At least 3 and at most 20,000 rows, 2\u00a0MB at most."
    ),
    "num_points": "Number of training points",
    "components": "Mixture components K",
    "em_iterations": "Fitting rounds (EM iterations)",
    "classifier_steps": "Classifier training steps",
    "new_points": "New points to draw",
    # counted nouns, for t(key, lang, count=n): "1 sample", "2 samples"
    "common_n_samples_one": "{count} sample",
    "common_n_samples_other": "{count} samples",
    "common_n_steps_one": "{count} step",
    "common_n_steps_other": "{count} steps",
    "common_sharing_one": "the server trains {count} other live run in turn with yours",
    "common_sharing_other": "the server trains {count} other live runs in turn with yours",
    # --- errors --------------------------------------------------------------------------
    "common_err_image_unreadable": (
        "That file could not be read as an image (it may be damaged, in an unknown format, or too large). Please try a PNG or JPEG."
    ),
    "common_err_not_number": "“{name}” must be a number.",
    "common_err_not_finite": "“{name}” must be a finite number (not NaN or infinity).",
    "common_err_not_integer": "“{name}” must be a whole number.",
    "common_err_range": "“{name}” must be between {lo} and {hi}.",
    "common_err_choice": "“{name}” must be one of: {choices}.",
    "common_err_csv_missing": "Upload a CSV file first, then choose “My points”.",
    "ov_csv_wait": "You chose **My points**: upload your CSV in the “{box}” box and both models are fitted as soon as it arrives.",
    "err_too_few_points": "There are {n} points but K = {k} components: use fewer components or more points.",
    "err_fit_first": "Fit the models first (choose a dataset), then draw new points.",
    "common_csv_too_big": "The CSV is larger than {limit} bytes; upload a smaller file.",
    "common_csv_too_many": "The CSV has more than {limit} rows; keep at most {limit}.",
    "common_csv_too_few": "The CSV needs at least {minimum} rows of x, y.",
    "common_csv_columns": "Row {row} of the CSV needs two numbers, x and y.",
    "common_csv_not_number": "Row {row} of the CSV has text where a number should be.",
    "common_csv_not_finite": "Row {row} of the CSV has a NaN or infinite value.",
    "common_csv_label": "Row {row} of the CSV: labels must be whole numbers from 0 to 99.",
    # --- tabs ----------------------------------------------------------------------------
    "tab_overview": "Overview",
    "tab_gans": "GANs",
    "tab_autoencoders": "Autoencoders",
    "tab_diffusion": "Diffusion",
    "tab_clip": "CLIP & DALL-E 2",
    "tab_sd": "Stable Diffusion",
    "tab_nerf": "NeRF",
    "tab_3dgs": "Gaussian Splatting",
    "tab_trilemma": "Trilemma & FID",
    "tab_explore": "Explore",
    "explore_page_stylegan": "Models: StyleGAN",
    "explore_page_translation": "Models: translation, faces, 3D",
    "explore_page_resources": "Resource lists",
    "explore_page_datasets": "Datasets",
    # --- overview ------------------------------------------------------------------------
    "ov_clf_plot": "Decision regions",
    "ov_clf_title": "Classifier: colour = p(y | x)",
    "ov_gen_plot": "Density and new samples",
    "ov_gen_title": "Gaussian mixture: contours of log p(x)",
    "ov_sample_button": "Draw new points",
    "ov_fit_button": "Refit both models",
    "ov_download": "New points (CSV)",
    "ov_code": "Show the code of one EM iteration",
    "ov_code_help": "This is the exact function the tab runs (from `core/gmm.py`): an E-step and an M-step.",
    "ov_summary": (
        "**Classifier:** {acc:.1f}% training accuracy after {steps} steps. "
        "**Mixture:** K = {k}, {iters} EM iterations, mean log-likelihood {ll:.3f} nats per point (higher is better)."
    ),
    "ov_sampled_one": "Drew **{count}** new point; its log-likelihood under the mixture is {ll:.3f}.",
    "ov_sampled_other": "Drew **{count}** new points; their mean log-likelihood under the mixture is {ll:.3f}.",
    "ov_class": "class {k}",
    "ov_data": "training data",
    "ov_components": "components (2σ)",
    "ov_new_points": "new samples",
    "tri_header": "## The generative trilemma",
    "tri_title": "Quality, speed, coverage: pick two",
    "tri_quality": "Sample quality",
    "tri_speed": "Fast sampling",
    "tri_coverage": "Mode coverage / diversity",
    "tri_gan": "GANs",
    "tri_gan_why": "GANs: sharp samples in one network pass, but they tend to drop modes (mode collapse).",
    "tri_diffusion": "Diffusion",
    "tri_diffusion_why": "Diffusion: sharp and diverse samples, but hundreds of network passes per sample.",
    "tri_vae": "VAEs",
    "tri_vae_why": "VAEs: one pass and good coverage, but blurrier samples.",
    "tri_ddgan": "Denoising diffusion GAN (DDGAN)",
    "tri_ddgan_why": "Xiao et al. (ICLR 2022) combine both: diffusion with a few large steps, each modelled by a GAN.",
    # --- explore -------------------------------------------------------------------------
    "stylegan_nada": (
        "Adapts a pretrained StyleGAN to a new domain described only in words (e.g. “sketch”), guided by CLIP, without any image of that "
        "domain."
    ),
    "psp": (
        "An encoder that maps an image straight into StyleGAN's extended latent space, for inversion and image-to-image tasks (sketch or "
        "segmentation to face)."
    ),
    "e4e": (
        "An encoder for StyleGAN inversion designed so that the inverted code stays editable, trading a little fidelity for much better "
        "edits."
    ),
    "hyperstyle": (
        "Inverts real images by predicting, with a hypernetwork, small changes to StyleGAN's weights, so reconstructions are faithful and "
        "still editable."
    ),
    "styleflow": (
        "Edits attributes of StyleGAN images (age, pose, lighting, glasses) with conditional continuous normalising flows in the latent "
        "space."
    ),
    "stylegan3_editing": (
        "Studies inversion and editing with StyleGAN3, including editing of videos thanks to its alias-free, translation-equivariant "
        "design."
    ),
    "sam_age": "Age transformation of faces as a regression in StyleGAN's latent space, conditioned on a target age.",
    "gangealing": (
        "Aligns all the images of a category (cats, cars, faces) to a common pose, learning the alignment with supervision generated by a "
        "GAN."
    ),
    "stargan_v2": (
        "A single generator translates an image into several domains (e.g. cat, dog, wild animal) with diverse styles per domain."
    ),
    "fsgan": "Face swapping and reenactment that works on any pair of people without training on them.",
    "cyclegan": "Unpaired image-to-image translation (horse to zebra, summer to winter) with a cycle-consistency loss.",
    "discogan": "Discovers relations between two domains (e.g. bags and shoes) without paired examples, with two coupled GANs.",
    "point_nerf": "A radiance field attached to a cloud of neural points, which reconstructs scenes much faster than a pure NeRF.",
    "res_gans_deepfakes": "A curated list of GAN and deepfake papers, code and tools.",
    "res_gans_apps": "GAN applications organised by task, with papers and code.",
    "res_gan_zoo": "A list of hundreds of named GAN variants with their papers.",
    "res_vaes": "Papers on variational autoencoders, organised by topic.",
    "res_diffusion": "A large, frequently updated list of diffusion-model papers by area.",
    "res_diffusion_survey": "A survey of diffusion models: methods (sampling, likelihood, structured data) and applications.",
    "res_nerf": "Papers and code on neural radiance fields, by topic.",
    "res_3dgs": "Papers, code and viewers for 3D Gaussian splatting.",
    "res_genai": "An overview of generative AI papers across images, video, 3D and more.",
    "data_celebamask": "30,000 high-resolution face images with pixel masks of 19 facial parts, for face editing and parsing.",
    "data_deepfashion": "44,000 full-body fashion images with parsing masks, keypoints, attribute labels and text descriptions.",
    # --- dashboard -----------------------------------------------------------------------
    "dash_title": "Generative trilemma dashboard",
    "dash_found": "Results file: {path}",
    "dash_language": "Language",
    "dash_source": "Results",
    "dash_source_full": "Shipped full run",
    "dash_source_quick": "My quick re-run",
    "dash_datasets": "Data sets",
    "dash_models": "Models",
    "dash_ours": "Our scale: this gallery's models",
    "dash_paper": "The paper's scale: CIFAR-10 (Xiao et al. 2022, table 1)",
    "dash_charts": "Charts",
    "dash_radar": "Triangles",
    "dash_steps": "Steps against quality",
    "dash_samples": "Samples of each model",
    "dash_claims": "Where the course's claims hold at this scale",
    "dash_rerun": "Re-run the quick benchmark",
    "dash_rerun_help": (
        "Trains every family again with tiny budgets on the ring and the digits (one seed, a few minutes) and shows those numbers: a check "
        "that the pipeline works, not a replacement for the full run."
    ),
    "dash_progress": "Quick benchmark: {done} of {total} models measured ({last})",
    "dash_done": "Quick benchmark done: {path}. The page now shows its numbers; choose “Shipped full run” in the sidebar to go back.",
    "dash_busy": "A quick benchmark is already running (started by someone on this server). Wait for it to finish, then reload.",
    "dash_nothing": "Choose at least one data set and one model.",
    "dash_pending": (
        "The comparison results are missing ({error}). The instructor can regenerate them (the full run trains every model several "
        "times and takes much longer than the quick re-run), or you can start the quick re-run below."
    ),
    "dash_steps_caption": (
        "x: network evaluations per sample (log scale); y: FID on digits, Fréchet distance on 2D data (lower is better); one line per "
        "family (DDPM and DDIM share a network), bars: spread over seeds."
    ),
    "dash_samples_caption": "Samples of each trained model: 8x8 digits as images; 2D data as points, over the real data.",
    # --- values the server could not read (the public API) ----------------------------------
    "common_err_missing_values": "This action takes {expected} values and received {got}: send one for each parameter the API page lists.",
    "common_err_values_unreadable": "A value sent could not be read: check each one against the API page.",
    "common_err_bad_image": (
        "“{name}” could not be read as an image (a damaged or unknown file, a URL the server cannot fetch, or more than "
        "{megapixels} million pixels). Please send a PNG or JPEG."
    ),
    "common_err_bad_file": "“{name}” could not be read: send an uploaded file of type {types}.",
    "common_err_bad_value": "“{name}” has a value of the wrong kind: see the API page for what it takes.",
    "common_any_type": "any type",
}

_LABELS = {
    "paper": "paper",
    "code": "code",
    "name": "Name",
    "what": "What it does",
    "links": "Links",
    "family": "Family",
    "all_families": "all",
    "resources_header": "Resource lists",
    "datasets_header": "Datasets",
    "fam_stylegan": "StyleGAN inversion and editing",
    "fam_translation": "Image-to-image translation and faces",
    "fam_3d": "3D",
}
# The tabs' tables, the long lecture and help texts from lectures/en/*.md (Markdown, never formatted), the catalogue.
LECTURES = complete_table(STRINGS, [GANS, AUTOENCODERS, DIFFUSION, TRILEMMA, CLIP_TAB, SD_TAB, NERF_TAB, SPLAT_TAB, LINKS], "en", _LABELS)
