"""The gettext catalogs: the compiled .mo matches its .po, every message is translated (none fuzzy),
placeholders agree, and every message in the sources is in the catalog."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import pytest

babel = pytest.importorskip("babel", reason="Babel is in the test extra: pip install '.[test]'")
from babel.messages.extract import extract_from_dir  # noqa: E402
from babel.messages.pofile import read_po  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
LOCALE = REPO / "zzip" / "locale"
CATALOGS = sorted(LOCALE.glob("*/LC_MESSAGES/zzip.po"))
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
KEYWORDS = {"t": None, "plural": (1, 2), "ctx": ((1, "c"), 2), "_": None, "N_": None, "gettext": None,
            "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}


def _po(path: Path):
    with path.open("rb") as handle:
        return read_po(handle)


def test_there_is_a_chinese_catalog() -> None:
    assert LOCALE / "zh_CN" / "LC_MESSAGES" / "zzip.po" in CATALOGS


@pytest.mark.parametrize("po_path", CATALOGS, ids=lambda p: p.parent.parent.name)
def test_every_entry_translated_not_fuzzy_same_placeholders(po_path: Path) -> None:
    catalog = _po(po_path)
    problems = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy:
            problems.append(f"fuzzy: {ids[0]!r}")
        if not all(strings):
            problems.append(f"untranslated: {ids[0]!r}")
        wanted = set(PLACEHOLDER.findall(ids[0]))
        for string in strings:
            if string and set(PLACEHOLDER.findall(string)) != wanted:
                problems.append(f"placeholders differ: {ids[0]!r} -> {string!r}")
            if "<" in string or ">" in string:  # the templates trust translations as markup
                problems.append(f"markup in a translation: {string!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("po_path", CATALOGS, ids=lambda p: p.parent.parent.name)
def test_compiled_catalog_matches_the_po(po_path: Path) -> None:
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path} is missing: pybabel compile -d zzip/locale -D zzip"
    with mo_path.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
    expected = {}
    for message in _po(po_path):
        if not message.id or message.fuzzy:
            continue
        key = message.id if message.context is None else f"{message.context}\x04{message.id}"
        if isinstance(message.id, tuple):
            for n, string in enumerate(message.string):
                expected[(message.id[0] if message.context is None else f"{message.context}\x04{message.id[0]}", n)] = string
        else:
            expected[key] = message.string
    got = {k: v for k, v in compiled.items() if k != ""}
    assert got == expected, "the .mo is out of date with the .po: pybabel compile -d zzip/locale -D zzip"


def test_every_message_in_the_sources_is_in_the_catalogs() -> None:
    method_map = [("zzip/**.py", "python"), ("zzip/**/templates/**.j2", "jinja2")]
    options = {"zzip/**/templates/**.j2": {"extensions": "jinja2.ext.i18n", "trim_blocks": "True",
                                           "lstrip_blocks": "True"}}
    found = set()
    for _file, _line, message, _comments, context in extract_from_dir(str(REPO), method_map, options, KEYWORDS):
        found.add((context, message if isinstance(message, str) else message[0]))
    assert len(found) > 100
    for po_path in CATALOGS:
        known = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in _po(po_path) if m.id}
        missing = sorted(found - known, key=str)
        assert not missing, (f"{po_path}: not in the catalog (pybabel extract, then update; docs/bulletin.md): "
                             f"{missing[:5]}")


def test_a_date_in_prose() -> None:
    import datetime as dt

    from zzip.i18n import Text

    assert Text("zh").date(dt.date(2025, 7, 31)) == "2025年7月31日"
    assert Text("en").date(dt.date(2025, 7, 31)) == "31 July 2025"
    assert Text("zh")("Supervision list") == "督办清单"
    assert Text("fr")("Supervision list") == "Supervision list"  # no catalog: the English id
