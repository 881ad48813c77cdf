"""Helpers shared by the benchmarks: the median, the machine's description, JSON output, tables."""

from __future__ import annotations

import json
import os
import platform
import statistics
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from core.assets import BENCHMARKS_DIR

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = BENCHMARKS_DIR


def median(values: Iterable[float]) -> float:
    """Returns the median of `values` (which must not be empty)."""
    return float(statistics.median(list(values)))


def package_version(name: str) -> str | None:
    """Returns the installed version of package `name`, or None when it is not installed."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def machine_info(quick: bool) -> dict[str, Any]:
    """Returns a description of this machine and run: Python, platform, CPUs, versions, time."""
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpu_count": os.cpu_count(),
        "gradio": package_version("gradio"),
        "torch": package_version("torch"),
        "timestamp": datetime.now(UTC).isoformat(timespec="seconds"),
        "quick": quick,
    }


def write_result(out_dir: Path, name: str, results: Mapping[str, Any], quick: bool) -> Path:
    """Returns the path of `<out_dir>/<name>.json`, written with `results` and the machine info."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{name}.json"
    payload = {"benchmark": name, "machine": machine_info(quick), "results": dict(results)}
    path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return path


def run_sections(
    sections: Mapping[str, Callable[[], Mapping[str, Any]]], only: Iterable[str] = (), previous: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """Returns the figures of every section in order, or of the sections in `only` over the figures of `previous`.

    A partial re-run keeps the rest of the results file (`previous`, targets dropped: the caller recomputes
    them) and records the date each re-run section was measured again under "sections_rerun".
    """
    only = tuple(only)
    results: dict[str, Any] = {k: v for k, v in (previous or {}).items() if k != "targets"} if only else {}
    for name in only or sections:
        results |= sections[name]()
    if only:
        results["sections_rerun"] = {**results.get("sections_rerun", {}), **dict.fromkeys(only, datetime.now(UTC).date().isoformat())}
    return results


def target(value: float, maximum: float | None = None, *, minimum: float | None = None) -> dict[str, Any]:
    """Returns a target entry: the measured value, its allowed maximum and/or minimum, and whether it passed."""
    passed = (maximum is None or value <= maximum) and (minimum is None or value >= minimum)
    entry: dict[str, Any] = {"value": value, "passed": passed}
    if maximum is not None:
        entry["max"] = maximum
    if minimum is not None:
        entry["min"] = minimum
    return entry


def format_value(value: Any) -> str:
    """Returns `value` as table text: floats with 3 significant decimals, the rest as str()."""
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def table_rows(results: Mapping[str, Any]) -> list[list[str]]:
    """Returns one row (metric, value, target, status) per scalar metric of `results`."""
    targets: Mapping[str, Mapping[str, Any]] = results.get("targets", {})
    rows = [["metric", "value", "target", "status"]]
    for key, value in results.items():
        if isinstance(value, (dict, list)):
            continue
        goal = targets.get(key)
        limit = " and ".join(f"{op} {goal[k]:g}" for k, op in (("min", ">="), ("max", "<=")) if goal and k in goal)
        status = ("pass" if goal["passed"] else "FAIL") if goal else ""
        rows.append([key, format_value(value), limit, status])
    return rows


def format_table(rows: list[list[str]]) -> str:
    """Returns `rows` as aligned text columns, the first row underlined as the header."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def print_table(title: str, results: Mapping[str, Any]) -> None:
    """Returns nothing; prints `title`, the table of `results`' metrics and targets, and any sub-tables.

    A value that is a non-empty list of dicts with the same keys (rows) is printed as its own table.
    """
    print(f"\n{title}\n{format_table(table_rows(results))}")
    for key, value in results.items():
        if isinstance(value, list) and value and all(isinstance(row, dict) for row in value):
            header = list(value[0])
            rows = [header] + [[format_value(row.get(column, "")) for column in header] for row in value]
            print(f"\n{key}\n{format_table(rows)}")
