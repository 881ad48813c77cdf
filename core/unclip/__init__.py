"""unCLIP (Ramesh et al. 2022, DALL-E 2) at toy scale on the gallery's mini CLIP: a diffusion prior from text
embeddings to image embeddings (`prior`), a decoder from image embeddings to digits (`decoder`), the pipeline that
joins them with the mini CLIP, its caption-only baseline and its training recipe (`pipeline`)."""
