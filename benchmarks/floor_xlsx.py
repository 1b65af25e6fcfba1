"""The floor for workbooks: find the .xlsx files the way `zzip check` does and load each with the
reader zzip uses (python-calamine: every sheet's values), nothing else.

    python benchmarks/floor_xlsx.py ROOT              # python-calamine, zzip's reader
    python benchmarks/floor_xlsx.py ROOT --with-xml   # and what zzip reads beyond calamine's values
    python benchmarks/floor_xlsx.py ROOT --openpyxl   # openpyxl read-only, the alternative measured

--with-xml is the floor of what zzip must read (for information; the issue's floor is the first):
calamine's load as above, plus the zip directory, each data sheet's XML inflated (found through
xl/workbook.xml and its rels) and searched at the bytes level for what calamine does not report
(hidden rows, formulas, how many rows), and calamine's merged ranges of the data sheets. It
converts nothing and builds nothing.

Prints the number of files read.
"""

import sys
from pathlib import Path


def files_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix.lower() == ".xlsx" and not p.name.startswith((".", "~$")))


def find(root: Path) -> list[Path]:
    found = files_in(root)
    for sub in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        found.extend(files_in(sub))
    return found


DATA_SHEETS = ("报送信息", "任务进展", "指标数据")  # zzip.xlsx.layout.DATA_SHEETS (not imported: no zzip here)


def with_xml(paths: list[Path]) -> int:
    import io
    import zipfile
    import zlib
    from xml.etree import ElementTree

    from python_calamine import CalamineWorkbook

    main_ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    rel_id = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"

    def inflate(raw: bytes, archive: zipfile.ZipFile, name: str) -> bytes:
        info = archive.getinfo(name)  # (the cheapest correct read: one zlib call, as zzip does)
        start = info.header_offset + 30 + int.from_bytes(raw[info.header_offset + 26:info.header_offset + 28], "little") \
            + int.from_bytes(raw[info.header_offset + 28:info.header_offset + 30], "little")
        packed = raw[start:start + info.compress_size]
        data = zlib.decompressobj(-15).decompress(packed, info.file_size) if info.compress_type else packed
        assert zlib.crc32(data) == info.CRC
        return data

    count = 0
    for path in paths:
        raw = path.read_bytes()
        archive = zipfile.ZipFile(io.BytesIO(raw))
        archive.infolist()
        book = ElementTree.fromstring(inflate(raw, archive, "xl/workbook.xml"))
        rels = {r.get("Id"): r.get("Target") for r in ElementTree.fromstring(inflate(raw, archive, "xl/_rels/workbook.xml.rels"))}
        for sheet in book.iter(f"{main_ns}sheet"):
            if sheet.get("name") in DATA_SHEETS:
                target = rels[sheet.get(rel_id)]
                xml = inflate(raw, archive, target.lstrip("/") if target.startswith("/") else "xl/" + target)
                xml.count(b"<row")
                _ = b"hidden=" in xml, b"<f>" in xml or b"<f " in xml
        calamine = CalamineWorkbook.from_filelike(io.BytesIO(raw))
        for name in calamine.sheet_names:
            sheet = calamine.get_sheet_by_name(name)
            sheet.to_python(skip_empty_area=False)
            if name in DATA_SHEETS:
                sheet.merged_cell_ranges
        count += 1
    return count


def main() -> int:
    root = Path(sys.argv[1])
    count = 0
    if "--openpyxl" in sys.argv:
        import openpyxl

        for path in find(root):
            book = openpyxl.load_workbook(path, read_only=True)
            for sheet in book.worksheets:
                for _row in sheet.iter_rows(values_only=True):
                    pass
            book.close()
            count += 1
    elif "--with-xml" in sys.argv:
        count = with_xml(find(root))
    else:
        from python_calamine import CalamineWorkbook

        for path in find(root):
            book = CalamineWorkbook.from_path(str(path))
            for name in book.sheet_names:
                book.get_sheet_by_name(name).to_python(skip_empty_area=False)
            count += 1
    print(count)
    return 0


if __name__ == "__main__":
    sys.exit(main())
