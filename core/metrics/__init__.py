"""Metrics of generative models: mode coverage (and, later, FID, precision/recall, density/coverage)."""
