"""A compiled gettext catalog (.mo), read on demand.

gettext.GNUTranslations decodes every one of the catalog's 1,400 entries when it opens it, 3.6 ms
of a `zzip check` whose whole start-up budget is 70 ms (benchmarks/README.md); a run looks up a
few hundred. This reads the file's two tables at once (in C), keeps each original as bytes, and
decodes a translation only when it is asked for. The answers are gettext's, entry for entry:
gettext, ngettext, pgettext and npgettext (the methods Jinja's i18n extension calls), the message
itself when the catalog has no translation, and the plural form the catalog's Plural-Forms picks
(tests/test_mofile.py compares every entry with gettext.GNUTranslations).
"""

from __future__ import annotations

from array import array

_MAGIC = 0x950412DE
_UINT32 = "I" if array("I").itemsize == 4 else "L"  # the .mo file's numbers: 32 bits
CONTEXT = "%s\x04%s"  # gettext's separator of a context and its message


class MoCatalog:
    """The translations of one .mo file; `MoCatalog()` has none (English: the messages as they are)."""

    def __init__(self, data: bytes = b""):
        self._data = data
        self._index: dict[bytes, int] = {}
        self._plurals: dict[bytes, int] | None = None  # made when first needed
        self._looked_up: dict[str, str | None] = {}
        self._translations: array | None = None
        self._encoding = "ascii"  # gettext's, until the header names the charset
        self._plural = _germanic
        if data:
            self._read_tables(data)

    def _read_tables(self, data: bytes) -> None:
        header = array(_UINT32, data[:20])
        if header[0] != _MAGIC:
            header.byteswap()
            if header[0] != _MAGIC:
                raise OSError(0, "Bad magic number")
        _magic, version, count, originals_at, translations_at = header
        if version >> 16 not in (0, 1):
            raise OSError(0, f"Bad version number {version >> 16}")
        originals = array(_UINT32, data[originals_at:originals_at + 8 * count])
        translations = array(_UINT32, data[translations_at:translations_at + 8 * count])
        if header.tobytes() != data[:20]:  # written with the other byte order
            originals.byteswap()
            translations.byteswap()
        if len(originals) != 2 * count or len(translations) != 2 * count:
            raise OSError(0, "File is corrupt")
        self._translations = translations
        # each original (length, offset) -> its entry; the bytes are compared, never decoded
        self._index = {data[start:start + length]: entry
                       for entry, (length, start) in enumerate(zip(originals[::2], originals[1::2]))}
        if b"" in self._index:
            self._read_header(self._translation(self._index[b""]))

    def _translation(self, entry: int) -> bytes:
        length, start = self._translations[2 * entry], self._translations[2 * entry + 1]
        if start + length > len(self._data):
            raise OSError(0, "File is corrupt")
        return self._data[start:start + length]

    def _read_header(self, raw: bytes) -> None:
        """The charset and the plural rule of the catalog's header entry (as GNUTranslations reads them)."""
        for line in raw.decode().split("\n"):
            key, colon, value = line.strip().partition(":")
            if not colon or line.strip().startswith("#-#-#-#-#"):
                continue
            key, value = key.strip().lower(), value.strip()
            if key == "content-type" and "charset=" in value:
                self._encoding = value.split("charset=")[1]
            elif key == "plural-forms":
                self._plural = _plural_rule(value.split(";")[1].split("plural=")[1])

    def _encoded(self, key: str) -> bytes | None:
        """`key` as the catalog's originals are written; None when it cannot be (so it is not one of them)."""
        try:
            return key.encode(self._encoding)
        except UnicodeEncodeError:
            return None

    def _lookup(self, key: str) -> str | None:
        """The translation of `key`; else, as gettext, the plural entry of that singular in the form for 1.
        Remembered: a run asks for the same few words (month names, labels) hundreds of times."""
        try:
            return self._looked_up[key]
        except KeyError:
            pass
        if not self._index:
            return None
        entry = self._index.get(self._encoded(key))
        found = self._translation(entry).decode(self._encoding) if entry is not None else self._plural_lookup(key, 1)
        self._looked_up[key] = found
        return found

    def _plural_lookup(self, singular: str, count: int) -> str | None:
        """The form for `count` of the plural entry of `singular` (gettext keys them by the singular only)."""
        if self._plurals is None:
            self._plurals = {original.split(b"\x00", 1)[0]: entry
                             for original, entry in self._index.items() if b"\x00" in original}
        entry = self._plurals.get(self._encoded(singular))
        if entry is None:
            return None
        forms = self._translation(entry).decode(self._encoding).split("\x00")
        index = self._plural(count)
        return forms[index] if 0 <= index < len(forms) else None

    def gettext(self, message: str) -> str:
        found = self._lookup(message)
        return message if found is None else found

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        found = self._plural_lookup(singular, count)
        if found is not None:
            return found
        return singular if count == 1 else plural

    def pgettext(self, context: str, message: str) -> str:
        found = self._lookup(CONTEXT % (context, message))
        return message if found is None else found

    def npgettext(self, context: str, singular: str, plural: str, count: int) -> str:
        found = self._plural_lookup(CONTEXT % (context, singular), count)
        if found is not None:
            return found
        return singular if count == 1 else plural


def _germanic(count: int) -> int:
    """gettext's rule for a catalog without Plural-Forms: one, and the rest."""
    return int(count != 1)


def _plural_rule(rule: str):
    rule = rule.strip()
    if rule == "0":  # Chinese: one form
        return lambda count: 0
    import gettext  # its compiler of the C expression, only for a language that has more forms

    return gettext.c2py(rule)


def read_catalog(path) -> MoCatalog:
    """The catalog in the .mo file at `path`; an empty one when there is no such file."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        return MoCatalog()
    return MoCatalog(data)


