"""Links that reopen a setup: the query string written and read back, clamping, what is left out, and the page-load
restore of every registered section of every tab (called directly, no browser)."""

from types import SimpleNamespace

import gradio as gr
import pytest

from demos import inputs, knobs, links
from demos.knobs import Knob
from demos.locales.en import STRINGS as EN
from demos.locales.es import STRINGS as ES

LR = Knob("d_lr", "number", "gan_d_lr", 2e-4, lo=1e-6, hi=1.0)
STEPS = Knob("d_steps", "slider", "gan_d_steps", 1, lo=1, hi=10, step=1, integer=True)
LOSS = Knob("loss", "radio", "gan_loss", "minimax", choices=("minimax", "hinge"))
FIXED = Knob("fixed", "checkbox", "nerf_fixed_direction", False)


# --- writing a link ---


def test_a_link_writes_readable_names_and_values():
    values = {"dataset": "grid", "loss": "minimax", "d_lr": 0.0003, "seed": 3.0, "fixed": True, "dropped": ["1", "7"], "none": None}
    query = links.encode("gans", "lab", values)
    assert query == "tab=gans&section=lab&dataset=grid&loss=minimax&d_lr=0.0003&seed=3&fixed=true&dropped=1,7"


def test_free_text_is_escaped_and_comes_back_whole():
    query = links.encode("clip", "zero_shot", {"labels": "a cat, a dog & 50% more"})
    assert query == "tab=clip&section=zero_shot&labels=a%20cat,%20a%20dog%20%26%2050%25%20more"
    from urllib.parse import parse_qsl

    assert dict(parse_qsl(query))["labels"] == "a cat, a dog & 50% more"


# --- reading one value ---


@pytest.mark.parametrize(
    ("parser", "text", "value", "adjusted"),
    [
        (links.knob(LR), "0.003", 0.003, False),
        (links.knob(LR), "5", 1.0, True),  # clamped to the top of the range
        (links.knob(LR), "-1e9", 1e-6, True),
        (links.knob(STEPS), "4", 4, False),
        (links.knob(STEPS), "99", 10, True),
        (links.knob(STEPS), "3.6", 4, True),  # rounded: the API takes whole numbers only
        (links.knob(LOSS), "hinge", "hinge", False),
        (links.knob(FIXED), "true", True, False),
        (links.knob(FIXED), "0", False, False),
        (links.knob(knobs.SEED), "99999999999", inputs.SEED_MAX, True),
        (links.text(5), "abcdefgh", "abcde", True),
        (links.subset(["0", "1", "2"], "tri_drop"), "2,0,2", ["2", "0"], False),
        (links.subset(["0", "1", "2"], "tri_drop"), "", [], False),
    ],
)
def test_a_value_is_read_as_the_api_reads_it_with_numbers_clamped(parser, text, value, adjusted):
    got, was_adjusted = parser(text, "en")
    assert got == value and type(got) is type(value) and was_adjusted is adjusted


@pytest.mark.parametrize(
    ("parser", "text"),
    [
        (links.knob(LR), "fast"),
        (links.knob(LR), "nan"),
        (links.knob(LR), "inf"),
        (links.knob(STEPS), ""),
        (links.knob(LOSS), "saturating"),  # not one of the choices
        (links.knob(FIXED), "maybe"),
        (links.subset(["0", "1"], "tri_drop"), "0,9"),
        (links.choice(("digit", "photo"), "common_source"), "upload"),  # a link carries no file
    ],
)
def test_an_unreadable_value_is_refused(parser, text):
    with pytest.raises((links.LinkError, gr.Error)):
        parser(text, "es")


def test_a_widget_built_by_hand_gets_its_own_range_and_choices():
    with gr.Blocks():
        slider = inputs.Slider(3, 16, value=8, step=1, label="steps")
        real = inputs.Slider(0.0, 5.0, value=0.0, step=0.1, label="blur")
        seed = inputs.Number(0, precision=0, minimum=0, label="seed")
        dropdown = inputs.Dropdown([("three", "3"), ("eight", "8")], value="3", label="first")
        group = inputs.CheckboxGroup(["0", "1"], value=[], label="dropped")
    assert links.derived(slider, "steps")("20", "en") == (16, True)
    assert links.derived(slider, "steps")("7", "en") == (7, False)
    assert links.derived(real, "blur")("2.25", "en") == (2.25, False)
    assert links.derived(seed, "seed")("12345", "en") == (12345, False)
    assert links.derived(seed, "seed")("-4", "en") == (0, True)
    assert links.derived(dropdown, "first")("8", "en") == ("8", False)
    assert links.derived(group, "dropped")("1", "en") == (["1"], False)
    with pytest.raises(gr.Error):
        links.derived(dropdown, "first")("three", "en")  # the value, not its label


