"""Every wrong workbook of issue 10: its message, its place (sheet!cell where there is one), the
exit code, and the file left exactly as it was."""

from __future__ import annotations

import io
import json
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from test_xlsx import AS_OF, edit, invoke, row_of, to_workbook

FILE = "reports/2023-Q1/court.xlsx"


def run(workspace: Path, path: Path) -> tuple[int, list[dict]]:
    before = path.read_bytes() if path.exists() else None
    result = invoke("check", "reports", "--as-of", AS_OF, "-f", "json")
    assert "Traceback" not in result.output
    if before is not None:
        assert path.read_bytes() == before, "zzip modified its input"
    return result.exit_code, json.loads(result.stdout)["findings"]


def only(found: list[dict], code: str) -> list[dict]:
    return [f for f in found if f["code"] == code]


def where(finding: dict) -> str:
    if not finding.get("sheet"):
        return finding["path"]
    return f"{finding['path']}!{finding['sheet']}" + (f"!{finding['cell']}" if finding["cell"] else "")


# -- files that are not a readable .xlsx: F001, exit 2, nothing of them read -------------------------

def _zip_bomb(path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            block = b" " * (1 << 20)
            for _ in range(200):  # 200 MB of spaces, about 200 KB packed
                member.write(block)
    path.write_bytes(buffer.getvalue())


def _encrypted(path: Path) -> None:
    # An encrypted .xlsx is an OLE compound file holding an "EncryptedPackage" stream (MS-OFFCRYPTO);
    # this is its outline: the OLE signature and the stream's name, as the directory spells it.
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le")
                     + b"\x00" * 4000)


def _old_xls_renamed(path: Path) -> None:
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "Workbook".encode("utf-16-le") + b"\x00" * 4000)


