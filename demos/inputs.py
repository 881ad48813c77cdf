"""Input components that leave validation to the handler, and the validators handlers use.

Gradio's own sliders and dropdowns check values before a handler runs, but answer only in English
and crash on NaN or on a string where a number belongs. These templates pass the raw value through
(the browser widget is the same) so each handler checks it with `integer`, `real` or `choice` and
answers in the person's language. The HTTP API is public: the server validates every value.
"""

from __future__ import annotations

import contextlib
import copy
import inspect
import math
from collections.abc import Sequence
from contextvars import ContextVar
from typing import Any

import gradio as gr
import numpy as np
from gradio.i18n import I18nData
from PIL import Image as PILImage
from PIL import UnidentifiedImageError

from core.data.toy2d import DataError, Toy2D, read_csv_points
from demos.i18n import Lang, error, lang_of, t
from demos.lazy import core_threads, data_images


class PassThrough:
    """Mixin for a Gradio input component whose value reaches the handler unchecked (put it first in the bases)."""

    is_template = True

    def preprocess(self, payload: Any) -> Any:
        return payload

    def _gradio_name(self) -> str:
        # Gradio names the browser widget after `__base__`, which is this mixin: name the Gradio class instead
        return next(c for c in type(self).__mro__ if c.__module__.startswith("gradio.")).__name__.lower()

    def get_block_name(self) -> str:
        return self._gradio_name()

    def get_block_class(self) -> str:
        return self._gradio_name()


class Slider(PassThrough, gr.Slider):
    """A `gr.Slider` whose value reaches the handler unchecked."""


class Number(PassThrough, gr.Number):
    """A `gr.Number` whose value reaches the handler unchecked."""


class Dropdown(PassThrough, gr.Dropdown):
    """A `gr.Dropdown` whose value reaches the handler unchecked."""


class Radio(PassThrough, gr.Radio):
    """A `gr.Radio` whose value reaches the handler unchecked."""


class CheckboxGroup(PassThrough, gr.CheckboxGroup):
    """A `gr.CheckboxGroup` whose value reaches the handler unchecked."""


UNREADABLE = "unreadable image"  # what `Image` passes on for a file that does not decode


class Image(gr.Image):
    """A `gr.Image` that passes `UNREADABLE` to the handler for a corrupt, unknown or oversized file
    (Gradio's own preprocessing would fail with an English-only, generic error)."""

    is_template = True

    def preprocess(self, payload: Any) -> Any:
        try:
            wide = self._wide_grey(payload)
            return wide if wide is not None else super().preprocess(payload)
        except (UnidentifiedImageError, PILImage.DecompressionBombError, OSError, ValueError, SyntaxError):
            return UNREADABLE

    def _wide_grey(self, payload: Any) -> np.ndarray | None:
        """Returns a 16-bit or floating-point grey upload as its own array (uint16 or float), or None for any other file.

        Gradio converts every upload to 8-bit RGB by clipping, which turns a 16-bit scan almost white;
        `core.data.images.image_from_array` scales these dtypes to [0, 1] itself."""
        path = getattr(payload, "path", None)
        if self.type != "numpy" or not path:
            return None
        with PILImage.open(path) as image:
            if image.mode in ("I;16", "I;16L", "I;16B"):
                return np.asarray(image).astype(np.uint16)
            if image.mode == "I":  # 32-bit integers: PIL's 16-bit PNGs at times, so read them on the 16-bit scale
                return np.asarray(image).clip(0, 65535).astype(np.uint16)
            if image.mode == "F":
                return np.asarray(image, dtype=np.float32)
        return None


def _as_number(value: Any, name_key: str, lang: Lang) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise error("common_err_not_number", lang, name=t(name_key, lang))
    try:
        number = float(value)
    except ValueError:
        raise error("common_err_not_number", lang, name=t(name_key, lang)) from None
    if not math.isfinite(number):
        raise error("common_err_not_finite", lang, name=t(name_key, lang))
    return number


def integer(value: Any, name_key: str, lo: int, hi: int, lang: Lang) -> int:
    """Returns `value` as an int in [lo, hi], or raises a translated `gr.Error`."""
    number = _as_number(value, name_key, lang)
    if number != round(number):
        raise error("common_err_not_integer", lang, name=t(name_key, lang))
    if not lo <= number <= hi:
        raise error("common_err_range", lang, name=t(name_key, lang), lo=lo, hi=hi)
    return int(number)


