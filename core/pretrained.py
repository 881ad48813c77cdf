"""Thin loaders for CLIP models (`transformers`) and Stable Diffusion pipelines (`diffusers`).

Each loader takes a local folder (the gallery's mini models, or a downloaded model) or a model id on
an allowlist; anything else is refused before any library is asked, so a refused id never reaches
the network. The libraries are imported on first use (nothing at import time), loaded models are
cached, and at most one large pipeline stays in memory: loading another releases the previous one.
When an allowlisted model cannot be loaded (no network, `HF_HUB_OFFLINE=1`, not downloaded) the
loader raises `ModelUnavailableError` with one sentence the interface can show; `clip_available` and
`pipeline_available` tell beforehand, without reading any weights, so an interface can switch its
controls to the model that will actually run.

`build_clip_tokenizer` makes a CLIP tokenizer from our own vocabulary: a byte-pair encoding trained
on the captions we write, saved in the `vocab.json` / `merges.txt` format `CLIPTokenizer` reads.
"""

from __future__ import annotations

import gc
import json
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.lazy import lazy_module

if TYPE_CHECKING:
    from core import device
else:  # the tabs read the allowlists while building the page: PyTorch waits for the first model (core.lazy)
    device = lazy_module("core.device")


CLIP_ALLOWLIST: tuple[str, ...] = ("openai/clip-vit-base-patch32", "openai/clip-vit-base-patch16", "openai/clip-vit-large-patch14")
PIPELINE_ALLOWLIST: tuple[str, ...] = (
    "stabilityai/sd-turbo",
    "stable-diffusion-v1-5/stable-diffusion-v1-5",
    "segmind/small-sd",  # a distilled Stable Diffusion (fewer U-Net blocks)
    "nota-ai/bk-sdm-small",  # another distilled one
)
ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789áéíóúñü.,;:!?'\"-()"
SPECIAL_TOKENS = ("<|startoftext|>", "<|endoftext|>")


class ModelRefusedError(ValueError):
    """A model source that is neither a local folder nor on the allowlist."""


class ModelUnavailableError(RuntimeError):
    """An allowed model that could not be loaded here (offline, not downloaded, or broken)."""


@dataclass(frozen=True)
class Source:
    ref: str  # a folder path or a model id
    local: bool


def resolve(source: str | Path, allowlist: Iterable[str]) -> Source:
    """Returns where to load `source` from: an existing local folder, or an allowlisted id; else raises `ModelRefusedError`."""
    text = str(source).strip()
    if not text or len(text) > 4096:
        raise ModelRefusedError("empty or overlong model name")
    if text in tuple(allowlist):
        return Source(text, local=False)
    path = Path(text).expanduser()
    if path.is_dir():
        return Source(str(path.resolve()), local=True)
    raise ModelRefusedError(f"{text!r} is neither a local model folder nor one of the allowed models ({', '.join(allowlist)})")


def _offline() -> bool:
    from huggingface_hub import constants

    return bool(constants.HF_HUB_OFFLINE)


def _available(source: Source, index_file: str) -> bool:
    """Returns whether `source` can be loaded without a download that is impossible here."""
    if source.local or not _offline():
        return True  # a folder is here; online, an allowlisted id can be downloaded
    from huggingface_hub import try_to_load_from_cache

    return isinstance(try_to_load_from_cache(source.ref, index_file), str)  # offline: only what the cache already holds


def _load(loader, source: Source, what: str, **options):
    try:
        return loader(source.ref, local_files_only=source.local, **options)
    except Exception as exc:  # the libraries raise OSError, ValueError, HTTP errors...: all mean "not here"
        raise ModelUnavailableError(f"the {what} {source.ref!r} could not be loaded here ({type(exc).__name__}: {exc})".strip()) from exc


_CLIP_CACHE: dict[str, tuple[Any, Any]] = {}
_CLIP_LOCK = threading.Lock()
MAX_CLIP_MODELS = 2  # the mini CLIP and one real CLIP fit side by side


def clip_available(source: str | Path) -> bool:
    """Returns whether the CLIP `source` can be loaded here (a folder, a cached id, or any allowlisted id when online).

    Reads no weights; raises `ModelRefusedError` for a source that is not allowed."""
    where = resolve(source, CLIP_ALLOWLIST)
    return where.ref in _CLIP_CACHE or _available(where, "config.json")


