"""F001: a file that cannot be read or parsed at all."""

from zzip.findings import Problem
from zzip.i18n import N_

CODE = "F001"
NAME = "unreadable-file"
SEVERITY = "error"
SCOPE = "file"
FATAL = True
SUMMARY = N_("A file is missing, unreadable, not valid YAML, or not a readable .xlsx workbook")
EXPLANATION = N_("""
## What it does
Reports a file zzip cannot read: missing, not a file, not UTF-8 text, binary, empty, more than
one YAML document, invalid YAML syntax (tabs, unclosed quotes...), duplicate keys, unsupported
tags, or beyond zzip's limits (5 MB, 64 levels of nesting, 200,000 values, 30-digit numbers).

For a status workbook: not an .xlsx at all (a renamed file, a Word document, a CSV export), cut
off, a zip bomb, password-protected, an old .xls/.et/.ods saved under any name, a sheet or column
of the template missing or renamed, merged cells, more than 2,000 rows, or no template sheets at
all (an empty workbook). The message names the sheet and cell where there is one.

## Why it matters
Nothing in such a file can be checked. zzip goes on with the other files and exits with code 2.

## Example
```yaml
tasks:
	- id: KT-1-1     # a tab: YAML indents with spaces
```

## How to fix
Open the file at the line and column given, correct it, and save it as UTF-8. A workbook: save
it as "Excel 工作簿 (*.xlsx)" without a password, keep the template's sheets and columns, or start
again from `zzip template --format xlsx`.
""")


def check(context):
    for failure in context.parse_failures:
        yield Problem(failure.location, failure.message)
