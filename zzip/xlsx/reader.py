"""Read a status workbook (.xlsx) into the same positioned data a YAML status file gives.

The result is a `WorkbookDocument`: plain dicts and lists shaped like the YAML status file
(`zzip schema status`), whose positions are (row, column) of the cells, and whose `locate()`
names the sheet. The schema, the model and every rule then treat it as they treat YAML.

Reading is in two steps, both bounded:

1. the file itself, with the standard library: its first bytes (an old .xls/.et, an encrypted
   workbook, a text file), the zip directory (sizes are checked before anything is inflated:
   a zip bomb is refused at once), and the sheets' XML scanned, at the bytes level, for what a
   value-only reader cannot see (hidden rows, formulas that were never calculated) and for how
   far its cells reach (a cell at row 200,000 would make the values reader fill in 4 GB);
2. the values, with python-calamine (Rust; about 20x faster than openpyxl on a status workbook,
   docs/status-format.md#the-libraries), which also gives merged ranges.

A failure of the file as a whole is a `ParseFailure` (F001, nothing in the file is read); a bad
cell is a `SchemaProblem` (S201) at its cell, and only its row is left out.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import math
import posixpath
import re
import struct
import unicodedata
import zipfile
import zlib
from operator import itemgetter
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree

from zzip.findings import Location, column_letters
from zzip.i18n import N_, _
from zzip.schema import SchemaProblem
from zzip.xlsx import layout as L
from zzip.yamlfile import MAX_FILE_BYTES, ParseFailure, YamlDocument, YamlList, YamlMap

MAX_UNZIPPED_BYTES = 50 * 1024 * 1024  # a status workbook inflates to well under 1 MB
MAX_RATIO = 200  # inflated / compressed, per member: XML compresses about 10x, a bomb 1000x
MAX_MEMBERS = 500

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
       "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
       "rel": "http://schemas.openxmlformats.org/package/2006/relationships"}
_RELATIONSHIP = f"{{{_NS['rel']}}}Relationship"
_SHEETS, _SHEET, _SHEET_ID = f"{{{_NS['m']}}}sheets", f"{{{_NS['m']}}}sheet", f"{{{_NS['r']}}}id"
_ROW = re.compile(rb"<(?:\w+:)?row\b([^>]*)>")
_ROW_NUMBER = re.compile(rb'\br="(\d+)"')
_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')
_CELL = re.compile(rb'<(?:\w+:)?c\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)', re.S)
_CELL_REF = re.compile(rb'\br="([A-Z]+)(\d+)"')
_VALUE = re.compile(rb"<(?:\w+:)?v>\s*[^<\s]")
# A cell whose reference is not a near one (first attribute, column A to ZZ, row 1 to 1999): a cell
# far down or right, or without its reference (placed after the one before it). The sheet may be
# too large, and _Reader._too_large finds exactly where its cells are. (Starts with fixed text: a
# fast search; a near cell fails at its closing quote. Rows without cells do not count: the values
# reader leaves them out.)
_FAR_CELL = re.compile(rb'<c(?! r="[A-Z]{1,2}(?:[1-9]\d{0,2}|1\d{3})")[\s>/]')
_TAG = re.compile(rb"<(?:\w+:)?(row|c)\b([^>]*)>")
_REF = re.compile(rb'\br="([A-Z]*)(\d*)"')
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")  # a cell formula; not <formula1> of a data validation
# Every match of _FORMULA holds one of these; each starts with a fixed text, which the regex engine
# looks for with a fast search, where _FORMULA tries every "<" of the sheet (4x slower on a sheet).
_FORMULA_HINTS = (re.compile(rb"<f[\s>/]"), re.compile(rb":f[\s>/]"))

_SUFFIX_ADVICE = {
    ".xls": N_("an old binary Excel 97-2003 workbook (.xls)"),
    ".et": N_("a WPS Spreadsheets workbook (.et)"),
    ".ett": N_("a WPS Spreadsheets template (.ett)"),
    ".xlsm": N_("a macro-enabled workbook (.xlsm)"),
    ".ods": N_("an OpenDocument spreadsheet (.ods)"),
    ".numbers": N_("an Apple Numbers file"),
}
REFUSED_SUFFIXES = (*_SUFFIX_ADVICE, ".csv")
# Translated where it is said (save_as()): the menu path in the words of the reader's Excel or WPS
SAVE_AS = N_("open it in Excel or WPS and save it as 'Excel 工作簿 (*.xlsx)' (文件 → 另存为; in English Excel: "
             "File → Save As → Excel Workbook), then remove the old file")


def save_as() -> str:
    """How to turn another spreadsheet into an .xlsx workbook, in the language of the run."""
    return _(SAVE_AS)


def refused_format(path: Path, display: str) -> ParseFailure:
    """A spreadsheet in a format zzip does not read, named by its suffix."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return ParseFailure(Location(display), _("is a CSV text file; zzip reads status reports as .xlsx workbooks "
                                                 "or YAML files, not CSV exports: fill in the workbook made by "
                                                 "'zzip template --format xlsx' and send it as .xlsx"))
    # TRANSLATORS: %(what)s names the format ("an old binary Excel 97-2003 workbook (.xls)"); %(advice)s is
    # the sentence "open it in Excel or WPS and save it as ..."
    return ParseFailure(Location(display), _("is %(what)s; zzip reads .xlsx workbooks: %(advice)s",
                                             what=_(_SUFFIX_ADVICE[suffix]), advice=save_as()))