def real(value: Any, name_key: str, lo: float, hi: float, lang: Lang) -> float:
    """Returns `value` as a float in [lo, hi], or raises a translated `gr.Error`."""
    number = _as_number(value, name_key, lang)
    if not lo <= number <= hi:
        raise error("common_err_range", lang, name=t(name_key, lang), lo=lo, hi=hi)
    return number


def choice(value: Any, name_key: str, choices: Sequence[str], lang: Lang) -> str:
    """Returns `value` if it is one of `choices`, or raises a translated `gr.Error`."""
    if not isinstance(value, str) or value not in choices:
        raise error("common_err_choice", lang, name=t(name_key, lang), choices=", ".join(choices))
    return value


SEED_MAX = 2**31 - 1


def seed(value: Any, lang: Lang) -> int:
    """Returns a valid seed in [0, 2^31 - 1], or raises a translated `gr.Error`."""
    return integer(value, "common_seed", 0, SEED_MAX, lang)


IMAGE_SOURCES = ("digit", "photo", "upload")
DIGIT_INDEX = (0, 1796)


def picture(source: Any, digit_index: Any, photo: Any, upload: Any, lang: Lang, *, size: int) -> Any:
    """Returns the image a person chose, `[C, H, W]` in [0, 1]: one of the 1,797 digits (8x8), a bundled photo, or
    their upload (both `size` x `size`); raises a translated error for a bad choice or an unreadable upload."""
    source = choice(source, "common_source", IMAGE_SOURCES, lang)
    if source == "digit":
        index = integer(digit_index, "common_digit_index", *DIGIT_INDEX, lang)
        return data_images.load_digits("all")[0][index]
    if source == "photo":
        return data_images.load_photo(choice(photo, "common_photo", data_images.PHOTOS, lang), size=size)  # type: ignore[arg-type]
    if isinstance(upload, str) and upload == UNREADABLE:
        raise error("common_err_image_unreadable", lang)
    if not isinstance(upload, np.ndarray):
        raise error("common_err_upload", lang)
    try:
        return data_images.image_from_array(upload, size)
    except data_images.DrawingError as err:
        raise error(f"common_err_{err.key}", lang) from None


def data_error(err: DataError, lang: Lang) -> gr.Error:
    """Returns the translated `gr.Error` for bad user data that `core.data.toy2d` rejected; raise it from a handler."""
    return error(f"common_{err.key}", lang, **err.params)


def csv_points(csv_file: Any, lang: Lang) -> Toy2D:
    """Returns the points of an uploaded CSV file (a path), or raises a translated `gr.Error` saying what is wrong with it."""
    try:
        return read_csv_points(csv_file)
    except DataError as err:
        raise data_error(err, lang) from None


# --- values Gradio cannot read ------------------------------------------------------------------

MAX_MEGAPIXELS = 16  # as `app.MAX_IMAGE_PIXELS`, in the messages
QUICK_QUEUES: set[str] = set()  # the queues whose answers live runs let go first (`quick_queue`)


def quick_queue(options: dict[str, Any]) -> dict[str, Any]:
    """Returns an event's queue options (`concurrency_id`, `concurrency_limit`) after marking the queue as quick: while
    one of its events is answered, live runs wait for it a little before their next turn (`core.threads.FairShare.quick`)."""
    QUICK_QUEUES.add(options["concurrency_id"])
    return options


_REQUEST: ContextVar[gr.Request | None] = ContextVar("gallery_request", default=None)


