"""References to a place in the plan's document, as the document numbers it.

A ref is kept exactly as written (二（三）2 stays with its full-width parentheses, the way the
document prints it) and compared by its canonical form, in which full-width parentheses are
the ASCII ones: 二（三）2 and 二(三)2 name the same paragraph.

Accepted forms (the schemas hold the same pattern, REF_PATTERN):
  二, 二(三), 二(三)2, 四(一)1(1), 四(一)1(1)①   numbered headings down to five levels
  附件1, 附件1-3                                  an annex, or row 3 of the table of annex 1
"""

from __future__ import annotations

import re

# \uff08 \uff09 are the full-width parentheses （ ）, written as escapes so that no editor or
# formatter turns them into ASCII ones.
_OPEN, _CLOSE = "(\uff08", ")\uff09"
REF_PATTERN = (f"^([一二三四五六七八九十]+([{_OPEN}][一二三四五六七八九十]+[{_CLOSE}])?([0-9]+)?"
               f"([{_OPEN}][0-9]+[{_CLOSE}])?[\u2460-\u2473]?|附件[0-9]+(-[0-9]+)*)$")

_FULL_WIDTH = str.maketrans({"\uff08": "(", "\uff09": ")"})


def canonical(ref: str) -> str:
    """The form refs are compared in: full-width parentheses as ASCII ones."""
    return ref.translate(_FULL_WIDTH).strip()


def same(a: str, b: str) -> bool:
    return canonical(a) == canonical(b)


def section_of(ref: str) -> str:
    """The section a ref lies in, canonical: 二(三)2 -> 二(三), 二（三）2 -> 二(三), 附件1-3 -> 附件1."""
    text = canonical(ref)
    if text.startswith("附件"):
        return text.split("-", 1)[0]
    head, sep, _rest = text.partition(")")
    return f"{head})" if sep else text


def is_ref(text: str) -> bool:
    return re.match(REF_PATTERN, text) is not None
