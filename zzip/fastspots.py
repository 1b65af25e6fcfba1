"""Positions of a status file the fast path read, found by scanning its lines instead of
re-parsing it with libyaml (zzip/status_loader.py asks when a finding first needs a line).

The text has passed zzip/fastyaml.py's scan and yaml-rs, so it is plain block YAML: no tabs,
anchors, tags, block scalars, document markers, and flow collections only within one line.
This scanner reads a still narrower shape, the one `zzip template` and people write: a mapping
of `key: value` lines, `entries:`/`indicators:` followed by `- key: value` items, values on
their key's line (quoted ones closed there), nested lists (evidence) skipped over. Anything
else, a value continued on the next line, a key in quotes, an item that starts on its own line,
returns None and libyaml gives the positions (zzip.yamlfile.node_tree), so an unusual layout
costs only time. Where it answers, it answers with libyaml's marks (tests/test_fastspots.py
compares the two on the realistic workload, the example reports and generated layouts).
Lines and columns are 1-based and count characters, as libyaml's marks do.
"""

from __future__ import annotations

import re

# `key:` then a space or the line's end: a key in a block mapping. Keys of a status file are
# plain words; a quoted or unusual key makes the scanner give up.
_KEY = re.compile(r"( *)(?:(-) +)?([A-Za-z_][A-Za-z0-9_-]*):(?: +|$)")
_LISTS = ("entries", "indicators")
# First characters of a value that `_value` would call a plain scalar whatever follows them
# (and every character past ASCII: `_value` looks for ASCII indicators only).
_PLAIN_START = frozenset(chr(code) for code in range(33, 127)) - set("'\"[{#-?:,]}%@`&*!|>")


class _Unsure(Exception):
    """A layout the scanner does not read: libyaml gives the positions instead."""


def file_spots(text: str, submission_fields: tuple[str, ...], entry_fields: tuple[str, ...],
               value_fields: tuple[str, ...]) -> tuple[list[int], list[int], list[int]] | None:
    """The numbers `status_loader._node_spots` reads off libyaml's node tree (the top mapping
    with keys, then each entry, then each indicator value), or None where unsure."""
    try:
        return _Scan(text).top(submission_fields, entry_fields, value_fields)
    except _Unsure:
        return None


