"""P113: a time zone that is not a real one."""

from zzip.findings import Problem
from zzip.i18n import N_, _

CODE = "P113"
NAME = "unknown-time-zone"
SEVERITY = "error"
SCOPE = "plan"
SUMMARY = N_("plan.yaml's time zone is not an IANA time zone name")
EXPLANATION = N_("""
## What it does
Checks that plan.yaml's `timezone` names a time zone of the IANA database (as Python's
zoneinfo knows it): `Asia/Shanghai`, `UTC`. A file path (`/etc/localtime`, `../x`) is not a name.

## Why it matters
The time zone decides what "today" is, and so which day every deadline and due date is
checked against. Without it no check can run.

## Example
```yaml
timezone: Beijing        # P113: write Asia/Shanghai
```

## How to fix
Use the IANA name, for China `Asia/Shanghai`.
""")


def check(context):
    from zzip.clock import today_in

    meta = context.plan.meta
    if meta is None or not meta.timezone:
        return
    try:
        today_in(meta.timezone)
    except ValueError:
        yield Problem(meta.origin.at("timezone"),
                      _("timezone %(zone)s is not an IANA time zone name; write one such as Asia/Shanghai",
                        zone=repr(meta.timezone)))
