"""Modules imported on their first use: the gallery starts without PyTorch and imports it when a tab first needs it.

PyTorch alone takes about two seconds and 180 MB to import, and every model module in `core/` imports it. The
gallery's page is built from knobs, texts and layouts that need none of it, so the tabs reach these modules
through `lazy_module` proxies: building and launching the app imports no model code, and the first handler that
touches a proxy imports the real module (once: Python's import lock makes concurrent first uses wait for the
same import).

Type checkers see the real modules: a user writes

    if TYPE_CHECKING:
        import torch
    else:
        torch = lazy_module("torch")
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import sys
from types import ModuleType
from typing import Any


class LazyModule(ModuleType):
    """A stand-in for the module `name` that imports it when one of its attributes is first read.

    Every attribute read is forwarded to the real module, so a name the real module rebinds later (a cache, a
    test's monkeypatch) is seen as it is now, never as a stale copy.
    """

    def __init__(self, name: str):
        super().__init__(name)
        self.__dict__["_lazy_module"] = None

    def _load(self) -> ModuleType:
        module = self.__dict__["_lazy_module"]
        if module is None:
            module = importlib.import_module(self.__name__)  # thread-safe: a second caller waits on the import lock
            self.__dict__["_lazy_module"] = module
        return module

    def __getattr__(self, attr: str) -> Any:  # called only for names this stand-in lacks: all but its own
        if attr.startswith("__") and attr.endswith("__"):  # copy, pickle and inspect probe dunders: no import for those
            raise AttributeError(attr)
        return getattr(self._load(), attr)

    def __setattr__(self, attr: str, value: Any) -> None:
        setattr(self._load(), attr, value)

    def __dir__(self) -> list[str]:
        return dir(self._load())

    def __repr__(self) -> str:
        state = "imported" if self.__dict__["_lazy_module"] is not None else "not imported yet"
        return f"<lazy module {self.__name__!r} ({state})>"


def lazy_module(name: str) -> ModuleType:
    """Returns the module `name` itself if it is already imported, else a `LazyModule` that imports it on first use."""
    return sys.modules.get(name) or LazyModule(name)


def source_of(module: str, qualname: str) -> str:
    """The source text of `qualname` (`"Class.method"` or `"function"`) in `module`, read without importing it.

    `inspect.getsource` would import the module (and PyTorch with it) only to show a few lines on a page.
    """
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        raise ImportError(f"no source for module {module!r}")
    with open(spec.origin, encoding="utf-8") as file:
        text = file.read()
    scope: list[ast.stmt] = ast.parse(text).body
    node: ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef | None = None
    for part in qualname.split("."):
        named = (n for n in scope if isinstance(n, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and n.name == part)
        node = next(named, None)
        if node is None:
            raise AttributeError(f"{module!r} defines no {qualname!r}")
        scope = node.body
    assert node is not None
    first = node.decorator_list[0].lineno if node.decorator_list else node.lineno
    return "".join(text.splitlines(keepends=True)[first - 1 : node.end_lineno])
