"""Benchmarks for the Generative Models Gallery, run with one command.

    python -m benchmarks                          # run every benchmark
    python -m benchmarks startup --quick          # run one benchmark, with fewer repetitions
    python -m benchmarks startup --out /tmp/bench # write the JSON elsewhere
    python -m benchmarks splat --quick            # 2D fits vs JPEG, the shipped splat vs the NeRF, rasteriser cost
    python -m benchmarks classroom --quick        # 3 simulated students on `python app.py` for a few seconds

Machines are noisy, so every benchmark measures a ratio against a reference measured in the
same run (alternating the two), rather than an absolute time. Each benchmark writes its
results with the machine's description to `<out>/<name>.json` (default `assets/benchmarks/`)
and prints a table of its metrics, with its targets marked pass or FAIL (reported, not enforced).
`classroom` is a load test rather than a ratio: simulated students (one Gradio session each) on a
separate `python app.py`, judged against the class targets of issue 16.
"""
