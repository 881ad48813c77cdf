"""English text of the interface. Every key here exists in `es.py` too (a test checks it)."""

from demos.locales.ae_en import STRINGS as AUTOENCODERS
from demos.locales.catalog import render_catalog
from demos.locales.clip_en import STRINGS as CLIP_TAB
from demos.locales.diffusion_en import STRINGS as DIFFUSION
from demos.locales.gans_en import STRINGS as GANS
from demos.locales.sd_en import STRINGS as SD_TAB
from demos.locales.trilemma_en import STRINGS as TRILEMMA

STRINGS: dict[str, str] = {
    # --- general -------------------------------------------------------------------------
    "app_title": "Generative Models Gallery",
    "app_header": (
        "# Generative Models Gallery\n"
        "Interactive demos of the course unit on generative models: GANs, autoencoders, diffusion, CLIP, "
        "Stable Diffusion, NeRF and Gaussian splatting. Every model here runs on a laptop CPU."
    ),
    "error_title": "Check the input",
    "seed": "Seed",
    "dataset": "Dataset",
    "ds_ring": "Ring of 8 Gaussians",
    "ds_grid": "Grid of 25 Gaussians",
    "ds_moons": "Two moons",
    "ds_spiral": "Spiral (two arms)",
    "ds_swiss_roll": "Swiss roll",
    "ds_csv": "My points (uploaded CSV)",
    "csv_file": "CSV with x, y[, label]",
    "csv_help": (
        "*Your own points:* upload a CSV with columns `x, y` and, optionally, an integer `label` (0 to 99), "
        "then pick **My points** as the dataset. At least 3 and at most 20,000 rows, 2 MB at most."
    ),
    "num_points": "Number of training points",
    "components": "Mixture components K",
    "em_iterations": "EM iterations",
    "classifier_steps": "Classifier training steps",
    "new_points": "New points to draw",
    "coming_soon": (
        "> **The interactive part of this tab is coming.** What you read above is the idea it will let you "
        "explore; the controls will appear here once its models are trained and tested."
    ),
    # --- errors --------------------------------------------------------------------------
    "err_image_unreadable": "That file could not be read as an image (it may be damaged, in an unknown format, or too large). Please try a PNG or JPEG.",
    "err_not_number": "“{name}” must be a number.",
    "err_not_finite": "“{name}” must be a finite number (not NaN or infinity).",
    "err_not_integer": "“{name}” must be a whole number.",
    "err_range": "“{name}” must be between {lo} and {hi}.",
    "err_choice": "“{name}” must be one of: {choices}.",
    "err_csv_missing": "Upload a CSV file first, then choose “My points”.",
    "ov_csv_wait": "You chose **My points**: upload your CSV in the “{box}” box and both models are fitted as soon as it arrives.",
    "err_too_few_points": "There are {n} points but K = {k} components: use fewer components or more points.",
    "err_fit_first": "Fit the models first (choose a dataset), then draw new points.",
    "csv_too_big": "The CSV is larger than {limit} bytes; upload a smaller file.",
    "csv_too_many": "The CSV has more than {limit} rows; keep at most {limit}.",
    "csv_too_few": "The CSV needs at least {minimum} rows of x, y.",
    "csv_columns": "Row {row} of the CSV needs two numbers, x and y.",
    "csv_not_number": "Row {row} of the CSV has text where a number should be.",
    "csv_not_finite": "Row {row} of the CSV has a NaN or infinite value.",
    "csv_label": "Row {row} of the CSV: labels must be whole numbers from 0 to 99.",
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
    # --- overview ------------------------------------------------------------------------
    "ov_intro": (
        "## Generative vs discriminative\n"
        "Both models below see the same labelled 2D points. The **discriminative** one learns only "
        "$p(y\\mid x)$: which class a point belongs to. The **generative** one learns $p(x)$: where the data "
        "lives at all, so it can invent new points. Change the dataset or any slider and both refit."
    ),
    "ov_clf_header": "### Discriminative: $p(y \\mid x)$\nA small neural network (MLP) trained with cross-entropy.",
    "ov_clf_plot": "Decision regions",
    "ov_clf_title": "Classifier: colour = p(y | x)",
    "ov_clf_text": (
        "**Can:** tell the classes apart; the colour of each region is the predicted class, and mixed colours "
        "mark where it hesitates (the boundary).\n\n"
        "**Cannot:** say whether a point looks like the data. Far from every point it is still sure of a class, "
        "and it has no way to produce a new point."
    ),
    "ov_gen_header": (
        "### Generative: $p(x) = \\sum_k \\pi_k\\, \\mathcal{N}(x;\\mu_k,\\Sigma_k)$\n"
        "A Gaussian mixture fitted by expectation-maximisation (EM), written from scratch in `core/gmm.py`."
    ),
    "ov_gen_plot": "Density and new samples",
    "ov_gen_title": "Gaussian mixture: contours of log p(x)",
    "ov_gen_text": (
        "**Can:** score how plausible any point is (the contours) and **draw brand-new points**: pick a component "
        "with probability $\\pi_k$, then sample its Gaussian. Orange ellipses span 2 standard deviations.\n\n"
        "**Cannot (here):** classify by itself, and with few components it blurs thin shapes such as the spiral: "
        "too simple a model gives poor samples. Raise K and watch the samples improve."
    ),
    "ov_sample_button": "Draw new points",
    "ov_fit_button": "Refit both models",
    "ov_download": "New points (CSV)",
    "ov_code": "Show the code of one EM iteration",
    "ov_code_help": "This is the exact function the tab runs (from `core/gmm.py`): an E-step and an M-step.",
    "ov_summary": (
        "**Classifier:** {acc:.1f}% training accuracy after {steps} steps. "
        "**Mixture:** K = {k}, {iters} EM iterations, mean log-likelihood {ll:.3f} nats per point (higher is better)."
    ),
    "ov_sampled": "Drew **{n}** new points; their mean log-likelihood under the mixture is {ll:.3f}.",
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
    "tri_text": (
        "A generative model is asked for three things at once: **high-quality samples**, **fast sampling** and "
        "**coverage of every mode** of the data (diversity). According to the course, today's families get two:\n\n"
        "- **GANs**: quality and speed, weak coverage.\n"
        "- **Diffusion models**: quality and coverage, slow (many denoising steps).\n"
        "- **VAEs**: speed and coverage, lower quality.\n\n"
        "The term comes from Xiao et al., *Tackling the Generative Learning Trilemma with Denoising Diffusion "
        "GANs* (ICLR 2022). The **Trilemma & FID** tab measures these three corners for the gallery's own models."
    ),
    "ov_map": (
        "## Map of the gallery\n"
        "| Tab | What you can do there |\n|---|---|\n"
        "| **Overview** | Generative vs discriminative on 2D data; the trilemma. |\n"
        "| **GANs** | Train a GAN live on 2D data, see the discriminator, mode collapse and vanishing gradients; a digits GAN. |\n"
        "| **Autoencoders** | AE vs VAE: the latent space, its holes, the reparametrisation trick, linear AE vs PCA. |\n"
        "| **Diffusion** | Add noise step by step and learn to remove it; DDPM and DDIM samplers, guidance. |\n"
        "| **CLIP & DALL-E 2** | A shared space for images and text; zero-shot classification; the unCLIP pipeline. |\n"
        "| **Stable Diffusion** | Diffusion in an autoencoder's latent space, conditioned on text. |\n"
        "| **NeRF** | A 3D scene as a neural field rendered along camera rays. |\n"
        "| **Gaussian Splatting** | A scene as thousands of Gaussians, rendered fast. |\n"
        "| **Trilemma & FID** | Quality, speed and coverage of every family, measured; how FID works. |\n"
        "| **Explore** | Models, resource lists and datasets to go further. |"
    ),
    # --- topic tabs (explanations shown before and beside the interactive parts) -------------
    "topic_autoencoders": (
        "## Autoencoders and variational autoencoders\n"
        "An **autoencoder** (AE) squeezes an image through a small code $z = f(x)$ and rebuilds it, $\\hat x = g(z)$, "
        "minimising $\\lVert x - \\hat x \\rVert^2$. It compresses well, but nothing organises its latent space: "
        "between the codes of real images there are **holes**, and a random code decodes to garbage. A linear AE "
        "spans the same subspace as the first principal components (PCA); non-linearity is what makes AEs stronger.\n\n"
        "A **variational autoencoder** (Kingma and Welling, 2013) makes the encoder output a mean $\\mu$ and a standard "
        "deviation $\\sigma$, samples $z = \\mu + \\sigma \\odot \\epsilon$ with $\\epsilon \\sim \\mathcal{N}(0, I)$ "
        "(the **reparametrisation trick**, so gradients flow through the sampling), and adds a KL term that pulls every "
        "code distribution towards $\\mathcal{N}(0, I)$:\n\n"
        "$$\\mathcal{L} = \\lVert x - g(z) \\rVert^2 + \\beta\\, \\mathrm{KL}\\big(\\mathcal{N}(\\mu, \\sigma^2)\\,\\Vert\\,\\mathcal{N}(0, I)\\big)$$\n\n"
        "The latent space becomes smooth: every point decodes to something plausible and moving through it morphs "
        "one digit into another. Below, an AE and a VAE trained on the same digits sit side by side (code: `core/autoencoders.py`)."
    ),
    "topic_diffusion": (
        "## Diffusion models (Sohl-Dickstein et al. 2015; Ho, Jain and Abbeel 2020)\n"
        "The **forward process** adds a little Gaussian noise at each of $T$ steps (typically 50 to 1,000), a Markov "
        "chain that ends in pure static. It has a closed form:\n\n"
        "$$x_t = \\sqrt{\\bar\\alpha_t}\\, x_0 + \\sqrt{1 - \\bar\\alpha_t}\\, \\epsilon, \\qquad \\epsilon \\sim \\mathcal{N}(0, I)$$\n\n"
        "A single network, a **U-Net** (an encoder-decoder that keeps the image size, with a bottleneck and skip "
        "connections) told which step it is at, learns to undo it. Predicting the noise $\\epsilon$ is easier than "
        "predicting the image, and the predicted noise points along the **score**, the direction towards more likely, "
        "less noisy data. Sampling starts from noise and denoises step by step, which is why diffusion is slow.\n\n"
        "Below: the forward process on any image, a DDPM trained from scratch on digits generating step by step, the "
        "DDIM shortcut, classifier-free guidance, three prediction targets, the U-Net itself, and a 2D playground with the "
        "learned score field (code: `core/diffusion/`)."
    ),
    "topic_clip": (
        "## CLIP and DALL-E 2\n"
        "**CLIP** trains an image encoder and a text encoder together so that a matching image and caption land close "
        "in one shared embedding space (a contrastive loss over a batch of pairs). Classifying an image then needs no "
        "training: embed labels such as *“a photo of a {label}”* and pick the most similar. CLIP is known to struggle "
        "with **counting** objects and with **specific colours** of specific objects.\n\n"
        "$$p(\\text{label}_i \\mid \\text{image}) = \\mathrm{softmax}_i\\big(s \\cdot \\cos(e_{\\text{img}}, e_{\\text{text}_i})\\big)$$\n\n"
        "**DALL-E 2** (*unCLIP*, 2022) runs CLIP backwards: the text is embedded, a **prior** turns the text embedding "
        "into an image embedding, and a **diffusion decoder** turns that image embedding into pixels.\n\n"
        "Below: zero-shot classification with your own labels and a temperature knob, similarity matrices, the shared "
        "embedding space drawn in 2D, CLIP's failure cases and the unCLIP pipeline (code: `core/clip_tools.py`, "
        "`core/mini_clip.py`)."
    ),
    "topic_sd": (
        "## Stable Diffusion: latent diffusion (Rombach et al., 2022)\n"
        "Diffusion on full-size pixels is expensive. **Latent diffusion** first trains an autoencoder that compresses "
        "an image into a much smaller latent (for Stable Diffusion, 512×512×3 pixels become 64×64×4 numbers), runs the "
        "whole diffusion process in that latent space, and decodes only at the end. That is why it runs on a PC.\n\n"
        "Text enters through a CLIP text encoder and **cross-attention** in the U-Net; **classifier-free guidance** "
        "pushes the sample towards the prompt:\n\n"
        "$$\\hat\\epsilon = \\epsilon_\\theta(z_t, \\varnothing) + w\\,\\big(\\epsilon_\\theta(z_t, \\text{text}) - \\epsilon_\\theta(z_t, \\varnothing)\\big)$$\n\n"
        "The same idea accepts many other conditions: semantic maps, keypoints, sketches, depth, normal maps, edges, "
        "scribbles. Below: a real `diffusers` text-to-image pipeline (the gallery's own mini model, or a real one when its "
        "weights are on this machine) with its denoising streamed, the autoencoder round trip and image-to-image "
        "(code: `core/latent_diffusion.py`, `core/mini_ldm.py`)."
    ),
    "topic_nerf": (
        "## Neural radiance fields (Mildenhall et al., 2020)\n"
        "A NeRF represents a 3D scene as a function learned by an MLP: given a position $(x, y, z)$ and a viewing "
        "direction $(\\theta, \\phi)$, it returns a **density** $\\sigma$ (from the position only) and a **colour** "
        "that may depend on the direction (reflections). An image is made by shooting a ray through every pixel and "
        "adding up colours along it with classic volume rendering:\n\n"
        "$$C(r) = \\sum_i T_i\\,\\big(1 - e^{-\\sigma_i \\delta_i}\\big)\\, c_i, \\qquad T_i = \\exp\\Big(-\\sum_{j<i} \\sigma_j \\delta_j\\Big)$$\n\n"
        "Training needs photos with known camera poses, intrinsics and scene bounds; a positional encoding lets the "
        "MLP represent fine detail. The tab will train a tiny NeRF on a synthetic scene and render novel views."
    ),
    "topic_3dgs": (
        "## 3D Gaussian splatting (Kerbl et al., 2023)\n"
        "Instead of a neural field queried along every ray, the scene is a cloud of thousands of 3D **Gaussians**, each "
        "with a position, a covariance (an oriented ellipsoid), an opacity and a colour. Rendering projects each Gaussian "
        "to a 2D ellipse on the image and blends them front to back:\n\n"
        "$$C = \\sum_i c_i\\, \\alpha_i \\prod_{j<i} (1 - \\alpha_j)$$\n\n"
        "There is no network to evaluate, so rendering is fast enough for real time, and the Gaussians are optimised "
        "directly by gradient descent on the photos. The tab will fit 2D Gaussians to an image live and 3D Gaussians to "
        "the same scene as the NeRF tab, and export a `.ply` splat."
    ),
    "topic_trilemma": (
        "## The trilemma, measured, and FID\n"
        "**FID** (Fréchet Inception Distance, Heusel et al. 2017) compares real and generated samples through the "
        "features of a pretrained network: fit a Gaussian to each set of features and measure the distance between them.\n\n"
        "$$\\mathrm{FID} = \\lVert \\mu_r - \\mu_g \\rVert^2 + \\mathrm{Tr}\\big(\\Sigma_r + \\Sigma_g - 2(\\Sigma_r \\Sigma_g)^{1/2}\\big)$$\n\n"
        "Lower is better and 0 means identical statistics; it is biased at small sample sizes, so it must be read "
        "against a real-versus-real baseline. Precision and recall (and density and coverage) separate quality from "
        "mode coverage. Below: the bias of FID and what each metric notices, on the gallery's own feature space."
    ),
    # --- explore -------------------------------------------------------------------------
    "explore_intro": (
        "## Go further\n"
        "The models the course suggests exploring, grouped by family, with one line on what each does and links to its "
        "paper and code; then curated resource lists and datasets. These run on GPUs and are not embedded here."
    ),
    "stylegan_nada": "Adapts a pretrained StyleGAN to a new domain described only in words (e.g. “sketch”), guided by CLIP, without any image of that domain.",
    "psp": "An encoder that maps an image straight into StyleGAN's extended latent space, for inversion and image-to-image tasks (sketch or segmentation to face).",
    "e4e": "An encoder for StyleGAN inversion designed so that the inverted code stays editable, trading a little fidelity for much better edits.",
    "hyperstyle": "Inverts real images by predicting, with a hypernetwork, small changes to StyleGAN's weights, so reconstructions are faithful and still editable.",
    "styleflow": "Edits attributes of StyleGAN images (age, pose, lighting, glasses) with conditional continuous normalising flows in the latent space.",
    "stylegan3_editing": "Studies inversion and editing with StyleGAN3, including editing of videos thanks to its alias-free, translation-equivariant design.",
    "sam_age": "Age transformation of faces as a regression in StyleGAN's latent space, conditioned on a target age.",
    "gangealing": "Aligns all the images of a category (cats, cars, faces) to a common pose, learning the alignment with supervision generated by a GAN.",
    "stargan_v2": "A single generator translates an image into several domains (e.g. cat, dog, wild animal) with diverse styles per domain.",
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
    "dash_intro": (
        "Every model family of the gallery on the same data (a ring of 8 and a grid of 25 Gaussians, 8x8 handwritten "
        "digits), measured the same way: **quality** (precision; FID on digits), **mode coverage** (recall; modes "
        "captured) and **speed** (milliseconds per sample on this CPU, network evaluations), beside the trilemma "
        "paper's CIFAR-10 table."
    ),
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
    "dash_rerun_help": "Trains every family again with tiny budgets on the ring and the digits (one seed, a few minutes) and shows those numbers: a check that the pipeline works, not a replacement for the full run.",
    "dash_progress": "Quick benchmark: {done} of {total} models measured ({last})",
    "dash_done": "Quick benchmark done: {path}. The page now shows its numbers; choose “Shipped full run” in the sidebar to go back.",
    "dash_busy": "A quick benchmark is already running (started by someone on this server). Wait for it to finish, then reload.",
    "dash_nothing": "Choose at least one data set and one model.",
    "dash_pending": "No comparison results yet ({error}). Run `python -m benchmarks trilemma` (full, about 40 minutes) or the quick re-run below.",
}

_LABELS = {
    "paper": "paper",
    "code": "code",
    "name": "Name",
    "what": "What it does",
    "links": "Links",
    "family": "Family",
    "all_families": "all",
    "models_header": "Models to explore",
    "resources_header": "Resource lists",
    "datasets_header": "Datasets",
    "fam_stylegan": "StyleGAN inversion and editing",
    "fam_translation": "Image-to-image translation and faces",
    "fam_3d": "3D",
}
STRINGS.update(GANS)
STRINGS.update(AUTOENCODERS)
STRINGS.update(DIFFUSION)
STRINGS.update(TRILEMMA)
STRINGS.update(CLIP_TAB)
STRINGS.update(SD_TAB)
STRINGS.update(render_catalog(STRINGS, _LABELS))
