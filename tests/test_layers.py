"""The project's layers, read from the source with `ast` (function-level imports included):

    app.py, the Streamlit dashboard   assemble the gallery
    demos/        benchmarks/         one module per tab; speed and quality measurements
    core/                             models, algorithms, data, metrics: no UI
    core/assets.py, core/checkpoint   leaves: what the gallery ships, and how a checkpoint is read

`core` imports no UI toolkit and nothing from `demos`, `benchmarks` or `app`; `demos` and `benchmarks`
import nothing from `app` nor from each other; no module of ours imports itself
back through others (no cycles, counting imports inside functions: they hide cycles, they do not break them).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("core", "demos", "benchmarks")
UI = ("gradio", "streamlit", "plotly", "spaces", "gradio_client")

# Known crossings of the layers, (importer, imported): to remove: issue 12. The list may only shrink:
# `test_known_crossings_still_exist` fails when one disappears, so that it is deleted from here too.
# What is left times a tab's own handler (its latency as a person meets it).
KNOWN = {
    ("benchmarks.autoencoders", "demos.autoencoders"),  # MAP_MODELS, point_view: a slider move, map and verdict drawn
    ("benchmarks.diffusion", "demos.diffusion"),  # forward: the forward-process slider's handler
    ("benchmarks.diffusion", "demos.diffusion_toy"),  # train, TOY_STEPS, TOY_TRAIN_DEFAULT: the 2D playground's default run
    ("benchmarks.gan2d", "demos.gan_plots"),  # VIEWS: the GAN Lab's live view, every layer drawn
    ("benchmarks.gan2d", "demos.gans"),  # LabState, REFRESH_SECONDS, render: the live view
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def our_files() -> dict[str, Path]:
    """Returns module name -> file for app.py and every .py file of core/, demos/ and benchmarks/."""
    files = [ROOT / "app.py", *(p for package in PACKAGES for p in sorted((ROOT / package).rglob("*.py")))]
    return {module_name(p): p for p in files}


def imported_names(tree: ast.AST, module: str, is_package: bool) -> set[str]:
    """Returns every dotted name `tree` imports, anywhere in the file (relative imports resolved).

    `from a import b` gives both `a` and `a.b` (b may be a module or a name in a)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = module.split(".")
                anchor = anchor[: len(anchor) - node.level + (1 if is_package else 0)]
                base = ".".join([*anchor, base] if base else anchor)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def resolve(name: str, modules: set[str]) -> str | None:
    """Returns the module of ours that `name` refers to (its longest known prefix), or None."""
    parts = name.split(".")
    for end in range(len(parts), 0, -1):
        candidate = ".".join(parts[:end])
        if candidate in modules:
            return candidate
    return None


