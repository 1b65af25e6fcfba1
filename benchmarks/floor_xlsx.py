"""The floor for workbooks: find the .xlsx files the way `zzip check` does and load each with the
reader zzip uses (python-calamine: every sheet's values), nothing else.

    python benchmarks/floor_xlsx.py ROOT              # python-calamine, zzip's reader
    python benchmarks/floor_xlsx.py ROOT --openpyxl   # openpyxl read-only, the alternative measured

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
