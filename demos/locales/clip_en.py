"""English text of the CLIP & DALL-E 2 tab."""

STRINGS: dict[str, str] = {
    "clip_page_zero_shot": "1–2 · Zero-shot",
    "clip_page_matrix": "3 · Shared space",
    "clip_page_unclip": "4 · DALL-E 2",
    "clip_page_unclip_run": "5 · Run unCLIP",
    "clip_page_unclip_variations": "6 · Variations",
    "clip_page_unclip_interpolate": "7 · Interpolation",
    "clip_page_unclip_compare": "8 · Why a prior?",
    "clip_model": "Model",
    "clip_mini": "Mini CLIP (digits, trained here)",
    "common_source": "Image",
    "common_source_digit": "A digit",
    "common_source_photo": "A photo",
    "common_source_upload": "My image",
    "common_digit_index": "Digit number (of 1,797)",
    "common_photo": "Photo",
    "common_upload": "Upload an image",
    "clip_labels": "Labels (comma-separated)",
    "clip_template": "Prompt template ({} is replaced by each label)",
    "clip_scale": "Scale s (logit scale; the temperature is 1/s)",
    "clip_classify": "Classify",
    "clip_image_shown": "What the model sees",
    "clip_probs": "Zero-shot probabilities",
    "clip_probs_title": "p(label | image) at scale s = {s:.1f}",
    "clip_prob_axis": "Probability",
    "clip_verdict": "Most likely: **{label}** ({p:.1%} at s = {s:.1f}; {p_learned:.1%} at the scale the model learned, s = {learned:.1f}).",
    "clip_unavailable": "⚠️ {name} is not on this machine and cannot be downloaded now (offline), so the mini CLIP answered instead.",
    "clip_answered_mini": (
        "**Answered by: the mini CLIP**, trained here only on 8x8 handwritten digits and captions such as "
        '"a handwritten seven"; it has never seen a photo.'
    ),
    "clip_answered_real": (
        "**Answered by: {name}**, OpenAI's CLIP, trained on 400 million image-caption pairs from the internet (in English)."
    ),
    "clip_meaningless": (
        "⚠️ **This answer means nothing.** {reasons} Its pick, **{label}** with {p:.1%}, says nothing about the image (chance with {k} "
        "labels: {chance:.0%}, the dashed line)."
    ),
    "clip_reason_photo": (
        "The mini CLIP has only ever seen digits: it shrinks the photo to 8x8 pixels (the ones under “What the model sees”) and compares "
        "them with the labels as if they were a digit."
    ),
    "clip_reason_words": "It never read {words} while training: to it they are strings of letters without meaning.",
    "clip_reason_upload": (
        "⚠️ The mini CLIP has only ever seen 8x8 digits (light strokes on dark): it sees your image as the 8x8 pixels under “What the "
        "model sees”. Unless they look like a digit, this answer means nothing."
    ),
    "clip_matrix_meaningless": "⚠️ The mini CLIP has only ever seen digits: on photos this matrix and this plane mean nothing.",
    "clip_chance": "chance (1/{k})",
    "clip_word": "“{w}”",
    "clip_default_labels": "zero, one, two, three, four, five, six, seven, eight, nine",
    "clip_default_template": "a handwritten {}",
    "photo_astronaut": "astronaut",
    "photo_cat": "cat",
    "photo_coffee": "coffee",
    "photo_rocket": "rocket",
    "photo_camera": "cameraman",
    "photo_coins": "coins",
    "photo_moon": "moon",
    "photo_hubble": "Hubble deep field",
    "photo_shapes": "red square and blue circle (drawn)",
    "common_truncated": "✂️ Some text was longer than the model reads (its token limit) and was cut.",
    "clip_err_refused": "That model is not one of the allowed ones; choose one from the list.",
    "common_err_text": "{name} must be text.",
    "clip_err_few_labels": "Give at least two labels, separated by commas.",
    "clip_err_many_labels": "Give at most {n} labels.",
    "clip_err_template": "The template must contain {} exactly once (where each label goes).",
    "common_err_upload": "Upload an image first (or choose a digit or a photo).",
    "clip_fail_counting": "Counting: how many coins?",
    "clip_fail_colour": "Colours: which object is which colour?",
    "clip_fail_needs_real": (
        "⚠️ **This example needs a real CLIP** ({name} or another one from the list), and none is on this machine or can be "
        "downloaded now. The mini CLIP knows nothing but digits, so its numbers on this photo would not show CLIP's failure; "
        "nothing was run. What a real CLIP does here: {what}"
    ),
    "clip_fail_counting_what": (
        "counting is among the tasks CLIP does worst (Radford et al., 2021): captions rarely say how many things a photo holds, "
        "so nothing in its training taught it to tell 24 coins from 10 or 50."
    ),
    "clip_fail_colour_what": (
        'on a drawn red square beside a blue circle, it is asked to rank "a red square and a blue circle" against "a blue '
        'square and a red circle" (and the same two with the objects in the other order). All four captions hold the same words, '
        "so only binding each colour to its object can rank the right two first; CLIP often matches a sentence by the words it "
        "contains more than by which word goes with which object, and scores them alike (Yuksekgonul et al., 2023, on models "
        "that behave like bags of words)."
    ),
    "clip_image_set": "Images",
    "clip_set_digits": "One test digit of each class",
    "clip_set_photos": "The bundled photos",
    "clip_matrix_button": "Compare with the labels of section 1",
    "clip_matrix": "Similarity matrix",
    "clip_matrix_title": "Cosine similarity of images and texts",
    "clip_matrix_text": (
        "Each row is an image, each column a text (the labels of section 1 in their template). "
        "On the plane, a name that would cover another one "
        "shows when you hover over its point."
    ),
    "clip_images": "Images",
    "clip_texts": "Texts",
    "clip_space": "Images and texts in one plane",
    "clip_space_title": "The shared space, projected to 2D",
    "clip_unclip_title": "The unCLIP pipeline",
    "clip_u_text": 'Text\n"a corgi"',
    "clip_u_encoder": "CLIP text\nencoder",
    "clip_u_text_emb": "Text\nembedding",
    "clip_u_prior": "Prior\n(diffusion)",
    "clip_u_image_emb": "Image\nembedding",
    "clip_u_decoder": "Diffusion\ndecoder",
    "clip_u_image": "Image\n64x64 → 1024",
    "clip_u_clip_part": "frozen CLIP",
    "clip_u_new_part": "trained for DALL-E 2",
    "clip_unclip_caption": "Caption (English or Spanish)",
    "clip_unclip_default_caption": "a handwritten seven, with thick strokes",
    "clip_unclip_prior_guidance": "Prior guidance",
    "clip_unclip_decoder_guidance": "Decoder guidance",
    "clip_unclip_count": "Samples",
    "clip_unclip_run": "Run unCLIP",
    "clip_unclip_map": "Image embeddings drawn by the prior",
    "clip_unclip_digits": "Decoded digits (top row: x_t, bottom row: predicted clean digit)",
    "clip_unclip_hint": "Type a caption and press ▶ Run unCLIP: the prior draws first, then the decoder's steps stream here.",
    "clip_unclip_bars": "The embeddings, coordinate by coordinate",
    "clip_unclip_err_empty": "The caption is empty: type a few words, for example “a handwritten seven”.",
    "clip_unclip_err_unknown": (
        "The mini CLIP never read any of these words in training, so it has no meaning for them. Use digit words or numerals in "
        "English or Spanish (“a handwritten 3”, “un cuatro escrito a mano”)."
    ),
    "clip_unclip_prior_done": (
        "Prior done. The caption is closest to the real **{digit}**s. Cosine of the drawn image embeddings with the text "
        "embedding: {text_cos:.2f} (real {digit}s: {real_cos:.2f}); with the mean image embedding of the real {digit}s: "
        "{class_cos:.2f}."
    ),
    "clip_unclip_progress": "decoder step {i} of {n} · {seconds:.1f}\u00a0s",
    "clip_unclip_done": "Done: {steps} DDIM steps of the decoder in {seconds:.1f}\u00a0s in all.",
    "clip_unclip_verdict": (
        "The classifier reads **{hits} of {n}** decoded digits as a **{digit}** (green tiles). Their diversity (mean distance "
        "between pixels of two samples) is {spread:.2f}."
    ),
    "clip_unclip_map_title": "The map of the CLIP tab\nthe caption, the prior's draws and the real digits",
    "clip_unclip_map_others": "Real test digits, other classes",
    "clip_unclip_map_real": "Real test digits {digit}",
    "clip_unclip_map_text": "Text embedding of the caption",
    "clip_unclip_map_drawn": "Image embeddings drawn by the prior",
    "clip_unclip_bars_image": "Image embedding no. 1 drawn by the prior",
    "clip_unclip_bars_title": "{d} coordinates of each embedding (cosine between them: {cos:.2f})",
    "clip_unclip_bars_axis": "Coordinate",
    "clip_unclip_source": "Source",
    "clip_unclip_source_digit": "A test digit",
    "clip_unclip_source_drawing": "My drawing",
    "clip_unclip_example": "Test digit number",
    "clip_unclip_draw": "Draw a digit (choose “My drawing”)",
    "clip_unclip_variations_button": "Make variations",
    "clip_unclip_source_view": "Source",
    "clip_unclip_variations": "Variations",
    "clip_unclip_variations_text": (
        "The classifier reads the source as a **{digit}** and **{hits} of {n}** variations as a {digit}. Mean cosine between the "
        "variations' CLIP image embeddings and the source's: {cos:.2f}; diversity of the variations: {spread:.2f}."
    ),
    "clip_unclip_first": "First test digit",
    "clip_unclip_second": "Second test digit",
    "clip_unclip_points": "Points on the path",
    "clip_unclip_interpolate_button": "Interpolate",
    "clip_unclip_path": "First digit · decoded points of the slerp path · second digit",
    "clip_unclip_interpolate_text": (
        "The two image embeddings are {angle:.0f}° apart on the sphere. The {k} points of the great circle between them, decoded "
        "from the same noise, are read as: {path}."
    ),
    "clip_unclip_per_class": "Captions per digit",
    "clip_unclip_compare_button": "Compare",
    "clip_unclip_compare_chart": "The three methods side by side",
    "clip_unclip_compare_title": "Right digit, recall and coverage (left); diversity (right)",
    "clip_unclip_col_method": "Method",
    "clip_unclip_col_accuracy": "Right digit",
    "clip_unclip_col_clip_score": "CLIP score",
    "clip_unclip_col_diversity": "Diversity",
    "clip_unclip_col_recall": "Recall",
    "clip_unclip_col_coverage": "Coverage",
    "clip_unclip_method_unclip": "unCLIP (prior + decoder)",
    "clip_unclip_method_text_direct": "Decoder fed the text embedding",
    "clip_unclip_method_caption_only": "Caption-only decoder",
    "clip_unclip_reading_holds": (
        "Here the paper's claim holds: unCLIP draws the right digit about as often as the caption-only decoder ({acc_u:.0%} "
        "against {acc_c:.0%}) with more variety ({div_u:.2f} against {div_c:.2f})."
    ),
    "clip_unclip_reading_fidelity": (
        "Here the fidelities differ too much to compare variety fairly: unCLIP {acc_u:.0%}, caption-only {acc_c:.0%} (diversity "
        "{div_u:.2f} against {div_c:.2f}); the paper's claim is about diversity at similar fidelity."
    ),
    "clip_unclip_reading_not_diverse": (
        "Here the paper's claim does not hold: at similar fidelity ({acc_u:.0%} against {acc_c:.0%}) unCLIP is not more varied "
        "than the caption-only decoder ({div_u:.2f} against {div_c:.2f})."
    ),
    "clip_unclip_reading_direct": (
        "Without the prior, the decoder fed the text embedding gets the digit right {acc_d:.0%} of the time (unCLIP {acc_u:.0%}); "
        "recall of the real digits {rec_d:.0%} against unCLIP's {rec_u:.0%}, coverage {cov_d:.0%} against {cov_u:.0%}."
    ),
    "clip_unclip_compare_done": (
        "{captions} captions, the same for the three methods, in {seconds:.1f}\u00a0s. Few captions give noisy figures: the benchmark "
        "uses 100 per digit."
    ),
    "clip_unclip_note_cut": (
        "The mini CLIP's tokenizer knows no accented letters or emoji: it reads your caption only up to “{read}” "
        "(write, for example, “a handwritten 5” or “un 5 escrito a mano”)."
    ),
}