def _corrupt_member(path: Path) -> None:
    """The zip directory intact, the packed bytes of a sheet garbled (a bad copy, a failing disk)."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet3.xml")  # 任务进展 (sheet1, 填报说明, is not read)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for offset in range(start + 10, start + info.compress_size - 10, 7):
        data[offset] ^= 0x5A
    path.write_bytes(bytes(data))


WHOLE_FILE = [
    ("corrupt-member", _corrupt_member, "workbook is damaged"),
    ("not-a-zip", lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4),
     "is not an .xlsx workbook (an .xlsx file is a zip archive)"),
    ("truncated", lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),
     "workbook is damaged or incomplete (cut off while copying or sending?)"),
    ("empty-file", lambda p: p.write_bytes(b""), "file is empty (0 bytes)"),
    ("zip-bomb", _zip_bomb, "(a zip bomb?); zzip does not read it"),
    ("encrypted", _encrypted, "workbook is password-protected (encrypted); zzip cannot open it"),
    ("xls-renamed-xlsx", _old_xls_renamed, "is an old binary workbook (Excel 97-2003 .xls or WPS .et) with an .xlsx name"),
    ("csv-renamed-xlsx", lambda p: p.write_bytes("编号,进展状态\nKT-1-2,进行中\n".encode("utf-8")),
     "is a text file (a CSV export?), not an .xlsx workbook"),
    ("word-document", lambda p: _word(p), "is a Word document, not an Excel workbook"),
]


def _word(path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<document/>")
    path.write_bytes(buffer.getvalue())


@pytest.mark.parametrize("make, message", [(m, t) for _n, m, t in WHOLE_FILE], ids=[n for n, _m, _t in WHOLE_FILE])
def test_a_file_that_is_not_a_readable_workbook_is_refused_whole(workspace: Path, make, message: str) -> None:
    path = to_workbook(workspace)
    make(path)
    started = time.perf_counter()
    code, found = run(workspace, path)
    assert time.perf_counter() - started < 5  # refused fast, the bomb not inflated
    assert code == 2
    f001 = only(found, "F001")
    assert len(f001) == 1 and f001[0]["path"] == FILE and message in f001[0]["message"], f001
    assert only(found, "C304")  # unread, the report counts as missing


@pytest.mark.parametrize("suffix, message", [
    (".xls", "is an old binary Excel 97-2003 workbook (.xls); zzip reads .xlsx workbooks: open it in Excel or WPS "
             "and save it as 'Excel 工作簿 (*.xlsx)'"),
    (".et", "is a WPS Spreadsheets workbook (.et); zzip reads .xlsx workbooks"),
    (".csv", "is a CSV text file; zzip reads status reports as .xlsx workbooks or YAML files, not CSV exports"),
    (".ods", "is an OpenDocument spreadsheet (.ods); zzip reads .xlsx workbooks"),
])
def test_other_spreadsheet_formats_are_named_and_refused(workspace: Path, suffix: str, message: str) -> None:
    path = to_workbook(workspace)
    other = path.with_suffix(suffix)
    path.rename(other)
    code, found = run(workspace, other)
    assert code == 2
    assert [(f["path"], f["message"]) for f in only(found, "F001")] == [(f"reports/2023-Q1/court{suffix}", message)] \
        or message in only(found, "F001")[0]["message"]


def test_a_workbook_with_a_hundred_thousand_rows_is_refused_fast_in_bounded_memory(workspace: Path) -> None:
    import tracemalloc

    path = to_workbook(workspace)
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = next(n for n, data in parts.items() if n.startswith("xl/worksheets/") and "KT-1-2".encode() in data
                 or (n.startswith("xl/worksheets/sheet") and b"<sheetData>" in data and n.endswith("3.xml")))
    rows = b"".join(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>KT-1-2</t></is></c></row>' % (i, i)
                    for i in range(2, 100_002))
    data = parts[sheet]
    start, end = data.index(b"<sheetData>") + len(b"<sheetData>"), data.index(b"</sheetData>")
    parts[sheet] = data[:start] + rows + data[end:]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    path.write_bytes(buffer.getvalue())

    from zzip.xlsx.reader import load_workbook

    tracemalloc.start()
    started = time.perf_counter()
    result = load_workbook(path, FILE)
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert elapsed < 3 and peak < 40 * 2**20, (elapsed, peak)
    assert isinstance(result, list) and "sheet has 100,00" in result[0].message
    code, found = run(workspace, path)
    assert code == 2 and "rows; a status workbook has at most 2,000" in only(found, "F001")[0]["message"]


def _rewrite_parts(path: Path, change) -> None:
    """The workbook written again with change(parts) applied to its parts (name -> bytes)."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    change(parts)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    path.write_bytes(buffer.getvalue())


def _sheet_part(parts: dict, sheet: str = "任务进展") -> str:
    """The zip part of a sheet, found as a spreadsheet program finds it (workbook.xml, then its rels)."""
    import re

    rid = re.search(rf'<sheet [^>]*name="{sheet}"[^>]*r:id="(\w+)"'.encode(), parts["xl/workbook.xml"]).group(1)
    target = re.search(rb'Id="' + rid + rb'"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="' + rid + rb'"',
                       parts["xl/_rels/workbook.xml.rels"])
    target = (target.group(1) or target.group(2)).decode()
    return target.lstrip("/") if target.startswith("/") else "xl/" + target


def _append_to_entries_sheet(xml: bytes):
    def change(parts: dict) -> None:
        name = _sheet_part(parts)
        assert b"</sheetData>" in parts[name]
        parts[name] = parts[name].replace(b"</sheetData>", xml + b"</sheetData>")
    return change


