"""Command line: `python -m benchmarks [names...] [--quick] [--out DIR]` runs benchmarks."""

from __future__ import annotations

import argparse
import importlib
import json
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
    parser.add_argument("--only", default="", help="re-run these comma-separated sections of one benchmark, keep the rest of its file")
    args = parser.parse_args(argv)
    unknown = [name for name in args.names if name not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark(s) {', '.join(unknown)}; choose among {', '.join(BENCHMARKS)}")
    args.names = args.names or list(BENCHMARKS)
    args.only = tuple(filter(None, args.only.split(",")))
    if args.only:
        sections = getattr(importlib.import_module(BENCHMARKS[args.names[0]]), "SECTIONS", ()) if len(args.names) == 1 else ()
        if not sections or set(args.only) - set(sections):
            parser.error(f"--only needs one benchmark with sections and names among them ({', '.join(sections) or 'none'})")
    return args


def main(argv: list[str] | None = None) -> int:
    """Returns the exit status after running the chosen benchmarks, writing JSON and tables."""
    args = parse_args(argv)
    for name in args.names:
        module = importlib.import_module(BENCHMARKS[name])
        if args.only:
            previous = json.loads((args.out / f"{name}.json").read_text(encoding="utf-8"))["results"]
            results = module.run(args.quick, only=args.only, previous=previous)
        else:
            results = module.run(args.quick)
        path = write_result(args.out, name, results, args.quick)
        print_table(f"{name}{' (quick)' if args.quick else ''} -> {path}", results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
