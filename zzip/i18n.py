"""Translations of the interface text, from gettext catalogs (domain "zzip").

Catalogs live in zzip/locale/<lang>/LC_MESSAGES/zzip.mo, compiled from the .po beside them with
Babel (docs/translating.md). Message ids are English sentences with named placeholders
(`%(unit)s`); a message with no translation falls back to its English id.

The interface language is chosen once per run, before the command line is built (help texts are
translated when the command modules are imported): `--lang`, then ZZIP_LANG, then `lang` in the
configuration, then the locale (LC_ALL, LC_MESSAGES, LANG), else Chinese (docs/language.md).
Everything a person reads goes through `_`, `ngettext` or `pgettext` here; machine identifiers
(rule codes, ids, JSON keys, exit codes) never do.
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

    def __call__(self, message: str, /, **values) -> str:
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


# --- the interface language of this run -------------------------------------------------------

DEFAULT_LANGUAGE = "zh"  # zzip's users read Chinese; a locale-less CI runner shows Chinese annotations
_current = {"lang": "en"}  # until choose_language() runs (library use and tests: English)


def set_language(lang: str) -> None:
    """Make `lang` ("zh" or "en") the language of every message from now on."""
    _current["lang"] = lang if lang in LANGUAGES else "en"


def language() -> str:
    return _current["lang"]


def _(message: str, /, **values) -> str:
    """`message` in the interface language, its %(name)s placeholders filled from `values`."""
    text = translations(_current["lang"]).gettext(message)
    return text % values if values else text


def ngettext(singular: str, plural: str, count: int, /, **values) -> str:
    """The singular or plural form for `count` (%(num)s is `count` unless given)."""
    values.setdefault("num", count)
    return translations(_current["lang"]).ngettext(singular, plural, count) % values


def pgettext(context: str, message: str, /, **values) -> str:
    """`message` in the context `context` (a status, a column heading), placeholders filled."""
    text = translations(_current["lang"]).pgettext(context, message)
    return text % values if values else text


def prose_date(day: dt.date) -> str:
    """A date in running text: 2025年7月31日 / 31 July 2025. Machine formats keep ISO dates."""
    return Text(_current["lang"]).date(day)


def lang_from_locale(environ) -> str | None:
    """zh for a Chinese locale, en for any other real one, None for C/POSIX or none."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = (environ.get(name) or "").strip()
        if not value:
            continue
        code = value.split(".")[0].split("@")[0].lower()
        if code in ("c", "posix", ""):
            return None
        return "zh" if code.startswith("zh") else "en"
    return None


def lang_from_argv(argv: list[str]) -> str | None:
    """The value of --lang anywhere before a lone `--` (every command takes it)."""
    found = None
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(argv):
            found = argv[index + 1]
        elif arg.startswith("--lang="):
            found = arg.split("=", 1)[1]
    return found if found in LANGUAGES else None


def lang_from_env(environ) -> str | None:
    """ZZIP_LANG when it is zh or en (surrounding spaces and case aside); else None."""
    value = (environ.get("ZZIP_LANG") or "").strip().lower()
    return value if value in LANGUAGES else None


def env_lang_warning(environ) -> str | None:
    """The one-line warning for a ZZIP_LANG that is set but neither zh nor en (the launcher prints
    it; the run goes on in the language the rest of the order gives: a typo in a variable that
    every command of a CI job inherits should not stop the job, but must not pass unseen)."""
    value = (environ.get("ZZIP_LANG") or "").strip()
    if not value or lang_from_env(environ):
        return None
    return _("zzip: warning: ZZIP_LANG=%(value)s is neither zh nor en; it is ignored (docs/language.md)",
             value="".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in value[:40]))


def _config_lang():
    """(path, value) of `lang` in the zzip.toml (or [tool.zzip]) that applies in this folder, or None."""
    try:
        from zzip.config_file import find_config

        path = find_config()
        if path is None:
            return None
        import tomllib  # only when there is a configuration to read

        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
        if path.name == "pyproject.toml":
            data = data.get("tool", {}).get("zzip", {})
        if "lang" not in data:
            return None
        return path, data["lang"]
    except Exception:  # noqa: BLE001 - a broken configuration is reported by the command itself
        return None


def lang_from_config() -> str | None:
    """`lang` of the zzip.toml (or [tool.zzip]) that applies in this folder, when it is valid."""
    found = _config_lang()
    return found[1] if found and found[1] in LANGUAGES else None


def config_lang_warning() -> str | None:
    """The one-line warning for a configuration `lang` that is neither zh nor en, for the commands
    that do not read the rest of the configuration (those report it as an error of the file)."""
    found = _config_lang()
    if not found or found[1] in LANGUAGES:
        return None
    value = repr(found[1])[:40]
    return _("zzip: warning: lang = %(value)s in %(path)s is neither zh nor en; it is ignored (docs/language.md)",
             value="".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in value), path=str(found[0]))


def choose_language(argv: list[str], environ) -> str:
    """--lang, ZZIP_LANG, the configuration's `lang`, the locale, else Chinese."""
    # in turn, and no further than needed: --lang or ZZIP_LANG spares reading the configuration
    for source in (lambda: lang_from_argv(argv), lambda: lang_from_env(environ), lang_from_config,
                   lambda: lang_from_locale(environ)):
        candidate = source()
        if candidate in LANGUAGES:
            return candidate
    return DEFAULT_LANGUAGE


def message_date(day: dt.date) -> str:
    """A date inside a finding or reason: 2025年7月31日 in Chinese prose; ISO (2025-07-31) in English,
    the form the English messages have always carried and that CI logs and scripts match."""
    return day.isoformat() if _current["lang"] == "en" else prose_date(day)


def message_month(year: int, month: int) -> str:
    """A month inside a message: 2025年12月 in Chinese; 2025-12 in English (as the plan writes it)."""
    return f"{year:04d}-{month:02d}" if _current["lang"] == "en" else f"{year}年{month}月"