class Blocks(gr.Blocks):
    """A `gr.Blocks` whose events answer a value Gradio cannot read with a translated message.

    Before a handler runs, Gradio reads each input: it counts the values, fetches a file given by URL,
    validates the file payloads and decodes images. A failure there is not a `gr.Error`, so with
    `show_error` off the event ends with a bare error event (`data: null`) and the caller learns nothing;
    Gradio's own `gr.Error`s there (a File's "Invalid file type") speak English only. Here such a failure
    raises a `gr.Error` in the caller's language that names the input. Values read correctly reach the
    handler exactly as Gradio prepares them.

    `queue` holds the queue's settings (`gr.Blocks.queue`'s arguments): Gradio's constructor sets up a queue and builds
    a server app for it, and calling `queue` again later would build that app a second time (a tenth of start-up).
    """

    def __init__(self, *args: Any, queue: dict[str, Any] | None = None, **kwargs: Any):
        self.queue_options = dict(queue or {})
        super().__init__(*args, **kwargs)

    def queue(self, *args: Any, **kwargs: Any) -> Blocks:
        return super().queue(*args, **{**getattr(self, "queue_options", {}), **kwargs})

    async def process_api(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        token = _REQUEST.set(kwargs.get("request"))  # `preprocess_data` is not given the request
        block_fn = kwargs.get("block_fn", args[0] if args else None)
        quick = core_threads.TRAINING.quick() if getattr(block_fn, "concurrency_id", None) in QUICK_QUEUES else contextlib.nullcontext()
        try:
            with quick:  # live runs let a slider's answer go first (`core.threads.FairShare.quick`)
                return await super().process_api(*args, **kwargs)
        finally:
            _REQUEST.reset(token)

    async def preprocess_data(self, block_fn: Any, inputs: list[Any], state: Any, explicit_call: bool = False) -> list[Any]:
        lang = lang_of(_REQUEST.get())
        if len(inputs) < len(block_fn.inputs):
            raise error("common_err_missing_values", lang, expected=len(block_fn.inputs), got=len(inputs))
        try:
            return await super().preprocess_data(block_fn, inputs, state, explicit_call)
        except Exception as err:  # Gradio's own `gr.Error`s too: the gallery's components pass sentinels (`UNREADABLE`), never raise
            raise await self._unreadable(block_fn, inputs, state, explicit_call, lang) from err

    async def _unreadable(self, block_fn: Any, inputs: list[Any], state: Any, explicit_call: bool, lang: Lang) -> gr.Error:
        """Returns the error naming the first input Gradio cannot read (each is read again, alone, to find it)."""
        for i, block in enumerate(block_fn.inputs):
            alone = copy.copy(block_fn)
            alone.inputs = [block]
            alone.component_prop_inputs = [0] if i in block_fn.component_prop_inputs else []
            try:
                await super().preprocess_data(alone, [inputs[i]], state, explicit_call)
            except Exception:
                return unreadable_value(block, lang)
        return error("common_err_values_unreadable", lang)


def unreadable_value(block: gr.components.Component, lang: Lang) -> gr.Error:
    """Returns the translated error for a value of `block` that Gradio could not read."""
    label = getattr(block, "label", None)
    name = t(label.key, lang) if isinstance(label, I18nData) else str(label or type(block).__name__)
    if isinstance(block, gr.Image | gr.ImageEditor):
        return error("common_err_bad_image", lang, name=name, megapixels=MAX_MEGAPIXELS)
    if isinstance(block, gr.File):
        types = ", ".join(block.file_types or []) or t("common_any_type", lang)
        return error("common_err_bad_file", lang, name=name, types=types)
    return error("common_err_bad_value", lang, name=name)


def remember_signatures() -> None:
    """Stores each Gradio block class's constructor signature on the constructor (`__signature__`), as Python allows.

    Gradio reads a block's constructor signature each time it builds that block (to name its arguments) and each time
    it describes it to the browser (once when the page is built, twice more at launch). For the gallery's 1,100
    components that is some 9,000 signatures computed from the code, a fifth of its start-up; `inspect.signature`
    returns a stored one as it is, so each is computed once. Call it before building a page, after importing any
    custom components.
    """
    pending = [gr.blocks.Block]
    seen: set[type] = set()
    while pending:
        cls = pending.pop()
        if cls in seen:
            continue
        seen.add(cls)
        pending.extend(cls.__subclasses__())
        init = cls.__dict__.get("__init__")
        function = getattr(init, "__wrapped__", init)  # Gradio wraps a component's constructor (`updateable`)
        if inspect.isfunction(function) and "__signature__" not in function.__dict__:
            function.__signature__ = inspect.signature(function, follow_wrapped=False)  # type: ignore[attr-defined]
