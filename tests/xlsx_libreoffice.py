"""Re-save a workbook through LibreOffice Calc, headless, as a user's spreadsheet program would.

Used by tests/test_xlsx_libreoffice.py and by tests/fixtures/xlsx/make_fixtures.py. Each run gets
its own LibreOffice profile (-env:UserInstallation), so runs never share or lock one.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

INSTALL_HINT = ("LibreOffice is not installed (no 'soffice' on PATH); to run this test: "
                "sudo apt-get install -y libreoffice-calc-nogui (Debian/Ubuntu), see README.md")


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def resave(source: Path, target: Path) -> Path:
    """`source` opened and saved again as .xlsx by LibreOffice, written to `target`."""
    program = soffice()
    if program is None:
        raise RuntimeError(INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="zzip-lo-") as temp:
        temp_path = Path(temp)
        copy = temp_path / "in" / f"{target.stem}{source.suffix}"
        copy.parent.mkdir()
        shutil.copyfile(source, copy)
        out = temp_path / "out"
        result = subprocess.run(
            [program, f"-env:UserInstallation=file://{temp_path / 'profile'}", "--headless", "--norestore",
             "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(copy)],
            capture_output=True, text=True, timeout=180)
        produced = out / f"{target.stem}.xlsx"
        if result.returncode != 0 or not produced.exists():
            raise RuntimeError(f"LibreOffice did not convert {source}: {result.returncode}\n{result.stdout}\n{result.stderr}")
        shutil.copyfile(produced, target)
    return target
