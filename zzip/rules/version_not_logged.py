"""P110: the plan version has no entry in the revision log."""

from zzip.findings import Problem
from zzip.i18n import N_, _

CODE = "P110"
NAME = "version-not-logged"
SEVERITY = "error"
SCOPE = "plan"
SUMMARY = N_("The plan version is missing from the revision log, or the log is out of order")
EXPLANATION = N_("""
## What it does
Checks that plan.yaml's `version` has an entry in `revisions`, that no version is logged twice,
and that versions and dates in the log only go forward.

## Why it matters
Status files name the plan version they report against. Without a log entry, nobody can tell
what changed between the version a unit reported on and the current one.

## Example
```yaml
version: "1.1.0"
revisions:
  - {version: "1.0.0", date: "2023-01-20", change: First encoding}
  # P110: no entry for 1.1.0
```

## How to fix
Add a revision entry for the new version: its date, what changed, and the authorising document.
""")


def _key(version):
    return tuple(int(part) for part in version.split("."))


def check(context):
    meta = context.plan.meta
    if meta is None:
        return
    versions = [r.version for r in meta.revisions]
    if meta.version not in versions:
        yield Problem(meta.origin.at("version"),
                      _("plan version %(version)s has no entry in revisions; add one saying what changed",
                        version=meta.version))
    for index in range(1, len(meta.revisions)):
        before, after = meta.revisions[index - 1], meta.revisions[index]
        if _key(after.version) <= _key(before.version):
            yield Problem(meta.origin.at("revisions", index, "version"),
                          _("revision %(version)s does not come after %(before)s; list revisions oldest first",
                            version=after.version, before=before.version))
        elif after.date < before.date:
            yield Problem(meta.origin.at("revisions", index, "date"),
                          _("revision %(version)s is dated %(date)s, before revision %(before)s (%(before_date)s)",
                            version=after.version, date=after.date, before=before.version, before_date=before.date))
    if meta.revisions and _key(meta.revisions[-1].version) > _key(meta.version):
        yield Problem(meta.origin.at("version"),
                      _("plan version %(version)s is older than the latest revision %(latest)s",
                        version=meta.version, latest=meta.revisions[-1].version))
