"""unCLIP's sampling defaults (guidance scales and step counts of its prior and decoder), as plain data.

Kept apart from the pipeline so that the CLIP tab can build its knobs without importing PyTorch (`core.lazy`).
"""

from __future__ import annotations

DEFAULTS = {"prior_guidance": 2.0, "decoder_guidance": 3.0, "prior_steps": 32, "decoder_steps": 25}