@pytest.mark.parametrize("cells, message", [
    (b'<row r="200000"><c r="B200000" t="inlineStr"><is><t>x</t></is></c></row>', "sheet has 200,000 rows;"),
    (b'<row r="90"><c r="XFD90" t="inlineStr"><is><t>x</t></is></c></row>', "cells as far right as column XFD;"),
    # cells without a reference land after the one before: here in row 3,000, one after the other
    (b'<row r="3000"><c t="inlineStr"><is><t>x</t></is></c></row>', "sheet has 3,000 rows;"),
    (b'<row r="91">' + b'<c t="n"><v>1</v></c>' * 800 + b"</row>", "cells as far right as column ADT;"),
    (b'<row r="92"><x:c xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" r="B250000">'
     b"<x:v>1</x:v></x:c></row>", "sheet has 250,000 rows;"),
], ids=["far-below", "far-right", "unreferenced-row", "unreferenced-cells", "prefixed-cell"])
def test_a_cell_far_below_or_right_of_the_data_is_refused_before_the_values_are_read(workspace: Path, cells: bytes,
                                                                                    message: str) -> None:
    # The values reader fills in the whole rectangle up to the farthest cell: one cell at row 200,000
    # cost it 4 GB and 5 s before this was refused.
    path = to_workbook(workspace)
    _rewrite_parts(path, _append_to_entries_sheet(cells))
    from zzip.xlsx.reader import load_workbook

    started = time.perf_counter()
    result = load_workbook(path, FILE)
    assert time.perf_counter() - started < 1
    assert isinstance(result, list) and [(f.location.sheet, message in f.message) for f in result] == [("任务进展", True)]
    code, found = run(workspace, path)
    assert code == 2 and message in only(found, "F001")[0]["message"]


def test_an_extra_sheet_reaching_far_is_refused_before_it_is_read(workspace: Path) -> None:
    path = to_workbook(workspace)
    edit(path, lambda book: book.create_sheet("备注").__setitem__("A1", "见说明"))

    def change(parts: dict) -> None:
        name = _sheet_part(parts, "备注")
        parts[name] = parts[name].replace(b"</sheetData>", b'<row r="300000"><c r="A300000" t="inlineStr"><is><t>x'
                                                           b"</t></is></c></row></sheetData>")

    _rewrite_parts(path, change)
    started = time.perf_counter()
    code, found = run(workspace, path)
    assert time.perf_counter() - started < 5
    assert code == 2
    assert [(where(f), f["message"][:25]) for f in only(found, "F001")] == [(f"{FILE}!备注", "sheet has 300,000 rows; a")]


def test_an_empty_formatted_cell_far_below_is_not_a_problem(workspace: Path) -> None:
    path = to_workbook(workspace)
    before = run(workspace, path)
    _rewrite_parts(path, _append_to_entries_sheet(b'<row r="90000"><c r="K90000" s="1"/></row>'))
    assert run(workspace, path) == before  # the values reader leaves an empty cell out: nothing to refuse


