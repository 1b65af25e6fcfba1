"""zzip/mofile.py reads a .mo catalog on demand: every answer must be gettext's own."""

from __future__ import annotations

import gettext
import io
import struct
from pathlib import Path

import pytest

from zzip.i18n import LOCALE_DIR
from zzip.mofile import MoCatalog, read_catalog

SHIPPED = LOCALE_DIR / "zh_CN" / "LC_MESSAGES" / "zzip.mo"
COUNTS = (0, 1, 2, 5, 21)


def both(data: bytes):
    return MoCatalog(data), gettext.GNUTranslations(io.BytesIO(data))


def test_every_entry_of_the_shipped_catalog_reads_as_gettext_reads_it() -> None:
    ours, theirs = both(SHIPPED.read_bytes())
    keys = list(theirs._catalog)  # type: ignore[attr-defined]
    assert len(keys) > 1000
    for key in keys:
        if isinstance(key, tuple):  # a plural entry: (singular, form)
            singular = key[0]
            context, _sep, message = singular.rpartition("\x04")
            for count in COUNTS:
                if context:
                    assert ours.npgettext(context, message, "PLURAL", count) == \
                        theirs.npgettext(context, message, "PLURAL", count)
                else:
                    assert ours.ngettext(singular, "PLURAL", count) == theirs.ngettext(singular, "PLURAL", count)
            assert ours.gettext(singular) == theirs.gettext(singular)  # gettext's fallback to the form for 1
        elif "\x04" in key:
            context, _sep, message = key.partition("\x04")
            assert ours.pgettext(context, message) == theirs.pgettext(context, message)
        else:
            assert ours.gettext(key) == theirs.gettext(key) == ours.gettext(key)  # remembered as found


@pytest.mark.parametrize("message", ["not in the catalog", "", "zzip: error: %(error)s x", "\x04", "é"])
def test_a_message_not_in_the_catalog_is_itself(message: str) -> None:
    ours, theirs = both(SHIPPED.read_bytes())
    assert ours.gettext(message) == theirs.gettext(message)
    assert ours.pgettext("nowhere", message) == theirs.pgettext("nowhere", message) == message
    for count in COUNTS:
        assert ours.ngettext(message, "many", count) == theirs.ngettext(message, "many", count)
        assert ours.npgettext("nowhere", message, "many", count) == theirs.npgettext("nowhere", message, "many", count)


def mo(entries: dict[str, str], big_endian: bool = False) -> bytes:
    """A .mo file of these entries (keys sorted as msgfmt writes them)."""
    order = ">" if big_endian else "<"
    keys = sorted(entries)
    ids = b"".join(k.encode() + b"\0" for k in keys)
    strs = b"".join(entries[k].encode() + b"\0" for k in keys)
    start = 28 + 16 * len(keys)
    offsets, position = [], start
    for k in keys:
        offsets += [len(k.encode()), position]
        position += len(k.encode()) + 1
    values, position = [], start + len(ids)
    for k in keys:
        values += [len(entries[k].encode()), position]
        position += len(entries[k].encode()) + 1
    head = struct.pack(order + "7I", 0x950412DE, 0, len(keys), 28, 28 + 8 * len(keys), 0, 0)
    return head + struct.pack(order + f"{2 * len(keys)}I", *offsets) + struct.pack(order + f"{2 * len(keys)}I", *values) \
        + ids + strs


RUSSIAN = {
    "": "Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : "
        "n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n",
    "%(num)s file\x00%(num)s files": "%(num)s файл\x00%(num)s файла\x00%(num)s файлов",
    "month\x04May": "мая",
    "day\x00days": "день\x00дня",
    "plain": "простой",
}


@pytest.mark.parametrize("big_endian", [False, True])
def test_a_catalog_with_three_plural_forms_and_either_byte_order(big_endian: bool) -> None:
    ours, theirs = both(mo(RUSSIAN, big_endian))
    for count in range(0, 30):
        assert ours.ngettext("%(num)s file", "%(num)s files", count) == \
            theirs.ngettext("%(num)s file", "%(num)s files", count)
        assert ours.ngettext("day", "days", count) == theirs.ngettext("day", "days", count)
    assert ours.pgettext("month", "May") == theirs.pgettext("month", "May") == "мая"
    assert ours.gettext("plain") == "простой" and ours.gettext("day") == theirs.gettext("day") == "день"


def test_without_plural_forms_gettext_rule_is_one_and_the_rest() -> None:
    ours, theirs = both(mo({"": "Content-Type: text/plain; charset=UTF-8\n", "a\x00b": "A1\x00A2"}))
    for count in range(0, 4):
        assert ours.ngettext("a", "b", count) == theirs.ngettext("a", "b", count)


def test_no_file_is_no_translation(tmp_path: Path) -> None:
    catalog = read_catalog(tmp_path / "missing.mo")
    assert catalog.gettext("x") == "x" and catalog.ngettext("a", "b", 2) == "b" and catalog.pgettext("c", "m") == "m"


def test_a_file_that_is_not_a_catalog_is_refused() -> None:
    with pytest.raises(OSError):
        MoCatalog(b"\0" * 40)


def test_english_has_no_catalog_and_any_text_is_itself() -> None:
    english = MoCatalog()
    assert english.gettext("市中级人民法院") == "市中级人民法院"
    assert english.ngettext("一", "多", 1) == "一" and english.pgettext("月", "五月") == "五月"
