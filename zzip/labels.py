"""The words shown for the codes zzip's data carries: an item's status, an overdue grade, an
indicator's progress, a unit's role, a severity, a kind of item. The codes stay as they are in
JSON, SARIF and the files; people read these words (docs/glossary.md fixes the Chinese terms).
Each table is built when asked, in the language of the run."""

from __future__ import annotations

from zzip.i18n import pgettext


def _word(table: dict, code) -> str:
    return table.get(code, str(code))  # a code no table knows is shown as it is, never dropped


def item_status(code: str | None) -> str:
    """done -> 已完成; None (no report has mentioned the item) -> 未报告."""
    return _word({"done": pgettext("item", "done"), "in-progress": pgettext("item", "in progress"),
                  "blocked": pgettext("item", "blocked"), "not-started": pgettext("item", "not started"),
                  None: pgettext("item", "never reported")}, code)


def overdue_grade(code: str) -> str:
    return _word({"overdue": pgettext("grade", "overdue"), "severely overdue": pgettext("grade", "severely overdue"),
                  "due soon": pgettext("grade", "due soon")}, code)


def indicator_status(code: str) -> str:
    return _word({"achieved": pgettext("indicator", "achieved"), "on track": pgettext("indicator", "on track"),
                  "at risk": pgettext("indicator", "at risk"), "behind": pgettext("indicator", "behind"),
                  "deteriorating": pgettext("indicator", "deteriorating"),
                  "no data": pgettext("indicator", "no data"), "missed": pgettext("indicator", "missed")}, code)


def role(code: str) -> str:
    return _word({"lead": pgettext("role", "lead"), "cooperating": pgettext("role", "co-operating"),
                  "co-operating": pgettext("role", "co-operating"),
                  "responsible": pgettext("role", "responsible")}, code)


def severity(code) -> str:
    return _word({"error": pgettext("severity", "error"), "warning": pgettext("severity", "warning"),
                  "info": pgettext("severity", "info")}, str(code))


def kind(code: str) -> str:
    return _word({"milestone": pgettext("kind", "step"), "annual": pgettext("kind", "yearly item"),
                  "task": pgettext("kind", "task"), "indicator": pgettext("kind", "indicator")}, code)


def item_kind(code: str) -> str:
    """A kind of plan item as messages name it (unit, task, milestone, indicator, yearly item):
    the loader's labels and a change's item_kind, in words."""
    return _word({"unit": pgettext("item kind", "unit"), "task": pgettext("item kind", "task"),
                  "milestone": pgettext("item kind", "milestone"), "indicator": pgettext("item kind", "indicator"),
                  "yearly item": pgettext("item kind", "yearly item")}, code)


def period_words(period, lang: str | None = None) -> str:
    """A reporting period named in a sentence: 2025年第2季度, 2024年上半年, 2023年度 in Chinese; the
    period code (2025-Q2, 2024-H1, 2023) in English, as the files and CI logs write it. Tables,
    file names and machine formats keep the code. `lang`: a language other than the run's (a
    notice written in the unit's language)."""
    from zzip.i18n import language
    from zzip.months import HalfYear, Quarter, Year

    if getattr(period, "span", None) is not None:  # a bulletin's period of the plan's cadence
        period = period.span
    elif hasattr(period, "span") and hasattr(period, "year"):  # a bulletin's calendar year
        period = Year(period.year)
    if (lang or language()) == "en" or not isinstance(period, (Quarter, HalfYear, Year)):
        return str(period)
    if isinstance(period, Quarter):
        return f"{period.year}年第{period.number}季度"
    if isinstance(period, HalfYear):
        return f"{period.year}年{'上' if period.number == 1 else '下'}半年"
    return f"{period.year}年度"
