"""Knobs declared once: each tab's widgets, validation and core configs come from the same declaration."""

import dataclasses
import inspect

import gradio as gr
import pytest

from core.diffusion.ddpm import sample_steps
from core.gan.experiments import EXPERIMENTS
from core.gan.lab2d import MLPGANConfig, TrainSettings
from core.latent_diffusion import image_to_image
from demos import diffusion, gans, knobs, stable_diffusion
from demos.i18n import TABLES
from demos.knobs import Knob

# (module, knobs, the core dataclass they fill or the core function they are the keywords of; None for run options
# such as the data set or the seed)
DECLARED = [
    (gans, (gans.DATASET,), None),
    (gans, gans.ARCH_KNOBS[:1], None),  # the seed
    (gans, gans.ARCH_KNOBS[1:], MLPGANConfig),
    (gans, gans.SETTING_KNOBS, TrainSettings),
    (diffusion, diffusion.GENERATE_KNOBS[:4], sample_steps),
    (diffusion, diffusion.GENERATE_KNOBS[4:], None),  # digit, count (the labels, the batch) and seed
    (stable_diffusion, (stable_diffusion.STRENGTH, *stable_diffusion.SAMPLING_KNOBS), image_to_image),
]
ALL_KNOBS = [(module, knob, config) for module, group, config in DECLARED for knob in group]


def knob_id(case) -> str:
    module, knob, _ = case
    return f"{module.__name__.split('.')[-1]}.{knob.name}"


def built_tab(module) -> tuple[gr.Blocks, dict[str, gr.components.Component]]:
    """Returns `module`'s tab built alone, and the knob widgets it made, keyed by knob name (each built once)."""
    made: dict[str, list] = {}
    widget = Knob.widget

    def recording(knob, **options):
        made.setdefault(knob.name, []).append(component := widget(knob, **options))
        return component

    with pytest.MonkeyPatch.context() as patch, gr.Blocks() as demo:
        patch.setattr(Knob, "widget", recording)
        module.build(demo)
    assert all(len(components) == 1 for components in made.values()), "each knob has one widget"
    return demo, {name: components[0] for name, components in made.items()}


@pytest.fixture(scope="module")
def tabs():
    return {module: built_tab(module) for module in {m for m, _, _ in DECLARED}}


@pytest.mark.parametrize("case", ALL_KNOBS, ids=knob_id)
def test_every_knob_widget_matches_its_declaration(tabs, case):
    module, knob, _ = case
    widget = tabs[module][1][knob.name]
    assert widget.label.key == knob.label
    assert widget.value == knob.default
    assert knob.parse(knob.default, "en") == knob.default, "the default passes the knob's own check"
    if knob.kind == "slider":
        assert isinstance(widget, gr.Slider) and (widget.minimum, widget.maximum, widget.step) == (knob.lo, knob.hi, knob.step)
    elif knob.kind == "number":
        assert isinstance(widget, gr.Number) and (widget.minimum, widget.maximum) == (knob.lo, knob.hi)
        assert widget.precision == (0 if knob.integer else None)
    elif knob.kind in ("dropdown", "radio"):
        assert isinstance(widget, gr.Dropdown if knob.kind == "dropdown" else gr.Radio)
        assert [value for _, value in widget.choices] == list(knob.choices)
    for key in filter(None, (knob.label, knob.info, *(knob.choice_key(c) for c in knob.choices))):
        assert TABLES["en"].get(key) and TABLES["es"].get(key), f"{key} is missing a translation"


@pytest.mark.parametrize("case", ALL_KNOBS, ids=knob_id)
def test_every_knob_fills_a_field_of_its_core_config(case):
    _, knob, config = case
    if config is None:
        assert knob.name in ("dataset", "seed", "digit", "count")
        return
    if dataclasses.is_dataclass(config):
        fields = {f.name: f.default for f in dataclasses.fields(config)}
    else:
        fields = {name: p.default for name, p in inspect.signature(config).parameters.items() if p.kind == p.KEYWORD_ONLY}
    assert knob.name in fields, f"{config.__name__} has no field {knob.name!r}"
    if dataclasses.is_dataclass(config) and fields[knob.name] is not dataclasses.MISSING:
        assert fields[knob.name] == knob.default, "the tab starts where the core config starts"


def test_fill_builds_the_core_config_by_field_name():
    values = knobs.parse(gans.SETTING_KNOBS, {"loss": "hinge", "d_steps": 4, "g_lr": "0.002"}, "en")
    settings = knobs.fill(TrainSettings, values)
    assert settings == dataclasses.replace(TrainSettings(), loss="hinge", d_steps=4, g_lr=0.002)
    with pytest.raises(TypeError, match="no knob is named"):
        knobs.parse(gans.SETTING_KNOBS, {"learning_rate": 1.0}, "en")


