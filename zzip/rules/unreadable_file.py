"""F001: a file that cannot be read or parsed at all."""

from zzip.findings import Problem

CODE = "F001"
NAME = "unreadable-file"
SEVERITY = "error"
SCOPE = "file"
FATAL = True
SUMMARY = "A file is missing, unreadable, or not valid YAML"
EXPLANATION = """
## What it does
Reports a file zzip cannot read: missing, not a file, not UTF-8 text, binary, empty, more than
one YAML document, invalid YAML syntax (tabs, unclosed quotes...), duplicate keys, unsupported
tags, or beyond zzip's limits (5 MB, 64 levels of nesting, 200,000 values, 30-digit numbers).

## Why it matters
Nothing in such a file can be checked. zzip goes on with the other files and exits with code 2.

## Example
```yaml
tasks:
	- id: KT-1-1     # a tab: YAML indents with spaces
```

## How to fix
Open the file at the line and column given, correct it, and save it as UTF-8.
"""


def check(context):
    for failure in context.parse_failures:
        yield Problem(failure.location, failure.message)
