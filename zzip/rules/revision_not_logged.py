"""D402: a new plan version without its revision entry."""

from zzip.findings import Problem
from zzip.i18n import N_, _

CODE = "D402"
NAME = "revision-not-logged"
SEVERITY = "error"
SCOPE = "diff"
SUMMARY = N_("The plan version went up, but the revision log has no entry for the new version")
EXPLANATION = N_("""
## What it does
When NEW has a different `version` from OLD, checks that NEW's `revisions` has an entry for it,
saying when and what changed (and the authorising document, where there is one).

## Why it matters
The revision log is how a reader learns why a deadline or a target is not what the 2022
document says.

## How to fix
```yaml
revisions:
  - version: "1.1.0"
    date: "2025-03-01"
    change: 四(四)9 推迟至2023年12月
    authority: 郑知联办〔2025〕3号
    reason: 审理庭建设资金延后到位
```
""")


def check(context):
    old, new = context.old.meta, context.new.meta
    if old is None or new is None or old.version == new.version:
        return
    if new.version not in {r.version for r in new.revisions}:
        yield Problem(new.origin.at("version"),
                      _("version %(version)s has no entry in revisions; add one with its date, the change and the "
                        "authority", version=new.version))
