"""P112: a control, bidi or other invisible character in the plan's text."""

import functools
import json
import re
import unicodedata

from zzip.findings import _UNSAFE_FORMAT, Problem
from zzip.i18n import N_, _

CODE = "P112"
NAME = "control-character"
SEVERITY = "error"
SCOPE = "plan"
SUMMARY = N_("A control character, a bidi control or another invisible character in an id, name, title or text")
EXPLANATION = N_("""
## What it does
Reports any value in the plan files that holds a control character (ESC, NUL, DEL...), a
bidirectional control (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C), a zero-width or
other invisible format character, or a line or paragraph separator; and a line break or tab in
a one-line value: an id, a name, an alias, a title, a reference. Line breaks are allowed only in
the free text of `text`, `note`, `wording`, `change` and `reason`.

## Why it matters
Plan names and titles are printed in every report, view and template. An escape sequence there
recolours or rewrites a terminal; a bidi control makes a line read differently from what it
holds; an invisible character makes two names that look the same differ; a line break in a title
breaks the one-line comments of `zzip template`, which then writes a file zzip rejects. zzip
escapes such characters wherever it prints them, but the plan should not hold them.

## Example
```yaml
- id: KT-1-1
  title: "优化体制机制\u202e"     # P112: a right-to-left override
```

## How to fix
Retype the value; an editor that shows invisible characters (or `cat -A`) finds them.
""")

MULTILINE_FIELDS = frozenset({"text", "note", "wording", "change", "reason"})


# What zzip.findings.printable escapes (every control and invisible format character but the tab),
# plus the tab and the line break in a one-line value; in free text, the tab and the line break pass.
# One search per value finds the first such character (a walk over each character cost a check 6 ms).
# Compiled when first needed (0.6 ms at every start-up otherwise): most plans never get that far.
@functools.cache
def _unsafe(multiline: bool) -> re.Pattern:
    return re.compile(f"[\x00-\x08\x0b-\x1f{_UNSAFE_FORMAT}]" if multiline else f"[\x00-\x1f{_UNSAFE_FORMAT}]")


def _first_unsafe(value: str, multiline: bool) -> str | None:
    found = _unsafe(multiline).search(value)
    return found.group() if found else None


# A whole document as JSON shows, with one search, whether any of its text can hold such a
# character: JSON writes every character below U+0020 as a backslash escape and, without
# ensure_ascii, every other one as it is. A hit (or a key JSON cannot write) means only "look
# closer": the walk below then finds each value, as it always did. Most plans have no hit.
_SUSPECT_IN_JSON = re.compile(f"\\\\[nrtbfu]|[{_UNSAFE_FORMAT}]")


def _may_hold_unsafe(data) -> bool:
    try:
        text = json.dumps(data, ensure_ascii=False)
    except (TypeError, ValueError):
        return True
    return _SUSPECT_IN_JSON.search(text) is not None


def _describe(char: str) -> str:
    name = {"\n": _("a line break"), "\r": _("a carriage return"), "\t": _("a tab"),
            "\x1b": _("an escape character (ESC)"), "\x00": _("a NUL character")}.get(char)
    code = f"U+{ord(char):04X}"
    if name:
        return _("%(name)s (%(code)s)", name=name, code=code)
    try:
        return f"{code} ({unicodedata.name(char)})"  # the Unicode name is an identifier, never translated
    except ValueError:
        return code


def _walk(value, path: tuple):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, (*path, index))
    elif isinstance(value, str):
        yield path, value


def check(context):
    for doc in context.plan.documents.values():
        if not _may_hold_unsafe(doc.data):
            continue
        for path, value in _walk(doc.data, ()):
            key = next((p for p in reversed(path) if isinstance(p, str)), "")
            found = _first_unsafe(value, key in MULTILINE_FIELDS)
            if found is None:
                continue
            where = ".".join(str(p) if isinstance(p, str) else f"[{p + 1}]" for p in path).replace(".[", "[")
            values = dict(where=where or _("value"), char=_describe(found))
            message = (_("%(where)s contains %(char)s; write plain text (line breaks are allowed only in text, note, "
                         "wording, change and reason)", **values) if found == "\n" else
                       _("%(where)s contains %(char)s; write plain text", **values))
            yield Problem(doc.locate(path), message)
