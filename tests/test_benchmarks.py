"""The benchmarks' command line: the start-up benchmark in quick mode writes well-formed JSON."""

from __future__ import annotations

import json
import math
from pathlib import Path

from benchmarks.__main__ import main


def test_startup_quick_writes_results(tmp_path: Path) -> None:
    """Returns nothing; runs `startup --quick` through `main` and checks its JSON (no timing limits)."""
    assert main(["startup", "--quick", "--out", str(tmp_path)]) == 0

    path = tmp_path / "startup.json"
    assert path.is_file()
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["benchmark"] == "startup"

    results = data["results"]
    assert results["app_seconds"] > 0
    assert results["reference_seconds"] > 0
    assert math.isfinite(results["ratio"]) and results["ratio"] > 0
    assert results["app_rss_mb"] > 0
    assert results["reference_rss_mb"] > 0
    assert set(results["targets"]) == {"ratio", "app_rss_mb"}
    assert all(isinstance(t["passed"], bool) for t in results["targets"].values())
    assert len(results["runs"]["app"]) == len(results["runs"]["reference"]) == 1

    machine = data["machine"]
    assert {"python", "platform", "cpu_count", "gradio", "torch", "timestamp"} <= set(machine)
    assert machine["quick"] is True
    assert machine["gradio"]