def import_graph() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Returns (edges between our modules, all imported names per module)."""
    files = our_files()
    modules = set(files)
    graph: dict[str, set[str]] = {}
    names: dict[str, set[str]] = {}
    for module, path in files.items():
        found = imported_names(ast.parse(path.read_text(encoding="utf-8"), str(path)), module, path.name == "__init__.py")
        names[module] = found
        targets = {resolve(n, modules) for n in found}
        # `from core import assets` names the package `core` too: keep only the deepest module of each import
        targets.discard(None)
        graph[module] = {t for t in targets if t != module and not any(o.startswith(f"{t}.") for o in targets if o)}  # type: ignore[union-attr]
    return graph, names  # type: ignore[return-value]


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Returns the strongly connected components of `graph` with more than one node (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1 or node in graph.get(node, ()):
                cycles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return cycles


def layer(module: str) -> str:
    if module == "demos.trilemma_dashboard":
        return "app"  # the Streamlit dashboard is an app of its own, beside app.py
    return module.split(".")[0]


# demos and benchmarks are siblings above core: neither imports the other (the benchmarks measure core, and
# what a tab and its benchmark share belongs in core)
FORBIDDEN = {"core": {"demos", "benchmarks", "app"}, "demos": {"app", "benchmarks"}, "benchmarks": {"app", "demos"}}


def crossings(graph: dict[str, set[str]]) -> set[tuple[str, str]]:
    """Returns the (importer, imported) pairs of `graph` that break the layers."""
    out = set()
    for importer, targets in graph.items():
        for target in targets:
            if layer(target) in FORBIDDEN.get(layer(importer), set()) and layer(target) != layer(importer):
                out.add((importer, target))
    return out


@pytest.fixture(scope="module")
def graph_and_names():
    return import_graph()


def test_the_graph_sees_our_imports(graph_and_names):
    """The parser finds top-level, function-level, package-relative and `from package import module` imports."""
    graph, _ = graph_and_names
    assert "core.assets" in graph["core.retrain"]  # `from core import assets`
    assert "core.checkpoint" in graph["core.assets"]
    assert "demos.diffusion_toy" in graph["benchmarks.diffusion"]  # inside a function
    assert "demos.autoencoders" in graph["app"]  # `from demos import autoencoders, ...`
    assert len(graph) > 60


def test_core_imports_no_ui(graph_and_names):
    _, names = graph_and_names
    bad = {(m, n) for m, found in names.items() if m.startswith("core") for n in found if n.split(".")[0] in UI}
    assert not bad, f"core must not import a UI toolkit: {sorted(bad)}"


def test_layers_are_respected_apart_from_the_known_crossings(graph_and_names):
    graph, _ = graph_and_names
    new = crossings(graph) - KNOWN
    assert not new, f"imports that break the layers (core < demos, benchmarks < app): {sorted(new)}"


def test_known_crossings_still_exist(graph_and_names):
    """KNOWN only shrinks knowingly: a crossing that was removed must leave the list too."""
    graph, _ = graph_and_names
    gone = KNOWN - crossings(graph)
    assert not gone, f"these crossings are gone: delete them from KNOWN in tests/test_layers.py: {sorted(gone)}"


def test_no_import_cycles(graph_and_names):
    graph, _ = graph_and_names
    assert find_cycles(graph) == [], "import cycles among our modules (function-level imports counted)"


def test_assets_and_checkpoint_are_leaves(graph_and_names):
    """`core.assets` imports only `core.checkpoint` (on first use, through `core.lazy`) of ours; they import nothing of ours."""
    graph, _ = graph_and_names
    assert graph["core.assets"] == {"core.checkpoint", "core.lazy"}
    assert graph["core.checkpoint"] == set()
    assert graph["core.lazy"] == set()


def test_no_model_module_imports_the_command_line(graph_and_names):
    graph, _ = graph_and_names
    importers = sorted(m for m, targets in graph.items() if "core.retrain" in targets)
    assert importers == [], f"only the command line's own runner may import core.retrain: {importers}"


def test_shipped_autoencoder_names_match_the_recipe():
    from core.assets import AUTOENCODER_NAMES, autoencoder_path
    from core.autoencoders import SHIPPED

    assert tuple(SHIPPED) == AUTOENCODER_NAMES
    assert all(autoencoder_path(name).is_file() for name in AUTOENCODER_NAMES)
    with pytest.raises(KeyError):
        autoencoder_path("../digits_classifier")


def test_the_cycle_finder_finds_a_new_cycle():
    acyclic = {"a": {"b", "c"}, "b": {"c"}, "c": set(), "d": {"a"}}
    assert find_cycles(acyclic) == []
    assert find_cycles(acyclic | {"c": {"d"}}) == [["a", "b", "c", "d"]]  # c -> d -> a -> b -> c
    assert find_cycles({"x": {"x"}, "y": set()}) == [["x"]]
    assert sorted(find_cycles({"a": {"b"}, "b": {"a"}, "c": {"d"}, "d": {"c"}})) == [["a", "b"], ["c", "d"]]


def test_a_new_cycle_or_crossing_in_our_graph_would_fail(graph_and_names):
    graph, _ = graph_and_names
    cyclic = {m: set(t) for m, t in graph.items()}
    cyclic["core.checkpoint"] = {"core.retrain"}  # core.retrain -> core.checkpoint -> core.retrain
    assert any({"core.retrain", "core.checkpoint"} <= set(c) for c in find_cycles(cyclic))
    crossing = {m: set(t) for m, t in graph.items()} | {"core.gmm": {"demos.plots"}}
    assert ("core.gmm", "demos.plots") in crossings(crossing) - KNOWN
