"""The fast path for reading a YAML file: a native parser (yaml-rs, Rust) for the plain files
that liaison officers send, with zzip's precise reader (zzip.yamlfile, libyaml) as the judge.

The fast path never decides anything on its own: `parse()` returns the data only when the text
is in the simple subset where yaml-rs and the precise reader are known to agree (a cheap scan of
the text), yaml-rs reads it without complaint, and the result has nothing the precise reader
would refuse or read differently (a key that is not text, an infinite number, too many values or
too much nesting). Anything else returns None, and the caller reads the file the precise way,
which gives today's data, verdict and positions. tests/test_fastyaml.py holds both paths to the
same data and verdict (a hypothesis property and the yaml-test-suite cases in tests/yaml_suite/).

Why yaml-rs (benchmarks/README.md, "The native parser"): wheels for Linux, macOS (x86 and ARM) and Windows on
Python 3.10-3.13, it returns Python objects directly (rapidyaml only gives a tree of strings, to
be emitted as JSON and parsed again) and refuses duplicate keys itself; public domain
(Unlicense). Without its wheel, `available()` is False and every file takes the precise path.
"""

from __future__ import annotations

import math
import re
from typing import Any

try:
    import yaml_rs
except ImportError:  # no wheel for this platform: zzip reads every file the precise way
    yaml_rs = None

# Text the fast path leaves to the precise reader. Each alternative is a feature where YAML 1.1
# (libyaml, the precise reader) and YAML 1.2 (yaml-rs) may differ, or that the precise reader
# refuses or checks: tabs, carriage returns and escapes; anchors, aliases, tags, merge keys and
# directives; block scalars, complex keys and document markers; numbers written
# with leading zeros, underscores (anywhere, also after an exponent: 4e7_), radix prefixes, sexagesimal colons, a signed leading point or
# .inf/.nan; runs of 30 digits (the precise reader's number limit); indicators that cannot start a
# plain scalar; and every character outside YAML's printable set, with NEL, BOM and the Unicode
# line separators (line breaks to YAML 1.1 only). A false alarm costs only speed.
_UNUSUAL_CHARACTERS = "\t\r\\&*!|>\x85\ufeff\u2028\u2029"
# Where a plain scalar may begin with a character that matters (a separator, then one of a few
# characters), and what, from there on, sends the text the precise way. One search of the two
# together (in C, not a Python step per number in the file).
_SCALAR_START = r"[ \n\[{,](?=[-+][.0-9_]|[.0-9_@`%?<])"  # not "- ", every list item
_UNUSUAL_START = (
    r"[-+]?(?:0[0-9xob_]|[0-9.e+-]*_|\.(?:inf|nan)|[0-9]+(?:\.[0-9]*)?:[0-9])|[-+]\.|[@`%?]|<<"
    r"|[-+.0-9][-+.0-9e_]{29}"  # 30 characters of a number: past the precise reader's limit, or near it
)
_UNUSUAL_SCALAR = re.compile(_SCALAR_START + "(?:" + _UNUSUAL_START + ")", re.IGNORECASE)
_FLOW_COLON = re.compile(r":(?![ \n])")
_NOT_PRINTABLE = r"[^\n\x20-\x7e\u00a0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"  # compiled when needed: 3 ms
MAX_FAST_CHARS = 256 * 1024  # larger files (a status file is 4 KB) go the precise way, limits and all


def available() -> bool:
    return yaml_rs is not None


def parse(text: str) -> Any | None:
    """The data of `text` exactly as the precise reader gives it, or None: read it the precise way."""
    data = parse_unchecked(text)
    return data if data is not None and plain(data) else None


def parse_unchecked(text: str) -> dict | list | None:
    """`parse` without its last step: the data may still hold what the precise reader refuses or
    reads otherwise (a key that is not text, an infinite number, deep nesting). Only for a caller
    that checks at least that much itself before it trusts the data (the status file's typed
    check, zzip/status_types.py, which the common valid file passes: it then needs no second walk
    over the data), and calls `plain` when its own check says no."""
    if yaml_rs is None or len(text) > MAX_FAST_CHARS or _unusual(text):
        return None
    try:
        data = yaml_rs.loads(text, parse_datetime=False)
    except Exception:  # any complaint: the precise reader words it, with its position
        return None
    return data if isinstance(data, (dict, list)) else None


def plain(data: Any) -> bool:
    """Nothing in parsed data the precise reader would refuse or read otherwise (see `_plain`)."""
    return _plain(data, 0)


def _unusual(text: str) -> bool:
    for character in _UNUSUAL_CHARACTERS:
        if character in text:
            return True
    if "{" in text or "[" in text:  # flow collections: only on one line each, with no ':' glued to a value
        if _FLOW_COLON.search(text) or "?" in text:
            return True
        for line in text.split("\n"):
            if ("{" in line or "[" in line) and (line.count("{") != line.count("}") or line.count("[") != line.count("]")):
                return True
    framed = "\n" + text  # the first line is searched like every other
    if "\n---" in framed or "\n..." in framed:  # document markers
        return True
    if _UNUSUAL_SCALAR.search(framed):
        return True
    return not text.replace("\n", " ").isprintable() and re.search(_NOT_PRINTABLE, text) is not None


def _plain(node: Any, depth: int) -> bool:
    """Nothing the precise reader would refuse or read otherwise: keys are text, numbers are
    finite, nesting within its limit (64). Values are bounded by MAX_FAST_CHARS without aliases."""
    if depth > 60:
        return False
    if node.__class__ is dict:
        for key in node:
            if key.__class__ is not str:
                return False
        values = node.values()
    elif node.__class__ is list:
        values = node
    else:
        return False
    for value in values:
        cls = value.__class__
        if cls is str or cls is int or cls is bool or value is None:
            continue
        if cls is float:
            if not math.isfinite(value):
                return False
        elif not _plain(value, depth + 1):
            return False
    return True