@pytest.mark.parametrize(
    ("knob", "value", "english", "spanish"),
    [
        (Knob("n", "slider", "gan_batch", 32, lo=16, hi=1024, step=16, integer=True), 2000, "between 16 and 1024", "entre 16 y 1024"),
        (Knob("n", "slider", "gan_batch", 32, lo=16, hi=1024, step=16, integer=True), 20.5, "whole number", "número entero"),
        (Knob("x", "number", "gan_g_lr", 1e-3, lo=1e-6, hi=1.0), "fast", "must be a number", "número"),
        (Knob("x", "number", "gan_g_lr", 1e-3, lo=1e-6, hi=1.0), float("nan"), "finite", "finito"),
        (Knob("c", "radio", "gan_loss", "hinge", choices=("hinge", "minimax"), choice_label="loss_{}"), "magic", "one of", "uno de"),
        (Knob("b", "checkbox", "gan_loss", False), "yes", "one of: true, false", "uno de: true, false"),
    ],
)
def test_a_bad_value_is_refused_in_the_persons_language(knob, value, english, spanish):
    for lang, text in (("en", english), ("es", spanish)):
        with pytest.raises(gr.Error, match=text) as caught:
            knob.parse(value, lang)
        assert TABLES[lang][knob.label] in caught.value.message


def test_a_declaration_without_its_range_or_choices_is_refused():
    with pytest.raises(ValueError, match="lo and hi"):
        Knob("n", "slider", "gan_batch", 1)
    with pytest.raises(ValueError, match="choices"):
        Knob("c", "radio", "gan_loss", "a")


@pytest.mark.parametrize("name", list(EXPERIMENTS))
def test_load_experiment_sets_every_knob_named_in_the_preset(name):
    values = gans.load_experiment(name, None)
    preset = EXPERIMENTS[name]
    run_knobs = knobs.by_name(gans.RUN_KNOBS)
    assert set(preset) <= set(run_knobs), f"the preset names knobs the tab lacks: {set(preset) - set(run_knobs)}"
    assert set(values) == {*run_knobs, "experiment_text"} and TABLES["en"][f"exp_{name}"] == values["experiment_text"]
    for knob_name, knob in run_knobs.items():
        expected = preset.get(knob_name, knob.default)
        assert values[knob_name] == expected and knob.parse(expected, "en") == expected


def endpoint(demo: gr.Blocks, api_name: str):
    return next(fn for fn in demo.fns.values() if fn.api_name == api_name)


def test_the_gan_lab_passes_every_knob_by_name(tabs):
    """Each handler gets the knobs by name (`inputs_kwargs`), in declaration order, which is the API's order."""
    demo, made = tabs[gans]
    assert set(made) == {k.name for k in gans.RUN_KNOBS}
    settings = [k.name for k in gans.SETTING_KNOBS]
    for api_name in ("gan_reset", "gan_reset_drawn", "gan_reset_csv", "gan_experiment_reset"):
        fn = endpoint(demo, api_name)
        assert list(fn.input_keyword_names) == ["dataset", "csv_file", "sketch", *(k.name for k in gans.ARCH_KNOBS), *settings, "views"]
    for api_name in ("gan_play", "gan_step_d", "gan_step_g", "gan_step_both", "gan_settings"):
        fn = endpoint(demo, api_name)
        # the settings first; then what builds a run when the page's first one has not arrived yet
        assert list(fn.input_keyword_names) == [*settings, "views", "dataset", *(k.name for k in gans.ARCH_KNOBS)]
        by_name = dict(zip(fn.input_keyword_names, fn.inputs[-len(fn.input_keyword_names) :], strict=True))
        assert [by_name[name] for name in settings] == [made[name] for name in settings]
        assert [by_name[k.name] for k in gans.ARCH_KNOBS] == [made[k.name] for k in gans.ARCH_KNOBS]
    outputs = endpoint(demo, "gan_experiment").outputs
    assert outputs[:-1] == [made[k.name] for k in gans.RUN_KNOBS] and isinstance(outputs[-1], gr.Markdown)


def test_load_experiment_answers_each_widget_through_the_tab(tabs):
    """Wired with `by_component`, the handler's answer is keyed by the tab's widgets."""
    made = tabs[gans][1]
    answer = knobs.by_component(gans.load_experiment, made | {"experiment_text": gr.Markdown()})("oscillation", None)
    assert answer[made["g_optimizer"]] == "sgd" and answer[made["d_optimizer"]] == "sgd"
    assert answer[made["dataset"]] == "grid" and answer[made["budget"]] == 3000
    assert answer[made["noise_dim"]] == gans.MLPGAN_DEFAULTS.noise_dim
