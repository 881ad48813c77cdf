"""Modules imported on first use (`core.lazy`), and the start-up they buy: building the app imports no PyTorch."""

from __future__ import annotations

import ast
import importlib
import inspect
import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from core.lazy import LazyModule, lazy_module, source_of
from tests.conftest import free_port

ROOT = Path(__file__).resolve().parents[1]

SLOW_MODULE = """
import time
import builtins
builtins.lazy_test_imports = getattr(builtins, "lazy_test_imports", 0) + 1
time.sleep(0.2)  # wide enough for every thread to arrive while the first import runs
VALUE = 42

def double(x):
    return 2 * x
"""


@pytest.fixture
def fresh_module(tmp_path, monkeypatch):
    """Writes a module that counts its imports in `builtins.lazy_test_imports`; yields its name."""
    name = "lazy_probe_module"
    (tmp_path / f"{name}.py").write_text(SLOW_MODULE)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, name, raising=False)
    import builtins

    monkeypatch.setattr(builtins, "lazy_test_imports", 0, raising=False)
    yield name
    sys.modules.pop(name, None)


def test_nothing_is_imported_until_an_attribute_is_read(fresh_module):
    import builtins

    proxy = lazy_module(fresh_module)
    assert isinstance(proxy, LazyModule)
    assert "not imported yet" in repr(proxy)
    for probe in ("__wrapped__", "__path__", "__reduce_ex__", "__deepcopy__"):  # what copy, pickle and inspect ask
        getattr(proxy, probe, None)
    assert builtins.lazy_test_imports == 0 and fresh_module not in sys.modules
    assert proxy.VALUE == 42 and proxy.double(5) == 10
    assert builtins.lazy_test_imports == 1 and "(imported)" in repr(proxy)