def _patch_member(path: Path, name: str, change) -> None:
    """Bytes of the zip changed in place: change(data, local header offset, central header offset)."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(name)
    central = next(i for i in range(len(data) - 46, 0, -1)
                   if data[i:i + 4] == b"PK\x01\x02" and data[i + 46:i + 46 + len(name)] == name.encode())
    change(data, info.header_offset, central)
    path.write_bytes(bytes(data))


def _entries_part(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return _sheet_part({n: archive.read(n) for n in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels")})


@pytest.mark.parametrize("damage", ["local-name", "longer-than-said", "bomb-said-empty"])
def test_a_part_that_is_not_what_the_zip_directory_says_is_damage(workspace: Path, damage: str) -> None:
    path = to_workbook(workspace)
    name = _entries_part(path)

    def change(data: bytearray, local: int, central: int) -> None:
        if damage == "local-name":  # the local header names another file than the directory
            data[local + 30 + name.index("sheet")] ^= 0x20
        else:  # the directory's size of the inflated part: the bound of the inflating
            size = int.from_bytes(data[central + 24:central + 28], "little")
            size = size - 100 if damage == "longer-than-said" else 0
            data[central + 24:central + 28] = size.to_bytes(4, "little")

    _patch_member(path, name, change)
    code, found = run(workspace, path)
    assert code == 2
    assert [f["message"] for f in only(found, "F001")] == [
        f"workbook is damaged: cannot read its part '{name}'; ask the unit to send it again"]


def test_a_workbook_with_its_parts_stored_unpacked_reads_the_same(workspace: Path) -> None:
    path = to_workbook(workspace)
    expected = run(workspace, path)
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    path.write_bytes(buffer.getvalue())
    assert run(workspace, path) == expected


def test_a_part_is_read_as_the_zip_module_reads_it_whatever_its_packing() -> None:
    from zzip.xlsx.reader import _inflate

    buffer = io.BytesIO()
    methods = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA)
    with zipfile.ZipFile(buffer, "w") as archive:
        for method in methods:
            archive.writestr(f"part{method}.xml", "<c r=\"A1\">任务进展</c>" * 300 + str(method), compress_type=method)
        archive.writestr("empty.xml", b"", compress_type=zipfile.ZIP_DEFLATED)
    raw = buffer.getvalue()
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        for info in archive.infolist():
            assert _inflate(raw, info, archive) == archive.read(info), info.filename


def test_an_empty_workbook_is_refused_with_the_way_to_a_template(workspace: Path) -> None:
    path = workspace / FILE
    (workspace / "reports/2023-Q1/court.yaml").unlink()
    openpyxl.Workbook().save(path)
    code, found = run(workspace, path)
    assert code == 2
    message = only(found, "F001")[0]["message"]
    assert "has none of the status workbook's sheets" in message and "it has: Sheet" in message
    assert "zzip template --format xlsx" in message


# -- sheets and columns ------------------------------------------------------------------------

def test_a_renamed_and_a_missing_sheet_are_both_reported(workspace: Path) -> None:
    path = to_workbook(workspace)

    def change(book):
        book["任务进展"].title = "Sheet1"
        del book["指标数据"]
    edit(path, change)
    code, found = run(workspace, path)
    assert code == 2
    messages = sorted((where(f), f["message"]) for f in only(found, "F001"))
    assert messages == [
        (f"{FILE}!任务进展", "sheet '任务进展' is missing (renamed? the workbook has Sheet1); keep the template's sheets and their names"),
        (f"{FILE}!指标数据", "sheet '指标数据' is missing (renamed? the workbook has Sheet1); keep the template's sheets and their names"),
    ]


def test_reordered_sheets_and_columns_read_the_same(workspace: Path) -> None:
    path = to_workbook(workspace)

    def change(book):
        book.move_sheet("任务进展", offset=-2)
        sheet = book["任务进展"]
        for row in sheet.iter_rows():  # swap 完成比例(%) (G) and 说明 (K)
            row[6].value, row[10].value = row[10].value, row[6].value
    edit(path, change)
    assert run(workspace, path) == (0, [])


def test_a_renamed_column_is_reported_at_the_header(workspace: Path) -> None:
    path = to_workbook(workspace)
    edit(path, lambda book: book["任务进展"].__setitem__("F1", "状态"))
    code, found = run(workspace, path)
    assert code == 2
    assert [(where(f), f["message"]) for f in only(found, "F001")] == [
        (f"{FILE}!任务进展!A1", "column '进展状态' (status) is missing from the header row (row 1); keep the template's "
                              "columns and their headers")]


def test_a_deleted_column_is_reported(workspace: Path) -> None:
    path = to_workbook(workspace)
    edit(path, lambda book: book["任务进展"].delete_cols(8))  # 完成日期
    code, found = run(workspace, path)
    assert code == 2 and "column '完成日期' (completed) is missing" in only(found, "F001")[0]["message"]


def test_an_extra_column_and_an_extra_sheet_with_data_are_reported_and_the_rest_is_read(workspace: Path) -> None:
    path = to_workbook(workspace)

    def change(book):
        sheet = book["任务进展"]
        sheet["L1"], sheet["L2"] = "备注2", "另有说明"
        book.create_sheet("附表")["A1"] = "补充材料"
        book.create_sheet("空表")  # an empty extra sheet is harmless
    edit(path, change)
    code, found = run(workspace, path)
    assert code == 1
    s201 = sorted((where(f), f["message"]) for f in only(found, "S201"))
    assert s201 == [
        (FILE, "sheet '附表' is not part of the status workbook and zzip does not read it: move what it says into "
               "the 说明 (note) cells, or delete the sheet"),
        (f"{FILE}!任务进展!L1", "column '备注2' is not part of the status workbook and zzip does not read it: put what "
                              "it says in the 说明 (note) column"),
    ]
    assert len(found) == 2  # the entries themselves still count: nothing else is reported


def test_merged_cells_are_reported_at_the_range(workspace: Path) -> None:
    path = to_workbook(workspace)
    edit(path, lambda book: book["任务进展"].merge_cells("K2:K3"))
    code, found = run(workspace, path)
    assert code == 2
    assert [(where(f), f["message"]) for f in only(found, "F001")] == [
        (f"{FILE}!任务进展!K2", "cells K2:K3 are merged; unmerge them (开始 → 合并后居中 → 取消单元格合并) and give each "
                              "row its own value")]


def test_a_hidden_row_is_reported_and_not_counted(workspace: Path) -> None:
    path = to_workbook(workspace)
    edit(path, lambda book: setattr(book["任务进展"].row_dimensions[3], "hidden", True))
    code, found = run(workspace, path)
    assert code == 1
    [hidden] = only(found, "S201")
    assert where(hidden) == f"{FILE}!任务进展!A3"
    assert hidden["message"].startswith("row 3 is hidden, so whoever checked the workbook could not see it")
    assert [f["message"] for f in only(found, "C303")] and "MS-1-2" in only(found, "C303")[0]["message"]


def test_a_formula_never_calculated_is_reported(workspace: Path) -> None:
    path = to_workbook(workspace)
    edit(path, lambda book: book["任务进展"].__setitem__("G2", "=30+10"))  # openpyxl saves no result
    code, found = run(workspace, path)
    assert code == 1
    [problem] = only(found, "S201")
    assert where(problem) == f"{FILE}!任务进展!G2"
    assert problem["message"].startswith("完成比例(%) (percent) holds a formula that was never calculated")


# -- cells ----------------------------------------------------------------------------------------

CELLS = [
    ("date-with-dots", "任务进展", "H2", "2023.3.31",
     "完成日期 (completed) is the text '2023.3.31', not a date (did you mean 2023-03-31?)"),
    ("date-in-chinese", "任务进展", "H2", "2023年3月31日",
     "完成日期 (completed) is the text '2023年3月31日', not a date (did you mean 2023-03-31?)"),
    ("serial-as-text", "任务进展", "H2", "45016",
     "完成日期 (completed) is the text '45016', not a date (it looks like a date serial number stored as text "
     "(2023-03-31?))"),
    ("serial-as-number-in-a-general-cell", "任务进展", "H2", 45016,
     "完成日期 (completed) is the number 45016, not a date (as a date it would be 2023-03-31)"),
    ("thousands-separator", "指标数据", "F2", "10,500",
     "数值 (value) is the text '10,500', not a number (type it without thousands separators: 10500)"),
    ("wan", "指标数据", "F2", "1.05万",
     "数值 (value) is the text '1.05万', not a number (type the number alone, in the indicator's unit of measure"),
    ("full-width-digits", "任务进展", "G2", "４０",
     "完成比例(%) (percent) is the text '４０', not a number (it is written with full-width characters: type 40)"),
    ("number-as-text", "任务进展", "G2", "40",
     "完成比例(%) (percent) is the text '40', not a number (the cell is formatted as text"),
    ("status-outside-drop-down", "任务进展", "F2", "完成了",
     "任务进展 row 2, 进展状态 (status): expected one of not-started, in-progress, done, blocked, 未开始, 进行中, "
     "已完成, 受阻; found '完成了'"),
]


@pytest.mark.parametrize("sheet, cell, value, message", [c[1:] for c in CELLS], ids=[c[0] for c in CELLS])
def test_a_wrong_cell_is_reported_at_the_cell_and_its_row_is_not_counted(workspace: Path, sheet, cell, value,
                                                                         message) -> None:
    unit = "market-regulation" if sheet == "指标数据" else "court"
    path = to_workbook(workspace, unit)

    def change(book):
        book[sheet][cell] = value
        book[sheet][cell].number_format = "General"  # as a cell whose date format was cleared
    edit(path, change)
    code, found = run(workspace, path)
    assert code == 1
    [problem] = only(found, "S201")
    assert where(problem) == f"reports/2023-Q1/{unit}.xlsx!{sheet}!{cell}"
    assert problem["message"].startswith(message), problem["message"]


@pytest.mark.parametrize("label, value, code, message", [
    ("单位编号", "market-regulation", "S208", "file is named 'court' but reports for unit 'market-regulation'; name it "
                                            "market-regulation.xlsx"),
    ("报送季度", "2023-Q2", "S208", "period 2023-Q2 disagrees with the folder 2023-Q1 the file is in"),
    ("方案版本", "0.9", "S205", ""),
    ("方案编号", "other-plan", "S205", ""),
])
def test_a_workbook_for_another_unit_quarter_or_plan_is_recognised(workspace: Path, label, value, code, message) -> None:
    path = to_workbook(workspace)

    def change(book):
        info = book["报送信息"]
        info.cell(row_of(info, label), 2).value = value
    edit(path, change)
    exit_code, found = run(workspace, path)
    assert exit_code == 1
    hits = only(found, code)
    assert hits and hits[0]["sheet"] == "报送信息" and hits[0]["cell"].startswith("B")
    assert message in hits[0]["message"]


def test_an_empty_report_date_points_at_its_cell(workspace: Path) -> None:
    path = to_workbook(workspace)

    def change(book):
        info = book["报送信息"]
        info.cell(row_of(info, "报送日期"), 2).value = None
    edit(path, change)
    code, found = run(workspace, path)
    assert code == 1
    [problem] = only(found, "S201")
    assert where(problem) == f"{FILE}!报送信息!B7" and problem["message"] == "报送日期 (submitted) is empty: fill it in"


def test_all_problems_of_a_workbook_are_reported_not_only_the_first(workspace: Path) -> None:
    path = to_workbook(workspace)

    def change(book):
        sheet = book["任务进展"]
        sheet["H2"], sheet["G3"], sheet["F3"] = "2023.3.1", "五十", "好"
    edit(path, change)
    code, found = run(workspace, path)
    assert code == 1 and sorted(f["cell"] for f in only(found, "S201")) == ["F3", "G3", "H2"]


# -- found by review: forms of XML the byte scans did not read, and parts two readers read apart ------

_MAIN = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"


@pytest.mark.parametrize("cells, message", [
    (b"<row r='1048576'><c r='XFD1048576'><v>1</v></c></row>", "sheet has 1,048,576 rows;"),
    (b'<row r = "1048576"><c r = "XFD1048576"><v>1</v></c></row>', "sheet has 1,048,576 rows;"),
    (b'<row><c r="xfd1048576"><v>1</v></c></row>', "sheet has 1,048,576 rows;"),
    (b'<x:row xmlns:x="' + _MAIN + b'"><x:c\nr="XFD1048576"><x:v>1</x:v></x:c></x:row>', "sheet has 1,048,576 rows;"),
    (b"<row r='40'><c r='ZZZ40'><v>1</v></c></row>", "cells as far right as column ZZZ;"),
], ids=["single-quotes", "spaced-equals", "lower-case", "prefixed-newline", "far-right-single-quotes"])
def test_a_far_cell_in_any_form_of_xml_is_refused_before_the_values_are_read(workspace: Path, cells: bytes,
                                                                             message: str) -> None:
    # before: each of these passed the byte scans, and the values reader asked for 512 GB: the whole
    # run aborted (exit 134) with no finding for any unit
    path = to_workbook(workspace)
    _rewrite_parts(path, _append_to_entries_sheet(cells))
    code, found = run(workspace, path)
    assert code == 2 and [(where(f), message in f["message"]) for f in only(found, "F001")] == \
        [(f"{FILE}!任务进展", True)]


def test_a_hidden_row_written_in_single_quotes_is_hidden_too(workspace: Path) -> None:
    # before: <row hidden='1' r='3'> was read as a visible row (a wrong verdict)
    path = to_workbook(workspace)

    def change(parts: dict) -> None:
        name = _sheet_part(parts)
        parts[name] = parts[name].replace(b'<row r="3"', b"<row hidden='1' r='3'", 1)

    _rewrite_parts(path, change)
    code, found = run(workspace, path)
    assert code == 1
    [hidden] = only(found, "S201")
    assert where(hidden) == f"{FILE}!任务进展!A3" and hidden["message"].startswith("row 3 is hidden")


def test_a_sheet_whose_xml_is_not_read_by_the_byte_scans_reads_the_same(workspace: Path) -> None:
    path = to_workbook(workspace)
    before = run(workspace, path)

    def change(parts: dict) -> None:  # the same sheet with every attribute in single quotes
        name = _sheet_part(parts)
        head, rest = parts[name].split(b"<sheetData>", 1)
        data, tail = rest.split(b"</sheetData>", 1)
        parts[name] = head + b"<sheetData>" + data.replace(b'"', b"'") + b"</sheetData>" + tail

    _rewrite_parts(path, change)
    assert run(workspace, path) == before


@pytest.mark.parametrize("twin", ["xl/./worksheets/{}", "xl/worksheets/{}", "XL/worksheets/{}"])
def test_two_parts_named_alike_are_refused(workspace: Path, twin: str) -> None:
    # before: zzip checked one part and the values reader read its twin with a far cell (exit 134)
    path = to_workbook(workspace)

    def change(parts: dict) -> None:
        name = _sheet_part(parts)
        other = twin.format(name.rsplit("/", 1)[1].capitalize() if twin == "xl/worksheets/{}" else name.rsplit("/", 1)[1])
        parts[other] = parts[name].replace(b"</sheetData>", b'<row r="900000"><c r="A900000"><v>1</v></c></row>'
                                                            b"</sheetData>")

    _rewrite_parts(path, change)
    code, found = run(workspace, path)
    assert code == 2 and "two parts named alike" in only(found, "F001")[0]["message"]


def test_a_part_named_in_another_case_than_its_relationship_says_is_read(workspace: Path) -> None:
    path = to_workbook(workspace)
    before = run(workspace, path)

    def change(parts: dict) -> None:
        name = _sheet_part(parts)
        rels = parts["xl/_rels/workbook.xml.rels"]
        target = name[len("xl/"):].encode()
        parts["xl/_rels/workbook.xml.rels"] = rels.replace(target, target.upper().replace(b".XML", b".xml"))

    _rewrite_parts(path, change)
    assert run(workspace, path) == before  # before: "its part 'xl/WORKSHEETS/SHEET3.xml' is missing"


def test_a_shared_strings_count_past_any_status_workbook_is_refused(workspace: Path) -> None:
    # before: uniqueCount="4000000000" made the values reader ask for 96 GB (exit 134)
    path = to_workbook(workspace)

    def change(parts: dict) -> None:
        parts["xl/sharedStrings.xml"] = (b'<sst xmlns="' + _MAIN + b'" count="4000000000" uniqueCount="4000000000">'
                                         b"<si><t>a</t></si></sst>")

    _rewrite_parts(path, change)
    code, found = run(workspace, path)
    assert code == 2 and "holds 4,000,000,000 texts" in only(found, "F001")[0]["message"]


def test_a_part_packed_with_bzip2_is_refused_without_inflating_it(workspace: Path) -> None:
    # before: the zip module inflated a bzip2 stream whole (2 GB for an 11 KB workbook) before its size was checked
    path = to_workbook(workspace)
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content, compress_type=zipfile.ZIP_BZIP2 if "worksheets" in name else None)
    path.write_bytes(buffer.getvalue())
    code, found = run(workspace, path)
    assert code == 2 and "packed in a way spreadsheet programs do not use" in only(found, "F001")[0]["message"]
