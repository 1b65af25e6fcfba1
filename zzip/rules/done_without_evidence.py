"""C311: work reported done with nothing to show for it."""

from zzip.findings import Problem
from zzip.i18n import N_, _

CODE = "C311"
NAME = "done-without-evidence"
SEVERITY = "warning"
SCOPE = "compliance"
SUMMARY = N_("An item is reported done without any evidence")
EXPLANATION = N_("""
## What it does
Reports the first `done` entry for an item when no entry of the unit for that item gives
`evidence` (a document number, a link or a file).

## Why it matters
The year-end review (五(三)) needs something to verify: a 办法 issued, a meeting record, a list.

## Example
```yaml
- id: MS-1-5
  status: done
  completed: 2023-11-30
  evidence:
    - {document: 郑市监〔2023〕88号, title: 郑州市知识产权企业信用分级分类监管办法}
```

## How to fix
Add `evidence` to the entry.
""")


def check(context):
    for (unit, item_id), entries in context.entry_histories():
        if any(entry.evidence for entry in entries):
            continue
        for entry in entries:
            if entry.done:
                if context.in_scope(context.submission_of(entry)):
                    yield Problem(entry.origin.at("status"),
                                  _("%(item)s is reported done without evidence (a document, a link or a file)",
                                    item=item_id),
                                  unit=unit, extra={"item": item_id})
                break
