"""Datasets: 2D toy distributions, bundled digits, faces and photos."""
