"""F002: a file read as GB18030 because it is not UTF-8."""

from zzip.findings import Problem
from zzip.i18n import N_

CODE = "F002"
NAME = "non-utf8-file"
SEVERITY = "warning"
SCOPE = "file"
SUMMARY = N_("A file is saved in a Chinese Windows encoding (GBK/GB18030), not UTF-8")
EXPLANATION = N_("""
## What it does
Reports a file that is not valid UTF-8 but reads cleanly as GB18030 (which includes GBK), the
default encoding of many Chinese Windows editors. zzip reads it as GB18030 and carries on.

## Why it matters
Other tools (editors, git diffs, CI) assume UTF-8 and will show such a file as garbage.

## How to fix
Re-save the file as UTF-8: in Notepad, 文件 → 另存为 → 编码: UTF-8; in WPS or Excel exports,
choose UTF-8.
""")


def check(context):
    for notice in context.encoding_notices:
        yield Problem(notice.location, notice.message)