def test_concurrent_first_uses_import_once_and_see_one_module(fresh_module):
    import builtins

    proxy = lazy_module(fresh_module)
    seen: list[object] = []
    barrier = threading.Barrier(8)

    def use() -> None:
        barrier.wait()
        seen.append(proxy.double)

    threads = [threading.Thread(target=use) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert builtins.lazy_test_imports == 1
    assert len(seen) == 8 and all(f is sys.modules[fresh_module].double for f in seen)


def test_writes_reach_the_real_module_and_reads_see_rebinding(fresh_module):
    proxy = lazy_module(fresh_module)
    proxy.VALUE = 7
    real = sys.modules[fresh_module]
    assert real.VALUE == 7
    real.double = lambda x: -x  # as a test's monkeypatch would
    assert proxy.double(3) == -3
    assert "double" in dir(proxy)


def test_an_imported_module_is_returned_itself():
    import json

    assert lazy_module("json") is json


def test_a_missing_module_fails_at_first_use_not_before():
    proxy = lazy_module("core.no_such_module")
    with pytest.raises(ModuleNotFoundError):
        proxy.anything  # noqa: B018


def test_source_of_matches_inspect_without_importing(tmp_path, monkeypatch):
    (tmp_path / "source_probe.py").write_text(
        textwrap.dedent(
            """
            import functools

            def plain(x):
                return x + 1

            class Box:
                '''A box.'''

                @functools.lru_cache(maxsize=None)
                def cached(self, y):
                    # a comment inside
                    return y

                class Inner:
                    def deep(self):
                        return 3
            """
        )
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "source_probe", raising=False)
    cases = {"plain": lambda m: m.plain, "Box": lambda m: m.Box, "Box.Inner.deep": lambda m: m.Box.Inner.deep}
    texts = {name: source_of("source_probe", name) for name in [*cases, "Box.cached"]}
    assert "source_probe" not in sys.modules
    module = importlib.import_module("source_probe")
    for name, get in cases.items():
        assert texts[name] == inspect.getsource(get(module))
    assert texts["Box.cached"].lstrip().startswith("@functools.lru_cache") and "# a comment inside" in texts["Box.cached"]
    with pytest.raises(AttributeError):
        source_of("source_probe", "Box.missing")
    sys.modules.pop("source_probe", None)


def test_source_of_the_overview_code_panel():
    import core.gmm

    assert source_of("core.gmm", "GaussianMixture.em_step") == inspect.getsource(core.gmm.GaussianMixture.em_step)


def _lazy_hub_names() -> dict[str, tuple[str, str]]:
    """Each name `demos/lazy.py` defines: (module its TYPE_CHECKING import names, module its `lazy_module` call names)."""
    tree = ast.parse((ROOT / "demos" / "lazy.py").read_text())
    branch = next(n for n in tree.body if isinstance(n, ast.If))
    typed: dict[str, str] = {}
    for node in branch.body:
        if isinstance(node, ast.Import):
            for alias in node.names:
                typed[alias.asname or alias.name] = alias.name
        elif isinstance(node, ast.ImportFrom):
            for alias in node.names:
                typed[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    lazy: dict[str, str] = {}
    for node in branch.orelse:
        assert isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)
        lazy[node.targets[0].id] = node.value.args[0].value  # type: ignore[attr-defined]
    assert set(typed) == set(lazy), set(typed) ^ set(lazy)
    return {name: (typed[name], lazy[name]) for name in typed}


def test_the_hub_names_the_same_module_for_the_type_checker_and_at_run_time():
    import demos.lazy

    for name, (typed, lazy) in _lazy_hub_names().items():
        assert typed == lazy, name
        assert importlib.import_module(lazy) is not None
        assert getattr(demos.lazy, name).__name__ == lazy


def test_building_and_serving_the_app_imports_no_pytorch():
    """A cold Space builds the page and answers its first requests with no model module loaded."""
    code = (
        textwrap.dedent(
            """
        import sys, urllib.request
        import app
        demo = app.build_app()
        app.serve(demo, server_name="127.0.0.1", server_port=PORT, quiet=True)
        url = demo.local_url.rstrip("/")
        for path in ("/", "/config", "/gradio_api/info"):
            urllib.request.urlopen(url + path, timeout=60).read()
        heavy = sorted(m for m in sys.modules if m == "torch" or m.startswith(("torch.", "diffusers", "transformers")))
        lazy = sorted(m for m in sys.modules if m.startswith("core.") and m not in EAGER)
        print("MODULES", repr((heavy[:5], lazy)))
        demo.close()
        """
        )
        .replace("PORT", str(free_port()))
        .replace(
            "EAGER",
            repr(
                {
                    "core.memory",
                    "core.workers",
                    "core.lazy",
                    "core.assets",
                    "core.pretrained",
                    "core.data",
                    "core.data.toy2d",
                    "core.data.images",
                    "core.gan",
                    "core.gan.settings",
                    "core.gan.experiments",
                    "core.diffusion",
                    "core.diffusion.settings",
                    "core.unclip",
                    "core.unclip.settings",
                }
            ),
        )
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(ROOT)}
    )
    assert result.returncode == 0, result.stderr[-3000:]
    line = next(line for line in result.stdout.splitlines() if line.startswith("MODULES "))
    heavy, lazy = ast.literal_eval(line.removeprefix("MODULES "))
    assert heavy == [] and lazy == []


def test_remembered_signatures_leave_the_page_description_unchanged():
    """`inputs.remember_signatures` only saves time: the whole app's configuration is the same with and without it."""
    code = textwrap.dedent(
        """
        import inspect, json
        import gradio as gr
        import app
        from demos import inputs

        remember = inputs.remember_signatures
        inputs.remember_signatures = lambda: None
        demo = app.build_app()
        assert "__signature__" not in inspect.unwrap(gr.Slider.__init__).__dict__
        before = json.dumps(demo.get_config_file(), sort_keys=True, default=str)
        remember()
        assert "__signature__" in inspect.unwrap(gr.Slider.__init__).__dict__
        after = json.dumps(demo.get_config_file(), sort_keys=True, default=str)
        print("SAME", before == after, len(before))
        """
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    line = next(line for line in result.stdout.splitlines() if line.startswith("SAME "))
    same, size = line.split()[1:]
    assert same == "True" and int(size) > 100_000