# --- reading a whole link ---


def sections_of(*parsers: tuple[str, links.Parser]) -> dict:
    with gr.Blocks():
        widgets = {name: gr.Number() for name, _ in parsers}
        found = links.Section("gans", "lab", {}, gr.State(), gr.Button(), gr.Textbox())
    found.params = {name: (widgets[name], parser) for name, parser in parsers}
    return {("gans", "lab"): found}


SECTIONS = sections_of(("d_lr", links.knob(LR)), ("d_steps", links.knob(STEPS)), ("loss", links.knob(LOSS)))
TABS = ("overview", "gans", "explore")


def test_a_page_without_a_link_restores_nothing():
    assert links.decode({}, SECTIONS, TABS, "en") is None
    assert links.decode({"lang": "es", "view": "api", "__theme": "dark"}, SECTIONS, TABS, "en") is None


def test_a_link_gives_its_tab_section_and_values_and_says_what_it_left_out():
    query = {"tab": "gans", "section": "lab", "d_lr": "3e-3", "d_steps": "12", "loss": "saturating", "speed": "9", "lang": "es"}
    decoded = links.decode(query, SECTIONS, TABS, "en")
    assert decoded.tab == "gans" and decoded.section is SECTIONS[("gans", "lab")]
    assert decoded.values == {"d_lr": 0.003, "d_steps": 10}
    assert decoded.adjusted == ["d_steps"]
    assert decoded.ignored == ["loss", "speed"]  # `lang` is the language switch's
    kinds = [kind for kind, _ in links.notices(decoded, "es")]
    assert kinds == ["info", "info", "warning"]
    assert links.notices(decoded, "es")[2][1] == ES["common_link_ignored"].format(names="loss, speed")
    assert links.notices(decoded, "en")[1][1] == EN["common_link_adjusted"].format(names="d_steps")


def test_a_tab_alone_is_selected_and_unknown_tabs_or_sections_are_left_out():
    assert links.decode({"tab": "explore"}, SECTIONS, TABS, "en") == links.Decoded(tab="explore")
    assert links.decode({"tab": "gans", "section": "nope", "seed": "1"}, SECTIONS, TABS, "en") == links.Decoded(
        tab="gans", ignored=["section", "seed"]
    )
    assert links.decode({"tab": "<script>", "section": "lab"}, SECTIONS, TABS, "en").ignored == ["tab", "section"]
    # a section that one tab alone has finds its tab
    decoded = links.decode({"section": "lab", "d_lr": "0.5"}, SECTIONS, TABS, "en")
    assert decoded.tab == "gans" and decoded.values == {"d_lr": 0.5}


def test_page_load_defaults_leave_a_linked_section_alone():
    request = SimpleNamespace(query_params={"tab": "clip", "section": "matrix", "labels": "a, b", "lang": "es"})
    assert links.linked(request, "clip") == {"labels"}
    assert links.linked(request, "clip", ["zero_shot"]) == set()
    assert links.linked(request, "gans") == set()
    load = links.unless_linked(lambda request: "defaults", "clip", "matrix")
    assert isinstance(load(gr.Request(query_params=request.query_params)), gr.skip().__class__)
    assert load(request=gr.Request(query_params={"tab": "clip", "section": "zero_shot"})) == "defaults"
    assert load(gr.Request(query_params={})) == "defaults"


# --- every tab's sections, as the app registers them ---


@pytest.fixture(scope="module")
def app_parts():
    import app

    demo = app.build_app()
    tabs = next(block for block in demo.blocks.values() if isinstance(block, gr.Tabs))
    return links.registry(demo).sections, tabs, [tab_id for tab_id, _, _ in app.TABS]


