"""Long lecture and help texts, kept as Markdown files: `lectures/<lang>/<tab>.md`, one file per tab and language.

A file is a run of sections, each opened by a marker line naming its text key:

    <!-- key: topic_diffusion -->
    ## Diffusion models
    ...

The sections join the language's text table under their keys, so the tabs look them up like any other text
(`I18N("topic_diffusion")`, `t("topic_diffusion", lang)`). They are Markdown with LaTeX and are never passed
through `str.format`: a text that needs a number gets a short template key in the tables instead.

Each section is also split in two (`split_lead`): its lead (the heading and the first paragraph, the "Look at / Try"
that goes beside the figure), as `<key>_lead`, and the rest, if any, as `<key>_more`, which a tab may fold away
(`demos.layout.intro`) so that one idea and its figure fit one screen.
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


LEAD, MORE = "_lead", "_more"


def split_lead(text: str) -> tuple[str, str]:
    """Returns (lead, rest) of a Markdown text: the lead is its leading headings and first paragraph, the rest what follows.

    A paragraph ends at a blank line; a display equation or a <details> block is never a lead."""
    blocks = re.split(r"\n[ \t]*\n", text.strip())
    taken = 0
    while taken < len(blocks) and blocks[taken].lstrip().startswith("#") and "\n" not in blocks[taken].strip():
        taken += 1
    if taken < len(blocks) and not blocks[taken].lstrip().startswith(("$$", "<details", "|")):
        taken += 1
    return "\n\n".join(blocks[:taken]), "\n\n".join(blocks[taken:])


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
    """Adds the tabs' tables, the language's lectures (with their leads and rests) and the Explore catalogue to `strings`;
    returns the lectures."""
    for table in tabs:
        strings.update(table)
    lectures = load_lectures(lang)
    for key, text in list(lectures.items()):
        lectures[key + LEAD], more = split_lead(text)
        if more:  # a short text has nothing to fold away
            lectures[key + MORE] = more
    strings.update(lectures)
    strings.update(render_catalog(strings, labels))
    return lectures
