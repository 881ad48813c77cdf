"""Command line: `python -m benchmarks [names...] [--quick] [--out DIR]` runs benchmarks."""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from benchmarks.common import DEFAULT_OUT, print_table, write_result

# name -> module exposing `run(quick: bool) -> dict`; add a benchmark with one line here.
BENCHMARKS: dict[str, str] = {
    "startup": "benchmarks.startup",
    "gan2d": "benchmarks.gan2d",
    "autoencoders": "benchmarks.autoencoders",
    "diffusion": "benchmarks.diffusion",
    "metrics": "benchmarks.metrics",
    "trilemma": "benchmarks.trilemma",
    "pretrained": "benchmarks.pretrained",
    "nerf": "benchmarks.nerf",
    "splat": "benchmarks.splat",
    "classroom": "benchmarks.classroom",
    "unclip": "benchmarks.unclip",
}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Returns the parsed command line (all benchmarks when no name is given)."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("names", nargs="*", metavar="name", help=f"among {', '.join(BENCHMARKS)}")
    parser.add_argument("--quick", action="store_true", help="one repetition each, for a smoke test")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"default {DEFAULT_OUT}")
    args = parser.parse_args(argv)
    unknown = [name for name in args.names if name not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark(s) {', '.join(unknown)}; choose among {', '.join(BENCHMARKS)}")
    args.names = args.names or list(BENCHMARKS)
    return args


def main(argv: list[str] | None = None) -> int:
    """Returns the exit status after running the chosen benchmarks, writing JSON and tables."""
    args = parse_args(argv)
    for name in args.names:
        results = importlib.import_module(BENCHMARKS[name]).run(args.quick)
        path = write_result(args.out, name, results, args.quick)
        print_table(f"{name}{' (quick)' if args.quick else ''} -> {path}", results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
