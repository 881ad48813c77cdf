"""English text of the CLIP & DALL-E 2 tab."""

STRINGS: dict[str, str] = {
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
        'it matches a sentence by the words it contains more than by which word goes with which object, so "a red cup on a '
        'white saucer" and "a white cup on a red saucer" often score alike (Yuksekgonul et al., 2023, on models that behave '
        "like bags of words)."
    ),
    "clip_image_set": "Images",
    "clip_set_digits": "One test digit of each class",
    "clip_set_photos": "The bundled photos",
    "clip_matrix_button": "Compare with the labels above",
    "clip_matrix": "Similarity matrix",
    "clip_matrix_title": "Cosine similarity of images and texts",
    "clip_matrix_text": (
        "Each row is an image, each column a text (the labels above in the template). On the plane, a name that would cover another one "
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
}