class _Scan:
    def __init__(self, text: str):
        # (line number, indentation, line) of every line that is neither blank nor a comment
        lines = []
        for number, line in enumerate(text.split("\n"), 1):
            body = line.lstrip(" ")
            if body and body[0] != "#":
                lines.append((number, len(line) - len(body), line))
        self.lines = lines
        self.at = 0
        self.value_line = 0  # the line of the last nested list's first '-'

    def top(self, names, entry_fields, value_fields):
        lines = self.lines
        if not lines:
            raise _Unsure
        number, indent, line = lines[0]
        origin = [number, indent + 1] + [0] * (4 * len(names))
        lists: dict[str, list[int]] = {"entries": [], "indicators": []}
        offsets = {name: 2 + 4 * i for i, name in enumerate(names)}
        while self.at < len(lines):
            number, here, line = lines[self.at]
            if here != indent:
                raise _Unsure
            match = _KEY.match(line)
            if match is None or match.group(2):
                raise _Unsure
            key = match.group(3)
            start = offsets.get(key)
            kind, column = _value(line, match.end())
            if kind == "empty":
                column = self.nested(indent, key in _LISTS)
                value_line = self.value_line
                if key in _LISTS:
                    items = self.items(column - 1, entry_fields if key == "entries" else value_fields)
                    if start is not None:
                        lists[key] = items
            else:
                if kind == "flow" and key in _LISTS and line[column - 1:].split("#")[0].strip() != "[]":
                    raise _Unsure  # a list of items written in flow style: leave it to libyaml
                self.at += 1
                self.no_continuation(indent)
                value_line = number
            if start is not None:
                origin[start:start + 4] = (value_line, column, number, indent + 1)
        return origin, lists["entries"], lists["indicators"]

    def nested(self, indent: int, keep: bool) -> int:
        """After `key:` with nothing on its line: the list that follows (its first '-' is the
        value's mark). Unless `keep`, the list's lines are skipped. Returns the '-' column."""
        self.at += 1
        if self.at >= len(self.lines):
            raise _Unsure
        number, dash, line = self.lines[self.at]
        if dash < indent or line[dash] != "-" or line[dash + 1:dash + 2] not in (" ", ""):
            raise _Unsure  # a null, or a value on the next line: libyaml decides
        self.value_line = number
        if not keep:
            self.at += 1
            while self.at < len(self.lines):
                _number, here, line = self.lines[self.at]
                if here > indent or (here == indent == dash and line[here] == "-"):
                    self.at += 1
                    continue
                break
        return dash + 1

    def items(self, dash: int, names: tuple[str, ...]) -> list[int]:
        """The items of a block list whose '-' stand at `dash`: each a mapping whose first key
        is on the '-' line. (The scanner's inner loop: a plain value is told apart inline.)"""
        numbers: list[int] = []
        offsets = {name: 2 + 2 * i for i, name in enumerate(names)}
        lines, count, key_at, plain = self.lines, len(self.lines), _KEY.match, _PLAIN_START
        at = self.at
        while at < count:
            number, here, line = lines[at]
            if here != dash or line[here] != "-":
                break
            match = key_at(line)
            if match is None or not match.group(2):
                raise _Unsure  # an item that is not `- key: value`
            indent = match.start(3)
            spots = [number, indent + 1] + [0] * (2 * len(names))
            while True:
                end = match.end()
                if end < len(line) and (line[end] in plain or line[end] > "\x7f"):  # a plain value on its line
                    kind, column = "scalar", end + 1
                else:
                    kind, column = _value(line, end)
                if kind == "empty":
                    self.at = at
                    column = self.nested(indent, False)
                    at, value_line = self.at, self.value_line
                else:
                    at += 1
                    value_line = number
                start = offsets.get(match.group(3))
                if start is not None:
                    spots[start] = value_line
                    spots[start + 1] = column
                if at >= count:
                    break
                number, here, line = lines[at]
                if here != indent:
                    if here > indent:
                        raise _Unsure  # a value continued on the next line, or deeper than its mapping
                    break
                match = key_at(line)
                if match is None or match.group(2):
                    raise _Unsure
            numbers += spots
            if at < count and dash < lines[at][1] != indent:
                raise _Unsure
        self.at = at
        return numbers

    def no_continuation(self, indent: int) -> None:
        """A value on its key's line must end there: a deeper line next would continue it."""
        if self.at < len(self.lines) and self.lines[self.at][1] > indent:
            raise _Unsure


def _value(line: str, start: int) -> tuple[str, int]:
    """What a key's value on its line is ("empty", "flow" or "scalar") and its 1-based column."""
    length = len(line)
    while start < length and line[start] == " ":
        start += 1
    if start == length or line[start] == "#":
        return "empty", 0
    first = line[start]
    if first == "'" or first == '"':
        end = start + 1
        while True:
            end = line.find(first, end)
            if end < 0:
                raise _Unsure  # continued on the next line
            if first == "'" and line[end + 1:end + 2] == "'":
                end += 2
                continue
            break
        rest = line[end + 1:]
        if rest.strip(" ") and not (rest[0] == " " and rest.lstrip(" ")[0] == "#"):
            raise _Unsure
        return "scalar", start + 1
    if first in "[{":
        return "flow", start + 1
    if first in "-?:" and line[start + 1:start + 2] in (" ", ""):
        raise _Unsure  # an indicator, not a plain value
    if first in ",]}%@`&*!|>":
        raise _Unsure
    return "scalar", start + 1
