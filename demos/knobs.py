"""Knobs declared once: the declaration builds the widget, validates the value and fills the core config.

A tab lists its settings as `Knob`s (name, kind, range or choices, default, label key). From that one
declaration come the browser widget (`widget`, `layout`), the server-side check of the value that
arrives through the public HTTP API (`parse`, a translated `gr.Error` for a bad value), and the core
dataclass the handler needs (`fill`, by field name). Events pass the widgets by name with Gradio's
`inputs_kwargs`, so handlers read `**knobs` by name and the API documents each parameter by the
knob's name; `by_component` turns a handler's `{name: value}` answer into Gradio's dict outputs.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

import gradio as gr

from demos import inputs
from demos.i18n import I18N, Lang, error, t

Kind = Literal["slider", "number", "dropdown", "radio", "checkbox"]


@dataclass(frozen=True)
class Knob:
    """One setting of a tab: its widget, its valid values, and the core config field it fills (`name`)."""

    name: str  # the handler's keyword, the API parameter's name and the core config's field
    kind: Kind
    label: str  # translation key of the label; it also names the knob in error messages
    default: Any
    lo: float | None = None  # slider and number: the valid range, ends included
    hi: float | None = None
    step: float | None = None  # slider: the widget's step
    integer: bool = False  # slider and number: whole numbers only
    choices: tuple[str, ...] = ()  # dropdown and radio: the valid values...
    choice_label: str | Mapping[str, str] = ""  # ...and each one's label: a translation key with "{}" for the value,
    # or {value: translation key}, a value missing there showing as itself
    info: str | None = None  # translation key of the hint under the widget
    elem_id: str | None = None
    full_width: bool = False  # `layout` gives it a row of its own

    def __post_init__(self) -> None:
        if self.kind in ("slider", "number") and (self.lo is None or self.hi is None):
            raise ValueError(f"knob {self.name!r}: a {self.kind} needs lo and hi")
        if self.kind in ("dropdown", "radio") and not self.choices:
            raise ValueError(f"knob {self.name!r}: a {self.kind} needs choices")

    def parse(self, value: Any, lang: Lang) -> Any:
        """Returns `value` checked against the declaration (an int, float, str or bool), or raises a translated `gr.Error`."""
        if self.kind in ("dropdown", "radio"):
            return inputs.choice(value, self.label, self.choices, lang)
        if self.kind == "checkbox":
            if not isinstance(value, bool):
                raise error("common_err_choice", lang, name=t(self.label, lang), choices="true, false")
            return value
        lo, hi = self.lo, self.hi
        if self.integer:
            return inputs.integer(value, self.label, int(lo), int(hi), lang)  # type: ignore[arg-type]
        return inputs.real(value, self.label, lo, hi, lang)  # type: ignore[arg-type]

    def widget(self, **options: Any) -> gr.components.Component:
        """Returns the widget of this knob; its value reaches the handler unchecked (`parse` checks it there)."""
        common: dict[str, Any] = {"label": I18N(self.label), "elem_id": self.elem_id} | options
        if self.info is not None:
            common["info"] = I18N(self.info)
        if self.kind == "slider":
            return inputs.Slider(self.lo, self.hi, value=self.default, step=self.step, **common)
        if self.kind == "number":
            return inputs.Number(self.default, minimum=self.lo, maximum=self.hi, precision=0 if self.integer else None, **common)
        if self.kind == "checkbox":
            return gr.Checkbox(self.default, **common)
        choices = [(self._choice_text(c), c) for c in self.choices]
        widget_class = inputs.Dropdown if self.kind == "dropdown" else inputs.Radio
        return widget_class(choices, value=self.default, **common)

    def choice_key(self, value: str) -> str | None:
        """Returns the translation key of a choice's label, or None where the value shows as itself."""
        if isinstance(self.choice_label, str):
            return self.choice_label.format(value) if self.choice_label else None
        return self.choice_label.get(value)

    def _choice_text(self, value: str) -> Any:
        key = self.choice_key(value)
        return value if key is None else I18N(key)

    def committed(self, widget: gr.components.Component) -> Any:
        """Returns the event that fires once a person has settled on a value: a slider's release, a number's submit, a change."""
        if self.kind == "slider":
            return widget.release  # type: ignore[attr-defined]
        if self.kind == "number":
            return widget.submit  # type: ignore[attr-defined]
        return widget.change  # type: ignore[attr-defined]