def changed(widget: gr.components.Component):
    """Returns a valid value of `widget` other than its own, as a person would set it (None where no other value is valid)."""
    if isinstance(widget, gr.Checkbox):
        return not widget.value
    if isinstance(widget, gr.Slider):
        return widget.minimum if widget.value != widget.minimum else widget.maximum
    if isinstance(widget, gr.Number):
        return int(widget.value or 0) + 7 if widget.precision == 0 else round(float(widget.value) * 3, 6)
    if isinstance(widget, gr.CheckboxGroup):
        return [value for _, value in widget.choices][:2]
    if isinstance(widget, gr.Dropdown | gr.Radio):
        options = [value for _, value in widget.choices if value not in (widget.value, "upload", "csv", "drawn")]
        return options[-1] if options else None
    if isinstance(widget, gr.Textbox):
        return "a red circle, a blue square"
    raise AssertionError(type(widget))


def test_every_tab_has_sections_and_every_section_a_tab(app_parts):
    sections, _, tab_ids = app_parts
    assert {tab for tab, _ in sections} == set(tab_ids) - {"explore"}  # Explore has no settings
    assert len(sections) >= 25


def test_every_section_restores_every_setting_of_a_changed_setup(app_parts):
    """Each section's widgets changed, written as a link, read back: each widget gets its value, the tab is selected."""
    sections, tabs, tab_ids = app_parts
    for (tab, name), found in sections.items():
        values = {key: changed(widget) for key, (widget, _) in found.params.items()}
        values = {key: value for key, value in values.items() if value is not None}
        from urllib.parse import parse_qsl

        query = dict(parse_qsl(links.encode(tab, name, values), keep_blank_values=True))
        updates = links.restore(query, sections, tabs, tab_ids, "es")
        assert updates[tabs].selected == tab
        restored = {key: updates[widget] for key, (widget, _) in found.params.items() if widget in updates}
        expected = {key: float(v) if isinstance(v, float) else v for key, v in values.items()}
        assert restored == expected, f"{tab}/{name}"
        assert updates[found.restored] == expected
        # the other sections are left alone
        others = {w for key, other in sections.items() if other is not found for w, _ in other.params.values()}
        assert not (others & set(updates)) - {w for w, _ in found.params.values()}


def test_every_section_clamps_numbers_from_a_link(app_parts):
    sections, tabs, tab_ids = app_parts
    checked = 0
    for (tab, name), found in sections.items():
        for key, (widget, _) in found.params.items():
            if isinstance(widget, gr.Slider) and not key.startswith(("ae_2d", "vae_2d")):  # the maps' boxes are the models'
                updates = links.restore({"tab": tab, "section": name, key: "1e12"}, sections, tabs, tab_ids, "en")
                assert updates[widget] == widget.maximum, f"{tab}/{name}/{key}"
                checked += 1
    assert checked > 40


def test_the_gan_lab_link_of_the_issue_restores_its_knobs(app_parts):
    sections, tabs, tab_ids = app_parts
    lab = sections[("gans", "lab")]
    query = {"tab": "gans", "section": "lab", "dataset": "grid", "loss": "minimax", "d_lr": "0.001", "d_steps": "5", "seed": "3"}
    updates = links.restore(query, sections, tabs, tab_ids, "en")
    assert {key: updates[lab.params[key][0]] for key in query if key not in ("tab", "section")} == {
        "dataset": "grid",
        "loss": "minimax",
        "d_lr": 0.001,
        "d_steps": 5,
        "seed": 3,
    }
    # a drawing or an uploaded file cannot travel in a link: left out, with the notice (a warning outside a page)
    with pytest.warns(UserWarning, match="left out: dataset"):
        updates = links.restore({"tab": "gans", "section": "lab", "dataset": "csv"}, sections, tabs, tab_ids, "en")
    assert lab.params["dataset"][0] not in updates and updates[tabs].selected == "gans"


def test_an_image_size_from_a_link_moves_to_a_size_the_model_takes(app_parts):
    """The Stable Diffusion API takes sizes in steps of 16 (32 to 64 for the mini model): a link's 50 becomes 48."""
    sections, tabs, tab_ids = app_parts
    size = sections[("stable_diffusion", "generate")].params["size"]
    assert size[1]("50", "en") == (48, True)
    assert size[1]("64", "en") == (64, False)
    assert size[1]("9999", "es") == (64, True)
    with pytest.warns(UserWarning, match="left out: size"):
        updates = links.restore({"tab": "stable_diffusion", "section": "generate", "size": "big"}, sections, tabs, tab_ids, "en")
    assert size[0] not in updates
