"""Translations of the interface text, from gettext catalogs (domain "zzip").

Catalogs live in zzip/locale/<lang>/LC_MESSAGES/zzip.mo, compiled from the .po beside them with
Babel (docs/bulletin.md, "Translating"). Message ids are English sentences with named placeholders
(`%(unit)s`); a message with no translation falls back to its English id. Only the bulletin, the
overdue workbook and the reminders use catalogs so far; the rest of the interface is English.
"""

from __future__ import annotations

import datetime as dt
import gettext
from functools import lru_cache
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "zzip"
# --lang values -> catalog names
LANGUAGES = {"zh": "zh_CN", "en": "en"}

@lru_cache(maxsize=None)
def translations(lang: str) -> gettext.NullTranslations:
    """The catalog for a --lang value ("zh", "en"); English (the message ids) when there is none."""
    code = LANGUAGES.get(lang, lang)
    if code == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, localedir=str(LOCALE_DIR), languages=[code], fallback=True)


class Text:
    """gettext, ngettext and pgettext of one language, with named placeholders filled in."""

    def __init__(self, lang: str):
        self.lang = lang
        self.catalog = translations(lang)

    def __call__(self, message: str, **values) -> str:
        text = self.catalog.gettext(message)
        return text % values if values else text

    def plural(self, singular: str, plural: str, count: int, **values) -> str:
        values.setdefault("num", count)
        return self.catalog.ngettext(singular, plural, count) % values

    def ctx(self, context: str, message: str) -> str:
        return self.catalog.pgettext(context, message)

    def date(self, day: dt.date) -> str:
        """A date in prose: 2025年7月31日, 31 July 2025."""
        c = self.catalog
        months = (c.pgettext("month", "January"), c.pgettext("month", "February"), c.pgettext("month", "March"),
                  c.pgettext("month", "April"), c.pgettext("month", "May"), c.pgettext("month", "June"),
                  c.pgettext("month", "July"), c.pgettext("month", "August"), c.pgettext("month", "September"),
                  c.pgettext("month", "October"), c.pgettext("month", "November"), c.pgettext("month", "December"))
        # TRANSLATORS: a date in prose; %(month)s is the translated month name ("July", "7月")
        return c.gettext("%(day)s %(month)s %(year)s") % {"day": day.day, "month": months[day.month - 1],
                                                           "year": day.year}


def N_(message: str) -> str:
    """Marks a message for extraction where it is translated later (a table of labels)."""
    return message
