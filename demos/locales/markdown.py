"""Long lecture and help texts, kept as Markdown files: `lectures/<lang>/<tab>.md`, one file per tab and language.

A file is a run of sections, each opened by a marker line naming its text key:

    <!-- key: topic_diffusion -->
    ## Diffusion models
    ...

The sections join the language's text table under their keys, so the tabs look them up like any other text
(`I18N("topic_diffusion")`, `t("topic_diffusion", lang)`). They are Markdown with LaTeX and are never passed
through `str.format`: a text that needs a number gets a short template key in the tables instead.
"""

from __future__ import annotations

import re
from pathlib import Path

from demos.locales.catalog import render_catalog

LECTURES = Path(__file__).parent / "lectures"
MARKER = re.compile(r"^<!-- key: ([a-z0-9_]+) -->[ \t]*$", re.MULTILINE)


def parse_sections(text: str, source: str = "<text>") -> dict[str, str]:
    """Returns the sections of one Markdown file as {key: text}, each stripped of surrounding blank lines."""
    pieces = MARKER.split(text)
    if pieces[0].strip():
        raise ValueError(f"{source}: text before the first '<!-- key: name -->' marker")
    sections: dict[str, str] = {}
    for key, body in zip(pieces[1::2], pieces[2::2], strict=True):
        if key in sections:
            raise ValueError(f"{source}: the key {key!r} appears twice")
        if not body.strip():
            raise ValueError(f"{source}: the section {key!r} is empty")
        sections[key] = body.strip()
    return sections


def load_lectures(lang: str) -> dict[str, str]:
    """Returns every Markdown section of language `lang` (all tabs' files) as {key: text}."""
    folder = LECTURES / lang
    texts: dict[str, str] = {}
    for path in sorted(folder.glob("*.md")):
        for key, body in parse_sections(path.read_text(encoding="utf-8"), f"{lang}/{path.name}").items():
            if key in texts:
                raise ValueError(f"{lang}/{path.name}: the key {key!r} is already in another file of {folder}")
            texts[key] = body
    if not texts:
        raise FileNotFoundError(f"no Markdown texts in {folder}")
    return texts


def complete_table(strings: dict[str, str], tabs: list[dict[str, str]], lang: str, labels: dict[str, str]) -> dict[str, str]:
    """Adds the tabs' tables, the language's lectures and the Explore catalogue to `strings`; returns the lectures."""
    for table in tabs:
        strings.update(table)
    lectures = load_lectures(lang)
    strings.update(lectures)
    strings.update(render_catalog(strings, labels))
    return lectures
