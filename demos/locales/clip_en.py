"""English text of the CLIP & DALL-E 2 tab."""

STRINGS: dict[str, str] = {
    "clip_model": "Model",
    "clip_mini": "Mini CLIP (digits, trained here)",
    "clip_model_help": (
        "The **mini CLIP** is a real `transformers` `CLIPModel`, only tiny: a vision transformer on 8x8 digits and a small text "
        'transformer, trained from scratch here on digits paired with captions in English and Spanish ("a handwritten seven", '
        '"un 7 escrito a mano", "a handwritten 3 with thick strokes"). It knows digits and nothing else. The other choices are '
        "OpenAI's CLIPs; they load only if they are already on this machine (or it has internet), otherwise the tab says so and "
        "keeps the mini CLIP."
    ),
    "clip_zero_help": (
        "### 1. Zero-shot classification\n"
        "No classifier is trained: each label is put into the template, both encoders embed the image and every sentence, and "
        "the probabilities are a softmax of the cosine similarities times a scale $s$ (the inverse of a temperature). Try labels "
        "the model never saw as classes, the Spanish words (*cero, uno, ... nueve*), or numerals; move the scale to see the "
        "probabilities flatten or sharpen while the ranking stays the same."
    ),
    "clip_source": "Image",
    "clip_source_digit": "A digit",
    "clip_source_photo": "A photo",
    "clip_source_upload": "My image",
    "clip_digit_index": "Digit number (of 1,797)",
    "clip_photo": "Photo",
    "clip_upload": "Upload an image",
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
    "clip_answered_real": "**Answered by: {name}**, OpenAI's CLIP, trained on 400 million image-caption pairs from the internet (in English).",
    "clip_meaningless": "⚠️ **This answer means nothing.** {reasons} Its pick, **{label}** with {p:.1%}, says nothing about the image (chance with {k} labels: {chance:.0%}, the dashed line).",
    "clip_reason_photo": "The mini CLIP has only ever seen digits: it shrinks the photo to 8x8 pixels (the ones under “What the model sees”) and compares them with the labels as if they were a digit.",
    "clip_reason_words": "It never read {words} while training: to it they are strings of letters without meaning.",
    "clip_reason_upload": "⚠️ The mini CLIP has only ever seen 8x8 digits (light strokes on dark): it sees your image as the 8x8 pixels under “What the model sees”. Unless they look like a digit, this answer means nothing.",
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
    "clip_truncated": "✂️ Some text was longer than the model reads (its token limit) and was cut.",
    "clip_err_refused": "That model is not one of the allowed ones; choose one from the list.",
    "clip_err_text": "{name} must be text.",
    "clip_err_few_labels": "Give at least two labels, separated by commas.",
    "clip_err_many_labels": "Give at most {n} labels.",
    "clip_err_template": "The template must contain {} exactly once (where each label goes).",
    "clip_err_upload": "Upload an image first (or choose a digit or a photo).",
    "clip_failures_help": (
        "### 2. Where CLIP fails\n"
        "CLIP learned from captions, and captions rarely count objects or say which object has which colour. Two classic "
        "failures, set up for a real CLIP: **counting** the coins in a photo of 24 coins, and **binding colours** to the right "
        "object (a white cup on a white saucer, described with the colours swapped). With a real CLIP on this machine the "
        "buttons fill in the photo, the labels and the template and run it; without one they say so, because the mini CLIP "
        "knows nothing but digits and its numbers would not show CLIP's failure."
    ),
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
    "clip_matrix_help": (
        "### 3. The shared embedding space\n"
        "Left: the cosine similarity of every image with every text; a good CLIP has its largest value of each row on the "
        "matching text. Right: images (squares) and texts (diamonds) in one plane, the first two principal components of all the "
        "embeddings together; each image is joined to the text it matches best. Images and texts form two separate clouds "
        "(the *modality gap*), yet matching pairs line up across them."
    ),
    "clip_image_set": "Images",
    "clip_set_digits": "One test digit of each class",
    "clip_set_photos": "The bundled photos",
    "clip_matrix_button": "Compare with the labels above",
    "clip_matrix": "Similarity matrix",
    "clip_matrix_title": "Cosine similarity of images and texts",
    "clip_matrix_text": "Each row is an image, each column a text (the labels above in the template). On the plane, a name that would cover another one shows when you hover over its point.",
    "clip_images": "Images",
    "clip_texts": "Texts",
    "clip_space": "Images and texts in one plane",
    "clip_space_title": "The shared space, projected to 2D",
    "clip_unclip_help": (
        "### 4. DALL-E 2 (unCLIP): CLIP run backwards\n"
        "DALL-E 2 generates an image from a text in three steps; the first is CLIP's own text encoder, the other two are trained for it."
    ),
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
    "clip_unclip_steps": (
        "1. **Text embedding.** CLIP's text encoder turns the caption into a vector in the shared space.\n"
        "2. **Prior.** A second model (a diffusion model over vectors) turns that text embedding into a plausible *image* "
        "embedding: the two clouds of the plot above are apart, so a text vector is not itself an image vector. It is trained on "
        "pairs of CLIP text and image embeddings.\n"
        "3. **Decoder.** A diffusion model conditioned on the image embedding generates a 64x64 image, and two diffusion "
        "upsamplers raise it to 256 and 1024 pixels. Because the decoder only sees the image embedding, sampling it again gives "
        "*variations* of an image, and moving between two embeddings interpolates between images."
    ),
}