def load_clip(source: str | Path) -> tuple[Any, Any]:
    """Returns (`CLIPModel` in eval mode, `CLIPProcessor`) from a folder or an allowlisted id, cached."""
    where = resolve(source, CLIP_ALLOWLIST)
    with _CLIP_LOCK:
        if where.ref in _CLIP_CACHE:
            return _CLIP_CACHE[where.ref]
        if not _available(where, "config.json"):
            raise ModelUnavailableError(f"the CLIP model {where.ref!r} could not be loaded here (offline and not downloaded)")
        from transformers import CLIPModel, CLIPProcessor

        model = _load(CLIPModel.from_pretrained, where, "CLIP model", use_safetensors=True).eval()  # never unpickle weights
        processor = _load(CLIPProcessor.from_pretrained, where, "CLIP processor")
        while len(_CLIP_CACHE) >= MAX_CLIP_MODELS:
            _CLIP_CACHE.pop(next(iter(_CLIP_CACHE)))
        _CLIP_CACHE[where.ref] = (model, processor)
        return model, processor


class _PipelineSlot:
    """The one text-to-image pipeline kept in memory, with its image-to-image sibling sharing its weights."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.ref: str | None = None
        self.pipeline: Any = None
        self.img2img: Any = None

    def release(self) -> None:
        self.ref, self.pipeline, self.img2img = None, None, None
        gc.collect()


_SLOT = _PipelineSlot()


def pipeline_available(source: str | Path) -> bool:
    """Returns whether the pipeline `source` can be loaded here (a folder, a cached id, or any allowlisted id when online).

    Reads no weights; raises `ModelRefusedError` for a source that is not allowed."""
    where = resolve(source, PIPELINE_ALLOWLIST)
    return where.ref == _SLOT.ref or _available(where, "model_index.json")


def load_pipeline(source: str | Path, *, image_to_image: bool = False) -> Any:
    """Returns a `StableDiffusionPipeline` (or, with `image_to_image`, its img2img sibling on the same weights).

    Loading a different pipeline first releases the one in memory; a pipeline that cannot be here (offline,
    not downloaded) is refused before that, so the one in memory stays."""
    where = resolve(source, PIPELINE_ALLOWLIST)
    with _SLOT.lock:
        if _SLOT.ref != where.ref:
            if not _available(where, "model_index.json"):
                raise ModelUnavailableError(
                    f"the Stable Diffusion pipeline {where.ref!r} could not be loaded here (offline and not downloaded)"
                )
            _SLOT.release()
            from diffusers import StableDiffusionImg2ImgPipeline, StableDiffusionPipeline

            pipeline = _load(StableDiffusionPipeline.from_pretrained, where, "Stable Diffusion pipeline", use_safetensors=True)
            pipeline.set_progress_bar_config(disable=True)
            if device.compute_device().type != "cpu":
                pipeline.to(device.compute_device())  # the img2img sibling below shares these modules, so it moves too
            _SLOT.ref, _SLOT.pipeline = where.ref, pipeline
            _SLOT.img2img = StableDiffusionImg2ImgPipeline(**pipeline.components)
            _SLOT.img2img.set_progress_bar_config(disable=True)
        return _SLOT.img2img if image_to_image else _SLOT.pipeline


def loaded_pipeline() -> str | None:
    """Returns the source of the pipeline in memory, or None."""
    return _SLOT.ref


def release_pipeline() -> None:
    """Frees the pipeline in memory (if any)."""
    with _SLOT.lock:
        _SLOT.release()


def build_clip_tokenizer(corpus: Iterable[str], out_dir: str | Path, *, vocab_size: int = 400) -> Any:
    """Returns a `CLIPTokenizer` trained on `corpus` (byte-pair encoding of lower-cased words), saved in `out_dir`.

    Every character of `ALPHABET`, alone and at the end of a word, is in the vocabulary, so any text
    made of them tokenizes without unknown tokens; words of the corpus become single tokens when the
    vocabulary is large enough.
    """
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, trainers
    from transformers import CLIPTokenizer

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    tokenizer = Tokenizer(models.BPE(end_of_word_suffix="</w>"))
    tokenizer.normalizer = normalizers.Lowercase()
    tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        special_tokens=list(SPECIAL_TOKENS),
        end_of_word_suffix="</w>",
        initial_alphabet=list(ALPHABET),
        show_progress=False,
    )
    tokenizer.train_from_iterator(list(corpus), trainer)
    tokenizer.model.save(str(out))
    vocab_path = out / "vocab.json"
    vocab = json.loads(vocab_path.read_text(encoding="utf-8"))
    for char in ALPHABET:  # the end-of-word form of every character, so no word falls outside the vocabulary
        for token in (char, char + "</w>"):
            vocab.setdefault(token, len(vocab))
    vocab_path.write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    clip = CLIPTokenizer(str(vocab_path), str(out / "merges.txt"), model_max_length=32)
    clip.save_pretrained(str(out))
    return clip
