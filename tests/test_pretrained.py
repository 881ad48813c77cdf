"""The loaders of pretrained CLIP models and Stable Diffusion pipelines, on tiny models built here with
the real `transformers` / `diffusers` classes (offline: `HF_HUB_OFFLINE=1` is set by conftest)."""

import gc
import weakref

import pytest
import torch

from core import pretrained
from core.pretrained import (
    CLIP_ALLOWLIST,
    PIPELINE_ALLOWLIST,
    ModelRefusedError,
    ModelUnavailableError,
    build_clip_tokenizer,
    load_clip,
    load_pipeline,
    resolve,
)

CAPTIONS = ["a handwritten seven", "a handwritten zero", "un siete escrito a mano", "a thick 7", "a thin slanted one"] * 5


@pytest.fixture(scope="module")
def tokenizer_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("tokenizer")
    build_clip_tokenizer(CAPTIONS, out)
    return out


def test_tokenizer_from_our_vocabulary_keeps_our_words_whole(tokenizer_dir):
    from transformers import CLIPTokenizer

    tok = CLIPTokenizer.from_pretrained(str(tokenizer_dir))
    tokens = tok.convert_ids_to_tokens(tok("A Handwritten SEVEN").input_ids)
    assert tokens == ["<|startoftext|>", "a</w>", "handwritten</w>", "seven</w>", "<|endoftext|>"]
    unknown = tok.convert_ids_to_tokens(tok("purple dog").input_ids)
    assert unknown[-2:] == ["g</w>", "<|endoftext|>"] and unknown.count("<|endoftext|>") == 1  # no unknown tokens
    assert tok.model_max_length == 32


def test_resolve_accepts_folders_and_allowlisted_ids_only(tmp_path):
    assert resolve(CLIP_ALLOWLIST[0], CLIP_ALLOWLIST) == pretrained.Source(CLIP_ALLOWLIST[0], local=False)
    assert resolve(tmp_path, CLIP_ALLOWLIST).local is True
    for bad in ("someone/evil-model", "", "  ", str(tmp_path / "missing"), "x" * 5000, PIPELINE_ALLOWLIST[0]):
        with pytest.raises(ModelRefusedError):
            resolve(bad, CLIP_ALLOWLIST)


def test_a_refused_id_never_reaches_the_libraries(monkeypatch):
    import transformers

    def boom(*args, **kwargs):
        raise AssertionError("the library was asked")

    monkeypatch.setattr(transformers.CLIPModel, "from_pretrained", boom)
    with pytest.raises(ModelRefusedError):
        load_clip("someone/evil-model")
    with pytest.raises(ModelRefusedError):
        load_pipeline("https://example.com/model")


def test_an_allowlisted_model_that_is_not_here_is_unavailable_offline():
    with pytest.raises(ModelUnavailableError, match="could not be loaded"):
        load_clip(CLIP_ALLOWLIST[0])
    with pytest.raises(ModelUnavailableError):
        load_pipeline(PIPELINE_ALLOWLIST[0])


def tiny_clip(tokenizer_dir, out):
    from transformers import CLIPConfig, CLIPImageProcessor, CLIPModel, CLIPProcessor, CLIPTokenizer

    tok = CLIPTokenizer.from_pretrained(str(tokenizer_dir))
    config = CLIPConfig(
        text_config={
            "vocab_size": len(tok),
            "hidden_size": 16,
            "intermediate_size": 32,
            "num_hidden_layers": 1,
            "num_attention_heads": 2,
            "max_position_embeddings": 32,
        },
        vision_config={
            "image_size": 16,
            "patch_size": 8,
            "hidden_size": 16,
            "intermediate_size": 32,
            "num_hidden_layers": 1,
            "num_attention_heads": 2,
        },
        projection_dim=8,
    )
    torch.manual_seed(0)
    CLIPModel(config).save_pretrained(out)
    processor = CLIPImageProcessor(size={"shortest_edge": 16}, crop_size={"height": 16, "width": 16})
    CLIPProcessor(image_processor=processor, tokenizer=tok).save_pretrained(out)
    return out


def test_a_local_clip_loads_once_and_scores_texts_against_images(tokenizer_dir, tmp_path):
    folder = tiny_clip(tokenizer_dir, tmp_path / "clip")
    model, processor = load_clip(folder)
    assert load_clip(str(folder))[0] is model  # cached: loading again costs nothing
    assert not model.training
    image = torch.rand(3, 16, 16)
    batch = processor(text=["a handwritten seven", "a handwritten zero"], images=[image], return_tensors="pt", padding=True)
    with torch.no_grad():
        logits = model(**batch).logits_per_image
    assert logits.shape == (1, 2) and torch.isfinite(logits).all()


