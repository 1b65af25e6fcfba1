"""The bulletin as PDF: the same HTML, printed by headless Chromium.

Chromium rather than WeasyPrint: it is the browser the tests already look at the page with (so
the PDF is what was checked), it lays out CSS grid and inline SVG as a reader's browser does,
and it embeds subsets of the system fonts it used. WeasyPrint would add a Python dependency on
Pango and its own partial SVG renderer. Chromium is found on PATH (chromium, chromium-browser,
google-chrome) or named by ZZIP_CHROMIUM; Chinese text needs a CJK font known to fontconfig
(Debian: fonts-noto-cjk). Without one, the PDF would show empty boxes, so none is written.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
INSTALL_HINT = "on Debian or Ubuntu: apt-get install chromium fonts-noto-cjk (docs/bulletin.md)"


class PdfError(Exception):
    """The PDF cannot be made here: one line for the user."""


def find_browser() -> str:
    named = os.environ.get("ZZIP_CHROMIUM")
    if named:
        found = shutil.which(named)
        if not found:
            raise PdfError(f"ZZIP_CHROMIUM names '{named}', which is not an executable program")
        return found
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    raise PdfError(f"a PDF is printed by headless Chromium, and none was found ({', '.join(BROWSERS)}); "
                   f"install it ({INSTALL_HINT}), or write HTML (-o FILE.html) and print that from a browser")


def cjk_fonts() -> list[str]:
    """Font families fontconfig knows that cover Chinese (fc-list :lang=zh)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return []
    try:
        out = subprocess.run([fc_list, ":lang=zh", "family"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return sorted({line.split(",")[0].strip() for line in out.splitlines() if line.strip()})


def check_fonts() -> None:
    """Plan and unit names are Chinese whatever the language of the interface: a CJK font is needed."""
    if not cjk_fonts():
        raise PdfError("no Chinese (CJK) font is installed, so the PDF would show empty boxes instead of "
                       f"Chinese text; install one ({INSTALL_HINT}), or write HTML (-o FILE.html)")


def print_pdf(html: str, timeout: float = 120) -> bytes:
    """The PDF of a page, printed on A4 by the page's own print CSS."""
    browser = find_browser()
    with tempfile.TemporaryDirectory(prefix="zzip-bulletin-") as temp:
        page, pdf = Path(temp) / "bulletin.html", Path(temp) / "bulletin.pdf"
        page.write_text(html, encoding="utf-8")
        command = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                   "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-sync",
                   "--disable-background-networking", "--no-pdf-header-footer", f"--user-data-dir={temp}/profile",
                   f"--print-to-pdf={pdf}", page.as_uri()]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise PdfError(f"{browser} did not finish printing within {timeout:.0f} seconds") from None
        except OSError as exc:
            raise PdfError(f"cannot run {browser}: {exc.strerror or exc}") from None
        if not pdf.exists() or pdf.stat().st_size == 0:
            last = (done.stderr.strip().splitlines() or ["no message"])[-1]
            raise PdfError(f"{browser} wrote no PDF (exit {done.returncode}): {last}")
        return pdf.read_bytes()