SEED = Knob("seed", "number", "common_seed", 0, lo=0, hi=inputs.SEED_MAX, integer=True)  # a tab's seed: `dataclasses.replace` to adapt


def layout(knobs: Iterable[Knob], per_row: int = 2) -> dict[str, gr.components.Component]:
    """Builds the knobs' widgets `per_row` to a row, in order (a `full_width` knob alone); returns them by name."""
    widgets: dict[str, gr.components.Component] = {}
    row: list[Knob] = []

    def flush() -> None:
        if row:
            with gr.Row():
                widgets.update({k.name: k.widget() for k in row})
            row.clear()

    for knob in knobs:
        if knob.full_width:
            flush()
            widgets[knob.name] = knob.widget()
        else:
            row.append(knob)
            if len(row) == per_row:
                flush()
    flush()
    return widgets


def layout_folded(knobs: Iterable[Knob], folded: Iterable[str], per_row: int = 2) -> dict[str, gr.components.Component]:
    """Builds the knobs like `layout`, those named in `folded` in a closed "More settings" accordion under the others (the
    settings a first try leaves alone); returns every widget by name, in the knobs' order."""
    knobs, folded = tuple(knobs), set(folded)
    widgets = layout([k for k in knobs if k.name not in folded], per_row)
    with gr.Accordion(I18N("common_more_settings"), open=False):
        widgets |= layout([k for k in knobs if k.name in folded], per_row)
    return {k.name: widgets[k.name] for k in knobs}


def parse(knobs: Iterable[Knob], values: Mapping[str, Any], lang: Lang) -> dict[str, Any]:
    """Returns `{name: checked value}` for `knobs`, in order; a knob missing from `values` takes its default.

    Raises the first knob's translated `gr.Error` for a bad value, and `TypeError` for a name no knob declares."""
    knobs = tuple(knobs)
    unknown = set(values) - {k.name for k in knobs}
    if unknown:
        raise TypeError(f"no knob is named {sorted(unknown)}; the knobs are {[k.name for k in knobs]}")
    return {k.name: k.parse(values.get(k.name, k.default), lang) for k in knobs}


def fill(config: type, values: Mapping[str, Any], **extra: Any) -> Any:
    """Returns the dataclass `config` built from the entries of `values` named like its fields (plus `extra`)."""
    names = {f.name for f in dataclasses.fields(config)}
    return config(**{k: v for k, v in values.items() if k in names}, **extra)


def defaults(knobs: Iterable[Knob]) -> dict[str, Any]:
    """Returns `{name: default}` of `knobs`."""
    return {k.name: k.default for k in knobs}


def by_name(knobs: Iterable[Knob]) -> dict[str, Knob]:
    """Returns the knobs keyed by name."""
    return {k.name: k for k in knobs}


def by_component(handler: Callable[..., Mapping[str, Any]], components: Mapping[str, gr.components.Component]) -> Callable:
    """Returns `handler` answering Gradio's dict outputs: its `{name: value}` becomes `{components[name]: value}`.

    The handler stays a plain function that tests call directly; the wrapper keeps its name, docstring and
    signature (so the API page documents it and Gradio still passes `gr.Request`)."""

    @functools.wraps(handler)
    def wrapper(*args: Any, **kwargs: Any) -> dict:
        return {components[name]: value for name, value in handler(*args, **kwargs).items()}

    return wrapper
