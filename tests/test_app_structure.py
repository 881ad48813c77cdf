"""How the app is assembled: ten tabs in the course's order, named endpoints, nothing at import."""

import subprocess
import sys
from pathlib import Path

import gradio as gr

import app
from demos import layout, links
from demos.i18n import TABLES

ROOT = Path(__file__).resolve().parent.parent
COURSE_ORDER = [
    "overview",
    "gans",
    "autoencoders",
    "diffusion",
    "clip",
    "stable_diffusion",
    "nerf",
    "gaussian_splatting",
    "trilemma",
    "explore",
]


def test_importing_app_launches_nothing_and_is_quick():
    code = "import app; print('ok')"  # a launch would block here until the timeout
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr[-2000:]


def test_importing_core_loads_no_ui_toolkit():
    modules = (
        "core.checkpoint, core.data.toy2d, core.data.images, core.gmm, core.loop, "
        "core.classifier, core.classifier2d, core.plane, core.retrain"
    )
    code = f"import sys, {modules}; print(any(m in sys.modules for m in ('gradio', 'streamlit')))"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.stdout.strip() == "False", result.stderr[-2000:]


def test_ten_tabs_in_the_course_order_with_labels_in_both_languages():
    assert [tab_id for tab_id, _, _ in app.TABS] == COURSE_ORDER
    demo = app.build_app()
    tabs = [block for block in demo.blocks.values() if isinstance(block, gr.Tab) and layout.enclosing_page(block) is None]
    assert [tab.id for tab in tabs] == COURSE_ORDER
    for _, key, _ in app.TABS:
        assert TABLES["en"][key] and TABLES["es"][key]


def test_pages_have_labels_in_both_languages_and_links_select_the_page_of_their_section():
    demo = app.build_app()
    pages = [block for block in demo.blocks.values() if isinstance(block, gr.Tab) and layout.enclosing_page(block) is not None]
    assert len(pages) >= 2 * len(COURSE_ORDER)
    # every tab has its bar of pages, and a bar holds pages only: anything else in it (a state, say) shifts Gradio's page
    # buttons, which then repeat
    bars = [block for block in demo.blocks.values() if isinstance(block, gr.Tabs) and layout.PAGES_CLASS in (block.elem_classes or [])]
    assert sorted(bar.elem_id for bar in bars) == sorted(f"pages-{tab_id}" for tab_id in COURSE_ORDER)
    assert all(isinstance(child, gr.Tab) for bar in bars for child in bar.children)
    for found in pages:
        tab_id = found.elem_id.split("-")[1]
        page_id = found.id.removeprefix(f"{tab_id}.")
        assert found.elem_id == f"page-{tab_id}-{page_id}" and tab_id in COURSE_ORDER
        key = found.label.key
        assert TABLES["en"][key] and TABLES["es"][key] and TABLES["en"][key] != key
    sections = links.registry(demo).sections
    clip_pages = {name: found.page[1] for (tab, name), found in sections.items() if tab == "clip"}
    assert clip_pages["zero_shot"] == "clip.zero_shot" and clip_pages["unclip_variations"] == "clip.unclip_variations"
    # every tab and page has its own id: Gradio's page keeps them by id, so a repeated one takes another's place
    ids = [block.id for block in demo.blocks.values() if isinstance(block, gr.Tab)]
    assert len(set(ids)) == len(ids)
    decoded = links.restore({"tab": "clip", "section": "matrix"}, sections, gr.Tabs(), COURSE_ORDER, "en")
    assert any(isinstance(v, gr.Tabs) and v.selected == "clip.matrix" for v in decoded.values())


def test_every_endpoint_has_an_explicit_name_and_a_queue_limit():
    demo = app.build_app()
    public = [fn for fn in demo.fns.values() if fn.api_visibility != "private"]  # Gradio adds private cancel helpers
    names = [fn.api_name for fn in public]
    assert names and all(isinstance(n, str) for n in names)
    # every endpoint is named after its tab (gan_reset, overview_fit...; the splatting tab's are splat_...)
    prefixes = [*COURSE_ORDER, "splat"]
    assert all(any(tab_id.startswith(n.split("_")[0]) for tab_id in prefixes) for n in names), names
    assert len(set(names)) == len(names)
    assert demo._queue.max_size == app.QUEUE_MAX_SIZE
    assert all(
        fn.concurrency_id
        in {
            *("light", "heavy", "gan_train", "ae_train", "diffusion_generate", "diffusion_toy"),
            *("nerf_train", "nerf_render", "splat_train", "splat_render", "clip_unclip"),
        }
        for fn in public
    )


def test_every_chart_is_plotly_so_it_downloads_as_a_png():
    """Gradio's own plots have no PNG download; a plotly chart has its toolbar's camera button (a browser test clicks it)."""
    demo = app.build_app()
    components = list(demo.blocks.values())
    native = [c for c in components if isinstance(c, gr.LinePlot | gr.ScatterPlot | gr.BarPlot)]
    assert native == [] and sum(isinstance(c, gr.Plot) for c in components) >= 30


def test_a_tab_computes_its_defaults_when_first_opened_not_on_page_load():
    """A page load computes the first tab and fills the language defaults; every other tab's page-load work waits for
    the tab's first opening (a state set by selecting the tab, or by a link that opens it)."""
    demo = app.build_app()
    on_load = sorted(str(fn.api_name) for fn in demo.fns.values() if (demo._id, "load") in fn.targets and fn.api_visibility != "private")
    assert on_load == [
        "clip_defaults",
        "clip_unclip_defaults",
        "overview_fit",
        "overview_trilemma",
        "stable_diffusion_defaults",
    ], on_load
    flags = {
        target[0]
        for fn in demo.fns.values()
        if fn.fn is not None and fn.fn.__name__ == "_opened"
        for target in [(fn.outputs[0]._id, "change")]
    }
    assert len(flags) == len(app.TABS) - 1
    deferred = [fn.api_name for fn in demo.fns.values() if any(target[0] in flags for target in fn.targets)]
    assert {"gan_reset", "autoencoders_prior", "diffusion_forward", "nerf_scene", "trilemma_compare"} <= set(deferred)


def test_every_picture_the_server_draws_goes_out_as_png():
    """Gradio's default WebP encoder took about 30 ms of a 56 ms slider answer (a 500x470 latent map: 17 ms against 9 for
    PNG, which also keeps a chart's lines and text sharp): every picture the server draws is sent as PNG."""
    demo = app.build_app()
    drawn = [c for c in demo.blocks.values() if isinstance(c, gr.Image) and c.interactive is False and c.type != "filepath"]
    assert len(drawn) >= 30
    assert [c.label for c in drawn if c.format != "png"] == []
