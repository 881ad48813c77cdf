"""Links that reopen an exact setup: the tab, one section and all its settings, in the query string.

    ?tab=gans&section=lab&dataset=grid&loss=saturating&d_lr=0.0003&seed=3

A section registers once, with `control`, its id and its settings as `{name: widget}` (the parser derived from
the widget) or `{name: (widget, Knob)}` (the knob's own range and choices) or `{name: (widget, parser)}`;
`control` also builds, where it is called, the section's "copy link" button and the field that shows the
link. One page-load handler (`restore_on_load`, wired in app.py) reads the query string, selects the tab,
puts each setting back and sets the section's `restored` state, whose `.change` the section adds to the
triggers of whatever it computes on page load, so its results follow the restored settings. A section whose
results come from a button (a training run, a sampler) gets its settings and seed back: pressing the button
reproduces the run.

Values in a link go through the same checks as the public API (`Knob.parse`, the validators of
`demos.inputs`), with one difference: a number out of range is clamped into it (an integer is rounded)
rather than refused, because a link is a request to show something, not an API call that must fail
loudly. A parameter the section does not have, or a value that cannot be read (a word for a number, a
choice that does not exist, an uploaded file's choice), is left out with a short translated notice; the
page always opens. `lang` stays the language switch's (app.py's HEAD), and Gradio's own `view` and
`__theme` are left alone.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urlencode

import gradio as gr
from gradio.context import Context

from demos import inputs, layout
from demos.i18n import I18N, Lang, lang_of, t
from demos.knobs import Knob

Parser = Callable[[str, Lang], tuple[Any, bool]]  # a link's text -> (value, whether it was adjusted); raises LinkError
OTHER_PARAMS = frozenset({"lang", "view", "__theme", "__sign"})  # the language switch's and Gradio's own
TEXT_MAX_CHARS = 1000  # as the prompts' limit in the CLIP and Stable Diffusion tabs
# the page's address, without its query, plus the section's query; copied where the browser allows it. Inside a
# Space's page the address is the Space's own where the browser tells it (the referrer), else the app's
COPY_JS = """(query) => {
  if (!query) return query;
  let base = window.location.origin + window.location.pathname;
  try {
    const parent = document.referrer.split(/[?#]/)[0];
    if (window.top !== window.self && /^https:[/][/]huggingface[.]co[/]spaces[/][^/]+[/][^/]+$/.test(parent)) base = parent;
  } catch (e) {}
  const url = base + query;
  try { navigator.clipboard?.writeText(url).catch(() => {}); } catch (e) {}
  return url;
}"""
# a long tab scrolls to the section the link opened: its copy-link button at the bottom of the screen, the section above
SCROLL_JS = """() => {
  const query = new URLSearchParams(window.location.search);
  if (!query.get("section")) return;
  const id = `link-${query.get("tab")}-${query.get("section")}`;
  let tries = 0;
  const timer = setInterval(() => {
    const target = document.getElementById(id);
    tries += 1;
    if (target) target.scrollIntoView({ block: "end" });  // the section above its button: its knobs and figures
    if (target || tries > 40) clearInterval(timer);
  }, 150);
}"""


class LinkError(ValueError):
    """A value in a link that cannot be read as the setting it names."""


# --- parsers --------------------------------------------------------------------------------------


def knob(declared: Knob) -> Parser:
    """Returns the link parser of a knob: `Knob.parse`'s checks, after a number is clamped into its range."""

    def parse(text: str, lang: Lang) -> tuple[Any, bool]:
        if declared.kind in ("slider", "number"):
            try:
                number = float(text)
            except ValueError:
                raise LinkError(text) from None
            if not math.isfinite(number):
                raise LinkError(text)
            value: Any = min(max(number, declared.lo), declared.hi)  # type: ignore[type-var]
            if declared.integer:
                value = round(value)
            return declared.parse(value, lang), value != number
        if declared.kind == "checkbox":
            flag = {"true": True, "1": True, "false": False, "0": False}.get(text.strip().lower())
            if flag is None:
                raise LinkError(text)
            return declared.parse(flag, lang), False
        return declared.parse(text, lang), False

    return parse


def choice(choices: Sequence[str], label: str) -> Parser:
    """Returns the link parser of a choice among `choices` (a link leaves out the choices a link cannot carry: an upload, a drawing)."""
    return knob(Knob("choice", "radio", label, choices[0], choices=tuple(choices)))


def text(max_chars: int = TEXT_MAX_CHARS) -> Parser:
    """Returns the link parser of free text (a prompt, a list of labels): cut to `max_chars` characters."""

    def parse(value: str, lang: Lang) -> tuple[str, bool]:
        return value[:max_chars], len(value) > max_chars

    return parse


def subset(choices: Sequence[str], label: str) -> Parser:
    """Returns the link parser of a checkbox group: comma-separated values, each one of `choices`."""

    def parse(value: str, lang: Lang) -> tuple[list[str], bool]:
        picked = [v.strip() for v in value.split(",") if v.strip()]
        for v in picked:
            inputs.choice(v, label, choices, lang)
        return list(dict.fromkeys(picked)), False

    return parse


def stepped(component: gr.Slider, name: str, check: Callable[[int, Lang], int] | None = None) -> Parser:
    """Returns the link parser of a slider whose API takes only its steps (an image size): clamped, then moved to the
    nearest step, then checked by `check` (the API's own validator) where one is given."""
    lo, hi, step = component.minimum, component.maximum, component.step
    plain = knob(Knob(name, "slider", _label_key(component), component.value, lo=lo, hi=hi, integer=True))

    def parse(value: str, lang: Lang) -> tuple[int, bool]:
        number, adjusted = plain(value, lang)
        snapped = int(min(hi, lo + round((number - lo) / step) * step))
        return (check(snapped, lang) if check else snapped), adjusted or snapped != number

    return parse


def _label_key(component: gr.components.Component) -> str:
    match = re.search(r'"key": "([a-z0-9_]+)"', str(getattr(component, "label", "")))
    return match.group(1) if match else "common_link_value"


def derived(component: gr.components.Component, name: str) -> Parser:
    """Returns the parser of a widget built by hand, from its own range or choices (a Number without a
    maximum is a seed, whose range is `inputs.SEED_MAX`)."""
    label = _label_key(component)
    if isinstance(component, gr.Slider):
        lo, hi, step = component.minimum, component.maximum, component.step
        integer = float(step).is_integer() and float(lo).is_integer()
        return knob(Knob(name, "slider", label, component.value, lo=lo, hi=hi, integer=integer))
    if isinstance(component, gr.Number):
        lo = component.minimum if component.minimum is not None else 0
        hi = component.maximum if component.maximum is not None else inputs.SEED_MAX
        return knob(Knob(name, "number", label, component.value, lo=lo, hi=hi, integer=component.precision == 0))
    if isinstance(component, gr.CheckboxGroup):
        return subset([str(value) for _, value in component.choices], label)
    if isinstance(component, gr.Dropdown | gr.Radio):
        return knob(Knob(name, "radio", label, component.value, choices=tuple(str(value) for _, value in component.choices)))
    if isinstance(component, gr.Checkbox):
        return knob(Knob(name, "checkbox", label, component.value))
    if isinstance(component, gr.Textbox):
        return text()
    raise TypeError(f"setting {name!r}: no link parser for a {type(component).__name__}; pass (widget, parser)")


# --- sections ---------------------------------------------------------------------------------------


@dataclass
class Section:
    """One interactive section of a tab, as a link names it (`tab`, `name`), with its settings by name."""

    tab: str
    name: str
    params: dict[str, tuple[gr.components.Component, Parser]]
    restored: gr.State  # set when a link restored this section: add its `.change` to the triggers of the section's results
    button: gr.Button
    field: gr.Textbox
    page: tuple[gr.Tabs, str] | None = None  # the tab's pages and the id of the one the section lies on (`layout.enclosing_page`)

    def register(self, settings: Mapping[str, Setting]) -> None:
        """Gives the section its settings by name and wires its button: the link's query, then the page's address before it."""
        if self.params:
            raise ValueError(f"the section {self.tab}/{self.name} has its settings already")
        self.params = parsers(self.tab, self.name, settings)
        tab, name = self.tab, self.name

        def link(**values: Any) -> dict:
            return gr.Textbox(value="?" + encode(tab, name, values), visible=True)

        widgets = {key: widget for key, (widget, _) in self.params.items()}
        self.button.click(link, None, self.field, inputs_kwargs=widgets, api_name=False, queue=False, show_progress="hidden").then(
            None, self.field, self.field, js=COPY_JS, api_name=False, show_progress="hidden"
        )


@dataclass
class Registry:
    sections: dict[tuple[str, str], Section] = field(default_factory=dict)


def registry(demo: gr.Blocks) -> Registry:
    """Returns the sections registered in `demo` (one registry per app)."""
    if not isinstance(getattr(demo, "gallery_links", None), Registry):
        demo.gallery_links = Registry()  # type: ignore[attr-defined]
    return demo.gallery_links  # type: ignore[attr-defined]


Setting = gr.components.Component | tuple[gr.components.Component, Knob | Parser]


def knob_settings(declared: Iterable[Knob], widgets: Mapping[str, gr.components.Component]) -> dict[str, Setting]:
    """Returns `{name: (widget, knob)}` for knobs laid out with `knobs.layout` (`widgets` by name)."""
    return {k.name: (widgets[k.name], k) for k in declared}


def picture_settings(source: gr.Radio, digit_index: gr.Slider, photo: gr.Dropdown) -> dict[str, Setting]:
    """Returns the settings of `layout.picture_inputs` but the upload: a link names a digit or a bundled photo, never a file."""
    sources = tuple(s for s in inputs.IMAGE_SOURCES if s != "upload")
    return {"source": (source, choice(sources, "common_source")), "digit_index": digit_index, "photo": photo}


def parsers(tab: str, name: str, settings: Mapping[str, Setting]) -> dict[str, tuple[gr.components.Component, Parser]]:
    """Returns each setting's widget and parser (a knob's, the one given, or one derived from the widget)."""
    params: dict[str, tuple[gr.components.Component, Parser]] = {}
    for key, setting in settings.items():
        if key in ("tab", "section") or key in OTHER_PARAMS:
            raise ValueError(f"section {tab}/{name}: {key!r} is taken by the link itself")
        if isinstance(setting, tuple):
            widget, parser = setting
            params[key] = (widget, knob(parser) if isinstance(parser, Knob) else parser)
        else:
            params[key] = (setting, derived(setting, key))
    return params


def control(demo: gr.Blocks, tab: str, name: str, settings: Mapping[str, Setting] | None = None) -> Section:
    """Registers section `name` of tab `tab` and builds its "copy link" button and link field here; returns the section.

    Its `settings` can follow later, once their widgets exist (`Section.register`): the button can then sit by the
    section's other buttons, above its knobs."""
    sections = registry(demo).sections
    if (tab, name) in sections:
        raise ValueError(f"the section {tab}/{name} is registered twice")
    with gr.Row(elem_classes="gallery-link", equal_height=True):
        button = gr.Button(
            I18N("common_link_button"),
            size="sm",
            scale=0,
            min_width=150,
            elem_id=f"link-{tab}-{name}",
            elem_classes="gallery-link-button",
        )
        link_field = gr.Textbox(
            label=I18N("common_link_field"),
            info=I18N("common_link_info"),
            interactive=False,
            buttons=["copy"],
            visible=False,
            scale=4,
            elem_id=f"link-{tab}-{name}-field",
        )
    page = layout.enclosing_page(Context.block)
    found = sections[(tab, name)] = Section(tab, name, {}, gr.State(None), button, link_field, page)
    if settings is not None:
        found.register(settings)
    return found


# --- page load -----------------------------------------------------------------------------------------


def _query(request: Any) -> dict[str, str]:
    return dict(getattr(request, "query_params", None) or {})


def linked(request: gr.Request | None, tab: str, names: Collection[str] = ()) -> set[str]:
    """Returns the settings that the page's link gives to tab `tab` (to its sections `names`, when given);
    a tab's own page-load defaults leave these to the link."""
    query = _query(request)
    if query.get("tab") != tab or (names and query.get("section") not in names):
        return set()
    return set(query) - {"tab", "section"} - OTHER_PARAMS


def unless_linked(fn: Callable, tab: str, *names: str) -> Callable:
    """Returns `fn` (a page-load handler that takes a `gr.Request`) doing nothing on a page opened by a link to
    section `names` of `tab`: that section's `restored` event computes the same outputs from the link's values,
    and two runs racing could leave the defaults' on screen."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        request = next((a for a in (*args, *kwargs.values()) if isinstance(a, gr.Request)), None)
        query = _query(request)
        if query.get("tab") == tab and query.get("section") in names:
            return gr.skip()
        return fn(*args, **kwargs)

    return wrapper


# --- the query string ---------------------------------------------------------------------------------


def encode_value(value: Any) -> str:
    """Returns a setting as a link writes it: true/false, a whole number without ".0", a list comma-separated."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, list | tuple):
        return ",".join(encode_value(v) for v in value)
    return str(value)


def encode(tab: str, name: str, values: Mapping[str, Any]) -> str:
    """Returns the query string (without "?") that reopens section `name` of `tab` with `values` (None left out)."""
    pairs = [("tab", tab), ("section", name), *((key, encode_value(v)) for key, v in values.items() if v is not None)]
    return urlencode(pairs, quote_via=quote, safe=",")


@dataclass
class Decoded:
    """What a link asks for: the tab to select, the section and its values; what was left out or adjusted."""

    tab: str | None = None
    section: Section | None = None
    values: dict[str, Any] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)
    adjusted: list[str] = field(default_factory=list)


def decode(query: Mapping[str, str], sections: Mapping[tuple[str, str], Section], tabs: Collection[str], lang: Lang) -> Decoded | None:
    """Returns what the query string `query` asks for, or None when it names no tab and no section.

    An unknown tab, section or setting, or a value that cannot be read, is listed in `ignored`; a number
    clamped into its range (or rounded to a whole number) is listed in `adjusted`."""
    if "tab" not in query and "section" not in query:
        return None
    out = Decoded()
    tab, name = query.get("tab"), query.get("section")
    if tab is None and name is not None:  # a section names its tab: find it when exactly one tab has it
        owners = [key[0] for key in sections if key[1] == name]
        tab = owners[0] if len(owners) == 1 else None
    if tab in tabs:
        out.tab = tab
    elif tab is not None or "tab" in query:
        out.ignored.append("tab")
    found = sections.get((out.tab, name)) if out.tab is not None and name is not None else None  # type: ignore[arg-type]
    if name is not None and found is None:
        out.ignored.append("section")
    out.section = found
    for key, raw in query.items():
        if key in ("tab", "section") or key in OTHER_PARAMS:
            continue
        if found is None or key not in found.params:
            out.ignored.append(key)
            continue
        try:
            value, adjusted = found.params[key][1](raw, lang)
        except (LinkError, gr.Error, ValueError, TypeError):
            out.ignored.append(key)
            continue
        out.values[key] = value
        if adjusted:
            out.adjusted.append(key)
    return out


def notices(decoded: Decoded, lang: Lang) -> list[tuple[str, str]]:
    """Returns the notices of a restored link, as ("info" | "warning", text)."""
    out = []
    if decoded.section is not None:
        out.append(("info", t("common_link_restored", lang)))
    if decoded.adjusted:
        out.append(("info", t("common_link_adjusted", lang, names=", ".join(decoded.adjusted))))
    if decoded.ignored:
        out.append(("warning", t("common_link_ignored", lang, names=", ".join(decoded.ignored))))
    return out


def restore(
    query: Mapping[str, str],
    sections: Mapping[tuple[str, str], Section],
    tabs_block: gr.Tabs,
    tab_ids: Collection[str],
    lang: Lang,
    opened: Mapping[str, gr.State] | None = None,
) -> dict:
    """Returns the page-load updates of a link (the tab selected and its `opened` flag set, each setting, the
    section's `restored` state), showing its notices; an empty dict when the query names no tab and no section."""
    decoded = decode(query, sections, tab_ids, lang)
    if decoded is None:
        return {}
    for kind, message in notices(decoded, lang):
        (gr.Info if kind == "info" else gr.Warning)(message, duration=12)
    updates: dict = {}
    if decoded.tab is not None:
        updates[tabs_block] = gr.Tabs(selected=decoded.tab)
        if opened and decoded.tab in opened:
            updates[opened[decoded.tab]] = 1  # selected by the link, not by a click: its defaults are computed now
    if decoded.section is not None:
        if decoded.section.page is not None:
            pages_block, page_id = decoded.section.page
            updates[pages_block] = gr.Tabs(selected=page_id)
        for key, value in decoded.values.items():
            updates[decoded.section.params[key][0]] = value
        updates[decoded.section.restored] = dict(decoded.values)
    return updates


def restore_on_load(demo: gr.Blocks, tabs_block: gr.Tabs, tab_ids: Collection[str], opened: Mapping[str, gr.State] | None = None) -> None:
    """Wires the one page-load handler that restores a link's tab and section (`restore`), then scrolls to it;
    `opened` holds the flags that compute a tab's defaults when it is first opened (`layout.opened_flag`)."""
    sections = registry(demo).sections
    unregistered = [f"{tab}/{name}" for (tab, name), found in sections.items() if not found.params]
    if unregistered:
        raise ValueError(f"sections without settings: {unregistered}")
    outputs: list = [tabs_block, *(opened or {}).values()]
    for found in sections.values():
        if found.page is not None and found.page[0] not in outputs:
            outputs.append(found.page[0])
        outputs += [widget for widget, _ in found.params.values() if widget not in outputs]
        outputs.append(found.restored)

    def restore_link(request: gr.Request) -> dict:
        query = dict(getattr(request, "query_params", None) or {})
        return restore(query, sections, tabs_block, tab_ids, lang_of(request), opened) or gr.skip()  # no link: nothing changes

    def has_link(request: gr.Request) -> bool:
        query = getattr(request, "query_params", None) or {}
        return "tab" in query or "section" in query

    # Only a page opened from a link runs the restore: Gradio's page reports every state of an unopened tab that an
    # event lists among its outputs as changed, even when the event skips it, which would recompute every section
    linked = gr.State(False)
    demo.load(has_link, None, linked, api_name=False, show_progress="hidden", concurrency_limit=None)  # queued (see layout.opened_flag)
    linked.change(restore_link, None, outputs, api_name=False, show_progress="hidden").then(None, js=SCROLL_JS, api_name=False)
