"""What "today" is. The plan names its time zone (Asia/Shanghai for Zhengzhou), so a check
run at 23:30 UTC on 30 June already counts 1 July in Zhengzhou, as the office does."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from zzip.i18n import _
from zzip.months import parse_date


def today_in(timezone: str, now: dt.datetime | None = None) -> dt.date:
    try:
        zone = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(_("unknown time zone %(timezone)s in plan.yaml; use an IANA name such as Asia/Shanghai", timezone=repr(timezone))) from None
    moment = now or dt.datetime.now(dt.timezone.utc)
    return moment.astimezone(zone).date()


def parse_as_of(text: str) -> dt.date:
    """--as-of takes a calendar date: the check is made at the end of that day (years 1900 to
    2999: dates are counted forward from it)."""
    return parse_date(text.strip())
