"""The bulletin as one self-contained HTML page, from the Jinja2 templates in templates/.

Autoescaping is on for every template, and every value printed passes `printable` first (the
environment's finalize): nothing from the plan or the reports reaches the page as markup, and
control or bidi characters show as escapes. The only markup not written by the templates is
the charts' SVG, which matplotlib writes from numbers and dates alone (charts.py). Text comes
from the gettext catalogs (zzip/i18n.py) through jinja2.ext.i18n.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from zzip import __version__
from zzip.bulletin.model import QUARTER, Bulletin
from zzip.months import HalfYear, Year
from zzip.findings import printable
from zzip.i18n import Text
from zzip.progress import fmt_short

TEMPLATES = Path(__file__).resolve().parent / "templates"


def labels(t: Text) -> dict:
    """The words for the codes the model carries (statuses, grades, kinds)."""
    return {
        "indicator": {
            "achieved": t.ctx("indicator", "achieved"), "on track": t.ctx("indicator", "on track"),
            "at risk": t.ctx("indicator", "at risk"), "behind": t.ctx("indicator", "behind"),
            "deteriorating": t.ctx("indicator", "deteriorating"), "no data": t.ctx("indicator", "no data"),
        },
        "item": {
            "done": t.ctx("item", "done"), "in-progress": t.ctx("item", "in progress"),
            "blocked": t.ctx("item", "blocked"), "not-started": t.ctx("item", "not started"),
            None: t.ctx("item", "never reported"),
        },
        "kind": {"milestone": t.ctx("kind", "step"), "annual": t.ctx("kind", "yearly item"),
                 "task": t.ctx("kind", "task")},
    }


def _finalize(value):
    from markupsafe import Markup

    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return printable(value)
    return "" if value is None else value


@lru_cache(maxsize=None)
def environment(lang: str):
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    from zzip.i18n import translations

    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(enabled_extensions=("html", "html.j2", "svg"), default=True),
        extensions=["jinja2.ext.i18n"], finalize=_finalize, undefined=StrictUndefined,
        trim_blocks=True, lstrip_blocks=True,
    )
    env.install_gettext_translations(translations(lang), newstyle=True)
    t = Text(lang)
    env.filters["num"] = lambda v: "—" if v is None else fmt_short(float(v))
    env.filters["pct"] = lambda v: "—" if v is None else f"{v:.0f}%"
    env.filters["prose_date"] = lambda d: "" if d is None else t.date(d)
    env.filters["iso"] = lambda d: "" if d is None else d.isoformat()
    return env


def period_name(bulletin: Bulletin, t: Text) -> str:
    period = bulletin.period
    if period.kind == QUARTER and isinstance(period.span, HalfYear):
        if period.quarter == 1:
            return t("First half of %(year)s", year=period.year)
        return t("Second half of %(year)s", year=period.year)
    if period.kind == QUARTER and not isinstance(period.span, Year):
        return t("Quarter %(quarter)s of %(year)s", quarter=period.quarter, year=period.year)
    return t("The year %(year)s", year=period.year)


def render(bulletin: Bulletin, lang: str = "zh", charts: dict | None = None) -> str:
    """The page. `charts`: indicator id -> SVG markup (charts.py); without it, no charts."""
    env = environment(lang)
    t = Text(lang)
    previous = bulletin.changes.previous
    context = {
        "b": bulletin, "lang": "zh-CN" if lang == "zh" else "en", "labels": labels(t),
        "period_name": period_name(bulletin, t),
        "previous_name": None if previous is None else period_name(
            type(bulletin)(**{**bulletin.__dict__, "period": previous}), t),
        "charts": charts or {}, "version": __version__,
        "headline_indicators": [r for r in bulletin.indicators if r.headline],
        "task_indicators": [r for r in bulletin.indicators if not r.headline],
        "worrying": [r for r in bulletin.indicators if r.status in ("behind", "deteriorating", "at risk")],
    }
    return env.get_template("bulletin.html.j2").render(context)
