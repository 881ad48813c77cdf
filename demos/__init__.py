"""One module per tab of the gallery: each builds its UI and wires handlers to `core/`."""