def tiny_pipeline(tokenizer_dir, out, seed):
    from diffusers import AutoencoderKL, DDIMScheduler, StableDiffusionPipeline, UNet2DConditionModel
    from transformers import CLIPTextConfig, CLIPTextModel, CLIPTokenizer

    torch.manual_seed(seed)
    tok = CLIPTokenizer.from_pretrained(str(tokenizer_dir))
    unet = UNet2DConditionModel(
        sample_size=8,
        in_channels=4,
        out_channels=4,
        block_out_channels=(8, 16),
        layers_per_block=1,
        norm_num_groups=4,
        down_block_types=("DownBlock2D", "CrossAttnDownBlock2D"),
        up_block_types=("CrossAttnUpBlock2D", "UpBlock2D"),
        cross_attention_dim=16,
        attention_head_dim=2,
    )
    vae = AutoencoderKL(
        in_channels=3,
        out_channels=3,
        block_out_channels=(8, 8),
        latent_channels=4,
        norm_num_groups=4,
        down_block_types=("DownEncoderBlock2D",) * 2,
        up_block_types=("UpDecoderBlock2D",) * 2,
        sample_size=16,
    )
    text = CLIPTextModel(
        CLIPTextConfig(
            vocab_size=len(tok),
            hidden_size=16,
            intermediate_size=32,
            num_hidden_layers=1,
            num_attention_heads=2,
            max_position_embeddings=32,
        )
    )
    pipe = StableDiffusionPipeline(
        vae=vae,
        text_encoder=text,
        tokenizer=tok,
        unet=unet,
        scheduler=DDIMScheduler(num_train_timesteps=100, clip_sample=False, steps_offset=1),
        safety_checker=None,
        feature_extractor=None,
        requires_safety_checker=False,
    )
    pipe.save_pretrained(out)
    return out


def test_one_pipeline_at_a_time_and_img2img_shares_its_weights(tokenizer_dir, tmp_path):
    first = tiny_pipeline(tokenizer_dir, tmp_path / "sd1", 0)
    second = tiny_pipeline(tokenizer_dir, tmp_path / "sd2", 1)
    pipe = load_pipeline(first)
    assert load_pipeline(first) is pipe and pretrained.loaded_pipeline() == str(first.resolve())
    sibling = load_pipeline(first, image_to_image=True)
    assert sibling.unet is pipe.unet and sibling.vae is pipe.vae
    image = pipe(
        "a handwritten seven", num_inference_steps=2, height=16, width=16, output_type="np", generator=torch.Generator().manual_seed(0)
    ).images
    assert image.shape == (1, 16, 16, 3)
    gone = weakref.ref(pipe.unet)
    del pipe, sibling
    other = load_pipeline(second)
    gc.collect()
    assert gone() is None, "the first pipeline was released"
    assert pretrained.loaded_pipeline() == str(second.resolve()) and other.unet is not None
    pretrained.release_pipeline()
    assert pretrained.loaded_pipeline() is None


def test_availability_is_known_without_loading_and_offline_ids_are_not_available(tokenizer_dir, tmp_path, monkeypatch):
    import transformers

    folder = tiny_clip(tokenizer_dir, tmp_path / "clip")

    def boom(*args, **kwargs):
        raise AssertionError("a library was asked to load weights")

    monkeypatch.setattr(transformers.CLIPModel, "from_pretrained", boom)
    assert pretrained.clip_available(folder) and not pretrained.clip_available(CLIP_ALLOWLIST[0])
    assert not pretrained.pipeline_available(PIPELINE_ALLOWLIST[0])
    with pytest.raises(ModelRefusedError):
        pretrained.clip_available("someone/evil-model")
    monkeypatch.setattr(pretrained, "_offline", lambda: False)  # online, an allowlisted id can be downloaded
    assert pretrained.clip_available(CLIP_ALLOWLIST[0]) and pretrained.pipeline_available(PIPELINE_ALLOWLIST[0])


def test_asking_for_an_unavailable_pipeline_keeps_the_one_in_memory(tokenizer_dir, tmp_path):
    folder = tiny_pipeline(tokenizer_dir, tmp_path / "sd", 0)
    pipe = load_pipeline(folder)
    with pytest.raises(ModelUnavailableError, match="could not be loaded"):
        load_pipeline(PIPELINE_ALLOWLIST[0])
    assert pretrained.loaded_pipeline() == str(folder.resolve()) and load_pipeline(folder) is pipe  # no reload after the refusal
    pretrained.release_pipeline()
