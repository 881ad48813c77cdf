"""Reading the interface's texts back in tests: a template of the translation tables as a regular expression.

Tests build the text they expect with `demos.texts.t` when they know every value; when only the server knows some
(a time, a loss), `pattern` turns the template into a regex whose named groups are those fields, so a test reads the
numbers back and checks them, and a translator's rewording breaks nothing."""

from __future__ import annotations

import re
import string

from demos.texts import EN, TABLES, Lang, _format, format_number, plural_form

# A number as `demos.texts` writes it in either language: "1,797.5", "1.797,5", "-0.52", "40%", "40 %", "3e-05"
NUMBER = r"[-−]?\d[\d.,]*(?:[eE][-+]?\d+)?(?:\s?%)?"
_NUMERIC_SPEC = re.compile(r"[,_]|[bdeEfFgGn%]$")
_MARK = "\x00"


class _Slot:
    """Stands in for a field the test does not know: `t` formats it as a marker carrying its name and format spec."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __format__(self, spec: str) -> str:
        return f"{_MARK}{self.name}\x01{spec}{_MARK}"


def template(key: str, lang: Lang = "en", *, count: int | None = None) -> str:
    """Returns the raw template of `key` in `lang` as `t` picks it (the counted form for `count`, English where a key is missing)."""
    if count is not None:
        key = f"{key}_{plural_form(count, lang)}"
    return TABLES.get(lang, EN).get(key) or EN[key]


def fields(key: str, lang: Lang = "en", *, count: int | None = None) -> list[str]:
    """Returns the names of the `{fields}` of `key`'s template, in order, each once."""
    names = [name for _, name, _, _ in string.Formatter().parse(template(key, lang, count=count)) if name]
    return list(dict.fromkeys(names))


def pattern(key: str, lang: Lang = "en", *, count: int | None = None, groups: dict[str, str] | None = None, **fixed: object) -> re.Pattern:
    """Returns `key`'s text in `lang` as a regex: the fields given in `fixed` are filled by `t` itself (numbers written the
    language's way), and every other field is a named group. A field with a numeric format spec (`{a:.3f}`, `{n:,}`)
    matches a number; any other matches as little text as it can (the whole rest of the line when it ends the template);
    `groups` gives a field its own regex. A field that appears twice must hold the same text both times."""
    unknown = [name for name in fields(key, lang, count=count) if name not in fixed and not (name == "count" and count is not None)]
    slots = {name: _Slot(name) for name in unknown}
    params: dict[str, object] = {**fixed, **slots}
    if count is not None:  # as `t` does: the counted form's `{count}` is the number written the language's way
        params["count"] = format_number(count, lang)
    raw = template(key, lang, count=count)
    text = _format(raw, lang, params) if params else raw  # `t`'s own formatting (`t` itself takes no field named `count`)
    parts = text.split(_MARK)  # literal, field, literal, field, ..., literal
    out, seen = [], set()
    for i, part in enumerate(parts):
        if i % 2 == 0:
            out.append(re.escape(part))
            continue
        name, spec = part.split("\x01", 1)
        if name in seen:
            out.append(f"(?P={name})")
            continue
        seen.add(name)
        last = i == len(parts) - 2 and parts[-1] == ""
        regex = (groups or {}).get(name) or (NUMBER if _NUMERIC_SPEC.search(spec) else (".+" if last else ".+?"))
        out.append(f"(?P<{name}>{regex})")
    if text[:1].isalpha():  # a template may open a sentence the app capitalises ("el FID de ..." reads "El FID de ...")
        out[0] = f"[{text[0].lower()}{text[0].upper()}]" + re.escape(text[1 : len(parts[0])])
    return re.compile("".join(out))


def read(
    text: str, key: str, lang: Lang = "en", *, count: int | None = None, groups: dict[str, str] | None = None, **fixed: object
) -> dict:
    """Returns the fields of `key`'s template read from `text` (which contains it); fails the test, quoting both, if it is not there."""
    found = pattern(key, lang, count=count, groups=groups, **fixed).search(text)
    assert found, f"{key!r} ({lang}) is not in the text:\n{text}\ntemplate: {template(key, lang, count=count)}"
    return found.groupdict()


def value(text: str, lang: Lang = "en") -> float:
    """Returns the number written in `text` the language's way ("1.797,5" in Spanish, "1,797.5" in English; a percent sign is
    dropped, so "40 %" is 40)."""
    text = text.strip().removesuffix("%").strip().replace("−", "-")
    text = text.replace(".", "").replace(",", ".") if lang == "es" else text.replace(",", "")
    return float(text)