class WorkbookDocument(YamlDocument):
    """A status workbook as the data of a status file, with a way back from a data path to a cell."""

    def __init__(self, path: str, data, cells: "Cells", problems: list[SchemaProblem]):
        super().__init__(path, data, (1, 1))
        self.cells = cells  # data path -> (row, column), for every field the workbook has a cell for
        self.problems = problems  # bad cells and sheets, found while reading

    @staticmethod
    def sheet_for(keys) -> str:
        return L.SHEET_OF.get(keys[0], L.SHEET_INFO) if keys and isinstance(keys[0], str) else L.SHEET_INFO

    def position(self, keys, *, at_key: bool = False) -> tuple[int, int]:
        keys = tuple(keys)
        for end in range(len(keys), 0, -1):  # the cell of the path, else of its nearest parent
            cell = self.cells.get(keys[:end])
            if cell is not None:
                return cell
        return (1, 1)

    def locate(self, keys, *, at_key: bool = False) -> Location:
        row, column = self.position(keys, at_key=at_key)
        return Location(self.path, row, column, self.sheet_for(tuple(keys)))

    def field_name(self, path: tuple) -> str | None:
        """How a person finds a data path in the workbook: '任务进展 row 12, 进展状态 (status)'."""
        if not path:
            return None
        part = path[0] if path[0] in ("entries", "indicators") else "submission"
        key = path[-1] if isinstance(path[-1], str) else None
        if part == "submission":
            return _("%(name)s (%(id)s)", name=L.label_of(part, key), id=key) if key in dict(L.INFO_ROWS) else None
        row = self.position(path[:2])[0]
        if key in dict(L.ENTRY_COLUMNS if part == "entries" else L.VALUE_COLUMNS):
            # TRANSLATORS: a cell of the status workbook: "任务进展 row 12, 进展状态 (status)"
            return _("%(sheet)s row %(row)s, %(column)s (%(key)s)", sheet=L.SHEET_OF[part], row=row,
                     column=L.label_of(part, key), key=key)
        return _("%(sheet)s row %(row)s", sheet=L.SHEET_OF[part], row=row)


def load_workbook(path: Path, display: str) -> WorkbookDocument | list[ParseFailure]:
    """Read one workbook. Never raises for bad input: failures come back as values, all of them."""
    try:
        raw = _read_bytes(path)
    except _Refused as exc:
        return [ParseFailure(Location(display), exc.message)]
    reader = _Reader(display, raw)
    try:
        reader.check_container()
        if reader.failures:
            return reader.failures
        reader.scan_sheets()
        if reader.failures:
            return reader.failures
        reader.read_values()
    except _Refused as exc:
        reader.failures.append(ParseFailure(exc.location or Location(display), exc.message))
    if reader.failures:
        return reader.failures
    return reader.document()


class _Refused(Exception):
    def __init__(self, message: str, location: Location | None = None):
        super().__init__(message)
        self.message, self.location = message, location


