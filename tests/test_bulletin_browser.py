"""The bulletin as a reader sees it: rendered by headless Chromium, read back from the browser, and
printed to PDF. Needs Chromium, a CJK font and poppler's pdftotext (Debian: apt-get install chromium
fonts-noto-cjk poppler-utils; .ci/run installs them). Skipped, with the reason, when they are missing."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zzip.bulletin.pdf import BROWSERS, cjk_fonts
from zzip.cli import app

from test_bulletin import AS_OF, HOSTILE_NAME, HOSTILE_NOTE, REPO, hostile_data

BROWSER = next((shutil.which(name) for name in BROWSERS if shutil.which(name)), None)
MISSING = [what for what, ok in (("chromium", BROWSER), ("pdftotext (poppler-utils)", shutil.which("pdftotext")),
                                 ("a CJK font (fonts-noto-cjk)", cjk_fonts())) if not ok]
pytestmark = pytest.mark.skipif(bool(MISSING), reason=f"needs {', '.join(MISSING)}: on Debian or Ubuntu, "
                                "apt-get install chromium fonts-noto-cjk poppler-utils (README.md)")


def browser(*args: str, timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run([BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                           "--hide-scrollbars", "--no-first-run", *args], capture_output=True, timeout=timeout)


class _Page(HTMLParser):
    """The DOM the browser dumped: its text, and the elements in it."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag in ("style", "svg"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("style", "svg") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


def dom(page: Path, tmp_path: Path) -> _Page:
    done = browser(f"--user-data-dir={tmp_path}/profile-dom", "--dump-dom", page.as_uri())
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    parsed = _Page()
    parsed.feed(done.stdout.decode("utf-8"))
    return parsed


def make(tmp_path: Path, name: str, *extra: str) -> Path:
    out = tmp_path / name
    result = CliRunner().invoke(app, ["bulletin", "--period", "2025-Q2", "--as-of", AS_OF, "-o", str(out), "--lang", "zh", *extra])
    assert result.exit_code == 0, result.output
    return out


def test_page_in_the_browser_shows_indicators_and_units(tmp_path: Path) -> None:
    page = make(tmp_path, "b.html")
    parsed = dom(page, tmp_path)
    text = " ".join(parsed.text)
    from zzip.plan_loader import load_plan

    plan = load_plan(REPO / "plan").plan
    for indicator in plan.indicators.values():
        assert indicator.name in text
    for unit in ("市市场监管局", "新郑市人民政府", "市人社局", "市商务局", "市委网信办", "市大数据局", "市委组织部"):
        assert unit in text
    for heading in ("督导通报", "督办清单", "进度滞后单位", "分部分进展"):
        assert heading in text
    assert parsed.tags.count("svg") == 29 and "script" not in parsed.tags


def test_screenshot_is_not_blank(tmp_path: Path) -> None:
    import matplotlib.image

    page = make(tmp_path, "b.html")
    shot = tmp_path / "shot.png"
    done = browser(f"--user-data-dir={tmp_path}/profile-shot", "--window-size=1200,1600", f"--screenshot={shot}",
                   page.as_uri())
    assert done.returncode == 0 and shot.exists(), done.stderr.decode(errors="replace")[-2000:]
    pixels = matplotlib.image.imread(str(shot))[:, :, :3]
    assert pixels.shape[:2] == (1600, 1200)
    ink = (pixels.mean(axis=2) < 0.6).mean()  # dark pixels: text, lines, the charts
    colour = (pixels.max(axis=2) - pixels.min(axis=2) > 0.25).mean()  # the grades and the charts' colours
    assert 0.01 < ink < 0.5 and colour > 0.002, (ink, colour)


def test_hostile_text_is_text_in_the_browser(tmp_path: Path) -> None:
    plan, reports = hostile_data(tmp_path)
    out = tmp_path / "hostile.html"
    result = CliRunner().invoke(app, ["bulletin", str(reports), "--plan", str(plan), "--period", "2025-Q2",
                                      "--as-of", AS_OF, "-o", str(out)])
    assert result.exit_code == 0, result.output
    parsed = dom(out, tmp_path)
    text = "".join(parsed.text)
    assert HOSTILE_NAME in text  # shown, whole, as the characters it is made of
    assert HOSTILE_NOTE.replace("\u202e", "\\u202e").replace("\u202c", "\\u202c") in text
    assert "<i>指标</i></svg><svg onload=alert(3)>" in text
    # not one element more than on the clean data: the same page, with other words in it
    from collections import Counter

    assert Counter(parsed.tags) == Counter(dom(make(tmp_path, "clean.html"), tmp_path).tags)
    assert "script" not in parsed.tags and "img" not in parsed.tags and parsed.tags.count("svg") == 29


def test_pdf_has_the_chinese_headings_and_units_with_fonts_embedded(tmp_path: Path) -> None:
    pdf = make(tmp_path, "b.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for words in ("督导通报", "总体情况", "指标进展", "进度滞后单位", "督办清单", "分部分进展", "与上期通报相比的变化",
                  "市市场监管局", "新郑市人民政府", "高价值发明专利拥有量", "2025年7月31日"):
        assert words in text, words
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "A4" in pages or "595" in pages
    if shutil.which("pdffonts"):
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
        assert fonts and all(" yes " in line for line in fonts), fonts