def _read_bytes(path: Path) -> bytes:
    from zzip.filebytes import Unreadable, read_bytes

    try:
        return read_bytes(path, MAX_FILE_BYTES,
                          _("workbook is %(size)s bytes; zzip reads status workbooks up to %(mb)s MB: check that "
                            "it is the right file, and remove pictures or pasted documents from it",
                            size="{size:,}", mb=MAX_FILE_BYTES // 1048576))  # read_bytes fills in {size:,}
    except Unreadable as exc:
        raise _Refused(str(exc)) from None


class _Reader:
    def __init__(self, display: str, raw: bytes):
        self.display, self.raw = display, raw
        self.failures: list[ParseFailure] = []
        self.problems: list[SchemaProblem] = []
        self.zip: zipfile.ZipFile | None = None
        self.sheet_parts: dict[str, str] = {}  # sheet name -> part name in the zip
        self.hidden_rows: dict[str, set[int]] = {}
        self.formulas: dict[str, dict[tuple[int, int], bool]] = {}  # sheet -> (row, col) -> has a saved result
        self.percent_cells: dict[str, set[tuple[int, int]]] = {}  # sheet -> (row, col) shown as a percentage
        self._percent_styles: frozenset[int] | None = None
        self.data = YamlMap()
        self.data.positions = []
        self.cells = Cells()

    def fail(self, message: str, sheet: str | None = None, row: int | None = None, column: int | None = None) -> None:
        self.failures.append(ParseFailure(Location(self.display, row, column, sheet), message))

    # -- the file --------------------------------------------------------------------------

    def check_container(self) -> None:
        raw = self.raw
        if not raw:
            raise _Refused(_("file is empty (0 bytes): it is not a workbook; save the workbook again from Excel or "
                             "WPS"))
        if raw.startswith(_OLE):
            if _ENCRYPTED in raw:
                raise _Refused(_("workbook is password-protected (encrypted); zzip cannot open it: in Excel remove the "
                                 "password (File → Info → Protect Workbook → Encrypt with Password, clear it; in WPS: "
                                 "File → Document Encryption) and save it again"))
            raise _Refused(_("is an old binary workbook (Excel 97-2003 .xls or WPS .et) with an .xlsx name; "
                             "%(advice)s", advice=save_as()))
        if not raw.startswith(b"PK"):
            head = raw[:2048]
            if b"\x00" not in head and (b"," in head or b"\t" in head or b"\n" in head):
                raise _Refused(_("is a text file (a CSV export?), not an .xlsx workbook; fill in the workbook made "
                                 "by 'zzip template --format xlsx' and send it as .xlsx"))
            raise _Refused(_("is not an .xlsx workbook (an .xlsx file is a zip archive); check that it is the right "
                             "file, or save it again as .xlsx"))
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(raw))
            members = self.zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
            # (the zip module's own words, "File is not a zip file", tell the unit nothing more)
            raise _Refused(_("workbook is damaged or incomplete (cut off while copying or sending?); ask the unit "
                             "to send it again")) from None
        if len(members) > MAX_MEMBERS:
            raise _Refused(_("workbook holds %(count)s parts; a status workbook has a few dozen: zzip does not read "
                             "it (is it the right file?)", count=f"{len(members):,}"))
        total = 0
        seen: dict[str, str] = {}
        for member in members:
            if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                # (bzip2 or LZMA: no spreadsheet program writes them, the values reader cannot read them,
                # and the zip module inflates such a stream whole before checking its size)
                raise _Refused(_("workbook part '%(part)s' is packed in a way spreadsheet programs do not use; open "
                                 "the workbook in Excel or WPS, save it again as .xlsx and send it again",
                                 part=member.filename))
            # two parts whose names differ only in case or in ./ segments: which one a reader takes
            # differs between readers (zzip could check one while the values reader reads the other)
            folded = member.filename.casefold()
            if "./" in folded or "\\" in folded or folded.startswith("/") or "//" in folded:
                folded = posixpath.normpath(folded.replace("\\", "/")).lstrip("/")
            if seen.setdefault(folded, member.filename) != member.filename:
                raise _Refused(_("workbook holds two parts named alike ('%(first)s' and '%(second)s'); it was not "
                                 "saved by a spreadsheet program: open it in Excel or WPS, save it again as .xlsx and "
                                 "send it again", first=seen[folded], second=member.filename))
            total += member.file_size
            if member.file_size > 1_000_000 and member.file_size > MAX_RATIO * max(member.compress_size, 1):
                raise _Refused(_("workbook part '%(part)s' would inflate %(packed)s bytes to %(size)s (a zip bomb?); "
                                 "zzip does not read it", part=member.filename, packed=f"{member.compress_size:,}",
                                 size=f"{member.file_size:,}"))
            if member.flag_bits & 0x1:
                raise _Refused(_("workbook is password-protected (encrypted zip); zzip cannot open it: remove the "
                                 "password and save it again"))
        if total > MAX_UNZIPPED_BYTES:
            raise _Refused(_("workbook inflates to %(size)s bytes; zzip reads status workbooks up to %(mb)s MB "
                             "unpacked: is it the right file?", size=f"{total:,}", mb=MAX_UNZIPPED_BYTES // 1048576))
        names = {m.filename for m in members}
        self._folded_names = {name.casefold(): name for name in names}
        for name in names:
            if name.casefold().endswith("sharedstrings.xml"):
                self._check_shared_strings(name)
        if "xl/workbook.xml" not in names:
            if "word/document.xml" in names:
                raise _Refused(_("is a Word document, not an Excel workbook; send the status workbook as .xlsx"))
            if "ppt/presentation.xml" in names:
                raise _Refused(_("is a PowerPoint file, not an Excel workbook; send the status workbook as .xlsx"))
            raise _Refused(_("is a zip archive, not an Excel workbook; send the status workbook as .xlsx"))

    def _check_shared_strings(self, name: str) -> None:
        """The values reader reserves room for as many strings as the part says it holds, before it
        reads one (found by review: uniqueCount="4000000000" made it ask for 96 GB and abort the run)."""
        head = self._part(name)[:4096]
        for match in _STRING_COUNT.finditer(head):
            if int(match.group(2)) > MAX_SHARED_STRINGS:
                raise _Refused(_("workbook says it holds %(count)s texts; a status workbook holds a few hundred: zzip "
                                 "does not read it (is it the right file?)", count=f"{int(match.group(2)):,}"))

    def _part(self, name: str) -> bytes:
        if name not in self.zip.NameToInfo:  # part names are compared without case (OPC), as Excel does
            name = getattr(self, "_folded_names", {}).get(name.casefold(), name)
        try:
            return _inflate(self.raw, self.zip.getinfo(name), self.zip)
        except KeyError:
            raise _Refused(_("workbook is damaged or not an Excel workbook: its part '%(part)s' is missing; ask the "
                             "unit to send it again", part=name)) from None
        except Exception:  # a bad CRC, a broken deflate stream (zlib.error), a cut-off member ...
            # (which of these it was tells the unit nothing: the part's name is what can be checked)
            raise _Refused(_("workbook is damaged: cannot read its part '%(part)s'; ask the unit to send it again",
                             part=name)) from None

    def scan_sheets(self) -> None:
        """Sheet names and parts from the workbook's own index; then, per data sheet, hidden rows,
        formulas and the row count, from the XML text (a cheap scan: no tree is built)."""
        try:
            book = ElementTree.fromstring(self._part("xl/workbook.xml"))
            rels = ElementTree.fromstring(self._part("xl/_rels/workbook.xml.rels"))
        except ElementTree.ParseError as exc:
            # TRANSLATORS: %(error)s is the XML parser's own words (English), e.g. "not well-formed: line 1, column 5"
            raise _Refused(_("workbook is damaged: its index is not valid XML (%(error)s); ask the unit to send it "
                             "again", error=exc)) from None
        # (the children walked by tag, as findall("rel:Relationship") and iterfind("m:sheets/m:sheet")
        # would walk them, without ElementPath's parsing of the path for each workbook)
        targets = {r.get("Id"): r.get("Target", "") for r in rels if r.tag == _RELATIONSHIP}
        names = []
        for sheet in (s for group in book if group.tag == _SHEETS for s in group if s.tag == _SHEET):
            name = sheet.get("name", "")
            names.append(name)
            self.sheet_parts[name] = _part_name(targets.get(sheet.get(_SHEET_ID), ""))
        self.sheet_names = names
        missing = [s for s in L.DATA_SHEETS if s not in names]
        if missing and not any(s in names for s in L.DATA_SHEETS):
            raise _Refused(_("workbook has none of the status workbook's sheets (%(expected)s; it has: %(found)s): "
                             "it is empty or not a status report. Start from the workbook made by "
                             "'zzip template --format xlsx'", expected="、".join(L.DATA_SHEETS),
                             found="、".join(names) or "—"))
        for sheet in missing:
            close = [n for n in names if n not in L.KNOWN_SHEETS]
            if close:
                self.fail(_("sheet '%(sheet)s' is missing (renamed? the workbook has %(others)s); keep the template's "
                            "sheets and their names", sheet=sheet, others="、".join(close)), sheet)
            else:
                self.fail(_("sheet '%(sheet)s' is missing; keep the template's sheets and their names", sheet=sheet),
                          sheet)
        for sheet in L.DATA_SHEETS:
            if sheet in self.sheet_parts:
                self._scan(sheet, self._part(self.sheet_parts[sheet]))

    def _too_large(self, sheet: str, xml: bytes) -> bool:
        """Whether the sheet spans more rows or columns than a status workbook can: the values
        reader (calamine) fills in every cell of the rectangle up to the farthest one, so a single
        cell typed at row 200,000 would cost it 4 GB. Refused before the values are read."""
        rows = xml.count(b"<row")
        columns = 0
        if rows <= L.MAX_ROWS and (_FAR_CELL.search(xml) or b":c " in xml):
            # a cell far down or right, or one without its reference first (placed after the one
            # before it), or cells with a namespace prefix (<x:c>, in <x:row>s the count above
            # misses): where the cells land, exactly (a pass over the cells, in Python; rare)
            far_rows, columns = _extent(xml)
            rows = max(rows, far_rows)
        return self._beyond_a_status_workbook(sheet, rows, columns)

    def _beyond_a_status_workbook(self, sheet: str, rows: int, columns: int) -> bool:
        """Refuse (and say True for) a sheet reaching past the rows or columns a status workbook has."""
        if rows > L.MAX_ROWS:
            self.fail(_("sheet has %(rows)s rows; a status workbook has at most %(most)s: is it the right file? "
                        "Delete the rows below the data", rows=f"{rows:,}", most=f"{L.MAX_ROWS:,}"), sheet)
            return True
        if columns > L.MAX_COLUMNS:
            self.fail(_("sheet has cells as far right as column %(column)s; a status workbook has a dozen columns: is "
                        "it the right file? Delete the columns right of the data", column=column_letters(columns)),
                      sheet)
            return True
        return False

    def _scan(self, sheet: str, xml: bytes) -> None:
        if not _canonical(xml):  # the byte scans below read only the form spreadsheet programs write
            self._scan_exactly(sheet, xml)
            return
        if self._too_large(sheet, xml):
            return
        hidden = set()
        if b"hidden=" in xml:
            for match in _ROW.finditer(xml):
                attributes = match.group(1)
                number = _ROW_NUMBER.search(attributes)
                if number and _HIDDEN.search(attributes):
                    hidden.add(int(number.group(1)))
        self.hidden_rows[sheet] = hidden
        formulas = {}
        if any(hint.search(xml) for hint in _FORMULA_HINTS) and _FORMULA.search(xml):
            for match in _CELL.finditer(xml):
                body = match.group(2) or b""
                if _FORMULA.search(body):
                    ref = _CELL_REF.search(match.group(1))
                    if ref:
                        position = (int(ref.group(2)), _column_number(ref.group(1).decode()))
                        formulas[position] = bool(_VALUE.search(body))
        self.formulas[sheet] = formulas
        styles = self._percent_style_ids()
        if styles and b' s="' in xml:
            shown = set()
            for match in _CELL.finditer(xml):
                style = _STYLE.search(match.group(1))
                if style and int(style.group(1)) in styles:
                    ref = _CELL_REF.search(match.group(1))
                    if ref:
                        shown.add((int(ref.group(2)), _column_number(ref.group(1).decode())))
            self.percent_cells[sheet] = shown

    def _scan_exactly(self, sheet: str, xml: bytes) -> None:
        """What `_scan` finds, from an XML parser: for a sheet written in a form the byte scans do
        not read (attributes in single quotes or spaced, prefixed elements, lower-case or missing
        references), which the values reader reads all the same (found by review: a far cell so
        written made it allocate 512 GB and abort the whole run)."""
        try:
            found = _exact_sheet(xml, self._percent_style_ids())
        except (ElementTree.ParseError, ValueError):
            self.fail(_("sheet is damaged: its XML cannot be read, or a row or cell reference is not one "
                        "(like A1); open the workbook in Excel or WPS, save it again as .xlsx and send it again"),
                      sheet)
            return
        rows, columns, hidden, formulas, percents = found
        if self._beyond_a_status_workbook(sheet, rows, columns):
            return
        self.hidden_rows[sheet], self.formulas[sheet], self.percent_cells[sheet] = hidden, formulas, percents

    def _percent_style_ids(self) -> frozenset[int]:
        """The cell styles (cellXfs indices) whose number format shows a number as a percentage:
        Excel stores 40% typed in such a cell as 0.4, which a status report means as 40. The
        template has none; a unit that formats a cell so makes one (found once per workbook)."""
        if self._percent_styles is None:
            self._percent_styles = frozenset()
            try:
                xml = self._part("xl/styles.xml")  # found as every part is, whatever the case of its name
            except _Refused:  # no styles (or damaged ones): the values are read as stored
                xml = b""
            if b"%" in xml or b'numFmtId="9"' in xml or b'numFmtId="10"' in xml:
                try:
                    self._percent_styles = _percent_styles(ElementTree.fromstring(xml))
                except ElementTree.ParseError:
                    pass  # no number formats known: the values are read as stored
        return self._percent_styles

    # -- the values ------------------------------------------------------------------------

    def read_values(self) -> None:
        from python_calamine import CalamineWorkbook

        try:
            book = CalamineWorkbook.from_filelike(io.BytesIO(self.raw))
        except BaseException as exc:  # calamine's own errors, Python's, and a Rust panic (a BaseException)
            _reraise_interrupts(exc)
            # TRANSLATORS: %(error)s is the spreadsheet library's own words (English): a case zzip does not know
            raise _Refused(_("workbook cannot be read (%(error)s); open it in Excel or WPS, save it again as .xlsx "
                             "and send it again", error=f"{type(exc).__name__}: {exc}")) from None
        for name in self.sheet_names:
            if name in L.KNOWN_SHEETS:
                continue
            if name in self.sheet_parts and self._too_large(name, self._part(self.sheet_parts[name])):
                continue
            rows = self._rows(self._sheet(book, name))
            if any(any(v != "" for v in row) for row in rows):
                self.problems.append(SchemaProblem(
                    Location(self.display), _("sheet '%(sheet)s' is not part of the status workbook and zzip does not "
                                              "read it: move what it says into the 说明 (note) cells, or delete the "
                                              "sheet", sheet=name), None))
        tables = {}
        for sheet in L.DATA_SHEETS:
            handle = self._sheet(book, sheet)
            rows = self._rows(handle)
            for (first_row, first_col), (last_row, last_col) in self._merged(handle):
                cells = f"{column_letters(first_col + 1)}{first_row + 1}:{column_letters(last_col + 1)}{last_row + 1}"
                # (the menu path is the Chinese Excel's and WPS's, as the offices use them, in both languages)
                self.fail(_("cells %(cells)s are merged; unmerge them (开始 → 合并后居中 → 取消单元格合并) and give "
                            "each row its own value", cells=cells), sheet, first_row + 1, first_col + 1)
            tables[sheet] = rows
        if self.failures:
            return
        self._info(tables[L.SHEET_INFO])
        self._table("entries", L.SHEET_ENTRIES, tables[L.SHEET_ENTRIES], L.ENTRY_COLUMNS, L.ENTRY_READ)
        self._table("indicators", L.SHEET_VALUES, tables[L.SHEET_VALUES], L.VALUE_COLUMNS, L.VALUE_READ)

    @staticmethod
    def _sheet(book, name: str):
        try:
            return book.get_sheet_by_name(name)  # parses the sheet: once per sheet
        except BaseException as exc:
            _reraise_interrupts(exc)
            raise _Refused(_("sheet '%(sheet)s' cannot be read (%(error)s); open the workbook in Excel or WPS, save "
                             "it again as .xlsx and send it again", sheet=name,
                             error=f"{type(exc).__name__}: {exc}")) from None

    @staticmethod
    def _rows(sheet) -> list[list]:
        try:
            return sheet.to_python(skip_empty_area=False)
        except BaseException as exc:
            _reraise_interrupts(exc)
            raise _Refused(_("sheet '%(sheet)s' cannot be read (%(error)s); open the workbook in Excel or WPS, save "
                             "it again as .xlsx and send it again", sheet=sheet.name,
                             error=f"{type(exc).__name__}: {exc}")) from None

    @staticmethod
    def _merged(sheet) -> list:
        try:
            return sheet.merged_cell_ranges or []
        except Exception:  # pragma: no cover - older calamine without merged ranges
            return []

    def _info(self, rows: list[list]) -> None:
        labels = {label: key for key, label in L.INFO_ROWS}
        seen: dict[str, int] = {}
        for index, row in enumerate(rows):
            label = _label(row[0]) if row else ""
            if label in labels and labels[label] in seen:  # two rows for one field: which one counts?
                self.fail(_("the row '%(label)s' appears twice in column A (rows %(first)s and %(second)s); keep one",
                            label=label, first=seen[labels[label]], second=index + 1), L.SHEET_INFO)
            elif label in labels:
                seen[labels[label]] = index + 1
        for key in L.INFO_READ:
            if key not in seen and key not in ("contact", "note"):
                self.fail(_("the row '%(label)s' (%(key)s) is missing from column A; keep the template's rows and "
                            "their labels", label=L.label_of("submission", key), key=key), L.SHEET_INFO)
        if self.failures:
            return
        positions = self.data.positions
        for key in L.INFO_READ:
            if key not in seen:
                continue
            row = seen[key]
            self.cells.fixed[(key,)] = (row, 2)
            value = rows[row - 1][1] if len(rows[row - 1]) > 1 else ""
            converted = self._convert(value, key, (key,), L.SHEET_INFO, row, 2)
            if converted is not _EMPTY:
                self.data[key] = converted
                positions.extend((row, 1, row, 2))

    def _table(self, part: str, sheet: str, rows: list[list], columns: tuple, read: tuple[str, ...]) -> None:
        labels = {label: key for key, label in columns}
        header = rows[0] if rows else []
        where: dict[str, int] = {}
        unknown: list[tuple[int, str]] = []
        for index, cell in enumerate(header):
            label = _label(cell)
            if label in labels and labels[label] in where:  # two columns for one field: which one counts?
                self.fail(_("column '%(label)s' appears twice in the header row (columns %(first)s and %(second)s); "
                            "keep one", label=label, first=column_letters(where[labels[label]] + 1),
                            second=column_letters(index + 1)), sheet, 1)
            elif label in labels:
                where[labels[label]] = index
            elif label:
                unknown.append((index, label))
        for key in read:
            if key not in where:
                self.fail(_("column '%(label)s' (%(key)s) is missing from the header row (row 1); keep the "
                            "template's columns and their headers", label=L.label_of(part, key), key=key), sheet, 1)
        if self.failures:
            return
        for index, label in unknown:
            if any(len(r) > index and r[index] != "" for r in rows[1:]):
                self.problems.append(SchemaProblem(
                    Location(self.display, 1, index + 1, sheet),
                    _("column '%(column)s' is not part of the status workbook and zzip does not read it: put what "
                      "it says in the 说明 (note) column", column=label), None))
        items = YamlList()
        items.positions = item_spots = []
        hidden = self.hidden_rows.get(sheet) or ()
        formulas = self.formulas.get(sheet) or {}
        percents = self.percent_cells.get(sheet)
        fields = tuple((key, where[key] + 1, _KIND.get(key)) for key in read)
        width = max(where[key] for key in read) + 1
        take = itemgetter(*(where[key] for key in read))  # the row's cells in `read` order, as a tuple
        count = len(read)
        if part == "indicators":
            value_at, source_at, note_at = (read.index(k) for k in ("value", "source", "note"))
        item_rows: list[int] = []
        self.cells.tables[part] = (item_rows, {key: column for key, column, _kind in fields})
        for number, row in enumerate(rows, start=1):
            if number == 1:
                continue  # the header
            if len(row) < width:
                row = [*row, *[""] * (width - len(row))]
            values = take(row)
            if values.count("") + values.count(None) == count:
                continue  # an empty row
            if part == "indicators" and values[value_at] == "" and not values[source_at] and not values[note_at]:
                continue  # a value not given: the template's row left blank, as a YAML line left commented out
            index = len(items)
            path = (part, index)
            item_rows.append(number)
            if number in hidden:
                self.problems.append(SchemaProblem(
                    Location(self.display, number, 1, sheet),
                    _("row %(row)s is hidden, so whoever checked the workbook could not see it; unhide it (select "
                      "the rows around it → 右键 → 取消隐藏) and check it: the row is not counted until then",
                      row=number), path))
            item = YamlMap()
            item.positions = spots = []
            for (key, column, kind), value in zip(fields, values):
                # the common cells inline (text in a text column, a number in a number column, a date in a
                # date column), as _convert converts them; anything else, and every cell of a sheet with
                # formulas, by _convert
                cls = value.__class__
                if formulas:
                    if cls is str and not value and (number, column) not in formulas:
                        continue
                    converted = self._convert(value, key, (part, index, key), sheet, number, column)
                elif cls is str:
                    if kind is _TEXT:
                        converted = value.strip()
                        if not converted:
                            continue  # an empty cell (the common case), or blanks
                    elif not value:
                        continue
                    elif kind is _ROLE:
                        converted = value.strip()
                        converted = L.ROLE_KEYS.get(converted, converted) if converted else _EMPTY
                    else:
                        converted = self._convert(value, key, (part, index, key), sheet, number, column)
                elif cls is float and kind is _NUMBER and math.isfinite(value):
                    converted = int(value) if value.is_integer() and abs(value) < 2 ** 53 else value
                elif cls is dt.date and kind is _DATE:
                    converted = value.isoformat()
                else:
                    converted = self._convert(value, key, (part, index, key), sheet, number, column)
                if converted is not _EMPTY:
                    if percents and kind is _NUMBER and (number, column) in percents and \
                            converted.__class__ in (int, float):
                        converted = _as_displayed(converted)  # 40% typed in Excel is stored as 0.4
                    item[key] = converted
                    spots += (number, column, number, column)
            items.append(item)
            item_spots += (number, 1)
        if items:
            self.data[part] = items
            self.data.positions.extend((1, 1, 2, 1))

    def _convert(self, value, key: str, path: tuple, sheet: str, row: int, column: int):
        """A cell's value as the status format holds it, or _EMPTY; a wrong type is a problem at the cell."""
        formula = self.formulas.get(sheet)
        if formula and formula.get((row, column)) is False:
            self._bad(path, sheet, row, column, _(
                "%(cell)s holds a formula that was never calculated, so it has no value: the workbook was saved by a "
                "program that does not calculate; open it in Excel or WPS and save it again, or type the value "
                "instead of the formula", cell=self._cell_name(path)))
            return _EMPTY
        kind = value.__class__
        if kind is str:  # the common cases first: text in a text column, a number in a number column
            text = value.strip()
            if not text:
                return _EMPTY
            if key in _PLAIN_TEXT:
                return text
        elif kind is float and key in L.NUMBER_FIELDS and math.isfinite(value):
            return int(value) if value.is_integer() and abs(value) < 2 ** 53 else value
        if value is None or (isinstance(value, str) and not value.strip()):
            return _EMPTY
        if isinstance(value, dt.datetime):
            value = value.date() if value.time() == dt.time() or key in L.DATE_FIELDS else value
        if key in L.DATE_FIELDS:
            return self._date(value, path, sheet, row, column)
        if key in L.NUMBER_FIELDS:
            return self._number(value, key, path, sheet, row, column)
        if isinstance(value, bool):
            return "TRUE" if value else "FALSE"
        if isinstance(value, float):
            return str(int(value)) if value.is_integer() else repr(value)
        if isinstance(value, (dt.date, dt.datetime, dt.time, dt.timedelta)):
            return value.isoformat() if hasattr(value, "isoformat") else str(value)
        text = str(value).strip()
        if key == "status":
            return text
        if key == "role":
            return L.ROLE_KEYS.get(text, text)
        if key == "evidence":
            return self._evidence(text, path, sheet, row, column)
        return text

    def _bad(self, path: tuple, sheet: str, row: int, column: int, message: str) -> None:
        self.problems.append(SchemaProblem(Location(self.display, row, column, sheet), message, path))

    @staticmethod
    def _cell_name(path: tuple) -> str:
        """The column a cell is in, as a message names it: 完成比例(%)（percent）."""
        part = path[0] if path[0] in ("entries", "indicators") else "submission"
        return _("%(name)s (%(id)s)", name=L.label_of(part, path[-1]), id=path[-1])

    def _date(self, value, path, sheet, row, column):
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, dt.time) or isinstance(value, dt.timedelta):
            self._bad(path, sheet, row, column, _("%(cell)s is a time of day (%(value)s), not a date: type the date, "
                                                  "e.g. 2025-06-30", cell=self._cell_name(path), value=value))
            return _EMPTY
        if isinstance(value, bool):
            self._bad(path, sheet, row, column, _("%(cell)s is %(value)s, not a date: type the date, e.g. 2025-06-30",
                                                  cell=self._cell_name(path), value=str(value).upper()))
            return _EMPTY
        if isinstance(value, (int, float)):
            guess = _serial_date(value)
            values = {"cell": self._cell_name(path), "value": f"{value:g}"}
            if guess:
                message = _("%(cell)s is the number %(value)s, not a date (as a date it would be %(guess)s): format the "
                            "cell as a date (设置单元格格式 → 日期) and check that the date is right",
                            guess=guess.isoformat(), **values)
            else:
                message = _("%(cell)s is the number %(value)s, not a date: format the cell as a date (设置单元格格式 → "
                            "日期) and check that the date is right", **values)
            self._bad(path, sheet, row, column, message)
            return _EMPTY
        text = str(value).strip()
        guess = _text_date(text)
        if text.isdigit() and _serial_date(int(text)):
            hint = _("it looks like a date serial number stored as text (%(date)s?)",
                     date=_serial_date(int(text)).isoformat())
        elif guess:
            hint = _("did you mean %(date)s?", date=guess.isoformat())
        else:
            hint = _("no date can be read from it")
        # TRANSLATORS: %(hint)s is one of the sentences above: what the text looks like
        self._bad(path, sheet, row, column, _("%(cell)s is the text '%(text)s', not a date (%(hint)s): delete it and "
                                              "type the date into the cell, e.g. 2025-06-30, so that the cell holds a "
                                              "date", cell=self._cell_name(path), text=_short(text), hint=hint))
        return _EMPTY

    def _number(self, value, key, path, sheet, row, column):
        if isinstance(value, bool) or isinstance(value, (dt.date, dt.datetime, dt.time, dt.timedelta)):
            self._bad(path, sheet, row, column, _("%(cell)s is %(value)s, not a number: type the number",
                                                  cell=self._cell_name(path),
                                                  value=value if not isinstance(value, bool) else str(value).upper()))
            return _EMPTY
        if isinstance(value, (int, float)):
            if not math.isfinite(value):  # a cell edited to NaN or INF: no number (as YAML's .nan is not)
                self._bad(path, sheet, row, column, _("%(cell)s is %(value)s, not a number: type the number",
                                                      cell=self._cell_name(path), value=value))
                return _EMPTY
            return int(value) if float(value).is_integer() and abs(value) < 2 ** 53 else float(value)
        text = str(value).strip()
        folded = unicodedata.normalize("NFKC", text)
        if folded != text and _plain_number(folded):
            hint = _("it is written with full-width characters: type %(number)s", number=folded)
        elif _plain_number(text):
            hint = _("the cell is formatted as text: format it as a number (设置单元格格式 → 数值) and type the number "
                     "again")
        elif _plain_number(folded.replace(",", "")):
            hint = _("type it without thousands separators: %(number)s", number=folded.replace(",", ""))
        elif folded.endswith(("万", "亿")) and _plain_number(folded[:-1].replace(",", "")):
            hint = _("type the number alone, in the indicator's unit of measure (计量单位), without 万 or 亿")
        elif folded.endswith("%") and _plain_number(folded[:-1]):
            hint = _("type the number without the %% sign: %(number)s", number=folded[:-1])
        else:
            hint = _("type a number")
        # TRANSLATORS: %(hint)s is one of the sentences above: how to type the number
        self._bad(path, sheet, row, column, _("%(cell)s is the text '%(text)s', not a number (%(hint)s)",
                                              cell=self._cell_name(path), text=_short(text), hint=hint))
        return _EMPTY

    def _evidence(self, text: str, path, sheet, row, column):
        items = []
        for line in text.splitlines():
            line = line.strip()
            if not line:
                continue
            item = {}
            for part in (p.strip() for p in _EVIDENCE_PARTS.split(line)):
                if not part:
                    continue
                prefix, sep, rest = part.replace(":", ":", 1).partition(":")
                prefix = prefix.strip()
                key = L.EVIDENCE_KEYS.get(prefix) or ("title" if prefix == "标题" else None)
                lower = part[:8].lower()
                if sep and key and not lower.startswith(("http:", "https:")):
                    item[key] = rest.strip()
                elif lower.startswith(("http://", "https://")):
                    item["link"] = part
                else:
                    title = _TITLE.search(part)
                    if title and "title" not in item:
                        item["title"] = title.group(1)
                        part = part[:title.start()].strip()
                    if part:
                        item["document"] = part
            items.append({k: v for k, v in item.items() if v})
        result = YamlList(YamlMap(i) for i in items)
        result.positions = [row, column] * len(result)
        for entry in result:
            entry.positions = [row, column, row, column] * len(entry)
        for index in range(len(result)):
            self.cells.fixed[path + (index,)] = (row, column)
        return result

    def document(self) -> WorkbookDocument:
        return WorkbookDocument(self.display, self.data, self.cells, self.problems)


_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature, name length, extra length (zipfile.sizeFileHeader: 30)


def _inflate(raw: bytes, info: zipfile.ZipInfo, archive: zipfile.ZipFile) -> bytes:
    """A member's bytes, checked as ZipFile.read checks them (its local header and name, its CRC,
    no more bytes than the directory says), inflated in one call. ZipFile.read gives the same bytes through a file object, a
    shared-file wrapper and a decompressor object, about 35 µs of Python a part: more than the
    inflating itself, and a workbook has five parts to read. Raises on any damage; a member that
    is not plainly stored or deflated is left to ZipFile.read."""
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) or info.flag_bits & 0x61:
        return archive.read(info)  # (encrypted, patched or strongly encrypted: zipfile says how it fails)
    start = info.header_offset
    signature, name_length, extra_length = _LOCAL_HEADER.unpack_from(raw, start)
    if signature != b"PK\x03\x04":
        raise zipfile.BadZipFile("bad local header")
    start += _LOCAL_HEADER.size
    name = raw[start:start + name_length].decode("utf-8" if info.flag_bits & 0x800 else "cp437")
    if name != info.orig_filename:  # the local header names another file than the directory does
        raise zipfile.BadZipFile("local header names another member")
    start += name_length + extra_length
    packed = raw[start:start + info.compress_size]
    if not info.file_size:
        data = b""  # (a limit of 0 would mean no limit to zlib)
    elif info.compress_type == zipfile.ZIP_STORED:
        data = packed[:info.file_size]
    else:  # at most the size the directory says, as ZipFile.read: never a bomb
        data = zlib.decompressobj(-15).decompress(packed, info.file_size)
    if zlib.crc32(data) != info.CRC:  # what ZipFile.read checks: cut off, garbled or longer than said
        raise zipfile.BadZipFile("bad CRC")
    return data


class Cells:
    """Data path -> (row, column): the cell of every field a workbook has a cell for, read as a
    mapping (`path in cells`, `cells.get(path)`, `cells[path]`, iteration). An item's cells are
    worked out when asked for, from its row and the columns of its sheet: a dict of every cell,
    filled while reading, cost a twentieth of the reading, and few are ever asked for."""

    __slots__ = ("fixed", "tables")

    def __init__(self):
        self.fixed: dict[tuple, tuple[int, int]] = {}  # the 报送信息 fields and the pieces of evidence
        self.tables: dict[str, tuple[list[int], dict[str, int]]] = {}  # part -> (item rows, key -> column)

    def get(self, path, default=None):
        cell = self.fixed.get(path)
        if cell is not None:
            return cell
        if 2 <= len(path) <= 3 and path[0] in self.tables:
            rows, columns = self.tables[path[0]]
            index = path[1]
            if isinstance(index, int) and 0 <= index < len(rows):  # (as a dict: True is 1)
                if len(path) == 2:
                    return (rows[index], 1)
                column = columns.get(path[2]) if isinstance(path[2], str) else None
                if column is not None:
                    return (rows[index], column)
        return default

    def __contains__(self, path) -> bool:
        return self.get(path) is not None

    def __getitem__(self, path) -> tuple[int, int]:
        cell = self.get(path)
        if cell is None:
            raise KeyError(path)
        return cell

    def __iter__(self):
        yield from self.fixed
        for part, (rows, columns) in self.tables.items():
            for index in range(len(rows)):
                yield (part, index)
                yield from ((part, index, key) for key in columns)

    def __len__(self) -> int:
        return len(self.fixed) + sum(len(rows) * (1 + len(columns)) for rows, columns in self.tables.values())


def _reraise_interrupts(exc: BaseException) -> None:
    if isinstance(exc, (KeyboardInterrupt, SystemExit, MemoryError)):
        raise exc


class _Empty:
    pass


_PLAIN_TEXT = frozenset({"id", "status", "note", "blocker", "contact", "source", "plan", "unit", "period",
                         "plan_version"})
_TEXT, _NUMBER, _DATE, _ROLE = "text", "number", "date", "role"
_KIND = {**{key: _TEXT for key in _PLAIN_TEXT}, **{key: _NUMBER for key in L.NUMBER_FIELDS},
         **{key: _DATE for key in L.DATE_FIELDS}, "role": _ROLE}  # what _table converts inline, as _convert would


_EMPTY = _Empty()


_TITLE = re.compile(r"《([^《》]+)》$")  # a title at the end of a piece of evidence
# 佐证材料: a line splits only where a labelled part begins, so that " | " inside a title or a link stays
_EVIDENCE_PARTS = re.compile(r" \| (?=(?:%s)[:：])" % "|".join(re.escape(label) for label in (*L.EVIDENCE_KEYS, "标题")))


_STYLE = re.compile(rb'\bs="(\d+)"')
_QUOTED_OR_ESCAPED = re.compile(r'"[^"]*"|\\.')


def _percent_styles(styles) -> frozenset[int]:
    """cellXfs indices whose number format has a % that scales (not one in quotes or escaped)."""
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    percent_formats = {9, 10}  # Excel's built-in 0% and 0.00%
    for group in styles.iter(f"{ns}numFmts"):
        for fmt in group.iter(f"{ns}numFmt"):
            code = _QUOTED_OR_ESCAPED.sub("", fmt.get("formatCode", ""))
            if "%" in code and fmt.get("numFmtId", "").isdigit():
                percent_formats.add(int(fmt.get("numFmtId")))
    found = set()
    for group in styles.iter(f"{ns}cellXfs"):
        for index, xf in enumerate(x for x in group if x.tag == f"{ns}xf"):
            number = xf.get("numFmtId", "0")
            if number.isdigit() and int(number) in percent_formats:
                found.add(index)
    return frozenset(found)


def _as_displayed(value):
    """The number a percentage-formatted cell shows: 0.4 shown as 40% is 40."""
    shown = round(value * 100, 9)
    return int(shown) if float(shown).is_integer() and abs(shown) < 2 ** 53 else shown


def _label(cell) -> str:
    return "".join(str(cell).split()) if cell not in (None, "") else ""  # (str.split: the whitespace of \s)


MAX_SHARED_STRINGS = 1_000_000
_STRING_COUNT = re.compile(rb'\b(count|uniqueCount)\s*=\s*["\']\s*(\d{1,30})')
_ROW_TAG = re.compile(rb"<row[\s>/]")
_CELL_TAG = re.compile(rb"<c[\s>/]")
_PREFIXED_ROW_OR_CELL = re.compile(rb"<[\w.-]+:(?:row|c)[\s>/]")
# (each starts with fixed text, which the regex engine finds by a fast search)
_ODD_CELL_REF = re.compile(rb'<c r="(?![A-Z]{1,3}\d+")')
_ODD_ROW_REF = re.compile(rb'<row r="(?!\d+")')


def _canonical(xml: bytes) -> bool:
    """Whether a sheet is in the form Excel, WPS, LibreOffice and openpyxl write, the one the byte
    scans read: every row and cell with its reference first (r="12", r="C12", upper case), in
    double quotes, no spaces around '=', no attribute in single quotes, no prefixed row or cell.
    (Counted in C: a few microseconds; anything else goes to the XML parser.)"""
    if b"='" in xml or b" =" in xml or b"= " in xml or _ODD_CELL_REF.search(xml) or _ODD_ROW_REF.search(xml):
        return False
    if (b":row" in xml or b":c" in xml) and _PREFIXED_ROW_OR_CELL.search(xml):
        return False
    return len(_ROW_TAG.findall(xml)) == xml.count(b'<row r="') and len(_CELL_TAG.findall(xml)) == xml.count(b'<c r="')


_XML_REF = re.compile(r"\s*([A-Za-z]{1,3})(\d+)\s*\Z")


def _exact_sheet(xml: bytes, percent_styles: frozenset[int]):
    """(rows, columns, hidden rows, formulas, percentage cells) of a sheet in any form XML allows,
    placing cells as the values reader does: by their reference (any case), else after the one
    before; an empty cell is left out of the extent. ValueError for a reference that is not one."""
    root = ElementTree.fromstring(xml)
    rows = columns = row = 0
    hidden: set[int] = set()
    formulas: dict[tuple[int, int], bool] = {}
    percents: set[tuple[int, int]] = set()
    for element in root.iter():
        if element.tag.rsplit("}", 1)[-1] != "row":
            continue
        number = (element.get("r") or "").strip()
        if number and not number.isdigit():
            raise ValueError(number)
        row, column = (int(number) if number else row + 1), 0
        if (element.get("hidden") or "").strip().lower() in ("1", "true"):
            hidden.add(row)
        for cell in element:
            if cell.tag.rsplit("}", 1)[-1] != "c":
                continue
            ref = cell.get("r")
            if ref is not None:
                match = _XML_REF.match(ref)
                if match is None:
                    raise ValueError(ref)
                column, cell_row = _column_number(match.group(1).upper()), int(match.group(2))
            else:
                column, cell_row = column + 1, row
            children = {child.tag.rsplit("}", 1)[-1]: child for child in cell}
            if children or (cell.text or "").strip():
                rows, columns = max(rows, cell_row), max(columns, column)
            if "f" in children:
                value = children.get("v")
                formulas[(cell_row, column)] = value is not None and bool((value.text or "").strip())
            style = (cell.get("s") or "").strip()
            if percent_styles and style.isdigit() and int(style) in percent_styles:
                percents.add((cell_row, column))
    return rows, columns, hidden, formulas, percents


def _extent(xml: bytes) -> tuple[int, int]:
    """The rows and columns a sheet spans as the values reader places its cells: where a cell's
    reference says, else just after the one before it (in its row's place, or after the row
    before); an empty cell (<c .../>) is left out, as the values reader leaves it out."""
    row = column = rows = columns = 0
    for match in _TAG.finditer(xml):
        attributes = match.group(2)
        ref = _REF.search(attributes)
        if match.group(1) == b"row":
            row, column = (int(ref.group(2)) if ref and ref.group(2) else row + 1), 0
            continue
        if ref and ref.group(1):
            column = _column_number(ref.group(1).decode())
            cell_row = int(ref.group(2)) if ref.group(2) else row
        else:
            column, cell_row = column + 1, row
        if not attributes.endswith(b"/"):
            rows, columns = max(rows, cell_row), max(columns, column)
    return rows, columns


@functools.lru_cache(maxsize=64)
def _part_name(target: str) -> str:
    """The zip part a relationship's target names (relative to xl/, or absolute); the same few
    targets recur in every workbook."""
    return target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)


def _column_number(letters: str) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - 64
    return number


_NUMBER_TEXT = re.compile(r"^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")


def _plain_number(text: str) -> bool:
    return bool(_NUMBER_TEXT.match(text))


def _serial_date(number) -> dt.date | None:
    """An Excel date serial (1900 system) between 1990 and 2100, as a date."""
    if 32874 <= number <= 73050:
        return dt.date(1899, 12, 30) + dt.timedelta(days=int(number))
    return None


_DATE_TEXT = re.compile(r"^\s*(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?\s*$")


def _text_date(text: str) -> dt.date | None:
    match = _DATE_TEXT.match(unicodedata.normalize("NFKC", text))
    if not match:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:40] + "…"
